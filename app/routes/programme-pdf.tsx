import { requireProgramme } from "~/auth/programme-access.server";
import { loadProgramme } from "~/data/programmes.server";
import { db } from "~/db.server";
import { todayInLondon } from "~/domain/dates";
import { programmeFileName } from "~/domain/programmes";
import { programmePdf } from "~/ui/programme-pdf.server";
import type { Route } from "./+types/programme-pdf";

/** The print view's programme as a PDF download (a resource route: no page of its own). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { proposal } = await requireProgramme(request, params.proposalId);
  const programme = await loadProgramme(db(), proposal);
  const pdf = await programmePdf(programme, todayInLondon());
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${programmeFileName(programme.boroughNames, programme.periodName)}"`,
      "Content-Length": String(pdf.length),
      // A programme changes as MOPAC reviews it, and it is not for shared caches.
      "Cache-Control": "private, no-store",
    },
  });
}
