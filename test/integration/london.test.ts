import { beforeAll, describe, expect, it } from "vitest";
import { londonBoroughsPage, londonCoCommissioningPage } from "~/data/london.server";
import { db } from "~/db.server";
import { todayInLondon } from "~/domain/dates";
import { loader as londonLoader } from "~/routes/london";
import { loader as coCommissioningLoader } from "~/routes/london-co-commissioning";
import { loader as measuresLoader } from "~/routes/london-measures";
import { loader as prioritiesLoader } from "~/routes/london-priorities";
import { loader as exportLoader } from "~/routes/review-export";
import { loader as queueLoader } from "~/routes/review-home";
import { parseDirection } from "~/ui/sort-header";
import { makeMopacPerson, type Person } from "./proposal-factory";
import { getRequest, useTestDatabase } from "./setup-db";

/*
 * The London view's loader against a real database holding only this file's figures: the reference
 * allocations are removed, then three real boroughs get hand-picked ones. Expected figures are worked
 * out by hand (70/30 from the second year; what 2017/18 leaves rolls into 2018/19):
 *
 * Barnet: 2017/18 £100,000 (nothing planned, all rolls on); 2018/19 £200,000 -> pot £60,000, direct
 *   £140,000; available £240,000, planned £150,000 -> £90,000 left. Match £5,000.
 * Bexley: 2017/18 £100,000 all planned; 2018/19 £100,000, a demo figure -> pot £30,000, direct £70,000;
 *   planned £80,000 -> £10,000 over, a demo figure.
 * Brent: nothing.
 */

useTestDatabase({ demo: false });

const POUNDS = 100;
const now = new Date().toISOString();
let reviewer: Person;
let roundId: number;
let year2: number;
const proposalIds: Record<string, number> = {};

async function boroughId(name: string) {
  return (await db().selectFrom("organisations").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
}

async function measureId(code: string) {
  return (await db().selectFrom("measures").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
}

async function priorityId(code: string) {
  return (await db().selectFrom("priorities").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
}

async function proposal(
  borough: string,
  status: "submitted" | "in_review",
  projects: {
    title: string;
    priority: string;
    candidate: boolean;
    costs: [number, number, number][];
    measure?: string;
  }[],
) {
  const organisationId = await boroughId(borough);
  const period = await db().selectFrom("funding_periods").select("id").orderBy("number").executeTakeFirstOrThrow();
  const { id } = await db()
    .insertInto("proposals")
    .values({
      funding_period_id: period.id,
      lead_organisation_id: organisationId,
      status,
      version: 1,
      assigned_reviewer_id: reviewer.id,
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
    .values({
      proposal_id: id,
      organisation_id: organisationId,
      funding_period_id: period.id,
      active: 1,
      created_at: now,
    })
    .execute();
  for (const [position, p] of projects.entries()) {
    const { id: projectId } = await db()
      .insertInto("projects")
      .values({
        proposal_id: id,
        title: p.title,
        primary_priority_id: await priorityId(p.priority),
        co_commissioning_candidate: p.candidate ? 1 : 0,
        position,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [financialYearId, lcpf, laCash] of p.costs) {
      await db()
        .insertInto("project_costs")
        .values({
          project_id: projectId,
          financial_year_id: financialYearId,
          lcpf_pence: lcpf * POUNDS,
          la_cash_pence: laCash * POUNDS,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    if (p.measure)
      await db()
        .insertInto("project_measures")
        .values({ project_id: projectId, measure_id: await measureId(p.measure), created_at: now })
        .execute();
  }
  proposalIds[borough] = id;
}

beforeAll(async () => {
  reviewer = await makeMopacPerson("mopac_reviewer", "London Test Reviewer");
  const years = await db()
    .selectFrom("financial_years")
    .select(["id", "position", "funding_round_id"])
    .orderBy("position")
    .execute();
  const [y1, y2] = [years[0]!.id, years[1]!.id];
  roundId = years[0]!.funding_round_id;
  year2 = y2;
  await db().deleteFrom("allocations").execute();
  const allocate = async (borough: string, financialYearId: number, pounds: number, demo = false) =>
    db()
      .insertInto("allocations")
      .values({
        organisation_id: await boroughId(borough),
        financial_year_id: financialYearId,
        amount_pence: pounds * POUNDS,
        is_demo_figure: demo ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
  await allocate("Barnet", y1, 100_000);
  await allocate("Barnet", y2, 200_000);
  await allocate("Bexley", y1, 100_000);
  await allocate("Bexley", y2, 100_000, true);
  await proposal("Barnet", "submitted", [
    {
      title: "Domestic abuse advocacy",
      priority: "vawg",
      candidate: true,
      costs: [[y2, 50_000, 5_000]],
      measure: "vawg-domestic-abuse",
    },
    { title: "Youth mentoring", priority: "children-young-people", candidate: false, costs: [[y2, 100_000, 0]] },
  ]);
  await proposal("Bexley", "in_review", [
    {
      title: "Domestic abuse advocates",
      priority: "vawg",
      candidate: true,
      costs: [
        [y1, 100_000, 0],
        [y2, 80_000, 0],
      ],
      measure: "vawg-domestic-abuse",
    },
  ]);
});

/**
 * The boroughs page: its figures as the data layer gives them to the loader, and the loader's table
 * (read-only markup, whose rows stay on the server).
 */
async function london(query = "") {
  const path = `/london?round=${roundId}&year=${year2}${query}`;
  const { table } = await londonLoader({
    request: getRequest(path, reviewer.cookie),
    params: {},
    context: {},
  } as never);
  const search = new URL(path, "http://localhost").searchParams;
  const page = await londonBoroughsPage(db(), search, todayInLondon(), parseDirection(search.get("dir")));
  return { ...page, html: table?.html ?? "" };
}

/** One of the London view's other pages, for the same round and year. */
async function londonPage<T>(loader: (args: never) => Promise<T>, path: string): Promise<T> {
  return loader({
    request: getRequest(`/london/${path}?round=${roundId}&year=${year2}`, reviewer.cookie),
    params: {},
    context: {},
  } as never);
}

const real = (pounds: number) => ({ pence: pounds * POUNDS, isDemoFigure: false });
const demo = (pounds: number) => ({ pence: pounds * POUNDS, isDemoFigure: true });

describe("the London view's loader", () => {
  it("has all 32 boroughs, with the figures of each worked out from its allocation and proposal", async () => {
    const { view } = await london();
    expect(view!.rows).toHaveLength(32);
    const row = (name: string) => view!.rows.find((r) => r.borough === name);
    expect(row("Barnet")).toMatchObject({
      allocation: real(200_000),
      direct: real(140_000),
      pot: real(60_000),
      planned: real(150_000),
      leftOrOver: real(90_000),
      match: real(5_000),
      status: "submitted",
      reviewer: "London Test Reviewer",
      proposalId: proposalIds.Barnet,
    });
    expect(row("Bexley")).toMatchObject({
      allocation: demo(100_000),
      direct: demo(70_000),
      pot: demo(30_000),
      planned: real(80_000),
      leftOrOver: demo(-10_000),
      status: "in_review",
    });
    expect(row("Brent")).toMatchObject({ allocation: null, planned: null, leftOrOver: null, status: null });
  });

  it("shows the figures in the loader's table, demo marks and all", async () => {
    const { html } = await london();
    expect(html.match(/data-testid="london-borough-row"/g)).toHaveLength(32);
    expect(html).toContain("£90,000.00 left");
    expect(html).toMatch(/£10,000.00 over<\/span> <strong class="govuk-tag govuk-tag--yellow">Demo figure/);
    expect(html).toContain("2 with a proposal for this period");
  });

  it("totals London, carrying the demo mark into every total built from Bexley's demo allocation", async () => {
    const { view } = await london();
    expect(view!.totals).toMatchObject({
      allocation: demo(300_000),
      direct: demo(210_000),
      pot: demo(90_000),
      planned: real(230_000),
      left: real(90_000),
      over: demo(10_000),
      match: real(5_000),
      allocationsMissing: 30,
      proposals: 2,
    });
  });

  it("adds planned spend per priority and groups the two advocacy services against London's pot", async () => {
    const spend = Object.fromEntries(
      (await londonPage(prioritiesLoader, "priorities")).view!.prioritySpend.map((p) => [p.name, p.pence]),
    );
    expect(spend).toMatchObject({
      "Violence Against Women and Girls": 130_000 * POUNDS,
      "Children and Young People": 100_000 * POUNDS,
      "Neighbourhood Policing": 0,
    });
    const search = new URLSearchParams({ round: String(roundId), year: String(year2) });
    const coCommissioning = (await londonCoCommissioningPage(db(), search, todayInLondon())).view!;
    expect(coCommissioning.opportunities).toHaveLength(1);
    expect(coCommissioning.opportunities[0]).toMatchObject({ boroughCount: 2, total: real(130_000) });
    expect(coCommissioning.londonPot).toEqual(demo(90_000));
    const page = (await londonPage(coCommissioningLoader, "co-commissioning")).view!;
    expect(page.londonPot).toEqual(demo(90_000));
    expect(page.tables.html).toContain("Similar service, 2 boroughs");
    expect(page.tables.html).toContain("£130,000.00");
  });

  it("shows which mandatory measure the programmes address and that nobody addresses the other 13", async () => {
    const view = (await londonPage(measuresLoader, "measures")).view;
    const covered = view!.coverage.filter((m) => m.boroughs.length > 0);
    expect(covered.map((m) => m.boroughs)).toEqual([["Barnet", "Bexley"]]);
    expect(view!.coverage.filter((m) => m.boroughs.length === 0)).toHaveLength(13);
  });

  it("sorts by the column asked for, empty cells last; an unknown column falls back to the borough name", async () => {
    const byLeft = await london("&sort=left&dir=desc");
    expect(byLeft.view!.rows.slice(0, 2).map((r) => r.borough)).toEqual(["Barnet", "Bexley"]);
    const byPlannedUp = await london("&sort=planned&dir=asc");
    expect(byPlannedUp.view!.rows.slice(0, 2).map((r) => r.borough)).toEqual(["Bexley", "Barnet"]);
    const nonsense = await london("&sort=%3Cscript%3E&dir=sideways");
    expect(nonsense.sort).toBe("borough");
    expect(nonsense.view!.rows[0]!.borough).toBe("Barking and Dagenham");
  });

  it("lands on the round's first year when the year asked for is not one of its years", async () => {
    const result = await londonLoader({
      request: getRequest(`/london?round=abc&year=999999`, reviewer.cookie),
      params: {},
      context: {},
    } as never);
    expect(result.chosen!.position).toBe(1);
  });
});

describe("the reviewer queue", () => {
  const queue = (query: string) =>
    queueLoader({ request: getRequest(`/review?show=all${query}`, reviewer.cookie), params: {}, context: {} } as never);

  // The queue totals the whole period: Barnet £150,000, Bexley £180,000.
  it("sorts by planned spend either way", async () => {
    expect((await queue("&sort=planned&dir=desc")).rows.map((r) => r.boroughNames)).toEqual(["Bexley", "Barnet"]);
    expect((await queue("&sort=planned&dir=asc")).rows.map((r) => r.boroughNames)).toEqual(["Barnet", "Bexley"]);
  });

  it("exports as CSV (BOM, header, one line per row) exactly the rows the page shows, in its order", async () => {
    const response = (await exportLoader({
      request: getRequest(`/review/export.csv?show=all&sort=planned&dir=asc`, reviewer.cookie),
      params: {},
      context: {},
    } as never)) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    // Read as bytes: Response.text() would drop the BOM this checks for.
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.slice(3)).trimEnd().split("\r\n");
    expect(lines.map((line) => line.split(",")[0])).toEqual(["Borough", "Barnet", "Bexley"]);
    expect(lines[1]!.endsWith(",150000.00")).toBe(true);
    expect(lines[2]!.endsWith(",180000.00")).toBe(true);
  });
});
