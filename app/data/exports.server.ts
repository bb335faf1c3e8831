import { penceFromSum } from "~/domain/money";
import { sql } from "kysely";
import type { DB } from "../../db/connection";
import { decisionTable, type DecisionTable } from "~/domain/decision";
import type { ProjectYearRow } from "~/domain/project-export";
import { jsonFunctions, parsedJson } from "./json.server";

/**
 * What the exports and the decision table read. Each is one set-based statement however many
 * boroughs or projects there are: lists hung off a row (categories, boroughs) are aggregated in
 * SQL, never fetched one row at a time.
 */

/** A row of the project exports (the columns' shape, in project-export) and where it sorts. */
export type ExportRow = ProjectYearRow & {
  proposalId: number;
  projectId: number;
  yearPosition: number;
  projectPosition: number;
};

type Scope = { proposalId: number } | { reachedMopac: true };

/** A project as the export query gives it (see exportRows). */
type ProjectJson = [
  id: number,
  proposalId: number,
  position: number,
  title: string,
  primaryPriority: string | null,
  secondaryPriority: string | null,
  deliveryType: string | null,
  provider: string | null,
  coCommissioningCandidate: number,
  categories: string | null,
];
/** A project's costs in one year. */
type CostJson = [projectId: number, financialYearId: number, lcpfPence: number, laCashPence: number, isDemoFigure: number];
/** One partner's funding of a project in one year. */
type PartnerJson = [projectId: number, financialYearId: number, amountPence: number];
type YearJson = [id: number, label: string, position: number];

/**
 * One row per project per year, for one proposal or for every proposal that has reached MOPAC. Three
 * set-based statements (proposals, member boroughs, then projects with their costs), put together
 * here: a project's text is read once, not once per year. A joint proposal's projects appear once,
 * under all its boroughs (the lead first), so no amount is counted twice; the lead borough has a
 * column of its own.
 *
 * The projects, their yearly costs, their partners' funding and the years come as JSON
 * documents the database builds, in one statement (see json.server.ts): reading a thousand rows of a
 * dozen columns cell by cell cost most of the London export's time.
 */
export async function exportRows(db: DB, scope: Scope): Promise<ExportRow[]> {
  const proposalsInScope = db
    .selectFrom("proposals as sc")
    .select("sc.id")
    .where((eb) =>
      "proposalId" in scope ? eb("sc.id", "=", scope.proposalId) : eb("sc.first_submitted_at", "is not", null),
    );
  const { array, agg } = jsonFunctions(db);
  const projectsDocument = sql<string | ProjectJson[] | null>`(
    select ${agg}(${array}(
      p.id, p.proposal_id, p.position, p.title, pp.name, sp.name, p.delivery_type, p.provider,
      p.co_commissioning_candidate,
      (select string_agg(pc.category, ',') from project_categories pc where pc.project_id = p.id)
    ))
    from projects p
    left join priorities pp on pp.id = p.primary_priority_id
    left join priorities sp on sp.id = p.secondary_priority_id
    where p.proposal_id in ${proposalsInScope}
  )`;
  const costsDocument = sql<string | CostJson[] | null>`(
    select ${agg}(${array}(c.project_id, c.financial_year_id, c.lcpf_pence, c.la_cash_pence, c.is_demo_figure))
    from project_costs c
    where c.project_id in (select p.id from projects p where p.proposal_id in ${proposalsInScope})
  )`;
  // Each partner's amount, added up here: a sum per cost row, looked up by the database, took three times as long.
  const partnersDocument = sql<string | PartnerJson[] | null>`(
    select ${agg}(${array}(pcn.project_id, a.financial_year_id, a.amount_pence))
    from project_contributors pcn
    inner join project_contributor_amounts a on a.contributor_id = pcn.id
    where pcn.kind = 'partner'
      and pcn.project_id in (select p.id from projects p where p.proposal_id in ${proposalsInScope})
  )`;
  const yearsDocument = sql<string | YearJson[] | null>`(
    select ${agg}(${array}(y.id, y.label, y.position)) from financial_years y
  )`;

  const [proposals, members, documents] = await Promise.all([
    db
      .selectFrom("proposals as pr")
      .innerJoin("funding_periods as fp", "fp.id", "pr.funding_period_id")
      .select(["pr.id", "pr.status", "pr.lead_organisation_id", "fp.name as periodName"])
      .where("pr.id", "in", proposalsInScope)
      .execute(),
    db
      .selectFrom("proposal_boroughs as pb")
      .innerJoin("organisations as o", "o.id", "pb.organisation_id")
      .select(["pb.proposal_id", "pb.organisation_id", "o.name"])
      .where("pb.proposal_id", "in", proposalsInScope)
      .orderBy("o.name")
      .execute(),
    db
      .selectNoFrom([
        projectsDocument.as("projects"),
        costsDocument.as("costs"),
        partnersDocument.as("partners"),
        yearsDocument.as("years"),
      ])
      .executeTakeFirstOrThrow(),
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

  const years = new Map(parsedJson(documents.years).map(([id, label, position]) => [id, { label, position }]));
  const partnerPence = new Map<string, number>();
  for (const [projectId, financialYearId, amountPence] of parsedJson(documents.partners)) {
    const key = `${projectId}:${financialYearId}`;
    partnerPence.set(key, wholePence((partnerPence.get(key) ?? 0) + amountPence, "Partner funding"));
  }
  const costsOf = new Map<number, CostJson[]>();
  for (const cost of parsedJson(documents.costs)) {
    const list = costsOf.get(cost[0]);
    if (list) list.push(cost);
    else costsOf.set(cost[0], [cost]);
  }

  const rows: ExportRow[] = [];
  for (const project of parsedJson(documents.projects)) {
    const [id, proposalId, position, title, primaryPriority, secondaryPriority, deliveryType, provider, candidate] =
      project;
    const proposal = proposalOf.get(proposalId);
    if (!proposal) continue;
    const boroughs = boroughNames.get(proposal.id) ?? "";
    for (const [, financialYearId, lcpfPence, laCashPence, isDemoFigure] of costsOf.get(id) ?? []) {
      const year = years.get(financialYearId)!;
      rows.push({
        proposalId: proposal.id,
        projectId: id,
        boroughs,
        leadBorough: proposal.leadBorough,
        periodName: proposal.periodName,
        yearLabel: year.label,
        yearPosition: year.position,
        projectPosition: position,
        title,
        primaryPriority,
        secondaryPriority,
        categories: project[9],
        deliveryType,
        provider,
        coCommissioningCandidate: candidate === 1,
        lcpfPence: wholePence(lcpfPence, `Project ${id}'s LCPF amount`),
        laCashPence: wholePence(laCashPence, `Project ${id}'s council cash`),
        partnerPence: partnerPence.get(`${id}:${financialYearId}`) ?? 0,
        status: proposal.status,
        isDemoFigure: isDemoFigure === 1,
      });
    }
  }
  // By borough names then proposal, then each proposal's projects in position order and their years in order.
  // Sorted here rather than by the database: sorting inside its JSON aggregates took it longer than this.
  const order = new Map(
    [...proposalOf.values()]
      .sort((a, b) => compareText(boroughNames.get(a.id) ?? "", boroughNames.get(b.id) ?? "") || a.id - b.id)
      .map((p, index) => [p.id, index]),
  );
  return rows.sort(
    (a, b) =>
      order.get(a.proposalId)! - order.get(b.proposalId)! ||
      a.projectPosition - b.projectPosition ||
      a.projectId - b.projectId ||
      a.yearPosition - b.yearPosition,
  );
}

/** An amount read from JSON, where the database's integer type no longer vouches for it. */
function wholePence(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of pence, got ${value}`);
  return value;
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
