import type { Transaction } from "kysely";
import type { DB } from "../../db/connection";
import type { Database } from "../../db/schema";
import type { SessionUser } from "~/auth/session.server";
import { todayInLondon } from "~/domain/dates";
import { actorFromUser } from "~/domain/roles";
import { chooseReviewer } from "~/domain/routing";
import { snapshotProposal } from "~/domain/snapshot";
import { decide, type Action, type State } from "~/domain/workflow";
import { config } from "../config.server";
import { sendPendingSoon } from "../mail/transport.server";
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

/**
 * Takes one step of a proposal's route, or records a comment, in one transaction: the workflow decides,
 * the state moves only from the state it was read in, the history gains an entry, the people concerned
 * are told in the portal and by an email queued in the same transaction. A refused action changes nothing.
 */
export async function takeAction(db: DB, request: ActionRequest): Promise<ActionOutcome> {
  const outcome = await takeActionInTransaction(db, request);
  // Emails were queued with the change; now that it has committed, send them (failures retry later).
  if (outcome.ok) await sendPendingSoon(db);
  return outcome;
}

async function takeActionInTransaction(db: DB, request: ActionRequest): Promise<ActionOutcome> {
  const now = request.now ?? new Date();
  return db.transaction().execute(async (tx) => {
    const proposal = await findProposal(tx, request.proposalId);
    if (!proposal) return { ok: false, status: 404, reason: "We could not find that proposal" };
    const actor = actorFromUser(request.user);
    const comment = request.comment?.trim() || null;

    const repeated = await repeatOfLastAct(tx, proposal.id, request, comment, now);
    if (repeated) return { ok: true, to: proposal.status, assignedReviewerId: proposal.assigned_reviewer_id };

    const blockers =
      request.action === "send_to_csp" ? sendingBlockers(proposal.id, await proposalOverview(tx, proposal)).map((b) => b.message) : [];
    const decision = decide({
      action: request.action,
      state: proposal.status,
      actor,
      proposal: workflowView(proposal),
      input: { comment, meetingDate: request.meetingDate ?? null, blockers },
      today: todayInLondon(now),
    });
    if (!decision.ok) return decision;

    const stamp = now.toISOString();
    let assignedReviewerId = proposal.assigned_reviewer_id;
    let projectTitle: string | null = null;

    if (request.action === "comment" && request.projectId) {
      const project = await tx.selectFrom("projects").select("title").where("id", "=", request.projectId).where("proposal_id", "=", proposal.id).executeTakeFirst();
      if (!project) return { ok: false, status: 404, reason: "That project is not part of this proposal" };
      projectTitle = project.title;
    }
    if (request.action === "reassign") {
      const reviewer = await tx
        .selectFrom("users")
        .select(["id"])
        .where("id", "=", request.reviewerId ?? 0)
        .where("role", "=", "mopac_reviewer")
        .where("active", "=", 1)
        .executeTakeFirst();
      if (!reviewer) return { ok: false, status: 422, reason: "Choose an active MOPAC reviewer", field: "reviewerId" };
      assignedReviewerId = reviewer.id;
    }

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

    const link = `${config.appUrl}/proposals/${proposal.id}`;
    const name = `${proposal.boroughNames.join(", ")}'s LCPF proposal for ${proposal.periodName}`;
    switch (request.action) {
      case "send_to_csp":
        await tell(tx, await cspEndorsers(tx, proposal), proposal.id, `${name} is awaiting the CSP's endorsement`, link, stamp);
        break;
      case "return_to_officers":
        await tell(tx, await officers(tx, proposal), proposal.id, `The CSP returned ${name}: ${comment}`, link, stamp);
        break;
      case "endorse": {
        await takeSnapshot(tx, proposal, eventId, stamp);
        assignedReviewerId = await routeToReviewer(tx, proposal, stamp);
        await tell(tx, await officers(tx, proposal), proposal.id, `The CSP endorsed ${name}; it has gone to MOPAC for review`, link, stamp);
        break;
      }
      case "request_changes":
        await tell(tx, await officers(tx, proposal), proposal.id, `MOPAC has asked for changes to ${name}`, link, stamp);
        break;
      case "approve":
        await tell(tx, await officers(tx, proposal), proposal.id, `MOPAC approved ${name}`, link, stamp);
        break;
      case "reject":
        await tell(tx, await officers(tx, proposal), proposal.id, `MOPAC rejected ${name}`, link, stamp);
        break;
      case "reassign":
        await tell(tx, await usersById(tx, [assignedReviewerId!]), proposal.id, `${name} has been assigned to you for review`, `${link}/review`, stamp);
        break;
      default:
        break;
    }
    return { ok: true, to: request.action === "endorse" ? "in_review" : decision.to, assignedReviewerId };
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

/** Hands a freshly endorsed proposal to a reviewer without anyone choosing, and records that step. */
async function routeToReviewer(tx: Tx, proposal: ProposalRecord, stamp: string): Promise<number | null> {
  const lead = await tx
    .selectFrom("reviewer_leads")
    .select("reviewer_id")
    .where("organisation_id", "in", proposal.boroughIds)
    .orderBy("organisation_id")
    .executeTakeFirst();
  const reviewers = await tx
    .selectFrom("users as u")
    .leftJoin("proposals as p", (join) => join.onRef("p.assigned_reviewer_id", "=", "u.id").on("p.status", "in", ["submitted", "in_review"]))
    .select((eb) => ["u.id", "u.name", "u.active", eb.fn.count<number>("p.id").as("openReviews")])
    .where("u.role", "=", "mopac_reviewer")
    .groupBy(["u.id", "u.name", "u.active"])
    .execute();
  const reviewerId = chooseReviewer(
    lead?.reviewer_id ?? null,
    reviewers.map((r) => ({ id: r.id, name: r.name, active: r.active === 1, openReviews: Number(r.openReviews) })),
  );
  if (reviewerId === null) return null; // stays "submitted" until an admin assigns someone

  const current = await tx.selectFrom("proposals").select("version").where("id", "=", proposal.id).executeTakeFirstOrThrow();
  await tx
    .updateTable("proposals")
    .set({ status: "in_review", assigned_reviewer_id: reviewerId, version: current.version + 1, updated_at: stamp })
    .where("id", "=", proposal.id)
    .execute();
  await recordEvent(tx, {
    proposal,
    actorUserId: null,
    action: "start_review",
    from: "submitted",
    to: "in_review",
    comment: null,
    projectId: null,
    projectTitle: null,
    meetingDate: null,
    assignedReviewerId: reviewerId,
    version: current.version + 1,
    stamp,
  });
  const name = `${proposal.boroughNames.join(", ")}'s LCPF proposal for ${proposal.periodName}`;
  await tell(tx, await usersById(tx, [reviewerId]), proposal.id, `${name} has been submitted and assigned to you for review`, `${config.appUrl}/proposals/${proposal.id}/review`, stamp);
  return reviewerId;
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
    .where("organisation_id", "in", proposal.boroughIds)
    .where("role", "=", "csp_member")
    .where("can_endorse", "=", 1)
    .where("active", "=", 1)
    .execute();
}

async function usersById(tx: Tx, ids: number[]): Promise<Recipient[]> {
  return ids.length ? tx.selectFrom("users").select(["id", "email", "name"]).where("id", "in", ids).execute() : [];
}

/** Tells people in the portal and by email, in the same transaction as the change. */
async function tell(tx: Tx, people: Recipient[], proposalId: number, message: string, link: string, stamp: string) {
  for (const person of people) {
    await tx
      .insertInto("notifications")
      .values({ user_id: person.id, proposal_id: proposalId, message, link: new URL(link).pathname, read_at: null, created_at: stamp })
      .execute();
    await enqueueEmail(
      tx,
      {
        to: person.email,
        subject: message,
        text: `Dear ${person.name},\n\n${message}.\n\nOpen it in the London Crime Prevention Fund portal:\n${link}\n\nThis email was sent by the portal; replies are not read.`,
      },
      new Date(stamp),
    );
  }
}

