import { describe, expect, it } from "vitest";
import { boroughNameKey, checkAllocationImport, firstProblem, type ImportBorough } from "~/domain/allocation-import";

const BOROUGHS: ImportBorough[] = [
  { id: 1, name: "Barking and Dagenham", gssCode: "E09000002" },
  { id: 2, name: "Bromley", gssCode: "E09000006" },
  { id: 3, name: "Kensington and Chelsea", gssCode: "E09000020" },
  { id: 4, name: "Newham", gssCode: "E09000025" },
];
const YEARS = [
  { id: 11, label: "2017/18" },
  { id: 12, label: "2018/19" },
];

const check = (text: string) => checkAllocationImport(text, BOROUGHS, YEARS);

describe("checking an allocations file", () => {
  it("reads a good file by name or GSS code, pounds into pence, with uplift, note and indicative", () => {
    const result = check(
      [
        "Organisation,Year,Amount (£),Uplift,Note,Indicative",
        'Barking & Dagenham,2017/18,"£644,000",241000,,',
        "E09000006,2018/19,241699.50,,indicative until the needs assessment,",
        "royal borough of kensington and chelsea,2018-19,100000,,,yes",
      ].join("\r\n"),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.errorCount).toBe(0);
    expect(
      result.rows.map((r) => [r.line, r.organisationId, r.financialYearId, r.amountPence, r.upliftPence, r.indicative]),
    ).toEqual([
      [2, 1, 11, 64_400_000, 24_100_000, false],
      [3, 2, 12, 24_169_950, null, true],
      [4, 3, 12, 10_000_000, null, true],
    ]);
  });

  it("names every mistake of a file full of them, row by row", () => {
    const result = check(
      [
        "Borough,Year,Amount,Uplift,Note,Indicative",
        "Barking and Dagenham,2017/18,644000,,,", // line 2: fine
        "Gotham,2017/18,100,,,", // 3: unknown borough
        "Barking and Dagenham,2017/18,650000,,,", // 4: duplicate of line 2
        "Newham,2025/26,100,,,", // 5: year outside the round
        "Newham,2017/18,12.345,,,", // 6: bad amount
        "Newham,2018/19,-5,,,", // 7: negative
        "Bromley,2017/18,1000,2000,,", // 8: uplift above the amount
        ",,,,,", // 9: a row of empty cells: no borough, no year, no amount
        "Bromley,2018/19,1000,,,maybe", // 10: indicative unreadable
        "E09000099,,ten pounds,,,", // 11: unknown code, no year, bad amount
      ].join("\n"),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const problems = Object.fromEntries(result.rows.map((r) => [r.line, r.problems]));
    expect(problems[2]).toEqual([]);
    expect(problems[3]).toEqual([expect.stringContaining("Unknown borough “Gotham”")]);
    expect(problems[4]).toEqual(["Duplicate: line 2 already gives Barking and Dagenham’s 2017/18 allocation"]);
    expect(problems[5]).toEqual(["The year “2025/26” is not in this round, whose years are 2017/18, 2018/19"]);
    expect(problems[6]).toEqual(["Amount: enter an amount with no more than 2 decimal places (pence)"]);
    expect(problems[7]).toEqual(["Amount: amount must be £0 or more"]);
    expect(problems[8]).toEqual(["The uplift is more than the amount: the amount includes the uplift"]);
    expect(problems[9]).toEqual([
      "No borough: enter its name or GSS code",
      "No year: enter the financial year, like 2018/19",
      "Amount: enter an amount",
    ]);
    expect(problems[10]).toEqual(["Indicative must be “yes”, “no” or left blank"]);
    expect(problems[11]).toHaveLength(3);
    expect(result.errorCount).toBe(9);
    expect(firstProblem(result)).toBe(`Line 3: ${problems[3]![0]}`);
  });

  it("refuses a file without the columns it needs, saying which", () => {
    const result = check("Name,Money\nNewham,100\n");
    expect(result).toEqual({ ok: false, message: expect.stringContaining("“Year”, “Amount”") });
  });

  it("refuses an empty file, a heading with no rows, and a broken quote", () => {
    expect(check("")).toMatchObject({ ok: false, message: expect.stringContaining("empty") });
    expect(check("Organisation,Year,Amount\n")).toMatchObject({
      ok: false,
      message: expect.stringContaining("no allocations"),
    });
    expect(check('Organisation,Year,Amount\n"Newham,2017/18,100\n')).toMatchObject({
      ok: false,
      message: "The file could not be read: line 2 has a quote that is never closed.",
    });
  });

  it("reads back a cell our own exports protected from formulas", () => {
    const result = check("Organisation,Year,Amount,Note\nNewham,2017/18,100,'=not a formula\n");
    expect(result.ok && result.rows[0]!.note).toBe("=not a formula");
  });
});

describe("borough names as people write them", () => {
  it.each([
    ["Barking & Dagenham", "barking and dagenham"],
    ["London Borough of Newham", "newham"],
    ["Royal Borough of Kensington and Chelsea", "kensington and chelsea"],
    ["City of Westminster", "westminster"],
    ["  Kingston-upon-Thames ", "kingston upon thames"],
  ])("%j reads as %j", (typed, key) => {
    expect(boroughNameKey(typed)).toBe(key);
  });
});
