import { pageTitle } from "~/ui/page-title";

export default function Privacy() {
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle("Privacy notice")}</title>
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Privacy notice</h1>
        <p className="govuk-body">
          This notice explains what personal information the London Crime Prevention Fund portal holds about the people
          who use it, why, and what rights they have. The Mayor’s Office for Policing and Crime (MOPAC) runs the portal
          and is responsible for the information in it.
        </p>
        <h2 className="govuk-heading-m">What the portal holds</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>your name, email address, organisation and role, which MOPAC uses to set up your account</li>
          <li>a scrambled (hashed) form of your password and of your session, never the password itself</li>
          <li>
            a record of failed attempts to sign in, kept against a scrambled form of the email address typed, so the
            portal can slow down anyone guessing passwords
          </li>
          <li>
            what you do with proposals: who drafted, changed, sent, endorsed, commented on or decided them, and when
          </li>
          <li>the notifications and emails the portal sends you about proposals</li>
        </ul>
        <p className="govuk-body">
          Proposals describe projects and organisations. Please do not put personal information about the people those
          projects serve into a proposal.
        </p>
        <h2 className="govuk-heading-m">Why it is used</h2>
        <p className="govuk-body">
          MOPAC uses this information to run the London Crime Prevention Fund: to let borough officers draft proposals,
          let Community Safety Partnerships endorse them and let MOPAC review them, to keep a history of each proposal
          that everyone who can see it can rely on, and to keep the portal secure.
        </p>
        <h2 className="govuk-heading-m">Who can see it</h2>
        <p className="govuk-body">
          People in your borough, its Community Safety Partnership and MOPAC see your name next to what you did on their
          proposals. MOPAC’s portal administrators can see the accounts. The information is not sold or used for
          marketing.
        </p>
        <h2 className="govuk-heading-m">Cookies</h2>
        <p className="govuk-body">
          The portal sets only the cookies it needs to work.{" "}
          <a className="govuk-link" href="/cookies">
            Find out about the portal’s cookies
          </a>
          .
        </p>
        <h2 className="govuk-heading-m">Your rights</h2>
        <p className="govuk-body">
          You can ask to see the personal information held about you, to have it corrected, and in some cases to have it
          deleted or its use restricted. To do so, or if you have a concern about how your information is used, contact
          the LCPF team at MOPAC. If you are not satisfied with the answer, you can complain to the Information
          Commissioner’s Office (ICO).
        </p>
      </div>
    </div>
  );
}
