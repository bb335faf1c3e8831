import * as z from "zod/mini";
import type { ContributorInput } from "~/data/projects.server";
import { optionalMoney, optionalText } from "~/domain/form-fields";
import { formatMoneyForInput } from "~/domain/money";
import { LIMITS } from "~/domain/project-fields";
import { defineSection, type FormValues, type SectionContext } from "../project-section";

export type ContributorKind = "partner" | "vcs";

/**
 * Rows the schema reads per group. schema(ctx) cannot know how many rows were posted, so it accepts
 * up to this many, each optional; far more than any project has (the CSP report's have a handful).
 */
export const MAX_CONTRIBUTOR_ROWS = 50;

export const CONTRIBUTOR_GROUPS = {
  partner: {
    kind: "partner",
    noun: "Partner",
    rowsField: "partnerRows",
    missingName: "Enter the partner’s name",
    hasInKind: true,
  },
  vcs: {
    kind: "vcs",
    noun: "Organisation",
    rowsField: "vcsRows",
    missingName: "Enter the organisation’s name",
    hasInKind: false,
  },
} as const;

const KINDS: readonly ContributorKind[] = ["partner", "vcs"];

export const contributorNameField = (kind: ContributorKind, index: number) => `${kind}-${index}-name`;
export const contributorAmountField = (kind: ContributorKind, index: number, financialYearId: number) =>
  `${kind}-${index}-amount-${financialYearId}`;
export const contributorInKindField = (index: number) => `partner-${index}-inKind`;

/** Every field name of one row, in page order. */
function rowFields(kind: ContributorKind, index: number, ctx: SectionContext): string[] {
  return [
    contributorNameField(kind, index),
    ...ctx.years.map((year) => contributorAmountField(kind, index, year.financialYearId)),
    ...(CONTRIBUTOR_GROUPS[kind].hasInKind ? [contributorInKindField(index)] : []),
  ];
}

const rowIndexes = () => Array.from({ length: MAX_CONTRIBUTOR_ROWS }, (_, index) => index);

const filledText = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

/**
 * Whether anything besides the name was given. Runs on partly parsed values: an amount that did not
 * parse is not a number and counts as given, so its row still needs a name.
 */
function hasDetails(value: Record<string, unknown>, kind: ContributorKind, index: number, ctx: SectionContext): boolean {
  const amountGiven = ctx.years.some((year) => {
    const amount = value[contributorAmountField(kind, index, year.financialYearId)];
    return amount !== undefined && amount !== 0;
  });
  return amountGiven || (CONTRIBUTOR_GROUPS[kind].hasInKind && filledText(value[contributorInKindField(index)]));
}

function contributorsOf(value: Record<string, unknown>, kind: ContributorKind, ctx: SectionContext): ContributorInput[] {
  const list: ContributorInput[] = [];
  for (const index of rowIndexes()) {
    const name = value[contributorNameField(kind, index)];
    // Rows without a name were refused unless wholly blank, and blank rows are not contributors.
    if (!filledText(name)) continue;
    const inKind = CONTRIBUTOR_GROUPS[kind].hasInKind ? value[contributorInKindField(index)] : undefined;
    list.push({
      name,
      inKind: filledText(inKind) ? inKind : null,
      amounts: ctx.years.flatMap((year) => {
        const amount = value[contributorAmountField(kind, index, year.financialYearId)];
        return typeof amount === "number" && amount > 0 ? [{ financialYearId: year.financialYearId, amountPence: amount }] : [];
      }),
    });
  }
  return list;
}

/**
 * How many rows of a group the page shows: every row that has something in it plus one blank one, and
 * never fewer than the page showed last time (`partnerRows` / `vcsRows`), so a refused save comes back
 * as it was sent.
 */
export function rowsToShow(values: FormValues, kind: ContributorKind, ctx: SectionContext): number {
  const shown = Number(values[CONTRIBUTOR_GROUPS[kind].rowsField]);
  let lastFilled = -1;
  for (const index of rowIndexes()) {
    if (rowFields(kind, index, ctx).some((name) => filledText(values[name]))) lastFilled = index;
  }
  const atLeast = Number.isSafeInteger(shown) && shown > 0 ? shown : 0;
  return Math.min(MAX_CONTRIBUTOR_ROWS, Math.max(atLeast, lastFilled + 2));
}

function buildSchema(ctx: SectionContext) {
  // The row counts only tell the page how many rows to draw again; they are never an error.
  const shape: Record<string, z.ZodMiniType> = { partnerRows: z.optional(z.string()), vcsRows: z.optional(z.string()) };
  for (const kind of KINDS) {
    const { noun, hasInKind } = CONTRIBUTOR_GROUPS[kind];
    for (const index of rowIndexes()) {
      const row = `${noun} ${index + 1}`;
      shape[contributorNameField(kind, index)] = optionalText(
        LIMITS.contributorName,
        `${row}’s name must be ${LIMITS.contributorName} characters or fewer`,
      );
      for (const year of ctx.years) {
        shape[contributorAmountField(kind, index, year.financialYearId)] = optionalMoney(`${row}’s amount in ${year.label}`);
      }
      if (hasInKind) {
        shape[contributorInKindField(index)] = optionalText(
          LIMITS.inKind,
          `${row}’s in-kind contribution must be ${LIMITS.inKind} characters or fewer`,
        );
      }
    }
  }
  return z.pipe(
    z.object(shape).check(
      z.superRefine(
      (value: Record<string, unknown>, refinement) => {
        for (const kind of KINDS) {
          for (const index of rowIndexes()) {
            const name = contributorNameField(kind, index);
            if (!filledText(value[name]) && hasDetails(value, kind, index, ctx)) {
              refinement.addIssue({ code: "custom", path: [name], message: CONTRIBUTOR_GROUPS[kind].missingName });
            }
          }
        }
      },
      // Always, so a missing name shows together with a wrong amount elsewhere on the page.
      { when: () => true },
      ),
    ),
    z.transform((value: Record<string, unknown>) => ({
      partners: contributorsOf(value, "partner", ctx),
      vcs: contributorsOf(value, "vcs", ctx),
    })),
  );
}

// Hundreds of optional fields make this schema slow to build and to parse the first time (~40ms), and
// the browser revalidates on every keystroke with the same ctx: build it once per ctx.
const schemas = new WeakMap<SectionContext, ReturnType<typeof buildSchema>>();

export const partnersSection = defineSection({
  id: "partners",
  heading: "Partners and voluntary organisations",
  schema: (ctx) => {
    const cached = schemas.get(ctx);
    if (cached) return cached;
    const schema = buildSchema(ctx);
    schemas.set(ctx, schema);
    return schema;
  },
  defaults: (project, ctx) => {
    const values: FormValues = {};
    for (const kind of KINDS) {
      const saved = project.contributors.filter((contributor) => contributor.kind === kind);
      saved.forEach((contributor, index) => {
        values[contributorNameField(kind, index)] = contributor.name;
        for (const year of ctx.years) {
          const amount = contributor.amounts.find((a) => a.financialYearId === year.financialYearId);
          if (amount && amount.amountPence > 0) {
            values[contributorAmountField(kind, index, year.financialYearId)] = formatMoneyForInput(amount.amountPence);
          }
        }
        if (CONTRIBUTOR_GROUPS[kind].hasInKind && contributor.inKind !== null) {
          values[contributorInKindField(index)] = contributor.inKind;
        }
      });
      values[CONTRIBUTOR_GROUPS[kind].rowsField] = String(Math.min(MAX_CONTRIBUTOR_ROWS, saved.length + 1));
    }
    return values;
  },
  toChanges: (value) => ({
    contributors: [
      { kind: "partner", list: value.partners },
      { kind: "vcs", list: value.vcs },
    ],
  }),
  fieldOrder: (ctx) => KINDS.flatMap((kind) => rowIndexes().flatMap((index) => rowFields(kind, index, ctx))),
});
