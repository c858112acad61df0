/**
 * Stage 5 of the reading path: each row's raw values, by field, become a record or issues. Every field is read
 * (the checks of `values.ts` and `parseDateCell`, with fast paths for clean cells), required fields, keys
 * (`duplicate_id`) and start/end pairs are checked, and the accounting is kept, so that
 * `rowsRead === rowsAccepted + rowsRejected + rowsSkipped` whatever came before.
 * @module
 */
import { civilDay, fromDayNumber, isIsoDate, parseIsoDay, toDayNumber } from '../util/dates.js';
import { CELL_DATE, CELL_NONE, CELL_NUMBER, CELL_TEXT } from '../workbook/cell-kinds.js';
import type { SheetBytesRow } from '../workbook/sheet-bytes.js';
import { type DateFormat, dateFormats, dateRanges, parseDateCell } from './dates.js';
import { DayColumnStore, NO_DAY } from './day-columns.js';
import { type FieldSpec, recordSpecs } from './fields.js';
import type { ColumnReport } from './headers.js';
import {
  InputError,
  type InputIssue,
  type InputIssueCode,
  type InputSummary,
  inputIssue,
  issueValue,
  type RecordAccounting,
  type ResultWarning,
  type SkippedRow,
} from './issues.js';
import {
  checkKeyTable,
  createKeyNumbering,
  hashOf,
  hashPairOfBytes,
  hashPairOfChars,
  type KeyNumbering,
  KeyRepeats,
  numberChildIds,
} from './keys.js';
import { type RecordKind, recordKinds } from './kinds.js';
import type { ParseRecordsOptions, ParseRecordsResult, RejectedKey } from './record-reader.js';
import type { RecordOf } from './schemas.js';
import type { RowExtras, ValuesSink } from './stages.js';
import {
  type CellResult,
  isBlank,
  looseKey,
  readBoolean,
  readCount,
  readEnum,
  readNonNegativeNumber,
  readText,
} from './values.js';

/** Options of {@link createChecker}. */
export interface CheckOptions {
  /** How slash dates are read. Default `auto`. */
  readonly dateFormat?: DateFormat;
  /** Refuse the input on errors (`true`), or on any issue (`'warnings'`). Default false. */
  readonly strict?: ParseRecordsOptions['strict'];
  /** The file to put on every issue and warning. Default none. */
  readonly file?: string;
  /** Whether the result lists the rows skipped (a preset's read). Default false. */
  readonly listsSkipped?: boolean;
  /** Called with the rows read so far, every {@link PROGRESS_EVERY_ROWS} rows, for progress output. Default none. */
  readonly onProgress?: (rowsRead: number) => void;
  /** The table each accepted record's `childId` is numbered in as the read ends (kinds with one). Default none. */
  readonly childNumbering?: KeyNumbering;
  /** Whether the result lists the key of each rejected row (`rejectedKeys`). Default false. */
  readonly keysOfRejected?: boolean;
}

/**
 * How often a reader's `onProgress` is called, in rows.
 * @example PROGRESS_EVERY_ROWS //=> 50000
 */
export const PROGRESS_EVERY_ROWS = 50_000;

/**
 * The check options among a reader's options.
 *
 * @param options - the reader's options.
 * @returns `dateFormat`, `strict`, `file`, `childNumbering` and `keysOfRejected`, those given.
 * @example
 * checkOptionsOf({ dateFormat: 'dmy', columnMap: {} }) //=> { dateFormat: 'dmy' }
 */
export function checkOptionsOf(options: ParseRecordsOptions): CheckOptions {
  return {
    ...(options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat }),
    ...(options.strict === undefined ? {} : { strict: options.strict }),
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.childNumbering === undefined ? {} : { childNumbering: options.childNumbering }),
    ...(options.keysOfRejected === true ? { keysOfRejected: true } : {}),
  };
}

/** The check stage: a {@link ValuesSink}, then the result. */
export interface Checker<K extends RecordKind> extends ValuesSink {
  /**
   * The result. Throws {@link InputError} under `strict` when there is an issue it refuses.
   * @param input - the file, its hash and its encoding, from the source and decode stages.
   */
  result(input: Pick<InputSummary, 'file' | 'sha256' | 'encoding'>): ParseRecordsResult<K>;
}

type Issue = Omit<InputIssue, 'file'>;

/** A cell that holds nothing: absent, null, or a string of spaces. */
const BLANK: unique symbol = Symbol('blank');

/** A cell that could not be read: its issue code and message. */
interface CellProblem {
  readonly ok: false;
  readonly code: InputIssueCode;
  readonly message: string;
}

/** What reading one cell gives: the normalised value, {@link BLANK}, or a {@link CellProblem}. */
type CellOutcome = unknown;

/** Reads the cells of one field: the checks of `values.ts` and `parseDateCell`, with fast paths for clean cells. */
type CellReader = (raw: unknown) => CellOutcome;

/** The dates each `dateRange` allows, as day numbers. */
const DAY_RANGES = {
  calendar: { first: toDayNumber(dateRanges.calendar.start), last: toDayNumber(dateRanges.calendar.end) },
  'from-1900': {
    first: toDayNumber(dateRanges['from-1900'].start),
    last: toDayNumber(dateRanges['from-1900'].end),
  },
} as const;

/** Distinct date cells whose reading a reader remembers: exports repeat a few thousand dates a million times. */
const DATE_CELLS_REMEMBERED = 10_000;
/** Distinct cells of one text field that a reader shares among its records. */
const TEXT_CELLS_SHARED = 4096;
/** How often a reader looks at how many cells of a text field it has shared. */
const SHARING_CHECKED_EVERY = 1024;

function isProblem(outcome: CellOutcome): outcome is CellProblem {
  return typeof outcome === 'object' && outcome !== null && (outcome as CellProblem).ok === false;
}

function outcomeOf<T>(read: CellResult<T>): CellOutcome {
  return read.ok ? read.value : read;
}

/** Reads a text cell: trimmed, its line breaks written `\n` (as `readText`). */
function readTextCell(raw: unknown): CellOutcome {
  if (typeof raw === 'string') {
    // trim() gives back the same string when there is nothing to trim, as in a clean export.
    const text = raw.trim();
    if (text === '') return BLANK;
    return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
  }
  return isBlank(raw) ? BLANK : outcomeOf(readText(raw));
}

/**
 * A text field's reader. Its values are shared among the records while the field repeats itself (a team, a worker):
 * a million records then hold a handful of strings, not a million copies, and the garbage collector has a million
 * fewer objects to move. A field whose cells are mostly new (an id) stops being looked up after
 * {@link SHARING_CHECKED_EVERY} cells.
 */
function textReader(): CellReader {
  let shared: Map<string, CellOutcome> | undefined = new Map();
  let looked = 0;
  let found = 0;
  return (raw) => {
    if (shared === undefined || typeof raw !== 'string') return readTextCell(raw);
    const known = shared.get(raw);
    looked++;
    if (known !== undefined) {
      found++;
      return known;
    }
    const outcome = readTextCell(raw);
    if (looked % SHARING_CHECKED_EVERY === 0 && found * 2 < looked) shared = undefined;
    else if (shared.size < TEXT_CELLS_SHARED) shared.set(raw, outcome);
    return outcome;
  };
}

function booleanReader(raw: unknown): CellOutcome {
  return isBlank(raw) ? BLANK : outcomeOf(readBoolean(raw));
}

function numberReader(raw: unknown): CellOutcome {
  return isBlank(raw) ? BLANK : outcomeOf(readNonNegativeNumber(raw));
}

function countReader(raw: unknown): CellOutcome {
  return isBlank(raw) ? BLANK : outcomeOf(readCount(raw));
}

const SPACE = 32;

const SLASH = 47;
const HYPHEN = 45;
const ZERO = 48;

/** The number written by the two characters of `text` at `at`, or -1 when they are not both digits. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - ZERO;
  const units = text.charCodeAt(at + 1) - ZERO;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -1;
}

/**
 * The day number of a cell written `DD/MM/YYYY` (or `MM/DD/YYYY` when `monthFirst`) at `at` in `text`, read from its
 * character codes, or NaN for any other cell and for a date that is not real. Only ten characters with slashes at 2
 * and 5 are read here; every other way of writing a date goes to `parseDateCell`.
 */
function slashDay(text: string, at: number, monthFirst: boolean): number {
  if (text.charCodeAt(at + 2) !== SLASH || text.charCodeAt(at + 5) !== SLASH) return Number.NaN;
  const a = twoDigits(text, at);
  const b = twoDigits(text, at + 3);
  const century = twoDigits(text, at + 6);
  const years = twoDigits(text, at + 8);
  if (a < 0 || b < 0 || century < 0 || years < 0) return Number.NaN;
  const year = century * 100 + years;
  const month = monthFirst ? a : b;
  const day = monthFirst ? b : a;
  if (month < 1 || month > 12 || day < 1) return Number.NaN;
  return civilDay(year, month, day);
}

/**
 * The day number of the ten characters at `at` in `text` when they are a date written `YYYY-MM-DD`, or NaN: as
 * `parseIsoDay` of those characters, read in place (the CSV fast lane reads a cell without making its string).
 */
function isoDayAt(text: string, at: number): number {
  if (text.charCodeAt(at + 4) !== HYPHEN || text.charCodeAt(at + 7) !== HYPHEN) return Number.NaN;
  const c = twoDigits(text, at);
  const y = twoDigits(text, at + 2);
  const month = twoDigits(text, at + 5);
  const day = twoDigits(text, at + 8);
  if (c < 0 || y < 0 || month < 1 || month > 12 || day < 1) return Number.NaN;
  return civilDay(c * 100 + y, month, day);
}

/**
 * The date of each day in one date field's range, made once and shared: the date readers of the general path and of
 * the CSV fast lane (`fast-csv.ts`) both take their dates from it, so a record holds the same string either way.
 */
interface DayDates {
  /** The first and last day numbers in range. */
  readonly first: number;
  readonly last: number;
  /** The date of each day once one of its cells has been read (made at the first such cell, so that a reader made
   * for a handful of rows costs nothing). */
  byDay: (string | undefined)[] | undefined;
}

function dayDatesOf(range: NonNullable<FieldSpec['dateRange']>): DayDates {
  const { first, last } = DAY_RANGES[range];
  return { first, last, byDay: undefined };
}

/** The shared date of `day` (in range), `iso` being its cell when that is already written `YYYY-MM-DD`. */
function sharedDate(table: DayDates, day: number, iso: string | undefined): string {
  table.byDay ??= new Array<string | undefined>(table.last - table.first + 1).fill(undefined);
  const date = table.byDay[day - table.first];
  if (date !== undefined) return date;
  const made = iso ?? fromDayNumber(day);
  table.byDay[day - table.first] = made;
  return made;
}

/**
 * The values of one text field that the CSV fast lane has read, found again by a cell's characters in the text, so
 * that a field that repeats itself (a team, a worker) costs no string per cell. Only a cell whose value is the cell
 * as written is kept; a field whose cells are mostly new (an id) stops being looked up after
 * {@link SHARING_CHECKED_EVERY} cells, as {@link textReader} does.
 */
class TextInterning {
  private readonly byHash = new Map<number, string>();
  private looked = 0;
  private found = 0;
  private on = true;

  /** The value kept for the cell `text[start, end)`, or undefined. */
  find(text: string, start: number, end: number): string | undefined {
    if (!this.on) return undefined;
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const known = this.byHash.get(hash);
    this.looked++;
    if (known !== undefined && known.length === end - start) {
      let same = true;
      for (let i = start; i < end && same; i++) same = known.charCodeAt(i - start) === text.charCodeAt(i);
      if (same) {
        this.found++;
        return known;
      }
    }
    if (this.looked % SHARING_CHECKED_EVERY === 0 && this.found * 2 < this.looked) this.on = false;
    return undefined;
  }

  /** Keeps a value read as written, while there is room. */
  keep(value: string): void {
    if (!this.on || this.byHash.size >= TEXT_CELLS_SHARED) return;
    let hash = 0x811c9dc5;
    for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
    if (!this.byHash.has(hash)) this.byHash.set(hash, value);
  }
}

/**
 * A date field's reader. The two ways exports write nearly every date are read straight from their character codes:
 * `YYYY-MM-DD`, and `DD/MM/YYYY` (`MM/DD/YYYY` under `mdy`; neither under `ymd`), a real date in range, each
 * becoming the date of its day number. Any other cell (a month name, a time part, a one-digit day, an impossible or
 * ambiguous date, one out of range) is read by `parseDateCell`, once per distinct cell (up to
 * {@link DATE_CELLS_REMEMBERED} of them), so its message is the same. Either way the date is shared among the
 * records: exports repeat a few thousand dates a million times, and a million records holding one string per date
 * leave the garbage collector a million fewer objects to move.
 */
function dateReader(
  dateFormat: DateFormat,
  range: NonNullable<FieldSpec['dateRange']>,
  table: DayDates,
): CellReader {
  const options = { dateFormat, range };
  const { first, last } = table;
  const readsSlashes = dateFormat !== 'ymd';
  const monthFirst = dateFormat === 'mdy';
  // What each cell not read from its codes read as.
  const remembered = new Map<string, CellOutcome>();
  const read = (raw: unknown): CellOutcome => {
    const cell = parseDateCell(raw, options);
    return cell.ok ? cell.date : cell;
  };
  return (raw) => {
    if (typeof raw !== 'string') return isBlank(raw) ? BLANK : read(raw);
    if (raw.length === 10) {
      const iso = raw.charCodeAt(4) === HYPHEN;
      const day = iso ? parseIsoDay(raw) : readsSlashes ? slashDay(raw, 0, monthFirst) : Number.NaN;
      if (day >= first && day <= last) return sharedDate(table, day, iso ? raw : undefined);
    }
    const known = remembered.get(raw);
    if (known !== undefined) return known;
    const outcome = raw.trim() === '' ? BLANK : read(raw);
    if (remembered.size < DATE_CELLS_REMEMBERED) remembered.set(raw, outcome);
    return outcome;
  };
}

/** An enum field's reader: an allowed value as written, then matched by its loose key, as `readEnum` matches. */
function enumReader(values: readonly string[]): CellReader {
  // The first value of each loose key, as readEnum's `find` takes it.
  const byLooseKey = new Map<string, string>();
  for (const value of values) {
    const key = looseKey(value);
    if (!byLooseKey.has(key)) byLooseKey.set(key, value);
  }
  const exact = new Set(values.filter((value) => byLooseKey.get(looseKey(value)) === value));
  return (raw) => {
    if (typeof raw === 'string') {
      if (exact.has(raw)) return raw;
      if (raw.trim() === '') return BLANK;
      const found = byLooseKey.get(looseKey(raw));
      if (found !== undefined) return found;
    } else if (isBlank(raw)) {
      return BLANK;
    }
    return outcomeOf(readEnum(raw, values));
  };
}

/**
 * Reads a JSON object or array in a field: never a value of any field, but its message writes it, and a value nested
 * a hundred thousand deep cannot be written without overflowing the stack. Such a value is described instead.
 */
function readNested(reader: CellReader, raw: object): CellOutcome {
  try {
    return reader(raw);
  } catch {
    return {
      ok: false,
      code: 'invalid_value',
      message: `${issueValue(raw)} is not a value of this field: expected text, a date, a number or yes/no`,
    } satisfies CellProblem;
  }
}

function cellReader(field: FieldSpec, dateFormat: DateFormat, table: DayDates | undefined): CellReader {
  switch (field.type) {
    case 'date':
      return dateReader(dateFormat, field.dateRange ?? 'calendar', table ?? dayDatesOf('calendar'));
    case 'boolean':
      return booleanReader;
    case 'number':
      return numberReader;
    case 'count':
      return countReader;
    case 'enum':
      return enumReader(field.values ?? []);
    default:
      return textReader();
  }
}

/** A date field: every string its reader returns is a real `YYYY-MM-DD` date in range (see {@link dateReader}). */
const VOUCH_DATE = 0;
/** A text field: every non-empty string its reader returns passes. */
const VOUCH_TEXT = 1;
/** Any other field: {@link fitsSchema} decides. */
const VOUCH_SCHEMA = 2;

/**
 * How a field's value read by its reader is known to pass the schema. A date reader returns a string only when it
 * is the date of a real day in the field's range (made by `fromDayNumber`, checked by `parseIsoDay`, or
 * `parseDateCell`'s own date), so a string from it needs no second reading.
 */
function vouchOf(field: FieldSpec): number {
  if (field.type === 'date') return VOUCH_DATE;
  if (field.type === 'text') return VOUCH_TEXT;
  return VOUCH_SCHEMA;
}

/**
 * Sets field `index` of a record being built. Each field position has its own store (a `case`), so that V8 sees
 * one property name at each and keeps it fast, where one store for every field sees them all and slows down.
 */
function setField(record: Record<string, unknown>, index: number, name: string, value: unknown): void {
  switch (index) {
    case 0:
      record[name] = value;
      return;
    case 1:
      record[name] = value;
      return;
    case 2:
      record[name] = value;
      return;
    case 3:
      record[name] = value;
      return;
    case 4:
      record[name] = value;
      return;
    case 5:
      record[name] = value;
      return;
    case 6:
      record[name] = value;
      return;
    case 7:
      record[name] = value;
      return;
    case 8:
      record[name] = value;
      return;
    default:
      record[name] = value;
  }
}

/**
 * Whether a value read by {@link cellReader} passes its field's schema: the rules of `schemas.ts` written over the
 * field table. Every value the readers return does (they refuse a number too large to be finite, and a count too
 * large to hold exactly, themselves); the check is kept whole as a guard, naming whatever might not pass
 * ({@link unfitMessage}).
 */
function fitsSchema(field: FieldSpec, value: unknown): boolean {
  switch (field.type) {
    case 'date':
      return typeof value === 'string' && isIsoDate(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0;
    case 'count':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
    case 'enum':
      return typeof value === 'string' && (field.values ?? []).includes(value);
    default:
      return typeof value === 'string' && value.length > 0;
  }
}

/**
 * What a field holds, for a value read by {@link cellReader} that {@link fitsSchema} refuses. The readers refuse
 * every such value themselves today (a number too large to be finite, a count too large to hold exactly), so this
 * names what a future reader might let through rather than reporting a record as fit that the schema would refuse.
 *
 * @example unfitMessage({ name: 'fte', type: 'number', required: true })
 * //=> 'the value read is not one fte holds: expected a finite number, 0 or more'
 */
function unfitMessage(field: FieldSpec): string {
  const expected: Record<FieldSpec['type'], string> = {
    text: 'text that is not blank',
    date: 'a real date',
    boolean: 'yes or no',
    number: 'a finite number, 0 or more',
    count: `a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`,
    enum: `one of ${(field.values ?? []).join(', ')}`,
  };
  return `the value read is not one ${field.name} holds: expected ${expected[field.type]}`;
}

/**
 * A maker of plain objects for one reader's records. `new PlainObject()` is an object like `{}` (its prototype is
 * `Object.prototype`, its constructor `Object`), but V8 sizes the objects a constructor makes for the fields they are
 * given, so a record keeps all its fields inside itself instead of spilling those past the fourth into a second
 * array: a million records are a million objects to allocate and move, not two million.
 */
function plainObjectMaker(): new () => Record<string, unknown> {
  function PlainObject(): void {}
  PlainObject.prototype = Object.prototype;
  return PlainObject as unknown as new () => Record<string, unknown>;
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? 'an' : 'a';
}

/**
 * Checks a record kind and a date format: the programmer errors every reader refuses before reading.
 *
 * @param kind - the record kind given.
 * @param dateFormat - the date format given. Default `auto`.
 * @throws {TypeError} for an unknown kind or date format, naming those expected.
 * @example
 * checkKindAndDateFormat('referral', 'dmy') //=> undefined
 */
export function checkKindAndDateFormat(kind: string, dateFormat: string = 'auto'): void {
  if (!recordKinds.includes(kind as RecordKind)) {
    throw new TypeError(
      `Unknown record kind ${JSON.stringify(kind)}: expected one of ${recordKinds.join(', ')}`,
    );
  }
  if (!dateFormats.includes(dateFormat as DateFormat)) {
    throw new TypeError(
      `Unknown date format ${JSON.stringify(dateFormat)}: expected one of ${dateFormats.join(', ')}`,
    );
  }
}

/**
 * Creates the check stage for a record kind: fed each row's raw values by the shape stage, it keeps the records,
 * the row of each, the issues (every one, with its severity), the skipped rows, the warnings and the accounting.
 *
 * @param kind - the record kind to read.
 * @param options - `dateFormat` (default `auto`), `strict` (default false), `file` (default none), `listsSkipped`
 *   (default false), `onProgress` (default none).
 * @returns the checker; feed it, then call `result(input)`.
 * @throws {TypeError} for an unknown kind or date format.
 * @example
 * const checker = createChecker('referral');
 * checker.values(['R1', 'C1', '01/10/2010'], [0, 1, 2, -1, -1, -1], 2);
 * checker.result({ file: 'r.csv', sha256: '', encoding: 'utf-8' }).records
 * //=> [{ id: 'R1', childId: 'C1', referralDate: '2010-10-01' }]
 */
export function createChecker<K extends RecordKind>(kind: K, options: CheckOptions = {}): Checker<K> {
  const dateFormat = options.dateFormat ?? 'auto';
  checkKindAndDateFormat(kind, dateFormat);
  const spec = recordSpecs[kind];
  const fields = spec.fields;
  // Checked before a row is read: a table that is not one is refused at once, not after the whole file.
  const childNumbering = options.childNumbering;
  if (childNumbering !== undefined) checkKeyTable(childNumbering, 'childNumbering');
  const numbersChildren =
    childNumbering !== undefined && fields.some((f) => f.name === 'childId' && f.required);
  const fieldCount = fields.length;
  const fieldIndex = new Map(fields.map((f, i) => [f.name, i] as const));
  const dayDates = fields.map((f) => (f.type === 'date' ? dayDatesOf(f.dateRange ?? 'calendar') : undefined));
  const readers = fields.map((f, i) => cellReader(f, dateFormat, dayDates[i]));
  const names = fields.map((f) => f.name);
  const vouches = fields.map(vouchOf);
  const keyFields = spec.key;
  const keyIndices = keyFields.map((name) => fieldIndex.get(name) ?? -1);
  const keyName = keyFields.join('+');
  const singleKey = keyIndices.length === 1 ? (keyIndices[0] as number) : -1;
  const datePairs = spec.datePairs.map((pair) => ({
    ...pair,
    startIndex: fieldIndex.get(pair.start) ?? -1,
    endIndex: fieldIndex.get(pair.end) ?? -1,
  }));
  const file = options.file;
  const onProgress = options.onProgress;

  const records: RecordOf<K>[] = [];
  const rows: number[] = [];
  const issues: InputIssue[] = [];
  const skipped: SkippedRow[] = [];
  const warnings: ResultWarning[] = [];
  const warningsByCode = new Map<InputIssueCode, number>();
  const present = new Set<string>();
  const fileValues: Record<string, unknown> = {};
  let hasFileValues = false;
  // The key of every row that had one, numbered, and the row each was first seen on.
  const keys = createKeyNumbering();
  const firstRowOfKey: number[] = [];
  // The ids of the rows the fast lanes kept (a kind with a single key), checked for repeats at the end (see
  // settlePlainRows); or, once a lane has handed the input back for a repeat and reads it again, each row's key
  // looked up as it is read.
  const laneKeys = new KeyRepeats();
  let keysAtEnd = singleKey >= 0;
  let rowsRead = 0;
  let rowsAccepted = 0;
  let rowsRejected = 0;
  let errors = 0;
  let refused = false;
  let columns: ColumnReport | undefined;
  // With keysOfRejected: the key of each rejected row whose key cells were read.
  const rejectedKeys: RejectedKey[] | undefined = options.keysOfRejected === true ? [] : undefined;
  // The values of the row being read, by field (reused: one row is read at a time).
  const values: unknown[] = new Array(fieldCount);
  const PlainRecord = plainObjectMaker();

  // How many records had been accepted when each issue was added: where a lane's record falls among the issues.
  const recordsBeforeIssue: number[] = [];
  // Set by keepDayColumns before any row is read: the accepted records are kept as day numbers, not objects.
  let dayStore: DayColumnStore | undefined;
  // The field index of each day column, and the days of the row being read by field (NaN: blank).
  let dayFieldIndices: readonly number[] = [];
  // The field index of the group column (-1: none), and the number of the row's group value when found in place.
  let groupIndex = -1;
  let groupInPlace = -1;
  const dayValues = new Float64Array(fieldCount);
  let dayRow = new Int32Array(0);
  // Under day columns, the two hashes of each id the lanes gathered, by record (see settlePlainRows).
  let firstHashes = new Int32Array(0);
  let otherHashes = new Int32Array(0);
  // Under day columns, what a read tells the next read of the same input: the pairs of hashes given twice.
  let dayMemo: RepeatMemo | undefined;
  // Under day columns, on the read after one that found pairs of hashes given twice: those pairs, whose rows go to
  // the general path (which names each repeat); every other id is known to be given once.
  let suspects: PairSet | undefined;
  // Set by streamAccepted before any row is read: the records of these rows handed on, none kept, no key checked.
  let stream: AcceptedStream | undefined;
  let streamNext = 0;
  /** How many records have been kept so far, objects or days. */
  const recordCount = (): number => (dayStore === undefined ? records.length : dayStore.count);

  const fullIssue = (issue: Issue): InputIssue => inputIssue(file === undefined ? issue : { ...issue, file });

  const add = (issue: Issue): void => {
    const full = fullIssue(issue);
    if (full.severity === 'error') errors++;
    issues.push(full);
    recordsBeforeIssue.push(recordCount());
  };

  /** The issue of a row whose key `shown` was first seen on row `firstRow`. */
  const duplicateIssue = (row: number, shown: string, firstRow: number | undefined): Issue => ({
    code: 'duplicate_id',
    severity: 'error',
    row,
    field: keyName,
    value: shown,
    message: `${keyName} ${JSON.stringify(shown)} is already used by row ${firstRow}: each ${kind} record needs its own ${keyFields.length === 1 ? 'id' : 'key'}, so this later row is left out`,
  });

  /** Keeps the issues of a row that is kept: its warnings, counted by code. */
  const keepWarnings = (found: readonly Issue[]): void => {
    for (const issue of found) {
      warningsByCode.set(issue.code, (warningsByCode.get(issue.code) ?? 0) + 1);
      add(issue);
    }
  };

  const accept = (record: RecordOf<K>, row: number): void => {
    if (stream !== undefined) {
      // Rows come in order: a record is handed on when its row is the next of those accepted before.
      const { rows: wanted, count } = stream;
      while (streamNext < count && (wanted[streamNext] as number) < row) streamNext++;
      if (streamNext < count && wanted[streamNext] === row) {
        streamNext++;
        stream.sink(record, row);
      }
      rowsAccepted++;
      return;
    }
    if (dayStore === undefined) {
      records.push(record);
      rows.push(row);
    } else dayStore.pushRecord(record as Readonly<Record<string, unknown>>, row);
    rowsAccepted++;
  };

  /** Keeps the two hashes of a lane's id, under day columns, for the record about to be kept. */
  const keepHashes = (owner: number, first: number, other: number): void => {
    if (owner >= otherHashes.length) {
      const size = Math.max(1024, owner * 2);
      const wider = new Int32Array(size);
      wider.set(otherHashes);
      otherHashes = wider;
      const widerFirst = new Int32Array(size);
      widerFirst.set(firstHashes);
      firstHashes = widerFirst;
    }
    firstHashes[owner] = first;
    otherHashes[owner] = other;
  };

  /** Whether field i's value, as its reader read it, is known to pass the schema (see {@link vouchOf}). */
  const passes = (i: number, read: unknown): boolean => {
    const vouch = vouches[i];
    if (vouch === VOUCH_DATE) return typeof read === 'string';
    if (vouch === VOUCH_TEXT) return typeof read === 'string' && read.length > 0;
    return fitsSchema(fields[i] as FieldSpec, read);
  };

  /** The key of the row in `values`, or undefined when a part of it is blank. */
  const keyOfValues = (): string | undefined => {
    for (let k = 0; k < keyIndices.length; k++)
      if (values[keyIndices[k] as number] === undefined) return undefined;
    return singleKey >= 0
      ? String(values[singleKey])
      : keyIndices.map((index) => values[index]).join('\u0000');
  };

  /**
   * Reads one row: `raws[at[i]]` (or `raws[i]` without `at`) is the raw value of field i. The record is the object
   * of the values read, its keys in field order, as the schema gives them.
   */
  const readRow = (
    raws: readonly unknown[],
    at: readonly number[] | undefined,
    row: number,
    extras: RowExtras | undefined,
  ): void => {
    let found: Issue[] | undefined =
      extras === undefined || extras.issues === undefined ? undefined : [...extras.issues];
    const candidate = new PlainRecord();
    let fits = true;
    for (let i = 0; i < fieldCount; i++) {
      const column = at === undefined ? i : (at[i] as number);
      const raw = column < 0 ? undefined : raws[column];
      const reader = readers[i] as CellReader;
      const read = typeof raw === 'object' && raw !== null ? readNested(reader, raw) : reader(raw);
      if (read === BLANK) {
        const field = fields[i] as FieldSpec;
        values[i] = undefined;
        if (field.default !== undefined) {
          // The schema's default, in the field's place (the schema would add it there).
          setField(candidate, i, field.name, field.default);
          values[i] = field.default;
        } else if (field.required) {
          found ??= [];
          found.push({
            code: 'missing_field',
            severity: 'error',
            row,
            field: field.name,
            value: null,
            message: `${field.name} is required in ${article(kind)} ${kind} record, but ${extras?.blank === 'item' ? 'the item has no value for it' : 'the cell is blank'}`,
          });
        }
        continue;
      }
      if (isProblem(read)) {
        const field = fields[i] as FieldSpec;
        values[i] = undefined;
        found ??= [];
        const better = read.code === 'invalid_value' ? extras?.messages?.[field.name] : undefined;
        found.push(
          inputIssue({
            code: read.code,
            row,
            field: field.name,
            value: issueValue(raw),
            message: better ?? read.message,
          }),
        );
        continue;
      }
      setField(candidate, i, names[i] as string, read);
      values[i] = read;
      if (fits) fits = passes(i, read);
    }
    // Keys are not checked when streaming the rows accepted before: which they are is known.
    const key = stream === undefined ? keyOfValues() : undefined;
    if (key !== undefined) {
      const known = keys.size;
      const number = keys.add(key);
      if (number === known) firstRowOfKey.push(row);
      else {
        const shown = keyIndices.map((index) => values[index]).join(', ');
        found ??= [];
        found.push(duplicateIssue(row, shown, firstRowOfKey[number]));
      }
    }
    for (const pair of datePairs) {
      const start = values[pair.startIndex];
      const end = values[pair.endIndex];
      if (typeof start === 'string' && typeof end === 'string' && end < start) {
        const column = at === undefined ? pair.endIndex : (at[pair.endIndex] as number);
        found ??= [];
        const warning = pair.severity === 'warning';
        found.push({
          code: 'end_before_start',
          severity: warning ? 'warning' : 'error',
          row,
          field: pair.end,
          value: issueValue(column < 0 ? undefined : raws[column]),
          message: warning
            ? `${pair.end} ${end} is before ${pair.start} ${start}: the record is kept, but left out of figures counted from ${pair.start} (are a day and month swapped?)`
            : `${pair.end} ${end} is before ${pair.start} ${start}: an end cannot come before its start (are a day and month swapped?)`,
        });
      }
    }
    // Warnings keep the row; a single error rejects it.
    if (found === undefined || found.every((issue) => issue.severity === 'warning')) {
      if (fits) {
        accept(candidate as RecordOf<K>, row);
        if (found !== undefined) keepWarnings(found);
        return;
      }
      // A value read that the schema would refuse: named here, field by field (the readers refuse every such value
      // today, so this is a guard: never a record kept that the schema would refuse, never a row refused unnamed).
      found ??= [];
      const named = found.length;
      for (let i = 0; i < fieldCount; i++) {
        const value = values[i];
        if (value === undefined || passes(i, value)) continue;
        const field = fields[i] as FieldSpec;
        const column = at === undefined ? i : (at[i] as number);
        found.push({
          code: 'invalid_value',
          severity: 'error',
          row,
          field: field.name,
          value: issueValue(column < 0 ? undefined : raws[column]),
          message: unfitMessage(field),
        });
      }
      if (found.length === named) {
        found.push({
          code: 'invalid_value',
          severity: 'error',
          row,
          field: null,
          value: null,
          message: "a value read does not pass its field's check (a fault of this library: please report it)",
        });
      }
    }
    rowsRejected++;
    for (const issue of found) add(issue);
    if (rejectedKeys !== undefined) {
      const key = keyIndices.map((index) => values[index]);
      if (key.every((part) => part !== undefined)) rejectedKeys.push({ row, key: key.map(String) });
    }
  };

  const counted = (): void => {
    rowsRead++;
    if (onProgress !== undefined && rowsRead % PROGRESS_EVERY_ROWS === 0) onProgress(rowsRead);
  };

  const readsSlashes = dateFormat !== 'ymd';
  const monthFirst = dateFormat === 'mdy';
  const isDate = fields.map((f) => f.type === 'date');
  const isText = fields.map((f) => f.type === 'text');
  const defaults = fields.map((f) => f.default);
  const required = fields.map((f) => f.required);

  /**
   * The CSV fast lane's row (see {@link PlainRowReader}): `readRow` for a row whose every value is plain, or false,
   * having changed nothing, for the general path to read it.
   */
  // Each text field's cells read so far, found by their characters without making a string (see internedText).
  const interned = fields.map((f) => (f.type === 'text' ? new TextInterning() : undefined));

  /**
   * The day of the ten characters at `start` of `text` when they are a date of the two common styles (`YYYY-MM-DD`,
   * or `DD/MM/YYYY` as the date format reads slashes) in the range of `table`'s field; NaN otherwise.
   */
  const dayAt = (text: string, start: number, table: DayDates): number => {
    const day =
      text.charCodeAt(start + 4) === HYPHEN
        ? isoDayAt(text, start)
        : readsSlashes
          ? slashDay(text, start, monthFirst)
          : Number.NaN;
    return day >= table.first && day <= table.last ? day : Number.NaN;
  };

  // Whether every value of the plain row being read has passed the schema's check (see placePlainValue).
  let plainFits = true;

  const plainRow: PlainRowReader = (text, starts, ends, at, row) => {
    if (refused) return false;
    const candidate = new PlainRecord();
    plainFits = true;
    for (let i = 0; i < fieldCount; i++) {
      const column = at[i] as number;
      let read: CellOutcome = BLANK;
      if (column >= 0) {
        const start = starts[column] as number;
        const end = ends[column] as number;
        let inPlace = false;
        if (end - start === 10 && isDate[i] === true) {
          // A date of the two common styles, read from its codes without making the cell's string.
          const table = dayDates[i] as DayDates;
          const day = dayAt(text, start, table);
          inPlace = !Number.isNaN(day);
          if (inPlace) read = sharedDate(table, day, undefined);
        }
        if (!inPlace) {
          const interning = interned[i];
          const known = interning === undefined ? undefined : interning.find(text, start, end);
          if (known !== undefined) read = known;
          else if (
            isText[i] === true &&
            end > start &&
            text.charCodeAt(start) > SPACE &&
            text.charCodeAt(end - 1) > SPACE
          ) {
            // A text cell with nothing to trim (and no CR: the lane has none inside a row) is its own value, as
            // readTextCell reads it, without the reader's calls.
            read = text.slice(start, end);
            interning?.keep(read as string);
          } else {
            const raw = text.slice(start, end);
            read = (readers[i] as CellReader)(raw);
            // A cell read as it is written (no spaces trimmed) is its own value: kept for its repeats.
            if (read === raw) interning?.keep(raw);
          }
        }
      }
      if (!placePlainValue(candidate, i, read)) return false;
    }
    return plainFits && keepPlainRecord(candidate, row);
  };

  /**
   * Puts field i's value as read from a plain row's cell into the row's record and `values`, as `readRow` would, for
   * the CSV and sheet lanes: false when the row is not plain after all (a blank required cell, a problem), for the
   * general path to read it. A value read is checked against the schema (`passes`) while every earlier one has
   * passed; `plainFits` says whether all have (set true before a row's first cell).
   */
  const placePlainValue = (candidate: Record<string, unknown>, i: number, read: CellOutcome): boolean => {
    if (read === BLANK) {
      values[i] = undefined;
      const given = defaults[i];
      if (given !== undefined) {
        setField(candidate, i, names[i] as string, given);
        values[i] = given;
        return true;
      }
      return required[i] !== true;
    }
    if (isProblem(read)) return false;
    setField(candidate, i, names[i] as string, read);
    values[i] = read;
    if (plainFits) plainFits = passes(i, read);
    return true;
  };

  /**
   * With keys looked up row by row: whether the key of the plain row in `values` is new (numbered now, or blank);
   * false for a key seen before, whose row the general path reads again and names (adding a known key changes
   * nothing).
   */
  const keyIsNew = (row: number): boolean => {
    const key = keyOfValues();
    if (key === undefined) return true;
    const known = keys.size;
    if (keys.add(key) !== known) return false;
    firstRowOfKey.push(row);
    return true;
  };

  /**
   * The end of a plain row's reading, its values in `values` and `candidate`, shared by the CSV and sheet lanes: the
   * record is kept and the row counted unless an end comes before its start or its key was seen before (false,
   * nothing changed, for the general path to read the row).
   */
  const keepPlainRecord = (candidate: Record<string, unknown>, row: number): boolean => {
    for (const pair of datePairs) {
      const start = values[pair.startIndex];
      const end = values[pair.endIndex];
      if (typeof start === 'string' && typeof end === 'string' && end < start) return false;
    }
    if (keysAtEnd) {
      // The row's id gathered, to be checked against every other at the end of the read (see settlePlainRows).
      const key = values[singleKey];
      if (key !== undefined) {
        const text = String(key);
        if (dayStore === undefined) laneKeys.add(hashOf(text), recordCount());
        else {
          hashPairOfChars(text, 0, text.length, keyHashes);
          laneKeys.add(keyHashes[0] as number, recordCount());
          keepHashes(recordCount(), keyHashes[0] as number, keyHashes[1] as number);
        }
      }
    } else if (!keyIsNew(row)) return false;
    counted();
    accept(candidate as RecordOf<K>, row);
    return true;
  };

  const isKey = fields.map((_, i) => keyIndices.includes(i));
  // The two hashes of the id of the row being read (see hashPairOfChars).
  const keyHashes = new Int32Array(2);

  /**
   * The CSV lane's row when the records are kept as day columns ({@link keepDayColumns}): read and checked as
   * {@link plainRow} reads it, the same rows sent to the general path, but nothing made of the row that is not kept:
   * no record object and no string. A date of the two common styles is read from its codes into `dayValues`; a text
   * cell with nothing to trim is its own value, as `plainRow` takes it, so good as written; the id is hashed in place
   * (two hashes: see `otherHashOfChars`). Any other cell is read by its field's reader, as `plainRow` reads it.
   */
  const plainRowDays: PlainRowReader = (text, starts, ends, at, row) => {
    if (refused) return false;
    let keyInPlace = false;
    groupInPlace = -1;
    for (let i = 0; i < fieldCount; i++) {
      const column = at[i] as number;
      dayValues[i] = Number.NaN;
      values[i] = undefined;
      let read: CellOutcome = BLANK;
      if (column >= 0) {
        const start = starts[column] as number;
        const end = ends[column] as number;
        if (isDate[i] === true && end - start === 10) {
          const table = dayDates[i] as DayDates;
          const day = dayAt(text, start, table);
          if (!Number.isNaN(day)) {
            dayValues[i] = day;
            // A date in a key (an NCCIS snapshot date) is wanted as the key's text too.
            if (isKey[i] === true) values[i] = sharedDate(table, day, undefined);
            continue;
          }
        }
        if (
          isText[i] === true &&
          end > start &&
          text.charCodeAt(start) > SPACE &&
          text.charCodeAt(end - 1) > SPACE
        ) {
          // A text cell with nothing to trim is its own value (as plainRow takes it), so it passes; only a key's
          // value is wanted, and the id's only as its hashes.
          if (isKey[i] === true) {
            if (keysAtEnd && i === singleKey) {
              hashPairOfChars(text, start, end, keyHashes);
              keyInPlace = true;
            } else values[i] = text.slice(start, end);
          }
          if (i === groupIndex) groupInPlace = (dayStore as DayColumnStore).numberOfChars(text, start, end);
          continue;
        }
        read = (readers[i] as CellReader)(text.slice(start, end));
      }
      if (!placeDayValue(i, read)) return false;
    }
    return keepDayRow(row, keyInPlace);
  };

  /**
   * Puts field i's value as its reader read it into `values` and `dayValues`, under day columns, as
   * {@link placePlainValue} does for a record: false when the row is not plain after all (a blank required cell, a
   * problem, a value the schema must judge), for the general path to read it.
   */
  const placeDayValue = (i: number, read: CellOutcome): boolean => {
    if (read === BLANK) {
      const given = defaults[i];
      if (given !== undefined) values[i] = given;
      return given !== undefined || required[i] !== true;
    }
    if (isProblem(read) || !passes(i, read)) return false;
    values[i] = read;
    if (isDate[i] === true) dayValues[i] = parseIsoDay(read as string);
    return true;
  };

  /**
   * The end of a plain row's reading under day columns, its values in `values` and `dayValues`, shared by the CSV
   * lane and the sheet and census lanes, as {@link keepPlainRecord} ends `plainRow`: the row's days kept and the row
   * counted unless an end comes before its start or its key was seen before (false, nothing changed, for the general
   * path). `keyInPlace`: the id's two hashes are in `keyHashes` already.
   */
  const keepDayRow = (row: number, keyInPlace: boolean): boolean => {
    const store = dayStore as DayColumnStore;
    for (const pair of datePairs) {
      if ((dayValues[pair.endIndex] as number) < (dayValues[pair.startIndex] as number)) return false;
    }
    if (keysAtEnd) {
      // The row's id gathered by its two hashes, checked against every other at the end (see settlePlainRows); on
      // the read after a pair was given twice, a row of such a pair goes to the general path, any other is alone.
      const key = values[singleKey];
      if (keyInPlace || key !== undefined) {
        if (!keyInPlace) {
          const text = String(key);
          hashPairOfChars(text, 0, text.length, keyHashes);
        }
        if (suspects === undefined) {
          laneKeys.add(keyHashes[0] as number, store.count);
          keepHashes(store.count, keyHashes[0] as number, keyHashes[1] as number);
        } else if (suspects.has(keyHashes[0] as number, keyHashes[1] as number)) return false;
      }
    } else if (!keyIsNew(row)) return false;
    counted();
    for (let c = 0; c < dayFieldIndices.length; c++) {
      const day = dayValues[dayFieldIndices[c] as number] as number;
      dayRow[c] = Number.isNaN(day) ? NO_DAY : day;
    }
    let group = -1;
    if (groupIndex >= 0) {
      group = groupInPlace >= 0 ? groupInPlace : store.numberOf(values[groupIndex] as string | undefined);
    }
    store.push(dayRow, group, row);
    rowsAccepted++;
    return true;
  };

  /**
   * The sheet lane's row and the census lane's record under day columns: read and checked as {@link plainCells}
   * reads them, nothing made that is not kept (no record object). A date written `YYYY-MM-DD` in range is read
   * straight into `dayValues`, as the date reader reads it; a text cell by `readTextCell`, as the text reader reads
   * it (without sharing the values, which are not kept); any other cell by its field's reader.
   */
  const plainCellsDays: PlainCellsReader = (raws, at, row) => {
    if (refused) return false;
    groupInPlace = -1;
    for (let i = 0; i < fieldCount; i++) {
      const column = at[i] as number;
      if (!placeDayCell(i, column < 0 ? undefined : raws[column])) return false;
    }
    return keepDayRow(row, false);
  };

  /**
   * Field i's cell as {@link plainCellsDays} reads it, as text (undefined when absent), into `values` and `dayValues`:
   * false when the row is not plain after all, for the general path to read it.
   */
  const placeDayCell = (i: number, raw: string | undefined): boolean => {
    dayValues[i] = Number.NaN;
    values[i] = undefined;
    let read: CellOutcome;
    if (isDate[i] === true) {
      if (raw !== undefined && raw.length === 10) {
        const table = dayDates[i] as DayDates;
        const day = parseIsoDay(raw);
        if (day >= table.first && day <= table.last) {
          dayValues[i] = day;
          if (isKey[i] === true) values[i] = sharedDate(table, day, raw);
          return true;
        }
      }
      read = (readers[i] as CellReader)(raw);
    } else if (isText[i] === true) {
      read = readTextCell(raw);
      if (typeof read === 'string') {
        if (isKey[i] === true || i === groupIndex) values[i] = read;
        return true;
      }
    } else read = (readers[i] as CellReader)(raw);
    return placeDayValue(i, read);
  };

  /**
   * The sheet lane's row under day columns, read from the sheet's bytes before any cell is made (see
   * {@link PlainBytesReader}): as {@link plainCellsDays} reads the row's cells as text, with nothing made of a cell
   * that is not kept. A number in a date field's column is read as the day its text (its date) would be read as; a
   * text cell written plainly in the bytes with nothing to trim is its own value, so good as written, and only the
   * id is read, as its two hashes, and the group, by its bytes. Any other cell is made as the lane's text and read
   * by {@link placeDayCell}.
   */
  const plainBytesDays: PlainBytesReader = (cells, lane, at, row) => {
    if (refused) return false;
    let keyInPlace = false;
    groupInPlace = -1;
    const { bytes, kinds, starts, ends, width } = cells;
    for (let i = 0; i < fieldCount; i++) {
      const column = at[i] as number;
      const kind = column >= 0 && column < width ? (kinds[column] as number) : CELL_NONE;
      if (isDate[i] === true && (kind === CELL_NUMBER || kind === CELL_DATE)) {
        const table = dayDates[i] as DayDates;
        const day = lane.day(column);
        if (day >= table.first && day <= table.last) {
          dayValues[i] = day;
          values[i] = isKey[i] === true ? sharedDate(table, day, undefined) : undefined;
          continue;
        }
      } else if (isText[i] === true && kind === CELL_TEXT) {
        const start = starts[column] as number;
        const end = ends[column] as number;
        if (end > start && (bytes[start] as number) > SPACE && (bytes[end - 1] as number) > SPACE) {
          dayValues[i] = Number.NaN;
          values[i] = undefined;
          if (isKey[i] === true) {
            if (keysAtEnd && i === singleKey) {
              hashPairOfBytes(bytes, start, end, keyHashes);
              keyInPlace = true;
            } else values[i] = lane.text(column);
          }
          if (i === groupIndex) groupInPlace = (dayStore as DayColumnStore).numberOfBytes(bytes, start, end);
          continue;
        }
      }
      if (!placeDayCell(i, column < 0 ? undefined : lane.text(column))) return false;
    }
    return keepDayRow(row, keyInPlace);
  };

  /**
   * Keeps the accepted records as day columns of `kept` (see {@link keepDayColumns}), from the first row on.
   */
  const keepDays = (
    kept: readonly string[],
    groupField: string | undefined,
    memo: RepeatMemo | undefined,
  ): DayColumnStore => {
    if (rowsRead > 0 || dayStore !== undefined) {
      throw new Error('keepDayColumns: called once, before any row is read');
    }
    if (numbersChildren) {
      throw new TypeError('keepDayColumns: a read that numbers child ids keeps its records as objects');
    }
    if (kept.length === 0 || new Set(kept).size !== kept.length) {
      throw new TypeError(`keepDayColumns: expected date fields, each once, got ${JSON.stringify(kept)}`);
    }
    dayFieldIndices = kept.map((name) => {
      const index = fieldIndex.get(name);
      if (index === undefined || isDate[index] !== true) {
        throw new TypeError(
          `keepDayColumns: ${JSON.stringify(name)} is not a date field of ${kind} records (${fields
            .filter((f) => f.type === 'date')
            .map((f) => f.name)
            .join(', ')})`,
        );
      }
      return index;
    });
    if (groupField !== undefined) {
      groupIndex = fieldIndex.get(groupField) ?? -1;
      if (groupIndex < 0 || isText[groupIndex] !== true) {
        throw new TypeError(
          `keepDayColumns: ${JSON.stringify(groupField)} is not a text field of ${kind} records to group by`,
        );
      }
    }
    dayStore = new DayColumnStore(kept, groupField);
    dayMemo = memo;
    dayRow = new Int32Array(kept.length);
    lanes.row = plainRowDays;
    lanes.cells = plainCellsDays;
    lanes.bytes = plainBytesDays;
    return dayStore;
  };

  /**
   * The sheet lane's row, and the census lane's record (see {@link PlainCellsReader}): `readRow` for a row of text
   * cells whose every value is plain, or false, having changed nothing, for the general path to read it. Each cell is
   * read by its field's general reader, as `readRow` reads it; what the lane saves is the general stages' work around
   * the cells, and, while ids are checked at the end, a look-up per row in a table of megabytes.
   */
  const plainCells: PlainCellsReader = (raws, at, row) => {
    if (refused) return false;
    const candidate = new PlainRecord();
    plainFits = true;
    for (let i = 0; i < fieldCount; i++) {
      const column = at[i] as number;
      const read = (readers[i] as CellReader)(column < 0 ? undefined : raws[column]);
      if (!placePlainValue(candidate, i, read)) return false;
    }
    return plainFits && keepPlainRecord(candidate, row);
  };

  /**
   * Whether the rows the lanes kept stand as the general path would have kept them, once every row is read: true
   * unless an id a lane gathered repeats one the general path read (its rows' keys are in `keys`), or the input was
   * refused after a lane kept rows. The lane then hands the input back, and the general path names every repeat.
   * An id repeated only among the rows a lane kept is settled here, as the general path would have read those rows:
   * each row after the first of its id is left out ({@link leaveOutRepeats}).
   */
  const settlePlainRows = (): boolean => {
    if (laneKeys.size === 0) return true;
    if (refused) return false;
    const name = names[singleKey] as string;
    for (let number = 0; number < keys.size; number++) laneKeys.add(hashOf(keys.keyOf(number)), -1 - number);
    if (dayStore !== undefined) {
      // No id strings kept: a pair of hashes seen twice has the input read again, the rows of those pairs read by
      // the general path, which names every repeat (a false repeat, about one pair in 2^64, costs that second read
      // alone); every other id is given once, and needs no look-up.
      const pairOf = (owner: number): [number, number] => {
        if (owner >= 0) return [firstHashes[owner] as number, otherHashes[owner] as number];
        const key = keys.keyOf(-1 - owner);
        hashPairOfChars(key, 0, key.length, keyHashes);
        return [keyHashes[0] as number, keyHashes[1] as number];
      };
      const repeats = laneKeys.repeats((owner) => pairOf(owner)[1]);
      if (repeats.length === 0) return true;
      const found = new PairSet();
      for (const owner of repeats) found.add(...pairOf(owner));
      if (dayMemo !== undefined) dayMemo.suspects = found;
      return false;
    }
    const repeats = laneKeys.repeats((owner) =>
      owner >= 0 ? String((records[owner] as Record<string, unknown>)[name]) : keys.keyOf(-1 - owner),
    );
    if (repeats.length === 0) return true;
    if (repeats.some((owner) => owner < 0)) return false;
    leaveOutRepeats(repeats, name);
    return true;
  };

  /**
   * Leaves out each record a lane kept whose id repeats an earlier record's (`repeats`: pairs of record indices, the
   * first of an id then a later one), as `readRow` would have read its row: rejected, with its `duplicate_id` naming
   * the first row, placed among the other issues where its row falls. A row a lane kept has no other issue.
   */
  const leaveOutRepeats = (repeats: readonly number[], name: string): void => {
    // The row each record to leave out repeats the id of (rows count from 1; 0 for a record kept).
    const firstRowOf = new Int32Array(records.length);
    for (let p = 0; p < repeats.length; p += 2)
      firstRowOf[repeats[p + 1] as number] = rows[repeats[p] as number] as number;
    const merged: InputIssue[] = [];
    const mergedRecords: number[] = [];
    let next = 0;
    let kept = 0;
    let left = 0;
    // The issues added before record `before` was accepted, in their place (counted among the records kept).
    const issuesBefore = (before: number): void => {
      for (; next < issues.length && (recordsBeforeIssue[next] as number) <= before; next++) {
        merged.push(issues[next] as InputIssue);
        mergedRecords.push((recordsBeforeIssue[next] as number) - left);
      }
    };
    for (let at = 0; at < records.length; at++) {
      const firstRow = firstRowOf[at] as number;
      if (firstRow === 0) {
        records[kept] = records[at] as RecordOf<K>;
        rows[kept] = rows[at] as number;
        kept++;
        continue;
      }
      issuesBefore(at);
      const shown = String((records[at] as Record<string, unknown>)[name]);
      merged.push(fullIssue(duplicateIssue(rows[at] as number, shown, firstRow)));
      rejectedKeys?.push({ row: rows[at] as number, key: [shown] });
      mergedRecords.push(kept);
      left++;
      errors++;
      rowsAccepted--;
      rowsRejected++;
    }
    issuesBefore(Number.POSITIVE_INFINITY);
    records.length = kept;
    rows.length = kept;
    for (let i = 0; i < merged.length; i++) {
      issues[i] = merged[i] as InputIssue;
      recordsBeforeIssue[i] = mergedRecords[i] as number;
    }
  };

  const checker: Checker<K> = {
    values(raws, at, row, extras) {
      counted();
      if (refused) {
        rowsRejected++;
        return;
      }
      readRow(raws, at, row, extras);
    },

    rejected(_row, found) {
      counted();
      if (refused) {
        rowsRejected++;
        return;
      }
      rowsRejected++;
      for (const issue of found) add(issue);
    },

    skipped(row, reason, message) {
      counted();
      skipped.push({ row, reason, message, ...(file === undefined ? {} : { file }) });
    },

    refuse(found) {
      // The whole input is refused: rows accepted before the refusal was known are rejected with the rest.
      if (!refused && rowsAccepted > 0) {
        rowsRejected += rowsAccepted;
        rowsAccepted = 0;
        records.length = 0;
        rows.length = 0;
        dayStore?.clear();
      }
      refused = true;
      for (const issue of found) add(issue);
    },

    warn(warning) {
      warnings.push(file === undefined ? warning : { ...warning, file });
    },

    present(field) {
      present.add(field);
    },

    columns(report) {
      columns = report;
    },

    fileValue(name, value) {
      fileValues[name] = value;
      hasFileValues = true;
    },

    result(input) {
      const accounting: RecordAccounting = {
        rowsRead,
        rowsAccepted,
        rowsRejected,
        rowsSkipped: skipped.length,
        warningsByCode: Object.fromEntries(warningsByCode),
      };
      const strict = options.strict;
      const refuses =
        (strict === true && (errors > 0 || warnings.length > 0)) ||
        (strict === 'warnings' && (issues.length > 0 || warnings.length > 0));
      if (refuses) throw new InputError([...issues], accounting, [...warnings]);
      return {
        kind,
        records: numbersChildren
          ? (numberChildIds(
              records as readonly { readonly childId?: unknown }[],
              childNumbering,
            ) as RecordOf<K>[])
          : [...records],
        rows: [...rows],
        issues: [...issues],
        accounting,
        readable: !refused,
        ...(columns === undefined ? {} : { columns }),
        ...(options.listsSkipped === true ? { skipped: [...skipped] } : {}),
        ...(rejectedKeys === undefined ? {} : { rejectedKeys: [...rejectedKeys] }),
        input: {
          ...input,
          rowsRead,
          rowsAccepted,
          rowsRejected,
          rowsSkipped: skipped.length,
        },
        warnings: [...warnings],
        fieldsPresent: fields.filter((f) => present.has(f.name)).map((f) => f.name),
        ...(hasFileValues ? { fileValues: { ...fileValues } } : {}),
        // Under keepDayColumns, the accepted records' days (internal: see DayColumnsResult).
        ...(dayStore === undefined ? {} : { dayColumns: dayStore }),
      };
    },
  };
  const lanes: { -readonly [P in keyof PlainRows]: PlainRows[P] } = {
    row: plainRow,
    cells: plainCells,
    bytes: undefined,
    settle: settlePlainRows,
    keysRowByRow: () => {
      // Under day columns, once a read has found which pairs of hashes repeat, only their rows are looked up.
      if (dayStore !== undefined && dayMemo?.suspects !== undefined) suspects = dayMemo.suspects;
      else keysAtEnd = false;
    },
  };
  plainRowReaders.set(checker, lanes);
  dayKeepers.set(checker, keepDays);
  streamers.set(checker, (given) => {
    if (rowsRead > 0 || stream !== undefined || dayStore !== undefined) {
      throw new Error('streamAccepted: called once, before any row is read, on a checker keeping objects');
    }
    stream = given;
  });
  return checker;
}

/**
 * Reads one CSV row whose cells are `text[starts[c], ends[c])`, column `c` holding field `i` when `at[i]` is `c`
 * (negative: no column), as the check stage's `values` would read the row's cells, when every value is plain: no
 * blank required cell, no problem, nothing the schema must decide, no end before its start, a key not seen before
 * (for a kind keyed by one field, checked at the end: see {@link PlainRows}). Then the record is kept and the row
 * counted; otherwise nothing is changed and it returns false, for the general path to read the row (and to make its
 * issues).
 */
export type PlainRowReader = (
  text: string,
  starts: Int32Array,
  ends: Int32Array,
  at: readonly number[],
  row: number,
) => boolean;

/**
 * Reads one row of text cells (a sheet's, `fast-sheet.ts`; a census record's values, undefined when absent,
 * `cin-census.ts`), field `i` in `raws[at[i]]` (negative: no column), as the check stage's `values` would read it,
 * when every value is plain (as {@link PlainRowReader}): then the record is kept and the row counted; otherwise
 * nothing is changed and it returns false, for the general path to read the row.
 */
export type PlainCellsReader = (
  raws: readonly (string | undefined)[],
  at: readonly number[],
  row: number,
) => boolean;

/** What the sheet lane tells of a row's cells that {@link SheetBytesRow} leaves to it (see `fast-sheet.ts`). */
export interface SheetBytesText {
  /**
   * The day that the text of the number in `column` reads as, where the column is a date field's (the date its
   * serial is), as {@link parseIsoDay} reads it: NaN when its text is not a date.
   */
  day(column: number): number;
  /** The cell in `column` as the lane's text of it ({@link PlainCellsReader}'s `raws[column]`). */
  text(column: number): string | undefined;
}

/**
 * Reads one sheet row as {@link PlainCellsReader} reads its cells as text, from the row as the sheet's scanner read
 * it from its bytes (`cells`) and what the lane tells of them (`lane`), field `i` in column `at[i]`: true when the
 * record is kept and the row counted; otherwise nothing is changed and it returns false, for the row's cells to be
 * made and read as ever.
 */
export type PlainBytesReader = (
  cells: SheetBytesRow,
  lane: SheetBytesText,
  at: readonly number[],
  row: number,
) => boolean;

/** The fast lanes' way into a checker: their rows, and the check made when they have all been read. */
export interface PlainRows {
  /** Reads one plain row of the CSV lane (see {@link PlainRowReader}). */
  readonly row: PlainRowReader;
  /** Reads one plain row of the sheet lane, or one census record (see {@link PlainCellsReader}). */
  readonly cells: PlainCellsReader;
  /**
   * Reads one plain row of the sheet lane from the sheet's bytes, before its cells are made (see
   * {@link PlainBytesReader}); undefined unless the records are kept as day columns.
   */
  readonly bytes: PlainBytesReader | undefined;
  /**
   * Called once the lane has read every row: whether the rows it kept stand. Its ids are checked all at once, here,
   * not row by row: an id repeated only among the rows it kept is settled as the general path reads it (each later
   * row left out, rejected with its `duplicate_id` in its place among the issues). False when an id it kept repeats
   * one of a row the general stages read, or the input was refused meanwhile: the lane then hands the input back
   * for the general path to read again and report.
   */
  readonly settle: () => boolean;
  /**
   * Has each plain row's key looked up as the row is read (a repeat goes to the general path for that row), as the
   * lane reads an input again after `settle` found an id given twice. Called before any row is read.
   */
  readonly keysRowByRow: () => void;
}

const plainRowReaders = new WeakMap<object, PlainRows>();
/** The rows accepted by an earlier read of an input, and where their records go ({@link streamAccepted}). */
export interface AcceptedStream {
  /** The rows, in increasing order: the first `count` entries. */
  readonly rows: Int32Array;
  readonly count: number;
  /** Given each of their records, in row order, as the read makes it. */
  readonly sink: (record: Readonly<Record<string, unknown>>, row: number) => void;
}

const streamers = new WeakMap<object, (stream: AcceptedStream) => void>();

/**
 * Has a checker made by {@link createChecker} hand on the records of the rows an earlier read of the same input
 * accepted (a read keeping day columns, whose `rows` they are), one at a time as they are read, keeping none
 * (internal: the CLI's `--audit` of a figure counted from days, each record's outcome written as it comes). Every
 * other row is checked as ever, but no key is checked: which rows stand is known from the earlier read (a row
 * rejected there as a repeat is passed over here). Only for the general path, whose rows come once each, in order.
 * Called before any row is read.
 *
 * @param checker - a checker made by {@link createChecker}, keeping objects.
 * @param stream - the rows and where their records go.
 * @example
 * const checker = createChecker('initial-assessment');
 * const got: number[] = [];
 * streamAccepted(checker, { rows: Int32Array.of(3), count: 1, sink: (_record, row) => got.push(row) });
 * checker.values(['IA1', 'C1', '2010-10-01'], undefined, 2);
 * checker.values(['IA1', 'C2', '2010-10-01'], undefined, 3);
 * got //=> [3]
 */
export function streamAccepted(checker: object, stream: AcceptedStream): void {
  const start = streamers.get(checker);
  if (start === undefined) throw new TypeError('streamAccepted: not a checker made by createChecker');
  start(stream);
}

/**
 * What a read keeping day columns tells the next read of the same input (internal: one per call of a reader): the
 * pairs of hashes its ids gave twice, so that the next read sends only their rows to the general path.
 */
export interface RepeatMemo {
  suspects?: PairSet;
}

/**
 * A set of pairs of 32-bit hashes (an id's {@link hashPairOfChars}).
 * @example
 * const pairs = new PairSet();
 * pairs.add(1, 2);
 * pairs.has(1, 2) //=> true
 * pairs.has(1, 3) //=> false
 */
export class PairSet {
  private readonly byFirst = new Map<number, number[]>();

  add(first: number, other: number): void {
    const others = this.byFirst.get(first);
    if (others === undefined) this.byFirst.set(first, [other]);
    else if (!others.includes(other)) others.push(other);
  }

  has(first: number, other: number): boolean {
    return this.byFirst.get(first)?.includes(other) === true;
  }
}

const dayKeepers = new WeakMap<
  object,
  (fields: readonly string[], groupField: string | undefined, memo: RepeatMemo | undefined) => DayColumnStore
>();

/**
 * Has a checker made by {@link createChecker} keep its accepted records as day columns of the date fields `fields`
 * instead of as objects (internal to the reading path: the CLI's count of an indicator over dates, see
 * `indicators/from-days.ts`). Every row is read and checked as ever, the issues and the accounting the same; its
 * result's `records` and `rows` are then empty, and the days are in the columns returned. Called before any row is
 * read.
 *
 * @param checker - a checker made by {@link createChecker}.
 * @param fields - date fields of its kind, each once.
 * @param groupField - a text field of its kind whose values to keep too, numbered (a team, for `--by team`).
 *   Default none.
 * @param memo - shared by the reads of one input: a read whose ids repeat notes their pairs of hashes in it, and
 *   the read after it (`keysRowByRow`) sends only those rows to the general path. Default none (every key of the
 *   read after looked up row by row).
 * @returns the columns, filled as the rows are read (emptied if the input is refused).
 * @throws {TypeError} for a field that is not a date field of the kind, or a checker that numbers child ids.
 * @example
 * const checker = createChecker('initial-assessment');
 * const days = keepDayColumns(checker, ['referralDate']);
 * checker.values(['IA1', 'C1', '1970-01-02'], undefined, 2);
 * days.days('referralDate')[0] //=> 1
 * checker.result({ file: 'ia.csv', sha256: '', encoding: 'utf-8' }).records //=> []
 */
export function keepDayColumns(
  checker: object,
  fields: readonly string[],
  groupField?: string,
  memo?: RepeatMemo,
): DayColumnStore {
  const keep = dayKeepers.get(checker);
  if (keep === undefined) throw new TypeError('keepDayColumns: not a checker made by createChecker');
  return keep(fields, groupField, memo);
}

/**
 * The fast lanes' way into a checker made by {@link createChecker} (the CSV's, the sheet's and the census's):
 * internal to the reading path (not exported by the package).
 *
 * @param checker - a checker made by {@link createChecker}.
 * @returns its plain rows' reader and settling check, or undefined for any other sink.
 * @example
 * plainRowReaderOf(createChecker('referral')) //=> { row, cells, settle, keysRowByRow }
 */
export function plainRowReaderOf(checker: object): PlainRows | undefined {
  return plainRowReaders.get(checker);
}
