import type { ReactNode } from "react";
import { cx } from "~/ui/parts";

/** The page template's parts: skip link, header, service navigation and footer. */

/**
 * Who is signed in, as the header shows it: the person's name and organisation, the organisation
 * once only when the name already carries it ("Demo CSP Chair (Barking and Dagenham)").
 */
export function signedInAs(name: string, organisation: string): string {
  return name.toLowerCase().includes(organisation.toLowerCase()) ? name : `${name}, ${organisation}`;
}

export function SkipLink({
  href = "#main-content",
  children = "Skip to main content",
}: {
  href?: string;
  children?: ReactNode;
}) {
  return (
    <a href={href} className="govuk-skip-link">
      {children}
    </a>
  );
}

export interface GenericHeaderProps {
  href?: string;
  children: ReactNode;
}

/**
 * The plain header: the portal is not a GOV.UK service, so no crown and no GOV.UK logo. As in
 * GOV.UK's page template, the page wraps it (and the service navigation) in its <header> landmark.
 */
export function GenericHeader({ href = "/", children }: GenericHeaderProps) {
  return (
    <div className="govuk-generic-header">
      <div className="govuk-generic-header__container govuk-width-container">
        <div className="govuk-generic-header__logo">
          <a href={href} className="govuk-generic-header__homepage-link">
            {children}
          </a>
        </div>
      </div>
    </div>
  );
}

export type ServiceNavigationItem =
  | { href: string; text: ReactNode; active?: boolean; testId?: string }
  /** Text that is not a link, such as who is signed in. */
  | { text: ReactNode; testId?: string }
  /** Anything else a navigation item holds, such as the sign-out button (a form, so it works without JavaScript). */
  | { content: ReactNode };

export interface ServiceNavigationProps {
  serviceName: ReactNode;
  serviceHref: string;
  items?: readonly ServiceNavigationItem[];
  navigationLabel?: string;
}

function NavigationItem({ item }: { item: ServiceNavigationItem }) {
  if ("content" in item) return <li className="govuk-service-navigation__item">{item.content}</li>;
  if (!("href" in item)) {
    return (
      <li className="govuk-service-navigation__item">
        <span className="govuk-service-navigation__text" data-testid={item.testId}>
          {item.text}
        </span>
      </li>
    );
  }
  return (
    <li className={cx("govuk-service-navigation__item", item.active && "govuk-service-navigation__item--active")}>
      <a
        className="govuk-service-navigation__link"
        href={item.href}
        aria-current={item.active ? "true" : undefined}
        data-testid={item.testId}
      >
        {item.active ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
      </a>
    </li>
  );
}

/**
 * The service name and the menu. Without GOV.UK Frontend's JavaScript there is no "Menu" toggle:
 * the list is always shown, which is what GOV.UK Frontend does when its script has not run.
 */
export function ServiceNavigation({
  serviceName,
  serviceHref,
  items = [],
  navigationLabel = "Menu",
}: ServiceNavigationProps) {
  return (
    <section aria-label="Service information" className="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            <a href={serviceHref} className="govuk-service-navigation__link">
              {serviceName}
            </a>
          </span>
          {items.length > 0 ? (
            <nav aria-label={navigationLabel} className="govuk-service-navigation__wrapper">
              <ul className="govuk-service-navigation__list" id="navigation">
                {items.map((item, index) => (
                  <NavigationItem key={index} item={item} />
                ))}
              </ul>
            </nav>
          ) : null}
        </div>
      </div>
    </section>
  );
}

export interface FooterProps {
  metaLinks?: readonly { href: string; text: ReactNode }[];
  /** Where GOV.UK puts the Open Government Licence statement; the portal says who runs it instead. */
  description?: ReactNode;
}

/**
 * The footer without the crown and Crown copyright, which belong to GOV.UK services. The page wraps
 * it in its <footer> landmark, as GOV.UK's page template does.
 */
export function Footer({ metaLinks = [], description }: FooterProps) {
  return (
    <div className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            {metaLinks.length > 0 ? (
              <>
                <h2 className="govuk-visually-hidden">Support links</h2>
                <ul className="govuk-footer__inline-list">
                  {metaLinks.map((link) => (
                    <li key={link.href} className="govuk-footer__inline-list-item">
                      <a className="govuk-footer__link" href={link.href}>
                        {link.text}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {description ? <span className="govuk-footer__licence-description">{description}</span> : null}
          </div>
        </div>
      </div>
    </div>
  );
}
