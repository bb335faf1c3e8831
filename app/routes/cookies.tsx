import { Table } from "~/ui";
import { pageTitle } from "~/ui/page-title";

export default function Cookies() {
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle("Cookies")}</title>
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Cookies</h1>
        <p className="govuk-body">
          Cookies are small files saved on your phone, tablet or computer when you visit a website. The London Crime
          Prevention Fund portal uses only the two cookies it needs to work. It does not use cookies to measure how you
          use it, to advertise, or to remember your choices, and no other organisation sets cookies through it.
        </p>
        <p className="govuk-body">
          Because both cookies are essential, the portal does not ask for your consent to them. You can block them in
          your browser, but you will then not be able to sign in.
        </p>
        <h2 className="govuk-heading-m">Essential cookies</h2>
        <Table
          caption="Cookies the portal sets"
          captionSize="s"
          firstCellIsHeader
          head={["Name", "Purpose", "Expires"]}
          rows={[
            [
              "lcpf_session",
              "Keeps you signed in as you move from page to page. On a secure (https) address it is called __Host-lcpf_session.",
              "When you close your browser or sign out. The portal stops accepting it after 30 minutes without use, and 12 hours after you signed in in any case.",
            ],
            [
              "lcpf_flash",
              "Carries a one-off message, such as “Compliance answers saved”, to the page you see next.",
              "After 1 minute, or as soon as the message is shown.",
            ],
          ]}
        />
        <p className="govuk-body">
          Both cookies can be read only by the portal’s server, not by scripts in the page, and are never sent to other
          websites.
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href="/privacy">
            Read the privacy notice
          </a>{" "}
          to find out how the portal uses personal information.
        </p>
      </div>
    </div>
  );
}
