import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { loader as overviewLoader } from "~/routes/proposal";
import { action as decisionAction, loader as decisionLoader } from "~/routes/proposal-decision";
import { loader as stepLoader } from "~/routes/proposal-step";
import { makeProposal, type MadeProposal, type Person } from "./proposal-factory";
import { formRequest, getRequest, settle, useTestDatabase } from "./setup-db";

// Each test makes its own borough and proposal, so each runs alone.
useTestDatabase();

const run = (fn: (args: never) => Promise<unknown>, request: Request, params: Record<string, string>) =>
  settle(() => fn({ request, params, context: {} } as never));

function statusOf(outcome: { thrown: boolean; value: unknown }): number {
  const value = outcome.value as { status?: number; init?: { status?: number } };
  return value instanceof Response ? value.status : (value?.init?.status ?? 200);
}

const params = (p: MadeProposal) => ({ proposalId: String(p.id) });
const decide = (p: MadeProposal, who: Person, fields: Record<string, string>) =>
  run(decisionAction, formRequest(`/proposals/${p.id}/review/decision`, fields, who.cookie), params(p));

async function snapshot(p: MadeProposal) {
  const proposal = await db()
    .selectFrom("proposals")
    .select(["status", "version"])
    .where("id", "=", p.id)
    .executeTakeFirstOrThrow();
  const events = await db().selectFrom("proposal_events").select("action").where("proposal_id", "=", p.id).execute();
  const notices = await db().selectFrom("notifications").select("id").where("proposal_id", "=", p.id).execute();
  return { ...proposal, events: events.length, notices: notices.length };
}

describe("a decision asks first", () => {
  it("checking a decision changes nothing and restates the decision, the feedback and the totals", async () => {
    const p = await makeProposal({ state: "in_review" });
    const before = await snapshot(p);
    const checked = await decide(p, p.assignedReviewer!, {
      intent: "check",
      decision: "reject",
      comment: "The outcomes are not measurable.",
    });
    expect(statusOf(checked)).toBe(200);
    const confirm = (
      checked.value as {
        data: {
          confirm: { decision: string; comment: string; projectCount: number; summary: { totalPlannedPence: number } };
        };
      }
    ).data.confirm;
    expect(confirm).toMatchObject({ decision: "reject", comment: "The outcomes are not measurable.", projectCount: 1 });
    // The factory's one project plans £100,000 in each year of the period.
    expect(confirm.summary.totalPlannedPence).toBeGreaterThanOrEqual(10_000_000);
    expect(Number.isInteger(confirm.summary.totalPlannedPence)).toBe(true);
    expect(await snapshot(p)).toEqual(before);
  });

  it("refuses with 422 and changes nothing: missing feedback, feedback over the limit, an unknown decision or intent", async () => {
    const p = await makeProposal({ state: "in_review" });
    const reviewer = p.assignedReviewer!;
    const before = await snapshot(p);
    const errorsOf = (outcome: { value: unknown }) =>
      (outcome.value as { data: { error: Record<string, string[]> } }).data.error;

    const missing = await decide(p, reviewer, { intent: "check", decision: "request_changes", comment: "   " });
    expect(statusOf(missing)).toBe(422);
    expect(errorsOf(missing)).toEqual({ comment: ["Enter your feedback for the borough"] });
    const missingOnConfirm = await decide(p, reviewer, { intent: "confirm", decision: "reject", comment: "" });
    expect(statusOf(missingOnConfirm)).toBe(422);
    expect(Object.keys(errorsOf(missingOnConfirm))).toEqual(["comment"]);
    const long = await decide(p, reviewer, { intent: "check", decision: "approve", comment: "x".repeat(5001) });
    expect(statusOf(long)).toBe(422);
    expect(Object.keys(errorsOf(long))).toEqual(["comment"]);
    expect(statusOf(await decide(p, reviewer, { intent: "check", decision: "shrug" }))).toBe(422);
    expect(statusOf(await decide(p, reviewer, { intent: "act-now", decision: "approve" }))).toBe(422);
    expect(await snapshot(p)).toEqual(before);
  });

  it("confirming acts once, with the feedback carried from the check", async () => {
    const p = await makeProposal({ state: "in_review" });
    const reviewer = p.assignedReviewer!;
    const fields = { decision: "request_changes", comment: "Cost the 2018/19 sessions." };
    expect(statusOf(await decide(p, reviewer, { intent: "check", ...fields }))).toBe(200);
    expect((await snapshot(p)).status).toBe("in_review");
    expect(statusOf(await decide(p, reviewer, { intent: "confirm", ...fields }))).toBe(302);
    const event = await db()
      .selectFrom("proposal_events")
      .select(["action", "comment"])
      .where("proposal_id", "=", p.id)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ action: "request_changes", comment: "Cost the 2018/19 sessions." });

    // The officer's overview now leads with MOPAC's words, who and when.
    const overview = (await run(overviewLoader, getRequest(`/proposals/${p.id}`, p.borough.officer.cookie), params(p)))
      .value as {
      changesFeedback: { who: string; comment: string; when: string } | null;
    };
    expect(overview.changesFeedback).toMatchObject({ who: reviewer.name, comment: "Cost the 2018/19 sessions." });
  });

  it("is not offered once the proposal has left review", async () => {
    const p = await makeProposal({ state: "approved" });
    expect(
      statusOf(
        await run(
          decisionLoader,
          getRequest(`/proposals/${p.id}/review/decision`, p.assignedReviewer!.cookie),
          params(p),
        ),
      ),
    ).toBe(409);
  });
});

describe("the endorsement page", () => {
  it("shows the programme the CSP is endorsing", async () => {
    const p = await makeProposal({ state: "awaiting_csp" });
    const page = await run(stepLoader, getRequest(`/proposals/${p.id}/endorse`, p.borough.cspEndorser!.cookie), {
      ...params(p),
      step: "endorse",
    });
    const programme = (
      page.value as { programme: { projectCount: number; summary: { priorityTotals: unknown[] } } | null }
    ).programme;
    expect(programme?.projectCount).toBe(1);
    expect(programme?.summary.priorityTotals.length).toBeGreaterThan(0);
  });
});
