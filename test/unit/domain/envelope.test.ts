import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessEnvelope, type EnvelopeYear, type EnvelopeYearInput } from "~/domain/envelope";

// Barking and Dagenham: £644,000 in 2017/18 (all direct) and, as a demo figure, £644,000 in
// 2018/19 split 70/30, leaving £450,800 direct. Period 2 figures are demo figures too.
const FUNDING_2017_18 = 64_400_000;
const FUNDING_2018_19 = 45_080_000;

function lcpfYears(
  plans: [number, number, number, number],
  period2Funding: number | null = FUNDING_2018_19,
): EnvelopeYearInput[] {
  return [
    {
      financialYearId: 1,
      label: "2017/18",
      periodId: 1,
      directFundingPence: FUNDING_2017_18,
      plannedDirectPence: plans[0],
    },
    {
      financialYearId: 2,
      label: "2018/19",
      periodId: 1,
      directFundingPence: FUNDING_2018_19,
      plannedDirectPence: plans[1],
    },
    {
      financialYearId: 3,
      label: "2019/20",
      periodId: 2,
      directFundingPence: period2Funding,
      plannedDirectPence: plans[2],
    },
    {
      financialYearId: 4,
      label: "2020/21",
      periodId: 2,
      directFundingPence: period2Funding,
      plannedDirectPence: plans[3],
    },
  ];
}

function year(result: EnvelopeYear[], label: string): EnvelopeYear {
  const found = result.find((row) => row.label === label);
  if (!found) throw new Error(`no year ${label}`);
  return found;
}

describe("assessEnvelope: LCPF 2017-21 worked examples", () => {
  it("planning exactly £644,000 in 2017/18 carries nothing and is not over", () => {
    const result = assessEnvelope(lcpfYears([FUNDING_2017_18, FUNDING_2018_19, 0, 0]));
    expect(year(result, "2017/18")).toMatchObject({
      availablePence: FUNDING_2017_18,
      remainingPence: 0,
      overByPence: 0,
      carriedOutPence: 0,
    });
    expect(year(result, "2018/19")).toMatchObject({ carriedInPence: 0, overByPence: 0, remainingPence: 0 });
  });

  it("planning £644,000.01 in 2017/18 puts it over by £0.01 (1 penny)", () => {
    const result = assessEnvelope(lcpfYears([FUNDING_2017_18 + 1, FUNDING_2018_19, 0, 0]));
    expect(year(result, "2017/18")).toMatchObject({ overByPence: 1, remainingPence: 0, carriedOutPence: 0 });
  });

  it("the issue's case: £1 over in 2017/18 is over by £1.00; moving that £1 into 2018/19, where there is room, leaves nothing over", () => {
    const roomIn2018 = FUNDING_2018_19 - 500_000;
    const over = assessEnvelope(lcpfYears([FUNDING_2017_18 + 100, roomIn2018, 0, 0]));
    expect(year(over, "2017/18").overByPence).toBe(100);
    expect(year(over, "2018/19").overByPence).toBe(0);

    const moved = assessEnvelope(lcpfYears([FUNDING_2017_18, roomIn2018 + 100, 0, 0]));
    expect(moved.map((row) => row.overByPence)).toEqual([0, 0, 0, 0]);
    expect(year(moved, "2018/19").remainingPence).toBe(500_000 - 100);
  });

  it("a year that is over stays over even though the next year has room: 2018/19's money never pays for 2017/18", () => {
    const result = assessEnvelope(lcpfYears([FUNDING_2017_18 + 100, FUNDING_2018_19 - 5_000_000, 0, 0]));
    expect(year(result, "2017/18").overByPence).toBe(100);
    expect(year(result, "2018/19")).toMatchObject({ carriedInPence: 0, overByPence: 0, remainingPence: 5_000_000 });
  });

  it("under-planning 2017/18 by £10,000 carries £10,000 into 2018/19", () => {
    const result = assessEnvelope(lcpfYears([FUNDING_2017_18 - 1_000_000, FUNDING_2018_19, 0, 0]));
    expect(year(result, "2017/18")).toMatchObject({ remainingPence: 1_000_000, carriedOutPence: 1_000_000 });
    expect(year(result, "2018/19")).toMatchObject({
      carriedInPence: 1_000_000,
      availablePence: FUNDING_2018_19 + 1_000_000,
      remainingPence: 1_000_000,
    });
  });

  it("the £10,000 carried into 2018/19 lets 2018/19 plan £10,000 more than its own funding", () => {
    const result = assessEnvelope(lcpfYears([FUNDING_2017_18 - 1_000_000, FUNDING_2018_19 + 1_000_000, 0, 0]));
    expect(result.map((row) => row.overByPence)).toEqual([0, 0, 0, 0]);
    expect(year(result, "2018/19").remainingPence).toBe(0);
  });

  it("nothing carries from 2018/19 (period 1) into 2019/20 (period 2)", () => {
    const result = assessEnvelope(lcpfYears([0, 0, FUNDING_2018_19 + 1, 0]));
    expect(year(result, "2018/19")).toMatchObject({
      remainingPence: FUNDING_2017_18 + FUNDING_2018_19,
      carriedOutPence: 0,
    });
    expect(year(result, "2019/20")).toMatchObject({
      carriedInPence: 0,
      availablePence: FUNDING_2018_19,
      overByPence: 1,
    });
  });

  it("a later year over on its own is over by its own excess, not again by an earlier year's", () => {
    const result = assessEnvelope(lcpfYears([FUNDING_2017_18 + 100, FUNDING_2018_19 + 30, 0, 0]));
    expect(result.slice(0, 2).map((row) => row.overByPence)).toEqual([100, 30]);
  });

  it("a year whose allocation is not set cannot be assessed, nor can the later years of its period", () => {
    const input = lcpfYears([FUNDING_2017_18, FUNDING_2018_19, 100, 100]);
    input[2] = { ...input[2]!, directFundingPence: null };
    const result = assessEnvelope(input);
    expect(year(result, "2019/20")).toMatchObject({
      allocationSet: false,
      assessable: false,
      carriedInPence: 0,
      availablePence: 0,
      remainingPence: 0,
      overByPence: 0,
      carriedOutPence: 0,
    });
    expect(year(result, "2020/21")).toMatchObject({
      allocationSet: true,
      assessable: false,
      availablePence: 0,
      overByPence: 0,
    });
    expect(result.slice(0, 2).every((row) => row.allocationSet && row.assessable)).toBe(true);
  });

  it("keeps the input fields and the order of the years", () => {
    const input = lcpfYears([1, 2, 3, 4]);
    const result = assessEnvelope(input);
    expect(
      result.map(({ financialYearId, label, periodId, directFundingPence, plannedDirectPence }) => ({
        financialYearId,
        label,
        periodId,
        directFundingPence,
        plannedDirectPence,
      })),
    ).toEqual(input);
  });

  it("refuses amounts that are not whole, non-negative pence", () => {
    expect(() => assessEnvelope(lcpfYears([-1, 0, 0, 0]))).toThrow(RangeError);
    expect(() => assessEnvelope(lcpfYears([0.5, 0, 0, 0]))).toThrow(RangeError);
    expect(() => assessEnvelope(lcpfYears([0, 0, 0, 0], -5))).toThrow(RangeError);
  });
});

// Random funding rounds: one to three periods of one to three years, amounts biased to be
// close to each other so that "exactly fits" and "one penny over" both come up often.
const amount = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 10_000_000_000 }));
const yearShape = fc.record({ funding: amount, planned: amount });
const roundShape = fc.array(fc.array(yearShape, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });

function toYears(periods: { funding: number | null; planned: number }[][]): EnvelopeYearInput[] {
  let id = 0;
  return periods.flatMap((years, periodIndex) =>
    years.map((shape) => {
      id += 1;
      return {
        financialYearId: id,
        label: `year ${id}`,
        periodId: periodIndex + 1,
        directFundingPence: shape.funding,
        plannedDirectPence: shape.planned,
      };
    }),
  );
}

function cumulativeExcesses(years: EnvelopeYearInput[], upToIndex: number): number[] {
  const periodId = years[upToIndex]!.periodId;
  let plan = 0;
  let funding = 0;
  return years.slice(0, upToIndex + 1).flatMap((row) => {
    if (row.periodId !== periodId) return [];
    plan += row.plannedDirectPence;
    funding += row.directFundingPence ?? 0;
    return [plan - funding];
  });
}

describe("assessEnvelope properties", () => {
  it("no year is over exactly when every prefix of every period plans no more than its cumulative funding", () => {
    fc.assert(
      fc.property(roundShape, (shape) => {
        const years = toYears(shape);
        const result = assessEnvelope(years);
        const noneOver = result.every((row) => row.overByPence === 0);
        const everyPrefixFits = years.every((_, index) =>
          cumulativeExcesses(years, index).every((excess) => excess <= 0),
        );
        return noneOver === everyPrefixFits;
      }),
    );
  });

  it("the first year of a period to go over is over by the period's cumulative excess", () => {
    fc.assert(
      fc.property(roundShape, (shape) => {
        const years = toYears(shape);
        const result = assessEnvelope(years);
        return result.every((row, index) => {
          const earlierOver = result
            .slice(0, index)
            .some((other) => other.periodId === row.periodId && other.overByPence > 0);
          if (earlierOver || row.overByPence === 0) return true;
          return row.overByPence === cumulativeExcesses(years, index).at(-1);
        });
      }),
    );
  });

  it("over a period up to any year, the amounts over add up to the largest cumulative excess so far (the least that must be cut)", () => {
    fc.assert(
      fc.property(roundShape, (shape) => {
        const years = toYears(shape);
        const result = assessEnvelope(years);
        return result.every((row, index) => {
          const overSoFar = result
            .slice(0, index + 1)
            .filter((other) => other.periodId === row.periodId)
            .reduce((sum, other) => sum + other.overByPence, 0);
          return overSoFar === Math.max(0, ...cumulativeExcesses(years, index));
        });
      }),
    );
  });

  it("nothing is ever carried out of a period's last year", () => {
    fc.assert(
      fc.property(roundShape, (shape) => {
        const result = assessEnvelope(toYears(shape));
        return result.every((row, index) => {
          const next = result[index + 1];
          return next !== undefined && next.periodId === row.periodId ? true : row.carriedOutPence === 0;
        });
      }),
    );
  });

  it("what one year carries out is what the next year of its period carries in, and a period starts from nothing", () => {
    fc.assert(
      fc.property(roundShape, (shape) => {
        const result = assessEnvelope(toYears(shape));
        return result.every((row, index) => {
          const previous = result[index - 1];
          const expected = previous !== undefined && previous.periodId === row.periodId ? previous.carriedOutPence : 0;
          return (
            row.carriedInPence === expected && row.availablePence === (row.directFundingPence ?? 0) + row.carriedInPence
          );
        });
      }),
    );
  });

  it("a year is never both over and left with money", () => {
    fc.assert(
      fc.property(roundShape, (shape) =>
        assessEnvelope(toYears(shape)).every(
          (row) =>
            row.remainingPence >= 0 && row.overByPence >= 0 && (row.remainingPence === 0 || row.overByPence === 0),
        ),
      ),
    );
  });

  it("increasing a later year's funding never changes an earlier year's overByPence", () => {
    fc.assert(
      fc.property(roundShape, fc.nat(), fc.integer({ min: 1, max: 10_000_000_000 }), (shape, pick, extra) => {
        const years = toYears(shape);
        const laterIndex = pick % years.length;
        const before = assessEnvelope(years);
        const raised = years.map((row, index) =>
          index === laterIndex ? { ...row, directFundingPence: (row.directFundingPence ?? 0) + extra } : row,
        );
        const after = assessEnvelope(raised);
        return before.slice(0, laterIndex).every((row, index) => row.overByPence === after[index]!.overByPence);
      }),
    );
  });

  it("a missing allocation makes its year and the rest of its period unassessable, and nothing else", () => {
    const nullableYear = fc.record({ funding: fc.option(amount, { freq: 3 }), planned: amount });
    const nullableRound = fc.array(fc.array(nullableYear, { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(nullableRound, (shape) => {
        const years = toYears(shape);
        const result = assessEnvelope(years);
        return result.every((row, index) => {
          const missingSoFar = years
            .slice(0, index + 1)
            .some((other) => other.periodId === row.periodId && other.directFundingPence === null);
          const figures = [
            row.carriedInPence,
            row.availablePence,
            row.remainingPence,
            row.overByPence,
            row.carriedOutPence,
          ];
          return (
            row.allocationSet === (row.directFundingPence !== null) &&
            row.assessable === !missingSoFar &&
            (row.assessable || figures.every((figure) => figure === 0))
          );
        });
      }),
    );
  });
});
