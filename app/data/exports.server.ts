import { sql } from "kysely";
import type { DB } from "../../db/connection";
import type { ProposalStatus } from "../../db/schema";
import { decisionTable, type DecisionTable } from "~/domain/decision";

/**
 * What the exports and the decision table read. Each is one set-based statement however many
 * boroughs or projects there are: lists hung off a row (categories, boroughs) are aggregated in
 * SQL, never fetched one row at a time.
 */

export type ExportRow = {
  proposalId: number;
  boroughs: string;
  periodName: string;
  yearLabel: string;
  yearPosition: number;
  projectPosition: number;
  title: string;
  primaryPriority: string | null;
  secondaryPriority: string | null;
  /** Category codes, comma separated as stored; the domain turns them into labels. */
  categories: string | null;
  deliveryType: string | null;
  provider: string | null;
  coCommissioningCandidate: boolean;
  lcpfPence: number;
  laCashPence: number;
  partnerPence: number;
  status: ProposalStatus;
  isDemoFigure: boolean;
};

type Scope = { proposalId: number } | { reachedMopac: true };

/** One row per project per year, for one proposal or for every proposal that has reached MOPAC. */
export async function exportRows(db: DB, scope: Scope): Promise<ExportRow[]> {
  // Lists and sums are aggregated once per table and joined, not asked for row by row.
  let query = db
    .with("cats", (qb) =>
      qb
        .selectFrom("project_categories")
        .select(["project_id", sql<string>`group_concat(category, ',')`.as("categories")])
        .groupBy("project_id"),
    )
    .with("partner_sums", (qb) =>
      qb
        .selectFrom("project_contributors as pcn")
        .innerJoin("project_contributor_amounts as a", "a.contributor_id", "pcn.id")
        .where("pcn.kind", "=", "partner")
        .select(["pcn.project_id", "a.financial_year_id", sql<number>`sum(a.amount_pence)`.as("pence")])
        .groupBy(["pcn.project_id", "a.financial_year_id"]),
    )
    .with("borough_names", (qb) =>
      qb
        .selectFrom("proposal_boroughs as pb")
        .innerJoin("organisations as o", "o.id", "pb.organisation_id")
        .select(["pb.proposal_id", sql<string>`group_concat(o.name, '; ')`.as("names")])
        .groupBy("pb.proposal_id"),
    )
    .selectFrom("project_costs as c")
    .innerJoin("projects as p", "p.id", "c.project_id")
    .innerJoin("proposals as pr", "pr.id", "p.proposal_id")
    .innerJoin("financial_years as y", "y.id", "c.financial_year_id")
    .innerJoin("funding_periods as fp", "fp.id", "pr.funding_period_id")
    .leftJoin("priorities as pp", "pp.id", "p.primary_priority_id")
    .leftJoin("priorities as sp", "sp.id", "p.secondary_priority_id")
    .leftJoin("cats", "cats.project_id", "p.id")
    .leftJoin("partner_sums as ps", (join) => join.onRef("ps.project_id", "=", "p.id").onRef("ps.financial_year_id", "=", "c.financial_year_id"))
    .leftJoin("borough_names as bn", "bn.proposal_id", "pr.id")
    .select([
      "pr.id as proposalId",
      "fp.name as periodName",
      "y.label as yearLabel",
      "y.position as yearPosition",
      "p.position as projectPosition",
      "p.title",
      "pp.name as primaryPriority",
      "sp.name as secondaryPriority",
      "p.delivery_type as deliveryType",
      "p.provider",
      "p.co_commissioning_candidate",
      "c.lcpf_pence as lcpfPence",
      "c.la_cash_pence as laCashPence",
      "c.is_demo_figure",
      "pr.status",
      "bn.names as boroughs",
      "cats.categories",
      sql<number>`coalesce(ps.pence, 0)`.as("partnerPence"),
    ]);
  query = "proposalId" in scope ? query.where("pr.id", "=", scope.proposalId) : query.where("pr.first_submitted_at", "is not", null);
  const rows = await query.orderBy("bn.names").orderBy("pr.id").orderBy("p.position").orderBy("p.id").orderBy("y.position").execute();
  return rows.map(({ co_commissioning_candidate, is_demo_figure, ...row }) => ({
    ...row,
    boroughs: row.boroughs ?? "",
    coCommissioningCandidate: co_commissioning_candidate === 1,
    isDemoFigure: is_demo_figure === 1,
  }));
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
      sql<string>`coalesce(max(pa.name), group_concat(o.name, ' and '))`.as("name"),
      sql<number>`coalesce(sum(a.amount_pence), 0)`.as("amountPence"),
      sql<number>`count(a.id)`.as("allocationCount"),
      sql<number>`count(*)`.as("boroughCount"),
      sql<number>`coalesce(max(a.is_demo_figure), 0)`.as("isDemo"),
    ])
    .execute();
  return rows
    .map((row) => ({
      proposalId: row.proposalId,
      name: row.name,
      amountPence: row.allocationCount === row.boroughCount ? row.amountPence : null,
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
