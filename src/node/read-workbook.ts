import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { excelSerialToIsoDate } from '../presets/excel-dates.js';
import { InputError } from '../records/issues.js';
import { looseKey } from '../records/values.js';

/** Options of {@link readWorkbookRows}. */
export interface ReadWorkbookRowsOptions {
  /**
   * The sheet to read: its name (matched ignoring case, spaces and punctuation, so `list3` finds `List_3`) or its
   * 1-based position in the workbook. Default: the first of `sheetNames` found, else the first sheet.
   */
  readonly sheet?: string | number;
  /**
   * Names to look for when `sheet` is not given, best first (matched as `sheet` is; `List 3` also finds a sheet
   * named `List 3 Referrals`). Default: none.
   */
  readonly sheetNames?: readonly string[];
  /** Whether a workbook without any of `sheetNames` is read from its first sheet, instead of refused. Default false. */
  readonly firstSheetOtherwise?: boolean;
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
  /** The header row's number (0 when the sheet is empty). */
  readonly headerRow: number;
  /** The header cells. */
  readonly header: readonly string[];
  /** The rows after the header that are not blank. */
  readonly rows: readonly WorkbookRow[];
}

/** Receives the header and the rows of the sheet read, as {@link forEachWorkbookRow} finds them. */
export interface WorkbookVisitor {
  /** The header row (an empty one, row 0, when the sheet has no rows). */
  header(cells: readonly string[], row: number): void;
  /** A data row that is not blank. */
  row(cells: readonly string[], row: number): void;
}

/** What {@link forEachWorkbookRow} tells once the sheet is read. */
export interface WorkbookSheetInfo {
  readonly sheet: string;
  readonly sheets: readonly string[];
  readonly date1904: boolean;
}

/** A workbook that cannot be read as asked: not a workbook, cut short, or without the sheet. */
export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';
}

/** How far down the header row is looked for: a header below this many non-blank rows is not found. */
export const HEADER_SEARCH_ROWS = 50;

type Matcher = (text: string) => boolean;

function matcherOf(given: readonly string[] | ((text: string) => boolean) | undefined): Matcher | undefined {
  if (given === undefined) return undefined;
  if (typeof given === 'function') return given;
  const keys = new Set(given.map(looseKey));
  return (text) => keys.has(looseKey(text));
}

/** The text of one cell value as exceljs gives it. */
function cellText(value: unknown, isDate: boolean, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (isDate) return excelSerialToIsoDate(value, { date1904 }) ?? String(value);
    return String(value);
  }
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
    if ('result' in cell || cell.formula !== undefined || cell.sharedFormula !== undefined) {
      return cellText(cell.result, isDate, date1904);
    }
    if (cell.text !== undefined) return cellText(cell.text, isDate, date1904);
    if (typeof cell.error === 'string') return cell.error;
  }
  return String(value);
}

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** The sheet wanted, among the workbook's sheet names. */
function chooseSheet(names: readonly string[], options: ReadWorkbookRowsOptions): string | undefined {
  const { sheet } = options;
  if (typeof sheet === 'number') return names[sheet - 1];
  if (typeof sheet === 'string') return names.find((name) => looseKey(name) === looseKey(sheet));
  for (const wanted of options.sheetNames ?? []) {
    const key = looseKey(wanted);
    const exact = names.find((name) => looseKey(name) === key);
    if (exact !== undefined) return exact;
    // `List 3` also finds `List 3 Referrals` (but not `List 30`).
    const prefixed = names.find((name) => {
      const loose = looseKey(name);
      return loose.startsWith(key) && !/^\d/.test(loose.slice(key.length)) && /\d$/.test(key);
    });
    if (prefixed !== undefined) return prefixed;
  }
  if (
    options.sheetNames !== undefined &&
    options.sheetNames.length > 0 &&
    options.firstSheetOtherwise !== true
  ) {
    return undefined;
  }
  return names[0];
}

function missingSheet(names: readonly string[], options: ReadWorkbookRowsOptions): WorkbookError {
  const { sheet } = options;
  const asked =
    typeof sheet === 'number'
      ? `no sheet number ${sheet} (the workbook has ${names.length})`
      : typeof sheet === 'string'
        ? `no sheet named ${JSON.stringify(sheet)}`
        : `no sheet named ${(options.sheetNames ?? []).map((n) => JSON.stringify(n)).join(' or ')}`;
  const found = names.length === 0 ? 'none' : names.map((n) => JSON.stringify(n)).join(', ');
  return new WorkbookError(`${asked}: sheets found: ${found}. Name the sheet to read (--sheet NAME or N)`);
}

function describeZipError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/FILE_ENDED|unexpected end|end of data|corrupt|invalid signature|zip/i.test(message)) {
    return `it is not a complete Excel workbook (.xlsx) (${message}): is it cut short, or another kind of file?`;
  }
  return `it cannot be read as an Excel workbook (.xlsx) (${message})`;
}

interface SheetLike {
  readonly name: string;
  eachRow(
    options: { includeEmpty: boolean },
    visit: (row: { values: unknown }, rowNumber: number) => void,
  ): void;
}

/**
 * Reads one sheet of an Excel workbook (.xlsx) with exceljs: finds the sheet, finds the header row below any title
 * rows, and hands over the header and each row that is not blank, as text. Date cells are their UTC calendar date
 * (`YYYY-MM-DD`), and numbers in date columns Excel serials (the 1904 system when the workbook says so); formulas
 * give their results, rich text its text.
 *
 * The workbook is loaded whole (`workbook.xlsx.read`), not with exceljs's streaming `WorkbookReader`: in exceljs
 * 4.4 that reader can lose `xl/workbook.xml` when it is stored after the worksheets, as exceljs itself writes it
 * (exceljs issue 3064), and then fails or names no sheet. Annex A and census workbooks are small enough to load.
 *
 * @param input - the file's path, or a readable stream of it.
 * @param options - `sheet`, `sheetNames`, `headers`, `dateColumns` as {@link readWorkbookRows}.
 * @param visitor - receives the header, then the rows.
 * @returns the sheet read, every sheet's name and the date system.
 * @throws {WorkbookError} when the file is not a workbook, is cut short, or has no such sheet (naming the sheets
 *   found).
 * @example
 * await forEachWorkbookRow('annex-a.xlsx', { sheet: 'List 3' }, { header: console.log, row: console.log });
 * //=> { sheet: 'List 3', sheets: ['List 1', …], date1904: false }
 */
export async function forEachWorkbookRow(
  input: string | Readable,
  options: ReadWorkbookRowsOptions,
  visitor: WorkbookVisitor,
): Promise<WorkbookSheetInfo> {
  // exceljs is loaded only when a workbook is read: it costs about 0.2 s, which a CSV run should not pay.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    if (typeof input === 'string') await workbook.xlsx.readFile(input);
    else await workbook.xlsx.read(input);
  } catch (error) {
    throw new WorkbookError(describeZipError(error));
  }
  const sheets = workbook.worksheets as unknown as readonly SheetLike[];
  const names = sheets.map((sheet) => sheet.name);
  if (names.length === 0) {
    throw new WorkbookError('no worksheets found: it is not an Excel workbook (.xlsx) with a sheet to read');
  }
  const target = chooseSheet(names, options);
  const sheet = sheets.find((candidate) => candidate.name === target);
  if (sheet === undefined) throw missingSheet(names, options);
  const date1904 = workbook.properties?.date1904 === true;
  readSheet(
    sheet,
    {
      isHeader: matcherOf(options.headers),
      isDateHeader: matcherOf(options.dateColumns) ?? (() => false),
      date1904,
    },
    visitor,
  );
  return { sheet: sheet.name, sheets: names, date1904 };
}

function readSheet(
  sheet: SheetLike,
  how: { isHeader: Matcher | undefined; isDateHeader: Matcher; date1904: boolean },
  visitor: WorkbookVisitor,
): void {
  let dateColumn: boolean[] | undefined;
  const waiting: { cells: unknown[]; row: number }[] = [];
  const texts = (values: readonly unknown[]): string[] =>
    values.map((value, index) => cellText(value, dateColumn?.[index] === true, how.date1904));
  const startWith = (headerCells: readonly string[], headerRow: number): void => {
    dateColumn = headerCells.map((header) => how.isDateHeader(header));
    visitor.header(headerCells, headerRow);
  };
  const settle = (): void => {
    // No header among the first rows: the first row is taken as the header, and the reader says what is missing.
    const [first, ...rest] = waiting;
    waiting.length = 0;
    if (first === undefined) return;
    startWith(texts(first.cells), first.row);
    for (const { cells, row } of rest) visitor.row(texts(cells), row);
  };
  sheet.eachRow({ includeEmpty: false }, (sheetRow, rowNumber) => {
    // `values` is 1-based (index 0 is empty), with holes for empty cells.
    const values = Array.isArray(sheetRow.values) ? (sheetRow.values as unknown[]) : [];
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => values[i + 1]);
    if (dateColumn !== undefined) {
      const row = texts(cells);
      if (!isBlankRow(row)) visitor.row(row, rowNumber);
      return;
    }
    const asText = cells.map((value) => cellText(value, false, how.date1904));
    if (isBlankRow(asText)) return;
    const isHeader = how.isHeader;
    if (isHeader === undefined || asText.filter((cell) => cell.trim() !== '' && isHeader(cell)).length >= 2) {
      waiting.length = 0;
      startWith(asText, rowNumber);
      return;
    }
    waiting.push({ cells, row: rowNumber });
    if (waiting.length >= HEADER_SEARCH_ROWS) settle();
  });
  if (dateColumn === undefined) {
    if (waiting.length === 0) visitor.header([], 0);
    else settle();
  }
}

/**
 * Reads one sheet of an Excel workbook (.xlsx) as rows of text, with exceljs: the sheet by name
 * (ignoring case, spaces and punctuation: `list3`, `List_3` and `List 3` are one name) or by number; the header
 * row found below any title rows (the first with two of the expected headers); blank rows, such as the empty rows
 * a sheet often ends with, left out. Date cells become their calendar date, `YYYY-MM-DD` (the UTC date exceljs
 * gives, so no time-zone shift); a number in a date column is an Excel serial (serial 40298 is 2010-04-30, with
 * Excel's phantom 1900-02-29 and the 1904 system handled); formulas give their result and rich text its text.
 *
 * @param path - the workbook.
 * @param options - `sheet` (default: the first of `sheetNames` found, else the first sheet), `sheetNames`,
 *   `headers` (default: the first row that is not blank is the header), `dateColumns` (default none).
 * @returns the sheet's name, every sheet's name, the date system, the header and the rows.
 * @throws {InputError} naming the file (one `unreadable` issue) when it cannot be opened, is not a workbook, is cut
 *   short, or has no such sheet (the message names the sheets found).
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
  let header: readonly string[] = [];
  let headerRow = 0;
  const rows: WorkbookRow[] = [];
  try {
    const stream = createReadStream(path);
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    const info = await forEachWorkbookRow(stream, options, {
      header(cells, row) {
        header = cells;
        headerRow = row;
      },
      row(cells, row) {
        rows.push({ row, cells });
      },
    });
    return { ...info, headerRow, header, rows };
  } catch (error) {
    const reason =
      error instanceof WorkbookError
        ? error.message
        : `cannot read the file: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error)}`;
    throw new InputError([
      { code: 'unreadable', row: 0, field: null, value: null, message: reason, file: path },
    ]);
  }
}
