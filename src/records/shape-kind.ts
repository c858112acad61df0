/**
 * The shape of a record kind read as it is: headers (or JSON keys) matched to the kind's canonical fields, case,
 * spaces and punctuation ignored, with a column map for any other name. A table's cells go to the check stage as
 * they are, with the column of each field: no object is made per row.
 * @module
 */

import { listed } from '../util/plural.js';
import { checkKindAndDateFormat } from './check.js';
import { type FieldSpec, recordSpecs } from './fields.js';
import {
  type ColumnMap,
  createFieldResolver,
  type MapKey,
  mapKeysFor,
  matchHeaders,
  otherKindMessage,
  otherKindOfHeader,
  unmatchedMapKeyMessage,
} from './headers.js';
import { type InputIssue, inputIssue } from './issues.js';
import type { RecordKind } from './schemas.js';
import { type Layout, notAnObject, repeatedKeyIssue, type Shape } from './shape.js';
import type { RowExtras, ValuesSink } from './stages.js';
import { looseKey } from './values.js';

type Issue = Omit<InputIssue, 'file'>;

/** Options of {@link createKindShape}. */
export interface KindShapeOptions {
  /** Renames headers (or JSON keys) that are not canonical field names. Default: none. */
  readonly columnMap?: ColumnMap;
}

/** The extras of an item without issues: blank required values are missing keys. */
const ITEM: RowExtras = { blank: 'item' };
/** How many distinct keys of items a warning lists. */
const KEYS_LISTED = 50;

/**
 * Creates the shape of a record kind: a header row is matched to the kind's fields (a required field without a
 * column, or two columns for one field, refuses the input); each row's cells go to the check stage with the column
 * of each field; each JSON item's keys are matched the same way (two keys for one field, or one key its text
 * writes twice, reject the row: `duplicate_column`). A column map key that gives a field of the kind and matches no
 * header (or no key of any item) is an `unmatched_map_key` warning.
 *
 * @param kind - the record kind.
 * @param next - the check stage (with `columns`, for the report of columns used and ignored).
 * @param options - `columnMap` (default none).
 * @returns the shape, for {@link createShaper}.
 * @throws {TypeError} for a column map that is not an object of strings, or maps to a name that is no field.
 * @example
 * const checker = createChecker('referral');
 * const shaper = createShaper(createKindShape('referral', checker, { columnMap: { Ref: 'id' } }), checker);
 * tokenizeCsv('Ref,childId,referralDate\nR1,C1,01/10/2010\n', shaper);
 * checker.result({ file: 'r.csv', sha256: '', encoding: 'utf-8' }).records
 * //=> [{ id: 'R1', childId: 'C1', referralDate: '2010-10-01' }]
 */
export function createKindShape(kind: RecordKind, next: ValuesSink, options: KindShapeOptions = {}): Shape {
  const columnMap = options.columnMap;
  const resolve = createFieldResolver(kind, columnMap);
  const fields = recordSpecs[kind].fields;
  const fieldCount = fields.length;
  const fieldIndex = new Map(fields.map((f, i) => [f.name, i] as const));
  const dateFields = new Set(fields.filter((f) => f.type === 'date').map((f) => f.name));
  let columnOfField: number[] | undefined;
  let headerWidth = 0;
  // Items: each key's field index (null when not read), the keys seen, the map keys used.
  const indexOfKey = new Map<string, number | null>();
  const keysSeen: string[] = [];
  const mapKeys = mapKeysFor(kind, columnMap);
  const mapKeyUsed = new Set<string>();

  const fieldOfKey = (key: string): number | null => {
    let index = indexOfKey.get(key);
    if (index === undefined) {
      const field = resolve(key);
      index = field === null ? null : (fieldIndex.get(field) ?? null);
      indexOfKey.set(key, index);
      if (keysSeen.length < KEYS_LISTED) keysSeen.push(key);
      if (index !== null) next.present((fields[index] as FieldSpec).name);
      if (mapKeys.length > 0) mapKeyUsed.add(looseKey(key));
    }
    return index;
  };

  // The first own key of an item that gives the field at index (one there is: a later key gave it again).
  const firstKeyOf = (value: object, index: number): string => {
    for (const key in value) if (Object.hasOwn(value, key) && fieldOfKey(key) === index) return key;
    return '';
  };

  const warnUnmatched = (
    unmatched: readonly MapKey[],
    found: readonly string[],
    what: 'headers' | 'keys',
  ) => {
    for (const mapKey of unmatched) {
      next.warn({ code: 'unmatched_map_key', message: unmatchedMapKeyMessage(mapKey, found, what) });
    }
  };

  return {
    knows: (header) => resolve(header) !== null,

    header(cells, line) {
      const match = matchHeaders(kind, cells, {
        headerRow: line,
        ...(columnMap === undefined ? {} : { columnMap }),
      });
      next.columns(match.columns);
      headerWidth = cells.length;
      columnOfField = fields.map((f) => match.fields.indexOf(f.name));
      for (const field of fields) if (match.fields.includes(field.name)) next.present(field.name);
      warnUnmatched(
        match.unmatchedMapKeys,
        cells.filter((cell) => cell.trim() !== '').map((cell) => cell.trim()),
        'headers',
      );
      // A file of another kind whose columns happen to fit this one's (an initial-assessments file read as
      // referrals) is read, and said to look like the other kind.
      if (match.issues.length === 0) {
        const other = otherKindOfHeader(kind, cells, columnMap);
        if (other !== undefined)
          next.warn({ code: 'other_kind_columns', message: otherKindMessage(kind, other) });
      }
      if (match.issues.length > 0) next.refuse(match.issues);
      return {
        fields: match.fields,
        dates: match.fields.map((field) => field !== null && dateFields.has(field)),
      };
    },

    plainColumns: () => columnOfField,

    plainWidth: () => headerWidth,

    row(cells, line, found) {
      next.values(cells, columnOfField ?? [], line, found === undefined ? undefined : { issues: found });
    },

    item(value, line, _fileValues, repeated) {
      const notObject = notAnObject(value, line);
      if (notObject !== undefined || typeof value !== 'object' || value === null) {
        next.rejected(line, notObject === undefined ? [] : [notObject]);
        return;
      }
      const given: unknown[] = new Array(fieldCount);
      const isGiven: boolean[] = new Array(fieldCount).fill(false);
      let found: Issue[] | undefined;
      // The keys of each field given by more than one key, the first included: one issue per field.
      let repeats: Map<number, string[]> | undefined;
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        const index = fieldOfKey(key);
        if (index === null) continue;
        if (isGiven[index] === true) {
          repeats ??= new Map();
          const keys = repeats.get(index);
          if (keys === undefined) repeats.set(index, [firstKeyOf(value, index), key]);
          else keys.push(key);
          continue;
        }
        isGiven[index] = true;
        given[index] = (value as Record<string, unknown>)[key];
      }
      if (repeats !== undefined) {
        found = [];
        for (const [index, keys] of repeats) {
          const name = (fields[index] as FieldSpec).name;
          const second = keys[1] as string;
          found.push(
            inputIssue({
              code: 'duplicate_column',
              row: line,
              field: name,
              value: second,
              message:
                keys.length === 2
                  ? `two keys of the item give ${name} (the second is ${JSON.stringify(second)}): keep one`
                  : `${keys.length} keys of the item give ${name} (${listed(keys.map((k) => JSON.stringify(k)))}): keep one`,
            }),
          );
        }
      }
      // A key the item's text writes more than once: JSON.parse kept its last value, so the item gave a field two
      // values (or one value twice) as surely as two keys written differently. A key no field reads is let be, as
      // when written once.
      if (repeated !== undefined) {
        for (const once of repeated) {
          const index = fieldOfKey(once.key);
          if (index === null) continue;
          found ??= [];
          found.push(repeatedKeyIssue(once, (fields[index] as FieldSpec).name, line));
        }
      }
      next.values(given, undefined, line, found === undefined ? ITEM : { issues: found, blank: 'item' });
    },

    end() {
      if (indexOfKey.size === 0) return;
      const unmatched = mapKeys.filter((mapKey) => !mapKeyUsed.has(looseKey(mapKey.key)));
      warnUnmatched(unmatched, keysSeen, 'keys');
    },
  };
}

/**
 * The layout of a record kind read as it is: canonical field names, or a column map.
 *
 * @param kind - the record kind.
 * @param options - `columnMap` (default none).
 * @returns the layout.
 * @throws {TypeError} for an unknown kind, a column map that is not an object of strings, or one that maps to a
 *   name that is no field.
 * @example
 * kindLayout('referral').label //=> 'referral records'
 */
export function kindLayout(kind: RecordKind, options: KindShapeOptions = {}): Layout {
  // The kind and the map are checked now, before any file is opened.
  checkKindAndDateFormat(kind);
  createFieldResolver(kind, options.columnMap);
  return { label: `${kind} records`, shape: (next) => createKindShape(kind, next, options) };
}
