import { describe, expect, it } from "vitest";
import { startProposal } from "~/data/proposals.server";
import { createProject } from "~/data/projects.server";
import { db } from "~/db.server";
import type { State } from "~/domain/workflow";
import { NOTE_LIMIT, UNKNOWN_FORM_ACTION, VERSION_PROBLEM } from "~/forms/common";
import { MAX_CONTRIBUTORS, tooManyMessage } from "~/forms/sections/partners";
import { EMAIL_LIMIT } from "~/forms/sign-in";
import { loader as rootLoader } from "~/root";
import { action as startAction } from "~/routes/borough-home";
import { action as notificationsAction } from "~/routes/notifications";
import { action as newProjectAction } from "~/routes/project-new";
import { action as removeAction } from "~/routes/project-remove";
import { action as sectionAction, loader as sectionLoader } from "~/routes/project-section";
import { loader as overviewLoader } from "~/routes/proposal";
import { action as checkAction } from "~/routes/proposal-check";
import { action as complianceAction } from "~/routes/proposal-compliance";
import { action as decisionAction } from "~/routes/proposal-decision";
import { action as reviewAction } from "~/routes/proposal-review";
import { action as stepAction } from "~/routes/proposal-step";
import { action as signInAction } from "~/routes/sign-in";
import { allocateForPeriod, cookieFor, formRequest, getRequest, settle, useTestDatabase } from "./setup-db";

useTestDatabase();

const OFFICER = "officer@barking-dagenham.test";
const CSP = "csp@barking-dagenham.test";
const REVIEWER = "reviewer@mopac.test";

type Outcome = { thrown: boolean; value: unknown };
const call = (fn: (args: never) => Promise<unknown>, request: Request, params: Record<string, string> = {}) =>
  settle(() => fn({ request, params, context: {} } as never));

function statusOf(outcome: Outcome): number {
  const value = outcome.value as { status?: number; init?: { status?: number } | null };
  return value instanceof Response ? value.status : (value?.init?.status ?? 200);
}

/** The conform reply an action answered with (the review page wraps it with the form's id). */
function replyOf(outcome: Outcome): {
  status?: string;
  error?: Record<string, string[]>;
  initialValue?: Record<string, unknown>;
} {
  const value = outcome.value as { data?: unknown };
  const data = (value && typeof value === "object" && "init" in value ? value.data : value) as Record<string, unknown>;
  return (data && "result" in data ? data.result : data) as ReturnType<typeof replyOf>;
}

const errorsOf = (outcome: Outcome) => replyOf(outcome).error ?? {};

async function idOf(table: "users" | "organisations", column: "email" | "name", value: string) {
  return (
    await db()
      .selectFrom(table)
      .select("id")
      .where(column as never, "=", value as never)
      .executeTakeFirstOrThrow()
  ).id;
}

/**
 * A proposal of Barking and Dagenham's of its own for one test, in the state the test needs: any
 * earlier one of the test file is set aside first, as withdrawing would.
 */
async function freshProposal(status: State = "draft") {
  const organisationId = await idOf("organisations", "name", "Barking and Dagenham");
  const period = await db()
    .selectFrom("funding_periods")
    .select("id")
    .where("number", "=", 2)
    .executeTakeFirstOrThrow();
  await db()
    .updateTable("proposal_boroughs")
    .set({ active: 0 })
    .where("organisation_id", "=", organisationId)
    .where("funding_period_id", "=", period.id)
    .execute();
  const started = await startProposal(db(), {
    organisationId,
    periodId: period.id,
    userId: await idOf("users", "email", OFFICER),
  });
  if (!started.ok) throw new Error(started.message);
  const id = started.proposalId;
  if (status !== "draft") {
    const reviewer = status === "in_review" ? await idOf("users", "email", REVIEWER) : null;
    const submitted = status === "in_review" ? new Date().toISOString() : null;
    await db()
      .updateTable("proposals")
      .set({ status, assigned_reviewer_id: reviewer, first_submitted_at: submitted })
      .where("id", "=", id)
      .execute();
  }
  return { id, path: `/proposals/${id}`, params: { proposalId: String(id) } };
}

async function freshProject(title = "Safer Streets Patrols") {
  const proposal = await freshProposal();
  const priority = await db().selectFrom("priorities").select("id").orderBy("id").executeTakeFirstOrThrow();
  const created = await createProject(db(), {
    proposalId: proposal.id,
    userId: await idOf("users", "email", OFFICER),
    title,
    changes: {
      columns: { title, primary_priority_id: priority.id, secondary_priority_id: null },
      categories: ["victim-care"],
    },
  });
  if (!created.ok) throw new Error(created.message);
  return {
    ...proposal,
    projectId: created.value,
    projectParams: { ...proposal.params, projectId: String(created.value) },
  };
}

/** Sections and removing a project check the project's own version, so colleagues on other projects never clash. */
async function projectVersionOf(projectId: number) {
  return (await db().selectFrom("projects").select("version").where("id", "=", projectId).executeTakeFirstOrThrow())
    .version;
}

async function statusNow(proposalId: number) {
  return (await db().selectFrom("proposals").select("status").where("id", "=", proposalId).executeTakeFirstOrThrow())
    .status;
}

const tooLong = "x".repeat(NOTE_LIMIT + 1);
const MALFORMED_VERSIONS = [undefined, "", "abc", "1.5", "0", "-2", "1e400"];

describe("workflow steps (withdraw, endorse, return)", () => {
  const step = async (
    email: string,
    path: string,
    name: string,
    fields: Record<string, string>,
    params: Record<string, string>,
  ) => call(stepAction, formRequest(`${path}/${name}`, fields, await cookieFor(email)), { ...params, step: name });

  it("refuses a return without comments, or with comments over the limit, changing nothing; then returns it", async () => {
    const { id, path, params } = await freshProposal("awaiting_csp");
    const missing = await step(CSP, path, "return", {}, params);
    expect(statusOf(missing)).toBe(422);
    expect(Object.keys(errorsOf(missing))).toEqual(["comment"]);
    const long = await step(CSP, path, "return", { comment: tooLong }, params);
    expect(statusOf(long)).toBe(422);
    expect(errorsOf(long).comment).toEqual([expect.stringContaining("must be 5,000 characters or fewer")]);
    expect(replyOf(long).initialValue?.comment).toBe(tooLong);
    expect(await statusNow(id)).toBe("awaiting_csp");

    const done = await step(CSP, path, "return", { comment: "Please add the youth projects' milestones." }, params);
    expect(statusOf(done)).toBe(302);
    expect(await statusNow(id)).toBe("draft");
  });

  it("names the box of the meeting date that is wrong, or the whole date, and endorses with a real past date", async () => {
    const { id, path, params } = await freshProposal("awaiting_csp");
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{}, { meetingDate: ["Enter the date of the CSP meeting"] }],
      [
        { meetingDateDay: "7", meetingDateYear: "2017" },
        { meetingDateMonth: ["The date of the CSP meeting must include a month"] },
      ],
      [
        { meetingDateDay: "7", meetingDateMonth: "13", meetingDateYear: "2017" },
        {
          meetingDateMonth: [
            "The date of the CSP meeting must be a real date: the month is a number from 1 to 12 or its name",
          ],
        },
      ],
      [
        { meetingDateDay: "7", meetingDateMonth: "Febuary", meetingDateYear: "2017" },
        {
          meetingDateMonth: [
            "The date of the CSP meeting must be a real date: the month is a number from 1 to 12 or its name",
          ],
        },
      ],
      [
        { meetingDateDay: "7", meetingDateMonth: "2", meetingDateYear: "17" },
        { meetingDateYear: ["The date of the CSP meeting must include a year with 4 numbers, for example 2017"] },
      ],
      [
        { meetingDateDay: "30", meetingDateMonth: "2", meetingDateYear: "2017" },
        { meetingDateDay: ["The date of the CSP meeting must be a real date: February 2017 has no day 30"] },
      ],
      [
        { meetingDateDay: "1", meetingDateMonth: "1", meetingDateYear: "2999" },
        { meetingDate: ["The date of the CSP meeting must be today or in the past"] },
      ],
      [
        { meetingDateDay: "x".repeat(5000), meetingDateMonth: "2", meetingDateYear: "2017" },
        { meetingDateDay: ["Enter a real date"] },
      ],
    ];
    for (const [fields, errors] of cases) {
      const outcome = await step(CSP, path, "endorse", fields, params);
      expect(statusOf(outcome)).toBe(422);
      expect(errorsOf(outcome)).toEqual(errors);
    }
    expect(await statusNow(id)).toBe("awaiting_csp");
    // Month names and abbreviations are accepted, as GOV.UK's date input guidance asks.
    const done = await step(
      CSP,
      path,
      "endorse",
      { meetingDateDay: "7", meetingDateMonth: "feb", meetingDateYear: "2017" },
      params,
    );
    expect(statusOf(done)).toBe(302);
    expect(await statusNow(id)).toBe("in_review");
  });

  it("limits the officer's reason for withdrawing, then withdraws", async () => {
    const { id, path, params } = await freshProposal();
    expect(statusOf(await step(OFFICER, path, "withdraw", { comment: tooLong }, params))).toBe(422);
    expect(await statusNow(id)).toBe("draft");
    expect(statusOf(await step(OFFICER, path, "withdraw", {}, params))).toBe(302);
    expect(await statusNow(id)).toBe("withdrawn");
  });

  it("never stores a note to the CSP over the limit", async () => {
    const { id, path, params } = await freshProposal();
    const outcome = await call(
      checkAction,
      formRequest(`${path}/check`, { comment: tooLong }, await cookieFor(OFFICER)),
      params,
    );
    expect(statusOf(outcome)).toBe(422);
    expect(errorsOf(outcome).comment).toEqual(["Note for the CSP must be 5,000 characters or fewer"]);
    expect(await statusNow(id)).toBe("draft");
    const events = await db().selectFrom("proposal_events").select("id").where("proposal_id", "=", id).execute();
    expect(events).toEqual([]);
  });
});

describe("the review page's forms", () => {
  const review = async (path: string, params: Record<string, string>, fields: Record<string, string>) =>
    call(reviewAction, formRequest(`${path}/review`, fields, await cookieFor(REVIEWER)), params);
  // Decisions are posted to their confirmation page.
  const decision = async (path: string, params: Record<string, string>, fields: Record<string, string>) =>
    call(decisionAction, formRequest(`${path}/review/decision`, fields, await cookieFor(REVIEWER)), params);

  it("refuses an empty or over-long comment on the form it came from, then records one", async () => {
    const { id, path, params } = await freshProposal("in_review");
    const empty = await review(path, params, { intent: "comment", comment: " " });
    expect(statusOf(empty)).toBe(422);
    expect(errorsOf(empty)).toEqual({ comment: ["Enter a comment"] });
    expect((empty.value as { data: { formId: string } }).data.formId).toBe("comment-overall-form");
    const long = await review(path, params, { intent: "comment", comment: tooLong, projectId: "12" });
    expect(statusOf(long)).toBe(422);
    expect((long.value as { data: { formId: string } }).data.formId).toBe("comment-12-form");
    const badProject = await review(path, params, { intent: "comment", comment: "Fine", projectId: "twelve" });
    expect(statusOf(badProject)).toBe(422);
    expect(Object.keys(errorsOf(badProject))).toEqual(["projectId"]);

    const done = await review(path, params, { intent: "comment", comment: "Please cost the sessions." });
    expect(statusOf(done)).toBe(302);
    const events = await db()
      .selectFrom("proposal_events")
      .select(["action", "comment"])
      .where("proposal_id", "=", id)
      .execute();
    expect(events).toEqual([{ action: "comment", comment: "Please cost the sessions." }]);
  });

  it("refuses an unknown decision, feedback over the limit and a malformed reviewer, then approves", async () => {
    const { id, path, params } = await freshProposal("in_review");
    const unknown = await decision(path, params, { intent: "confirm", decision: "shrug" });
    expect(statusOf(unknown)).toBe(422);
    expect(errorsOf(unknown)).toEqual({
      decision: ["Choose whether to request changes, approve or reject the proposal"],
    });
    const long = await decision(path, params, { intent: "confirm", decision: "approve", comment: tooLong });
    expect(statusOf(long)).toBe(422);
    expect(Object.keys(errorsOf(long))).toEqual(["comment"]);
    for (const reviewerId of ["", "abc", "1.5", "-1"]) {
      const reassign = await review(path, params, { intent: "reassign", reviewerId });
      expect(statusOf(reassign)).toBe(422);
      expect(errorsOf(reassign)).toEqual({ reviewerId: ["Choose a reviewer"] });
    }
    const noIntent = await review(path, params, {});
    expect(statusOf(noIntent)).toBe(422);
    expect(await statusNow(id)).toBe("in_review");

    expect(statusOf(await decision(path, params, { intent: "confirm", decision: "approve" }))).toBe(302);
    expect(await statusNow(id)).toBe("approved");
  });
});

describe("starting a proposal", () => {
  it("refuses a missing or malformed funding period with 422, then starts one", async () => {
    const cookie = await cookieFor(OFFICER);
    for (const periodId of [undefined, "", "period-2", "2.5", "0"]) {
      const outcome = await call(
        startAction,
        formRequest("/borough", periodId === undefined ? {} : { periodId }, cookie),
      );
      expect(statusOf(outcome)).toBe(422);
      expect(errorsOf(outcome)).toEqual({ periodId: ["Choose a funding period"] });
    }
    const organisationId = await idOf("organisations", "name", "Barking and Dagenham");
    const period = await db()
      .selectFrom("funding_periods")
      .select("id")
      .where("number", "=", 2)
      .executeTakeFirstOrThrow();
    await db()
      .updateTable("proposal_boroughs")
      .set({ active: 0 })
      .where("organisation_id", "=", organisationId)
      .where("funding_period_id", "=", period.id)
      .execute();
    // Without MOPAC's allocation for the period's years, starting is refused with the reason.
    const early = await call(startAction, formRequest("/borough", { periodId: String(period.id) }, cookie));
    expect(statusOf(early)).toBe(422);
    expect(JSON.stringify(errorsOf(early))).toContain("Contact MOPAC’s LCPF team");
    await allocateForPeriod(organisationId, period.id);
    const started = await call(startAction, formRequest("/borough", { periodId: String(period.id) }, cookie));
    expect(statusOf(started)).toBe(302);
    expect((started.value as Response).headers.get("Location")).toMatch(/^\/proposals\/\d+$/);
  });
});

describe("the proposal's version", () => {
  it("refuses removing a project with a missing or malformed version, then removes it with the right one", async () => {
    const { path, projectId, projectParams } = await freshProject();
    const cookie = await cookieFor(OFFICER);
    for (const version of MALFORMED_VERSIONS) {
      const outcome = await call(
        removeAction,
        formRequest(`${path}/projects/${projectId}/remove`, version === undefined ? {} : { version }, cookie),
        projectParams,
      );
      expect(statusOf(outcome)).toBe(422);
      expect(errorsOf(outcome)).toEqual({ version: [VERSION_PROBLEM] });
    }
    expect(await db().selectFrom("projects").select("id").where("id", "=", projectId).executeTakeFirst()).toBeDefined();
    const removed = await call(
      removeAction,
      formRequest(
        `${path}/projects/${projectId}/remove`,
        { version: String(await projectVersionOf(projectId)) },
        cookie,
      ),
      projectParams,
    );
    expect(statusOf(removed)).toBe(302);
    expect(
      await db().selectFrom("projects").select("id").where("id", "=", projectId).executeTakeFirst(),
    ).toBeUndefined();
  });

  it("refuses a section and the compliance answers without a valid version", async () => {
    const { path, params, projectId, projectParams } = await freshProject();
    const cookie = await cookieFor(OFFICER);
    const priority = await db().selectFrom("priorities").select("id").orderBy("id").executeTakeFirstOrThrow();
    const project: Record<string, string | string[]> = {
      title: "Youth Diversion",
      primaryPriority: String(priority.id),
      categories: ["victim-care"],
    };
    for (const version of MALFORMED_VERSIONS) {
      const fields: Record<string, string> = version === undefined ? {} : { version };
      const section = await call(
        sectionAction,
        formRequest(`${path}/projects/${projectId}/details`, { ...project, ...fields }, cookie),
        { ...projectParams, section: "details" },
      );
      expect(statusOf(section)).toBe(422);
      expect(errorsOf(section)[""]).toEqual([expect.stringContaining("Reload the page and try again")]);
      const compliance = await call(complianceAction, formRequest(`${path}/compliance`, fields, cookie), params);
      expect(statusOf(compliance)).toBe(422);
      expect(errorsOf(compliance).version).toEqual([VERSION_PROBLEM]);
    }
    const saved = await db()
      .selectFrom("projects")
      .select(["title", "primary_priority_id"])
      .where("id", "=", projectId)
      .executeTakeFirstOrThrow();
    expect(saved.title).toBe("Safer Streets Patrols");
    const created = await call(newProjectAction, formRequest(`${path}/projects/new`, project, cookie), params);
    expect(statusOf(created)).toBe(302);
  });
});

describe("partners and voluntary organisations as lists", () => {
  const partnersOf = (count: number) =>
    Object.fromEntries(
      Array.from({ length: count }, (_, index) => [`partners[${index}].name`, `Partner organisation ${index + 1}`]),
    );

  it(`saves 60 partners and shows all of them again, and refuses more than ${MAX_CONTRIBUTORS} with a message`, async () => {
    const { path, projectId, projectParams } = await freshProject();
    const cookie = await cookieFor(OFFICER);
    const params = { ...projectParams, section: "partners" };
    const url = `${path}/projects/${projectId}/partners`;
    const saved = await call(
      sectionAction,
      formRequest(url, { version: String(await projectVersionOf(projectId)), ...partnersOf(60) }, cookie),
      params,
    );
    expect(statusOf(saved)).toBe(302);

    const page = (await call(sectionLoader, getRequest(url, cookie), params)).value as {
      defaults: { partners: { name: string }[] };
    };
    expect(page.defaults.partners).toHaveLength(60);
    expect(page.defaults.partners[59]!.name).toBe("Partner organisation 60");

    const tooMany = await call(
      sectionAction,
      formRequest(
        url,
        { version: String(await projectVersionOf(projectId)), ...partnersOf(MAX_CONTRIBUTORS + 1) },
        cookie,
      ),
      params,
    );
    expect(statusOf(tooMany)).toBe(422);
    expect(errorsOf(tooMany)).toEqual({ partners: [tooManyMessage("partner")] });
    const count = await db()
      .selectFrom("project_contributors")
      .select(db().fn.countAll<number>().as("n"))
      .where("project_id", "=", projectId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(60);
  });

  it("adds and removes rows as plain posts, without saving, keeping what was typed", async () => {
    const { path, projectId, projectParams } = await freshProject();
    const cookie = await cookieFor(OFFICER);
    const params = { ...projectParams, section: "partners" };
    const url = `${path}/projects/${projectId}/partners`;
    const version = String(await projectVersionOf(projectId));
    const typed = { version, "partners[0].name": "CCG", "partners[1].name": "Metropolitan Police" };

    const added = await call(
      sectionAction,
      formRequest(
        url,
        { ...typed, __intent__: JSON.stringify({ type: "insert", payload: { name: "partners" } }) },
        cookie,
      ),
      params,
    );
    expect(statusOf(added)).toBe(200);
    expect((replyOf(added).initialValue as { partners: unknown[] }).partners).toEqual([
      { name: "CCG" },
      { name: "Metropolitan Police" },
      undefined,
    ]);

    const removed = await call(
      sectionAction,
      formRequest(
        url,
        { ...typed, __intent__: JSON.stringify({ type: "remove", payload: { name: "partners", index: 0 } }) },
        cookie,
      ),
      params,
    );
    expect(statusOf(removed)).toBe(200);
    expect((replyOf(removed).initialValue as { partners: unknown[] }).partners).toEqual([
      { name: "Metropolitan Police" },
    ]);
    expect(await projectVersionOf(projectId)).toBe(Number(version));
  });

  it("refuses a list button's intent that is not one of ours, instead of failing or growing a list", async () => {
    const { path, projectId, projectParams } = await freshProject();
    const cookie = await cookieFor(OFFICER);
    const params = { ...projectParams, section: "partners" };
    const url = `${path}/projects/${projectId}/partners`;
    const version = String(await projectVersionOf(projectId));
    for (const intent of [
      "not json",
      "{}",
      JSON.stringify({ type: "insert", payload: { name: "partners[99999999]" } }),
      JSON.stringify({ type: "remove", payload: { name: "partners", index: 5_000_000 } }),
      JSON.stringify({ type: "update", payload: { name: "partners", value: "x" } }),
    ]) {
      const outcome = await call(sectionAction, formRequest(url, { version, __intent__: intent }, cookie), params);
      expect(statusOf(outcome)).toBe(422);
      expect(errorsOf(outcome)).toEqual({ "": [UNKNOWN_FORM_ACTION] });
    }
  });
});

describe("other forms", () => {
  it("refuses an email address over the limit at sign-in", async () => {
    const outcome = await call(
      signInAction,
      formRequest("/sign-in", { email: `${"a".repeat(EMAIL_LIMIT)}@x.test`, password: "x" }),
    );
    expect(statusOf(outcome)).toBe(422);
    expect(Object.keys(errorsOf(outcome))).toEqual(["email"]);
  });

  it("marks every notification read and says so", async () => {
    const cookie = await cookieFor(OFFICER);
    const outcome = await call(notificationsAction, formRequest("/notifications", {}, cookie));
    expect(statusOf(outcome)).toBe(302);
    expect((outcome.value as Response).headers.get("Set-Cookie")).toMatch(/^lcpf_flash=/);
  });
});

describe("messages after an action", () => {
  /** The root loader's answer for a page, with the cookies a browser would send. */
  async function rootFor(path: string, cookie: string) {
    const outcome = await call(rootLoader, getRequest(path, cookie));
    const value = outcome.value as {
      data: { flash: { message: string; path: string } | null };
      init: { headers?: Record<string, string> } | null;
    };
    return { flash: value.data.flash, setCookie: value.init?.headers?.["Set-Cookie"] };
  }

  it("carries the server's sentence to the page the action led to, once", async () => {
    const { path, projectId, projectParams } = await freshProject("Youth Diversion");
    const session = await cookieFor(OFFICER);
    const removed = await call(
      removeAction,
      formRequest(
        `${path}/projects/${projectId}/remove`,
        { version: String(await projectVersionOf(projectId)) },
        session,
      ),
      projectParams,
    );
    const response = removed.value as Response;
    expect(response.headers.get("Location")).toBe(path);
    const flash = response.headers.get("Set-Cookie")!.split(";")[0]!;

    const shown = await rootFor(path, `${session}; ${flash}`);
    expect(shown.flash).toEqual({ message: "Youth Diversion has been removed from the proposal", path });
    expect(shown.setCookie).toMatch(/^lcpf_flash=; .*Expires=Thu, 01 Jan 1970/);
  });

  it("never shows text from the address or from a forged cookie", async () => {
    const { path, params } = await freshProposal();
    const session = await cookieFor(OFFICER);
    const crafted = "Your account is locked: call 020 7946 0000";
    const query = `?removed=${encodeURIComponent(crafted)}&done=${encodeURIComponent(crafted)}&saved=compliance`;
    const root = await rootFor(`${path}${query}`, session);
    expect(root.flash).toBeNull();
    const overview = await call(overviewLoader, getRequest(`${path}${query}`, session), params);
    expect(JSON.stringify(overview.value)).not.toContain("locked");

    const forged = `lcpf_flash=${Buffer.from(JSON.stringify({ flash: { message: crafted, path } })).toString("base64")}`;
    expect((await rootFor(path, `${session}; ${forged}`)).flash).toBeNull();
  });
});
