import { formatDate } from "~/domain/dates";
import type { BoroughColumn, BoroughRow, Figure, LondonTotals, Opportunity, SortDirection } from "~/domain/london";
import { stateLabel, stateTagColour } from "~/domain/workflow";
import { leftOrOver, money, moneyCell } from "./london";
import { SortHeader } from "./sort-header";
import { Table, type TableCell } from "./table";
import { Tag } from "./tag";

/*
 * The London view's big read-only tables: hundreds of figures and nothing interactive (the sort
 * headers are plain links), so the server renders each once per distinct input and keeps the markup
 * (see london.server.tsx).
 */

const NUMERIC = "govuk-table__cell govuk-table__cell--numeric";
const TOTAL = `${NUMERIC} app-table-numeric-total`;

const BOROUGH_COLUMNS: { column: BoroughColumn; label: string; numeric?: boolean }[] = [
  { column: "borough", label: "Borough" },
  { column: "allocation", label: "Allocation", numeric: true },
  { column: "direct", label: "Direct funding", numeric: true },
  { column: "pot", label: "Co-commissioned pot", numeric: true },
  { column: "planned", label: "Planned spend", numeric: true },
  { column: "left", label: "Left or over", numeric: true },
  { column: "match", label: "Match funding", numeric: true },
  { column: "status", label: "Status" },
  { column: "reviewer", label: "Reviewer" },
  { column: "submitted", label: "Submitted" },
  { column: "due", label: "Due" },
  { column: "overdue", label: "Overdue" },
];

export type BoroughsTableProps = {
  rows: readonly BoroughRow[];
  totals: LondonTotals;
  /** The chosen round and year as a query string, which the sort links keep. */
  search: string;
  yearLabel: string;
  sort: BoroughColumn;
  direction: SortDirection;
};

export function BoroughsTable({ rows, totals, search, yearLabel, sort, direction }: BoroughsTableProps) {
  return (
    <>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable) */}
      <div className="app-table-scroll" role="region" aria-label="Boroughs, scrolls sideways" tabIndex={0}>
        <table className="govuk-table govuk-!-font-size-16" data-testid="london-boroughs">
          <caption className="govuk-table__caption govuk-table__caption--s">
            {rows.length} boroughs, {totals.proposals} with a proposal for this period
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {BOROUGH_COLUMNS.map((c) => (
                <SortHeader key={c.column} {...c} search={search} sortedBy={sort} direction={direction} />
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row) => (
              <tr className="govuk-table__row" key={row.boroughId} data-testid="london-borough-row">
                <th scope="row" className="govuk-table__header">
                  {row.proposalId ? (
                    <a className="govuk-link" href={`/proposals/${row.proposalId}/review`}>
                      {row.borough}
                    </a>
                  ) : (
                    row.borough
                  )}
                  {row.jointPartners.length > 0 ? (
                    <span className="govuk-!-display-block govuk-!-font-size-14 govuk-!-font-weight-regular">
                      {row.jointWith
                        ? `Joint proposal led by ${row.jointWith}`
                        : `Leads a joint proposal with ${row.jointPartners.join(" and ")}: its figures are on this row`}
                    </span>
                  ) : null}
                </th>
                <td className={NUMERIC}>{money(row.allocation, "Not set")}</td>
                <td className={NUMERIC}>{money(row.direct, "Not set")}</td>
                <td className={NUMERIC}>{money(row.pot, "Not set")}</td>
                <td className={NUMERIC}>{money(row.planned, row.jointWith ? `On ${row.jointWith}’s row` : "None")}</td>
                <td className={NUMERIC}>{row.jointWith ? `On ${row.jointWith}’s row` : leftOrOver(row.leftOrOver)}</td>
                <td className={NUMERIC}>{money(row.match, row.jointWith ? `On ${row.jointWith}’s row` : "None")}</td>
                <td className="govuk-table__cell">
                  {row.status ? <Tag colour={stateTagColour(row.status)}>{stateLabel(row.status)}</Tag> : "No proposal"}
                </td>
                <td className="govuk-table__cell">{row.reviewer ?? "None"}</td>
                <td className="govuk-table__cell">
                  {row.submittedAt ? formatDate(row.submittedAt.slice(0, 10)) : "Not yet"}
                </td>
                <td className="govuk-table__cell">{row.dueDate ? formatDate(row.dueDate) : "None"}</td>
                <td className="govuk-table__cell">{row.overdue ? <Tag colour="red">Overdue</Tag> : "No"}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="govuk-table__row" data-testid="london-totals">
              <th scope="row" className="govuk-table__header">
                London
              </th>
              <td className={TOTAL}>{money(totals.allocation)}</td>
              <td className={TOTAL}>{money(totals.direct)}</td>
              <td className={TOTAL}>{money(totals.pot)}</td>
              <td className={TOTAL}>{money(totals.planned)}</td>
              <td className={TOTAL}>
                {leftOrOver(totals.left)}
                {totals.over.pence > 0 ? (
                  <>
                    {", "}
                    {leftOrOver({ ...totals.over, pence: -totals.over.pence })}
                  </>
                ) : null}
              </td>
              <td className={TOTAL}>{money(totals.match)}</td>
              <td className="govuk-table__cell" colSpan={3}>
                {totals.proposals} proposals
              </td>
              <td className="govuk-table__cell" colSpan={2}>
                {totals.overdue} overdue
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {totals.allocationsMissing > 0 ? (
        <p className="govuk-body">
          {totals.allocationsMissing} borough{totals.allocationsMissing === 1 ? " has" : "s have"} no allocation set for{" "}
          {yearLabel}; the allocation totals leave {totals.allocationsMissing === 1 ? "it" : "them"} out.
        </p>
      ) : null}
    </>
  );
}

/** The groups under each priority, keeping the domain's order (priorities in plan order, larger groups first). */
function byPriority(opportunities: readonly Opportunity[]) {
  const sections: { priority: string; groups: Opportunity[] }[] = [];
  for (const group of opportunities) {
    const last = sections[sections.length - 1];
    if (last && last.priority === group.priority) last.groups.push(group);
    else sections.push({ priority: group.priority, groups: [group] });
  }
  return sections;
}

export type CoCommissioningTablesProps = {
  opportunities: readonly Opportunity[];
  londonPot: Figure;
  yearLabel: string;
};

/** One table per priority: the candidates, and a total under each group of similar services. */
export function CoCommissioningTables({ opportunities, londonPot, yearLabel }: CoCommissioningTablesProps) {
  if (opportunities.length === 0)
    return <p className="govuk-body">No borough has flagged a candidate for this period.</p>;
  return byPriority(opportunities).map(({ priority, groups }) => (
    <Table
      key={priority}
      caption={`${priority}: ${groups.reduce((n, g) => n + g.projects.length, 0)} candidates`}
      captionSize="s"
      head={["Borough", "Project", { content: `${yearLabel} amount`, format: "numeric" }]}
      rows={groups.flatMap((group): TableCell[][] => [
        ...group.projects.map((p): TableCell[] => [
          p.borough,
          p.title,
          moneyCell({ pence: p.pence, isDemoFigure: p.isDemoFigure }),
        ]),
        // A total only where similar services could be commissioned together.
        ...(group.projects.length > 1
          ? [
              [
                {
                  content: `Similar service, ${group.boroughCount} boroughs`,
                  className: "app-table-numeric-total",
                },
                {
                  content:
                    londonPot.pence > 0 ? (
                      <>together, against London’s pot of {money(londonPot)}</>
                    ) : (
                      "together (no pot this year)"
                    ),
                },
                {
                  content: money(group.total),
                  format: "numeric",
                  className: "app-table-numeric-total",
                },
              ] satisfies TableCell[],
            ]
          : []),
      ])}
    />
  ));
}
