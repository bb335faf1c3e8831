import { assertNonNegativePence } from "~/domain/money";
import { splitAllocation, type SplitAllocation, type SplitRule } from "~/domain/split";

/**
 * The envelope of a partnership's joint proposal, year by year. MOPAC allocates to the partnership
 * itself (as DMPCD 2015 96 does to Tri-borough) and may move part of each member borough's allocation
 * into it. Each of those amounts is split by the round's rule on its own BEFORE they are added up,
 * so the co-commissioned pot is rounded per borough, as it would have been had each borough bid alone:
 * the joint pot is the sum of the members' pots, never the pot of the sum.
 */

export type JointEnvelopePart = {
  /** "partnership" for the partnership's own allocation; "member" for a borough's share moved into it. */
  kind: "partnership" | "member";
  /** The organisation id of a member; null for the partnership's own allocation. */
  organisationId: number | null;
  /** What the breakdown names the row ("Tri-borough", "Westminster"). */
  name: string;
  amountPence: number;
};

export type JointEnvelopePartSplit = JointEnvelopePart & SplitAllocation;

export type JointYearSplit = {
  parts: JointEnvelopePartSplit[];
  /** The sum of the parts. */
  allocationPence: number;
  /** The sum of each part's direct funding. */
  directPence: number;
  /** The sum of each part's pot. */
  coCommissionedPence: number;
};

/** Splits each part of a year's joint allocation on its own, then sums: rounding happens per part. */
export function splitJointYear(
  parts: readonly JointEnvelopePart[],
  yearPosition: number,
  rule: SplitRule,
): JointYearSplit {
  const split = parts.map((part) => {
    assertNonNegativePence(part.amountPence, `the allocation of ${part.name}`);
    return { ...part, ...splitAllocation(part.amountPence, yearPosition, rule) };
  });
  return {
    parts: split,
    allocationPence: split.reduce((sum, part) => sum + part.amountPence, 0),
    directPence: split.reduce((sum, part) => sum + part.directPence, 0),
    coCommissionedPence: split.reduce((sum, part) => sum + part.coCommissionedPence, 0),
  };
}

/** Only the totals, for the envelope check (app/domain/proposal-checks.ts). */
export function splitJointAllocation(
  amounts: readonly number[],
  yearPosition: number,
  rule: SplitRule,
): SplitAllocation {
  const { directPence, coCommissionedPence } = splitJointYear(
    amounts.map((amountPence, index) => ({
      kind: "member",
      organisationId: null,
      name: `part ${index + 1}`,
      amountPence,
    })),
    yearPosition,
    rule,
  );
  return { directPence, coCommissionedPence };
}

export type JointEnvelopeYearInput = {
  financialYearId: number;
  label: string;
  position: number;
  /** Null while MOPAC has not set the partnership's allocation for the year. */
  parts: readonly JointEnvelopePart[] | null;
};

export type JointEnvelopeYear = {
  financialYearId: number;
  label: string;
  split: JointYearSplit | null;
};

/** The per-borough breakdown the proposal pages show, for each year of the period. */
export function jointEnvelope(years: readonly JointEnvelopeYearInput[], rule: SplitRule): JointEnvelopeYear[] {
  return [...years]
    .sort((a, b) => a.position - b.position)
    .map((year) => ({
      financialYearId: year.financialYearId,
      label: year.label,
      split: year.parts === null ? null : splitJointYear(year.parts, year.position, rule),
    }));
}
