import { describe, expect, it } from "vitest";
import { nextReminders, runReminderCheck, sentReminders, waitingReminders } from "~/data/reminders.server";
import { db } from "~/db.server";
import { createDatabase } from "../../db/connection";
import { makeBorough, makeProposal } from "./proposal-factory";
import { useTestDatabase } from "./setup-db";

/*
 * The reminder check against a real database, with the clock set to the LCPF 2017-21 round's dates:
 * proposals due 23 December 2016, MOPAC's feedback targeted for 23 February 2017. Each test makes its
 * own borough or proposal and counts only what reached its own people, so any test can run alone.
 */

useTestDatabase();

const at = (iso: string) => new Date(iso);

/** What reached one person: reminders claimed, portal notifications, queued emails. */
async function reached(person: { id: number; email: string }) {
  const [reminders, notifications, emails] = await Promise.all([
    db().selectFrom("reminders").selectAll().where("recipient_user_id", "=", person.id).orderBy("id").execute(),
    db().selectFrom("notifications").selectAll().where("user_id", "=", person.id).orderBy("id").execute(),
    db().selectFrom("email_outbox").selectAll().where("to_address", "=", person.email).orderBy("id").execute(),
  ]);
  return { reminders, notifications, emails };
}

async function countReminders(): Promise<number> {
  const { n } = await db()
    .selectFrom("reminders")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Records that the officers sent the proposal to its CSP at a moment, as the workflow's history would. */
async function sentToCspAt(proposalId: number, createdAt: string) {
  const { id } = await db()
    .insertInto("proposal_events")
    .values({
      proposal_id: proposalId,
      actor_user_id: null,
      action: "send_to_csp",
      from_status: "draft",
      to_status: "awaiting_csp",
      comment: null,
      project_id: null,
      project_title: null,
      meeting_date: null,
      assigned_reviewer_id: null,
      proposal_version: 2,
      created_at: createdAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

describe("the proposal deadline", () => {
  it("reminds a borough without a proposal 14 days before, once however often the check runs, then 3 days before", async () => {
    const borough = await makeBorough();
    const officer = borough.officer;

    await runReminderCheck(db(), at("2016-12-08T09:00:00Z"));
    expect((await reached(officer)).reminders).toHaveLength(0);

    await runReminderCheck(db(), at("2016-12-09T09:00:00Z"));
    await runReminderCheck(db(), at("2016-12-09T09:01:00Z"));
    await runReminderCheck(db(), at("2016-12-15T09:00:00Z"));
    let got = await reached(officer);
    expect(got.reminders.map((r) => r.kind)).toEqual(["deadline_14_days"]);
    expect(got.notifications).toHaveLength(1);
    expect(got.emails).toHaveLength(1);
    const notice = `${borough.name}’s LCPF proposal for Period 1 (2017/18 and 2018/19) is due with MOPAC by 23 December 2016 (in 14 days)`;
    expect(got.notifications[0]).toMatchObject({ message: notice, link: "/borough", proposal_id: null });
    expect(got.emails[0]?.subject).toBe(notice);
    expect(got.emails[0]?.body_text).toContain("your borough has not started");
    expect(got.reminders[0]).toMatchObject({
      subject: `borough:${borough.id}:period:${borough.periodId}`,
      occasion: "2016-12-23",
    });

    await runReminderCheck(db(), at("2016-12-20T09:00:00Z"));
    await runReminderCheck(db(), at("2016-12-23T16:00:00Z"));
    got = await reached(officer);
    expect(got.reminders.map((r) => r.kind)).toEqual(["deadline_14_days", "deadline_3_days"]);
    expect(got.notifications).toHaveLength(2);
    expect(got.emails.map((e) => e.subject)).toEqual([
      notice,
      `${borough.name}’s LCPF proposal for Period 1 (2017/18 and 2018/19) is due with MOPAC by 23 December 2016 (in 3 days)`,
    ]);

    await runReminderCheck(db(), at("2016-12-24T09:00:00Z"));
    expect((await reached(officer)).reminders).toHaveLength(2);
  });

  it("reminds the officers of a draft, pointing to it; nothing for a proposal already sent to MOPAC", async () => {
    const draft = await makeProposal({ state: "draft" });
    const inReview = await makeProposal({ state: "in_review" });

    await runReminderCheck(db(), at("2016-12-20T09:00:00Z"));

    const got = await reached(draft.borough.officer);
    expect(got.notifications).toHaveLength(1);
    expect(got.notifications[0]).toMatchObject({ link: `/proposals/${draft.id}`, proposal_id: draft.id });
    expect(got.emails[0]?.body_text).toContain("has not been sent yet");
    expect(got.emails[0]?.body_text).toContain(`/proposals/${draft.id}`);
    const sent = await reached(inReview.borough.officer);
    expect(sent.reminders).toHaveLength(0);
    expect(sent.notifications).toHaveLength(0);
  });
});

describe("waiting for the CSP", () => {
  it("reminds the CSP's endorsers, not its other members, once a week has passed since it was sent", async () => {
    const proposal = await makeProposal({ state: "awaiting_csp" });
    await sentToCspAt(proposal.id, "2017-01-10T10:00:00.000Z");
    const endorser = proposal.borough.cspEndorser!;

    await runReminderCheck(db(), at("2017-01-17T09:59:00Z"));
    expect((await reached(endorser)).reminders).toHaveLength(0);

    await runReminderCheck(db(), at("2017-01-17T10:00:00Z"));
    const got = await reached(endorser);
    expect(got.reminders.map((r) => r.kind)).toEqual(["endorsement_waiting"]);
    expect(got.notifications[0]?.link).toBe(`/proposals/${proposal.id}`);
    expect(got.emails[0]?.subject).toContain("has been awaiting the CSP’s endorsement since 10 January 2017");
    expect((await reached(proposal.borough.cspMember)).reminders).toHaveLength(0);
  });

  it("two checks racing send each reminder once: one claims it, the other's claim meets it", async () => {
    const proposal = await makeProposal({ state: "awaiting_csp" });
    await sentToCspAt(proposal.id, "2017-01-11T10:00:00.000Z");
    const endorser = proposal.borough.cspEndorser!;
    const now = at("2017-01-18T11:00:00Z");

    const remindersBefore = await countReminders();
    const [first, second] = await Promise.all([runReminderCheck(db(), now), runReminderCheck(db(), now)]);

    const got = await reached(endorser);
    expect(got.reminders).toHaveLength(1);
    expect(got.notifications).toHaveLength(1);
    expect(got.emails).toHaveLength(1);
    // Both saw the same reminders due, and between them each was sent once. (Whether the second check
    // found it claimed when it read, or lost the claim itself, depends on how the two interleave.)
    expect(first.due).toBe(second.due);
    expect(first.sent + second.sent).toBe((await countReminders()) - remindersBefore);
    expect(first.sent + second.sent).toBeGreaterThanOrEqual(1);
  });

  it("a second instance, with its own connection, sends nothing the first has sent", async () => {
    const proposal = await makeProposal({ state: "awaiting_csp" });
    await sentToCspAt(proposal.id, "2017-01-12T10:00:00.000Z");
    const endorser = proposal.borough.cspEndorser!;
    const now = at("2017-01-19T11:00:00Z");

    await runReminderCheck(db(), now);
    const otherInstance = createDatabase(process.env.DATABASE_URL!);
    try {
      const result = await runReminderCheck(otherInstance, now);
      expect(result.due).toBeGreaterThanOrEqual(1);
      expect(result.sent).toBe(0);
    } finally {
      await otherInstance.destroy();
    }
    expect((await reached(endorser)).emails).toHaveLength(1);
  });

  it("sent to the CSP again: a new week, and a new reminder", async () => {
    const proposal = await makeProposal({ state: "awaiting_csp" });
    const first = await sentToCspAt(proposal.id, "2017-01-13T10:00:00.000Z");
    const endorser = proposal.borough.cspEndorser!;
    await runReminderCheck(db(), at("2017-01-20T10:00:00Z"));
    const again = await sentToCspAt(proposal.id, "2017-03-01T10:00:00.000Z");
    await runReminderCheck(db(), at("2017-03-05T10:00:00Z"));
    expect((await reached(endorser)).reminders).toHaveLength(1);
    await runReminderCheck(db(), at("2017-03-08T10:00:00Z"));
    expect((await reached(endorser)).reminders.map((r) => r.occasion)).toEqual([`sent:${first}`, `sent:${again}`]);
  });
});

describe("reviews", () => {
  it("reminds the assigned reviewer 7 days before the feedback target, then once when overdue", async () => {
    const proposal = await makeProposal({ state: "in_review" });
    const reviewer = proposal.assignedReviewer!;

    await runReminderCheck(db(), at("2017-02-15T09:00:00Z"));
    expect((await reached(reviewer)).reminders).toHaveLength(0);

    await runReminderCheck(db(), at("2017-02-16T09:00:00Z"));
    await runReminderCheck(db(), at("2017-02-23T09:00:00Z"));
    let got = await reached(reviewer);
    expect(got.reminders.map((r) => r.kind)).toEqual(["feedback_due"]);
    expect(got.notifications[0]?.link).toBe(`/proposals/${proposal.id}/review`);
    expect(got.emails[0]?.subject).toContain("is due by 23 February 2017 (in 7 days)");

    await runReminderCheck(db(), at("2017-02-24T09:00:00Z"));
    await runReminderCheck(db(), at("2017-03-24T09:00:00Z"));
    got = await reached(reviewer);
    expect(got.reminders.map((r) => r.kind)).toEqual(["feedback_due", "review_overdue"]);
    expect(got.emails.map((e) => e.subject)).toHaveLength(2);
    expect(got.emails[1]?.subject).toContain("is overdue");
  });

  it("nothing for a decided review", async () => {
    const proposal = await makeProposal({ state: "approved" });
    await runReminderCheck(db(), at("2017-02-24T09:00:00Z"));
    expect((await reached(proposal.assignedReviewer!)).reminders).toHaveLength(0);
  });
});

describe("what MOPAC's admins see", () => {
  it("the next due, with whom it goes to, and once sent, the reminder in the list of those sent", async () => {
    const proposal = await makeProposal({ state: "awaiting_csp" });
    await sentToCspAt(proposal.id, "2017-04-03T10:00:00.000Z");
    const mine = (rows: { about: string }[]) => rows.filter((r) => r.about.startsWith(proposal.borough.name + "’s"));

    const before = await nextReminders(db(), at("2017-04-05T09:00:00Z"));
    expect(mine(before.rows)).toEqual([
      {
        kind: "endorsement_waiting",
        about: `${proposal.borough.name}’s LCPF proposal for Period 1 (2017/18 and 2018/19)`,
        audience: "The CSP’s members who may endorse",
        dueOn: "2017-04-10",
        dueAt: "2017-04-10T10:00:00.000Z",
      },
    ]);

    const endorserName = proposal.borough.cspEndorser!.name;
    const waiting = async () =>
      (await waitingReminders(db(), at("2017-04-10T10:00:00Z"))).filter((r) => r.recipientName === endorserName);
    // Due, and not yet sent until a check runs.
    expect(await waiting()).toEqual([expect.objectContaining({ kind: "endorsement_waiting" })]);
    await runReminderCheck(db(), at("2017-04-10T10:00:00Z"));
    expect(await waiting()).toEqual([]);
    expect(mine((await nextReminders(db(), at("2017-04-10T10:00:00Z"))).rows)).toEqual([]);
    const sent = (await sentReminders(db())).filter((r) => r.recipientName === proposal.borough.cspEndorser!.name);
    expect(sent).toEqual([
      expect.objectContaining({ kind: "endorsement_waiting", sentAt: "2017-04-10T10:00:00.000Z" }),
    ]);
    expect(sent[0]?.message).toContain("awaiting the CSP’s endorsement since 3 April 2017");
  });
});
