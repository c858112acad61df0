/**
 * The CSV fast lane: stages 3 to 5 (tokenize, shape, check) in one pass over the text, for the common file: a record
 * kind's columns (no preset), and no byte the lane does not handle. Each row's cells are found by their offsets in
 * the decoded text, and the check stage reads them in place (`PlainRowReader` of `check.ts`): a date written
 * `YYYY-MM-DD` or `DD/MM/YYYY` is read from its character codes into the general reader's shared date, without
 * making the cell's string; every other cell with the general reader of its field. The header goes through the
 * general shape stage, and so does every row that is not utterly plain (a blank required cell, a problem, an end
 * before its start, a key seen before, a row wider or narrower than the header), so every issue is the general
 * path's own.
 *
 * What the lane does not handle hands the whole input back ({@link FastCsvLane.handedBack}): the caller then reads
 * it again from the start by the general path, discarding everything the lane had read, so that no input is ever
 * read half one way and half the other. It hands back at
 * - a double quote anywhere (a quoted value, or a quote inside a value);
 * - a character at or above U+0080 (any text that is not ASCII: UTF-8's multi-byte characters, a Windows-1252
 *   file's bytes, a byte-order mark past the first character);
 * - a carriage return not followed by a line feed (a line ending of CR alone);
 * - a row longer than the cell cap (`MAX_CELL_CHARS`), where the general tokenizer's cap may apply;
 * - at the end, an id of a row it kept given again by a row the general stages read ({@link ID_GIVEN_TWICE}): ids
 *   are checked all at once when every row has been read (one sort of their hashes instead of a look-up per row in
 *   a table of megabytes: see `KeyRepeats` in `keys.ts`). The caller then reads the input again by the lane, each
 *   row's key looked up as it is read, so that each repeat goes to the general stages for its row, which name it
 *   and the row it was first seen on. An id repeated only among the rows the lane kept is settled without a second
 *   read: each later row is left out with the general path's `duplicate_id` (`PlainRows.settle`).
 * @module
 */
import type { PlainRows } from './check.js';
import { MAX_CELL_CHARS } from './issues.js';
import type { Shape } from './shape.js';
import type { RowSink, TextSink } from './stages.js';

/**
 * Why the lane hands an input back when an id of the rows it kept is given again by a row the general stages read:
 * the caller reads it again by the lane with each row's key looked up as it is read (`PlainRows.keysRowByRow`),
 * which sends each repeat to the general path for its row.
 * @example ID_GIVEN_TWICE //=> 'an id given twice'
 */
export const ID_GIVEN_TWICE = 'an id given twice';

const COMMA = 44;
const CR = 13;
const TAB = 9;
const FORM_FEED = 12;
const SPACE = 32;
/** A character that is not ASCII, which the lane does not handle. */
const NOT_ASCII = /[\u0080-\uffff]/g;

/** Whether `text[from, to)` holds only commas and the ASCII characters `trim()` removes: a row of blank cells. */
function isBlankRow(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== COMMA && c !== SPACE && (c < TAB || c > FORM_FEED)) return false;
  }
  return true;
}

/**
 * The fast lane, fed decoded text in pieces as the general CSV tokenizer is. After `write` or `end`, when
 * {@link FastCsvLane.handedBack} is true, it has stopped: what it gave the next stages is to be discarded.
 * @example
 * const checker = createChecker('referral');
 * const shape = kindLayout('referral').shape(checker);
 * const plainRows = plainRowReaderOf(checker); // defined for a record kind's checker
 * const lane = new FastCsvLane(createShaper(shape, checker, { header: 'first-row' }), shape, plainRows);
 * lane.write('id,childId,referralDate\nR1,C1,2010-10-01\n');
 * lane.end();
 * lane.handedBack //=> false
 * checker.result({ file: 'r.csv', sha256: '', encoding: 'utf-8' }).records //=> [{ id: 'R1', childId: 'C1', referralDate: '2010-10-01' }]
 * // The same with `"R1"` quoted: lane.handedBack //=> true, lane.reason //=> 'a double quote'
 */
export class FastCsvLane implements TextSink {
  /** Whether the lane met what it does not handle and stopped. */
  handedBack = false;
  /** Why it handed back, for tests and the performance guide. */
  reason = '';
  private readonly sink: RowSink;
  private readonly shape: Shape;
  private readonly plainRows: PlainRows;
  /** The text of a row not yet ended by the last piece. */
  private rest = '';
  /** Whether `rest` is known to hold only ASCII (searched, or from pieces known to be). */
  private restAscii = true;
  private line = 1;
  /** The header's cells, once read; -1 before. */
  private width = -1;
  /** The column of each field, once the header is read. */
  private at: readonly number[] | undefined;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);

  /**
   * @param sink - the general shape stage (the header, and rows that are not plain, go to it).
   * @param shape - the shape it wraps, which gives the column of each field once the header is matched.
   * @param plainRows - the check stage's reader of plain rows, and its check once they are read.
   */
  constructor(sink: RowSink, shape: Shape, plainRows: PlainRows) {
    this.sink = sink;
    this.shape = shape;
    this.plainRows = plainRows;
  }

  /**
   * @param piece - the next piece of the text.
   * @param ascii - whether the piece is known to hold only ASCII (the byte decoder's `lastAscii`): then it is not
   *   searched for a character that is not. Default false.
   */
  write(piece: string, ascii = false): void {
    if (this.handedBack || piece.length === 0) return;
    let from = 0;
    if (this.rest !== '') {
      // The row begun in the last piece, ended in this one, read on its own: the piece itself is scanned as it came
      // (a flat string), not joined to the rest.
      const lineFeed = piece.indexOf('\n');
      if (lineFeed < 0) {
        // A piece kept unread: the row is known to be ASCII only if the piece was.
        this.restAscii &&= ascii;
        this.keep(this.rest + piece);
        return;
      }
      const row = this.rest + piece.slice(0, lineFeed + 1);
      const rowAscii = ascii && this.restAscii;
      this.rest = '';
      if (this.rows(row, 0, false, rowAscii) !== row.length || this.handedBack) {
        if (!this.handedBack) this.handBack('a line ended by a carriage return alone');
        return;
      }
      from = lineFeed + 1;
    }
    const done = this.rows(piece, from, false, ascii);
    if (this.handedBack) return;
    if (done < piece.length) {
      // The rest of a piece read by `rows`: searched with it for what is not ASCII, or known to be ASCII.
      this.restAscii = true;
      this.keep(piece.slice(done));
    }
  }

  end(): void {
    if (this.handedBack) return;
    if (this.rest !== '') {
      const text = this.rest;
      this.rest = '';
      this.rows(text, 0, true, false);
      if (this.handedBack) return;
    }
    // The ids of the rows kept, checked all at once: a repeat among them is settled, another is the general path's.
    if (!this.plainRows.settle()) {
      this.handBack(ID_GIVEN_TWICE);
      return;
    }
    this.sink.end();
  }

  /** Keeps the start of a row that the next piece ends. */
  private keep(rest: string): void {
    this.rest = rest;
    if (rest.length > MAX_CELL_CHARS) this.handBack('a row longer than the cell cap');
  }

  private handBack(reason: string): void {
    this.handedBack = true;
    this.reason = reason;
    this.rest = '';
  }

  /**
   * Reads the rows of `text` from `from`; the last, unless `final`, only when a line break ends it. Returns where
   * the rows not read start. Rows and cells are found by `indexOf` (the engine's own search), once the text is
   * known to hold no quote and no character that is not ASCII; a CR is looked for the same way, row by row.
   */
  private rows(text: string, from: number, final: boolean, ascii: boolean): number {
    const n = text.length;
    if (text.indexOf('"', from) >= 0) {
      this.handBack('a double quote');
      return n;
    }
    NOT_ASCII.lastIndex = from;
    if (!ascii && NOT_ASCII.test(text)) {
      this.handBack('a character that is not ASCII');
      return n;
    }
    let i = from;
    // Where the next comma at or after the cell being read is (n: none), searched again only once passed.
    let comma = -1;
    // Where the next CR at or after the row is (n: none), searched again only once passed.
    let carriageReturn = -1;
    while (i < n) {
      let lineFeed = text.indexOf('\n', i);
      if (lineFeed < 0) {
        if (!final) return i;
        lineFeed = n;
      }
      if (carriageReturn < i) {
        carriageReturn = text.indexOf('\r', i);
        if (carriageReturn < 0) carriageReturn = n;
      }
      // A CR in the row anywhere but just before its LF ends a line alone.
      if (carriageReturn < lineFeed && (carriageReturn !== lineFeed - 1 || lineFeed === n)) {
        this.handBack('a line ended by a carriage return alone');
        return n;
      }
      const end = lineFeed > i && text.charCodeAt(lineFeed - 1) === CR ? lineFeed - 1 : lineFeed;
      const starts = this.starts;
      const ends = this.ends;
      const room = starts.length;
      let cells = 0;
      let at = i;
      for (;;) {
        if (comma < at) {
          comma = text.indexOf(',', at);
          if (comma < 0) comma = n;
        }
        if (cells < room) starts[cells] = at;
        if (comma >= end) {
          if (cells < room) ends[cells] = end;
          cells++;
          break;
        }
        if (cells < room) ends[cells] = comma;
        cells++;
        at = comma + 1;
      }
      this.row(text, i, end, cells);
      if (this.handedBack) return n;
      this.line++;
      i = lineFeed + 1;
    }
    return n;
  }

  /** One row, `text[from, to)`, of `count` cells. */
  private row(text: string, from: number, to: number, count: number): void {
    if (to - from > MAX_CELL_CHARS) {
      this.handBack('a row longer than the cell cap');
      return;
    }
    const at = this.at;
    const first = this.starts[0] as number;
    // A row whose first cell starts with a character that is not blank is not a blank row.
    const solid = first < to && text.charCodeAt(first) > SPACE && text.charCodeAt(first) !== COMMA;
    if (!solid && isBlankRow(text, from, to)) return;
    if (
      at !== undefined &&
      count === this.width &&
      this.plainRows.row(text, this.starts, this.ends, at, this.line)
    )
      return;
    this.sink.row(text.slice(from, to).split(','), this.line);
    if (this.width < 0) {
      this.width = count;
      this.at = this.shape.plainColumns?.();
      if (this.at === undefined) {
        this.handBack('a layout whose rows are not read as they are');
        return;
      }
      if (this.starts.length <= count) {
        this.starts = new Int32Array(count + 1);
        this.ends = new Int32Array(count + 1);
      }
    }
  }
}
