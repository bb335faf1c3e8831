import { Form } from "react-router";
import { requireUser } from "~/auth/guard.server";
import { referenceLists } from "~/data/proposals.server";
import { reviewQueueView, type QueueColumn } from "~/data/review-queue.server";
import { boroughList } from "~/data/reviews.server";
import { db } from "~/db.server";
import { formatDate } from "~/domain/dates";
import { formatPounds } from "~/domain/money";
import { STATES, stateLabel, stateTagColour } from "~/domain/workflow";
import { Button, Radios, Select, Tag } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import { SortHeader } from "~/ui/sort-header";
import type { Route } from "./+types/review-home";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request, ["mopac_reviewer", "mopac_admin"]);
  const search = new URL(request.url).searchParams;
  const [queue, boroughs, lists] = await Promise.all([
    reviewQueueView(db(), user, search),
    boroughList(db()),
    referenceLists(db()),
  ]);
  return {
    name: user.name,
    isAdmin: queue.seesEverything,
    show: queue.show,
    filters: queue.filters,
    sort: queue.sort,
    direction: queue.direction,
    boroughs,
    priorities: lists.priorities,
    rows: queue.rows,
  };
}

/** The query string of what the page shows (filters and sort), for the sort links and the export. */
function queueSearch(
  show: string,
  filters: { status: string | null; boroughId: number | null; priorityId: number | null },
  sort?: string | null,
  direction?: string,
) {
  const params = new URLSearchParams();
  params.set("show", show);
  if (filters.status) params.set("status", filters.status);
  if (filters.boroughId) params.set("borough", String(filters.boroughId));
  if (filters.priorityId) params.set("priority", String(filters.priorityId));
  if (sort) {
    params.set("sort", sort);
    params.set("dir", direction === "descending" ? "desc" : "asc");
  }
  return params.toString();
}

const QUEUE_HEAD: { column: QueueColumn; label: string; numeric?: boolean }[] = [
  { column: "borough", label: "Borough" },
  { column: "status", label: "Status" },
  { column: "reviewer", label: "Reviewer" },
  { column: "due", label: "Feedback due" },
  { column: "planned", label: "LCPF planned", numeric: true },
];

export default function ReviewHome({ loaderData }: Route.ComponentProps) {
  const { name, isAdmin, show, filters, sort, direction, boroughs, priorities, rows } = loaderData;
  const search = queueSearch(show, filters);
  const heading = isAdmin ? "Proposals" : "Proposals to review";
  return (
    <>
      <title>{pageTitle(heading)}</title>
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-l">{heading}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          <Form method="get" className="app-filters">
            <h2 className="govuk-heading-s">Filter</h2>
            {!isAdmin ? (
              <Radios
                name="show"
                label="Show"
                labelSize="s"
                small
                items={[
                  { value: "mine", label: "Assigned to me" },
                  { value: "all", label: "All submissions" },
                ]}
                defaultValue={show}
              />
            ) : null}
            <Select
              name="status"
              label="Status"
              labelSize="s"
              items={[{ value: "", text: "Any status" }, ...STATES.map((s) => ({ value: s.id, text: s.label }))]}
              defaultValue={filters.status ?? ""}
            />
            <Select
              name="borough"
              label="Borough"
              labelSize="s"
              items={[
                { value: "", text: "Any borough" },
                ...boroughs.map((b) => ({ value: String(b.id), text: b.name })),
              ]}
              defaultValue={filters.boroughId ? String(filters.boroughId) : ""}
            />
            <Select
              name="priority"
              label="Has projects under"
              labelSize="s"
              items={[
                { value: "", text: "Any priority" },
                ...priorities.map((p) => ({ value: String(p.id), text: p.name })),
              ]}
              defaultValue={filters.priorityId ? String(filters.priorityId) : ""}
            />
            <Button type="submit" variant="secondary">
              Apply filters
            </Button>
          </Form>
        </div>
        <div className="govuk-grid-column-three-quarters">
          {rows.length === 0 ? (
            <p className="govuk-body">
              No proposals match. Proposals reach MOPAC once their borough’s CSP has endorsed them.
            </p>
          ) : (
            <>
              {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable) */}
              <div className="app-table-scroll" role="region" aria-label="Proposals, scrolls sideways" tabIndex={0}>
                <table className="govuk-table" data-testid="review-queue">
                  <caption className="govuk-table__caption govuk-table__caption--s">
                    {rows.length} proposal{rows.length === 1 ? "" : "s"}
                  </caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      {QUEUE_HEAD.map((c) => (
                        <SortHeader key={c.column} {...c} search={search} sortedBy={sort ?? ""} direction={direction} />
                      ))}
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {rows.map((row) => (
                      <tr className="govuk-table__row" key={row.id}>
                        <td className="govuk-table__cell">
                          <a className="govuk-link" href={`/proposals/${row.id}/review`}>
                            {row.boroughNames}
                            {/* Several rounds of one borough can be listed: each link says which it opens. */}
                            <span className="govuk-visually-hidden">, {row.periodName}</span>
                          </a>
                          <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-display-block">
                            {row.periodName}
                          </span>
                        </td>
                        <td className="govuk-table__cell">
                          <Tag colour={stateTagColour(row.status)}>{stateLabel(row.status)}</Tag>
                          {row.late ? (
                            <>
                              {" "}
                              {/* Sent to MOPAC after the round's proposal deadline. */}
                              <Tag colour="red">Late</Tag>
                            </>
                          ) : null}
                        </td>
                        <td className="govuk-table__cell">{row.assignedReviewerName ?? "Not assigned"}</td>
                        <td className="govuk-table__cell">
                          {row.feedbackDeadline ? formatDate(row.feedbackDeadline) : "None"}
                          {row.overdue ? (
                            <>
                              {" "}
                              <Tag colour="red">Overdue</Tag>
                            </>
                          ) : null}
                        </td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{formatPounds(row.totalPence)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="govuk-body">
                <a
                  className="govuk-link"
                  href={`/review/export.csv?${queueSearch(show, filters, sort, direction)}`}
                  download
                >
                  Download these {rows.length} proposals as CSV
                </a>
              </p>
            </>
          )}
        </div>
      </div>
    </>
  );
}
