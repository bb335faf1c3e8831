import { beforeAll, describe, expect, it } from "vitest";
import { londonBoroughsPage } from "~/data/london.server";
import { db } from "~/db.server";
import { todayInLondon } from "~/domain/dates";
import { loader as londonCsv } from "~/routes/london-export-csv";
import { loader as londonLoader } from "~/routes/london";
import { loader as prioritiesLoader } from "~/routes/london-priorities";
import { makeMopacPerson, type Person } from "./proposal-factory";
import { getRequest, useTestDatabase } from "./setup-db";

/*
 * A joint proposal of two boroughs on the London view and in the London export. The reference
 * allocations are removed; three real boroughs get these, all real figures (70/30 from the second
 * year; what 2017/18 leaves rolls into 2018/19). Every expected figure is worked out by hand:
 *
 * Camden (lead) and Islington bid jointly, in review with one reviewer:
 *   Camden 2017/18 £100,000, 2018/19 £200,000 -> pot £60,000, direct £140,000.
 *   Islington 2017/18 £50,000, 2018/19 £100,000 -> pot £30,000, direct £70,000.
 *   The proposal's envelope adds both: 2017/18 £150,000, planned £60,000, so £90,000 rolls on;
 *   2018/19 direct £210,000 + £90,000 = £300,000 available, planned £150,000 + £90,000 = £240,000
 *   -> £60,000 left. Match £10,000.
 * Hackney alone, submitted: 2017/18 £100,000 (nothing planned, all rolls on); 2018/19 £100,000 ->
 *   pot £30,000, direct £70,000; available £170,000, planned £80,000 -> £90,000 left. Match none.
 *
 * London in 2018/19: allocation £400,000, direct £280,000, pot £120,000, planned £320,000 (the joint
 * £240,000 once, not once per member), left £150,000, match £10,000, two proposals, both overdue.
 */

useTestDatabase({ demo: false });

const POUNDS = 100;
const now = new Date().toISOString();
let reviewer: Person;
let roundId: number;
let year1: number;
let year2: number;
let jointId: number;

async function boroughId(name: string) {
  return (await db().selectFrom("organisations").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
}

async function priorityId(code: string) {
  return (await db().selectFrom("priorities").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
}

async function proposal(
  boroughs: string[],
  status: "submitted" | "in_review",
  projects: { title: string; priority: string; costs: [number, number, number][] }[],
): Promise<number> {
  const memberIds = await Promise.all(boroughs.map(boroughId));
  const period = await db().selectFrom("funding_periods").select("id").orderBy("number").executeTakeFirstOrThrow();
  const { id } = await db()
    .insertInto("proposals")
    .values({
      funding_period_id: period.id,
      lead_organisation_id: memberIds[0]!,
      status,
      version: 1,
      assigned_reviewer_id: status === "in_review" ? reviewer.id : null,
      first_submitted_at: now,
      last_submitted_at: now,
      created_by: reviewer.id,
      updated_by: reviewer.id,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db()
    .insertInto("proposal_boroughs")
    .values(
      memberIds.map((organisationId) => ({
        proposal_id: id,
        organisation_id: organisationId,
        funding_period_id: period.id,
        active: 1,
        created_at: now,
      })),
    )
    .execute();
  for (const [position, p] of projects.entries()) {
    const { id: projectId } = await db()
      .insertInto("projects")
      .values({
        proposal_id: id,
        title: p.title,
        primary_priority_id: await priorityId(p.priority),
        position,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db()
      .insertInto("project_costs")
      .values(
        p.costs.map(([financialYearId, lcpf, laCash]) => ({
          project_id: projectId,
          financial_year_id: financialYearId,
          lcpf_pence: lcpf * POUNDS,
          la_cash_pence: laCash * POUNDS,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
  return id;
}

beforeAll(async () => {
  reviewer = await makeMopacPerson("mopac_reviewer", "Joint Test Reviewer");
  const years = await db()
    .selectFrom("financial_years")
    .select(["id", "funding_round_id"])
    .orderBy("position")
    .execute();
  [year1, year2] = [years[0]!.id, years[1]!.id];
  roundId = years[0]!.funding_round_id;
  await db().deleteFrom("allocations").execute();
  const allocate = async (borough: string, financialYearId: number, pounds: number) =>
    db()
      .insertInto("allocations")
      .values({
        organisation_id: await boroughId(borough),
        financial_year_id: financialYearId,
        amount_pence: pounds * POUNDS,
        is_demo_figure: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
  await allocate("Camden", year1, 100_000);
  await allocate("Camden", year2, 200_000);
  await allocate("Islington", year1, 50_000);
  await allocate("Islington", year2, 100_000);
  await allocate("Hackney", year1, 100_000);
  await allocate("Hackney", year2, 100_000);
  jointId = await proposal(["Camden", "Islington"], "in_review", [
    {
      title: "Joint gangs service",
      priority: "children-young-people",
      costs: [
        [year1, 60_000, 0],
        [year2, 150_000, 10_000],
      ],
    },
    { title: "Joint advocacy", priority: "vawg", costs: [[year2, 90_000, 0]] },
  ]);
  await proposal(["Hackney"], "submitted", [
    { title: "Hackney youth work", priority: "children-young-people", costs: [[year2, 80_000, 0]] },
  ]);
});

const real = (pounds: number) => ({ pence: pounds * POUNDS, isDemoFigure: false });

/** The boroughs page's figures as the data layer gives them to the loader. */
async function london() {
  const search = new URLSearchParams({ round: String(roundId), year: String(year2) });
  return (await londonBoroughsPage(db(), search, todayInLondon(), "ascending")).view!;
}

/** The boroughs table as the loader renders it. */
async function londonTable(): Promise<string> {
  const result = await londonLoader({
    request: getRequest(`/london?round=${roundId}&year=${year2}`, reviewer.cookie),
    params: {},
    context: {},
  } as never);
  return result.table?.html ?? "";
}

describe("a joint proposal on the London view", () => {
  it("puts the proposal's figures on the lead's row, worked out from both boroughs' allocations", async () => {
    const camden = (await london()).rows.find((r) => r.borough === "Camden");
    expect(camden).toMatchObject({
      allocation: real(200_000),
      direct: real(140_000),
      pot: real(60_000),
      planned: real(240_000),
      leftOrOver: real(60_000),
      match: real(10_000),
      proposalId: jointId,
      jointWith: null,
      jointPartners: ["Islington"],
      status: "in_review",
      reviewer: "Joint Test Reviewer",
    });
  });

  it("says on each member's row of the loader's table where the joint proposal's figures are", async () => {
    const html = await londonTable();
    expect(html).toContain("Leads a joint proposal with Islington: its figures are on this row");
    expect(html).toContain("Joint proposal led by Camden");
    expect(html).toContain("On Camden’s row");
  });

  it("shows the proposal on the member's row too (status, reviewer, dates) without its figures", async () => {
    const islington = (await london()).rows.find((r) => r.borough === "Islington");
    expect(islington).toMatchObject({
      allocation: real(100_000),
      direct: real(70_000),
      pot: real(30_000),
      planned: null,
      leftOrOver: null,
      match: null,
      proposalId: jointId,
      jointWith: "Camden",
      jointPartners: ["Camden"],
      status: "in_review",
      reviewer: "Joint Test Reviewer",
      submittedAt: now,
      overdue: true,
    });
    expect(islington!.dueDate).not.toBeNull();
  });

  it("totals London counting the joint proposal's money, and the proposal itself, once", async () => {
    const view = await london();
    expect(view.totals).toMatchObject({
      allocation: real(400_000),
      direct: real(280_000),
      pot: real(120_000),
      planned: real(320_000),
      left: real(150_000),
      over: real(0),
      match: real(10_000),
      allocationsMissing: 29,
      proposals: 2,
      overdue: 2,
    });
    const priorities = await prioritiesLoader({
      request: getRequest(`/london/priorities?round=${roundId}&year=${year2}`, reviewer.cookie),
      params: {},
      context: {},
    } as never);
    const spend = Object.fromEntries(priorities.view!.prioritySpend.map((p) => [p.name, p.pence]));
    expect(spend).toMatchObject({
      "Children and Young People": 230_000 * POUNDS,
      "Violence Against Women and Girls": 90_000 * POUNDS,
    });
  });
});

describe("a joint proposal in the London export", () => {
  it("lists each project once under both boroughs, the lead named, so the export adds up to the London view", async () => {
    const response = (await londonCsv({
      request: getRequest("/exports/london-projects.csv", reviewer.cookie),
      params: {},
      context: {},
    } as never)) as Response;
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(","));
    const [header, ...rows] = lines;
    const col = (name: string) => header!.indexOf(name);
    // Nothing in this file is quoted: no cell holds a comma, a quote or a line break.
    expect(
      rows.map((r) => [r[col("Borough")], r[col("Lead borough")], r[col("Project")], r[col("Financial year")]]),
    ).toEqual([
      ["Camden; Islington", "Camden", "Joint gangs service", "2017/18"],
      ["Camden; Islington", "Camden", "Joint gangs service", "2018/19"],
      ["Camden; Islington", "Camden", "Joint advocacy", "2018/19"],
      ["Hackney", "Hackney", "Hackney youth work", "2018/19"],
    ]);
    const lcpf2018 = rows
      .filter((r) => r[col("Financial year")] === "2018/19")
      .reduce((sum, r) => sum + Math.round(Number(r[col("LCPF amount (£)")]) * 100), 0);
    expect(lcpf2018).toBe(320_000 * POUNDS);
    expect((await london()).totals.planned.pence).toBe(lcpf2018);
  });
});
