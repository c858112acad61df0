/**
 * How a preset reads a table (an Excel sheet, a CSV file, JSON objects): its columns are matched by their known
 * spellings, each row is turned into the values of one record (or several, or none, with the reason), and those go
 * through the one reading path every input takes, `createRecordReader`, so that issues, accounting and strict mode
 * are exactly those of any CSV file.
 * @module
 */
import { parseDateCell } from '../records/dates.js';
import { recordSpecs } from '../records/fields.js';
import type { ColumnMap, ColumnReport } from '../records/headers.js';
import { InputError, type InputIssue, type RecordAccounting } from '../records/issues.js';
import {
  createRecordReader,
  type ParseRecordsOptions,
  type ParseRecordsResult,
  type RecordReader,
} from '../records/record-reader.js';
import type { RecordKind } from '../records/schemas.js';
import { looseKey } from '../records/values.js';
import type { IsoDate } from '../util/dates.js';
import type { NccisCodeMap } from './nccis.js';

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
   * open on that day. Required to read allocations from a workforce census.
   */
  readonly censusDate?: IsoDate;
}

/** Options of {@link createPresetReader}: those of `parseRecords` and of the presets. */
export interface PresetReaderOptions extends ParseRecordsOptions, PresetOptions {}

/** Why a row was read but gives no record: it is not an event of the kind (not counted as a row read). */
export type SkipReason = 'icpc-not-required' | 'no-conference-date' | 'no-cases30';

/** A row a preset read and left out because it is not a record of the kind, with the reason. */
export interface SkippedRow {
  /** The row (sheet row, CSV line, XML line) it was on. */
  readonly row: number;
  /** Why it is not a record. */
  readonly reason: SkipReason;
  /** The reason in a sentence. */
  readonly message: string;
  /** The file it came from, when the reader was told. */
  readonly file?: string;
}

/**
 * What a preset read gives back: the result of every read, and the rows left out because they are not records of
 * the kind (an Annex A List 5 row whose conference was deemed unnecessary is not a conference). Those are not rows
 * read: `accounting` counts the records' rows, and `skipped` lists the others, so nothing disappears silently.
 */
export interface PresetReadResult<K extends RecordKind> extends ParseRecordsResult<K> {
  /** The rows that are not records of the kind, each with its reason. */
  readonly skipped: readonly SkippedRow[];
}

/** A record reader fed by a preset's table. */
export interface PresetReader<K extends RecordKind> extends RecordReader<K> {
  /** Whether a header cell is one of this preset's known columns (for finding the header row below titles). */
  isKnownHeader(header: string): boolean;
  /** Whether a header cell names a column of dates (whose numeric workbook cells are Excel serials). */
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
  /** Known so that the header row can be found, but not read into any record. Default false. */
  readonly knownOnly?: boolean;
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
  /** Issues the preset finds itself (a `Cases30` that is not a count): the row is rejected with them. */
  readonly issues?: readonly Omit<InputIssue, 'row' | 'file'>[];
}

/** What a preset's row function may read besides the row. */
export interface RowContext extends PresetOptions {
  /** How slash dates are read, for making ids from dates. */
  readonly dateFormat: NonNullable<ParseRecordsOptions['dateFormat']>;
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
  const read = parseDateCell(written, { dateFormat });
  return `${child}@${read.ok ? read.date : written}`;
}

/**
 * Whether an answer cell says yes: `Yes`, `Y`, `true`, `1`, also written as Annex A's lettered choices (`a) Yes`).
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

/** Turns a JSON value into the text a cell would hold. */
function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

/** Matches headers to a table preset's columns: a column map first, then the known spellings. */
function createColumnResolver(
  table: TablePreset,
  columnMap: ColumnMap | undefined,
): (header: string) => { field: string; rank: number } | null {
  const byKey = new Map<string, { field: string; rank: number }>();
  const fields = new Set(table.columns.map((column) => column.field));
  for (const column of table.columns) {
    [...column.headers, column.field].forEach((header, index) => {
      const key = looseKey(header);
      const earlier = byKey.get(key);
      if (earlier !== undefined && earlier.field !== column.field) {
        throw new TypeError(
          `${table.label}: the header ${JSON.stringify(header)} is given to both ${earlier.field} and ${column.field}`,
        );
      }
      if (earlier === undefined) byKey.set(key, { field: column.field, rank: index });
    });
  }
  const mapped = new Map<string, { field: string; rank: number }>();
  for (const [header, field] of Object.entries(columnMap ?? {})) {
    const target = table.columns.find((column) => looseKey(column.field) === looseKey(String(field)));
    if (target === undefined) {
      throw new TypeError(
        `columnMap: ${JSON.stringify(header)} maps to ${JSON.stringify(field)}, which is not a column the ${table.label} preset reads; it reads ${[...fields].join(', ')}`,
      );
    }
    mapped.set(looseKey(header), { field: target.field, rank: -1 });
  }
  return (header) => {
    const key = looseKey(header);
    if (key === '') return null;
    return mapped.get(key) ?? byKey.get(key) ?? null;
  };
}

/** Puts issues of two lists in row order, keeping each list's order among equal rows. */
function mergeByRow(first: readonly InputIssue[], second: readonly InputIssue[]): InputIssue[] {
  const merged: InputIssue[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length || j < second.length) {
    const a = first[i];
    const b = second[j];
    if (b === undefined || (a !== undefined && a.row <= b.row)) {
      merged.push(a as InputIssue);
      i++;
    } else {
      merged.push(b);
      j++;
    }
  }
  return merged;
}

/**
 * Creates the reader of one record kind from a table in a preset's shape. It is fed like any record reader (a
 * header, then rows; or objects), matches the headers by the preset's known spellings, turns each row into the
 * record's values, and hands those to `createRecordReader`, which checks them as it checks any CSV row.
 *
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
  const { strict, columnMap, codeMap, snapshotDate, censusDate, ...readerOptions } = options;
  const inner = createRecordReader(kind, readerOptions);
  const fields = recordSpecs[kind].fields.map((field) => field.name);
  const resolve = createColumnResolver(table, columnMap);
  const dateFields = new Set(table.columns.filter((c) => c.date === true).map((c) => c.field));
  const knownOnly = new Set(table.columns.filter((c) => c.knownOnly === true).map((c) => c.field));
  const context: RowContext = {
    dateFormat: options.dateFormat ?? 'auto',
    ...(codeMap === undefined ? {} : { codeMap }),
    ...(snapshotDate === undefined ? {} : { snapshotDate }),
    ...(censusDate === undefined ? {} : { censusDate }),
  };
  const file = options.file;

  const ownIssues: InputIssue[] = [];
  const skipped: SkippedRow[] = [];
  const messagesByRow = new Map<number, Readonly<Record<string, string>>>();
  let ownRead = 0;
  let ownRejected = 0;
  let refused = false;
  let headerGiven = false;
  let headerWidth = 0;
  let columnOf = new Map<string, number>();
  let columns: ColumnReport | undefined;

  const add = (issue: Omit<InputIssue, 'file'>): void => {
    ownIssues.push(file === undefined ? issue : { ...issue, file });
  };

  const innerHeader = (row: number): void => {
    headerGiven = true;
    inner.header(fields, row);
  };

  /** Hands one row's values to the inner reader (or skips or rejects it). */
  const readValues = (values: RowValues, row: number): void => {
    const outcome = table.toRecords(values, context);
    if (outcome.issues !== undefined && outcome.issues.length > 0) {
      ownRead++;
      ownRejected++;
      for (const issue of outcome.issues) add({ ...issue, row });
      return;
    }
    if (outcome.skip !== undefined && outcome.records.length === 0) {
      skipped.push({ row, ...outcome.skip, ...(file === undefined ? {} : { file }) });
      return;
    }
    if (outcome.messages !== undefined) messagesByRow.set(row, outcome.messages);
    for (const record of outcome.records)
      inner.cells(
        fields.map((field) => record[field] ?? ''),
        row,
      );
  };

  return {
    sheetNames: table.sheetNames,
    firstSheetOtherwise: table.otherSheets === 'first',

    isKnownHeader(header) {
      return resolve(header) !== null;
    },

    isDateHeader(header) {
      const match = resolve(header);
      return match !== null && dateFields.has(match.field);
    },

    header(cells, row) {
      headerWidth = cells.length;
      const chosen = new Map<string, { index: number; rank: number; header: string }>();
      const duplicates: InputIssue[] = [];
      cells.forEach((raw, index) => {
        const header = raw.trim();
        const match = resolve(header);
        if (match === null) return;
        const earlier = chosen.get(match.field);
        if (earlier === undefined || match.rank < earlier.rank) {
          chosen.set(match.field, { index, rank: match.rank, header });
        } else if (match.rank === earlier.rank) {
          duplicates.push({
            code: 'duplicate_column',
            row,
            field: match.field,
            value: header,
            message: `columns ${JSON.stringify(earlier.header)} (column ${earlier.index + 1}) and ${JSON.stringify(header)} (column ${index + 1}) both give ${match.field}: remove one`,
          });
        }
      });
      columnOf = new Map([...chosen].map(([field, { index }]) => [field, index]));
      const used: { header: string; field: string }[] = [];
      const ignored: string[] = [];
      cells.forEach((raw, index) => {
        const header = raw.trim();
        if (header === '') return;
        const match = resolve(header);
        if (match !== null && columnOf.get(match.field) === index && !knownOnly.has(match.field)) {
          used.push({ header, field: match.field });
        } else ignored.push(header);
      });
      columns = { headers: [...cells], used, ignored };
      for (const issue of duplicates) add(issue);
      const found = cells.filter((h) => h.trim() !== '').map((h) => JSON.stringify(h.trim()));
      for (const column of table.columns) {
        if (column.required !== true || columnOf.has(column.field)) continue;
        if (column.optionalWith !== undefined && context[column.optionalWith] !== undefined) continue;
        const alternatives = column.headers.slice(1).map((h) => JSON.stringify(h));
        add({
          code: 'missing_column',
          row,
          field: column.field,
          value: null,
          message: `no column gives ${column.field}, which ${table.label} needs: expected ${JSON.stringify(column.headers[0])}${alternatives.length > 0 ? ` (or ${alternatives.join(', ')})` : ''}. Headers found: ${found.length === 0 ? 'none (the sheet or file is empty)' : found.join(', ')}`,
        });
      }
      if (duplicates.length > 0 || ownIssues.some((issue) => issue.code === 'missing_column')) refused = true;
      innerHeader(row);
    },

    cells(cells, row) {
      if (refused) {
        ownRead++;
        ownRejected++;
        return;
      }
      if (cells.length > headerWidth) {
        const extra = cells.slice(headerWidth).filter((cell) => cell.trim() !== '');
        if (extra.length > 0) {
          ownRead++;
          ownRejected++;
          add({
            code: 'unreadable',
            row,
            field: null,
            value: extra.join(','),
            message: `the row has ${cells.length} cells but the header has ${headerWidth} columns, so its values may be shifted (a value with a comma that is not in quotes?)`,
          });
          return;
        }
      }
      const values: Record<string, string> = {};
      for (const [field, index] of columnOf) {
        const cell = cells[index];
        if (cell !== undefined && cell.trim() !== '') values[field] = cell;
      }
      readValues(values, row);
    },

    object(value, row) {
      if (!headerGiven) innerHeader(0);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        inner.object(value, row);
        return;
      }
      const values: Record<string, string> = {};
      const ranks = new Map<string, number>();
      for (const [key, raw] of Object.entries(value)) {
        const match = resolve(key);
        const text = cellText(raw);
        if (match === null || text.trim() === '') continue;
        const rank = ranks.get(match.field);
        if (rank !== undefined && rank <= match.rank) continue;
        ranks.set(match.field, match.rank);
        values[match.field] = text;
      }
      readValues(values, row);
    },

    unreadableRow(row, message, value) {
      if (refused) {
        ownRead++;
        ownRejected++;
        return;
      }
      inner.unreadableRow(row, message, value);
    },

    refuse(row, message, value) {
      if (!headerGiven) innerHeader(row);
      inner.refuse(row, message, value);
    },

    result() {
      const read = inner.result();
      const innerIssues = read.issues.map((issue) => {
        const better = issue.code === 'invalid_value' ? messagesByRow.get(issue.row) : undefined;
        const message = issue.field === null ? undefined : better?.[issue.field];
        return message === undefined ? issue : { ...issue, message };
      });
      const issues = mergeByRow(ownIssues, innerIssues);
      const accounting: RecordAccounting = {
        rowsRead: read.accounting.rowsRead + ownRead,
        rowsAccepted: read.accounting.rowsAccepted,
        rowsRejected: read.accounting.rowsRejected + ownRejected,
      };
      if (strict === true && issues.length > 0) throw new InputError(issues, accounting);
      return {
        kind,
        records: read.records,
        rows: read.rows,
        issues,
        accounting,
        readable: read.readable && !refused,
        ...(columns === undefined ? {} : { columns }),
        skipped: [...skipped],
      };
    },
  };
}
