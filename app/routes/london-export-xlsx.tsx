import { requireMopacStaff } from "~/auth/mopac-only.server";
import { exportDownload } from "~/data/export-files.server";
import { db } from "~/db.server";
import type { Route } from "./+types/london-export-xlsx";

/** Every project of every proposal that has reached MOPAC, one row per project per year: MOPAC only. */
export async function loader({ request }: Route.LoaderArgs) {
  await requireMopacStaff(request);
  return exportDownload(db(), { scope: { reachedMopac: true }, format: "xlsx" });
}
