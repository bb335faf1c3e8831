import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import * as z from "zod/mini";

/**
 * Pieces every form of ours shares: the proposal's version, the limit on free-text notes, and the
 * answer a route gives when the input is refused.
 */

export const VERSION_PROBLEM = "This page was out of date or incomplete. Go back, reload the page and try again.";

/** The proposal's version as the page saw it: a whole number from 1, never NaN reaching a query. */
export const versionField = z
  .int({ error: VERSION_PROBLEM })
  .check(z.minimum(1, VERSION_PROBLEM), z.maximum(Number.MAX_SAFE_INTEGER, VERSION_PROBLEM));

/** A database id posted by a form (a project, a reviewer, a funding period). */
export const idField = (message: string) =>
  z.int({ error: message }).check(z.minimum(1, message), z.maximum(Number.MAX_SAFE_INTEGER, message));

/** Workflow comments and notes (to the CSP, from the CSP, MOPAC feedback): long enough for real feedback. */
export const NOTE_LIMIT = 5000;

/**
 * The answer to a parsed form that is not being saved: 422 when the input was refused, 200 when the
 * post only asked the form to change shape (conform's "Add another" and "Remove" list buttons).
 */
export function replyTo<Output>(submission: Submission<Output>, options?: Parameters<Submission<Output>["reply"]>[0]) {
  return data(submission.reply(options), {
    status: submission.status === "success" || submission.status === undefined ? 200 : 422,
  });
}

/**
 * Input that parsed but was refused when acting on it, with the reason shown on the form: a stale
 * version (409), a duplicate title (422), a step this person may not take (403).
 */
export function refuse<Output>(
  submission: Submission<Output>,
  problem: { message: string; field?: string | undefined },
  status: 403 | 409 | 422 = 422,
) {
  const reply = problem.field
    ? submission.reply({ fieldErrors: { [problem.field]: [problem.message] } })
    : submission.reply({ formErrors: [problem.message] });
  return data(reply, { status });
}

/** A form's own schema plus the proposal's version, for forms that save under the version check. */
export function withVersion<Schema extends z.core.$ZodType>(schema: Schema) {
  return z.intersection(z.object({ version: versionField }), schema);
}

/**
 * Conform's list buttons ("Add another", "Remove") post their intent under this name, as JSON. The
 * browser's copy is whatever the person sends, so the server reads it only through `parseForm`.
 */
export const LIST_INTENT = "__intent__";

/** The value of an "Add another" or "Remove" button, in conform's own format. */
export function listIntent(
  intent: { type: "insert"; name: string } | { type: "remove"; name: string; index: number },
): string {
  return JSON.stringify(
    intent.type === "insert"
      ? { type: "insert", payload: { name: intent.name } }
      : { type: "remove", payload: { name: intent.name, index: intent.index } },
  );
}

/** Index of a list row the server will act on: lists are bounded far below this. */
const MAX_LIST_INDEX = 999;

const intentSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("validate"),
    payload: z.object({ name: z.optional(z.string().check(z.maxLength(200))) }),
  }),
  z.object({
    type: z.literal("insert"),
    payload: z.strictObject({ name: z.string().check(z.regex(/^[A-Za-z]\w{0,40}$/)) }),
  }),
  z.object({
    type: z.literal("remove"),
    payload: z.strictObject({
      name: z.string().check(z.regex(/^[A-Za-z]\w{0,40}$/)),
      index: z.int().check(z.minimum(0), z.maximum(MAX_LIST_INDEX)),
    }),
  }),
]);

export const UNKNOWN_FORM_ACTION = "This form was not recognised. Go back, reload the page and try again.";

/**
 * `parseWithZod` for a post from a person, not from our own page: a list button's intent is accepted
 * only as one of ours (adding to or removing from a top-level list, at a small index), never as JSON
 * that conform would fail on or use to grow a list without bound. Anything else is a 422.
 */
export function parseForm<Schema extends z.core.$ZodType>(
  formData: FormData,
  options: { schema: Schema },
): Submission<z.input<Schema>, string[], z.output<Schema>> {
  const intent = formData.get(LIST_INTENT);
  if (intent !== null && !acceptableIntent(intent)) {
    const refused = z
      .unknown()
      .check(z.superRefine((_, ctx) => ctx.addIssue({ code: "custom", path: [], message: UNKNOWN_FORM_ACTION })));
    const submission = parseWithZod(new FormData(), { schema: refused });
    // Typed as the form's own, so the route answers it like any other refused input.
    return submission as unknown as Submission<z.input<Schema>, string[], z.output<Schema>>;
  }
  // Our schemas are synchronous, so conform answers synchronously.
  return parseWithZod(formData, options) as Submission<z.input<Schema>, string[], z.output<Schema>>;
}

function acceptableIntent(intent: FormDataEntryValue): boolean {
  if (typeof intent !== "string" || intent.length > 500) return false;
  try {
    return z.safeParse(intentSchema, JSON.parse(intent)).success;
  } catch {
    return false;
  }
}
