/**
 * Stage 3 for JSON: a JSON array's items (the text read whole) and NDJSON's lines (read in pieces as they come),
 * each pushed as one item with its row: the 1-based item index for an array, the line number for NDJSON.
 *
 * `JSON.parse` keeps the last value of a key an object writes twice, without a word. So each item's own keys are
 * also counted as written, beside it, and an item that writes one more than once is pushed with those keys
 * ({@link RepeatedKey}), for the shape stage to reject its row as it does two keys written differently for one
 * field. Only the item's own keys count (a nested object is no field's value, an issue of its own); keys are compared
 * as `JSON.parse` reads them, escapes undone; the same value written twice is still a key written twice.
 * @module
 */
import { MAX_CELL_CHARS } from './issues.js';
import type { RepeatedKey, RowSink, TextSink } from './stages.js';

/** Options of the NDJSON tokenizer. */
export interface NdjsonTokenizerOptions {
  /** The longest line read, in characters; a longer one is an `unreadable` row. Default {@link MAX_CELL_CHARS}. */
  readonly lineCap?: number;
}

const LF = 10;
const CR = 13;
const SHOWN_CHARS = 200;

const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How many own keys an object holds, counted (`Object.keys` makes an array for each, several times slower). */
function ownKeyCount(value: object): number {
  let count = 0;
  for (const key in value) if (Object.hasOwn(value, key)) count++;
  return count;
}

/**
 * Counts the keys written by the objects `depth` brackets deep in valid JSON text (1: the text's own object; 2: the
 * objects of an array), as written: a key written twice counts twice. With `keys`, also gathers each key, its
 * escapes undone, into `keys[i]` for the i-th value of the array around those objects (the one value at depth 1).
 */
function countKeysWritten(text: string, depth: number, keys?: string[][]): number {
  let count = 0;
  let level = 0;
  let item = 0;
  let lastString = '';
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // The text is valid JSON, so the string ends, at the first quote no backslash escapes.
      const start = i + 1;
      for (i = start; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === QUOTE) break;
        if (d === BACKSLASH) i++;
      }
      if (keys !== undefined && level === depth) {
        const written = text.slice(start, i);
        lastString = written.includes('\\') ? (JSON.parse(`"${written}"`) as string) : written;
      }
    } else if (c === COLON) {
      if (level === depth) {
        count++;
        if (keys !== undefined) {
          const own = keys[item];
          if (own === undefined) keys[item] = [lastString];
          else own.push(lastString);
        }
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) level++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) level--;
    else if (c === COMMA && level === depth - 1) item++;
  }
  return count;
}

/**
 * Whether valid JSON text writes one of the own keys of its objects `depth` brackets deep more than once, given how
 * many keys those objects hold once parsed. Each key written is a string then a colon (JSON's whitespace between),
 * and each key held is written at least once: so text with no more colons after a quote than keys held writes none
 * twice, which the engine's own search for colons finds (the common case, a time's colons in a value too); the keys
 * are counted as written only otherwise (a nested object, a value holding `":`, a key written twice).
 */
function writesAKeyTwice(text: string, depth: number, held: number): boolean {
  let afterQuote = 0;
  for (let at = text.indexOf(':'); at !== -1 && afterQuote <= held; at = text.indexOf(':', at + 1)) {
    let before = at - 1;
    let c = text.charCodeAt(before);
    while (c === SPACE || c === TAB || c === LF || c === CR) c = text.charCodeAt(--before);
    if (c === QUOTE) afterQuote++;
  }
  return afterQuote > held && countKeysWritten(text, depth) !== held;
}

/**
 * For each value of the array around the objects `depth` brackets deep in valid JSON text (the one value at depth
 * 1), the keys its object writes more than once, in the order of their first writing, or undefined for none.
 */
function repeatedKeysByItem(text: string, depth: number): (RepeatedKey[] | undefined)[] {
  const keysOfItem: string[][] = [];
  countKeysWritten(text, depth, keysOfItem);
  const repeatedOfItem: (RepeatedKey[] | undefined)[] = [];
  keysOfItem.forEach((keys, item) => {
    const times = new Map<string, number>();
    for (const key of keys) times.set(key, (times.get(key) ?? 0) + 1);
    const repeated: RepeatedKey[] = [];
    for (const [key, count] of times) if (count > 1) repeated.push({ key, times: count });
    if (repeated.length > 0) repeatedOfItem[item] = repeated;
  });
  return repeatedOfItem;
}

/**
 * Tokenizes the text of a JSON array: each item is pushed with its 1-based index. Text that is not JSON, or not an
 * array, refuses the input. An object item that writes one of its own keys more than once (escapes undone: `"a"` and
 * `"\u0061"` are one key) is pushed with those keys ({@link RepeatedKey}); keys of objects nested in an item do not
 * count.
 *
 * @param text - the whole JSON text (a byte-order mark already dropped).
 * @param sink - the next stage.
 * @returns nothing: the items went to the sink.
 * @example
 * tokenizeJsonArray('[{"id": "R1"}, {"id": "R2"}]', sink); //=> sink.item({ id: 'R1' }, 1), sink.item({ id: 'R2' }, 2), sink.end()
 * tokenizeJsonArray('[{"id": "R1", "id": "R2"}]', sink); //=> sink.item({ id: 'R2' }, 1, [{ key: 'id', times: 2 }]), sink.end()
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
  // The keys are counted over the whole text; only when more were written than the items hold is each item's list
  // of keys made.
  let held = 0;
  for (const item of parsed) if (isPlainObject(item)) held += ownKeyCount(item);
  const repeatedOfItem = writesAKeyTwice(text, 2, held) ? repeatedKeysByItem(text, 2) : [];
  for (let index = 0; index < parsed.length; index++)
    sink.item(parsed[index], index + 1, repeatedOfItem[index]);
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
    const repeated =
      isPlainObject(value) && writesAKeyTwice(content, 1, ownKeyCount(value))
        ? repeatedKeysByItem(content, 1)[0]
        : undefined;
    this.sink.item(value, line, repeated);
  }
}

/**
 * Creates an NDJSON (JSON Lines) tokenizer that reads text in pieces and pushes one item a line, numbered by line;
 * `\r\n`, `\n` and `\r` end lines; blank lines are not rows; a line that is not JSON, or longer than the cap, is an
 * `unreadable` row and reading goes on at the next line. A line's object that writes one of its own keys more than
 * once (escapes undone) is pushed with those keys ({@link RepeatedKey}); keys of nested objects do not count.
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
