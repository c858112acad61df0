/**
 * The layout a records file is read with, from its format and the preset named: the one rule shared by every
 * reader (a file in node, a `File` in the browser page), so that the same file and settings are read the same way.
 * @module
 */
import { checkKindAndDateFormat } from '../records/check.js';
import type { RecordFileFormat } from '../records/file-format.js';
import type { RecordKind } from '../records/schemas.js';
import type { Layout } from '../records/shape.js';
import { kindLayout } from '../records/shape-kind.js';
import type { PresetId, PresetReaderOptions } from './preset-reader.js';
import { presetLayout } from './presets.js';

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

/** Options of {@link inputLayout}: the preset (if any), the column map and the preset's own options. */
export interface InputLayoutOptions extends PresetReaderOptions {
  /** The standard shape the file is in. Default: none (canonical headers, or `columnMap`), `cin-census` for XML. */
  readonly preset?: PresetId;
}

/**
 * The layout of a records file: a preset's (the one named, or the CIN census for XML), or the kind's with the
 * column map. Every option is checked before any byte is read.
 *
 * @param kind - the record kind.
 * @param format - the file's format.
 * @param options - `preset` (default none), `columnMap` (default none), `dateFormat` (default `auto`) and the
 *   preset options `codeMap`, `snapshotDate`, `censusDate`.
 * @returns the layout, for `readRecordsSource` or a workbook's tokenizer.
 * @throws {TypeError} for an unknown kind or date format, a preset that does not read the format or give the kind,
 *   or a column map naming no field.
 * @throws {RangeError} for a `censusDate` that is not a 30 September.
 * @example
 * inputLayout('referral', 'xlsx', { preset: 'annex-a' }).sheetNames //=> ['List 3', 'Referrals']
 * inputLayout('referral', 'csv').label //=> 'referral records'
 */
export function inputLayout(
  kind: RecordKind,
  format: RecordFileFormat,
  options: InputLayoutOptions = {},
): Layout {
  checkKindAndDateFormat(kind, options.dateFormat);
  const preset = presetForFormat(format, options.preset);
  if (preset === undefined) {
    return kindLayout(kind, options.columnMap === undefined ? {} : { columnMap: options.columnMap });
  }
  return presetLayout(preset, kind, options);
}
