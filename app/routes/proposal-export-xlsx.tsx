import { requireProposal } from "~/auth/proposal-access.server";
import { XLSX_TYPE, download } from "~/data/download.server";
import { exportName, exportRows } from "~/data/exports.server";
import { projectsWorkbook } from "~/data/workbook.server";
import { db } from "~/db.server";
import type { Route } from "./+types/proposal-export-xlsx";

/** A borough's programme, one row per project per year: for whoever may see the proposal. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { proposal } = await requireProposal(request, params.proposalId);
  const rows = await exportRows(db(), { proposalId: proposal.id });
  return download(await projectsWorkbook(rows, "Projects"), `${exportName(rows, "lcpf-programme")}.xlsx`, XLSX_TYPE);
}
