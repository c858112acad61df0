/**
 * The monthly return as an Excel workbook (.xlsx) with the core's workbook module: browser-safe, so the browser page
 * downloads the same sheets `cs-indicators report --format xlsx` writes.
 * @module
 */
import { type WorkbookSheetToWrite, type WorkbookValue, writeWorkbook } from '../workbook/write-workbook.js';
import type { ReportModel } from './model.js';
import { type WorkbookCell, workbookLayout } from './workbook.js';

/** A cell of the layout as the writer takes it. */
function writtenCell(cell: WorkbookCell): WorkbookValue {
  if (cell === null) return null;
  if ('text' in cell) return cell.text;
  return cell;
}

/**
 * Writes the monthly return as an Excel workbook (.xlsx): the sheets of {@link workbookLayout} (Summary, one per
 * indicator, About), each with its header row bold and frozen and its columns' widths, every figure a number with
 * its number format and every month a real date. Pure and browser-safe (it uses the platform's
 * `CompressionStream`); the same model always gives the same bytes.
 *
 * @param model - the report, from `buildReport` or `loadReportWith`.
 * @returns the workbook's bytes.
 * @example
 * const bytes = await renderWorkbook(model);
 * bytes.subarray(0, 2) //=> Uint8Array [0x50, 0x4b] ('PK': a zip archive)
 */
export async function renderWorkbook(model: ReportModel): Promise<Uint8Array> {
  const sheets: WorkbookSheetToWrite[] = workbookLayout(model).sheets.map((sheet) => ({
    name: sheet.name,
    columnWidths: sheet.columns.map((column) => column.width),
    frozenRows: 1,
    rows: [
      sheet.columns.map((column) => ({ text: column.header, bold: true })),
      ...sheet.rows.map((cells) => cells.map(writtenCell)),
    ],
  }));
  return writeWorkbook(sheets);
}
