import { assertNonNegativePence } from "~/domain/money";

/**
 * The direct-funding envelope of a borough's proposal, year by year.
 *
 * Rollover goes forward only, and only between years of the same funding period: what a
 * year leaves unplanned is available to the next year of its period, never to an earlier
 * year and never to the next period. Money of a later year never pays for an earlier one,
 * so a year that is over stays over whatever room later years have.
 */

export type EnvelopeYearInput = {
  financialYearId: number;
  label: string;
  periodId: number;
  /** Direct funding for the year (allocation minus the co-commissioned pot); null while MOPAC has not set it. */
  directFundingPence: number | null;
  /** What the proposal plans to spend from direct funding in the year. */
  plannedDirectPence: number;
};

export type EnvelopeYear = EnvelopeYearInput & {
  /** This year's direct funding has been set. */
  allocationSet: boolean;
  /**
   * This year and every earlier year of its period have their funding set, so its figures
   * mean something. When false, the five figures below are all 0: a missing allocation
   * leaves unknown what rolls into the rest of its period.
   */
  assessable: boolean;
  /** What the earlier years of the same period left unplanned; 0 in a period's first year. */
  carriedInPence: number;
  /** Direct funding plus what was carried in. */
  availablePence: number;
  /** What is left of the available funding after this year's plan. */
  remainingPence: number;
  /**
   * By how much this year's plan exceeds what is available to it. In the first year of a
   * period to go over this is exactly how far the period's cumulative plan exceeds its
   * cumulative funding; a later year counts only its own excess, so one over-planned
   * penny is reported once, against the year that planned it. Summed over a period's years
   * up to any year y it equals the largest cumulative excess of any prefix up to y: the
   * least that must be cut to make those years fit.
   */
  overByPence: number;
  /** What goes into the next year: remainingPence when another year of the same period follows, else 0. */
  carriedOutPence: number;
};

/** The figures of an assessed year. */
type YearFigures = Pick<
  EnvelopeYear,
  "carriedInPence" | "availablePence" | "remainingPence" | "overByPence" | "carriedOutPence"
>;

const NOT_ASSESSED: YearFigures = {
  carriedInPence: 0,
  availablePence: 0,
  remainingPence: 0,
  overByPence: 0,
  carriedOutPence: 0,
};

/** Assesses each year, in the order given (the financial years' order). */
export function assessEnvelope(years: readonly EnvelopeYearInput[]): EnvelopeYear[] {
  const lastIndexOfPeriod = new Map<number, number>();
  years.forEach((year, index) => {
    assertNonNegativePence(year.plannedDirectPence, `plannedDirectPence of ${year.label}`);
    if (year.directFundingPence !== null) {
      assertNonNegativePence(year.directFundingPence, `directFundingPence of ${year.label}`);
    }
    lastIndexOfPeriod.set(year.periodId, index);
  });

  // Per period: what rolls into its next year, or null once a missing allocation stops the assessment.
  const carryByPeriod = new Map<number, number | null>();

  return years.map((year, index) => {
    const allocationSet = year.directFundingPence !== null;
    const carriedIn = carryByPeriod.has(year.periodId) ? (carryByPeriod.get(year.periodId) ?? null) : 0;

    if (year.directFundingPence === null || carriedIn === null) {
      carryByPeriod.set(year.periodId, null);
      return assessed(year, allocationSet, false, NOT_ASSESSED);
    }

    const availablePence = year.directFundingPence + carriedIn;
    const remainingPence = Math.max(0, availablePence - year.plannedDirectPence);
    const overByPence = Math.max(0, year.plannedDirectPence - availablePence);
    const carriedOutPence = index < (lastIndexOfPeriod.get(year.periodId) ?? index) ? remainingPence : 0;
    carryByPeriod.set(year.periodId, carriedOutPence);

    return assessed(year, allocationSet, true, {
      carriedInPence: carriedIn,
      availablePence,
      remainingPence,
      overByPence,
      carriedOutPence,
    });
  });
}

/**
 * A year and its figures, every field written out: V8 (Node 20) builds `{ ...year, more fields }` a
 * hundred times slower than this, and the London view assesses every borough's years on each request.
 */
function assessed(
  year: EnvelopeYearInput,
  allocationSet: boolean,
  assessable: boolean,
  figures: YearFigures,
): EnvelopeYear {
  return {
    financialYearId: year.financialYearId,
    label: year.label,
    periodId: year.periodId,
    directFundingPence: year.directFundingPence,
    plannedDirectPence: year.plannedDirectPence,
    allocationSet,
    assessable,
    carriedInPence: figures.carriedInPence,
    availablePence: figures.availablePence,
    remainingPence: figures.remainingPence,
    overByPence: figures.overByPence,
    carriedOutPence: figures.carriedOutPence,
  };
}
