/**
 * The fast path of reading a sheet: its part's bytes read row by row, without decoding them to text and without an
 * XML event per tag. It must give exactly what the general path gives (the part decoded by {@link PartDecoder},
 * tokenized by {@link XmlTokenizer} and read by {@link SheetHandler}): a row in the usual shape is read here, from
 * its bytes; anything else (a namespace prefix, an entity or character reference, CDATA, a comment, a byte that is not
 * ASCII, single quotes, a formula, a cell that would be refused, …) is handed, as bytes, to the general path, which
 * reads it as it always has. `test/workbook/sheet-bytes.test.ts` holds the two paths to the same rows.
 * @module
 */

import { asciiText } from '../util/ascii-text.js';
import {
  CELL_DATE,
  CELL_ERROR,
  CELL_ESCAPED,
  CELL_FALSE,
  CELL_NONE,
  CELL_NUMBER,
  CELL_SHARED,
  CELL_TEXT,
  CELL_TRUE,
} from './cell-kinds.js';
import { PartDecoder } from './part-text.js';
import type { SheetCell } from './read-workbook.js';
import {
  type SheetContext,
  SheetHandler,
  TYPE_BOOLEAN,
  TYPE_ERROR,
  TYPE_INLINE,
  TYPE_NUMBER,
  TYPE_SHARED,
  TYPE_TEXT,
  unescapeText,
} from './sheet.js';
import { XmlTokenizer } from './xml.js';

/** The largest column Excel has (XFD). */
const MAX_COLUMNS = 16_384;
/** How many date cells {@link SheetRowScanner} remembers by their serial's last bits (a power of two). */
const DATE_SLOTS = 4096;
/** A row still cut by the end of the bytes past this size is handed to the general path, which holds it as text. */
const MAX_CARRY = 1 << 22;
/** Text longer than this is left to the general path (a string of it is made by other means there). */
const MAX_TEXT = 4096;
/**
 * Zero bytes kept after the bytes at hand, so that reading a little past them finds a byte that ends any shape
 * (reading past a typed array's end gives undefined and makes V8 drop the scanner's optimized code).
 */
const PAD = 16;

/** What {@link SheetRowScanner.row} returns when the row is not in the usual shape: the general path reads it. */
const UNUSUAL = -1;
/** What {@link SheetRowScanner.row} returns when the row runs past the bytes at hand: it is read again with more. */
const INCOMPLETE = -2;

// How the part is read: not known before its first two bytes (a UTF-16 byte-order mark sends it all to the
// general path), then row by row here, or all by the general path.
const UNDECIDED = 0;
const FAST = 1;
const GENERAL = 2;

const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const QUOTE = 34;
const AMPERSAND = 38;
const SLASH = 47;
const ZERO = 48;
const NINE = 57;
const LESS_THAN = 60;
const EQUALS = 61;
const GREATER_THAN = 62;
const MINUS = 45;
const UNDERSCORE = 95;
const COLON = 58;
const CHAR_B = 98;
const CHAR_C = 99;
const CHAR_E = 101;
const CHAR_I = 105;
const CHAR_N = 110;
const CHAR_O = 111;
const CHAR_R = 114;
const CHAR_S = 115;
const CHAR_T = 116;
const CHAR_V = 118;
const CHAR_W = 119;

// What each byte is to {@link SheetRowScanner.textEnd}: plain text, the `<` that ends the text, a byte that stops
// the fast path (not ASCII, `&`), a byte that makes the text CELL_ESCAPED (`_`, a carriage return), or a zero (the
// bytes at hand are followed by zeros).
const TEXT_PLAIN = 0;
const TEXT_END = 1;
const TEXT_STOP = 2;
const TEXT_ESCAPED = 3;
const TEXT_ZERO = 4;
const TEXT_BYTES = (() => {
  const kinds = new Uint8Array(256);
  kinds.fill(TEXT_STOP, 0x80);
  kinds[0] = TEXT_ZERO;
  kinds[LESS_THAN] = TEXT_END;
  kinds[AMPERSAND] = TEXT_STOP;
  kinds[UNDERSCORE] = TEXT_ESCAPED;
  kinds[CARRIAGE_RETURN] = TEXT_ESCAPED;
  return kinds;
})();

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
const VALUE_END = bytesOf('</v></c>');
const INLINE_START = bytesOf('<is><t>');
const INLINE_END = bytesOf('</t></is></c>');
const ROW_END = bytesOf('</row>');
const TRUE = bytesOf('true');

/** The four bytes of `text` as one little-endian word, as {@link DataView.getUint32} reads them (`true`). */
function wordOf(text: string): number {
  const b = bytesOf(text);
  return (
    ((b[0] as number) | ((b[1] as number) << 8) | ((b[2] as number) << 16) | ((b[3] as number) << 24)) >>> 0
  );
}
const SPACE_R = wordOf(' r="');
const SPACE_S = wordOf(' s="');
const SPACE_T = wordOf(' t="');
const INLI = wordOf('inli');
const NEST = wordOf('neSt');
const LT_IS_GT = wordOf('<is>');
const LT_SLASH_T_GT = wordOf('</t>');
const LT_SLASH_IS = wordOf('</is');
const GT_LT_SLASH_C = wordOf('></c');
const LT_SLASH_V_GT = wordOf('</v>');
const LT_SLASH_C_GT = wordOf('</c>');

/**
 * Whether every byte is ASCII: read four at a time, the bytes before the first four-byte boundary and after the
 * last one by one.
 *
 * @param bytes - any bytes.
 * @returns true when no byte is 0x80 or above.
 * @example
 * isAscii(new TextEncoder().encode('<v>1</v>')) //=> true
 * isAscii(new TextEncoder().encode('Zoë')) //=> false
 */
export function isAscii(bytes: Uint8Array): boolean {
  const length = bytes.length;
  let at = Math.min(length, (4 - (bytes.byteOffset & 3)) & 3);
  let seen = 0;
  for (let i = 0; i < at; i++) seen |= bytes[i] as number;
  const words = (length - at) >> 2;
  if (words > 0) {
    const view = new Uint32Array(bytes.buffer, bytes.byteOffset + at, words);
    let i = 0;
    for (const last = words - 3; i < last; i += 4)
      seen |=
        (view[i] as number) | (view[i + 1] as number) | (view[i + 2] as number) | (view[i + 3] as number);
    for (; i < words; i++) seen |= view[i] as number;
    at += words * 4;
  }
  for (; at < length; at++) seen |= bytes[at] as number;
  return (seen & 0x80808080) === 0;
}

/**
 * {@link isAscii}, by Node's `buffer.isAscii` where there is one (asked of `process.getBuiltinModule`, not imported:
 * it reads a sheet's 317 MB in about a quarter of the time), else by the function above (a browser).
 */
const isAsciiChunk: (bytes: Uint8Array) => boolean = (() => {
  const platform = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
  const buffer = platform?.getBuiltinModule?.('node:buffer') as { isAscii?: unknown } | undefined;
  return typeof buffer?.isAscii === 'function' ? (buffer.isAscii as (bytes: Uint8Array) => boolean) : isAscii;
})();

/** Whether `</v></c>` stands at `at`, read a word at a time. */
function isValueEnd(view: DataView, at: number): boolean {
  return view.getUint32(at, true) === LT_SLASH_V_GT && view.getUint32(at + 4, true) === LT_SLASH_C_GT;
}

/**
 * Whether the `count` bytes from `at` are those from `from` (1 to 9 of them, each index below the view's end): a
 * word at a time from 4 bytes on, the last word overlapping the one before.
 */
function sameDigits(view: DataView, b: Uint8Array, at: number, from: number, count: number): boolean {
  if (count < 4) {
    for (let i = 0; i < count; i++) if (b[at + i] !== b[from + i]) return false;
    return true;
  }
  if (view.getUint32(at, true) !== view.getUint32(from, true)) return false;
  if (count > 8 && view.getUint32(at + 4, true) !== view.getUint32(from + 4, true)) return false;
  return view.getUint32(at + count - 4, true) === view.getUint32(from + count - 4, true);
}

/** Whether `</row>` stands at `at`. */
function isRowEnd(b: Uint8Array, at: number): boolean {
  return (
    b[at] === LESS_THAN &&
    b[at + 1] === SLASH &&
    b[at + 2] === CHAR_R &&
    b[at + 3] === CHAR_O &&
    b[at + 4] === CHAR_W &&
    b[at + 5] === GREATER_THAN
  );
}

/** Whether `<is><t>` stands at `at`. */
function isInlineStart(view: DataView, b: Uint8Array, at: number): boolean {
  return (
    view.getUint32(at, true) === LT_IS_GT &&
    b[at + 4] === LESS_THAN &&
    b[at + 5] === CHAR_T &&
    b[at + 6] === GREATER_THAN
  );
}

/** Whether `</t></is></c>` stands at `at`. */
function isInlineEnd(view: DataView, b: Uint8Array, at: number): boolean {
  return (
    view.getUint32(at, true) === LT_SLASH_T_GT &&
    view.getUint32(at + 4, true) === LT_SLASH_IS &&
    view.getUint32(at + 8, true) === GT_LT_SLASH_C &&
    b[at + 12] === GREATER_THAN
  );
}

/** The first index from `at` where `bytes` differs from `pattern` (past the end counts as differing), or -1. */
function mismatch(bytes: Uint8Array, at: number, pattern: Uint8Array): number {
  for (let i = 0; i < pattern.length; i++) if (bytes[at + i] !== pattern[i]) return at + i;
  return -1;
}

/** Whether `code` is whitespace as XML has it (space, tab, carriage return, line feed). */
function isSpace(code: number): boolean {
  return code === SPACE || code === LINE_FEED || code === CARRIAGE_RETURN || code === TAB;
}

/** Whether `code` may stand in an attribute's name here: a letter, a digit, `_`, `-` or `.` (no `:` prefix). */
function isNameByte(code: number): boolean {
  const lower = code | 32;
  return (
    (lower >= 97 && lower <= 122) ||
    (code >= ZERO && code <= NINE) ||
    code === 95 ||
    code === 45 ||
    code === 46
  );
}

/**
 * A row in the usual shape as {@link SheetRowScanner} read it from its bytes, before any of its cells is made (a
 * string, a date cell): for each column, what its cell holds ({@link SheetBytesRow.kinds}), where its text stands in
 * {@link SheetBytesRow.bytes}, or its number. {@link SheetBytesRow.cell} makes a cell as the scanner hands it to
 * `onRow`. One object, its columns rewritten row by row: valid only during the call it is given to.
 * @example
 * // Given for `<row r="2"><c r="A2" t="inlineStr"><is><t>IA1</t></is></c><c r="C2" s="1"><v>40317</v></c></row>`,
 * // style 1 a date style:
 * const onBytesRow = (row: SheetBytesRow, number: number) => {
 *   row.width //=> 3
 *   row.kinds[0] === CELL_TEXT && row.kinds[1] === CELL_NONE && row.kinds[2] === CELL_DATE //=> true
 *   row.cells() //=> ['IA1', null, { kind: 'date', serial: 40317, date: '2010-05-19' }]
 *   return false; // declined: the cells are made and handed to onRow
 * };
 */
export class SheetBytesRow {
  /** The bytes the row was read from (the scanner's, reused). */
  bytes: Uint8Array = new Uint8Array(0);
  /** How many columns it has: one more than the last column holding a value (as the length of its cells). */
  width = 0;
  /** By column, below {@link SheetBytesRow.width}: a `CELL_` kind. */
  readonly kinds = new Uint8Array(MAX_COLUMNS);
  /** By column: where the text of a cell written in the bytes starts. */
  readonly starts = new Int32Array(MAX_COLUMNS);
  /** By column: where it ends. */
  readonly ends = new Int32Array(MAX_COLUMNS);
  /** By column: the number of a number or date cell, the index of a shared string. */
  readonly numbers = new Float64Array(MAX_COLUMNS);
  private readonly scanner: SheetRowScanner;

  constructor(scanner: SheetRowScanner) {
    this.scanner = scanner;
  }

  /**
   * The cell of `column` as the scanner hands it to `onRow` among the row's cells (a date cell shared by serial).
   * @param column - from 0, below {@link SheetBytesRow.width}.
   */
  cell(column: number): SheetCell {
    const { bytes } = this;
    const start = this.starts[column] as number;
    const end = this.ends[column] as number;
    switch (this.kinds[column]) {
      case CELL_TEXT:
        return asciiText(bytes, start, end);
      case CELL_ESCAPED:
        return unescapeText(asciiText(bytes, start, end));
      case CELL_SHARED:
        return this.scanner.sharedString(this.numbers[column] as number);
      case CELL_NUMBER:
        return this.numbers[column] as number;
      case CELL_DATE:
        return this.scanner.dateOf(this.numbers[column] as number);
      case CELL_TRUE:
        return true;
      case CELL_FALSE:
        return false;
      case CELL_ERROR:
        return { kind: 'error', error: asciiText(bytes, start, end) };
      default:
        return null;
    }
  }

  /** The row's cells from column A, as {@link SheetHandler.endCell} would have placed them. */
  cells(): SheetCell[] {
    // Pushed, not placed in an array made to its length: V8 keeps such an array packed (no holes), which every
    // reader of the cells then reads faster.
    const cells: SheetCell[] = [];
    for (let column = 0; column < this.width; column++) cells.push(this.cell(column));
    return cells;
  }
}

/**
 * Reads a sheet's part from its bytes, chunk by chunk: rows in the usual shape by byte comparisons (the fast path),
 * everything else by the general path, so that the rows handed over, their numbers and cells, and any refusal are
 * those the general path alone would give, however the bytes are cut.
 *
 * The usual shape: `<row` with attributes in double quotes (`r` of plain digits), then cells `<c` with attributes
 * in double quotes (`r` a reference, `s` plain digits, `t` one of `s n b e str inlineStr`), each empty (`/>` or
 * `></c>`), `<v>…</v></c>` or `<is><t>…</t></is></c>`, their text ASCII without `&` or `<`, whitespace between
 * tags, then `</row>`. A row is read here only while the general path stands between rows with nothing held back,
 * and only as a whole: a row read partly here is never finished there.
 *
 * The bytes are checked as UTF-8 chunk by chunk as they come, as the general path's decoder checks them (a chunk
 * of ASCII needs no check), so that a part that is not UTF-8 is refused at the same chunk, after the same rows.
 *
 * @example
 * const scanner = new SheetRowScanner(context, 'xl/worksheets/sheet1.xml');
 * try {
 *   for await (const chunk of unzipEntry(bytes, entry)) scanner.write(chunk);
 * } catch (error) {
 *   scanner.stop(); // a row left for the next bytes, read before the unzipping's error is raised
 *   throw error;
 * }
 * scanner.end();
 * scanner.handler.rows //=> the rows handed to context.onRow
 */
export class SheetRowScanner {
  /** The general path's handler, which also keeps the row count and merged ranges. */
  readonly handler: SheetHandler;
  /** How many rows (with a value or not) were read here rather than by the general path. */
  fastRows = 0;
  private readonly tokenizer: XmlTokenizer;
  private readonly decoder: PartDecoder;
  /** Checks the chunks as UTF-8 as they come, as {@link SheetRowScanner.decoder} would (its text is dropped). */
  private readonly validator: PartDecoder;
  private validated = false;
  private mode = UNDECIDED;
  /**
   * The bytes at hand, then {@link PAD} zeros: a row cut by the end of the last chunk (read again with the next),
   * then the chunk. Reused from chunk to chunk.
   */
  private work = new Uint8Array(1 << 16);
  /** {@link SheetRowScanner.work} read a word at a time. */
  private view = new DataView(this.work.buffer);
  /** How many bytes at the start of {@link SheetRowScanner.work} are a row cut by the last chunk's end. */
  private carried = 0;
  /**
   * Whether the carried bytes start with a row whose `</row>` was not in the bytes at hand, left unread (see
   * {@link SheetRowScanner.scan}) rather than found cut short.
   */
  private deferred = false;
  private readonly strings: readonly string[];
  private readonly dateStyles: readonly boolean[];
  /** The serials of the date cells remembered, by slot (0 for none: serials from 1 are remembered). */
  private readonly dateSerials = new Float64Array(DATE_SLOTS);
  private readonly dateCells: SheetCell[] = new Array<SheetCell>(DATE_SLOTS).fill(null);
  /** Whether the text {@link SheetRowScanner.textEnd} found last holds `_` or a carriage return (CELL_ESCAPED). */
  private escaped = false;
  /** The row being read, column by column. */
  private readonly bytesRow = new SheetBytesRow(this);
  /** The number {@link SheetRowScanner.kindOf} or {@link SheetRowScanner.digitsEnd} read last. */
  private number = 0;
  private readonly onBytesRow: SheetContext['onBytesRow'];

  /**
   * @param context - the sheet, its tables and the row handler, as {@link SheetHandler}'s.
   * @param part - the part's name, for messages.
   */
  constructor(context: SheetContext, part: string) {
    this.handler = new SheetHandler(context);
    this.tokenizer = new XmlTokenizer(this.handler, part);
    this.decoder = new PartDecoder(part);
    this.validator = new PartDecoder(part);
    this.strings = context.strings;
    this.dateStyles = context.dateStyles;
    this.onBytesRow = context.onBytesRow;
  }

  /**
   * Reads the next bytes of the part.
   * @param chunk - the bytes, cut anywhere.
   * @throws {WorkbookError} as the general path would: bytes that are not UTF-8, a damaged sheet.
   */
  write(chunk: Uint8Array): void {
    if (this.mode === GENERAL) {
      this.general(chunk);
      return;
    }
    if (!this.validated || this.validator.holding || !isAsciiChunk(chunk)) {
      try {
        this.validator.decode(chunk);
      } catch (error) {
        // A row left unread is read first, as it would have been before these bytes came (it may be refused first).
        this.undefer();
        throw error;
      }
      this.validated = true;
    }
    const length = this.carried + chunk.length;
    if (this.work.length < length + PAD) {
      const grown = new Uint8Array(Math.max(length + PAD, this.work.length * 2));
      grown.set(this.work.subarray(0, this.carried));
      this.work = grown;
      this.view = new DataView(grown.buffer);
    }
    const bytes = this.work;
    bytes.set(chunk, this.carried);
    bytes.fill(0, length, length + PAD);
    this.carried = 0;
    if (this.mode === UNDECIDED) {
      if (length < 2) {
        this.carried = length;
        return;
      }
      // A UTF-16 byte-order mark: the part is text in UTF-16, which only the general path reads.
      const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
      this.mode = utf16 ? GENERAL : FAST;
      if (utf16) {
        this.general(bytes.subarray(0, length));
        return;
      }
    }
    this.deferred = false;
    const read = this.scan(bytes, length, lastRowEnd(bytes, length));
    if (read < length) {
      bytes.copyWithin(0, read, length);
      this.carried = length - read;
    }
  }

  /**
   * Stops reading where the bytes stopped, the part not ended (its bytes cannot all be unzipped): a row left for the
   * next bytes is read as it would have been when its bytes came, so that an error of its own comes before the
   * caller's, as on the general path.
   * @throws {WorkbookError} as the general path would have, reading the bytes so far.
   */
  stop(): void {
    this.undefer();
  }

  /**
   * Ends the part.
   * @throws {WorkbookError} when it ends inside a character, a tag or an element, as the general path would.
   */
  end(): void {
    this.undefer();
    if (this.mode !== GENERAL) this.validator.end();
    if (this.carried > 0) this.general(this.work.subarray(0, this.carried));
    this.carried = 0;
    this.tokenizer.write(this.decoder.end());
    this.tokenizer.end();
  }

  /**
   * Reads the row left unread at the end of the bytes, and what follows it, as {@link SheetRowScanner.scan} would
   * have read them had it not left them for the next bytes: before the next bytes are checked, or at the end.
   */
  private undefer(): void {
    if (!this.deferred) return;
    this.deferred = false;
    const length = this.carried;
    this.work.fill(0, length, length + PAD);
    const read = this.scan(this.work, length, length);
    this.work.copyWithin(0, read, length);
    this.carried = length - read;
  }

  /** Hands bytes to the general path. */
  private general(bytes: Uint8Array): void {
    if (bytes.length > 0) this.tokenizer.write(this.decoder.decode(bytes));
  }

  /**
   * Reads the rows it can of the first `length` bytes of `bytes` (followed by {@link PAD} zeros): the position up to
   * which they were read (the rest is a row cut short, or left for the next bytes).
   *
   * A row starting at or after `rowsEnd` (where the last `</row>` at hand ends) is left for the next bytes
   * ({@link SheetRowScanner.deferred}) rather than tried: {@link SheetRowScanner.row} then never meets the end of
   * the bytes inside a row, at one of the many places a piece may end. (Each such place, met for the first time,
   * made V8 drop the scanner's optimized code: about 25 times in 120 MB of sheet, a fifth of the scanner's time.)
   */
  private scan(bytes: Uint8Array, length: number, rowsEnd: number): number {
    let at = 0;
    while (at < length) {
      if (this.tokenizer.idle && this.handler.betweenRows && !this.decoder.holding) {
        // Row after row while each is read here: a row read here leaves the general path as idle as it found it.
        for (;;) {
          // Whitespace between rows: the general path drops it too (it wants no text between rows).
          while (isSpace(bytes[at] as number)) if (++at === length) return length;
          if (bytes[at] !== LESS_THAN) break;
          if (at >= rowsEnd && length - at <= MAX_CARRY && (at + 1 === length || bytes[at + 1] === CHAR_R)) {
            this.deferred = true;
            return at;
          }
          const after = this.row(bytes, at, length);
          if (after < 0) {
            if (after === INCOMPLETE && length - at <= MAX_CARRY) return at;
            break;
          }
          at = after;
          if (at === length) return length;
        }
      }
      const next = nextRowStart(bytes, at + 1, length);
      this.general(bytes.subarray(at, next));
      at = next;
    }
    return length;
  }

  /**
   * Reads the row whose `<` is at `lt` and hands it to the handler: the position after its `</row>`, or
   * {@link UNUSUAL} or {@link INCOMPLETE}, in which case nothing was handed over and the handler is as it was.
   * The bytes from `length` are zeros, which end every shape read here.
   */
  private row(bytes: Uint8Array, lt: number, length: number): number {
    const view = this.view;
    const fail = (at: number): number => (at >= length ? INCOMPLETE : UNUSUAL);
    if (bytes[lt + 1] !== CHAR_R) return fail(lt + 1);
    if (bytes[lt + 2] !== CHAR_O) return fail(lt + 2);
    if (bytes[lt + 3] !== CHAR_W) return fail(lt + 3);
    let at = lt + 4;
    // The row's attributes: only `r` is read, as plain digits.
    let number = -1;
    // Where the row's digits stand, and how many there are (0: no `r`), for its cells' references.
    let digitsAt = 0;
    let digits = 0;
    let code = bytes[at] as number;
    while (code !== GREATER_THAN && code !== SLASH) {
      if (!isSpace(code)) return fail(at);
      do code = bytes[++at] as number;
      while (isSpace(code));
      if (code === GREATER_THAN || code === SLASH) break;
      const nameStart = at;
      while (isNameByte(code) || code === COLON) code = bytes[++at] as number;
      if (at === nameStart || code !== EQUALS) return fail(at);
      // A one-letter name, or a prefixed one (`x:r`), as SheetHandler.nextAttribute reads a row's attributes.
      const named = at - nameStart === 1 || bytes[at - 2] === COLON ? bytes[at - 1] : 0;
      if (bytes[++at] !== QUOTE) return fail(at);
      const valueStart = at + 1;
      let valueEnd = -1;
      if (named === CHAR_R) {
        // Plain digits and the quote read in one go, as attributeEnd and digitsOf below would read them.
        const v = this.digitsEnd(bytes, valueStart);
        if (bytes[v] === QUOTE && v > valueStart && v - valueStart <= 9) {
          valueEnd = v;
          number = this.number;
        }
      }
      if (valueEnd < 0) {
        valueEnd = attributeEnd(bytes, valueStart, length);
        if (valueEnd < 0) return fail(-valueEnd - 1);
        if (named === CHAR_R) number = digitsOf(bytes, valueStart, valueEnd);
      }
      if (named === CHAR_R) {
        if (number < 1) return UNUSUAL;
        digitsAt = valueStart;
        digits = valueEnd - valueStart;
      }
      at = valueEnd + 1;
      code = bytes[at] as number;
    }
    const rowNumber = number < 0 ? this.handler.lastRowNumber + 1 : number;
    if (code === SLASH) {
      if (bytes[at + 1] !== GREATER_THAN) return fail(at + 1);
      this.fastRows++;
      this.handler.takeRow(rowNumber, [], false);
      return at + 2;
    }
    at++;
    const read = this.bytesRow;
    const { kinds, starts, ends, numbers } = read;
    read.bytes = bytes;
    let width = 0;
    let column = -1;
    for (;;) {
      code = bytes[at] as number;
      while (isSpace(code)) code = bytes[++at] as number;
      if (code !== LESS_THAN) return fail(at);
      code = bytes[at + 1] as number;
      if (code === SLASH) {
        if (!isRowEnd(bytes, at)) return fail(mismatch(bytes, at, ROW_END));
        this.fastRows++;
        read.width = width;
        if (width === 0) this.handler.takeRow(rowNumber, [], false);
        else if (this.onBytesRow?.(read, rowNumber) === true) this.handler.passRow(rowNumber);
        else this.handler.takeRow(rowNumber, read.cells(), true);
        return at + ROW_END.length;
      }
      if (code !== CHAR_C) return fail(at + 1);
      at += 2;
      code = bytes[at] as number;
      // The cell's attributes, as SheetHandler.cellAttribute reads them.
      column++;
      // Past the last column (cells without `r`): left to the general path.
      if (column >= MAX_COLUMNS) return UNUSUAL;
      let style = 0;
      let type = TYPE_NUMBER;
      while (code !== GREATER_THAN && code !== SLASH) {
        let name: number;
        let valueStart: number;
        const word = view.getUint32(at, true);
        if (word === SPACE_R) {
          name = CHAR_R;
          valueStart = at + 4;
        } else if (word === SPACE_T) {
          name = CHAR_T;
          valueStart = at + 4;
        } else if (word === SPACE_S) {
          name = CHAR_S;
          valueStart = at + 4;
        } else {
          if (!isSpace(code)) return fail(at);
          do code = bytes[++at] as number;
          while (isSpace(code));
          if (code === GREATER_THAN || code === SLASH) break;
          const nameStart = at;
          while (isNameByte(code)) code = bytes[++at] as number;
          if (at === nameStart || code !== EQUALS) return fail(at);
          name = at - nameStart === 1 ? (bytes[nameStart] as number) : 0;
          if (bytes[++at] !== QUOTE) return fail(at);
          valueStart = at + 1;
        }
        // `r`, `s` and `t` are read as their value is scanned; another attribute's value is only passed over.
        let valueEnd: number;
        if (name === CHAR_R) {
          // The column's letters, as SheetHandler.cellAttribute reads them, then the row's digits, unread.
          let letters = 0;
          let v = valueStart;
          for (
            let lower = (bytes[v] as number) | 32;
            lower >= 97 && lower <= 122;
            lower = (bytes[++v] as number) | 32
          ) {
            letters = letters * 26 + (lower - 96);
            if (letters > MAX_COLUMNS) return UNUSUAL;
          }
          if (v === valueStart) return fail(v);
          column = letters - 1;
          if (digits > 0 && bytes[v + digits] === QUOTE && sameDigits(view, bytes, v, digitsAt, digits)) {
            // The row's own digits, then the quote: what the loop below would find, found a word at a time.
            valueEnd = v + digits;
          } else {
            let next = bytes[v] as number;
            while (next >= ZERO && next <= NINE) next = bytes[++v] as number;
            valueEnd = next === QUOTE ? v : attributeEnd(bytes, v, length);
          }
        } else if (name === CHAR_S) {
          let v = valueStart;
          style = 0;
          for (
            let digit = (bytes[v] as number) - ZERO;
            digit >= 0 && digit <= 9;
            digit = (bytes[++v] as number) - ZERO
          ) {
            style = style * 10 + digit;
          }
          // No digit, more than nine, or another byte: left to the general path.
          if (bytes[v] !== QUOTE || v === valueStart || v - valueStart > 9) return fail(v);
          valueEnd = v;
        } else if (name === CHAR_T) {
          type =
            view.getUint32(valueStart, true) === INLI &&
            view.getUint32(valueStart + 4, true) === NEST &&
            bytes[valueStart + 8] === CHAR_R &&
            bytes[valueStart + 9] === QUOTE
              ? TYPE_INLINE
              : typeAt(bytes, valueStart);
          valueEnd =
            type < 0 ? attributeEnd(bytes, valueStart, length) : valueStart + (TYPE_LENGTHS[type] as number);
          if (type < 0 && valueEnd >= 0) return UNUSUAL;
        } else {
          valueEnd = attributeEnd(bytes, valueStart, length);
        }
        if (valueEnd < 0) return fail(-valueEnd - 1);
        at = valueEnd + 1;
        code = bytes[at] as number;
      }
      if (code === SLASH) {
        if (bytes[at + 1] !== GREATER_THAN) return fail(at + 1);
        at += 2;
        continue; // an empty cell
      }
      at++;
      if (bytes[at] !== LESS_THAN) return fail(at);
      code = bytes[at + 1] as number;
      let kind: number;
      let start: number;
      let end: number;
      if (code === SLASH) {
        // <c …></c>: an empty cell.
        if (bytes[at + 2] !== CHAR_C) return fail(at + 2);
        if (bytes[at + 3] !== GREATER_THAN) return fail(at + 3);
        at += 4;
        continue;
      }
      if (code === CHAR_V) {
        if (bytes[at + 2] !== GREATER_THAN) return fail(at + 2);
        start = at + 3;
        end = -1;
        kind = -1;
        if (type === TYPE_NUMBER) {
          // A plain integer (`-` and 1 to 15 digits) read as its end is found: what textEnd and kindOf would give.
          const first = bytes[start] === MINUS ? start + 1 : start;
          const v = this.digitsEnd(bytes, first);
          if (bytes[v] === LESS_THAN && v > first && v - first <= 15) {
            end = v;
            // A cell written "-0" is zero, not negative zero, as in kindOf.
            if (first > start && this.number !== 0) this.number = -this.number;
            kind = this.dateStyles[style] === true ? CELL_DATE : CELL_NUMBER;
          }
        }
        if (end < 0) {
          end = this.textEnd(bytes, start, length);
          if (end < 0) return fail(-end - 1);
        }
        if (!isValueEnd(view, end)) return fail(mismatch(bytes, end, VALUE_END));
        at = end + VALUE_END.length;
        if (kind < 0) kind = this.kindOf(bytes, type, style, start, end);
        if (kind < 0) return UNUSUAL;
      } else {
        if (!isInlineStart(view, bytes, at)) return fail(mismatch(bytes, at, INLINE_START));
        start = at + INLINE_START.length;
        end = this.textEnd(bytes, start, length);
        if (end < 0) return fail(-end - 1);
        if (!isInlineEnd(view, bytes, end)) return fail(mismatch(bytes, end, INLINE_END));
        // Inline text in a cell of another type is no value there; left to the general path, as rare.
        if (type !== TYPE_INLINE) return UNUSUAL;
        at = end + INLINE_END.length;
        kind = this.escaped ? CELL_ESCAPED : CELL_TEXT;
      }
      // As SheetHandler.endCell places a cell: a cell without a value is not placed; the columns before it that
      // no cell gave are empty.
      if (kind === CELL_NONE) continue;
      if (column >= width) {
        // A loop, not fill(): the range is nearly always empty, and a call to fill() per cell cost more.
        for (let skipped = width; skipped < column; skipped++) kinds[skipped] = CELL_NONE;
        width = column + 1;
      }
      kinds[column] = kind;
      starts[column] = start;
      ends[column] = end;
      numbers[column] = this.number;
    }
  }

  /**
   * The date cell of a serial, as {@link SheetHandler.dateOf} gives it, remembered here by the serial's last bits
   * for the whole days from 1 (the usual dates), so that a date already seen is found without a look-up in a map.
   */
  dateOf(serial: number): SheetCell {
    if (serial >= 1 && serial === Math.floor(serial)) {
      const slot = serial & (DATE_SLOTS - 1);
      if (this.dateSerials[slot] === serial) return this.dateCells[slot] as SheetCell;
      const cell = this.handler.dateOf(serial);
      this.dateSerials[slot] = serial;
      this.dateCells[slot] = cell;
      return cell;
    }
    return this.handler.dateOf(serial);
  }

  /**
   * Where a text from `start` ends (its `<`), or -(position + 1) of what stops it: a byte that is not ASCII, `&`,
   * text longer than {@link MAX_TEXT}, or the end of the bytes. Notes in {@link SheetRowScanner.escaped} whether
   * the text holds `_` (which may start one of Excel's `_xHHHH_` escapes) or a carriage return.
   */
  private textEnd(bytes: Uint8Array, start: number, length: number): number {
    let escaped = false;
    let at = start;
    for (;;) {
      // The bytes that matter found by a table (the zeros after the bytes at hand among them, so the loop stops).
      let kind = TEXT_BYTES[bytes[at] as number] as number;
      while (kind === TEXT_PLAIN) kind = TEXT_BYTES[bytes[++at] as number] as number;
      // Past the bytes at hand, or past the longest text read here: what stops it is where either ends.
      if (at >= length || at - start >= MAX_TEXT) return -Math.min(length, start + MAX_TEXT) - 1;
      if (kind === TEXT_END) {
        this.escaped = escaped;
        return at;
      }
      if (kind === TEXT_STOP) return -at - 1;
      if (kind === TEXT_ESCAPED) escaped = true;
      // Else a zero byte inside the text: as plain as any other.
      at++;
    }
  }

  /**
   * Where the run of digits from `at` ends (at `at` when there is none), its value in {@link SheetRowScanner.number}:
   * a row's `r` and a plain integer, read as their end is found. The bytes at hand are followed by zeros, which end
   * any run.
   */
  private digitsEnd(bytes: Uint8Array, at: number): number {
    let value = 0;
    let v = at;
    for (
      let digit = (bytes[v] as number) - ZERO;
      digit >= 0 && digit <= 9;
      digit = (bytes[++v] as number) - ZERO
    ) {
      value = value * 10 + digit;
    }
    this.number = value;
    return v;
  }

  /** The shared string numbered `index` (one in the table: {@link SheetRowScanner.kindOf} checked it). */
  sharedString(index: number): string {
    return this.strings[index] as string;
  }

  /**
   * The kind of the cell of `type` and `style` whose `<v>` holds the bytes from `start` to `end` (its number, or
   * shared string's index, in {@link SheetRowScanner.number}), as SheetHandler.cellValue reads it; -1 where that
   * would refuse the cell (or for a type left to it).
   */
  private kindOf(bytes: Uint8Array, type: number, style: number, start: number, end: number): number {
    if (type === TYPE_TEXT) return this.escaped ? CELL_ESCAPED : CELL_TEXT;
    if (type === TYPE_INLINE) return -1;
    if (start === end) return CELL_NONE;
    if (type === TYPE_NUMBER) {
      let number = integerOf(bytes, start, end);
      if (Number.isNaN(number)) {
        const text = asciiText(bytes, start, end);
        number = Number(text);
        if (!Number.isFinite(number) || (number === 0 && text.trim() === '')) return -1;
      }
      // A cell written "-0" is zero, not negative zero, as SheetHandler.cellValue reads it.
      this.number = number === 0 ? 0 : number;
      return this.dateStyles[style] === true ? CELL_DATE : CELL_NUMBER;
    }
    if (type === TYPE_SHARED) {
      const index = digitsOf(bytes, start, end);
      if (index < 0 || this.strings[index] === undefined) return -1;
      this.number = index;
      return CELL_SHARED;
    }
    if (type === TYPE_BOOLEAN) {
      return (end - start === 1 && bytes[start] === 49) ||
        (end - start === 4 && mismatch(bytes, start, TRUE) < 0)
        ? CELL_TRUE
        : CELL_FALSE;
    }
    return CELL_ERROR;
  }
}

/** Where the last `</row>` in the first `length` bytes ends, or 0 when there is none. */
function lastRowEnd(bytes: Uint8Array, length: number): number {
  for (let at = length - ROW_END.length; at >= 0; at--) {
    at = bytes.lastIndexOf(LESS_THAN, at);
    if (at < 0) return 0;
    if (isRowEnd(bytes, at)) return at + ROW_END.length;
  }
  return 0;
}

/**
 * Where the next `<row` (followed by whitespace, `>` or `/`, or by the end of the bytes) starts from `from`, or the
 * bytes' length.
 */
function nextRowStart(bytes: Uint8Array, from: number, length: number): number {
  for (
    let at = bytes.indexOf(LESS_THAN, from);
    at >= 0 && at < length;
    at = bytes.indexOf(LESS_THAN, at + 1)
  ) {
    if (at + 4 >= length) return at;
    if (bytes[at + 1] === CHAR_R && bytes[at + 2] === CHAR_O && bytes[at + 3] === CHAR_W) {
      const after = bytes[at + 4];
      if (isSpace(after as number) || after === GREATER_THAN || after === SLASH) return at;
    }
  }
  return length;
}

/**
 * Where an attribute's value from `start` ends (its closing `"`), or -(position + 1) of what stops it: a byte that
 * is not ASCII, `&`, `<`, or the end of the bytes.
 */
function attributeEnd(bytes: Uint8Array, start: number, length: number): number {
  for (let at = start; at < length; at++) {
    const code = bytes[at] as number;
    if (code === QUOTE) return at;
    if (code >= 0x80 || code === AMPERSAND || code === LESS_THAN) return -at - 1;
  }
  return -length - 1;
}

/** The number written by 1 to 9 plain digits from `start` to `end`, or -1 for anything else. */
function digitsOf(bytes: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let number = 0;
  for (let at = start; at < end; at++) {
    const digit = (bytes[at] as number) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/**
 * The integer written by an optional `-` and 1 to 15 plain digits (exact as a double, as `Number` reads it), or NaN
 * for anything else.
 */
function integerOf(bytes: Uint8Array, start: number, end: number): number {
  const negative = bytes[start] === MINUS;
  const first = negative ? start + 1 : start;
  if (end <= first || end - first > 15) return Number.NaN;
  let number = 0;
  for (let at = first; at < end; at++) {
    const digit = (bytes[at] as number) - ZERO;
    if (digit < 0 || digit > 9) return Number.NaN;
    number = number * 10 + digit;
  }
  return negative ? -number : number;
}

/** How long each type's `t` is written, by type code: `n`, `s`, `inlineStr`, `str`, `b`, `e`. */
const TYPE_LENGTHS = [1, 1, 9, 3, 1, 1];

/**
 * The type code of the cell type written from `at` up to its closing quote, or -1 for a type left to the general
 * path (`d`, an unknown type) or a value cut by the end of the bytes. Compared byte by byte, without a view.
 */
function typeAt(b: Uint8Array, at: number): number {
  const first = b[at];
  if (b[at + 1] === QUOTE) {
    if (first === CHAR_S) return TYPE_SHARED;
    if (first === CHAR_N) return TYPE_NUMBER;
    if (first === CHAR_B) return TYPE_BOOLEAN;
    if (first === CHAR_E) return TYPE_ERROR;
    return -1;
  }
  if (first === CHAR_S && b[at + 1] === CHAR_T && b[at + 2] === CHAR_R && b[at + 3] === QUOTE)
    return TYPE_TEXT;
  if (
    first === CHAR_I &&
    b[at + 1] === CHAR_N &&
    b[at + 2] === 108 && // l
    b[at + 3] === CHAR_I &&
    b[at + 4] === CHAR_N &&
    b[at + 5] === CHAR_E &&
    b[at + 6] === 83 && // S
    b[at + 7] === CHAR_T &&
    b[at + 8] === CHAR_R &&
    b[at + 9] === QUOTE
  ) {
    return TYPE_INLINE;
  }
  return -1;
}
