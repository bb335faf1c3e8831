import { beforeAll, describe, expect, it } from "vitest";
import { saveCompliance } from "~/data/proposals.server";
import { db } from "~/db.server";
import { action as checkAction } from "~/routes/proposal-check";
import { action as reviewAction, loader as reviewLoader } from "~/routes/proposal-review";
import { action as stepAction, loader as stepLoader } from "~/routes/proposal-step";
import { action as sectionAction } from "~/routes/project-section";
import { loader as overviewLoader } from "~/routes/proposal";
import { cookieFor, formRequest, getRequest, settle, useTestDatabase } from "./setup-db";

useTestDatabase();

let proposalId = 0;
const cookies: Record<string, string> = {};
const ACCOUNTS = ["officer@barking-dagenham.test", "csp@barking-dagenham.test", "officer@newham.test", "reviewer@mopac.test", "reviewer2@mopac.test", "admin@mopac.test"];

beforeAll(async () => {
  const proposal = await db()
    .selectFrom("proposals as p")
    .innerJoin("organisations as o", "o.id", "p.lead_organisation_id")
    .select(["p.id", "p.version", "p.created_by"])
    .where("o.name", "=", "Barking and Dagenham")
    .executeTakeFirstOrThrow();
  proposalId = proposal.id;
  await saveCompliance(db(), proposal.id, proposal.version, proposal.created_by, {
    transitionPlan: "The existing grants end in March 2017.",
    authorityConfirmed: true,
    minimumStandardsConfirmed: true,
    complianceAccepted: true,
    dataProtectionConfirmed: true,
    dataProcessingSummary: "Referral details only, shared under an agreement.",
    privacyNoticeUrl: "https://www.lbbd.gov.uk/privacy",
    dataProtectionPolicyUrl: "https://www.lbbd.gov.uk/data-protection",
  });
  for (const email of ACCOUNTS) cookies[email] = await cookieFor(email);
});

const path = (suffix = "") => `/proposals/${proposalId}${suffix}`;
const run = (fn: (args: never) => Promise<unknown>, request: Request, params: Record<string, string>) =>
  settle(() => fn({ request, params, context: {} } as never));

/** What an action returned for the page, whether or not it came with a status. */
function payload(outcome: { value: unknown }): unknown {
  const value = outcome.value as { data?: unknown; init?: unknown };
  return value && typeof value === "object" && "init" in value ? value.data : value;
}

/** The errors a refused form came back with, by field ("" for the form as a whole). */
function errorsOf(outcome: { value: unknown }): Record<string, string[]> {
  const reply = payload(outcome) as { error?: Record<string, string[]>; result?: { error?: Record<string, string[]> } };
  return reply?.error ?? reply?.result?.error ?? {};
}

function statusOf(outcome: { thrown: boolean; value: unknown }): number {
  const value = outcome.value as { status?: number; init?: { status?: number } };
  return value instanceof Response ? value.status : (value?.init?.status ?? 200);
}

async function state() {
  return db().selectFrom("proposals").select(["status", "version", "assigned_reviewer_id"]).where("id", "=", proposalId).executeTakeFirstOrThrow();
}

async function events() {
  return db().selectFrom("proposal_events").select(["action", "from_status", "to_status", "actor_user_id", "comment", "project_id"]).where("proposal_id", "=", proposalId).orderBy("id").execute();
}

async function userId(email: string) {
  return (await db().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

const send = (email: string, fields: Record<string, string> = {}) =>
  run(checkAction, formRequest(path("/check"), fields, cookies[email]), { proposalId: String(proposalId) });
const step = (email: string, name: string, fields: Record<string, string> = {}) =>
  run(stepAction, formRequest(path(`/${name}`), fields, cookies[email]), { proposalId: String(proposalId), step: name });
const review = (email: string, fields: Record<string, string>) =>
  run(reviewAction, formRequest(path("/review"), fields, cookies[email]), { proposalId: String(proposalId) });

describe("the route of Barking and Dagenham's proposal", () => {
  it("is invisible to MOPAC and to Newham while it is a draft", async () => {
    expect(statusOf(await run(reviewLoader, getRequest(path("/review"), cookies["reviewer@mopac.test"]), { proposalId: String(proposalId) }))).toBe(404);
    expect(statusOf(await run(overviewLoader, getRequest(path(), cookies["officer@newham.test"]), { proposalId: String(proposalId) }))).toBe(404);
  });

  it("refuses sending on by anyone but its officers, changing nothing", async () => {
    const before = await state();
    expect(statusOf(await send("officer@newham.test"))).toBe(404);
    const byCsp = await send("csp@barking-dagenham.test");
    expect(statusOf(byCsp)).toBe(403);
    expect(errorsOf(byCsp)).toEqual({ "": [expect.stringMatching(/borough officer/i)] });
    expect(await state()).toEqual(before);
    expect(await events()).toEqual([]);
  });

  it("is sent to the CSP by its officer once, even when the button is pressed twice", async () => {
    const first = await send("officer@barking-dagenham.test", { comment: "Ready for the February meeting" });
    expect((first.value as Response).headers.get("Location")).toBe(path());
    const second = await send("officer@barking-dagenham.test", { comment: "Ready for the February meeting" });
    expect(statusOf(second)).toBe(302);
    expect((await state()).status).toBe("awaiting_csp");
    expect((await events()).map((e) => e.action)).toEqual(["send_to_csp"]);

    const cspId = await userId("csp@barking-dagenham.test");
    const told = await db().selectFrom("notifications").select("message").where("user_id", "=", cspId).execute();
    expect(told.map((n) => n.message)).toEqual([expect.stringContaining("awaiting the CSP's endorsement")]);
    const mail = await db().selectFrom("email_outbox").select(["to_address", "subject"]).where("to_address", "=", "csp@barking-dagenham.test").execute();
    expect(mail).toHaveLength(1);
  });

  it("cannot be edited while it waits for the CSP", async () => {
    const project = await db().selectFrom("projects").select("id").where("proposal_id", "=", proposalId).orderBy("id").executeTakeFirstOrThrow();
    const { version } = await state();
    const outcome = await run(
      sectionAction,
      formRequest(path(`/projects/${project.id}/details`), { version: String(version), title: "Changed while waiting" }, cookies["officer@barking-dagenham.test"]),
      { proposalId: String(proposalId), projectId: String(project.id), section: "details" },
    );
    expect(statusOf(outcome)).toBe(409);
  });

  it("refuses an endorsement without a meeting date, with a future date, or by the officer", async () => {
    const noDate = await step("csp@barking-dagenham.test", "endorse");
    expect(statusOf(noDate)).toBe(422);
    expect(errorsOf(noDate)).toEqual({ meetingDate: ["Enter the date of the CSP meeting"] });
    const future = await step("csp@barking-dagenham.test", "endorse", { meetingDateDay: "1", meetingDateMonth: "1", meetingDateYear: "2099" });
    expect(errorsOf(future)).toEqual({ meetingDate: ["The date of the CSP meeting must be today or in the past"] });
    const invalid = await step("csp@barking-dagenham.test", "endorse", { meetingDateDay: "30", meetingDateMonth: "2", meetingDateYear: "2017" });
    expect(errorsOf(invalid)).toEqual({ meetingDateDay: ["The date of the CSP meeting must be a real date"] });
    expect(statusOf(await run(stepLoader, getRequest(path("/endorse"), cookies["officer@barking-dagenham.test"]), { proposalId: String(proposalId), step: "endorse" }))).toBe(403);
    expect((await state()).status).toBe("awaiting_csp");
  });

  it("on endorsement goes to MOPAC and, without anyone choosing, to the borough's lead reviewer", async () => {
    const outcome = await step("csp@barking-dagenham.test", "endorse", { meetingDateDay: "7", meetingDateMonth: "2", meetingDateYear: "2017", comment: "Endorsed at the CSP meeting" });
    expect((outcome.value as Response).headers.get("Location")).toBe(path());
    const reviewerId = await userId("reviewer@mopac.test");
    expect(await state()).toMatchObject({ status: "in_review", assigned_reviewer_id: reviewerId });
    expect((await events()).map((e) => [e.action, e.from_status, e.to_status])).toEqual([
      ["send_to_csp", "draft", "awaiting_csp"],
      ["endorse", "awaiting_csp", "submitted"],
      ["start_review", "submitted", "in_review"],
    ]);
    const told = await db().selectFrom("notifications").select("link").where("user_id", "=", reviewerId).execute();
    expect(told).toEqual([{ link: path("/review") }]);
    const mail = await db().selectFrom("email_outbox").select("subject").where("to_address", "=", "reviewer@mopac.test").execute();
    expect(mail).toEqual([{ subject: expect.stringContaining("assigned to you for review") }]);
  });

  it("lets only the assigned reviewer decide, and requires feedback to request changes", async () => {
    const notAssigned = await review("reviewer2@mopac.test", { intent: "decide", decision: "approve" });
    expect(statusOf(notAssigned)).toBe(403);
    expect(errorsOf(notAssigned)).toEqual({ "": [expect.stringMatching(/assigned/i)] });
    const byOfficer = await review("officer@barking-dagenham.test", { intent: "decide", decision: "approve" });
    expect(statusOf(byOfficer)).toBe(403);
    const noFeedback = await review("reviewer@mopac.test", { intent: "decide", decision: "request_changes", comment: "  " });
    expect(statusOf(noFeedback)).toBe(422);
    expect(errorsOf(noFeedback)).toEqual({ comment: [expect.any(String)] });
    expect(payload(noFeedback)).toMatchObject({ formId: "decision-form" });
    expect((await state()).status).toBe("in_review");
  });

  it("takes the reviewer's comment on a project and the request for changes", async () => {
    const project = await db().selectFrom("projects").select(["id", "title"]).where("proposal_id", "=", proposalId).where("title", "=", "VAWG Counselling").executeTakeFirstOrThrow();
    const commented = await review("reviewer@mopac.test", { intent: "comment", projectId: String(project.id), comment: "Please cost the counselling sessions for 2018/19." });
    expect(statusOf(commented)).toBe(302);
    const changes = await review("reviewer@mopac.test", { intent: "decide", decision: "request_changes", comment: "See the comment on VAWG Counselling." });
    expect(statusOf(changes)).toBe(302);
    expect((await state()).status).toBe("changes_requested");
    const officerId = await userId("officer@barking-dagenham.test");
    const told = await db().selectFrom("notifications").select("message").where("user_id", "=", officerId).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(told.message).toContain("asked for changes");
  });

  it("comes back after the officer's change, and the reviewer sees what changed", async () => {
    const project = await db().selectFrom("projects").select(["id", "version"]).where("proposal_id", "=", proposalId).where("title", "=", "VAWG Counselling").executeTakeFirstOrThrow();
    const { version } = project;
    const years = await db().selectFrom("financial_years").select(["id", "label"]).where("label", "in", ["2017/18", "2018/19"]).execute();
    const id = (label: string) => years.find((y) => y.label === label)!.id;
    const saved = await run(
      sectionAction,
      formRequest(
        path(`/projects/${project.id}/funding`),
        { version: String(version), [`lcpf-${id("2017/18")}`]: "13,000", [`lcpf-${id("2018/19")}`]: "15,000", coCommissioningCandidate: "on" },
        cookies["officer@barking-dagenham.test"],
      ),
      { proposalId: String(proposalId), projectId: String(project.id), section: "funding" },
    );
    expect(statusOf(saved)).toBe(302);
    expect(statusOf(await send("officer@barking-dagenham.test"))).toBe(302);
    expect(statusOf(await step("csp@barking-dagenham.test", "endorse", { meetingDateDay: "20", meetingDateMonth: "2", meetingDateYear: "2017" }))).toBe(302);

    const page = (await run(reviewLoader, getRequest(path("/review"), cookies["reviewer@mopac.test"]), { proposalId: String(proposalId) })).value as Awaited<ReturnType<typeof reviewLoader>>;
    expect(page.changes?.changed).toEqual([
      { id: project.id, title: "VAWG Counselling", changes: [{ field: "lcpfSpend:2018/19", label: "LCPF spend in 2018/19", before: "£13,000.00", after: "£15,000.00" }] },
    ]);
    expect(statusOf(await review("reviewer@mopac.test", { intent: "decide", decision: "approve" }))).toBe(302);
    expect((await state()).status).toBe("approved");
  });

  it("keeps every step in an append-only history", async () => {
    expect((await events()).map((e) => e.action)).toEqual([
      "send_to_csp",
      "endorse",
      "start_review",
      "comment",
      "request_changes",
      "send_to_csp",
      "endorse",
      "start_review",
      "approve",
    ]);
    await expect(db().updateTable("proposal_events").set({ comment: "rewritten" }).where("proposal_id", "=", proposalId).execute()).rejects.toThrow(/append-only/);
    await expect(db().deleteFrom("proposal_events").where("proposal_id", "=", proposalId).execute()).rejects.toThrow(/append-only/);
  });

  it("refuses steps the state does not allow, with 409", async () => {
    const withdraw = await step("officer@barking-dagenham.test", "withdraw");
    expect(statusOf(withdraw)).toBe(409);
    const loaderRefusal = await run(stepLoader, getRequest(path("/endorse"), cookies["csp@barking-dagenham.test"]), { proposalId: String(proposalId), step: "endorse" });
    expect(statusOf(loaderRefusal)).toBe(409);
  });

  it("still hides everything from Newham once approved", async () => {
    expect(statusOf(await run(overviewLoader, getRequest(path(), cookies["officer@newham.test"]), { proposalId: String(proposalId) }))).toBe(404);
    expect(statusOf(await run(reviewLoader, getRequest(path("/review"), cookies["officer@newham.test"]), { proposalId: String(proposalId) }))).toBe(404);
    expect(statusOf(await step("officer@newham.test", "withdraw"))).toBe(404);
  });
});

describe("routing without a lead reviewer", () => {
  it("goes to the active reviewer with the fewest open reviews", async () => {
    const newhamOfficer = await userId("officer@newham.test");
    const reviewerOne = await userId("reviewer@mopac.test");
    const { id: newham } = await db().selectFrom("organisations").select("id").where("name", "=", "Newham").executeTakeFirstOrThrow();
    const periods = await db().selectFrom("funding_periods").select(["id", "number"]).orderBy("number").execute();
    const { startProposal } = await import("~/data/proposals.server");
    const { takeAction } = await import("~/data/workflow.server");

    // Reviewer One already has an open review (Newham's period 2 proposal, set up directly).
    const busy = await startProposal(db(), { organisationId: newham, periodId: periods[1]!.id, userId: newhamOfficer });
    if (!busy.ok) throw new Error(busy.message);
    await db()
      .updateTable("proposals")
      .set({ status: "in_review", assigned_reviewer_id: reviewerOne, first_submitted_at: new Date().toISOString() })
      .where("id", "=", busy.proposalId)
      .execute();

    // Newham has no lead reviewer: its period 1 proposal, once endorsed, goes to the other reviewer.
    const started = await startProposal(db(), { organisationId: newham, periodId: periods[0]!.id, userId: newhamOfficer });
    if (!started.ok) throw new Error(started.message);
    await db().updateTable("proposals").set({ status: "awaiting_csp" }).where("id", "=", started.proposalId).execute();
    const stamp = new Date().toISOString();
    const { id: cspUser } = await db()
      .insertInto("users")
      .values({ email: "csp@newham.test", name: "Newham CSP", password_hash: "not-used", organisation_id: newham, role: "csp_member", can_endorse: 1, active: 1, created_at: stamp, updated_at: stamp })
      .returning("id")
      .executeTakeFirstOrThrow();
    const user = { id: cspUser, email: "csp@newham.test", name: "Newham CSP", role: "csp_member" as const, can_endorse: 1, organisation_id: newham, organisation_name: "Newham", organisation_kind: "borough" as const };
    const outcome = await takeAction(db(), { proposalId: started.proposalId, action: "endorse", user, meetingDate: "2017-02-01" });
    expect(outcome).toMatchObject({ ok: true, to: "in_review", assignedReviewerId: await userId("reviewer2@mopac.test") });
  });
});
