/**
 * The workbook module: Excel workbooks (.xlsx) read as a stream of rows and written from sheets of typed cells,
 * with no dependency and nothing imported from `node:` (it uses the platform's `DecompressionStream`,
 * `CompressionStream` and `TextDecoder`; in Node.js it inflates with zlib, asked of `process.getBuiltinModule`, in
 * larger pieces), so that the CLI and the browser page share it.
 * @module
 */
export { WorkbookError } from './errors.js';
export {
  type DateCell,
  type ErrorCell,
  type FormulaCell,
  type ListedSheet,
  openWorkbook,
  type SheetCell,
  type SheetRowHandler,
  type SheetSummary,
  type WorkbookReader,
} from './read-workbook.js';
export { isDateFormat, isoDateToSerial, serialToIsoDate } from './serials.js';
export {
  type WorkbookBooleanValue,
  type WorkbookDateValue,
  type WorkbookNumberValue,
  type WorkbookSheetToWrite,
  type WorkbookTextValue,
  type WorkbookValue,
  type WriteWorkbookOptions,
  writeWorkbook,
} from './write-workbook.js';
