import { useActionData } from "react-router";
import { tokenPageAction, tokenPageLoader } from "~/auth/token-pages.server";
import { NewPasswordPage, SpentLinkPage } from "~/ui/new-password-form";
import type { Route } from "./+types/invitation";

// Opened from the invitation email: anyone holding the link may use it, signed in or not.
export async function loader({ params }: Route.LoaderArgs) {
  return tokenPageLoader("invitation", params.token);
}

export async function action({ request, params }: Route.ActionArgs) {
  return tokenPageAction(request, "invitation", params.token);
}

export default function Invitation({ loaderData }: Route.ComponentProps) {
  const lastResult = useActionData<typeof action>();
  if (loaderData.state !== "valid")
    return (
      <SpentLinkPage
        title="This invitation link does not work"
        state={loaderData.state}
        whatToDo={
          <p className="govuk-body">
            If you have already set your password,{" "}
            <a className="govuk-link" href="/sign-in">
              sign in
            </a>{" "}
            or{" "}
            <a className="govuk-link" href="/forgot-password">
              reset your password
            </a>
            . Otherwise ask the LCPF team at MOPAC to send you a new invitation.
          </p>
        }
      />
    );
  return (
    <NewPasswordPage
      title="Set your password"
      intro={
        <p className="govuk-body">
          Welcome, {loaderData.name}. Choose the password you will sign in to the London Crime Prevention Fund portal
          with.
        </p>
      }
      email={loaderData.email}
      button="Set password"
      lastResult={lastResult}
    />
  );
}
