import { parseCsv } from "./csv";
import { parseMoney } from "./money";

/**
 * Allocations imported from a CSV file: one row per borough per financial year, naming the borough by
 * its name or its GSS code, the year by its label ("2018/19"), the amount in pounds, and optionally the
 * uplift within it, a note and whether the figure is indicative. Every row is checked against the
 * round before anything is saved, and a file with any problem saves nothing.
 */

export type ImportBorough = { id: number; name: string; gssCode: string | null };
export type ImportYear = { id: number; label: string };

/** A row as read and checked. `line` is the line of the file it came from; problems are in plain words. */
export type AllocationImportRow = {
  line: number;
  organisation: string;
  year: string;
  amount: string;
  uplift: string;
  note: string;
  organisationId: number | null;
  organisationName: string | null;
  financialYearId: number | null;
  amountPence: number | null;
  upliftPence: number | null;
  indicative: boolean;
  problems: string[];
};

export type AllocationImport =
  { ok: true; rows: AllocationImportRow[]; errorCount: number } | { ok: false; message: string };

/** The most rows one file may hold: 32 boroughs over ten years is 320. */
export const MAX_IMPORT_ROWS = 2000;
export const IMPORT_NOTE_LIMIT = 500;

type Column = "organisation" | "year" | "amount" | "uplift" | "note" | "indicative";

// Headings people write for each column, compared without case, spaces or punctuation.
const HEADINGS: Record<Column, readonly string[]> = {
  organisation: [
    "organisation",
    "organisationname",
    "organisationorgsscode",
    "borough",
    "boroughname",
    "gsscode",
    "gss",
    "code",
    "name",
  ],
  year: ["year", "financialyear", "yearlabel"],
  amount: ["amount", "amountinpounds", "amount£", "allocation", "allocationinpounds", "allocation£"],
  uplift: ["uplift", "upliftinpounds", "uplift£"],
  note: ["note", "notes", "comment"],
  indicative: ["indicative"],
};

const headingKey = (text: string) => text.toLowerCase().replace(/[^a-z£]/g, "");

/** A borough's name as people write it: "Barking & Dagenham", "London Borough of Barking and Dagenham". */
export function boroughNameKey(name: string): string {
  return name
    .toLowerCase()
    .replaceAll("&", " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^(london borough of|royal borough of|city of|the) /, "");
}

/** Our own CSV exports put a quote before text that starts like a formula; read it back without it. */
const cellValue = (cell: string | undefined) => (cell ?? "").trim().replace(/^'(?=[=+\-@])/, "");

const YES = new Set(["yes", "y", "true", "1", "indicative"]);
const NO = new Set(["", "no", "n", "false", "0"]);

/**
 * Reads and checks a whole file against the round's boroughs and years. A file that cannot be read
 * as a table at all (no heading row, a broken quote) is refused with one message; otherwise every
 * row comes back with its problems, and `errorCount` says how many rows have any.
 */
export function checkAllocationImport(
  text: string,
  boroughs: readonly ImportBorough[],
  years: readonly ImportYear[],
): AllocationImport {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, message: `The file could not be read: line ${parsed.line} ${parsed.message}.` };
  const [heading, ...records] = parsed.records;
  if (!heading)
    return { ok: false, message: "The file is empty. It needs a heading row and a row for each allocation." };

  const columns = new Map<Column, number>();
  heading.cells.forEach((cell, index) => {
    const key = headingKey(cell);
    for (const [column, names] of Object.entries(HEADINGS) as [Column, readonly string[]][]) {
      if (names.includes(key) && !columns.has(column)) columns.set(column, index);
    }
  });
  const missing = (["organisation", "year", "amount"] as const).filter((c) => !columns.has(c));
  if (missing.length > 0) {
    return {
      ok: false,
      message: `The first row of the file must name its columns: it needs ${missing
        .map((c) =>
          c === "organisation" ? "“Organisation” (a borough’s name or GSS code)" : c === "year" ? "“Year”" : "“Amount”",
        )
        .join(", ")}. Optional columns are “Uplift”, “Note” and “Indicative”.`,
    };
  }
  if (records.length === 0) return { ok: false, message: "The file has a heading row but no allocations under it." };
  if (records.length > MAX_IMPORT_ROWS) {
    return { ok: false, message: `The file has ${records.length} rows; one file may hold at most ${MAX_IMPORT_ROWS}.` };
  }

  const byCode = new Map(boroughs.filter((b) => b.gssCode).map((b) => [b.gssCode!.toUpperCase(), b]));
  const byName = new Map(boroughs.map((b) => [boroughNameKey(b.name), b]));
  const yearByLabel = new Map(years.map((y) => [y.label, y]));
  const roundYears = years.map((y) => y.label).join(", ");
  const seen = new Map<string, number>();
  const cell = (cells: string[], column: Column) => {
    const index = columns.get(column);
    return index === undefined ? "" : cellValue(cells[index]);
  };

  const rows = records.map((record): AllocationImportRow => {
    const problems: string[] = [];
    const organisation = cell(record.cells, "organisation");
    const year = cell(record.cells, "year");
    const amount = cell(record.cells, "amount");
    const uplift = cell(record.cells, "uplift");
    const note = cell(record.cells, "note");
    const indicativeText = cell(record.cells, "indicative").toLowerCase();

    const borough = byCode.get(organisation.toUpperCase()) ?? byName.get(boroughNameKey(organisation));
    if (!organisation) problems.push("No borough: enter its name or GSS code");
    else if (!borough)
      problems.push(
        `Unknown borough “${organisation}”: use a London borough’s name or GSS code (E09000002 to E09000033)`,
      );

    const financialYear = yearByLabel.get(year.replace(/\s+/g, "").replace(/-/g, "/"));
    if (!year) problems.push("No year: enter the financial year, like 2018/19");
    else if (!financialYear) problems.push(`The year “${year}” is not in this round, whose years are ${roundYears}`);

    let amountPence: number | null = null;
    const money = parseMoney(amount);
    if (money.ok) amountPence = money.pence;
    else problems.push(`Amount: ${money.message.charAt(0).toLowerCase()}${money.message.slice(1)}`);

    let upliftPence: number | null = null;
    if (uplift) {
      const parsedUplift = parseMoney(uplift);
      if (!parsedUplift.ok)
        problems.push(`Uplift: ${parsedUplift.message.charAt(0).toLowerCase()}${parsedUplift.message.slice(1)}`);
      else if (amountPence !== null && parsedUplift.pence > amountPence)
        problems.push("The uplift is more than the amount: the amount includes the uplift");
      else upliftPence = parsedUplift.pence;
    }

    if (note.length > IMPORT_NOTE_LIMIT) problems.push(`The note must be ${IMPORT_NOTE_LIMIT} characters or fewer`);
    let indicative = false;
    if (YES.has(indicativeText)) indicative = true;
    else if (!NO.has(indicativeText)) problems.push("Indicative must be “yes”, “no” or left blank");
    // The issue's own example: a note such as "indicative" marks the figure as indicative.
    if (/\bindicative\b/i.test(note)) indicative = true;

    if (borough && financialYear) {
      const key = `${borough.id}:${financialYear.id}`;
      const first = seen.get(key);
      if (first !== undefined)
        problems.push(`Duplicate: line ${first} already gives ${borough.name}’s ${financialYear.label} allocation`);
      else seen.set(key, record.line);
    }

    return {
      line: record.line,
      organisation,
      year,
      amount,
      uplift,
      note,
      organisationId: borough?.id ?? null,
      organisationName: borough?.name ?? null,
      financialYearId: financialYear?.id ?? null,
      amountPence,
      upliftPence,
      indicative,
      problems,
    };
  });
  return { ok: true, rows, errorCount: rows.filter((r) => r.problems.length > 0).length };
}

/** The first problem of a checked file, as one sentence naming the line: what the command line prints. */
export function firstProblem(result: AllocationImport): string | null {
  if (!result.ok) return result.message;
  const row = result.rows.find((r) => r.problems.length > 0);
  return row ? `Line ${row.line}: ${row.problems.join("; ")}` : null;
}
