/**
 * Stage 3 for XML (the census files), streamed: text in, in chunks cut anywhere; each record element (a CIN census
 * `Child`) pushed as one item as soon as its end tag is read, every element object in it carrying the line it starts
 * on ({@link XML_LINE}). Only the record being read is held, and the few elements outside the records that hold file
 * values (a header's reference date): memory grows with the records kept, not with the file.
 *
 * The tokenizer is the library's own, on the model of the workbook module's (`indexOf` from tag to tag, no object
 * per tag): measured against saxes, sax and htmlparser2 on a generated census, it is the fastest and adds nothing to
 * an install (docs/performance.md, "XML censuses"). It checks what a census needs checked: end tags match their start
 * tags, one root element, no text outside it, no "&" that starts no entity, no file cut short, a depth limit; a
 * document type that declares entities is refused, and a plain `<!DOCTYPE x>` is read. Attributes are not read;
 * namespace prefixes are dropped. Entities in text are decoded; a CDATA section's text is kept as written.
 * @module
 */
import { commentOrCdata, decodeXmlEntities, nameEndOf } from '../workbook/xml.js';
import type { RowSink, TextSink } from './stages.js';

/** Where the records of an XML format are, and what else to read from the file. */
export interface XmlTokenizerOptions {
  /** The element whose children are the records (`Children`), at the top or under the root element. */
  readonly container: string;
  /** The record elements' name (`Child`). */
  readonly records: string;
  /** Elements that may repeat, read as lists whether the file has one or several (the records are added). */
  readonly repeating?: readonly string[];
  /**
   * The only element names (local) the next stage reads inside a record, when it says so: an element inside a
   * record with any other name is read as XML (its tags matched, its text checked for a bare `&`, its lines
   * counted) but not built, and its parent is an object all the same (with `#text` when it has text), as when
   * it is built. Default: every element is built.
   */
  readonly reads?: readonly string[];
  /**
   * File values to read, by name: the path of an element from where the container is found
   * (`{ referenceDate: 'Header/CollectionDetails/ReferenceDate' }`). Each is given to the sink before any record;
   * records met before a file value's element are held until it is read (or until the end of the file, when the
   * file has none). Default none.
   */
  readonly fileValues?: Readonly<Record<string, string>>;
  /** What the file should look like, for messages (`a CIN census file, <Message> … </Message>`). */
  readonly expected: string;
}

/**
 * The key under which each element of an item holds the line it starts on.
 * @example
 * child[XML_LINE] //=> 14
 */
export const XML_LINE: unique symbol = Symbol('line');

/**
 * How deep elements may nest: a census nests fewer than ten; a file nested deeper than this is refused rather than
 * read into a structure every later stage would have to walk.
 */
const MAX_DEPTH = 1000;

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const COLON = 58;

type XmlNode = Record<string | symbol, unknown>;

/** An `&` that does not start a reference: `&name;`, `&#digits;` or `&#xhex;`. */
const BARE_AMPERSAND = /&(?!(?:[A-Za-z_:][\w.:-]*|#[0-9]+|#x[0-9A-Fa-f]+);)/g;

/** Whether `text` holds nothing but white space from `from` to `to`. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (text.charCodeAt(at) > 32) return false;
  return true;
}

/**
 * An element name, and how to tell whether it is written at a place in the text (internal: exported for its test).
 * Comparing names where they lie is the largest single cost of the tokenizer (every start and end tag): a name met
 * often (one of {@link KNOWN_NAMES}) is compared by a sticky regular expression of its characters, which the engine
 * compiles to native code, about twice as fast as a loop over the codes of the name held in an array (itself faster
 * than `startsWith` or a second string, which is reached through one more indirection at every character); any
 * other name by that loop.
 */
export class ElementName {
  /** The number of characters. */
  readonly length: number;
  private readonly codes: Uint16Array;
  /** The name, and the name then `>`, each matched where tried (sticky), or undefined (compared by codes). */
  private readonly written: RegExp | undefined;
  private readonly closing: RegExp | undefined;

  /**
   * @param name - the name (qualified, as written in tags).
   * @param compiled - whether it is compared by a regular expression (else by a loop over its codes).
   * @example
   * const name = new ElementName('LAchildID', true);
   * name.at('<LAchildID>C1</LAchildID>', 1) //=> true
   * name.endsAt('<LAchildID>C1</LAchildID>', 15) //=> true
   */
  constructor(name: string, compiled: boolean) {
    this.length = name.length;
    this.codes = new Uint16Array(name.length);
    for (let k = 0; k < name.length; k++) this.codes[k] = name.charCodeAt(k);
    // Every character but an ASCII letter, digit or `_` written as its code unit: any name is taken literally.
    const literal = name.replace(
      /[^A-Za-z0-9_]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    this.written = compiled ? new RegExp(literal, 'y') : undefined;
    this.closing = compiled ? new RegExp(`${literal}>`, 'y') : undefined;
  }

  /** Whether the name is written in `text` at `at`. */
  at(text: string, at: number): boolean {
    const written = this.written;
    if (written !== undefined) {
      written.lastIndex = at;
      return written.test(text);
    }
    return this.codesAt(text, at);
  }

  /** Whether the name then `>` is written in `text` at `at` (an end tag's, after its `</`). */
  endsAt(text: string, at: number): boolean {
    const closing = this.closing;
    if (closing !== undefined) {
      closing.lastIndex = at;
      return closing.test(text);
    }
    return text.charCodeAt(at + this.length) === GT && this.codesAt(text, at);
  }

  private codesAt(text: string, at: number): boolean {
    const codes = this.codes;
    const length = codes.length;
    for (let k = 0; k < length; k++) if (text.charCodeAt(at + k) !== codes[k]) return false;
    return true;
  }
}

/** The longest name compared by a regular expression ({@link ElementName}); a longer one by its codes. */
const COMPILED_NAME_LENGTH = 256;

/** How many element names a tokenizer remembers: a file of ever new names is read, only not faster. */
const KNOWN_NAMES = 4096;

/** Whether a character code may start an XML name (a letter, `_`, `:` or any character past ASCII). */
function startsName(code: number): boolean {
  return (
    (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === COLON || code > 127
  );
}

/**
 * Attributes as XML writes them: `name="value"` or `name='value'`, each after white space (internal: shared with
 * the census byte lane).
 * @example ATTRIBUTES.test(' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"') //=> true
 */
export const ATTRIBUTES = /^(?:\s+[^\s=<>"'/]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*$/;

/**
 * Puts a child's value on its parent the way the census presets read it: a list for repeating names (internal:
 * shared with the census byte lane, `xml-bytes.ts`).
 * @example
 * const parent = {};
 * addChild(parent, 'CINdetails', { CINreferralDate: '2010-10-01' }, true);
 * parent //=> { CINdetails: [{ CINreferralDate: '2010-10-01' }] }
 */
export function addChild(parent: XmlNode, name: string, value: unknown, repeats: boolean): void {
  let had = parent[name];
  // A name the object has from its prototype (`constructor`…) is not a child met before.
  if (had !== undefined && !Object.hasOwn(parent, name)) had = undefined;
  let next: unknown;
  if (repeats) {
    if (Array.isArray(had)) {
      had.push(value);
      return;
    }
    next = [value];
  } else if (had === undefined) next = value;
  else if (Array.isArray(had)) {
    had.push(value);
    return;
  } else next = [had, value];
  // `__proto__` is a name like any other here: defined, never set (which would change the object's prototype).
  if (name === '__proto__')
    Object.defineProperty(parent, name, { value: next, enumerable: true, writable: true });
  else parent[name] = next;
}

/**
 * The value of an element inside a record as it closes (internal: shared with the census byte lane): its text
 * trimmed when it has no child element (`node` undefined), else its object, with its own text trimmed as `#text`
 * when there is any.
 * @example
 * elementValue(undefined, ' C1 ') //=> 'C1'
 * elementValue({ LAchildID: 'C1' }, ' note ') //=> { LAchildID: 'C1', '#text': 'note' }
 */
export function elementValue(node: XmlNode | undefined, written: string): unknown {
  if (node === undefined) return written.trim();
  const own = written.trim();
  if (own !== '') node['#text'] = own;
  return node;
}

/** A malformed document: the line and what is wrong. */
class Malformed {
  constructor(
    readonly line: number,
    readonly message: string,
    readonly limit = false,
  ) {}
}

/**
 * Makes a streaming XML tokenizer: write the text in chunks cut anywhere, then end it. Each record element (a child
 * of the container, named `records`) goes to the sink as one item, an object of its child elements by local name
 * (text trimmed, entities decoded; the `repeating` names and any name met twice as lists; an element with both
 * text and children keeps its text as `#text`), every object at any depth with its line under {@link XML_LINE}. A
 * record element with no child elements is not an item. The file values come first, in the order of
 * `fileValues`. A document that declares entities, is not well formed (naming the line), nests too deeply or has
 * no container is refused: `sink.refuse`, then `sink.end`, and the rest of the text is not read (items already
 * given are rejected with it by the check).
 *
 * @param options - the container, the record elements, repeating elements, file values and the description.
 * @param sink - the next stage.
 * @returns the tokenizer: `write(text)` each chunk, then `end()`.
 * @example
 * const tokenizer = createXmlTokenizer({ container: 'Children', records: 'Child', expected: 'a census' }, sink);
 * tokenizer.write('<Message><Children><Child><LAchildID>C1</LA');
 * tokenizer.write('childID></Child></Children></Message>');
 * tokenizer.end();
 * //=> sink.item({ LAchildID: 'C1' }, 1), sink.end()
 */
export function createXmlTokenizer(options: XmlTokenizerOptions, sink: RowSink): TextSink {
  return createXmlTokenizerBy(options, sink, 'fast');
}

/**
 * Which way {@link createXmlTokenizerBy} reads: `fast` (the fast paths, see below, where they apply) or `general`
 * (every piece by the general path), for tests that prove the two give the same events.
 */
export type XmlPaths = 'fast' | 'general';

/**
 * {@link createXmlTokenizer}, its way of reading chosen (internal: tests read a text both ways). Two fast paths,
 * each giving exactly what the general path gives for the pieces it reads, and leaving anything else to it:
 * - a run of leaf elements inside an element that is not built (`reads`), `<Name>text</Name>` after white space,
 *   the name ASCII and without a prefix, the text without `<` or `&`: matched whole by one regular expression (the
 *   end tag by a back-reference), nothing built, no line counted (the next line asked for counts them);
 * - one leaf element inside a record (`<LAchildID>C100000</LAchildID>`), its name known, written whole in the text
 *   read so far: its value added to its parent in one step ({@link open}, {@link text} and {@link close} in one).
 *
 * @param options - as {@link createXmlTokenizer}.
 * @param sink - the next stage.
 * @param way - `fast` or `general`.
 * @returns the tokenizer.
 * @example
 * const tokenizer = createXmlTokenizerBy({ container: 'Children', records: 'Child', expected: 'a census' }, sink, 'general');
 * tokenizer.write('<Message><Children><Child><LAchildID>C1</LAchildID></Child></Children></Message>');
 * tokenizer.end();
 * //=> sink.item({ LAchildID: 'C1' }, 1), sink.end()
 */
export function createXmlTokenizerBy(options: XmlTokenizerOptions, sink: RowSink, way: XmlPaths): TextSink {
  const fast = way === 'fast';
  const { container, records, expected } = options;
  const repeating: ReadonlySet<string> = new Set([records, ...(options.repeating ?? [])]);
  const reads: ReadonlySet<string> | undefined =
    options.reads === undefined ? undefined : new Set(options.reads);
  // The file values by their element's path, and by the path of that element's parent: a value is settled when
  // its element is read, or when the parent's first element closes without it.
  const valueAt = new Map<string, string>();
  const settledBy = new Map<string, string[]>();
  const fileValueNames = Object.keys(options.fileValues ?? {});
  for (const [name, path] of Object.entries(options.fileValues ?? {})) {
    valueAt.set(path, name);
    const parent = path.slice(0, Math.max(0, path.lastIndexOf('/')));
    settledBy.set(parent, [...(settledBy.get(parent) ?? []), name]);
  }
  const found = new Map<string, string>();
  const settled = new Set<string>();
  let ready = false;
  let valuesGiven = false;
  // Records met before every file value was settled, in order.
  const held: { readonly item: XmlNode; readonly line: number }[] = [];

  // The text not read yet (an incomplete tag at the end of a chunk), and where its line count stands.
  let buffer = '';
  let line = 1;
  let counted = 0;
  let newline = -1;
  let done = false;

  // The open elements: qualified names (to match end tags), lines, and paths from where the container is found.
  const names: string[] = [];
  const openNames: ElementName[] = [];
  const locals: string[] = [];
  const repeatsAt: boolean[] = [];
  const lines: number[] = [];
  const paths: (string | undefined)[] = [];
  let depth = 0;
  let rootSeen = false;
  let rootClosed = false;
  let containerIsRoot = false;
  let containerSeen = false;
  let containerDepth = -1;
  // The record being read: its elements' nodes and text, by depth below the record element.
  let recordDepth = -1;
  // The depth of an element inside the record that is not read (`reads`), while it is open: not built.
  let unreadDepth = -1;
  const nodes: (XmlNode | undefined)[] = [];
  const texts: string[] = [];
  // A file value's element being read: its depth, name and text.
  let valueDepth = -1;
  let valueName = '';
  let valueText = '';
  let valueHasChildren = false;
  // Where each file value was read, and whether the one being read is a second element at the same path.
  const foundLine = new Map<string, number>();
  let valueAgain = false;

  // Element names met, found by their first two characters and compared where they lie: a census repeats a few
  // dozen names millions of times, so each is made once (and used as a property key as it is), never sliced again.
  const knownQualified: string[] = [];
  const knownNames: ElementName[] = [];
  const knownLocal: string[] = [];
  const knownRepeats: boolean[] = [];
  const knownRead: boolean[] = [];
  // By their first two characters: ASCII pairs in an array (a census's names), any other pair in a map.
  const knownByAsciiStart: (number[] | undefined)[] = new Array(128 * 128).fill(undefined);
  const knownByStart = new Map<number, number[]>();
  const startsOf = (first: number, second: number): number[] | undefined =>
    first < 128 && second < 128
      ? knownByAsciiStart[first * 128 + second]
      : knownByStart.get(first * 65536 + second);
  /** The number of the known name written at `from` (followed by `>`, `/` or white space), or -1. */
  const knownNameAt = (from: number): number => {
    const list = startsOf(buffer.charCodeAt(from), buffer.charCodeAt(from + 1));
    if (list === undefined) return -1;
    for (const known of list) {
      const elementName = knownNames[known] as ElementName;
      const after = buffer.charCodeAt(from + elementName.length);
      if ((after === GT || after === SLASH || after <= 32) && elementName.at(buffer, from)) return known;
    }
    return -1;
  };
  /**
   * Remembers a name met (up to {@link KNOWN_NAMES} of them).
   * @returns the name, to compare where it is written.
   */
  const remember = (qualified: string, local: string, repeats: boolean): ElementName => {
    if (knownQualified.length >= KNOWN_NAMES) return new ElementName(qualified, false);
    // A name longer than any a census uses is compared by its codes: a regular expression of tens of thousands of
    // characters is more than the engine compiles.
    const elementName = new ElementName(qualified, qualified.length <= COMPILED_NAME_LENGTH);
    const first = qualified.charCodeAt(0);
    // A one-character name has no second: NaN, kept apart from every pair by the map.
    const second = qualified.length > 1 ? qualified.charCodeAt(1) : Number.NaN;
    let list = startsOf(first, second);
    if (list === undefined) {
      list = [];
      if (first < 128 && second < 128) knownByAsciiStart[first * 128 + second] = list;
      else knownByStart.set(first * 65536 + second, list);
    }
    list.push(knownQualified.length);
    knownQualified.push(qualified);
    knownNames.push(elementName);
    knownLocal.push(local);
    knownRepeats.push(repeats);
    knownRead.push(reads === undefined || reads.has(local));
    return elementName;
  };

  // The first "&" of the buffer at or after `ampersandFrom` (the buffer's length when there is none): text is
  // checked for one by a look at it, not by a scan of each run of text; -1 until looked for in this buffer.
  let ampersand = -1;
  let ampersandFrom = 0;
  /** Whether the buffer holds an "&" from `from` to `to`. */
  const ampersandIn = (from: number, to: number): boolean => {
    if (ampersand < from || from < ampersandFrom) {
      const next = buffer.indexOf('&', from);
      ampersand = next < 0 ? buffer.length : next;
      ampersandFrom = from;
    }
    return ampersand < to;
  };

  /** The line of position `at` of the buffer (called with positions in order). */
  const lineAt = (at: number): number => {
    for (;;) {
      if (newline < counted) {
        const next = buffer.indexOf('\n', counted);
        newline = next < 0 ? Number.MAX_SAFE_INTEGER : next;
      }
      if (newline >= at) {
        counted = at;
        return line;
      }
      line++;
      counted = newline + 1;
    }
  };

  const settle = (name: string): void => {
    settled.add(name);
    if (!ready && containerSeen && settled.size === fileValueNames.length) flush();
  };

  /** Gives the file values found, once, before the first record (or the end): a refusal before then comes first. */
  const giveValues = (): void => {
    valuesGiven = true;
    for (const name of fileValueNames) {
      const value = found.get(name);
      if (value !== undefined) sink.fileValue(name, value);
    }
  };

  /** Every file value is settled: the records held go to the sink, and from now on records go straight to it. */
  const flush = (): void => {
    ready = true;
    if (held.length === 0) return;
    giveValues();
    for (const { item, line: at } of held) sink.item(item, at);
    held.length = 0;
  };

  /**
   * The text from `from` to `to`, entities decoded. A run of text ends at a tag, so no entity is ever cut; an `&`
   * that starts no reference (`AT&T`, an export that did not escape it) is not well-formed XML and refuses the file.
   */
  const decoded = (from: number, to: number): string => {
    const raw = buffer.slice(from, to);
    if (raw.indexOf('&') < 0) return raw;
    BARE_AMPERSAND.lastIndex = 0;
    const bare = BARE_AMPERSAND.exec(raw);
    if (bare !== null) {
      throw new Malformed(
        lineAt(from + bare.index),
        `"&" that starts no entity in ${JSON.stringify(raw.slice(bare.index, bare.index + 12))} (an "&" in text is written &amp;)`,
      );
    }
    return decodeXmlEntities(raw);
  };

  // Text is decoded run by run and a CDATA section added as written: decoding the joined text would read `&amp;`
  // inside CDATA as `&`.
  const text = (from: number, to: number): void => {
    if (unreadDepth >= 0) {
      // Not kept, but an "&" in it must still start a reference.
      if (ampersandIn(from, to)) decoded(from, to);
    } else if (recordDepth >= 0) {
      const level = depth - 1 - recordDepth;
      const sofar = texts[level] as string;
      if (sofar === '' && isBlank(buffer, from, to)) return;
      texts[level] = sofar + decoded(from, to);
    } else if (valueDepth >= 0 && depth - 1 === valueDepth) valueText += decoded(from, to);
    else if (depth === 0 && !isBlank(buffer, from, to)) {
      let at = from;
      while (buffer.charCodeAt(at) <= 32) at++;
      throw new Malformed(
        lineAt(at),
        rootClosed ? 'text after the root element' : 'text before the root element',
      );
    }
  };

  const cdata = (raw: string): void => {
    if (unreadDepth >= 0) return;
    if (recordDepth >= 0) texts[depth - 1 - recordDepth] = `${texts[depth - 1 - recordDepth] ?? ''}${raw}`;
    else if (valueDepth >= 0 && depth - 1 === valueDepth) valueText += raw;
  };

  const open = (
    lt: number,
    nameEnd: number,
    attributesEnd: number,
    selfClosing: boolean,
    known: number,
  ): void => {
    const at = lineAt(lt);
    if (depth === 0 && rootClosed) throw new Malformed(at, 'a second root element');
    if (depth >= MAX_DEPTH)
      throw new Malformed(at, `elements nested more than ${MAX_DEPTH.toLocaleString('en-GB')} deep`, true);
    if (attributesEnd > nameEnd && !ATTRIBUTES.test(buffer.slice(nameEnd, attributesEnd))) {
      throw new Malformed(
        at,
        `the attributes of <${buffer.slice(lt + 1, nameEnd)}> are not written name="value"`,
      );
    }
    let qualified: string;
    let name: string;
    let repeats: boolean;
    let elementName: ElementName;
    let read: boolean;
    if (known >= 0) {
      qualified = knownQualified[known] as string;
      name = knownLocal[known] as string;
      repeats = knownRepeats[known] as boolean;
      elementName = knownNames[known] as ElementName;
      read = knownRead[known] as boolean;
    } else {
      qualified = buffer.slice(lt + 1, nameEnd);
      name = qualified.slice(qualified.lastIndexOf(':') + 1);
      repeats = repeating.has(name);
      elementName = remember(qualified, name, repeats);
      read = reads === undefined || reads.has(name);
    }
    if (unreadDepth >= 0) {
      // Inside an element that is not read: only its tags are matched.
    } else if (recordDepth >= 0) {
      const level = depth - recordDepth;
      // The parent becomes an object at its first child element, whether that child is read or not.
      if (nodes[level - 1] === undefined) nodes[level - 1] = { [XML_LINE]: lines[depth - 1] };
      if (read) {
        nodes[level] = undefined;
        texts[level] = '';
      } else unreadDepth = depth;
    } else if (containerDepth >= 0 && depth === containerDepth + 1 && name === records) {
      recordDepth = depth;
      nodes[0] = undefined;
      texts[0] = '';
    } else if (
      containerDepth < 0 &&
      name === container &&
      (depth === 0 || (depth === 1 && !containerIsRoot))
    ) {
      containerIsRoot = depth === 0;
      containerDepth = depth;
      if (!containerSeen) {
        containerSeen = true;
        if (settled.size === fileValueNames.length) flush();
      }
    } else if (valueDepth >= 0) valueHasChildren = true;
    if (recordDepth < 0 && valueAt.size > 0) {
      // The path from where the container is found: from the top when the root is the container, else below it.
      const base = depth === 0 ? (containerIsRoot ? '' : undefined) : paths[depth - 1];
      const path = base === undefined ? '' : base === '' ? name : `${base}/${name}`;
      paths[depth] = path;
      const named = valueAt.get(path);
      if (named !== undefined && valueDepth < 0) {
        // A second element at a file value's path is read too, and must say the same as the first.
        valueAgain = settled.has(named);
        valueDepth = depth;
        valueName = named;
        valueText = '';
        valueHasChildren = false;
      }
    }
    names[depth] = qualified;
    openNames[depth] = elementName;
    locals[depth] = name;
    repeatsAt[depth] = repeats;
    lines[depth] = at;
    depth++;
    rootSeen = true;
    if (selfClosing) close();
  };

  const close = (): void => {
    depth--;
    if (unreadDepth >= 0) {
      if (depth === unreadDepth) unreadDepth = -1;
      return;
    }
    if (recordDepth >= 0) {
      const level = depth - recordDepth;
      const node = nodes[level];
      const value = elementValue(node, texts[level] as string);
      if (level === 0) {
        recordDepth = -1;
        if (node !== undefined) {
          if (ready) {
            if (!valuesGiven) giveValues();
            sink.item(node, lines[depth] as number);
          } else held.push({ item: node, line: lines[depth] as number });
        }
      } else {
        addChild(nodes[level - 1] as XmlNode, locals[depth] as string, value, repeatsAt[depth] === true);
      }
      return;
    }
    if (depth === containerDepth) containerDepth = -1;
    if (valueDepth === depth) {
      valueDepth = -1;
      const value = valueHasChildren ? '' : valueText.trim();
      if (valueAgain) {
        const first = found.get(valueName) ?? '';
        if (value !== first) {
          throw new TwoValues(
            names[depth] as string,
            first,
            foundLine.get(valueName) ?? 0,
            value,
            lines[depth] as number,
          );
        }
      } else {
        if (value !== '') found.set(valueName, value);
        foundLine.set(valueName, lines[depth] as number);
      }
      if (!settled.has(valueName)) settle(valueName);
    }
    if (settledBy.size > 0) {
      for (const name of settledBy.get(paths[depth] ?? '\u0000') ?? []) if (!settled.has(name)) settle(name);
    }
    if (depth === 0) rootClosed = true;
  };

  /**
   * The fast path of the commonest piece of a census, a leaf element inside a record written whole in the buffer
   * (`<LAchildID>C100000</LAchildID>`: a known name, no attributes, text without markup, its end tag): the same as
   * {@link open}, {@link text} and {@link close} one after the other give it, in one step, with no line counted
   * (a leaf's line is never kept) and nothing stored for the open element. Its start tag ends at `nameEnd`.
   * @returns the position after its end tag, or -1 when it is not such an element (the general path reads it).
   */
  const leafInRecord = (nameEnd: number, known: number): number => {
    const elementName = knownNames[known] as ElementName;
    const from = nameEnd + 1;
    const to = buffer.indexOf('<', from);
    if (to < 0 || buffer.charCodeAt(to + 1) !== SLASH || !elementName.endsAt(buffer, to + 2)) return -1;
    if (unreadDepth >= 0 || !(knownRead[known] as boolean)) {
      // Not built: only a bare "&" in its text refuses the file.
      if (unreadDepth < 0) parentNode();
      if (ampersandIn(from, to)) decoded(from, to);
    } else {
      // As `text` and `close` read it: a run of white space (any code up to 32) is no text at all.
      const value = isBlank(buffer, from, to) ? '' : decoded(from, to).trim();
      addChild(parentNode(), knownLocal[known] as string, value, knownRepeats[known] as boolean);
    }
    return to + 3 + elementName.length;
  };

  /** The object of the element open inside the record (made at its first child element, as {@link open} does). */
  const parentNode = (): XmlNode => {
    const level = depth - 1 - recordDepth;
    let node = nodes[level];
    if (node === undefined) {
      node = { [XML_LINE]: lines[depth - 1] };
      nodes[level] = node;
    }
    return node;
  };

  /**
   * A run of leaf elements, each after white space, as the general path reads them inside an element that is not
   * built: `<` and a name (ASCII letters, digits, `_`, `.`, `-`; no prefix), `>`, text without `<` or `&` (so no
   * entity, CDATA, comment or bare "&"), and the end tag of the same name (the back-reference) right after. Sticky:
   * matched where the last piece ended, or not at all.
   */
  const unreadLeaves = /(?:[ \t\r\n]*<([A-Za-z_][A-Za-z0-9_.-]*)>[^<&]*<\/\1>)+/y;

  /**
   * An element not built whose children are all such leaves, written whole in the buffer: its start tag, a run of
   * leaves as {@link unreadLeaves} matches them (each after white space), white space and its end tag (the
   * back-reference), with nothing else in it. Sticky, at the element's `<`.
   */
  const unreadElement =
    /<([A-Za-z_][A-Za-z0-9_.-]*)>(?:[ \t\r\n]*<([A-Za-z_][A-Za-z0-9_.-]*)>[^<&]*<\/\2>)*[ \t\r\n]*<\/\1>/y;

  /**
   * The fast path of an element inside a record that is not built (`reads`) and holds only leaves
   * (`<Assessments>` and its dates, for a referral): the same as {@link open}, the leaves and {@link close} give it
   * (its parent made an object, nothing else kept; the lines passed counted when next asked for), in one match.
   * Its start tag, of the known name `known`, is at `lt`; it and its children must be within the depth limit.
   * @returns the position after its end tag, or -1 when it is not such an element (the general path reads it).
   */
  const unreadInRecord = (lt: number, known: number): number => {
    if (depth + 1 >= MAX_DEPTH || (unreadDepth < 0 && (knownRead[known] as boolean))) return -1;
    unreadElement.lastIndex = lt;
    if (!unreadElement.test(buffer)) return -1;
    if (unreadDepth < 0) parentNode();
    return unreadElement.lastIndex;
  };

  /** Reads what it can of the buffer from `from`: the position after the last complete piece. */
  const read = (from: number): number => {
    const length = buffer.length;
    let position = from;
    while (position < length) {
      if (fast && unreadDepth >= 0 && depth < MAX_DEPTH) {
        // Fast path: the leaves of an element not built, nothing to do for them but match them.
        unreadLeaves.lastIndex = position;
        if (unreadLeaves.test(buffer)) position = unreadLeaves.lastIndex;
      }
      const lt = buffer.indexOf('<', position);
      if (lt < 0) {
        // Text to the end of the chunk: kept whole when it is wanted (an entity may be cut), else read now.
        if (recordDepth >= 0 || valueDepth >= 0) return position;
        text(position, length);
        return length;
      }
      if (lt > position) text(position, lt);
      position = lt;
      if (lt + 1 >= length) return position;
      const next = buffer.charCodeAt(lt + 1);
      if (next === SLASH) {
        const open = names[depth - 1];
        const openName = openNames[depth - 1];
        // The usual end tag: the open element's name and `>`.
        if (openName?.endsAt(buffer, lt + 2) === true) {
          close();
          position = lt + 3 + openName.length;
          continue;
        }
        const gt = buffer.indexOf('>', lt + 2);
        if (gt < 0) return position;
        const nameEnd = nameEndOf(buffer, lt + 2, gt);
        if (
          open === undefined ||
          openName === undefined ||
          nameEnd - lt - 2 !== openName.length ||
          !openName.at(buffer, lt + 2) ||
          !isBlank(buffer, nameEnd, gt)
        ) {
          const closing = buffer.slice(lt + 2, nameEnd);
          throw new Malformed(
            lineAt(lt),
            open === undefined
              ? `the end tag </${closing}> closes no element`
              : `the end tag </${closing}> where </${open}> (opened on line ${lines[depth - 1]}) was expected`,
          );
        }
        close();
        position = gt + 1;
      } else if (next === QUESTION) {
        const end = buffer.indexOf('?>', lt + 2);
        if (end < 0) return position;
        position = end + 2;
      } else if (next === BANG) {
        const after = special(lt);
        if (after < 0) return position;
        position = after;
      } else {
        if (!startsName(next)) throw new Malformed(lineAt(lt), `"<" is not followed by a name`);
        const known = knownNameAt(lt + 1);
        const nameEnd =
          known >= 0 ? lt + 1 + (knownQualified[known] as string).length : nameEndOf(buffer, lt + 1, length);
        if (nameEnd >= length) return position;
        if (buffer.charCodeAt(nameEnd) === GT) {
          if (fast && known >= 0 && recordDepth >= 0 && depth < MAX_DEPTH) {
            const after = leafInRecord(nameEnd, known);
            if (after >= 0) {
              position = after;
              continue;
            }
            const skipped = unreadInRecord(lt, known);
            if (skipped >= 0) {
              position = skipped;
              continue;
            }
          }
          // The usual tag: a name and `>`.
          open(lt, nameEnd, nameEnd, false, known);
          position = nameEnd + 1;
          continue;
        }
        const gt = tagEnd(buffer, nameEnd);
        if (gt < 0) return position;
        const selfClosing = buffer.charCodeAt(gt - 1) === SLASH;
        const attributesEnd = selfClosing ? gt - 1 : gt;
        open(lt, nameEnd, attributesEnd > nameEnd ? attributesEnd : nameEnd, selfClosing, known);
        position = gt + 1;
      }
    }
    return position;
  };

  /** A comment, CDATA section or document type at `lt`: the position after it, or -1 when it is not complete yet. */
  const special = (lt: number): number => {
    const after = commentOrCdata(buffer, lt, cdata);
    if (after !== undefined) return after;
    if (buffer.startsWith('<!DOCTYPE', lt)) {
      if (rootSeen) throw new Malformed(lineAt(lt), 'a document type inside the document');
      const gt = buffer.indexOf('>', lt);
      const subset = buffer.indexOf('[', lt);
      if (subset < 0 || (gt >= 0 && gt < subset)) return gt < 0 ? -1 : gt + 1;
      // An internal subset: it ends at `]` then `>`; the declarations in it may hold `>`.
      let close = buffer.indexOf(']', subset);
      while (close >= 0) {
        let after = close + 1;
        while (after < buffer.length && buffer.charCodeAt(after) <= 32) after++;
        if (after >= buffer.length) break;
        if (buffer.charCodeAt(after) === GT) {
          if (buffer.slice(subset, close).includes('<!ENTITY')) throw new EntitiesDeclared();
          return after + 1;
        }
        close = buffer.indexOf(']', close + 1);
      }
      if (buffer.indexOf('<!ENTITY', subset) >= 0) throw new EntitiesDeclared();
      return -1;
    }
    // A prefix of one of them, cut by the end of the chunk: wait for the rest.
    const head = buffer.slice(lt, lt + 9);
    if (head.length < 9 && ['<!--', '<![CDATA[', '<!DOCTYPE'].some((s) => s.startsWith(head))) return -1;
    throw new Malformed(lineAt(lt), `${JSON.stringify(buffer.slice(lt, lt + 12))} is not XML markup`);
  };

  /**
   * Reads `text` from `from` as the buffer, its lines before `from` already counted, and keeps what it leaves (an
   * incomplete piece) as the buffer for the next chunk.
   */
  const take = (text: string, from: number): void => {
    buffer = text;
    ampersand = -1;
    counted = from;
    newline = -1;
    const position = read(from);
    lineAt(position);
    buffer = buffer.slice(position);
    ampersand = -1;
    counted = 0;
    newline = -1;
  };

  const refuse = (message: string): void => {
    done = true;
    buffer = '';
    held.length = 0;
    sink.refuse(message);
    sink.end();
  };

  const failed = (error: unknown): void => {
    if (error instanceof EntitiesDeclared) {
      refuse(
        'the XML declares entities (<!ENTITY …> in its DOCTYPE), which can expand without bound or read other files: they are refused. Export the file again without a DTD',
      );
    } else if (error instanceof Malformed && error.limit) {
      refuse(`the XML cannot be read (${error.message}): expected ${expected}`);
    } else if (error instanceof Malformed) {
      refuse(
        `the file is not complete, well-formed XML (line ${error.line}: ${error.message}): is it cut short? Expected ${expected}`,
      );
    } else if (error instanceof TwoValues) {
      const shown = (value: string) => (value === '' ? 'none' : JSON.stringify(value));
      refuse(
        `the file gives <${error.element}> twice, ${shown(error.first)}${error.firstLine > 0 ? ` on line ${error.firstLine}` : ' (its first place closed without it)'} and ${shown(error.second)} on line ${error.secondLine}: which one the file means cannot be known. Export the file again, or correct it. Expected ${expected}`,
      );
    } else throw error;
  };

  return {
    write(chunk) {
      if (done || chunk.length === 0) return;
      try {
        if (buffer.length === 0) take(chunk, 0);
        else {
          // What the last chunk left (a tag cut in two, a leaf's text) is completed by this chunk up to its first
          // `>` and read on its own, then the rest of the chunk where it lies: as if the chunk had been cut after
          // that `>`, rather than copied whole after what was left. (Left again, it is joined to the rest.)
          const head = chunk.indexOf('>') + 1;
          if (head === 0 || head === chunk.length) take([buffer, chunk].join(''), 0);
          else {
            take([buffer, chunk.slice(0, head)].join(''), 0);
            if (buffer.length === 0) take(chunk, head);
            else take([buffer, chunk.slice(head)].join(''), 0);
          }
        }
      } catch (error) {
        failed(error);
      }
    },
    end() {
      if (done) return;
      try {
        // What is left is an incomplete tag, or text that waited for one.
        if (!isBlank(buffer, 0, buffer.length)) {
          if (buffer.charCodeAt(0) === LT) throw new Malformed(lineAt(0), 'the file ends inside a tag');
          text(0, buffer.length);
        }
        if (depth > 0) {
          throw new Malformed(
            lineAt(buffer.length),
            `the file ends inside <${names[depth - 1]}> (opened on line ${lines[depth - 1]})`,
          );
        }
      } catch (error) {
        failed(error);
        return;
      }
      done = true;
      if (!containerSeen) {
        sink.refuse(`no <${container}> element: expected ${expected}`);
        sink.end();
        return;
      }
      flush();
      if (!valuesGiven) giveValues();
      sink.end();
    },
  };
}

/** A document type that declares entities. */
class EntitiesDeclared {}

/** A file value given twice, with different values: which one the file means cannot be known. */
class TwoValues {
  constructor(
    readonly element: string,
    readonly first: string,
    readonly firstLine: number,
    readonly second: string,
    readonly secondLine: number,
  ) {}
}

/** The `>` that ends the start tag whose name starts at `from`, outside quoted values; -1 when not there yet. */
function tagEnd(text: string, from: number): number {
  let gt = text.indexOf('>', from);
  if (gt < 0) return -1;
  // Most tags have no attributes: no quote before the `>`.
  let quote = -1;
  for (let at = from; at < gt; at++) {
    const code = text.charCodeAt(at);
    if (code === 34 || code === 39) {
      quote = at;
      break;
    }
  }
  while (quote >= 0) {
    const closing = text.indexOf(text[quote] as string, quote + 1);
    if (closing < 0) return -1;
    if (closing > gt) gt = text.indexOf('>', closing + 1);
    if (gt < 0) return -1;
    quote = -1;
    for (let at = closing + 1; at < gt; at++) {
      const code = text.charCodeAt(at);
      if (code === 34 || code === 39) {
        quote = at;
        break;
      }
    }
  }
  return gt;
}

/**
 * Tokenizes an XML text held whole: {@link createXmlTokenizer} written the text in one piece, then ended.
 *
 * @param text - the whole XML text (a byte-order mark already dropped).
 * @param options - the container, the record elements, repeating elements, file values and the description.
 * @param sink - the next stage.
 * @returns nothing: the items went to the sink.
 * @example
 * tokenizeXml('<Message><Children><Child><LAchildID>C1</LAchildID></Child></Children></Message>',
 *   { container: 'Children', records: 'Child', expected: 'a census' }, sink);
 * //=> sink.item({ LAchildID: 'C1' }, 1), sink.end()
 */
export function tokenizeXml(text: string, options: XmlTokenizerOptions, sink: RowSink): void {
  const tokenizer = createXmlTokenizer(options, sink);
  tokenizer.write(text);
  tokenizer.end();
}
