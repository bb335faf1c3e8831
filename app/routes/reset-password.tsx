import { useActionData } from "react-router";
import { tokenPageAction, tokenPageLoader } from "~/auth/token-pages.server";
import { NewPasswordPage, SpentLinkPage } from "~/ui/new-password-form";
import type { Route } from "./+types/reset-password";

// Opened from the reset email: anyone holding the link may use it, signed in or not.
export async function loader({ params }: Route.LoaderArgs) {
  return tokenPageLoader("password_reset", params.token);
}

export async function action({ request, params }: Route.ActionArgs) {
  return tokenPageAction(request, "password_reset", params.token);
}

export default function ResetPassword({ loaderData }: Route.ComponentProps) {
  const lastResult = useActionData<typeof action>();
  if (loaderData.state !== "valid")
    return (
      <SpentLinkPage
        title="This password reset link does not work"
        state={loaderData.state}
        whatToDo={
          <p className="govuk-body">
            <a className="govuk-link" href="/forgot-password">
              Ask for a new link
            </a>
            . Links work once, and for 1 hour.
          </p>
        }
      />
    );
  return (
    <NewPasswordPage
      title="Choose a new password"
      intro={
        <p className="govuk-body">
          Choose a new password. You will be signed out everywhere you are signed in, then you can sign in with it.
        </p>
      }
      email={loaderData.email}
      button="Change password"
      lastResult={lastResult}
    />
  );
}
