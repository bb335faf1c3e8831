import { requireMopacStaff } from "~/auth/mopac-only.server";
import { loadDecisionTable } from "~/data/exports.server";
import { db } from "~/db.server";
import { formatDate, todayInLondon } from "~/domain/dates";
import { DecisionAllocationsTable } from "~/ui/decision-table";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/decision-table-print";

export async function loader({ request }: Route.LoaderArgs) {
  await requireMopacStaff(request);
  const page = await loadDecisionTable(db(), new URL(request.url).searchParams.get("year"));
  return { ...page, printedOn: todayInLondon() };
}

/** The table alone, for a decision form: the print stylesheet drops the navigation and footer. */
export default function DecisionTablePrint({ loaderData }: Route.ComponentProps) {
  const { year, table, printedOn } = loaderData;
  return (
    <>
      <title>{pageTitle(`Decision table ${year?.label ?? ""}`.trim())}</title>
      <p className="govuk-body app-no-print">
        <a className="govuk-link" href={`/decision-table${year ? `?year=${year.id}` : ""}`}>
          Back to the decision table
        </a>
      </p>
      <h1 className="govuk-heading-l">LCPF allocations for decision{year ? `: ${year.label}` : ""}</h1>
      <p className="govuk-body">Printed {formatDate(printedOn)}.</p>
      {year ? (
        <DecisionAllocationsTable table={table} yearLabel={year.label} />
      ) : (
        <p className="govuk-body">No funding round has been set up.</p>
      )}
    </>
  );
}
