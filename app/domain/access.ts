import { ROLE_ORGANISATION_KIND, type Actor, type UserActor } from "~/domain/roles";

/**
 * Who may see a proposal at all. Anyone refused here must not learn that the proposal exists,
 * so callers answer 404, never 403.
 */

export type ProposalAudience = {
  /** A joint (partnership) proposal belongs to every member borough. */
  boroughIds: readonly number[];
  /** True once the proposal has reached MOPAC at least once, even if it is back in draft now. */
  everSubmitted: boolean;
};

/** A role held in the wrong kind of organisation is a data error; treat it as nobody. */
function organisationMatchesRole(user: UserActor): boolean {
  return ROLE_ORGANISATION_KIND[user.role] === user.organisationKind;
}

/** A borough officer or CSP member of one of the proposal's boroughs. */
export function belongsToProposalBorough(user: UserActor, boroughIds: readonly number[]): boolean {
  return (
    (user.role === "borough_officer" || user.role === "csp_member") &&
    organisationMatchesRole(user) &&
    boroughIds.includes(user.organisationId)
  );
}

export function isMopacStaff(user: UserActor): boolean {
  return (user.role === "mopac_reviewer" || user.role === "mopac_admin") && organisationMatchesRole(user);
}

/** A borough's own people: its officers and its CSP's members. */
export function isBoroughStaff(user: UserActor): boolean {
  return (user.role === "borough_officer" || user.role === "csp_member") && organisationMatchesRole(user);
}

export function canViewProposal(actor: Actor, proposal: ProposalAudience): boolean {
  // The portal itself routes submissions and must reach every proposal; it never renders a page.
  if (actor.kind === "system") return true;
  if (belongsToProposalBorough(actor, proposal.boroughIds)) return true;
  // Reviewers see nothing of a borough's drafting until the CSP has sent it to MOPAC once.
  return isMopacStaff(actor) && proposal.everSubmitted;
}

/**
 * Who may start a proposal for their own borough. Starting is not a step of the workflow (there is
 * no proposal yet), so the rule lives here beside the other "who is this person" questions.
 */
export function mayStartProposal(user: UserActor): boolean {
  return user.role === "borough_officer" && organisationMatchesRole(user);
}

/** Reviewing pages are MOPAC's: reviewers and admins alike. */
export function mayOpenReviewPages(user: UserActor): boolean {
  return isMopacStaff(user);
}

/** MOPAC admins oversee every proposal; a reviewer starts from the ones assigned to them. */
export function seesEveryReview(user: UserActor): boolean {
  return user.role === "mopac_admin" && organisationMatchesRole(user);
}
