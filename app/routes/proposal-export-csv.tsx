import { requireProposal } from "~/auth/proposal-access.server";
import { CSV_TYPE, download } from "~/data/download.server";
import { exportName, exportRows } from "~/data/exports.server";
import { projectsCsv } from "~/data/workbook.server";
import { db } from "~/db.server";
import type { Route } from "./+types/proposal-export-csv";

/** A borough's programme, one row per project per year: for whoever may see the proposal. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { proposal } = await requireProposal(request, params.proposalId);
  const rows = await exportRows(db(), { proposalId: proposal.id });
  return download(projectsCsv(rows), `${exportName(rows, "lcpf-programme")}.csv`, CSV_TYPE);
}
