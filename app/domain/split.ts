import { assertNonNegativePence } from "~/domain/money";

/**
 * How a funding round divides each year's allocation. It belongs to the round (an admin
 * setting), so callers pass it in rather than this module assuming 70/30.
 */
export type SplitRule = {
  /** Whole percent of the allocation top-sliced for co-commissioned services, 0..100. */
  coCommissionedPercent: number;
  /** 1-based position within the round of the first financial year the split applies to. */
  splitFromYearPosition: number;
};

/** LCPF 2017-21: 2017/18 is all direct; from 2018/19, 30% is co-commissioned. */
export const LCPF_2017_21_SPLIT_RULE: SplitRule = { coCommissionedPercent: 30, splitFromYearPosition: 2 };

export type SplitAllocation = { directPence: number; coCommissionedPence: number };

export function assertSplitRule(rule: SplitRule): void {
  const { coCommissionedPercent, splitFromYearPosition } = rule;
  if (!Number.isInteger(coCommissionedPercent) || coCommissionedPercent < 0 || coCommissionedPercent > 100) {
    throw new RangeError(`coCommissionedPercent must be a whole number from 0 to 100, got ${coCommissionedPercent}`);
  }
  if (!Number.isInteger(splitFromYearPosition) || splitFromYearPosition < 1) {
    throw new RangeError(`splitFromYearPosition must be a whole number of at least 1, got ${splitFromYearPosition}`);
  }
}

export function splitApplies(yearPosition: number, rule: SplitRule): boolean {
  if (!Number.isInteger(yearPosition) || yearPosition < 1) {
    throw new RangeError(`yearPosition must be a whole number of at least 1, got ${yearPosition}`);
  }
  assertSplitRule(rule);
  return yearPosition >= rule.splitFromYearPosition;
}

/**
 * Divides one year's allocation into direct borough funding and the co-commissioned pot.
 * The pot is rounded to the nearest penny, halves up; direct funding is the rest, so the
 * two always add up to the allocation exactly.
 */
export function splitAllocation(allocationPence: number, yearPosition: number, rule: SplitRule): SplitAllocation {
  assertNonNegativePence(allocationPence, "allocationPence");
  if (!splitApplies(yearPosition, rule)) return { directPence: allocationPence, coCommissionedPence: 0 };

  // The product must stay exact; real allocations (at most £100m, 1e12 here) are far below the limit.
  if (allocationPence > Math.floor(Number.MAX_SAFE_INTEGER / 100)) {
    throw new RangeError(`allocationPence is too large to split exactly, got ${allocationPence}`);
  }
  const hundredthsOfPence = allocationPence * rule.coCommissionedPercent;
  const remainder = hundredthsOfPence % 100;
  const coCommissionedPence = (hundredthsOfPence - remainder) / 100 + (remainder >= 50 ? 1 : 0);
  return { directPence: allocationPence - coCommissionedPence, coCommissionedPence };
}
