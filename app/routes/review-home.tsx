import { Form } from "react-router";
import { requireUser } from "~/auth/guard.server";
import { referenceLists } from "~/data/proposals.server";
import { boroughList, reviewQueue } from "~/data/reviews.server";
import { db } from "~/db.server";
import { seesEveryReview } from "~/domain/access";
import { formatDate, todayInLondon } from "~/domain/dates";
import { actorFromUser } from "~/domain/roles";
import { formatPounds } from "~/domain/money";
import { isOverdue } from "~/domain/routing";
import { isOpenReview, isState, STATES, stateLabel, stateTagColour } from "~/domain/workflow";
import { Button, Radios, Select, Table, Tag, type TableCell } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/review-home";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request, ["mopac_reviewer", "mopac_admin"]);
  const seesEverything = seesEveryReview(actorFromUser(user));
  const search = new URL(request.url).searchParams;
  const show = search.get("show") === "all" || seesEverything ? "all" : "mine";
  const status = search.get("status");
  const numberOrNull = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : null);
  const filters = {
    assignedTo: show === "mine" ? user.id : null,
    status: isState(status) ? status : null,
    boroughId: numberOrNull(search.get("borough")),
    priorityId: numberOrNull(search.get("priority")),
  };
  const [rows, boroughs, lists] = await Promise.all([reviewQueue(db(), filters), boroughList(db()), referenceLists(db())]);
  const today = todayInLondon();
  return {
    name: user.name,
    isAdmin: seesEverything,
    show,
    filters,
    boroughs,
    priorities: lists.priorities,
    rows: rows.map((row) => ({
      ...row,
      overdue: isOverdue(row.feedbackDeadline, today, isOpenReview(row.status)),
    })),
  };
}

export default function ReviewHome({ loaderData }: Route.ComponentProps) {
  const { name, isAdmin, show, filters, boroughs, priorities, rows } = loaderData;
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
              items={[{ value: "", text: "Any borough" }, ...boroughs.map((b) => ({ value: String(b.id), text: b.name }))]}
              defaultValue={filters.boroughId ? String(filters.boroughId) : ""}
            />
            <Select
              name="priority"
              label="Has projects under"
              labelSize="s"
              items={[{ value: "", text: "Any priority" }, ...priorities.map((p) => ({ value: String(p.id), text: p.name }))]}
              defaultValue={filters.priorityId ? String(filters.priorityId) : ""}
            />
            <Button type="submit" variant="secondary">
              Apply filters
            </Button>
          </Form>
        </div>
        <div className="govuk-grid-column-three-quarters">
          {rows.length === 0 ? (
            <p className="govuk-body">No proposals match. Proposals reach MOPAC once their borough’s CSP has endorsed them.</p>
          ) : (
            <Table
              caption={`${rows.length} proposal${rows.length === 1 ? "" : "s"}`}
              captionSize="s"
              head={["Borough", "Status", "Reviewer", "Feedback due", { content: "LCPF planned", format: "numeric" }]}
              rows={rows.map((row): TableCell[] => [
                {
                  content: (
                    <>
                      <a className="govuk-link" href={`/proposals/${row.id}/review`}>
                        {row.boroughNames}
                      </a>
                      <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-display-block">{row.periodName}</span>
                    </>
                  ),
                },
                { content: <Tag colour={stateTagColour(row.status)}>{stateLabel(row.status)}</Tag> },
                row.assignedReviewerName ?? "Not assigned",
                {
                  content: (
                    <>
                      {row.feedbackDeadline ? formatDate(row.feedbackDeadline) : "None"}
                      {row.overdue ? (
                        <>
                          {" "}
                          <Tag colour="red">Overdue</Tag>
                        </>
                      ) : null}
                    </>
                  ),
                },
                { content: formatPounds(row.totalPence), format: "numeric" },
              ])}
            />
          )}
        </div>
      </div>
    </>
  );
}
