import * as z from "zod/mini";
import { addIssue, optionalText, requiredText } from "~/domain/form-fields";
import { parseMoney } from "~/domain/money";

/**
 * The admin forms of reviewer leads, partnerships and local priorities. Their fields depend on the
 * boroughs and reviewers in the database, so each schema is built from those lists; the server parses
 * with it (the forms work without JavaScript and answer a refused post with what was typed).
 */

/** Longest id text a select or radio posts; anything longer is not one of ours. */
const CHOICE_LIMIT = 20;

/** The select of a borough's lead reviewer: `lead-<boroughId>`. */
export const leadField = (boroughId: number) => `lead-${boroughId}`;

/** "No lead reviewer": a value of its own, since conform reads an empty choice as a field not sent. */
export const NO_LEAD = "none";

/**
 * One select per borough: a reviewer's id, or "none" (the least busy reviewer gets its submissions). A
 * borough whose select was not posted is left as it is (undefined). `allowed` lists, per borough, the
 * reviewer ids it may name (the active reviewers and its current lead).
 */
export function reviewerLeadsSchema(allowed: ReadonlyMap<number, readonly number[]>) {
  const shape: Record<string, z.ZodMiniType<number | null | undefined>> = {};
  for (const [boroughId, reviewerIds] of allowed) {
    shape[leadField(boroughId)] = z.pipe(
      z.optional(z.string().check(z.maxLength(CHOICE_LIMIT, "Choose a reviewer from the list"))),
      z.transform((value: string | undefined, ctx) => {
        if (value === undefined) return undefined;
        if (value === NO_LEAD) return null;
        const id = Number(value);
        if (!reviewerIds.includes(id)) {
          addIssue(ctx, "Choose a reviewer from the list");
          return z.NEVER;
        }
        return id;
      }),
    );
  }
  return z.object(shape);
}

export const PARTNERSHIP_NAME_LIMIT = 100;

/** "Any member borough’s CSP" is this value of the endorsers radios; otherwise a borough's id. */
export const ANY_MEMBER = "any";

export const PARTNERSHIP_FIELD_ORDER = ["name", "memberIds", "endorsers"] as const;

/** A partnership: its name, two or more member boroughs, and whose CSP endorsers endorse its joint proposal. */
export function partnershipSchema(boroughIds: readonly number[]) {
  const chooseMembers = "Choose at least two member boroughs";
  return z.pipe(
    z.object({
      name: requiredText(
        "Enter the partnership’s name",
        PARTNERSHIP_NAME_LIMIT,
        `The partnership’s name must be ${PARTNERSHIP_NAME_LIMIT} characters or fewer`,
      ),
      memberIds: z.pipe(
        z.array(z.string().check(z.maxLength(CHOICE_LIMIT)), { error: chooseMembers }),
        z.transform((values: string[], ctx) => {
          const ids = [...new Set(values.map(Number))];
          if (ids.some((id) => !boroughIds.includes(id))) {
            addIssue(ctx, "Choose member boroughs from the list");
            return z.NEVER;
          }
          if (ids.length < 2) {
            addIssue(ctx, chooseMembers);
            return z.NEVER;
          }
          return ids;
        }),
      ),
      endorsers: z.string({ error: "Choose whose CSP endorses the joint proposal" }).check(z.maxLength(CHOICE_LIMIT)),
    }),
    z.transform((value, ctx) => {
      if (value.endorsers === ANY_MEMBER) return { ...value, endorsingOrganisationId: null };
      const id = Number(value.endorsers);
      if (!value.memberIds.includes(id)) {
        addIssue(ctx, "Choose one of the member boroughs whose CSP endorses the joint proposal", ["endorsers"]);
        return z.NEVER;
      }
      return { ...value, endorsingOrganisationId: id };
    }),
  );
}

/** The partnership's own allocation for a year: `own-<yearId>`; a member's share: `share-<yearId>-<boroughId>`. */
export const ownField = (yearId: number) => `own-${yearId}`;
export const shareField = (yearId: number, boroughId: number) => `share-${yearId}-${boroughId}`;

/** Longest amount typed; "£10,000,000.00" is 14. */
const MONEY_TEXT_LIMIT = 30;

function amountField(label: string) {
  return z.pipe(
    z.optional(z.string().check(z.maxLength(MONEY_TEXT_LIMIT, `${label} must be an amount in pounds, like £160,000`))),
    z.transform((value: string | undefined, ctx) => {
      if (value === undefined || value.trim() === "") return null;
      const parsed = parseMoney(value);
      if (!parsed.ok) {
        addIssue(ctx, `${label}: ${parsed.message.charAt(0).toLowerCase()}${parsed.message.slice(1)}`);
        return z.NEVER;
      }
      return parsed.pence;
    }),
  );
}

export type AllocationFormYear = { id: number; label: string };
export type AllocationFormMember = { id: number; name: string };

/**
 * The partnership's allocation for each year: its own amount (blank: not set) and each member's share
 * moved into it (blank: none). Amounts are pounds as typed, pence after parsing.
 */
export function partnershipAllocationSchema(
  partnershipName: string,
  years: readonly AllocationFormYear[],
  members: readonly AllocationFormMember[],
) {
  const shape: Record<string, z.ZodMiniType<number | null>> = {};
  for (const year of years) {
    shape[ownField(year.id)] = amountField(`${partnershipName}’s own allocation for ${year.label}`);
    for (const member of members) {
      shape[shareField(year.id, member.id)] = amountField(`${member.name}’s share for ${year.label}`);
    }
  }
  return z.pipe(
    z.object(shape),
    z.transform((value) =>
      years.map((year) => ({
        financialYearId: year.id,
        ownPence: value[ownField(year.id)] ?? null,
        shares: members.map((member) => ({
          organisationId: member.id,
          pence: value[shareField(year.id, member.id)] ?? 0,
        })),
      })),
    ),
  );
}

export const LOCAL_PRIORITY_LIMIT = 200;
export const MIN_LOCAL_PRIORITIES = 2;
export const MAX_LOCAL_PRIORITIES = 4;
export const localPriorityField = (index: number) => `priority${index + 1}`;
export const LOCAL_PRIORITY_FIELDS = Array.from({ length: MAX_LOCAL_PRIORITIES }, (_, i) => localPriorityField(i));

/** A borough's two to four local priorities, typed one to a box; blank boxes are skipped. */
export const localPrioritiesSchema = z.pipe(
  z.object({
    boroughId: z.string({ error: "Choose a borough" }).check(z.maxLength(CHOICE_LIMIT)),
    ...Object.fromEntries(
      LOCAL_PRIORITY_FIELDS.map((field, index) => [
        field,
        optionalText(
          LOCAL_PRIORITY_LIMIT,
          `Local priority ${index + 1} must be ${LOCAL_PRIORITY_LIMIT} characters or fewer`,
        ),
      ]),
    ),
  }),
  z.transform((value: { boroughId: string } & Record<string, string | undefined>, ctx) => {
    const names = LOCAL_PRIORITY_FIELDS.map((field) => value[field]?.trim() ?? "").filter((name) => name !== "");
    if (names.length < MIN_LOCAL_PRIORITIES) {
      addIssue(ctx, `Enter at least ${MIN_LOCAL_PRIORITIES} local priorities`, [localPriorityField(0)]);
      return z.NEVER;
    }
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name.toLowerCase())) {
        addIssue(ctx, "Enter each local priority once", [localPriorityField(names.indexOf(name))]);
        return z.NEVER;
      }
      seen.add(name.toLowerCase());
    }
    return { boroughId: Number(value.boroughId), names };
  }),
);
