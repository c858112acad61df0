/**
 * The sheet lane: stages 4 and 5 (shape, check) for a workbook's rows in the usual shape, a record kind's columns (no
 * preset). It stands between the workbook tokenizer and the general shape stage, as a {@link RowSink}: rows before
 * the header, and the header, go to the shape stage; once the header is matched, each row of text cells (a number
 * as the shape stage writes it: a serial in a date column as its date) no wider than the header is read by the check
 * stage in place (`PlainRows.cells` of `check.ts`), and every row that is not utterly plain (a blank required cell, a
 * problem, a value the schema must decide, an end before its start, a key seen before, a row wider than the header,
 * a formula without a saved value) goes to the general shape and check stages for that row, so every issue is the
 * general path's own.
 *
 * Like the CSV lane (`fast-csv.ts`), the ids of the rows it keeps are checked all at once at the end: an id repeated
 * only among them is settled there (each later row left out with the general path's `duplicate_id`); when one is
 * given again by a row the general stages read, or the input is refused after rows were kept, it hands the whole
 * input back ({@link SheetLane.handedBack}), and the caller reads it again (by the lane with each row's key looked up
 * as it is read, or by the general path), discarding everything the lane had read.
 * @module
 */
import { parseIsoDay } from '../util/dates.js';
import { serialToIsoDate } from '../workbook/serials.js';
import type { SheetBytesRow } from '../workbook/sheet-bytes.js';
import type { PlainRows, SheetBytesText } from './check.js';
import { ID_GIVEN_TWICE } from './fast-csv.js';
import { cellText, type Shape } from './shape.js';
import type { Cell, RowProblem, RowSink } from './stages.js';
import { type SheetBytesSink, sheetCellOf } from './tokenize-sheet.js';

/** How many serials {@link SheetLane.day} remembers the day of, by their last bits (a power of two). */
const DAY_SLOTS = 4096;

/**
 * The sheet lane over the general shape stage. After `end`, when {@link SheetLane.handedBack} is true, what it gave
 * the next stages is to be discarded.
 * @example
 * const checker = createChecker('referral');
 * const shape = kindLayout('referral').shape(checker);
 * const dates = recordSpecs.referral.fields.map((field) => field.type === 'date');
 * const lane = new SheetLane(createShaper(shape, checker, { header: 'search' }), shape, plainRowReaderOf(checker), dates);
 * lane.row(['id', 'childId', 'referralDate'], 1); // the header, read by the shape stage
 * lane.row(['R1', 'C1', 40452], 2); // read in place: 40452 is 2010-10-01
 * lane.end();
 * lane.handedBack //=> false
 * checker.result({ file: 'r.xlsx', sha256: '', encoding: 'utf-8' }).records //=> [{ id: 'R1', childId: 'C1', referralDate: '2010-10-01' }]
 */
export class SheetLane implements RowSink, SheetBytesSink, SheetBytesText {
  /** Whether the lane's reading is to be discarded and the input read again (`reason` says why). */
  handedBack = false;
  /** Why it handed back, for tests and the performance guide. */
  reason = '';
  /** How many rows it read in place (the rest went to the general stages), for tests. */
  rowsInPlace = 0;
  private readonly sink: RowSink;
  private readonly shape: Shape;
  private readonly plainRows: PlainRows;
  private readonly fieldIsDate: readonly boolean[];
  /** The column of each field, once the header is matched. */
  private at: readonly number[] | undefined;
  /** The header's cells, once matched. */
  private width = 0;
  /** Whether each column holds a date field, once the header is matched. */
  private columnIsDate: boolean[] = [];
  private date1904 = false;
  /** A row's cells as text, when some are numbers (reused from row to row). */
  private readonly texts: string[] = [];
  /** The row {@link SheetLane.bytesRow} is reading. */
  private bytes: SheetBytesRow | undefined;
  /** The row's number, as {@link SheetLane.bytesRow} was given it. */
  private line = 0;
  /** The serials whose days {@link SheetLane.day} remembers, by slot (0 for none: serials from 1 are remembered). */
  private readonly daySerials = new Float64Array(DAY_SLOTS);
  private readonly days = new Float64Array(DAY_SLOTS);

  /**
   * @param sink - the general shape stage (the header, and rows that are not plain, go to it).
   * @param shape - the shape it wraps, which gives the column of each field and the header's width once matched.
   * @param plainRows - the check stage's reader of plain rows, and its check once they are read.
   * @param fieldIsDate - whether each field of the kind is a date (a number in its column is an Excel serial).
   */
  constructor(sink: RowSink, shape: Shape, plainRows: PlainRows, fieldIsDate: readonly boolean[]) {
    this.sink = sink;
    this.shape = shape;
    this.plainRows = plainRows;
    this.fieldIsDate = fieldIsDate;
  }

  row(cells: readonly Cell[], line: number): void {
    const at = this.at;
    if (at !== undefined && cells.length <= this.width) {
      const texts = this.textOf(cells);
      if (texts !== undefined && this.plainRows.cells(texts, at, line)) {
        this.rowsInPlace++;
        return;
      }
    }
    this.sink.row(cells, line);
    if (at === undefined) this.matched();
  }

  /** Whether it reads rows from the sheet's bytes: only when the records are kept as day columns. */
  get takesBytes(): boolean {
    return this.plainRows.bytes !== undefined;
  }

  /**
   * Reads a row from the sheet's bytes, before its cells are made, when the records are kept as day columns
   * (`PlainRows.bytes`): as {@link SheetLane.row} would read its cells in place. False, having changed nothing, for
   * any row it would not read in place or whose reading there is not plain: its cells are then made and given to
   * {@link SheetLane.row} as ever.
   */
  bytesRow(row: SheetBytesRow, line: number): boolean {
    const at = this.at;
    const read = this.plainRows.bytes;
    if (at === undefined || read === undefined || row.width > this.width) return false;
    this.bytes = row;
    this.line = line;
    if (!read(row, this, at, line)) return false;
    this.rowsInPlace++;
    return true;
  }

  /**
   * The day the text of the number in `column` of the row {@link SheetLane.bytesRow} is reading reads as, in a date
   * field's column: its serial's date (`cellText`) read by `parseIsoDay`; NaN when it has none.
   */
  day(column: number): number {
    const serial = (this.bytes as SheetBytesRow).numbers[column] as number;
    if (serial >= 1 && serial === Math.floor(serial)) {
      const slot = serial & (DAY_SLOTS - 1);
      if (this.daySerials[slot] === serial) return this.days[slot] as number;
      const day = this.dayOfSerial(serial);
      this.daySerials[slot] = serial;
      this.days[slot] = day;
      return day;
    }
    return this.dayOfSerial(serial);
  }

  /** The cell in `column` of the row {@link SheetLane.bytesRow} is reading, as the lane's text of it. */
  text(column: number): string | undefined {
    const row = this.bytes as SheetBytesRow;
    if (column >= row.width) return undefined;
    // As tokenizeSheet hands the cell on (sheetCellOf) and textOf reads it (a formula is never read from bytes).
    const cell = sheetCellOf(row.cell(column), column, this.line);
    return cellText(cell, this.columnIsDate[column] === true, this.date1904);
  }

  item(value: unknown, line: number): void {
    this.sink.item(value, line);
  }

  problem(problem: RowProblem): void {
    this.sink.problem(problem);
  }

  refuse(message: string): void {
    this.sink.refuse(message);
  }

  fileValue(name: string, value: unknown): void {
    if (name === 'dateSystem') {
      this.date1904 = value === '1904';
      // The days remembered are those of the other system's serials (a lane reads one workbook: never so far).
      this.daySerials.fill(0);
    }
    this.sink.fileValue(name, value);
  }

  end(): void {
    // The ids of the rows kept, checked all at once: a repeat among them is settled, another is the general path's.
    if (!this.plainRows.settle()) {
      this.handedBack = true;
      this.reason = ID_GIVEN_TWICE;
      return;
    }
    this.sink.end();
  }

  /** The day of a serial's date, as {@link SheetLane.day} gives it. */
  private dayOfSerial(serial: number): number {
    const date = serialToIsoDate(serial, this.date1904);
    return date === null ? Number.NaN : parseIsoDay(date);
  }

  /** Takes the columns once the shape stage has matched the header (a row handed to it may have been the header). */
  private matched(): void {
    const at = this.shape.plainColumns?.();
    if (at === undefined) return;
    this.at = at;
    this.width = this.shape.plainWidth?.() ?? 0;
    this.columnIsDate = new Array<boolean>(this.width).fill(false);
    at.forEach((column, field) => {
      if (column >= 0 && this.fieldIsDate[field] === true) this.columnIsDate[column] = true;
    });
  }

  /**
   * The row's cells as the shape stage's text (`cellText`: a number in a date column as its date, another as
   * written), or undefined when a cell holds a formula without a saved value (the shape stage judges it).
   */
  private textOf(cells: readonly Cell[]): readonly string[] | undefined {
    let count = 0;
    while (count < cells.length && typeof cells[count] === 'string') count++;
    if (count === cells.length) return cells as readonly string[];
    const texts = this.texts;
    texts.length = cells.length;
    for (let column = 0; column < cells.length; column++) {
      const cell = cells[column] as Cell;
      if (typeof cell === 'object') return undefined;
      texts[column] = cellText(cell, this.columnIsDate[column] === true, this.date1904);
    }
    return texts;
  }
}
