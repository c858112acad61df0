/**
 * Stage 3 for CSV: text to rows of cells with their line numbers, the dialect only (no field names). It reads the
 * text in pieces as they come (a streamed file) or whole, and gives the same rows either way.
 *
 * The dialect: a delimiter (`,` by default); `\r\n`, `\n` and `\r` all end a row; a value that starts with `"` is
 * quoted and may hold delimiters, line breaks and quotes (written twice, `""`); a quote inside an unquoted value,
 * and text after a closing quote, are kept as written; rows whose cells are all blank are not rows.
 *
 * Two guards keep one bad row from costing others (SPEC 13):
 * - **the cell cap**: a cell longer than {@link MAX_CELL_CHARS} makes its row an `unreadable` problem; the rest of
 *   the cell is skipped, not kept, and reading goes on with the next row;
 * - **swallowed records**: a quoted value that spans lines, one of whose later lines holds at least as many
 *   delimiters as the header row, looks like a stray quote that swallowed whole records: the row is a
 *   `suspicious_line_break` problem naming those lines, rejected rather than split back into records.
 * A quote never closed makes the rest of the text one `unreadable` row.
 * @module
 */
import { MAX_CELL_CHARS } from './issues.js';
import type { RowSink, TextSink } from './stages.js';

/** Options of the CSV tokenizer. */
export interface CsvTokenizerOptions {
  /** The delimiter between cells: one character. Default `,`. */
  readonly delimiter?: string;
  /** The longest cell kept, in characters. Default {@link MAX_CELL_CHARS}. */
  readonly cellCap?: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** How much of a rejected value a problem shows. */
const SHOWN_CHARS = 200;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Just after a quote inside a quoted value: a second quote, or the closing one. */
const QUOTE_IN_QUOTED = 3;

const NEVER_CLOSED =
  'a quoted value that starts on this row is never closed, so the rest of the file cannot be read as rows: close the quote (a quote inside a quoted value is written twice: "")';

function shown(text: string): string {
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

/** 1000000 as `1,000,000`. */
function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function isBlankCells(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    if (cell.length > 0 && cell.trim() !== '') return false;
  }
  return true;
}

/** The CSV tokenizer's state between pieces of text (a class: V8 reads its fields faster than a closure's). */
class CsvTokenizer implements TextSink {
  private readonly sink: RowSink;
  private readonly delimiter: number;
  private readonly delimiterName: string;
  private readonly cap: number;
  /** The line the scan is on. */
  private line = 1;
  /** The line the current row started on. */
  private rowLine = 1;
  private state = FIELD_START;
  /** The cells of the current row, reused from row to row. */
  private readonly cells: string[] = [];
  /** How many cells of the current row have been read: `cells` holds them from 0, and may hold the last row's after. */
  private cellCount = 0;
  /** The current cell's text from earlier pieces or segments. */
  private cell = '';
  private cellLength = 0;
  /** A `\r` ended a row at the end of a piece: a `\n` starting the next piece belongs to it. */
  private skipLineFeed = false;
  /** The last character of a quoted value's text so far was `\r` (a `\n` next ends the same line). */
  private quotedCarriageReturn = false;
  /** The column of the first cell past the cap on this row, or -1. */
  private cappedColumn = -1;
  private cappedValue = '';
  /** The header's delimiters (its cells less one), once the first row that is not blank is read; else -1. */
  private headerDelimiters = -1;
  /** Delimiters inside the current quoted value on the current line. */
  private quotedLineDelimiters = 0;
  /** The current quoted value has had a line break: the line being scanned is one it swallowed. */
  private quotedBroken = false;
  /** Lines swallowed by a quoted value that look like records: the first, the last, how many, the column. */
  private swallowedFirst = 0;
  private swallowedLast = 0;
  private swallowedCount = 0;
  private swallowedColumn = -1;
  /** The line the quoted value with swallowed lines closes on. */
  private swallowedEnd = 0;
  private swallowedValue = '';

  constructor(sink: RowSink, options: CsvTokenizerOptions) {
    const delimiter = options.delimiter ?? ',';
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new TypeError(
        `delimiter: expected one character other than a quote or a line break, got ${JSON.stringify(delimiter)}`,
      );
    }
    this.sink = sink;
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterName = delimiter === ',' ? 'commas' : `${JSON.stringify(delimiter)} delimiters`;
    this.cap = options.cellCap ?? MAX_CELL_CHARS;
  }

  write(text: string): void {
    const n = text.length;
    const delimiter = this.delimiter;
    // An empty piece (a stream may give one) changes nothing: above all, not a `\r` waiting for its `\n`.
    if (n === 0) return;
    let i = 0;
    if (this.skipLineFeed) {
      this.skipLineFeed = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      const state = this.state;
      if (state === FIELD_START) {
        if (text.charCodeAt(i) === QUOTE) {
          this.state = QUOTED;
          this.quotedLineDelimiters = 0;
          this.quotedBroken = false;
          this.quotedCarriageReturn = false;
          i++;
          continue;
        }
        this.state = UNQUOTED;
      }
      if (this.state === UNQUOTED) {
        let j = i;
        let c = 0;
        while (j < n) {
          c = text.charCodeAt(j);
          if (c === delimiter || c === LF || c === CR) break;
          j++;
        }
        if (j === n) {
          this.append(text, i, j);
          return;
        }
        // A cell wholly in this piece, under the cap (nearly every cell): taken with one slice.
        if (this.cellLength === 0 && j - i <= this.cap)
          this.cells[this.cellCount++] = j === i ? '' : text.slice(i, j);
        else {
          this.append(text, i, j);
          this.endCell();
        }
        if (c === delimiter) {
          this.state = FIELD_START;
          i = j + 1;
          continue;
        }
        // A line break ends the row.
        if (c === CR) {
          if (j + 1 < n) {
            if (text.charCodeAt(j + 1) === LF) j++;
          } else {
            this.skipLineFeed = true;
          }
        }
        this.endRow();
        this.line++;
        this.rowLine = this.line;
        this.state = FIELD_START;
        i = j + 1;
        continue;
      }
      if (this.state === QUOTED) {
        let j = i;
        let c = 0;
        while (j < n) {
          c = text.charCodeAt(j);
          if (c === QUOTE) break;
          if (c === delimiter) this.quotedLineDelimiters++;
          else if (c === LF) {
            if (!this.quotedCarriageReturn) this.quotedLineBreak();
            this.quotedCarriageReturn = false;
          } else if (c === CR) {
            this.quotedLineBreak();
            this.quotedCarriageReturn = true;
          } else this.quotedCarriageReturn = false;
          j++;
        }
        this.append(text, i, j);
        if (j === n) return;
        this.quotedCarriageReturn = false;
        this.state = QUOTE_IN_QUOTED;
        i = j + 1;
        continue;
      }
      // QUOTE_IN_QUOTED: a second quote is a quote in the text; anything else follows the closing quote.
      if (text.charCodeAt(i) === QUOTE) {
        this.append('"', 0, 1);
        this.state = QUOTED;
        i++;
        continue;
      }
      this.closeQuoted();
      this.state = UNQUOTED;
    }
  }

  end(): void {
    if (this.state === QUOTED) {
      this.sink.problem({ code: 'unreadable', line: this.rowLine, value: null, message: NEVER_CLOSED });
    } else {
      if (this.state === QUOTE_IN_QUOTED) this.closeQuoted();
      if (this.state !== FIELD_START || this.cellCount > 0) {
        this.endCell();
        this.endRow();
      }
    }
    this.reset();
    this.sink.end();
  }

  /** Adds `text[from, to)` to the current cell, keeping no more than the cap. */
  private append(text: string, from: number, to: number): void {
    if (from === to) return;
    this.cellLength += to - from;
    if (this.cappedColumn >= 0 && this.cappedColumn === this.cellCount) return;
    if (this.cellLength > this.cap) {
      if (this.cappedColumn < 0) {
        this.cappedColumn = this.cellCount;
        this.cappedValue = `${this.cell}${text.slice(from, Math.min(to, from + SHOWN_CHARS))}`.slice(
          0,
          SHOWN_CHARS,
        );
      }
      this.cell = '';
      return;
    }
    const piece = from === 0 && to === text.length ? text : text.slice(from, to);
    this.cell = this.cell === '' ? piece : this.cell + piece;
  }

  private endCell(): void {
    this.cells[this.cellCount++] = this.cell;
    this.cell = '';
    this.cellLength = 0;
  }

  /** A line break inside a quoted value: the line that ends, if it is one the value swallowed, may be a record. */
  private quotedLineBreak(): void {
    this.checkSwallowedLine();
    this.line++;
    this.quotedBroken = true;
    this.quotedLineDelimiters = 0;
  }

  private checkSwallowedLine(): void {
    const header = this.headerDelimiters;
    if (!this.quotedBroken || header <= 0 || this.quotedLineDelimiters < header) return;
    if (this.swallowedCount === 0) {
      this.swallowedFirst = this.line;
      this.swallowedColumn = this.cellCount;
    }
    this.swallowedLast = this.line;
    this.swallowedCount++;
  }

  private closeQuoted(): void {
    this.checkSwallowedLine();
    if (this.swallowedCount > 0 && this.swallowedColumn === this.cellCount && this.swallowedEnd === 0) {
      this.swallowedEnd = this.line;
      this.swallowedValue = this.cell;
    }
    this.quotedBroken = false;
    this.quotedLineDelimiters = 0;
  }

  private endRow(): void {
    const cells = this.cells;
    // The cells array is kept from row to row; its length changes only when a row is wider or narrower than the last.
    if (cells.length !== this.cellCount) cells.length = this.cellCount;
    if (this.cappedColumn < 0 && this.swallowedCount === 0 && isBlankCells(cells)) {
      this.reset();
      return;
    }
    if (this.headerDelimiters < 0) this.headerDelimiters = cells.length - 1;
    if (this.swallowedCount > 0) this.sink.problem(this.swallowedProblem());
    else if (this.cappedColumn >= 0) {
      this.sink.problem({
        code: 'unreadable',
        line: this.rowLine,
        column: this.cappedColumn,
        value: `${this.cappedValue}…`,
        message: `the cell in column ${this.cappedColumn + 1} runs past ${thousands(this.cap)} characters, more than any value of a record: the row is left out and reading goes on at the next row (a runaway cell, or a quote never closed?)`,
      });
    } else this.sink.row(cells, this.rowLine);
    this.reset();
  }

  private swallowedProblem() {
    const { swallowedFirst: first, swallowedLast: last, swallowedCount: count } = this;
    const delimiters = `as many ${this.delimiterName} as the header (${this.headerDelimiters})`;
    const lines =
      count === 1
        ? `line ${first}, which has ${delimiters}`
        : `${count} lines between ${first} and ${last} that have ${delimiters}`;
    return {
      code: 'suspicious_line_break',
      line: this.rowLine,
      column: this.swallowedColumn,
      value: shown(this.swallowedColumn === this.cappedColumn ? `${this.cappedValue}…` : this.swallowedValue),
      message: `the quoted value in column ${this.swallowedColumn + 1} opens on line ${this.rowLine} and closes on line ${this.swallowedEnd}, swallowing ${lines}: ${count === 1 ? 'a record' : 'records'} taken into one value by a stray quote? The row is left out rather than split back into records: remove the stray quote, or write a quote inside a quoted value twice ("")`,
    } as const;
  }

  private reset(): void {
    this.cellCount = 0;
    this.cell = '';
    this.cellLength = 0;
    if (this.cappedColumn < 0 && this.swallowedCount === 0 && this.swallowedColumn < 0) {
      this.quotedBroken = false;
      return;
    }
    this.cappedColumn = -1;
    this.cappedValue = '';
    this.swallowedCount = 0;
    this.swallowedColumn = -1;
    this.swallowedEnd = 0;
    this.swallowedValue = '';
    this.quotedBroken = false;
  }
}

/**
 * Creates a CSV tokenizer that reads text in pieces (as a file streams in) and pushes each row to `sink`, with the
 * line it starts on; a row whose quoted values span lines reports its first line. `end()` reads the last row and
 * ends the sink.
 *
 * @param sink - the next stage.
 * @param options - `delimiter` (default `,`), `cellCap` (default {@link MAX_CELL_CHARS}).
 * @returns the tokenizer: `write(text)` each piece, then `end()`.
 * @throws {TypeError} for a delimiter that is not one character, or is a quote or a line break.
 * @example
 * const tokenizer = createCsvTokenizer(sink);
 * tokenizer.write('id,team\r\nR1,"North,');
 * tokenizer.write('\r\nEast"\r\n');
 * tokenizer.end(); //=> sink.row(['id', 'team'], 1), then sink.row(['R1', 'North,\r\nEast'], 2)
 */
export function createCsvTokenizer(sink: RowSink, options: CsvTokenizerOptions = {}): TextSink {
  return new CsvTokenizer(sink, options);
}

/**
 * Tokenizes a whole CSV text: {@link createCsvTokenizer}, written once and ended.
 *
 * @param text - the CSV text (a byte-order mark already dropped by the decode stage).
 * @param sink - the next stage.
 * @param options - as {@link createCsvTokenizer}.
 * @returns nothing: the rows went to the sink.
 * @example
 * tokenizeCsv('id,childId\nR1,C1\n', sink); //=> sink.row(['id', 'childId'], 1), sink.row(['R1', 'C1'], 2), sink.end()
 */
export function tokenizeCsv(text: string, sink: RowSink, options: CsvTokenizerOptions = {}): void {
  const tokenizer = createCsvTokenizer(sink, options);
  tokenizer.write(text);
  tokenizer.end();
}
