import { requireProposal } from "~/auth/proposal-access.server";
import { exportDownload } from "~/data/export-files.server";
import { db } from "~/db.server";
import type { Route } from "./+types/proposal-export-csv";

/** A borough's programme, one row per project per year: for whoever may see the proposal. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { proposal } = await requireProposal(request, params.proposalId);
  return exportDownload(db(), { scope: { proposalId: proposal.id }, format: "csv" });
}
