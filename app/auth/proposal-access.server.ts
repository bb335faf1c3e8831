import { findProposal, workflowView, type ProposalRecord } from "~/data/proposals.server";
import { db } from "~/db.server";
import { canViewProposal } from "~/domain/access";
import { actorFromUser, type UserActor } from "~/domain/roles";
import { mayAttempt, type WorkflowProposal } from "~/domain/workflow";
import { parseId } from "~/server/ids";
import { notFound, refused, requireUser, type SessionUser } from "./guard.server";

export type ProposalAccess = {
  user: SessionUser;
  actor: UserActor;
  proposal: ProposalRecord;
  workflow: WorkflowProposal;
};

/**
 * Loads a proposal for the signed-in person. Anyone who may not see it gets "page not found", so
 * nobody learns that another borough's proposal exists. With "edit", the workflow must also allow
 * this person to change it in its current state.
 */
export async function requireProposal(
  request: Request,
  proposalIdParam: string | undefined,
  intent: "view" | "edit" = "view",
): Promise<ProposalAccess> {
  const user = await requireUser(request);
  const proposal = await findProposal(db(), requireIdParam(proposalIdParam));
  if (!proposal) throw notFound();
  const actor = actorFromUser(user);
  const workflow = workflowView(proposal);
  if (!canViewProposal(actor, { boroughIds: workflow.boroughIds, everSubmitted: workflow.everSubmitted ?? false })) {
    throw notFound();
  }
  if (intent === "edit") {
    const decision = mayAttempt("edit", proposal.status, actor, workflow);
    if (!decision.ok) throw refused(decision.status, decision.reason);
  }
  return { user, actor, proposal, workflow };
}

/** A proposal or project id from the address, as a number; anything but a canonical id is "page not found". */
export function requireIdParam(param: string | undefined): number {
  const id = parseId(param);
  if (id === null) throw notFound();
  return id;
}

/** Whether this person may change the proposal now (for showing change links; the server re-checks). */
export function canEdit(access: ProposalAccess): boolean {
  return mayAttempt("edit", access.proposal.status, access.actor, access.workflow).ok;
}
