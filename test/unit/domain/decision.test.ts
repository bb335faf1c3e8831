import { describe, expect, it } from "vitest";
import { CHIEF_EXECUTIVE_LIMIT_PENCE, decisionRouteFor, decisionTable } from "~/domain/decision";

const POUNDS = 100;

describe("who takes the decision", () => {
  it("leaves £499,000 exactly to the Chief Executive", () => {
    expect(CHIEF_EXECUTIVE_LIMIT_PENCE).toBe(499_000 * POUNDS);
    expect(decisionRouteFor(499_000 * POUNDS)).toBe("chief_executive");
  });

  it("needs a DMPC decision one penny above £499,000", () => {
    expect(decisionRouteFor(499_000 * POUNDS + 1)).toBe("dmpc");
  });

  it("refuses a negative or fractional amount", () => {
    expect(() => decisionRouteFor(-1)).toThrow(RangeError);
    expect(() => decisionRouteFor(0.5)).toThrow(RangeError);
  });
});

describe("decisionTable", () => {
  // DMPCD 2015 96 section 1.9, restorative justice: nine rows totalling £250,000.
  const restorativeJustice = [
    ["Barking & Dagenham", 40_000],
    ["Greenwich", 29_592],
    ["Haringey", 38_300],
    ["Hillingdon", 6_300],
    ["Lewisham", 50_000],
    ["Merton", 12_500],
    ["Tower Hamlets", 4_292],
    ["Tri-borough", 27_500],
    ["Waltham Forest", 41_516],
  ] as const;

  it("totals the published table and leaves it to the Chief Executive", () => {
    const table = decisionTable(
      restorativeJustice.map(([name, pounds]) => ({ name, amountPence: pounds * POUNDS, isDemoFigure: false })),
    );
    expect(table.totalPence).toBe(250_000 * POUNDS);
    expect(table.route).toBe("chief_executive");
    expect(table.rows.every((row) => row.route === "chief_executive")).toBe(true);
    expect(table.totalIsDemoFigure).toBe(false);
  });

  it("marks one allocation above the limit, and a total above it takes a DMPC decision", () => {
    const table = decisionTable([
      { name: "Barking and Dagenham", amountPence: 644_000 * POUNDS, isDemoFigure: true },
      { name: "Bromley", amountPence: 401_731 * POUNDS, isDemoFigure: false },
    ]);
    expect(table.rows.map((row) => row.route)).toEqual(["dmpc", "chief_executive"]);
    expect(table.totalPence).toBe(1_045_731 * POUNDS);
    expect(table.route).toBe("dmpc");
    expect(table.totalIsDemoFigure).toBe(true);
  });

  it("goes to the DMPC when the rows are each within the limit but their total is not", () => {
    const table = decisionTable([
      { name: "A", amountPence: 300_000 * POUNDS, isDemoFigure: false },
      { name: "B", amountPence: 199_000 * POUNDS + 1, isDemoFigure: false },
    ]);
    expect(table.rows.map((row) => row.route)).toEqual(["chief_executive", "chief_executive"]);
    expect(table.route).toBe("dmpc");
  });

  it("leaves an allocation not set out of the total and counts it", () => {
    const table = decisionTable([
      { name: "A", amountPence: null, isDemoFigure: false },
      { name: "B", amountPence: 10 * POUNDS, isDemoFigure: false },
    ]);
    expect(table).toMatchObject({ totalPence: 10 * POUNDS, rowsNotSet: 1 });
    expect(table.rows[0]?.route).toBeNull();
  });
});
