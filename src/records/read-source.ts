/**
 * The reading path's stages chained, for the formats read as text (CSV, NDJSON, a JSON array, XML): from bytes (a
 * {@link ByteSource}: a file in node, a `File` in a browser) or from text already decoded. Every reader of the
 * library is one of these two calls with its layout: `parseCsvText`, `readRecordsFile`, the browser page.
 * @module
 */
import { createSha256, type Hasher, sha256OfText } from '../util/sha256.js';
import {
  type AcceptedStream,
  type CheckOptions,
  checkOptionsOf,
  createChecker,
  keepDayColumns,
  type PlainRows,
  plainRowReaderOf,
  type RepeatMemo,
  streamAccepted,
} from './check.js';
import type { DayColumns } from './day-columns.js';
import { createByteDecoder } from './decode.js';
import { FastCsvLane, ID_GIVEN_TWICE } from './fast-csv.js';
import { SheetLane } from './fast-sheet.js';
import { recordSpecs } from './fields.js';
import type { TextEncoding } from './issues.js';
import type { ParseRecordsOptions, ParseRecordsResult } from './record-reader.js';
import type { RecordKind } from './schemas.js';
import { createShaper, type Layout, type Shape } from './shape.js';
import type { WorkbookSheetOptions } from './sheet-choice.js';
import type { ByteSource, RowSink, TextSink } from './stages.js';
import { createCsvTokenizer } from './tokenize-csv.js';
import { createNdjsonTokenizer, tokenizeJsonArray } from './tokenize-json.js';
import { tokenizeSheet } from './tokenize-sheet.js';
import { ATTRIBUTES, createXmlTokenizer, type XmlTokenizerOptions } from './tokenize-xml.js';
import { XmlByteLane } from './xml-bytes.js';
import { scansXml } from './xml-scan.js';

/**
 * The formats read as text: CSV, NDJSON and XML (streamed), and a JSON array (read whole).
 * @example textFormats //=> ['csv', 'ndjson', 'json', 'xml']
 */
export const textFormats = ['csv', 'ndjson', 'json', 'xml'] as const;

/** A format read as text: one of {@link textFormats}. */
export type TextFormat = (typeof textFormats)[number];

/** The pieces a whole text is given to the CSV fast lane in, in characters. */
const TEXT_PIECE = 64 * 1024;

/** Options of {@link readRecordsSource}: those of `parseRecords`, the hash and progress. */
export interface ReadSourceOptions extends ParseRecordsOptions {
  /** Makes the hash of the bytes. Default: the core's SHA-256 (the node entry passes `node:crypto`'s, faster). */
  readonly createHash?: () => Hasher;
  /** Called with the rows read so far, every 50,000 rows. Default none. */
  readonly onProgress?: (rowsRead: number) => void;
}

/** A format's tokenizer fed text, for a layout. */
function tokenizerOf(format: TextFormat, layout: Layout, sink: RowSink): TextSink {
  if (format === 'csv') return createCsvTokenizer(sink);
  if (format === 'ndjson') return createNdjsonTokenizer(sink);
  if (format === 'xml') {
    if (layout.xml !== undefined) return createXmlTokenizer(layout.xml, sink);
    // A layout without XML records: nothing to gather, refused at the end.
    return {
      write: () => {},
      end: () => {
        sink.refuse(`${layout.label} are not read from XML: expected a .csv, .json or .ndjson file`);
        sink.end();
      },
    };
  }
  // A JSON array is read whole: its text is gathered, then tokenized.
  const parts: string[] = [];
  return {
    write: (text) => {
      parts.push(text);
    },
    end: () => {
      let text: string;
      try {
        text = parts.join('');
      } catch {
        // Past the longest string a JavaScript engine holds (about 512 MB in V8).
        parts.length = 0;
        sink.refuse(
          'the file is too large to read whole as one JSON array: write it as NDJSON (one object a line) or CSV, which are read a piece at a time',
        );
        sink.end();
        return;
      }
      parts.length = 0;
      tokenizeJsonArray(text, sink);
    },
  };
}

/**
 * What a read keeps of its accepted records, when not objects (internal to the reading path, given with the
 * {@link Lanes} of the internal readers, never in a public reader's options): day columns of these date fields (the
 * CLI's count of an indicator over dates; the result is then a {@link DayColumnsResult}, `records` and `rows` empty,
 * the days in `dayColumns`), or each record of the rows an earlier read accepted, handed on.
 */
export interface DayColumnsOption {
  readonly dayColumns?: readonly string[];
  /** A text field whose values to keep too, numbered, for a breakdown (`team`). Default none. */
  readonly dayGroup?: string;
  /**
   * Instead of keeping records, hand on those of the rows an earlier read accepted (`streamAccepted` of
   * `check.ts`): read by the general path, no key checked, nothing kept. Default none.
   */
  readonly streamAccepted?: AcceptedStream;
  /** What one read tells the next of the same input (made by the reader for each call: see `RepeatMemo`). */
  readonly memo?: RepeatMemo;
}

/** What a read keeps, with a memo of its own for the reads of this call (none for objects). */
function keepFor(lanes: Lanes): DayColumnsOption | undefined {
  return lanes.keep === undefined ? undefined : { ...lanes.keep, memo: {} };
}

/** A read's result under {@link DayColumnsOption}: its accepted records' days. */
export type DayColumnsResult<K extends RecordKind> = ParseRecordsResult<K> & {
  readonly dayColumns?: DayColumns;
};

function checkerOf<K extends RecordKind>(
  kind: K,
  layout: Layout,
  options: ReadSourceOptions,
  keep: DayColumnsOption = {},
) {
  const check: CheckOptions = {
    ...checkOptionsOf(options),
    ...(layout.skips === true ? { listsSkipped: true } : {}),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  };
  const checker = createChecker(kind, check);
  if (keep.dayColumns !== undefined) keepDayColumns(checker, keep.dayColumns, keep.dayGroup, keep.memo);
  if (keep.streamAccepted !== undefined) streamAccepted(checker, keep.streamAccepted);
  return checker;
}

/** The header of a format: CSV's first row; items have none. */
function headerOf(format: TextFormat): 'first-row' | 'none' {
  return format === 'csv' ? 'first-row' : 'none';
}

/**
 * Reads records from bytes, through every stage: the source's bytes are hashed as they pass, decoded
 * (`encoding`, else detected: UTF-8, UTF-16 by its byte-order mark, Windows-1252 for bytes that are not UTF-8; XML by
 * its declaration), tokenized by format, shaped by the layout and checked. Bytes that mix UTF-8 with bytes that are
 * not are refused whole (`invalid_encoding`); a detected encoding is named in `input.encoding` and in `notice`. CSV, NDJSON and XML are streamed (memory
 * grows with the records kept, not with the file); a JSON array is read whole. A CSV file of a record kind from a
 * source that can be read again (`rereadable`) is read by the fast lane (`fast-csv.ts`), which gives the same
 * result, and hands the file back to the general path, read again from its start, at anything it does not handle.
 * A CIN census from such a source gives its records to the check stage's lane (`Shape.plainItems`), their ids checked
 * at the end; an id repeated only among the records the lane kept is settled there, as the general path reads them,
 * and one that a record the general stages read gives too (or a refusal) has the file read again with each id
 * looked up as it is read.
 *
 * @param kind - the record kind.
 * @param source - the bytes and the name messages give them.
 * @param format - `csv`, `ndjson`, `json` or `xml`.
 * @param layout - the shape of the input: `kindLayout(kind, { columnMap })`, or a preset's.
 * @param options - as `parseRecords` (`dateFormat`, `strict`, `file` default the source's name, `encoding`,
 *   `sha256` to skip hashing), `createHash` and `onProgress`.
 * @returns the result, its `input` naming the source, the SHA-256 of its bytes and the encoding.
 * @throws {InputError} under `strict` when there is an issue it refuses; whatever the source throws.
 * @example
 * const source = { name: 'ia.csv', chunks: async function* () { yield new TextEncoder().encode('id,childId,referralDate\nIA1,C1,2010-10-01\n'); } };
 * (await readRecordsSource('initial-assessment', source, 'csv', kindLayout('initial-assessment'))).input.rowsAccepted //=> 1
 */
export function readRecordsSource<K extends RecordKind>(
  kind: K,
  source: ByteSource,
  format: TextFormat,
  layout: Layout,
  options: ReadSourceOptions = {},
): Promise<ParseRecordsResult<K>> {
  return readSourceBy(kind, source, format, layout, options, {});
}

/**
 * Which way a CSV input (or a workbook's sheet, or a CIN census) is read, for tests (not exported by the package):
 * `auto` (the fast lane, the sheet lane or the census lane, when it applies, handing back to the general path) or
 * `general` (the general path only);
 * `onLane` is told the way the result was read, and why the lane handed back.
 */
export interface Lanes {
  /** Default `auto`. */
  readonly lane?: 'auto' | 'general';
  /** What the read keeps of its accepted records, when not objects. Default: objects. */
  readonly keep?: DayColumnsOption;
  /** Told how the result was read: `fast`, or `general` with why (`not tried`, or the fast lane's reason). */
  readonly onLane?: (lane: 'fast' | 'general', why: string) => void;
  /** Whether a census read by the lane may be read from its bytes (`xml-bytes.ts`). Default `auto`. */
  readonly bytes?: 'auto' | 'off';
  /** Told, for each read the census byte lane is tried on, `''` when it read the input, or why it handed it back. */
  readonly onBytes?: (why: string) => void;
}

/** `onProgress` that reports each count once, rising, over a fast read handed back and the general read after it. */
function risingProgress(onProgress: ((rowsRead: number) => void) | undefined) {
  if (onProgress === undefined) return undefined;
  let reported = 0;
  return (rowsRead: number): void => {
    if (rowsRead <= reported) return;
    reported = rowsRead;
    onProgress(rowsRead);
  };
}

/** Whether the fast lane may read this input: CSV of a layout that is a record kind's (no preset). */
function fastLaneFits(format: TextFormat, shape: Shape): boolean {
  return format === 'csv' && shape.plainColumns !== undefined;
}

/**
 * How a read goes: by the general path; by the fast lane, its ids checked all at once at the end; or by the fast
 * lane with each row's key looked up as it is read (the second read of an input whose ids repeat).
 */
type Way = 'general' | 'fast' | 'fast, keys row by row';

/** The fast lane over the shape and check stages, or undefined when it does not apply. */
function fastLaneOf(
  format: TextFormat,
  shape: Shape,
  checker: object,
  sink: RowSink,
  way: Way,
): FastCsvLane | undefined {
  const plainRows = plainRowReaderOf(checker);
  if (!fastLaneFits(format, shape) || plainRows === undefined) return undefined;
  if (way === 'fast, keys row by row') plainRows.keysRowByRow();
  return new FastCsvLane(sink, shape, plainRows);
}

/**
 * The check stage's lane given to a shape of items in field order (a census's: `Shape.plainItems`), or undefined
 * when the shape has none. Its ids are checked at the end (`settle`, which settles a repeat among the lane's own
 * records), or row by row on the second read.
 */
function itemLaneOf(shape: Shape, checker: object, way: Way): PlainRows | undefined {
  const plainRows = plainRowReaderOf(checker);
  if (shape.plainItems === undefined || plainRows === undefined) return undefined;
  if (way === 'fast, keys row by row') plainRows.keysRowByRow();
  shape.plainItems(plainRows);
  return plainRows;
}

/**
 * Whether a read may try the census byte lane (`off`: not, as after it handed the input back), and who is told, for
 * tests, whether it read the input (`''`) or why it handed it back.
 */
interface ByteLaneUse {
  /** Set when the lane handed the input back: the reads after it (a second read of the same call) do not try it. */
  off?: boolean;
  readonly onBytes?: (why: string) => void;
}

/**
 * The XML options the census byte lane reads an input by, or undefined when it may not: a layout with XML records
 * and no file values, and no encoding asked (the lane reads only bytes it knows to be UTF-8, so that the result
 * names the encoding the decoder would).
 */
function byteLaneXml(layout: Layout, options: ReadSourceOptions): XmlTokenizerOptions | undefined {
  const xml = layout.xml;
  return xml !== undefined && Object.keys(xml.fileValues ?? {}).length === 0 && options.encoding === undefined
    ? xml
    : undefined;
}

/**
 * {@link readRecordsSource}, its way of reading chosen (internal: tests read an input both ways).
 *
 * @param kind - the record kind.
 * @param source - the bytes.
 * @param format - the format.
 * @param layout - the layout.
 * @param options - as {@link readRecordsSource}.
 * @param lanes - the way to read it, and who is told the way taken.
 * @returns the result.
 * @example
 * (await readSourceBy('referral', source, 'csv', kindLayout('referral'), {}, { lane: 'general' })).records.length //=> 1
 */
export async function readSourceBy<K extends RecordKind>(
  kind: K,
  source: ByteSource,
  format: TextFormat,
  layout: Layout,
  options: ReadSourceOptions,
  lanes: Lanes,
): Promise<DayColumnsResult<K>> {
  const onProgress = risingProgress(options.onProgress);
  const given: ReadSourceOptions & { readonly file: string } = {
    ...options,
    file: options.file ?? source.name,
    ...(onProgress === undefined ? {} : { onProgress }),
  };
  // A stream of the rows accepted before is read by the general path alone: its rows come once each, in order.
  const fastMayTry =
    source.rereadable === true &&
    (format === 'csv' || format === 'xml') &&
    lanes.keep?.streamAccepted === undefined;
  const keep = keepFor(lanes);
  const bytes: ByteLaneUse = {
    off: lanes.bytes === 'off',
    ...(lanes.onBytes === undefined ? {} : { onBytes: lanes.onBytes }),
  };
  return byLanes(lanes, fastMayTry, (way) =>
    readSourceOnce(kind, source, format, layout, given, way, keep, bytes),
  );
}

/**
 * Reads an input the ways {@link Lanes} allow, in turn: by the fast lane when `fastMayTry` and the lanes allow it;
 * by the lane again with each row's key looked up as it is read when the first read found an id it kept given again
 * by a row the general stages read (each repeat then read by the general stages, which name it; a repeat among the
 * lane's own rows is settled at the end of the first read); and by the general path when the lane hands the input back
 * or is not tried. `readOnce(way)` is one whole read: its result, or why the lane handed back. `lanes.onLane` is
 * told the way that gave the result.
 */
async function byLanes<R>(
  lanes: Lanes,
  fastMayTry: boolean,
  readOnce: (way: Way) => Promise<R | string>,
): Promise<R> {
  let why = 'not tried';
  if (lanes.lane !== 'general' && fastMayTry) {
    let fast = await readOnce('fast');
    if (fast === ID_GIVEN_TWICE) fast = await readOnce('fast, keys row by row');
    if (typeof fast !== 'string') {
      lanes.onLane?.('fast', '');
      return fast;
    }
    why = fast;
  }
  lanes.onLane?.('general', why);
  return (await readOnce('general')) as R;
}

/** The hasher of a read: none when the source hashes its bytes itself (`ByteSource.sha256`). */
function hasherFor(source: ByteSource, options: ReadSourceOptions): Hasher | undefined {
  return source.sha256 === undefined ? (options.createHash ?? createSha256)() : undefined;
}

/**
 * The hash of a read that gave every byte: its hasher's, or the source's own. A source that should have made one and
 * has none is a fault of the source, thrown rather than named by an empty hash.
 */
function digestOf(source: ByteSource, hash: Hasher | undefined): string {
  const sha256 = hash === undefined ? source.sha256?.() : hash.digest();
  if (sha256 === undefined) throw new Error(`the source of ${source.name} gave no hash of its bytes`);
  return sha256;
}

/** One read of the source, the way given: the result, or why the fast lane handed back. */
async function readSourceOnce<K extends RecordKind>(
  kind: K,
  source: ByteSource,
  format: TextFormat,
  layout: Layout,
  options: ReadSourceOptions & { readonly file: string },
  way: Way,
  keep: DayColumnsOption | undefined,
  bytes: ByteLaneUse = {},
): Promise<ParseRecordsResult<K> | string> {
  const fast = way !== 'general';
  const file = options.file;
  const checker = checkerOf(kind, layout, options, keep);
  const shape = layout.shape(checker);
  const shaper = createShaper(shape, checker, { header: headerOf(format) });
  const lane = fast && format === 'csv' ? fastLaneOf(format, shape, checker, shaper, way) : undefined;
  const itemLane = fast && format === 'xml' ? itemLaneOf(shape, checker, way) : undefined;
  if (fast && lane === undefined && itemLane === undefined)
    return 'a layout whose rows are not read as they are';
  const hash = options.sha256 === undefined ? hasherFor(source, options) : undefined;
  // A census from bytes the byte lane reads (ASCII, plain markup): read from them, not decoded; else the tokenizer.
  const bytesXml = itemLane !== undefined && bytes.off !== true ? byteLaneXml(layout, options) : undefined;
  const bytesLane = bytesXml === undefined ? undefined : new XmlByteLane(bytesXml, shaper);
  if (bytesLane !== undefined) {
    // Scanned where the source reads it, when it reads on another thread and hashes there; else scanned here.
    const scanned = hash === undefined && scansXml(source) ? source.scanXml(ATTRIBUTES) : undefined;
    if (scanned !== undefined) {
      let ended = false;
      for await (const piece of scanned) {
        bytesLane.scanned(piece);
        ended = piece.last === true;
        if (bytesLane.handedBack || ended) break;
      }
      if (!ended && !bytesLane.handedBack)
        throw new Error(`the scan of ${source.name} ended before the file`);
    } else {
      for await (const chunk of source.chunks()) {
        hash?.update(chunk);
        bytesLane.write(chunk);
        if (bytesLane.handedBack) break;
      }
      if (!bytesLane.handedBack) bytesLane.end();
    }
    // Handed back: read again from the start, by the decoder and the tokenizer, the census lane still taking the items.
    if (bytesLane.handedBack) {
      bytes.onBytes?.(bytesLane.reason);
      bytes.off = true;
      return readSourceOnce(kind, source, format, layout, options, way, keep, bytes);
    }
    bytes.onBytes?.('');
    if (itemLane?.settle() === false) return ID_GIVEN_TWICE;
    return checker.result({ file, sha256: options.sha256 ?? digestOf(source, hash), encoding: 'utf-8' });
  }
  const tokenizer = lane ?? tokenizerOf(format, layout, shaper);
  const decoder = createByteDecoder({
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    xml: format === 'xml',
    file,
  });
  for await (const chunk of source.chunks()) {
    hash?.update(chunk);
    const text = decoder.write(chunk);
    // The lane is told when the decoder knows the text to be ASCII: it need not search it for what is not.
    if (text.length > 0) {
      if (lane !== undefined) lane.write(text, decoder.lastAscii);
      else tokenizer.write(text);
    }
    // Handed back: the bytes are read again from the start by the general path.
    if (lane?.handedBack === true) return lane.reason;
  }
  const rest = decoder.end();
  if (rest.length > 0) tokenizer.write(rest);
  tokenizer.end();
  if (lane?.handedBack === true) return lane.reason;
  if (itemLane?.settle() === false) return ID_GIVEN_TWICE;
  const decoded = decoder.result();
  // Bytes that cannot be read as text in one encoding: the whole input is refused, rows read before the problem
  // was seen included (their names may already be corrupted).
  if (decoded.issues.length > 0) checker.refuse(decoded.issues.map(({ file: _file, ...issue }) => issue));
  const result = checker.result({
    file,
    sha256: options.sha256 ?? digestOf(source, hash),
    encoding: decoded.encoding,
  });
  return decoded.notice === null ? result : { ...result, notice: decoded.notice };
}

/**
 * Reads records from text already decoded (a byte-order mark at its start is dropped), through stages 3 to 5.
 * `input.sha256` is `options.sha256`, or the SHA-256 of the text's UTF-8 bytes (for a UTF-8 file without a
 * byte-order mark, the file's own hash); `input.encoding` is `utf-8`; `input.file` is `options.file` or `(text)`.
 * CSV of a record kind is read by the fast lane when it applies, as {@link readRecordsSource}.
 *
 * @param kind - the record kind.
 * @param text - the whole text.
 * @param format - `csv`, `ndjson`, `json` or `xml`.
 * @param layout - the shape of the input.
 * @param options - as `parseRecords`.
 * @returns the result.
 * @throws {InputError} under `strict` when there is an issue it refuses.
 * @example
 * readRecordsText('referral', 'id,childId,referralDate\nR1,C1,2010-10-01\n', 'csv', kindLayout('referral')).records
 * //=> [{ id: 'R1', childId: 'C1', referralDate: '2010-10-01' }]
 */
export function readRecordsText<K extends RecordKind>(
  kind: K,
  text: string,
  format: TextFormat,
  layout: Layout,
  options: ParseRecordsOptions = {},
): ParseRecordsResult<K> {
  return readTextBy(kind, text, format, layout, options, {});
}

/**
 * {@link readRecordsText}, its way of reading chosen (internal: tests read an input both ways).
 *
 * @param kind - the record kind.
 * @param text - the whole text.
 * @param format - the format.
 * @param layout - the layout.
 * @param options - as {@link readRecordsText}.
 * @param lanes - the way to read it, and who is told the way taken.
 * @returns the result.
 * @example
 * readTextBy('referral', 'id,childId,referralDate\nR1,C1,2010-10-01\n', 'csv', kindLayout('referral'), {}, { lane: 'general' }).records.length //=> 1
 */
export function readTextBy<K extends RecordKind>(
  kind: K,
  text: string,
  format: TextFormat,
  layout: Layout,
  options: ParseRecordsOptions,
  lanes: Lanes,
): DayColumnsResult<K> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const input = {
    file: options.file ?? '(text)',
    sha256: options.sha256 ?? sha256OfText(text),
    encoding: 'utf-8' as TextEncoding,
  };
  // An `onProgress` reaches the checker from any options object (a `ReadSourceOptions` passed along): reported once
  // for each count, as readSourceBy does, not again when the general path passes it after a hand-back.
  const onProgress = risingProgress((options as ReadSourceOptions).onProgress);
  const given: ReadSourceOptions = { ...options, ...(onProgress === undefined ? {} : { onProgress }) };
  let why = 'not tried';
  const keep = keepFor(lanes);
  if (lanes.lane !== 'general' && format === 'csv' && keep?.streamAccepted === undefined) {
    let fast = readTextFast(kind, body, layout, given, input, 'fast', keep);
    // An id the lane kept given again by a row the general stages read: read again by the lane, the keys looked up
    // row by row, each repeat read by the general stages.
    if (fast === ID_GIVEN_TWICE)
      fast = readTextFast(kind, body, layout, given, input, 'fast, keys row by row', keep);
    if (typeof fast !== 'string') {
      lanes.onLane?.('fast', '');
      return fast;
    }
    why = fast;
  }
  lanes.onLane?.('general', why);
  const checker = checkerOf(kind, layout, given, keep);
  const tokenizer = tokenizerOf(
    format,
    layout,
    createShaper(layout.shape(checker), checker, { header: headerOf(format) }),
  );
  tokenizer.write(body);
  tokenizer.end();
  return checker.result(input);
}

/** One read of a whole text by the fast lane, the way given: the result, or why the lane handed back. */
function readTextFast<K extends RecordKind>(
  kind: K,
  body: string,
  layout: Layout,
  options: ReadSourceOptions,
  input: Pick<ParseRecordsResult<K>['input'], 'file' | 'sha256' | 'encoding'>,
  way: Way,
  keep: DayColumnsOption | undefined,
): ParseRecordsResult<K> | string {
  const checker = checkerOf(kind, layout, options, keep);
  const shape = layout.shape(checker);
  const lane = fastLaneOf('csv', shape, checker, createShaper(shape, checker, { header: 'first-row' }), way);
  if (lane === undefined) return 'a layout whose rows are not read as they are';
  // In pieces, as a file comes: measured faster than one scan of the whole text.
  for (let at = 0; at < body.length && !lane.handedBack; at += TEXT_PIECE)
    lane.write(body.slice(at, at + TEXT_PIECE));
  lane.end();
  return lane.handedBack ? lane.reason : checker.result(input);
}

/** A workbook tokenizer: one sheet's rows to the next stage (the core's {@link tokenizeSheet}, or another). */
export type WorkbookTokenizer = (
  bytes: Uint8Array,
  options: WorkbookSheetOptions,
  sink: RowSink,
) => Promise<unknown>;

/** Options of {@link readRecordsWorkbook}: those of {@link readRecordsSource}, the sheet, and the tokenizer. */
export interface ReadWorkbookOptions extends ReadSourceOptions {
  /** The sheet, by name or 1-based number. Default: the layout's sheet for the kind, else the first. */
  readonly sheet?: string | number;
  /** The workbook tokenizer. Default {@link tokenizeSheet}, the core's own. */
  readonly tokenize?: WorkbookTokenizer;
}

/**
 * Reads records from one sheet of an Excel workbook (.xlsx) held in memory, through stages 3 to 5: the sheet chosen
 * by name or by the layout's sheet names, its header found below any title rows (the first row with two headers the
 * layout knows), date cells and serial numbers in date columns read as dates. `input.sha256` is the hash of the
 * bytes; `input.encoding` is `utf-8`. A record kind's sheet is read by the sheet lane (`fast-sheet.ts`), which gives
 * the same result.
 *
 * @param kind - the record kind.
 * @param bytes - the whole workbook.
 * @param layout - the shape of the input: `inputLayout(kind, 'xlsx', options)`.
 * @param options - as {@link readRecordsSource} (`file` names it in messages; default `(workbook)`), `sheet` and
 *   `tokenize` (default {@link tokenizeSheet}).
 * @returns the result; a workbook that is not one, lacks the sheet or whose sheet is empty is refused (`readable`
 *   false, one `unreadable` issue saying why).
 * @throws {InputError} under `strict` when there is an issue it refuses.
 * @example
 * const result = await readRecordsWorkbook('referral', bytes, inputLayout('referral', 'xlsx', { preset: 'annex-a' }), { file: 'annex-a.xlsx' });
 * result.accounting.rowsRead //=> 120
 */
export async function readRecordsWorkbook<K extends RecordKind>(
  kind: K,
  bytes: Uint8Array,
  layout: Layout,
  options: ReadWorkbookOptions = {},
): Promise<ParseRecordsResult<K>> {
  return readWorkbookBy(kind, bytes, layout, options, {});
}

/**
 * {@link readRecordsWorkbook}, its way of reading chosen (internal: tests read a workbook both ways). A record kind's
 * sheet is read by the sheet lane (`fast-sheet.ts`), which gives the same result; when it hands back (an id it kept
 * given again by a row the general stages read, or the input refused after rows were kept), the sheet is read again: by the lane with each row's key looked
 * up as it is read, or by the general path.
 *
 * @param kind - the record kind.
 * @param bytes - the whole workbook.
 * @param layout - the layout.
 * @param options - as {@link readRecordsWorkbook}.
 * @param lanes - the way to read it, and who is told the way taken.
 * @returns the result.
 * @example
 * (await readWorkbookBy('referral', bytes, inputLayout('referral', 'xlsx'), {}, { lane: 'general' })).records.length //=> 120
 */
export async function readWorkbookBy<K extends RecordKind>(
  kind: K,
  bytes: Uint8Array,
  layout: Layout,
  options: ReadWorkbookOptions,
  lanes: Lanes,
): Promise<DayColumnsResult<K>> {
  const onProgress = risingProgress(options.onProgress);
  const given: ReadWorkbookOptions & { readonly file: string } = {
    ...options,
    file: options.file ?? '(workbook)',
    ...(onProgress === undefined ? {} : { onProgress }),
  };
  let sha256 = options.sha256;
  if (sha256 === undefined) {
    const hash = (options.createHash ?? createSha256)();
    hash.update(bytes);
    sha256 = hash.digest();
  }
  const keep = keepFor(lanes);
  return byLanes(lanes, keep?.streamAccepted === undefined, (way) =>
    readWorkbookOnce(kind, bytes, layout, given, sha256, way, keep),
  );
}

/** One read of a workbook's sheet, the way given: the result, or why the sheet lane handed back. */
async function readWorkbookOnce<K extends RecordKind>(
  kind: K,
  bytes: Uint8Array,
  layout: Layout,
  options: ReadWorkbookOptions & { readonly file: string },
  sha256: string,
  way: Way,
  keep: DayColumnsOption | undefined,
): Promise<ParseRecordsResult<K> | string> {
  const checker = checkerOf(kind, layout, options, keep);
  const shape = layout.shape(checker);
  // A workbook's table may sit below title rows: its header is the first row with two headers the layout knows.
  const shaper = createShaper(shape, checker, { header: 'search' });
  const plainRows = plainRowReaderOf(checker);
  let lane: SheetLane | undefined;
  if (way !== 'general') {
    if (shape.plainColumns === undefined || plainRows === undefined)
      return 'a layout whose rows are not read as they are';
    if (way === 'fast, keys row by row') plainRows.keysRowByRow();
    const fieldIsDate = recordSpecs[kind].fields.map((field) => field.type === 'date');
    lane = new SheetLane(shaper, shape, plainRows, fieldIsDate);
  }
  await (options.tokenize ?? tokenizeSheet)(
    bytes,
    {
      ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
      ...(layout.sheetNames === undefined ? {} : { sheetNames: layout.sheetNames }),
      ...(layout.firstSheetOtherwise === undefined
        ? {}
        : { firstSheetOtherwise: layout.firstSheetOtherwise }),
    },
    lane ?? shaper,
  );
  if (lane?.handedBack === true) return lane.reason;
  return checker.result({ file: options.file, sha256, encoding: 'utf-8' });
}
