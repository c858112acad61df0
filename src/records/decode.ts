/**
 * The decode stage of the reading path (SPEC 13 "Encodings"): bytes to text, with the encoding named and nothing
 * guessed silently.
 *
 * - UTF-8 is the default; a byte-order mark is dropped.
 * - UTF-16 with a byte-order mark (either byte order) is decoded.
 * - Bytes that are not UTF-8, in a file that holds no UTF-8 multi-byte sequence at all, are read as Windows-1252
 *   (what Excel's "CSV (Comma delimited)" writes on a UK Windows machine), and the result says so.
 * - A file that mixes UTF-8 multi-byte sequences with bytes that are not UTF-8 is refused (`invalid_encoding`,
 *   naming the first lines affected): either reading would change some names.
 * - An `encoding` option forces one; an XML declaration (`xml: true`) is honoured like one.
 * - No U+FFFD is ever put in place of a byte without an `invalid_encoding` issue.
 *
 * Three ways in, one behaviour: {@link decodeBytes} for bytes held whole, {@link decodeStream} for an async
 * iterable of chunks, and {@link createByteDecoder} for a push pipeline. Whatever the chunking, the text, encoding
 * and issues are the same.
 *
 * Core module: it uses `TextDecoder` only (Node 20 and every browser), and decodes Windows-1252 with its own table
 * for bytes 0x80 to 0x9F, since Node 20.18.3 and later read them as ISO-8859-1 (nodejs/node#60888).
 * @module
 */
import type { InputIssue, TextEncoding } from './issues.js';

/**
 * How the encoding of a text was chosen:
 * - `default`: UTF-8, the default (the bytes are UTF-8, or plain ASCII);
 * - `detected`: Windows-1252, because the bytes are not UTF-8 and hold no UTF-8 multi-byte sequence;
 * - `byte-order-mark`: the file starts with the byte-order mark of UTF-8 or UTF-16;
 * - `option`: the `encoding` option;
 * - `xml-declaration`: the XML declaration's `encoding` (with the `xml` option).
 */
export type EncodingSource = 'default' | 'detected' | 'byte-order-mark' | 'option' | 'xml-declaration';

/** Options of {@link decodeBytes}, {@link decodeStream} and {@link createByteDecoder}. */
export interface DecodeOptions {
  /**
   * Forces the encoding: `utf-8`, `utf-16le`, `utf-16be` or `windows-1252`. A byte-order mark of that encoding is
   * dropped; one of another encoding, or an XML declaration that says otherwise, is an `invalid_encoding` issue. A
   * forced `utf-8` (or UTF-16) that meets bytes it cannot read is `invalid_encoding`, never U+FFFD. Default: none
   * (UTF-8, or what the byte-order mark or the bytes say).
   */
  readonly encoding?: TextEncoding;
  /**
   * Whether the bytes are XML: an XML declaration at the start (`<?xml version="1.0" encoding="windows-1252"?>`)
   * then chooses the encoding, as the `encoding` option does. Default false.
   */
  readonly xml?: boolean;
  /** The file named on issues. Default: none. */
  readonly file?: string;
}

/** What decoding found out, besides the text. */
export interface DecodeSummary {
  /** The encoding the text was read in. For a refused input, the encoding in force when it was refused. */
  readonly encoding: TextEncoding;
  /** How the encoding was chosen. */
  readonly encodingSource: EncodingSource;
  /**
   * Empty, or one `invalid_encoding` issue: the input is then refused. Its text is still given, so that its rows
   * can be counted, but holds U+FFFD or misread characters and must not become values.
   */
  readonly issues: readonly InputIssue[];
  /** A sentence for the user when the encoding was detected (Windows-1252), naming the line that showed it; else null. */
  readonly notice: string | null;
}

/** The result of {@link decodeBytes}: the text, and what decoding found out. */
export interface DecodedText extends DecodeSummary {
  /** The text, without a byte-order mark. */
  readonly text: string;
}

/** A push decoder ({@link createByteDecoder}): bytes in, text out, as they come. */
export interface ByteDecoder {
  /**
   * Decodes the next chunk of bytes.
   * @returns the text that is now certain (possibly '': a character may wait for its next bytes).
   */
  write(chunk: Uint8Array): string;
  /**
   * Whether the text the last `write` returned is known to hold only ASCII characters: read as UTF-8 with one
   * character to each byte. False when it is not known (the first bytes, another encoding, text after `end`).
   */
  readonly lastAscii: boolean;
  /**
   * Ends the input.
   * @returns the rest of the text.
   */
  end(): string;
  /** The encoding, once it is known (at the latest after `end()`); undefined until then. */
  readonly encoding: TextEncoding | undefined;
  /**
   * What decoding found out.
   * @throws {TypeError} before `end()`.
   */
  result(): DecodeSummary;
}

/** The text of {@link decodeStream}: iterate it once for the text, then ask for the `result()`. */
export interface DecodingStream extends AsyncIterable<string> {
  /** The encoding, once it is known (at the latest when the text ends); undefined until then. */
  readonly encoding: TextEncoding | undefined;
  /**
   * What decoding found out.
   * @throws {TypeError} before the text has been read to its end.
   */
  result(): DecodeSummary;
}

/** An XML declaration, as {@link readXmlDeclaration} reads it. */
export interface XmlDeclaration {
  /** The `encoding` as written (`windows-1252`, `ISO-8859-1`, `UTF-8`), or null when the declaration names none. */
  readonly declared: string | null;
  /**
   * The encoding it is read in: `ISO-8859-1` and `Latin1` as browsers read them (`windows-1252`), `US-ASCII` as
   * `utf-8` (of which it is a part), `UTF-16` in the byte order of the byte-order mark or of the declaration. Null when
   * the library does not read that encoding, or when `UTF-16` is declared in bytes that are not UTF-16. A
   * declaration without `encoding` is read as UTF-8 (or UTF-16, when it is written in UTF-16).
   */
  readonly encoding: TextEncoding | null;
}

const NAMES: Readonly<Record<TextEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'windows-1252': 'Windows-1252',
};

/** The characters of Windows-1252 bytes 0x80 to 0x9F (WHATWG); the five bytes it leaves undefined map to themselves. */
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCharCode(code));
const C1_CONTROL = /[\u0080-\u009f]/;
const C1_CONTROLS = /[\u0080-\u009f]/g;
/** The characters Windows-1252 leaves undefined (bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D): a file holding one is not Windows-1252. */
const UNDEFINED_1252 = '\u0081\u008d\u008f\u0090\u009d';
/**
 * In Windows-1252 text, an undefined byte, or a byte that may lead a UTF-8 sequence (0xC2 to 0xF4) followed by one
 * that may continue it (0x80 to 0xBF, whatever Windows-1252 reads them as): where a file read as Windows-1252 may be
 * UTF-8 after all.
 */
function windows1252Events(): RegExp {
  return new RegExp(`[${UNDEFINED_1252}]|[\u00c2-\u00f4][\u00a0-\u00bf${WINDOWS_1252_C1.join('')}]`, 'g');
}
const UNDEFINED_IN_WINDOWS_1252 = new RegExp(`[${UNDEFINED_1252}]`);

/** Characters of the line shown before a byte or character named in a message. */
const CONTEXT = 30;
/** The piece {@link decodeBytes} decodes at a time. */
const WHOLE_BYTES_PIECE = 2 ** 20;
/** Bytes an XML declaration is looked for in. */
const XML_HEAD = 1024;

/** The encodings an XML declaration may name, by lower-case name, and how each is read. */
const XML_ENCODINGS: Readonly<Record<string, TextEncoding | 'utf-16'>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'utf-16': 'utf-16',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  l1: 'windows-1252',
};

/**
 * The length of the UTF-8 multi-byte sequence at `at`: 2 to 4 when it is whole and well formed, 0 when it is not a
 * well-formed sequence (or `at` is not a lead byte), -1 when it is well formed so far but cut off by the end.
 */
function sequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at] ?? 0;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    else if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    else if (lead === 0xf4) high = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    if (at + k >= bytes.length) return -1;
    const byte = bytes[at + k] ?? 0;
    if (byte < low || byte > high) return 0;
    low = 0x80;
    high = 0xbf;
  }
  return length;
}

/** How many bytes at the end begin a UTF-8 sequence that the next chunk may complete (0 to 3). */
function openSequenceAtEnd(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) !== 0x80) return sequenceLength(bytes, bytes.length - back) === -1 ? back : 0;
  }
  return 0;
}

/** The offset of the first byte that is not well-formed UTF-8 (the length when there is none). */
function firstNonUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    if ((bytes[at] ?? 0) < 0x80) at++;
    else {
      const length = sequenceLength(bytes, at);
      if (length <= 0) return at;
      at += length;
    }
  }
  return at;
}

/** The UTF-16 code unit at a byte offset. */
function codeUnit(bytes: Uint8Array, at: number, littleEndian: boolean): number {
  const first = bytes[at] ?? 0;
  const second = bytes[at + 1] ?? 0;
  return littleEndian ? first | (second << 8) : (first << 8) | second;
}

/** The byte offset of the first UTF-16 code unit that is a lone surrogate, or of an odd last byte. */
function firstNonUtf16(bytes: Uint8Array, littleEndian: boolean): number {
  let at = 0;
  while (at + 1 < bytes.length) {
    const unit = codeUnit(bytes, at, littleEndian);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = at + 3 < bytes.length ? codeUnit(bytes, at + 2, littleEndian) : -1;
      if (next < 0xdc00 || next > 0xdfff) return at;
      at += 4;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return at;
    else at += 2;
  }
  return at;
}

/** Counts the occurrences of one character in a text. */
function countOf(text: string, character: string): number {
  let count = 0;
  for (let at = text.indexOf(character); at !== -1; at = text.indexOf(character, at + 1)) count++;
  return count;
}

/**
 * How the lines of a text end, decided by its first line end, as csv-parse decides: `lf` (LF, or CR LF: each LF ends
 * a line) or `cr` (a CR alone, as old Mac exports write: each CR ends a line). Counting one character keeps the
 * count to one pass.
 */
type LineEnds = 'unknown' | 'pending-cr' | 'lf' | 'cr';

/**
 * Counts the line ends of the next text, and says how lines end once its first line end shows it. `pending-cr`: the
 * text before ended with the file's first line end, a CR, and the next character says whether an LF follows it.
 */
function countLineEnds(text: string, style: LineEnds): { count: number; style: LineEnds } {
  if (text === '') return { count: 0, style };
  if (style === 'lf') return { count: countOf(text, '\n'), style };
  if (style === 'cr') return { count: countOf(text, '\r'), style };
  if (style === 'pending-cr') {
    // CR LF: the LF is counted; a CR alone: the CR is.
    return text.charCodeAt(0) === 10
      ? { count: countOf(text, '\n'), style: 'lf' }
      : { count: 1 + countOf(text, '\r'), style: 'cr' };
  }
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr === -1 || (lf !== -1 && lf < cr))
    return lf === -1 ? { count: 0, style } : { count: countOf(text, '\n'), style: 'lf' };
  if (cr === text.length - 1) return { count: 0, style: 'pending-cr' };
  return text.charCodeAt(cr + 1) === 10
    ? { count: countOf(text, '\n'), style: 'lf' }
    : { count: countOf(text, '\r'), style: 'cr' };
}

/** The end of a line's text, at most {@link CONTEXT} characters, after `text` follows `before` on the line. */
function lineTailOf(before: string, text: string): string {
  for (let at = text.length - 1; at >= 0 && at >= text.length - CONTEXT; at--) {
    const code = text.charCodeAt(at);
    if (code === 10 || code === 13) return text.slice(at + 1);
  }
  return text.length >= CONTEXT ? text.slice(-CONTEXT) : (before + text).slice(-CONTEXT);
}

/** A byte written as in messages: `0xE9`. */
function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** The byte-order mark at the start of the bytes, and its length. */
function byteOrderMark(bytes: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** The byte order of UTF-16 XML without a byte-order mark, from its first characters `<?` (XML 1.0 appendix F). */
function xmlByteOrder(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0x3c && b === 0 && c === 0x3f && d === 0) return 'utf-16le';
  if (a === 0 && b === 0x3c && c === 0 && d === 0x3f) return 'utf-16be';
  return undefined;
}

/**
 * Reads the XML declaration at the start of the bytes (after a byte-order mark), in one-byte or UTF-16 text, and
 * the encoding it names.
 *
 * @param bytes - the first bytes of the file (the declaration is looked for in the first 1,024).
 * @returns the encoding as declared and as read, or null when the bytes do not start with an XML declaration.
 * @example
 * readXmlDeclaration(new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><Message/>'))
 * //=> { declared: 'ISO-8859-1', encoding: 'windows-1252' }
 */
export function readXmlDeclaration(bytes: Uint8Array): XmlDeclaration | null {
  const mark = byteOrderMark(bytes);
  const start = mark?.length ?? 0;
  const order =
    mark === undefined ? xmlByteOrder(bytes) : mark.encoding === 'utf-8' ? undefined : mark.encoding;
  const head = bytes.subarray(start, start + XML_HEAD);
  let text = '';
  if (order === undefined) {
    for (const byte of head) text += String.fromCharCode(byte);
  } else {
    for (let at = 0; at + 1 < head.length; at += 2) {
      text += String.fromCharCode(codeUnit(head, at, order === 'utf-16le'));
    }
  }
  const declaration = /^<\?xml[ \t\r\n][^>]*?\?>/.exec(text)?.[0];
  if (declaration === undefined) return null;
  const found = /[ \t\r\n]encoding[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|'([^']*)')/.exec(declaration);
  if (found === null) return { declared: null, encoding: order ?? 'utf-8' };
  const declared = found[1] ?? found[2] ?? '';
  const reads = XML_ENCODINGS[declared.toLowerCase()];
  if (reads === undefined) return { declared, encoding: null };
  return { declared, encoding: reads === 'utf-16' ? (order ?? null) : reads };
}

function isUtf16(encoding: TextEncoding | undefined): boolean {
  return encoding === 'utf-16le' || encoding === 'utf-16be';
}

/**
 * Why the option, the byte-order mark and the XML declaration cannot all be right, or undefined when they agree.
 * @param mark - the byte-order mark's encoding.
 * @param written - the encoding the first bytes are written in, when they say (mark, or UTF-16 XML's `<?`).
 */
function conflictOf(
  mark: TextEncoding | undefined,
  written: TextEncoding | undefined,
  declaration: XmlDeclaration | null,
  forced: TextEncoding | undefined,
): string | undefined {
  if (mark !== undefined && forced !== undefined && mark !== forced) {
    return `the file starts with the byte-order mark of ${NAMES[mark]}, but encoding ${forced} was asked: leave the encoding to the file, or save it again in the encoding you meant`;
  }
  const declared = declaration?.declared ?? null;
  if (declaration === null || declared === null) return undefined;
  const says = `its XML declaration says ${JSON.stringify(declared)}`;
  if (XML_ENCODINGS[declared.toLowerCase()] === undefined) {
    return `${says}, an encoding the library does not read (it reads UTF-8, UTF-16, Windows-1252 and ISO-8859-1): save the file again as UTF-8, with encoding="UTF-8" in its declaration`;
  }
  const reads = declaration.encoding;
  if (reads === null || isUtf16(reads) !== isUtf16(written) || (written !== undefined && reads !== written)) {
    const how =
      written === undefined
        ? 'with one byte a character, not in UTF-16'
        : `in ${NAMES[written]}${mark === undefined ? '' : ', as its byte-order mark says'}`;
    return `${says}, but the file is written ${how}: correct the declaration, or save the file again in the encoding it declares`;
  }
  if (forced !== undefined && forced !== reads) {
    return `${says}, but encoding ${forced} was asked: correct the declaration, or leave the encoding to it`;
  }
  return undefined;
}

/** The modes of a decoder: `open` ones may still change their mind; `lossy` follows a refusal. */
type Mode = 'utf-8-open' | 'utf-8' | 'windows-1252-open' | 'windows-1252' | 'utf-16le' | 'utf-16be' | 'lossy';

/** Where a byte or character was met: its line and the line's text up to and with it. */
interface Spot {
  readonly line: number;
  readonly excerpt: string;
}

/**
 * Creates a push decoder: feed it chunks with `write`, then `end()`; each call returns the text that is certain so
 * far. This is the decode stage of a streaming reader: its text goes straight to the tokenizer.
 *
 * @param options - `encoding` (default: detected), `xml` (default false), `file` (default none).
 * @returns the decoder.
 * @example
 * const decoder = createByteDecoder();
 * decoder.write(Uint8Array.of(0x5a, 0x6f, 0xc3)) //=> 'Zo' (0xC3 waits for the rest of "ë")
 * decoder.write(Uint8Array.of(0xab)) //=> 'ë'
 * decoder.end() //=> ''
 * decoder.result() //=> { encoding: 'utf-8', encodingSource: 'default', issues: [], notice: null }
 */
export function createByteDecoder(options: DecodeOptions = {}): ByteDecoder {
  return decoderOf(options, false);
}

/**
 * The decoder of {@link createByteDecoder}. With `linesOnDemand`, the lines of the text are counted only when a
 * message needs one, from the text kept meanwhile: for {@link decodeBytes}, which keeps all of it anyway.
 */
function decoderOf(options: DecodeOptions, linesOnDemand: boolean): ByteDecoder {
  const file = options.file;
  const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  // Node decodes ASCII fastest without `stream` and other UTF-8 fastest with it; blocks are cut where a character
  // ends, so `stream` holds nothing back. Whether the last block was ASCII chooses the way.
  let fatalUtf8Stream = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let lastBlockAscii = true;
  // Whether the block decoded last was all ASCII, read as UTF-8 (see `lastAscii`).
  let blockAscii = false;
  const windows1252 = new TextDecoder('windows-1252');
  const windows1252Checks = windows1252Events();
  let fatalUtf16: InstanceType<typeof TextDecoder> | undefined;
  let lossy: ((bytes: Uint8Array, final: boolean) => string) | undefined;

  let head: Uint8Array | undefined = new Uint8Array(0);
  let ended = false;
  let mode: Mode = 'utf-8-open';
  let encoding: TextEncoding = 'utf-8';
  let source: EncodingSource = 'default';
  let declared: string | null = null;
  let carry = new Uint8Array(0);
  let lineEnds = 0;
  let lineEndStyle: LineEnds = 'unknown';
  let lineTail = '';
  let firstUtf8: Spot | undefined;
  let firstNotUtf8: (Spot & { readonly byte: number; readonly read: string }) | undefined;
  const issues: InputIssue[] = [];

  const uncounted: string[] = [];
  const count = (text: string): void => {
    const counted = countLineEnds(text, lineEndStyle);
    lineEnds += counted.count;
    lineEndStyle = counted.style;
    lineTail = lineTailOf(lineTail, text);
  };
  /** Counts the lines of text that has been decoded, and keeps the end of the current line. */
  const advance = (text: string): void => {
    if (text === '') return;
    if (linesOnDemand) uncounted.push(text);
    else count(text);
  };
  /** Where the next byte is: its line, and the line's text before it with `shown` after. */
  const here = (shown: string): Spot => {
    for (const text of uncounted.splice(0)) count(text);
    // What comes next is not an LF: the file's first line end was a CR alone.
    if (lineEndStyle === 'pending-cr') {
      lineEnds++;
      lineEndStyle = 'cr';
    }
    return { line: lineEnds + 1, excerpt: lineTail + shown };
  };

  const decode1252 = (bytes: Uint8Array): string => {
    // `stream` changes nothing for a one-byte encoding, but takes Node's faster path.
    const text = windows1252.decode(bytes, { stream: true });
    return C1_CONTROL.test(text)
      ? text.replace(C1_CONTROLS, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c)
      : text;
  };

  const why = (): string => {
    if (source === 'option') return `encoding ${encoding} was asked`;
    if (source === 'byte-order-mark') return `its byte-order mark says ${NAMES[encoding]}`;
    if (source === 'xml-declaration') {
      return declared === null
        ? `its XML declaration is written in ${NAMES[encoding]}`
        : `its XML declaration says ${JSON.stringify(declared)}`;
    }
    return `it was being read as ${NAMES[encoding]}`;
  };

  /** Refuses the input with one issue; the rest is decoded without checks, for counting rows only. */
  const refuse = (line: number, value: string | null, message: string): void => {
    issues.push({
      code: 'invalid_encoding',
      severity: 'error',
      row: line,
      field: null,
      value,
      message,
      ...(file === undefined ? {} : { file }),
    });
    mode = 'lossy';
    if (encoding === 'windows-1252') lossy = (bytes) => decode1252(bytes);
    else {
      const decoder = new TextDecoder(encoding, { ignoreBOM: true });
      lossy = (bytes, final) => decoder.decode(bytes, { stream: !final });
    }
  };

  const mixed = (): void => {
    if (firstUtf8 === undefined || firstNotUtf8 === undefined) return;
    const [first, second] =
      firstNotUtf8.line <= firstUtf8.line ? [firstNotUtf8, firstUtf8] : [firstUtf8, firstNotUtf8];
    const notUtf8 = `line ${firstNotUtf8.line} has a byte that is not UTF-8 (${hex(firstNotUtf8.byte)}, in ${JSON.stringify(firstNotUtf8.excerpt)})`;
    const utf8 = `line ${firstUtf8.line} has UTF-8 text (${JSON.stringify(firstUtf8.excerpt)})`;
    refuse(
      first.line,
      first.excerpt,
      `${first === firstNotUtf8 ? notUtf8 : utf8}, but ${second === firstNotUtf8 ? notUtf8 : utf8}: the file mixes two encodings (a damaged or joined export), and either reading would change some names. Save it again as UTF-8 ("CSV UTF-8" in Excel), or give its encoding if you know it`,
    );
  };

  /** Decodes UTF-8 (`utf-8-open` or `utf-8`), switching to Windows-1252 or refusing at the first bad byte. */
  const utf8Block = (block: Uint8Array, final: boolean): string => {
    blockAscii = false;
    const end = final ? block.length : block.length - openSequenceAtEnd(block);
    let valid = end;
    let text: string | undefined;
    try {
      const body = block.subarray(0, end);
      if (lastBlockAscii || final) text = fatalUtf8.decode(body);
      else {
        // With `stream`, a sequence left open at the end would be held back, not refused: one is only there when
        // it was cut by another that is already wrong (C2 C2), so the slow way finds it.
        if (openSequenceAtEnd(body) !== 0) throw new RangeError('a UTF-8 sequence left open');
        text = fatalUtf8Stream.decode(body, { stream: true });
      }
    } catch {
      fatalUtf8Stream = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      valid = firstNonUtf8(block.subarray(0, end));
      text = fatalUtf8.decode(block.subarray(0, valid));
    }
    lastBlockAscii = text.length === valid;
    let out = text;
    if (text.length !== valid && firstUtf8 === undefined) {
      // The first character that is not ASCII: UTF-8 text, so the file is UTF-8.
      const at = text.search(/[\u0080-\uffff]/);
      advance(text.slice(0, at));
      const character = String.fromCodePoint(text.codePointAt(at) ?? 0);
      firstUtf8 = here(character);
      if (mode === 'utf-8-open') mode = 'utf-8';
      text = text.slice(at);
    }
    advance(text);
    if (valid === end) {
      carry = block.slice(end);
      // Every byte decoded, each one character: all ASCII.
      blockAscii = out.length === end;
      return out;
    }
    const byte = block[valid] ?? 0;
    if (mode === 'utf-8-open') {
      mode = 'windows-1252-open';
      encoding = 'windows-1252';
      source = 'detected';
      const rest = block.subarray(valid);
      const spot = here(`<${hex(byte).slice(2)}>`);
      firstNotUtf8 = { ...spot, byte, read: lineTail + decode1252(rest.subarray(0, 1)) };
      return out + windows1252Block(rest, final);
    }
    const spot = here(`<${hex(byte).slice(2)}>`);
    firstNotUtf8 = { ...spot, byte, read: spot.excerpt };
    if (firstUtf8 !== undefined && source === 'default') mixed();
    else {
      refuse(
        spot.line,
        spot.excerpt,
        `line ${spot.line} has a byte that is not UTF-8 (${hex(byte)}, in ${JSON.stringify(spot.excerpt)}), but ${why()}: save the file again as UTF-8 ("CSV UTF-8" in Excel), or give its real encoding`,
      );
    }
    out += lossy?.(block.subarray(valid), final) ?? '';
    return out;
  };

  /**
   * Decodes Windows-1252. While it was detected (`windows-1252-open`) or declared, a well-formed UTF-8 multi-byte
   * sequence is a refusal (the file mixes encodings); a byte Windows-1252 leaves undefined is one always.
   */
  const windows1252Block = (block: Uint8Array, final: boolean): string => {
    const checking = mode === 'windows-1252-open';
    const end = !checking || final ? block.length : block.length - openSequenceAtEnd(block);
    // One character for each byte: an index in the text is an offset in the block.
    const text = decode1252(block.subarray(0, end));
    let undefinedAt = -1;
    let utf8At = -1;
    let utf8Length = 0;
    if (checking) {
      windows1252Checks.lastIndex = 0;
      for (let found = windows1252Checks.exec(text); found !== null; found = windows1252Checks.exec(text)) {
        if (found[0].length === 1) {
          undefinedAt = found.index;
          break;
        }
        utf8Length = sequenceLength(block, found.index);
        if (utf8Length > 0) {
          utf8At = found.index;
          break;
        }
        windows1252Checks.lastIndex = found.index + 1;
      }
    } else undefinedAt = text.search(UNDEFINED_IN_WINDOWS_1252);
    if (undefinedAt === -1 && utf8At === -1) {
      advance(text);
      carry = block.slice(end);
      return text;
    }
    const rest = decode1252(block.subarray(end));
    if (undefinedAt !== -1) {
      advance(text.slice(0, undefinedAt));
      const byte = block[undefinedAt] ?? 0;
      const spot = here(`<${hex(byte).slice(2)}>`);
      refuse(
        spot.line,
        spot.excerpt,
        `line ${spot.line} has the byte ${hex(byte)} (in ${JSON.stringify(spot.excerpt)}), which is not a character in Windows-1252 ${source === 'detected' ? 'nor, in that place, in UTF-8' : `although ${why()}`}: save the file again as UTF-8 ("CSV UTF-8" in Excel)`,
      );
      return text + rest;
    }
    advance(text.slice(0, utf8At));
    firstUtf8 = here(new TextDecoder().decode(block.subarray(utf8At, utf8At + utf8Length)));
    if (source === 'detected') mixed();
    else {
      refuse(
        firstUtf8.line,
        firstUtf8.excerpt,
        `line ${firstUtf8.line} has UTF-8 text (${JSON.stringify(firstUtf8.excerpt)}), but ${why()}: if the declaration is wrong, correct it; if it is right, force the encoding windows-1252`,
      );
    }
    return text + rest;
  };

  /** Decodes UTF-16 in either byte order, refusing at the first lone surrogate or odd last byte. */
  const utf16Block = (block: Uint8Array, final: boolean): string => {
    const littleEndian = mode === 'utf-16le';
    fatalUtf16 ??= new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    let end = final ? block.length : block.length - (block.length % 2);
    if (!final && end >= 2) {
      const last = codeUnit(block, end - 2, littleEndian);
      if (last >= 0xd800 && last <= 0xdbff) end -= 2;
    }
    let valid = end;
    let text: string;
    try {
      text = fatalUtf16.decode(block.subarray(0, end));
    } catch {
      valid = firstNonUtf16(block.subarray(0, end), littleEndian);
      text = fatalUtf16.decode(block.subarray(0, valid));
    }
    advance(text);
    if (valid === end) {
      carry = block.slice(end);
      return text;
    }
    const odd = valid === block.length - 1;
    const shown = odd
      ? hex(block[valid] ?? 0)
      : `0x${codeUnit(block, valid, littleEndian).toString(16).toUpperCase()}`;
    const spot = here(`<${shown.slice(2)}>`);
    refuse(
      spot.line,
      spot.excerpt,
      odd
        ? `the file ends with half a ${NAMES[encoding]} character (an odd number of bytes, last ${shown}), but ${why()}: it was cut short or is not ${NAMES[encoding]}`
        : `line ${spot.line} has ${shown}, half of a character pair, which is not ${NAMES[encoding]} (in ${JSON.stringify(spot.excerpt)}), but ${why()}: save the file again as UTF-8`,
    );
    return text + (lossy?.(block.subarray(valid), final) ?? '');
  };

  const decodeBlock = (block: Uint8Array, final: boolean): string => {
    switch (mode) {
      case 'lossy':
        return lossy?.(block, final) ?? '';
      case 'utf-8-open':
      case 'utf-8':
        return utf8Block(block, final);
      case 'windows-1252-open':
      case 'windows-1252':
        return windows1252Block(block, final);
      default:
        return utf16Block(block, final);
    }
  };

  /** Chooses the encoding from the first bytes (option, byte-order mark, XML declaration) and decodes them. */
  const begin = (bytes: Uint8Array, final: boolean): string => {
    const mark = byteOrderMark(bytes);
    const forced = options.encoding;
    const declaration = options.xml === true ? readXmlDeclaration(bytes) : null;
    declared = declaration?.declared ?? null;
    const written = mark?.encoding ?? (options.xml === true ? xmlByteOrder(bytes) : undefined);
    const conflict = conflictOf(mark?.encoding, written, declaration, forced);
    encoding = forced ?? written ?? declaration?.encoding ?? 'utf-8';
    if (conflict !== undefined) encoding = written ?? forced ?? 'utf-8';
    if (forced !== undefined) source = 'option';
    else if (mark !== undefined) source = 'byte-order-mark';
    else if (declaration !== null && (declared !== null || written !== undefined)) source = 'xml-declaration';
    const body = bytes.subarray(mark !== undefined && mark.encoding === encoding ? mark.length : 0);
    if (conflict !== undefined) {
      refuse(1, null, conflict);
      return decodeBlock(body, final);
    }
    if (encoding === 'utf-16le' || encoding === 'utf-16be') mode = encoding;
    else if (encoding === 'windows-1252') mode = source === 'option' ? 'windows-1252' : 'windows-1252-open';
    else mode = source === 'default' ? 'utf-8-open' : 'utf-8';
    return decodeBlock(body, final);
  };

  /** Whether the first bytes are enough to choose the encoding. */
  const headDecided = (bytes: Uint8Array): boolean => {
    if (options.xml === true) return bytes.length >= XML_HEAD || bytes.includes(0x3e);
    const first = bytes[0];
    if (first === undefined) return false;
    if (first !== 0xef && first !== 0xfe && first !== 0xff) return true;
    return bytes.length >= (first === 0xef ? 3 : 2);
  };

  const withCarry = (chunk: Uint8Array): Uint8Array => {
    if (carry.length === 0) return chunk;
    const block = new Uint8Array(carry.length + chunk.length);
    block.set(carry);
    block.set(chunk, carry.length);
    carry = new Uint8Array(0);
    return block;
  };

  return {
    get lastAscii() {
      return blockAscii;
    },
    write(chunk) {
      blockAscii = false;
      if (ended) throw new TypeError('createByteDecoder: write() after end()');
      if (!(chunk instanceof Uint8Array)) {
        throw new TypeError(`createByteDecoder: expected a Uint8Array chunk, got ${typeof chunk}`);
      }
      if (head !== undefined) {
        let joined = chunk;
        if (head.length > 0) {
          joined = new Uint8Array(head.length + chunk.length);
          joined.set(head);
          joined.set(chunk, head.length);
        }
        if (!headDecided(joined)) {
          head = joined;
          return '';
        }
        head = undefined;
        return begin(joined, false);
      }
      return decodeBlock(withCarry(chunk), false);
    },
    end() {
      if (ended) throw new TypeError('createByteDecoder: end() called twice');
      ended = true;
      if (head !== undefined) {
        const bytes = head;
        head = undefined;
        return begin(bytes, true);
      }
      return decodeBlock(withCarry(new Uint8Array(0)), true);
    },
    get encoding() {
      if (ended || (head === undefined && mode !== 'utf-8-open')) return encoding;
      return undefined;
    },
    result() {
      if (!ended) throw new TypeError('createByteDecoder: result() before end()');
      const notice =
        source === 'detected' && issues.length === 0 && firstNotUtf8 !== undefined
          ? `read as Windows-1252 (what Excel's "CSV (Comma delimited)" writes): line ${firstNotUtf8.line} has a byte that is not UTF-8 (${hex(firstNotUtf8.byte)}, read as ${JSON.stringify(firstNotUtf8.read)}), and no line has UTF-8 text. If names look wrong, save the file as "CSV UTF-8" or give its encoding`
          : null;
      return { encoding, encodingSource: source, issues: [...issues], notice };
    },
  };
}

/**
 * Decodes bytes held whole: UTF-8 by default (a byte-order mark dropped), UTF-16 with a byte-order mark,
 * Windows-1252 when the bytes are not UTF-8 and hold no UTF-8 multi-byte sequence, refused (`invalid_encoding`)
 * when they mix the two.
 *
 * @param bytes - the file's bytes.
 * @param options - `encoding` (default: detected), `xml` (default false), `file` (default none).
 * @returns the text, its encoding and how it was chosen, the issues (empty, or one `invalid_encoding`: refused),
 *   and a notice when the encoding was detected.
 * @example
 * // "Zoë" as Excel's "CSV (Comma delimited)" writes it on a UK machine: ë is the one byte 0xEB.
 * decodeBytes(Uint8Array.of(0x5a, 0x6f, 0xeb)).text //=> 'Zoë'
 * decodeBytes(Uint8Array.of(0x5a, 0x6f, 0xeb)).encoding //=> 'windows-1252'
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  // Bytes that are UTF-8 throughout (most files) are decoded in one call; the stage's answer is then known. (Without
  // `fatal` Node takes a faster path; a text without U+FFFD had no byte that is not UTF-8.) The first mebibyte shows
  // most files that are not, before the whole is decoded in vain.
  if (
    (options.encoding === undefined || options.encoding === 'utf-8') &&
    options.xml !== true &&
    !utf8.decode(bytes.subarray(0, WHOLE_BYTES_PIECE), { stream: true }).includes('\ufffd')
  ) {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    if (!text.includes('\ufffd')) {
      const marked = text.charCodeAt(0) === 0xfeff;
      const encodingSource = options.encoding === 'utf-8' ? 'option' : marked ? 'byte-order-mark' : 'default';
      return {
        text: marked ? text.slice(1) : text,
        encoding: 'utf-8',
        encodingSource,
        issues: [],
        notice: null,
      };
    }
  }
  const decoder = decoderOf(options, true);
  // Decoded a piece at a time: strings of a mebibyte are made and counted faster than one of the whole file.
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += WHOLE_BYTES_PIECE) {
    parts.push(decoder.write(bytes.subarray(at, at + WHOLE_BYTES_PIECE)));
  }
  parts.push(decoder.end());
  return { text: parts.join(''), ...decoder.result() };
}

/**
 * Decodes a stream of byte chunks (a Node stream, a browser `File.stream()`) as it comes: the text chunks are given
 * as soon as they are certain, and the whole is the same as {@link decodeBytes} gives on the same bytes, however
 * they are chunked.
 *
 * @param chunks - the bytes, in chunks.
 * @param options - `encoding` (default: detected), `xml` (default false), `file` (default none).
 * @returns the text to iterate once; then `result()` gives the encoding, how it was chosen, the issues and notice.
 * @example
 * const decoding = decodeStream(createReadStream('ia.csv'));
 * for await (const text of decoding) tokenizer.write(text);
 * decoding.result() //=> { encoding: 'utf-8', encodingSource: 'default', issues: [], notice: null }
 */
export function decodeStream(chunks: AsyncIterable<Uint8Array>, options: DecodeOptions = {}): DecodingStream {
  const decoder = createByteDecoder(options);
  let started = false;
  return {
    async *[Symbol.asyncIterator]() {
      if (started) throw new TypeError('decodeStream: the text can be read only once');
      started = true;
      for await (const chunk of chunks) {
        const text = decoder.write(chunk);
        if (text !== '') yield text;
      }
      const rest = decoder.end();
      if (rest !== '') yield rest;
    },
    get encoding() {
      return decoder.encoding;
    },
    result() {
      return decoder.result();
    },
  };
}
