import { describe, expect, it } from "vitest";
import { formatDateTime, parseDateParts, parseMonth } from "~/domain/dates";

describe("parseMonth: months as people type them", () => {
  it("takes numbers, names and abbreviations of three letters or more, in any case", () => {
    expect(parseMonth("6")).toBe(6);
    expect(parseMonth("06")).toBe(6);
    expect(parseMonth("June")).toBe(6);
    expect(parseMonth("jun")).toBe(6);
    expect(parseMonth("JUN.")).toBe(6);
    expect(parseMonth("Sept")).toBe(9);
    expect(parseMonth(" december ")).toBe(12);
  });

  it("refuses what is not a month, and two letters that could be more than one", () => {
    expect(parseMonth("13")).toBeNull();
    expect(parseMonth("0")).toBeNull();
    expect(parseMonth("ju")).toBeNull();
    expect(parseMonth("Juneteenth")).toBeNull();
    expect(parseMonth("")).toBeNull();
  });
});

describe("parseDateParts: GOV.UK's date input rules", () => {
  it("builds the date from a month name or number", () => {
    expect(parseDateParts("17", "June", "2017")).toEqual({ ok: true, date: "2017-06-17" });
    expect(parseDateParts("7", "feb", "2017")).toEqual({ ok: true, date: "2017-02-07" });
    expect(parseDateParts("07", "2", "2017")).toEqual({ ok: true, date: "2017-02-07" });
  });

  it("is empty when nothing was typed", () => {
    expect(parseDateParts(" ", "", undefined)).toEqual({ ok: "empty" });
  });

  it("names the one missing part", () => {
    expect(parseDateParts("", "6", "2017")).toEqual({ ok: false, part: "day", message: "must include a day" });
    expect(parseDateParts("1", "", "2017")).toEqual({ ok: false, part: "month", message: "must include a month" });
    expect(parseDateParts("1", "June", "")).toEqual({ ok: false, part: "year", message: "must include a year" });
  });

  it("refuses a two-digit year, asking for all four numbers, and names the year", () => {
    const result = parseDateParts("17", "June", "17");
    expect(result).toMatchObject({ ok: false, part: "year" });
    expect(result.ok === false && result.message).toBe("must include a year with 4 numbers, for example 2017");
  });

  it("names the box that is wrong in an impossible date", () => {
    expect(parseDateParts("32", "1", "2017")).toMatchObject({ ok: false, part: "day" });
    expect(parseDateParts("x", "1", "2017")).toMatchObject({ ok: false, part: "day" });
    expect(parseDateParts("1", "13", "2017")).toMatchObject({ ok: false, part: "month" });
    expect(parseDateParts("1", "Febuary", "2017")).toMatchObject({ ok: false, part: "month" });
    expect(parseDateParts("29", "February", "2017")).toEqual({
      ok: false,
      part: "day",
      message: "must be a real date: February 2017 has no day 29",
    });
    expect(parseDateParts("29", "February", "2016")).toEqual({ ok: true, date: "2016-02-29" });
  });
});

describe("formatDateTime: a moment in London time, in GOV.UK's style", () => {
  it("writes the hour after midnight and after midday as 12, never 0", () => {
    expect(formatDateTime("2026-11-23T00:12:00.000Z")).toBe("23 November 2026 at 12:12am");
    expect(formatDateTime("2026-11-23T12:12:00.000Z")).toBe("23 November 2026 at 12:12pm");
  });

  it("writes other times on a 12-hour clock with minutes in two digits", () => {
    expect(formatDateTime("2017-02-23T14:05:00.000Z")).toBe("23 February 2017 at 2:05pm");
    expect(formatDateTime("2017-02-23T09:30:59.999Z")).toBe("23 February 2017 at 9:30am");
    expect(formatDateTime("2017-02-23T23:59:00.000Z")).toBe("23 February 2017 at 11:59pm");
  });

  it("says midnight and midday rather than 12am and 12pm", () => {
    expect(formatDateTime("2017-02-23T00:00:00.000Z")).toBe("23 February 2017 at midnight");
    expect(formatDateTime("2017-02-23T12:00:00.000Z")).toBe("23 February 2017 at midday");
  });

  it("uses London's clock in summer time, and its date when that is the next day", () => {
    expect(formatDateTime("2017-06-01T13:05:00.000Z")).toBe("1 June 2017 at 2:05pm");
    expect(formatDateTime("2017-06-01T23:30:00.000Z")).toBe("2 June 2017 at 12:30am");
  });
});
