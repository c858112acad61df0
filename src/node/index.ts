/**
 * The node-only entry, `childrens-services-indicators/node`: reading files and streams. Everything of the core is
 * re-exported, so one import serves a node program.
 * @module
 */
export * from '../index.js';
export { ColumnMapError, readColumnMap } from './column-map.js';
export { readHolidayFile } from './holiday-file.js';
export type { PresetFileOptions, ReadRecordsFileResult } from './read-preset-file.js';
export {
  type ReadRecordsFileOptions,
  type RecordFileFormat,
  readRecordsFile,
  recordFileFormatOf,
  recordFileFormats,
} from './read-records-file.js';
export {
  type ReadWorkbookRowsOptions,
  readWorkbookRows,
  tokenizeWorkbook,
  type WorkbookRow,
  type WorkbookRows,
  type WorkbookSheetInfo,
  type WorkbookSheetOptions,
} from './read-workbook.js';
export {
  type CheckedIndicator,
  type CheckedReportConfig,
  type ConfigFile,
  type LoadedInput,
  type LoadedReport,
  type LoadReportOptions,
  loadReport,
  type ReportConfig,
  ReportConfigError,
  readReportConfig,
  reportConfigSchema,
} from './report-config.js';
export { fileSource, nodeSha256, type OpenFile } from './source.js';
export { renderXlsx } from './write-workbook.js';
