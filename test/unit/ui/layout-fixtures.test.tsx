// The page template's parts, compared with GOV.UK Frontend 6.6.0's own examples as
// govuk-fixtures.test.tsx does for the form components.
import { describe, expect, it } from "vitest";
import { Footer, GenericHeader, ServiceNavigation, SkipLink } from "~/ui";
import { canonical, govukFixture, render } from "./markup";

/** GOV.UK's menu toggle only works with its JavaScript, which the portal does not load; the list is always shown. */
const withoutMenuToggle = (html: string) =>
  html.replace(/<button[^>]*govuk-service-navigation__toggle[\s\S]*?<\/button>/, "");

/** The crown and Crown copyright are GOV.UK's; the portal is not a GOV.UK service, so its footer has neither. */
const withoutCrown = (html: string) =>
  html
    .replace(/<svg[\s\S]*?govuk-footer__crown[\s\S]*?<\/svg>/, "")
    .replace(/<div class="govuk-footer__meta-item">\s*<a[^>]*govuk-footer__copyright-logo[\s\S]*?<\/a>\s*<\/div>/, "");

describe("page template parts match GOV.UK Frontend 6.6.0 examples", () => {
  it("skip link", () => {
    expect(canonical(render(<SkipLink href="#test-target-element" />))).toEqual(
      canonical(govukFixture("skip-link", "default")),
    );
  });

  it("generic header", () => {
    expect(canonical(render(<GenericHeader href="/">My cool service</GenericHeader>))).toEqual(
      canonical(govukFixture("generic-header", "default")),
    );
  });

  it("service navigation with a service name only", () => {
    expect(canonical(render(<ServiceNavigation serviceName="Service name" serviceHref="#/" />))).toEqual(
      canonical(govukFixture("service-navigation", "with-service-link")),
    );
  });

  it("service navigation with a service name and links, one of them the current page", () => {
    const html = render(
      <ServiceNavigation
        serviceName="Apply for a juggling license"
        serviceHref="#/"
        items={[
          { href: "#/1", text: "Navigation item 1" },
          { href: "#/2", text: "Navigation item 2", active: true },
          { href: "#/3", text: "Navigation item 3" },
          { href: "#/4", text: "Navigation item 4" },
        ]}
      />,
    );
    expect(canonical(html)).toEqual(
      canonical(withoutMenuToggle(govukFixture("service-navigation", "with-service-name-and-navigation"))),
    );
  });

  it("footer with meta links, without the crown", () => {
    const links = [
      "Bibendum Ornare",
      "Nullam",
      "Tortor Fringilla",
      "Tellus",
      "Egestas Nullam",
      "Euismod Etiam",
      "Fusce Sollicitudin",
      "Ligula Nullam Ultricies",
    ];
    const html = render(<Footer metaLinks={links.map((text, index) => ({ href: `#${index + 1}`, text }))} />);
    expect(canonical(html)).toEqual(canonical(withoutCrown(govukFixture("footer", "with-only-meta-links"))));
  });

  it("footer with its description where GOV.UK puts the licence", () => {
    const html = render(<Footer description="Run by the Mayor’s Office for Policing and Crime" />);
    expect(canonical(html)).toContain("Run by the Mayor’s Office for Policing and Crime");
    expect(html).toContain('<span class="govuk-footer__licence-description">');
  });
});
