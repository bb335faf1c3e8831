import type { AppLoadContext } from "react-router";
import { prerenderComponent } from "./prerender.server";
import type { PrerenderedFragment } from "./prerendered";
import {
  BoroughsTable,
  CoCommissioningTables,
  type BoroughsTableProps,
  type CoCommissioningTablesProps,
} from "./london-tables";

/*
 * The London view's tables as prerendered markup (see prerender.server.tsx): rendered once for each
 * distinct set of figures, sort and year, and the figures they are drawn from stay on the server.
 * The key is every prop, so a changed allocation, status or sort makes new markup.
 */

export function boroughsTable(context: AppLoadContext | undefined, props: BoroughsTableProps): PrerenderedFragment {
  return prerenderComponent(context, "london-boroughs", BoroughsTable, props);
}

export function coCommissioningTables(
  context: AppLoadContext | undefined,
  props: CoCommissioningTablesProps,
): PrerenderedFragment {
  return prerenderComponent(context, "london-co-commissioning", CoCommissioningTables, props);
}
