import ExcelJS from "exceljs";
import { CsvWriter, poundsText } from "~/domain/csv";
import { PROJECT_EXPORT_COLUMNS, type ProjectYearRow } from "~/domain/project-export";
import { spreadsheetPounds } from "~/domain/money";

/** Excel's number format for pounds: thousands grouped, two decimals, negatives in red brackets. */
export const POUNDS_FORMAT = '"£"#,##0.00;[Red]-"£"#,##0.00';

export function projectsCsv(rows: readonly ProjectYearRow[]): string {
  const csv = new CsvWriter();
  for (const column of PROJECT_EXPORT_COLUMNS) csv.cell(column.header);
  csv.endRow();
  for (const row of rows) {
    for (const column of PROJECT_EXPORT_COLUMNS) {
      const value = column.value(row);
      csv.cell(value.kind === "money" ? poundsText(value.pence) : value.text);
    }
    csv.endRow();
  }
  return csv.toString();
}

/**
 * The same columns as a workbook. Money goes in as numbers of pounds formatted in pounds, so
 * people can add them up; the number comes from the exact two-decimal text, never from pence / 100
 * arithmetic done here.
 */
export async function projectsWorkbook(rows: readonly ProjectYearRow[], sheetName: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "London Crime Prevention Fund portal";
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  // Money columns carry the pounds format as their style, which every cell added under them takes:
  // set once per column rather than once per cell.
  sheet.columns = PROJECT_EXPORT_COLUMNS.map((column, index) => ({
    header: column.header,
    key: String(index),
    width: column.width,
    ...(column.format === "money" ? { style: { numFmt: POUNDS_FORMAT } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      PROJECT_EXPORT_COLUMNS.map((column) => {
        const value = column.value(row);
        // Text cells are stored as strings, which Excel never evaluates, so no formula can run.
        return value.kind === "money" ? spreadsheetPounds(value.pence) : value.text;
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
