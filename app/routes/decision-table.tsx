import { Form } from "react-router";
import { requireMopacStaff } from "~/auth/mopac-only.server";
import { loadDecisionTable } from "~/data/exports.server";
import { db } from "~/db.server";
import { CHIEF_EXECUTIVE_LIMIT_PENCE } from "~/domain/decision";
import { formatPounds } from "~/domain/money";
import { Button, Select } from "~/ui";
import { DecisionAllocationsTable } from "~/ui/decision-table";
import { LondonDownloads } from "~/ui/downloads";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/decision-table";

export async function loader({ request }: Route.LoaderArgs) {
  await requireMopacStaff(request);
  return loadDecisionTable(db(), new URL(request.url).searchParams.get("year"));
}

export default function DecisionTablePage({ loaderData }: Route.ComponentProps) {
  const { years, year, table } = loaderData;
  const query = year ? `?year=${year.id}` : "";
  return (
    <>
      <title>{pageTitle("Decision table")}</title>
      <h1 className="govuk-heading-l">Decision table</h1>
      <p className="govuk-body">
        The allocations of approved proposals, borough by borough, in the form MOPAC’s decisions publish them. The Chief
        Executive may sign grant arrangements up to {formatPounds(CHIEF_EXECUTIVE_LIMIT_PENCE)}; anything above needs a
        decision of the Deputy Mayor for Policing and Crime (DMPC).
      </p>
      <Form method="get" className="app-no-print">
        <Select
          name="year"
          label="Financial year"
          labelSize="s"
          items={years.map((y) => ({ value: String(y.id), text: `${y.label} (${y.roundName})` }))}
          defaultValue={year ? String(year.id) : ""}
        />
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </Form>
      {year ? (
        <DecisionAllocationsTable table={table} yearLabel={year.label} />
      ) : (
        <p className="govuk-body">No funding round has been set up.</p>
      )}
      {year ? (
        <ul className="govuk-list app-no-print">
          <li>
            <a className="govuk-link" href={`/decision-table/print${query}`}>
              Printable version
            </a>
          </li>
          <li>
            <a className="govuk-link" href={`/decision-table.csv${query}`} download>
              Download as CSV
            </a>
          </li>
        </ul>
      ) : null}
      <div className="app-no-print">
        <LondonDownloads />
      </div>
    </>
  );
}
