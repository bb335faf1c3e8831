import type { ReactNode } from "react";
import { Form } from "react-router";
import { refused, requireUser } from "~/auth/guard.server";
import { chooseYear, londonInput, roundYears } from "~/data/london.server";
import { db } from "~/db.server";
import { isMopacStaff } from "~/domain/access";
import { formatDate, todayInLondon } from "~/domain/dates";
import { DEMO_FIGURE_LABEL } from "~/domain/demo-figures";
import {
  boroughSortValue,
  isBoroughColumn,
  londonView,
  sortRows,
  type BoroughColumn,
  type Figure,
  type Opportunity,
} from "~/domain/london";
import { formatPounds } from "~/domain/money";
import { actorFromUser } from "~/domain/roles";
import { stateLabel, stateTagColour } from "~/domain/workflow";
import { BarChart } from "~/ui/bar-chart";
import { Button, Select, Table, Tag, type TableCell } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import { parseDirection, SortHeader } from "~/ui/sort-header";
import type { Route } from "./+types/london";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!isMopacStaff(actorFromUser(user))) throw refused(403, "The London view is for MOPAC reviewers and admins.");
  const search = new URL(request.url).searchParams;
  const years = await roundYears(db());
  const chosen = chooseYear(years, { round: search.get("round"), year: search.get("year") });
  const rounds = [...new Map(years.map((y) => [y.roundId, { id: y.roundId, name: y.roundName }])).values()];
  if (!chosen)
    return {
      rounds,
      years,
      chosen: null,
      view: null,
      sort: "borough" as BoroughColumn,
      direction: "ascending" as const,
    };
  const view = londonView(await londonInput(db(), chosen, todayInLondon()));
  const askedSort = search.get("sort");
  const sort: BoroughColumn = isBoroughColumn(askedSort) ? askedSort : "borough";
  const direction = parseDirection(search.get("dir"));
  return {
    rounds,
    years: years.filter((y) => y.roundId === chosen.roundId),
    chosen,
    // Only what the page shows goes to the browser: the loader's data is sent with the page for hydration.
    view: {
      rows: sortRows(view.rows, (row) => boroughSortValue(row, sort), direction),
      totals: view.totals,
      prioritySpend: view.prioritySpend.map(({ name, pence, isDemoFigure }) => ({ name, pence, isDemoFigure })),
      coCommissioning: {
        londonPot: view.coCommissioning.londonPot,
        opportunities: view.coCommissioning.opportunities.map(({ priority, boroughCount, total, projects }) => ({
          priority,
          boroughCount,
          total,
          projects: projects.map(({ borough, title, pence, isDemoFigure }) => ({
            borough,
            title,
            pence,
            isDemoFigure,
          })),
        })),
      },
      coverage: view.coverage.map(({ measure, boroughs }) => ({ measure, boroughs })),
    },
    sort,
    direction,
  };
}

// The page holds hundreds of figures: the cells are plain markup made by functions rather than a
// component each, which kept the page's render a good part cheaper.
const DEMO_TAG = (
  <>
    {" "}
    <strong className="govuk-tag govuk-tag--yellow">{DEMO_FIGURE_LABEL}</strong>
  </>
);

function money(figure: Figure | null, empty = "None"): ReactNode {
  if (!figure) return empty;
  const pounds = formatPounds(figure.pence);
  return figure.isDemoFigure ? (
    <>
      {pounds}
      {DEMO_TAG}
    </>
  ) : (
    pounds
  );
}

function moneyCell(figure: Figure | null): TableCell {
  return { content: money(figure), format: "numeric" };
}

function leftOrOver(figure: Figure | null): ReactNode {
  if (!figure) return "None";
  const over = figure.pence < 0;
  return (
    <>
      <span className={over ? "app-text-over" : undefined}>
        {`${formatPounds(Math.abs(figure.pence))} ${over ? "over" : "left"}`}
      </span>
      {figure.isDemoFigure ? DEMO_TAG : null}
    </>
  );
}

const NUMERIC = "govuk-table__cell govuk-table__cell--numeric";
const TOTAL = `${NUMERIC} app-table-numeric-total`;

/** The groups under each priority, keeping the domain's order (priorities in plan order, larger groups first). */
type ShownOpportunity = Pick<Opportunity, "priority" | "boroughCount" | "total"> & {
  projects: Pick<Opportunity["projects"][number], "borough" | "title" | "pence" | "isDemoFigure">[];
};

function byPriority(opportunities: readonly ShownOpportunity[]) {
  const sections: { priority: string; groups: ShownOpportunity[] }[] = [];
  for (const group of opportunities) {
    const last = sections[sections.length - 1];
    if (last && last.priority === group.priority) last.groups.push(group);
    else sections.push({ priority: group.priority, groups: [group] });
  }
  return sections;
}

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
  const { rounds, years, chosen, view, sort, direction } = loaderData;
  if (!chosen || !view) {
    return (
      <>
        <title>{pageTitle("London")}</title>
        <h1 className="govuk-heading-l">London</h1>
        <p className="govuk-body">There is no funding round yet.</p>
      </>
    );
  }
  const search = `round=${chosen.roundId}&year=${chosen.financialYearId}`;
  const { rows, totals, prioritySpend, coCommissioning, coverage } = view;
  const uncovered = coverage.filter((measure) => measure.boroughs.length === 0);
  const heading = `London in ${chosen.label}`;
  return (
    <>
      <title>{pageTitle(heading)}</title>
      <span className="govuk-caption-l">{chosen.roundName}</span>
      <h1 className="govuk-heading-l">{heading}</h1>

      <Form method="get" className="app-no-print">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Select
              name="round"
              label="Funding round"
              labelSize="s"
              items={rounds.map((r) => ({ value: String(r.id), text: r.name }))}
              defaultValue={String(chosen.roundId)}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select
              name="year"
              label="Financial year"
              labelSize="s"
              items={years.map((y) => ({ value: String(y.financialYearId), text: y.label }))}
              defaultValue={String(chosen.financialYearId)}
            />
          </div>
        </div>
        <Button type="submit" variant="secondary">
          Show this year
        </Button>
      </Form>

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
          {chosen.label}; the allocation totals leave {totals.allocationsMissing === 1 ? "it" : "them"} out.
        </p>
      ) : null}

      <h2 className="govuk-heading-m">Planned spend per priority</h2>
      <p className="govuk-body">
        Across all London proposals for {chosen.label}, counting each project under its primary priority.
      </p>
      <BarChart
        title={`Planned spend per priority across London, ${chosen.label}`}
        description={prioritySpend
          .map((p) => `${p.name}: ${formatPounds(p.pence)}${p.isDemoFigure ? " (demo figure)" : ""}`)
          .join("; ")}
        bars={prioritySpend.map((p) => ({
          label: p.name,
          value: p.pence,
          valueText: formatPounds(p.pence),
          isDemoFigure: p.isDemoFigure,
        }))}
      />
      <Table
        caption="Planned spend per priority (the figures in the chart)"
        captionSize="s"
        firstCellIsHeader
        head={["Priority", { content: "Planned spend", format: "numeric" }]}
        rows={prioritySpend.map((p) => [p.name, moneyCell({ pence: p.pence, isDemoFigure: p.isDemoFigure })])}
      />

      <h2 className="govuk-heading-m">Co-commissioning opportunities</h2>
      <p className="govuk-body">
        Projects boroughs flagged as co-commissioning candidates, under their primary priority. Similar services (the
        same provider and categories, or titles sharing at least half their words) are listed together with their total.
        London’s co-commissioned pot for {chosen.label} is {formatPounds(coCommissioning.londonPot.pence)}
        {coCommissioning.londonPot.isDemoFigure ? DEMO_TAG : null}.
      </p>
      {coCommissioning.opportunities.length === 0 ? (
        <p className="govuk-body">No borough has flagged a candidate for this period.</p>
      ) : (
        byPriority(coCommissioning.opportunities).map(({ priority, groups }) => (
          <Table
            key={priority}
            caption={`${priority}: ${groups.reduce((n, g) => n + g.projects.length, 0)} candidates`}
            captionSize="s"
            head={["Borough", "Project", { content: `${chosen.label} amount`, format: "numeric" }]}
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
                          coCommissioning.londonPot.pence > 0 ? (
                            <>together, against London’s pot of {money(coCommissioning.londonPot)}</>
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
        ))
      )}

      <h2 className="govuk-heading-m">Mandatory measures coverage</h2>
      {uncovered.length > 0 ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            No programme addresses {uncovered.length} of the {coverage.length} mandatory measures.
          </strong>
        </div>
      ) : null}
      <Table
        caption="Which boroughs’ programmes address each mandatory measure"
        captionSize="s"
        firstCellIsHeader
        head={["Measure", { content: "Programmes", format: "numeric" }, "Boroughs"]}
        rows={coverage.map((m): TableCell[] => [
          m.measure,
          { content: m.boroughs.length, format: "numeric" },
          {
            content:
              m.boroughs.length === 0 ? (
                <Tag colour="red">No programme</Tag>
              ) : m.boroughs.length === rows.length ? (
                `All ${rows.length} boroughs`
              ) : (
                m.boroughs.join(", ")
              ),
          },
        ])}
      />
    </>
  );
}
