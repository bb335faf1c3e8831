import type { Submission } from "@conform-to/react";
import { data } from "react-router";
import { z } from "zod";

/**
 * Pieces every form of ours shares: the proposal's version, the limit on free-text notes, and the
 * answer a route gives when the input is refused.
 */

export const VERSION_PROBLEM = "This page was out of date or incomplete. Go back, reload the page and try again.";

/** The proposal's version as the page saw it: a whole number from 1, never NaN reaching a query. */
export const versionField = z
  .number({ error: VERSION_PROBLEM })
  .int(VERSION_PROBLEM)
  .min(1, VERSION_PROBLEM)
  .max(Number.MAX_SAFE_INTEGER, VERSION_PROBLEM);

/** A database id posted by a form (a project, a reviewer, a funding period). */
export const idField = (message: string) =>
  z.number({ error: message }).int(message).min(1, message).max(Number.MAX_SAFE_INTEGER, message);

/** Workflow comments and notes (to the CSP, from the CSP, MOPAC feedback): long enough for real feedback. */
export const NOTE_LIMIT = 5000;

/**
 * The answer to a parsed form that is not being saved: 422 when the input was refused, 200 when the
 * post only asked the form to change shape (conform's "Add another" and "Remove" list buttons).
 */
export function replyTo<Output>(submission: Submission<Output>, options?: Parameters<Submission<Output>["reply"]>[0]) {
  return data(submission.reply(options), { status: submission.status === "success" || submission.status === undefined ? 200 : 422 });
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
export function withVersion<Schema extends z.ZodType>(schema: Schema) {
  return z.intersection(z.object({ version: versionField }), schema);
}
