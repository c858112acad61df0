/**
 * The workbook reader: an .xlsx file's bytes in, its sheets listed, and one sheet's rows handed over as they are
 * unzipped, so that a sheet of a million rows never stands whole in memory (only the compressed file, the shared
 * strings and one row do).
 * @module
 */
import type { IsoDate } from '../util/dates.js';
import { WorkbookError } from './errors.js';
import { isDateFormat, serialToIsoDate } from './serials.js';
import {
  attributeOf,
  byName,
  decodeXmlEntities,
  type NamedXmlHandler,
  type XmlHandler,
  XmlTokenizer,
} from './xml.js';
import { listZipEntries, unzipEntry, type ZipEntry } from './zip-read.js';

/** A cell shown as a date or time: a number with a date format, or a date cell. */
export interface WorkbookDate {
  readonly kind: 'date';
  /** The serial as stored, in the workbook's own date system; a fraction is the time of day. */
  readonly serial: number;
  /** The calendar date, already in the right date system; null when the number is no day Excel shows. */
  readonly date: IsoDate | null;
}

/** A formula cell that holds no result (the workbook was written by a program that does not calculate). */
export interface WorkbookFormula {
  readonly kind: 'formula';
  /** The formula as written, without `=`; '' for a cell that shares the formula of another. */
  readonly formula: string;
}

/** An error value, such as a formula's `#N/A` or `#DIV/0!`. */
export interface WorkbookErrorValue {
  readonly kind: 'error';
  /** The error as Excel shows it. */
  readonly error: string;
}

/**
 * One cell's value: text (shared, inline or a formula's text result), a number, a boolean, a date, a formula
 * without a result, an error, or null for an empty cell. A formula with a result is its result.
 */
export type WorkbookCell =
  | string
  | number
  | boolean
  | WorkbookDate
  | WorkbookFormula
  | WorkbookErrorValue
  | null;

/** A sheet of the workbook, as listed. */
export interface WorkbookSheet {
  /** Its name, as on its tab. */
  readonly name: string;
  /** Its 1-based position among the sheets. */
  readonly number: number;
  /** Whether it is hidden (or very hidden). */
  readonly hidden: boolean;
}

/** What {@link WorkbookReader.readSheet} tells once the sheet is read. */
export interface SheetSummary {
  /** The sheet read. */
  readonly sheet: WorkbookSheet;
  /** How many rows were handed over. */
  readonly rows: number;
}

/**
 * Receives the rows of a sheet, in order.
 * @param cells - the row's cells from column A, empty cells null, without empty cells at the end.
 * @param row - the row's number, as Excel shows it.
 */
export type SheetRowHandler = (cells: WorkbookCell[], row: number) => void;

/** An open workbook: its sheets, its date system, and a way to read a sheet. */
export interface WorkbookReader {
  /** Every sheet, in the workbook's order (charts included: reading one is refused). */
  readonly sheets: readonly WorkbookSheet[];
  /** Whether the workbook counts days from 1904 (its dates are already converted: see {@link WorkbookDate}). */
  readonly date1904: boolean;
  /**
   * Reads one sheet, handing over each row that holds a value as it is unzipped. Rows that hold no value (a
   * template's formatted empty rows) are not handed over; a merged range's value is in its first cell, the others
   * empty, as Excel stores them.
   * @param sheet - its name (ignoring case, as Excel does) or its 1-based number.
   * @param onRow - receives each row.
   * @returns the sheet read and the number of rows handed over.
   * @throws {WorkbookError} when there is no such sheet (naming those there are), or the sheet is damaged.
   */
  readSheet(sheet: string | number, onRow: SheetRowHandler): Promise<SheetSummary>;
}

/** The largest column Excel has (XFD). */
const MAX_COLUMNS = 16_384;
/** Date cells of one serial share one object; past this many different serials, new ones are made. */
const MAX_SHARED_DATES = 1 << 16;

const REL_WORKSHEET = '/worksheet';
const REL_SHARED_STRINGS = '/sharedStrings';
const REL_STYLES = '/styles';
const REL_OFFICE_DOCUMENT = '/officeDocument';

/** Excel's escape of characters XML cannot hold: `_x000D_` is a carriage return, `_x005F_` an underscore. */
const ESCAPED_CHARACTER = /_x([0-9A-Fa-f]{4})_/g;

function unescapeText(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(ESCAPED_CHARACTER, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Reads a whole part through the tokenizer. */
async function parsePart(bytes: Uint8Array, entry: ZipEntry, handler: XmlHandler): Promise<void> {
  const tokenizer = new XmlTokenizer(handler, entry.name);
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk === undefined
        ? (decoder?.decode() ?? '')
        : (decoder as InstanceType<typeof TextDecoder>).decode(chunk, { stream: true });
    } catch (error) {
      throw new WorkbookError(
        `its part ${entry.name} is not text in the encoding it declares (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  };
  for await (const chunk of unzipEntry(bytes, entry)) {
    if (decoder === undefined) {
      // Parts are UTF-8 in practice; the standard also allows UTF-16 with a byte-order mark.
      const utf16 = (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
      decoder = new TextDecoder(utf16 ? (chunk[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8', {
        fatal: true,
      });
    }
    tokenizer.write(decode(chunk));
  }
  tokenizer.write(decode());
  tokenizer.end();
}

/** A handler that collects the attributes of every tag named `name`. */
function collect(name: string): NamedXmlHandler & { readonly found: string[] } {
  const found: string[] = [];
  return {
    wantsText: false,
    found,
    open(tag, attributes) {
      if (tag === name) found.push(attributes);
    },
    close() {},
    text() {},
  };
}

/** Resolves a relationship's target against the folder of the part that names it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

/** The contents of a zip, found by name (exactly, else ignoring case, as some writers vary it). */
class Archive {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();

  constructor(readonly bytes: Uint8Array) {
    for (const entry of listZipEntries(bytes)) {
      this.byName.set(entry.name, entry);
      this.byLowerName.set(entry.name.toLowerCase(), entry);
    }
  }

  find(name: string): ZipEntry | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  async parse(name: string, handler: XmlHandler): Promise<boolean> {
    const entry = this.find(name);
    if (entry === undefined) return false;
    await parsePart(this.bytes, entry, handler);
    return true;
  }

  async relationships(part: string): Promise<Relationship[]> {
    const handler = collect('Relationship');
    await this.parse(relsPathOf(part), byName(handler));
    return handler.found.map((attributes) => ({
      id: attributeOf(attributes, 'Id') ?? '',
      type: attributeOf(attributes, 'Type') ?? '',
      target: resolveTarget(part, attributeOf(attributes, 'Target') ?? ''),
    }));
  }
}

/** Reads the shared strings: each `<si>`'s text runs joined, phonetic runs (`<rPh>`) left out. */
async function readSharedStrings(archive: Archive, part: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (part === undefined) return strings;
  let text = '';
  let inItem = false;
  let phonetic = 0;
  const handler = {
    wantsText: false,
    open(name: string) {
      if (name === 'si') {
        inItem = true;
        text = '';
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && inItem && phonetic === 0) handler.wantsText = true;
    },
    close(name: string) {
      if (name === 't') handler.wantsText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        strings.push(unescapeText(text));
        inItem = false;
      }
    },
    text(piece: string) {
      text += piece;
    },
  };
  await archive.parse(part, byName(handler));
  return strings;
}

/** Reads which cell formats (`cellXfs`, by position) show numbers as dates. */
async function readDateStyles(archive: Archive, part: string | undefined): Promise<boolean[]> {
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellFormats = false;
  if (part !== undefined) {
    await archive.parse(
      part,
      byName({
        wantsText: false,
        open(name, attributes) {
          if (name === 'numFmt') {
            const id = Number(attributeOf(attributes, 'numFmtId'));
            const code = attributeOf(attributes, 'formatCode');
            if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
          } else if (name === 'cellXfs') inCellFormats = true;
          else if (name === 'xf' && inCellFormats)
            formatIds.push(Number(attributeOf(attributes, 'numFmtId') ?? 0));
        },
        close(name) {
          if (name === 'cellXfs') inCellFormats = false;
        },
        text() {},
      }),
    );
  }
  return formatIds.map((id) => isDateFormat(id, codes.get(id)));
}

function columnName(column: number): string {
  let name = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

interface SheetContext {
  readonly sheet: WorkbookSheet;
  readonly strings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
  readonly onRow: SheetRowHandler;
}

// Cell types (`t`), as small numbers.
const TYPE_NUMBER = 0;
const TYPE_SHARED = 1;
const TYPE_INLINE = 2;
const TYPE_TEXT = 3;
const TYPE_BOOLEAN = 4;
const TYPE_ERROR = 5;
const TYPE_DATE = 6;
const TYPE_UNKNOWN = 7;

// What the text being gathered is.
const CAPTURE_NONE = 0;
const CAPTURE_VALUE = 1;
const CAPTURE_FORMULA = 2;
const CAPTURE_INLINE = 3;

const CHAR_C = 99;
const CHAR_V = 118;
const CHAR_F = 102;
const CHAR_T = 116;
const CHAR_R = 114;
const CHAR_S = 115;
const CHAR_I = 105;
const CHAR_QUOTE = 34;
const CHAR_APOSTROPHE = 39;
const CHAR_COLON = 58;
const LESS_THAN = 60;
const EQUALS = 61;
const GREATER_THAN = 62;
const SLASH = 47;

/** Whether `source` holds `pattern` at `at` (compared code by code: cheaper than `startsWith` here). */
function holds(source: string, at: number, pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++)
    if (source.charCodeAt(at + i) !== pattern.charCodeAt(i)) return false;
  return true;
}

/** The type code of a cell's `t` attribute, from `start` to `end` of `source`. */
function typeOf(source: string, start: number, end: number): number {
  const length = end - start;
  const first = source.charCodeAt(start);
  if (length === 1) {
    if (first === CHAR_S) return TYPE_SHARED;
    if (first === 110) return TYPE_NUMBER; // n
    if (first === 98) return TYPE_BOOLEAN; // b
    if (first === 101) return TYPE_ERROR; // e
    if (first === 100) return TYPE_DATE; // d
  }
  // The two longer types differ in length and first letter: `str` and `inlineStr`.
  if (length === 3 && first === CHAR_S && holds(source, start, 'str')) return TYPE_TEXT;
  if (length === 9 && first === CHAR_I && source.charCodeAt(start + 6) === 83) return TYPE_INLINE; // inline S
  return TYPE_UNKNOWN;
}

/**
 * The sheet's XML, row by row: the hot path of reading a workbook. It reads names and attributes where they lie
 * in the tokenizer's text: no string is made for a tag, only for a value.
 */
class SheetHandler implements XmlHandler {
  wantsText = false;
  rows = 0;
  private rowNumber = 0;
  private cells: WorkbookCell[] = [];
  private hasValue = false;
  private column = -1;
  private style = 0;
  private type = TYPE_NUMBER;
  private typeText = '';
  private value: string | null = null;
  private formula: string | null = null;
  private inline: string | null = null;
  private capture = '';
  private capturing = CAPTURE_NONE;
  private phonetic = 0;
  private readonly dates = new Map<number, WorkbookDate>();
  // The attribute {@link SheetHandler.nextAttribute} found last.
  private foundName = 0;
  private foundStart = 0;
  private foundEnd = 0;

  constructor(private readonly context: SheetContext) {}

  open(source: string, nameStart: number, nameEnd: number, end: number, selfClosing: boolean): number {
    const length = nameEnd - nameStart;
    const first = source.charCodeAt(nameStart);
    if (length === 1) {
      if (first === CHAR_C) {
        this.cellAttributes(source, nameEnd, end);
        return selfClosing ? -1 : this.simpleCell(source, end + 1);
      }
      if (first === CHAR_V) this.startCapture(CAPTURE_VALUE);
      else if (first === CHAR_F) this.startCapture(CAPTURE_FORMULA);
      else if (first === CHAR_T && this.inline !== null && this.phonetic === 0)
        this.startCapture(CAPTURE_INLINE);
    } else if (length === 3 && first === CHAR_R) {
      if (source.charCodeAt(nameStart + 1) === 111) this.startRow(source, nameEnd, end);
      else if (holds(source, nameStart, 'rPh')) this.phonetic++;
    } else if (length === 2 && first === CHAR_I && source.charCodeAt(nameStart + 1) === CHAR_S) {
      this.inline = '';
    }
    return -1;
  }

  /**
   * Reads the contents of a cell written the usual way, `<v>…</v></c>` or `<is><t>…</t></is></c>`, in one go,
   * from `from` (after the cell's start tag): the position after `</c>`, or -1 to let the tokenizer go tag by tag
   * (another shape, a prefix, or a cell cut by the end of the chunk).
   */
  private simpleCell(source: string, from: number): number {
    if (source.charCodeAt(from) !== LESS_THAN) return -1;
    const second = source.charCodeAt(from + 1);
    if (second === CHAR_V && source.charCodeAt(from + 2) === GREATER_THAN) {
      // <v>…</v></c>
      const textEnd = source.indexOf('<', from + 3);
      if (
        textEnd < 0 ||
        source.charCodeAt(textEnd + 1) !== SLASH ||
        source.charCodeAt(textEnd + 2) !== CHAR_V ||
        source.charCodeAt(textEnd + 3) !== GREATER_THAN ||
        !this.isCellEnd(source, textEnd + 4)
      ) {
        return -1;
      }
      this.value = decodeXmlEntities(source.slice(from + 3, textEnd));
      this.endCell();
      return textEnd + 8;
    }
    if (
      second === CHAR_I &&
      source.charCodeAt(from + 2) === CHAR_S &&
      source.charCodeAt(from + 3) === GREATER_THAN &&
      source.charCodeAt(from + 4) === LESS_THAN &&
      source.charCodeAt(from + 5) === CHAR_T &&
      source.charCodeAt(from + 6) === GREATER_THAN
    ) {
      // <is><t>…</t></is></c>
      const textEnd = source.indexOf('<', from + 7);
      if (textEnd < 0 || !holds(source, textEnd, '</t></is>') || !this.isCellEnd(source, textEnd + 9))
        return -1;
      this.inline = decodeXmlEntities(source.slice(from + 7, textEnd));
      this.endCell();
      return textEnd + 13;
    }
    return -1;
  }

  /** Whether `</c>` stands at `at`. */
  private isCellEnd(source: string, at: number): boolean {
    return (
      source.charCodeAt(at) === LESS_THAN &&
      source.charCodeAt(at + 1) === SLASH &&
      source.charCodeAt(at + 2) === CHAR_C &&
      source.charCodeAt(at + 3) === GREATER_THAN
    );
  }

  close(source: string, nameStart: number, nameEnd: number): void {
    const length = nameEnd - nameStart;
    const first = source.charCodeAt(nameStart);
    if (length === 1) {
      if (first === CHAR_C) this.endCell();
      else if (
        (first === CHAR_V || first === CHAR_F || first === CHAR_T) &&
        this.capturing !== CAPTURE_NONE
      ) {
        if (this.capturing === CAPTURE_VALUE) this.value = this.capture;
        else if (this.capturing === CAPTURE_FORMULA) this.formula = this.capture;
        else this.inline = (this.inline ?? '') + this.capture;
        this.capturing = CAPTURE_NONE;
        this.wantsText = false;
      }
    } else if (length === 3 && first === CHAR_R) {
      if (source.charCodeAt(nameStart + 1) === 111) this.endRow();
      else if (holds(source, nameStart, 'rPh')) this.phonetic--;
    }
  }

  text(text: string): void {
    this.capture += text;
  }

  private startCapture(what: number): void {
    this.capturing = what;
    this.capture = '';
    this.wantsText = true;
  }

  /**
   * The bounds of the next attribute of a tag from `at` to `to`, into {@link SheetHandler.found}: its one-letter
   * name's code (0 for a longer name), where its value starts and ends. False when there is none.
   */
  private nextAttribute(source: string, at: number, to: number): boolean {
    const equals = source.indexOf('=', at);
    if (equals < 0 || equals >= to) return false;
    let nameEnd = equals;
    while (source.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
    let open = equals + 1;
    while (source.charCodeAt(open) <= 32) open++;
    const quote = source.charCodeAt(open);
    const close = source.indexOf(quote === CHAR_APOSTROPHE ? "'" : '"', open + 1);
    if ((quote !== CHAR_QUOTE && quote !== CHAR_APOSTROPHE) || close < 0 || close > to) return false;
    const before = source.charCodeAt(nameEnd - 2);
    // A one-letter name: preceded by whitespace (or a namespace prefix's colon).
    this.foundName = before <= 32 || before === CHAR_COLON ? source.charCodeAt(nameEnd - 1) : 0;
    this.foundStart = open + 1;
    this.foundEnd = close;
    return true;
  }

  private startRow(source: string, from: number, to: number): void {
    let number = -1;
    let text = '';
    for (let at = from; this.nextAttribute(source, at, to); at = this.foundEnd + 1) {
      if (this.foundName === CHAR_R) {
        text = source.slice(this.foundStart, this.foundEnd);
        number = Number(text);
      }
    }
    this.rowNumber = number === -1 ? this.rowNumber + 1 : number;
    if (!Number.isInteger(this.rowNumber) || this.rowNumber < 1) {
      throw this.damaged(`a row numbered ${JSON.stringify(text)}`);
    }
    this.cells = [];
    this.hasValue = false;
    this.column = -1;
  }

  /** Reads a cell's `r`, `s` and `t` where they lie (their values are plain tokens: no entity to decode). */
  private cellAttributes(source: string, from: number, to: number): void {
    this.startCell();
    for (let at = from; this.nextAttribute(source, at, to); at = this.foundEnd + 1) {
      this.cellAttribute(source, this.foundName, this.foundStart, this.foundEnd);
    }
  }

  private startCell(): void {
    this.column++;
    this.style = 0;
    this.type = TYPE_NUMBER;
    this.typeText = '';
    this.value = null;
    this.formula = null;
    this.inline = null;
  }

  /** Takes one attribute of a cell: `name` is its one-letter name's code (0 for another). */
  private cellAttribute(source: string, name: number, start: number, end: number): void {
    if (name === CHAR_R) {
      // The column's letters, read in place: A is 0, Z 25, AA 26.
      let letters = 0;
      let i = start;
      for (; i < end; i++) {
        const code = source.charCodeAt(i) | 32;
        if (code < 97 || code > 122) break;
        letters = letters * 26 + (code - 96);
      }
      if (i === start || letters > MAX_COLUMNS) {
        this.column = -1; // the message names the row: the reference itself is at fault
        throw this.damaged(`a cell with the reference ${JSON.stringify(source.slice(start, end))}`);
      }
      this.column = letters - 1;
    } else if (name === CHAR_S) {
      let style = 0;
      for (let i = start; i < end; i++) style = style * 10 + (source.charCodeAt(i) - 48);
      this.style = style;
    } else if (name === CHAR_T) {
      this.type = typeOf(source, start, end);
      if (this.type === TYPE_UNKNOWN) this.typeText = source.slice(start, end);
    }
  }

  /**
   * The fast path for `<c …>` in its usual shape (attributes in double quotes, then `<v>…</v></c>` or
   * `<is><t>…</t></is></c>`): the whole cell read here, without the tokenizer's tag events.
   */
  readonly element = (source: string, lt: number): number => {
    if (source.charCodeAt(lt + 1) !== CHAR_C || this.capturing !== CAPTURE_NONE) return -1;
    let at = lt + 2;
    if (source.charCodeAt(at) > 32 && source.charCodeAt(at) !== GREATER_THAN) return -1;
    const column = this.column;
    this.startCell();
    for (;;) {
      let code = source.charCodeAt(at);
      while (code === 32) code = source.charCodeAt(++at);
      if (code === GREATER_THAN) break;
      // name="value": a one-letter name, or another that is skipped; anything else goes tag by tag.
      let nameEnd = at;
      for (
        let c = code;
        c > 32 && c !== EQUALS && c !== GREATER_THAN && c !== SLASH && c !== CHAR_APOSTROPHE;
      ) {
        c = source.charCodeAt(++nameEnd);
      }
      const close =
        nameEnd > at && source.charCodeAt(nameEnd) === EQUALS && source.charCodeAt(nameEnd + 1) === CHAR_QUOTE
          ? source.indexOf('"', nameEnd + 2)
          : -1;
      if (close < 0) {
        this.column = column;
        return -1;
      }
      this.cellAttribute(source, nameEnd - at === 1 ? code : 0, nameEnd + 2, close);
      at = close + 1;
    }
    const after = this.simpleCell(source, at + 1);
    if (after < 0) this.column = column; // read again, tag by tag
    return after;
  };

  private endCell(): void {
    const cell = this.cellValue();
    if (cell === null) return;
    const cells = this.cells;
    while (cells.length < this.column) cells.push(null);
    cells[this.column] = cell;
    this.hasValue = true;
  }

  private endRow(): void {
    if (this.hasValue) {
      this.rows++;
      this.context.onRow(this.cells, this.rowNumber);
    }
    this.cells = [];
    this.hasValue = false;
  }

  private cellValue(): WorkbookCell {
    const { type, value } = this;
    if (type === TYPE_INLINE) return this.inline === null ? null : unescapeText(this.inline);
    // A text formula's result may be '' (=IF(A1,"","x")): only a missing <v> means no result.
    if (type === TYPE_TEXT && value !== null) return unescapeText(value);
    if (value === null || value === '') {
      return this.formula === null ? null : { kind: 'formula', formula: this.formula };
    }
    switch (type) {
      case TYPE_NUMBER: {
        const number = Number(value);
        if (!Number.isFinite(number) || (number === 0 && value.trim() === '')) {
          throw this.damaged(`a number cell holding ${JSON.stringify(value)}`);
        }
        return this.context.dateStyles[this.style] === true ? this.dateOf(number) : number;
      }
      case TYPE_SHARED: {
        const text = this.context.strings[Number(value)];
        if (text === undefined)
          throw this.damaged(`a shared string numbered ${JSON.stringify(value)}, not in its table`);
        return text;
      }
      case TYPE_BOOLEAN:
        return value === '1' || value === 'true';
      case TYPE_ERROR:
        return { kind: 'error', error: value };
      case TYPE_DATE: {
        // An ISO 8601 date cell (strict Open XML): its serial is worked out for uniformity.
        const day = Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
        if (Number.isNaN(day)) throw this.damaged(`a date cell holding ${JSON.stringify(value)}`);
        const serial = day / 86_400_000 + (this.context.date1904 ? 24_107 : 25_569);
        return { kind: 'date', serial, date: serialToIsoDate(serial, this.context.date1904) };
      }
      default:
        throw this.damaged(`a cell of unknown type ${JSON.stringify(this.typeText)}`);
    }
  }

  private dateOf(serial: number): WorkbookDate {
    let date = this.dates.get(serial);
    if (date === undefined) {
      date = { kind: 'date', serial, date: serialToIsoDate(serial, this.context.date1904) };
      if (this.dates.size < MAX_SHARED_DATES) this.dates.set(serial, date);
    }
    return date;
  }

  private damaged(what: string): WorkbookError {
    const cell =
      this.column >= 0 ? ` cell ${columnName(this.column)}${this.rowNumber}` : ` row ${this.rowNumber}`;
    return new WorkbookError(
      `sheet ${JSON.stringify(this.context.sheet.name)} is damaged at${cell}: ${what}`,
    );
  }
}

/**
 * Opens an Excel workbook (.xlsx) held in memory: reads its zip directory and its list of sheets, and nothing else
 * until a sheet is read. Core function: it runs in a browser or a Web Worker as in Node (it uses the platform's
 * `DecompressionStream` and `TextDecoder`).
 *
 * @param bytes - the whole .xlsx file.
 * @returns the workbook's sheets and date system, and {@link WorkbookReader.readSheet}.
 * @throws {WorkbookError} when the bytes are not an .xlsx workbook (an .xls, a password-protected workbook, another
 *   kind of file), are cut short, or hold no sheet.
 * @example
 * const workbook = await openWorkbook(new Uint8Array(await file.arrayBuffer()));
 * workbook.sheets.map((sheet) => sheet.name) //=> ['Cover', 'List_3', 'list 4']
 * await workbook.readSheet('List_3', (cells, row) => console.log(row, cells));
 * //=> 4 ['Child Unique ID', 'Gender', …], then 5 ['C001', 'a) Male', …, { kind: 'date', serial: 41001, date: '2012-04-02' }, …]
 */
export async function openWorkbook(bytes: Uint8Array): Promise<WorkbookReader> {
  const archive = new Archive(bytes);
  const root = (await archive.relationships('')).find((rel) => rel.type.endsWith(REL_OFFICE_DOCUMENT));
  const workbookPart = root?.target ?? 'xl/workbook.xml';
  let date1904 = false;
  const sheetTags: string[] = [];
  const found = await archive.parse(
    workbookPart,
    byName({
      wantsText: false,
      open(name, attributes) {
        if (name === 'sheet') sheetTags.push(attributes);
        else if (name === 'workbookPr') {
          const flag = attributeOf(attributes, 'date1904');
          date1904 = flag === '1' || flag === 'true';
        }
      },
      close() {},
      text() {},
    }),
  );
  if (!found) {
    throw new WorkbookError(
      `it is a zip archive but not an Excel workbook (.xlsx): it has no ${workbookPart} (an .ods, .docx or other file?)`,
    );
  }
  const relationships = await archive.relationships(workbookPart);
  const byId = new Map(relationships.map((rel) => [rel.id, rel]));
  const sheets: WorkbookSheet[] = [];
  const parts = new Map<WorkbookSheet, Relationship | undefined>();
  for (const attributes of sheetTags) {
    const state = attributeOf(attributes, 'state');
    const sheet: WorkbookSheet = {
      name: attributeOf(attributes, 'name') ?? '',
      number: sheets.length + 1,
      hidden: state === 'hidden' || state === 'veryHidden',
    };
    sheets.push(sheet);
    parts.set(sheet, byId.get(attributeOf(attributes, 'id') ?? ''));
  }
  if (sheets.length === 0)
    throw new WorkbookError('it has no sheets: it is not an Excel workbook with a sheet to read');
  const partOf = (type: string) => relationships.find((rel) => rel.type.endsWith(type))?.target;
  let tables: Promise<{ strings: string[]; dateStyles: boolean[] }> | undefined;
  const loadTables = () => {
    tables ??= Promise.all([
      readSharedStrings(archive, partOf(REL_SHARED_STRINGS)),
      readDateStyles(archive, partOf(REL_STYLES)),
    ]).then(([strings, dateStyles]) => ({ strings, dateStyles }));
    return tables;
  };

  return {
    sheets,
    date1904,
    async readSheet(wanted, onRow) {
      const sheet =
        typeof wanted === 'number'
          ? sheets[wanted - 1]
          : sheets.find((candidate) => candidate.name.toLowerCase() === wanted.toLowerCase());
      if (sheet === undefined) {
        const asked =
          typeof wanted === 'number'
            ? `no sheet number ${wanted} (it has ${sheets.length})`
            : `no sheet named ${JSON.stringify(wanted)}`;
        throw new WorkbookError(
          `${asked}: sheets found: ${sheets.map((s) => JSON.stringify(s.name)).join(', ')}`,
        );
      }
      const rel = parts.get(sheet);
      if (rel === undefined || archive.find(rel.target) === undefined) {
        throw new WorkbookError(`it is damaged: the part of sheet ${JSON.stringify(sheet.name)} is missing`);
      }
      if (!rel.type.endsWith(REL_WORKSHEET)) {
        throw new WorkbookError(
          `sheet ${JSON.stringify(sheet.name)} is a chart or dialog sheet, not a sheet of cells`,
        );
      }
      const { strings, dateStyles } = await loadTables();
      const handler = new SheetHandler({ sheet, strings, dateStyles, date1904, onRow });
      await archive.parse(rel.target, handler);
      return { sheet, rows: handler.rows };
    },
  };
}
