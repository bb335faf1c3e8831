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
  // As bytes: Buffer.from encodes 250 KB of text natively, where a Response given a string first checks it
  // character by character in JavaScript.
  return download(Buffer.from(projectsCsv(rows)), `lcpf-london-projects-${todayInLondon()}.csv`, CSV_TYPE);
}
