import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ReactNode } from "react";
import { Form, useNavigation } from "react-router";
import type { z } from "zod";
import { NOTE_LIMIT } from "~/forms/common";
import { Button, type ButtonVariant } from "./button";
import { ErrorSummary } from "./error-summary";
import { errorSummaryItems } from "./form-errors";
import { Textarea } from "./textarea";
import { text, useGovukForm, type FormShape } from "./use-govuk-form";

type FieldErrors = Record<string, string[] | undefined>;

export type CommentField = { id: string; label: string; hint?: string; maxLength?: number };

/**
 * The error summary for a server's answer to an action form, for the top of the page. `ids` maps a
 * field's name to its id where they differ (a page with several comment boxes).
 */
export function actionFormSummary(
  lastResult: SubmissionResult<string[]> | undefined | null,
  fieldOrder: readonly string[],
  ids: Record<string, string> = {},
) {
  return summaryItems((lastResult?.error ?? {}) as FieldErrors, fieldOrder, ids);
}

function summaryItems(errors: FieldErrors, fieldOrder: readonly string[], ids: Record<string, string>) {
  const items = errorSummaryItems(errors, fieldOrder, ids[fieldOrder[0] ?? ""]);
  return items.map((item) => {
    const name = item.href.slice(1);
    return ids[name] ? { ...item, href: `#${ids[name]}` } : item;
  });
}

/**
 * A workflow step or a review action as a form: the same zod schema checks it in the browser (with
 * JavaScript) and on the server, an optional or required comment, and one button. The button is
 * disabled while the request is on its way, and the server treats a repeat as the same act.
 *
 * The error summary belongs at the top of the page: the page shows the server's answer there
 * (`actionFormSummary`). Errors found in the browser before posting are summarised here, above the
 * form, unless the page says otherwise.
 */
export function ActionForm({
  id,
  schema,
  fieldOrder = ["comment"],
  lastResult,
  action,
  button,
  variant,
  comment,
  summaryHere = true,
  defaults = {},
  children,
}: {
  /** Unique on the page. */
  id: string;
  schema: z.core.$ZodType;
  fieldOrder?: readonly string[];
  lastResult?: SubmissionResult<string[]> | undefined | null;
  action?: string;
  button: string;
  variant?: ButtonVariant;
  comment?: CommentField | undefined;
  summaryHere?: boolean;
  /** Values to start from, such as a decision and feedback brought back to be changed. */
  defaults?: FormShape;
  children?: ReactNode | ((errors: FieldErrors, values: FormShape) => ReactNode);
}) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  const { form, values, errors } = useGovukForm({ id, schema, fieldOrder, defaults, lastResult });
  const ids: Record<string, string> = comment ? { comment: comment.id } : {};
  // What the browser found before posting; the server's answer is summarised by the page.
  const local = lastResult ? [] : summaryItems(errors, fieldOrder, ids);
  return (
    <Form method="post" action={action} {...getFormProps(form)} key={form.key}>
      {summaryHere ? <ErrorSummary errors={local} /> : null}
      {typeof children === "function" ? children(errors, values) : children}
      {comment ? (
        <Textarea
          name="comment"
          id={comment.id}
          label={comment.label}
          labelSize="s"
          hint={comment.hint}
          rows={4}
          maxLength={comment.maxLength ?? NOTE_LIMIT}
          defaultValue={text(values, "comment")}
          error={errors.comment}
        />
      ) : null}
      <Button type="submit" variant={variant} disabled={busy}>
        {button}
      </Button>
    </Form>
  );
}
