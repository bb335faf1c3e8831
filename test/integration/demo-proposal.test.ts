import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { LIMITS, MAX_CATEGORIES, MIN_CATEGORIES, PROJECT_CATEGORIES } from "~/domain/project-fields";
import {
  summariseProposal,
  type ProposalProject,
  type ProposalSummary,
  type ProposalYear,
} from "~/domain/proposal-checks";
import { DEMO_PROJECTS, DEMO_YEARS } from "../../seeds/demo-proposal";
import { MEASURES, PRIORITIES } from "../../seeds/reference-data";
import { seedDemo } from "../../seeds/seed";
import { useTestDatabase } from "./setup-db";

useTestDatabase();

const CANDIDATES_TABLE = [
  ["Victim Support Project Worker", 40_000_00],
  ["High Level Mentoring Support", 40_000_00],
  ["VAWG Counselling", 13_000_00],
  ["Domestic Violence Advocacy", 40_000_00],
  ["Stop Hate UK", 6_000_00],
  ["Drug Intervention Project", 110_000_00],
  ["IOM Female Offenders Initiative", 48_000_00],
  ["IOM Coordinator", 32_000_00],
] as const;

async function boroughId() {
  return (
    await db().selectFrom("organisations").select("id").where("gss_code", "=", "E09000002").executeTakeFirstOrThrow()
  ).id;
}

async function demoProposal() {
  return db()
    .selectFrom("proposals as p")
    .innerJoin("funding_periods as fp", "fp.id", "p.funding_period_id")
    .innerJoin("funding_rounds as r", "r.id", "fp.funding_round_id")
    .selectAll("p")
    .select(["fp.number as periodNumber", "r.id as roundId", "r.name as roundName"])
    .where("p.lead_organisation_id", "=", await boroughId())
    .executeTakeFirstOrThrow();
}

/** The proposal as the overview sees it, read straight from the tables and summarised by the domain rules. */
async function summariseDemoProposal(): Promise<{
  summary: ProposalSummary;
  years: ProposalYear[];
  projects: ProposalProject[];
}> {
  const proposal = await demoProposal();
  const round = await db()
    .selectFrom("funding_rounds")
    .select(["co_commissioned_percent", "split_from_year_position"])
    .where("id", "=", proposal.roundId)
    .executeTakeFirstOrThrow();
  const borough = await boroughId();
  const yearRows = await db()
    .selectFrom("financial_years as y")
    .leftJoin("allocations as a", (join) =>
      join.onRef("a.financial_year_id", "=", "y.id").on("a.organisation_id", "=", borough),
    )
    .select(["y.id", "y.label", "y.position", "y.funding_period_id", "a.amount_pence"])
    .where("y.funding_period_id", "=", proposal.funding_period_id)
    .orderBy("y.position")
    .execute();
  const years: ProposalYear[] = yearRows.map((y) => ({
    financialYearId: y.id,
    label: y.label,
    periodId: y.funding_period_id,
    position: y.position,
    allocationPence: y.amount_pence,
  }));

  const projectRows = await db()
    .selectFrom("projects")
    .select(["id", "title", "primary_priority_id", "co_commissioning_candidate"])
    .where("proposal_id", "=", proposal.id)
    .orderBy("position")
    .execute();
  const ids = projectRows.map((p) => p.id);
  const costs = await db().selectFrom("project_costs").selectAll().where("project_id", "in", ids).execute();
  const links = await db().selectFrom("project_measures").selectAll().where("project_id", "in", ids).execute();
  const projects: ProposalProject[] = projectRows.map((p) => ({
    id: p.id,
    title: p.title,
    primaryPriorityId: p.primary_priority_id,
    coCommissioningCandidate: p.co_commissioning_candidate === 1,
    costs: costs
      .filter((c) => c.project_id === p.id)
      .map((c) => ({ financialYearId: c.financial_year_id, lcpfPence: c.lcpf_pence })),
    measureIds: links.filter((m) => m.project_id === p.id).map((m) => m.measure_id),
  }));

  const priorities = await db().selectFrom("priorities").select(["id", "name"]).orderBy("position").execute();
  const measures = (await db().selectFrom("measures").selectAll().orderBy("position").execute()).map((m) => ({
    id: m.id,
    name: m.name,
    group: m.group_name,
    mandatory: m.mandatory === 1,
  }));

  const summary = summariseProposal({
    projects,
    years,
    priorities,
    measures,
    splitRule: {
      coCommissionedPercent: round.co_commissioned_percent,
      splitFromYearPosition: round.split_from_year_position,
    },
  });
  return { summary, years, projects };
}

function yearFigures(summary: ProposalSummary, label: string) {
  const year = summary.years.find((y) => y.label === label);
  if (!year) throw new Error(`No ${label} in the summary`);
  return year;
}

describe("the demo proposal's data", () => {
  it("has the seventeen projects of the report's section 3, paragraphs 3.2 to 3.18, with unique titles", () => {
    expect(DEMO_PROJECTS.map((p) => p.reportParagraph)).toEqual(Array.from({ length: 17 }, (_, i) => `3.${i + 2}`));
    expect(new Set(DEMO_PROJECTS.map((p) => p.title.toLowerCase())).size).toBe(DEMO_PROJECTS.length);
  });

  it("gives every project 1 to 3 known categories, known measures and a description within the form's limit", () => {
    const categories = new Set<string>(PROJECT_CATEGORIES.map((c) => c.value));
    const measures = new Set(MEASURES.map((m) => m.code));
    const priorities = new Set(PRIORITIES.map((p) => p.code));
    for (const project of DEMO_PROJECTS) {
      expect(project.categories.length, project.title).toBeGreaterThanOrEqual(MIN_CATEGORIES);
      expect(project.categories.length, project.title).toBeLessThanOrEqual(MAX_CATEGORIES);
      expect(
        project.categories.every((c) => categories.has(c)),
        project.title,
      ).toBe(true);
      expect(
        project.measureCodes.every((c) => measures.has(c)),
        project.title,
      ).toBe(true);
      expect(priorities.has(project.priorityCode), project.title).toBe(true);
      expect(project.description.length, project.title).toBeLessThanOrEqual(LIMITS.description);
    }
  });

  it("keeps the report's candidate figures (CSP report: £329,000 in all) apart from the demo figures", () => {
    const real = DEMO_PROJECTS.flatMap((p) =>
      DEMO_YEARS.map((year) => ({ project: p, year, amount: p.lcpf[year] })),
    ).filter((row) => !row.amount.demoFigure);
    expect(real.every((row) => row.year === "2017/18" && row.project.coCommissioningCandidate)).toBe(true);
    expect(real.map((row) => [row.project.shortName ?? row.project.title, row.amount.pence])).toEqual(CANDIDATES_TABLE);
    expect(real.reduce((sum, row) => sum + row.amount.pence, 0)).toBe(329_000_00);
    // Every 2018/19 amount is invented: the report gives no figures for that year.
    expect(DEMO_PROJECTS.every((p) => p.lcpf["2018/19"].demoFigure)).toBe(true);
  });
});

describe("the seeded demo proposal", () => {
  let summary: ProposalSummary;
  let projects: ProposalProject[];
  beforeAll(async () => {
    ({ summary, projects } = await summariseDemoProposal());
  });

  it("is Barking and Dagenham's version 1 draft for period 1 of LCPF 2017-21, started by the demo officer", async () => {
    const proposal = await demoProposal();
    const officer = await db()
      .selectFrom("users")
      .select("id")
      .where("email", "=", "officer@barking-dagenham.test")
      .executeTakeFirstOrThrow();
    expect(proposal).toMatchObject({
      roundName: "London Crime Prevention Fund 2017-21",
      periodNumber: 1,
      status: "draft",
      version: 1,
      partnership_id: null,
      created_by: officer.id,
      updated_by: officer.id,
    });
    const boroughs = await db()
      .selectFrom("proposal_boroughs")
      .selectAll()
      .where("proposal_id", "=", proposal.id)
      .execute();
    expect(boroughs).toEqual([
      expect.objectContaining({
        organisation_id: await boroughId(),
        funding_period_id: proposal.funding_period_id,
        active: 1,
      }),
    ]);
  });

  it("leaves the compliance answers for the officer", async () => {
    expect(await demoProposal()).toMatchObject({
      transition_plan: null,
      authority_confirmed: 0,
      minimum_standards_confirmed: 0,
      compliance_accepted: 0,
      data_protection_confirmed: 0,
      data_processing_summary: null,
      privacy_notice_url: null,
      data_protection_policy_url: null,
    });
  });

  it("holds all seventeen projects, each under the priority heading it sits under in the report", async () => {
    expect(projects).toHaveLength(17);
    const rows = await db()
      .selectFrom("projects as pr")
      .innerJoin("priorities as pp", "pp.id", "pr.primary_priority_id")
      .select(["pr.title", "pp.code"])
      .where("pr.proposal_id", "=", (await demoProposal()).id)
      .execute();
    const priorityOf = Object.fromEntries(rows.map((r) => [r.title, r.code]));
    expect(priorityOf).toMatchObject({
      "Victim Support Project Worker": "neighbourhood-policing",
      "Full Time Support Workers": "children-young-people",
      "Gender Based Harassment and Misogyny Awareness Raising Campaign": "vawg",
      "Counter Narrative Fund": "hate-crime-extremism",
      "IOM Coordinator": "wider-criminal-justice",
    });
    const count = (code: string) => rows.filter((r) => r.code === code).length;
    expect(PRIORITIES.map((p) => [p.code, count(p.code)])).toEqual([
      ["neighbourhood-policing", 2],
      ["children-young-people", 5],
      ["vawg", 4],
      ["hate-crime-extremism", 3],
      ["wider-criminal-justice", 3],
    ]);
  });

  it("records the delivery types, providers and the £236,905 service total the report gives", async () => {
    const rows = await db()
      .selectFrom("projects")
      .select([
        "title",
        "delivery_type",
        "provider",
        "service_total_cost_pence",
        "aims",
        "outcomes",
        "start_on",
        "completion_on",
      ])
      .where("proposal_id", "=", (await demoProposal()).id)
      .execute();
    const byTitle = Object.fromEntries(rows.map((r) => [r.title, r]));
    expect(byTitle["Victim Support Project Worker"]).toMatchObject({
      delivery_type: "commissioned",
      provider: "Victim Support",
    });
    expect(byTitle["Stop Hate Crime UK (Stop Hate UK)"]).toMatchObject({
      delivery_type: "commissioned",
      provider: "Stop Hate UK",
    });
    expect(
      byTitle["Domestic and Sexual Violence Young Person Community Outreach Worker (Domestic Violence Advocacy)"],
    ).toMatchObject({ delivery_type: "contribution", service_total_cost_pence: 23_690_500 });
    expect(byTitle["Drug Intervention Programme (Drug Intervention Project)"]).toMatchObject({
      delivery_type: "contribution",
      service_total_cost_pence: null,
    });
    // The two IOM projects are contributions to multi-funded services (report, paragraph 4.1).
    expect(byTitle["IOM Coordinator"]).toMatchObject({ delivery_type: "contribution" });
    expect(rows.filter((r) => r.delivery_type !== null)).toHaveLength(6);
    expect(
      rows.every((r) => r.aims === null && r.outcomes === null && r.start_on === null && r.completion_on === null),
    ).toBe(true);
  });

  it("marks every invented amount as a demo figure in the data, and only those", async () => {
    const rows = await db()
      .selectFrom("project_costs as c")
      .innerJoin("projects as p", "p.id", "c.project_id")
      .innerJoin("financial_years as y", "y.id", "c.financial_year_id")
      .select(["p.title", "y.label", "c.is_demo_figure", "c.lcpf_pence"])
      .where("p.proposal_id", "=", (await demoProposal()).id)
      .execute();
    const flag = (title: string, year: string) =>
      rows.find((r) => r.title === title && r.label === year)?.is_demo_figure;
    expect(flag("Local Environment Fund", "2017/18")).toBe(1);
    expect(flag("IOM Coordinator", "2017/18")).toBe(0);
    expect(flag("IOM Coordinator", "2018/19")).toBe(1);
    const real = rows.filter((r) => r.is_demo_figure === 0);
    expect(real).toHaveLength(8);
    expect(real.reduce((sum, r) => sum + r.lcpf_pence, 0)).toBe(32_900_000);
  });

  it("plans exactly the £644,000 allocation in 2017/18, all of it direct funding (CSP report)", () => {
    expect(yearFigures(summary, "2017/18")).toMatchObject({
      allocationPence: 64_400_000,
      directPence: 64_400_000,
      coCommissionedPence: 0,
      plannedPence: 64_400_000,
      overByPence: 0,
      remainingPence: 0,
      carriedOutPence: 0,
    });
  });

  it("splits 2018/19's £644,000 into £450,800 direct and £193,200 co-commissioned, and plans £430,000 of it", () => {
    expect(yearFigures(summary, "2018/19")).toMatchObject({
      directPence: 45_080_000,
      coCommissionedPence: 19_320_000,
      plannedPence: 43_000_000,
      overByPence: 0,
      remainingPence: 2_080_000,
    });
    expect(summary.blockers).toEqual([]);
    expect(summary.warnings.map((w) => w.code)).toEqual(["direct-funding-unplanned"]);
  });

  it("shows the eight candidates, £329,000 in 2018/19, against the £193,200 pot (CSP report worked example)", () => {
    expect(summary.coCommissioning).toHaveLength(1);
    const pot = summary.coCommissioning[0];
    expect(pot).toMatchObject({
      label: "2018/19",
      candidatesPence: 32_900_000,
      potPence: 19_320_000,
      overPotByPence: 13_580_000,
    });
    // Titles follow section 3 of the report; the candidates table's shorter names are kept alongside.
    const shortName = new Map(DEMO_PROJECTS.map((p) => [p.title, p.shortName ?? p.title]));
    expect(pot?.candidates.map((c) => [shortName.get(c.title), c.lcpfPence])).toEqual(CANDIDATES_TABLE);
  });

  it("leaves mandatory measures with no project, gun crime among them", () => {
    expect(summary.uncoveredMandatoryMeasures.length).toBeGreaterThanOrEqual(1);
    expect(summary.uncoveredMandatoryMeasures.map((m) => m.name)).toContain("Reduce gun crime, including discharges");
  });

  it("is not seeded twice: running seedDemo again leaves one proposal and its seventeen projects", async () => {
    await seedDemo(db());
    const proposals = await db()
      .selectFrom("proposals")
      .select("id")
      .where("lead_organisation_id", "=", await boroughId())
      .execute();
    expect(proposals).toHaveLength(1);
    const projectCount = await db()
      .selectFrom("projects")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("proposal_id", "=", proposals[0]?.id ?? -1)
      .executeTakeFirstOrThrow();
    expect(Number(projectCount.n)).toBe(17);
  });
});
