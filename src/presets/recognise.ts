/**
 * Recognising an input by what it holds, for a page where an analyst drops files without saying what each is: a
 * table by its header (a record kind's own field names, or a preset's column spellings), a workbook by its sheets
 * (an Annex A workbook by its lists), XML by its record element. The shapes recognised are data taken from the
 * layouts themselves (each kind's fields, each preset's tables), so a new preset is recognised with no edit here.
 * Nothing is guessed: a file that fits two shapes equally is ambiguous, and says which.
 * @module
 */
import { decodeBytes } from '../records/decode.js';
import { recordSpecs } from '../records/fields.js';
import type { RecordFileFormat } from '../records/file-format.js';
import { type RecordKind, recordKinds } from '../records/kinds.js';
import { cellText, HEADER_SEARCH_ROWS } from '../records/shape.js';
import { chooseSheet } from '../records/sheet-choice.js';
import type { RowSink } from '../records/stages.js';
import { createCsvTokenizer } from '../records/tokenize-csv.js';
import { sheetCellOf } from '../records/tokenize-sheet.js';
import { looseKey } from '../records/values.js';
import { WorkbookError } from '../workbook/errors.js';
import { openWorkbook } from '../workbook/read-workbook.js';
import { cinCensusKinds, cinCensusXml } from './cin-census.js';
import { type PresetId, presetIds } from './preset-reader.js';
import { presetKinds, presetTable } from './presets.js';

/** One column of an input shape, for recognition: its spellings and whether an input without it is refused. */
export interface ShapeColumn {
  /** The field it gives. */
  readonly field: string;
  /** Its spellings, matched as headers are (ignoring case, spaces and punctuation). */
  readonly headers: readonly string[];
  /** Whether every input of the shape has it (a column an option or the file may stand in for is not). */
  readonly required: boolean;
}

/** One way an input may be read: a record kind as exported (its own field names), or one kind of a preset. */
export interface InputShape {
  /** The record kind it gives. */
  readonly kind: RecordKind;
  /** The preset, or null for the kind's own field names. */
  readonly preset: PresetId | null;
  /** What it is, in words: `referral records`, `Annex A List 3 (referrals)`. */
  readonly label: string;
  /** The columns of a table in this shape (none for XML). */
  readonly columns: readonly ShapeColumn[];
  /** The sheets a workbook in this shape holds it on, best first (none: any sheet, the first by default). */
  readonly sheetNames: readonly string[];
  /** For XML: the name of the record elements (`Child`). */
  readonly xmlRecords?: string;
}

/**
 * Every shape an input may be in: each record kind with its own field names, then each kind of each preset.
 *
 * @returns the shapes, kinds first, in the order of `recordKinds` and `presetIds`.
 * @example
 * inputShapes().find((s) => s.preset === 'annex-a' && s.kind === 'referral')?.sheetNames //=> ['List 3', 'Referrals']
 */
export function inputShapes(): readonly InputShape[] {
  const shapes: InputShape[] = recordKinds.map((kind) => ({
    kind,
    preset: null,
    label: `${kind} records`,
    columns: recordSpecs[kind].fields.map((field) => ({
      field: field.name,
      headers: [field.name],
      required: field.required,
    })),
    sheetNames: [],
  }));
  for (const preset of presetIds) {
    for (const kind of presetKinds[preset]) {
      const table = presetTable(preset, kind);
      if (table === undefined) {
        // The CIN census is XML only: one record element gives every kind.
        if (preset === 'cin-census' && cinCensusKinds.includes(kind as never)) {
          shapes.push({
            kind,
            preset,
            label: `CIN census ${kind} records`,
            columns: [],
            sheetNames: [],
            xmlRecords: cinCensusXml.records,
          });
        }
        continue;
      }
      shapes.push({
        kind,
        preset,
        label: table.label,
        columns: table.columns
          .filter((column) => column.knownOnly !== true)
          .map((column) => ({
            field: column.field,
            headers: column.headers,
            // A column another stands in for (the workforce census's FTE30, whose file may have FTE instead) is
            // not required to recognise the file; reading it refuses a file with neither.
            required:
              column.required === true &&
              column.optionalWith === undefined &&
              column.fromFile === undefined &&
              column.orColumn === undefined,
          })),
        sheetNames: table.sheetNames,
      });
    }
  }
  return shapes;
}

/** What an input holds, as far as recognition needs: read from its first bytes (or a workbook's first rows). */
export interface InputSample {
  /** The file's name. */
  readonly file: string;
  /** Its format. */
  readonly format: RecordFileFormat;
  /** A table's header candidates: CSV's first row, a JSON item's keys. Default none. */
  readonly header?: readonly string[];
  /** A workbook's sheets, in order, each with its first rows (where the header is looked for). Default none. */
  readonly sheets?: readonly { readonly name: string; readonly rows: readonly (readonly string[])[] }[];
  /** For XML: the local names of the elements seen. Default none. */
  readonly xmlElements?: readonly string[];
}

/** One read an input gives: a kind, in a shape, from a sheet. */
export interface InputRead {
  readonly kind: RecordKind;
  /** The preset, or null for the kind's own field names. */
  readonly preset: PresetId | null;
  /** The shape in words. */
  readonly label: string;
  /** A workbook's sheet, when a preset finds it by name. */
  readonly sheet?: string;
  /** How many of the shape's columns the header has (for a table). */
  readonly matched: number;
}

/** What an input was recognised as. */
export interface Recognition {
  /** The file's name. */
  readonly file: string;
  /** The reads it gives: one, several (an Annex A workbook's lists, a census's kinds), or none. */
  readonly reads: readonly InputRead[];
  /** When it fits several shapes equally and none is chosen: each of them. */
  readonly alternatives: readonly InputRead[];
  /** What it was recognised as, or why not, in a sentence. */
  readonly message: string;
}

/** Options of {@link recogniseInput}. */
export interface RecogniseOptions {
  /** Only shapes of this kind (a file given for one kind of records). Default: every kind. */
  readonly kind?: RecordKind;
  /**
   * The kinds the computation reads: of several equal fits, the one of a kind wanted is taken (and said). Default:
   * none, and equal fits stay ambiguous.
   */
  readonly wanted?: readonly RecordKind[];
  /** The shapes to recognise. Default {@link inputShapes}. */
  readonly shapes?: readonly InputShape[];
}

/** How a table's header fits a shape: the columns found, or undefined when a required one is missing. */
function headerFit(shape: InputShape, header: readonly string[]): number | undefined {
  if (shape.columns.length === 0) return undefined;
  const cells = new Set(header.map((cell) => looseKey(cell)).filter((key) => key !== ''));
  let matched = 0;
  for (const column of shape.columns) {
    const found = column.headers.some((spelling) => cells.has(looseKey(spelling)));
    if (found) matched++;
    else if (column.required) return undefined;
  }
  return matched;
}

/** The best fit of a shape over a sheet's first rows (a workbook's header may sit below title rows). */
function bestFit(shape: InputShape, rows: readonly (readonly string[])[]): number | undefined {
  let best: number | undefined;
  for (const row of rows) {
    const matched = headerFit(shape, row);
    if (matched !== undefined && (best === undefined || matched > best)) best = matched;
  }
  return best;
}

/** The kinds and shapes of reads, in words: `referral records or initial-assessment records`. */
function listed(reads: readonly InputRead[]): string {
  return reads.map((read) => read.label).join(' or ');
}

/** The reads of a table: its best fits, or the alternatives when they are several ways of reading it. */
function tableReads(
  fits: readonly InputRead[],
  options: RecogniseOptions,
): { reads: InputRead[]; alternatives: InputRead[]; chosenFrom?: readonly InputRead[] } {
  if (fits.length === 0) return { reads: [], alternatives: [] };
  const best = Math.max(...fits.map((read) => read.matched));
  let top = fits.filter((read) => read.matched === best);
  // A kind's own field names beat a preset's spellings of the same kind: the file is in the kind's own shape.
  top = top.filter(
    (read) => read.preset === null || !top.some((other) => other.preset === null && other.kind === read.kind),
  );
  const presets = new Set(top.map((read) => read.preset));
  // A preset's table that gives several kinds (a workforce census: workers, and allocations from Cases30) gives
  // each kind it fits, the best first.
  if (presets.size === 1 && !presets.has(null)) {
    const preset = top[0]?.preset;
    const more = fits.filter((read) => read.preset === preset && !top.some((t) => t.kind === read.kind));
    return { reads: [...top, ...more], alternatives: [] };
  }
  if (top.length === 1) return { reads: top, alternatives: [] };
  const wanted = top.filter((read) => options.wanted?.includes(read.kind) === true);
  if (wanted.length === 1) return { reads: wanted, alternatives: [], chosenFrom: top };
  return { reads: [], alternatives: top };
}

/**
 * Recognises an input from a sample of it: a workbook by its sheets (each sheet a preset names gives that kind, its
 * header checked when the sample has its rows), XML by its record element, a table (CSV, JSON, a workbook's first
 * sheet) by the shape whose columns its header holds most of, with every required column. A kind's own field names
 * win a tie with a preset's spellings of the same kind; one preset giving several kinds from one table gives them
 * all; any other tie is ambiguous (unless one of the tied kinds is `wanted`), and the message says what it could be.
 *
 * @param sample - what the input holds (see {@link InputSample}).
 * @param options - `kind` (only that kind's shapes), `wanted` (the kinds a tie may be settled by), `shapes`.
 * @returns the reads, the alternatives and a sentence.
 * @example
 * recogniseInput({ file: 'ia.csv', format: 'csv', header: ['id', 'childId', 'referralDate', 'completedDate'] }).reads
 * //=> [{ kind: 'initial-assessment', preset: null, label: 'initial-assessment records', matched: 4 }]
 * recogniseInput({ file: 'a.csv', format: 'csv', header: ['id', 'childId', 'startDate', 'completedDate'] }).message
 * //=> 'a.csv fits core-assessment records or assessment records equally: give it in the field for its kind'
 */
export function recogniseInput(sample: InputSample, options: RecogniseOptions = {}): Recognition {
  const shapes = (options.shapes ?? inputShapes()).filter(
    (shape) => options.kind === undefined || shape.kind === options.kind,
  );
  const { file } = sample;
  const done = (reads: InputRead[], alternatives: InputRead[], message: string): Recognition => ({
    file,
    reads,
    alternatives,
    message,
  });

  if (sample.format === 'xml') {
    const elements = new Set(sample.xmlElements ?? []);
    const reads: InputRead[] = shapes
      .filter((shape) => shape.xmlRecords !== undefined && elements.has(shape.xmlRecords))
      .map((shape) => ({ kind: shape.kind, preset: shape.preset, label: shape.label, matched: 0 }));
    if (reads.length > 0) return done(reads, [], `${file}: ${reads.map((r) => r.label).join(', ')}`);
    return done(
      [],
      [],
      `${file} is XML with no record element recognised (expected ${[...new Set(shapes.flatMap((s) => (s.xmlRecords === undefined ? [] : [`<${s.xmlRecords}>`])))].join(' or ') || 'none for this kind'})`,
    );
  }

  let header = sample.header;
  let sheetRows: readonly (readonly string[])[] | undefined;
  let firstSheet: string | undefined;
  if (sample.sheets !== undefined) {
    const names = sample.sheets.map((sheet) => sheet.name);
    const reads: InputRead[] = [];
    for (const shape of shapes) {
      if (shape.sheetNames.length === 0 || shape.preset === null) continue;
      const name = chooseSheet(names, { sheetNames: shape.sheetNames });
      if (name === undefined) continue;
      const rows = sample.sheets.find((sheet) => sheet.name === name)?.rows ?? [];
      const matched = rows.length === 0 ? 0 : bestFit(shape, rows);
      if (matched === undefined) continue;
      reads.push({ kind: shape.kind, preset: shape.preset, label: shape.label, sheet: name, matched });
    }
    if (reads.length > 0) {
      const presets = new Set(reads.map((read) => read.preset));
      const kinds = new Set(reads.map((read) => read.kind));
      if (kinds.size === reads.length || presets.size === 1) {
        return done(
          reads,
          [],
          `${file}: ${reads.map((read) => `${read.label} from sheet ${JSON.stringify(read.sheet)}`).join(', ')}`,
        );
      }
    }
    firstSheet = sample.sheets[0]?.name;
    sheetRows = sample.sheets[0]?.rows;
    header = undefined;
  }

  const rows = sheetRows ?? (header === undefined ? [] : [header]);
  const fits: InputRead[] = [];
  for (const shape of shapes) {
    const matched = bestFit(shape, rows);
    if (matched === undefined) continue;
    fits.push({
      kind: shape.kind,
      preset: shape.preset,
      label: shape.label,
      matched,
      ...(firstSheet === undefined || shape.preset === null ? {} : { sheet: firstSheet }),
    });
  }
  const { reads, alternatives, chosenFrom } = tableReads(fits, options);
  if (reads.length > 0) {
    const what = reads.map((read) => read.label).join(', ');
    const settled =
      chosenFrom === undefined
        ? ''
        : ` (it also fits ${listed(chosenFrom.filter((read) => !reads.includes(read)))}; the indicators chosen read ${reads[0]?.kind})`;
    return done(reads, [], `${file}: ${what}${settled}`);
  }
  if (alternatives.length > 0) {
    return done(
      [],
      alternatives,
      `${file} fits ${listed(alternatives)} equally: give it in the field for its kind`,
    );
  }
  const found = rows[0]?.filter((cell) => cell.trim() !== '') ?? [];
  const expected = shapes
    .filter((shape) => shape.columns.length > 0)
    .slice(0, options.kind === undefined ? 0 : 3)
    .map(
      (shape) =>
        `${shape.label}: ${shape.columns
          .filter((column) => column.required)
          .map((column) => column.headers[0])
          .join(', ')}`,
    );
  return done(
    [],
    [],
    `${file}: its ${sample.sheets === undefined ? 'header' : 'first sheet'} fits no ${options.kind === undefined ? 'shape of records' : `shape of ${options.kind} records`} known${found.length === 0 ? ' (no header found)' : ` (headers found: ${found.slice(0, 12).join(', ')}${found.length > 12 ? ', …' : ''})`}${expected.length === 0 ? '' : `; expected ${expected.join('; or ')}`}`,
  );
}

/**
 * How many bytes of a text file recognition reads: enough for any header row of an export.
 * @example SAMPLE_BYTES //=> 65536
 */
export const SAMPLE_BYTES = 64 * 1024;

/** The first object of a JSON array's text, or undefined when it does not end within the text. */
function firstJsonObject(text: string): string | undefined {
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

function keysOf(json: string | undefined): string[] | undefined {
  if (json === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.keys(value)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A sample of a text input (CSV, JSON, NDJSON, XML) for {@link recogniseInput}, from its first bytes
 * ({@link SAMPLE_BYTES} are enough): CSV's first row, the first JSON item's keys, the XML element names. The bytes
 * are decoded as the reader would (a byte-order mark, UTF-16, Windows-1252, an XML declaration); a character cut
 * at the end does not matter.
 *
 * @param file - the file's name.
 * @param format - its format (not `xlsx`: a workbook is sampled by its sheets).
 * @param head - its first bytes.
 * @returns the sample.
 * @example
 * sampleText('r.csv', 'csv', new TextEncoder().encode('id,childId,referralDate\nR1,C1,2010-10-01\n')).header
 * //=> ['id', 'childId', 'referralDate']
 */
export function sampleText(
  file: string,
  format: Exclude<RecordFileFormat, 'xlsx'>,
  head: Uint8Array,
): InputSample {
  const { text } = decodeBytes(head, { xml: format === 'xml' });
  if (format === 'xml') {
    const elements = new Set<string>();
    for (const match of text.matchAll(/<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/g)) {
      if (match[1] !== undefined) elements.add(match[1]);
    }
    return { file, format, xmlElements: [...elements] };
  }
  if (format === 'csv') {
    let header: string[] | undefined;
    const sink: RowSink = {
      row: (cells) => {
        header ??= cells.map((cell) => (typeof cell === 'string' ? cell : String(cell)));
      },
      item: () => {},
      problem: () => {},
      refuse: () => {},
      fileValue: () => {},
      end: () => {},
    };
    createCsvTokenizer(sink).write(text);
    return header === undefined ? { file, format } : { file, format, header };
  }
  const first =
    format === 'ndjson' ? text.split(/\r?\n/).find((line) => line.trim() !== '') : firstJsonObject(text);
  const keys = keysOf(first);
  return keys === undefined ? { file, format } : { file, format, header: keys };
}

/** Thrown to stop reading a sheet once its first rows are sampled. */
const ENOUGH = Symbol('enough rows');

/**
 * A sample of an Excel workbook (.xlsx) for {@link recogniseInput}: its sheets, in order, each with its first rows as
 * text (as many as a header is looked for in, `HEADER_SEARCH_ROWS`; a sheet that is a chart has none). Only those
 * rows are unzipped.
 *
 * @param file - the file's name.
 * @param bytes - the whole workbook.
 * @returns the sample.
 * @throws {WorkbookError} when the bytes are not a workbook, or it is cut short or damaged.
 * @example
 * (await sampleWorkbook('annex-a.xlsx', bytes)).sheets?.map((sheet) => sheet.name) //=> ['Cover', 'List_3', …]
 */
export async function sampleWorkbook(file: string, bytes: Uint8Array): Promise<InputSample> {
  const workbook = await openWorkbook(bytes);
  const sheets: { name: string; rows: string[][] }[] = [];
  for (const sheet of workbook.sheets) {
    const rows: string[][] = [];
    try {
      await workbook.readSheet(sheet.number, (cells, row) => {
        rows.push(cells.map((cell, column) => cellText(sheetCellOf(cell, column, row), false, false)));
        if (rows.length >= HEADER_SEARCH_ROWS) throw ENOUGH;
      });
    } catch (error) {
      // A sheet of charts, or one that is damaged, gives no rows to recognise; the read itself will say why.
      if (error !== ENOUGH && !(error instanceof WorkbookError)) throw error;
    }
    sheets.push({ name: sheet.name, rows });
  }
  return { file, format: 'xlsx', sheets };
}
