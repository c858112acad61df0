/**
 * The exceljs workbook tokenizer the CLI used before the core's workbook module was wired in, kept for the tests
 * only: it reads the same bytes by an independent route, so that the module's records can be compared with it
 * (exceljs is a dev dependency). Copied from src/node/read-workbook.ts as it was before the switch.
 */
import {
  chooseSheet,
  emptySheetMessage,
  missingSheetMessage,
  type WorkbookSheetOptions,
} from '../../src/records/sheet-choice.js';
import type { Cell, RowSink } from '../../src/records/stages.js';

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

/** One sheet of a workbook through exceljs, loaded whole: the rows the core's `tokenizeSheet` should give. */
export async function tokenizeWithExceljs(
  bytes: Uint8Array,
  options: WorkbookSheetOptions,
  sink: RowSink,
): Promise<unknown> {
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
