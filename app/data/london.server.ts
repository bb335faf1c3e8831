import { sql } from "kysely";
import { penceFromSum } from "~/domain/money";
import type { DB } from "../../db/connection";
import { prepared } from "../../db/prepared";
import {
  boroughSortValue,
  isBoroughColumn,
  londonBoroughs,
  londonCoCommissioning,
  sortRows,
  type BoroughColumn,
  type LondonCandidate,
  type LondonCost,
  type LondonInput,
  type SortDirection,
} from "~/domain/london";
import { jsonFunctions, parsedJson } from "./json.server";
import { referenceLists } from "./proposals.server";
import { boroughList } from "./reviews.server";
import { yearsOfPeriod } from "./rounds.server";

/** One project's costs in one year, with its proposal and primary priority. */
type PlanJson = [
  proposalId: number,
  primaryPriorityId: number | null,
  financialYearId: number,
  lcpfPence: number | string,
  laCashPence: number | string,
  isDemo: number,
];

export type RoundYear = {
  financialYearId: number;
  label: string;
  position: number;
  periodId: number;
  roundId: number;
  roundName: string;
};

export type LondonChoice = { roundId: number; financialYearId: number };

/** Every financial year of every round, in round order: what the round and year selects offer. */
export const roundYears: (db: DB) => Promise<RoundYear[]> = prepared((db: DB) =>
  db
    .selectFrom("financial_years as y")
    .innerJoin("funding_rounds as r", "r.id", "y.funding_round_id")
    .select(["y.id as financialYearId", "y.label", "y.position", "y.funding_period_id as periodId", "r.id as roundId", "r.name as roundName"])
    .orderBy("r.id")
    .orderBy("y.position"),
);

/**
 * The year a person asked for, when it is one of the round's; otherwise the round's first year. An
 * unknown round falls back to the first round. Anything typed into the query string lands on a real year.
 */
export function chooseYear(years: readonly RoundYear[], asked: { round: string | null; year: string | null }): RoundYear | null {
  const roundId = Number(asked.round);
  const inRound = years.filter((y) => y.roundId === roundId);
  const candidates = inRound.length > 0 ? inRound : years.filter((y) => y.roundId === years[0]?.roundId);
  return candidates.find((y) => String(y.financialYearId) === asked.year) ?? candidates[0] ?? null;
}

/** The London view's pages: each loads only what it shows. */
export const LONDON_PAGES = ["boroughs", "priorities", "co-commissioning", "measures"] as const;
export type LondonPage = (typeof LONDON_PAGES)[number];

type LondonPart = "allocations" | "proposals" | "plans" | "candidates" | "measures" | "lists";

/** What each page reads: the boroughs table needs no candidates, the chart no proposals, and so on. */
const PARTS_OF: Record<LondonPage | "all", ReadonlySet<LondonPart>> = {
  boroughs: new Set(["allocations", "proposals", "plans"]),
  priorities: new Set(["plans", "lists"]),
  // Allocations for London's pot; proposals to name each candidate's boroughs.
  "co-commissioning": new Set(["allocations", "proposals", "candidates", "lists"]),
  measures: new Set(["proposals", "measures", "lists"]),
  all: new Set(["allocations", "proposals", "plans", "candidates", "measures", "lists"]),
};

/** The rounds and the years of the chosen round the round and year selects offer, and the year chosen. */
export async function londonChoice(db: DB, search: URLSearchParams) {
  const years = await roundYears(db);
  const chosen = chooseYear(years, { round: search.get("round"), year: search.get("year") });
  const rounds = [...new Map(years.map((y) => [y.roundId, { id: y.roundId, name: y.roundName }])).values()];
  return { rounds, years: chosen ? years.filter((y) => y.roundId === chosen.roundId) : years, chosen };
}

/** The period's live proposals' projects: a subquery, so a joint proposal's projects are not repeated per member. */
function projectsOfPeriod(db: DB, periodId: number) {
  return db
    .selectFrom("projects as pr")
    .where((eb) =>
      eb(
        "pr.proposal_id",
        "in",
        eb.selectFrom("proposal_boroughs as pb").select("pb.proposal_id").where("pb.funding_period_id", "=", periodId).where("pb.active", "=", 1),
      ),
    );
}

// The London view's queries, each of one shape whatever the year: built and compiled once (db/prepared.ts).

const roundSettings = prepared((db: DB, roundId: number) =>
  db
    .selectFrom("funding_rounds")
    .select(["co_commissioned_percent", "split_from_year_position", "feedback_deadline"])
    .where("id", "=", roundId),
);

const periodAllocations = prepared((db: DB, periodId: number) =>
  db
    .selectFrom("allocations as a")
    .innerJoin("financial_years as y", "y.id", "a.financial_year_id")
    .select(["a.organisation_id", "a.financial_year_id", "a.amount_pence", "a.is_demo_figure"])
    .where("y.funding_period_id", "=", periodId),
);

const periodMemberships = prepared((db: DB, periodId: number) =>
  db
    .selectFrom("proposal_boroughs as pb")
    .innerJoin("proposals as p", "p.id", "pb.proposal_id")
    .leftJoin("users as rv", "rv.id", "p.assigned_reviewer_id")
    .select(["p.id", "pb.organisation_id", "p.lead_organisation_id", "p.status", "rv.name as reviewerName", "p.last_submitted_at"])
    .where("pb.funding_period_id", "=", periodId)
    .where("pb.active", "=", 1)
    .orderBy("p.id")
    .orderBy("pb.organisation_id"),
);

// Every project's spend in each year, added up per proposal, primary priority and year by londonInput:
// the rows and the chart need no more. A thousand rows, so read as one JSON document (see
// json.server.ts); SQLite took half as long again to group them itself.
const periodPlans = prepared((db: DB, periodId: number) => {
  const json = jsonFunctions(db);
  return db.selectNoFrom(
    sql<string | PlanJson[] | null>`(
      select ${json.agg}(${json.array}(
        g.proposal_id, g.primary_priority_id, g.financial_year_id, g.lcpf_pence, g.la_cash_pence, g.is_demo_figure
      ))
      from ${projectsOfPeriod(db, periodId)
        .innerJoin("project_costs as c", "c.project_id", "pr.id")
        .select(["pr.proposal_id", "pr.primary_priority_id", "c.financial_year_id", "c.lcpf_pence", "c.la_cash_pence", "c.is_demo_figure"])} as g
    )`.as("plans"),
  );
});

// Co-commissioning candidates one by one, with their spend in the chosen year.
const periodCandidates = prepared((db: DB, periodId: number, financialYearId: number) =>
  projectsOfPeriod(db, periodId)
    .leftJoin("project_costs as c", (join) =>
      join.onRef("c.project_id", "=", "pr.id").on("c.financial_year_id", "=", financialYearId),
    )
    .select(["pr.id", "pr.proposal_id", "pr.title", "pr.primary_priority_id", "pr.provider", "c.lcpf_pence", "c.is_demo_figure"])
    .where("pr.co_commissioning_candidate", "=", 1)
    .orderBy("pr.proposal_id")
    .orderBy("pr.position")
    .orderBy("pr.id"),
);

// Categories matter only to the grouping of co-commissioning candidates.
const candidateCategories = prepared((db: DB, periodId: number) =>
  projectsOfPeriod(db, periodId)
    .innerJoin("project_categories as pc", "pc.project_id", "pr.id")
    .select(["pc.project_id", "pc.category"])
    .where("pr.co_commissioning_candidate", "=", 1),
);

// Which mandatory measures each proposal addresses, once each.
const mandatoryMeasuresAddressed = prepared((db: DB, periodId: number) =>
  projectsOfPeriod(db, periodId)
    .innerJoin("project_measures as pm", "pm.project_id", "pr.id")
    .innerJoin("measures as m", "m.id", "pm.measure_id")
    .select(["pr.proposal_id as proposalId", "pm.measure_id as measureId"])
    .where("m.mandatory", "=", 1)
    .distinct(),
);

/**
 * What the London view needs for one year, in a fixed handful of set-based queries whatever the
 * number of boroughs or projects (none per borough, none per project). A page asks only for its own
 * part; what it does not ask for comes back empty.
 */
export async function londonInput(
  db: DB,
  chosen: RoundYear,
  today: string,
  page: LondonPage | "all" = "all",
): Promise<LondonInput> {
  const parts = PARTS_OF[page];
  const none = Promise.resolve([] as never[]);
  const { periodId, financialYearId } = chosen;

  const [[round], years, boroughs, allocations, memberships, [planDocument], candidateRows, categories, proposalMeasures, lists] =
    await Promise.all([
      roundSettings(db, chosen.roundId),
      yearsOfPeriod(db, periodId),
      boroughList(db),
      parts.has("allocations") ? periodAllocations(db, periodId) : none,
      parts.has("proposals") ? periodMemberships(db, periodId) : none,
      parts.has("plans") ? periodPlans(db, periodId) : [{ plans: null }],
      parts.has("candidates") ? periodCandidates(db, periodId, financialYearId) : none,
      parts.has("candidates") ? candidateCategories(db, periodId) : none,
      parts.has("measures") ? mandatoryMeasuresAddressed(db, periodId) : none,
      parts.has("lists") ? referenceLists(db) : Promise.resolve({ priorities: [], measures: [] }),
    ]);
  if (!round) throw new Error(`Round ${chosen.roundId} is gone`);
  const planRows = parsedJson(planDocument?.plans ?? null);

  const proposals = new Map<number, LondonInput["proposals"][number] & { boroughIds: number[] }>();
  for (const row of memberships) {
    const known = proposals.get(row.id);
    if (known) known.boroughIds.push(row.organisation_id);
    else
      proposals.set(row.id, {
        id: row.id,
        boroughIds: [row.organisation_id],
        leadBoroughId: row.lead_organisation_id,
        status: row.status,
        reviewerName: row.reviewerName,
        lastSubmittedAt: row.last_submitted_at,
      });
  }

  const plans = new Map<string, { proposalId: number; primaryPriorityId: number | null; costs: LondonCost[] }>();
  for (const [proposalId, primaryPriorityId, financialYearId, lcpfPence, laCashPence, isDemo] of planRows) {
    const key = `${proposalId}:${primaryPriorityId}`;
    let plan = plans.get(key);
    if (!plan) plans.set(key, (plan = { proposalId, primaryPriorityId, costs: [] }));
    let cost = plan.costs.find((c) => c.financialYearId === financialYearId);
    if (!cost) plan.costs.push((cost = { financialYearId, lcpfPence: 0, laCashPence: 0, isDemoFigure: false }));
    cost.lcpfPence += penceFromSum(lcpfPence, "LCPF spend");
    cost.laCashPence += penceFromSum(laCashPence, "Council cash");
    cost.isDemoFigure ||= Number(isDemo) === 1;
  }
  const categoriesOf = new Map<number, string[]>();
  for (const row of categories) {
    const list = categoriesOf.get(row.project_id);
    if (list) list.push(row.category);
    else categoriesOf.set(row.project_id, [row.category]);
  }

  return {
    years: years.map((y) => ({ financialYearId: y.id, label: y.label, position: y.position, periodId: y.funding_period_id, allocationPence: null })),
    financialYearId: chosen.financialYearId,
    boroughs,
    allocations: allocations.map((a) => ({
      boroughId: a.organisation_id,
      financialYearId: a.financial_year_id,
      pence: a.amount_pence,
      isDemoFigure: a.is_demo_figure === 1,
    })),
    proposals: [...proposals.values()],
    plans: [...plans.values()],
    candidates: candidateRows.map(
      (p): LondonCandidate => ({
        id: p.id,
        proposalId: p.proposal_id,
        title: p.title,
        primaryPriorityId: p.primary_priority_id,
        provider: p.provider,
        categories: categoriesOf.get(p.id) ?? [],
        pence: p.lcpf_pence ?? 0,
        isDemoFigure: p.is_demo_figure === 1,
      }),
    ),
    proposalMeasures,
    priorities: lists.priorities,
    measures: lists.measures,
    splitRule: { coCommissionedPercent: round.co_commissioned_percent, splitFromYearPosition: round.split_from_year_position },
    feedbackDeadline: round.feedback_deadline,
    today,
  };
}

/**
 * The boroughs page's figures: every borough's row sorted as asked (by borough name when the column
 * asked for is not one of the table's) and London's totals.
 */
export async function londonBoroughsPage(
  db: DB,
  search: URLSearchParams,
  today: string,
  direction: SortDirection,
) {
  const choice = await londonChoice(db, search);
  const askedSort = search.get("sort");
  const sort: BoroughColumn = isBoroughColumn(askedSort) ? askedSort : "borough";
  if (!choice.chosen) return { ...choice, view: null, sort, direction };
  const { rows, totals } = londonBoroughs(await londonInput(db, choice.chosen, today, "boroughs"));
  const sorted = sortRows(rows, (row) => boroughSortValue(row, sort), direction);
  return { ...choice, view: { rows: sorted, totals }, sort, direction };
}

/** The co-commissioning page's groups of candidates and London's pot for the year chosen. */
export async function londonCoCommissioningPage(db: DB, search: URLSearchParams, today: string) {
  const choice = await londonChoice(db, search);
  if (!choice.chosen) return { ...choice, view: null };
  return { ...choice, view: londonCoCommissioning(await londonInput(db, choice.chosen, today, "co-commissioning")) };
}
