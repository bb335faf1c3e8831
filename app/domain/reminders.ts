import { addDays, todayInLondon } from "~/domain/dates";
import { isOpenReview, type State } from "~/domain/workflow";

/**
 * Which reminders are due at a moment (issue 11, "Reminders"): given the rounds' deadlines, where each
 * borough's proposal stands and the clock, what the portal should tell whom. Pure: the data layer reads
 * the situation and sends; this decides. Each reminder has a key (kind, subject, occasion) that, with
 * the person it goes to, makes it one reminder, sent once.
 *
 * Deadlines are calendar dates in London, like every date in the portal, so "14 days before" starts at
 * midnight in London. A week's wait for the CSP is counted in hours from the moment it was sent.
 */

/** Days before the round's proposal deadline when officers whose proposal has not reached MOPAC hear. */
export const DEADLINE_REMINDER_DAYS = [14, 3] as const;
/** How long a proposal may wait for the CSP's endorsement before its endorsers are reminded. */
export const ENDORSEMENT_WAIT_DAYS = 7;
/** Days before the round's feedback target when a reviewer with an open review hears. */
export const FEEDBACK_REMINDER_DAYS = 7;

export const REMINDER_KINDS = [
  "deadline_14_days",
  "deadline_3_days",
  "endorsement_waiting",
  "feedback_due",
  "review_overdue",
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** What each kind is, in the words the admin page uses. */
export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  deadline_14_days: "Proposal deadline in 14 days",
  deadline_3_days: "Proposal deadline in 3 days",
  endorsement_waiting: "Waiting a week for the CSP",
  feedback_due: "Feedback due in 7 days",
  review_overdue: "Review overdue",
};

/** A borough and a funding period of a round with a proposal deadline, and where its proposal stands. */
export type BoroughPeriod = {
  boroughId: number;
  periodId: number;
  /** yyyy-mm-dd, the round's deadline for proposals to reach MOPAC. */
  proposalDeadline: string;
  /** The borough's live proposal for the period (a withdrawn one no longer counts), if it has one. */
  proposal: { id: number; everSubmitted: boolean } | null;
  /** MOPAC has set the borough's allocation for every year of the period, so it can start a proposal. */
  canStart: boolean;
  /** How people read it ("Barking and Dagenham, Period 1 ..."); carried through, not used by the rule. */
  about: string;
};

/** A proposal and the latest time it was sent to its CSP. */
export type SentToCsp = {
  proposalId: number;
  status: State;
  /** The history entry that sent it: each sending is its own occasion. */
  sentEventId: number;
  /** ISO timestamp of that entry. */
  sentAt: string;
  about: string;
};

/** A proposal MOPAC has, with its reviewer and the round's feedback target. */
export type Review = {
  proposalId: number;
  status: State;
  reviewerId: number | null;
  /** yyyy-mm-dd, or null when the round sets no target. */
  feedbackDeadline: string | null;
  about: string;
};

export type ReminderSituation = {
  boroughPeriods: readonly BoroughPeriod[];
  sentToCsp: readonly SentToCsp[];
  reviews: readonly Review[];
};

/** Who a reminder goes to; the data layer turns this into people. */
export type Audience =
  | { to: "borough_officers"; boroughId: number }
  | { to: "csp_endorsers"; proposalId: number }
  | { to: "reviewer"; reviewerId: number };

export type Reminder = {
  kind: ReminderKind;
  /** What it is about: "borough:12:period:3" or "proposal:7". */
  subject: string;
  /** Which occasion: the deadline it counts down to, or the sending it waits on. */
  occasion: string;
  audience: Audience;
  proposalId: number | null;
  /** yyyy-mm-dd: the first day (in London) it is due. */
  dueOn: string;
  /** Where it is counted in hours, the exact moment it falls due (ISO); it then governs. */
  dueAt: string | null;
  /** yyyy-mm-dd: the last day it is still worth sending, or null while the situation lasts. */
  lastOn: string | null;
  /** The date it is about: the deadline, the feedback target, or the day it was sent to the CSP. */
  date: string;
  about: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Every reminder the situation calls for, due or not yet: the one schedule both the check and the admin
 * page read. A borough that has sent its proposal to MOPAC, a proposal no longer awaiting its CSP, a
 * review decided: none of them has any.
 */
export function reminderSchedule(situation: ReminderSituation): Reminder[] {
  const schedule: Reminder[] = [];

  for (const bp of situation.boroughPeriods) {
    if (bp.proposal?.everSubmitted) continue;
    // Without its allocation a borough cannot start a proposal, so there is nothing it could do.
    if (!bp.proposal && !bp.canStart) continue;
    const [early, late] = DEADLINE_REMINDER_DAYS;
    const subject = `borough:${bp.boroughId}:period:${bp.periodId}`;
    const common = {
      subject,
      occasion: bp.proposalDeadline,
      audience: { to: "borough_officers", boroughId: bp.boroughId } as const,
      proposalId: bp.proposal?.id ?? null,
      dueAt: null,
      date: bp.proposalDeadline,
      about: bp.about,
    };
    // The 14-day reminder gives way to the 3-day one: nobody gets both on one day.
    schedule.push({
      ...common,
      kind: "deadline_14_days",
      dueOn: addDays(bp.proposalDeadline, -early),
      lastOn: addDays(bp.proposalDeadline, -late - 1),
    });
    schedule.push({
      ...common,
      kind: "deadline_3_days",
      dueOn: addDays(bp.proposalDeadline, -late),
      lastOn: bp.proposalDeadline,
    });
  }

  for (const sent of situation.sentToCsp) {
    if (sent.status !== "awaiting_csp") continue;
    const dueAt = new Date(Date.parse(sent.sentAt) + ENDORSEMENT_WAIT_DAYS * DAY_MS);
    schedule.push({
      kind: "endorsement_waiting",
      subject: `proposal:${sent.proposalId}`,
      occasion: `sent:${sent.sentEventId}`,
      audience: { to: "csp_endorsers", proposalId: sent.proposalId },
      proposalId: sent.proposalId,
      dueOn: todayInLondon(dueAt),
      dueAt: dueAt.toISOString(),
      lastOn: null,
      date: todayInLondon(new Date(sent.sentAt)),
      about: sent.about,
    });
  }

  for (const review of situation.reviews) {
    // Submitted but not yet routed has nobody to remind; the review queue shows it to MOPAC's admins.
    if (!isOpenReview(review.status) || review.reviewerId === null || review.feedbackDeadline === null) continue;
    const common = {
      subject: `proposal:${review.proposalId}`,
      occasion: review.feedbackDeadline,
      audience: { to: "reviewer", reviewerId: review.reviewerId } as const,
      proposalId: review.proposalId,
      dueAt: null,
      date: review.feedbackDeadline,
      about: review.about,
    };
    schedule.push({
      ...common,
      kind: "feedback_due",
      dueOn: addDays(review.feedbackDeadline, -FEEDBACK_REMINDER_DAYS),
      lastOn: review.feedbackDeadline,
    });
    // Overdue from the day after the target, as the review queue flags it (isOverdue in domain/routing).
    schedule.push({ ...common, kind: "review_overdue", dueOn: addDays(review.feedbackDeadline, 1), lastOn: null });
  }

  return schedule;
}

/** Whether a reminder is due at this moment: its time has come and its window has not closed. */
export function isDue(reminder: Reminder, now: Date): boolean {
  const today = todayInLondon(now);
  if (reminder.lastOn !== null && today > reminder.lastOn) return false;
  if (reminder.dueAt !== null) return now.getTime() >= Date.parse(reminder.dueAt);
  return today >= reminder.dueOn;
}

/** The reminders due now. */
export function remindersDue(situation: ReminderSituation, now: Date): Reminder[] {
  return reminderSchedule(situation).filter((reminder) => isDue(reminder, now));
}

/** The reminders still to come, soonest first. */
export function upcomingReminders(situation: ReminderSituation, now: Date): Reminder[] {
  return reminderSchedule(situation)
    .filter((reminder) =>
      reminder.dueAt !== null ? now.getTime() < Date.parse(reminder.dueAt) : todayInLondon(now) < reminder.dueOn,
    )
    .sort((a, b) => (a.dueAt ?? a.dueOn).localeCompare(b.dueAt ?? b.dueOn) || a.about.localeCompare(b.about));
}
