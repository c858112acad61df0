/**
 * The census byte lane's first half: a census's bytes scanned into a tape of what its markup says (each start tag's
 * name and line, each end tag, each run of text's place), each byte looked at once. The lane's second half
 * (`xml-bytes.ts`) builds the items from the tape. Cut this way, the scan can run where the bytes are read: node
 * reads a large census on a worker thread, and scans it there too (`node/read-thread.ts`), so that the main thread
 * only builds and checks the records (docs/performance.md, "The census scanned on the reading thread").
 *
 * The scanner is {@link xmlScanProgram}'s class, made by calling it: the program uses nothing from outside its own
 * text, so that a thread can run it from that text (`xmlScanProgram.toString()`), as the reading thread's program
 * is run. Internal to the reading path (not exported by the package).
 * @module
 */

/**
 * How deep the census byte lane follows elements: a census nests fewer than ten. A file nested deeper is handed back
 * (the tokenizer reads it to its own limit, and refuses beyond that).
 * @example DEPTH_LIMIT //=> 64
 */
export const DEPTH_LIMIT = 64;

/**
 * The tape's mark of an end tag.
 * @example TAPE_CLOSE //=> -1
 */
export const TAPE_CLOSE = -1;
/**
 * The tape's mark of a run of text that is not white space only, then where it starts and ends.
 * @example TAPE_TEXT //=> -2
 */
export const TAPE_TEXT = -2;
/**
 * The tape's mark of a run of white space, then where it starts and ends.
 * @example TAPE_BLANK //=> -3
 */
export const TAPE_BLANK = -3;

/**
 * Where a scan's tape goes: `bytes` the bytes the tape's places are in, `tape` from 0 to `length` its marks. A start
 * tag is its name's number (0 or more, the number `names` gives it) then its line; an end tag {@link TAPE_CLOSE}; a
 * run of text {@link TAPE_TEXT} or {@link TAPE_BLANK}, then its first byte and the byte after its last. The tape is
 * the scanner's own, used again once the call returns.
 * @example
 * const out: TapeOut = (bytes, tape, length) => marks.push(...tape.subarray(0, length));
 * // scanning `<A>1</A>` gives [0, 1, TAPE_TEXT, 3, 4, TAPE_CLOSE]: A (name 0) on line 1, the text "1", </A>
 */
export type TapeOut = (bytes: Uint8Array, tape: Int32Array, length: number) => void;

/**
 * What a scan gave over one stretch of bytes: the bytes, and the marks on them (the tape, as long as it is).
 * @example
 * const bytes = new TextEncoder().encode('<A>1</A>');
 * const part: ScannedPart = { bytes, tape: Int32Array.of(0, 1, TAPE_TEXT, 3, 4, TAPE_CLOSE) };
 */
export interface ScannedPart {
  readonly bytes: Uint8Array;
  readonly tape: Int32Array;
}

/**
 * A piece of a file scanned elsewhere (node's reading thread): the names met in it that were not met before (they
 * take the next numbers), what it scanned, and whether the scan stopped (`handedBack`, why) or ended with the file
 * (`last`: the file's markup read whole but for its container element, which the lane looks for).
 * @example
 * const piece: ScannedPiece = { names: ['A'], parts: [part], last: true }; // the whole of `<A>1</A>`
 * const stopped: ScannedPiece = { names: [], parts: [], handedBack: 'an "&"' };
 */
export interface ScannedPiece {
  readonly names: readonly string[];
  readonly parts: readonly ScannedPart[];
  readonly handedBack?: string;
  readonly last?: boolean;
}

/**
 * A source that can scan a census as it reads it (node's file source, on its reading thread): `scanXml` gives the
 * file's pieces scanned by {@link xmlScanProgram}'s scanner (made with `attributes`), each once its bytes are read
 * and hashed, or undefined when the source reads on no other thread (the lane then scans the bytes itself). The hash
 * of a read that gave the last piece is the source's `sha256`.
 * @example
 * const pieces = scansXml(source) ? source.scanXml(/^\s*$/) : undefined;
 * for await (const piece of pieces ?? []) lane.scanned(piece);
 */
export interface XmlScanningSource {
  scanXml(attributes: RegExp): AsyncIterable<ScannedPiece> | undefined;
}

/**
 * Whether a source can scan a census as it reads it.
 * @example
 * scansXml(fileSource(handle, 'census.xml', { size })) //=> true for a file of 64 MiB or more (read on a thread)
 * scansXml({ name: 'census.xml', chunks }) //=> false: the byte lane scans what chunks() gives
 */
export function scansXml(source: object): source is XmlScanningSource {
  return typeof (source as Partial<XmlScanningSource>).scanXml === 'function';
}

/**
 * The scanner's program: returns its class. Everything it uses is in its text.
 *
 * The class: `new XmlScanner(attributes)` (the pattern attributes must match, the tokenizer's `ATTRIBUTES`); `write`
 * the file's bytes in pieces cut anywhere, then `end`; each call gives what it scanned to `out`, once or more, and
 * keeps an incomplete piece (a tag cut in two) for the next. `handedBack` and `reason` say when and why it stopped at
 * something the lane does not read (see `xml-bytes.ts`); `names` are the element names met, by number.
 *
 * @returns the scanner's class.
 * @example
 * const XmlScanner = xmlScanProgram();
 * const scanner = new XmlScanner(ATTRIBUTES);
 * scanner.write(new TextEncoder().encode('<A>1</A>'), (bytes, tape, length) => tape.subarray(0, length));
 * //=> [0, 1, TAPE_TEXT, 3, 4, TAPE_CLOSE]; scanner.names //=> ['A']
 */
export function xmlScanProgram() {
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
  // The tape's marks and the depth limit (the module's constants, written again here: the program uses nothing
  // outside its text).
  const CLOSE = -1;
  const TEXT = -2;
  const BLANK = -3;
  const DEPTH_LIMIT = 64;

  /**
   * The longest run of text (or tag) the scanner waits for across pieces of the file: a longer one, which no census
   * writes, is handed back, rather than joined again to each piece that does not end it.
   */
  const LONGEST_PIECE = 1 << 20;

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

  /**
   * The text of ASCII bytes (a name, a declaration, attributes: short, and rare). Not `util/ascii-text.ts`'s
   * `asciiText`, which the lane uses for values: the program uses nothing outside its text.
   */
  const ascii = (bytes: Uint8Array, from: number, to: number): string => {
    let text = '';
    for (let at = from; at < to; at++) text += String.fromCharCode(bytes[at] as number);
    return text;
  };

  /** The bytes of `a` then `b`. */
  const joined = (a: Uint8Array, b: Uint8Array): Uint8Array => {
    const both = new Uint8Array(a.length + b.length);
    both.set(a, 0);
    both.set(b, a.length);
    return both;
  };

  return class XmlScanner {
    /** Whether the scanner stopped at something the lane does not read (`reason` says what). */
    handedBack = false;
    /** What the scanner stopped at. */
    reason = '';
    /** The element names met, by number. */
    readonly names: string[] = [];

    readonly attributePattern: RegExp;
    /** The bytes of a piece not complete at the end of the last write (a tag cut in two, a text waiting for its tag). */
    carry: Uint8Array | undefined;
    /** Whether the start of the file (a byte-order mark, an XML declaration) has been read. */
    started = false;
    /** The line of the next byte read. */
    line = 1;
    /** The marks scanned, given to `out` at the end of each piece read. */
    tape = new Int32Array(16384);
    used = 0;

    // The element names met, by number: their bytes, and a table of them by hash.
    readonly nameBytes: Uint8Array[] = [];
    readonly byHash = new Map<number, number>();
    sameHash = new Int32Array(64);
    /** Each name then `>` as words (`written`): where its words start in `words`, how many are whole, the last's mask. */
    words = new Int32Array(256);
    wordsUsed = 0;
    wordStart = new Int32Array(64);
    wholeWords = new Int32Array(64);
    tailMask = new Int32Array(64);
    /** The name that came after a start tag (`afterOpen`) or an end tag (`afterClose`) of each name last time. */
    afterOpen = new Int32Array(64).fill(-1);
    afterClose = new Int32Array(64).fill(-1);
    /** The name of the start tag to try first: the one that followed the last tag's name last time. */
    guess = -1;
    /** The last tag's name, and whether it was an end tag: where the next start tag's name is remembered. */
    lastId = -1;
    lastClosed = false;

    /** The open elements' names' numbers. */
    readonly openName = new Int32Array(DEPTH_LIMIT);
    depth = 0;
    rootClosed = false;

    /** @param attributes - the pattern a start tag's attributes must match to be read (the tokenizer's). */
    constructor(attributes: RegExp) {
      this.attributePattern = attributes;
    }

    /** The next piece of the file's bytes; what is scanned is given to `out`. */
    write(chunk: Uint8Array, out: TapeOut): void {
      if (this.handedBack || chunk.length === 0) return;
      const carry = this.carry;
      this.carry = undefined;
      if (carry === undefined) {
        this.take(chunk, 0, out);
        return;
      }
      // What the last piece left (most often a tag cut in two) is completed by this piece up to its first `>` and
      // read on its own, then the rest of the piece where it lies, without copying it.
      const head = chunk.indexOf(GT) + 1;
      if (head === 0 || head === chunk.length) {
        this.take(joined(carry, chunk), 0, out);
        return;
      }
      this.take(joined(carry, chunk.subarray(0, head)), 0, out);
      if (this.handedBack) return;
      const left = this.carry as Uint8Array | undefined;
      this.carry = undefined;
      if (left === undefined) this.take(chunk, head, out);
      else this.take(joined(left, chunk.subarray(head)), 0, out);
    }

    /**
     * The end of the file: the text after the root element given to `out`, or the file handed back (it ends inside
     * a tag or an element, or is empty). Whether it has the container element is for the lane to say.
     */
    end(out: TapeOut): void {
      if (this.handedBack) return;
      const rest = this.carry;
      this.carry = undefined;
      // Text after the root element, or a tag or text the file ends inside.
      if (rest !== undefined) {
        if (rest.indexOf(LT) >= 0) {
          this.handBack('the file ends inside a tag');
          return;
        }
        if (!this.text(rest, 0, rest.length)) return;
        this.flush(rest, out);
      }
      if (!this.started) this.handBack('an empty file');
      else if (this.depth > 0) this.handBack('the file ends inside an element');
    }

    handBack(reason: string): void {
      this.handedBack = true;
      this.reason = reason;
      this.carry = undefined;
      this.used = 0;
    }

    /** Gives `out` the marks scanned in `bytes`, if any, and starts the tape again. */
    flush(bytes: Uint8Array, out: TapeOut): void {
      if (this.used > 0) out(bytes, this.tape, this.used);
      this.used = 0;
    }

    /** Room on the tape for `marks` more. */
    room(marks: number): Int32Array {
      if (this.used + marks > this.tape.length) {
        const tape = new Int32Array(this.tape.length * 2);
        tape.set(this.tape);
        this.tape = tape;
      }
      return this.tape;
    }

    /** Reads `bytes` from `from`, gives `out` its marks, and keeps what is left of them for the next write. */
    take(bytes: Uint8Array, from: number, out: TapeOut): void {
      let at = from;
      if (!this.started) {
        at = this.start(bytes);
        if (at < 0) return;
      }
      const stop = this.scan(bytes, at);
      if (stop < 0) return;
      this.flush(bytes, out);
      if (stop >= bytes.length) return;
      if (bytes.length - stop > LONGEST_PIECE) this.handBack('a text or tag longer than it waits for');
      else this.carry = bytes.slice(stop);
    }

    /**
     * The start of the file: no byte-order mark, and an XML declaration the lane reads, or none.
     * @returns where the file's markup starts, or -1 (handed back, or waiting for more bytes).
     */
    start(bytes: Uint8Array): number {
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
      if (!DECLARATION.test(ascii(bytes, 0, end + 1))) {
        this.handBack('an XML declaration it does not read');
        return -1;
      }
      return end + 1;
    }

    /**
     * Scans the complete pieces of `bytes` from `from` (a text and the tag after it) onto the tape.
     * @returns the position after the last complete piece, or -1 when handed back.
     */
    scan(bytes: Uint8Array, from: number): number {
      const length = bytes.length;
      const view = new DataView(bytes.buffer, bytes.byteOffset, length);
      let position = from;
      while (position < length) {
        // The text up to the next `<`, each byte looked at once (its lines counted, its bytes checked): a text
        // between two tags is short, shorter than a search of it is worth.
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
        if (lt > position && !this.keepText(position, lt, blank)) return -1;
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
              this.handBack(
                'a tag it does not read (a prefix, an empty element, attributes not name="value")',
              );
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
     * The `>` of a start tag whose attributes start at `at` (with white space), when they are written as the
     * tokenizer reads them (`name="value"`, `name='value'`, ASCII, no `>` in a value, not an empty element's `/>`);
     * -1 when not, -2 when its `>` is not in these bytes yet.
     */
    attributes(bytes: Uint8Array, at: number): number {
      const gt = bytes.indexOf(GT, at);
      if (gt < 0) return -2;
      if (bytes[gt - 1] === SLASH) return -1;
      for (let k = at; k < gt; k++) {
        const code = bytes[k] as number;
        if (code >= 127 || (code < SPACE && code !== TAB && code !== NEWLINE && code !== CARRIAGE_RETURN))
          return -1;
      }
      return this.attributePattern.test(ascii(bytes, at, gt)) ? gt : -1;
    }

    /** The line feeds in `bytes` from `from` to `to`. */
    linesIn(bytes: Uint8Array, from: number, to: number): number {
      let lines = 0;
      for (let k = from; k < to; k++) if (bytes[k] === NEWLINE) lines++;
      return lines;
    }

    /**
     * Whether name `id` then `>` is written in `bytes` at `at` (the caller knows the `>`'s place to be in them):
     * four bytes at a time, as little-endian words, the last word under a mask; byte by byte near the end.
     */
    written(bytes: Uint8Array, view: DataView, at: number, id: number): boolean {
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
    nameOf(bytes: Uint8Array, from: number, to: number, hash: number): number {
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
      this.names.push(ascii(bytes, from, to));
      this.sameHash[id] = this.byHash.get(hash) ?? -1;
      this.byHash.set(hash, id);
      return id;
    }

    /**
     * A run of text from `from` to `to` (a complete one: the next byte is a tag's `<`, or the file's end): its
     * lines counted, its bytes checked, and put on the tape.
     * @returns false when handed back.
     */
    text(bytes: Uint8Array, from: number, to: number): boolean {
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
      return this.keepText(from, to, blank);
    }

    /**
     * A run of text already looked at (`blank` when it is white space only), put on the tape: outside the root
     * element, only white space is read.
     * @returns false when handed back.
     */
    keepText(from: number, to: number, blank: boolean): boolean {
      if (this.depth === 0) {
        if (blank) return true;
        this.handBack('text outside the root element');
        return false;
      }
      const tape = this.room(3);
      const used = this.used;
      tape[used] = blank ? BLANK : TEXT;
      tape[used + 1] = from;
      tape[used + 2] = to;
      this.used = used + 3;
      return true;
    }

    /**
     * A start tag of name `id`, put on the tape with its line.
     * @returns false when handed back.
     */
    open(id: number): boolean {
      const depth = this.depth;
      if (depth === 0 && this.rootClosed) {
        this.handBack('a second root element');
        return false;
      }
      if (depth >= DEPTH_LIMIT) {
        this.handBack('elements nested deeper than it follows');
        return false;
      }
      const tape = this.room(2);
      tape[this.used] = id;
      tape[this.used + 1] = this.line;
      this.used += 2;
      this.openName[depth] = id;
      this.depth = depth + 1;
      this.guess = this.afterOpen[id] as number;
      const last = this.lastId;
      if (last >= 0) (this.lastClosed ? this.afterClose : this.afterOpen)[last] = id;
      this.lastId = id;
      this.lastClosed = false;
      return true;
    }

    /** The end tag of the open element, put on the tape. */
    close(): void {
      const depth = --this.depth;
      const id = this.openName[depth] as number;
      this.guess = this.afterClose[id] as number;
      this.lastId = id;
      this.lastClosed = true;
      if (depth === 0) this.rootClosed = true;
      const tape = this.room(1);
      tape[this.used++] = CLOSE;
    }
  };
}

/**
 * The scanner's class, for a scan on this thread.
 * @example
 * const scanner = new XmlScanner(ATTRIBUTES);
 * const out: TapeOut = (bytes, tape, length) => marks.push(...tape.subarray(0, length));
 * scanner.write(new TextEncoder().encode('<Children><Child/></Children>'), out);
 * scanner.handedBack //=> true
 * scanner.reason //=> 'a tag it does not read (a prefix, an empty element, attributes not name="value")'
 */
export const XmlScanner = xmlScanProgram();
/** A scanner. */
export type XmlScanner = InstanceType<typeof XmlScanner>;
