/**
 * CSV as spreadsheets open it safely: UTF-8 with a byte-order mark (so Excel reads £ and accents),
 * RFC 4180 quoting, and cells that a spreadsheet would run as a formula neutralised.
 */

/** Characters that make Excel, LibreOffice or Sheets treat a cell as a formula (or a DDE call). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell that starts like a formula gets a single quote in front, so it is shown as text and never
 * evaluated: the OWASP advice for CSV injection. Every other cell is left exactly as it is.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export type CsvValue = string | number | null;

/** Rows to CSV text: BOM first, CRLF line ends, every text cell neutralised then quoted where needed. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  // Numbers are written as they are: a negative number is a figure, not a formula.
  const text = (cell: CsvValue) =>
    cell === null ? "" : typeof cell === "number" ? String(cell) : neutraliseCell(cell);
  const lines = rows.map((row) => row.map((cell) => quote(text(cell))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Pence as pounds with two decimals and no grouping or symbol, so a spreadsheet reads a number. */
export function penceAsPounds(pence: number): string {
  const sign = pence < 0 ? "-" : "";
  const magnitude = Math.abs(pence);
  const pennies = magnitude % 100;
  return `${sign}${(magnitude - pennies) / 100}.${String(pennies).padStart(2, "0")}`;
}
