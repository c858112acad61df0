import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { parse as parseCsvStream } from 'csv-parse';
import { createCsvRowHandler, csvParseOptions } from '../records/csv.js';
import { InputError, type InputIssue } from '../records/issues.js';
import { parseJsonText, readNdjsonLine } from '../records/parse-records.js';
import {
  createRecordReader,
  type ParseRecordsOptions,
  type ParseRecordsResult,
  type RecordReader,
} from '../records/record-reader.js';
import type { RecordKind } from '../records/schemas.js';

/** The formats a records file may be in: CSV, a JSON array, or NDJSON (one JSON object a line). */
export type RecordFileFormat = 'csv' | 'json' | 'ndjson';

/**
 * Every records file format.
 * @example recordFileFormats //=> ['csv', 'json', 'ndjson']
 */
export const recordFileFormats: readonly RecordFileFormat[] = ['csv', 'json', 'ndjson'];

/** Options of {@link readRecordsFile}: those of `parseRecords`, and how to read the file. */
export interface ReadRecordsFileOptions extends ParseRecordsOptions {
  /** The file's format. Default: from its extension, `.csv`, `.json`, `.ndjson` or `.jsonl` (any case). */
  readonly format?: RecordFileFormat;
  /** Called with the rows read so far, every {@link PROGRESS_EVERY_ROWS} rows, for progress output. Default: none. */
  readonly onProgress?: (rowsRead: number) => void;
}

/** How often {@link ReadRecordsFileOptions.onProgress} is called, in rows. */
export const PROGRESS_EVERY_ROWS = 50_000;

/**
 * The format of a records file from its extension.
 *
 * @param path - the file's path.
 * @returns `csv`, `json` or `ndjson`.
 * @throws {TypeError} when the extension is none of `.csv`, `.json`, `.ndjson`, `.jsonl`.
 * @example recordFileFormatOf('exports/IA 2010.CSV') //=> 'csv'
 */
export function recordFileFormatOf(path: string): RecordFileFormat {
  const extension = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (extension === 'csv') return 'csv';
  if (extension === 'json') return 'json';
  if (extension === 'ndjson' || extension === 'jsonl') return 'ndjson';
  throw new TypeError(
    `${path}: cannot tell the file's format from its extension: expected .csv, .json, .ndjson or .jsonl (or pass the format)`,
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
  const parser = parseCsvStream(csvParseOptions(handler));
  const input = handle.createReadStream({ autoClose: false });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  // Every record goes to the handler as it is parsed; nothing is pushed downstream, so drain the parser's output.
  parser.resume();
  await finished(parser);
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
 * line; a JSON array is read whole. Every issue carries the file's path (or `options.file`).
 *
 * @param kind - the record kind: `initial-assessment`, `core-assessment`, `cp-conference`, `caf`, `referral`,
 *   `neet`, `worker` or `allocation`.
 * @param path - the file to read.
 * @param options - as `parseRecords` (`dateFormat` default `auto`, `columnMap` default none, `strict` default
 *   false, `file` default the path), plus `format` (default from the extension) and `onProgress` (default none).
 * @returns the records, the row (line) of each, the issues and the accounting.
 * @throws {InputError} naming the file when it cannot be opened or read (one `unreadable` issue), and in strict
 *   mode when there is any issue.
 * @throws {TypeError} when the format cannot be told from the extension, for an unknown kind or date format, or a
 *   column map naming no field.
 * @example
 * const { records, issues, accounting } = await readRecordsFile('initial-assessment', 'exports/ia.csv');
 * accounting //=> { rowsRead: 1200, rowsAccepted: 1197, rowsRejected: 3 }
 * issues[0] //=> { code: 'invalid_date', row: 88, field: 'completedDate', value: '31/02/2011', message: '…', file: 'exports/ia.csv' }
 */
export async function readRecordsFile<K extends RecordKind>(
  kind: K,
  path: string,
  options: ReadRecordsFileOptions = {},
): Promise<ParseRecordsResult<K>> {
  const format = options.format ?? recordFileFormatOf(path);
  const { format: _format, onProgress, ...rest } = options;
  const parseOptions: ParseRecordsOptions = { ...rest, file: options.file ?? path };
  // Checks the kind, date format and column map before the file is opened.
  const reader = createRecordReader(kind, parseOptions);

  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw cannotRead(path, error);
  }
  try {
    if (format === 'json') {
      let text: string;
      try {
        text = await handle.readFile('utf8');
      } catch (error) {
        throw cannotRead(path, error);
      }
      return parseJsonText(kind, text, parseOptions);
    }
    const counted = withProgress(reader as RecordReader<RecordKind>, onProgress);
    try {
      if (format === 'csv') await readCsv(handle, counted);
      else await readNdjson(handle, counted);
    } catch (error) {
      throw isFileError(error) ? cannotRead(path, error) : error;
    }
    return reader.result();
  } finally {
    await handle.close();
  }
}
