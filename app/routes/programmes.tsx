import { requireBoroughStaff } from "~/auth/borough-only.server";
import { endorsedProgrammesForBorough } from "~/data/programmes.server";
import { db } from "~/db.server";
import { formatDate } from "~/domain/dates";
import { stateLabel, stateTagColour } from "~/domain/workflow";
import { Table, Tag, type TableCell } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/programmes";

export async function loader({ request }: Route.LoaderArgs) {
  // The borough's own people; MOPAC reaches a programme from its review pages.
  const user = await requireBoroughStaff(request);
  return {
    boroughName: user.organisation_name,
    programmes: await endorsedProgrammesForBorough(db(), user.organisation_id),
  };
}

export default function Programmes({ loaderData }: Route.ComponentProps) {
  const { boroughName, programmes } = loaderData;
  return (
    <>
      <title>{pageTitle(`Endorsed programmes, ${boroughName}`)}</title>
      <span className="govuk-caption-l">{boroughName}</span>
      <h1 className="govuk-heading-l">Endorsed programmes</h1>
      <p className="govuk-body">
        The proposals your CSP has endorsed and sent to MOPAC, with MOPAC’s status and feedback.
      </p>
      {programmes.length === 0 ? (
        <p className="govuk-body" data-testid="no-programmes">
          The CSP has not endorsed a proposal yet.
        </p>
      ) : (
        <Table
          caption="Endorsed programmes"
          captionSize="s"
          head={["Funding period", "Round", "Sent to MOPAC", "MOPAC status"]}
          rows={programmes.map((p): TableCell[] => [
            {
              content: (
                <a className="govuk-link" href={`/programmes/${p.proposalId}`}>
                  {p.periodName}
                </a>
              ),
            },
            p.roundName,
            p.firstSubmittedAt ? formatDate(p.firstSubmittedAt) : "",
            { content: <Tag colour={stateTagColour(p.status)}>{stateLabel(p.status)}</Tag> },
          ])}
        />
      )}
    </>
  );
}
