import type { Readable } from 'node:stream';
import { parseCinCensusXml } from '../presets/cin-census.js';
import type { PresetId, PresetOptions, SkippedRow } from '../presets/preset-reader.js';
import { checkPresetKind, createPresetReader } from '../presets/presets.js';
import { recordSpecs } from '../records/fields.js';
import { createFieldResolver } from '../records/headers.js';
import {
  createRecordReader,
  type ParseRecordsOptions,
  type ParseRecordsResult,
  type RecordReader,
} from '../records/record-reader.js';
import type { RecordKind } from '../records/schemas.js';
import { forEachWorkbookRow, type ReadWorkbookRowsOptions, WorkbookError } from './read-workbook.js';

/** The options of a records file read in a standard shape: the preset, its options, and the workbook's sheet. */
export interface PresetFileOptions extends PresetOptions {
  /**
   * Reads the file in a standard shape, with no column map: `annex-a` (.xlsx or .csv), `cin-census` (.xml),
   * `workforce-census` or `nccis` (.xlsx or .csv). Default: none, except that a `.xml` file is read as the CIN
   * census.
   */
  readonly preset?: PresetId;
  /**
   * `.xlsx` only: the sheet, by name (matched ignoring case, spaces and punctuation) or 1-based number. Default: the
   * preset's sheet for the kind (`List 3` or `Referrals` for Annex A referrals…), else the first sheet.
   */
  readonly sheet?: string | number;
}

/** What reading a records file gives: the result of every read, and with a preset the rows skipped. */
export type ReadRecordsFileResult<K extends RecordKind> = ParseRecordsResult<K> & {
  /** With a preset: the rows that are not records of the kind, each with its reason. */
  readonly skipped?: readonly SkippedRow[];
};

/** A reader for a file, and how to find its header and dates in a workbook. */
export interface FileReader<K extends RecordKind> {
  readonly reader: RecordReader<K>;
  readonly workbook: ReadWorkbookRowsOptions;
  readonly result: () => ReadRecordsFileResult<K>;
}

/**
 * The preset a file is read with: the one given, or `cin-census` for XML.
 *
 * @param format - the file's format.
 * @param preset - the preset given.
 * @returns the preset, or undefined for none.
 * @throws {TypeError} when the format and the preset do not go together.
 */
export function presetForFormat(format: string, preset: PresetId | undefined): PresetId | undefined {
  if (format === 'xml') {
    if (preset !== undefined && preset !== 'cin-census') {
      throw new TypeError(
        `the ${preset} preset reads .xlsx or .csv files; an .xml file is read as the CIN census`,
      );
    }
    return 'cin-census';
  }
  if (preset === undefined) return undefined;
  if (preset === 'cin-census') {
    throw new TypeError(`the cin-census preset reads the census XML (a .xml file), not a ${format} file`);
  }
  if (format !== 'xlsx' && format !== 'csv') {
    throw new TypeError(`the ${preset} preset reads .xlsx or .csv files, not ${format}`);
  }
  return preset;
}

/**
 * Creates the reader of a file of a kind: a preset's reader when there is a preset, else the record reader, with
 * what a workbook needs to find the header row and the date columns.
 *
 * @param kind - the record kind.
 * @param preset - the preset, or undefined.
 * @param parseOptions - the reading options (`dateFormat`, `columnMap`, `strict`, `file`).
 * @param options - the preset's options and the sheet.
 * @returns the reader, the workbook options and the result function.
 * @throws {TypeError} for a kind the preset does not give, and the preset's own checks.
 */
export function createFileReader<K extends RecordKind>(
  kind: K,
  preset: Exclude<PresetId, 'cin-census'> | undefined,
  parseOptions: ParseRecordsOptions,
  options: PresetFileOptions,
): FileReader<K> {
  const sheet = options.sheet === undefined ? {} : { sheet: options.sheet };
  if (preset !== undefined) {
    const presetReader = createPresetReader(preset, kind, {
      ...parseOptions,
      ...(options.codeMap === undefined ? {} : { codeMap: options.codeMap }),
      ...(options.snapshotDate === undefined ? {} : { snapshotDate: options.snapshotDate }),
      ...(options.censusDate === undefined ? {} : { censusDate: options.censusDate }),
    });
    return {
      reader: presetReader,
      workbook: {
        ...sheet,
        sheetNames: presetReader.sheetNames,
        firstSheetOtherwise: presetReader.firstSheetOtherwise,
        headers: (cell) => presetReader.isKnownHeader(cell),
        dateColumns: (header) => presetReader.isDateHeader(header),
      },
      result: () => presetReader.result(),
    };
  }
  const reader = createRecordReader(kind, parseOptions);
  const resolve = createFieldResolver(kind, parseOptions.columnMap);
  const dateFields = new Set(recordSpecs[kind].fields.filter((f) => f.type === 'date').map((f) => f.name));
  return {
    reader,
    workbook: {
      ...sheet,
      headers: (cell) => resolve(cell) !== null,
      dateColumns: (header) => {
        const field = resolve(header);
        return field !== null && dateFields.has(field);
      },
    },
    result: () => reader.result(),
  };
}

/**
 * Feeds one sheet of a workbook to a reader. A workbook that cannot be read (not a workbook, cut short, no such
 * sheet) refuses the input, with one `unreadable` issue that says why.
 *
 * @param input - the workbook's stream (or path).
 * @param reader - the reader to feed.
 * @param options - the sheet and how to find the header row and dates.
 * @returns once the sheet is read.
 */
export async function readWorkbookInto(
  input: string | Readable,
  reader: RecordReader<RecordKind>,
  options: ReadWorkbookRowsOptions,
): Promise<void> {
  try {
    await forEachWorkbookRow(input, options, {
      header(cells, row) {
        reader.header(cells, row);
      },
      row(cells, row) {
        reader.cells(cells, row);
      },
    });
  } catch (error) {
    if (!(error instanceof WorkbookError)) throw error;
    reader.refuse(0, error.message, null);
  }
}

/**
 * Reads the text of a CIN census XML file (`parseCinCensusXml`).
 *
 * @param kind - the record kind.
 * @param xml - the file's text.
 * @param parseOptions - the reading options.
 * @returns the records, issues, accounting and skipped enquiries.
 * @throws {TypeError} for a kind the census does not give.
 */
export function readCinCensusText<K extends RecordKind>(
  kind: K,
  xml: string,
  parseOptions: ParseRecordsOptions,
): ReadRecordsFileResult<K> {
  checkPresetKind('cin-census', kind);
  return parseCinCensusXml(kind, xml, parseOptions);
}
