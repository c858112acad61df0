/**
 * Records: the canonical record kinds (SPEC 5), and the reading path as stages (source → decode → tokenize →
 * shape → check) from bytes, text or JavaScript values to checked records, input issues (SPEC 7) and the accounting.
 * @module
 */
export { type BlobSourceOptions, blobSource, type StreamableBlob } from './blob-source.js';
export {
  type Checker,
  type CheckOptions,
  checkKindAndDateFormat,
  checkOptionsOf,
  createChecker,
  PROGRESS_EVERY_ROWS,
} from './check.js';
export { ColumnMapError, parseColumnMap } from './column-map.js';
export {
  type DateCellResult,
  type DateFormat,
  type DateRange,
  dateFormats,
  dateRanges,
  type ParseDateCellOptions,
  parseDateCell,
} from './dates.js';
export {
  type ByteDecoder,
  createByteDecoder,
  type DecodedText,
  type DecodeOptions,
  type DecodeSummary,
  type DecodingStream,
  decodeBytes,
  decodeStream,
  type EncodingSource,
  readXmlDeclaration,
  type XmlDeclaration,
} from './decode.js';
export { type ExcelSerialOptions, excelSerialToIsoDate } from './excel-dates.js';
export { type DatePair, type FieldSpec, type FieldType, type KindSpec, recordSpecs } from './fields.js';
export { type RecordFileFormat, recordFileFormatOf, recordFileFormats } from './file-format.js';
export {
  type ColumnMap,
  type ColumnReport,
  createFieldResolver,
  type FieldResolver,
  type HeaderMatch,
  type MapKey,
  type MatchHeadersOptions,
  mapKeysFor,
  matchHeaders,
  unmatchedMapKeyMessage,
} from './headers.js';
export {
  countIssuesByCode,
  formatInputIssue,
  formatResultWarning,
  InputError,
  type InputIssue,
  type InputIssueCode,
  type InputSummary,
  type IssueSeverity,
  inputIssue,
  inputIssueCodes,
  issueSeverities,
  issueValue,
  MAX_CELL_CHARS,
  type RecordAccounting,
  type ResultWarning,
  type ResultWarningCode,
  resultWarningCodes,
  type SkippedRow,
  type SkipReason,
  skippedRowsLine,
  type TextEncoding,
  textEncodings,
} from './issues.js';
export { createKeyNumbering, type KeyNumbering, numberChildIds } from './keys.js';
export { parseCsvText, parseJsonText, parseNdjsonText, parseRecords } from './parse-records.js';
export {
  type ReadSourceOptions,
  type ReadWorkbookOptions,
  readRecordsSource,
  readRecordsText,
  readRecordsWorkbook,
  type TextFormat,
  textFormats,
  type WorkbookTokenizer,
} from './read-source.js';
export type { ParseRecordsOptions, ParseRecordsResult, RejectedKey } from './record-reader.js';
export {
  type AllocationRecord,
  type AssessmentRecord,
  allocationSchema,
  assessmentSchema,
  type CafRecord,
  type ClosureReason,
  type CoreAssessmentRecord,
  type CpConferenceRecord,
  type CpPlanRecord,
  cafSchema,
  closureReasonSchema,
  conferenceTypeSchema,
  coreAssessmentSchema,
  cpConferenceSchema,
  cpPlanSchema,
  type InitialAssessmentRecord,
  initialAssessmentSchema,
  isoDateSchema,
  type NeetRecord,
  type NeetStatus,
  neetSchema,
  neetStatusSchema,
  type RecordKind,
  type RecordOf,
  type ReferralRecord,
  recordKinds,
  recordSchemas,
  referralSchema,
  type WorkerRecord,
  type WorkerRole,
  workerRoleSchema,
  workerSchema,
} from './schemas.js';
export {
  cellText,
  createShaper,
  type FileValues,
  HEADER_SEARCH_ROWS,
  type Layout,
  type Shape,
  type ShapeColumns,
  type ShaperOptions,
} from './shape.js';
export { createKindShape, type KindShapeOptions, kindLayout } from './shape-kind.js';
export {
  chooseSheet,
  emptySheetMessage,
  missingSheetMessage,
  type WorkbookSheetOptions,
} from './sheet-choice.js';
export type {
  ByteSource,
  Cell,
  DateBeforeSystem,
  RepeatedKey,
  RowExtras,
  RowProblem,
  RowSink,
  TextSink,
  UncachedFormula,
  ValuesSink,
} from './stages.js';
export { type CsvTokenizerOptions, createCsvTokenizer, tokenizeCsv } from './tokenize-csv.js';
export { createNdjsonTokenizer, type NdjsonTokenizerOptions, tokenizeJsonArray } from './tokenize-json.js';
export { type SheetRead, sheetCellOf, tokenizeSheet } from './tokenize-sheet.js';
export {
  createXmlTokenizer,
  tokenizeXml,
  XML_LINE,
  type XmlTokenizerOptions,
} from './tokenize-xml.js';
