import { describe, expect, it } from "vitest";
import { csvField, neutraliseFormula, poundsText, toCsv, UTF8_BOM } from "~/domain/csv";

describe("CSV cells", () => {
  it("neutralises a hostile title so a spreadsheet shows it as text", () => {
    const hostile = '=HYPERLINK("http://evil.example","x")';
    expect(csvField(hostile)).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tlead", "\rlead"])("puts a quote before %j", (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it("leaves ordinary text, and text with a sign inside it, alone", () => {
    expect(neutraliseFormula("Stop Hate UK")).toBe("Stop Hate UK");
    expect(neutraliseFormula("Out-of-court disposal = early help")).toBe("Out-of-court disposal = early help");
    expect(neutraliseFormula("")).toBe("");
  });

  it("quotes commas, doubles quotes and keeps line breaks inside one field", () => {
    expect(csvField("Hate, and hostility")).toBe('"Hate, and hostility"');
    expect(csvField('The "Matrix"')).toBe('"The ""Matrix"""');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("line one\r\nline two")).toBe('"line one\r\nline two"');
  });

  it("writes numbers and empty cells plainly", () => {
    expect(csvField(-5)).toBe("-5");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
  });
});

describe("toCsv", () => {
  it("starts with the UTF-8 byte order mark and ends every row with CRLF", () => {
    const csv = toCsv([
      ["Borough", "Amount"],
      ["Barking and Dagenham", "644000.00"],
    ]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe("Borough,Amount\r\nBarking and Dagenham,644000.00\r\n");
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe("poundsText", () => {
  it.each([
    [4_000_000, "40000.00"],
    [64_400_000, "644000.00"],
    [5, "0.05"],
    [0, "0.00"],
    [123_456_789, "1234567.89"],
    [-1205, "-12.05"],
  ])("%i pence is %s", (pence, text) => {
    expect(poundsText(pence)).toBe(text);
  });

  it("refuses a fraction of a penny", () => {
    expect(() => poundsText(1.5)).toThrow(RangeError);
  });
});
