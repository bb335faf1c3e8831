/**
 * Money is whole pence in a JavaScript number (always a safe integer), everywhere.
 * Parsing and formatting work on digits and integer arithmetic only, so no amount
 * ever passes through a binary fraction that could mis-round.
 */

/** £100,000,000: far above any LCPF allocation, low enough to catch a typed extra zero or two. */
export const MAX_MONEY_PENCE = 10_000_000_000;

/** Field errors a person can act on; the form layer shows these as they are. */
export const MONEY_MESSAGES = {
  empty: "Enter an amount",
  format: "Enter an amount in pounds, like 40,000 or 40,000.50",
  commas: "Use commas only to separate thousands, like 40,000 or 1,250,000",
  decimals: "Enter an amount with no more than 2 decimal places (pence)",
  negative: "Amount must be £0 or more",
  tooLarge: "Amount must be £100,000,000 or less",
} as const;

export type MoneyMessage = (typeof MONEY_MESSAGES)[keyof typeof MONEY_MESSAGES];

export type ParseMoneyResult = { ok: true; pence: number } | { ok: false; message: MoneyMessage };

// Whole pounds written as plain digits, or grouped in threes by commas, then optional pence.
const PLAIN_AMOUNT = /^(\d+)(?:\.(\d+))?$/;
const GROUPED_AMOUNT = /^([1-9]\d{0,2}(?:,\d{3})+)(?:\.(\d+))?$/;
// Anything made of digits, commas and one point: used to tell a comma mistake from other nonsense.
const DIGITS_COMMAS_POINT = /^[\d,]+(?:\.\d*)?$/;

function fail(message: MoneyMessage): ParseMoneyResult {
  return { ok: false, message };
}

/**
 * Reads an amount as people type it: "£40,000", "40000", "40,000.50", " £ 40,000 ".
 * Refuses negatives, letters, exponents, misplaced commas, more than two decimal places
 * and anything above £100,000,000.
 */
export function parseMoney(input: string): ParseMoneyResult {
  let text = input.trim();
  let negative = false;
  // A minus may come before or after the pound sign ("-£5", "£-5"); either way it is refused.
  if (text.startsWith("-")) {
    negative = true;
    text = text.slice(1).trimStart();
  }
  if (text.startsWith("£")) text = text.slice(1).trim();
  if (text.startsWith("-")) {
    negative = true;
    text = text.slice(1).trimStart();
  }

  if (text === "") return fail(negative ? MONEY_MESSAGES.format : MONEY_MESSAGES.empty);

  const match = PLAIN_AMOUNT.exec(text) ?? GROUPED_AMOUNT.exec(text);
  if (!match) {
    const commaMistake = text.includes(",") && DIGITS_COMMAS_POINT.test(text) && /\d/.test(text);
    return fail(commaMistake ? MONEY_MESSAGES.commas : MONEY_MESSAGES.format);
  }
  if (negative) return fail(MONEY_MESSAGES.negative);

  const wholePounds = (match[1] ?? "").replaceAll(",", "");
  const fraction = match[2] ?? "";
  if (fraction.length > 2) return fail(MONEY_MESSAGES.decimals);

  // Compare by digit count first so an absurdly long input never reaches arithmetic.
  const significant = wholePounds.replace(/^0+(?=\d)/, "");
  if (significant.length > 9) return fail(MONEY_MESSAGES.tooLarge);

  const pence = digitsToInteger(significant) * 100 + digitsToInteger(fraction.padEnd(2, "0"));
  if (pence > MAX_MONEY_PENCE) return fail(MONEY_MESSAGES.tooLarge);
  return { ok: true, pence };
}

function digitsToInteger(digits: string): number {
  let value = 0;
  for (const digit of digits) value = value * 10 + (digit.charCodeAt(0) - 48);
  return value;
}

/** Throws unless `value` is a whole number of pence that arithmetic can hold exactly. */
export function assertWholePence(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a whole number of pence, got ${value}`);
  }
}

/**
 * A sum of pence as the database answers it (SQLite a number; PostgreSQL's bigint sums as a string or
 * bigint), checked to be a whole number arithmetic holds exactly, never a float. Null (no rows) is 0.
 */
export function penceFromSum(value: number | bigint | string | null | undefined, what: string): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === "string" && !/^-?\d+$/.test(value)) {
    throw new RangeError(`${what} must be a whole number of pence, got ${value}`);
  }
  const pence = Number(value);
  assertWholePence(pence, what);
  return pence;
}

/** Throws unless `value` is a whole, non-negative number of pence. */
export function assertNonNegativePence(value: number, what: string): void {
  assertWholePence(value, what);
  if (value < 0) throw new RangeError(`${what} must not be negative, got ${value}`);
}

function splitPounds(pence: number): { sign: string; pounds: string; pennies: string } {
  assertWholePence(pence, "An amount");
  const sign = pence < 0 ? "-" : "";
  const magnitude = Math.abs(pence);
  const remainder = magnitude % 100;
  // Exact: magnitude - remainder is a multiple of 100.
  const pounds = String((magnitude - remainder) / 100);
  return { sign, pounds, pennies: String(remainder).padStart(2, "0") };
}

function groupThousands(digits: string): string {
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return groups.join(",");
}

/** "£40,000.00", "£0.00", "-£1.00": en-GB currency, always with pence. */
export function formatPounds(pence: number): string {
  const { sign, pounds, pennies } = splitPounds(pence);
  return `${sign}£${groupThousands(pounds)}.${pennies}`;
}

/** What a money input shows back: "40000" for whole pounds, "40000.50" otherwise. */
export function formatMoneyForInput(pence: number): string {
  const { sign, pounds, pennies } = splitPounds(pence);
  return pennies === "00" ? `${sign}${pounds}` : `${sign}${pounds}.${pennies}`;
}

/**
 * Pence as the number a spreadsheet cell holds. The one place money leaves integer pence: an Excel
 * cell is a binary float, so the workbook gets the nearest float to the exact pounds (never computed
 * from other floats), and anyone summing it back rounds to pence.
 */
export function spreadsheetPounds(pence: number): number {
  if (!Number.isSafeInteger(pence)) throw new RangeError(`Pence must be a whole number, got ${pence}`);
  return pence / 100;
}
