import { describe, expect, it } from "vitest";
import { parseId } from "~/server/ids";

describe("ids in addresses are canonical digits", () => {
  it.each(["1", "2", "17", "9007199254740991"])("accepts %j", (param) => {
    expect(parseId(param)).toBe(Number(param));
  });
  it.each([
    "0x2",
    "2.0",
    " 2",
    "2 ",
    "+2",
    "-2",
    "02",
    "0",
    "2e0",
    "1_000",
    "",
    "٢",
    "9007199254740992",
    "99999999999999999999",
    "Infinity",
    "NaN",
  ])("refuses %j", (param) => {
    expect(parseId(param)).toBeNull();
  });
  it("refuses a missing parameter", () => {
    expect(parseId(undefined)).toBeNull();
    expect(parseId(null)).toBeNull();
  });
});
