import { penceFromSum } from "~/domain/money";
import { sql } from "kysely";
import type { DB } from "../../db/connection";
import { decisionTable, type DecisionTable } from "~/domain/decision";
import type { ProjectYearRow } from "~/domain/project-export";

/**
 * What the exports and the decision table read. Each is one set-based statement however many
 * boroughs or projects there are: lists hung off a row (categories, boroughs) are aggregated in
 * SQL, never fetched one row at a time.
 */

/** A row of the project exports (the columns' shape, in project-export) and where it sorts. */
export type ExportRow = ProjectYearRow & { proposalId: number; yearPosition: number; projectPosition: number };

type Scope = { proposalId: number } | { reachedMopac: true };

/**
 * One row per project per year, for one proposal or for every proposal that has reached MOPAC. Four
 * set-based statements (projects, their yearly costs, partner sums, member boroughs), put together
 * here: a project's text is read once, not once per year, and each list is asked for once.
 * A joint proposal's projects appear once, under all its boroughs (the lead first), so no amount is
 * counted twice; the lead borough has a column of its own.
 */
export async function exportRows(db: DB, scope: Scope): Promise<ExportRow[]> {
  const proposalsInScope = db
    .selectFrom("proposals as sc")
    .select("sc.id")
    .where((eb) =>
      "proposalId" in scope ? eb("sc.id", "=", scope.proposalId) : eb("sc.first_submitted_at", "is not", null),
    );

  const [proposals, projects, costs, partners, members] = await Promise.all([
    db
      .selectFrom("proposals as pr")
      .innerJoin("funding_periods as fp", "fp.id", "pr.funding_period_id")
      .select(["pr.id", "pr.status", "pr.lead_organisation_id", "fp.name as periodName"])
      .where("pr.id", "in", proposalsInScope)
      .execute(),
    db
      .selectFrom("projects as p")
      .leftJoin("priorities as pp", "pp.id", "p.primary_priority_id")
      .leftJoin("priorities as sp", "sp.id", "p.secondary_priority_id")
      .select((eb) => [
        "p.id",
        "p.proposal_id",
        "p.position",
        "p.title",
        "pp.name as primaryPriority",
        "sp.name as secondaryPriority",
        "p.delivery_type",
        "p.provider",
        "p.co_commissioning_candidate",
        eb
          .selectFrom("project_categories as pc")
          .select(sql<string>`string_agg(pc.category, ',' order by pc.category)`.as("codes"))
          .whereRef("pc.project_id", "=", "p.id")
          .as("categories"),
      ])
      .where("p.proposal_id", "in", proposalsInScope)
      .orderBy("p.position")
      .orderBy("p.id")
      .execute(),
    db
      .selectFrom("project_costs as c")
      .innerJoin("projects as p", "p.id", "c.project_id")
      .innerJoin("financial_years as y", "y.id", "c.financial_year_id")
      .select(["c.project_id", "c.financial_year_id", "y.label", "y.position", "c.lcpf_pence", "c.la_cash_pence", "c.is_demo_figure"])
      .where("p.proposal_id", "in", proposalsInScope)
      .orderBy("y.position")
      .execute(),
    db
      .selectFrom("project_contributors as pcn")
      .innerJoin("project_contributor_amounts as a", "a.contributor_id", "pcn.id")
      .innerJoin("projects as p", "p.id", "pcn.project_id")
      .where("pcn.kind", "=", "partner")
      .where("p.proposal_id", "in", proposalsInScope)
      .select(["pcn.project_id", "a.financial_year_id", sql<number | string>`sum(a.amount_pence)`.as("pence")])
      .groupBy(["pcn.project_id", "a.financial_year_id"])
      .execute(),
    db
      .selectFrom("proposal_boroughs as pb")
      .innerJoin("organisations as o", "o.id", "pb.organisation_id")
      .select(["pb.proposal_id", "pb.organisation_id", "o.name"])
      .where("pb.proposal_id", "in", proposalsInScope)
      .orderBy("o.name")
      .execute(),
  ]);

  const proposalOf = new Map(proposals.map((p) => [p.id, { ...p, boroughs: [] as string[], leadBorough: "" }]));
  for (const member of members) {
    const proposal = proposalOf.get(member.proposal_id);
    if (!proposal) continue;
    if (member.organisation_id === proposal.lead_organisation_id) {
      proposal.leadBorough = member.name;
      proposal.boroughs.unshift(member.name);
    } else proposal.boroughs.push(member.name);
  }
  const boroughNames = new Map([...proposalOf.values()].map((p) => [p.id, p.boroughs.join("; ")]));
  const partnerPence = new Map(partners.map((p) => [`${p.project_id}:${p.financial_year_id}`, penceFromSum(p.pence, "Partner funding")]));
  const costsOf = new Map<number, typeof costs>();
  for (const cost of costs) {
    const list = costsOf.get(cost.project_id);
    if (list) list.push(cost);
    else costsOf.set(cost.project_id, [cost]);
  }

  const rows: ExportRow[] = [];
  for (const project of projects) {
    const proposal = proposalOf.get(project.proposal_id);
    if (!proposal) continue;
    const boroughs = boroughNames.get(proposal.id) ?? "";
    for (const cost of costsOf.get(project.id) ?? []) {
      rows.push({
        proposalId: proposal.id,
        boroughs,
        leadBorough: proposal.leadBorough,
        periodName: proposal.periodName,
        yearLabel: cost.label,
        yearPosition: cost.position,
        projectPosition: project.position,
        title: project.title,
        primaryPriority: project.primaryPriority,
        secondaryPriority: project.secondaryPriority,
        categories: project.categories,
        deliveryType: project.delivery_type,
        provider: project.provider,
        coCommissioningCandidate: project.co_commissioning_candidate === 1,
        lcpfPence: cost.lcpf_pence,
        laCashPence: cost.la_cash_pence,
        partnerPence: partnerPence.get(`${project.id}:${cost.financial_year_id}`) ?? 0,
        status: proposal.status,
        isDemoFigure: cost.is_demo_figure === 1,
      });
    }
  }
  // Projects come in position order and costs in year order; a stable sort by borough names then proposal keeps both.
  const order = new Map(
    [...proposalOf.values()]
      .sort((a, b) => compareText(boroughNames.get(a.id) ?? "", boroughNames.get(b.id) ?? "") || a.id - b.id)
      .map((p, index) => [p.id, index]),
  );
  return rows.sort((a, b) => order.get(a.proposalId)! - order.get(b.proposalId)!);
}

/** SQLite's default (binary) order, which the exports have always used. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type DecisionYear = { id: number; label: string; roundName: string };

/** The financial years a decision table can be made for, in round order. */
export async function decisionYears(db: DB): Promise<DecisionYear[]> {
  return db
    .selectFrom("financial_years as y")
    .innerJoin("funding_rounds as r", "r.id", "y.funding_round_id")
    .select(["y.id", "y.label", "r.name as roundName"])
    .orderBy("r.id")
    .orderBy("y.position")
    .execute();
}

export type ApprovedAllocation = {
  proposalId: number;
  name: string;
  /** null while any borough of the bid has no allocation for the year. */
  amountPence: number | null;
  isDemoFigure: boolean;
};

/**
 * The allocations of every approved proposal for one financial year: one row per proposal (a
 * joint bid is one row under its partnership's name, its boroughs' allocations added up).
 */
export async function approvedAllocations(db: DB, financialYearId: number): Promise<ApprovedAllocation[]> {
  const rows = await db
    .selectFrom("proposals as pr")
    .innerJoin("financial_years as y", (join) => join.onRef("y.funding_period_id", "=", "pr.funding_period_id").on("y.id", "=", financialYearId))
    .innerJoin("proposal_boroughs as pb", "pb.proposal_id", "pr.id")
    .innerJoin("organisations as o", "o.id", "pb.organisation_id")
    .leftJoin("partnerships as pa", "pa.id", "pr.partnership_id")
    .leftJoin("allocations as a", (join) => join.onRef("a.organisation_id", "=", "pb.organisation_id").onRef("a.financial_year_id", "=", "y.id"))
    .where("pr.status", "=", "approved")
    .groupBy("pr.id")
    .select([
      "pr.id as proposalId",
      sql<string>`coalesce(max(pa.name), string_agg(o.name, ' and ' order by o.name))`.as("name"),
      sql<number | string>`coalesce(sum(a.amount_pence), 0)`.as("amountPence"),
      sql<number>`count(a.id)`.as("allocationCount"),
      sql<number>`count(*)`.as("boroughCount"),
      sql<number>`coalesce(max(a.is_demo_figure), 0)`.as("isDemo"),
    ])
    .execute();
  return rows
    .map((row) => ({
      proposalId: row.proposalId,
      name: row.name,
      amountPence: row.allocationCount === row.boroughCount ? penceFromSum(row.amountPence, "An allocation") : null,
      isDemoFigure: row.isDemo === 1,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}

export type DecisionTablePage = {
  years: DecisionYear[];
  year: DecisionYear | null;
  table: DecisionTable;
};

/** The decision table for the year asked for (by id), or the round's first year when none or an unknown one is asked for. */
export async function loadDecisionTable(db: DB, yearParam: string | null): Promise<DecisionTablePage> {
  const years = await decisionYears(db);
  const asked = yearParam && /^\d{1,9}$/.test(yearParam) ? Number(yearParam) : null;
  const year = years.find((y) => y.id === asked) ?? years[0] ?? null;
  const allocations = year ? await approvedAllocations(db, year.id) : [];
  return { years, year, table: decisionTable(allocations) };
}

/** The file name of a proposal's export: its boroughs and period, in plain characters. */
export function exportName(rows: readonly ExportRow[], fallback: string): string {
  const first = rows[0];
  const base = first ? `lcpf-${first.boroughs}-${first.periodName}` : fallback;
  return base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 100);
}
