/**
 * The workbook reader: an .xlsx file's bytes in, its sheets listed, and one sheet's rows handed over as they are
 * unzipped, so that a sheet of a million rows never stands whole in memory (only the compressed file, the shared
 * strings and one row do).
 * @module
 */
import type { IsoDate } from '../util/dates.js';
import { WorkbookError } from './errors.js';
import { PartDecoder } from './part-text.js';
import { isDateFormat } from './serials.js';
import { type SheetContext, unescapeText } from './sheet.js';
import { SheetRowScanner } from './sheet-bytes.js';
import {
  attributeOf,
  byName,
  decodeXmlEntities,
  type NamedXmlHandler,
  type XmlHandler,
  XmlTokenizer,
} from './xml.js';
import { listZipEntries, unzipEntry, type ZipEntry } from './zip-read.js';

/** A date cell: a number with a date format (a format that shows only a time leaves a number), or an ISO date cell. */
export interface DateCell {
  readonly kind: 'date';
  /** The serial as stored, in the workbook's own date system; a fraction is the time of day. */
  readonly serial: number;
  /** The calendar date, already in the right date system; null when the number is no day Excel shows. */
  readonly date: IsoDate | null;
  /**
   * The day an ISO date cell (`t="d"`) writes, `YYYY-MM-DD`, when it is no day the workbook's date system shows
   * (before 1900-01-01 in the 1900 system, before 1904-01-01 in the 1904 one): `date` is then null, and this says
   * what the cell held. Absent otherwise.
   */
  readonly written?: IsoDate;
}

/** A formula cell that holds no result (the workbook was written by a program that does not calculate). */
export interface FormulaCell {
  readonly kind: 'formula';
  /** The formula as written, without `=`; '' for a cell that shares the formula of another. */
  readonly formula: string;
}

/** An error value, such as a formula's `#N/A` or `#DIV/0!`. */
export interface ErrorCell {
  readonly kind: 'error';
  /** The error as Excel shows it. */
  readonly error: string;
}

/**
 * One cell's value: text (shared, inline or a formula's text result), a number, a boolean, a date, a formula
 * without a result, an error, or null for an empty cell. A formula with a result is its result.
 */
export type SheetCell = string | number | boolean | DateCell | FormulaCell | ErrorCell | null;

/** A sheet of the workbook, as listed. */
export interface ListedSheet {
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
  readonly sheet: ListedSheet;
  /** How many rows were handed over. */
  readonly rows: number;
  /**
   * The sheet's merged ranges as written (`E2:E4`), known only once its rows are read: a merged range's value is in
   * its first cell, the others empty.
   */
  readonly merged: readonly string[];
}

/**
 * Receives the rows of a sheet, in order.
 * @param cells - the row's cells from column A, empty cells null, without empty cells at the end: a new array for
 *   each row, the handler's to keep or change.
 * @param row - the row's number, as Excel shows it.
 */
export type SheetRowHandler = (cells: SheetCell[], row: number) => void;

/** An open workbook: its sheets, its date system, and a way to read a sheet. */
export interface WorkbookReader {
  /** Every sheet, in the workbook's order (charts included: reading one is refused). */
  readonly sheets: readonly ListedSheet[];
  /** Whether the workbook counts days from 1904 (its dates are already converted: see {@link DateCell}). */
  readonly date1904: boolean;
  /**
   * Reads one sheet, handing over each row that holds a value as it is unzipped. Rows that hold no value (a
   * template's formatted empty rows) are not handed over; a merged range's value is in its first cell, the others
   * empty, as Excel stores them.
   * @param sheet - its name (ignoring case, as Excel does) or its 1-based number.
   * @param onRow - receives each row.
   * @param onBytesRow - given first each row read from its bytes, before its cells are made: true when it took
   *   the row, which `onRow` then never sees (see {@link SheetContext.onBytesRow}). Optional.
   * @returns the sheet read and the number of rows handed over.
   * @throws {WorkbookError} when there is no such sheet (naming those there are), or the sheet is damaged.
   */
  readSheet(
    sheet: string | number,
    onRow: SheetRowHandler,
    onBytesRow?: SheetContext['onBytesRow'],
  ): Promise<SheetSummary>;
}

const REL_WORKSHEET = '/worksheet';
const REL_SHARED_STRINGS = '/sharedStrings';
const REL_STYLES = '/styles';
const REL_OFFICE_DOCUMENT = '/officeDocument';

/** Reads a whole part through the tokenizer. */
async function parsePart(bytes: Uint8Array, entry: ZipEntry, handler: XmlHandler): Promise<void> {
  const tokenizer = new XmlTokenizer(handler, entry.name);
  const decoder = new PartDecoder(entry.name);
  for await (const chunk of unzipEntry(bytes, entry)) tokenizer.write(decoder.decode(chunk));
  tokenizer.write(decoder.end());
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
  // Most items are one plain run, `<si><t>…</t></si>` (with `xml:space="preserve"` or not): read whole.
  const plain = (source: string, lt: number): number => {
    if (!source.startsWith('<si><t', lt)) return -1;
    let start = lt + 6;
    if (source.startsWith(' xml:space="preserve">', start)) start += 22;
    else if (source.charCodeAt(start) === 62) start += 1;
    else return -1;
    const end = source.indexOf('<', start);
    if (end < 0 || !source.startsWith('</t></si>', end)) return -1;
    strings.push(unescapeText(decodeXmlEntities(source.slice(start, end))));
    return end + 9;
  };
  await archive.parse(part, byName(handler, plain));
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

/**
 * Opens an Excel workbook (.xlsx) held in memory: reads its zip directory and its list of sheets, and nothing else
 * until a sheet is read. Core function: it runs in a browser or a Web Worker as in Node (it uses the platform's
 * `DecompressionStream` and `TextDecoder`; in Node.js, zlib for inflating, asked of `process.getBuiltinModule`).
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
  const sheets: ListedSheet[] = [];
  const parts = new Map<ListedSheet, Relationship | undefined>();
  for (const attributes of sheetTags) {
    const state = attributeOf(attributes, 'state');
    const sheet: ListedSheet = {
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
    async readSheet(wanted, onRow, onBytesRow) {
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
      const entry = archive.find(rel.target) as ZipEntry;
      const scanner = new SheetRowScanner(
        { sheet, strings, dateStyles, date1904, onRow, onBytesRow },
        entry.name,
      );
      try {
        for await (const chunk of unzipEntry(archive.bytes, entry)) scanner.write(chunk);
      } catch (error) {
        // The part cannot be unzipped further: a row the scanner left for the next bytes is read first.
        scanner.stop();
        throw error;
      }
      scanner.end();
      return { sheet, rows: scanner.handler.rows, merged: scanner.handler.merged };
    },
  };
}
