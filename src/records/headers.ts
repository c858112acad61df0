/**
 * Matching a file's headers (or an object's keys) to the canonical fields of a record kind: case, spaces and
 * punctuation ignored, and a column map for any other name.
 * @module
 */

import { listed } from '../util/plural.js';
import { type FieldSpec, recordSpecs } from './fields.js';
import { type InputIssue, inputIssue } from './issues.js';
import { type RecordKind, recordKinds } from './kinds.js';
import { looseKey } from './values.js';

/**
 * A column map: the file's header → the canonical field it holds, e.g. `{ "Date of referral": "referralDate" }`.
 * Headers and fields are both matched ignoring case, spaces and punctuation. A header mapped to a field of another
 * record kind is ignored, so one map can serve every export of a system.
 */
export type ColumnMap = Readonly<Record<string, string>>;

/** Which columns were used and which ignored. */
export interface ColumnReport {
  /** The header cells as found. */
  readonly headers: readonly string[];
  /** The columns read, each with the field it gives. */
  readonly used: readonly { readonly header: string; readonly field: string }[];
  /** The headers of the columns not read (not a field of this kind, nor mapped to one). */
  readonly ignored: readonly string[];
}

/** Options of {@link matchHeaders}. */
export interface MatchHeadersOptions {
  /** Renames headers that are not canonical field names. Default: none. */
  readonly columnMap?: ColumnMap;
  /** The line the header is on, for the issues' `row`. Default 1. */
  readonly headerRow?: number;
}

/** The outcome of {@link matchHeaders}. */
export interface HeaderMatch {
  /** For each column, the canonical field it gives, or null when it is ignored. */
  readonly fields: readonly (string | null)[];
  /** The columns used and ignored. */
  readonly columns: ColumnReport;
  /** File-level issues: `missing_column` for each required field without a column, `duplicate_column`. */
  readonly issues: readonly InputIssue[];
  /** The column map's keys that give a field of the kind but match no header (a typo, or another export's map). */
  readonly unmatchedMapKeys: readonly MapKey[];
}

/** A key of a column map and the field it gives. */
export interface MapKey {
  /** The key, as written in the map. */
  readonly key: string;
  /** The canonical field it gives. */
  readonly field: string;
}

/**
 * The keys of a column map that give a field of a kind: those a file of the kind should have a header for. Keys
 * giving a field of another kind are left out (one map may serve every export of a system).
 *
 * @param kind - the record kind.
 * @param columnMap - the map. Default none.
 * @returns each key with its field, in the map's order.
 * @example
 * mapKeysFor('referral', { 'Date of referral': 'referralDate', FTE: 'fte' }) //=> [{ key: 'Date of referral', field: 'referralDate' }]
 */
export function mapKeysFor(kind: RecordKind, columnMap: ColumnMap = {}): readonly MapKey[] {
  const canonical = new Map(recordSpecs[kind].fields.map((f) => [looseKey(f.name), f.name] as const));
  const keys: MapKey[] = [];
  for (const [key, target] of Object.entries(columnMap)) {
    const field = typeof target === 'string' ? canonical.get(looseKey(target)) : undefined;
    if (field !== undefined) keys.push({ key, field });
  }
  return keys;
}

/**
 * The message of an `unmatched_map_key` warning: the key, the field it would give, and what the input has instead.
 *
 * @param mapKey - the key that matched nothing.
 * @param found - the headers (or, for JSON, the keys) the input has.
 * @param what - `headers` or `keys`.
 * @returns the message.
 * @example
 * unmatchedMapKeyMessage({ key: 'Date Completed', field: 'completedDate' }, ['id', 'Completion Date'], 'headers')
 * //=> 'the column map key "Date Completed" (for completedDate) matches no header of the file, so completedDate is not read from it: headers found: "id", "Completion Date"'
 */
export function unmatchedMapKeyMessage(
  mapKey: MapKey,
  found: readonly string[],
  what: 'headers' | 'keys',
): string {
  const shown = found.slice(0, 50).map((name) => JSON.stringify(name));
  const list = shown.length === 0 ? 'none' : `${shown.join(', ')}${found.length > 50 ? ', …' : ''}`;
  return `the column map key ${JSON.stringify(mapKey.key)} (for ${mapKey.field}) matches no ${what === 'headers' ? 'header of the file' : 'key of any item'}, so ${mapKey.field} is not read from it: ${what} found: ${list}`;
}

/** Turns a header or key into the canonical field it names, or null. */
export type FieldResolver = (header: string) => string | null;

function fieldList(fields: readonly FieldSpec[]): string {
  return fields
    .map((f) => (f.required && f.default === undefined ? f.name : `${f.name} (optional)`))
    .join(', ');
}

/**
 * Builds the function that names the field a header (or a JSON key) gives, for a kind and a column map.
 *
 * @param kind - the record kind.
 * @param columnMap - headers to rename, `{ header: field }`.
 * @returns a function from header to canonical field (or null when the header is not read).
 * @throws {TypeError} when the column map is not an object of strings, or maps a header to a name that is not a
 *   field of any record kind (a typing error in the map).
 * @example
 * const resolve = createFieldResolver('initial-assessment', { 'Date of referral': 'referralDate' });
 * resolve('Referral Date') //=> 'referralDate'
 * resolve('DATE OF REFERRAL') //=> 'referralDate'
 * resolve('Gender') //=> null
 */
export function createFieldResolver(kind: RecordKind, columnMap: ColumnMap = {}): FieldResolver {
  const spec = recordSpecs[kind];
  const canonical = new Map(spec.fields.map((f) => [looseKey(f.name), f.name] as const));
  const everyField = new Set(recordKinds.flatMap((k) => recordSpecs[k].fields.map((f) => looseKey(f.name))));
  if (typeof columnMap !== 'object' || columnMap === null || Array.isArray(columnMap)) {
    throw new TypeError(
      `columnMap: expected an object from header to field, like { "Date of referral": "referralDate" }, got ${JSON.stringify(columnMap)}`,
    );
  }
  const mapped = new Map<string, string | null>();
  for (const [header, target] of Object.entries(columnMap)) {
    if (typeof target !== 'string') {
      throw new TypeError(
        `columnMap: the header ${JSON.stringify(header)} must map to a field name, got ${JSON.stringify(target)}`,
      );
    }
    const key = looseKey(target);
    const field = canonical.get(key);
    if (field === undefined && !everyField.has(key)) {
      throw new TypeError(
        `columnMap: ${JSON.stringify(header)} maps to ${JSON.stringify(target)}, which is not a field of any record kind; the fields of ${kind} are ${spec.fields.map((f) => f.name).join(', ')}`,
      );
    }
    const headerKey = looseKey(header);
    if (!mapped.has(headerKey)) mapped.set(headerKey, field ?? null);
  }
  return (header) => {
    const key = looseKey(header);
    const viaMap = mapped.get(key);
    if (viaMap !== undefined) return viaMap;
    return canonical.get(key) ?? null;
  };
}

/** A column of a header, for {@link columnsGivingOneField}: its header as found and its 0-based index. */
export interface GivingColumn {
  readonly header: string;
  readonly index: number;
}

/**
 * The columns that give one field, for a `duplicate_column` issue: every column named once, with its header and its
 * 1-based number, so that a header repeated three times is one issue naming all three.
 *
 * @param columns - the columns, in the header's order (two or more).
 * @param field - the field they give.
 * @returns the text, without the advice that follows it.
 * @example
 * columnsGivingOneField([{ header: 'id', index: 0 }, { header: 'ID', index: 1 }], 'id')
 * //=> 'columns "id" (column 1) and "ID" (column 2) both give id'
 * columnsGivingOneField([{ header: 'id', index: 0 }, { header: 'ID', index: 1 }, { header: 'id', index: 2 }], 'id')
 * //=> 'columns "id" (column 1), "ID" (column 2) and "id" (column 3) all give id'
 */
export function columnsGivingOneField(columns: readonly GivingColumn[], field: string): string {
  const named = columns.map((column) => `${JSON.stringify(column.header)} (column ${column.index + 1})`);
  return `columns ${listed(named)} ${columns.length === 2 ? 'both' : 'all'} give ${field}`;
}

/**
 * Matches a header row to the fields of a record kind.
 *
 * @param kind - the record kind.
 * @param headers - the header cells as found.
 * @param options - `columnMap` (default none) and `headerRow` (default 1).
 * @returns the field of each column, the columns used and ignored, the file-level issues, and the column map's keys
 *   that match no header.
 * @example
 * const match = matchHeaders('referral', ['ID', 'Child ID', 'Referral Date', 'Gender']);
 * match.fields //=> ['id', 'childId', 'referralDate', null]
 * match.columns.ignored //=> ['Gender']
 * match.issues //=> []
 * match.unmatchedMapKeys //=> []
 */
export function matchHeaders(
  kind: RecordKind,
  headers: readonly string[],
  options: MatchHeadersOptions = {},
): HeaderMatch {
  const resolve = createFieldResolver(kind, options.columnMap);
  const row = options.headerRow ?? 1;
  const spec = recordSpecs[kind];
  const issues: InputIssue[] = [];
  const fields: (string | null)[] = [];
  const used: { header: string; field: string }[] = [];
  const ignored: string[] = [];
  const columnOf = new Map<string, number>();
  // The columns of each field given by more than one, the first (the one read) included: one issue per field.
  const repeats = new Map<string, GivingColumn[]>();
  headers.forEach((raw, index) => {
    const header = raw.trim();
    const field = header === '' ? null : resolve(header);
    if (field === null) {
      fields.push(null);
      if (header !== '') ignored.push(header);
      return;
    }
    const earlier = columnOf.get(field);
    if (earlier !== undefined) {
      const columns = repeats.get(field);
      if (columns === undefined)
        repeats.set(field, [
          { header: headers[earlier]?.trim() ?? '', index: earlier },
          { header, index },
        ]);
      else columns.push({ header, index });
      fields.push(null);
      return;
    }
    columnOf.set(field, index);
    fields.push(field);
    used.push({ header, field });
  });
  for (const [field, columns] of repeats) {
    issues.push(
      inputIssue({
        code: 'duplicate_column',
        row,
        field,
        value: (columns[1] as GivingColumn).header,
        message: `${columnsGivingOneField(columns, field)}: ${columns.length === 2 ? 'remove one, or rename it in a column map' : 'keep one, and remove the others or rename them in a column map'}`,
      }),
    );
  }
  const found = headers.filter((h) => h.trim() !== '').map((h) => JSON.stringify(h.trim()));
  for (const field of spec.fields) {
    if (!field.required || field.default !== undefined || columnOf.has(field.name)) continue;
    issues.push(
      inputIssue({
        code: 'missing_column',
        row,
        field: field.name,
        value: null,
        message: `no column gives ${field.name}, a required field of ${kind} records. Headers found: ${found.length === 0 ? 'none (the file is empty)' : found.join(', ')}. Fields expected: ${fieldList(spec.fields)}. Rename the column, or map it with a column map`,
      }),
    );
  }
  const headerKeys = new Set(headers.map((h) => looseKey(h)));
  const unmatchedMapKeys = mapKeysFor(kind, options.columnMap).filter(
    (mapKey) => !headerKeys.has(looseKey(mapKey.key)),
  );
  return { fields, columns: { headers: [...headers], used, ignored }, issues, unmatchedMapKeys };
}

/** What {@link otherKindOfHeader} finds: the kind a header fits better than the one it is read as. */
export interface OtherKindMatch {
  /** The kind the header fits better. */
  readonly kind: RecordKind;
  /** The ignored headers that give a field of that kind, as found. */
  readonly ignored: readonly string[];
  /** How many of the kind's fields the header gives. */
  readonly fits: number;
  /** How many of the kind read's fields it gives. */
  readonly fitsRead: number;
  /** The optional fields only the kind read has (none of them has a column). */
  readonly ownOptional: readonly string[];
}

/**
 * The record kind a file's header fits better than the kind it is read as, when it looks like a file of that kind
 * given in the wrong place (an initial-assessments file read as referrals: its `completedDate` and `workerId`
 * ignored, its figure counted from the columns the two kinds share). It does when another kind's fields are given
 * by more of the header's columns than the read kind's (the column map serving both), some of the columns ignored
 * give a field of that kind, and no column gives an optional field that only the read kind has (a referrals file
 * with `cafCompleted` is a referrals file, whatever else it carries). Columns that are no kind's field (`Gender`)
 * count for none.
 *
 * @param kind - the kind the file is read as.
 * @param headers - the header cells as found.
 * @param columnMap - the column map of the read. Default none.
 * @returns the kind it fits better with what shows it, or undefined.
 * @example
 * otherKindOfHeader('referral', ['id', 'childId', 'referralDate', 'completedDate', 'team', 'workerId'])?.kind
 * //=> 'initial-assessment'
 * otherKindOfHeader('referral', ['id', 'childId', 'referralDate', 'cafCompleted', 'workerId']) //=> undefined
 */
export function otherKindOfHeader(
  kind: RecordKind,
  headers: readonly string[],
  columnMap: ColumnMap = {},
): OtherKindMatch | undefined {
  const cells = headers.map((header) => header.trim()).filter((header) => header !== '');
  const fieldsGiven = (of: RecordKind): (string | null)[] => {
    const resolve = createFieldResolver(of, columnMap);
    return cells.map((cell) => resolve(cell));
  };
  const read = fieldsGiven(kind);
  const fitsRead = new Set(read.filter((field) => field !== null)).size;
  const given = new Set(read);
  let best: OtherKindMatch | undefined;
  for (const other of recordKinds) {
    if (other === kind) continue;
    const fields = fieldsGiven(other);
    const fits = new Set(fields.filter((field) => field !== null)).size;
    if (fits <= fitsRead || (best !== undefined && fits <= best.fits)) continue;
    const ignored = cells.filter((_, index) => read[index] === null && fields[index] !== null);
    if (ignored.length === 0) continue;
    const otherFields = new Set(recordSpecs[other].fields.map((field) => field.name));
    const ownOptional = recordSpecs[kind].fields
      .filter((field) => !field.required && !otherFields.has(field.name))
      .map((field) => field.name);
    if (ownOptional.some((field) => given.has(field))) continue;
    best = { kind: other, ignored, fits, fitsRead, ownOptional };
  }
  return best;
}

/**
 * The message of an `other_kind_columns` warning (see {@link otherKindOfHeader}).
 *
 * @param kind - the kind the file is read as.
 * @param match - what shows it is of another kind.
 * @returns the message.
 * @example
 * otherKindMessage('referral', { kind: 'initial-assessment', ignored: ['completedDate', 'workerId'], fits: 6, fitsRead: 4, ownOptional: ['cafCompleted', 'source'] })
 * //=> 'read as referral records, its columns "completedDate" and "workerId" are ignored, but they are fields of initial-assessment records, which its header fits better (6 of its columns give their fields, 4 give referral fields), and no column gives cafCompleted or source, which only referral records have: is this a file of initial-assessment records, given as referral?'
 */
export function otherKindMessage(kind: RecordKind, match: OtherKindMatch): string {
  const columns = listed(match.ignored.map((header) => JSON.stringify(header)));
  const optional = match.ownOptional;
  const either =
    optional.length < 2 ? optional.join('') : `${optional.slice(0, -1).join(', ')} or ${optional.at(-1)}`;
  const own = optional.length === 0 ? '' : `, and no column gives ${either}, which only ${kind} records have`;
  return `read as ${kind} records, its ${match.ignored.length === 1 ? 'column' : 'columns'} ${columns} ${match.ignored.length === 1 ? 'is' : 'are'} ignored, but ${match.ignored.length === 1 ? 'it is a field' : 'they are fields'} of ${match.kind} records, which its header fits better (${match.fits} of its columns give their fields, ${match.fitsRead} give ${kind} fields)${own}: is this a file of ${match.kind} records, given as ${kind}?`;
}
