import type { Kysely } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { loadProposalPage } from "~/data/proposal-page.server";
import { findProposal, proposalYears } from "~/data/proposals.server";
import { allocationsForBorough } from "~/data/rounds.server";
import { createDatabase, type DB } from "../../db/connection";
import type { Database } from "../../db/schema";
import { makeBorough, makeProposal } from "./proposal-factory";
import { demoProposalId, useTestDatabase } from "./setup-db";

useTestDatabase();

// A second connection to the test database that records every statement, so a test can count what a
// data function reads without mocking anything.
let opened: Kysely<Database>[] = [];
function recordingDb(): { db: DB; statements: string[] } {
  const statements: string[] = [];
  const recording = createDatabase(process.env.DATABASE_URL!, undefined, (event) => {
    if (event.level === "query") statements.push(event.query.sql);
  });
  opened.push(recording);
  return { db: recording, statements };
}

afterEach(async () => {
  await Promise.all(opened.map((k) => k.destroy()));
  opened = [];
});

/** How many statements read each table first named after `from`. */
function readsByTable(statements: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const statement of statements) {
    const table = /\bfrom "(\w+)"/.exec(statement)?.[1];
    if (table) counts.set(table, (counts.get(table) ?? 0) + 1);
  }
  return counts;
}

async function demoProposal() {
  const proposal = await findProposal(db(), await demoProposalId());
  if (!proposal) throw new Error("No demo proposal");
  return proposal;
}

describe("the proposal pages' loader", () => {
  it("reads each table once for the demo proposal's 17 projects, whatever their number", async () => {
    const proposal = await demoProposal();
    const { db: recording, statements } = recordingDb();

    const page = await loadProposalPage(recording, proposal);

    expect(page.fullProjects).toHaveLength(17);
    const reads = readsByTable(statements);
    expect(reads.get("projects")).toBe(1);
    expect(reads.get("project_costs")).toBe(1);
    expect([...reads].filter(([, count]) => count > 1)).toEqual([]);
    // A query per project would be 17 at least on its own. (10, not 12: the round's split rule now
    // comes with the proposal record, and the years come with their allocations in one query.)
    expect(statements.length).toBeLessThanOrEqual(10);
  });

  it("cuts the summary's rows and the form context from the same load", async () => {
    const proposal = await demoProposal();
    const page = await loadProposalPage(db(), proposal);

    expect(page.projects.map((p) => p.id)).toEqual(page.fullProjects.map((p) => p.id));
    const first = page.fullProjects[0]!;
    const row = page.projects[0]!;
    expect(row.primaryPriorityName).toBe(
      page.ctx.priorities.find((p) => p.id === first.primary_priority_id)?.name ?? null,
    );
    expect(row.costs).toEqual(
      first.costs.map((c) => ({
        financialYearId: c.financialYearId,
        lcpfPence: c.lcpfPence,
        ...(c.isDemoFigure ? { isDemoFigure: true } : {}),
      })),
    );
    expect(page.ctx.years.map((y) => y.financialYearId)).toEqual(page.years.map((y) => y.financialYearId));
    expect(page.summary.years).toHaveLength(page.years.length);
  });
});

describe("a proposal's record", () => {
  it("comes with its boroughs and its round's split in one statement", async () => {
    const proposal = await demoProposal();
    const { db: recording, statements } = recordingDb();

    const again = await findProposal(recording, proposal.id);

    expect(statements).toHaveLength(1);
    expect(again?.boroughNames).toEqual(["Barking and Dagenham"]);
    expect(again?.splitRule).toEqual({ coCommissionedPercent: 30, splitFromYearPosition: 2 });
  });
});

describe("a proposal's years", () => {
  it("come with their allocations in one statement, a year without one as not set", async () => {
    const made = await makeProposal();
    const [first, second] = made.borough.years;
    if (!first || !second) throw new Error("The factory's period has fewer than two years");
    await db()
      .deleteFrom("allocations")
      .where("organisation_id", "=", made.borough.id)
      .where("financial_year_id", "=", second.id)
      .execute();
    const proposal = await findProposal(db(), made.id);
    if (!proposal) throw new Error("The factory's proposal is missing");
    const { db: recording, statements } = recordingDb();

    const years = await proposalYears(recording, proposal);

    expect(statements).toHaveLength(1);
    expect(years.map((y) => [y.financialYearId, y.allocationPence, y.hasDemoFigure])).toEqual([
      [first.id, 644_000_00, true],
      [second.id, null, false],
    ]);
  });
});

describe("the years of a proposal of several boroughs", () => {
  it("add up every borough's allocation, and a year is not set until each borough has one", async () => {
    const made = await makeProposal();
    const other = await makeBorough();
    await db()
      .insertInto("proposal_boroughs")
      .values({
        proposal_id: made.id,
        organisation_id: other.id,
        funding_period_id: made.borough.periodId,
        active: 1,
        created_at: new Date().toISOString(),
      })
      .execute();
    const [first, second] = made.borough.years;
    if (!first || !second) throw new Error("The factory's period has fewer than two years");
    await db()
      .updateTable("allocations")
      .set({ amount_pence: 100_000_00, is_demo_figure: 0 })
      .where("organisation_id", "=", other.id)
      .where("financial_year_id", "=", first.id)
      .execute();
    await db()
      .deleteFrom("allocations")
      .where("organisation_id", "=", other.id)
      .where("financial_year_id", "=", second.id)
      .execute();
    const proposal = await findProposal(db(), made.id);
    expect(proposal?.boroughIds).toHaveLength(2);

    const years = await proposalYears(db(), proposal!);

    expect(years.map((y) => [y.financialYearId, y.allocationPence, y.hasDemoFigure])).toEqual([
      [first.id, 644_000_00 + 100_000_00, true],
      [second.id, null, true],
    ]);
  });
});

describe("the borough home's years", () => {
  it("come with their round's split in one query, not one per round", async () => {
    const borough = await db()
      .selectFrom("organisations")
      .select("id")
      .where("name", "=", "Newham")
      .executeTakeFirstOrThrow();
    const { db: recording, statements } = recordingDb();

    const years = await allocationsForBorough(recording, borough.id);

    expect(statements).toHaveLength(1);
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) {
      const round = await db()
        .selectFrom("funding_rounds")
        .select(["co_commissioned_percent", "split_from_year_position"])
        .where("id", "=", year.roundId)
        .executeTakeFirstOrThrow();
      expect(year.splitRule).toEqual({
        coCommissionedPercent: round.co_commissioned_percent,
        splitFromYearPosition: round.split_from_year_position,
      });
    }
  });
});
