/**
 * Whether a borough can usefully start a proposal for a funding period: only once MOPAC has set its
 * allocation for every year of the period. Without one, the proposal could be drafted in full but never
 * sent (the envelope cannot be checked), so the borough is told before it starts, not at the end.
 */

export type PeriodYearAllocation = { periodId: number; label: string; allocationPence: number | null };

export type PeriodReadiness = { ready: true } | { ready: false; missingYears: string[]; reason: string };

export const CONTACT_MOPAC = "Contact MOPAC’s LCPF team";

export function periodReadiness(periodId: number, years: readonly PeriodYearAllocation[]): PeriodReadiness {
  const ofPeriod = years.filter((y) => y.periodId === periodId);
  const missingYears = ofPeriod.filter((y) => y.allocationPence === null).map((y) => y.label);
  if (ofPeriod.length > 0 && missingYears.length === 0) return { ready: true };
  const which = missingYears.length > 0 ? missingYears.join(", ") : "this period";
  return {
    ready: false,
    missingYears,
    reason: `MOPAC has not set your borough’s allocation for ${which} yet, so a proposal for this period could not be sent. ${CONTACT_MOPAC} to ask when it will be set.`,
  };
}
