import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { MIN_PASSWORD_LENGTH } from "~/domain/password-policy";
import { NEW_PASSWORD_FIELD_ORDER, newPasswordSchema } from "~/forms/people";
import { Button, ErrorSummary, TextInput } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import { useGovukForm } from "~/ui/use-govuk-form";

export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters. A few words you will remember, with spaces if you like, make a strong password. Common passwords are refused.`;

/** A new password, typed twice: the fields every page that sets a password shares. */
export function NewPasswordFields({ errors }: { errors: Record<string, string[] | undefined> }) {
  return (
    <>
      <TextInput
        name="password"
        label="New password"
        labelSize="s"
        type="password"
        autoComplete="new-password"
        hint={PASSWORD_HINT}
        error={errors.password}
      />
      <TextInput
        name="confirmPassword"
        label="Type the new password again"
        labelSize="s"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword}
      />
    </>
  );
}

/** The page a one-time link opens, when the link works: choose a password, type it twice. */
export function NewPasswordPage({
  title,
  intro,
  email,
  button,
  lastResult,
}: {
  title: string;
  intro: ReactNode;
  email: string;
  button: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { form, errors, summary } = useGovukForm({
    schema: newPasswordSchema(),
    fieldOrder: NEW_PASSWORD_FIELD_ORDER,
    defaults: {},
    lastResult,
  });
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle(title, summary.length > 0)}</title>
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} />
        <h1 className="govuk-heading-l">{title}</h1>
        {intro}
        <Form method="post" {...getFormProps(form)} key={form.key}>
          <p className="govuk-body">
            Your email address: <strong>{email}</strong>
          </p>
          <NewPasswordFields errors={errors} />
          <Button type="submit">{button}</Button>
        </Form>
      </div>
    </div>
  );
}

/** The page a link opens when it no longer works: why, and what to do instead. */
export function SpentLinkPage({
  title,
  state,
  whatToDo,
}: {
  title: string;
  state: "used" | "expired" | "unknown" | "account-closed";
  whatToDo: ReactNode;
}) {
  const why =
    state === "used"
      ? "This link has already been used. Each link works once."
      : state === "expired"
        ? "This link has expired."
        : state === "account-closed"
          ? "The account this link was for has been deactivated."
          : "This link is not valid. Check that you copied the whole link from the email.";
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle(title)}</title>
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body" data-testid="spent-link">
          {why}
        </p>
        {whatToDo}
      </div>
    </div>
  );
}
