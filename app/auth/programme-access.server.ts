import { isEndorsedProgramme } from "~/domain/programmes";
import { notFound } from "./guard.server";
import { requireProposal, type ProposalAccess } from "./proposal-access.server";

/**
 * An endorsed programme for whoever may see the proposal (its boroughs' people; MOPAC, which sees
 * every proposal that reached it). A proposal that is not an endorsed programme is "page not found",
 * as is one the person may not see.
 */
export async function requireProgramme(request: Request, proposalIdParam: string | undefined): Promise<ProposalAccess> {
  const access = await requireProposal(request, proposalIdParam, "view");
  if (!isEndorsedProgramme(access.proposal.status)) throw notFound();
  return access;
}
