import * as z from "zod/mini";
import type { ContributorInput } from "~/data/projects.server";
import { addIssue, optionalMoney, optionalText } from "~/domain/form-fields";
import { formatMoneyForInput } from "~/domain/money";
import { LIMITS } from "~/domain/project-fields";
import { defineSection, type FormValues, type SectionContext } from "../project-section";

export type ContributorKind = "partner" | "vcs";

/**
 * Most partners (or organisations) one project may list. The page has no cap of its own: people add
 * rows one at a time. The limit keeps one post bounded; the CSP report's projects have a handful.
 */
export const MAX_CONTRIBUTORS = 100;

export const CONTRIBUTOR_GROUPS = {
  partner: {
    kind: "partner",
    list: "partners",
    noun: "Partner",
    plural: "partners",
    missingName: "Enter the partner’s name",
    hasInKind: true,
  },
  vcs: {
    kind: "vcs",
    list: "vcs",
    noun: "Organisation",
    plural: "voluntary and community sector organisations",
    missingName: "Enter the organisation’s name",
    hasInKind: false,
  },
} as const;

export const CONTRIBUTOR_KINDS: readonly ContributorKind[] = ["partner", "vcs"];

/** Field names inside one item of a list: conform posts them as `partners[0].name`, `partners[0].amount-2`. */
export const amountKey = (financialYearId: number) => `amount-${financialYearId}`;
export const itemField = (kind: ContributorKind, index: number, key: string) =>
  `${CONTRIBUTOR_GROUPS[kind].list}[${index}].${key}`;

export const tooManyMessage = (kind: ContributorKind) =>
  `A project can list up to ${MAX_CONTRIBUTORS} ${CONTRIBUTOR_GROUPS[kind].plural}. Remove some, or contact MOPAC if it really has more`;

type Item = { name?: string | undefined; inKind?: string | undefined } & Record<string, unknown>;

/** One row's checks; its messages name the row ("Partner 3’s amount in 2017/18"), so they are built per row. */
function itemSchema(kind: ContributorKind, index: number, ctx: SectionContext) {
  const { noun, hasInKind, missingName } = CONTRIBUTOR_GROUPS[kind];
  const row = `${noun} ${index + 1}`;
  const shape: Record<string, z.ZodMiniType> = {
    name: optionalText(LIMITS.contributorName, `${row}’s name must be ${LIMITS.contributorName} characters or fewer`),
  };
  for (const year of ctx.years)
    shape[amountKey(year.financialYearId)] = optionalMoney(`${row}’s amount in ${year.label}`);
  if (hasInKind) {
    shape.inKind = optionalText(
      LIMITS.inKind,
      `${row}’s in-kind contribution must be ${LIMITS.inKind} characters or fewer`,
    );
  }
  return z.object(shape).check(
    z.superRefine(
      (value: Record<string, unknown>, refinement) => {
        if (!filledText(value.name) && hasDetails(value, kind, ctx)) {
          refinement.addIssue({ code: "custom", path: ["name"], message: missingName });
        }
      },
      // Always, so a missing name shows together with a wrong amount in the same row.
      { when: () => true },
    ),
  );
}

const filledText = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

/**
 * Whether anything besides the name was given. Runs on partly parsed values: an amount that did not
 * parse is not a number and counts as given, so its row still needs a name.
 */
function hasDetails(value: Record<string, unknown>, kind: ContributorKind, ctx: SectionContext): boolean {
  const amountGiven = ctx.years.some((year) => {
    const amount = value[amountKey(year.financialYearId)];
    return amount !== undefined && amount !== 0;
  });
  return amountGiven || (CONTRIBUTOR_GROUPS[kind].hasInKind && filledText(value.inKind));
}

function toContributor(item: Item, kind: ContributorKind, ctx: SectionContext): ContributorInput | null {
  // Rows without a name were refused unless wholly blank, and blank rows are not contributors.
  if (!filledText(item.name)) return null;
  return {
    name: item.name,
    inKind: CONTRIBUTOR_GROUPS[kind].hasInKind && filledText(item.inKind) ? item.inKind : null,
    amounts: ctx.years.flatMap((year) => {
      const amount = item[amountKey(year.financialYearId)];
      return typeof amount === "number" && amount > 0
        ? [{ financialYearId: year.financialYearId, amountPence: amount }]
        : [];
    }),
  };
}

/** Conform leaves blank boxes out of an item; a blank item arrives as undefined. Both are just blank. */
const looseItem = z.optional(z.record(z.string(), z.unknown()));

function listSchema(kind: ContributorKind, ctx: SectionContext) {
  const rows = new Map<number, ReturnType<typeof itemSchema>>();
  const rowSchema = (index: number) => {
    let schema = rows.get(index);
    if (!schema) rows.set(index, (schema = itemSchema(kind, index, ctx)));
    return schema;
  };
  return z.pipe(
    z.optional(z.array(looseItem).check(z.maxLength(MAX_CONTRIBUTORS, tooManyMessage(kind)))),
    z.transform((items: (Record<string, unknown> | undefined)[] | undefined, refinement) => {
      const list: ContributorInput[] = [];
      (items ?? []).forEach((item, index) => {
        const parsed = z.safeParse(rowSchema(index), withoutBlanks(item ?? {}));
        if (!parsed.success) {
          for (const issue of parsed.error.issues) addIssue(refinement, issue.message, [index, ...issue.path]);
          return;
        }
        const contributor = toContributor(parsed.data as Item, kind, ctx);
        if (contributor) list.push(contributor);
      });
      return list;
    }),
  );
}

/** What the browser sends for an empty box (an empty string) means the same as no box at all. */
function withoutBlanks(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(item).filter(([, value]) => !(typeof value === "string" && value.trim() === "")),
  );
}

function buildSchema(ctx: SectionContext) {
  return z.pipe(
    z.object({ partners: listSchema("partner", ctx), vcs: listSchema("vcs", ctx) }),
    z.transform((value: { partners: ContributorInput[]; vcs: ContributorInput[] }) => ({
      partners: value.partners,
      vcs: value.vcs,
    })),
  );
}

// The browser revalidates on every keystroke with the same ctx: build the schema once per ctx.
const schemas = new WeakMap<SectionContext, ReturnType<typeof buildSchema>>();

export const partnersSection = defineSection({
  id: "partners",
  heading: "Partners and voluntary organisations",
  reads: { context: ["years"], project: ["contributors"] },
  schema: (ctx) => {
    const cached = schemas.get(ctx);
    if (cached) return cached;
    const schema = buildSchema(ctx);
    schemas.set(ctx, schema);
    return schema;
  },
  defaults: (project, ctx) => {
    const values: FormValues = {};
    for (const kind of CONTRIBUTOR_KINDS) {
      const saved = project.contributors.filter((contributor) => contributor.kind === kind);
      const items: FormValues[] = saved.map((contributor) => {
        const item: FormValues = { name: contributor.name };
        for (const year of ctx.years) {
          const amount = contributor.amounts.find((a) => a.financialYearId === year.financialYearId);
          if (amount && amount.amountPence > 0)
            item[amountKey(year.financialYearId)] = formatMoneyForInput(amount.amountPence);
        }
        if (CONTRIBUTOR_GROUPS[kind].hasInKind && contributor.inKind !== null) item.inKind = contributor.inKind;
        return item;
      });
      // A group with nothing saved starts with one blank row to fill in.
      values[CONTRIBUTOR_GROUPS[kind].list] = items.length > 0 ? items : [{}];
    }
    return values;
  },
  toChanges: (value) => ({
    contributors: [
      { kind: "partner", list: value.partners },
      { kind: "vcs", list: value.vcs },
    ],
  }),
  fieldOrder: () => CONTRIBUTOR_KINDS.map((kind) => CONTRIBUTOR_GROUPS[kind].list),
});
