/**
 * A small streaming XML tokenizer for the parts of a workbook: text in, in chunks cut anywhere; start tags, end
 * tags and wanted text out, as they complete. It knows the five predefined entities and character references,
 * CDATA, comments and processing instructions; it refuses a document type that declares entities (SPEC 13), and
 * never expands one. Namespace prefixes are dropped from names (`x:row` is `row`), as some writers add them.
 * @module
 */
import { WorkbookError } from './errors.js';

/**
 * Receives what {@link XmlTokenizer} finds. Tags come as positions in the tokenizer's text, so that a handler on the
 * hot path reads names and attributes where they lie instead of copying them; {@link byName} makes a simpler
 * handler of names and attribute text.
 */
export interface XmlHandler {
  /** Whether the text between tags is wanted now; text that is not wanted is skipped unread. */
  readonly wantsText: boolean;
  /**
   * A fast path, tried first at each start tag: reads the element at `lt` (its tag, contents and end tag) itself
   * when it is one it knows in a usual shape, and gives the position after it; else -1, and the tokenizer goes on
   * tag by tag. Default: none.
   */
  readonly element?: (source: string, lt: number) => number;
  /**
   * A start tag (a self-closing one is followed at once by its {@link XmlHandler.close}).
   * @param source - the text the tag lies in (valid during the call only).
   * @param nameStart - where its local name starts (after any namespace prefix).
   * @param nameEnd - where its name ends and its attributes start.
   * @param end - where its attributes end (before `>` or `/>`).
   * @param selfClosing - whether the tag ends with `/>`.
   * @returns -1; or, for a start tag whose whole element (contents and end tag) the handler has read itself from
   *   `source`, the position after its end tag: the tokenizer goes on from there.
   */
  open(source: string, nameStart: number, nameEnd: number, end: number, selfClosing: boolean): number;
  /** An end tag, or the end of a self-closing tag: its local name is `source.slice(nameStart, nameEnd)`. */
  close(source: string, nameStart: number, nameEnd: number): void;
  /** Text, with its entities decoded: one piece of text may come in several calls. */
  text(text: string): void;
}

/** A handler of tag names and raw attribute text, for parts read once (see {@link byName}). */
export interface NamedXmlHandler {
  readonly wantsText: boolean;
  open(name: string, attributes: string): void;
  close(name: string): void;
  text(text: string): void;
}

/**
 * An {@link XmlHandler} that hands a {@link NamedXmlHandler} each tag's local name and attribute text.
 *
 * @param handler - receives names and attribute text.
 * @param element - a fast path for elements in a usual shape, as {@link XmlHandler.element}. Default none.
 * @returns the handler for {@link XmlTokenizer}.
 * @example
 * new XmlTokenizer(byName({ wantsText: false, open: (name) => console.log(name), close() {}, text() {} }), 'a.xml')
 *   .write('<x:sheet name="A"/>') //=> logs 'sheet'
 */
export function byName(
  handler: NamedXmlHandler,
  element?: (source: string, lt: number) => number,
): XmlHandler {
  return {
    ...(element === undefined ? {} : { element }),
    get wantsText() {
      return handler.wantsText;
    },
    open(source, nameStart, nameEnd, end) {
      handler.open(source.slice(nameStart, nameEnd), source.slice(nameEnd, end));
      return -1;
    },
    close(source, nameStart, nameEnd) {
      handler.close(source.slice(nameStart, nameEnd));
    },
    text(text) {
      handler.text(text);
    },
  };
}

const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const QUOTE = 34;
const APOSTROPHE = 39;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g;

/**
 * Decodes XML's predefined entities and character references; an unknown entity stays as written.
 *
 * @param text - raw XML text or attribute value.
 * @returns the text it stands for.
 * @example
 * decodeXmlEntities('Smith &amp; Jones &#8211; &lt;3') //=> 'Smith & Jones – <3'
 */
export function decodeXmlEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (whole, name: string) => {
    if (name.charCodeAt(0) === 35) {
      const code =
        name.charCodeAt(1) === 120 ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** The index of the next `character` from `from`, or the text's length when there is none. */
function nextOrEnd(text: string, character: string, from: number): number {
  const at = text.indexOf(character, from);
  return at < 0 ? text.length : at;
}

/**
 * Where the name of a tag that starts at `start` ends: at whitespace, '/' or '>', and at `limit` at the latest.
 *
 * @param text - the text the tag lies in.
 * @param start - where its name starts (after `<` or `</`).
 * @param limit - where to stop looking.
 * @returns the position after the name.
 * @example
 * nameEndOf('<row r="1">', 1, 11) //=> 4
 */
export function nameEndOf(text: string, start: number, limit: number): number {
  let end = start;
  while (end < limit) {
    const code = text.charCodeAt(end);
    if (code <= 32 || code === SLASH || code === GT) break;
    end++;
  }
  return end;
}

/** Where the local name of a tag whose name runs from `start` to `end` starts: after any namespace prefix. */
function localStart(text: string, start: number, end: number): number {
  let nameStart = start;
  for (let at = start; at < end; at++) if (text.charCodeAt(at) === 58) nameStart = at + 1;
  return nameStart;
}

/**
 * The value of one attribute in a tag's raw attribute text, entities decoded, or undefined when absent. The name is
 * matched on its local part, so `id` finds `r:id`.
 *
 * @param attributes - the raw attribute text, as {@link NamedXmlHandler.open} gives it.
 * @param name - the attribute's local name.
 * @returns its value, or undefined.
 * @example
 * attributeOf(' r="B7" s="3" t="s"', 't') //=> 's'
 * attributeOf(' name="List 3" r:id="rId2"', 'id') //=> 'rId2'
 */
export function attributeOf(attributes: string, name: string): string | undefined {
  const length = attributes.length;
  let at = 0;
  while (at < length) {
    while (at < length && attributes.charCodeAt(at) <= 32) at++;
    const equals = attributes.indexOf('=', at);
    if (equals < 0) return undefined;
    let nameStart = at;
    let nameEnd = equals;
    while (nameEnd > nameStart && attributes.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
    const colon = attributes.lastIndexOf(':', nameEnd);
    if (colon >= nameStart) nameStart = colon + 1;
    let open = equals + 1;
    while (attributes.charCodeAt(open) <= 32) open++;
    const quote = attributes.charCodeAt(open);
    if (quote !== QUOTE && quote !== APOSTROPHE) return undefined;
    const close = attributes.indexOf(quote === QUOTE ? '"' : "'", open + 1);
    if (close < 0) return undefined;
    if (nameEnd - nameStart === name.length && attributes.startsWith(name, nameStart)) {
      return decodeXmlEntities(attributes.slice(open + 1, close));
    }
    at = close + 1;
  }
  return undefined;
}

/**
 * Reads a comment or a CDATA section at `lt`, handing a CDATA section's text (as written) to `cdata`.
 *
 * @param text - the text the markup lies in.
 * @param lt - where its `<` is.
 * @param cdata - receives a CDATA section's text.
 * @returns the position after it; -1 when it is not complete yet; undefined when it is neither.
 * @example
 * commentOrCdata('a<![CDATA[x<y]]>b', 1, (t) => console.log(t)) //=> 16, logs 'x<y'
 */
export function commentOrCdata(text: string, lt: number, cdata: (raw: string) => void): number | undefined {
  if (text.startsWith('<!--', lt)) {
    const end = text.indexOf('-->', lt + 4);
    return end < 0 ? -1 : end + 3;
  }
  if (text.startsWith('<![CDATA[', lt)) {
    const end = text.indexOf(']]>', lt + 9);
    if (end < 0) return -1;
    cdata(text.slice(lt + 9, end));
    return end + 3;
  }
  return undefined;
}

/** Tokenizes XML pushed in chunks of text: see {@link XmlHandler}. */
export class XmlTokenizer {
  private rest = '';
  private depth = 0;
  private rootSeen = false;
  /** The names of the elements open (read tag by tag), innermost last: an end tag must close the last. */
  private readonly openNames: string[] = [];

  /**
   * @param handler - receives the tags and text.
   * @param part - the part's name, for messages.
   */
  constructor(
    private readonly handler: XmlHandler,
    private readonly part: string,
  ) {}

  /**
   * Whether the tokenizer stands between tags inside the root element, with nothing held back: the text that
   * follows may be read by another reader (a fast path) and the tokenizer given the text after it.
   */
  get idle(): boolean {
    return this.rest === '' && this.rootSeen && this.depth > 0;
  }

  /**
   * Reads the next chunk of text.
   * @param chunk - the text, cut anywhere.
   * @throws {WorkbookError} when the XML declares entities.
   */
  write(chunk: string): void {
    // Joined into one flat string, not `rest + chunk`: that makes a rope, whose every character read below goes
    // through the rope (a sheet's cells read about half as fast).
    const buffer = this.rest.length === 0 ? chunk : [this.rest, chunk].join('');
    const handler = this.handler;
    const length = buffer.length;
    let position = 0;
    // The next quote and apostrophe at or after the position searched from (the length when there is none).
    let quoteAt = -1;
    let apostropheAt = -1;
    this.rest = '';
    while (position < length) {
      const lt = buffer.indexOf('<', position);
      if (lt < 0) {
        if (handler.wantsText) this.rest = buffer.slice(position);
        return;
      }
      if (lt > position && handler.wantsText) handler.text(decodeXmlEntities(buffer.slice(position, lt)));
      position = lt;
      if (lt + 1 >= length) {
        this.rest = buffer.slice(lt);
        return;
      }
      const next = buffer.charCodeAt(lt + 1);
      let end: number;
      if (next === SLASH) {
        end = buffer.indexOf('>', lt);
        if (end < 0) break;
        this.refuseLessThanIn(buffer, lt, end);
        this.depth--;
        const nameEnd = nameEndOf(buffer, lt + 2, end);
        // The handler first: it names the cell of a mismatch it knows (a <v> or a cell left open).
        handler.close(buffer, localStart(buffer, lt + 2, nameEnd), nameEnd);
        this.closeName(buffer.slice(lt + 2, nameEnd));
        position = end + 1;
      } else if (next === QUESTION) {
        end = buffer.indexOf('?>', lt);
        if (end < 0) break;
        position = end + 2;
      } else if (next === BANG) {
        const consumed = this.special(buffer, lt);
        if (consumed < 0) break;
        position = consumed;
      } else {
        const read = handler.element === undefined ? -1 : handler.element(buffer, lt);
        if (read >= 0) {
          position = read;
          continue;
        }
        // The tag ends at the first '>' outside quotes: jump from quote to quote rather than read every character,
        // and look for '>' again only when a quoted value holds one.
        end = buffer.indexOf('>', lt + 1);
        let from = lt + 1;
        while (end >= 0) {
          if (quoteAt < from) quoteAt = nextOrEnd(buffer, '"', from);
          if (apostropheAt < from) apostropheAt = nextOrEnd(buffer, "'", from);
          const quote = quoteAt < apostropheAt ? quoteAt : apostropheAt;
          if (quote > end) break;
          const close = buffer.indexOf(quote === quoteAt ? '"' : "'", quote + 1);
          if (close < 0) {
            end = -1;
            break;
          }
          from = close + 1;
          if (close > end) end = buffer.indexOf('>', from);
        }
        if (end < 0) break;
        this.refuseLessThanIn(buffer, lt, end);
        const nameEnd = nameEndOf(buffer, lt + 1, end);
        const nameStart = localStart(buffer, lt + 1, nameEnd);
        const selfClosing = buffer.charCodeAt(end - 1) === SLASH;
        const after = handler.open(buffer, nameStart, nameEnd, selfClosing ? end - 1 : end, selfClosing);
        this.rootSeen = true;
        if (after >= 0) position = after;
        else {
          if (selfClosing) handler.close(buffer, nameStart, nameEnd);
          else {
            this.depth++;
            this.openNames.push(buffer.slice(lt + 1, nameEnd));
          }
          position = end + 1;
        }
      }
    }
    if (position < length) this.rest = buffer.slice(position);
  }

  /**
   * Refuses an end tag that does not close the element open last (`<ce …>…</c>`): read on, what the element held
   * would belong to whatever the reader took it to close.
   * @throws {WorkbookError} when `name` is not the last open element's.
   */
  private closeName(name: string): void {
    const open = this.openNames.pop();
    if (open === name) return;
    throw new WorkbookError(
      `its part ${this.part} is not well-formed XML (</${name}> closes ${open === undefined ? 'no element' : `<${open}>`})`,
    );
  }

  /**
   * Refuses a tag with a `<` inside it (`<c<r="A10" t="s">`, `</c<>`), which XML does not allow even in a quoted
   * value: read on, its name and attributes would be whatever the bytes after it made them (such a cell was read as a
   * number by this path and as a shared string by the sheet's byte scanner), where a damaged part is refused.
   * @throws {WorkbookError} when the tag from `lt` to `end` (its `>`) holds a `<`.
   */
  private refuseLessThanIn(buffer: string, lt: number, end: number): void {
    const inner = buffer.indexOf('<', lt + 1);
    if (inner < 0 || inner > end) return;
    throw new WorkbookError(
      `its part ${this.part} is not well-formed XML (a "<" inside the tag ${JSON.stringify(buffer.slice(lt, Math.min(end + 1, lt + 40)))})`,
    );
  }

  /** A comment, CDATA section or document type at `lt`: the position after it, or -1 when it is not complete yet. */
  private special(buffer: string, lt: number): number {
    const handler = this.handler;
    const after = commentOrCdata(buffer, lt, (text) => {
      if (handler.wantsText) handler.text(text);
    });
    if (after !== undefined) return after;
    if (buffer.length - lt < 9) return -1;
    if (buffer.startsWith('<!DOCTYPE', lt)) {
      const end = buffer.indexOf('>', lt);
      if (end < 0) return -1;
      const declaration = buffer.slice(lt, end);
      if (declaration.includes('[') || declaration.includes('<!ENTITY')) {
        throw new WorkbookError(
          `its part ${this.part} declares XML entities, which are refused: no spreadsheet program writes them`,
        );
      }
      return end + 1;
    }
    throw new WorkbookError(
      `its part ${this.part} is not well-formed XML (${JSON.stringify(buffer.slice(lt, lt + 20))})`,
    );
  }

  /**
   * Ends the text.
   * @throws {WorkbookError} when the XML stops inside a tag or an element.
   */
  end(): void {
    if (this.rest.trim() !== '' || this.depth !== 0 || !this.rootSeen) {
      throw new WorkbookError(`its part ${this.part} is not complete XML: it stops inside an element`);
    }
  }
}
