import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { useContext, type ReactNode } from "react";
import { Form, useFormAction, useNavigation } from "react-router";
import type { z } from "zod";
import { NOTE_LIMIT } from "~/forms/common";
import { Button, type ButtonVariant } from "./button";
import { KeptMarkup } from "./prerendered";
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

type ActionFormProps = {
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
  /** Fields posted as they stand (what the form is about, which project), written first. */
  hidden?: Readonly<Record<string, string | number>>;
  children?: ReactNode | ((errors: FieldErrors, values: FormShape) => ReactNode);
};

/**
 * A workflow step or a review action as a form: the same zod schema checks it in the browser (with
 * JavaScript) and on the server, an optional or required comment, and one button. The button is
 * disabled while the request is on its way, and the server treats a repeat as the same act.
 *
 * The error summary belongs at the top of the page: the page shows the server's answer there
 * (`actionFormSummary`). Errors found in the browser before posting are summarised here, above the
 * form, unless the page says otherwise.
 *
 * On the server, a form the server has not answered is written without conform and without React
 * Router's <Form> (ServerActionForm): their per-form work (conform's form state and its proxies, a
 * submit function, the action's address resolved again) changes nothing in the markup of a form with
 * no errors and its starting values, and the review page's nineteen comment boxes spent about a third
 * of the page's time on it. The browser hydrates the same markup with the live form (LiveActionForm),
 * which validates with the schema as before; test/unit/ui/action-form.test.tsx checks that both write
 * the same markup. A form whose fields its props describe (`hidden` rather than children) goes further:
 * its inside is rendered once per distinct props and kept (KeptMarkup), and the browser hydrates the
 * form's children from that markup.
 */
export function ActionForm(props: ActionFormProps) {
  const onServer = typeof document === "undefined";
  return onServer && !props.lastResult ? <ServerActionForm {...props} /> : <LiveActionForm {...props} />;
}

/** The form as the browser runs it (and as the server writes it when it answers a post). */
export function LiveActionForm(props: ActionFormProps) {
  const { id, schema, lastResult, action } = props;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  const { form, values, errors } = useGovukForm({
    id,
    schema,
    fieldOrder: props.fieldOrder ?? COMMENT_ONLY,
    defaults: props.defaults ?? NO_VALUES,
    lastResult,
  });
  return (
    <Form method="post" action={action} {...getFormProps(form)} key={form.key}>
      <ActionFormBody
        form={props}
        errors={errors}
        values={values}
        // What the browser found before posting; the server's answer is summarised by the page.
        summarise={!lastResult}
        busy={busy}
      />
    </Form>
  );
}

/**
 * The markup LiveActionForm writes on the server for a form not yet posted: no errors, the starting
 * values, a button that is not busy, and <Form>'s attributes (its resolved action and route discovery
 * marker) on a plain form element.
 *
 * The form's props are handed down whole rather than spread with more beside them: V8 (Node 20) takes
 * microseconds to build `{ ...props, more }`, and a page can have a score of these forms.
 */
export function ServerActionForm(props: ActionFormProps) {
  // An address that is already a plain path is its own resolved action: a page of many forms that all
  // post to one address (the review page's comment boxes) names it rather than have each form work it
  // out from the route again.
  return props.action !== undefined && PLAIN_PATH.test(props.action) ? (
    <ServerFormElement form={props} formAction={props.action} discover />
  ) : (
    <ResolvedServerForm form={props} />
  );
}

/** A path from the root with no query, fragment, empty or dot segments: what React Router's <Form> would write as it is. */
const PLAIN_PATH = /^(?:\/(?!\.)[^/?#\\]+)+$/;

function ResolvedServerForm({ form }: { form: ActionFormProps }) {
  const formAction = useFormAction(form.action);
  const isAbsolute = form.action !== undefined && /^(?:[a-z][a-z0-9+.-]*:|[\\/]{2})/i.test(form.action);
  return <ServerFormElement form={form} formAction={formAction} discover={!isAbsolute} />;
}

function ServerFormElement({
  form,
  formAction,
  discover,
}: {
  form: ActionFormProps;
  formAction: string;
  discover: boolean;
}) {
  const keep = useContext(KeptMarkup);
  const body = () => (
    <ActionFormBody form={form} errors={NO_ERRORS} values={form.defaults ?? NO_VALUES} summarise busy={false} />
  );
  // A form whose fields are all described by its props (no children) is written from markup kept for those
  // props: the review page's nineteen comment boxes are the same on every request.
  const html = keep && form.children === undefined ? keep(bodyInput(form), body) : null;
  return (
    <form
      method="post"
      action={formAction}
      id={form.id}
      noValidate
      data-discover={discover ? "true" : undefined}
      dangerouslySetInnerHTML={html === null ? undefined : { __html: html }}
    >
      {html === null ? body() : undefined}
    </form>
  );
}

/** Everything ActionFormBody reads from a form without children, not yet posted. */
function bodyInput({ hidden, comment, button, variant, defaults, fieldOrder, summaryHere }: ActionFormProps): string {
  return JSON.stringify(["ActionFormBody", hidden, comment, button, variant, defaults, fieldOrder, summaryHere]);
}

const COMMENT_ONLY: readonly string[] = ["comment"];
const NO_ERRORS: FieldErrors = {};
const NO_VALUES: FormShape = {};

function ActionFormBody({
  form,
  errors,
  values,
  summarise,
  busy,
}: {
  form: ActionFormProps;
  errors: FieldErrors;
  values: FormShape;
  summarise: boolean;
  busy: boolean;
}) {
  const { hidden, button, variant, comment, summaryHere = true, children, fieldOrder = COMMENT_ONLY } = form;
  const ids: Record<string, string> = comment ? { comment: comment.id } : {};
  const local = summarise ? summaryItems(errors, fieldOrder, ids) : [];
  return (
    <>
      {summaryHere ? <ErrorSummary errors={local} /> : null}
      {hidden
        ? Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)
        : null}
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
    </>
  );
}
