import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { loadProposalPage } from "~/data/proposal-page.server";
import { findProposal } from "~/data/proposals.server";
import { action as startAction, loader as boroughLoader } from "~/routes/borough-home";
import { action as complianceAction } from "~/routes/proposal-compliance";
import { loader as overviewLoader } from "~/routes/proposal";
import { action as newProjectAction } from "~/routes/project-new";
import { action as sectionAction, loader as sectionLoader } from "~/routes/project-section";
import { action as removeAction } from "~/routes/project-remove";
import { allocateForPeriod, cookieFor, formRequest, getRequest, settle, useTestDatabase } from "./setup-db";

useTestDatabase();

const call = <T>(fn: (args: never) => Promise<T>, request: Request, params: Record<string, string> = {}) =>
  settle(() => fn({ request, params, context: {} } as never));

async function periodId(number: number) {
  return (await db().selectFrom("funding_periods").select("id").where("number", "=", number).executeTakeFirstOrThrow())
    .id;
}

async function demoProposal() {
  return db()
    .selectFrom("proposals as p")
    .innerJoin("organisations as o", "o.id", "p.lead_organisation_id")
    .select(["p.id", "p.version"])
    .where("o.name", "=", "Barking and Dagenham")
    .executeTakeFirstOrThrow();
}

/** What an action answered for the page, with or without a status of its own. */
function reply(outcome: { value: unknown }): unknown {
  const value = outcome.value as { data?: unknown } | undefined;
  const data = value && typeof value === "object" && "init" in value ? value.data : value;
  // A section's answer carries its versions and any conflict beside conform's reply.
  return data && typeof data === "object" && "result" in data ? (data as { result: unknown }).result : data;
}

function statusOf(outcome: { thrown: boolean; value: unknown }): number | undefined {
  const value = outcome.value as { status?: number; init?: { status?: number } } | undefined;
  return value instanceof Response ? value.status : value?.init?.status;
}

const priorityId = async (name: string) =>
  (await db().selectFrom("priorities").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;

describe("starting a proposal", () => {
  it("starts Newham's proposal for period 2, then refuses a second for the same period", async () => {
    const cookie = await cookieFor("officer@newham.test");
    const period = String(await periodId(2));
    // A period can be started only once MOPAC has set the borough's allocation for each of its years.
    const newham = await db()
      .selectFrom("organisations")
      .select("id")
      .where("name", "=", "Newham")
      .executeTakeFirstOrThrow();
    await allocateForPeriod(newham.id, Number(period));
    const first = await call(startAction, formRequest("/borough", { periodId: period }, cookie));
    expect(first.thrown).toBe(true);
    expect((first.value as Response).headers.get("Location")).toMatch(/^\/proposals\/\d+$/);

    const second = await call(startAction, formRequest("/borough", { periodId: period }, cookie));
    expect(second.thrown).toBe(false);
    expect(statusOf(second)).toBe(422);
    expect(reply(second)).toMatchObject({
      error: { "": ["Your borough already has a proposal for Period 2 (2019/20 and 2020/21): open that one instead"] },
    });
    const count = await db()
      .selectFrom("proposal_boroughs")
      .select(db().fn.countAll<number>().as("n"))
      .where("funding_period_id", "=", Number(period))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("refuses a CSP member starting one (they read, they do not draft)", async () => {
    const cookie = await cookieFor("csp@barking-dagenham.test");
    const outcome = await call(startAction, formRequest("/borough", { periodId: String(await periodId(2)) }, cookie));
    expect(statusOf(outcome)).toBe(403);
  });

  it("lists the borough's proposal for period 1 on its home page", async () => {
    const cookie = await cookieFor("officer@barking-dagenham.test");
    const outcome = await call(boroughLoader, getRequest("/borough", cookie));
    const data = outcome.value as { proposals: { periodName: string; status: string | null }[] };
    expect(data.proposals.find((p) => p.periodName.startsWith("Period 1"))?.status).toBe("draft");
  });
});

describe("the demo proposal's overview (worked figures from the CSP report)", () => {
  it("shows 2018/19's £450,800 direct and £193,200 co-commissioned, and £329,000 of candidates against the pot", async () => {
    const { id } = await demoProposal();
    const cookie = await cookieFor("officer@barking-dagenham.test");
    const outcome = await call(overviewLoader, getRequest(`/proposals/${id}`, cookie), { proposalId: String(id) });
    const data = outcome.value as Awaited<ReturnType<typeof overviewLoader>>;
    // The figures come as markup made on the server (no summary goes to the browser): read them there.
    const { summary } = await loadProposalPage(db(), (await findProposal(db(), id))!);
    const year = summary.years.find((y) => y.label === "2018/19")!;
    expect(year.directPence).toBe(45_080_000);
    expect(year.coCommissionedPence).toBe(19_320_000);
    const pot = summary.coCommissioning.find((c) => c.label === "2018/19")!;
    expect(pot.candidatesPence).toBe(32_900_000);
    expect(pot.potPence).toBe(19_320_000);
    for (const shown of ["£450,800.00", "£193,200.00", "£329,000.00"]) expect(data.figures.html).toContain(shown);
    expect(data.editable).toBe(true);
  });

  it("lets the borough's CSP member read it, without change links", async () => {
    const { id } = await demoProposal();
    const cookie = await cookieFor("csp@barking-dagenham.test");
    const outcome = await call(overviewLoader, getRequest(`/proposals/${id}`, cookie), { proposalId: String(id) });
    expect((outcome.value as { editable: boolean }).editable).toBe(false);
  });
});

describe("adding and changing a project", () => {
  it("adds a project, then refuses a second one with the same title", async () => {
    const { id, version } = await demoProposal();
    const cookie = await cookieFor("officer@barking-dagenham.test");
    const fields = {
      version: String(version),
      title: "Safer Streets Patrols",
      primaryPriority: String(await priorityId("Neighbourhood Policing")),
      categories: ["crime-prevention", "asb-neighbourhood-crime"],
    };
    const created = await call(newProjectAction, formRequest(`/proposals/${id}/projects/new`, fields, cookie), {
      proposalId: String(id),
    });
    expect(created.thrown).toBe(true);
    const location = (created.value as Response).headers.get("Location")!;
    expect(location).toMatch(new RegExp(`^/proposals/${id}/projects/\\d+$`));

    const again = await call(
      newProjectAction,
      formRequest(
        `/proposals/${id}/projects/new`,
        { ...fields, version: String(version + 1), title: "safer streets patrols" },
        cookie,
      ),
      { proposalId: String(id) },
    );
    expect(reply(again)).toMatchObject({
      status: "error",
      error: { title: [expect.stringContaining("already has this title")] },
    });
  });

  it("refuses a save made on a stale project version and changes nothing", async () => {
    const { id, version: proposalVersion } = await demoProposal();
    const project = await db()
      .selectFrom("projects")
      .select(["id", "title", "version"])
      .where("proposal_id", "=", id)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const cookie = await cookieFor("officer@barking-dagenham.test");
    const outcome = await call(
      sectionAction,
      formRequest(
        `/proposals/${id}/projects/${project.id}/details`,
        {
          version: String(project.version + 5),
          title: "A title nobody saved",
          primaryPriority: String(await priorityId("Wider Criminal Justice")),
          categories: ["victim-care"],
        },
        cookie,
      ),
      { proposalId: String(id), projectId: String(project.id), section: "details" },
    );
    expect(statusOf(outcome)).toBe(422);
    expect(reply(outcome)).toMatchObject({
      status: "error",
      error: { "": [expect.stringContaining("Someone else has saved this project")] },
      initialValue: { title: "A title nobody saved" },
    });
    const after = await db()
      .selectFrom("projects")
      .select(["title", "version"])
      .where("id", "=", project.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ title: project.title, version: project.version });
    expect((await demoProposal()).version).toBe(proposalVersion);
  });

  it("keeps what was typed and names the field when input is invalid", async () => {
    const { id } = await demoProposal();
    const project = await db()
      .selectFrom("projects")
      .select(["id", "version"])
      .where("proposal_id", "=", id)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const cookie = await cookieFor("officer@barking-dagenham.test");
    const outcome = await call(
      sectionAction,
      formRequest(
        `/proposals/${id}/projects/${project.id}/details`,
        {
          version: String(project.version),
          title: "Kept title",
          categories: ["victim-care", "hate-crime", "extremism", "gang-crime"],
        },
        cookie,
      ),
      { proposalId: String(id), projectId: String(project.id), section: "details" },
    );
    expect(statusOf(outcome)).toBe(422);
    expect(reply(outcome)).toMatchObject({
      status: "error",
      initialValue: { title: "Kept title" },
      error: { primaryPriority: [expect.any(String)], categories: ["Choose no more than 3 categories"] },
    });
  });

  it("removes a project under the project's version check", async () => {
    const { id } = await demoProposal();
    const project = await db()
      .selectFrom("projects")
      .select(["id", "version"])
      .where("proposal_id", "=", id)
      .where("title", "=", "Safer Streets Patrols")
      .executeTakeFirstOrThrow();
    const cookie = await cookieFor("officer@barking-dagenham.test");
    const params = { proposalId: String(id), projectId: String(project.id) };
    const stale = await call(
      removeAction,
      formRequest(`/proposals/${id}/projects/${project.id}/remove`, { version: String(project.version + 1) }, cookie),
      params,
    );
    expect(statusOf(stale)).toBe(409);
    expect(reply(stale)).toMatchObject({
      error: { "": [expect.stringContaining("Someone else has saved this project")] },
    });
    expect(
      await db().selectFrom("projects").select("id").where("id", "=", project.id).executeTakeFirst(),
    ).toBeDefined();
    const version = project.version;
    const removed = await call(
      removeAction,
      formRequest(`/proposals/${id}/projects/${project.id}/remove`, { version: String(version) }, cookie),
      params,
    );
    expect((removed.value as Response).status).toBe(302);
    expect(
      await db().selectFrom("projects").select("id").where("id", "=", project.id).executeTakeFirst(),
    ).toBeUndefined();
  });
});

describe("compliance answers", () => {
  it("requires every confirmation and a real web address, then saves", async () => {
    const { id, version } = await demoProposal();
    const cookie = await cookieFor("officer@barking-dagenham.test");
    const params = { proposalId: String(id) };
    const bad = await call(
      complianceAction,
      formRequest(
        `/proposals/${id}/compliance`,
        {
          version: String(version),
          transitionPlan: "We will phase out the old grants.",
          privacyNoticeUrl: "not a link",
        },
        cookie,
      ),
      params,
    );
    expect(statusOf(bad)).toBe(422);
    expect(reply(bad)).toMatchObject({
      status: "error",
      error: {
        authorityConfirmed: ["Confirm you have the authority to submit this proposal for the council"],
        privacyNoticeUrl: ["Enter a full web address, starting with https://"],
      },
    });
    const good = await call(
      complianceAction,
      formRequest(
        `/proposals/${id}/compliance`,
        {
          version: String(version),
          transitionPlan: "We will phase out the old grants.",
          authorityConfirmed: "on",
          minimumStandardsConfirmed: "on",
          complianceAccepted: "on",
          dataProtectionConfirmed: "on",
          dataProcessingSummary: "Referral details are shared with the provider under a data sharing agreement.",
          privacyNoticeUrl: "https://www.lbbd.gov.uk/privacy",
          dataProtectionPolicyUrl: "https://www.lbbd.gov.uk/data-protection",
        },
        cookie,
      ),
      params,
    );
    expect((good.value as Response).status).toBe(302);
    const saved = await db()
      .selectFrom("proposals")
      .select(["authority_confirmed", "privacy_notice_url"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ authority_confirmed: 1, privacy_notice_url: "https://www.lbbd.gov.uk/privacy" });
  });
});

describe("another borough", () => {
  it("gets page not found for every page and action of Barking and Dagenham's proposal", async () => {
    const { id, version } = await demoProposal();
    const project = await db()
      .selectFrom("projects")
      .select("id")
      .where("proposal_id", "=", id)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const cookie = await cookieFor("officer@newham.test");
    const p = { proposalId: String(id), projectId: String(project.id), section: "details" };
    const outcomes = await Promise.all([
      call(overviewLoader, getRequest(`/proposals/${id}`, cookie), p),
      call(sectionLoader, getRequest(`/proposals/${id}/projects/${project.id}/details`, cookie), p),
      call(
        sectionAction,
        formRequest(
          `/proposals/${id}/projects/${project.id}/details`,
          { version: String(version), title: "Hijacked" },
          cookie,
        ),
        p,
      ),
      call(
        newProjectAction,
        formRequest(`/proposals/${id}/projects/new`, { version: String(version), title: "Hijacked" }, cookie),
        p,
      ),
      call(complianceAction, formRequest(`/proposals/${id}/compliance`, { version: String(version) }, cookie), p),
      call(
        removeAction,
        formRequest(`/proposals/${id}/projects/${project.id}/remove`, { version: String(version) }, cookie),
        p,
      ),
    ]);
    expect(outcomes.map(statusOf)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(
      await db().selectFrom("projects").select("id").where("title", "=", "Hijacked").executeTakeFirst(),
    ).toBeUndefined();
  });

  it("gets the same page not found as for a proposal that does not exist", async () => {
    const cookie = await cookieFor("officer@newham.test");
    const missing = await call(overviewLoader, getRequest("/proposals/99999", cookie), { proposalId: "99999" });
    expect(statusOf(missing)).toBe(404);
  });
});
