import { requireMopacStaff } from "~/auth/mopac-only.server";
import { londonBoroughsPage } from "~/data/london.server";
import { db } from "~/db.server";
import { todayInLondon } from "~/domain/dates";
import { LondonFrame, londonSearch } from "~/ui/london";
import { boroughsTable } from "~/ui/london.server";
import { Prerendered } from "~/ui/prerendered";
import { parseDirection } from "~/ui/sort-header";
import type { Route } from "./+types/london";

/** The London view's first page: every borough's figures and London's totals. The other parts have pages of their own. */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireMopacStaff(request);
  const search = new URL(request.url).searchParams;
  const { view, sort, direction, ...choice } = await londonBoroughsPage(
    db(),
    search,
    todayInLondon(),
    parseDirection(search.get("dir")),
  );
  // The table is read-only markup rendered once per distinct set of figures: its rows stay on the server.
  const table =
    view && choice.chosen
      ? boroughsTable(context, {
          ...view,
          search: londonSearch(choice.chosen),
          yearLabel: choice.chosen.label,
          sort,
          direction,
        })
      : null;
  return { ...choice, table };
}

export default function London({ loaderData }: Route.ComponentProps) {
  const { table, ...choice } = loaderData;
  return (
    <LondonFrame section="boroughs" choice={choice}>
      {choice.chosen && table ? (
        <>
          <h2 className="govuk-heading-m">Boroughs</h2>
          <p className="govuk-body">
            Left or over is the proposal’s direct funding for the year, with what earlier years of its period carried
            in, less its planned spend. A joint proposal shows on the row of each of its boroughs, with its status,
            reviewer and dates; its planned spend, what is left and its match funding are on its lead borough’s row
            only, so London’s totals count them once. Totals count each project under its primary priority only.
          </p>
          <Prerendered fragment={table} />
        </>
      ) : null}
    </LondonFrame>
  );
}
