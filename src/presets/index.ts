/**
 * Presets: the standard shapes councils already hold (SPEC 12), read without a column map: the Ofsted Annex A
 * workbook, the CIN census XML, the workforce census and NCCIS activity codes. Browser-safe; the node entry adds
 * workbooks and files.
 * @module
 */
export { type AnnexAKind, annexALists } from './annex-a.js';
export {
  type CinCensusKind,
  cinCensusKinds,
  cinCensusXml,
  createCinCensusShape,
  parseCinCensusXml,
} from './cin-census.js';
export { type InputLayoutOptions, inputLayout, presetForFormat } from './input-layout.js';
export {
  checkNccisCodeMap,
  NCCIS_CODES_OUTSIDE_MAP,
  type NccisCodeMap,
  type NccisCodeRange,
  nccisActivityCode,
  nccisCodeMap,
  nccisStatusOf,
  nccisTable,
  nccisXml,
} from './nccis.js';
export {
  createTableReader,
  eventId,
  isYes,
  type PresetColumn,
  type PresetId,
  type PresetOptions,
  type PresetReader,
  type PresetReaderOptions,
  type PresetReadResult,
  presetIds,
  type RowContext,
  type RowOutcome,
  type RowValues,
  type SkippedRow,
  type SkipReason,
  type TablePreset,
} from './preset-reader.js';
export { checkPresetKind, createPresetReader, presetKinds, presetLayout, presetTable } from './presets.js';
export {
  type InputRead,
  type InputSample,
  type InputShape,
  inputShapes,
  type RecogniseOptions,
  type Recognition,
  recogniseInput,
  SAMPLE_BYTES,
  type ShapeColumn,
  sampleText,
  sampleWorkbook,
} from './recognise.js';
export { type ColumnMatch, createColumnMatcher, createTableShape } from './table-shape.js';
export {
  allocationsFromCases30,
  type Cases30Count,
  type Cases30Options,
  checkCensusDate,
  type WorkforceCensusKind,
  workforceCensusTables,
  workforceCensusXml,
  workforceOrgRoles,
  workforceRoleOf,
} from './workforce-census.js';
