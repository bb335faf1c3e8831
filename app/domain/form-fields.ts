import * as z from "zod/mini";
import { parseMoney } from "./money";
import { parseDateParts } from "./dates";

// Field rules shared by the server and, with JavaScript, the browser. Conform turns empty inputs into
// undefined before these run, so "missing" and "blank" are the same thing.
// Written with zod/mini, whose functions tree-shake: zod's chainable API puts all of zod (about 18 KB
// gzipped) into every page that validates in the browser, which took the section pages over budget.

/**
 * Records a problem from inside a transform. zod/mini's transforms get the parse payload without
 * zod's addIssue helper, so issues go onto the payload's list directly.
 */
export function addIssue(ctx: z.core.ParsePayload, message: string, path: PropertyKey[] = []): void {
  ctx.issues.push({ code: "custom", message, path, input: ctx.value });
}

/** Browsers send a textarea's line breaks as two characters; the character count counts one. */
const withinLimit = (max: number) => (value: string) => value.replace(/\r\n/g, "\n").length <= max;

export function requiredText(missing: string, max: number, tooLong: string) {
  return z.string({ error: missing }).check(z.trim(), z.minLength(1, missing), z.refine(withinLimit(max), tooLong));
}

export function optionalText(max: number, tooLong: string) {
  return z.optional(z.string().check(z.trim(), z.refine(withinLimit(max), tooLong)));
}

/** Pounds as typed -> integer pence. `label` names the field in the error, e.g. "LCPF spend in 2017/18". */
export function money(label: string) {
  return z.pipe(
    z.string({ error: `Enter ${label.charAt(0).toLowerCase()}${label.slice(1)}` }),
    z.transform((value: string, ctx) => {
      const parsed = parseMoney(value);
      if (!parsed.ok) {
        addIssue(ctx, `${label}: ${parsed.message.charAt(0).toLowerCase()}${parsed.message.slice(1)}`);
        return z.NEVER;
      }
      return parsed.pence;
    }),
  );
}

/** An amount that may be left blank, meaning £0. */
export function optionalMoney(label: string) {
  return z.pipe(
    z.optional(money(label)),
    z.transform((pence: number | undefined) => pence ?? 0),
  );
}

export const yesNo = (missing: string) => z.enum(["yes", "no"], { error: missing });

export function checkbox() {
  return z.pipe(
    z.optional(z.string()),
    z.transform((value: string | undefined) => value !== undefined),
  );
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
  ctx: z.core.ParsePayload,
): string | null {
  const part = (suffix: string) => {
    const value = values[`${name}${suffix}`];
    return typeof value === "string" ? value : undefined;
  };
  const parsed = parseDateParts(part("Day"), part("Month"), part("Year"));
  if (parsed.ok === "empty") {
    if (required) addIssue(ctx, `Enter the date: ${label.toLowerCase()}`, [`${name}Day`]);
    return null;
  }
  if (parsed.ok === false) {
    const suffix = parsed.part === "day" ? "Day" : parsed.part === "month" ? "Month" : "Year";
    addIssue(ctx, `${label} ${parsed.message}`, [`${name}${suffix}`]);
    return null;
  }
  return parsed.date;
}

export const versionField = z.int({ error: "Reload the page and try again" }).check(z.positive());
