/**
 * The shape of a preset's table (an Annex A list, the workforce census, NCCIS): its columns matched by their known
 * spellings, each row's values handed to the preset's row function, and what it gives (records, a reason to skip
 * the row, or issues) handed to the check stage, with the preset's clearer messages travelling with the values.
 * @module
 */
import { recordSpecs } from '../records/fields.js';
import type { ColumnMap, GivingColumn, MapKey } from '../records/headers.js';
import { columnsGivingOneField, unmatchedMapKeyMessage } from '../records/headers.js';
import { type InputIssue, inputIssue, issueValue } from '../records/issues.js';
import type { RecordKind } from '../records/schemas.js';
import { type FileValues, notAnObject, repeatedKeyIssue, type Shape } from '../records/shape.js';
import type { ValuesSink } from '../records/stages.js';
import { looseKey } from '../records/values.js';
import { listed, timesOf } from '../util/plural.js';
import type { PresetReaderOptions, RowContext, RowValues, TablePreset } from './preset-reader.js';

type Issue = Omit<InputIssue, 'file'>;

/** The column of a preset's table a header names, and how well it names it. */
export interface ColumnMatch {
  /** The column's field. */
  readonly field: string;
  /** 0 for the standard spelling, 1, 2… for the others in order, -1 when the column map names it. */
  readonly rank: number;
}

/** Turns a JSON value into the text a cell would hold. */
function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return issueValue(value);
}

/** One element (or key) of a record that gives a field, and its value, trimmed. */
interface SpelledValue {
  readonly key: string;
  readonly text: string;
}

/**
 * The issue of a record that gives one field under two spellings or more, with different values
 * (`<YoungPersonsID>A1</YoungPersonsID>` and `<YPID>A2</YPID>`): `duplicate_column`, as for two columns of a header
 * that give one field, naming every element and value. The record is rejected: the better spelling was kept before,
 * without a word.
 *
 * @param field - the field.
 * @param given - each element that gives it and its value, in the order read (the record's own elements first, then
 *   those nested in it).
 * @param line - the record's line.
 * @returns the issue.
 * @example
 * spellingsIssue('personId', [{ key: 'YoungPersonsID', text: 'A1' }, { key: 'YPID', text: 'A2' }], 3).message
 * //=> 'the record gives personId twice, YoungPersonsID "A1" and YPID "A2": which one the file means cannot be known. Give it once'
 */
function spellingsIssue(field: string, given: readonly SpelledValue[], line: number): Issue {
  const shown = given.map((one) => `${one.key} ${JSON.stringify(one.text)}`);
  return inputIssue({
    code: 'duplicate_column',
    row: line,
    field,
    value: (given[1] as SpelledValue).key,
    message: `the record gives ${field} ${timesOf(given.length)}, ${listed(shown)}: which one the file means cannot be known. Give it once`,
  });
}

/**
 * The issue of a record that gives one element more than once, with different values (two `<YoungPersonsID>`, an
 * `<ActivityCode>` in each of two `<Activity>` elements): `duplicate_column`, as for a CIN census element given twice
 * in its parent, naming the element, the record's line and every value. The record is rejected.
 *
 * @param record - the record element's name (`YoungPersonsRecord`).
 * @param field - the field the element gives.
 * @param given - each time the element is given and its value, in the order read (two or more, one key).
 * @param line - the record's line.
 * @returns the issue.
 * @example
 * elementTwiceIssue('YoungPersonsRecord', 'status', [{ key: 'ActivityCode', text: '540' }, { key: 'ActivityCode', text: '230' }], 3).message
 * //=> 'the <YoungPersonsRecord> on line 3 gives <ActivityCode> twice, "540" and "230": which one the file means cannot be known. Give it once'
 */
function elementTwiceIssue(
  record: string,
  field: string,
  given: readonly SpelledValue[],
  line: number,
): Issue {
  const key = (given[0] as SpelledValue).key;
  return inputIssue({
    code: 'duplicate_column',
    row: line,
    field,
    value: key,
    message: `the <${record}>${line > 0 ? ` on line ${line}` : ''} gives <${key}> ${timesOf(given.length)}, ${listed(given.map((one) => JSON.stringify(one.text)))}: which one the file means cannot be known. Give it once`,
  });
}

/** A column of a header that gives a field of a preset's table, and how well its header names it. */
interface RankedColumn extends GivingColumn {
  /** As {@link ColumnMatch.rank}: 0 for the standard spelling, -1 when the column map names it. */
  readonly rank: number;
}

/**
 * The `duplicate_column` issue of a header whose columns give one field more than once, or undefined when one
 * column gives it. A field read is given by one column only: two spellings of it (`Child Unique ID` and `Child
 * ID`) refuse the input as the same header twice does, since the figures would read one and the other might say
 * otherwise on any row. A column map that names a header chooses that column, and the field's other spellings are
 * then not read; two columns the map names are two still. A known column no figure reads is let be under two
 * spellings (`Gender` and `Sex`), but not under one spelling twice.
 *
 * @param field - the field.
 * @param columns - the columns that give it, in the header's order, each with its rank.
 * @param knownOnly - whether the field is known only, read into no record.
 * @param line - the header's line.
 * @returns the issue, or undefined.
 * @example
 * duplicateColumnsIssue('childId', [{ header: 'Child Unique ID', index: 0, rank: 0 }, { header: 'Child ID', index: 3, rank: 1 }], false, 1)?.message
 * //=> 'columns "Child Unique ID" (column 1) and "Child ID" (column 4) both give childId: remove one, or name the one to read in a column map ({"Child Unique ID": "childId"})'
 */
function duplicateColumnsIssue(
  field: string,
  columns: readonly RankedColumn[],
  knownOnly: boolean,
  line: number,
): Issue | undefined {
  if (columns.length < 2) return undefined;
  let best = Number.POSITIVE_INFINITY;
  for (const column of columns) best = Math.min(best, column.rank);
  const clash = columns.filter((column) => column.rank === best || (best >= 0 && !knownOnly));
  if (clash.length < 2) return undefined;
  const first = clash[0] as RankedColumn;
  // Two spellings the map does not choose between: naming one in it is the other way out.
  const spellings = best >= 0 && clash.some((column) => looseKey(column.header) !== looseKey(first.header));
  const remove = clash.length === 2 ? 'remove one' : 'keep one and remove the others';
  return inputIssue({
    code: 'duplicate_column',
    row: line,
    field,
    value: (clash[1] as RankedColumn).header,
    message: `${columnsGivingOneField(clash, field)}: ${remove}${spellings ? `, or name the one to read in a column map ({${JSON.stringify(first.header)}: ${JSON.stringify(field)}})` : ''}`,
  });
}

/**
 * Matches headers to a table's columns: the column map first, then the known spellings.
 *
 * @param table - the preset's table.
 * @param columnMap - headers to give one of the table's columns. Default none.
 * @returns the matcher, and the map's keys with the column each gives.
 * @throws {TypeError} for a map naming no column of the table, or a table giving one spelling to two columns.
 * @example
 * createColumnMatcher(annexALists.referral).match('date-of-referral') //=> { field: 'referralDate', rank: 0 }
 */
export function createColumnMatcher(
  table: TablePreset,
  columnMap: ColumnMap | undefined,
): { readonly match: (header: string) => ColumnMatch | null; readonly mapKeys: readonly MapKey[] } {
  const byKey = new Map<string, ColumnMatch>();
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
  const mapped = new Map<string, ColumnMatch>();
  const mapKeys: MapKey[] = [];
  for (const [header, field] of Object.entries(columnMap ?? {})) {
    const target = table.columns.find((column) => looseKey(column.field) === looseKey(String(field)));
    if (target === undefined) {
      throw new TypeError(
        `columnMap: ${JSON.stringify(header)} maps to ${JSON.stringify(field)}, which is not a column the ${table.label} preset reads; it reads ${[...fields].join(', ')}`,
      );
    }
    mapped.set(looseKey(header), { field: target.field, rank: -1 });
    mapKeys.push({ key: header, field: target.field });
  }
  return {
    match: (header) => {
      const key = looseKey(header);
      if (key === '') return null;
      return mapped.get(key) ?? byKey.get(key) ?? null;
    },
    mapKeys,
  };
}

/**
 * Creates the shape of a preset's table for one record kind. The header is matched by the table's spellings (the
 * standard one first; a column map names others); a required column missing, or one given twice, refuses the
 * input. Each row's values (blank cells absent) go to the table's row function; each record it gives goes to the
 * check stage, a row it skips is counted skipped with its reason, and a row it finds issues in is rejected.
 *
 * @param table - the preset's table.
 * @param kind - the record kind read.
 * @param next - the check stage.
 * @param options - `columnMap` (from header to one of the table's columns), `dateFormat` and the preset options.
 * @returns the shape, for `createShaper`.
 * @throws {TypeError} for a column map naming no column of the table.
 * @example
 * const checker = createChecker('referral', { listsSkipped: true });
 * const shaper = createShaper(createTableShape(annexALists.referral, 'referral', checker), checker);
 * shaper.row(['Child Unique ID', 'Date of referral'], 1);
 * shaper.row(['C1', '02/04/2012'], 2);
 * shaper.end();
 * checker.result(input).records //=> [{ id: 'C1@2012-04-02', childId: 'C1', referralDate: '2012-04-02' }]
 */
export function createTableShape(
  table: TablePreset,
  kind: RecordKind,
  next: ValuesSink,
  options: PresetReaderOptions = {},
): Shape {
  const fields = recordSpecs[kind].fields.map((field) => field.name);
  const kindFields = new Set(fields);
  const { match, mapKeys } = createColumnMatcher(table, options.columnMap);
  const dateFields = new Set(table.columns.filter((c) => c.date === true).map((c) => c.field));
  const knownOnly = new Set(table.columns.filter((c) => c.knownOnly === true).map((c) => c.field));
  // A table read from XML reads its records' nested elements by name.
  const nested = table.xml !== undefined;
  const recordElement = table.xml?.records ?? 'record';
  const context = (fileValues: FileValues): RowContext => ({
    dateFormat: options.dateFormat ?? 'auto',
    ...(options.codeMap === undefined ? {} : { codeMap: options.codeMap }),
    ...(options.snapshotDate === undefined ? {} : { snapshotDate: options.snapshotDate }),
    ...(options.censusDate === undefined ? {} : { censusDate: options.censusDate }),
    fileValues,
  });
  let columnOf = new Map<string, number>();
  const raws: unknown[] = new Array(fields.length);

  /** Hands one row's values to the check stage (or skips or rejects it). */
  const readValues = (values: RowValues, row: number, fileValues: FileValues): void => {
    const outcome = table.toRecords(values, context(fileValues));
    const own = (outcome.issues ?? []).map((issue) => inputIssue({ ...issue, row }));
    if (own.some((issue) => issue.severity === 'error')) {
      next.rejected(row, own);
      return;
    }
    if (outcome.records.length === 0) {
      if (outcome.skip !== undefined) next.skipped(row, outcome.skip.reason, outcome.skip.message);
      else {
        next.rejected(row, [
          inputIssue({
            code: 'unreadable',
            row,
            field: null,
            value: null,
            message: `${table.label}: the row gives no record and no reason`,
          }),
        ]);
      }
      return;
    }
    const extras =
      outcome.messages === undefined && own.length === 0
        ? undefined
        : {
            ...(outcome.messages === undefined ? {} : { messages: outcome.messages }),
            ...(own.length === 0 ? {} : { issues: own }),
          };
    for (const record of outcome.records) {
      for (let i = 0; i < fields.length; i++) {
        const value = record[fields[i] as string];
        raws[i] = value;
        if (value !== undefined) next.present(fields[i] as string);
      }
      next.values(raws, undefined, row, extras);
    }
  };

  return {
    knows: (header) => match(header) !== null,

    header(cells, line, fileValues) {
      // Every column that gives each field, in the header's order, and the one read: the best spelling's first.
      const giving = new Map<string, RankedColumn[]>();
      const chosen = new Map<string, RankedColumn>();
      cells.forEach((raw, index) => {
        const header = raw.trim();
        const found = match(header);
        if (found === null) return;
        const column = { header, index, rank: found.rank };
        const columns = giving.get(found.field);
        if (columns === undefined) giving.set(found.field, [column]);
        else columns.push(column);
        const earlier = chosen.get(found.field);
        if (earlier === undefined || found.rank < earlier.rank) chosen.set(found.field, column);
      });
      const duplicates: Issue[] = [];
      for (const [field, columns] of giving) {
        const issue = duplicateColumnsIssue(field, columns, knownOnly.has(field), line);
        if (issue !== undefined) duplicates.push(issue);
      }
      columnOf = new Map([...chosen].map(([field, { index }]) => [field, index]));
      const used: { header: string; field: string }[] = [];
      const ignored: string[] = [];
      const fieldOfColumn: (string | null)[] = cells.map(() => null);
      cells.forEach((raw, index) => {
        const header = raw.trim();
        if (header === '') return;
        const found = match(header);
        if (found !== null && columnOf.get(found.field) === index && !knownOnly.has(found.field)) {
          used.push({ header, field: found.field });
          fieldOfColumn[index] = found.field;
        } else ignored.push(header);
      });
      next.columns({ headers: [...cells], used, ignored });
      for (const column of table.columns) {
        if (!columnOf.has(column.field) || column.knownOnly === true) continue;
        for (const field of column.gives ?? [column.field]) if (kindFields.has(field)) next.present(field);
      }
      const headerKeys = new Set(cells.map((cell) => looseKey(cell)));
      const found = cells.filter((h) => h.trim() !== '').map((h) => h.trim());
      for (const mapKey of mapKeys) {
        if (headerKeys.has(looseKey(mapKey.key))) continue;
        next.warn({ code: 'unmatched_map_key', message: unmatchedMapKeyMessage(mapKey, found, 'headers') });
      }
      const refusal: Issue[] = [...duplicates];
      const shownFound = found.map((h) => JSON.stringify(h));
      for (const column of table.columns) {
        if (column.required !== true || columnOf.has(column.field)) continue;
        if (column.optionalWith !== undefined && options[column.optionalWith] !== undefined) continue;
        if (column.fromFile !== undefined && fileValues[column.fromFile] !== undefined) continue;
        if (column.orColumn !== undefined && columnOf.has(column.orColumn)) continue;
        const alternatives = column.headers.slice(1).map((h) => JSON.stringify(h));
        refusal.push(
          inputIssue({
            code: 'missing_column',
            row: line,
            field: column.field,
            value: null,
            message: `no column gives ${column.field}, which ${table.label} needs: expected ${JSON.stringify(column.headers[0])}${alternatives.length > 0 ? ` (or ${alternatives.join(', ')})` : ''}. Headers found: ${shownFound.length === 0 ? 'none (the sheet or file is empty)' : shownFound.join(', ')}`,
          }),
        );
      }
      if (refusal.length > 0) next.refuse(refusal);
      return {
        fields: fieldOfColumn,
        dates: cells.map((_, index) => {
          const field = fieldOfColumn[index];
          return field !== null && field !== undefined && dateFields.has(field);
        }),
      };
    },

    row(cells, line, found, fileValues) {
      if (found !== undefined) {
        next.rejected(line, found);
        return;
      }
      const values: Record<string, string> = {};
      for (const [field, index] of columnOf) {
        const cell = cells[index];
        if (cell !== undefined && cell.trim() !== '') values[field] = cell;
      }
      readValues(values, line, fileValues);
    },

    item(value, line, fileValues, repeated) {
      const notObject = notAnObject(value, line);
      if (notObject !== undefined || typeof value !== 'object' || value === null) {
        next.rejected(line, notObject === undefined ? [] : [notObject]);
        return;
      }
      const values: Record<string, string> = {};
      const ranks = new Map<string, number>();
      // The element (key) each value was read from; and, for a field an XML record gives more than once, each
      // element and value (made only then).
      const keys = nested ? new Map<string, string>() : undefined;
      let repeats: Map<string, SpelledValue[]> | undefined;
      const twice: Issue[] = [];
      // An XML record's nested elements (NCCIS's `Activities`…) are read by their names too, breadth first, without
      // recursion; a field given two different values is an error on the row, not a guess, whether under one name
      // or two spellings of it (`YoungPersonsID` and `YPID`), when a figure reads it.
      const nodes: object[] = [value];
      for (let n = 0; n < nodes.length; n++) {
        for (const [key, raw] of Object.entries(nodes[n] as object)) {
          if (nested && typeof raw === 'object' && raw !== null) {
            for (const element of Array.isArray(raw) ? raw : [raw]) {
              if (typeof element === 'object' && element !== null) nodes.push(element);
              else if (element !== undefined) nodes.push({ [key]: element });
            }
            continue;
          }
          const found = match(key);
          const text = cellText(raw);
          if (found === null || text.trim() === '') continue;
          const rank = ranks.get(found.field);
          if (keys !== undefined && rank !== undefined) {
            // Given again: the better spelling (else the first) was kept, without a word; now each is held to say
            // the same.
            repeats ??= new Map();
            let given = repeats.get(found.field);
            if (given === undefined) {
              given = [
                { key: keys.get(found.field) as string, text: (values[found.field] as string).trim() },
              ];
              repeats.set(found.field, given);
            }
            given.push({ key, text: text.trim() });
          }
          if (rank !== undefined && rank <= found.rank) continue;
          ranks.set(found.field, found.rank);
          values[found.field] = text;
          keys?.set(found.field, key);
        }
      }
      for (const [field, given] of repeats ?? []) {
        // An element no figure reads (NCCIS's `DateAscertained` of each activity) is not read, so neither is its
        // repeat: the record is kept, as for an element the preset does not know.
        if (knownOnly.has(field) || given.every((one) => one.text === (given[0] as SpelledValue).text))
          continue;
        twice.push(
          given.every((one) => one.key === (given[0] as SpelledValue).key)
            ? elementTwiceIssue(recordElement, field, given, line)
            : spellingsIssue(field, given, line),
        );
      }
      // A key the item's text writes more than once (JSON; a census element is never given so): its last value
      // above stands for two, as in a record kind's shape.
      for (const once of repeated ?? []) {
        const found = match(once.key);
        if (found !== null) twice.push(repeatedKeyIssue(once, found.field, line));
      }
      if (twice.length > 0) {
        next.rejected(line, twice);
        return;
      }
      readValues(values, line, fileValues);
    },

    end() {},
  };
}
