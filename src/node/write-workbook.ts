import type { ReportModel } from '../report/model.js';
import { renderWorkbook } from '../report/render-workbook.js';

/**
 * Writes the monthly return as an Excel workbook (.xlsx): the core's {@link renderWorkbook} (the sheets of
 * `workbookLayout`: Summary, one per indicator, About, with their headers bold and frozen, numbers as numeric cells
 * with their number formats and months as real dates), kept under this name for the node entry's callers. The same
 * model always gives the same bytes: no clock is read.
 *
 * @param model - the report, from `buildReport` or `loadReport`.
 * @returns the workbook's bytes.
 * @example
 * const bytes = await renderXlsx(model);
 * await writeFile('january-2011.xlsx', bytes);
 */
export function renderXlsx(model: ReportModel): Promise<Uint8Array> {
  return renderWorkbook(model);
}
