import { requireUser } from "~/auth/guard.server";
import { reviewQueueView } from "~/data/review-queue.server";
import { db } from "~/db.server";
import { poundsText, toCsv } from "~/domain/csv";
import { stateLabel } from "~/domain/workflow";
import type { Route } from "./+types/review-export";

/** The reviewer queue as CSV: the same filters, sort and rows as the page it is linked from. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request, ["mopac_reviewer", "mopac_admin"]);
  const { rows } = await reviewQueueView(db(), user, new URL(request.url).searchParams);
  const csv = toCsv([
    [
      "Borough",
      "Funding period",
      "Status",
      "Reviewer",
      "Feedback due",
      "Overdue",
      "Submitted",
      "Late",
      "LCPF planned (£)",
    ],
    ...rows.map((row) => [
      row.boroughNames,
      row.periodName,
      stateLabel(row.status),
      row.assignedReviewerName ?? "",
      row.feedbackDeadline ?? "",
      row.overdue ? "Yes" : "No",
      row.lastSubmittedAt ? row.lastSubmittedAt.slice(0, 10) : "",
      row.late ? "Yes" : "No",
      poundsText(row.totalPence),
    ]),
  ]);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="lcpf-proposals.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
