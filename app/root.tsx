import {
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  data,
  useMatches,
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
// From their own modules, not the ./ui index: the layout is on every page, and the index would bring
// every component into the chunk every page loads.
import { Footer, GenericHeader, ServiceNavigation, signedInAs, SkipLink } from "./ui/layout";
import { Tag } from "./ui/tag";
import { pageTitle, SERVICE_NAME } from "./ui/page-title";
import { TimeoutWarning } from "./ui/timeout-warning";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await getUser(request);
  // The message after an action, shown by the page it led to (FlashBanner) and cleared once read.
  const { flash, headers } = await takeMessage(request);
  return data(
    {
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
    },
    { headers },
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const user = root?.user;
  // A print view (handle { bare: true }) hides the header, navigation and footer (see app.scss).
  const bare = useMatches().some((m) => (m.handle as { bare?: boolean } | undefined)?.bare === true);
  return (
    <html lang="en-GB" className="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        <Meta />
        <Links />
      </head>
      <body className={bare ? "govuk-template__body app-bare" : "govuk-template__body"}>
        <SkipLink />
        <header className="govuk-template__header">
          <GenericHeader href={user?.home ?? "/"}>Mayor’s Office for Policing and Crime</GenericHeader>
          <ServiceNavigation
            serviceName={SERVICE_NAME}
            serviceHref={user?.home ?? "/"}
            items={
              user
                ? [
                    ...user.navigation,
                    {
                      href: "/notifications",
                      testId: "notifications-link",
                      text: (
                        <>
                          Notifications
                          {user.unread > 0 ? (
                            <>
                              {" "}
                              <Tag colour="red" className="app-unread">
                                {user.unread}
                                <span className="govuk-visually-hidden"> unread</span>
                              </Tag>
                            </>
                          ) : null}
                        </>
                      ),
                    },
                    { text: signedInAs(user.name, user.organisationName), testId: "signed-in-as" },
                    { href: "/account/password", text: "Change password" },
                    {
                      content: (
                        <Form method="post" action="/sign-out">
                          <button type="submit" className="app-service-navigation-button">
                            Sign out
                          </button>
                        </Form>
                      ),
                    },
                  ]
                : []
            }
          />
        </header>
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
            {children}
          </main>
        </div>
        <footer className="govuk-template__footer">
          <Footer
            metaLinks={[
              { href: "/accessibility", text: "Accessibility statement" },
              { href: "/privacy", text: "Privacy notice" },
              { href: "/cookies", text: "Cookies" },
            ]}
            description={<>{SERVICE_NAME}, run by the Mayor’s Office for Policing and Crime for London’s boroughs.</>}
          />
        </footer>
        {user ? (
          <TimeoutWarning signOutAfterMs={user.timeout.signOutAfterMs} warnBeforeMs={user.timeout.warnBeforeMs} />
        ) : null}
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
      <title>{pageTitle(heading)}</title>
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
    if (error.status === 503) {
      return (
        <ErrorPage heading="The service is busy">
          <p className="govuk-body">{message ?? "Try again in a moment."}</p>
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
