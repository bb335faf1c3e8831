import { requireMopacStaff } from "~/auth/mopac-only.server";
import { londonChoice, londonInput } from "~/data/london.server";
import { db } from "~/db.server";
import { formatDate, todayInLondon } from "~/domain/dates";
import { boroughSortValue, isBoroughColumn, londonBoroughs, sortRows, type BoroughColumn } from "~/domain/london";
import { stateLabel, stateTagColour } from "~/domain/workflow";
import { Tag } from "~/ui";
import { leftOrOver, LondonFrame, londonSearch, money } from "~/ui/london";
import { parseDirection, SortHeader } from "~/ui/sort-header";
import type { Route } from "./+types/london";

/** The London view's first page: every borough's figures and London's totals. The other parts have pages of their own. */
export async function loader({ request }: Route.LoaderArgs) {
  await requireMopacStaff(request);
  const search = new URL(request.url).searchParams;
  const choice = await londonChoice(db(), search);
  const askedSort = search.get("sort");
  const sort: BoroughColumn = isBoroughColumn(askedSort) ? askedSort : "borough";
  const direction = parseDirection(search.get("dir"));
  if (!choice.chosen) return { ...choice, view: null, sort, direction };
  const view = londonBoroughs(await londonInput(db(), choice.chosen, todayInLondon(), "boroughs"));
  // Only what the page shows goes to the browser: the loader's data is sent with the page for hydration.
  return {
    ...choice,
    view: { rows: sortRows(view.rows, (row) => boroughSortValue(row, sort), direction), totals: view.totals },
    sort,
    direction,
  };
}

const NUMERIC = "govuk-table__cell govuk-table__cell--numeric";
const TOTAL = `${NUMERIC} app-table-numeric-total`;

const COLUMNS: { column: BoroughColumn; label: string; numeric?: boolean }[] = [
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

export default function London({ loaderData }: Route.ComponentProps) {
  const { view, sort, direction, ...choice } = loaderData;
  return (
    <LondonFrame section="boroughs" choice={choice}>
      {choice.chosen && view ? (
        <Boroughs
          {...view}
          search={londonSearch(choice.chosen)}
          yearLabel={choice.chosen.label}
          sort={sort}
          direction={direction}
        />
      ) : null}
    </LondonFrame>
  );
}

function Boroughs({
  rows,
  totals,
  search,
  yearLabel,
  sort,
  direction,
}: NonNullable<Route.ComponentProps["loaderData"]["view"]> & {
  search: string;
  yearLabel: string;
  sort: BoroughColumn;
  direction: Route.ComponentProps["loaderData"]["direction"];
}) {
  return (
    <>
      <h2 className="govuk-heading-m">Boroughs</h2>
      <p className="govuk-body">
        Left or over is the proposal’s direct funding for the year, with what earlier years of its period carried in,
        less its planned spend. A joint proposal shows on the row of each of its boroughs, with its status, reviewer and
        dates; its planned spend, what is left and its match funding are on its lead borough’s row only, so London’s
        totals count them once. Totals count each project under its primary priority only.
      </p>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable) */}
      <div className="app-table-scroll" role="region" aria-label="Boroughs, scrolls sideways" tabIndex={0}>
        <table className="govuk-table govuk-!-font-size-16" data-testid="london-boroughs">
          <caption className="govuk-table__caption govuk-table__caption--s">
            {rows.length} boroughs, {totals.proposals} with a proposal for this period
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {COLUMNS.map((c) => (
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
