import ExcelJS from "exceljs";
import { poundsText, toCsv, type CsvCell } from "~/domain/csv";
import { PROJECT_EXPORT_COLUMNS, type ExportValue, type ProjectYearRow } from "~/domain/project-export";
import { spreadsheetPounds } from "~/domain/money";

/** Excel's number format for pounds: thousands grouped, two decimals, negatives in red brackets. */
export const POUNDS_FORMAT = '"£"#,##0.00;[Red]-"£"#,##0.00';

const csvCell = (value: ExportValue): CsvCell => (value.kind === "money" ? poundsText(value.pence) : value.text);

export function projectsCsv(rows: readonly ProjectYearRow[]): string {
  return toCsv([
    PROJECT_EXPORT_COLUMNS.map((c) => c.header),
    ...rows.map((row) => PROJECT_EXPORT_COLUMNS.map((c) => csvCell(c.value(row)))),
  ]);
}

/**
 * The same columns as a workbook. Money goes in as numbers of pounds formatted in pounds, so
 * people can add them up; the number comes from the exact two-decimal text, never from pence / 100
 * arithmetic done here.
 */
export async function projectsWorkbook(rows: readonly ProjectYearRow[], sheetName: string): Promise<Buffer> {
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
