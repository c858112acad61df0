/**
 * Stage 3 for XML (the census files): the text read whole with fast-xml-parser, and each record element (a CIN
 * census `Child`) pushed as one item, every element in it carrying the line it starts on ({@link XML_LINE}).
 * Values of the whole file (a header's reference date) are pushed first, as file values. A document that declares
 * entities is refused before it is parsed; a plain `<!DOCTYPE x>` is read.
 * @module
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { RowSink } from './stages.js';

/** Where the records of an XML format are, and what else to read from the file. */
export interface XmlTokenizerOptions {
  /** The element whose children are the records (`Children`), at the top or under the root element. */
  readonly container: string;
  /** The record elements' name (`Child`). */
  readonly records: string;
  /** Elements that may repeat, read as lists whether the file has one or several (the records are added). */
  readonly repeating?: readonly string[];
  /**
   * File values to read, by name: the path of an element from where the container is found
   * (`{ referenceDate: 'Header/CollectionDetails/ReferenceDate' }`). Default none.
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

type XmlNode = Record<string | symbol, unknown>;

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Whether the document declares entities: a `<!DOCTYPE …[ … <!ENTITY … ]>` internal subset. Entities can expand
 * without bound (the "billion laughs") or name other files; census files never need them.
 */
function declaresEntities(text: string): boolean {
  const doctype = text.indexOf('<!DOCTYPE');
  if (doctype === -1) return false;
  const subset = text.indexOf('[', doctype);
  const close = text.indexOf('>', doctype);
  if (subset === -1 || (close !== -1 && close < subset)) return false;
  const end = text.indexOf(']', subset);
  const entity = text.indexOf('<!ENTITY', subset);
  return entity !== -1 && (end === -1 || entity < end);
}

/** The line of each character offset. */
function lineFinder(text: string): (offset: number | undefined) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    if (offset === undefined) return 0;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/** The node at a path of element names below `from`, or undefined. */
function at(from: XmlNode, path: string): unknown {
  let node: unknown = from;
  for (const name of path.split('/')) {
    if (!isNode(node)) return undefined;
    const next = node[name];
    node = Array.isArray(next) ? next[0] : next;
  }
  return node;
}

/**
 * Tokenizes an XML file: validates it, refuses entity declarations, finds the container and pushes each record
 * element as an item at the line it starts on. Every element object of an item (at any depth, walked without
 * recursion) has its line under {@link XML_LINE}; element text is kept as text, trimmed.
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
  const refuse = (message: string): void => {
    sink.refuse(message);
    sink.end();
  };
  if (declaresEntities(text)) {
    refuse(
      'the XML declares entities (<!ENTITY …> in its DOCTYPE), which can expand without bound or read other files: they are refused. Export the file again without a DTD',
    );
    return;
  }
  let document: unknown;
  try {
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
      const { msg, line } = valid.err;
      refuse(
        `the file is not complete, well-formed XML (line ${line}: ${msg}): is it cut short? Expected ${options.expected}`,
      );
      return;
    }
    const repeating = new Set([options.records, ...(options.repeating ?? [])]);
    document = new XMLParser({
      ignoreAttributes: true,
      removeNSPrefix: true,
      parseTagValue: false,
      trimValues: true,
      processEntities: true,
      captureMetaData: true,
      isArray: (name) => repeating.has(name),
    }).parse(text);
  } catch (error) {
    // fast-xml-parser's own limits (elements nested too deeply, …): the file cannot be read as it is.
    refuse(`the XML cannot be read (${errorMessage(error)}): expected ${options.expected}`);
    return;
  }
  const top = isNode(document) ? [document, ...Object.values(document).filter(isNode)] : [];
  const parent = top.find((node) => node[options.container] !== undefined);
  if (parent === undefined) {
    refuse(`no <${options.container}> element: expected ${options.expected}`);
    return;
  }
  for (const [name, path] of Object.entries(options.fileValues ?? {})) {
    const value = at(parent, path);
    if (typeof value === 'string' && value.trim() !== '') sink.fileValue(name, value.trim());
  }
  const container = parent[options.container];
  const list = isNode(container) ? container[options.records] : undefined;
  const records = Array.isArray(list) ? list.filter(isNode) : [];
  const meta = XMLParser.getMetaDataSymbol() as unknown as string;
  const lineOf = lineFinder(text);
  for (const record of records) {
    // Each element's line, from the offset fast-xml-parser keeps, walked with a stack rather than recursion.
    const stack: unknown[] = [record];
    while (stack.length > 0) {
      const node = stack.pop();
      if (Array.isArray(node)) {
        for (const element of node) stack.push(element);
      } else if (isNode(node)) {
        node[XML_LINE] = lineOf((node[meta] as { startIndex?: number } | undefined)?.startIndex);
        for (const key of Object.keys(node)) stack.push(node[key]);
      }
    }
    sink.item(record, record[XML_LINE] as number);
  }
  sink.end();
}
