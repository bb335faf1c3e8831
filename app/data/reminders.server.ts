import { type DB, inTransaction } from "../../db/connection";
import { daysBetween, todayInLondon } from "~/domain/dates";
import {
  remindersDue,
  upcomingReminders,
  type BoroughPeriod,
  type Reminder,
  type ReminderKind,
  type ReminderSituation,
  type Review,
  type SentToCsp,
} from "~/domain/reminders";
import { OPEN_REVIEW_STATES } from "~/domain/workflow";
import { proposalName, templates, type EmailContent, type TemplateInput } from "~/mail/templates";
import { config } from "../config.server";
import { addNotification } from "./notifications.server";
import { enqueueEmail } from "./outbox.server";

/**
 * Scheduled reminders (app/domain/reminders.ts decides which are due). The check reads the situation in
 * a handful of set-based queries, works out who each due reminder goes to, and sends each one to each
 * person once: the row in `reminders` is claimed by an insert that does nothing on a second try, in the
 * same transaction that writes the notification and queues the email. Two instances checking at once
 * both try; one inserts, the other's insert meets the unique key and sends nothing.
 */

/** Where each borough and period, proposal sent to the CSP, and open review stands, for the rule. */
export async function loadReminderSituation(db: DB, now: Date): Promise<ReminderSituation> {
  const [boroughPeriods, sentToCsp, reviews] = await Promise.all([
    loadBoroughPeriods(db, todayInLondon(now)),
    loadSentToCsp(db),
    loadReviews(db),
  ]);
  return { boroughPeriods, sentToCsp, reviews };
}

/** Boroughs and periods of rounds whose proposal deadline is today or later; older deadlines call for nothing. */
async function loadBoroughPeriods(db: DB, today: string): Promise<BoroughPeriod[]> {
  const periods = await db
    .selectFrom("funding_periods as fp")
    .innerJoin("funding_rounds as r", "r.id", "fp.funding_round_id")
    .innerJoin("financial_years as y", "y.funding_period_id", "fp.id")
    .select((eb) => ["fp.id", "fp.name", "r.proposal_deadline", eb.fn.count<number>("y.id").as("years")])
    .where("r.proposal_deadline", "is not", null)
    .where("r.proposal_deadline", ">=", today)
    .groupBy(["fp.id", "fp.name", "r.proposal_deadline"])
    .execute();
  if (periods.length === 0) return [];
  const periodIds = periods.map((p) => p.id);
  const [boroughs, allocated, live] = await Promise.all([
    db.selectFrom("organisations").select(["id", "name"]).where("kind", "=", "borough").execute(),
    db
      .selectFrom("allocations as a")
      .innerJoin("financial_years as y", "y.id", "a.financial_year_id")
      .select((eb) => ["a.organisation_id", "y.funding_period_id", eb.fn.count<number>("a.id").as("years")])
      .where("y.funding_period_id", "in", periodIds)
      .groupBy(["a.organisation_id", "y.funding_period_id"])
      .execute(),
    db
      .selectFrom("proposal_boroughs as pb")
      .innerJoin("proposals as p", "p.id", "pb.proposal_id")
      .select(["pb.organisation_id", "pb.funding_period_id", "p.id", "p.first_submitted_at"])
      .where("pb.active", "=", 1)
      .where("pb.funding_period_id", "in", periodIds)
      .execute(),
  ]);
  const key = (boroughId: number, periodId: number) => `${boroughId}:${periodId}`;
  const allocatedYears = new Map(allocated.map((a) => [key(a.organisation_id, a.funding_period_id), a.years]));
  const proposals = new Map(live.map((p) => [key(p.organisation_id, p.funding_period_id), p]));
  return periods.flatMap((period) =>
    boroughs.map((borough) => {
      const proposal = proposals.get(key(borough.id, period.id));
      return {
        boroughId: borough.id,
        periodId: period.id,
        proposalDeadline: period.proposal_deadline!,
        proposal: proposal ? { id: proposal.id, everSubmitted: proposal.first_submitted_at !== null } : null,
        canStart: (allocatedYears.get(key(borough.id, period.id)) ?? 0) >= period.years,
        about: proposalName([borough.name], period.name),
      };
    }),
  );
}

/** Proposals awaiting their CSP, each with the latest time it was sent there. */
async function loadSentToCsp(db: DB): Promise<SentToCsp[]> {
  const rows = await db
    .selectFrom("proposals as p")
    .innerJoin("proposal_events as e", "e.proposal_id", "p.id")
    .innerJoin("funding_periods as fp", "fp.id", "p.funding_period_id")
    .select(["p.id", "p.status", "e.id as eventId", "e.created_at", "fp.name as periodName"])
    .where("p.status", "=", "awaiting_csp")
    .where("e.id", "=", (eb) =>
      eb
        .selectFrom("proposal_events as latest")
        .select((inner) => inner.fn.max("latest.id").as("id"))
        .whereRef("latest.proposal_id", "=", "p.id")
        .where("latest.to_status", "=", "awaiting_csp"),
    )
    .execute();
  const names = await boroughNamesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    proposalId: row.id,
    status: row.status,
    sentEventId: row.eventId,
    sentAt: row.created_at,
    about: proposalName(names.get(row.id) ?? [], row.periodName),
  }));
}

/** Reviews MOPAC has open, with their reviewer and the round's feedback target. */
async function loadReviews(db: DB): Promise<Review[]> {
  const rows = await db
    .selectFrom("proposals as p")
    .innerJoin("funding_periods as fp", "fp.id", "p.funding_period_id")
    .innerJoin("funding_rounds as r", "r.id", "fp.funding_round_id")
    .select(["p.id", "p.status", "p.assigned_reviewer_id", "r.feedback_deadline", "fp.name as periodName"])
    .where("p.status", "in", [...OPEN_REVIEW_STATES])
    .where("p.assigned_reviewer_id", "is not", null)
    .where("r.feedback_deadline", "is not", null)
    .execute();
  const names = await boroughNamesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    proposalId: row.id,
    status: row.status,
    reviewerId: row.assigned_reviewer_id,
    feedbackDeadline: row.feedback_deadline,
    about: proposalName(names.get(row.id) ?? [], row.periodName),
  }));
}

/** Each proposal's boroughs by name, as findProposal names them, for many proposals in one query. */
async function boroughNamesOf(db: DB, proposalIds: number[]): Promise<Map<number, string[]>> {
  const names = new Map<number, string[]>();
  if (proposalIds.length === 0) return names;
  const rows = await db
    .selectFrom("proposal_boroughs as pb")
    .innerJoin("organisations as o", "o.id", "pb.organisation_id")
    .select(["pb.proposal_id", "o.name"])
    .where("pb.proposal_id", "in", proposalIds)
    .orderBy("o.name")
    .execute();
  for (const row of rows) names.set(row.proposal_id, [...(names.get(row.proposal_id) ?? []), row.name]);
  return names;
}

type Recipient = { id: number; email: string; name: string };

/** Who each reminder goes to, for all of them in three queries: active people only. */
async function recipientsOf(db: DB, reminders: readonly Reminder[]): Promise<Map<Reminder, Recipient[]>> {
  const boroughIds = new Set<number>();
  const proposalIds = new Set<number>();
  const reviewerIds = new Set<number>();
  for (const { audience } of reminders) {
    if (audience.to === "borough_officers") boroughIds.add(audience.boroughId);
    else if (audience.to === "csp_endorsers") proposalIds.add(audience.proposalId);
    else reviewerIds.add(audience.reviewerId);
  }
  const [officers, endorsers, reviewers] = await Promise.all([
    boroughIds.size === 0
      ? []
      : db
          .selectFrom("users")
          .select(["id", "email", "name", "organisation_id"])
          .where("organisation_id", "in", [...boroughIds])
          .where("role", "=", "borough_officer")
          .where("active", "=", 1)
          .orderBy("id")
          .execute(),
    // The same people the workflow tells when a proposal is sent to the CSP: its boroughs' endorsers.
    proposalIds.size === 0
      ? []
      : db
          .selectFrom("users as u")
          .innerJoin("proposal_boroughs as pb", "pb.organisation_id", "u.organisation_id")
          .select(["u.id", "u.email", "u.name", "pb.proposal_id"])
          .where("pb.proposal_id", "in", [...proposalIds])
          .where("u.role", "=", "csp_member")
          .where("u.can_endorse", "=", 1)
          .where("u.active", "=", 1)
          .orderBy("u.id")
          .execute(),
    reviewerIds.size === 0
      ? []
      : db
          .selectFrom("users")
          .select(["id", "email", "name"])
          .where("id", "in", [...reviewerIds])
          .where("active", "=", 1)
          .execute(),
  ]);
  const person = ({ id, email, name }: Recipient) => ({ id, email, name });
  return new Map(
    reminders.map((reminder) => {
      const { audience } = reminder;
      const people =
        audience.to === "borough_officers"
          ? officers.filter((o) => o.organisation_id === audience.boroughId)
          : audience.to === "csp_endorsers"
            ? endorsers.filter((e) => e.proposal_id === audience.proposalId)
            : reviewers.filter((r) => r.id === audience.reviewerId);
      return [reminder, people.map(person)];
    }),
  );
}

/** The page a reminder points to, and what it says to one person. */
function content(reminder: Reminder, recipient: Recipient, today: string): { link: string; email: EmailContent } {
  const page =
    reminder.audience.to === "reviewer"
      ? `/proposals/${reminder.proposalId}/review`
      : reminder.proposalId !== null
        ? `/proposals/${reminder.proposalId}`
        : "/borough";
  const input: TemplateInput = {
    recipientName: recipient.name,
    proposalName: reminder.about,
    link: `${config.appUrl}${page}`,
  };
  const daysLeft = daysBetween(today, reminder.date);
  switch (reminder.kind) {
    case "deadline_14_days":
    case "deadline_3_days":
      return {
        link: page,
        email: templates.deadlineApproaching({ ...input, date: reminder.date, daysLeft, started: reminder.proposalId !== null }),
      };
    case "endorsement_waiting":
      return { link: page, email: templates.endorsementWaiting({ ...input, sentOn: reminder.date }) };
    case "feedback_due":
      return { link: page, email: templates.feedbackDue({ ...input, date: reminder.date, daysLeft }) };
    case "review_overdue":
      return { link: page, email: templates.reviewOverdue({ ...input, date: reminder.date }) };
  }
}

export type CheckResult = {
  /** Reminders due now, one per person. */
  due: number;
  /** Of those, the ones this check sent. */
  sent: number;
  /** Of those, the ones another check (here or in another instance) claimed first, while this one tried. */
  lost: number;
};

/**
 * Sends every reminder that is due and not yet sent. Safe to run from several instances at once, and as
 * often as anyone likes: each reminder to each person is claimed once in the database.
 */
export async function runReminderCheck(db: DB, now = new Date()): Promise<CheckResult> {
  const { pairs, unsent } = await dueNow(db, now);
  const today = todayInLondon(now);
  const stamp = now.toISOString();
  let sent = 0;
  let lost = 0;
  for (const { reminder, recipient } of unsent) {
    const { link, email } = content(reminder, recipient, today);
    const won = await inTransaction(db, async (tx) => {
      // The claim is the transaction's first statement, a write: on SQLite that takes the write lock
      // at once (no read to upgrade), and on PostgreSQL a rival's insert waits for this one's commit.
      const claim = await tx
        .insertInto("reminders")
        .values({
          kind: reminder.kind,
          subject: reminder.subject,
          occasion: reminder.occasion,
          recipient_user_id: recipient.id,
          proposal_id: reminder.proposalId,
          message: email.notice,
          created_at: stamp,
        })
        .onConflict((oc) => oc.columns(["kind", "subject", "occasion", "recipient_user_id"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!claim) return false;
      await addNotification(tx, { userId: recipient.id, proposalId: reminder.proposalId, message: email.notice, link }, now);
      await enqueueEmail(tx, { to: recipient.email, subject: email.subject, text: email.text }, now);
      return true;
    });
    if (won) sent += 1;
    else lost += 1;
  }
  return { due: pairs, sent, lost };
}

type Due = { reminder: Reminder; recipient: Recipient };

/**
 * The reminders due now, one per person, and those of them not yet sent. Reading what was sent is only a
 * shortcut past reminders already claimed: the claim itself is what guarantees once.
 */
async function dueNow(db: DB, now: Date): Promise<{ pairs: number; unsent: Due[] }> {
  const due = remindersDue(await loadReminderSituation(db, now), now);
  if (due.length === 0) return { pairs: 0, unsent: [] };
  const recipients = await recipientsOf(db, due);
  const claimed = await db
    .selectFrom("reminders")
    .select(["kind", "subject", "occasion", "recipient_user_id"])
    .where("subject", "in", [...new Set(due.map((r) => r.subject))])
    .execute();
  const keyOf = (kind: string, subject: string, occasion: string, recipientId: number) =>
    JSON.stringify([kind, subject, occasion, recipientId]);
  const alreadySent = new Set(claimed.map((c) => keyOf(c.kind, c.subject, c.occasion, c.recipient_user_id)));
  const pairs = due.flatMap((reminder) => (recipients.get(reminder) ?? []).map((recipient) => ({ reminder, recipient })));
  const unsent = pairs.filter(
    ({ reminder, recipient }) => !alreadySent.has(keyOf(reminder.kind, reminder.subject, reminder.occasion, recipient.id)),
  );
  return { pairs: pairs.length, unsent };
}

export type SentReminderRow = { id: number; kind: ReminderKind; message: string; recipientName: string; sentAt: string };

/** The reminders sent, newest first. */
export async function sentReminders(db: DB, limit = 200): Promise<SentReminderRow[]> {
  return db
    .selectFrom("reminders as r")
    .innerJoin("users as u", "u.id", "r.recipient_user_id")
    .select(["r.id", "r.kind", "r.message", "u.name as recipientName", "r.created_at as sentAt"])
    .orderBy("r.id", "desc")
    .limit(limit)
    .execute();
}

export type UpcomingReminderRow = {
  kind: ReminderKind;
  about: string;
  /** Who will get it, in words. */
  audience: string;
  /** yyyy-mm-dd, or an ISO timestamp where it falls due at an exact moment. */
  dueOn: string;
  dueAt: string | null;
};

/** The reminders still to come, soonest first, with whom each goes to. */
export async function nextReminders(db: DB, now = new Date(), limit = 100): Promise<{ rows: UpcomingReminderRow[]; total: number }> {
  const upcoming = upcomingReminders(await loadReminderSituation(db, now), now);
  const shown = upcoming.slice(0, limit);
  const reviewerIds = [...new Set(shown.flatMap((r) => (r.audience.to === "reviewer" ? [r.audience.reviewerId] : [])))];
  const reviewers = reviewerIds.length
    ? await db.selectFrom("users").select(["id", "name"]).where("id", "in", reviewerIds).execute()
    : [];
  const reviewerName = new Map(reviewers.map((r) => [r.id, r.name]));
  const rows = shown.map((reminder) => ({
    kind: reminder.kind,
    about: reminder.about,
    audience:
      reminder.audience.to === "borough_officers"
        ? "The borough’s officers"
        : reminder.audience.to === "csp_endorsers"
          ? "The CSP’s members who may endorse"
          : (reviewerName.get(reminder.audience.reviewerId) ?? "The assigned reviewer"),
    dueOn: reminder.dueOn,
    dueAt: reminder.dueAt,
  }));
  return { rows, total: upcoming.length };
}

export type WaitingReminderRow = { kind: ReminderKind; about: string; recipientName: string };

/**
 * Reminders due now that nobody has sent yet: normally none for more than a minute. A list that stays
 * long says the check is not running (REMINDERS=false without cron running `cli remind`).
 */
export async function waitingReminders(db: DB, now = new Date()): Promise<WaitingReminderRow[]> {
  const { unsent } = await dueNow(db, now);
  return unsent.map(({ reminder, recipient }) => ({
    kind: reminder.kind,
    about: reminder.about,
    recipientName: recipient.name,
  }));
}
