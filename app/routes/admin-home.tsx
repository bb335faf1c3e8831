import { requireAdmin } from "~/auth/admin.server";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/admin-home";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireAdmin(request);
  return { name: user.name };
}

/**
 * What an admin can do, one link each. Each admin page adds itself here; the pages not built yet
 * still have their place, so the list does not change shape as they arrive.
 */
const ADMIN_PAGES: { href: string; title: string; description: string }[] = [
  {
    href: "/admin/rounds",
    title: "Funding rounds",
    description:
      "Create and change rounds: their years and periods, the split, the proposal deadline and the feedback target date.",
  },
  {
    href: "/admin/rounds",
    title: "Allocations",
    description: "Enter or import each borough’s allocation for each year of a round, and see every change made.",
  },
  { href: "/admin/people", title: "People", description: "Invite people, change their roles and deactivate them." },
  {
    href: "/admin/partnerships",
    title: "Partnerships",
    description: "Boroughs that send one joint proposal, such as Tri-borough.",
  },
  {
    href: "/admin/reviewer-leads",
    title: "Reviewer leads",
    description: "The MOPAC reviewer each borough’s proposals go to.",
  },
  {
    href: "/admin/local-priorities",
    title: "Local priorities",
    description: "Each borough’s two to four local priorities agreed with MOPAC, the council and the police.",
  },
  {
    href: "/admin/reminders",
    title: "Reminders",
    description: "The emails that remind people of deadlines and of proposals waiting for them.",
  },
];

export default function AdminHome({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <title>{pageTitle("Administration")}</title>
      <span className="govuk-caption-l">{loaderData.name}</span>
      <h1 className="govuk-heading-l">Administration</h1>
      <ul className="govuk-list app-admin-list" data-testid="admin-pages">
        {ADMIN_PAGES.map((page) => (
          <li key={page.title}>
            <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
              <a className="govuk-link" href={page.href}>
                {page.title}
              </a>
            </h2>
            <p className="govuk-body">{page.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
