/**
 * Stages 2 and 3 for a census over its bytes, in one (the census byte lane): the records of an XML file read
 * straight from its bytes, with no decoding and no text, for the files written the plain way exports write them.
 * It gives the next stage exactly the items, lines and end that the XML tokenizer ({@link createXmlTokenizer}) gives
 * for the same file, and reads only what it can read exactly: the bytes ASCII, with no `&` (so no entity and no bare
 * ampersand), no comment, CDATA section, document type or processing instruction but an XML declaration of UTF-8 at
 * the very start, no namespace prefix, no empty element (`<A/>`), no white space in an end tag (attributes are
 * checked as the tokenizer checks them, and not read), no control character but tab, line feed and carriage return,
 * and nothing the tokenizer would refuse. At anything else it hands the file back
 * (`handedBack`, with the `reason`), and the file is read again from its start by the decoder and the tokenizer,
 * which read every XML file (and name what is wrong with one). A layout with file values (a workforce census's
 * header) is not read by it. Internal to the reading path (not exported by the package).
 *
 * Why: a census is 13 times the bytes of a CSV of the same referrals, and most of them are markup. Decoded, every
 * byte became a character of a string the tokenizer then searched again; here each byte is looked at once, element
 * names are matched as bytes against the name that usually comes next, and a string is made only for a value the
 * shape reads (docs/performance.md, "XML censuses, streamed", "A census read from its bytes").
 * @module
 */

import { asciiText } from '../util/ascii-text.js';
import type { RowSink } from './stages.js';
import { ATTRIBUTES, addChild, elementValue, XML_LINE, type XmlTokenizerOptions } from './tokenize-xml.js';

const LT = 60;
const GT = 62;
const SLASH = 47;
const AMPERSAND = 38;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const TAB = 9;
const SPACE = 32;
/** Four spaces, as a little-endian word. */
const SPACES = 0x20202020;

/**
 * How deep the lane follows elements: a census nests fewer than ten. A file nested deeper is handed back (the
 * tokenizer reads it to its own limit, and refuses beyond that).
 */
const DEPTH_LIMIT = 64;

/** Bytes that may start a name the lane reads (an ASCII letter or `_`): 1. */
const NAME_START = new Uint8Array(256);
/** Bytes that may be in a name the lane reads (an ASCII letter, digit, `_`, `.` or `-`): 1. */
const NAME_BYTE = new Uint8Array(256);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  NAME_START[c] = letter ? 1 : 0;
  NAME_BYTE[c] = letter || (c >= 48 && c <= 57) || c === 46 || c === 45 ? 1 : 0;
}

/** An XML declaration the lane reads: version 1.x, the encoding UTF-8 or none, standalone or not. */
const DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[Uu][Tt][Ff]-8\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>$/;

type XmlNode = Record<string | symbol, unknown>;

/**
 * The longest run of text (or tag) the lane waits for across pieces of the file: a longer one, which no census
 * writes, is handed back, rather than joined again to each piece that does not end it.
 */
const LONGEST_PIECE = 1 << 20;

/** The bytes of `a` then `b`. */
function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  const both = new Uint8Array(a.length + b.length);
  both.set(a, 0);
  both.set(b, a.length);
  return both;
}

/**
 * The census byte lane: write the file's bytes in pieces cut anywhere, then end it; if `handedBack` is true after
 * any call, the file must be read again by the tokenizer (what was given to the sink is to be thrown away).
 * @example
 * const lane = new XmlByteLane({ container: 'Children', records: 'Child', expected: 'a census' }, sink);
 * lane.write(new TextEncoder().encode('<Message><Children><Child><LAchildID>C1</LAchildID></Child></Children></Message>'));
 * lane.end();
 * //=> sink.item({ LAchildID: 'C1' }, 1), sink.end(); lane.handedBack === false
 */
export class XmlByteLane {
  /** Whether the lane gave the file back (`reason` says why): it must be read again by the tokenizer. */
  handedBack = false;
  /** Why the lane handed the file back. */
  reason = '';

  private readonly sink: RowSink;
  private readonly container: string;
  private readonly records: string;
  private readonly repeating: ReadonlySet<string>;
  private readonly reads: ReadonlySet<string> | undefined;

  /** The bytes of a piece not complete at the end of the last write (a tag cut in two, a text waiting for its tag). */
  private carry: Uint8Array | undefined;
  /** Whether the start of the file (a byte-order mark, an XML declaration) has been read. */
  private started = false;
  /** The line of the next byte read. */
  private line = 1;

  // The element names met, by number: their bytes, text, whether they repeat and whether the shape reads them.
  private readonly nameBytes: Uint8Array[] = [];
  private readonly names: string[] = [];
  private readonly repeats: boolean[] = [];
  private readonly read: boolean[] = [];
  private readonly byHash = new Map<number, number>();
  private sameHash = new Int32Array(64);
  /** Each name then `>` as words (`written`): where its words start in `words`, how many are whole, the last's mask. */
  private words = new Int32Array(256);
  private wordsUsed = 0;
  private wordStart = new Int32Array(64);
  private wholeWords = new Int32Array(64);
  private tailMask = new Int32Array(64);
  /** The name that came after a start tag (`afterOpen`) or an end tag (`afterClose`) of each name last time: the guess. */
  private afterOpen = new Int32Array(64).fill(-1);
  private afterClose = new Int32Array(64).fill(-1);
  /** The name of the start tag to try first: the one that followed the last tag's name last time. */
  private guess = -1;
  /** The last tag's name, and whether it was an end tag: where the next start tag's name is remembered. */
  private lastId = -1;
  private lastClosed = false;

  // The open elements: their names' numbers and the lines of their start tags.
  private readonly openName = new Int32Array(DEPTH_LIMIT);
  private readonly openLine = new Int32Array(DEPTH_LIMIT);
  private depth = 0;
  private rootClosed = false;
  private containerDepth = -1;
  private containerIsRoot = false;
  private containerSeen = false;
  private recordDepth = -1;
  private unreadDepth = -1;
  private readonly nodes: (XmlNode | undefined)[] = [];
  private readonly texts: string[] = [];

  /**
   * @param options - the tokenizer's options (without `fileValues`: a layout with file values is not given a lane).
   * @param sink - the next stage.
   */
  constructor(options: XmlTokenizerOptions, sink: RowSink) {
    this.sink = sink;
    this.container = options.container;
    this.records = options.records;
    this.repeating = new Set([options.records, ...(options.repeating ?? [])]);
    this.reads = options.reads === undefined ? undefined : new Set(options.reads);
  }

  /** The next piece of the file's bytes. */
  write(chunk: Uint8Array): void {
    if (this.handedBack || chunk.length === 0) return;
    const carry = this.carry;
    this.carry = undefined;
    if (carry === undefined) {
      this.take(chunk, 0);
      return;
    }
    // What the last piece left (most often a tag cut in two) is completed by this piece up to its first `>` and read
    // on its own, then the rest of the piece where it lies, without copying it.
    const head = chunk.indexOf(GT) + 1;
    if (head === 0 || head === chunk.length) {
      this.take(joined(carry, chunk), 0);
      return;
    }
    this.take(joined(carry, chunk.subarray(0, head)), 0);
    if (this.handedBack) return;
    const left = this.carry as Uint8Array | undefined;
    this.carry = undefined;
    if (left === undefined) this.take(chunk, head);
    else this.take(joined(left, chunk.subarray(head)), 0);
  }

  /** The end of the file: the last items are given and the sink ended, or the file handed back. */
  end(): void {
    if (this.handedBack) return;
    const rest = this.carry;
    this.carry = undefined;
    let why: string | undefined;
    // Text after the root element, or a tag or text the file ends inside.
    if (rest !== undefined && rest.indexOf(LT) >= 0) why = 'the file ends inside a tag';
    else if (rest !== undefined && !this.text(rest, 0, rest.length)) return;
    else if (!this.started) why = 'an empty file';
    else if (this.depth > 0) why = 'the file ends inside an element';
    else if (!this.containerSeen) why = `no <${this.container}> element`;
    if (why !== undefined) this.handBack(why);
    else this.sink.end();
  }

  private handBack(reason: string): void {
    this.handedBack = true;
    this.reason = `the census byte lane: ${reason}`;
    this.carry = undefined;
  }

  /** Reads `bytes` from `from`, and keeps what is left of them (an incomplete piece) for the next write. */
  private take(bytes: Uint8Array, from: number): void {
    let at = from;
    if (!this.started) {
      at = this.start(bytes);
      if (at < 0) return;
    }
    const stop = this.scan(bytes, at);
    if (stop < 0 || stop >= bytes.length) return;
    if (bytes.length - stop > LONGEST_PIECE) this.handBack('a text or tag longer than it waits for');
    else this.carry = bytes.slice(stop);
  }

  /**
   * The start of the file: no byte-order mark, and an XML declaration the lane reads, or none.
   * @returns where the file's markup starts, or -1 (handed back, or waiting for more bytes).
   */
  private start(bytes: Uint8Array): number {
    if (bytes.length < 5) {
      this.carry = bytes.slice();
      return -1;
    }
    if (bytes[0] === 0xef) {
      this.handBack('a byte-order mark');
      return -1;
    }
    this.started = true;
    if (bytes[0] !== LT || bytes[1] !== 63) return 0;
    const end = bytes.indexOf(GT);
    if (end < 0 || end > 512) {
      if (end < 0 && bytes.length < 512) {
        this.started = false;
        this.carry = bytes.slice();
      } else this.handBack('an XML declaration it does not read');
      return -1;
    }
    for (let at = 0; at <= end; at++) {
      if ((bytes[at] as number) >= 128 || bytes[at] === NEWLINE) {
        this.handBack('an XML declaration it does not read');
        return -1;
      }
    }
    if (!DECLARATION.test(asciiText(bytes, 0, end + 1))) {
      this.handBack('an XML declaration it does not read');
      return -1;
    }
    return end + 1;
  }

  /**
   * Reads the complete pieces of `bytes` from `from` (a text and the tag after it).
   * @returns the position after the last complete piece, or -1 when handed back.
   */
  private scan(bytes: Uint8Array, from: number): number {
    const length = bytes.length;
    const view = new DataView(bytes.buffer, bytes.byteOffset, length);
    let position = from;
    while (position < length) {
      // The text up to the next `<`, each byte looked at once (its lines counted, its bytes checked): a text between
      // two tags is short, shorter than a search of it is worth.
      const lineBefore = this.line;
      let lt = position;
      let blank = true;
      // Most often a line end and its indentation: spaces four at a time.
      for (;;) {
        if (lt + 4 <= length && view.getInt32(lt, true) === SPACES) lt += 4;
        else if (bytes[lt] === SPACE) lt++;
        else if (bytes[lt] === NEWLINE) {
          this.line++;
          lt++;
        } else break;
      }
      while (lt < length) {
        const code = bytes[lt] as number;
        if (code === LT) break;
        if (code > SPACE) {
          if (code >= 127 || code === AMPERSAND) {
            this.handBack(code === AMPERSAND ? 'an "&"' : 'a byte outside ASCII');
            return -1;
          }
          blank = false;
        } else if (code === NEWLINE) this.line++;
        else if (code !== SPACE && code !== TAB && code !== CARRIAGE_RETURN) {
          this.handBack('a control character');
          return -1;
        }
        lt++;
      }
      if (lt >= length) {
        // A text the next piece completes: read again then.
        this.line = lineBefore;
        return position;
      }
      if (lt > position && !this.keepText(bytes, position, lt, blank)) return -1;
      if (lt + 1 >= length) return lt;
      const next = bytes[lt + 1] as number;
      if (next === SLASH) {
        // An end tag: the open element's name, then `>`.
        if (this.depth === 0) {
          this.handBack('an end tag that closes no element');
          return -1;
        }
        const open = this.openName[this.depth - 1] as number;
        const size = (this.nameBytes[open] as Uint8Array).length;
        const nameAt = lt + 2;
        if (nameAt + size >= length) return lt;
        if (!this.written(bytes, view, nameAt, open)) {
          this.handBack('an end tag it does not read');
          return -1;
        }
        this.close();
        position = nameAt + size + 1;
        continue;
      }
      if (NAME_START[next] !== 1) {
        this.handBack(
          'markup it does not read (a comment, CDATA, a declaration or a processing instruction)',
        );
        return -1;
      }
      // A start tag: the name guessed first, compared with its `>`; else read byte by byte and looked up.
      let id = this.guess;
      let nameEnd = -1;
      if (id >= 0) {
        const end = lt + 1 + (this.nameBytes[id] as Uint8Array).length;
        if (end < length && this.written(bytes, view, lt + 1, id)) nameEnd = end;
      }
      if (nameEnd < 0) {
        let at = lt + 1;
        let hash = 0;
        while (at < length) {
          const code = bytes[at] as number;
          if (NAME_BYTE[code] !== 1) break;
          hash = (Math.imul(hash, 31) + code) | 0;
          at++;
        }
        if (at >= length) return lt;
        if (bytes[at] !== GT) {
          // Attributes (a census's `<Message xmlns:xsi="…">`): checked as the tokenizer checks them, and not read.
          const after = this.attributes(bytes, at);
          if (after === -2) return lt;
          if (after < 0) {
            this.handBack('a tag it does not read (a prefix, an empty element, attributes not name="value")');
            return -1;
          }
          const lines = this.linesIn(bytes, at, after);
          if (!this.open(this.nameOf(bytes, lt + 1, at, hash))) return -1;
          this.line += lines;
          position = after + 1;
          continue;
        }
        id = this.nameOf(bytes, lt + 1, at, hash);
        nameEnd = at;
      }
      if (!this.open(id)) return -1;
      position = nameEnd + 1;
    }
    return position;
  }

  /**
   * The `>` of a start tag whose attributes start at `at` (with white space), when they are written as the tokenizer
   * reads them (`name="value"`, `name='value'`, ASCII, no `>` in a value, not an empty element's `/>`); -1 when
   * not, -2 when its `>` is not in these bytes yet.
   */
  private attributes(bytes: Uint8Array, at: number): number {
    const gt = bytes.indexOf(GT, at);
    if (gt < 0) return -2;
    if (bytes[gt - 1] === SLASH) return -1;
    for (let k = at; k < gt; k++) {
      const code = bytes[k] as number;
      if (code >= 127 || (code < SPACE && code !== TAB && code !== NEWLINE && code !== CARRIAGE_RETURN))
        return -1;
    }
    return ATTRIBUTES.test(asciiText(bytes, at, gt)) ? gt : -1;
  }

  /** The line feeds in `bytes` from `from` to `to`. */
  private linesIn(bytes: Uint8Array, from: number, to: number): number {
    let lines = 0;
    for (let k = from; k < to; k++) if (bytes[k] === NEWLINE) lines++;
    return lines;
  }

  /**
   * Whether name `id` then `>` is written in `bytes` at `at` (the caller knows the `>`'s place to be in them): four
   * bytes at a time, as little-endian words, the last word under a mask; byte by byte near the end of the bytes.
   */
  private written(bytes: Uint8Array, view: DataView, at: number, id: number): boolean {
    const first = this.wordStart[id] as number;
    const whole = this.wholeWords[id] as number;
    if (at + 4 * whole + 3 < bytes.length) {
      const words = this.words;
      for (let w = 0; w < whole; w++) {
        if (view.getInt32(at + 4 * w, true) !== words[first + w]) return false;
      }
      return (view.getInt32(at + 4 * whole, true) & (this.tailMask[id] as number)) === words[first + whole];
    }
    const name = this.nameBytes[id] as Uint8Array;
    const size = name.length;
    for (let k = 0; k < size; k++) if (bytes[at + k] !== name[k]) return false;
    return bytes[at + size] === GT;
  }

  /** The number of the name in `bytes` from `from` to `to` (its hash given), added when new. */
  private nameOf(bytes: Uint8Array, from: number, to: number, hash: number): number {
    const size = to - from;
    let id = this.byHash.get(hash) ?? -1;
    while (id >= 0) {
      const name = this.nameBytes[id] as Uint8Array;
      if (name.length === size) {
        let k = 0;
        while (k < size && bytes[from + k] === name[k]) k++;
        if (k === size) return id;
      }
      id = this.sameHash[id] as number;
    }
    id = this.names.length;
    if (id === this.sameHash.length) {
      const grown = (table: Int32Array, fill: number) => {
        const next = new Int32Array(table.length * 2).fill(fill);
        next.set(table);
        return next;
      };
      this.sameHash = grown(this.sameHash, -1);
      this.wordStart = grown(this.wordStart, 0);
      this.wholeWords = grown(this.wholeWords, 0);
      this.tailMask = grown(this.tailMask, 0);
      this.afterOpen = grown(this.afterOpen, -1);
      this.afterClose = grown(this.afterClose, -1);
    }
    const text = asciiText(bytes, from, to);
    // The name then `>` as little-endian words: its whole words, then the last part word and its mask.
    const withGt = size + 1;
    const whole = withGt >> 2;
    if (this.wordsUsed + whole + 1 > this.words.length) {
      const words = new Int32Array(Math.max(this.words.length * 2, this.wordsUsed + whole + 1));
      words.set(this.words);
      this.words = words;
    }
    this.wordStart[id] = this.wordsUsed;
    this.wholeWords[id] = whole;
    for (let w = 0; w <= whole; w++) {
      let word = 0;
      let mask = 0;
      for (let k = 0; k < 4; k++) {
        const place = 4 * w + k;
        if (place >= withGt) break;
        word |= (place === size ? GT : (bytes[from + place] as number)) << (8 * k);
        mask |= 0xff << (8 * k);
      }
      this.words[this.wordsUsed + w] = word;
      if (w === whole) this.tailMask[id] = mask;
    }
    this.wordsUsed += whole + 1;
    this.nameBytes.push(bytes.slice(from, to));
    this.names.push(text);
    this.repeats.push(this.repeating.has(text));
    this.read.push(this.reads === undefined || this.reads.has(text));
    this.sameHash[id] = this.byHash.get(hash) ?? -1;
    this.byHash.set(hash, id);
    return id;
  }

  /**
   * A run of text from `from` to `to` (a complete one: the next byte is a tag's `<`, or the file's end): its lines
   * counted, its bytes checked, and kept where the tokenizer keeps it.
   * @returns false when handed back.
   */
  private text(bytes: Uint8Array, from: number, to: number): boolean {
    let blank = true;
    for (let at = from; at < to; at++) {
      const code = bytes[at] as number;
      if (code > SPACE) {
        if (code >= 127 || code === AMPERSAND) {
          this.handBack(code === AMPERSAND ? 'an "&"' : 'a byte outside ASCII');
          return false;
        }
        blank = false;
      } else if (code === NEWLINE) this.line++;
      else if (code !== SPACE && code !== TAB && code !== CARRIAGE_RETURN) {
        this.handBack('a control character');
        return false;
      }
    }
    return this.keepText(bytes, from, to, blank);
  }

  /**
   * A run of text already looked at (its lines counted, its bytes checked; `blank` when it is white space only),
   * kept where the tokenizer keeps it.
   * @returns false when handed back.
   */
  private keepText(bytes: Uint8Array, from: number, to: number, blank: boolean): boolean {
    if (this.unreadDepth >= 0) return true;
    if (this.recordDepth >= 0) {
      const level = this.depth - 1 - this.recordDepth;
      const sofar = this.texts[level] as string;
      if (sofar === '' && blank) return true;
      this.texts[level] = sofar + asciiText(bytes, from, to);
      return true;
    }
    if (this.depth === 0 && !blank) {
      this.handBack('text outside the root element');
      return false;
    }
    return true;
  }

  /**
   * A start tag of name `id`, as the tokenizer's `open` reads it.
   * @returns false when handed back.
   */
  private open(id: number): boolean {
    const depth = this.depth;
    if (depth === 0 && this.rootClosed) {
      this.handBack('a second root element');
      return false;
    }
    if (depth >= DEPTH_LIMIT) {
      this.handBack('elements nested deeper than it follows');
      return false;
    }
    const name = this.names[id] as string;
    if (this.unreadDepth >= 0) {
      // Inside an element that is not read: only its tags are matched.
    } else if (this.recordDepth >= 0) {
      const level = depth - this.recordDepth;
      if (this.nodes[level - 1] === undefined) {
        this.nodes[level - 1] = { [XML_LINE]: this.openLine[depth - 1] };
      }
      if (this.read[id] === true) {
        this.nodes[level] = undefined;
        this.texts[level] = '';
      } else this.unreadDepth = depth;
    } else if (this.containerDepth >= 0 && depth === this.containerDepth + 1 && name === this.records) {
      this.recordDepth = depth;
      this.nodes[0] = undefined;
      this.texts[0] = '';
    } else if (
      this.containerDepth < 0 &&
      name === this.container &&
      (depth === 0 || (depth === 1 && !this.containerIsRoot))
    ) {
      this.containerIsRoot = depth === 0;
      this.containerDepth = depth;
      this.containerSeen = true;
    }
    this.openName[depth] = id;
    this.openLine[depth] = this.line;
    this.depth = depth + 1;
    this.guess = this.afterOpen[id] as number;
    const last = this.lastId;
    if (last >= 0) (this.lastClosed ? this.afterClose : this.afterOpen)[last] = id;
    this.lastId = id;
    this.lastClosed = false;
    return true;
  }

  /** The end tag of the open element, as the tokenizer's `close` reads it. */
  private close(): void {
    const depth = --this.depth;
    const id = this.openName[depth] as number;
    this.guess = this.afterClose[id] as number;
    this.lastId = id;
    this.lastClosed = true;
    if (this.unreadDepth >= 0) {
      if (depth === this.unreadDepth) this.unreadDepth = -1;
      return;
    }
    if (this.recordDepth >= 0) {
      const level = depth - this.recordDepth;
      const node = this.nodes[level];
      const value = elementValue(node, this.texts[level] as string);
      if (level === 0) {
        this.recordDepth = -1;
        if (node !== undefined) this.sink.item(node, this.openLine[depth] as number);
      } else {
        addChild(
          this.nodes[level - 1] as XmlNode,
          this.names[id] as string,
          value,
          this.repeats[id] === true,
        );
      }
      return;
    }
    if (depth === this.containerDepth) this.containerDepth = -1;
    if (depth === 0) this.rootClosed = true;
  }
}
