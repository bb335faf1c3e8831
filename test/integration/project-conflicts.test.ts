import { describe, expect, it } from "vitest";
import { createProject, NOT_EDITABLE_MESSAGE, PROJECT_CONFLICT_MESSAGE, updateProject } from "~/data/projects.server";
import { db } from "~/db.server";
import { action as complianceAction } from "~/routes/proposal-compliance";
import { action as sectionAction, loader as sectionLoader } from "~/routes/project-section";
import { cookieFor, formRequest, getRequest, settle, useTestDatabase } from "./setup-db";

useTestDatabase();

const OFFICER = "officer@barking-dagenham.test";
const COLLEAGUE = "second-officer@barking-dagenham.test";

const call = <T>(fn: (args: never) => Promise<T>, request: Request, params: Record<string, string> = {}) =>
  settle(() => fn({ request, params, context: {} } as never));

type SectionReply = {
  result: { status?: string; error?: Record<string, string[]>; initialValue?: Record<string, unknown> };
  baseVersion: number | null;
  conflict: {
    version: number;
    savedByName: string | null;
    fields: { name: string; theirs: unknown; yours: unknown }[];
  } | null;
};

/** What an action answered: its status and, for a page shown again, what it carries. */
function answer(outcome: { thrown: boolean; value: unknown }): { status: number | undefined; reply?: SectionReply } {
  const value = outcome.value as { init?: { status?: number }; data?: SectionReply } | Response;
  if (value instanceof Response) return { status: value.status };
  return { status: value.init?.status ?? 200, ...(value.data ? { reply: value.data } : {}) };
}

async function demoProposal() {
  return db()
    .selectFrom("proposals as p")
    .innerJoin("organisations as o", "o.id", "p.lead_organisation_id")
    .select(["p.id", "p.version", "p.lead_organisation_id", "p.status"])
    .where("o.name", "=", "Barking and Dagenham")
    .executeTakeFirstOrThrow();
}

/** A second Barking and Dagenham officer, so two people work on the proposal at once. */
async function colleagueCookie() {
  const { lead_organisation_id } = await demoProposal();
  const stamp = new Date().toISOString();
  await db()
    .insertInto("users")
    .values({
      email: COLLEAGUE,
      name: "Sam Second-Officer",
      password_hash: "not used: the test signs in through a session",
      organisation_id: lead_organisation_id,
      role: "borough_officer",
      can_endorse: 0,
      active: 1,
      created_at: stamp,
      updated_at: stamp,
    })
    .onConflict((oc) => oc.column("email").doNothing())
    .execute();
  return cookieFor(COLLEAGUE);
}

const priorityId = async (name: string) =>
  (await db().selectFrom("priorities").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;

/** A new project of the demo proposal, at version 1, for one test alone. */
async function newProject(title: string) {
  const proposal = await demoProposal();
  const officer = await db().selectFrom("users").select("id").where("email", "=", OFFICER).executeTakeFirstOrThrow();
  const created = await createProject(db(), {
    proposalId: proposal.id,
    userId: officer.id,
    title,
    changes: {
      columns: { primary_priority_id: await priorityId("Neighbourhood Policing"), description: "As first written" },
      categories: ["crime-prevention"],
    },
  });
  if (!created.ok) throw new Error(created.message);
  const project = await db()
    .selectFrom("projects")
    .select(["id", "version", "title"])
    .where("id", "=", created.value)
    .executeTakeFirstOrThrow();
  return { proposalId: proposal.id, proposalVersion: proposal.version, ...project };
}

async function detailsPost(
  project: { proposalId: number; id: number },
  fields: Record<string, string | string[]>,
  cookie: string,
) {
  const params = { proposalId: String(project.proposalId), projectId: String(project.id), section: "details" };
  const body = {
    primaryPriority: String(await priorityId("Neighbourhood Policing")),
    categories: ["crime-prevention"],
    ...fields,
  };
  return answer(
    await call(
      sectionAction,
      formRequest(`/proposals/${project.proposalId}/projects/${project.id}/details`, body, cookie),
      params,
    ),
  );
}

async function descriptionPost(
  project: { proposalId: number; id: number },
  fields: Record<string, string>,
  cookie: string,
) {
  const params = { proposalId: String(project.proposalId), projectId: String(project.id), section: "description" };
  const body = {
    description: "As first written",
    aims: "Fewer burglaries",
    outcomes: "A safer estate",
    worksWithOtherAuthorities: "no",
    ...fields,
  };
  return answer(
    await call(
      sectionAction,
      formRequest(`/proposals/${project.proposalId}/projects/${project.id}/description`, body, cookie),
      params,
    ),
  );
}

const saved = (projectId: number) =>
  db()
    .selectFrom("projects")
    .select(["title", "description", "version", "updated_by"])
    .where("id", "=", projectId)
    .executeTakeFirstOrThrow();

describe("two officers at once", () => {
  it("saves two different projects opened from the same proposal version, and compliance answers after them", async () => {
    const mine = await newProject("Conflict test: estate patrols");
    const theirs = await newProject("Conflict test: youth outreach");
    const { version: proposalVersion } = await demoProposal();
    const officer = await cookieFor(OFFICER);
    const colleague = await colleagueCookie();

    expect(
      (await detailsPost(theirs, { version: String(theirs.version), title: "Youth outreach, renamed" }, colleague))
        .status,
    ).toBe(302);
    expect(
      (await detailsPost(mine, { version: String(mine.version), title: "Estate patrols, renamed" }, officer)).status,
    ).toBe(302);

    expect((await saved(theirs.id)).title).toBe("Youth outreach, renamed");
    expect((await saved(mine.id)).title).toBe("Estate patrols, renamed");
    // Project saves leave the proposal's version alone, so the compliance page opened before them still saves.
    expect((await demoProposal()).version).toBe(proposalVersion);
    const compliance = await call(
      complianceAction,
      formRequest(
        `/proposals/${mine.proposalId}/compliance`,
        {
          version: String(proposalVersion),
          transitionPlan: "Phased over the period.",
          authorityConfirmed: "on",
          minimumStandardsConfirmed: "on",
          complianceAccepted: "on",
          dataProtectionConfirmed: "on",
          dataProcessingSummary: "Shared with the provider under an agreement.",
          privacyNoticeUrl: "https://www.lbbd.gov.uk/privacy",
          dataProtectionPolicyUrl: "https://www.lbbd.gov.uk/data-protection",
        },
        officer,
      ),
      { proposalId: String(mine.proposalId) },
    );
    expect(answer(compliance).status).toBe(302);
  });

  it("saves two different sections of one project opened at the same version: neither overwrites the other", async () => {
    const project = await newProject("Conflict test: two sections");
    const officer = await cookieFor(OFFICER);
    const colleague = await colleagueCookie();
    expect(
      (
        await descriptionPost(
          project,
          { version: String(project.version), description: "The colleague's description" },
          colleague,
        )
      ).status,
    ).toBe(302);
    expect(
      (await detailsPost(project, { version: String(project.version), title: "My new title" }, officer)).status,
    ).toBe(302);
    expect(await saved(project.id)).toMatchObject({
      title: "My new title",
      description: "The colleague's description",
      version: project.version + 2,
    });
  });
});

describe("a conflict on the same project", () => {
  it("refuses a stale save with the colleague's answer beside mine, refuses it again on a second press, and saves mine once I choose", async () => {
    const project = await newProject("Conflict test: same project");
    const officer = await cookieFor(OFFICER);
    const colleague = await colleagueCookie();
    const stale = String(project.version);

    expect((await detailsPost(project, { version: stale, title: "Colleague's title" }, colleague)).status).toBe(302);

    const first = await detailsPost(project, { version: stale, title: "My title" }, officer);
    expect(first.status).toBe(422);
    expect(first.reply?.result).toMatchObject({
      error: { "": [PROJECT_CONFLICT_MESSAGE] },
      initialValue: { title: "My title" },
    });
    expect(first.reply?.baseVersion).toBe(project.version);
    expect(first.reply?.conflict).toMatchObject({
      version: project.version + 1,
      savedByName: "Sam Second-Officer",
      fields: [{ name: "title", theirs: "Colleague's title", yours: "My title" }],
    });
    expect((await saved(project.id)).title).toBe("Colleague's title");

    // Pressing Save again sends the same base version: still refused, still nothing overwritten.
    const again = await detailsPost(project, { version: String(first.reply!.baseVersion), title: "My title" }, officer);
    expect(again.status).toBe(422);
    expect(again.reply?.conflict?.fields).toEqual([{ name: "title", theirs: "Colleague's title", yours: "My title" }]);
    expect((await saved(project.id)).title).toBe("Colleague's title");

    // "Keep your answers" sends the version the conflict showed: saved over theirs, knowingly.
    const kept = await detailsPost(
      project,
      {
        version: stale,
        conflictVersion: String(first.reply!.conflict!.version),
        resolution: "keep-mine",
        title: "My title",
      },
      officer,
    );
    expect(kept.status).toBe(302);
    const after = await saved(project.id);
    expect(after).toMatchObject({ title: "My title", version: project.version + 2 });
  });

  it("shows a fresh conflict when the colleague saves again after the first one was shown", async () => {
    const project = await newProject("Conflict test: third save");
    const officer = await cookieFor(OFFICER);
    const colleague = await colleagueCookie();
    await detailsPost(project, { version: String(project.version), title: "Theirs, first" }, colleague);
    const first = await detailsPost(project, { version: String(project.version), title: "Mine" }, officer);
    await detailsPost(project, { version: String(first.reply!.conflict!.version), title: "Theirs, second" }, colleague);

    const kept = await detailsPost(
      project,
      {
        version: String(project.version),
        conflictVersion: String(first.reply!.conflict!.version),
        resolution: "keep-mine",
        title: "Mine",
      },
      officer,
    );
    expect(kept.status).toBe(422);
    expect(kept.reply?.conflict?.fields).toEqual([{ name: "title", theirs: "Theirs, second", yours: "Mine" }]);
    expect((await saved(project.id)).title).toBe("Theirs, second");
  });

  it("keeps the version the page started from when a save is refused for bad input", async () => {
    const project = await newProject("Conflict test: bad input");
    const officer = await cookieFor(OFFICER);
    const outcome = await detailsPost(project, { version: String(project.version), title: "" }, officer);
    expect(outcome.status).toBe(422);
    expect(outcome.reply?.baseVersion).toBe(project.version);
    expect(outcome.reply?.result.error).toMatchObject({ title: [expect.any(String)] });
  });

  it("refuses a post with no usable version, with a message rather than an error page", async () => {
    const project = await newProject("Conflict test: no version");
    const officer = await cookieFor(OFFICER);
    const outcome = await detailsPost(project, { version: "x", title: "Whatever" }, officer);
    expect(outcome.status).toBe(422);
    expect(outcome.reply?.result.error?.[""]).toEqual([expect.stringContaining("Reload the page")]);
    expect((await saved(project.id)).title).toBe("Conflict test: no version");
  });
});

describe("a proposal that has moved on", () => {
  it("refuses a project save once the proposal is no longer a draft, even one that passed the page's check", async () => {
    const project = await newProject("Conflict test: sent on");
    const officer = await db().selectFrom("users").select("id").where("email", "=", OFFICER).executeTakeFirstOrThrow();
    const proposal = await demoProposal();
    try {
      // As if sent to the CSP between the page's access check and the save's transaction.
      await db().updateTable("proposals").set({ status: "awaiting_csp" }).where("id", "=", proposal.id).execute();
      const refused = await updateProject(db(), {
        proposalId: proposal.id,
        projectId: project.id,
        seenVersion: project.version,
        userId: officer.id,
        changes: { columns: { title: "Changed after sending" } },
      });
      expect(refused).toEqual({ ok: false, message: NOT_EDITABLE_MESSAGE });

      // Through the page, the access check refuses it first.
      const page = await detailsPost(
        project,
        { version: String(project.version), title: "Changed after sending" },
        await cookieFor(OFFICER),
      );
      expect(page.status).toBe(409);
      expect((await saved(project.id)).title).toBe("Conflict test: sent on");
    } finally {
      await db().updateTable("proposals").set({ status: proposal.status }).where("id", "=", proposal.id).execute();
    }
  });
});

describe("the section page", () => {
  it("carries the project's version, and the year figures only on the funding page", async () => {
    const project = await newProject("Conflict test: loader");
    const officer = await cookieFor(OFFICER);
    const load = async (section: string) =>
      (
        await call(
          sectionLoader,
          getRequest(`/proposals/${project.proposalId}/projects/${project.id}/${section}`, officer),
          {
            proposalId: String(project.proposalId),
            projectId: String(project.id),
            section,
          },
        )
      ).value as Awaited<ReturnType<typeof sectionLoader>>;
    const details = await load("details");
    expect(details.version).toBe(project.version);
    expect(details.years).toEqual([]);
    const funding = await load("funding");
    expect(funding.years.map((y) => y.label)).toEqual(["2017/18", "2018/19"]);
    expect(funding.years.find((y) => y.label === "2018/19")?.directPence).toBe(45_080_000);
  });
});
