import type { DB } from "../../db/connection";
import { todayInLondon } from "~/domain/dates";
import { CSV_TYPE, download, XLSX_TYPE } from "./download.server";
import { exportName, exportRows } from "./exports.server";
import { builtWhileUnchanged } from "./unchanged.server";
import { projectsCsv, projectsWorkbook } from "./workbook.server";

/**
 * The project exports as downloads: every project of one proposal, or of every proposal that has
 * reached MOPAC, as CSV or as a workbook. The route has already checked who is asking.
 */
export type ExportRequest = {
  scope: { proposalId: number } | { reachedMopac: true };
  format: "csv" | "xlsx";
};

type Built = { bytes: Uint8Array<ArrayBuffer>; name: string };

async function buildExport(db: DB, { scope, format }: ExportRequest): Promise<Built> {
  const rows = await exportRows(db, scope);
  // A string is encoded by Buffer.from natively; a Response handed one checks it character by character.
  const bytes = format === "csv" ? Buffer.from(projectsCsv(rows)) : await projectsWorkbook(rows, "Projects");
  return { bytes, name: "proposalId" in scope ? exportName(rows, "lcpf-programme") : "lcpf-london-projects" };
}

/**
 * An export as a download, built afresh whenever anything in the database has changed since it was
 * last built and otherwise handed out again: every reviewer who downloads the London projects between
 * two changes gets the same file, and the server builds it once (see unchanged.server.ts).
 */
export async function exportDownload(db: DB, request: ExportRequest): Promise<Response> {
  const { bytes, name } = await builtWhileUnchanged(db, `export:${JSON.stringify(request)}`, () =>
    buildExport(db, request),
  );
  // A London file is named for the day it was downloaded; a proposal's for its boroughs and period.
  const filename = "proposalId" in request.scope ? name : `${name}-${todayInLondon()}`;
  return download(bytes, `${filename}.${request.format}`, request.format === "csv" ? CSV_TYPE : XLSX_TYPE);
}
