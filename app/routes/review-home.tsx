import { requireUser } from "~/auth/guard.server";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/review-home";

export const meta: Route.MetaFunction = () => [{ title: pageTitle("Proposals to review") }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request, ["mopac_reviewer"]);
  return { name: user.name };
}

export default function ReviewHome({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <span className="govuk-caption-l">{loaderData.name}</span>
      <h1 className="govuk-heading-l">Proposals to review</h1>
      <p className="govuk-body">
        Boroughs’ proposals reach you here once their Community Safety Partnership has endorsed them.
      </p>
    </>
  );
}
