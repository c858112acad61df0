/**
 * The hot path of reading a workbook: one sheet's XML, cell by cell, into rows of {@link SheetCell}s.
 * @module
 */
import { parseIsoDay, toDayNumber } from '../util/dates.js';
import { WorkbookError } from './errors.js';
import type { DateCell, ListedSheet, SheetCell, SheetRowHandler } from './read-workbook.js';
import { columnName } from './references.js';
import { serialToIsoDate } from './serials.js';
import type { SheetBytesRow } from './sheet-bytes.js';
import { decodeXmlEntities, type XmlHandler } from './xml.js';

/** The largest column Excel has (XFD). */
const MAX_COLUMNS = 16_384;
/** Date cells of one serial share one object; past this many different serials, new ones are made. */
const MAX_SHARED_DATES = 1 << 16;
/** The day number of 1900-03-01, serial 61 in the 1900 system. */
const MARCH_1900 = toDayNumber('1900-03-01');

/** Excel's escape of characters XML cannot hold: `_x000D_` is a carriage return, `_x005F_` an underscore. */
// The range of a <mergeCell>: `ref="E2:E4"`.
const MERGE_REF = /\bref\s*=\s*["']([^"']*)["']/;
const ESCAPED_CHARACTER = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Undoes Excel's `_xHHHH_` escapes.
 * @param text - a cell's text as stored.
 * @returns the text as shown.
 * @example
 * unescapeText('a_x000D_b') //=> 'a\rb'
 */
export function unescapeText(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(ESCAPED_CHARACTER, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** What the sheet handler needs besides the sheet's XML. */
export interface SheetContext {
  readonly sheet: ListedSheet;
  readonly strings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
  readonly onRow: SheetRowHandler;
  /**
   * Given first each row {@link SheetRowScanner} reads from its bytes, before any cell of it is made: true when it
   * took the row, which `onRow` then never sees; false, and the row's cells are made and handed to `onRow` as ever.
   * Optional (internal: the reading path's sheet lane, which keeps records as day columns).
   */
  readonly onBytesRow?: ((row: SheetBytesRow, number: number) => boolean) | undefined;
}

// Cell types (`t`), as small numbers (the sheet scanner's too).
/** `t="n"` or none: a number. */
export const TYPE_NUMBER = 0;
/** `t="s"`: a shared string. */
export const TYPE_SHARED = 1;
/** `t="inlineStr"`: inline text. */
export const TYPE_INLINE = 2;
/** `t="str"`: a formula's text result. */
export const TYPE_TEXT = 3;
/** `t="b"`: a boolean. */
export const TYPE_BOOLEAN = 4;
/** `t="e"`: an error. */
export const TYPE_ERROR = 5;
const TYPE_DATE = 6;
const TYPE_UNKNOWN = 7;

// What the text being gathered is.
const CAPTURE_NONE = 0;
const CAPTURE_VALUE = 1;
const CAPTURE_FORMULA = 2;
const CAPTURE_INLINE = 3;

const CHAR_C = 99;
const CHAR_V = 118;
const CHAR_F = 102;
const CHAR_T = 116;
/** The one-letter name of the element each capture reads (`v`, `f`, `t`), by capture. */
const CAPTURED_NAME: readonly number[] = [0, CHAR_V, CHAR_F, CHAR_T];
const CHAR_R = 114;
const CHAR_S = 115;
const CHAR_I = 105;
const CHAR_QUOTE = 34;
const CHAR_APOSTROPHE = 39;
const CHAR_COLON = 58;
const LESS_THAN = 60;
const EQUALS = 61;
const GREATER_THAN = 62;
const SLASH = 47;

/** Whether `source` holds `pattern` at `at` (compared code by code: cheaper than `startsWith` here). */
function holds(source: string, at: number, pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++)
    if (source.charCodeAt(at + i) !== pattern.charCodeAt(i)) return false;
  return true;
}

/**
 * The position of the next `code` in `source` from `from`, or -1: a plain loop, cheaper than `indexOf` over the
 * few characters of a cell's attribute or value.
 */
function nextCode(source: string, code: number, from: number): number {
  const length = source.length;
  for (let at = from; at < length; at++) if (source.charCodeAt(at) === code) return at;
  return -1;
}

/** The type code of a cell's `t` attribute, from `start` to `end` of `source`. */
function typeOf(source: string, start: number, end: number): number {
  const length = end - start;
  const first = source.charCodeAt(start);
  if (length === 1) {
    if (first === CHAR_S) return TYPE_SHARED;
    if (first === 110) return TYPE_NUMBER; // n
    if (first === 98) return TYPE_BOOLEAN; // b
    if (first === 101) return TYPE_ERROR; // e
    if (first === 100) return TYPE_DATE; // d
  }
  // The two longer types differ in length and first letter: `str` and `inlineStr`.
  if (length === 3 && first === CHAR_S && holds(source, start, 'str')) return TYPE_TEXT;
  if (length === 9 && first === CHAR_I && source.charCodeAt(start + 6) === 83) return TYPE_INLINE; // inline S
  return TYPE_UNKNOWN;
}

/** Whether the end tag named from `start` (`length` long, first code `first`) ends a cell, an inline text or a row. */
function isPhoneticEnd(source: string, start: number, length: number, first: number): boolean {
  if (length === 1) return first === CHAR_C;
  if (length === 2) return first === CHAR_I && source.charCodeAt(start + 1) === CHAR_S;
  return length === 3 && first === CHAR_R && holds(source, start, 'row');
}

/**
 * The sheet's XML, row by row: the hot path of reading a workbook. It reads names and attributes where they lie
 * in the tokenizer's text: no string is made for a tag, only for a value.
 */
export class SheetHandler implements XmlHandler {
  wantsText = false;
  rows = 0;
  /** The sheet's merged ranges (`<mergeCell ref="E2:E4"/>`, after its rows), as written: `E2:E4`. */
  readonly merged: string[] = [];
  private rowNumber = 0;
  private inRow = false;
  /** Whether a cell's start tag was read and its end not yet (on the tag-by-tag path). */
  private inCell = false;
  private cells: SheetCell[] = [];
  private hasValue = false;
  private column = -1;
  private style = 0;
  private type = TYPE_NUMBER;
  private typeText = '';
  private value: string | null = null;
  private formula: string | null = null;
  private inline: string | null = null;
  private capture = '';
  private capturing = CAPTURE_NONE;
  private phonetic = 0;
  private readonly dates = new Map<number, DateCell>();
  // The attribute {@link SheetHandler.nextAttribute} found last.
  private foundName = 0;
  private foundStart = 0;
  private foundEnd = 0;

  constructor(private readonly context: SheetContext) {}

  open(source: string, nameStart: number, nameEnd: number, end: number, selfClosing: boolean): number {
    // A value, formula or text holds text only: a tag inside one is damaged markup (an end tag left out), which
    // must be refused here, not read one way or another as the tokenizer's chunks happen to fall.
    if (this.capturing !== CAPTURE_NONE) throw this.leftOpen(source.slice(nameStart, nameEnd), false);
    const length = nameEnd - nameStart;
    const first = source.charCodeAt(nameStart);
    if (length === 1) {
      if (first === CHAR_C) {
        // A cell outside a row, or inside another cell: an end tag left out (the values would go to no row, or
        // to the wrong cell).
        if (!this.inRow) {
          throw this.damaged(
            this.rowNumber === 0
              ? 'a cell before the first row'
              : 'a cell outside any row (after the row, before the next)',
          );
        }
        if (this.inCell) throw this.damaged('a cell inside this cell: its </c> is missing');
        if (this.phonetic !== 0) throw this.phoneticOpen('<c>');
        this.cellAttributes(source, nameEnd, end);
        this.inCell = true;
        return selfClosing ? -1 : this.simpleCell(source, end + 1);
      }
      if (first === CHAR_V) this.startCapture(CAPTURE_VALUE);
      else if (first === CHAR_F) this.startCapture(CAPTURE_FORMULA);
      else if (first === CHAR_T && this.inline !== null && this.phonetic === 0)
        this.startCapture(CAPTURE_INLINE);
    } else if (length === 3 && first === CHAR_R) {
      if (source.charCodeAt(nameStart + 1) === 111) {
        if (this.inRow) throw this.damaged(`a row inside row ${this.rowNumber}: its </row> is missing`);
        this.startRow(source, nameEnd, end);
      } else if (holds(source, nameStart, 'rPh')) this.phonetic++;
    } else if (length === 2 && first === CHAR_I && source.charCodeAt(nameStart + 1) === CHAR_S) {
      this.inline = '';
    } else if (length === 9 && holds(source, nameStart, 'mergeCell')) {
      const ref = MERGE_REF.exec(source.slice(nameEnd, end));
      if (ref?.[1] !== undefined) this.merged.push(ref[1]);
    }
    return -1;
  }

  /**
   * Reads the contents of a cell written the usual way, `<v>…</v></c>` or `<is><t>…</t></is></c>`, in one go,
   * from `from` (after the cell's start tag): the position after `</c>`, or -1 to let the tokenizer go tag by tag
   * (another shape, a prefix, or a cell cut by the end of the chunk).
   */
  private simpleCell(source: string, from: number): number {
    if (source.charCodeAt(from) !== LESS_THAN) return -1;
    const second = source.charCodeAt(from + 1);
    if (second === CHAR_V && source.charCodeAt(from + 2) === GREATER_THAN) {
      // <v>…</v></c>
      const textEnd = nextCode(source, LESS_THAN, from + 3);
      if (
        textEnd < 0 ||
        source.charCodeAt(textEnd + 1) !== SLASH ||
        source.charCodeAt(textEnd + 2) !== CHAR_V ||
        source.charCodeAt(textEnd + 3) !== GREATER_THAN ||
        !this.isCellEnd(source, textEnd + 4)
      ) {
        return -1;
      }
      this.value = decodeXmlEntities(source.slice(from + 3, textEnd));
      this.endCell();
      return textEnd + 8;
    }
    if (
      second === CHAR_I &&
      source.charCodeAt(from + 2) === CHAR_S &&
      source.charCodeAt(from + 3) === GREATER_THAN &&
      source.charCodeAt(from + 4) === LESS_THAN &&
      source.charCodeAt(from + 5) === CHAR_T &&
      source.charCodeAt(from + 6) === GREATER_THAN
    ) {
      // <is><t>…</t></is></c>
      const textEnd = nextCode(source, LESS_THAN, from + 7);
      if (textEnd < 0 || !holds(source, textEnd, '</t></is>') || !this.isCellEnd(source, textEnd + 9))
        return -1;
      this.inline = decodeXmlEntities(source.slice(from + 7, textEnd));
      this.endCell();
      return textEnd + 13;
    }
    return -1;
  }

  /** Whether `</c>` stands at `at`. */
  private isCellEnd(source: string, at: number): boolean {
    return (
      source.charCodeAt(at) === LESS_THAN &&
      source.charCodeAt(at + 1) === SLASH &&
      source.charCodeAt(at + 2) === CHAR_C &&
      source.charCodeAt(at + 3) === GREATER_THAN
    );
  }

  close(source: string, nameStart: number, nameEnd: number): void {
    const length = nameEnd - nameStart;
    const first = source.charCodeAt(nameStart);
    if (this.capturing !== CAPTURE_NONE && (length !== 1 || first !== CAPTURED_NAME[this.capturing])) {
      throw this.leftOpen(source.slice(nameStart, nameEnd), true);
    }
    if (this.phonetic !== 0 && isPhoneticEnd(source, nameStart, length, first)) {
      throw this.phoneticOpen(`</${source.slice(nameStart, nameEnd)}>`);
    }
    if (length === 1) {
      if (first === CHAR_C) this.endCell();
      else if (
        (first === CHAR_V || first === CHAR_F || first === CHAR_T) &&
        this.capturing !== CAPTURE_NONE
      ) {
        if (this.capturing === CAPTURE_VALUE) this.value = this.capture;
        else if (this.capturing === CAPTURE_FORMULA) this.formula = this.capture;
        else this.inline = (this.inline ?? '') + this.capture;
        this.capturing = CAPTURE_NONE;
        this.wantsText = false;
      }
    } else if (length === 3 && first === CHAR_R) {
      if (source.charCodeAt(nameStart + 1) === 111) {
        if (this.inCell) throw this.damaged('a cell left open: </row> comes before its </c>');
        this.endRow();
      } else if (holds(source, nameStart, 'rPh')) {
        if (this.phonetic === 0) throw this.damaged('a </rPh> with no phonetic run open');
        this.phonetic--;
      }
    }
  }

  text(text: string): void {
    this.capture += text;
  }

  private startCapture(what: number): void {
    this.capturing = what;
    this.capture = '';
    this.wantsText = true;
  }

  /**
   * The bounds of the next attribute of a tag from `at` to `to`, into {@link SheetHandler.found}: its one-letter
   * name's code (0 for a longer name), where its value starts and ends. False when there is none.
   */
  private nextAttribute(source: string, at: number, to: number): boolean {
    const equals = source.indexOf('=', at);
    if (equals < 0 || equals >= to) return false;
    let nameEnd = equals;
    while (source.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
    let open = equals + 1;
    while (source.charCodeAt(open) <= 32) open++;
    const quote = source.charCodeAt(open);
    const close = source.indexOf(quote === CHAR_APOSTROPHE ? "'" : '"', open + 1);
    if ((quote !== CHAR_QUOTE && quote !== CHAR_APOSTROPHE) || close < 0 || close > to) return false;
    const before = source.charCodeAt(nameEnd - 2);
    // A one-letter name: preceded by whitespace (or a namespace prefix's colon).
    this.foundName = before <= 32 || before === CHAR_COLON ? source.charCodeAt(nameEnd - 1) : 0;
    this.foundStart = open + 1;
    this.foundEnd = close;
    return true;
  }

  private startRow(source: string, from: number, to: number): void {
    let number = -1;
    let text = '';
    for (let at = from; this.nextAttribute(source, at, to); at = this.foundEnd + 1) {
      if (this.foundName === CHAR_R) {
        text = source.slice(this.foundStart, this.foundEnd);
        number = Number(text);
      }
    }
    this.rowNumber = number === -1 ? this.rowNumber + 1 : number;
    if (!Number.isInteger(this.rowNumber) || this.rowNumber < 1) {
      throw this.damaged(`a row numbered ${JSON.stringify(text)}`);
    }
    this.cells = [];
    this.hasValue = false;
    this.column = -1;
    this.inRow = true;
  }

  /** Reads a cell's `r`, `s` and `t` where they lie (their values are plain tokens: no entity to decode). */
  private cellAttributes(source: string, from: number, to: number): void {
    this.startCell();
    for (let at = from; this.nextAttribute(source, at, to); at = this.foundEnd + 1) {
      this.cellAttribute(source, this.foundName, this.foundStart, this.foundEnd);
    }
  }

  private startCell(): void {
    this.column++;
    this.clearCell();
  }

  /** Clears what the last cell held: its style, type, value, formula and inline text. */
  private clearCell(): void {
    this.style = 0;
    this.type = TYPE_NUMBER;
    this.typeText = '';
    this.value = null;
    this.formula = null;
    this.inline = null;
  }

  /** Takes one attribute of a cell: `name` is its one-letter name's code (0 for another). */
  private cellAttribute(source: string, name: number, start: number, end: number): void {
    if (name === CHAR_R) {
      // The column's letters, read in place: A is 0, Z 25, AA 26.
      let letters = 0;
      let i = start;
      for (; i < end; i++) {
        const code = source.charCodeAt(i) | 32;
        if (code < 97 || code > 122) break;
        letters = letters * 26 + (code - 96);
      }
      if (i === start || letters > MAX_COLUMNS) {
        this.column = -1; // the message names the row: the reference itself is at fault
        throw this.damaged(`a cell with the reference ${JSON.stringify(source.slice(start, end))}`);
      }
      this.column = letters - 1;
    } else if (name === CHAR_S) {
      let style = 0;
      for (let i = start; i < end; i++) style = style * 10 + (source.charCodeAt(i) - 48);
      this.style = style;
    } else if (name === CHAR_T) {
      this.type = typeOf(source, start, end);
      if (this.type === TYPE_UNKNOWN) this.typeText = source.slice(start, end);
    }
  }

  /**
   * The fast path for `<c …>` in its usual shape (attributes in double quotes, then `<v>…</v></c>` or
   * `<is><t>…</t></is></c>`): the whole cell read here, without the tokenizer's tag events.
   */
  readonly element = (source: string, lt: number): number => {
    // Anything but a cell in a row, outside any other cell and phonetic run, goes tag by tag (which refuses it).
    if (
      source.charCodeAt(lt + 1) !== CHAR_C ||
      this.capturing !== CAPTURE_NONE ||
      !this.inRow ||
      this.inCell ||
      this.phonetic !== 0
    ) {
      return -1;
    }
    let at = lt + 2;
    if (source.charCodeAt(at) > 32 && source.charCodeAt(at) !== GREATER_THAN) return -1;
    const column = this.column;
    this.startCell();
    for (;;) {
      let code = source.charCodeAt(at);
      while (code === 32) code = source.charCodeAt(++at);
      if (code === GREATER_THAN) break;
      // name="value": a one-letter name, or another that is skipped; anything else goes tag by tag.
      let nameEnd = at;
      for (
        let c = code;
        c > 32 && c !== EQUALS && c !== GREATER_THAN && c !== SLASH && c !== CHAR_APOSTROPHE;
      ) {
        c = source.charCodeAt(++nameEnd);
      }
      const close =
        nameEnd > at && source.charCodeAt(nameEnd) === EQUALS && source.charCodeAt(nameEnd + 1) === CHAR_QUOTE
          ? nextCode(source, CHAR_QUOTE, nameEnd + 2)
          : -1;
      if (close < 0) {
        this.column = column;
        return -1;
      }
      // A one-letter name, or a prefixed one (`x:r`), as nextAttribute reads them on the tag-by-tag path.
      const name =
        nameEnd - at === 1
          ? code
          : source.charCodeAt(nameEnd - 2) === CHAR_COLON
            ? source.charCodeAt(nameEnd - 1)
            : 0;
      this.cellAttribute(source, name, nameEnd + 2, close);
      at = close + 1;
      // An attribute not set off by a space (`s="1"t="s"`) is left to the tag-by-tag path, which reads it so
      // wherever the chunk ends.
      const next = source.charCodeAt(at);
      if (next !== 32 && next !== GREATER_THAN) {
        this.column = column;
        return -1;
      }
    }
    // A `<` inside the tag, even in a quoted value (which XML does not allow), goes tag by tag, which refuses it.
    const lessThan = source.indexOf('<', lt + 1);
    if (lessThan >= 0 && lessThan < at) {
      this.column = column;
      return -1;
    }
    const after = this.simpleCell(source, at + 1);
    if (after < 0) this.column = column; // read again, tag by tag
    return after;
  };

  private endCell(): void {
    this.inCell = false;
    const cell = this.cellValue();
    if (cell === null) return;
    const cells = this.cells;
    while (cells.length < this.column) cells.push(null);
    cells[this.column] = cell;
    this.hasValue = true;
  }

  private endRow(): void {
    this.inRow = false;
    const { cells, hasValue } = this;
    this.forgetCells();
    if (hasValue) {
      this.rows++;
      this.context.onRow(cells, this.rowNumber);
    }
  }

  /**
   * Forgets the row's cells and the last cell's state once the row ends, so that nothing of one row reaches past it
   * (a stray `</c>` or `<t>` between rows finds no cell; a damaged row tag is named by its row, not by the last
   * cell of the row before), whichever path read the row.
   */
  private forgetCells(): void {
    // A row's cells are handed on with it: a new array for the next row, unless the last row placed none (a row the
    // scanner read never places any here).
    if (this.cells.length > 0) this.cells = [];
    this.hasValue = false;
    this.column = -1;
    this.clearCell();
  }

  /**
   * Whether the handler stands between rows, as at the start of `<sheetData>`: no row open, no text being gathered,
   * no phonetic run open. Only then may {@link SheetRowScanner} read a row in its place.
   */
  get betweenRows(): boolean {
    return !this.inRow && this.capturing === CAPTURE_NONE && this.phonetic === 0;
  }

  /** The number of the last row started: a row without `r` is the one after it. */
  get lastRowNumber(): number {
    return this.rowNumber;
  }

  /**
   * Takes a whole row read by {@link SheetRowScanner}, as `<row>…</row>` read here would end: its number becomes the
   * last row's, and when it holds a value it is counted and handed over.
   * @param number - the row's number.
   * @param cells - its cells from column A, as {@link SheetHandler.endCell} would have placed them.
   * @param hasValue - whether any cell holds a value.
   */
  takeRow(number: number, cells: SheetCell[], hasValue: boolean): void {
    this.rowNumber = number;
    this.forgetCells();
    if (hasValue) {
      this.rows++;
      this.context.onRow(cells, number);
    }
  }

  /**
   * Takes a whole row read by {@link SheetRowScanner} that holds a value and was taken by the context's
   * `onBytesRow`: as {@link SheetHandler.takeRow}, counted, but not handed to `onRow`.
   * @param number - the row's number.
   */
  passRow(number: number): void {
    this.rowNumber = number;
    this.forgetCells();
    this.rows++;
  }

  private cellValue(): SheetCell {
    const { type, value } = this;
    if (type === TYPE_INLINE) return this.inline === null ? null : unescapeText(this.inline);
    // A text formula's result may be '' (=IF(A1,"","x")): only a missing <v> means no result.
    if (type === TYPE_TEXT && value !== null) return unescapeText(value);
    if (value === null || value === '') {
      return this.formula === null ? null : { kind: 'formula', formula: this.formula };
    }
    switch (type) {
      case TYPE_NUMBER: {
        // A cell written "-0" is zero, not negative zero (as the sheet's byte scanner reads it).
        const read = Number(value);
        const number = read === 0 ? 0 : read;
        if (!Number.isFinite(number) || (number === 0 && value.trim() === '')) {
          throw this.damaged(`a number cell holding ${JSON.stringify(value)}`);
        }
        return this.context.dateStyles[this.style] === true ? this.dateOf(number) : number;
      }
      case TYPE_SHARED: {
        const text = this.context.strings[Number(value)];
        if (text === undefined)
          throw this.damaged(`a shared string numbered ${JSON.stringify(value)}, not in its table`);
        return text;
      }
      case TYPE_BOOLEAN:
        return value === '1' || value === 'true';
      case TYPE_ERROR:
        return { kind: 'error', error: value };
      case TYPE_DATE: {
        // An ISO 8601 date cell (strict Open XML): its serial is worked out for uniformity. Its date is read from its
        // digits, a real day or none: `Date.parse` would read 2010-02-30 as 2 March.
        const day = parseIsoDay(value.slice(0, 10));
        if (Number.isNaN(day)) throw this.damaged(`a date cell holding ${JSON.stringify(value)}`);
        // In the 1900 system a day before Lotus 1-2-3's 1900-02-29 (serial 60) is one serial fewer.
        const serial = day + (this.context.date1904 ? 24_107 : day < MARCH_1900 ? 25_568 : 25_569);
        const date = serialToIsoDate(serial, this.context.date1904);
        // A day before the date system's first: no day Excel shows, but the cell said which day it meant.
        if (date === null) return { kind: 'date', serial, date, written: value.slice(0, 10) };
        return { kind: 'date', serial, date };
      }
      default:
        throw this.damaged(`a cell of unknown type ${JSON.stringify(this.typeText)}`);
    }
  }

  /**
   * The date cell of a serial in a date style: one object per serial, shared (up to {@link MAX_SHARED_DATES}).
   * @param serial - the cell's number.
   * @returns its date cell.
   */
  dateOf(serial: number): DateCell {
    let date = this.dates.get(serial);
    if (date === undefined) {
      date = { kind: 'date', serial, date: serialToIsoDate(serial, this.context.date1904) };
      if (this.dates.size < MAX_SHARED_DATES) this.dates.set(serial, date);
    }
    return date;
  }

  /** The error of a cell's, inline text's or row's end met inside a phonetic run, whose `</rPh>` was left out. */
  private phoneticOpen(tag: string): WorkbookError {
    return this.damaged(`a phonetic run (<rPh>) left open: ${tag} comes before its </rPh>`);
  }

  /** The error of a tag met inside the value, formula or text being read, whose end tag was left out. */
  private leftOpen(name: string, closing: boolean): WorkbookError {
    const open = String.fromCharCode(CAPTURED_NAME[this.capturing] as number);
    return this.damaged(`a <${open}> left open: <${closing ? '/' : ''}${name}> comes before its </${open}>`);
  }

  private damaged(what: string): WorkbookError {
    const cell =
      this.column >= 0 ? ` cell ${columnName(this.column)}${this.rowNumber}` : ` row ${this.rowNumber}`;
    return new WorkbookError(
      `sheet ${JSON.stringify(this.context.sheet.name)} is damaged at${cell}: ${what}`,
    );
  }
}
