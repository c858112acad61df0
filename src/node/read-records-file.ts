import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { type Parser, parse as parseCsvStream } from 'csv-parse';
import { type CsvSkipError, createCsvRowHandler, csvReadingOptions } from '../records/csv.js';
import { InputError, type InputIssue } from '../records/issues.js';
import { parseJsonText, readNdjsonLine } from '../records/parse-records.js';
import type { ParseRecordsOptions, RecordReader } from '../records/record-reader.js';
import type { RecordKind } from '../records/schemas.js';
import {
  createFileReader,
  type PresetFileOptions,
  presetForFormat,
  type ReadRecordsFileResult,
  readCinCensusText,
  readWorkbookInto,
} from './read-preset-file.js';

/**
 * The formats a records file may be in: CSV, a JSON array, NDJSON (one JSON object a line), an Excel workbook
 * (`xlsx`), or the CIN census XML (`xml`).
 */
export type RecordFileFormat = 'csv' | 'json' | 'ndjson' | 'xlsx' | 'xml';

/**
 * Every records file format.
 * @example recordFileFormats //=> ['csv', 'json', 'ndjson', 'xlsx', 'xml']
 */
export const recordFileFormats: readonly RecordFileFormat[] = ['csv', 'json', 'ndjson', 'xlsx', 'xml'];

/** Options of {@link readRecordsFile}: those of `parseRecords`, how to read the file, and its standard shape. */
export interface ReadRecordsFileOptions extends ParseRecordsOptions, PresetFileOptions {
  /**
   * The file's format. Default: from its extension, `.csv`, `.json`, `.ndjson` or `.jsonl`, `.xlsx` or `.xlsm`,
   * `.xml` (any case).
   */
  readonly format?: RecordFileFormat;
  /** Called with the rows read so far, every {@link PROGRESS_EVERY_ROWS} rows, for progress output. Default: none. */
  readonly onProgress?: (rowsRead: number) => void;
}

/**
 * How often {@link ReadRecordsFileOptions.onProgress} is called, in rows.
 * @example PROGRESS_EVERY_ROWS //=> 50000
 */
export const PROGRESS_EVERY_ROWS = 50_000;

/**
 * The format of a records file from its extension.
 *
 * @param path - the file's path.
 * @returns `csv`, `json`, `ndjson`, `xlsx` or `xml`.
 * @throws {TypeError} when the extension is none of `.csv`, `.json`, `.ndjson`, `.jsonl`, `.xlsx`, `.xlsm`, `.xml`.
 * @example recordFileFormatOf('exports/IA 2010.CSV') //=> 'csv'
 */
export function recordFileFormatOf(path: string): RecordFileFormat {
  const extension = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (extension === 'csv') return 'csv';
  if (extension === 'json') return 'json';
  if (extension === 'ndjson' || extension === 'jsonl') return 'ndjson';
  if (extension === 'xlsx' || extension === 'xlsm') return 'xlsx';
  if (extension === 'xml') return 'xml';
  throw new TypeError(
    `${path}: cannot tell the file's format from its extension: expected .csv, .json, .ndjson or .jsonl, .xlsx or .xml (or pass the format)`,
  );
}

function cannotRead(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : error instanceof Error
            ? error.message
            : String(error);
  const issue: InputIssue = {
    code: 'unreadable',
    row: 0,
    field: null,
    value: null,
    message: `cannot read the file: ${reason}${code !== undefined && !reason.includes(code) ? ` (${code})` : ''}`,
    file: path,
  };
  return new InputError([issue]);
}

/** Whether an error came from the file system (as opposed to a bug in the reading path, which is rethrown). */
function isFileError(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException | undefined)?.syscall === 'string';
}

/** Counts rows for the progress callback. */
function withProgress<K extends RecordKind>(
  reader: RecordReader<K>,
  onProgress: ((rowsRead: number) => void) | undefined,
): RecordReader<K> {
  if (onProgress === undefined) return reader;
  let rows = 0;
  const tick = (): void => {
    rows++;
    if (rows % PROGRESS_EVERY_ROWS === 0) onProgress(rows);
  };
  return {
    ...reader,
    cells(cells, row) {
      tick();
      reader.cells(cells, row);
    },
    object(value, row) {
      tick();
      reader.object(value, row);
    },
    unreadableRow(row, message, value) {
      tick();
      reader.unreadableRow(row, message, value);
    },
  };
}

async function readCsv(handle: FileHandle, reader: RecordReader<RecordKind>): Promise<void> {
  const handler = createCsvRowHandler(reader);
  // Records are taken from the stream rather than through `on_record`, for which csv-parse builds an info object
  // per record (a second of a million-row file). A skipped record is handed over in its place: after the
  // `parser.info.records` records parsed before it, and before the next one.
  const skips: { readonly before: number; readonly error: CsvSkipError | undefined }[] = [];
  let nextSkip = 0;
  let recordsHandled = 0;
  const handSkipsUpTo = (records: number): void => {
    while (nextSkip < skips.length && (skips[nextSkip]?.before ?? 0) <= records) {
      handler.skipped(skips[nextSkip]?.error);
      nextSkip++;
    }
  };
  const parser: Parser = parseCsvStream({
    ...csvReadingOptions(),
    on_skip: (error: CsvSkipError | undefined): undefined => {
      skips.push({ before: parser.info.records, error });
      return undefined;
    },
  });
  parser.on('data', (record: string[]) => {
    try {
      handSkipsUpTo(recordsHandled);
      recordsHandled++;
      handler.record(record);
    } catch (error) {
      // A failure of the reader ends the read with its error, as it would from `on_record`.
      parser.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  });
  const input = handle.createReadStream({ autoClose: false });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  await finished(parser);
  handSkipsUpTo(Number.POSITIVE_INFINITY);
  handler.end();
}

async function readNdjson(handle: FileHandle, reader: RecordReader<RecordKind>): Promise<void> {
  const lines = createInterface({
    input: handle.createReadStream({ autoClose: false }),
    crlfDelay: Infinity,
  });
  let line = 0;
  for await (const text of lines) readNdjsonLine(reader, text, ++line);
}

/**
 * Reads a records file as a stream: memory grows with the records kept, not with the file's text. CSV is parsed by
 * csv-parse's node stream (BOM, `\r\n`, quoted commas and line breaks, blank lines, ragged rows); NDJSON line by
 * line; a JSON array is read whole; an Excel workbook (.xlsx) one sheet, streamed by exceljs (the header row found
 * below any title rows; date cells, and serial numbers in date columns, read as dates); a CIN census XML whole.
 * Every issue carries the file's path (or `options.file`).
 *
 * With `preset` the file is read in a standard shape with no column map (SPEC 12): `annex-a` (a workbook's list
 * for the kind, or a list saved as CSV), `cin-census` (XML; an .xml file is always read so), `workforce-census`,
 * `nccis`. Rows that are not records of the kind (an Annex A List 5 enquiry whose conference was deemed
 * unnecessary) are listed in `skipped`, not counted as rows read.
 *
 * @param kind - the record kind: `initial-assessment`, `core-assessment`, `cp-conference`, `caf`, `referral`,
 *   `neet`, `worker`, `allocation`, `assessment` or `cp-plan`.
 * @param path - the file to read.
 * @param options - as `parseRecords` (`dateFormat` default `auto`, `columnMap` default none, `strict` default
 *   false, `file` default the path), plus `format` (default from the extension), `onProgress` (default none),
 *   `preset` (default none; `cin-census` for .xml), `sheet` (.xlsx: default the preset's sheet for the kind, else
 *   the first) and the preset options `codeMap`, `snapshotDate` (`nccis`) and `censusDate` (`workforce-census`
 *   allocations).
 * @returns the records, the row (line) of each, the issues and the accounting; with a preset, the rows skipped.
 *   A workbook that is not one, is cut short or lacks the sheet, and XML that is not complete, refuse the input
 *   (`readable` false, one `unreadable` issue saying why: for a missing sheet, the sheets found).
 * @throws {InputError} naming the file when it cannot be opened or read (one `unreadable` issue), and in strict
 *   mode when there is any issue.
 * @throws {TypeError} when the format cannot be told from the extension, for an unknown kind or date format, a
 *   column map naming no field, a preset that does not give the kind or does not read the format.
 * @example
 * const { records, issues, accounting } = await readRecordsFile('initial-assessment', 'exports/ia.csv');
 * accounting //=> { rowsRead: 1200, rowsAccepted: 1197, rowsRejected: 3 }
 * issues[0] //=> { code: 'invalid_date', row: 88, field: 'completedDate', value: '31/02/2011', message: '…', file: 'exports/ia.csv' }
 */
export async function readRecordsFile<K extends RecordKind>(
  kind: K,
  path: string,
  options: ReadRecordsFileOptions = {},
): Promise<ReadRecordsFileResult<K>> {
  const format = options.format ?? recordFileFormatOf(path);
  const {
    format: _format,
    onProgress,
    preset: _preset,
    sheet: _sheet,
    codeMap: _codeMap,
    snapshotDate: _snapshotDate,
    censusDate: _censusDate,
    ...rest
  } = options;
  const parseOptions: ParseRecordsOptions = { ...rest, file: options.file ?? path };
  const preset = presetForFormat(format, options.preset);
  // Checks the kind, date format, column map and preset options before the file is opened. With a preset, its
  // reader stands in for the record reader: the CSV and workbook paths feed either the same way.
  const { reader, workbook, result } = createFileReader(
    kind,
    preset === 'cin-census' ? undefined : preset,
    parseOptions,
    options,
  );

  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw cannotRead(path, error);
  }
  try {
    if (format === 'json' || format === 'xml') {
      let text: string;
      try {
        text = await handle.readFile('utf8');
      } catch (error) {
        throw cannotRead(path, error);
      }
      if (format === 'xml') return readCinCensusText(kind, text, parseOptions);
      return parseJsonText(kind, text, parseOptions);
    }
    const counted = withProgress(reader as RecordReader<RecordKind>, onProgress);
    try {
      if (format === 'csv') await readCsv(handle, counted);
      else if (format === 'xlsx')
        await readWorkbookInto(handle.createReadStream({ autoClose: false }), counted, workbook);
      else await readNdjson(handle, counted);
    } catch (error) {
      throw isFileError(error) ? cannotRead(path, error) : error;
    }
    return result();
  } finally {
    await handle.close();
  }
}
