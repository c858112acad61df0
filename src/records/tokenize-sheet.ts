/**
 * Stage 3 for Excel workbooks (.xlsx) with the core's workbook module: one sheet's rows of cells, numbered as Excel
 * numbers them, read as the sheet is unzipped. Dialect only: which sheet, and each cell as text (a date cell as its
 * date, `YYYY-MM-DD`), a number, or a formula whose value was never saved. Browser-safe: the browser page reads
 * workbooks with it.
 * @module
 */

import { CELL_NONE, CELL_TEXT } from '../workbook/cell-kinds.js';
import { WorkbookError } from '../workbook/errors.js';
import { openWorkbook, type SheetCell, type WorkbookReader } from '../workbook/read-workbook.js';
import { columnName } from '../workbook/references.js';
import type { SheetBytesRow } from '../workbook/sheet-bytes.js';
import {
  chooseSheet,
  emptySheetMessage,
  missingSheetMessage,
  type WorkbookSheetOptions,
} from './sheet-choice.js';
import type { Cell, RowSink } from './stages.js';

/** The sheet a workbook tokenizer read. */
export interface SheetRead {
  /** Its name. */
  readonly sheet: string;
  /** Every sheet's name, in the workbook's order. */
  readonly sheets: readonly string[];
  /** Whether the workbook counts days from 1904. */
  readonly date1904: boolean;
}

/**
 * One cell of the workbook module as the reading path's {@link Cell}: text (a date cell as its date, a boolean as
 * `TRUE` or `FALSE`, an error as Excel shows it, an empty cell as ''), a number, a formula without a value, or an
 * ISO date cell of a day before the workbook's date system (its day and address).
 *
 * @param cell - the module's cell.
 * @param column - its 0-based column.
 * @param row - its row, as Excel numbers it.
 * @returns the cell.
 * @example
 * sheetCellOf({ kind: 'date', serial: 40298, date: '2010-04-30' }, 2, 5) //=> '2010-04-30'
 * sheetCellOf({ kind: 'formula', formula: 'A1+1' }, 2, 5) //=> { formula: 'A1+1', address: 'C5' }
 * sheetCellOf({ kind: 'date', serial: -245, date: null, written: '1903-05-01' }, 2, 5)
 * //=> { written: '1903-05-01', address: 'C5' }
 */
export function sheetCellOf(cell: SheetCell, column: number, row: number): Cell {
  if (cell === null) return '';
  if (typeof cell === 'string' || typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell.kind === 'date') {
    if (cell.date !== null) return cell.date;
    // An ISO date cell of a day before the date system's: the day it writes, for the shape stage to name.
    return cell.written === undefined
      ? String(cell.serial)
      : { written: cell.written, address: `${columnName(column)}${row}` };
  }
  if (cell.kind === 'formula') return { formula: cell.formula, address: `${columnName(column)}${row}` };
  return cell.error;
}

/**
 * A sink that may take a sheet's rows from the sheet's bytes, before their cells are made (internal: the reading
 * path's sheet lane, keeping records as day columns). {@link tokenizeSheet} offers it each row that is not blank
 * first; a row it takes is handed on, never given to `row`.
 */
export interface SheetBytesSink {
  /** Whether it takes rows from their bytes in this read at all (when false, none is offered). */
  readonly takesBytes: boolean;
  /**
   * @param row - the row as the sheet's scanner read it (valid during the call only).
   * @param line - its number.
   * @returns true when it took the row; false, and the row's cells follow to `row` as ever.
   */
  bytesRow(row: SheetBytesRow, line: number): boolean;
}

/** Whether every cell of a row read from its bytes is blank as {@link tokenizeSheet} judges its cells. */
function isBlankBytesRow(row: SheetBytesRow): boolean {
  for (let column = 0; column < row.width; column++) {
    const kind = row.kinds[column];
    if (kind === CELL_NONE) continue;
    if (kind === CELL_TEXT) {
      // ASCII: trim() takes away tab, line feed, vertical tab, form feed, carriage return and space.
      const bytes = row.bytes;
      for (let at = row.starts[column] as number; at < (row.ends[column] as number); at++) {
        const code = bytes[at] as number;
        if (code !== 32 && (code < 9 || code > 13)) return false;
      }
      continue;
    }
    const cell = sheetCellOf(row.cell(column), column, 0);
    if (typeof cell !== 'string' || cell.trim() !== '') return false;
  }
  return true;
}

/** Why a workbook cannot be opened, in a sentence. */
function unreadable(error: unknown): string {
  return `it cannot be read as an Excel workbook (.xlsx): ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Tokenizes one sheet of an Excel workbook with the core's workbook module: finds the sheet (as `chooseSheet`
 * does), gives the workbook's date system (`dateSystem`, `1900` or `1904`) and the sheet's name (`sheet`) as file
 * values, then each row that is not blank as cells from column A: text (a date cell as its calendar date, a boolean
 * as `TRUE` or `FALSE`, an error as Excel shows it), a number, or a formula whose value was never saved. A workbook
 * that is not one, is cut short or damaged, lacks the sheet, or whose sheet is empty refuses the input, saying why.
 *
 * @param bytes - the workbook's bytes.
 * @param options - `sheet`, `sheetNames`, `firstSheetOtherwise`.
 * @param sink - the next stage.
 * @returns the sheet read, or undefined when the input was refused.
 * @example
 * await tokenizeSheet(bytes, { sheetNames: ['List 3', 'Referrals'] }, sink)
 * //=> { sheet: 'List_3', sheets: ['Cover', 'List_3', …], date1904: false }
 */
export async function tokenizeSheet(
  bytes: Uint8Array,
  options: WorkbookSheetOptions,
  sink: RowSink,
): Promise<SheetRead | undefined> {
  const refuse = (message: string): undefined => {
    sink.refuse(message);
    sink.end();
    return undefined;
  };
  let workbook: WorkbookReader;
  try {
    workbook = await openWorkbook(bytes);
  } catch (error) {
    return refuse(unreadable(error));
  }
  const names = workbook.sheets.map((sheet) => sheet.name);
  const target = chooseSheet(names, options);
  if (target === undefined) return refuse(missingSheetMessage(names, options));
  sink.fileValue('dateSystem', workbook.date1904 ? '1904' : '1900');
  sink.fileValue('sheet', target);
  let rows = 0;
  const handed = new RowSet();
  const bytesSink =
    (sink as Partial<SheetBytesSink>).takesBytes === true ? (sink as RowSink & SheetBytesSink) : undefined;
  // A row taken from its bytes is counted and noted as handed on, as one given to `row` below.
  const onBytesRow =
    bytesSink === undefined
      ? undefined
      : (row: SheetBytesRow, number: number): boolean => {
          if (isBlankBytesRow(row) || !bytesSink.bytesRow(row, number)) return false;
          rows++;
          handed.add(number);
          return true;
        };
  let merged: readonly string[];
  try {
    ({ merged } = await workbook.readSheet(
      names.indexOf(target) + 1,
      (sheetCells, row) => {
        // The module hands each row a new array of its own: its cells become the reading path's in place (a text
        // cell, the usual one, is already one), rather than copied into another array.
        const cells = sheetCells as unknown as Cell[];
        const count = sheetCells.length;
        let blank = true;
        for (let column = 0; column < count; column++) {
          const sheetCell = sheetCells[column];
          const cell =
            typeof sheetCell === 'string' ? sheetCell : sheetCellOf(sheetCell ?? null, column, row);
          if (cell !== sheetCell) cells[column] = cell;
          if (blank && (typeof cell !== 'string' || cell.trim() !== '')) blank = false;
        }
        if (blank) return;
        rows++;
        handed.add(row);
        sink.row(cells, row);
      },
      onBytesRow,
    ));
  } catch (error) {
    // A damaged sheet refuses the input; an error of the next stages is a bug, and passes unchanged.
    if (!(error instanceof WorkbookError)) throw error;
    return refuse(unreadable(error));
  }
  if (rows === 0) return refuse(emptySheetMessage(target, names));
  const mergedDown = merged.filter((range) => mergesDownOverRows(range, handed));
  if (mergedDown.length > 0) return refuse(mergedDownMessage(target, mergedDown));
  sink.end();
  return { sheet: target, sheets: names, date1904: workbook.date1904 };
}

/** Row numbers as a growing bitmap: a sheet's rows are up to 1,048,576, so a byte each at most. */
class RowSet {
  private bits = new Uint8Array(1024);

  add(row: number): void {
    if (row >= this.bits.length) {
      const grown = new Uint8Array(Math.max(this.bits.length * 2, row + 1));
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[row] = 1;
  }

  has(row: number): boolean {
    return this.bits[row] === 1;
  }
}

// A range as a <mergeCell> writes it: `E2:E4`.
const RANGE = /^\$?[A-Za-z]{1,3}\$?(\d+):\$?[A-Za-z]{1,3}\$?(\d+)$/;

/**
 * Whether a merged range reaches down over a row handed on below its first: Excel keeps the value in the range's
 * first cell only, so that row would be read with the column empty (a team merged over three children's rows
 * leaves two of them with no team).
 */
function mergesDownOverRows(range: string, handed: RowSet): boolean {
  const match = RANGE.exec(range);
  if (match === null) return false;
  const first = Number(match[1]);
  const last = Number(match[2]);
  for (let row = first + 1; row <= last; row++) if (handed.has(row)) return true;
  return false;
}

/** The refusal of a sheet with cells merged down over rows read. */
function mergedDownMessage(sheet: string, ranges: readonly string[]): string {
  const shown = ranges.slice(0, 5).join(', ') + (ranges.length > 5 ? ` and ${ranges.length - 5} more` : '');
  return (
    `the sheet ${JSON.stringify(sheet)} has cells merged down over rows that hold records (${shown}): Excel keeps a ` +
    "merged cell's value in its first row only, so the rows below it would be read with that column empty. " +
    'Unmerge the cells and fill the value down (Home, Merge & Center, Unmerge Cells), then save the workbook again'
  );
}
