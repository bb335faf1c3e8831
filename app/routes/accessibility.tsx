import { pageTitle } from "~/ui/page-title";

export default function Accessibility() {
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle("Accessibility statement")}</title>
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Accessibility statement</h1>
        <p className="govuk-body">
          This statement covers the London Crime Prevention Fund portal, which London boroughs use to propose how they
          will spend the fund and which the Mayor’s Office for Policing and Crime (MOPAC) uses to review the proposals.
        </p>
        <p className="govuk-body">
          We want as many people as possible to be able to use it. You should be able to change colours, contrast levels
          and fonts using your browser or device settings, zoom in up to 400% without the text spilling off the screen,
          move through every page using just a keyboard, use every form without JavaScript, and use the portal with a
          screen reader.
        </p>
        <h2 className="govuk-heading-m">How we test the portal</h2>
        <p className="govuk-body">
          The portal is built from the GOV.UK Design System’s patterns. Every page is checked automatically with the
          axe-core accessibility engine in a real browser each time the portal changes, against WCAG 2.2 at levels A and
          AA, and the main journeys are also tested with JavaScript turned off. Every page each kind of user reaches,
          error messages included, is also loaded at 320 pixels wide (a phone, or a laptop zoomed to 400%) to check that
          nothing makes the page scroll sideways, and its HTML is checked with the Nu HTML Checker. Wide tables of
          figures scroll sideways inside their own box instead.
        </p>
        <p className="govuk-body">
          Automated checks find only part of the problems a person meets. Signing in is tested with the keyboard alone;
          the rest of the portal has not yet been tested by hand with a keyboard alone or with screen readers, has not
          had an audit by accessibility specialists, and has not been tested with disabled users; until it has, we
          cannot say it fully meets WCAG 2.2 AA.
        </p>
        <h2 className="govuk-heading-m">Known limitations</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            The portal uses the system font Arial rather than the GOV.UK typeface, because it is not a GOV.UK service.
          </li>
          <li>Live totals that update as you type need JavaScript; without it the totals update when you save.</li>
        </ul>
        <h2 className="govuk-heading-m">Reporting problems</h2>
        <p className="govuk-body">
          If you find a problem that is not listed here, or you need information in a different format, tell the LCPF
          team at MOPAC. We will reply within 5 working days.
        </p>
        <h2 className="govuk-heading-m">Enforcement procedure</h2>
        <p className="govuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
          (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we
          respond to your complaint, contact the Equality Advisory and Support Service (EASS).
        </p>
      </div>
    </div>
  );
}
