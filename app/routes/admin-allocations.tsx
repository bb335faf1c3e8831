import { requireRound } from "~/auth/admin.server";
import { allocationTable, HISTORY_SHOWN, type HistoryEntry } from "~/data/allocations.server";
import { db } from "~/db.server";
import { formatDateTime } from "~/domain/dates";
import { formatPounds } from "~/domain/money";
import { BackLink, ButtonLink, Table, Tag, type TableCell } from "~/ui";
import { FlashBanner } from "~/ui/flash-banner";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/admin-allocations";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { round } = await requireRound(request, params.roundId);
  const table = await allocationTable(db(), round.id);
  return { round: { id: round.id, name: round.name }, historyLimit: HISTORY_SHOWN, ...table };
}

const METHOD: Record<HistoryEntry["method"], string> = {
  form: "Allocations form",
  import: "CSV import",
  command: "Command line",
};

function figure(pence: number | null, uplift: number | null, indicative: boolean | null, note: string | null): string {
  if (pence === null) return "Not set";
  const parts = [formatPounds(pence)];
  if (uplift) parts.push(`including ${formatPounds(uplift)} uplift`);
  if (indicative) parts.push("indicative");
  if (note) parts.push(`note: ${note}`);
  return parts.join(", ");
}

export default function Allocations({ loaderData }: Route.ComponentProps) {
  const { round, boroughs, years, cells, history, historyLimit } = loaderData;
  const base = `/admin/rounds/${round.id}/allocations`;
  return (
    <>
      <title>{pageTitle(`Allocations: ${round.name}`)}</title>
      <BackLink href={`/admin/rounds/${round.id}`}>Back to the round</BackLink>
      <FlashBanner />
      <span className="govuk-caption-l">{round.name}</span>
      <h1 className="govuk-heading-l">Allocations</h1>
      <p className="govuk-body">
        A borough can start its proposal for a period once it has an allocation for every year of the period.
      </p>
      <ButtonLink href={`${base}/import`}>Import allocations from a CSV file</ButtonLink>
      <ul className="govuk-list" data-testid="year-links">
        {years.map((year) => (
          <li key={year.id}>
            <a className="govuk-link" href={`${base}/${year.id}`}>
              Enter or change the {year.label} allocations
            </a>
          </li>
        ))}
      </ul>
      <Table
        caption="Each borough’s allocation for each financial year"
        captionSize="m"
        firstCellIsHeader
        head={["Borough", ...years.map((y) => ({ content: y.label, format: "numeric" as const }))]}
        rows={boroughs.map((borough): TableCell[] => [
          borough.name,
          ...years.map((year): TableCell => {
            const cell = cells[`${borough.id}:${year.id}`];
            return {
              format: "numeric",
              content: cell ? (
                <>
                  {formatPounds(cell.amountPence)}
                  {cell.indicative ? (
                    <Tag colour="blue" className="govuk-!-margin-left-1">
                      Indicative
                    </Tag>
                  ) : null}
                  {cell.isDemoFigure ? (
                    <Tag colour="yellow" className="govuk-!-margin-left-1">
                      Demo figure
                    </Tag>
                  ) : null}
                  {cell.upliftPence ? (
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                      including {formatPounds(cell.upliftPence)} uplift
                    </span>
                  ) : null}
                </>
              ) : (
                "Not set"
              ),
            };
          }),
        ])}
      />
      <h2 className="govuk-heading-m" id="history">
        History
      </h2>
      {history.length === 0 ? (
        <p className="govuk-body" data-testid="allocation-history">
          No allocation of this round has been changed in the portal yet.
        </p>
      ) : (
        <Table
          caption={
            history.length === historyLimit
              ? `The latest ${historyLimit} changes, newest first`
              : "Every change to this round’s allocations, newest first"
          }
          captionSize="s"
          head={["When", "Who", "How", "Borough", "Year", "Before", "After"]}
          rows={history.map((entry): TableCell[] => [
            formatDateTime(entry.createdAt),
            entry.changedBy ?? "Command line",
            METHOD[entry.method],
            entry.boroughName,
            entry.yearLabel,
            figure(entry.oldAmountPence, entry.oldUpliftPence, entry.oldIndicative, entry.oldNote),
            figure(entry.newAmountPence, entry.newUpliftPence, entry.newIndicative, entry.newNote),
          ])}
        />
      )}
    </>
  );
}
