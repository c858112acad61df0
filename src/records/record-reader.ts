/**
 * The one reading path every input takes: a record reader is fed a header and rows (CSV cells) or items (JSON
 * values), checks each against its kind, and keeps the records, the issues and the accounting. `parseRecords`, the
 * text readers and the node file reader all drive one.
 * @module
 */
import { type DateFormat, dateFormats, parseDateCell } from './dates.js';
import { type FieldSpec, recordSpecs } from './fields.js';
import { type ColumnMap, type ColumnReport, createFieldResolver, matchHeaders } from './headers.js';
import { InputError, type InputIssue, type RecordAccounting } from './issues.js';
import { type RecordKind, type RecordOf, recordKinds, recordSchemas } from './schemas.js';
import {
  type CellResult,
  displayValue,
  isBlank,
  readBoolean,
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
type CellReader = (value: unknown) => CellResult<unknown>;

function cellReader(field: FieldSpec, dateFormat: DateFormat): CellReader {
  switch (field.type) {
    case 'date':
      return (value) => {
        const read = parseDateCell(value, { dateFormat });
        return read.ok ? { ok: true, value: read.date } : read;
      };
    case 'boolean':
      return readBoolean;
    case 'number':
      return readPositiveNumber;
    case 'enum': {
      const values = field.values ?? [];
      return (value) => readEnum(value, values);
    }
    default:
      return readText;
  }
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
  const fieldIndex = new Map(fields.map((f, i) => [f.name, i] as const));
  const readers = fields.map((f) => cellReader(f, dateFormat));
  const resolve = createFieldResolver(kind, options.columnMap);
  const keyFields = spec.key;
  const keyName = keyFields.join('+');
  const file = options.file;

  const records: RecordOf<K>[] = [];
  const rows: number[] = [];
  const issues: InputIssue[] = [];
  const firstRowOfKey = new Map<string, number>();
  const fieldOfKey = new Map<string, number | null>();
  let rowsRead = 0;
  let rowsAccepted = 0;
  let rowsRejected = 0;
  let refused = false;
  let columns: ColumnReport | undefined;
  let columnOfField: number[] | undefined;
  let headerWidth = 0;

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

  /** Reads the values of one row (`rawOf(i)` is the raw value of field i), with issues already found. */
  const readRow = (rawOf: (i: number) => unknown, row: number, found: Issue[], blankIs: string): void => {
    const candidate: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i] as FieldSpec;
      const raw = rawOf(i);
      if (isBlank(raw)) {
        if (field.required && field.default === undefined) {
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
      const read = (readers[i] as CellReader)(raw);
      if (read.ok) candidate[field.name] = read.value;
      else
        found.push({
          code: read.code,
          row,
          field: field.name,
          value: displayValue(raw),
          message: read.message,
        });
    }
    const keyParts = keyFields.map((name) => candidate[name]);
    if (keyParts.every((part) => part !== undefined)) {
      const key = keyParts.join('\u0000');
      const first = firstRowOfKey.get(key);
      if (first === undefined) firstRowOfKey.set(key, row);
      else {
        const shown = keyParts.join(', ');
        found.push({
          code: 'duplicate_id',
          row,
          field: keyName,
          value: shown,
          message: `${keyName} ${JSON.stringify(shown)} is already used by row ${first}: each ${kind} record needs its own ${keyFields.length === 1 ? 'id' : 'key'}, so this later row is left out`,
        });
      }
    }
    for (const pair of spec.datePairs) {
      const start = candidate[pair.start];
      const end = candidate[pair.end];
      if (typeof start === 'string' && typeof end === 'string' && end < start) {
        found.push({
          code: 'end_before_start',
          row,
          field: pair.end,
          value: displayValue(rawOf(fieldIndex.get(pair.end) ?? -1)),
          message: `${pair.end} ${end} is before ${pair.start} ${start}: an end cannot come before its start (are a day and month swapped?)`,
        });
      }
    }
    if (found.length === 0) {
      const parsed = schema.safeParse(candidate);
      if (parsed.success) {
        records.push(parsed.data as RecordOf<K>);
        rows.push(row);
        rowsAccepted++;
        return;
      }
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
      const found: Issue[] = [];
      if (cells.length > headerWidth) {
        const extra = cells.slice(headerWidth).filter((cell) => cell.trim() !== '');
        if (extra.length > 0) {
          found.push({
            code: 'unreadable',
            row,
            field: null,
            value: extra.join(','),
            message: `the row has ${cells.length} cells but the header has ${headerWidth} columns, so its values may be shifted (a value with a comma that is not in quotes?)`,
          });
        }
      }
      const columnsOfRow = columnOfField;
      readRow((i) => cells[columnsOfRow[i] ?? -1], row, found, 'the cell is blank');
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
      const values: unknown[] = new Array(fields.length);
      const given: boolean[] = new Array(fields.length).fill(false);
      const found: Issue[] = [];
      for (const [key, raw] of Object.entries(value)) {
        const index = indexOfKey(key);
        if (index === null) continue;
        if (given[index] === true) {
          const name = (fields[index] as FieldSpec).name;
          found.push({
            code: 'duplicate_column',
            row,
            field: name,
            value: key,
            message: `two keys of the item give ${name} (the second is ${JSON.stringify(key)}): keep one`,
          });
          continue;
        }
        given[index] = true;
        values[index] = raw;
      }
      readRow((i) => values[i], row, found, 'the item has no value for it');
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
