/**
 * Stage 4 of the reading path: rows (or items) to the values of canonical fields. What every table shares is here:
 * finding the header row (the first row, or below title rows in a workbook), a workbook's cells as text (an Excel
 * serial in a date column read as its date), rows with more cells than the header, rows a tokenizer could not read,
 * and the file's values. What the columns mean is a {@link Shape}'s: a record kind's canonical fields and column map
 * (`shape-kind.ts`), or a preset's layout (`presets/`).
 * @module
 */

import { timesOf } from '../util/plural.js';
import type { PlainRows } from './check.js';
import { excelSerialToIsoDate } from './excel-dates.js';
import { type InputIssue, inputIssue, issueValue } from './issues.js';
import type {
  Cell,
  DateBeforeSystem,
  RepeatedKey,
  RowProblem,
  RowSink,
  UncachedFormula,
  ValuesSink,
} from './stages.js';
import type { XmlTokenizerOptions } from './tokenize-xml.js';

type Issue = Omit<InputIssue, 'file'>;

/** What a shape makes of a header row. */
export interface ShapeColumns {
  /** The field each column gives (for messages), or null. */
  readonly fields: readonly (string | null)[];
  /** Whether each column holds dates (a workbook's numbers there are Excel serials). */
  readonly dates: readonly boolean[];
}

/** The file-level values a tokenizer gave (a census header's reference date, a workbook's date system). */
export type FileValues = Readonly<Record<string, unknown>>;

/**
 * What one kind of layout does with a table's header and rows and with items, once tied to the check stage: the
 * part of stage 4 that knows what columns mean. The shaper ({@link createShaper}) does the rest.
 */
export interface Shape {
  /** Whether a header cell names a column the layout reads or knows (to find the header row below titles). */
  knows(header: string): boolean;
  /**
   * Matches the header row; tells the check stage the columns, fields present, refusals and warnings.
   * @param fileValues - the file's values so far (one may stand in for a column).
   */
  header(cells: readonly string[], line: number, fileValues: FileValues): ShapeColumns;
  /**
   * One data row, its cells as text. `found` holds issues the shaper found (more cells than the header has).
   * @param fileValues - the file's values so far.
   */
  row(
    cells: readonly string[],
    line: number,
    found: Omit<InputIssue, 'file'>[] | undefined,
    fileValues: FileValues,
  ): void;
  /**
   * One item (a JSON object, a census record element).
   * @param fileValues - the file's values so far.
   * @param repeated - the keys the item's text writes more than once (JSON), when any: the value holds the last.
   */
  item(value: unknown, line: number, fileValues: FileValues, repeated?: readonly RepeatedKey[]): void;
  /**
   * For a shape whose rows go to the check stage as they are (a record kind's, `shape-kind.ts`), once the header is
   * matched: the column of each field (negative: none), so that the CSV fast lane can read a row's cells in place.
   * Default (absent, or undefined): rows are always given to {@link Shape.row}.
   */
  plainColumns?(): readonly number[] | undefined;
  /**
   * With {@link Shape.plainColumns}, once the header is matched: how many cells the header row has (a row with more
   * goes to {@link Shape.row}, which judges the extra cells), so that the sheet lane can read a row in place.
   */
  plainWidth?(): number;
  /**
   * For a shape that gives the check stage each item's values in field order (the CIN census's): from now on, each
   * item's values go first to `rows.cells`, and to the check stage's `values` only when it returns false (a value
   * that is not plain, a repeated key). Called by a reader before any input, and only by one that settles the lane
   * at the end (`rows.settle`: ids are checked all at once then, unless `rows.keysRowByRow` was called).
   * Default (absent): items' values always go to `values`.
   * @internal The reading path's own, as the lane it gives is.
   */
  plainItems?(rows: PlainRows): void;
  /** The end of the input: warnings that need all of it (map keys no item used). */
  end(): void;
}

/**
 * A layout: what stage 4 is for one read, as data plus one function. A record kind read as it is
 * (`kindLayout`), or a preset (`presetLayout`): the tokenizers and the shaper take any.
 */
export interface Layout {
  /** What the input is, for messages: `initial-assessment records`, `Annex A List 3 (referrals)`. */
  readonly label: string;
  /** The shape, tied to the check stage. */
  shape(next: ValuesSink): Shape;
  /** Whether rows may be skipped as not records of the kind (the result then lists them). Default false. */
  readonly skips?: boolean;
  /** For a workbook: the sheet names to look for, best first. Default none: the first sheet. */
  readonly sheetNames?: readonly string[];
  /** For a workbook without any of `sheetNames`: read its first sheet (else refuse). Default false. */
  readonly firstSheetOtherwise?: boolean;
  /** For XML: where the records are. Default none: XML is not read. */
  readonly xml?: XmlTokenizerOptions;
}

/** Options of {@link createShaper}. */
export interface ShaperOptions {
  /**
   * Where the header is: `first-row` (CSV: the first row that is not blank), `search` (a workbook: the first row
   * with at least two headers the shape knows, among the first {@link HEADER_SEARCH_ROWS}, so that title rows are
   * passed over), or `none` (items: JSON, XML). Default `first-row`.
   */
  readonly header?: 'first-row' | 'search' | 'none';
}

/**
 * How far down the header row is looked for in a workbook: a header below this many non-blank rows is not found.
 * @example HEADER_SEARCH_ROWS //=> 50
 */
export const HEADER_SEARCH_ROWS = 50;

/**
 * The text of a workbook cell: numbers in a date column as their date (an Excel serial, in the workbook's date
 * system), other numbers as written, a formula without a saved value as its formula (`=…`).
 *
 * @param cell - the cell.
 * @param isDate - whether its column holds dates.
 * @param date1904 - whether the workbook counts days from 1904.
 * @returns the text.
 * @example
 * cellText(40968, true, false) //=> '2012-02-29'
 * cellText(40968, false, false) //=> '40968'
 */
export function cellText(cell: Cell, isDate: boolean, date1904: boolean): string {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') {
    return (isDate ? excelSerialToIsoDate(cell, { date1904 }) : null) ?? String(cell);
  }
  return 'formula' in cell ? `=${cell.formula}` : cell.written;
}

/**
 * The issue of a workbook cell the shape stage cannot read, in a column read: a formula whose value was never saved
 * (`unreadable`: its value is unknown, not blank), or an ISO date cell of a day before the workbook's date system
 * (`out_of_range`, naming the cell, the day and the system).
 *
 * @param cell - the cell.
 * @param field - the field its column gives.
 * @param line - the row.
 * @param date1904 - whether the workbook counts days from 1904.
 * @returns the issue.
 * @example
 * workbookCellIssue({ written: '1903-05-01', address: 'C2' }, 'startDate', 2, true).message
 * //=> 'cell C2 is a date cell holding 1903-05-01, a day before 1904-01-01, the first of the workbook's 1904 date system: it has no day number there (Excel shows ####). Check the year; if it is right, save the workbook in the 1900 date system, or write the date as text'
 */
export function workbookCellIssue(
  cell: UncachedFormula | DateBeforeSystem,
  field: string,
  line: number,
  date1904: boolean,
): Issue {
  if ('formula' in cell) {
    return inputIssue({
      code: 'unreadable',
      row: line,
      field,
      value: `=${cell.formula}`,
      message: `cell ${cell.address} holds a formula whose value was never saved, so its value is unknown: open the workbook in Excel and save it again (or paste the values)`,
    });
  }
  const first = date1904 ? '1904-01-01' : '1900-01-01';
  return inputIssue({
    code: 'out_of_range',
    row: line,
    field,
    value: cell.written,
    message: `cell ${cell.address} is a date cell holding ${cell.written}, a day before ${first}, the first of the workbook's ${date1904 ? '1904' : '1900'} date system: it has no day number there (Excel shows ####). ${date1904 ? 'Check the year; if it is right, save the workbook in the 1900 date system, or write the date as text' : 'Check the year'}`,
  });
}

/**
 * The issue of an item that is not an object (a JSON array's `7`, `null`, `[1, 2]`), or undefined for an object.
 *
 * @param value - the item.
 * @param line - its row.
 * @returns the `unreadable` issue, or undefined.
 * @example
 * notAnObject(null, 3)?.message //=> 'the item is null, not an object: expected an object of fields, like {"id": "…", …}'
 */
export function notAnObject(value: unknown, line: number): Omit<InputIssue, 'file'> | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return undefined;
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return inputIssue({
    code: 'unreadable',
    row: line,
    field: null,
    value: issueValue(value),
    message: `the item is ${got}, not an object: expected an object of fields, like {"id": "…", …}`,
  });
}

/**
 * The issue of a key an item's text writes more than once ({@link RepeatedKey}): `JSON.parse` kept its last value, so
 * the item gave `field` two values (or one value twice) as surely as two keys written differently would. It rejects
 * the row (`duplicate_column`). A key no field reads is not an issue, as when written once: callers ask only for keys
 * a field reads.
 *
 * @param repeated - the key as the item wrote it (escapes undone) and how many times.
 * @param field - the field it gives.
 * @param line - the item's row.
 * @returns the issue.
 * @example
 * repeatedKeyIssue({ key: 'referralDate', times: 2 }, 'referralDate', 4).message
 * //=> 'the item gives "referralDate" twice (JSON keeps only the last value): keep one'
 */
export function repeatedKeyIssue(repeated: RepeatedKey, field: string, line: number): Issue {
  const { key, times } = repeated;
  return inputIssue({
    code: 'duplicate_column',
    row: line,
    field,
    value: key,
    message: `the item gives ${JSON.stringify(key)} ${timesOf(times)} (JSON keeps only the last value): keep one`,
  });
}

function isTextRow(cells: readonly Cell[]): cells is readonly string[] {
  for (let i = 0; i < cells.length; i++) if (typeof cells[i] !== 'string') return false;
  return true;
}

/**
 * Creates the shape stage: finds the header, turns a workbook's cells to text, checks each row's width, hands rows
 * and items to the shape, and passes on problems, refusals and file values.
 *
 * @param shape - what the columns mean: `createKindShape`, or a preset's.
 * @param next - the check stage.
 * @param options - `header` (default `first-row`).
 * @returns the sink a tokenizer feeds.
 * @example
 * const checker = createChecker('referral');
 * tokenizeCsv('id,childId,referralDate\nR1,C1,2010-10-01\n', createShaper(createKindShape('referral', checker), checker));
 * checker.result({ file: 'r.csv', sha256: '', encoding: 'utf-8' }).records.length //=> 1
 */
export function createShaper(shape: Shape, next: ValuesSink, options: ShaperOptions = {}): RowSink {
  const locate = options.header ?? 'first-row';
  const fileValues: Record<string, unknown> = {};
  let columns: ShapeColumns | undefined;
  let headerWidth = 0;
  let date1904 = false;
  let refused = false;
  // Rows before the header is found (search): copies, with their lines.
  const waiting: { cells: readonly Cell[]; line: number }[] = [];

  const asText = (cells: readonly Cell[], dates: readonly boolean[] | undefined): readonly string[] =>
    isTextRow(cells) ? cells : cells.map((cell, i) => cellText(cell, dates?.[i] === true, date1904));

  const header = (cells: readonly Cell[], line: number): void => {
    const text = asText(cells, undefined).slice();
    headerWidth = text.length;
    columns = shape.header(text, line, fileValues);
  };

  const data = (cells: readonly Cell[], line: number): void => {
    const shaped = columns as ShapeColumns;
    // A workbook formula whose value was never saved, or an ISO date cell of a day before the workbook's date
    // system, in a column read: its value is unknown (not blank) or no date the workbook holds, and the row is
    // rejected for it alone.
    if (!isTextRow(cells)) {
      const unknown: Issue[] = [];
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        const field = shaped.fields[i];
        if (typeof cell !== 'object' || field === null || field === undefined) continue;
        unknown.push(workbookCellIssue(cell, field, line, date1904));
      }
      if (unknown.length > 0) {
        next.rejected(line, unknown);
        return;
      }
    }
    let found: Issue[] | undefined;
    const text = asText(cells, shaped.dates);
    if (text.length > headerWidth) {
      const extra: string[] = [];
      for (let i = headerWidth; i < text.length; i++) {
        const cell = text[i] as string;
        if (cell.trim() !== '') extra.push(cell);
      }
      if (extra.length > 0) {
        found ??= [];
        found.push(
          inputIssue({
            code: 'unreadable',
            row: line,
            field: null,
            value: extra.join(','),
            message: `the row has ${text.length} cells but the header has ${headerWidth} columns, so its values may be shifted (a value with a comma that is not in quotes?)`,
          }),
        );
      }
    }
    shape.row(text, line, found, fileValues);
  };

  /** The header is the first waiting row; the rest are data rows. */
  const settle = (): void => {
    const [first, ...rest] = waiting;
    waiting.length = 0;
    if (first === undefined) return;
    header(first.cells, first.line);
    for (const { cells, line } of rest) data(cells, line);
  };

  const knownCount = (cells: readonly Cell[]): number => {
    let known = 0;
    for (const cell of cells) {
      const text = cellText(cell, false, date1904);
      if (text.trim() !== '' && shape.knows(text)) known++;
    }
    return known;
  };

  return {
    row(cells, line) {
      if (refused) {
        next.rejected(line, []);
        return;
      }
      if (columns !== undefined) {
        data(cells, line);
        return;
      }
      if (locate === 'search') {
        if (knownCount(cells) >= 2) {
          // Title rows above the header are not rows of the table.
          waiting.length = 0;
          header(cells, line);
          return;
        }
        waiting.push({ cells: cells.slice(), line });
        if (waiting.length >= HEADER_SEARCH_ROWS) settle();
        return;
      }
      header(cells, line);
    },

    item(value, line, repeated) {
      if (refused) {
        next.rejected(line, []);
        return;
      }
      shape.item(value, line, fileValues, repeated);
    },

    problem(problem: RowProblem) {
      if (refused) {
        next.rejected(problem.line, []);
        return;
      }
      if (locate !== 'none' && columns === undefined) {
        if (locate === 'search') settle();
        if (columns === undefined) {
          refused = true;
          next.refuse([
            inputIssue({
              code: 'unreadable',
              row: problem.line,
              field: null,
              value: null,
              message: `the header line cannot be read: ${problem.message}`,
            }),
          ]);
          return;
        }
      }
      const field = problem.column === undefined ? null : (columns?.fields[problem.column] ?? null);
      next.rejected(problem.line, [
        inputIssue({
          code: problem.code,
          row: problem.line,
          field,
          value: problem.value,
          message: problem.message,
        }),
      ]);
    },

    refuse(message) {
      refused = true;
      next.refuse([inputIssue({ code: 'unreadable', row: 0, field: null, value: null, message })]);
    },

    fileValue(name, value) {
      fileValues[name] = value;
      if (name === 'dateSystem') date1904 = value === '1904';
      else next.fileValue?.(name, value);
    },

    end() {
      if (!refused && locate !== 'none' && columns === undefined) {
        settle();
        // No header at all: an empty header, for the shape to say what is missing.
        if (columns === undefined) header([], 1);
      }
      if (!refused) shape.end();
    },
  };
}
