import { describe, expect, it } from "vitest";
import { neutraliseCell, penceAsPounds, toCsv } from "~/domain/csv";

describe("neutraliseCell", () => {
  it.each(["=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://evil.example","x")'])(
    "puts a quote before %j so a spreadsheet shows it as text",
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`);
    },
  );

  it.each(["Barking and Dagenham", "", " =not first", "100.00", "'already"])("leaves %j as it is", (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });
});

describe("toCsv", () => {
  it("starts with a byte-order mark, ends lines with CRLF and quotes what needs quoting", () => {
    expect(
      toCsv([
        ["a", 'say "hi"', "x,y"],
        ["line\nbreak", null, 3],
      ]),
    ).toBe('\uFEFFa,"say ""hi""","x,y"\r\n"line\nbreak",,3\r\n');
  });

  it("neutralises a hostile title before quoting it", () => {
    expect(toCsv([['=HYPERLINK("http://evil.example","x")']])).toBe(
      '\uFEFF"\'=HYPERLINK(""http://evil.example"",""x"")"\r\n',
    );
  });

  it("writes numbers as numbers, negative ones included", () => {
    expect(toCsv([[-5, 0]])).toBe("\uFEFF-5,0\r\n");
  });
});

describe("penceAsPounds", () => {
  it("writes pence as pounds with two decimals and no grouping", () => {
    expect(penceAsPounds(32_900_000)).toBe("329000.00");
    expect(penceAsPounds(5)).toBe("0.05");
    expect(penceAsPounds(-150)).toBe("-1.50");
  });
});
