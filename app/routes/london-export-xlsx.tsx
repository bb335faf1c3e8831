import { requireMopacStaff } from "~/auth/mopac-only.server";
import { XLSX_TYPE, download } from "~/data/download.server";
import { exportRows } from "~/data/exports.server";
import { projectsWorkbook } from "~/data/workbook.server";
import { db } from "~/db.server";
import { todayInLondon } from "~/domain/dates";
import type { Route } from "./+types/london-export-xlsx";

/** Every project of every proposal that has reached MOPAC, one row per project per year: MOPAC only. */
export async function loader({ request }: Route.LoaderArgs) {
  await requireMopacStaff(request);
  const rows = await exportRows(db(), { reachedMopac: true });
  return download(await projectsWorkbook(rows, "Projects"), `lcpf-london-projects-${todayInLondon()}.xlsx`, XLSX_TYPE);
}
