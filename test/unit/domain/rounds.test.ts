import { describe, expect, it } from "vitest";
import { deadlineNotice, financialYearLabel, isLate, planRoundYears, splitChangeEffects } from "~/domain/rounds";
import { LCPF_2017_21_SPLIT_RULE } from "~/domain/split";

describe("a round's years", () => {
  it("makes LCPF 2017-21's four years in two periods", () => {
    const plan = planRoundYears(2017, 4, 2);
    expect(plan.periods).toEqual([
      { number: 1, name: "Period 1 (2017/18 and 2018/19)" },
      { number: 2, name: "Period 2 (2019/20 and 2020/21)" },
    ]);
    expect(plan.years.map((y) => [y.position, y.period, y.label, y.startsOn, y.endsOn])).toEqual([
      [1, 1, "2017/18", "2017-04-01", "2018-03-31"],
      [2, 1, "2018/19", "2018-04-01", "2019-03-31"],
      [3, 2, "2019/20", "2019-04-01", "2020-03-31"],
      [4, 2, "2020/21", "2020-04-01", "2021-03-31"],
    ]);
  });

  it("leaves the last period shorter when the years do not divide evenly", () => {
    expect(planRoundYears(2021, 3, 2).periods.map((p) => p.name)).toEqual([
      "Period 1 (2021/22 and 2022/23)",
      "Period 2 (2023/24)",
    ]);
    expect(planRoundYears(2021, 3, 3).periods.map((p) => p.name)).toEqual(["Period 1 (2021/22, 2022/23 and 2023/24)"]);
  });

  it("labels the year that crosses a century", () => {
    expect(financialYearLabel(2099)).toBe("2099/00");
  });

  it("refuses shapes a form should never send", () => {
    expect(() => planRoundYears(2017, 0, 1)).toThrow(RangeError);
    expect(() => planRoundYears(2017, 2, 3)).toThrow(RangeError);
  });
});

describe("a late proposal", () => {
  const deadline = "2016-12-23";
  it("is on time when it reaches MOPAC on the deadline day, London time", () => {
    expect(isLate("2016-12-23T23:59:00.000Z", deadline)).toBe(false);
  });
  it("is late the day after", () => {
    expect(isLate("2016-12-24T00:01:00.000Z", deadline)).toBe(true);
  });
  it("goes by the London date in summer time, not UTC's", () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London.
    expect(isLate("2021-06-30T23:30:00.000Z", "2021-06-30")).toBe(true);
    expect(isLate("2021-06-30T22:30:00.000Z", "2021-06-30")).toBe(false);
  });
  it("is never late without a deadline, or before it reaches MOPAC", () => {
    expect(isLate("2030-01-01T00:00:00.000Z", null)).toBe(false);
    expect(isLate(null, deadline)).toBe(false);
  });
});

describe("what borough officers are told of the deadline", () => {
  it("gives the date before it passes, and says a proposal sent after is late", () => {
    expect(deadlineNotice("2016-12-23", "2016-12-23", false)).toMatchObject({ passed: false });
    expect(deadlineNotice("2016-12-23", "2016-12-24", false)).toMatchObject({
      passed: true,
      sentence: expect.stringContaining("marked late"),
    });
  });
  it("says nothing once the proposal has reached MOPAC, or when the round has no deadline", () => {
    expect(deadlineNotice("2016-12-23", "2016-12-01", true)).toBeNull();
    expect(deadlineNotice(null, "2016-12-01", false)).toBeNull();
  });
});

describe("what a change of split does to envelopes", () => {
  const proposals = [
    {
      proposalId: 1,
      name: "Barking and Dagenham, Period 1",
      years: [
        { label: "2017/18", position: 1, allocationPence: 64_400_000 },
        { label: "2018/19", position: 2, allocationPence: 64_400_000 },
      ],
    },
    { proposalId: 2, name: "Newham, Period 1", years: [{ label: "2017/18", position: 1, allocationPence: null }] },
  ];

  it("lists each year whose direct funding changes, from the CSP report's £644,000 (direct £450,800 at 70/30)", () => {
    expect(
      splitChangeEffects(proposals, LCPF_2017_21_SPLIT_RULE, { coCommissionedPercent: 25, splitFromYearPosition: 2 }),
    ).toEqual([
      {
        proposalId: 1,
        name: "Barking and Dagenham, Period 1",
        changes: [{ label: "2018/19", allocationPence: 64_400_000, directBefore: 45_080_000, directAfter: 48_300_000 }],
      },
    ]);
  });

  it("includes the first year when the split moves to start there, and nothing when the rule is the same", () => {
    const earlier = splitChangeEffects(proposals, LCPF_2017_21_SPLIT_RULE, {
      coCommissionedPercent: 30,
      splitFromYearPosition: 1,
    });
    expect(earlier[0]!.changes.map((c) => [c.label, c.directAfter])).toEqual([["2017/18", 45_080_000]]);
    expect(splitChangeEffects(proposals, LCPF_2017_21_SPLIT_RULE, LCPF_2017_21_SPLIT_RULE)).toEqual([]);
  });

  it("at 0% leaves every year all direct", () => {
    const none = splitChangeEffects(proposals, LCPF_2017_21_SPLIT_RULE, {
      coCommissionedPercent: 0,
      splitFromYearPosition: 1,
    });
    expect(none[0]!.changes).toEqual([
      { label: "2018/19", allocationPence: 64_400_000, directBefore: 45_080_000, directAfter: 64_400_000 },
    ]);
  });
});
