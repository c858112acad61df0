/**
 * What every command that reads records files shares (SPEC 13): `--encoding` and `--strict[=warnings]`, what a read
 * says on standard error (its issues, the encoding it detected, its rows read = accepted + rejected + skipped), and
 * the refusals: an indicator's missing columns, and under `--strict` any warning of the result.
 * @module
 */

import { type ColumnsFound, missingColumnIssues } from '../indicators/needed-columns.js';
import type { IndicatorDefinition } from '../indicators/types.js';
import type { SkippedRow } from '../presets/preset-reader.js';
import {
  formatInputIssue,
  formatResultWarning,
  type InputIssue,
  type ResultWarning,
  type TextEncoding,
  textEncodings,
} from '../records/issues.js';
import type { ParseRecordsResult } from '../records/record-reader.js';
import type { RecordKind } from '../records/schemas.js';
import { countOf } from '../util/plural.js';
import { choiceArg } from './args.js';
import { type CliIo, InputRefusedError } from './context.js';
import { reportSkipped } from './preset-args.js';

/** The flags of reading: `--encoding E` and `--strict` (or `--strict=warnings`). */
export const readingArgOptions = {
  encoding: { type: 'string' },
  strict: { type: 'switch', values: ['warnings'] },
} as const;

/**
 * The usage lines of the reading flags, their descriptions starting at `column`.
 * @param column - where the descriptions start.
 * @param encodingNote - more lines under `--encoding`, for a command where it means more. Default none.
 * @returns the lines.
 */
export function readingArgUsage(column: number, encodingNote: readonly string[] = []): string {
  const line = (flag: string, text: string) => `  ${flag}`.padEnd(column) + text;
  const more = (text: string) => ' '.repeat(column) + text;
  return [
    line('--encoding E', `${textEncodings.join(', ')}: how text files are read (default: UTF-8`),
    more('or UTF-16 by a byte-order mark, Windows-1252 when no byte is UTF-8, said on stderr; XML by'),
    more('its declaration)'),
    ...encodingNote.map(more),
    line('--strict', 'refuse (exit 1) on a rejected row, a column map key that matches no header, or a'),
    more('warning of the result (all_excluded…); --strict=warnings also on a warning on a row'),
  ].join('\n');
}

/**
 * Reads `--encoding` (in any case).
 * @param value - the text given.
 * @returns the encoding, or undefined when not given.
 * @throws {UsageError} naming the encodings when it is none of them.
 */
export function encodingFromArgs(value: string | undefined): TextEncoding | undefined {
  return choiceArg<TextEncoding>(value, textEncodings, '--encoding');
}

/** How strict a run is: not (false), on errors and result warnings (true), or on any issue (`warnings`). */
export type Strictness = boolean | 'warnings';

/**
 * Reads `--strict` / `--strict=warnings`.
 * @param value - the switch's value: true, `warnings`, or undefined when not given.
 * @returns the strictness.
 */
export function strictFromArgs(value: true | string | undefined): Strictness {
  if (value === undefined) return false;
  return value === 'warnings' ? 'warnings' : true;
}

/**
 * The flag that made a run strict, for messages: `--strict` or `--strict=warnings`.
 * @param strict - the strictness.
 * @returns the flag, or undefined when the run is not strict.
 */
export function strictFlag(strict: Strictness): string | undefined {
  if (strict === false) return undefined;
  return strict === 'warnings' ? '--strict=warnings' : '--strict';
}

/**
 * The message of an input refused: the file, how many issues and warnings, and each on its own line.
 *
 * @param file - the file refused, or undefined when the refusal is of the run (warnings of a result).
 * @param issues - the issues that refuse it.
 * @param warnings - the warnings that refuse it.
 * @param why - what refused it, in brackets after the count (`--strict`). Default none.
 * @returns the text.
 */
export function refusalText(
  file: string | undefined,
  issues: readonly InputIssue[],
  warnings: readonly ResultWarning[] = [],
  why?: string,
): string {
  const lines: string[] = [];
  for (const issue of issues) lines.push(`  ${formatInputIssue(issue)}`);
  for (const warning of warnings) lines.push(`  ${formatResultWarning(warning)}`);
  const counted = [
    issues.length > 0 ? countOf(issues.length, 'issue') : undefined,
    warnings.length > 0 ? countOf(warnings.length, 'warning') : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(' and ');
  const head = `${file === undefined ? '' : `${file}: `}input refused (${counted}${why === undefined ? '' : `, ${why}`})`;
  return [head, ...lines].join('\n');
}

/** What a read says, for {@link reportRead}. */
export type ReadToReport = Pick<
  ParseRecordsResult<RecordKind>,
  'issues' | 'accounting' | 'notice' | 'skipped'
> & { readonly skipped?: readonly SkippedRow[] };

/**
 * Says on standard error what reading a file found: the encoding it detected (a Windows-1252 export), each issue,
 * the rows read = accepted + rejected + skipped when some row was not accepted, and the skipped rows' reasons.
 *
 * @param path - the file.
 * @param read - the read result.
 * @param io - the CLI's streams.
 */
export function reportRead(path: string, read: ReadToReport, io: CliIo): void {
  if (read.notice !== undefined) io.err(`${path}: ${read.notice}\n`);
  for (const issue of read.issues) io.err(`${formatInputIssue(issue)}\n`);
  const { rowsRead, rowsAccepted, rowsRejected, rowsSkipped } = read.accounting;
  if (read.issues.length > 0 || rowsSkipped > 0) {
    io.err(
      `${path}: ${countOf(rowsRead, 'row')} read = ${rowsAccepted} accepted + ${rowsRejected} rejected (left out of every figure) + ${rowsSkipped} skipped\n`,
    );
  }
  reportSkipped(path, read.skipped, io);
}

/** A file an indicator reads, as read: its path, its result, and the records option it gives (none for its own). */
export interface IndicatorFile {
  readonly path: string;
  readonly read: Pick<ParseRecordsResult<RecordKind>, 'fieldsPresent' | 'columns' | 'warnings'>;
  /** The records option (`workers`, `referrals`) the file gives, or undefined for the indicator's own records. */
  readonly option?: string;
}

/** What a file holds, for the columns check. */
function columnsFound(file: IndicatorFile): ColumnsFound {
  return {
    file: file.path,
    fieldsPresent: file.read.fieldsPresent,
    ...(file.read.columns === undefined ? {} : { headers: file.read.columns.headers }),
  };
}

/**
 * The columns an indicator needs that its files do not have (`missing_column`), each naming the file, the field
 * and the headers found.
 *
 * @param definition - the indicator.
 * @param options - its options as given.
 * @param files - its files as read: its own first, then those of its records options.
 * @returns the issues, empty when every column is there.
 */
export function missingColumns(
  definition: IndicatorDefinition,
  options: Readonly<Record<string, unknown>>,
  files: readonly IndicatorFile[],
): InputIssue[] {
  const own = files.find((file) => file.option === undefined);
  if (own === undefined) return [];
  const records: Record<string, ColumnsFound> = {};
  for (const file of files) if (file.option !== undefined) records[file.option] = columnsFound(file);
  return missingColumnIssues(definition, options, { own: columnsFound(own), records });
}

/**
 * Refuses (exit 1) when an indicator's files lack a column it needs, naming each file, field and the headers found,
 * and the file's warnings with them (a column map key that matches no header is often why).
 *
 * @param definition - the indicator.
 * @param options - its options as given.
 * @param files - its files as read.
 * @throws {InputRefusedError} listing the missing columns.
 */
export function refuseMissingColumns(
  definition: IndicatorDefinition,
  options: Readonly<Record<string, unknown>>,
  files: readonly IndicatorFile[],
): void {
  const issues = missingColumns(definition, options, files);
  if (issues.length === 0) return;
  const byFile = new Map<string, InputIssue[]>();
  for (const issue of issues) {
    const file = issue.file ?? '';
    byFile.set(file, [...(byFile.get(file) ?? []), issue]);
  }
  const warningsOf = (path: string) => files.find((file) => file.path === path)?.read.warnings ?? [];
  throw new InputRefusedError(
    [...byFile]
      .map(([file, ofFile]) =>
        refusalText(file, ofFile, warningsOf(file), `${definition.id} cannot be computed`),
      )
      .join('\n'),
  );
}

/**
 * Under `--strict` (either form), refuses a result that has warnings: nothing is written, and each is listed.
 *
 * @param strict - the strictness.
 * @param warnings - the result's warnings (its readers' and its own).
 * @throws {InputRefusedError} when strict and there is a warning.
 */
export function refuseWarningsWhenStrict(strict: Strictness, warnings: readonly ResultWarning[]): void {
  if (strict === false || warnings.length === 0) return;
  throw new InputRefusedError(refusalText(undefined, [], warnings, strictFlag(strict)));
}
