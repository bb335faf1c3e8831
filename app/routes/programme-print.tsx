import { requireProgramme } from "~/auth/programme-access.server";
import { loadProgramme } from "~/data/programmes.server";
import { db } from "~/db.server";
import { formatDate, todayInLondon } from "~/domain/dates";
import { pageTitle } from "~/ui/page-title";
import { ProgrammeView } from "~/ui/programme";
import type { Route } from "./+types/programme-print";

/** The root layout leaves out the header, navigation and footer for a page with this handle. */
export const handle = { bare: true };

export async function loader({ request, params }: Route.LoaderArgs) {
  const { proposal } = await requireProgramme(request, params.proposalId);
  return { programme: await loadProgramme(db(), proposal), printedOn: todayInLondon() };
}

export default function ProgrammePrint({ loaderData }: Route.ComponentProps) {
  const { programme, printedOn } = loaderData;
  const boroughs = programme.boroughNames.join(", ");
  return (
    <div className="app-print-view">
      <title>{pageTitle(`Print view, endorsed programme, ${programme.periodName}, ${boroughs}`)}</title>
      <p className="govuk-body app-no-print">
        <a className="govuk-link" href={`/programmes/${programme.id}`}>
          Back to the programme
        </a>{" "}
        (use your browser’s print command to print this page on A4)
      </p>
      <span className="govuk-caption-l">{boroughs}</span>
      <h1 className="govuk-heading-l">LCPF endorsed programme, {programme.periodName}</h1>
      <p className="govuk-body" data-testid="printed-on">
        Printed on {formatDate(printedOn)}
      </p>
      <ProgrammeView programme={programme} print />
    </div>
  );
}
