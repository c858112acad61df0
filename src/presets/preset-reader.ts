/**
 * What a preset is: data (its columns and their known spellings, the sheets it is found on) and one small function
 * per table (a row's values to the records it gives, or the reason it gives none). Presets are shapes of the
 * reading path's stage 4, not readers: `table-shape.ts` ties a table to the check stage, and every format's
 * tokenizer feeds it, so issues, accounting and strict mode are exactly those of any CSV file.
 * @module
 */
import { checkOptionsOf, createChecker } from '../records/check.js';
import { parseDateCell } from '../records/dates.js';
import type { InputIssue, IssueSeverity, SkippedRow, SkipReason } from '../records/issues.js';
import type { ParseRecordsOptions, ParseRecordsResult } from '../records/record-reader.js';
import type { RecordKind } from '../records/schemas.js';
import { createShaper, type FileValues } from '../records/shape.js';
import type { RowSink } from '../records/stages.js';
import type { XmlTokenizerOptions } from '../records/tokenize-xml.js';
import type { IsoDate } from '../util/dates.js';
import type { NccisCodeMap } from './nccis.js';
import { createColumnMatcher, createTableShape } from './table-shape.js';

export type { SkippedRow, SkipReason } from '../records/issues.js';

/**
 * The standard shapes the library reads directly (SPEC 12):
 * - `annex-a`: Ofsted's Annex A workbook, lists 3 (referrals), 4 (assessments), 5 (section 47 enquiries and
 *   initial conferences) and 7 (child protection plans).
 * - `cin-census`: the DfE children in need census XML.
 * - `workforce-census`: the DfE children's social work workforce census (`CSWWWorker` rows).
 * - `nccis`: NCCIS activity codes, read as NEET statuses.
 */
export type PresetId = 'annex-a' | 'cin-census' | 'workforce-census' | 'nccis';

/**
 * Every preset.
 * @example presetIds //=> ['annex-a', 'cin-census', 'workforce-census', 'nccis']
 */
export const presetIds: readonly PresetId[] = ['annex-a', 'cin-census', 'workforce-census', 'nccis'];

/** The options of the presets, beside those of `parseRecords`; each applies to one preset and is ignored by the rest. */
export interface PresetOptions {
  /**
   * `nccis`: the activity codes and the status each is read as, first matching range first. Default
   * {@link nccisCodeMap}.
   */
  readonly codeMap?: NccisCodeMap;
  /** `nccis`: the count date of rows whose file has no snapshot-date column (or a blank cell). Default: none. */
  readonly snapshotDate?: IsoDate;
  /**
   * `workforce-census`, allocation records only: the 30 September whose `Cases30` counts are read as allocations
   * open on that day. Default: the census XML's `ReferenceDate`; a CSV or workbook, which has no header, needs it.
   */
  readonly censusDate?: IsoDate;
}

/** Options of {@link createPresetReader}: those of `parseRecords` and of the presets. */
export interface PresetReaderOptions extends ParseRecordsOptions, PresetOptions {}

/**
 * What a preset read gives back: the result of every read, and the rows read that are not records of the kind (an
 * Annex A List 5 row whose conference was deemed unnecessary is not a conference), each with its reason. They are
 * rows read: `accounting.rowsSkipped` counts them.
 */
export interface PresetReadResult<K extends RecordKind> extends ParseRecordsResult<K> {
  /** The rows that are not records of the kind, each with its reason. */
  readonly skipped: readonly SkippedRow[];
}

/**
 * A reader fed a preset's table a row at a time.
 * @deprecated Removed in 0.2.0: feed the reading path's stages instead (`createTableShape` with `createShaper` and
 *   `createChecker`), or read a file with `readRecordsFile`. Kept for one minor version.
 */
export interface PresetReader<K extends RecordKind> {
  /** The header row, on line `row`. */
  header(cells: readonly string[], row: number): void;
  /** A data row starting on line `row`. */
  cells(cells: readonly string[], row: number): void;
  /** A JSON object at `row`. */
  object(value: unknown, row: number): void;
  /** A row that could not be read at all. */
  unreadableRow(row: number, message: string, value: string | null): void;
  /** Refuses the whole input. */
  refuse(row: number, message: string, value: string | null): void;
  /** Whether a header cell is one of this preset's known columns. */
  isKnownHeader(header: string): boolean;
  /** Whether a header cell names a column of dates. */
  isDateHeader(header: string): boolean;
  /** The sheet names to look for in a workbook when none is given, best first. */
  readonly sheetNames: readonly string[];
  /** Whether a workbook without any of `sheetNames` is read from its first sheet. */
  readonly firstSheetOtherwise: boolean;
  /** The result so far, with the skipped rows. */
  result(): PresetReadResult<K>;
}

/** One column a preset reads. */
export interface PresetColumn {
  /** The field it gives: a field of the record kind, or one the preset reads to make one (`orgRole`). */
  readonly field: string;
  /** Its spellings, the standard one first; matched ignoring case, spaces and punctuation. */
  readonly headers: readonly string[];
  /** Whether it holds dates (numeric workbook cells in it are Excel serials). Default false. */
  readonly date?: boolean;
  /** Whether the input is refused without it (`missing_column`). Default false. */
  readonly required?: boolean;
  /** An option that stands in for the column when it is missing (NCCIS `snapshotDate`). Default none. */
  readonly optionalWith?: keyof PresetOptions;
  /**
   * A value of the whole file that stands in for the column when it is missing (NCCIS `periodEnd`, from an XML
   * file's header). Default none.
   */
  readonly fromFile?: string;
  /**
   * Another column (by its `field`) that stands in for this required one when it is missing: the workforce census's
   * `FTE30` is required unless the file has `FTE`. Default none.
   */
  readonly orColumn?: string;
  /** Known so that the header row can be found, but not read into any record. Default false. */
  readonly knownOnly?: boolean;
  /**
   * The record fields the column gives, when its `field` is the preset's own name (Annex A's one section 47 date
   * gives both `strategyDiscussionDate` and `s47StartDate`): for the result's `fieldsPresent`. Default `[field]`.
   */
  readonly gives?: readonly string[];
}

/** The values of one row, by field, as text (blank cells absent). */
export type RowValues = Readonly<Record<string, string>>;

/** What {@link TablePreset.toRecords} says about one row. */
export interface RowOutcome {
  /** The values of each record the row gives, by canonical field (usually one; none when skipped). */
  readonly records: readonly Readonly<Record<string, string>>[];
  /** Why the row gives no record, when it is not one of the kind. */
  readonly skip?: { readonly reason: SkipReason; readonly message: string };
  /** A clearer message for an `invalid_value` on a field, when the preset knows why (an unknown NCCIS code). */
  readonly messages?: Readonly<Record<string, string>>;
  /**
   * Issues the preset finds itself (a `Cases30` that is not a count): an error rejects the row; warnings (severity
   * `warning`) keep it, with its records. Severity default: the code's ({@link issueSeverities}).
   */
  readonly issues?: readonly (Omit<InputIssue, 'row' | 'file' | 'severity'> & {
    readonly severity?: IssueSeverity;
  })[];
}

/** What a preset's row function may read besides the row. */
export interface RowContext extends PresetOptions {
  /** How slash dates are read, for making ids from dates. */
  readonly dateFormat: NonNullable<ParseRecordsOptions['dateFormat']>;
  /**
   * The file's own values, given by the tokenizer before the rows (a census header's reference date, an NCCIS
   * file's `PeriodEnd`). Default: none.
   */
  readonly fileValues?: FileValues;
}

/** How a preset reads one record kind from a table. */
export interface TablePreset {
  /** What the table is, for messages: `Annex A List 3 (referrals)`. */
  readonly label: string;
  /** The sheet names to look for in a workbook, best first (matched ignoring case, spaces and punctuation). */
  readonly sheetNames: readonly string[];
  /**
   * What a workbook without any of `sheetNames` gives: `first`, its first sheet (a census saved under any name), or
   * `none`, an error naming the sheets found (an Annex A list is never another list). Default `none`.
   */
  readonly otherSheets?: 'first' | 'none';
  /** The columns it reads or knows. */
  readonly columns: readonly PresetColumn[];
  /** Turns one row's values into the record values (or says why it gives none). */
  readonly toRecords: (values: RowValues, context: RowContext) => RowOutcome;
  /**
   * Where the table's records are in the XML the return is submitted as (the workforce census's `CSWWWorker`
   * elements, NCCIS's `YoungPersonsRecord`): each record element is an item whose child elements are its cells.
   * Default none: the table is not read from XML.
   */
  readonly xml?: XmlTokenizerOptions;
}

/**
 * The id of an event record made from the child and the event date, for the standard returns that have no record
 * id: `<childId>@<date>`, the date as `YYYY-MM-DD` when it can be read (else as written, and the row's date issue
 * says why).
 *
 * @param childId - the child's id, as written.
 * @param date - the event date, as written.
 * @param dateFormat - how slash dates are read. Default `auto`.
 * @returns the id.
 * @example
 * eventId('C123', '01/10/2012') //=> 'C123@2012-10-01'
 */
export function eventId(
  childId: string | undefined,
  date: string | undefined,
  dateFormat: RowContext['dateFormat'] = 'auto',
): string {
  const child = childId?.trim() || '?';
  const written = date?.trim() ?? '';
  if (written === '') return `${child}@?`;
  return `${child}@${isIsoShaped(written) ? written : idDayOf(written, dateFormat)}`;
}

/**
 * Whether a date is written as `YYYY-MM-DD` in digits, as a census writes every date: its day for an id is then the
 * text itself, whether it is a date or not. A year written first is read the same in every format, and its date is
 * written back `YYYY-MM-DD`, the same text; a date that cannot be read (`2011-02-30`) is kept as written.
 */
function isIsoShaped(written: string): boolean {
  if (written.length !== 10 || written.charCodeAt(4) !== HYPHEN || written.charCodeAt(7) !== HYPHEN)
    return false;
  for (let at = 0; at < 10; at++) {
    const code = written.charCodeAt(at);
    if (at !== 4 && at !== 7 && (code < ZERO || code > NINE)) return false;
  }
  return true;
}

const HYPHEN = 45;
const ZERO = 48;
const NINE = 57;

/**
 * The days of the dates already made into ids, by date format, then by the date as written: a census names a few
 * hundred days hundreds of thousands of times, and reading a date is the same every time (`parseDateCell` depends
 * on the text and the format only). Up to 10,000 dates a format are kept; past that, dates are read each time.
 */
const idDays = new Map<string, Map<string, string>>();

/** The day a written date is for an id (`YYYY-MM-DD`), or the text as written when it is not a date. */
function idDayOf(written: string, dateFormat: RowContext['dateFormat']): string {
  let days = idDays.get(dateFormat);
  if (days === undefined) {
    days = new Map();
    idDays.set(dateFormat, days);
  }
  const known = days.get(written);
  if (known !== undefined) return known;
  const read = parseDateCell(written, { dateFormat });
  const day = read.ok ? read.date : written;
  if (days.size < 10_000) days.set(written, day);
  return day;
}

/**
 * Whether an answer cell says yes: `Yes`, `Y`, `true`, `1`, also written as Annex A's lettered choices (`a) Yes`).
 *
 * @deprecated Removed in 0.2.0: it reads any value that is not a yes as no, so a mistyped answer is silently "no".
 *   Use `readBoolean` (records), which reads a closed list of spellings and reports any other value.
 *
 * @param value - the cell, or undefined.
 * @returns true for a yes.
 * @example isYes('a) Yes') //=> true
 */
export function isYes(value: string | undefined): boolean {
  if (value === undefined) return false;
  const answer = value
    .trim()
    .toLowerCase()
    .replace(/^[a-z]\)\s*/, '');
  return answer === 'yes' || answer === 'y' || answer === 'true' || answer === '1';
}

/**
 * Creates a reader of one record kind from a table in a preset's shape, fed a header and rows (or objects).
 *
 * @deprecated Removed in 0.2.0: use the reading path's stages, `createTableShape(table, kind, checker, options)` with
 *   `createShaper` and `createChecker`, or `readRecordsFile` with a `preset`. Kept for one minor version.
 * @param table - the preset's table: its columns and row function.
 * @param kind - the record kind read.
 * @param options - as `parseRecords` (`dateFormat`, `columnMap` from header to one of the table's fields, `strict`,
 *   `file`) and the preset options.
 * @returns the reader; feed it, then call `result()`.
 * @throws {TypeError} for a column map naming no column of the table.
 * @example
 * const reader = createTableReader(annexALists.referral, 'referral');
 * reader.header(['Child Unique ID', 'Sex', 'Date of referral'], 1);
 * reader.cells(['C1', 'Female', '02/04/2012'], 2);
 * reader.result().records //=> [{ id: 'C1@2012-04-02', childId: 'C1', referralDate: '2012-04-02' }]
 */
export function createTableReader<K extends RecordKind>(
  table: TablePreset,
  kind: K,
  options: PresetReaderOptions = {},
): PresetReader<K> {
  const checker = createChecker(kind, { ...checkOptionsOf(options), listsSkipped: true });
  const shape = createTableShape(table, kind, checker, options);
  const dateColumns = new Set(table.columns.filter((c) => c.date === true).map((c) => c.field));
  const { match } = createColumnMatcher(table, options.columnMap);
  let shaper: RowSink | undefined;
  const fed = (as: 'first-row' | 'none'): RowSink => {
    shaper ??= createShaper(shape, checker, { header: as });
    return shaper;
  };
  let ended = false;
  return {
    sheetNames: table.sheetNames,
    firstSheetOtherwise: table.otherSheets === 'first',
    isKnownHeader: (header) => shape.knows(header),
    isDateHeader: (header) => {
      const column = match(header);
      return column !== null && dateColumns.has(column.field);
    },
    header: (cells, row) => fed('first-row').row(cells, row),
    cells: (cells, row) => fed('first-row').row(cells, row),
    object: (value, row) => fed('none').item(value, row),
    unreadableRow: (row, message, value) =>
      fed('first-row').problem({ code: 'unreadable', line: row, value, message }),
    refuse: (_row, message) => fed('first-row').refuse(message),
    result() {
      if (!ended) {
        ended = true;
        fed('none').end();
      }
      const read = checker.result({ file: options.file ?? '(rows)', sha256: '', encoding: 'utf-8' });
      return { ...read, skipped: read.skipped ?? [] };
    },
  };
}
