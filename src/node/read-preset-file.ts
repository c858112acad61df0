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

export { presetForFormat } from '../presets/input-layout.js';
