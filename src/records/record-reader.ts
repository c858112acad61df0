/**
 * The one reading path every input takes: a record reader is fed a header and rows (CSV cells) or items (JSON
 * values), checks each against its kind, and keeps the records, the issues and the accounting. `parseRecords`, the
 * text readers and the node file reader all drive one.
 * @module
 */
import { CALENDAR_RANGE } from '../calendar/index.js';
import { isIsoDate, parseIsoDay, toDayNumber } from '../util/dates.js';
import { type DateFormat, dateFormats, parseDateCell } from './dates.js';
import { type FieldSpec, recordSpecs } from './fields.js';
import { type ColumnMap, type ColumnReport, createFieldResolver, matchHeaders } from './headers.js';
import { InputError, type InputIssue, type InputIssueCode, type RecordAccounting } from './issues.js';
import { createKeyNumbering } from './keys.js';
import { type RecordKind, type RecordOf, recordKinds, recordSchemas } from './schemas.js';
import {
  type CellResult,
  displayValue,
  isBlank,
  looseKey,
  readBoolean,
  readCount,
  readEnum,
  readPositiveNumber,
  readText,
} from './values.js';

/** Options of {@link parseRecords} and of every reader of records. */
export interface ParseRecordsOptions {
  /** How slash dates are read: `auto` (default: `YYYY-MM-DD` or `DD/MM/YYYY`), `dmy`, `ymd` or `mdy`. */
  readonly dateFormat?: DateFormat;
  /** Renames headers (or JSON keys) that are not canonical field names. Default: none. */
  readonly columnMap?: ColumnMap;
  /** Throw one {@link InputError} with every issue when there is any, instead of returning them. Default false. */
  readonly strict?: boolean;
  /** The file name to put on every issue. Default: none (the node file reader sets the path). */
  readonly file?: string;
}

/** What a read gives back: the records, where each came from, the issues and the accounting. */
export interface ParseRecordsResult<K extends RecordKind> {
  /** The record kind read. */
  readonly kind: K;
  /** The accepted records, in input order. */
  readonly records: readonly RecordOf<K>[];
  /**
   * The row of each accepted record, parallel to `records` (`rows[i]` is where `records[i]` came from): the file's
   * line number for CSV and NDJSON, the 1-based item index for JSON and JavaScript arrays. For audit output.
   */
  readonly rows: readonly number[];
  /** Every issue found, in input order (file-level issues where they were found). */
  readonly issues: readonly InputIssue[];
  /** Rows read, accepted and rejected: `rowsRead === rowsAccepted + rowsRejected`. */
  readonly accounting: RecordAccounting;
  /**
   * False when the input as a whole was refused: a required column is missing, two columns give one field, or the
   * text is not JSON. Every row is then rejected.
   */
  readonly readable: boolean;
  /** For CSV: the columns used and ignored. */
  readonly columns?: ColumnReport;
}

/** A record reader: fed by one input, it checks every row and keeps what it finds. */
export interface RecordReader<K extends RecordKind> {
  /** A CSV header row on line `row`. */
  header(cells: readonly string[], row: number): void;
  /** A CSV data row that starts on line `row`. */
  cells(cells: readonly string[], row: number): void;
  /** A JSON value (an array item, an NDJSON line, a JavaScript object) at `row`. */
  object(value: unknown, row: number): void;
  /** A row that could not be read at all: counted as read and rejected, with an `unreadable` issue. */
  unreadableRow(row: number, message: string, value: string | null): void;
  /** Refuses the whole input (not JSON, not an array): an `unreadable` issue at `row`, every row rejected. */
  refuse(row: number, message: string, value: string | null): void;
  /** The result so far; throws {@link InputError} in strict mode when there is any issue. */
  result(): ParseRecordsResult<K>;
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

/** The dates the library reads, as day numbers: a date cell outside them is `out_of_range`. */
const FIRST_READ_DAY = toDayNumber(CALENDAR_RANGE.start);
const LAST_READ_DAY = toDayNumber(CALENDAR_RANGE.end);

/** Distinct date cells whose reading a reader remembers: exports repeat a few thousand dates a million times. */
const DATE_CELLS_REMEMBERED = 10_000;

/** Reads the cells of one field: the checks of `values.ts` and `parseDateCell`, with fast paths for clean cells. */
type CellReader = (raw: unknown) => CellOutcome;

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

/** Distinct cells of one text field that a reader shares among its records. */
const TEXT_CELLS_SHARED = 4096;
/** How often a reader looks at how many cells of a text field it has shared. */
const SHARING_CHECKED_EVERY = 1024;

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
  return isBlank(raw) ? BLANK : outcomeOf(readPositiveNumber(raw));
}

function countReader(raw: unknown): CellOutcome {
  return isBlank(raw) ? BLANK : outcomeOf(readCount(raw));
}

/**
 * A date field's reader. A cell already written `YYYY-MM-DD`, a real date in range, is its own date; any other is
 * read by `parseDateCell`, once per distinct cell (up to {@link DATE_CELLS_REMEMBERED} of them). Either way the
 * date is shared among the records: exports repeat a few thousand dates a million times, and a million records
 * holding one string per date leave the garbage collector a million fewer objects to move.
 */
function dateReader(dateFormat: DateFormat): CellReader {
  const options = { dateFormat };
  // The first `YYYY-MM-DD` cell of each day number, and what each other cell read as.
  const byDay = new Map<number, string>();
  const remembered = new Map<string, CellOutcome>();
  const read = (raw: unknown): CellOutcome => {
    const cell = parseDateCell(raw, options);
    return cell.ok ? cell.date : cell;
  };
  return (raw) => {
    if (typeof raw !== 'string') return isBlank(raw) ? BLANK : read(raw);
    if (raw.length === 10) {
      const day = parseIsoDay(raw);
      if (day >= FIRST_READ_DAY && day <= LAST_READ_DAY) {
        const date = byDay.get(day);
        if (date !== undefined) return date;
        byDay.set(day, raw);
        return raw;
      }
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

function cellReader(field: FieldSpec, dateFormat: DateFormat): CellReader {
  switch (field.type) {
    case 'date':
      return dateReader(dateFormat);
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

/**
 * Whether a value read by {@link cellReader} passes its field's schema. Every value the readers return does, save a
 * number too large to be finite; the check is kept whole so that the schema (zod) is run, and its issues reported,
 * whenever a value might not pass.
 */
function fitsSchema(field: FieldSpec, value: unknown): boolean {
  switch (field.type) {
    case 'date':
      return typeof value === 'string' && isIsoDate(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value > 0;
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0;
    case 'enum':
      return typeof value === 'string' && (field.values ?? []).includes(value);
    default:
      return typeof value === 'string' && value.length > 0;
  }
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
 * Creates the reader behind every reading path.
 *
 * @param kind - the record kind to read.
 * @param options - `dateFormat` (default `auto`), `columnMap` (default none), `strict` (default false), `file`.
 * @returns a reader; feed it, then call `result()`.
 * @throws {TypeError} for an unknown kind, an unknown date format or a column map that names no field.
 * @example
 * const reader = createRecordReader('referral');
 * reader.header(['id', 'childId', 'referralDate'], 1);
 * reader.cells(['R1', 'C1', '01/10/2010'], 2);
 * reader.result().records //=> [{ id: 'R1', childId: 'C1', referralDate: '2010-10-01' }]
 */
export function createRecordReader<K extends RecordKind>(
  kind: K,
  options: ParseRecordsOptions = {},
): RecordReader<K> {
  if (!recordKinds.includes(kind)) {
    throw new TypeError(
      `Unknown record kind ${JSON.stringify(kind)}: expected one of ${recordKinds.join(', ')}`,
    );
  }
  const dateFormat = options.dateFormat ?? 'auto';
  if (!dateFormats.includes(dateFormat)) {
    throw new TypeError(
      `Unknown date format ${JSON.stringify(dateFormat)}: expected one of ${dateFormats.join(', ')}`,
    );
  }
  const spec = recordSpecs[kind];
  const schema = recordSchemas[kind];
  const fields = spec.fields;
  const fieldCount = fields.length;
  const fieldIndex = new Map(fields.map((f, i) => [f.name, i] as const));
  const readers = fields.map((f) => cellReader(f, dateFormat));
  const resolve = createFieldResolver(kind, options.columnMap);
  const keyFields = spec.key;
  const keyIndices = keyFields.map((name) => fieldIndex.get(name) ?? -1);
  const keyName = keyFields.join('+');
  const datePairs = spec.datePairs.map((pair) => ({
    ...pair,
    startIndex: fieldIndex.get(pair.start) ?? -1,
    endIndex: fieldIndex.get(pair.end) ?? -1,
  }));
  const file = options.file;

  const records: RecordOf<K>[] = [];
  const rows: number[] = [];
  const issues: InputIssue[] = [];
  // The key of every row that had one, numbered, and the row each was first seen on.
  const keys = createKeyNumbering();
  const firstRowOfKey: number[] = [];
  const fieldOfKey = new Map<string, number | null>();
  let rowsRead = 0;
  let rowsAccepted = 0;
  let rowsRejected = 0;
  let refused = false;
  let columns: ColumnReport | undefined;
  let columnOfField: number[] | undefined;
  let headerWidth = 0;
  // The values of the row being read, by field (reused: one row is read at a time).
  const values: unknown[] = new Array(fieldCount);
  const PlainRecord = plainObjectMaker();

  const add = (issue: Issue): void => {
    issues.push(file === undefined ? issue : { ...issue, file });
  };

  const indexOfKey = (key: string): number | null => {
    let index = fieldOfKey.get(key);
    if (index === undefined) {
      const field = resolve(key);
      index = field === null ? null : (fieldIndex.get(field) ?? null);
      fieldOfKey.set(key, index);
    }
    return index;
  };

  /**
   * Reads one row: `raws[at[i]]` (or `raws[i]` without `at`) is the raw value of field i; `found` holds the issues
   * already found. The record is the object of the values read, its keys in field order, as the schema gives them.
   */
  const readRow = (
    raws: readonly unknown[],
    at: readonly number[] | undefined,
    row: number,
    foundBefore: Issue[] | undefined,
    blankIs: string,
  ): void => {
    let found = foundBefore;
    const candidate = new PlainRecord();
    let fits = true;
    for (let i = 0; i < fieldCount; i++) {
      const field = fields[i] as FieldSpec;
      const column = at === undefined ? i : (at[i] as number);
      const raw = column < 0 ? undefined : raws[column];
      const read = (readers[i] as CellReader)(raw);
      values[i] = undefined;
      if (read === BLANK) {
        if (field.default !== undefined) {
          // The schema's default, in the field's place (the schema would add it there).
          candidate[field.name] = field.default;
          values[i] = field.default;
        } else if (field.required) {
          found ??= [];
          found.push({
            code: 'missing_field',
            row,
            field: field.name,
            value: null,
            message: `${field.name} is required in ${article(kind)} ${kind} record, but ${blankIs}`,
          });
        }
        continue;
      }
      if (isProblem(read)) {
        found ??= [];
        found.push({
          code: read.code,
          row,
          field: field.name,
          value: displayValue(raw),
          message: read.message,
        });
        continue;
      }
      candidate[field.name] = read;
      values[i] = read;
      if (fits && !fitsSchema(field, read)) fits = false;
    }
    let keyed = true;
    for (const index of keyIndices) if (values[index] === undefined) keyed = false;
    if (keyed) {
      const key =
        keyIndices.length === 1
          ? String(values[keyIndices[0] as number])
          : keyIndices.map((index) => values[index]).join('\u0000');
      const known = keys.size;
      const number = keys.add(key);
      if (number === known) firstRowOfKey.push(row);
      else {
        const shown = keyIndices.map((index) => values[index]).join(', ');
        found ??= [];
        found.push({
          code: 'duplicate_id',
          row,
          field: keyName,
          value: shown,
          message: `${keyName} ${JSON.stringify(shown)} is already used by row ${firstRowOfKey[number]}: each ${kind} record needs its own ${keyFields.length === 1 ? 'id' : 'key'}, so this later row is left out`,
        });
      }
    }
    for (const pair of datePairs) {
      const start = values[pair.startIndex];
      const end = values[pair.endIndex];
      if (typeof start === 'string' && typeof end === 'string' && end < start) {
        const column = at === undefined ? pair.endIndex : (at[pair.endIndex] as number);
        found ??= [];
        found.push({
          code: 'end_before_start',
          row,
          field: pair.end,
          value: displayValue(column < 0 ? undefined : raws[column]),
          message: `${pair.end} ${end} is before ${pair.start} ${start}: an end cannot come before its start (are a day and month swapped?)`,
        });
      }
    }
    if (found === undefined) {
      if (fits) {
        records.push(candidate as RecordOf<K>);
        rows.push(row);
        rowsAccepted++;
        return;
      }
      // A value the fast check cannot vouch for: the schema decides, and names the problem.
      const parsed = schema.safeParse(candidate);
      if (parsed.success) {
        records.push(parsed.data as RecordOf<K>);
        rows.push(row);
        rowsAccepted++;
        return;
      }
      found = [];
      for (const problem of parsed.error.issues) {
        const name = String(problem.path[0] ?? '');
        found.push({
          code: 'invalid_value',
          row,
          field: name === '' ? null : name,
          value: name === '' ? null : displayValue(candidate[name]),
          message: problem.message,
        });
      }
    }
    rowsRejected++;
    for (const issue of found) add(issue);
  };

  return {
    header(cells, row) {
      const match = matchHeaders(kind, cells, {
        headerRow: row,
        ...(options.columnMap === undefined ? {} : { columnMap: options.columnMap }),
      });
      columns = match.columns;
      headerWidth = cells.length;
      columnOfField = fields.map((f) => match.fields.indexOf(f.name));
      if (match.issues.length > 0) {
        refused = true;
        for (const issue of match.issues) add(issue);
      }
    },

    cells(cells, row) {
      rowsRead++;
      if (refused) {
        rowsRejected++;
        return;
      }
      if (columnOfField === undefined) throw new Error('RecordReader: cells() before header()');
      let found: Issue[] | undefined;
      if (cells.length > headerWidth) {
        const extra = cells.slice(headerWidth).filter((cell) => cell.trim() !== '');
        if (extra.length > 0) {
          found = [
            {
              code: 'unreadable',
              row,
              field: null,
              value: extra.join(','),
              message: `the row has ${cells.length} cells but the header has ${headerWidth} columns, so its values may be shifted (a value with a comma that is not in quotes?)`,
            },
          ];
        }
      }
      readRow(cells, columnOfField, row, found, 'the cell is blank');
    },

    object(value, row) {
      rowsRead++;
      if (refused) {
        rowsRejected++;
        return;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
        rowsRejected++;
        add({
          code: 'unreadable',
          row,
          field: null,
          value: displayValue(value),
          message: `the item is ${got}, not an object: expected an object of fields, like {"id": "…", …}`,
        });
        return;
      }
      const given: unknown[] = new Array(fieldCount);
      const isGiven: boolean[] = new Array(fieldCount).fill(false);
      let found: Issue[] | undefined;
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        const index = indexOfKey(key);
        if (index === null) continue;
        if (isGiven[index] === true) {
          const name = (fields[index] as FieldSpec).name;
          found ??= [];
          found.push({
            code: 'duplicate_column',
            row,
            field: name,
            value: key,
            message: `two keys of the item give ${name} (the second is ${JSON.stringify(key)}): keep one`,
          });
          continue;
        }
        isGiven[index] = true;
        given[index] = (value as Record<string, unknown>)[key];
      }
      readRow(given, undefined, row, found, 'the item has no value for it');
    },

    unreadableRow(row, message, value) {
      rowsRead++;
      rowsRejected++;
      if (!refused) add({ code: 'unreadable', row, field: null, value, message });
    },

    refuse(row, message, value) {
      refused = true;
      add({ code: 'unreadable', row, field: null, value, message });
    },

    result() {
      const accounting: RecordAccounting = { rowsRead, rowsAccepted, rowsRejected };
      if (options.strict === true && issues.length > 0) throw new InputError([...issues], accounting);
      return {
        kind,
        records: [...records],
        rows: [...rows],
        issues: [...issues],
        accounting,
        readable: !refused,
        ...(columns === undefined ? {} : { columns }),
      };
    },
  };
}
