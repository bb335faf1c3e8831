import {
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  data,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import { takeMessage } from "./auth/flash.server";
import { getUser } from "./auth/guard.server";
import { homePathFor, navigationFor } from "./auth/home";
import { timeoutWarningTimes } from "./auth/session.server";
import { unreadCount } from "./data/notifications.server";
import { db } from "./db.server";
import stylesheet from "./styles/app.scss?url";
import { TimeoutWarning } from "./ui/timeout-warning";

export const SERVICE_NAME = "London Crime Prevention Fund";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await getUser(request);
  // The message after an action, shown by the page it led to (FlashBanner) and cleared once read.
  const { flash, headers } = await takeMessage(request);
  return data({
    flash,
    nonce: context?.cspNonce,
    user: user && {
      name: user.name,
      organisationName: user.organisation_name,
      home: homePathFor(user.role),
      navigation: navigationFor(user.role),
      unread: await unreadCount(db(), user.id),
      timeout: timeoutWarningTimes(),
    },
  }, { headers });
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const user = root?.user;
  return (
    <html lang="en-GB" className="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <a href="#main-content" className="govuk-skip-link">
          Skip to main content
        </a>
        <header className="govuk-generic-header" role="banner">
          <div className="govuk-generic-header__container govuk-width-container">
            <div className="govuk-generic-header__logo">
              <a href={user?.home ?? "/"} className="govuk-generic-header__homepage-link">
                Mayor’s Office for Policing and Crime
              </a>
            </div>
          </div>
        </header>
        <section aria-label="Service information" className="govuk-service-navigation">
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              <span className="govuk-service-navigation__service-name">
                <a href={user?.home ?? "/"} className="govuk-service-navigation__link">
                  {SERVICE_NAME}
                </a>
              </span>
              {user ? (
                <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                  <ul className="govuk-service-navigation__list">
                    {user.navigation.map((item) => (
                      <li key={item.href} className="govuk-service-navigation__item">
                        <a className="govuk-service-navigation__link" href={item.href}>
                          {item.text}
                        </a>
                      </li>
                    ))}
                    <li className="govuk-service-navigation__item">
                      <a className="govuk-service-navigation__link" href="/notifications" data-testid="notifications-link">
                        Notifications
                        {user.unread > 0 ? (
                          <>
                            {" "}
                            <strong className="govuk-tag govuk-tag--red app-unread">
                              {user.unread}
                              <span className="govuk-visually-hidden"> unread</span>
                            </strong>
                          </>
                        ) : null}
                      </a>
                    </li>
                    <li className="govuk-service-navigation__item">
                      <span className="govuk-service-navigation__text" data-testid="signed-in-as">
                        {user.name}, {user.organisationName}
                      </span>
                    </li>
                    <li className="govuk-service-navigation__item">
                      <Form method="post" action="/sign-out">
                        <button type="submit" className="app-service-navigation-button">
                          Sign out
                        </button>
                      </Form>
                    </li>
                  </ul>
                </nav>
              ) : null}
            </div>
          </div>
        </section>
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
            {children}
          </main>
        </div>
        <footer className="govuk-footer">
          <div className="govuk-width-container">
            <div className="govuk-footer__meta">
              <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
                <h2 className="govuk-visually-hidden">Support links</h2>
                <ul className="govuk-footer__inline-list">
                  <li className="govuk-footer__inline-list-item">
                    <a className="govuk-footer__link" href="/accessibility">
                      Accessibility statement
                    </a>
                  </li>
                </ul>
                <span className="govuk-footer__licence-description">
                  {SERVICE_NAME}, run by the Mayor’s Office for Policing and Crime for London’s boroughs.
                </span>
              </div>
            </div>
          </div>
        </footer>
        {user ? <TimeoutWarning signOutAfterMs={user.timeout.signOutAfterMs} warnBeforeMs={user.timeout.warnBeforeMs} /> : null}
        <ScrollRestoration nonce={root?.nonce} />
        <Scripts nonce={root?.nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

function ErrorPage({ heading, children }: { heading: string; children: React.ReactNode }) {
  return (
    <>
      <title>{`${heading} – ${SERVICE_NAME}`}</title>
      <h1 className="govuk-heading-l">{heading}</h1>
      {children}
      <p className="govuk-body">
        <a className="govuk-link" href="/">
          Go to your home page
        </a>
      </p>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  if (isRouteErrorResponse(error)) {
    const message = (error.data as { message?: string } | undefined)?.message;
    if (error.status === 404 || error.status === 405) {
      return (
        <ErrorPage heading="Page not found">
          <p className="govuk-body">If you typed the web address, check it is correct.</p>
          <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        </ErrorPage>
      );
    }
    if (error.status === 403) {
      return (
        <ErrorPage heading="You do not have permission to do this">
          <p className="govuk-body">{message ?? "Your account does not allow you to see this page."}</p>
          <p className="govuk-body">If you think you should have access, contact the LCPF team at MOPAC.</p>
        </ErrorPage>
      );
    }
    if (error.status === 409 || error.status === 422) {
      return (
        <ErrorPage heading="You cannot do this now">
          <p className="govuk-body">{message ?? "The proposal is not at a stage where this can be done."}</p>
        </ErrorPage>
      );
    }
  }
  if (import.meta.env.DEV && error instanceof Error) console.error(error);
  return (
    <ErrorPage heading="Sorry, there is a problem with the service">
      <p className="govuk-body">Try again later. Anything you saved before this happened has been kept.</p>
    </ErrorPage>
  );
}
