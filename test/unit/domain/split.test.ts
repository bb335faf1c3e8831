import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LCPF_2017_21_SPLIT_RULE, splitAllocation, splitApplies, type SplitRule } from "~/domain/split";

const rule = LCPF_2017_21_SPLIT_RULE;

describe("splitAllocation", () => {
  it("CSP report worked example: £644,000 -> £450,800 direct, £193,200 co-commissioned", () => {
    expect(splitAllocation(64_400_000, 2, rule)).toEqual({ directPence: 45_080_000, coCommissionedPence: 19_320_000 });
  });

  it("2017/18 (position 1) is all direct funding", () => {
    expect(splitAllocation(64_400_000, 1, rule)).toEqual({ directPence: 64_400_000, coCommissionedPence: 0 });
  });

  it("later years of the round (2019/20, 2020/21) are split too", () => {
    expect(splitAllocation(64_400_000, 3, rule).coCommissionedPence).toBe(19_320_000);
    expect(splitAllocation(64_400_000, 4, rule).coCommissionedPence).toBe(19_320_000);
  });

  it("Bromley 2018/19 £241,699 at 30%: the pot rounds 7,250,970 pence exactly", () => {
    expect(splitAllocation(24_169_900, 2, rule)).toEqual({ directPence: 16_918_930, coCommissionedPence: 7_250_970 });
  });

  it("rounds halves up: 5 pence at 30% is 1.5 pence, so 2 co-commissioned and 3 direct", () => {
    expect(splitAllocation(5, 2, rule)).toEqual({ directPence: 3, coCommissionedPence: 2 });
  });

  it("rounds below a half down: 1 penny at 30% is 0.3 pence, so 0 co-commissioned", () => {
    expect(splitAllocation(1, 2, rule)).toEqual({ directPence: 1, coCommissionedPence: 0 });
  });

  it("rounds above a half up: 3 pence at 30% is 0.9 pence, so 1 co-commissioned", () => {
    expect(splitAllocation(3, 2, rule)).toEqual({ directPence: 2, coCommissionedPence: 1 });
  });

  it("follows the round's rule, not a fixed 70/30", () => {
    const fromYearThree: SplitRule = { coCommissionedPercent: 25, splitFromYearPosition: 3 };
    expect(splitAllocation(10_000, 2, fromYearThree)).toEqual({ directPence: 10_000, coCommissionedPence: 0 });
    expect(splitAllocation(10_000, 3, fromYearThree)).toEqual({ directPence: 7_500, coCommissionedPence: 2_500 });
    expect(splitAllocation(10_000, 2, { coCommissionedPercent: 0, splitFromYearPosition: 1 }).coCommissionedPence).toBe(
      0,
    );
    expect(splitAllocation(10_000, 2, { coCommissionedPercent: 100, splitFromYearPosition: 1 }).directPence).toBe(0);
  });

  it("refuses amounts and rules it cannot split exactly", () => {
    expect(() => splitAllocation(-1, 2, rule)).toThrow(RangeError);
    expect(() => splitAllocation(10.5, 2, rule)).toThrow(RangeError);
    expect(() => splitAllocation(100, 0, rule)).toThrow(RangeError);
    expect(() => splitAllocation(100, 2, { coCommissionedPercent: 30.5, splitFromYearPosition: 2 })).toThrow(
      RangeError,
    );
    expect(() => splitAllocation(100, 2, { coCommissionedPercent: 101, splitFromYearPosition: 2 })).toThrow(RangeError);
    expect(() => splitAllocation(100, 2, { coCommissionedPercent: 30, splitFromYearPosition: 0 })).toThrow(RangeError);
  });
});

describe("splitApplies", () => {
  it("applies from the rule's year position onwards", () => {
    expect([1, 2, 3, 4].map((position) => splitApplies(position, rule))).toEqual([false, true, true, true]);
  });
});

describe("splitAllocation properties", () => {
  const allocation = fc.integer({ min: 0, max: 10_000_000_000 });
  const anyRule = fc.record({
    coCommissionedPercent: fc.integer({ min: 0, max: 100 }),
    splitFromYearPosition: fc.integer({ min: 1, max: 6 }),
  });
  const position = fc.integer({ min: 1, max: 8 });

  it("the two parts always add up to the allocation and are never negative", () => {
    fc.assert(
      fc.property(allocation, position, anyRule, (pence, yearPosition, splitRule) => {
        const { directPence, coCommissionedPence } = splitAllocation(pence, yearPosition, splitRule);
        return directPence + coCommissionedPence === pence && directPence >= 0 && coCommissionedPence >= 0;
      }),
    );
  });

  it("the co-commissioned part is within half a penny of the exact share, halves going up", () => {
    fc.assert(
      fc.property(allocation, fc.integer({ min: 0, max: 100 }), (pence, percent) => {
        const { coCommissionedPence } = splitAllocation(pence, 2, {
          coCommissionedPercent: percent,
          splitFromYearPosition: 2,
        });
        // Compare in hundredths of a penny so the check itself uses no fractions.
        const difference = coCommissionedPence * 100 - pence * percent;
        return difference > -50 && difference <= 50;
      }),
    );
  });

  it("before the split year everything is direct", () => {
    fc.assert(
      fc.property(allocation, anyRule, (pence, splitRule) => {
        fc.pre(splitRule.splitFromYearPosition > 1);
        return splitAllocation(pence, splitRule.splitFromYearPosition - 1, splitRule).directPence === pence;
      }),
    );
  });
});
