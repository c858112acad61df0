/**
 * Stage 3 for Excel workbooks (.xlsx), with exceljs: one sheet's rows of cells, numbered as Excel numbers them.
 * Dialect only: which sheet, and each cell's value as text (dates as `YYYY-MM-DD`), a number, or a formula whose
 * value was never saved. The header row, and which numbers are dates, are the shape stage's to find.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { InputError, type InputIssue } from '../records/issues.js';
import { createShaper, type ShapeColumns } from '../records/shape.js';
import type { Cell, RowSink, ValuesSink } from '../records/stages.js';

export type { WorkbookSheetOptions };

import {
  chooseSheet,
  emptySheetMessage,
  missingSheetMessage,
  type WorkbookSheetOptions,
} from '../records/sheet-choice.js';
import { looseKey } from '../records/values.js';

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

interface SheetLike {
  readonly name: string;
  eachRow(
    options: { includeEmpty: boolean },
    visit: (row: { values: unknown }, rowNumber: number) => void,
  ): void;
}

function describeZipError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/FILE_ENDED|unexpected end|end of data|corrupt|invalid signature|zip/i.test(message)) {
    return `it is not a complete Excel workbook (.xlsx) (${message}): is it cut short, or another kind of file?`;
  }
  return `it cannot be read as an Excel workbook (.xlsx) (${message})`;
}

/** A column's letters, as Excel names it: 1 is A, 27 is AA. */
function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** One exceljs cell value as a {@link Cell}. */
function cellOf(value: unknown, address: () => string): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    // exceljs gives a date cell as the instant at UTC midnight of its day (plus any time): its UTC date is the day.
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    const cell = value as {
      richText?: readonly { text?: string }[];
      result?: unknown;
      formula?: string;
      sharedFormula?: string;
      text?: unknown;
      error?: string;
    };
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text ?? '').join('');
    if (cell.formula !== undefined || cell.sharedFormula !== undefined) {
      if (cell.result === undefined)
        return { formula: cell.formula ?? cell.sharedFormula ?? '', address: address() };
      return cellOf(cell.result, address);
    }
    if ('result' in cell) return cellOf(cell.result, address);
    if (cell.text !== undefined) return cellOf(cell.text, address);
    if (typeof cell.error === 'string') return cell.error;
  }
  return String(value);
}

function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((cell) => typeof cell === 'string' && cell.trim() === '');
}

/**
 * Tokenizes one sheet of an Excel workbook: finds the sheet, gives the workbook's date system (`dateSystem`,
 * `1900` or `1904`) and the sheet's name (`sheet`) as file values, then each row that is not blank as cells from
 * column A: text (a date cell as its UTC calendar date, `YYYY-MM-DD`; rich text as its text; a formula as its saved
 * value), a number, or a formula whose value was never saved. A workbook that is not one, is cut short, lacks the
 * sheet, or whose sheet is empty refuses the input with a message naming the sheets.
 *
 * The workbook is loaded whole (`workbook.xlsx.load`), not with exceljs's streaming `WorkbookReader`: in exceljs
 * 4.4 that reader can lose `xl/workbook.xml` when it is stored after the worksheets, as exceljs itself writes it
 * (exceljs issue 3064). Annex A and census workbooks are small enough to load.
 *
 * @param bytes - the workbook's bytes.
 * @param options - `sheet`, `sheetNames`, `firstSheetOtherwise`.
 * @param sink - the next stage.
 * @returns the sheet read, or undefined when the input was refused.
 * @example
 * await tokenizeWorkbook(await readFile('annex-a.xlsx'), { sheet: 'List 3' }, sink)
 * //=> { sheet: 'List_3', sheets: ['Cover', 'List_3', …], date1904: false }
 */
export async function tokenizeWorkbook(
  bytes: Uint8Array,
  options: WorkbookSheetOptions,
  sink: RowSink,
): Promise<WorkbookSheetInfo | undefined> {
  const refuse = (message: string): undefined => {
    sink.refuse(message);
    sink.end();
    return undefined;
  };
  // exceljs is loaded only when a workbook is read: it costs about 0.2 s, which a CSV run should not pay.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return refuse(describeZipError(error));
  }
  const sheets = workbook.worksheets as unknown as readonly SheetLike[];
  const names = sheets.map((sheet) => sheet.name);
  if (names.length === 0) {
    return refuse('no worksheets found: it is not an Excel workbook (.xlsx) with a sheet to read');
  }
  const target = chooseSheet(names, options);
  const sheet = sheets.find((candidate) => candidate.name === target);
  if (sheet === undefined) return refuse(missingSheetMessage(names, options));
  const date1904 = workbook.properties?.date1904 === true;
  sink.fileValue('dateSystem', date1904 ? '1904' : '1900');
  sink.fileValue('sheet', sheet.name);
  let rows = 0;
  sheet.eachRow({ includeEmpty: false }, (sheetRow, rowNumber) => {
    // `values` is 1-based (index 0 is empty), with holes for empty cells.
    const values = Array.isArray(sheetRow.values) ? (sheetRow.values as unknown[]) : [];
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) {
      cells.push(cellOf(values[i], () => `${columnLetters(i)}${rowNumber}`));
    }
    if (isBlankRow(cells)) return;
    rows++;
    sink.row(cells, rowNumber);
  });
  if (rows === 0) return refuse(emptySheetMessage(sheet.name, names));
  sink.end();
  return { sheet: sheet.name, sheets: names, date1904 };
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
 * out. Date cells become their calendar date, `YYYY-MM-DD` (the UTC date exceljs gives, so no time-zone shift); a
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
