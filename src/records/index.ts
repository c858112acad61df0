/**
 * Records: the canonical record kinds (SPEC 5), and the one reading path from JavaScript values, CSV, JSON and
 * NDJSON text to checked records, input issues (SPEC 7) and the accounting.
 * @module
 */
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
export { type DatePair, type FieldSpec, type FieldType, type KindSpec, recordSpecs } from './fields.js';
export {
  type ColumnMap,
  type ColumnReport,
  createFieldResolver,
  type FieldResolver,
  type HeaderMatch,
  type MatchHeadersOptions,
  matchHeaders,
} from './headers.js';
export {
  countIssuesByCode,
  formatInputIssue,
  InputError,
  type InputIssue,
  type InputIssueCode,
  type InputSummary,
  type IssueSeverity,
  inputIssueCodes,
  type RecordAccounting,
  type ResultWarning,
  type ResultWarningCode,
  resultWarningCodes,
  type TextEncoding,
  textEncodings,
} from './issues.js';
export { parseCsvText, parseJsonText, parseNdjsonText, parseRecords } from './parse-records.js';
export type { ParseRecordsOptions, ParseRecordsResult } from './record-reader.js';
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
