/**
 * Choosing a preset: which record kinds each gives, and its layout for a kind (stage 4 of the reading path).
 * @module
 */
import type { RecordKind } from '../records/schemas.js';
import type { Layout } from '../records/shape.js';
import { annexALists } from './annex-a.js';
import { cinCensusKinds, cinCensusXmlOf, createCinCensusShape } from './cin-census.js';
import { checkNccisCodeMap, nccisTable } from './nccis.js';
import {
  createTableReader,
  type PresetId,
  type PresetReader,
  type PresetReaderOptions,
  presetIds,
  type TablePreset,
} from './preset-reader.js';
import { createColumnMatcher, createTableShape } from './table-shape.js';
import { checkCensusDate, workforceCensusTables } from './workforce-census.js';

/**
 * The record kinds each preset gives.
 *
 * @example presetKinds['workforce-census'] //=> ['worker', 'allocation']
 */
export const presetKinds: { readonly [P in PresetId]: readonly RecordKind[] } = {
  'annex-a': Object.keys(annexALists) as RecordKind[],
  'cin-census': cinCensusKinds,
  'workforce-census': Object.keys(workforceCensusTables) as RecordKind[],
  nccis: ['neet'],
};

/**
 * Checks a preset name and that the preset gives a kind of records.
 *
 * @param preset - the preset named.
 * @param kind - the record kind wanted.
 * @returns nothing: it returns when the value is good, and throws otherwise.
 * @throws {TypeError} for an unknown preset, or a kind the preset does not give, saying which it gives.
 * @example
 * checkPresetKind('annex-a', 'referral') //=> undefined
 * checkPresetKind('annex-a', 'neet') //=> throws TypeError 'the annex-a preset gives referral, assessment, cp-conference, cp-plan records, not "neet"'
 */
export function checkPresetKind(preset: string, kind: string): asserts preset is PresetId {
  if (!presetIds.includes(preset as PresetId)) {
    throw new TypeError(`Unknown preset ${JSON.stringify(preset)}: expected one of ${presetIds.join(', ')}`);
  }
  const kinds = presetKinds[preset as PresetId];
  if (!kinds.includes(kind as RecordKind)) {
    throw new TypeError(
      `the ${preset} preset gives ${kinds.join(', ')} records, not ${JSON.stringify(kind)}`,
    );
  }
}

/**
 * The table a preset reads a kind from: its columns and their spellings, its sheets. Undefined for the CIN census
 * (XML records, not a table) and for a kind the preset does not give.
 *
 * @param preset - the preset.
 * @param kind - the record kind.
 * @returns the table, or undefined.
 * @example
 * presetTable('annex-a', 'referral')?.label //=> 'Annex A List 3 (referrals)'
 * presetTable('cin-census', 'referral') //=> undefined
 */
export function presetTable(preset: PresetId, kind: RecordKind): TablePreset | undefined {
  if (preset === 'cin-census' || !presetKinds[preset].includes(kind)) return undefined;
  return tableOf(preset, kind);
}

/** The table a preset reads a kind from. */
function tableOf(preset: Exclude<PresetId, 'cin-census'>, kind: RecordKind): TablePreset {
  const tables: Readonly<Record<string, TablePreset>> =
    preset === 'annex-a'
      ? annexALists
      : preset === 'workforce-census'
        ? workforceCensusTables
        : { neet: nccisTable };
  return tables[kind] as TablePreset;
}

/** Checks a preset's own options before anything is read. */
function checkPresetOptions(preset: PresetId, kind: RecordKind, options: PresetReaderOptions): void {
  if (preset === 'nccis' && options.codeMap !== undefined) checkNccisCodeMap(options.codeMap);
  if (preset === 'workforce-census' && kind === 'allocation' && options.censusDate !== undefined) {
    checkCensusDate(options.censusDate);
  }
}

/**
 * The layout of a preset for one record kind: stage 4 of the reading path for the tokenizer of any format, with
 * the sheets a workbook is looked up by and, for the CIN census, where its XML records are. Rows that are not
 * records of the kind are skipped with their reason.
 *
 * @param preset - `annex-a`, `cin-census`, `workforce-census` or `nccis`.
 * @param kind - a kind the preset gives (see {@link presetKinds}).
 * @param options - `dateFormat`, `columnMap` (from a header to one of the preset's columns) and the preset
 *   options `codeMap`, `snapshotDate` (`nccis`), `censusDate` (`workforce-census` allocations; default the census
 *   XML's `ReferenceDate`).
 * @returns the layout.
 * @throws {TypeError} for an unknown preset, a kind it does not give, a code map that is not one, or a column map
 *   naming no column of the preset.
 * @throws {RangeError} for a `censusDate` that is not a 30 September.
 * @example
 * presetLayout('annex-a', 'referral').sheetNames //=> ['List 3', 'Referrals']
 */
export function presetLayout(preset: PresetId, kind: RecordKind, options: PresetReaderOptions = {}): Layout {
  checkPresetKind(preset, kind);
  checkPresetOptions(preset, kind, options);
  if (preset === 'cin-census') {
    return {
      label: `CIN census ${kind} records`,
      shape: (next) => createCinCensusShape(kind, next, options),
      skips: true,
      xml: cinCensusXmlOf(kind),
    };
  }
  const table = tableOf(preset, kind);
  // The column map is checked now, before any file is opened.
  createColumnMatcher(table, options.columnMap);
  return {
    label: table.label,
    shape: (next) => createTableShape(table, kind, next, options),
    skips: true,
    sheetNames: table.sheetNames,
    firstSheetOtherwise: table.otherSheets === 'first',
    ...(table.xml === undefined ? {} : { xml: table.xml }),
  };
}

/**
 * Creates the reader of one record kind from a table in a preset's shape, fed a header and rows (or objects).
 *
 * @deprecated Removed in 0.2.0: use {@link presetLayout} with the reading path's stages (`createShaper`,
 *   `createChecker`), or `readRecordsFile` with a `preset`. Kept for one minor version.
 * @param preset - `annex-a`, `workforce-census` or `nccis`.
 * @param kind - a kind the preset gives (see {@link presetKinds}).
 * @param options - as `parseRecords` and the preset options.
 * @returns the reader: feed it a header and rows (or objects), then call `result()`.
 * @throws {TypeError} for an unknown preset, a kind it does not give, `cin-census` (an XML file, not a table), or
 *   a code map that is not one.
 * @throws {RangeError} for a `censusDate` that is not a 30 September.
 * @example
 * const reader = createPresetReader('annex-a', 'referral');
 * reader.header(['Child Unique ID', 'Gender', 'Date of referral', 'Allocated Team'], 1);
 * reader.cells(['C1', 'Male', '02/04/2012', 'North'], 2);
 * reader.result().records //=> [{ id: 'C1@2012-04-02', childId: 'C1', referralDate: '2012-04-02', team: 'North' }]
 */
export function createPresetReader<K extends RecordKind>(
  preset: PresetId,
  kind: K,
  options: PresetReaderOptions = {},
): PresetReader<K> {
  checkPresetKind(preset, kind);
  if (preset === 'cin-census') {
    throw new TypeError(
      'the cin-census preset reads the census XML (parseCinCensusXml, or a .xml file), not a table',
    );
  }
  checkPresetOptions(preset, kind, options);
  return createTableReader(tableOf(preset, kind), kind, options);
}
