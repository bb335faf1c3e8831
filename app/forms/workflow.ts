import * as z from "zod/mini";
import { checkPastDateParts } from "~/domain/dates";
import { optionalText, requiredText } from "~/domain/form-fields";
import type { CommentRule } from "~/domain/workflow";
import { idField, NOTE_LIMIT } from "./common";

/** The forms that move a proposal along its route, and the comments MOPAC adds while reviewing. */

const noteTooLong = (label: string) =>
  `${label.replace(/\s*\(optional\)$/, "")} must be ${NOTE_LIMIT.toLocaleString("en-GB")} characters or fewer`;

/** A step's comment as its workflow rule asks for it: required or optional, never over the limit. */
export function commentField(rule: CommentRule | null) {
  // A step without a comment ignores one sent anyway, as it ignores any other unknown field.
  if (!rule)
    return z.pipe(
      z.unknown(),
      z.transform((): string | undefined => undefined),
    );
  return rule.required
    ? requiredText(rule.missing, NOTE_LIMIT, noteTooLong(rule.label))
    : optionalText(NOTE_LIMIT, noteTooLong(rule.label));
}

/** Longest text a date box takes; anything longer is not a date and need not be read further. */
const DATE_PART_LIMIT = 10;
const datePart = z.optional(z.string().check(z.maxLength(DATE_PART_LIMIT, "Enter a real date")));

export const MEETING_DATE = "meetingDate";
export const MEETING_DATE_LABEL = "The date of the CSP meeting";
const PART_FIELD = { day: "meetingDateDay", month: "meetingDateMonth", year: "meetingDateYear" } as const;

/**
 * A workflow step's form (withdraw, endorse, return). The CSP meeting date, when the step asks for one,
 * is checked by the rule in app/domain/dates.ts; a problem with one box is put on that box, a problem
 * with the whole date on the date.
 */
export function stepSchema(
  options:
    | { comment: CommentRule | null; meetingDate: false }
    | { comment: CommentRule | null; meetingDate: true; today: string },
) {
  const base = z.object({
    comment: commentField(options.comment),
    meetingDateDay: datePart,
    meetingDateMonth: datePart,
    meetingDateYear: datePart,
  });
  const dateOf = (value: {
    meetingDateDay?: string | undefined;
    meetingDateMonth?: string | undefined;
    meetingDateYear?: string | undefined;
  }) =>
    options.meetingDate
      ? checkPastDateParts(
          { day: value.meetingDateDay, month: value.meetingDateMonth, year: value.meetingDateYear },
          options.today,
        )
      : null;
  type Parts = z.output<typeof base>;
  return z.pipe(
    base.check(
      z.superRefine(
        (value: Parts, ctx) => {
          if (!options.meetingDate) return;
          // A box over its length already has its message; the date is not read.
          if (
            [value.meetingDateDay, value.meetingDateMonth, value.meetingDateYear].some(
              (part) => (part?.length ?? 0) > DATE_PART_LIMIT,
            )
          )
            return;
          const checked = dateOf(value);
          if (!checked || checked.ok) return;
          ctx.addIssue({
            code: "custom",
            path: [checked.part ? PART_FIELD[checked.part] : MEETING_DATE],
            message:
              checked.problem === "is missing"
                ? "Enter the date of the CSP meeting"
                : `${MEETING_DATE_LABEL} ${checked.problem}`,
          });
        },
        // Always, so a wrong date shows together with a comment that is too long.
        { when: () => true },
      ),
    ),
    z.transform((value: Parts) => {
      const checked = dateOf(value);
      return { comment: value.comment ?? null, meetingDate: checked?.ok ? checked.date : null };
    }),
  );
}

export const STEP_FIELD_ORDER = [MEETING_DATE, ...Object.values(PART_FIELD), "comment"];

/** The review page's forms: a comment (on a project or the whole proposal), the decision, reassigning. */
export const REVIEW_DECISIONS = ["request_changes", "approve", "reject"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

const reviewComment = requiredText("Enter a comment", NOTE_LIMIT, noteTooLong("Your comment"));

export const reviewCommentSchema = z.object({
  intent: z.literal("comment"),
  projectId: z.optional(idField("Reload the page and try again: the project was not recognised")),
  comment: reviewComment,
});

/**
 * A decision goes through its confirmation page: "check" shows what is about to happen (nothing changes),
 * "confirm" acts. Both carry the decision and the feedback, so nothing typed is lost between them.
 */
export const DECISION_INTENTS = ["check", "confirm"] as const;

export const reviewDecisionSchema = z.object({
  intent: z.enum(DECISION_INTENTS, { error: "Reload the page and try again: the form was not recognised" }),
  decision: z.enum(REVIEW_DECISIONS, { error: "Choose whether to request changes, approve or reject the proposal" }),
  // Whether feedback is required depends on the decision; the workflow's rule says so with its own message.
  comment: optionalText(NOTE_LIMIT, noteTooLong("Feedback for the borough")),
});

export const reviewReassignSchema = z.object({
  intent: z.literal("reassign"),
  reviewerId: idField("Choose a reviewer"),
});

/** The review page's own forms; the decision is posted to its confirmation page instead. */
export const reviewSchema = z.discriminatedUnion("intent", [reviewCommentSchema, reviewReassignSchema], {
  error: "Reload the page and try again: the form was not recognised",
});
