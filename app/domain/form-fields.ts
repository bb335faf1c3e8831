import { z } from "zod";
import { parseMoney } from "./money";
import { parseDateParts } from "./dates";

// Field rules shared by the server and, with JavaScript, the browser. Conform turns empty inputs into
// undefined before these run, so "missing" and "blank" are the same thing.

/** Browsers send a textarea's line breaks as two characters; the character count counts one. */
const withinLimit = (max: number) => (value: string) => value.replace(/\r\n/g, "\n").length <= max;

export function requiredText(missing: string, max: number, tooLong: string) {
  return z.string({ error: missing }).trim().min(1, missing).refine(withinLimit(max), tooLong);
}

export function optionalText(max: number, tooLong: string) {
  return z.string().trim().refine(withinLimit(max), tooLong).optional();
}

/** Pounds as typed -> integer pence. `label` names the field in the error, e.g. "LCPF spend in 2017/18". */
export function money(label: string) {
  return z.string({ error: `Enter ${label.charAt(0).toLowerCase()}${label.slice(1)}` }).transform((value, ctx) => {
    const parsed = parseMoney(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: `${label}: ${parsed.message.charAt(0).toLowerCase()}${parsed.message.slice(1)}` });
      return z.NEVER;
    }
    return parsed.pence;
  });
}

/** An amount that may be left blank, meaning £0. */
export function optionalMoney(label: string) {
  return money(label)
    .optional()
    .transform((pence) => pence ?? 0);
}

export const yesNo = (missing: string) => z.enum(["yes", "no"], { error: missing });

export function checkbox() {
  return z
    .string()
    .optional()
    .transform((value) => value !== undefined);
}

/**
 * A GOV.UK date input's three parts (`${name}Day`, `${name}Month`, `${name}Year`) checked as one date.
 * Adds an issue on the part that needs fixing; returns the ISO date, or null when left blank.
 */
export function checkDateParts(
  values: Record<string, unknown>,
  name: string,
  label: string,
  required: boolean,
  ctx: z.RefinementCtx,
): string | null {
  const part = (suffix: string) => {
    const value = values[`${name}${suffix}`];
    return typeof value === "string" ? value : undefined;
  };
  const parsed = parseDateParts(part("Day"), part("Month"), part("Year"));
  if (parsed.ok === "empty") {
    if (required) ctx.addIssue({ code: "custom", path: [`${name}Day`], message: `Enter the date: ${label.toLowerCase()}` });
    return null;
  }
  if (parsed.ok === false) {
    const suffix = parsed.part === "day" ? "Day" : parsed.part === "month" ? "Month" : "Year";
    ctx.addIssue({ code: "custom", path: [`${name}${suffix}`], message: `${label} ${parsed.message}` });
    return null;
  }
  return parsed.date;
}

export const versionField = z.number({ error: "Reload the page and try again" }).int().positive();
