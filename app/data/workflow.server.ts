import type { Transaction } from "kysely";
import { type DB, inTransaction } from "../../db/connection";
import type { Database } from "../../db/schema";
import type { SessionUser } from "~/auth/session.server";
import { todayInLondon } from "~/domain/dates";
import { actorFromUser, SYSTEM_ACTOR } from "~/domain/roles";
import { chooseReviewer } from "~/domain/routing";
import { snapshotProposal } from "~/domain/snapshot";
import { decide, OPEN_REVIEW_STATES, type Action, type State } from "~/domain/workflow";
import { proposalName, templates, type EmailContent, type TemplateInput } from "~/mail/templates";
import { config } from "../config.server";
import { enqueueEmail } from "./outbox.server";
import { loadProjects } from "./projects.server";
import { findProposal, proposalOverview, sendingBlockers, workflowView, type ProposalRecord } from "./proposals.server";
import { sectionContext } from "./section-context.server";

export type ActionRequest = {
  proposalId: number;
  action: Exclude<Action, "edit" | "start_review">;
  user: SessionUser;
  comment?: string | null;
  meetingDate?: string | null;
  /** Feedback about one project (comment action only). */
  projectId?: number | null;
  /** The reviewer to hand the proposal to (reassign only). */
  reviewerId?: number | null;
  now?: Date;
};

export type ActionOutcome =
  | { ok: true; to: State; assignedReviewerId: number | null }
  | { ok: false; status: 403 | 404 | 409 | 422; reason: string; field?: string; blockers?: readonly string[] };

type Tx = Transaction<Database>;

// A second identical request this soon after the first (a double-click, a resent form) is the same act.
const REPEAT_WINDOW_MS = 2 * 60 * 1000;

// MOPAC's admins hear of a borough without an endorser once a day at most, however often officers try.
const NO_ENDORSER_NOTICE_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * Takes one step of a proposal's route, or records a comment, in one transaction: the workflow decides,
 * the state moves only from the state it was read in, the history gains an entry, the people concerned
 * are told in the portal and by an email queued in the same transaction. A refused action changes the
 * proposal in no way (a send refused for want of an endorser does tell MOPAC's admins).
 *
 * Nothing is sent from here: the outbox worker (app/mail/worker.server.ts) delivers the queued emails,
 * so a slow or silent mail server never holds up the person who acted.
 */
export async function takeAction(db: DB, request: ActionRequest): Promise<ActionOutcome> {
  const now = request.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const proposal = await findProposal(tx, request.proposalId);
    if (!proposal) return { ok: false, status: 404, reason: "We could not find that proposal" };
    const actor = actorFromUser(request.user);
    const comment = request.comment?.trim() || null;

    const repeated = await repeatOfLastAct(tx, proposal.id, request, comment, now);
    if (repeated) return { ok: true, to: proposal.status, assignedReviewerId: proposal.assigned_reviewer_id };

    const blockers = request.action === "send_to_csp" ? sendingBlockers(proposal.id, await proposalOverview(tx, proposal)) : [];
    const newReviewer = request.action === "reassign" ? await reviewerChoice(tx, request.reviewerId ?? null) : null;
    const decision = decide({
      action: request.action,
      state: proposal.status,
      actor,
      proposal: workflowView(proposal),
      input: { comment, meetingDate: request.meetingDate ?? null, blockers: blockers.map((b) => b.message), newReviewer },
      today: todayInLondon(now),
    });
    if (!decision.ok) {
      // Only the borough's own officers get this far with a send; the state and role checks passed.
      if (decision.field === "blockers" && blockers.some((b) => b.code === "csp-without-endorser")) {
        await tellAdminsNoEndorser(tx, proposal, now);
      }
      return decision;
    }

    const stamp = now.toISOString();
    let assignedReviewerId = proposal.assigned_reviewer_id;
    let projectTitle: string | null = null;
    let routed = false;

    if (request.action === "comment" && request.projectId) {
      const project = await tx.selectFrom("projects").select("title").where("id", "=", request.projectId).where("proposal_id", "=", proposal.id).executeTakeFirst();
      if (!project) return { ok: false, status: 404, reason: "That project is not part of this proposal" };
      projectTitle = project.title;
    }
    if (request.action === "reassign" && newReviewer) assignedReviewerId = newReviewer.id;

    // Move only from the state we read: if someone else acted first, this changes nothing.
    const moved = await tx
      .updateTable("proposals")
      .set((eb) => ({
        status: decision.to,
        version: eb("version", "+", 1),
        updated_at: stamp,
        updated_by: request.user.id,
        assigned_reviewer_id: assignedReviewerId,
        ...(request.action === "endorse" ? { last_submitted_at: stamp, first_submitted_at: proposal.first_submitted_at ?? stamp } : {}),
      }))
      .where("id", "=", proposal.id)
      .where("status", "=", proposal.status)
      .where("version", "=", proposal.version)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      return { ok: false, status: 409, reason: "Someone else changed this proposal at the same moment. Check it as it is now and try again." };
    }

    const eventId = await recordEvent(tx, {
      proposal,
      actorUserId: request.user.id,
      action: request.action,
      from: proposal.status,
      to: decision.to,
      comment,
      projectId: request.projectId ?? null,
      projectTitle,
      meetingDate: request.action === "endorse" ? (request.meetingDate ?? null) : null,
      assignedReviewerId: request.action === "reassign" ? assignedReviewerId : null,
      version: proposal.version + 1,
      stamp,
    });

    if (request.action === "withdraw") {
      // A withdrawn proposal no longer holds the borough's place for the period.
      await tx.updateTable("proposal_boroughs").set({ active: 0 }).where("proposal_id", "=", proposal.id).execute();
    }

    const page = `/proposals/${proposal.id}`;
    const about = { proposal, comment, stamp };
    switch (request.action) {
      case "send_to_csp":
        await tell(tx, await cspEndorsers(tx, proposal), page, templates.sentToCsp, about);
        break;
      case "return_to_officers":
        await tell(tx, await officers(tx, proposal), page, templates.returnedToOfficers, about);
        break;
      case "endorse": {
        await takeSnapshot(tx, proposal, eventId, stamp);
        const reviewerId = await routeToReviewer(tx, proposal, now);
        routed = reviewerId !== null;
        assignedReviewerId = reviewerId ?? assignedReviewerId;
        await tell(tx, await officers(tx, proposal), page, templates.endorsed, about);
        break;
      }
      case "request_changes":
        await tell(tx, await officers(tx, proposal), page, templates.changesRequested, about);
        break;
      case "approve":
        await tell(tx, await officers(tx, proposal), page, templates.approved, about);
        break;
      case "reject":
        await tell(tx, await officers(tx, proposal), page, templates.rejected, about);
        break;
      case "reassign": {
        await tell(tx, await usersById(tx, [assignedReviewerId!]), `${page}/review`, templates.reassignedToYou, about);
        // The reviewer who loses the review hears of it, whoever moved it.
        const previous = proposal.assigned_reviewer_id;
        if (previous !== null && previous !== assignedReviewerId) {
          await tell(tx, await usersById(tx, [previous]), `${page}/review`, templates.reviewTakenAway, about);
        }
        break;
      }
      default:
        break;
    }
    // An endorsed proposal is routed at once, unless MOPAC has no active reviewer to route it to.
    const to = request.action === "endorse" && routed ? "in_review" : decision.to;
    return { ok: true, to, assignedReviewerId };
  });
}

/**
 * True when the proposal's latest step is this very act by this person, moments ago: a double-click or
 * a resent form, which must not act twice.
 */
async function repeatOfLastAct(tx: Tx, proposalId: number, request: ActionRequest, comment: string | null, now: Date): Promise<boolean> {
  const last = await tx
    .selectFrom("proposal_events")
    .select(["actor_user_id", "action", "comment", "project_id", "created_at"])
    .where("proposal_id", "=", proposalId)
    .where("action", "!=", "start_review")
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!last || last.actor_user_id !== request.user.id || last.action !== request.action) return false;
  if (now.getTime() - new Date(last.created_at).getTime() > REPEAT_WINDOW_MS) return false;
  if (request.action === "comment") return last.comment === comment && last.project_id === (request.projectId ?? null);
  if (request.action === "reassign") return false;
  return true;
}

type EventInput = {
  proposal: ProposalRecord;
  actorUserId: number | null;
  action: string;
  from: State;
  to: State;
  comment: string | null;
  projectId: number | null;
  projectTitle: string | null;
  meetingDate: string | null;
  assignedReviewerId: number | null;
  version: number;
  stamp: string;
};

async function recordEvent(tx: Tx, event: EventInput): Promise<number> {
  const { id } = await tx
    .insertInto("proposal_events")
    .values({
      proposal_id: event.proposal.id,
      actor_user_id: event.actorUserId,
      action: event.action,
      from_status: event.from,
      to_status: event.to,
      comment: event.comment,
      project_id: event.projectId,
      project_title: event.projectTitle,
      meeting_date: event.meetingDate,
      assigned_reviewer_id: event.assignedReviewerId,
      proposal_version: event.version,
      created_at: event.stamp,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

async function takeSnapshot(tx: Tx, proposal: ProposalRecord, eventId: number, stamp: string) {
  const [projects, ctx, fresh] = await Promise.all([loadProjects(tx, proposal.id), sectionContext(tx, proposal), findProposal(tx, proposal.id)]);
  const snapshot = snapshotProposal(projects, fresh!, ctx);
  await tx
    .insertInto("proposal_snapshots")
    .values({ proposal_id: proposal.id, event_id: eventId, snapshot: JSON.stringify(snapshot), created_at: stamp })
    .execute();
}

/** An active MOPAC reviewer's id as the workflow wants it, or null when the id names nobody. */
async function reviewerChoice(tx: Tx, reviewerId: number | null): Promise<{ id: number; activeReviewer: boolean } | null> {
  if (reviewerId === null || !Number.isSafeInteger(reviewerId) || reviewerId < 1) return null;
  const reviewer = await tx.selectFrom("users").select(["id", "role", "active"]).where("id", "=", reviewerId).executeTakeFirst();
  return reviewer ? { id: reviewer.id, activeReviewer: reviewer.role === "mopac_reviewer" && reviewer.active === 1 } : null;
}

/**
 * Hands a freshly endorsed proposal to a reviewer without anyone choosing, and records that step. The
 * portal itself takes the step, through the workflow's action table like any other.
 */
async function routeToReviewer(tx: Tx, proposal: ProposalRecord, now: Date): Promise<number | null> {
  const stamp = now.toISOString();
  const lead = await tx
    .selectFrom("reviewer_leads")
    .select("reviewer_id")
    .where("organisation_id", "in", proposal.boroughIds)
    .orderBy("organisation_id")
    .executeTakeFirst();
  const reviewers = await tx
    .selectFrom("users as u")
    .leftJoin("proposals as p", (join) => join.onRef("p.assigned_reviewer_id", "=", "u.id").on("p.status", "in", [...OPEN_REVIEW_STATES]))
    .select((eb) => ["u.id", "u.name", "u.active", eb.fn.count<number>("p.id").as("openReviews")])
    .where("u.role", "=", "mopac_reviewer")
    .groupBy(["u.id", "u.name", "u.active"])
    .execute();
  const reviewerId = chooseReviewer(
    lead?.reviewer_id ?? null,
    reviewers.map((r) => ({ id: r.id, name: r.name, active: r.active === 1, openReviews: r.openReviews })),
  );
  if (reviewerId === null) return null; // stays "submitted" until an admin assigns someone

  const current = await tx.selectFrom("proposals").select(["status", "version"]).where("id", "=", proposal.id).executeTakeFirstOrThrow();
  const decision = decide({
    action: "start_review",
    state: current.status,
    actor: SYSTEM_ACTOR,
    proposal: { ...workflowView(proposal), everSubmitted: true },
    today: todayInLondon(now),
  });
  // The endorsement just moved it to "submitted" in this transaction; anything else is a bug, and rolls back.
  if (!decision.ok) throw new Error(`The portal could not start the review of proposal ${proposal.id}: ${decision.reason}`);

  await tx
    .updateTable("proposals")
    .set({ status: decision.to, assigned_reviewer_id: reviewerId, version: current.version + 1, updated_at: stamp })
    .where("id", "=", proposal.id)
    .where("status", "=", current.status)
    .execute();
  await recordEvent(tx, {
    proposal,
    actorUserId: null,
    action: "start_review",
    from: current.status,
    to: decision.to,
    comment: null,
    projectId: null,
    projectTitle: null,
    meetingDate: null,
    assignedReviewerId: reviewerId,
    version: current.version + 1,
    stamp,
  });
  await tell(tx, await usersById(tx, [reviewerId]), `/proposals/${proposal.id}/review`, templates.assignedForReview, { proposal, comment: null, stamp });
  return reviewerId;
}

/** Tells MOPAC's admins that a borough's CSP has nobody who may endorse, at most once a day per proposal. */
async function tellAdminsNoEndorser(tx: Tx, proposal: ProposalRecord, now: Date) {
  const since = new Date(now.getTime() - NO_ENDORSER_NOTICE_EVERY_MS).toISOString();
  const content = (recipientName: string) =>
    templates.noEndorser({ ...templateInput(proposal, recipientName, `/proposals/${proposal.id}`, null), boroughNames: proposal.boroughNames });
  const recent = await tx
    .selectFrom("notifications")
    .select("id")
    .where("proposal_id", "=", proposal.id)
    .where("message", "=", content("").notice)
    .where("created_at", ">", since)
    .executeTakeFirst();
  if (recent) return;
  const admins = await tx.selectFrom("users").select(["id", "email", "name"]).where("role", "=", "mopac_admin").where("active", "=", 1).execute();
  await tell(tx, admins, `/proposals/${proposal.id}`, (input) => content(input.recipientName), { proposal, comment: null, stamp: now.toISOString() });
}

type Recipient = { id: number; email: string; name: string };

async function officers(tx: Tx, proposal: ProposalRecord): Promise<Recipient[]> {
  return tx
    .selectFrom("users")
    .select(["id", "email", "name"])
    .where("organisation_id", "in", proposal.boroughIds)
    .where("role", "=", "borough_officer")
    .where("active", "=", 1)
    .execute();
}

async function cspEndorsers(tx: Tx, proposal: ProposalRecord): Promise<Recipient[]> {
  return tx
    .selectFrom("users")
    .select(["id", "email", "name"])
    .where("organisation_id", "in", proposal.endorsingBoroughIds)
    .where("role", "=", "csp_member")
    .where("can_endorse", "=", 1)
    .where("active", "=", 1)
    .execute();
}

async function usersById(tx: Tx, ids: number[]): Promise<Recipient[]> {
  return ids.length ? tx.selectFrom("users").select(["id", "email", "name"]).where("id", "in", ids).execute() : [];
}

function templateInput(proposal: ProposalRecord, recipientName: string, page: string, comment: string | null): TemplateInput {
  return { recipientName, proposalName: proposalName(proposal.boroughNames, proposal.periodName), link: `${config.appUrl}${page}`, comment };
}

/**
 * Tells people in the portal and by email, in the same transaction as the change: the email is only
 * queued here, for the outbox worker to send.
 */
async function tell(
  tx: Tx,
  people: Recipient[],
  page: string,
  template: (input: TemplateInput) => EmailContent,
  about: { proposal: ProposalRecord; comment: string | null; stamp: string },
) {
  for (const person of people) {
    const content = template(templateInput(about.proposal, person.name, page, about.comment));
    await tx
      .insertInto("notifications")
      .values({ user_id: person.id, proposal_id: about.proposal.id, message: content.notice, link: page, read_at: null, created_at: about.stamp })
      .execute();
    await enqueueEmail(tx, { to: person.email, subject: content.subject, text: content.text }, new Date(about.stamp));
  }
}
