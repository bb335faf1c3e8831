import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jointEnvelope, splitJointAllocation, splitJointYear, type JointEnvelopePart } from "~/domain/joint-envelope";
import { LCPF_2017_21_SPLIT_RULE, splitAllocation } from "~/domain/split";

const rule = LCPF_2017_21_SPLIT_RULE;
const part = (name: string, amountPence: number, kind: JointEnvelopePart["kind"] = "member"): JointEnvelopePart => ({
  kind,
  organisationId: kind === "member" ? name.length : null,
  name,
  amountPence,
});

describe("splitJointYear", () => {
  it("Tri-borough's own £160,000 (DMPCD 2015 96) at 30% in year two: £48,000 pot, £112,000 direct", () => {
    const year = splitJointYear([part("Tri-borough", 16_000_000, "partnership")], 2, rule);
    expect(year).toMatchObject({
      allocationPence: 16_000_000,
      directPence: 11_200_000,
      coCommissionedPence: 4_800_000,
    });
  });

  it("rounds per borough: three shares of 5p each give a pot of 2p + 2p + 2p = 6p, not 30% of 15p (4.5p -> 5p)", () => {
    const year = splitJointYear([part("A", 5), part("B", 5), part("C", 5)], 2, rule);
    expect(year.parts.map((p) => p.coCommissionedPence)).toEqual([2, 2, 2]);
    expect(year.coCommissionedPence).toBe(6);
    expect(year.directPence).toBe(9);
    expect(year.allocationPence).toBe(15);
    // Splitting the sum would have given a different pot: the rule is per borough.
    expect(splitAllocation(15, 2, rule).coCommissionedPence).toBe(5);
  });

  it("odd pence: £100,000.01 + £50,000.03 + £25,000.05 + own £10,000.00, each split before summing", () => {
    // 10,000,001 x 30% = 3,000,000.3 -> 3,000,000; 5,000,003 x 30% = 1,500,000.9 -> 1,500,001;
    // 2,500,005 x 30% = 750,001.5 -> 750,002 (half up); 1,000,000 x 30% = 300,000.
    const year = splitJointYear(
      [
        part("Tri-borough", 1_000_000, "partnership"),
        part("A", 10_000_001),
        part("B", 5_000_003),
        part("C", 2_500_005),
      ],
      2,
      rule,
    );
    expect(year.parts.map((p) => [p.coCommissionedPence, p.directPence])).toEqual([
      [300_000, 700_000],
      [3_000_000, 7_000_001],
      [1_500_001, 3_500_002],
      [750_002, 1_750_003],
    ]);
    expect(year.coCommissionedPence).toBe(5_550_003);
    expect(year.directPence).toBe(12_950_006);
    expect(year.allocationPence).toBe(18_500_009);
  });

  it("the first year of the round (no split) is all direct funding, part by part", () => {
    const year = splitJointYear([part("Tri-borough", 16_000_000, "partnership"), part("A", 3)], 1, rule);
    expect(year).toMatchObject({ directPence: 16_000_003, coCommissionedPence: 0 });
  });

  it("no parts is nothing", () => {
    expect(splitJointYear([], 2, rule)).toEqual({
      parts: [],
      allocationPence: 0,
      directPence: 0,
      coCommissionedPence: 0,
    });
  });

  it("refuses a negative amount, naming the part", () => {
    expect(() => splitJointYear([part("Westminster", -1)], 2, rule)).toThrow(/Westminster/);
  });

  it("property: direct plus pot is the allocation, and each is the sum of the parts' own splits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 4 }),
        (amounts, position) => {
          const total = splitJointAllocation(amounts, position, rule);
          const sum = amounts.reduce((s, a) => s + a, 0);
          expect(total.directPence + total.coCommissionedPence).toBe(sum);
          const pot = amounts.reduce((s, a) => s + splitAllocation(a, position, rule).coCommissionedPence, 0);
          expect(total.coCommissionedPence).toBe(pot);
        },
      ),
    );
  });
});

describe("jointEnvelope", () => {
  it("keeps the years in round order and leaves a year without an allocation unknown", () => {
    const years = jointEnvelope(
      [
        { financialYearId: 2, label: "2018/19", position: 2, parts: null },
        { financialYearId: 1, label: "2017/18", position: 1, parts: [part("Tri-borough", 100, "partnership")] },
      ],
      rule,
    );
    expect(years.map((y) => y.label)).toEqual(["2017/18", "2018/19"]);
    expect(years[0]?.split?.directPence).toBe(100);
    expect(years[1]?.split).toBeNull();
  });
});
