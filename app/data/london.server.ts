import type { DB } from "../../db/connection";
import type { LondonInput, LondonProject } from "~/domain/london";
import { referenceLists } from "./proposals.server";

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
export async function roundYears(db: DB): Promise<RoundYear[]> {
  return db
    .selectFrom("financial_years as y")
    .innerJoin("funding_rounds as r", "r.id", "y.funding_round_id")
    .select(["y.id as financialYearId", "y.label", "y.position", "y.funding_period_id as periodId", "r.id as roundId", "r.name as roundName"])
    .orderBy("r.id")
    .orderBy("y.position")
    .execute();
}

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

/**
 * Everything the London view needs for one year, in a fixed handful of set-based queries whatever
 * the number of boroughs or projects (none per borough, none per project).
 */
export async function londonInput(db: DB, chosen: RoundYear, today: string): Promise<LondonInput> {
  const periodId = chosen.periodId;
  // The period's live proposals as a subquery, so a joint proposal's projects are not repeated per member.
  const projectsOfPeriod = db
    .selectFrom("projects as pr")
    .where((eb) =>
      eb(
        "pr.proposal_id",
        "in",
        eb.selectFrom("proposal_boroughs as pb").select("pb.proposal_id").where("pb.funding_period_id", "=", periodId).where("pb.active", "=", 1),
      ),
    );

  const [round, years, boroughs, allocations, memberships, projects, costs, categories, measureLinks, lists] = await Promise.all([
    db
      .selectFrom("funding_rounds")
      .select(["co_commissioned_percent", "split_from_year_position", "feedback_deadline"])
      .where("id", "=", chosen.roundId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("financial_years")
      .select(["id", "label", "position", "funding_period_id"])
      .where("funding_period_id", "=", periodId)
      .orderBy("position")
      .execute(),
    db.selectFrom("organisations").select(["id", "name"]).where("kind", "=", "borough").orderBy("name").execute(),
    db
      .selectFrom("allocations as a")
      .innerJoin("financial_years as y", "y.id", "a.financial_year_id")
      .select(["a.organisation_id", "a.financial_year_id", "a.amount_pence", "a.is_demo_figure"])
      .where("y.funding_period_id", "=", periodId)
      .execute(),
    db
      .selectFrom("proposal_boroughs as pb")
      .innerJoin("proposals as p", "p.id", "pb.proposal_id")
      .leftJoin("users as rv", "rv.id", "p.assigned_reviewer_id")
      .select([
        "p.id",
        "pb.organisation_id",
        "p.lead_organisation_id",
        "p.status",
        "rv.name as reviewerName",
        "p.last_submitted_at",
      ])
      .where("pb.funding_period_id", "=", periodId)
      .where("pb.active", "=", 1)
      .execute(),
    projectsOfPeriod
      .select([
        "pr.id",
        "pr.proposal_id",
        "pr.title",
        "pr.primary_priority_id",
        "pr.co_commissioning_candidate",
        "pr.provider",
      ])
      .orderBy("pr.proposal_id")
      .orderBy("pr.position")
      .orderBy("pr.id")
      .execute(),
    projectsOfPeriod
      .innerJoin("project_costs as c", "c.project_id", "pr.id")
      .select(["c.project_id", "c.financial_year_id", "c.lcpf_pence", "c.la_cash_pence", "c.is_demo_figure"])
      .execute(),
    // Categories matter only to the grouping of co-commissioning candidates.
    projectsOfPeriod
      .innerJoin("project_categories as pc", "pc.project_id", "pr.id")
      .select(["pc.project_id", "pc.category"])
      .where("pr.co_commissioning_candidate", "=", 1)
      .execute(),
    projectsOfPeriod.innerJoin("project_measures as pm", "pm.project_id", "pr.id").select(["pm.project_id", "pm.measure_id"]).execute(),
    referenceLists(db),
  ]);

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

  const byProject = <T extends { project_id: number }>(rows: readonly T[]) => {
    const map = new Map<number, T[]>();
    for (const row of rows) {
      const list = map.get(row.project_id);
      if (list) list.push(row);
      else map.set(row.project_id, [row]);
    }
    return map;
  };
  const costsOf = byProject(costs);
  const categoriesOf = byProject(categories);
  const measuresOf = byProject(measureLinks);

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
    projects: projects.map(
      (p): LondonProject => ({
        id: p.id,
        proposalId: p.proposal_id,
        title: p.title,
        primaryPriorityId: p.primary_priority_id,
        coCommissioningCandidate: p.co_commissioning_candidate === 1,
        provider: p.provider,
        categories: (categoriesOf.get(p.id) ?? []).map((c) => c.category),
        costs: (costsOf.get(p.id) ?? []).map((c) => ({
          financialYearId: c.financial_year_id,
          lcpfPence: c.lcpf_pence,
          laCashPence: c.la_cash_pence,
          isDemoFigure: c.is_demo_figure === 1,
        })),
        measureIds: (measuresOf.get(p.id) ?? []).map((m) => m.measure_id),
      }),
    ),
    priorities: lists.priorities,
    measures: lists.measures,
    splitRule: { coCommissionedPercent: round.co_commissioned_percent, splitFromYearPosition: round.split_from_year_position },
    feedbackDeadline: round.feedback_deadline,
    today,
  };
}
