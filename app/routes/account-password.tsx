import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "react-router";
import { commonPasswords } from "~/auth/common-passwords.server";
import { redirectWithMessage } from "~/auth/flash.server";
import { getSession, requireUser } from "~/auth/guard.server";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { homePathFor } from "~/auth/home";
import { changeOwnPassword, passwordHashOf } from "~/data/people.server";
import { db } from "~/db.server";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { CHANGE_PASSWORD_FIELD_ORDER, changePasswordSchema } from "~/forms/people";
import { BackLink, Button, ErrorSummary, TextInput } from "~/ui";
import { NewPasswordFields } from "~/ui/new-password-form";
import { pageTitle } from "~/ui/page-title";
import { useGovukForm } from "~/ui/use-govuk-form";
import type { Route } from "./+types/account-password";

const HIDDEN = ["currentPassword", "password", "confirmPassword"];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  return { home: homePathFor(user.role) };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const schema = changePasswordSchema({ commonPasswords: commonPasswords(), email: user.email });
  const submission = parseForm(await request.formData(), { schema });
  if (submission.status !== "success") return replyTo(submission, { hideFields: HIDDEN });
  const { currentPassword, password } = submission.value;
  if (!(await verifyPassword(await passwordHashOf(db(), user.id), currentPassword)))
    return refuse(submission, { message: "Your current password is not right", field: "currentPassword" });
  const session = (await getSession(request))!.session;
  await changeOwnPassword(db(), user.id, session.id, await hashPassword(password));
  throw await redirectWithMessage(
    request,
    homePathFor(user.role),
    "Your password has been changed. You have been signed out everywhere else.",
  );
}

export default function AccountPassword({ loaderData }: Route.ComponentProps) {
  const lastResult = useActionData<typeof action>();
  const { form, errors, summary } = useGovukForm({
    schema: changePasswordSchema(),
    fieldOrder: CHANGE_PASSWORD_FIELD_ORDER,
    defaults: {},
    lastResult,
  });
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle("Change your password", summary.length > 0)}</title>
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={loaderData.home}>Back</BackLink>
        <ErrorSummary errors={summary} />
        <h1 className="govuk-heading-l">Change your password</h1>
        <p className="govuk-body">You will stay signed in here, and be signed out everywhere else.</p>
        <Form method="post" {...getFormProps(form)} key={form.key}>
          <TextInput
            name="currentPassword"
            label="Current password"
            labelSize="s"
            type="password"
            autoComplete="current-password"
            error={errors.currentPassword}
          />
          <NewPasswordFields errors={errors} />
          <Button type="submit">Change password</Button>
        </Form>
      </div>
    </div>
  );
}
