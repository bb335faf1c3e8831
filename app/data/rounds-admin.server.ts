import type { Transaction } from "kysely";
import { type DB, inTransaction } from "../../db/connection";
import type { Database } from "../../db/schema";
import { planRoundYears, type SplitChangeProposal } from "~/domain/rounds";
import type { SplitRule } from "~/domain/split";

/** Funding rounds as MOPAC's admins set them up: the list, one round's settings, creating and changing. */

const stamp = () => new Date().toISOString();

export type RoundSummary = {
  id: number;
  name: string;
  years: string[];
  proposalDeadline: string | null;
  feedbackDeadline: string | null;
  coCommissionedPercent: number;
  splitFromYearPosition: number;
  proposalCount: number;
};

/** Every round, newest first, with its years and how many proposals it holds: three queries in all. */
export async function listRounds(db: DB): Promise<RoundSummary[]> {
  const [rounds, years] = await Promise.all([
    db
      .selectFrom("funding_rounds as r")
      .select((eb) => [
        "r.id",
        "r.name",
        "r.proposal_deadline",
        "r.feedback_deadline",
        "r.co_commissioned_percent",
        "r.split_from_year_position",
        eb
          .selectFrom("proposals as p")
          .innerJoin("funding_periods as fp", "fp.id", "p.funding_period_id")
          .select((inner) => inner.fn.countAll<number>().as("n"))
          .whereRef("fp.funding_round_id", "=", "r.id")
          .as("proposalCount"),
      ])
      .orderBy("r.id", "desc")
      .execute(),
    db.selectFrom("financial_years").select(["funding_round_id", "label"]).orderBy("position").execute(),
  ]);
  return rounds.map((r) => ({
    id: r.id,
    name: r.name,
    years: years.filter((y) => y.funding_round_id === r.id).map((y) => y.label),
    proposalDeadline: r.proposal_deadline,
    feedbackDeadline: r.feedback_deadline,
    coCommissionedPercent: r.co_commissioned_percent,
    splitFromYearPosition: r.split_from_year_position,
    proposalCount: r.proposalCount ?? 0,
  }));
}

export type RoundSettings = {
  name: string;
  coCommissionedPercent: number;
  splitFromYearPosition: number;
  proposalDeadline: string | null;
  feedbackDeadline: string | null;
  firstYear: number;
  yearCount: number;
  yearsPerPeriod: number;
  /** Empty means the standard list: every priority (measure) there is. */
  priorityIds: number[];
  measureIds: number[];
};

export type RoundDetail = RoundSettings & {
  id: number;
  years: { id: number; label: string; position: number; periodNumber: number }[];
  periods: { id: number; number: number; name: string }[];
  proposalCount: number;
  allocationCount: number;
};

/** One round as its settings form shows it, or undefined. */
export async function findRound(db: DB, roundId: number): Promise<RoundDetail | undefined> {
  const round = await db.selectFrom("funding_rounds").selectAll().where("id", "=", roundId).executeTakeFirst();
  if (!round) return undefined;
  const [periods, years, priorities, measures, counts] = await Promise.all([
    db.selectFrom("funding_periods").select(["id", "number", "name"]).where("funding_round_id", "=", roundId).orderBy("number").execute(),
    db
      .selectFrom("financial_years as y")
      .innerJoin("funding_periods as p", "p.id", "y.funding_period_id")
      .select(["y.id", "y.label", "y.position", "y.starts_on", "p.number as periodNumber"])
      .where("y.funding_round_id", "=", roundId)
      .orderBy("y.position")
      .execute(),
    db.selectFrom("round_priorities").select("priority_id").where("funding_round_id", "=", roundId).execute(),
    db.selectFrom("round_measures").select("measure_id").where("funding_round_id", "=", roundId).execute(),
    db
      .selectNoFrom((eb) => [
        eb
          .selectFrom("proposals as p")
          .innerJoin("funding_periods as fp", "fp.id", "p.funding_period_id")
          .select((inner) => inner.fn.countAll<number>().as("n"))
          .where("fp.funding_round_id", "=", roundId)
          .as("proposals"),
        eb
          .selectFrom("allocations as a")
          .innerJoin("financial_years as fy", "fy.id", "a.financial_year_id")
          .select((inner) => inner.fn.countAll<number>().as("n"))
          .where("fy.funding_round_id", "=", roundId)
          .as("allocations"),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const firstYear = years[0] ? Number(years[0].starts_on.slice(0, 4)) : new Date().getUTCFullYear();
  return {
    id: round.id,
    name: round.name,
    coCommissionedPercent: round.co_commissioned_percent,
    splitFromYearPosition: round.split_from_year_position,
    proposalDeadline: round.proposal_deadline,
    feedbackDeadline: round.feedback_deadline,
    firstYear,
    yearCount: years.length,
    yearsPerPeriod: Math.max(1, years.filter((y) => y.periodNumber === 1).length),
    priorityIds: priorities.map((p) => p.priority_id),
    measureIds: measures.map((m) => m.measure_id),
    years: years.map((y) => ({ id: y.id, label: y.label, position: y.position, periodNumber: y.periodNumber })),
    periods,
    proposalCount: counts.proposals ?? 0,
    allocationCount: counts.allocations ?? 0,
  };
}

/** A round's years and periods can change only while nothing hangs off them. */
export function yearsCanChange(round: Pick<RoundDetail, "proposalCount" | "allocationCount">): boolean {
  return round.proposalCount === 0 && round.allocationCount === 0;
}

export type SaveRoundResult = { ok: true; roundId: number } | { ok: false; field: string; message: string };

async function nameTaken(tx: Transaction<Database> | DB, name: string, exceptId: number | null): Promise<boolean> {
  let query = tx.selectFrom("funding_rounds").select("id").where("name", "=", name);
  if (exceptId !== null) query = query.where("id", "!=", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

async function writeYears(tx: Transaction<Database>, roundId: number, settings: RoundSettings): Promise<void> {
  const now = stamp();
  const plan = planRoundYears(settings.firstYear, settings.yearCount, settings.yearsPerPeriod);
  const periodIds = new Map<number, number>();
  for (const period of plan.periods) {
    const { id } = await tx
      .insertInto("funding_periods")
      .values({ funding_round_id: roundId, number: period.number, name: period.name, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    periodIds.set(period.number, id);
  }
  await tx
    .insertInto("financial_years")
    .values(
      plan.years.map((y) => ({
        funding_round_id: roundId,
        funding_period_id: periodIds.get(y.period)!,
        position: y.position,
        label: y.label,
        starts_on: y.startsOn,
        ends_on: y.endsOn,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

async function writeLists(tx: Transaction<Database>, roundId: number, settings: RoundSettings): Promise<void> {
  const now = stamp();
  await tx.deleteFrom("round_priorities").where("funding_round_id", "=", roundId).execute();
  await tx.deleteFrom("round_measures").where("funding_round_id", "=", roundId).execute();
  if (settings.priorityIds.length > 0)
    await tx
      .insertInto("round_priorities")
      .values(settings.priorityIds.map((id) => ({ funding_round_id: roundId, priority_id: id, created_at: now })))
      .execute();
  if (settings.measureIds.length > 0)
    await tx
      .insertInto("round_measures")
      .values(settings.measureIds.map((id) => ({ funding_round_id: roundId, measure_id: id, created_at: now })))
      .execute();
}

export async function createRound(db: DB, settings: RoundSettings): Promise<SaveRoundResult> {
  return inTransaction(db, async (tx) => {
    if (await nameTaken(tx, settings.name, null))
      return { ok: false, field: "name", message: "A funding round with this name already exists: choose another name" };
    const now = stamp();
    const { id } = await tx
      .insertInto("funding_rounds")
      .values({
        name: settings.name,
        co_commissioned_percent: settings.coCommissionedPercent,
        split_from_year_position: settings.splitFromYearPosition,
        proposal_deadline: settings.proposalDeadline,
        feedback_deadline: settings.feedbackDeadline,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await writeYears(tx, id, settings);
    await writeLists(tx, id, settings);
    return { ok: true, roundId: id };
  });
}

/**
 * Changes a round's settings. Its years and periods are rewritten only when they changed and nothing
 * hangs off them yet (checked again here, inside the transaction, not just on the page).
 */
export async function updateRound(db: DB, roundId: number, settings: RoundSettings): Promise<SaveRoundResult> {
  return inTransaction(db, async (tx) => {
    if (await nameTaken(tx, settings.name, roundId))
      return { ok: false, field: "name", message: "A funding round with this name already exists: choose another name" };
    const current = await findRound(tx, roundId);
    if (!current) return { ok: false, field: "name", message: "This funding round no longer exists" };
    const yearsChanged =
      current.firstYear !== settings.firstYear ||
      current.yearCount !== settings.yearCount ||
      current.yearsPerPeriod !== settings.yearsPerPeriod;
    if (yearsChanged) {
      if (!yearsCanChange(current))
        return {
          ok: false,
          field: "firstYear",
          message: "The years cannot change: the round already has proposals or allocations",
        };
      await tx.deleteFrom("pending_allocation_imports").where("funding_round_id", "=", roundId).execute();
      await tx.deleteFrom("financial_years").where("funding_round_id", "=", roundId).execute();
      await tx.deleteFrom("funding_periods").where("funding_round_id", "=", roundId).execute();
      await writeYears(tx, roundId, settings);
    }
    await tx
      .updateTable("funding_rounds")
      .set({
        name: settings.name,
        co_commissioned_percent: settings.coCommissionedPercent,
        split_from_year_position: settings.splitFromYearPosition,
        proposal_deadline: settings.proposalDeadline,
        feedback_deadline: settings.feedbackDeadline,
        updated_at: stamp(),
      })
      .where("id", "=", roundId)
      .execute();
    await writeLists(tx, roundId, settings);
    return { ok: true, roundId };
  });
}

/**
 * The round's proposals that have reached MOPAC (and were not withdrawn), one entry per borough of
 * each, with that borough's allocation for each year of the proposal's period: what a new split would
 * change. Two queries, whatever the number of proposals.
 */
export async function submittedProposalEnvelopes(db: DB, roundId: number): Promise<SplitChangeProposal[]> {
  const proposals = await db
    .selectFrom("proposals as p")
    .innerJoin("funding_periods as fp", "fp.id", "p.funding_period_id")
    .innerJoin("proposal_boroughs as pb", "pb.proposal_id", "p.id")
    .innerJoin("organisations as o", "o.id", "pb.organisation_id")
    .select(["p.id as proposalId", "p.funding_period_id as periodId", "fp.name as periodName", "o.id as boroughId", "o.name as boroughName"])
    .where("fp.funding_round_id", "=", roundId)
    .where("p.first_submitted_at", "is not", null)
    .where("p.status", "!=", "withdrawn")
    .orderBy("o.name")
    .orderBy("fp.number")
    .execute();
  if (proposals.length === 0) return [];
  const years = await db
    .selectFrom("financial_years as y")
    .leftJoin("allocations as a", "a.financial_year_id", "y.id")
    .select(["y.id", "y.label", "y.position", "y.funding_period_id as periodId", "a.organisation_id", "a.amount_pence"])
    .where("y.funding_round_id", "=", roundId)
    .orderBy("y.position")
    .execute();
  return proposals.map((p) => {
    const ofPeriod = years.filter((y) => y.periodId === p.periodId);
    const labels = [...new Map(ofPeriod.map((y) => [y.id, y])).values()];
    return {
      proposalId: p.proposalId,
      name: `${p.boroughName}, ${p.periodName}`,
      years: labels.map((y) => ({
        label: y.label,
        position: y.position,
        allocationPence: ofPeriod.find((a) => a.id === y.id && a.organisation_id === p.boroughId)?.amount_pence ?? null,
      })),
    };
  });
}

/** The split a round has now. */
export function splitOf(round: Pick<RoundSettings, "coCommissionedPercent" | "splitFromYearPosition">): SplitRule {
  return { coCommissionedPercent: round.coCommissionedPercent, splitFromYearPosition: round.splitFromYearPosition };
}

/** Every priority and measure there is, for a round's settings to choose from. */
export async function standardLists(db: DB) {
  const [priorities, measures] = await Promise.all([
    db.selectFrom("priorities").select(["id", "name"]).orderBy("position").execute(),
    db.selectFrom("measures").select(["id", "name", "group_name"]).orderBy("position").execute(),
  ]);
  return { priorities, measures: measures.map((m) => ({ id: m.id, name: m.name, group: m.group_name })) };
}
