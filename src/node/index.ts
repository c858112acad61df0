/**
 * The node-only entry, `childrens-services-indicators/node`: reading files and streams. Everything of the core is
 * re-exported, so one import serves a node program.
 * @module
 */
export * from '../index.js';
export { readColumnMap } from './column-map.js';
export { readHolidayFile } from './holiday-file.js';
export type { PresetFileOptions, ReadRecordsFileResult } from './read-preset-file.js';
export { type ReadRecordsFileOptions, readRecordsFile } from './read-records-file.js';
export {
  type ReadWorkbookRowsOptions,
  readWorkbookRows,
  tokenizeWorkbook,
  type WorkbookRow,
  type WorkbookRows,
  type WorkbookSheetInfo,
} from './read-workbook.js';
export { loadReport, readReportConfig } from './report-config.js';
export { type FileSourceOptions, fileSource, nodeSha256, type OpenFile } from './source.js';
export { renderXlsx } from './write-workbook.js';
