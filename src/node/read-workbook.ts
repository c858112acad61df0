/**
 * Reading Excel workbooks (.xlsx) from files: one sheet's rows, through the core's workbook module (stage 3,
 * `tokenizeSheet`) and the shape stage's header search.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { InputError, type InputIssue } from '../records/issues.js';
import { createShaper, type ShapeColumns } from '../records/shape.js';
import type { WorkbookSheetOptions } from '../records/sheet-choice.js';
import type { RowSink, ValuesSink } from '../records/stages.js';
import { tokenizeSheet } from '../records/tokenize-sheet.js';
import { looseKey } from '../records/values.js';

export type { WorkbookSheetOptions };

/** Options of {@link readWorkbookRows}. */
export interface ReadWorkbookRowsOptions extends WorkbookSheetOptions {
  /**
   * The headers expected: the header row is the first row holding at least two of them (matched ignoring case,
   * spaces and punctuation), so title rows above the table are passed over. Default: none, and the first row that
   * is not blank is the header.
   */
  readonly headers?: readonly string[] | ((cell: string) => boolean);
  /**
   * The headers of the columns that hold dates: their numeric cells are Excel serial day numbers, read as dates
   * (the one place a number is read as a date). Default: none.
   */
  readonly dateColumns?: readonly string[] | ((header: string) => boolean);
}

/** One row of a sheet, as text. */
export interface WorkbookRow {
  /** The sheet's row number, as Excel shows it. */
  readonly row: number;
  /** The cells, from column A, as text (dates as `YYYY-MM-DD`). */
  readonly cells: readonly string[];
}

/** What {@link readWorkbookRows} gives back. */
export interface WorkbookRows {
  /** The name of the sheet read. */
  readonly sheet: string;
  /** Every sheet's name, in the workbook's order. */
  readonly sheets: readonly string[];
  /** Whether the workbook counts days from 1904. */
  readonly date1904: boolean;
  /** The header row's number (0 when the sheet has none). */
  readonly headerRow: number;
  /** The header cells. */
  readonly header: readonly string[];
  /** The rows after the header that are not blank. */
  readonly rows: readonly WorkbookRow[];
}

/** The sheet a workbook tokenizer read. */
export interface WorkbookSheetInfo {
  /** Its name. */
  readonly sheet: string;
  /** Every sheet's name, in the workbook's order. */
  readonly sheets: readonly string[];
  /** Whether the workbook counts days from 1904. */
  readonly date1904: boolean;
}

/**
 * Tokenizes one sheet of an Excel workbook with the core's workbook module ({@link tokenizeSheet}, which the
 * browser page also uses): kept under this name for the node entry's callers.
 *
 * @param bytes - the workbook's bytes.
 * @param options - `sheet`, `sheetNames`, `firstSheetOtherwise`.
 * @param sink - the next stage.
 * @returns the sheet read, or undefined when the input was refused.
 * @example
 * await tokenizeWorkbook(await readFile('annex-a.xlsx'), { sheet: 'List 3' }, sink)
 * //=> { sheet: 'List_3', sheets: ['Cover', 'List_3', …], date1904: false }
 */
export function tokenizeWorkbook(
  bytes: Uint8Array,
  options: WorkbookSheetOptions,
  sink: RowSink,
): Promise<WorkbookSheetInfo | undefined> {
  return tokenizeSheet(bytes, options, sink);
}

type Matcher = (text: string) => boolean;

function matcherOf(given: readonly string[] | ((text: string) => boolean) | undefined): Matcher | undefined {
  if (given === undefined) return undefined;
  if (typeof given === 'function') return given;
  const keys = new Set(given.map(looseKey));
  return (text) => keys.has(looseKey(text));
}

function cannotRead(path: string, message: string): InputError {
  return new InputError([
    { code: 'unreadable', severity: 'error', row: 0, field: null, value: null, message, file: path },
  ]);
}

/**
 * Reads one sheet of an Excel workbook (.xlsx) as rows of text: the sheet by name (ignoring case, spaces and
 * punctuation: `list3`, `List_3` and `List 3` are one name) or by number; the header row found below any title rows
 * (the first with two of the expected headers); blank rows, such as the empty rows a sheet often ends with, left
 * out. Date cells become their calendar date, `YYYY-MM-DD` (in the workbook's date system, 1900 or 1904); a
 * number in a date column is an Excel serial (serial 40298 is 2010-04-30, with Excel's phantom 1900-02-29 and the
 * 1904 system handled); formulas give their saved value (`=FORMULA` when none was saved) and rich text its text.
 *
 * @param path - the workbook.
 * @param options - `sheet` (default: the first of `sheetNames` found, else the first sheet), `sheetNames`,
 *   `firstSheetOtherwise`, `headers` (default: the first row that is not blank is the header), `dateColumns`
 *   (default none).
 * @returns the sheet's name, every sheet's name, the date system, the header and the rows.
 * @throws {InputError} naming the file (one `unreadable` issue) when it cannot be opened, is not a workbook, is cut
 *   short, has no such sheet, or the sheet is empty (the message names the sheets found).
 * @example
 * const { header, rows } = await readWorkbookRows('annex-a.xlsx', {
 *   sheet: 'list_3',
 *   headers: ['Child Unique ID', 'Date of referral'],
 *   dateColumns: ['Date of referral'],
 * });
 * header //=> ['Child Unique ID', 'Gender', 'Date of referral']
 * rows[0] //=> { row: 3, cells: ['C1', 'Female', '2012-04-02'] }
 */
export async function readWorkbookRows(
  path: string,
  options: ReadWorkbookRowsOptions = {},
): Promise<WorkbookRows> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    throw cannotRead(path, `cannot read the file: ${reason}`);
  }
  const isHeader = matcherOf(options.headers);
  const isDate = matcherOf(options.dateColumns) ?? (() => false);
  let header: readonly string[] = [];
  let headerRow = 0;
  const rows: WorkbookRow[] = [];
  let refusal: readonly Omit<InputIssue, 'file'>[] | undefined;
  // The header is found as the reading path finds it; the rows are kept as text rather than checked.
  const keep: ValuesSink = {
    values: () => {},
    rejected: () => {},
    skipped: () => {},
    refuse: (issues) => {
      refusal = issues;
    },
    warn: () => {},
    present: () => {},
    columns: () => {},
  };
  const shaper = createShaper(
    {
      knows: (cell) => isHeader?.(cell) === true,
      header(cells, line): ShapeColumns {
        header = cells;
        headerRow = line;
        return { fields: cells.map(() => null), dates: cells.map((cell) => isDate(cell)) };
      },
      row(cells, line) {
        rows.push({ row: line, cells: [...cells] });
      },
      item: () => {},
      end: () => {},
    },
    keep,
    { header: isHeader === undefined ? 'first-row' : 'search' },
  );
  const info = await tokenizeWorkbook(bytes, options, shaper);
  if (info === undefined || refusal !== undefined) {
    throw cannotRead(path, refusal?.[0]?.message ?? 'the workbook cannot be read');
  }
  return { ...info, headerRow, header, rows };
}
