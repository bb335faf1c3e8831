import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, redirect, useActionData, useNavigation } from "react-router";
import { parseForm, replyTo } from "~/forms/common";
import { getUser, safeRedirectTarget } from "~/auth/guard.server";
import { homePathFor } from "~/auth/home";
import { attemptSignIn } from "~/auth/sign-in.server";
import {
  createSession,
  deleteExpiredSessions,
  generateSessionToken,
  invalidateSession,
  readSessionToken,
  sessionCookie,
  sessionIdFromToken,
  timeoutWarningTimes,
} from "~/auth/session.server";
import { db } from "~/db.server";
import { SIGN_IN_FIELD_ORDER, signInSchema } from "~/forms/sign-in";
import { FlashBanner } from "~/ui/flash-banner";
import { pageTitle } from "~/ui/page-title";
import { Button, ErrorSummary, NotificationBanner, TextInput } from "~/ui";
import { errorSummaryItems } from "~/ui/form-errors";
import type { Route } from "./+types/sign-in";

export const WRONG_CREDENTIALS = "Enter a correct email address and password";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await getUser(request);
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  if (user) throw redirect(safeRedirectTarget(redirectTo, homePathFor(user.role)));
  const search = new URL(request.url).searchParams;
  return {
    redirectTo: safeRedirectTarget(redirectTo, ""),
    signedOut: search.has("signedOut"),
    // Only a flag: the sentence shown is fixed here, never text from the address.
    timedOutAfterMinutes: search.get("timeout") === "1" ? timeoutWarningTimes().idleMinutes : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await request.formData();
  const submission = parseForm(formData, { schema: signInSchema });
  if (submission.status !== "success") return replyTo(submission, { hideFields: ["password"] });

  const { email, password, redirectTo } = submission.value;
  const result = await attemptSignIn(db(), email, password, context?.clientAddress);
  if (!result.ok) {
    // The form again with the reason: 422 for a wrong email or password, 429 (and when to come back)
    // while this email or address is held back.
    if (result.reason === "throttled") {
      const minutes = result.minutesLeft;
      const message = `Too many attempts to sign in. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
      return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), {
        status: 429,
        headers: { "Retry-After": String(minutes * 60) },
      });
    }
    return data(submission.reply({ formErrors: [WRONG_CREDENTIALS], hideFields: ["password"] }), { status: 422 });
  }

  // A new sign-in replaces whatever session this browser had, whoever it belonged to (session fixation).
  const previous = readSessionToken(request);
  if (previous) await invalidateSession(db(), sessionIdFromToken(previous));
  await deleteExpiredSessions(db());
  const token = generateSessionToken();
  await createSession(db(), token, result.userId);
  const user = await db().selectFrom("users").select("role").where("id", "=", result.userId).executeTakeFirstOrThrow();
  return redirect(safeRedirectTarget(redirectTo, homePathFor(user.role)), {
    headers: { "Set-Cookie": sessionCookie(token) },
  });
}

/** The page answering a held-back sign-in carries the action's Retry-After. */
export function headers({ actionHeaders }: Route.HeadersArgs) {
  return actionHeaders;
}

export default function SignIn({ loaderData }: Route.ComponentProps) {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
  });
  const summary = errorSummaryItems(form.allErrors, SIGN_IN_FIELD_ORDER);

  return (
    <div className="govuk-grid-row">
      <title>{pageTitle("Sign in", summary.length > 0)}</title>
      <div className="govuk-grid-column-two-thirds">
        <FlashBanner />
        {loaderData.signedOut ? (
          <NotificationBanner type="success" heading="You have signed out." autoFocus={false} />
        ) : null}
        {loaderData.timedOutAfterMinutes ? (
          <NotificationBanner
            heading={`You were signed out because you had not used the portal for ${loaderData.timedOutAfterMinutes} minutes.`}
          >
            <p className="govuk-body">Sign in again to carry on. Anything you saved before then has been kept.</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={summary} />
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">
          Sign in to propose, endorse or review how your borough spends the London Crime Prevention Fund.
        </p>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
          <TextInput
            key={fields.email.key}
            name={fields.email.name}
            label="Email address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={fields.email.initialValue}
            error={fields.email.errors}
          />
          <TextInput
            name={fields.password.name}
            label="Password"
            type="password"
            autoComplete="current-password"
            error={fields.password.errors}
          />
          <Button type="submit" disabled={navigation.state === "submitting"}>
            Sign in
          </Button>
        </Form>
        <p className="govuk-body">
          <a className="govuk-link" href="/forgot-password">
            Forgotten your password?
          </a>
        </p>
      </div>
    </div>
  );
}
