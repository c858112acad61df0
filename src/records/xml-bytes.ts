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
import {
  DEPTH_LIMIT,
  type ScannedPiece,
  TAPE_BLANK,
  TAPE_CLOSE,
  type TapeOut,
  XmlScanner,
} from './xml-scan.js';

type XmlNode = Record<string | symbol, unknown>;

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
  /** The scanner of the bytes written here (a piece scanned elsewhere comes with its tape). */
  private readonly scanner = new XmlScanner(ATTRIBUTES);
  /** Where the scanner's tape goes: read at once. */
  private readonly out: TapeOut = (bytes, tape, length) => this.replay(bytes, tape, length);

  // The element names met, by the scanner's numbers: their text, whether they repeat and whether the shape reads them.
  private readonly names: string[] = [];
  private readonly repeats: boolean[] = [];
  private readonly read: boolean[] = [];

  // The open elements: their names' numbers and the lines of their start tags.
  private readonly openName = new Int32Array(DEPTH_LIMIT);
  private readonly openLine = new Int32Array(DEPTH_LIMIT);
  private depth = 0;
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
    if (this.handedBack) return;
    this.scanner.write(chunk, this.out);
    if (this.scanner.handedBack) this.handBack(this.scanner.reason);
  }

  /** The end of the file: the last items are given and the sink ended, or the file handed back. */
  end(): void {
    if (this.handedBack) return;
    this.scanner.end(this.out);
    if (this.scanner.handedBack) this.handBack(this.scanner.reason);
    else this.finish();
  }

  /**
   * The next piece of the file scanned elsewhere (node's reading thread, by the same scanner): its tapes read as
   * those of bytes written here are; the last piece ends the lane, as `end` does.
   */
  scanned(piece: ScannedPiece): void {
    if (this.handedBack) return;
    for (const name of piece.names) this.learn(name);
    for (const part of piece.parts) this.replay(part.bytes, part.tape, part.tape.length);
    if (piece.handedBack !== undefined) this.handBack(piece.handedBack);
    else if (piece.last) this.finish();
  }

  /** The file read to its end, its markup whole: it must have the container element. */
  private finish(): void {
    if (this.containerSeen) this.sink.end();
    else this.handBack(`no <${this.container}> element`);
  }

  private handBack(reason: string): void {
    this.handedBack = true;
    this.reason = `the census byte lane: ${reason}`;
  }

  /** The next element name (by number): whether it repeats, and whether the shape reads it. */
  private learn(name: string): void {
    this.names.push(name);
    this.repeats.push(this.repeating.has(name));
    this.read.push(this.reads === undefined || this.reads.has(name));
  }

  /** Reads a tape of the scanner's over `bytes`: each start tag, end tag and run of text, in order. */
  private replay(bytes: Uint8Array, tape: Int32Array, length: number): void {
    const known = this.scanner.names;
    while (this.names.length < known.length) this.learn(known[this.names.length] as string);
    let k = 0;
    while (k < length) {
      const mark = tape[k] as number;
      if (mark >= 0) {
        this.open(mark, tape[k + 1] as number);
        k += 2;
      } else if (mark === TAPE_CLOSE) {
        this.close();
        k++;
      } else {
        this.keepText(bytes, tape[k + 1] as number, tape[k + 2] as number, mark === TAPE_BLANK);
        k += 3;
      }
    }
  }

  /** A run of text (`blank` when it is white space only), kept where the tokenizer keeps it. */
  private keepText(bytes: Uint8Array, from: number, to: number, blank: boolean): void {
    if (this.unreadDepth >= 0 || this.recordDepth < 0) return;
    const level = this.depth - 1 - this.recordDepth;
    const sofar = this.texts[level] as string;
    if (sofar === '' && blank) return;
    this.texts[level] = sofar + asciiText(bytes, from, to);
  }

  /** A start tag of name `id` on `line`, as the tokenizer's `open` reads it. */
  private open(id: number, line: number): void {
    const depth = this.depth;
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
    this.openLine[depth] = line;
    this.depth = depth + 1;
  }

  /** The end tag of the open element, as the tokenizer's `close` reads it. */
  private close(): void {
    const depth = --this.depth;
    const id = this.openName[depth] as number;
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
  }
}
