import { type PresetFileOptions, presetForFormat } from '../node/read-preset-file.js';
import { recordFileFormatOf } from '../node/read-records-file.js';
import { type PresetId, presetIds, type SkippedRow } from '../presets/preset-reader.js';
import { checkPresetKind } from '../presets/presets.js';
import { skippedRowsLine } from '../records/issues.js';
import type { RecordKind } from '../records/schemas.js';
import { isIsoDate } from '../util/dates.js';
import { choiceArg } from './args.js';
import { type CliIo, UsageError } from './context.js';

/** The `--preset`, `--sheet` and `--snapshot-date` flags, for `parseCommandArgs`. */
export const presetArgOptions = {
  preset: { type: 'string' },
  sheet: { type: 'string' },
  'snapshot-date': { type: 'string' },
} as const;

/**
 * The usage lines of the preset flags, their descriptions starting at `column`.
 *
 * @param column - where the descriptions start, as in the rest of the command's usage.
 * @returns the lines.
 */
export function presetArgUsage(column: number): string {
  const line = (flag: string, text: string) => `  ${flag}`.padEnd(column) + text;
  const more = (text: string) => ' '.repeat(column) + text;
  return [
    line('--preset P', `read a standard shape with no column map: ${presetIds.join(', ')}`),
    more('(annex-a: .xlsx or .csv; cin-census: .xml; workforce-census, nccis: .xml, .xlsx or .csv)'),
    line('--sheet S', ".xlsx: the sheet, by name (List 3, list_3…) or number; default: the preset's"),
    more('sheet for the records (List 4 or Assessments for assessments…), else the first'),
    line(
      '--snapshot-date DATE',
      '--preset nccis: the count date of rows whose file has no column for it (an NCCIS',
    ),
    more("XML's PeriodEnd serves otherwise; NI117's one count date among the records is --count-date)"),
  ].join('\n');
}

/**
 * Reads `--preset`, `--sheet` and `--snapshot-date` into the options of `readRecordsFile`.
 *
 * @param values - the parsed flags.
 * @returns `preset`, `sheet` (a number when the flag is digits) and `snapshotDate`, when given.
 * @throws {UsageError} for an unknown preset, a blank sheet, or a `--snapshot-date` that is not a real date or is
 *   given without `--preset nccis` (it would be ignored).
 */
export function presetFromArgs(values: {
  preset?: string | undefined;
  sheet?: string | undefined;
  'snapshot-date'?: string | undefined;
}): PresetFileOptions {
  const preset = choiceArg<PresetId>(values.preset, presetIds, '--preset');
  const { sheet } = values;
  if (sheet !== undefined && sheet.trim() === '')
    throw new UsageError('--sheet: expected a sheet name or number');
  const snapshotDate = values['snapshot-date']?.trim();
  if (snapshotDate !== undefined) {
    if (preset !== 'nccis') {
      throw new UsageError(
        '--snapshot-date is the count date of an NCCIS file read with --preset nccis; for NI117 and NEET_NOT_KNOWN, --count-date chooses one count date among the records',
      );
    }
    if (!isIsoDate(snapshotDate)) {
      throw new UsageError(
        `--snapshot-date: expected a real date written YYYY-MM-DD, got ${JSON.stringify(snapshotDate)}`,
      );
    }
  }
  return {
    ...(preset === undefined ? {} : { preset }),
    ...(sheet === undefined ? {} : { sheet: /^\d+$/.test(sheet.trim()) ? Number(sheet) : sheet }),
    ...(snapshotDate === undefined ? {} : { snapshotDate }),
  };
}

/**
 * Reports on stderr the rows a preset read that are not records of the kind (one line with the count by reason).
 *
 * @param path - the file.
 * @param skipped - the rows skipped, or undefined.
 * @param io - the CLI's streams.
 */
export function reportSkipped(path: string, skipped: readonly SkippedRow[] | undefined, io: CliIo): void {
  const line = skippedRowsLine(path, skipped);
  if (line !== null) io.err(`${line}\n`);
}

/**
 * Checks, before any file is read, that a records file's format can be told from its name and that the preset
 * (given, or the CIN census for XML) reads that format and gives the kind.
 *
 * @param kind - the records wanted from the file.
 * @param path - the file.
 * @param flag - the flag that names it, for the message (`--input`).
 * @param preset - the preset given, if any.
 * @throws {UsageError} saying what does not go together.
 */
export function checkFileToRead(
  kind: RecordKind,
  path: string,
  flag: string,
  preset: PresetId | undefined,
): void {
  try {
    const used = presetForFormat(recordFileFormatOf(path), preset);
    if (used !== undefined) checkPresetKind(used, kind);
  } catch (error) {
    throw new UsageError(`${flag} ${(error as Error).message}`);
  }
}
