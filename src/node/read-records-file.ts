/**
 * Reading a records file in node: the file as the reading path's source, then the same stages as every reader
 * (`readRecordsSource` for text formats; the workbook tokenizer for .xlsx), with the layout of the kind or of a
 * preset.
 * @module
 */
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { inputLayout } from '../presets/input-layout.js';
import { PROGRESS_EVERY_ROWS } from '../records/check.js';
import { type RecordFileFormat, recordFileFormatOf } from '../records/file-format.js';
import { InputError, type InputIssue } from '../records/issues.js';
import { type DayColumnsResult, type Lanes, readSourceBy, readWorkbookBy } from '../records/read-source.js';
import type { ParseRecordsOptions } from '../records/record-reader.js';
import type { RecordKind } from '../records/schemas.js';
import type { PresetFileOptions, ReadRecordsFileResult } from './read-preset-file.js';
import { fileSource, nodeSha256 } from './source.js';

export { type RecordFileFormat, recordFileFormatOf, recordFileFormats } from '../records/file-format.js';
export { PROGRESS_EVERY_ROWS };

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
    severity: 'error',
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

/**
 * Reads a records file through the reading path's stages: memory grows with the records kept, not with the file's
 * text. CSV, NDJSON and XML (the census presets) are streamed, and hashed as they pass; a JSON array is read whole;
 * an Excel workbook (.xlsx) one sheet (the header row found below any title rows; date cells, and serial numbers in
 * date columns, read as dates; a formula without a saved value an issue on its row). Every issue carries the
 * file's path (or `options.file`), and `input` names the file, the SHA-256 of its bytes and the encoding read.
 *
 * With `preset` the file is read in a standard shape with no column map (SPEC 12): `annex-a` (a workbook's list
 * for the kind, or a list saved as CSV), `cin-census` (XML; an .xml file is always read so), `workforce-census`,
 * `nccis`. Rows that are not records of the kind (an Annex A List 5 enquiry whose conference was deemed
 * unnecessary) are listed in `skipped` and counted in `accounting.rowsSkipped`.
 *
 * @param kind - the record kind: `initial-assessment`, `core-assessment`, `cp-conference`, `caf`, `referral`,
 *   `neet`, `worker`, `allocation`, `assessment` or `cp-plan`.
 * @param path - the file to read.
 * @param options - as `parseRecords` (`dateFormat` default `auto`, `columnMap` default none, `strict` default
 *   false, `file` default the path, `encoding` default `utf-8`), plus `format` (default from the extension),
 *   `onProgress` (default none), `preset` (default none; `cin-census` for .xml), `sheet` (.xlsx: default the
 *   preset's sheet for the kind, else the first) and the preset options `codeMap`, `snapshotDate` (`nccis`) and
 *   `censusDate` (`workforce-census` allocations).
 * @returns the records, the row (line) of each, the issues, the accounting, the input, the warnings, the fields
 *   present; with a preset, the rows skipped. A workbook that is not one, is cut short, lacks the sheet or whose
 *   sheet is empty, and XML that is not complete or declares entities, refuse the input (`readable` false, one
 *   `unreadable` issue saying why).
 * @throws {InputError} naming the file when it cannot be opened or read (one `unreadable` issue), and in strict
 *   mode when there is an issue it refuses.
 * @throws {TypeError} when the format cannot be told from the extension, for an unknown kind or date format, a
 *   column map naming no field, a preset that does not give the kind or does not read the format.
 * @example
 * const { records, issues, accounting, input } = await readRecordsFile('initial-assessment', 'exports/ia.csv');
 * accounting //=> { rowsRead: 1200, rowsAccepted: 1197, rowsRejected: 3, rowsSkipped: 0, warningsByCode: {} }
 * issues[0] //=> { code: 'invalid_date', severity: 'error', row: 88, field: 'completedDate', value: '31/02/2011', message: '…', file: 'exports/ia.csv' }
 * input.sha256 //=> '9f86d0…' (the file's bytes)
 */
export async function readRecordsFile<K extends RecordKind>(
  kind: K,
  path: string,
  options: ReadRecordsFileOptions = {},
): Promise<ReadRecordsFileResult<K>> {
  return readRecordsFileBy(kind, path, options, {});
}

/**
 * {@link readRecordsFile}, its way of reading chosen and what it keeps of its records (internal, not exported by
 * the package: the CLI's `compute` keeps the days of an indicator counted from two dates, and reads a file again
 * for its audit; see `DayColumnsOption`).
 *
 * @param kind - the record kind.
 * @param path - the file.
 * @param options - as {@link readRecordsFile}.
 * @param lanes - the way to read it and what to keep (`keep`).
 * @returns the result, with `dayColumns` when kept.
 * @example
 * (await readRecordsFileBy('initial-assessment', 'ia.csv', {}, { keep: { dayColumns: ['referralDate'] } })).dayColumns?.count
 * //=> the file's rows accepted, as days
 */
export async function readRecordsFileBy<K extends RecordKind>(
  kind: K,
  path: string,
  options: ReadRecordsFileOptions,
  lanes: Lanes,
): Promise<ReadRecordsFileResult<K> & DayColumnsResult<K>> {
  const format = options.format ?? recordFileFormatOf(path);
  const layout = inputLayout(kind, format, options);
  const file = options.file ?? path;

  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw cannotRead(path, error);
  }
  try {
    if (format === 'xlsx') {
      let bytes: Uint8Array;
      try {
        bytes = await handle.readFile();
      } catch (error) {
        throw cannotRead(path, error);
      }
      return await readWorkbookBy(kind, bytes, layout, { ...options, file, createHash: nodeSha256 }, lanes);
    }
    // A named pipe cannot be read at a position: it is read once, in order, by the general path.
    const stats = await handle.stat();
    return await readSourceBy(
      kind,
      fileSource(handle, file, { seekable: stats.isFile(), size: stats.size }),
      format,
      layout,
      { ...options, file, createHash: nodeSha256 },
      lanes,
    );
  } catch (error) {
    throw isFileError(error) ? cannotRead(path, error) : error;
  } finally {
    await handle.close();
  }
}
