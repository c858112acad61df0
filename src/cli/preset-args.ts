import type { PresetFileOptions } from '../node/read-preset-file.js';
import { type PresetId, presetIds, type SkippedRow } from '../presets/preset-reader.js';
import { type CliIo, UsageError } from './context.js';

/** The `--preset` and `--sheet` flags, for `parseCommandArgs`. */
export const presetArgOptions = {
  preset: { type: 'string' },
  sheet: { type: 'string' },
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
  ].join('\n');
}

/**
 * Reads `--preset` and `--sheet` into the options of `readRecordsFile`.
 *
 * @param values - the parsed flags.
 * @returns `preset` and `sheet` (a number when the flag is digits), when given.
 * @throws {UsageError} for an unknown preset or a blank sheet.
 */
export function presetFromArgs(values: { preset?: string; sheet?: string }): PresetFileOptions {
  const { preset, sheet } = values;
  if (preset !== undefined && !presetIds.includes(preset as PresetId)) {
    throw new UsageError(`--preset: expected one of ${presetIds.join(', ')}, got ${JSON.stringify(preset)}`);
  }
  if (sheet !== undefined && sheet.trim() === '')
    throw new UsageError('--sheet: expected a sheet name or number');
  return {
    ...(preset === undefined ? {} : { preset: preset as PresetId }),
    ...(sheet === undefined ? {} : { sheet: /^\d+$/.test(sheet.trim()) ? Number(sheet) : sheet }),
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
  if (skipped === undefined || skipped.length === 0) return;
  const byReason = new Map<string, number>();
  for (const row of skipped) byReason.set(row.reason, (byReason.get(row.reason) ?? 0) + 1);
  const reasons = [...byReason].map(([reason, count]) => `${reason} ${count}`).join(', ');
  io.err(
    `${path}: ${skipped.length} row${skipped.length === 1 ? '' : 's'} skipped, not records of the kind (${reasons})\n`,
  );
}
