import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "~/domain/dates";
import {
  isDue,
  reminderSchedule,
  remindersDue,
  upcomingReminders,
  type BoroughPeriod,
  type ReminderSituation,
  type Review,
  type SentToCsp,
} from "~/domain/reminders";
import { isOverdue } from "~/domain/routing";

// The LCPF 2017-21 round's dates: proposals due 23 December 2016, MOPAC's feedback around 23 February 2017.
const PROPOSAL_DEADLINE = "2016-12-23";
const FEEDBACK_TARGET = "2017-02-23";

const at = (iso: string) => new Date(iso);

function borough(overrides: Partial<BoroughPeriod> = {}): BoroughPeriod {
  return {
    boroughId: 2,
    periodId: 1,
    proposalDeadline: PROPOSAL_DEADLINE,
    proposal: null,
    canStart: true,
    about: "Barking and Dagenham’s LCPF proposal for Period 1",
    ...overrides,
  };
}

function sent(overrides: Partial<SentToCsp> = {}): SentToCsp {
  return {
    proposalId: 7,
    status: "awaiting_csp",
    sentEventId: 40,
    sentAt: "2017-01-10T10:00:00.000Z",
    about: "Newham’s LCPF proposal for Period 1",
    ...overrides,
  };
}

function review(overrides: Partial<Review> = {}): Review {
  return {
    proposalId: 9,
    status: "in_review",
    reviewerId: 31,
    feedbackDeadline: FEEDBACK_TARGET,
    about: "Bromley’s LCPF proposal for Period 1",
    ...overrides,
  };
}

const situation = (parts: Partial<ReminderSituation>): ReminderSituation => ({
  boroughPeriods: [],
  sentToCsp: [],
  reviews: [],
  ...parts,
});

/** The kinds due at a moment, for a situation. */
const dueKinds = (parts: Partial<ReminderSituation>, now: string) =>
  remindersDue(situation(parts), at(now)).map((r) => r.kind);

describe("the proposal deadline: officers whose proposal has not reached MOPAC, 14 and 3 days before", () => {
  const noProposal = { boroughPeriods: [borough()] };

  it("nothing the day before the 14 days start", () => {
    expect(dueKinds(noProposal, "2016-12-08T23:59:59Z")).toEqual([]);
  });

  it("the 14-day reminder from exactly 14 days before (9 December), to the borough's officers", () => {
    const [reminder, ...rest] = remindersDue(situation(noProposal), at("2016-12-09T00:00:00Z"));
    expect(rest).toEqual([]);
    expect(reminder).toMatchObject({
      kind: "deadline_14_days",
      subject: "borough:2:period:1",
      occasion: PROPOSAL_DEADLINE,
      audience: { to: "borough_officers", boroughId: 2 },
      proposalId: null,
      date: PROPOSAL_DEADLINE,
    });
  });

  it("the 14-day reminder stays due until the 3-day one takes over: never both on one day", () => {
    expect(dueKinds(noProposal, "2016-12-19T23:59:59Z")).toEqual(["deadline_14_days"]);
    expect(dueKinds(noProposal, "2016-12-20T00:00:00Z")).toEqual(["deadline_3_days"]);
  });

  it("the 3-day reminder from exactly 3 days before (20 December) to the end of the deadline day", () => {
    expect(dueKinds(noProposal, "2016-12-20T09:00:00Z")).toEqual(["deadline_3_days"]);
    expect(dueKinds(noProposal, "2016-12-23T23:59:59Z")).toEqual(["deadline_3_days"]);
    expect(dueKinds(noProposal, "2016-12-24T00:00:00Z")).toEqual([]);
  });

  it("a draft, or one awaiting the CSP for the first time, has not been sent: its officers are reminded", () => {
    const draft = { boroughPeriods: [borough({ proposal: { id: 4, everSubmitted: false } })] };
    const [reminder] = remindersDue(situation(draft), at("2016-12-20T09:00:00Z"));
    expect(reminder).toMatchObject({ kind: "deadline_3_days", proposalId: 4 });
  });

  it("nothing for a proposal already sent to MOPAC, whatever its state now", () => {
    const sentAlready = { boroughPeriods: [borough({ proposal: { id: 4, everSubmitted: true } })] };
    for (const now of ["2016-12-09T09:00:00Z", "2016-12-20T09:00:00Z", "2016-12-23T09:00:00Z"]) {
      expect(dueKinds(sentAlready, now)).toEqual([]);
    }
    expect(reminderSchedule(situation(sentAlready))).toEqual([]);
  });

  it("nothing for a borough that cannot start a proposal yet (no allocation) and has none", () => {
    expect(dueKinds({ boroughPeriods: [borough({ canStart: false })] }, "2016-12-20T09:00:00Z")).toEqual([]);
  });

  it("counts days in London: in summer time, 00:30 in London is still the day before in UTC", () => {
    const summer = { boroughPeriods: [borough({ proposalDeadline: "2017-06-30" })] };
    // 14 days before 30 June is 16 June; 23:30 UTC on the 15th is 00:30 on the 16th in London.
    expect(dueKinds(summer, "2017-06-15T22:59:59Z")).toEqual([]);
    expect(dueKinds(summer, "2017-06-15T23:30:00Z")).toEqual(["deadline_14_days"]);
  });

  it("a moved deadline is a new occasion, so its reminders go again", () => {
    const [before] = remindersDue(situation(noProposal), at("2016-12-20T09:00:00Z"));
    const [moved] = remindersDue(
      situation({ boroughPeriods: [borough({ proposalDeadline: "2016-12-22" })] }),
      at("2016-12-20T09:00:00Z"),
    );
    expect(before?.occasion).toBe("2016-12-23");
    expect(moved?.occasion).toBe("2016-12-22");
  });
});

describe("waiting for the CSP: its endorsers, once a proposal has waited a week since it was sent", () => {
  const waiting = { sentToCsp: [sent()] };

  it("not a moment before the week is up", () => {
    expect(dueKinds(waiting, "2017-01-17T09:59:59.999Z")).toEqual([]);
  });

  it("exactly a week after it was sent, to the CSP's endorsers, for that sending", () => {
    const [reminder, ...rest] = remindersDue(situation(waiting), at("2017-01-17T10:00:00Z"));
    expect(rest).toEqual([]);
    expect(reminder).toMatchObject({
      kind: "endorsement_waiting",
      subject: "proposal:7",
      occasion: "sent:40",
      audience: { to: "csp_endorsers", proposalId: 7 },
      proposalId: 7,
      date: "2017-01-10",
    });
  });

  it("still due for as long as it waits", () => {
    expect(dueKinds(waiting, "2017-03-01T09:00:00Z")).toEqual(["endorsement_waiting"]);
  });

  it("nothing once the CSP has endorsed or returned it", () => {
    for (const status of ["submitted", "in_review", "draft", "withdrawn"] as const) {
      expect(dueKinds({ sentToCsp: [sent({ status })] }, "2017-01-20T09:00:00Z")).toEqual([]);
    }
  });

  it("sent to the CSP again after changes: a new occasion, with its own week", () => {
    const again = sent({ sentEventId: 52, sentAt: "2017-03-10T15:00:00.000Z" });
    expect(dueKinds({ sentToCsp: [again] }, "2017-03-17T14:59:59Z")).toEqual([]);
    expect(remindersDue(situation({ sentToCsp: [again] }), at("2017-03-17T15:00:00Z"))[0]?.occasion).toBe("sent:52");
  });
});

describe("reviews: the assigned reviewer, 7 days before the feedback target and when overdue", () => {
  const open = { reviews: [review()] };

  it("nothing more than 7 days before the target", () => {
    expect(dueKinds(open, "2017-02-15T23:59:59Z")).toEqual([]);
  });

  it("from exactly 7 days before (16 February) to the target day itself", () => {
    const [reminder] = remindersDue(situation(open), at("2017-02-16T00:00:00Z"));
    expect(reminder).toMatchObject({
      kind: "feedback_due",
      subject: "proposal:9",
      occasion: FEEDBACK_TARGET,
      audience: { to: "reviewer", reviewerId: 31 },
    });
    expect(dueKinds(open, "2017-02-23T23:59:59Z")).toEqual(["feedback_due"]);
  });

  it("overdue from the day after the target, and from then on, as the review queue flags it", () => {
    expect(dueKinds(open, "2017-02-24T00:00:00Z")).toEqual(["review_overdue"]);
    expect(dueKinds(open, "2017-06-01T09:00:00Z")).toEqual(["review_overdue"]);
    for (const today of ["2017-02-23", "2017-02-24"]) {
      const flagged = isOverdue(FEEDBACK_TARGET, today, true);
      expect(dueKinds(open, `${today}T12:00:00Z`).includes("review_overdue")).toBe(flagged);
    }
  });

  it("nothing once decided, nor for a submission nobody has been assigned, nor without a target", () => {
    for (const status of ["changes_requested", "approved", "rejected"] as const) {
      expect(dueKinds({ reviews: [review({ status })] }, "2017-02-24T09:00:00Z")).toEqual([]);
    }
    expect(dueKinds({ reviews: [review({ status: "submitted", reviewerId: null })] }, "2017-02-24T09:00:00Z")).toEqual(
      [],
    );
    expect(dueKinds({ reviews: [review({ feedbackDeadline: null })] }, "2017-02-24T09:00:00Z")).toEqual([]);
  });

  it("handed to another reviewer: the reminder goes to whoever has it now", () => {
    const [reminder] = remindersDue(situation({ reviews: [review({ reviewerId: 32 })] }), at("2017-02-24T09:00:00Z"));
    expect(reminder?.audience).toEqual({ to: "reviewer", reviewerId: 32 });
  });
});

describe("what comes next, for the admin page", () => {
  it("lists the reminders not yet due, soonest first, and none that is due now", () => {
    const all = situation({ boroughPeriods: [borough()], sentToCsp: [sent()], reviews: [review()] });
    const upcoming = upcomingReminders(all, at("2016-12-01T09:00:00Z"));
    expect(upcoming.map((r) => [r.kind, r.dueAt ?? r.dueOn])).toEqual([
      ["deadline_14_days", "2016-12-09"],
      ["deadline_3_days", "2016-12-20"],
      ["endorsement_waiting", "2017-01-17T10:00:00.000Z"],
      ["feedback_due", "2017-02-16"],
      ["review_overdue", "2017-02-24"],
    ]);
    const later = upcomingReminders(all, at("2016-12-20T09:00:00Z"));
    expect(later.map((r) => r.kind)).toEqual(["endorsement_waiting", "feedback_due", "review_overdue"]);
    for (const reminder of later) expect(isDue(reminder, at("2016-12-20T09:00:00Z"))).toBe(false);
  });
});

describe("calendar arithmetic the reminders use", () => {
  it("adds and counts whole days across months, years and the clocks changing", () => {
    expect(addDays("2016-12-23", -14)).toBe("2016-12-09");
    expect(addDays("2016-12-23", 9)).toBe("2017-01-01");
    expect(addDays("2017-03-20", 7)).toBe("2017-03-27");
    expect(daysBetween("2016-12-09", "2016-12-23")).toBe(14);
    expect(daysBetween("2017-03-25", "2017-03-27")).toBe(2);
    expect(daysBetween("2016-12-23", "2016-12-20")).toBe(-3);
  });
});
