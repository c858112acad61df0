/**
 * The options of a records file read in a standard shape (a preset), and which preset a file's format takes.
 * @module
 */
import type { PresetId, PresetOptions } from '../presets/preset-reader.js';
import type { ParseRecordsResult } from '../records/record-reader.js';
import type { RecordKind } from '../records/schemas.js';

/** The options of a records file read in a standard shape: the preset, its options, and the workbook's sheet. */
export interface PresetFileOptions extends PresetOptions {
  /**
   * Reads the file in a standard shape, with no column map: `annex-a` (.xlsx or .csv), `cin-census` (.xml),
   * `workforce-census` or `nccis` (.xml as submitted, or .xlsx or .csv). Default: none, except that a `.xml` file
   * is read as the CIN census.
   */
  readonly preset?: PresetId;
  /**
   * `.xlsx` only: the sheet, by name (matched ignoring case, spaces and punctuation) or 1-based number. Default: the
   * preset's sheet for the kind (`List 3` or `Referrals` for Annex A referrals…), else the first sheet.
   */
  readonly sheet?: string | number;
}

/** What reading a records file gives: the result of every read (with a preset, the rows skipped). */
export type ReadRecordsFileResult<K extends RecordKind> = ParseRecordsResult<K>;

/**
 * The preset a file is read with: the one given, or `cin-census` for XML given none. The returns submitted as XML
 * (the CIN census, the workforce census, NCCIS) read `.xml`; Annex A, the workforce census and NCCIS read `.xlsx`
 * and `.csv`.
 *
 * @param format - the file's format.
 * @param preset - the preset given.
 * @returns the preset, or undefined for none.
 * @throws {TypeError} when the format and the preset do not go together.
 * @example
 * presetForFormat('xml', undefined) //=> 'cin-census'
 * presetForFormat('xml', 'workforce-census') //=> 'workforce-census'
 */
export function presetForFormat(format: string, preset: PresetId | undefined): PresetId | undefined {
  if (format === 'xml') {
    if (preset === 'annex-a') {
      throw new TypeError(
        'the annex-a preset reads .xlsx or .csv files; an .xml file is read as the CIN census, the workforce census (--preset workforce-census) or NCCIS (--preset nccis)',
      );
    }
    return preset ?? 'cin-census';
  }
  if (preset === undefined) return undefined;
  if (preset === 'cin-census') {
    throw new TypeError(`the cin-census preset reads the census XML (a .xml file), not a ${format} file`);
  }
  if (format !== 'xlsx' && format !== 'csv') {
    throw new TypeError(
      `the ${preset} preset reads .xlsx or .csv files${preset === 'annex-a' ? '' : ' (or its .xml return)'}, not ${format}`,
    );
  }
  return preset;
}
