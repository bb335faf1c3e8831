import { pageTitle } from "~/ui/page-title";

/** The one answer to every reset request, whatever address was typed. */
export default function ForgotPasswordSent() {
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle("Check your email")}</title>
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Check your email</h1>
        <p className="govuk-body" data-testid="reset-sent">
          If that email address has an account on the portal, we have sent it a link to choose a new password. The link
          works once, and for 1 hour.
        </p>
        <p className="govuk-body">
          If no email arrives within a few minutes, check your junk folder, then{" "}
          <a className="govuk-link" href="/forgot-password">
            ask for another link
          </a>
          . If you still cannot sign in, contact the LCPF team at MOPAC.
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href="/sign-in">
            Back to sign in
          </a>
        </p>
      </div>
    </div>
  );
}
