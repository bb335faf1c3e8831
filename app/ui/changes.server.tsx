import type { AppLoadContext } from "react-router";
import type { ProposalChanges } from "~/domain/changes";
import { ChangesSinceLastSubmission } from "./changes";
import { prerenderComponent } from "./prerender.server";
import type { PrerenderedFragment } from "./prerendered";

/** What changed since MOPAC last saw the proposal, as prerendered markup (see prerender.server.tsx). */
export function changesFragment(context: AppLoadContext | undefined, changes: ProposalChanges): PrerenderedFragment {
  return prerenderComponent(context, "changes", ChangesSinceLastSubmission, { changes });
}
