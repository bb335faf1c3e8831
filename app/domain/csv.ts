/**
 * CSV as spreadsheet programs open it safely: UTF-8 with a byte order mark (so Excel reads
 * "£" and accented names correctly), CRLF line ends (RFC 4180), and no cell a spreadsheet
 * could run as a formula.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** Excel's and LibreOffice's way of spotting UTF-8 in a .csv file. */
export const UTF8_BOM = "\uFEFF";

// A spreadsheet treats a cell starting with any of these as a formula (or, for tab and
// carriage return, strips them and then may find one), so text such as a project title
// typed by a borough could run on the reviewer's machine.
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * Text that cannot start a formula: a leading single quote is what spreadsheets themselves
 * use to mean "this is text". Numbers are written by us, never typed, so they pass untouched;
 * a negative amount stays a number.
 */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new RangeError(`A CSV cell cannot hold ${cell}`);
    return String(cell);
  }
  if (typeof cell === "boolean") return cell ? "Yes" : "No";
  return neutraliseFormula(cell);
}

/** One field, quoted when it holds a comma, a quote or a line break; quotes inside are doubled. */
export function csvField(cell: CsvCell): string {
  const text = cellText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the byte order mark, then every row (the header first) ending in CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  // Exports repeat the same text down a column (a borough, a period, a priority): each is escaped once.
  const escaped = new Map<string, string>();
  const field = (cell: CsvCell) => {
    if (typeof cell !== "string") return csvField(cell);
    let text = escaped.get(cell);
    if (text === undefined) {
      text = csvField(cell);
      escaped.set(cell, text);
    }
    return text;
  };
  let csv = UTF8_BOM;
  for (const row of rows) csv += row.map(field).join(",") + "\r\n";
  return csv;
}

/**
 * Pence as pounds with two decimals ("40000.00", "-12.05"), by integer and string arithmetic
 * only, so no binary fraction can creep into an exported amount.
 */
export function poundsText(pence: number): string {
  if (!Number.isSafeInteger(pence)) throw new RangeError(`Pence must be a whole number, got ${pence}`);
  const sign = pence < 0 ? "-" : "";
  const digits = String(Math.abs(pence)).padStart(3, "0");
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
