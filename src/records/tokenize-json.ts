/**
 * Stage 3 for JSON: a JSON array's items (the text read whole) and NDJSON's lines (read in pieces as they come),
 * each pushed as one item with its row: the 1-based item index for an array, the line number for NDJSON.
 * @module
 */
import { MAX_CELL_CHARS } from './issues.js';
import type { RowSink, TextSink } from './stages.js';

/** Options of the NDJSON tokenizer. */
export interface NdjsonTokenizerOptions {
  /** The longest line read, in characters; a longer one is an `unreadable` row. Default {@link MAX_CELL_CHARS}. */
  readonly lineCap?: number;
}

const LF = 10;
const CR = 13;
const SHOWN_CHARS = 200;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Tokenizes the text of a JSON array: each item is pushed with its 1-based index. Text that is not JSON, or not an
 * array, refuses the input.
 *
 * @param text - the whole JSON text (a byte-order mark already dropped).
 * @param sink - the next stage.
 * @returns nothing: the items went to the sink.
 * @example
 * tokenizeJsonArray('[{"id": "R1"}, {"id": "R2"}]', sink); //=> sink.item({ id: 'R1' }, 1), sink.item({ id: 'R2' }, 2), sink.end()
 */
export function tokenizeJsonArray(text: string, sink: RowSink): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    sink.refuse(`the text is not valid JSON (${errorMessage(error)}): expected an array of objects`);
    sink.end();
    return;
  }
  if (!Array.isArray(parsed)) {
    const got = parsed === null ? 'null' : `a JSON ${typeof parsed === 'object' ? 'object' : typeof parsed}`;
    sink.refuse(`the text is ${got}, not an array: expected an array of objects, one per record`);
    sink.end();
    return;
  }
  for (let index = 0; index < parsed.length; index++) sink.item(parsed[index], index + 1);
  sink.end();
}

/** The NDJSON tokenizer's state between pieces of text. */
class NdjsonTokenizer implements TextSink {
  private readonly sink: RowSink;
  private readonly cap: number;
  private line = 1;
  /** The current line's text from earlier pieces (empty once it runs past the cap). */
  private pending = '';
  private pendingLength = 0;
  private skipLineFeed = false;

  constructor(sink: RowSink, options: NdjsonTokenizerOptions) {
    this.sink = sink;
    this.cap = options.lineCap ?? MAX_CELL_CHARS;
  }

  write(text: string): void {
    const n = text.length;
    // An empty piece (a stream may give one) changes nothing: above all, not a `\r` waiting for its `\n`.
    if (n === 0) return;
    let start = 0;
    if (this.skipLineFeed) {
      this.skipLineFeed = false;
      if (text.charCodeAt(0) === LF) start = 1;
    }
    for (let i = start; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== LF && c !== CR) continue;
      this.take(text, start, i);
      this.endLine();
      if (c === CR) {
        if (i + 1 < n) {
          if (text.charCodeAt(i + 1) === LF) i++;
        } else this.skipLineFeed = true;
      }
      start = i + 1;
    }
    this.take(text, start, n);
  }

  end(): void {
    if (this.pendingLength > 0) this.endLine();
    this.sink.end();
  }

  private take(text: string, from: number, to: number): void {
    if (from === to) return;
    this.pendingLength += to - from;
    if (this.pendingLength > this.cap) {
      // Only the start is kept, to show; the rest of the line is skipped.
      if (this.pending.length < SHOWN_CHARS)
        this.pending += text.slice(from, Math.min(to, from + SHOWN_CHARS));
      return;
    }
    this.pending += text.slice(from, to);
  }

  private endLine(): void {
    const line = this.line++;
    const content = this.pending;
    const length = this.pendingLength;
    this.pending = '';
    this.pendingLength = 0;
    if (length > this.cap) {
      this.sink.problem({
        code: 'unreadable',
        line,
        value: `${content.slice(0, SHOWN_CHARS)}…`,
        message: `the line runs past ${String(this.cap).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} characters, more than any record: it is left out and reading goes on at the next line`,
      });
      return;
    }
    if (content.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      this.sink.problem({
        code: 'unreadable',
        line,
        value: content.length > SHOWN_CHARS ? `${content.slice(0, SHOWN_CHARS)}…` : content,
        message: `the line is not valid JSON (${errorMessage(error)}): expected one object a line`,
      });
      return;
    }
    this.sink.item(value, line);
  }
}

/**
 * Creates an NDJSON (JSON Lines) tokenizer that reads text in pieces and pushes one item a line, numbered by line;
 * `\r\n`, `\n` and `\r` end lines; blank lines are not rows; a line that is not JSON, or longer than the cap, is an
 * `unreadable` row and reading goes on at the next line.
 *
 * @param sink - the next stage.
 * @param options - `lineCap` (default {@link MAX_CELL_CHARS}).
 * @returns the tokenizer: `write(text)` each piece, then `end()`.
 * @example
 * const tokenizer = createNdjsonTokenizer(sink);
 * tokenizer.write('{"id":"R1"}\n\n{"id"');
 * tokenizer.write(':"R2"}\n');
 * tokenizer.end(); //=> sink.item({ id: 'R1' }, 1), sink.item({ id: 'R2' }, 3), sink.end()
 */
export function createNdjsonTokenizer(sink: RowSink, options: NdjsonTokenizerOptions = {}): TextSink {
  return new NdjsonTokenizer(sink, options);
}
