import { requireMopacStaff } from "~/auth/mopac-only.server";
import { CSV_TYPE, download } from "~/data/download.server";
import { loadDecisionTable } from "~/data/exports.server";
import { db } from "~/db.server";
import { poundsText, toCsv } from "~/domain/csv";
import { DECISION_ROUTE_LABEL } from "~/domain/decision";
import { DEMO_FIGURE_LABEL } from "~/domain/demo-figures";
import type { Route } from "./+types/decision-table-csv";

export async function loader({ request }: Route.LoaderArgs) {
  await requireMopacStaff(request);
  const { year, table } = await loadDecisionTable(db(), new URL(request.url).searchParams.get("year"));
  const yes = (flag: boolean) => (flag ? "Yes" : "No");
  const csv = toCsv([
    ["Borough", "Allocation (£)", "Decision needed", DEMO_FIGURE_LABEL],
    ...table.rows.map((row) => [
      row.name,
      row.amountPence === null ? "" : poundsText(row.amountPence),
      row.route === null ? "Not set yet" : row.route === "dmpc" ? "DMPC decision" : "Chief Executive",
      yes(row.isDemoFigure),
    ]),
    ["Total", poundsText(table.totalPence), DECISION_ROUTE_LABEL[table.route], yes(table.totalIsDemoFigure)],
  ]);
  return download(csv, `lcpf-decision-table-${(year?.label ?? "none").replace("/", "-")}.csv`, CSV_TYPE);
}
