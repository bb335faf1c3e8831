import type { AppLoadContext } from "react-router";
import { ContentsList, type ContentsItem } from "./contents-list";
import { prerenderComponent } from "./prerender.server";
import type { PrerenderedFragment } from "./prerendered";

/** A long page's contents list as prerendered markup (see prerender.server.tsx): plain links. */
export function contentsFragment(
  context: AppLoadContext | undefined,
  items: readonly ContentsItem[],
  label = "Contents",
): PrerenderedFragment {
  return prerenderComponent(context, "contents-list", ContentsList, { items, label });
}
