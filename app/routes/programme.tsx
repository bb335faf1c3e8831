import { requireProgramme } from "~/auth/programme-access.server";
import { loadProgramme } from "~/data/programmes.server";
import { db } from "~/db.server";
import { pageTitle } from "~/ui/page-title";
import { ProgrammeView } from "~/ui/programme";
import type { Route } from "./+types/programme";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { proposal } = await requireProgramme(request, params.proposalId);
  return { programme: await loadProgramme(db(), proposal) };
}

export default function ProgrammePage({ loaderData }: Route.ComponentProps) {
  const { programme } = loaderData;
  const boroughs = programme.boroughNames.join(", ");
  const base = `/programmes/${programme.id}`;
  return (
    <>
      <title>{pageTitle(`Endorsed programme, ${programme.periodName}, ${boroughs}`)}</title>
      <span className="govuk-caption-l">{boroughs}</span>
      <h1 className="govuk-heading-l">Endorsed programme, {programme.periodName}</h1>
      <ul className="govuk-list" data-testid="programme-links">
        <li>
          <a className="govuk-link" href={`${base}/print`}>
            Print view for the CSP meeting
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`${base}/pdf`} download>
            Download as PDF
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`/proposals/${programme.id}`}>
            The proposal and its history
          </a>
        </li>
      </ul>
      <ProgrammeView programme={programme} print={false} />
    </>
  );
}
