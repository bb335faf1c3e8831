import { requireMopacStaff } from "~/auth/mopac-only.server";
import { CSV_TYPE, download } from "~/data/download.server";
import { exportRows } from "~/data/exports.server";
import { projectsCsv } from "~/data/workbook.server";
import { db } from "~/db.server";
import { todayInLondon } from "~/domain/dates";
import type { Route } from "./+types/london-export-csv";

/** Every project of every proposal that has reached MOPAC, one row per project per year: MOPAC only. */
export async function loader({ request }: Route.LoaderArgs) {
  await requireMopacStaff(request);
  const rows = await exportRows(db(), { reachedMopac: true });
  return download(projectsCsv(rows), `lcpf-london-projects-${todayInLondon()}.csv`, CSV_TYPE);
}
