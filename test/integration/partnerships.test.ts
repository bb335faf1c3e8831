import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { loadProposalPage } from "~/data/proposal-page.server";
import { findProposal } from "~/data/proposals.server";
import { takeAction } from "~/data/workflow.server";
import { action as allocationsAction, loader as allocationsLoader } from "~/routes/admin-partnership-allocations";
import { action as partnershipAction } from "~/routes/admin-partnership";
import { action as createPartnershipAction } from "~/routes/admin-partnerships";
import { action as reviewerLeadsAction, loader as reviewerLeadsLoader } from "~/routes/admin-reviewer-leads";
import { action as boroughAction, loader as boroughLoader } from "~/routes/borough-home";
import { action as localPrioritiesAction } from "~/routes/admin-local-priorities";
import { action as newProjectAction } from "~/routes/project-new";
import { action as sectionAction, loader as sectionLoader } from "~/routes/project-section";
import { loader as proposalLoader } from "~/routes/proposal";
import {
  COMPLETE_COMPLIANCE,
  COMPLETE_PROJECT,
  makeBorough,
  makeMopacPerson,
  makeProposal,
  type Borough,
} from "./proposal-factory";
import { cookieFor, formRequest, getRequest, settle, useTestDatabase } from "./setup-db";

useTestDatabase();

const ADMIN = "admin@mopac.test";

function statusOf(outcome: { thrown: boolean; value: unknown }): number {
  const value = outcome.value as { status?: number; init?: { status?: number } } | Response;
  if (value instanceof Response) return value.status;
  return value?.init?.status ?? (outcome.thrown ? 500 : 200);
}

type Reply = { error?: Record<string, string[]> };
const errorsOf = (outcome: { value: unknown }) =>
  ((outcome.value as { data?: Reply }).data?.error ?? {}) as Record<string, string[]>;

/** Creates a partnership of the given boroughs through the admin page, and returns its id. */
async function makePartnership(name: string, members: Borough[], endorsers: Borough | null = null): Promise<number> {
  const outcome = await settle(async () =>
    createPartnershipAction({
      request: formRequest(
        "/admin/partnerships",
        { name, memberIds: members.map((m) => String(m.id)), endorsers: endorsers ? String(endorsers.id) : "any" },
        await cookieFor(ADMIN),
      ),
    } as never),
  );
  expect(statusOf(outcome)).toBe(302);
  const row = await db().selectFrom("partnerships").select("id").where("name", "=", name).executeTakeFirstOrThrow();
  return row.id;
}

/** Sets the partnership's allocation for period 1's two years through the admin page. */
async function allocate(partnershipId: number, members: Borough[], own: [string, string], shares: [string, string][]) {
  const [first, second] = members[0]!.years;
  const fields: Record<string, string> = { [`own-${first!.id}`]: own[0], [`own-${second!.id}`]: own[1] };
  members.forEach((member, index) => {
    fields[`share-${first!.id}-${member.id}`] = shares[index]![0];
    fields[`share-${second!.id}-${member.id}`] = shares[index]![1];
  });
  return settle(async () =>
    allocationsAction({
      request: formRequest(`/admin/partnerships/${partnershipId}/allocations`, fields, await cookieFor(ADMIN)),
      params: { partnershipId: String(partnershipId) },
    } as never),
  );
}

async function startJoint(partnershipId: number, borough: Borough) {
  return settle(() =>
    boroughAction({
      request: formRequest(
        "/borough",
        { intent: "start-joint", partnershipId: String(partnershipId), periodId: String(borough.periodId) },
        borough.officer.cookie,
      ),
    } as never),
  );
}

async function jointProposalOf(partnershipId: number) {
  return db().selectFrom("proposals").selectAll().where("partnership_id", "=", partnershipId).executeTakeFirstOrThrow();
}

describe("partnerships", () => {
  it("an admin defines a partnership; it needs two members, and only admins may", async () => {
    const [a, b] = [await makeBorough(), await makeBorough()];
    const one = await settle(async () =>
      createPartnershipAction({
        request: formRequest(
          "/admin/partnerships",
          { name: "Lonely", memberIds: [String(a.id)], endorsers: "any" },
          await cookieFor(ADMIN),
        ),
      } as never),
    );
    expect(statusOf(one)).toBe(422);
    expect(errorsOf(one)["memberIds"]).toEqual(["Choose at least two member boroughs"]);

    const byOfficer = await settle(async () =>
      createPartnershipAction({
        request: formRequest(
          "/admin/partnerships",
          { name: "Sneaky", memberIds: [String(a.id), String(b.id)], endorsers: "any" },
          a.officer.cookie,
        ),
      } as never),
    );
    expect(statusOf(byOfficer)).toBe(403);

    const id = await makePartnership("Pair", [a, b], b);
    const members = await db()
      .selectFrom("partnership_members")
      .select("organisation_id")
      .where("partnership_id", "=", id)
      .execute();
    expect(members.map((m) => m.organisation_id).sort()).toEqual([a.id, b.id].sort());
    const saved = await db()
      .selectFrom("partnerships")
      .select("endorsing_organisation_id")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(saved.endorsing_organisation_id).toBe(b.id);
  });

  it("sets the partnership's allocation, and the envelope adds up per borough, each split before summing", async () => {
    const members = [await makeBorough(), await makeBorough(), await makeBorough()];
    const id = await makePartnership("Odd pence", members);
    // Year 2 (2018/19, split 30%): own £160,000.00; shares £100,000.01, £50,000.03, £25,000.05.
    const saved = await allocate(
      id,
      members,
      ["£160,000", "160000"],
      [
        ["", "100,000.01"],
        ["", "50000.03"],
        ["", "£25,000.05"],
      ],
    );
    expect(statusOf(saved)).toBe(302);
    const page = (await allocationsLoader({
      request: getRequest(`/admin/partnerships/${id}/allocations`, await cookieFor(ADMIN)),
      params: { partnershipId: String(id) },
    } as never)) as Awaited<ReturnType<typeof allocationsLoader>>;
    const year2 = page.envelope.find((y) => y.financialYearId === members[0]!.years[1]!.id)!;
    expect(year2.split!.parts.map((p) => [p.name, p.amountPence, p.coCommissionedPence, p.directPence])).toEqual([
      ["Odd pence", 16_000_000, 4_800_000, 11_200_000],
      [members[0]!.name, 10_000_001, 3_000_000, 7_000_001],
      [members[1]!.name, 5_000_003, 1_500_001, 3_500_002],
      [members[2]!.name, 2_500_005, 750_002, 1_750_003],
    ]);
    expect(year2.split).toMatchObject({
      allocationPence: 33_500_009,
      coCommissionedPence: 10_050_003,
      directPence: 23_450_006,
    });
    // Year 1 (2017/18): no split; no shares typed means none moved.
    const year1 = page.envelope.find((y) => y.financialYearId === members[0]!.years[0]!.id)!;
    expect(year1.split).toMatchObject({ allocationPence: 16_000_000, coCommissionedPence: 0, directPence: 16_000_000 });
  });

  it("refuses a share larger than the member's own allocation, and a bad amount, keeping what was typed", async () => {
    const members = [await makeBorough(), await makeBorough()];
    const id = await makePartnership("Too generous", members);
    // The factory gives each borough £644,000 a year.
    const tooMuch = await allocate(
      id,
      members,
      ["0", "0"],
      [
        ["644,000.01", ""],
        ["", ""],
      ],
    );
    expect(statusOf(tooMuch)).toBe(422);
    const field = `share-${members[0]!.years[0]!.id}-${members[0]!.id}`;
    expect(errorsOf(tooMuch)[field]?.[0]).toMatch(/must not be more than its own allocation/);
    const bad = await allocate(
      id,
      members,
      ["lots", "0"],
      [
        ["", ""],
        ["", ""],
      ],
    );
    expect(statusOf(bad)).toBe(422);
    expect(
      (bad.value as { data: { initialValue: Record<string, string> } }).data.initialValue[
        `own-${members[0]!.years[0]!.id}`
      ],
    ).toBe("lots");
    expect(
      await db().selectFrom("partnership_allocations").select("id").where("partnership_id", "=", id).execute(),
    ).toEqual([]);
  });

  it("a member's officer starts the joint proposal; every member's officer edits it, a non-member cannot see it", async () => {
    const [a, b, c] = [await makeBorough(), await makeBorough(), await makeBorough()];
    const outsider = await makeBorough();
    const id = await makePartnership("Trio", [a, b, c]);

    // Not before MOPAC has set the partnership's allocation.
    const early = await startJoint(id, a);
    expect(statusOf(early)).toBe(422);
    expect(JSON.stringify(early.value)).toContain("MOPAC has not set Trio’s allocation");

    await allocate(
      id,
      [a, b, c],
      ["£50,000", "£50,000"],
      [
        ["10,000", "10,000"],
        ["20,000", "20,000"],
        ["30,000", "30,000"],
      ],
    );
    const home = (await boroughLoader({ request: getRequest("/borough", b.officer.cookie) } as never)) as Awaited<
      ReturnType<typeof boroughLoader>
    >;
    expect(home.partnerships.map((p) => p.name)).toEqual(["Trio"]);
    expect(home.partnerships[0]!.periods.find((p) => p.periodId === b.periodId)?.readiness.ready).toBe(true);

    // An outsider cannot start it.
    expect(statusOf(await startJoint(id, outsider))).toBe(422);

    const started = await startJoint(id, a);
    expect(statusOf(started)).toBe(302);
    const proposal = await jointProposalOf(id);
    const places = await db()
      .selectFrom("proposal_boroughs")
      .selectAll()
      .where("proposal_id", "=", proposal.id)
      .execute();
    expect(places.map((p) => [p.organisation_id, p.active]).sort()).toEqual(
      [a.id, b.id, c.id].sort().map((o) => [o, 1]),
    );

    // A member with a joint proposal holds no proposal of its own for the period.
    const own = await settle(() =>
      boroughAction({ request: formRequest("/borough", { periodId: String(c.periodId) }, c.officer.cookie) } as never),
    );
    expect(statusOf(own)).toBe(422);

    const priority = await db().selectFrom("priorities").select("id").orderBy("position").executeTakeFirstOrThrow();
    const addProject = (cookie: string, title: string) =>
      settle(() =>
        newProjectAction({
          request: formRequest(
            `/proposals/${proposal.id}/projects/new`,
            { version: "1", title, primaryPriority: String(priority.id), categories: ["youth-crime"] },
            cookie,
          ),
          params: { proposalId: String(proposal.id) },
        } as never),
      );
    expect(statusOf(await addProject(b.officer.cookie, "From the second member"))).toBe(302);
    expect(statusOf(await addProject(c.officer.cookie, "From the third member"))).toBe(302);
    expect(statusOf(await addProject(outsider.officer.cookie, "From outside"))).toBe(404);
    const titles = await db()
      .selectFrom("projects")
      .select("title")
      .where("proposal_id", "=", proposal.id)
      .orderBy("id")
      .execute();
    expect(titles.map((t) => t.title)).toEqual(["From the second member", "From the third member"]);

    // The proposal page shows the envelope by borough, adding up to the envelope's figures.
    const page = (await proposalLoader({
      request: getRequest(`/proposals/${proposal.id}`, c.officer.cookie),
      params: { proposalId: String(proposal.id) },
    } as never)) as Awaited<ReturnType<typeof proposalLoader>>;
    const { summary, jointEnvelope } = await loadProposalPage(db(), (await findProposal(db(), proposal.id))!);
    const year2 = jointEnvelope!.find((y) => y.label === a.years[1]!.label)!;
    // £50,000 + £10,000 + £20,000 + £30,000 = £110,000: pots £15,000 + £3,000 + £6,000 + £9,000 = £33,000.
    expect(year2.split).toMatchObject({
      allocationPence: 11_000_000,
      coCommissionedPence: 3_300_000,
      directPence: 7_700_000,
    });
    // The page prerenders the envelope's tables and its figures from the same summary.
    for (const shown of ["£110,000.00", "£33,000.00", "£77,000.00"]) expect(page.jointEnvelope!.html).toContain(shown);
    expect(page.jointEnvelope!.html).toContain(`${a.years[1]!.label}: Trio’s envelope by borough`);
    const summaryYear2 = summary.years.find((y) => y.label === a.years[1]!.label)!;
    expect(summaryYear2.directPence).toBe(7_700_000);
    expect(page.proposal.partnershipName).toBe("Trio");

    const outsiderView = await settle(() =>
      proposalLoader({
        request: getRequest(`/proposals/${proposal.id}`, outsider.officer.cookie),
        params: { proposalId: String(proposal.id) },
      } as never),
    );
    expect(statusOf(outsiderView)).toBe(404);
  });

  it("refuses a joint proposal while a member holds a proposal of its own for the period", async () => {
    const own = await makeProposal();
    const other = await makeBorough();
    const id = await makePartnership("Already busy", [own.borough, other]);
    await allocate(
      id,
      [own.borough, other],
      ["1", "1"],
      [
        ["", ""],
        ["", ""],
      ],
    );
    const refused = await startJoint(id, other);
    expect(statusOf(refused)).toBe(422);
    expect(JSON.stringify(refused.value)).toContain(`${own.borough.name} already has a proposal`);
  });

  it("the chosen borough's CSP endorsers endorse the joint proposal, and other members' cannot", async () => {
    const [a, b] = [await makeBorough(), await makeBorough()];
    const id = await makePartnership("Endorsed by B", [a, b], b);
    await allocate(
      id,
      [a, b],
      ["£100,000", "£100,000"],
      [
        ["", ""],
        ["", ""],
      ],
    );
    expect(statusOf(await startJoint(id, a))).toBe(302);
    const proposal = await jointProposalOf(id);
    await db()
      .updateTable("proposals")
      .set({ status: "awaiting_csp", ...COMPLETE_COMPLIANCE })
      .where("id", "=", proposal.id)
      .execute();

    const byA = await takeAction(db(), {
      proposalId: proposal.id,
      action: "endorse",
      user: a.cspEndorser!.user,
      meetingDate: "2017-01-10",
    });
    expect(byA).toMatchObject({ ok: false, status: 403 });
    const byB = await takeAction(db(), {
      proposalId: proposal.id,
      action: "endorse",
      user: b.cspEndorser!.user,
      meetingDate: "2017-01-10",
    });
    expect(byB.ok).toBe(true);
  });

  it("a member's officer sends the joint proposal, a member's CSP endorses it, and it reaches MOPAC", async () => {
    const [a, b] = [await makeBorough(), await makeBorough()];
    const id = await makePartnership("Sent together", [a, b]);
    await allocate(
      id,
      [a, b],
      ["£100,000", "£100,000"],
      [
        ["50,000", "50,000"],
        ["25,000", "25,000"],
      ],
    );
    expect(statusOf(await startJoint(id, a))).toBe(302);
    const proposal = await jointProposalOf(id);
    // Compliance answered and one complete project, inside the envelope: £175,000 a year.
    await db().updateTable("proposals").set(COMPLETE_COMPLIANCE).where("id", "=", proposal.id).execute();
    const priority = await db().selectFrom("priorities").select("id").orderBy("position").executeTakeFirstOrThrow();
    const stamp = new Date().toISOString();
    const { id: projectId } = await db()
      .insertInto("projects")
      .values({
        proposal_id: proposal.id,
        title: "Joint Youth Outreach",
        primary_priority_id: priority.id,
        description: "Detached youth workers in both boroughs.",
        works_with_other_authorities: 1,
        other_authorities: "Both member councils",
        delivery_type: "in_house",
        provider: "The councils",
        position: 1,
        created_at: stamp,
        updated_at: stamp,
        ...COMPLETE_PROJECT,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const year of b.years) {
      await db()
        .insertInto("project_costs")
        .values({
          project_id: projectId,
          financial_year_id: year.id,
          lcpf_pence: 10_000_000,
          created_at: stamp,
          updated_at: stamp,
        })
        .execute();
    }

    // The second member's officer sends it, not only the one who started it.
    const sent = await takeAction(db(), { proposalId: proposal.id, action: "send_to_csp", user: b.officer.user });
    expect(sent).toMatchObject({ ok: true, to: "awaiting_csp" });
    const endorsed = await takeAction(db(), {
      proposalId: proposal.id,
      action: "endorse",
      user: a.cspEndorser!.user,
      meetingDate: "2017-01-10",
    });
    expect(endorsed.ok).toBe(true);
    const after = await db()
      .selectFrom("proposals")
      .select(["status", "first_submitted_at"])
      .where("id", "=", proposal.id)
      .executeTakeFirstOrThrow();
    expect(["submitted", "in_review"]).toContain(after.status);
    expect(after.first_submitted_at).not.toBeNull();
  });

  it("with 'any member', every member's CSP endorsers may endorse", async () => {
    const [a, b] = [await makeBorough(), await makeBorough()];
    const id = await makePartnership("Endorsed by any", [a, b]);
    await allocate(
      id,
      [a, b],
      ["£100,000", "£100,000"],
      [
        ["", ""],
        ["", ""],
      ],
    );
    expect(statusOf(await startJoint(id, b))).toBe(302);
    const proposal = await jointProposalOf(id);
    await db().updateTable("proposals").set({ status: "awaiting_csp" }).where("id", "=", proposal.id).execute();
    const byA = await takeAction(db(), {
      proposalId: proposal.id,
      action: "endorse",
      user: a.cspEndorser!.user,
      meetingDate: "2017-01-10",
    });
    expect(byA.ok).toBe(true);
  });

  it("members cannot change while the joint proposal is live", async () => {
    const [a, b, c] = [await makeBorough(), await makeBorough(), await makeBorough()];
    const id = await makePartnership("Fixed members", [a, b]);
    await allocate(
      id,
      [a, b],
      ["1", "1"],
      [
        ["", ""],
        ["", ""],
      ],
    );
    expect(statusOf(await startJoint(id, a))).toBe(302);
    const change = await settle(async () =>
      partnershipAction({
        request: formRequest(
          `/admin/partnerships/${id}`,
          { name: "Fixed members", memberIds: [String(a.id), String(b.id), String(c.id)], endorsers: "any" },
          await cookieFor(ADMIN),
        ),
        params: { partnershipId: String(id) },
      } as never),
    );
    expect(statusOf(change)).toBe(422);
    expect(errorsOf(change)["memberIds"]?.[0]).toMatch(/cannot change/);
  });
});

describe("lead reviewers", () => {
  it("routing follows a change of a borough's lead reviewer", async () => {
    const made = await makeProposal({ state: "awaiting_csp" });
    const newLead = await makeMopacPerson("mopac_reviewer", "Zed New Lead");
    const page = (await reviewerLeadsLoader({
      request: getRequest("/admin/reviewer-leads", await cookieFor(ADMIN)),
    } as never)) as Awaited<ReturnType<typeof reviewerLeadsLoader>>;
    expect(page.boroughs.find((b) => b.boroughId === made.borough.id)?.reviewerId).toBe(made.borough.leadReviewer!.id);

    const saved = await settle(async () =>
      reviewerLeadsAction({
        request: formRequest(
          "/admin/reviewer-leads",
          { [`lead-${made.borough.id}`]: String(newLead.id) },
          await cookieFor(ADMIN),
        ),
      } as never),
    );
    expect(statusOf(saved)).toBe(302);
    // Boroughs not posted keep their lead (the demo's Barking and Dagenham keeps reviewer@mopac.test).
    const demoLead = await db()
      .selectFrom("reviewer_leads as rl")
      .innerJoin("users as u", "u.id", "rl.reviewer_id")
      .select("u.email")
      .innerJoin("organisations as o", "o.id", "rl.organisation_id")
      .where("o.name", "=", "Barking and Dagenham")
      .executeTakeFirst();
    expect(demoLead?.email).toBe("reviewer@mopac.test");

    const endorsed = await takeAction(db(), {
      proposalId: made.id,
      action: "endorse",
      user: made.borough.cspEndorser!.user,
      meetingDate: "2017-01-10",
    });
    expect(endorsed).toMatchObject({ ok: true, to: "in_review", assignedReviewerId: newLead.id });
  });

  it("refuses a reviewer who is not an active MOPAC reviewer, and only admins may set leads", async () => {
    const borough = await makeBorough();
    const refused = await settle(async () =>
      reviewerLeadsAction({
        request: formRequest(
          "/admin/reviewer-leads",
          { [`lead-${borough.id}`]: String(borough.officer.id) },
          await cookieFor(ADMIN),
        ),
      } as never),
    );
    expect(statusOf(refused)).toBe(422);
    expect(errorsOf(refused)[`lead-${borough.id}`]).toEqual(["Choose a reviewer from the list"]);
    const byReviewer = await settle(async () =>
      reviewerLeadsAction({
        request: formRequest("/admin/reviewer-leads", { [`lead-${borough.id}`]: "none" }, borough.leadReviewer!.cookie),
      } as never),
    );
    expect(statusOf(byReviewer)).toBe(403);

    const cleared = await settle(async () =>
      reviewerLeadsAction({
        request: formRequest("/admin/reviewer-leads", { [`lead-${borough.id}`]: "none" }, await cookieFor(ADMIN)),
      } as never),
    );
    expect(statusOf(cleared)).toBe(302);
    expect(
      await db()
        .selectFrom("reviewer_leads")
        .select("reviewer_id")
        .where("organisation_id", "=", borough.id)
        .executeTakeFirst(),
    ).toBeUndefined();
  });
});

describe("local priorities", () => {
  it("an admin records a borough's two to four local priorities, and its projects name them as measures", async () => {
    const made = await makeProposal();
    const borough = made.borough;
    const save = async (fields: Record<string, string>, cookie?: string) =>
      settle(async () =>
        localPrioritiesAction({
          request: formRequest(
            "/admin/local-priorities",
            { boroughId: String(borough.id), ...fields },
            cookie ?? (await cookieFor(ADMIN)),
          ),
        } as never),
      );
    const one = await save({ priority1: "Burglary" });
    expect(statusOf(one)).toBe(422);
    expect(errorsOf(one)["priority1"]).toEqual(["Enter at least 2 local priorities"]);
    expect(statusOf(await save({ priority1: "Burglary", priority2: "Robbery" }, borough.officer.cookie))).toBe(403);
    expect(
      statusOf(
        await save({
          priority1: "Burglary",
          priority2: "Theft from the person",
          priority4: "Robbery of personal property",
        }),
      ),
    ).toBe(302);
    const saved = await db()
      .selectFrom("local_priorities")
      .select(["id", "name", "position"])
      .where("organisation_id", "=", borough.id)
      .orderBy("position")
      .execute();
    expect(saved.map((p) => [p.position, p.name])).toEqual([
      [1, "Burglary"],
      [2, "Theft from the person"],
      [3, "Robbery of personal property"],
    ]);

    const params = { proposalId: String(made.id), projectId: String(made.projectId), section: "measures" };
    const path = `/proposals/${made.id}/projects/${made.projectId}/measures`;
    const page = (await sectionLoader({ request: getRequest(path, borough.officer.cookie), params } as never)) as {
      ctx: { localPriorities?: { id: number }[] };
    };
    expect(page.ctx.localPriorities?.map((p) => p.id)).toEqual(saved.map((p) => p.id));
    const measure = await db().selectFrom("measures").select("id").orderBy("position").executeTakeFirstOrThrow();
    const posted = await settle(() =>
      sectionAction({
        request: formRequest(
          path,
          {
            version: "1",
            measures: [String(measure.id)],
            localPriorities: [String(saved[0]!.id), String(saved[2]!.id)],
          },
          borough.officer.cookie,
        ),
        params,
      } as never),
    );
    expect(statusOf(posted)).toBe(302);
    const named = await db()
      .selectFrom("project_local_priorities")
      .select("local_priority_id")
      .where("project_id", "=", made.projectId)
      .orderBy("local_priority_id")
      .execute();
    expect(named.map((n) => n.local_priority_id)).toEqual([saved[0]!.id, saved[2]!.id]);

    // Renaming keeps the projects' links; removing one removes it from the projects.
    expect(statusOf(await save({ priority1: "Residential burglary", priority2: "Theft from the person" }))).toBe(302);
    const after = await db()
      .selectFrom("project_local_priorities")
      .select("local_priority_id")
      .where("project_id", "=", made.projectId)
      .execute();
    expect(after.map((n) => n.local_priority_id)).toEqual([saved[0]!.id]);
  });
});
