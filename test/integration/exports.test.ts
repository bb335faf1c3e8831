import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { loader as decisionCsv } from "~/routes/decision-table-csv";
import { loader as decisionPage } from "~/routes/decision-table";
import { loader as londonCsv } from "~/routes/london-export-csv";
import { loader as londonXlsx } from "~/routes/london-export-xlsx";
import { loader as proposalCsv } from "~/routes/proposal-export-csv";
import { cookieFor, getRequest, useTestDatabase } from "./setup-db";

useTestDatabase();

const HOSTILE = '=HYPERLINK("http://evil.example","x")';
const MULTI_LINE = 'Youth "Risk" Matrix, phase 2\nsecond line';

/** RFC 4180 as the exports write it: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || row.length > 0) throw new Error("The CSV does not end with CRLF");
  return rows;
}

/** Sums "12345.67" texts in whole pence, so the check itself uses no floats. */
const pence = (text: string) => {
  const [pounds, pennies] = text.split(".");
  expect(pennies).toHaveLength(2);
  return Number(pounds) * 100 + Number(pennies);
};

let reviewerCookie = "";
let camdenProposalId = 0;
let year1 = 0;

beforeAll(async () => {
  const now = new Date().toISOString();
  reviewerCookie = await cookieFor("reviewer@mopac.test");
  const officer = await db()
    .selectFrom("users")
    .select("id")
    .where("email", "=", "officer@barking-dagenham.test")
    .executeTakeFirstOrThrow();
  const years = await db()
    .selectFrom("financial_years")
    .select(["id", "label", "funding_period_id"])
    .orderBy("position")
    .execute();
  const [first, second] = years;
  year1 = first!.id;
  const borough = async (gss: string) =>
    (await db().selectFrom("organisations").select("id").where("gss_code", "=", gss).executeTakeFirstOrThrow()).id;

  async function approvedProposal(organisationId: number, allocationPence: number, isDemo: boolean) {
    await db()
      .insertInto("allocations")
      .values({
        organisation_id: organisationId,
        financial_year_id: year1,
        amount_pence: allocationPence,
        uplift_pence: null,
        is_demo_figure: isDemo ? 1 : 0,
        source: "test",
        created_at: now,
        updated_at: now,
      })
      .execute();
    const { id } = await db()
      .insertInto("proposals")
      .values({
        funding_period_id: first!.funding_period_id,
        lead_organisation_id: organisationId,
        status: "approved",
        version: 1,
        first_submitted_at: now,
        last_submitted_at: now,
        created_by: officer.id,
        updated_by: officer.id,
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
        funding_period_id: first!.funding_period_id,
        active: 1,
        created_at: now,
      })
      .execute();
    return id;
  }

  async function project(
    proposalId: number,
    title: string,
    costs: [number, number, number, boolean][],
    partnerPence = 0,
  ) {
    const { id } = await db()
      .insertInto("projects")
      .values({
        proposal_id: proposalId,
        title,
        position: 1,
        delivery_type: "contribution",
        provider: "+Provider",
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [yearId, lcpf, laCash, demo] of costs) {
      await db()
        .insertInto("project_costs")
        .values({
          project_id: id,
          financial_year_id: yearId,
          lcpf_pence: lcpf,
          la_cash_pence: laCash,
          is_demo_figure: demo ? 1 : 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await db()
      .insertInto("project_categories")
      .values({ project_id: id, category: "youth-crime", created_at: now })
      .execute();
    if (partnerPence > 0) {
      const partner = await db()
        .insertInto("project_contributors")
        .values({
          project_id: id,
          kind: "partner",
          name: "Police",
          in_kind: null,
          position: 1,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db()
        .insertInto("project_contributor_amounts")
        .values({ contributor_id: partner.id, financial_year_id: year1, amount_pence: partnerPence, created_at: now })
        .execute();
    }
  }

  // Camden: £520,000, above the Chief Executive's limit; Hackney: exactly £499,000, within it (a demo figure).
  camdenProposalId = await approvedProposal(await borough("E09000007"), 520_000_00, false);
  const hackney = await approvedProposal(await borough("E09000012"), 499_000_00, true);
  await project(
    camdenProposalId,
    HOSTILE,
    [
      [year1, 40_000_00, 5_000_00, false],
      [second!.id, 10_000_50, 0, true],
    ],
    2_500_00,
  );
  await project(hackney, MULTI_LINE, [[year1, 12_345_67, 0, false]]);
});

describe("the London projects CSV", () => {
  it("round-trips through a CSV parser with the right totals and neutralised text", async () => {
    const response = (await londonCsv({
      request: getRequest("/exports/london-projects.csv", reviewerCookie),
      params: {},
      context: {},
    } as never)) as Response;
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString("utf8").slice(1));
    const col = (name: string) => {
      const index = header!.indexOf(name);
      expect(index, name).toBeGreaterThanOrEqual(0);
      return index;
    };
    // One row per project per year: Camden's project in two years, Hackney's in one. The demo draft never reached MOPAC.
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r[col("Borough")])).toEqual(["Camden", "Camden", "Hackney"]);
    expect(rows.reduce((sum, r) => sum + pence(r[col("LCPF amount (£)")]!), 0)).toBe(40_000_00 + 10_000_50 + 12_345_67);
    expect(rows.reduce((sum, r) => sum + pence(r[col("Local authority cash match funding (£)")]!), 0)).toBe(5_000_00);
    expect(rows.reduce((sum, r) => sum + pence(r[col("Partner match funding (£)")]!), 0)).toBe(2_500_00);
    expect(rows[0]![col("Project")]).toBe(`'${HOSTILE}`);
    expect(rows[2]![col("Project")]).toBe(MULTI_LINE);
    expect(rows[0]![col("Provider")]).toBe("'+Provider");
    expect(rows.map((r) => r[col("Demo figure")])).toEqual(["No", "Yes", "No"]);
    expect(rows[0]![col("Status")]).toBe("Approved");
    expect(rows[0]![col("Categories")]).toBe("Youth crime");
    expect(rows[0]![col("LCPF amount (£)")]).toBe("40000.00");
  });

  it("as a borough's programme holds only that proposal's rows", async () => {
    const response = (await proposalCsv({
      request: getRequest(`/proposals/${camdenProposalId}/projects.csv`, reviewerCookie),
      params: { proposalId: String(camdenProposalId) },
      context: {},
    } as never)) as Response;
    const [, ...rows] = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(rows.map((r) => r[0])).toEqual(["Camden", "Camden"]);
  });
});

describe("the London projects workbook", () => {
  it("opens with exceljs, holds money as numbers formatted in pounds, and sums right", async () => {
    const response = (await londonXlsx({
      request: getRequest("/exports/london-projects.xlsx", reviewerCookie),
      params: {},
      context: {},
    } as never)) as Response;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const lcpfColumn = header.indexOf("LCPF amount (£)") + 1;
    expect(lcpfColumn).toBeGreaterThan(0);
    let total = 0;
    for (let r = 2; r <= sheet.rowCount; r++) {
      const cell = sheet.getRow(r).getCell(lcpfColumn);
      expect(typeof cell.value).toBe("number");
      expect(cell.numFmt).toContain("£");
      // Back to whole pence before adding, as anyone checking the sheet would.
      total += Math.round((cell.value as number) * 100);
    }
    expect(sheet.rowCount).toBe(4);
    expect(total).toBe(40_000_00 + 10_000_50 + 12_345_67);
    expect(sheet.getRow(2).getCell(header.indexOf("Project") + 1).value).toBe(HOSTILE);
  });
});

describe("the decision table", () => {
  it("totals the approved allocations and marks the one above £499,000", async () => {
    const page = await decisionPage({
      request: getRequest(`/decision-table?year=${year1}`, reviewerCookie),
      params: {},
      context: {},
    } as never);
    const { table } = page as Awaited<ReturnType<typeof decisionPage>>;
    expect(table.rows.map((r) => [r.name, r.amountPence, r.route, r.isDemoFigure])).toEqual([
      ["Camden", 520_000_00, "dmpc", false],
      ["Hackney", 499_000_00, "chief_executive", true],
    ]);
    expect(table).toMatchObject({ totalPence: 1_019_000_00, route: "dmpc", totalIsDemoFigure: true });
  });

  it("writes the same table as CSV with a total row", async () => {
    const response = (await decisionCsv({
      request: getRequest(`/decision-table.csv?year=${year1}`, reviewerCookie),
      params: {},
      context: {},
    } as never)) as Response;
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(rows).toEqual([
      ["Borough", "Allocation (£)", "Decision needed", "Demo figure"],
      ["Camden", "520000.00", "DMPC decision", "No"],
      ["Hackney", "499000.00", "Chief Executive", "Yes"],
      ["Total", "1019000.00", "DMPC decision (above the Chief Executive’s £499,000 limit)", "Yes"],
    ]);
  });
});
