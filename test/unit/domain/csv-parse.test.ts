import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "~/domain/csv";

const cells = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.records.map((r) => r.cells);
};

describe("reading CSV", () => {
  it("reads plain rows with LF, CRLF or CR line ends, with or without a final line end", () => {
    expect(cells("a,b\n1,2\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(cells("a,b\r\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(cells("a,b\r1,2\r")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("drops the byte order mark Excel writes", () => {
    expect(cells("\uFEFFOrganisation,Year\r\nNewham,2018/19\r\n")).toEqual([
      ["Organisation", "Year"],
      ["Newham", "2018/19"],
    ]);
  });

  it("reads quoted fields holding commas, doubled quotes and line breaks", () => {
    expect(cells('"Barking, Dagenham","say ""indicative""","line one\r\nline two"\r\nx,y,z')).toEqual([
      ["Barking, Dagenham", 'say "indicative"', "line one\r\nline two"],
      ["x", "y", "z"],
    ]);
  });

  it("keeps empty fields, and skips lines with nothing on them", () => {
    expect(cells("a,,c\n\n\r\n,,\n")).toEqual([
      ["a", "", "c"],
      ["", "", ""],
    ]);
  });

  it("gives each record the line it starts on, counting line breaks inside quotes", () => {
    const parsed = parseCsv('h\n"two\nlines"\n\nlast\n');
    expect(parsed.ok && parsed.records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it("refuses an unclosed quote, naming the line it opened on", () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({
      ok: false,
      line: 2,
      message: "has a quote that is never closed",
    });
  });

  it("refuses text straight after a closing quote rather than guessing", () => {
    const parsed = parseCsv('a\n"x"y\n');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.line).toBe(2);
  });

  it("reads back what our own CSV writer writes", () => {
    const rows = [
      ["Borough", "Note"],
      ["Kensington and Chelsea", 'Tri-borough, "joint", two\nlines'],
    ];
    expect(cells(toCsv(rows))).toEqual(rows);
  });
});
