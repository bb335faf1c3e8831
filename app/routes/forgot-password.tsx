import { getFormProps } from "@conform-to/react";
import { Form, redirect, useActionData } from "react-router";
import { requestPasswordReset } from "~/data/people.server";
import { db } from "~/db.server";
import { parseForm, replyTo } from "~/forms/common";
import { FORGOT_PASSWORD_FIELD_ORDER, forgotPasswordSchema } from "~/forms/people";
import { BackLink, Button, ErrorSummary, TextInput } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import { text, useGovukForm } from "~/ui/use-govuk-form";
import type { Route } from "./+types/forgot-password";

// Open to anyone: a signed-in person who forgot their password on another device may use it too.
export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseForm(await request.formData(), { schema: forgotPasswordSchema });
  if (submission.status !== "success") return replyTo(submission);
  // The same answer, after the same work, whether or not an account has the address.
  await requestPasswordReset(db(), submission.value.email, context?.clientAddress);
  throw redirect("/forgot-password/sent");
}

export default function ForgotPassword() {
  const lastResult = useActionData<typeof action>();
  const { form, values, errors, summary } = useGovukForm({
    schema: forgotPasswordSchema,
    fieldOrder: FORGOT_PASSWORD_FIELD_ORDER,
    defaults: {},
    lastResult,
  });
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle("Reset your password", summary.length > 0)}</title>
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/sign-in">Back to sign in</BackLink>
        <ErrorSummary errors={summary} />
        <h1 className="govuk-heading-l">Reset your password</h1>
        <p className="govuk-body">
          Enter the email address you sign in with. We will email you a link to choose a new password.
        </p>
        <Form method="post" {...getFormProps(form)} key={form.key}>
          <TextInput
            name="email"
            label="Email address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={text(values, "email")}
            error={errors.email}
          />
          <Button type="submit">Send the link</Button>
        </Form>
      </div>
    </div>
  );
}
