import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_MONEY_PENCE,
  MONEY_MESSAGES,
  formatMoneyForInput,
  formatPounds,
  parseMoney,
  penceFromSum,
} from "~/domain/money";

function pence(input: string): number {
  const result = parseMoney(input);
  if (!result.ok) throw new Error(`expected "${input}" to parse, got: ${result.message}`);
  return result.pence;
}

function refusal(input: string): string {
  const result = parseMoney(input);
  if (result.ok) throw new Error(`expected "${input}" to be refused, got ${result.pence} pence`);
  return result.message;
}

describe("parseMoney", () => {
  it.each([
    ["£40,000", 4_000_000],
    ["40000", 4_000_000],
    ["40,000.50", 4_000_050],
    ["40000.5", 4_000_050],
    [" £ 40,000 ", 4_000_000],
    ["0", 0],
    ["£0.99", 99],
    ["£644,000", 64_400_000],
    ["1,250,000.05", 125_000_005],
    ["0.07", 7],
    ["007", 700],
    ["£100,000,000", MAX_MONEY_PENCE],
    ["100000000.00", MAX_MONEY_PENCE],
  ])("reads %j as %i pence", (input, expected) => {
    expect(pence(input)).toBe(expected);
  });

  it("asks for an amount when the field is empty or only spaces or a pound sign", () => {
    expect(refusal("")).toBe(MONEY_MESSAGES.empty);
    expect(refusal("   ")).toBe(MONEY_MESSAGES.empty);
    expect(refusal("£")).toBe(MONEY_MESSAGES.empty);
  });

  it.each(["4,00,000", "40,00", "40,0000", "0,400", ",400", "40,000,", "1,,000"])(
    "refuses misplaced commas in %j",
    (input) => {
      expect(refusal(input)).toBe(MONEY_MESSAGES.commas);
    },
  );

  it.each([
    "forty thousand",
    "1e5",
    "40k",
    "£40,000p",
    "40 000",
    "+40",
    "40000.",
    ".50",
    "40.000,50",
    "£40,000.5.0",
    "0x10",
    "Infinity",
    "NaN",
    "１２",
  ])("refuses %j as not an amount in pounds", (input) => {
    expect(refusal(input)).toBe(MONEY_MESSAGES.format);
  });

  it.each(["40000.505", "0.001", "40,000.500"])("refuses more than 2 decimal places in %j", (input) => {
    expect(refusal(input)).toBe(MONEY_MESSAGES.decimals);
  });

  it.each(["-5", "-£5", "£-5", "- £40,000", "-0.01"])("refuses the negative amount %j", (input) => {
    expect(refusal(input)).toBe(MONEY_MESSAGES.negative);
  });

  it.each(["100000000.01", "£100,000,001", "999999999999999999999999", "0000000000100000000.01"])(
    "refuses %j as above £100,000,000",
    (input) => {
      expect(refusal(input)).toBe(MONEY_MESSAGES.tooLarge);
    },
  );

  it("says the limit in the message", () => {
    expect(MONEY_MESSAGES.tooLarge).toBe("Amount must be £100,000,000 or less");
  });
});

describe("formatPounds", () => {
  it.each([
    [4_000_000, "£40,000.00"],
    [0, "£0.00"],
    [-100, "-£1.00"],
    [99, "£0.99"],
    [5, "£0.05"],
    [64_400_000, "£644,000.00"],
    [19_320_000, "£193,200.00"],
    [100_000, "£1,000.00"],
    [99_999, "£999.99"],
    [MAX_MONEY_PENCE, "£100,000,000.00"],
    [Number.MAX_SAFE_INTEGER, "£90,071,992,547,409.91"],
  ])("shows %i pence as %s", (amount, expected) => {
    expect(formatPounds(amount)).toBe(expected);
  });

  it("refuses a fraction of a penny rather than rounding it silently", () => {
    expect(() => formatPounds(0.5)).toThrow(RangeError);
    expect(() => formatPounds(Number.NaN)).toThrow(RangeError);
  });
});

describe("formatMoneyForInput", () => {
  it.each([
    [4_000_000, "40000"],
    [4_000_050, "40000.50"],
    [0, "0"],
    [99, "0.99"],
    [5, "0.05"],
  ])("shows %i pence back in a form as %s", (amount, expected) => {
    expect(formatMoneyForInput(amount)).toBe(expected);
  });
});

describe("money round trips", () => {
  const anyAmount = fc.integer({ min: 0, max: MAX_MONEY_PENCE });

  it("parseMoney reads back every formatPounds display", () => {
    fc.assert(fc.property(anyAmount, (amount) => pence(formatPounds(amount)) === amount));
  });

  it("parseMoney reads back every formatMoneyForInput value", () => {
    fc.assert(fc.property(anyAmount, (amount) => pence(formatMoneyForInput(amount)) === amount));
  });

  it("formatPounds puts a comma before every group of three pound digits", () => {
    fc.assert(fc.property(anyAmount, (amount) => /^£\d{1,3}(,\d{3})*\.\d{2}$/.test(formatPounds(amount))));
  });

  it("anything above the limit is refused with the limit message", () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_MONEY_PENCE + 1, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        const result = parseMoney(formatPounds(amount));
        return !result.ok && result.message === MONEY_MESSAGES.tooLarge;
      }),
    );
  });
});

describe("penceFromSum", () => {
  it("takes a database's sum as a number, a bigint or a string of digits, and no rows as 0", () => {
    expect(penceFromSum(32_900_000, "x")).toBe(32_900_000);
    expect(penceFromSum(32_900_000n, "x")).toBe(32_900_000);
    expect(penceFromSum("32900000", "x")).toBe(32_900_000);
    expect(penceFromSum("-5", "x")).toBe(-5);
    expect(penceFromSum(null, "x")).toBe(0);
    expect(penceFromSum(undefined, "x")).toBe(0);
  });

  it("refuses a fraction of a penny or a number too large to add exactly, naming what it was", () => {
    expect(() => penceFromSum(10.5, "Partner funding")).toThrow("Partner funding must be a whole number of pence");
    expect(() => penceFromSum("10.50", "x")).toThrow(RangeError);
    expect(() => penceFromSum("1e3", "x")).toThrow(RangeError);
    expect(() => penceFromSum(2n ** 60n, "x")).toThrow(RangeError);
  });
});
