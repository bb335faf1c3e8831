import { createServer, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { startProposal } from "~/data/proposals.server";
import { takeAction } from "~/data/workflow.server";
import { db } from "~/db.server";
import { NO_ENDORSER_MESSAGE } from "~/domain/proposal-checks";
import { action as sectionAction } from "~/routes/project-section";
import { loader as overviewLoader } from "~/routes/proposal";
import { action as checkAction, loader as checkLoader } from "~/routes/proposal-check";
import { action as decisionAction } from "~/routes/proposal-decision";
import { action as reviewAction, loader as reviewLoader } from "~/routes/proposal-review";
import { action as stepAction, loader as stepLoader } from "~/routes/proposal-step";
import { makeMopacPerson, makeProposal, type MadeProposal, type Person } from "./proposal-factory";
import { formRequest, getRequest, settle, useTestDatabase } from "./setup-db";

// Every test makes its own borough and proposal (see proposal-factory.ts), so each runs alone:
// npx vitest run test/integration/workflow.test.ts -t "<name>"
useTestDatabase();

const run = (fn: (args: never) => Promise<unknown>, request: Request, params: Record<string, string>) =>
  settle(() => fn({ request, params, context: {} } as never));

function statusOf(outcome: { thrown: boolean; value: unknown }): number {
  const value = outcome.value as { status?: number; init?: { status?: number } };
  return value instanceof Response ? value.status : (value?.init?.status ?? 200);
}

const path = (p: MadeProposal, suffix = "") => `/proposals/${p.id}${suffix}`;
const params = (p: MadeProposal, extra: Record<string, string> = {}) => ({ proposalId: String(p.id), ...extra });

const send = (p: MadeProposal, who: Person, fields: Record<string, string> = {}) =>
  run(checkAction, formRequest(path(p, "/check"), fields, who.cookie), params(p));
const step = (p: MadeProposal, who: Person, name: string, fields: Record<string, string> = {}) =>
  run(stepAction, formRequest(path(p, `/${name}`), fields, who.cookie), params(p, { step: name }));
const review = (p: MadeProposal, who: Person, fields: Record<string, string>) =>
  run(reviewAction, formRequest(path(p, "/review"), fields, who.cookie), params(p));

// Decisions are taken on their confirmation page; "confirm" acts.
const decision = (p: MadeProposal, who: Person, fields: Record<string, string>) =>
  run(decisionAction, formRequest(path(p, "/review/decision"), fields, who.cookie), params(p));

async function state(p: MadeProposal) {
  return db()
    .selectFrom("proposals")
    .select(["status", "version", "assigned_reviewer_id"])
    .where("id", "=", p.id)
    .executeTakeFirstOrThrow();
}

async function events(p: MadeProposal) {
  return db()
    .selectFrom("proposal_events")
    .select(["action", "from_status", "to_status", "actor_user_id", "comment"])
    .where("proposal_id", "=", p.id)
    .orderBy("id")
    .execute();
}

async function noticesFor(person: Person) {
  return db()
    .selectFrom("notifications")
    .select(["message", "link"])
    .where("user_id", "=", person.id)
    .orderBy("id")
    .execute();
}

async function emailsTo(person: Person) {
  return db()
    .selectFrom("email_outbox")
    .select(["subject", "body_text", "sent_at"])
    .where("to_address", "=", person.email)
    .orderBy("id")
    .execute();
}

const endorsementDate = { meetingDateDay: "7", meetingDateMonth: "2", meetingDateYear: "2017" };

describe("sending to the CSP", () => {
  it("an officer sends a sendable proposal once, even when pressed twice, and the CSP's endorser is told", async () => {
    const p = await makeProposal();
    const first = await send(p, p.borough.officer, { comment: "Ready for the February meeting" });
    expect((first.value as Response).headers.get("Location")).toBe(path(p));
    expect(statusOf(await send(p, p.borough.officer, { comment: "Ready for the February meeting" }))).toBe(302);
    expect((await state(p)).status).toBe("awaiting_csp");
    expect((await events(p)).map((e) => e.action)).toEqual(["send_to_csp"]);

    const endorser = p.borough.cspEndorser!;
    expect((await noticesFor(endorser)).map((n) => n.message)).toEqual([
      expect.stringContaining("awaiting the CSP’s endorsement"),
    ]);
    const [email, ...more] = await emailsTo(endorser);
    expect(more).toEqual([]);
    expect(email?.subject).toBe(
      `${p.borough.name}’s LCPF proposal for Period 1 (2017/18 and 2018/19) is awaiting the CSP’s endorsement`,
    );
    expect(email?.body_text).toContain("> Ready for the February meeting");
  });

  it("is refused to anyone but the borough's officers, changing nothing", async () => {
    const p = await makeProposal();
    const stranger = await makeProposal();
    const before = await state(p);
    expect(statusOf(await send(p, stranger.borough.officer))).toBe(404);
    expect(statusOf(await send(p, p.borough.cspEndorser!))).toBe(403);
    expect(await state(p)).toEqual(before);
    expect(await events(p)).toEqual([]);
  });

  it("is blocked while the compliance questions are unanswered", async () => {
    const p = await makeProposal({ compliance: false });
    const page = (await run(checkLoader, getRequest(path(p, "/check"), p.borough.officer.cookie), params(p)))
      .value as Awaited<ReturnType<typeof checkLoader>>;
    expect(page.blockers).toEqual([
      expect.objectContaining({ code: "compliance-unanswered", href: path(p, "/compliance") }),
    ]);

    expect(statusOf(await send(p, p.borough.officer))).toBe(422);
    expect((await state(p)).status).toBe("draft");
    expect(await events(p)).toEqual([]);
  });

  it.each([
    ["aims", "description"],
    ["outcomes", "description"],
    ["procurement_completed_on", "milestones"],
    ["start_on", "milestones"],
    ["completion_on", "milestones"],
    ["evaluation_completed_on", "milestones"],
  ] as const)("is blocked by a project without its %s, linking to the %s section", async (field, section) => {
    const p = await makeProposal({ project: { [field]: null } });
    const page = (await run(checkLoader, getRequest(path(p, "/check"), p.borough.officer.cookie), params(p)))
      .value as Awaited<ReturnType<typeof checkLoader>>;
    expect(page.blockers).toHaveLength(1);
    expect(page.blockers[0]).toMatchObject({
      message: expect.stringContaining("Domestic Abuse Advocacy"),
      href: path(p, `/projects/${p.projectId}/${section}`),
    });

    expect(statusOf(await send(p, p.borough.officer))).toBe(422);
    expect((await state(p)).status).toBe("draft");
  });

  it("is refused when the CSP has nobody who may endorse: the officer is told why, MOPAC's admins once", async () => {
    const p = await makeProposal({ endorser: false });
    const admin = await makeMopacPerson("mopac_admin", "A Factory Admin");
    const outcome = await takeAction(db(), { proposalId: p.id, action: "send_to_csp", user: p.borough.officer.user });
    expect(outcome).toMatchObject({ ok: false, status: 422, blockers: [NO_ENDORSER_MESSAGE] });
    expect((await state(p)).status).toBe("draft");

    const told = await noticesFor(admin);
    expect(told).toEqual([{ message: `${p.borough.name} has no CSP member who may endorse proposals`, link: path(p) }]);
    expect(await emailsTo(admin)).toHaveLength(1);

    // Trying again the same day does not tell them again.
    await takeAction(db(), { proposalId: p.id, action: "send_to_csp", user: p.borough.officer.user });
    expect(await noticesFor(admin)).toHaveLength(1);
  });

  it("cannot be edited while it waits for the CSP", async () => {
    const p = await makeProposal({ state: "awaiting_csp" });
    const outcome = await run(
      sectionAction,
      formRequest(
        path(p, `/projects/${p.projectId}/details`),
        { version: "1", title: "Changed while waiting" },
        p.borough.officer.cookie,
      ),
      params(p, { projectId: String(p.projectId), section: "details" }),
    );
    expect(statusOf(outcome)).toBe(409);
  });
});

describe("email off the request path", () => {
  it("an action queues its emails and returns without touching the mail server", async () => {
    // A mail server that accepts connections and never answers: sending in the request would hang on it.
    const connections: Socket[] = [];
    const server = createServer((socket) => connections.push(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const previous = process.env.SMTP_URL;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    try {
      const p = await makeProposal();
      const outcome = await takeAction(db(), { proposalId: p.id, action: "send_to_csp", user: p.borough.officer.user });
      expect(outcome).toMatchObject({ ok: true, to: "awaiting_csp" });
      expect(connections).toHaveLength(0);
      expect(await emailsTo(p.borough.cspEndorser!)).toEqual([expect.objectContaining({ sent_at: null })]);
    } finally {
      if (previous === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = previous;
      for (const socket of connections) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("the CSP", () => {
  it("refuses an endorsement without a real meeting date on or before today, and the officer cannot endorse", async () => {
    const p = await makeProposal({ state: "awaiting_csp" });
    const csp = p.borough.cspEndorser!;
    expect(statusOf(await step(p, csp, "endorse"))).toBe(422);
    expect(
      statusOf(await step(p, csp, "endorse", { meetingDateDay: "1", meetingDateMonth: "1", meetingDateYear: "2099" })),
    ).toBe(422);
    expect(
      statusOf(await step(p, csp, "endorse", { meetingDateDay: "30", meetingDateMonth: "2", meetingDateYear: "2017" })),
    ).toBe(422);
    expect(
      statusOf(
        await run(
          stepLoader,
          getRequest(path(p, "/endorse"), p.borough.officer.cookie),
          params(p, { step: "endorse" }),
        ),
      ),
    ).toBe(403);
    expect(statusOf(await step(p, p.borough.cspMember, "endorse", endorsementDate))).toBe(403);
    expect((await state(p)).status).toBe("awaiting_csp");
  });

  it("an endorsement goes to MOPAC and, with the portal as the actor, to the borough's lead reviewer", async () => {
    const p = await makeProposal({ state: "awaiting_csp" });
    const outcome = await step(p, p.borough.cspEndorser!, "endorse", {
      ...endorsementDate,
      comment: "Endorsed at the CSP meeting",
    });
    expect((outcome.value as Response).headers.get("Location")).toBe(path(p));
    const lead = p.borough.leadReviewer!;
    expect(await state(p)).toMatchObject({ status: "in_review", assigned_reviewer_id: lead.id });
    expect((await events(p)).map((e) => [e.action, e.from_status, e.to_status, e.actor_user_id])).toEqual([
      ["endorse", "awaiting_csp", "submitted", p.borough.cspEndorser!.id],
      ["start_review", "submitted", "in_review", null],
    ]);
    expect(await noticesFor(lead)).toEqual([
      { message: expect.stringContaining("assigned to you for review"), link: path(p, "/review") },
    ]);
    expect(await emailsTo(lead)).toEqual([
      expect.objectContaining({ subject: expect.stringContaining("assigned to you for review") }),
    ]);
    expect((await noticesFor(p.borough.officer)).map((n) => n.message)).toEqual([
      expect.stringContaining("The CSP endorsed"),
    ]);
  });

  it("returning to the officers keeps the CSP's words out of the subject and the portal notice", async () => {
    const p = await makeProposal({ state: "awaiting_csp" });
    const words = `Cost the counselling sessions.\nSubject: ${"x".repeat(4_900)}`;
    expect(statusOf(await step(p, p.borough.cspEndorser!, "return", { comment: words }))).toBe(302);
    expect((await state(p)).status).toBe("draft");
    const [notice] = await noticesFor(p.borough.officer);
    expect(notice?.message).toBe(
      `The CSP returned ${p.borough.name}’s LCPF proposal for Period 1 (2017/18 and 2018/19)`,
    );
    const [email] = await emailsTo(p.borough.officer);
    expect(email?.subject).toBe(notice?.message);
    expect(email?.body_text).toContain("Their comments:\n\n> Cost the counselling sessions.\n> Subject: xxx");
  });
});

describe("routing without a lead reviewer", () => {
  it("goes to the active reviewer with the fewest open reviews", async () => {
    const busy = await makeMopacPerson("mopac_reviewer", "0 Busy Reviewer");
    const free = await makeMopacPerson("mopac_reviewer", "0 Free Reviewer");
    const other = await makeProposal({ state: "in_review" });
    await db().updateTable("proposals").set({ assigned_reviewer_id: busy.id }).where("id", "=", other.id).execute();

    const p = await makeProposal({ state: "awaiting_csp", leadReviewer: false });
    const outcome = await takeAction(db(), {
      proposalId: p.id,
      action: "endorse",
      user: p.borough.cspEndorser!.user,
      meetingDate: "2017-02-01",
    });
    expect(outcome).toMatchObject({ ok: true, to: "in_review", assignedReviewerId: free.id });
  });
});

describe("withdrawing", () => {
  it("frees the borough's place: it can start a new proposal for the same period", async () => {
    const p = await makeProposal();
    const officer = p.borough.officer;
    const taken = await startProposal(db(), {
      organisationId: p.borough.id,
      periodId: p.borough.periodId,
      userId: officer.id,
    });
    expect(taken).toMatchObject({ ok: false });

    expect(statusOf(await step(p, officer, "withdraw"))).toBe(302);
    expect((await state(p)).status).toBe("withdrawn");
    const fresh = await startProposal(db(), {
      organisationId: p.borough.id,
      periodId: p.borough.periodId,
      userId: officer.id,
    });
    expect(fresh).toMatchObject({ ok: true });
  });
});

describe("review", () => {
  it("only the assigned reviewer decides, and feedback is needed to request changes", async () => {
    const p = await makeProposal({ state: "in_review" });
    const reviewer = p.assignedReviewer!;
    expect(statusOf(await decision(p, p.borough.officer, { intent: "confirm", decision: "approve" }))).toBe(403);
    expect(
      statusOf(await decision(p, reviewer, { intent: "confirm", decision: "request_changes", comment: "  " })),
    ).toBe(422);
    expect((await state(p)).status).toBe("in_review");
    expect(statusOf(await decision(p, reviewer, { intent: "confirm", decision: "approve" }))).toBe(302);
    expect((await state(p)).status).toBe("approved");
    expect((await noticesFor(p.borough.officer)).map((n) => n.message)).toEqual([
      expect.stringContaining("MOPAC approved"),
    ]);
  });

  it("a reviewer who is not assigned can neither take the review nor decide it", async () => {
    const p = await makeProposal({ state: "in_review" });
    const intruder = await makeMopacPerson("mopac_reviewer", "Z Intruding Reviewer");
    const before = await state(p);
    expect(statusOf(await review(p, intruder, { intent: "reassign", reviewerId: String(intruder.id) }))).toBe(403);
    for (const choice of ["approve", "reject", "request_changes"]) {
      expect(
        statusOf(await decision(p, intruder, { intent: "confirm", decision: choice, comment: "Taking this one" })),
      ).toBe(403);
    }
    expect(await state(p)).toEqual(before);
    expect(await events(p)).toEqual([]);
    const page = (await run(reviewLoader, getRequest(path(p, "/review"), intruder.cookie), params(p))).value as Awaited<
      ReturnType<typeof reviewLoader>
    >;
    expect(page.can).toEqual({ decide: false, comment: true, reassign: false });
  });

  it("the assigned reviewer hands over; the one who loses it is told in the portal and by email", async () => {
    const p = await makeProposal({ state: "in_review" });
    const from = p.assignedReviewer!;
    const to = await makeMopacPerson("mopac_reviewer", "Z Next Reviewer");
    expect(statusOf(await review(p, from, { intent: "reassign", reviewerId: String(to.id) }))).toBe(302);
    expect(await state(p)).toMatchObject({ status: "in_review", assigned_reviewer_id: to.id });
    expect(await noticesFor(to)).toEqual([
      { message: expect.stringContaining("assigned to you for review"), link: path(p, "/review") },
    ]);
    expect(await noticesFor(from)).toEqual([
      { message: expect.stringContaining("reassigned to another reviewer"), link: path(p, "/review") },
    ]);
    expect(await emailsTo(from)).toEqual([
      expect.objectContaining({ subject: expect.stringContaining("reassigned to another reviewer") }),
    ]);

    // It is no longer theirs to decide.
    expect(statusOf(await decision(p, from, { intent: "confirm", decision: "approve" }))).toBe(403);
  });

  it("a MOPAC admin reassigns any review; the displaced reviewer is told", async () => {
    const p = await makeProposal({ state: "in_review" });
    const admin = await makeMopacPerson("mopac_admin", "Z Factory Admin");
    const to = await makeMopacPerson("mopac_reviewer", "Z Another Reviewer");
    expect(statusOf(await review(p, admin, { intent: "reassign", reviewerId: String(to.id) }))).toBe(302);
    expect((await state(p)).assigned_reviewer_id).toBe(to.id);
    expect(await noticesFor(p.assignedReviewer!)).toHaveLength(1);
  });

  it("reassigning to nobody, to someone who is not a reviewer, or to the same reviewer is refused", async () => {
    const p = await makeProposal({ state: "in_review" });
    const reviewer = p.assignedReviewer!;
    for (const reviewerId of ["", "abc", String(p.borough.officer.id), String(reviewer.id)]) {
      expect([reviewerId, statusOf(await review(p, reviewer, { intent: "reassign", reviewerId }))]).toEqual([
        reviewerId,
        422,
      ]);
    }
    expect((await state(p)).assigned_reviewer_id).toBe(reviewer.id);
  });

  it("a proposal sent back for changes returns, and the reviewer sees what changed", async () => {
    const p = await makeProposal({ state: "awaiting_csp" });
    const { officer, cspEndorser } = p.borough;
    expect(statusOf(await step(p, cspEndorser!, "endorse", endorsementDate))).toBe(302);
    const reviewer = p.borough.leadReviewer!;
    expect(
      statusOf(
        await decision(p, reviewer, { intent: "confirm", decision: "request_changes", comment: "Cost 2018/19 again." }),
      ),
    ).toBe(302);
    expect((await state(p)).status).toBe("changes_requested");

    // The officer's change (as the funding form would save it).
    const year2 = p.borough.years[1]!;
    await db()
      .updateTable("project_costs")
      .set({ lcpf_pence: 150_000 * 100 })
      .where("project_id", "=", p.projectId)
      .where("financial_year_id", "=", year2.id)
      .execute();
    expect(statusOf(await send(p, officer))).toBe(302);
    expect(statusOf(await step(p, cspEndorser!, "endorse", endorsementDate))).toBe(302);

    const page = (await run(reviewLoader, getRequest(path(p, "/review"), reviewer.cookie), params(p))).value as Awaited<
      ReturnType<typeof reviewLoader>
    >;
    // The changes come as markup made on the server: the project's one change, to its 2018/19 funding.
    const changes = page.changes?.html ?? "";
    expect(changes).toContain("Changed since the last submission");
    expect(changes.match(/<li>/g)).toHaveLength(1);
    expect(changes).toContain("<ins>£150,000.00</ins>");
    expect((await events(p)).map((e) => e.action)).toEqual([
      "endorse",
      "start_review",
      "request_changes",
      "send_to_csp",
      "endorse",
      "start_review",
    ]);
  });
});

describe("history and visibility", () => {
  it("keeps every step in an append-only history", async () => {
    const p = await makeProposal();
    expect(statusOf(await send(p, p.borough.officer))).toBe(302);
    await expect(
      db().updateTable("proposal_events").set({ comment: "rewritten" }).where("proposal_id", "=", p.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db().deleteFrom("proposal_events").where("proposal_id", "=", p.id).execute()).rejects.toThrow(
      /append-only/,
    );
  });

  it("refuses steps the state does not allow, with 409", async () => {
    const p = await makeProposal({ state: "approved" });
    expect(statusOf(await step(p, p.borough.officer, "withdraw"))).toBe(409);
    expect(
      statusOf(
        await run(
          stepLoader,
          getRequest(path(p, "/endorse"), p.borough.cspEndorser!.cookie),
          params(p, { step: "endorse" }),
        ),
      ),
    ).toBe(409);
  });

  it("a draft is hidden from MOPAC, and every stage from other boroughs", async () => {
    const draft = await makeProposal();
    const approved = await makeProposal({ state: "approved" });
    const stranger = (await makeProposal()).borough.officer;
    const reviewer = approved.assignedReviewer!;
    expect(statusOf(await run(reviewLoader, getRequest(path(draft, "/review"), reviewer.cookie), params(draft)))).toBe(
      404,
    );
    for (const p of [draft, approved]) {
      expect(statusOf(await run(overviewLoader, getRequest(path(p), stranger.cookie), params(p)))).toBe(404);
      expect(statusOf(await run(reviewLoader, getRequest(path(p, "/review"), stranger.cookie), params(p)))).toBe(404);
      expect(statusOf(await step(p, stranger, "withdraw"))).toBe(404);
    }
  });
});
