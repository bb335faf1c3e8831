import * as z from "zod/mini";
import { addIssue, checkDateParts } from "~/domain/form-fields";
import { financialYearLabel, MAX_ROUND_YEARS } from "~/domain/rounds";

/** A funding round's settings, as the admin's create and change pages post them. */

export const ROUND_NAME_LIMIT = 120;
const SHORT_LIMIT = 20;

export const ROUND_FIELD_ORDER = [
  "name",
  "firstYear",
  "yearCount",
  "yearsPerPeriod",
  "coCommissionedPercent",
  "splitFromYear",
  "proposalDeadlineDay",
  "proposalDeadlineMonth",
  "proposalDeadlineYear",
  "feedbackDeadlineDay",
  "feedbackDeadlineMonth",
  "feedbackDeadlineYear",
  "priorities",
  "measures",
];

const shortText = z.optional(z.string().check(z.trim(), z.maxLength(SHORT_LIMIT, "Enter a shorter answer")));
const DATE_PARTS = ["Day", "Month", "Year"] as const;
const dateFields = (name: string) => Object.fromEntries(DATE_PARTS.map((p) => [`${name}${p}`, shortText]));
const idList = z.pipe(
  z.optional(z.union([z.string(), z.array(z.string())])),
  z.transform((value: string | string[] | undefined) =>
    value === undefined ? [] : Array.isArray(value) ? value : [value],
  ),
);

/** "2017/18", "2017-18" or "2017" -> 2017; null for anything else. */
export function parseFinancialYear(text: string): number | null {
  const match = /^(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?$/.exec(text.trim());
  if (!match) return null;
  const start = Number(match[1]);
  if (start < 2000 || start > 2100) return null;
  if (match[2] && financialYearLabel(start) !== `${start}/${match[2].slice(-2)}`) return null;
  return start;
}

const wholeNumber = (text: string | undefined, min: number, max: number): number | null => {
  if (!text || !/^\d{1,3}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
};

export type RoundFormValue = {
  name: string;
  firstYear: number;
  yearCount: number;
  yearsPerPeriod: number;
  coCommissionedPercent: number;
  splitFromYearPosition: number;
  proposalDeadline: string | null;
  feedbackDeadline: string | null;
  priorityIds: number[];
  measureIds: number[];
  intent: "save" | "confirm";
};

/**
 * The round's form, checked against the priorities and measures there are. Ticking every priority (or
 * every measure) saves "the standard list", so a round made that way follows the list as it grows.
 */
export function roundSchema(lists: { priorityIds: readonly number[]; measureIds: readonly number[] }) {
  return z.pipe(
    z.object({
      intent: z.optional(z.enum(["save", "confirm"])),
      name: z
        .string({ error: "Enter the round’s name" })
        .check(
          z.trim(),
          z.minLength(1, "Enter the round’s name"),
          z.maxLength(ROUND_NAME_LIMIT, `The name must be ${ROUND_NAME_LIMIT} characters or fewer`),
        ),
      firstYear: z.string({ error: "Enter the round’s first financial year, like 2017/18" }).check(z.trim()),
      yearCount: z.string({ error: "Enter how many financial years the round runs for" }).check(z.trim()),
      yearsPerPeriod: z.string({ error: "Enter how many years each funding period has" }).check(z.trim()),
      coCommissionedPercent: z
        .string({ error: "Enter the percentage for co-commissioned services, 0 if none" })
        .check(z.trim()),
      splitFromYear: shortText,
      ...dateFields("proposalDeadline"),
      ...dateFields("feedbackDeadline"),
      priorities: idList,
      measures: idList,
    }),
    z.transform((value, ctx): RoundFormValue => {
      const firstYear = parseFinancialYear(value.firstYear);
      if (firstYear === null) addIssue(ctx, "Enter the first financial year like 2017/18", ["firstYear"]);
      const yearCount = wholeNumber(value.yearCount, 1, MAX_ROUND_YEARS);
      if (yearCount === null)
        addIssue(ctx, `The number of years must be a whole number from 1 to ${MAX_ROUND_YEARS}`, ["yearCount"]);
      const yearsPerPeriod = wholeNumber(value.yearsPerPeriod, 1, MAX_ROUND_YEARS);
      if (yearsPerPeriod === null || (yearCount !== null && yearsPerPeriod > yearCount))
        addIssue(ctx, "The years in each period must be a whole number from 1 to the number of years", [
          "yearsPerPeriod",
        ]);
      const percent = wholeNumber(value.coCommissionedPercent, 0, 100);
      if (percent === null)
        addIssue(ctx, "The percentage must be a whole number from 0 to 100", ["coCommissionedPercent"]);

      // With 0% nothing is split, so the first year of the split does not matter: the first year stands.
      let splitFromYearPosition = 1;
      if (percent !== 0) {
        const splitStart = value.splitFromYear ? parseFinancialYear(value.splitFromYear) : null;
        if (!value.splitFromYear)
          addIssue(ctx, "Enter the first financial year the split applies to, like 2018/19", ["splitFromYear"]);
        else if (splitStart === null)
          addIssue(ctx, "Enter the first year of the split like 2018/19", ["splitFromYear"]);
        else if (firstYear !== null && yearCount !== null) {
          const position = splitStart - firstYear + 1;
          if (position < 1 || position > yearCount)
            addIssue(ctx, "The split must start in one of the round’s years", ["splitFromYear"]);
          else splitFromYearPosition = position;
        }
      }

      const proposalDeadline = checkDateParts(value, "proposalDeadline", "The proposal deadline", false, ctx);
      const feedbackDeadline = checkDateParts(value, "feedbackDeadline", "The feedback target date", false, ctx);
      if (proposalDeadline && feedbackDeadline && feedbackDeadline < proposalDeadline)
        addIssue(ctx, "The feedback target date must be after the proposal deadline", ["feedbackDeadlineDay"]);

      const ids = (values: string[], known: readonly number[], field: string, missing: string) => {
        const chosen = [...new Set(values.map(Number))];
        if (chosen.some((id) => !known.includes(id)))
          addIssue(ctx, "Reload the page and try again: a choice was not recognised", [field]);
        else if (chosen.length === 0) addIssue(ctx, missing, [field]);
        // Every one ticked is the standard list, stored as none.
        return chosen.length === known.length ? [] : chosen.sort((a, b) => a - b);
      };
      const priorityIds = ids(value.priorities, lists.priorityIds, "priorities", "Choose at least one priority");
      const measureIds = ids(value.measures, lists.measureIds, "measures", "Choose at least one measure of success");

      return {
        name: value.name,
        firstYear: firstYear ?? 0,
        yearCount: yearCount ?? 0,
        yearsPerPeriod: yearsPerPeriod ?? 0,
        coCommissionedPercent: percent ?? 0,
        splitFromYearPosition,
        proposalDeadline,
        feedbackDeadline,
        priorityIds,
        measureIds,
        intent: value.intent ?? "save",
      };
    }),
  );
}

/** What the form shows for a saved round (or, for a new one, the LCPF shape to start from). */
export function roundFormDefaults(
  round: Omit<RoundFormValue, "intent"> | null,
  lists: { priorityIds: readonly number[]; measureIds: readonly number[] },
): Record<string, string | string[] | undefined> {
  const dateParts = (name: string, iso: string | null) => {
    if (!iso) return {};
    const [year, month, day] = iso.split("-");
    return { [`${name}Day`]: String(Number(day)), [`${name}Month`]: String(Number(month)), [`${name}Year`]: year };
  };
  const chosen = (ids: readonly number[], all: readonly number[]) => (ids.length === 0 ? all : ids).map(String);
  if (!round)
    return {
      yearCount: "4",
      yearsPerPeriod: "2",
      coCommissionedPercent: "30",
      priorities: lists.priorityIds.map(String),
      measures: lists.measureIds.map(String),
    };
  return {
    name: round.name,
    firstYear: financialYearLabel(round.firstYear),
    yearCount: String(round.yearCount),
    yearsPerPeriod: String(round.yearsPerPeriod),
    coCommissionedPercent: String(round.coCommissionedPercent),
    splitFromYear:
      round.coCommissionedPercent === 0
        ? undefined
        : financialYearLabel(round.firstYear + round.splitFromYearPosition - 1),
    ...dateParts("proposalDeadline", round.proposalDeadline),
    ...dateParts("feedbackDeadline", round.feedbackDeadline),
    priorities: chosen(round.priorityIds, lists.priorityIds),
    measures: chosen(round.measureIds, lists.measureIds),
  };
}
