import { requireUser } from "~/auth/guard.server";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/admin-home";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request, ["mopac_admin"]);
  return { name: user.name };
}

export default function AdminHome({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <title>{pageTitle("Administration")}</title>
      <span className="govuk-caption-l">{loaderData.name}</span>
      <h1 className="govuk-heading-l">Administration</h1>
      <p className="govuk-body">
        Funding rounds, allocation imports, invitations and reviewer assignments will be managed here. They are not
        built yet: until they are, the LCPF team sets them up in the portal’s reference data.
      </p>
    </>
  );
}
