import type { ReportModel } from '../report/model.js';
import { type WorkbookCell, workbookLayout } from '../report/workbook.js';

/** A date written `YYYY-MM-DD` as the instant exceljs stores for that day: UTC midnight. */
function utcDate(iso: string): Date {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The value exceljs is given for a cell, and its number format. */
function cellValue(cell: WorkbookCell): { value: string | number | boolean | Date | null; format?: string } {
  if (cell === null) return { value: null };
  if ('number' in cell) return { value: cell.number, format: cell.format };
  if ('date' in cell) return { value: utcDate(cell.date), format: cell.format };
  if ('text' in cell) return { value: cell.text };
  return { value: cell.boolean };
}

/**
 * Writes the monthly return as an Excel workbook (.xlsx), the one place the package writes workbooks: the sheets of
 * {@link workbookLayout} (Summary, one per indicator, About) with their headers bold and frozen, numbers as numeric
 * cells with their number formats and months as real dates. The workbook's created and modified dates are the
 * report's `asAt`, never the clock. exceljs is loaded only here, when a workbook is asked for.
 *
 * @param model - the report, from `buildReport` or `loadReport`.
 * @returns the workbook's bytes.
 * @example
 * const bytes = await renderXlsx(model);
 * await writeFile('january-2011.xlsx', bytes);
 */
export async function renderXlsx(model: ReportModel): Promise<Uint8Array> {
  const layout = workbookLayout(model);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'childrens-services-indicators';
  workbook.title = layout.title;
  workbook.created = utcDate(layout.asAt);
  workbook.modified = utcDate(layout.asAt);
  for (const sheet of layout.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column) => ({ header: column.header, width: column.width }));
    worksheet.getRow(1).font = { bold: true };
    sheet.rows.forEach((cells, index) => {
      const row = worksheet.getRow(index + 2);
      cells.forEach((cell, column) => {
        const { value, format } = cellValue(cell);
        if (value === null) return;
        const target = row.getCell(column + 1);
        target.value = value;
        if (format !== undefined) target.numFmt = format;
      });
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
