import type { DB } from "../../db/connection";
import type { SessionUser } from "~/auth/guard.server";
import { seesEveryReview } from "~/domain/access";
import { todayInLondon } from "~/domain/dates";
import { sortRows, type SortDirection, type SortValue } from "~/domain/london";
import { actorFromUser } from "~/domain/roles";
import { isOverdue } from "~/domain/routing";
import { isLate } from "~/domain/rounds";
import { isOpenReview, isState, stateLabel } from "~/domain/workflow";
import { reviewQueue, type QueueFilters, type QueueRow } from "./reviews.server";

export const QUEUE_COLUMNS = ["borough", "status", "reviewer", "due", "planned"] as const;
export type QueueColumn = (typeof QUEUE_COLUMNS)[number];

export type QueueViewRow = QueueRow & { overdue: boolean; late: boolean };

function queueSortValue(row: QueueViewRow, column: QueueColumn): SortValue {
  switch (column) {
    case "borough":
      return `${row.boroughNames} ${row.periodName}`;
    case "status":
      return stateLabel(row.status);
    case "reviewer":
      return row.assignedReviewerName;
    case "due":
      return row.feedbackDeadline;
    case "planned":
      return row.totalPence;
  }
}

/**
 * The reviewer queue as a person asked for it in the query string (filters and sort), read once
 * for the page and for its CSV export, so the export holds exactly the rows the page shows.
 */
export async function reviewQueueView(db: DB, user: SessionUser, search: URLSearchParams) {
  const seesEverything = seesEveryReview(actorFromUser(user));
  const show: "all" | "mine" = search.get("show") === "all" || seesEverything ? "all" : "mine";
  const status = search.get("status");
  const numberOrNull = (value: string | null) => (value && /^\d{1,9}$/.test(value) ? Number(value) : null);
  const filters: QueueFilters = {
    assignedTo: show === "mine" ? user.id : null,
    status: isState(status) ? status : null,
    boroughId: numberOrNull(search.get("borough")),
    priorityId: numberOrNull(search.get("priority")),
  };
  const askedSort = search.get("sort");
  const sort: QueueColumn | null = (QUEUE_COLUMNS as readonly string[]).includes(askedSort ?? "") ? (askedSort as QueueColumn) : null;
  const direction: SortDirection = search.get("dir") === "desc" ? "descending" : "ascending";
  const today = todayInLondon();
  const rows: QueueViewRow[] = (await reviewQueue(db, filters)).map((row) => ({
    ...row,
    overdue: isOverdue(row.feedbackDeadline, today, isOpenReview(row.status)),
    late: isLate(row.firstSubmittedAt, row.proposalDeadline),
  }));
  // Without a sort asked for, the newest submission comes first, as before.
  return {
    seesEverything,
    show,
    filters,
    sort,
    direction,
    rows: sort ? sortRows(rows, (row) => queueSortValue(row, sort), direction) : rows,
  };
}
