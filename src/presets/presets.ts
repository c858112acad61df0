/**
 * Choosing a preset: which record kinds each gives, and the reader of a kind from a table in its shape.
 * @module
 */
import type { RecordKind } from '../records/schemas.js';
import { annexALists } from './annex-a.js';
import { cinCensusKinds } from './cin-census.js';
import { checkNccisCodeMap, nccisTable } from './nccis.js';
import {
  createTableReader,
  type PresetId,
  type PresetReader,
  type PresetReaderOptions,
  presetIds,
  type TablePreset,
} from './preset-reader.js';
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
 * @throws {TypeError} for an unknown preset, or a kind the preset does not give, saying which it gives.
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

/** The table a preset reads a kind from. */
function tableOf(preset: PresetId, kind: RecordKind): TablePreset {
  checkPresetKind(preset, kind);
  if (preset === 'cin-census') {
    throw new TypeError(
      'the cin-census preset reads the census XML (parseCinCensusXml, or a .xml file), not a table',
    );
  }
  const tables: Readonly<Record<string, TablePreset>> =
    preset === 'annex-a'
      ? annexALists
      : preset === 'workforce-census'
        ? workforceCensusTables
        : { neet: nccisTable };
  return tables[kind] as TablePreset;
}

/**
 * Creates the reader of one record kind from a table (a workbook sheet, CSV, JSON objects) in a preset's shape:
 * `annex-a`, `workforce-census` or `nccis`. Headers are matched ignoring case, spaces and punctuation, with each
 * preset's known spellings; the values then take the one reading path every input takes, so issues, accounting
 * and strict mode are those of a CSV file. Rows that are not records of the kind are listed in the result's
 * `skipped`.
 *
 * @param preset - `annex-a`, `workforce-census` or `nccis`.
 * @param kind - a kind the preset gives (see {@link presetKinds}).
 * @param options - as `parseRecords` (`dateFormat`, `strict`, `file`; a `columnMap` maps a header to one of the
 *   preset's columns), and `codeMap`, `snapshotDate` (`nccis`), `censusDate` (`workforce-census` allocations).
 * @returns the reader: feed it a header and rows (or objects), then call `result()`.
 * @throws {TypeError} for an unknown preset, a kind it does not give, `cin-census` (an XML file, not a table), a
 *   code map that is not one, or allocations without a `censusDate`.
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
  const table = tableOf(preset, kind);
  if (preset === 'nccis' && options.codeMap !== undefined) checkNccisCodeMap(options.codeMap);
  if (preset === 'workforce-census' && kind === 'allocation') {
    if (options.censusDate === undefined) {
      throw new TypeError(
        'censusDate: reading allocations from a workforce census needs the 30 September its Cases30 counts were taken on',
      );
    }
    checkCensusDate(options.censusDate);
  }
  return createTableReader(table, kind, options);
}
