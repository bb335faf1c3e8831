import type { AppLoadContext } from "react-router";
import type { HistoryEntry } from "~/data/history.server";
import { History, ProjectFeedback } from "./history";
import { prerenderComponent } from "./prerender.server";
import type { PrerenderedFragment } from "./prerendered";

/**
 * The proposal's history as prerendered markup (see prerender.server.tsx): read-only, and on a
 * proposal that has been through a round or two of review it is dozens of entries the page would
 * otherwise render, and send again as loader data, on every request.
 */
export function historyFragment(
  context: AppLoadContext | undefined,
  entries: readonly HistoryEntry[],
): PrerenderedFragment {
  return prerenderComponent(context, "history", History, { entries });
}

/** MOPAC's comments on one project as prerendered markup, or null where there are none (nothing is shown). */
export function projectFeedbackFragment(
  context: AppLoadContext | undefined,
  entries: readonly HistoryEntry[],
  headingLevel: 2 | 3 | 4 | 5,
): PrerenderedFragment | null {
  if (entries.length === 0) return null;
  return prerenderComponent(context, "project-feedback", ProjectFeedback, { entries, headingLevel });
}
