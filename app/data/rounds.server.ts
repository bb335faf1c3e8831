import type { DB } from "../../db/connection";
import { prepared } from "../../db/prepared";
import type { SplitRule } from "~/domain/split";

export type FundingYear = {
  id: number;
  label: string;
  position: number;
  periodId: number;
  periodNumber: number;
  periodName: string;
  roundId: number;
  roundName: string;
};

/** The financial years of one funding period, in order. */
export const yearsOfPeriod = prepared((db: DB, periodId: number) =>
  db
    .selectFrom("financial_years")
    .select(["id", "label", "position", "funding_period_id"])
    .where("funding_period_id", "=", periodId)
    .orderBy("position"),
);

export type YearAllocation = FundingYear & {
  allocationPence: number | null;
  upliftPence: number | null;
  isDemoFigure: boolean;
  source: string | null;
  /** The round's split, so no caller needs a query per round to apply it. */
  splitRule: SplitRule;
};

/** Every financial year of every round, with one borough's allocation where MOPAC has set it and the round's split, in one query. */
export async function allocationsForBorough(db: DB, organisationId: number): Promise<YearAllocation[]> {
  const rows = await db
    .selectFrom("financial_years as y")
    .innerJoin("funding_periods as p", "p.id", "y.funding_period_id")
    .innerJoin("funding_rounds as r", "r.id", "y.funding_round_id")
    .leftJoin("allocations as a", (join) =>
      join.onRef("a.financial_year_id", "=", "y.id").on("a.organisation_id", "=", organisationId),
    )
    .select([
      "y.id",
      "y.label",
      "y.position",
      "p.id as periodId",
      "p.number as periodNumber",
      "p.name as periodName",
      "r.id as roundId",
      "r.name as roundName",
      "r.co_commissioned_percent",
      "r.split_from_year_position",
      "a.amount_pence",
      "a.uplift_pence",
      "a.is_demo_figure",
      "a.source",
    ])
    .orderBy("r.id")
    .orderBy("y.position")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    position: row.position,
    periodId: row.periodId,
    periodNumber: row.periodNumber,
    periodName: row.periodName,
    roundId: row.roundId,
    roundName: row.roundName,
    allocationPence: row.amount_pence,
    upliftPence: row.uplift_pence,
    isDemoFigure: row.is_demo_figure === 1,
    source: row.source,
    splitRule: { coCommissionedPercent: row.co_commissioned_percent, splitFromYearPosition: row.split_from_year_position },
  }));
}
