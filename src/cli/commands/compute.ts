import { statSync } from 'node:fs';
import {
  CALENDAR_RANGE,
  type Calendar,
  coverWords,
  takeDaysAsked,
  unusedClosures,
} from '../../calendar/index.js';
import { type DayCount, dayCountOf } from '../../indicators/from-days.js';
import {
  type Breakdown,
  type BreakdownKey,
  computeBreakdown,
  type IndicatorId,
  type IndicatorResult,
  indicatorIds,
  roundingModes,
} from '../../indicators/index.js';
import type { IndicatorDefinition, OutcomeSink, RecordOutcome } from '../../indicators/types.js';
import type { ReadRecordsFileResult } from '../../node/read-preset-file.js';
import {
  type ReadRecordsFileOptions,
  readRecordsFileBy,
  recordFileFormatOf,
} from '../../node/read-records-file.js';
import { type Period, parsePeriod } from '../../periods/index.js';
import type { AcceptedStream } from '../../records/check.js';
import { type DateFormat, dateFormats } from '../../records/dates.js';
import { type DayColumns, NO_DAY } from '../../records/day-columns.js';
import { type ColumnMap, createFieldResolver } from '../../records/headers.js';
import {
  formatResultWarning,
  InputError,
  type InputIssue,
  type InputSummary,
  type ResultWarning,
  type TextEncoding,
} from '../../records/issues.js';
import { createKeyNumbering, type KeyNumbering } from '../../records/keys.js';
import type { DayColumnsOption, DayColumnsResult } from '../../records/read-source.js';
import type { RejectedKey } from '../../records/record-reader.js';
import type { RecordKind } from '../../records/schemas.js';
import { escapeControlCharacters } from '../../util/control-characters.js';
import { csvLine } from '../../util/csv-write.js';
import { fromDayNumber, toDayNumber } from '../../util/dates.js';
import { didYouMean } from '../../util/nearest.js';
import { countOf } from '../../util/plural.js';
import { alignedTable } from '../../util/text-table.js';
import { choiceArg, type FlagValues, noMorePositionals, parseCommandArgs } from '../args.js';
import {
  calendarArgOptions,
  calendarArgUsage,
  calendarFromArgs,
  conventionFromArgs,
  refuseUncoveredPeriod,
} from '../calendar-args.js';
import { readColumnMap } from '../column-map.js';
import {
  type CliCommand,
  type CliIo,
  clearProgress,
  InputRefusedError,
  KEEP_RECORDS_VARIABLE,
  showProgress,
  UsageError,
} from '../context.js';
import {
  definitions,
  indicatorFlagSpecs,
  indicatorNamedIn,
  indicatorOptionUsage,
  inFlagWords,
  readIndicatorArgs,
  wrap,
} from '../indicator-args.js';
import {
  checkOutputs,
  type OutputTarget,
  openOutputWriter,
  outputFromArgs,
  type RunInput,
  writeOutput,
} from '../output.js';
import { checkFileToRead, presetArgOptions, presetArgUsage, presetFromArgs } from '../preset-args.js';
import {
  encodingFromArgs,
  type IndicatorFile,
  readingArgOptions,
  readingArgUsage,
  refusalText,
  refuseMissingColumns,
  refuseWarningsWhenStrict,
  reportRead,
  type Strictness,
  strictFlag,
  strictFromArgs,
} from '../reading.js';
import { summaryOf } from './list.js';

const COLUMN = 22;

function usageOf(chosen: readonly IndicatorDefinition[]): string {
  const own = chosen.length === 1 ? chosen : definitions;
  const inputLines = own
    .filter(
      (definition) => definition.input !== undefined || definition.options.some((o) => o.type === 'records'),
    )
    .map((definition) => {
      const main = `--${definition.input?.flag ?? 'input'} FILE`;
      const records = definition.options
        .filter((option) => option.type === 'records' && option.flag !== undefined)
        .map((option) => `--${option.flag} FILE`);
      const period = definition.needsPeriod === undefined ? '' : ' --period P';
      return `       cs-indicators compute ${definition.id} ${[main, ...records].join(' ')}${period}`;
    });
  const named = chosen.length === 1 ? (chosen[0] as IndicatorDefinition) : undefined;
  const what =
    named === undefined ? `one indicator (${indicatorIds.join(', ')})` : `${named.id} (${named.title})`;
  return `Usage: cs-indicators compute ${named?.id ?? '<INDICATOR>'} --input FILE [options]
${inputLines.join('\n')}

${wrap(`Computes ${what} from a records file (CSV, JSON array, NDJSON, Excel workbook or CIN census XML, by extension) and prints the result. Rows with issues are left out, reported on stderr and counted in the result. Every argument is checked before any file is read.`, 110, 0)}

Options:
  --period P          month 2010-06, quarter 2010-Q2, FY2010 or 2010/11, AY2010, 2010-10..2011-03, or
                      2010-10-01..2011-03-31, within 1990 to 2100 (default: the whole months spanning the
                      records' event dates)
  --format F          json (default), csv or table; without it, the ending of --out FILE chooses (.csv, .txt)
  --out FILE          write the result to FILE (default -, standard output); never one of the inputs
${calendarArgUsage}
  --map FILE          a JSON column map {"Their header": "canonicalField"}
${presetArgUsage(COLUMN)}
                      (--sheet applies to --input; CASELOAD --preset workforce-census reads Cases30 on
                      30 September from --workers, and needs no --allocations)
  --date-format F     ${dateFormats.join(', ')} (default auto: YYYY-MM-DD or DD/MM/YYYY)
  --decimal-places N  display rounding places, 0 to 20 (default 1)
  --rounding M        display rounding mode: ${roundingModes.join(', ')} (default half-up)
  --by G              team, worker or month: one result per group
  --audit FILE        write one line per row (in the population or why not, days, deadline; rejected and
                      skipped rows too) as CSV; for NI59, NI60 and CAF2W the input is read a second time for it,
                      and refused if it changed meanwhile
${readingArgUsage(COLUMN)}

${named === undefined ? 'Indicator options (see `cs-indicators compute <INDICATOR> --help` for one indicator):' : `${named.id}'s options:`}
${indicatorOptionUsage(own, COLUMN).join('\n') || '  none: only those above'}

Exit codes: 0 done (rejected rows still exit 0), 1 input refused or an output that cannot be written, 2 usage
error (also an output that would overwrite an input), 70 internal error (set CSI_DEBUG=1 to see where).
CSI_KEEP_RECORDS=1 keeps every record whole, where NI59, NI60 and CAF2W keep only their dates: the same figure
by a second way, to check one against the other.
`;
}

/**
 * The flags of reading and computing an indicator, which `compute` and `spc` share: the input files, the period, the
 * calendar, the column map, dates, rounding, strict mode, the output, and every indicator's own options (derived
 * from their declarations).
 */
export const computeArgOptions = {
  ...calendarArgOptions,
  ...presetArgOptions,
  ...indicatorFlagSpecs(),
  input: { type: 'string' },
  period: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  map: { type: 'string' },
  'date-format': { type: 'string' },
  'decimal-places': { type: 'string' },
  rounding: { type: 'string' },
  ...readingArgOptions,
} as const;

/** The values of the shared flags, as `parseCommandArgs` reads them. */
export type ComputeArgValues = FlagValues<typeof computeArgOptions>;

const flags = {
  ...computeArgOptions,
  by: { type: 'string' },
  audit: { type: 'string' },
} as const;

/** A whole number flag from `min` to `max`. */
function wholeNumber(value: string | undefined, flag: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  if (!(number <= max)) {
    throw new UsageError(`${flag}: expected a whole number from 0 to ${max}, got ${JSON.stringify(value)}`);
  }
  return number;
}

/**
 * A period flag, read.
 * @param value - the text given.
 * @param flag - the flag, for the message.
 * @returns the period.
 * @throws {UsageError} saying what was expected.
 */
export function periodArg(value: string, flag: string): Period {
  let period: Period;
  try {
    period = parsePeriod(value);
  } catch (error) {
    throw new UsageError(`${flag}: ${(error as Error).message}`);
  }
  // A period the calendar does not cover could hold no record whose dates can be counted: refused, not n/a.
  if (period.start < CALENDAR_RANGE.start || period.end > CALENDAR_RANGE.end) {
    throw new UsageError(
      `${flag}: ${JSON.stringify(value)} (${period.start} to ${period.end}) is outside the calendar's range, ${CALENDAR_RANGE.start} to ${CALENDAR_RANGE.end}: give a period within it`,
    );
  }
  return period;
}

/** How the event dates of a file's records fall about a period: before it, after it, and the nearest of each. */
interface PeriodSides {
  before: number;
  after: number;
  /** The latest event date before the period. */
  latestBefore?: string;
  /** The earliest event date after it. */
  earliestAfter?: string;
}

/**
 * Counts the records whose event date (`field`) falls before and after the period, from the records or from their
 * day columns.
 */
function periodSidesOf(
  field: string,
  period: { readonly start: string; readonly end: string },
  records: readonly Record<string, unknown>[],
  columns: DayColumns | undefined,
): PeriodSides {
  const start = toDayNumber(period.start);
  const end = toDayNumber(period.end);
  const sides: PeriodSides = { before: 0, after: 0 };
  let latestBefore = Number.NEGATIVE_INFINITY;
  let earliestAfter = Number.POSITIVE_INFINITY;
  const place = (day: number): void => {
    if (day < start) {
      sides.before++;
      if (day > latestBefore) latestBefore = day;
    } else if (day > end) {
      sides.after++;
      if (day < earliestAfter) earliestAfter = day;
    }
  };
  if (columns !== undefined) {
    const days = columns.days(field);
    for (let index = 0; index < columns.count; index++) {
      const day = days[index] as number;
      if (day !== NO_DAY) place(day);
    }
  } else {
    for (const record of records) {
      const date = record[field];
      if (typeof date === 'string') place(toDayNumber(date));
    }
  }
  if (sides.before > 0) sides.latestBefore = fromDayNumber(latestBefore);
  if (sides.after > 0) sides.earliestAfter = fromDayNumber(earliestAfter);
  return sides;
}

/**
 * The warning of a figure none of whose records is in the period asked for (`none_in_period`), when its records
 * place themselves in a period by an event date (not the workforce's and CASELOAD's, whose records are in post or
 * open on a date): how many fall before the period and how many after it, with the nearest of each, so that a
 * period given wrongly is seen as the cause of the n/a rather than the data or the column map.
 *
 * @param definition - the indicator: its id, record kind and event date field.
 * @param result - its result.
 * @param records - the records it was computed from (none when `columns` holds them).
 * @param columns - the records as day columns, when they were kept so.
 * @returns the warning, or none when some record is in the population or none is outside the period.
 */
function noneInPeriodWarnings(
  definition: IndicatorDefinition,
  result: IndicatorResult,
  records: readonly Record<string, unknown>[],
  columns: DayColumns | undefined,
): ResultWarning[] {
  const { counts, period } = result;
  if (counts.inPopulation > 0 || counts.notInPeriod === 0) return [];
  if (definition.recordKind === 'worker' || definition.recordKind === 'allocation') return [];
  const field = definition.eventDate;
  const sides = periodSidesOf(field, period, records, columns);
  const parts = [
    `${sides.before} before it${sides.latestBefore === undefined ? '' : ` (the latest ${sides.latestBefore})`}`,
    `${sides.after} after it${sides.earliestAfter === undefined ? '' : ` (the earliest ${sides.earliestAfter})`}`,
  ];
  const others = counts.recordsRead - counts.notInPeriod;
  return [
    {
      code: 'none_in_period',
      message: `${definition.id} has no figure for ${period.label} (${period.start} to ${period.end}): of the ${countOf(counts.recordsRead, 'record')} read, none has its ${field} in the period: ${parts.join(', ')}${others > 0 ? `, and ${others} ${others === 1 ? 'is' : 'are'} excluded for another reason` : ''}. Check --period`,
    },
  ];
}

/** A file to read: its kind, path and flag, and whether `--sheet` and a census date apply to it. */
interface FileToRead {
  readonly kind: RecordKind;
  readonly path: string;
  readonly flag: string;
  readonly main: boolean;
}

/**
 * How every file of the run is read: the column map, date format, encoding, preset, sheet, census date, strict
 * mode.
 */
interface ReadSettings {
  readonly columnMap: ColumnMap | undefined;
  readonly dateFormat: DateFormat | undefined;
  readonly encoding: TextEncoding | undefined;
  readonly preset: ReturnType<typeof presetFromArgs>;
  readonly censusDate: string | undefined;
  readonly strict: Strictness;
  /** The run's numbering of child ids, when the indicator joins records by child. */
  readonly childNumbering: KeyNumbering | undefined;
  /** The date fields the main file's records are kept as, by day, when only a count of them is asked for. */
  readonly dayColumns: readonly string[] | undefined;
  /** The text field kept beside them for a breakdown (`team`, `workerId`). */
  readonly dayGroup: string | undefined;
  /** Whether the main file's read lists the keys of its rejected rows, for the audit. */
  readonly keysOfRejected: boolean;
}

/** One file read: the file and what its reader gave (the records, and its `input` summary for `inputs`). */
interface FileRead<K extends RecordKind = RecordKind> {
  readonly file: FileToRead;
  readonly result: ReadRecordsFileResult<K> & DayColumnsResult<K>;
}

/**
 * How a file is read, as the run's settings say: column map, date format, encoding (not of a workbook), preset,
 * sheet, census date, snapshot date. The same for every read of the file.
 */
function readOptionsOf(file: FileToRead, settings: ReadSettings): ReadRecordsFileOptions {
  const workbook = recordFileFormatOf(file.path) === 'xlsx';
  return {
    ...(settings.columnMap ? { columnMap: settings.columnMap } : {}),
    ...(settings.dateFormat ? { dateFormat: settings.dateFormat } : {}),
    ...(settings.encoding !== undefined && !workbook ? { encoding: settings.encoding } : {}),
    ...(settings.preset.preset ? { preset: settings.preset.preset } : {}),
    ...(settings.preset.sheet !== undefined && file.main ? { sheet: settings.preset.sheet } : {}),
    ...(settings.censusDate !== undefined && file.kind === 'allocation'
      ? { censusDate: settings.censusDate }
      : {}),
    ...(settings.preset.snapshotDate !== undefined && file.main
      ? { snapshotDate: settings.preset.snapshotDate }
      : {}),
    ...(settings.keysOfRejected && file.main ? { keysOfRejected: true } : {}),
  };
}

/**
 * Reads one records file, saying on stderr what reading found (the encoding detected, rejected and skipped rows);
 * refuses (exit 1) when it cannot be used.
 */
async function readFile(file: FileToRead, settings: ReadSettings, io: CliIo): Promise<FileRead> {
  const { path } = file;
  const workbook = recordFileFormatOf(path) === 'xlsx';
  if (settings.encoding !== undefined && workbook) {
    io.err(`${path}: a workbook, whose text is not read in an encoding: --encoding does not apply to it\n`);
  }
  let result: ReadRecordsFileResult<RecordKind> & DayColumnsResult<RecordKind>;
  const dayColumns: DayColumnsOption =
    settings.dayColumns !== undefined && file.main
      ? {
          dayColumns: settings.dayColumns,
          ...(settings.dayGroup === undefined ? {} : { dayGroup: settings.dayGroup }),
        }
      : {};
  try {
    const options: ReadRecordsFileOptions = {
      ...readOptionsOf(file, settings),
      strict: settings.strict,
      ...(settings.childNumbering === undefined ? {} : { childNumbering: settings.childNumbering }),
      ...(io.errIsTty ? { onProgress: (rows: number) => showProgress(io, path, rows) } : {}),
    };
    result = await readRecordsFileBy(file.kind, path, options, { keep: dayColumns });
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputRefusedError(
        refusalText(path, error.issues, error.warnings, strictFlag(settings.strict)),
      );
    }
    throw error;
  } finally {
    if (io.errIsTty) clearProgress(io);
  }
  if (!result.readable) throw new InputRefusedError(refusalText(path, result.issues));
  reportRead(path, result, io);
  return { file, result };
}

/** Whether `path` is a file that can be read again from its start (not a pipe, a folder or missing). */
function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads a file again as it was read, handing on the records of the rows that read accepted (see `streamAccepted`
 * of `check.ts`): no issue reported again, none refused (the first read said them), nothing kept.
 */
async function rereadAccepted(
  file: FileToRead,
  settings: ReadSettings,
  stream: AcceptedStream,
): Promise<InputSummary> {
  const read = await readRecordsFileBy(file.kind, file.path, readOptionsOf(file, settings), {
    keep: { streamAccepted: stream },
  });
  return read.input;
}

/**
 * The 30 September a workforce census's Cases30 counts are read on: `--snapshot`, else the period's end.
 * @throws {UsageError} when that is not a 30 September.
 */
function censusDateOf(snapshot: unknown, period: Period | undefined): string {
  const date = typeof snapshot === 'string' ? snapshot : period?.end;
  if (date === undefined || !date.endsWith('-09-30')) {
    throw new UsageError(
      `--preset workforce-census reads Cases30, the cases each worker held on 30 September, and the workers in post that day: give a --period ending on 30 September (or, for CASELOAD, --snapshot YYYY-09-30); a census XML says its own date. Got ${date ?? 'none'}`,
    );
  }
  return date;
}

/** The default period: the whole months from the earliest to the latest event date of the records. */
function spanOf(records: readonly Record<string, unknown>[], field: string): Period {
  let first: string | undefined;
  let last: string | undefined;
  for (const record of records) {
    const date = record[field];
    if (typeof date !== 'string') continue;
    if (first === undefined || date < first) first = date;
    if (last === undefined || date > last) last = date;
  }
  if (first === undefined || last === undefined) {
    throw new UsageError(`--period is needed: no record has a ${field} to take the period from`);
  }
  return parsePeriod(`${first.slice(0, 7)}..${last.slice(0, 7)}`);
}

/** The rule in one cell: `timescale=7 working days; convention=after-start`. */
function ruleText(result: IndicatorResult): string {
  return Object.entries(result.rule)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join('; ');
}

const AUDIT_COLUMNS = [
  'indicator',
  'id',
  'row',
  'bucket',
  'in_population',
  'counted',
  'reason',
  'start_date',
  'event_date',
  'days',
  'deadline',
  'on_time',
  'team',
  'worker_id',
  'period_start',
  'period_end',
  'rule',
  'convention',
  'calendar_id',
  'calendar_fingerprint',
  'input_file',
  'input_sha256',
  'input_encoding',
] as const;

/** The rows of the main input that are not records: rejected (with their issues) and skipped (with the reason). */
export interface AuditRows {
  readonly issues: readonly InputIssue[];
  readonly skipped?: readonly { readonly row: number; readonly reason: string }[];
  /** The id of each rejected row whose id was read (see {@link auditIdsOf}), by row. */
  readonly ids?: ReadonlyMap<number, string>;
}

/**
 * The audit's id of each rejected row whose key was read, by row: written as the outcomes of its kind write theirs
 * (a record's `id`; `personId@snapshotDate` for `neet`; `caseId/workerId/allocatedFrom` for `allocation`), so that a
 * rejected row is found by the same id as an accepted one.
 *
 * @param kind - the record kind read.
 * @param keys - the read's `rejectedKeys`.
 * @returns the ids by row.
 * @example auditIdsOf('neet', [{ row: 3, key: ['P1', '2010-11-30'] }]).get(3) //=> 'P1@2010-11-30'
 */
export function auditIdsOf(kind: RecordKind, keys: readonly RejectedKey[] = []): ReadonlyMap<number, string> {
  const separator = kind === 'neet' ? '@' : kind === 'allocation' ? '/' : ', ';
  return new Map(keys.map(({ row, key }) => [row, key.join(separator)]));
}

/**
 * The audit file: one line per row of the input, so that the file alone explains the figure. Each record's outcome
 * (its bucket, reason, days and deadline), each rejected row (bucket `rejected`, its issue codes and fields) and each
 * skipped row (bucket `skipped`, its reason), in row order; and on every line the indicator, the period, the rule,
 * the convention, the calendar's id and fingerprint, and the input file with its SHA-256 and encoding (the result's
 * first input). Its lines are as many as the input's rows read: accepted + rejected + skipped.
 *
 * @param result - the result, with its outcomes.
 * @param rows - the rejected and skipped rows of the input, when known.
 * @returns the CSV text.
 */
export function auditCsv(result: IndicatorResult, rows: AuditRows = { issues: [] }): string {
  let text = '';
  for (const line of auditLines(result, rows)) text += line;
  return text;
}

/**
 * The lines of {@link auditCsv}, each ended by a newline, made one at a time as they are asked for. The outcomes
 * are taken in row order (they come in it; an index sorted by row when they do not), merged with the rejected and
 * skipped rows.
 *
 * @param result - the result, with its outcomes.
 * @param rows - the rejected and skipped rows of the input, when known.
 * @returns the header line, then one line per row.
 */
export function* auditLines(result: IndicatorResult, rows: AuditRows = { issues: [] }): Generator<string> {
  const outcomes = result.outcomes ?? [];
  const rowOf = (index: number) => outcomes[index]?.row ?? Number.POSITIVE_INFINITY;
  let order: number[] | undefined;
  for (let i = 1; i < outcomes.length; i++) {
    if (rowOf(i) < rowOf(i - 1)) {
      // Stable: equal rows keep their order.
      order = Array.from(outcomes, (_, index) => index).sort((a, b) => rowOf(a) - rowOf(b) || a - b);
      break;
    }
  }
  const pending: string[] = [];
  const writer = createAuditWriter(result, rows, (line) => pending.push(line));
  yield* pending.splice(0);
  for (let k = 0; k < outcomes.length; k++) {
    const o = outcomes[order === undefined ? k : (order[k] as number)];
    if (o === undefined) continue;
    writer.outcome(o);
    yield* pending.splice(0);
  }
  writer.end();
  yield* pending.splice(0);
}

/** Writes the audit file's lines as the outcomes come (see {@link createAuditWriter}). */
export interface AuditWriter {
  /** Writes the rejected and skipped rows before this record's row, then its line. Outcomes come in row order. */
  outcome(outcome: RecordOutcome): void;
  /** Writes the rejected and skipped rows after the last record's. */
  end(): void;
}

/**
 * The audit file of {@link auditCsv}, written line by line as each record's outcome comes (an indicator's
 * `onOutcome`), so that neither the outcomes nor the file's text are ever held (at 3 × 10^6 rows they were about
 * two gigabytes). The header is written at once; the rejected and skipped rows are merged in by row number.
 *
 * @param result - the result the lines explain: its period, rule, calendar and first input are on every line.
 * @param rows - the rejected and skipped rows of the input, when known.
 * @param write - takes each line, ended by a newline, in order.
 * @returns the writer: give it the outcomes in row order, then call `end`.
 * @throws {Error} from `outcome` when an outcome comes before the row of one already written (a bug in the caller:
 *   outcomes out of row order must go through {@link auditLines}, which sorts them).
 */
export function createAuditWriter(
  result: IndicatorResult,
  rows: AuditRows,
  write: (line: string) => void,
): AuditWriter {
  const context = [
    result.period.start,
    result.period.end,
    ruleText(result),
    typeof result.rule.convention === 'string' ? result.rule.convention : 'none (no working days counted)',
    result.calendar.id,
    result.calendar.fingerprint,
    result.inputs?.[0]?.file ?? '',
    result.inputs?.[0]?.sha256 ?? '',
    result.inputs?.[0]?.encoding ?? '',
  ];
  // One line per rejected row, however many issues it has; file-level issues (row 0) reject no row of their own.
  const rejected = new Map<number, string[]>();
  for (const issue of rows.issues) {
    if (issue.row <= 0) continue;
    const reasons = rejected.get(issue.row) ?? [];
    reasons.push(`${issue.code}${issue.field === null ? '' : ` ${issue.field}`}`);
    rejected.set(issue.row, reasons);
  }
  const others: { row: number; bucket: string; reason: string; id?: string }[] = [];
  for (const [row, reasons] of rejected) {
    others.push({ row, bucket: 'rejected', reason: reasons.join('; '), id: rows.ids?.get(row) ?? '' });
  }
  for (const skipped of rows.skipped ?? []) {
    others.push({ row: skipped.row, bucket: 'skipped', reason: skipped.reason });
  }
  others.sort((a, b) => a.row - b.row);

  write(`${csvLine(AUDIT_COLUMNS)}\n`);
  let next = 0;
  let lastRow = Number.NEGATIVE_INFINITY;
  return {
    outcome(o) {
      const row = o.row ?? Number.POSITIVE_INFINITY;
      if (row < lastRow) {
        throw new Error(
          `audit: the outcome of row ${row} came after row ${lastRow}; outcomes must come in row order`,
        );
      }
      lastRow = row;
      // A rejected or skipped row before this record's comes first; on the same row, the record's line first.
      for (let other = others[next]; other !== undefined && other.row < row; other = others[++next]) {
        write(otherLine(result.indicator, other, context));
      }
      const inPopulation = o.bucket === 'counted' || o.bucket === 'not-counted';
      write(
        `${csvLine([
          result.indicator,
          o.id,
          o.row,
          o.bucket,
          inPopulation,
          o.bucket === 'counted',
          o.reason,
          o.startDate,
          o.eventDate,
          o.days,
          o.deadline,
          o.onTime,
          o.team,
          o.workerId,
          ...context,
        ])}\n`,
      );
    },
    end() {
      for (; next < others.length; next++) {
        const other = others[next];
        if (other !== undefined) write(otherLine(result.indicator, other, context));
      }
    },
  };
}

/** The audit line of a rejected or skipped row. */
function otherLine(
  indicator: string,
  other: { row: number; bucket: string; reason: string; id?: string },
  context: readonly string[],
): string {
  return `${csvLine([indicator, other.id ?? '', other.row, other.bucket, false, false, other.reason, '', '', '', '', '', '', '', ...context])}\n`;
}

/** The result as JSON: outcomes go to the audit file, not stdout. */
function jsonOf(result: IndicatorResult): Omit<IndicatorResult, 'outcomes'> {
  const { outcomes: _outcomes, ...rest } = result;
  return rest;
}

const CSV_COLUMNS = [
  'indicator',
  'group',
  'period_start',
  'period_end',
  'period_label',
  'numerator',
  'denominator',
  'value',
  'display',
  'rule',
  'calendar_id',
  'calendar_fingerprint',
  'records_read',
  'in_population',
  'counted',
  'not_in_period',
  'excluded',
  'rows_read',
  'rows_accepted',
  'rows_rejected',
  'rows_skipped',
  'warnings',
] as const;

/** The rows of the inputs, summed: read, accepted, rejected and skipped. */
function rowsOf(inputs: readonly InputSummary[] | undefined): {
  read: number;
  accepted: number;
  rejected: number;
  skipped: number;
} {
  let read = 0;
  let accepted = 0;
  let rejected = 0;
  let skipped = 0;
  for (const input of inputs ?? []) {
    read += input.rowsRead;
    accepted += input.rowsAccepted;
    rejected += input.rowsRejected;
    skipped += input.rowsSkipped;
  }
  return { read, accepted, rejected, skipped };
}

function csvRow(result: IndicatorResult, group: string): string {
  const excluded = Object.entries(result.counts.excluded)
    .map(([reason, n]) => `${reason}=${n}`)
    .join('; ');
  const rows = result.inputs === undefined ? undefined : rowsOf(result.inputs);
  return csvLine([
    result.indicator,
    group,
    result.period.start,
    result.period.end,
    result.period.label,
    result.numerator,
    result.denominator,
    result.value === null ? '' : result.value.toString(),
    result.display,
    ruleText(result),
    result.calendar.id,
    result.calendar.fingerprint,
    result.counts.recordsRead,
    result.counts.inPopulation,
    result.counts.counted,
    result.counts.notInPeriod,
    excluded,
    rows?.read,
    rows?.accepted,
    rows?.rejected ?? result.counts.rowsRejected,
    rows?.skipped,
    result.warnings.map((warning) => warning.code).join('; '),
  ]);
}

/** Lines of a two-column table, every cell's control characters escaped. */
function twoColumns(rows: readonly (readonly [string, string])[]): string {
  return `${rows.map(([k, v]) => `${k.padEnd(10)}  ${escapeControlCharacters(v)}`).join('\n')}\n`;
}

/**
 * One line per input for a table: `ia.csv: 11 rows read = 10 accepted + 1 rejected + 0 skipped (utf-8, sha256 …)`.
 * @param inputs - the summaries of the files read.
 * @returns a row per input, labelled `Input`.
 */
export function inputRows(inputs: readonly InputSummary[] | undefined): [string, string][] {
  return (inputs ?? []).map((input) => [
    'Input',
    `${input.file}: ${countOf(input.rowsRead, 'row')} read = ${input.rowsAccepted} accepted + ${input.rowsRejected} rejected + ${input.rowsSkipped} skipped (${input.encoding}, sha256 ${input.sha256.slice(0, 12)}…)`,
  ]);
}

function tableOf(result: IndicatorResult): string {
  const { counts } = result;
  const excluded = Object.entries(counts.excluded);
  let excludedTotal = 0;
  for (const [, n] of excluded) excludedTotal += n;
  const rows: [string, string][] = [
    ['Indicator', `${result.indicator}: ${result.title}`],
    ['Period', `${result.period.label} (${result.period.start} to ${result.period.end})`],
    [
      'Value',
      result.unit === 'count'
        ? result.display
        : `${result.display} (${result.numerator} of ${result.unit === 'cases-per-fte' ? `${result.denominator} FTE` : result.denominator})`,
    ],
    [
      'Rule',
      Object.entries(result.rule)
        .map(([k, v]) => `${k} ${String(v)}`)
        .join(', '),
    ],
    ['Calendar', `${result.calendar.id} (${result.calendar.fingerprint})${coverWords(result.calendar)}`],
    ...inputRows(result.inputs),
    [
      'Records',
      `${counts.recordsRead} read: ${counts.inPopulation} in the population (${counts.counted} counted, ${counts.notCounted} not), ${counts.notInPeriod} not in the period, ${excludedTotal} excluded`,
    ],
  ];
  for (const [reason, n] of excluded) rows.push(['  excluded', `${reason}: ${n}`]);
  if (counts.rowsRejected !== undefined)
    rows.push(['Rejected', `${countOf(counts.rowsRejected, 'row')} with issues (listed on stderr)`]);
  if (result.baseline) {
    rows.push([
      'Baseline',
      `${result.baseline.period.label}: ${result.baseline.numerator}, change ${result.baseline.changeDisplay}`,
    ]);
  }
  for (const warning of result.warnings) rows.push(['Warning', formatResultWarning(warning)]);
  return twoColumns(rows);
}

function breakdownTable(breakdown: Breakdown): string {
  const header = [breakdown.by === 'workerId' ? 'worker' : breakdown.by, 'numerator', 'denominator', 'value'];
  const body = [
    ...breakdown.groups.map((g) => [
      escapeControlCharacters(g.key),
      String(g.result.numerator),
      String(g.result.denominator),
      g.result.display,
    ]),
    [
      'Total',
      String(breakdown.total.numerator),
      String(breakdown.total.denominator),
      breakdown.total.display,
    ],
  ];
  const { total } = breakdown;
  const lines = [
    escapeControlCharacters(`${total.indicator}: ${total.title}, ${total.period.label}, by ${header[0]}`),
    ...alignedTable([header, ...body], { align: (i) => (i === 0 ? 'left' : 'right') }),
    `Calendar ${total.calendar.id} (${total.calendar.fingerprint})${coverWords(total.calendar)}; ${countOf(total.counts.recordsRead, 'record')} read`,
  ];
  for (const [label, text] of inputRows(total.inputs))
    lines.push(escapeControlCharacters(`${label}: ${text}`));
  lines.push('');
  return lines.join('\n');
}

/** Finds the indicator named, suggesting the nearest id for a typo. */
function definitionOf(name: string): IndicatorDefinition {
  const found = definitions.find((definition) => definition.id.toLowerCase() === name.toLowerCase());
  if (found === undefined) {
    throw new UsageError(
      `unknown indicator ${JSON.stringify(name)}${didYouMean(name, indicatorIds)}: expected one of ${indicatorIds.join(', ')}`,
    );
  }
  return found;
}

/** What `compute` and `spc` share: the indicator, its files as read, the period and the options to compute with. */
export interface PreparedComputation {
  readonly definition: IndicatorDefinition;
  /** The `--period`, or the whole months spanning the records' event dates. */
  readonly period: Period;
  /** The main input as read (for CASELOAD, the allocations). */
  readonly main: ReadRecordsFileResult<RecordKind>;
  /** Every file read, the main input first, each with its reader's `input` summary. */
  readonly inputs: readonly InputSummary[];
  /** The warnings of reading them (a column map key that matches no header), for the result's `warnings`. */
  readonly warnings: readonly ResultWarning[];
  /** `--strict`: false, true (errors and result warnings refuse) or `warnings` (any issue refuses). */
  readonly strict: Strictness;
  /** The options to compute with: the indicator's own, calendar, convention, rounding, other files' records. */
  readonly computeOptions: Record<string, unknown>;
  /**
   * When what is asked for can be made from days (the figure, a breakdown, an audit to a file) and the indicator is
   * counted from two dates of its records (NI 59, NI 60, CAF2W): the main file's records held as those days
   * (`main.records` is then empty), the count, and a second read for the audit.
   */
  readonly byDays?: {
    readonly columns: DayColumns;
    readonly count: DayCount;
    /**
     * Reads the main file again, handing on the records of the rows accepted (`--audit`: each record's outcome
     * written as it comes, none kept); gives the second read's input summary, to check the file is the same.
     */
    readonly reread: (stream: AcceptedStream) => Promise<InputSummary>;
  };
}

/**
 * Checks every argument of `compute` or `spc` before any file is read (the indicator and its declared options, the
 * period, the files and the outputs, none of which may be an input), then reads the column map, the calendar and the
 * records files (rows with issues reported on stderr) and gathers the options to compute with.
 *
 * @param command - the command's name, for messages.
 * @param values - the flags given.
 * @param positionals - the positional arguments: the indicator.
 * @param io - the CLI's streams.
 * @param outputs - the command's outputs, checked against every file read. The figure is computed without
 *   outcomes: `--audit` makes them in a pass of its own, written as they come.
 * @returns the computation, ready to run.
 * @throws {UsageError} for a missing or malformed argument; {@link InputRefusedError} for an input that cannot be used.
 */
export async function prepareComputation(
  command: string,
  values: ComputeArgValues,
  positionals: readonly string[],
  io: CliIo,
  outputs: {
    readonly targets: readonly OutputTarget[];
    /** The breakdown asked for (`--by team`), tried in the dry run of an indicator that computes each group again. */
    readonly by?: 'team' | 'workerId';
    /**
     * Whether what is asked for can be made from days (the figure, its breakdown, or an audit to a file read a second
     * time): the records of an indicator counted from two dates are then kept as day numbers (see
     * {@link PreparedComputation.byDays}), with the breakdown's team or worker when `by` is given (a breakdown by
     * month needs the days alone). Default false.
     */
    readonly countOnly?: boolean;
    /**
     * Whether the main file is to be read a second time, record by record (`--audit` of a count from days): the
     * days are kept only for a file that can be read again (not a pipe). Default false.
     */
    readonly rereads?: boolean;
  },
): Promise<PreparedComputation> {
  const [name] = positionals;
  if (name === undefined) throw new UsageError(`missing INDICATOR (one of ${indicatorIds.join(', ')})`);
  noMorePositionals(positionals, 1);
  const definition = definitionOf(name);
  const convention = conventionFromArgs(values.convention);
  const rounding = choiceArg(values.rounding, roundingModes, '--rounding');
  const decimalPlaces = wholeNumber(values['decimal-places'], '--decimal-places', 20);
  const dateFormat = choiceArg<DateFormat>(values['date-format'], dateFormats, '--date-format');
  const encoding = encodingFromArgs(values.encoding);
  const strict = strictFromArgs(values.strict);
  const preset = presetFromArgs(values);
  const period = values.period === undefined ? undefined : periodArg(values.period, '--period');
  const own = readIndicatorArgs(definition, values);
  for (const ignored of own.ignored) io.err(`cs-indicators ${command}: ${ignored} and is ignored\n`);

  const kind = definition.recordKind;
  const inputFlag = definition.input?.flag ?? 'input';
  // A workforce census gives CASELOAD both its workers and, from Cases30, their allocations: one file for both.
  const workersFile = own.files.find((file) => file.kind === 'worker');
  const fromCensus =
    preset.preset === 'workforce-census' && kind === 'allocation' && workersFile !== undefined;
  const given = values[inputFlag as keyof ComputeArgValues];
  const mainPath = typeof given === 'string' ? given : fromCensus ? workersFile?.path : undefined;
  if (mainPath === undefined) {
    throw new UsageError(
      `missing --${inputFlag} FILE${definition.input ? ` (${definition.input.doc})` : ''}`,
    );
  }
  if (inputFlag !== 'input' && values.input !== undefined) {
    throw new UsageError(`${definition.id} reads --${inputFlag} FILE, not --input`);
  }
  if (definition.needsPeriod !== undefined && period === undefined) {
    throw new UsageError(`${definition.id} needs --period P: ${definition.needsPeriod}`);
  }
  const censusDate = fromCensus ? censusDateOf(own.options.snapshot, period) : undefined;
  // A workforce census CSV or workbook has no header to say which 30 September it is of (an XML's ReferenceDate
  // does): the stability figures take it from --period, checked before any file is read.
  const workerCensusDate =
    kind === 'worker' && preset.preset === 'workforce-census' && recordFileFormatOf(mainPath) !== 'xml'
      ? censusDateOf(undefined, period)
      : undefined;
  const files: FileToRead[] = [
    { kind, path: mainPath, flag: `--${inputFlag}`, main: true },
    ...own.files.map((file) => ({ kind: file.kind, path: file.path, flag: file.flag, main: false })),
  ];
  for (const file of files) checkFileToRead(file.kind, file.path, file.flag, preset.preset);

  const computeOptions: Record<string, unknown> = {
    ...own.options,
    convention,
    rounding: {
      ...(decimalPlaces !== undefined ? { decimalPlaces } : {}),
      ...(rounding ? { mode: rounding } : {}),
    },
  };
  // The indicator's own checks of its options (a snapshot outside the period, a count date not a date…), run on
  // no records: a usage error now, not after the whole file was read.
  const dryRun = { ...computeOptions };
  for (const file of own.files) dryRun[file.option] = [];
  // A group option the indicator refuses (WF_VACANCY has no figure by team) is refused now.
  if (outputs.by !== undefined && definition.groupsBy === 'recompute') dryRun[outputs.by] = null;
  try {
    definition.compute([], period ?? parsePeriod('2010-04'), dryRun as never);
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) {
      throw new UsageError(inFlagWords(definition, error.message));
    }
    throw error;
  }

  const calendarArgs = calendarFromArgs(values);
  const inputs: RunInput[] = [
    ...files.map((file) => ({ what: `the ${file.flag} file`, path: file.path })),
    ...(values.map === undefined ? [] : [{ what: 'the --map file', path: values.map }]),
    ...calendarArgs.files,
  ];
  await checkOutputs(outputs.targets, inputs);

  // Now the files: the column map, the calendar, then the records.
  const columnMap = values.map === undefined ? undefined : await readColumnMap(values.map);
  if (columnMap !== undefined) {
    try {
      for (const file of files) createFieldResolver(file.kind, columnMap);
    } catch (error) {
      throw new UsageError(`--map ${values.map}: ${(error as Error).message}`);
    }
  }
  const calendar = await calendarArgs.build();
  // A period the --calendar file does not cover is refused before the records are read.
  if (period !== undefined) refuseUncoveredPeriod(calendar, period);
  // A census XML says its own day (its header's ReferenceDate): it is read on it, and checked against the day asked.
  const censusXml = censusDate !== undefined && recordFileFormatOf(mainPath) === 'xml';
  // Only a count over two dates of one file, in a period given (and its breakdown by month, or by a team or worker
  // the indicator's records have): the records are kept as their days alone, and the team or worker.
  const counted =
    outputs.countOnly === true &&
    period !== undefined &&
    own.files.length === 0 &&
    definition.joinsByChild !== true
      ? dayCountOf(definition.id)
      : undefined;
  const dayCount =
    (outputs.by === undefined || counted?.groups.includes(outputs.by) === true) &&
    (outputs.rereads !== true || isRegularFile(mainPath))
      ? counted
      : undefined;
  const settings: ReadSettings = {
    columnMap,
    dateFormat,
    encoding,
    preset,
    censusDate: censusXml ? undefined : censusDate,
    strict,
    // Numbered once, as the files are read, and shared by them (ASSESS45's assessments and referrals).
    childNumbering: definition.joinsByChild === true ? createKeyNumbering() : undefined,
    dayColumns: dayCount?.fields,
    dayGroup: dayCount === undefined ? undefined : outputs.by,
    // An audit names the record of each rejected row whose id was read.
    keysOfRejected: outputs.rereads === true,
  };
  const reads: FileRead[] = [];
  for (const file of files) reads.push(await readFile(file, settings, io));
  const [main] = reads as [FileRead, ...FileRead[]];
  const periodEnd = main.result.fileValues?.periodEnd;
  if (
    preset.snapshotDate !== undefined &&
    typeof periodEnd === 'string' &&
    periodEnd !== preset.snapshotDate
  ) {
    throw new UsageError(
      `--snapshot-date ${preset.snapshotDate}: ${mainPath} says its own count date, PeriodEnd ${periodEnd}; drop --snapshot-date (it is for an NCCIS CSV with no count date column)`,
    );
  }
  const header = main.result.fileValues?.referenceDate;
  if (censusXml && typeof header === 'string' && header !== censusDate) {
    throw new UsageError(
      `${mainPath} is a census of ${header}: its Cases30 are the cases held that day, not on ${censusDate}; give a --period ending on ${header} (or --snapshot ${header})`,
    );
  }
  // A file without a column the indicator needs (its event date, the start its options choose) gives a figure of
  // n/a, or a wrong one: refused, naming the file, the field and the headers found.
  const indicatorFiles: IndicatorFile[] = reads.map((read, index) => {
    const option = index === 0 ? undefined : own.files[index - 1]?.option;
    return { path: read.file.path, read: read.result, ...(option === undefined ? {} : { option }) };
  });
  refuseMissingColumns(definition, own.options, indicatorFiles);
  for (const [index, file] of own.files.entries()) {
    computeOptions[file.option] = (reads[index + 1] as FileRead).result.records;
  }
  let rowsRejected = 0;
  for (const read of reads) rowsRejected += read.result.accounting.rowsRejected;
  Object.assign(computeOptions, { calendar, rows: main.result.rows, rowsRejected });
  // The day a workforce census is of (its header's ReferenceDate, else --period's 30 September) and, for WF_VACANCY,
  // the vacancies its header gives on it: those given by --vacancies win.
  const census =
    kind === 'worker' ? censusValuesOf(definition.id, main.result.fileValues, workerCensusDate) : {};
  if (census.censusDate !== undefined) computeOptions.censusDate = census.censusDate;
  const vacanciesGiven = own.options.vacancies as Readonly<Record<string, number>> | undefined;
  if (
    census.censusDate !== undefined &&
    vacanciesGiven !== undefined &&
    vacanciesGiven[census.censusDate] === undefined
  ) {
    // The figure is taken on the census date: vacancies of another day would be left aside without a word.
    throw new UsageError(
      `--vacancies: ${mainPath} is a census of ${census.censusDate}, and its figure is taken that day: give ${census.censusDate}=FTE, got ${Object.keys(vacanciesGiven).join(', ')}`,
    );
  }
  if (census.vacancies !== undefined) {
    computeOptions.vacancies = { ...census.vacancies, ...(own.options.vacancies as object | undefined) };
  }
  const columns = main.result.dayColumns;
  if (dayCount !== undefined && columns === undefined) {
    throw new Error(`${mainPath} was read without the day columns asked for`);
  }
  const periodCounted =
    period ??
    (census.censusDate === undefined
      ? spanOf(main.result.records as never, definition.eventDate)
      : parsePeriod(`${census.censusDate}..${census.censusDate}`));
  // The period spanning the records, when none was given, is checked against the --calendar file now.
  if (period === undefined) refuseUncoveredPeriod(calendar, periodCounted);
  return {
    ...(dayCount !== undefined && columns !== undefined
      ? {
          byDays: {
            columns,
            count: dayCount,
            reread: (stream: AcceptedStream) => rereadAccepted(main.file, settings, stream),
          },
        }
      : {}),
    definition,
    period: periodCounted,
    main: main.result,
    inputs: reads.map((read) => read.result.input),
    warnings: reads.flatMap((read) => read.result.warnings),
    strict,
    computeOptions,
  };
}

/**
 * A result with what reading its files gave: their summaries as `inputs`, and their warnings first among its own.
 *
 * @param result - the result computed.
 * @param inputs - the summaries of the files read.
 * @param warnings - the warnings of reading them.
 * @returns the result, as the command shows it.
 */
export function withReading(
  result: IndicatorResult,
  inputs: readonly InputSummary[],
  warnings: readonly ResultWarning[],
): IndicatorResult {
  return { ...result, inputs, warnings: [...warnings, ...result.warnings] };
}

/**
 * What a workforce census file says of itself: the day it is of (its XML header's `ReferenceDate`, else the date
 * given for a CSV or workbook) and, for WF_VACANCY, the council's vacancies on that day from its header.
 */
function censusValuesOf(
  id: string,
  fileValues: Readonly<Record<string, unknown>> | undefined,
  given: string | undefined,
): { censusDate?: string; vacancies?: Record<string, number> } {
  const referenceDate = typeof fileValues?.referenceDate === 'string' ? fileValues.referenceDate : given;
  if (referenceDate === undefined) return {};
  const vacancies = Number(fileValues?.vacancies);
  return {
    censusDate: referenceDate,
    ...(id === 'WF_VACANCY' && fileValues?.vacancies !== undefined && Number.isFinite(vacancies)
      ? { vacancies: { [referenceDate]: vacancies } }
      : {}),
  };
}

/**
 * Writes the audit file of a result: the indicator computed again with each outcome handed to a
 * {@link createAuditWriter} as it is made, so that the file is written as the records are counted and no outcome is
 * kept. When the records' rows are not in order (no reader gives them so today), the outcomes are kept and sorted
 * by {@link auditLines} instead. Either way a run that fails leaves no audit file.
 *
 * @param audit - the `--audit` output.
 * @param result - the result as shown (with its inputs): the context of every line.
 * @param rows - the rejected and skipped rows of the input.
 * @param recordRows - each record's row, parallel to the records.
 * @param io - the CLI's streams, for `--audit -`.
 * @param compute - computes the indicator again with the option given: a sink for each outcome, or outcomes kept.
 * @throws {OutputError} when the file cannot be written.
 */
async function writeAudit(
  audit: OutputTarget,
  result: IndicatorResult,
  rows: AuditRows,
  recordRows: readonly number[] | undefined,
  io: CliIo,
  compute: (ask: { onOutcome: OutcomeSink } | { outcomes: true }) => IndicatorResult,
): Promise<void> {
  if (!inRowOrder(recordRows)) {
    await writeOutput(
      audit,
      auditLines({ ...result, outcomes: compute({ outcomes: true }).outcomes ?? [] }, rows),
      io,
    );
    return;
  }
  const output = await openOutputWriter(audit, io);
  try {
    const writer = createAuditWriter(result, rows, output.write);
    const again = compute({ onOutcome: writer.outcome });
    writer.end();
    if (again.numerator !== result.numerator || again.denominator !== result.denominator) {
      // The same records and options give the same figure: anything else is a bug, never bad input.
      throw new Error(
        `audit: ${result.indicator} gave ${again.numerator}/${again.denominator} the second time, ${result.numerator}/${result.denominator} the first`,
      );
    }
    output.close();
  } catch (error) {
    output.discard();
    throw error;
  }
}

/** How many records the audit of a count from days computes at a time (each record's outcome is its own). */
const AUDIT_BATCH = 4096;

/**
 * Writes the audit file of a figure counted from day columns: the main file read again, the records of the rows
 * the first read accepted handed on as they are read, computed a batch at a time with each outcome written as it
 * is made ({@link createAuditWriter}), so that no record and no outcome is kept. Only for an indicator whose
 * outcome for a record is its own (NI59, NI60, CAF2W: `from-days.ts`). The second read must be of the same bytes
 * (its SHA-256) and give every record again, and the batches must add up to the figure; a run that fails leaves no
 * audit file.
 *
 * @param audit - the `--audit` output.
 * @param result - the result as shown.
 * @param rows - the rejected and skipped rows of the input.
 * @param columns - the first read's day columns: their `rows` are the rows accepted.
 * @param io - the CLI's streams.
 * @param reread - reads the main file again, handing on the records of the rows given.
 * @param computeBatch - the indicator over a batch of records, their rows, each outcome given to the sink.
 * @throws {InputRefusedError} when the file changed between the reads; {@link OutputError} when the file cannot be
 *   written.
 * @example
 * await writeAuditOfRows({ flag: '--audit', path: 'audit.csv' }, result, { issues }, byDays.columns, io, byDays.reread, computeBatch);
 */
export async function writeAuditOfRows(
  audit: OutputTarget,
  result: IndicatorResult,
  rows: AuditRows,
  columns: DayColumns,
  io: CliIo,
  reread: (stream: AcceptedStream) => Promise<InputSummary>,
  computeBatch: (
    batch: readonly Readonly<Record<string, unknown>>[],
    batchRows: readonly number[],
    sink: OutcomeSink,
  ) => IndicatorResult,
): Promise<void> {
  const output = await openOutputWriter(audit, io);
  try {
    const writer = createAuditWriter(result, rows, output.write);
    const batch: Readonly<Record<string, unknown>>[] = [];
    const batchRows: number[] = [];
    let numerator = 0;
    let denominator = 0;
    let handed = 0;
    const flush = (): void => {
      if (batch.length === 0) return;
      const part = computeBatch(batch, batchRows, writer.outcome);
      numerator += part.numerator;
      denominator += part.denominator;
      batch.length = 0;
      batchRows.length = 0;
    };
    const input = await reread({
      rows: columns.rows,
      count: columns.count,
      sink: (record, row) => {
        batch.push(record);
        batchRows.push(row);
        handed++;
        if (batch.length === AUDIT_BATCH) flush();
      },
    });
    flush();
    const first = result.inputs?.[0];
    if (handed !== columns.count || input.sha256 !== first?.sha256) {
      throw new InputRefusedError(
        `${first?.file ?? 'the input'}: the file changed while it was read (read again for --audit, it ${input.sha256 !== first?.sha256 ? 'has other bytes' : `gave ${handed} of its ${countOf(columns.count, 'record')}`}): run again on a file that is not being written`,
      );
    }
    writer.end();
    if (numerator !== result.numerator || denominator !== result.denominator) {
      // The same records and options give the same figure: anything else is a bug, never bad input.
      throw new Error(
        `audit: ${result.indicator} gave ${numerator}/${denominator} record by record, ${result.numerator}/${result.denominator} from the days`,
      );
    }
    output.close();
  } catch (error) {
    output.discard();
    throw error;
  }
}

/** Whether the rows are in order (each at least the one before), or not given. */
function inRowOrder(rows: readonly number[] | undefined): boolean {
  if (rows === undefined) return true;
  for (let i = 1; i < rows.length; i++) if ((rows[i] as number) < (rows[i - 1] as number)) return false;
  return true;
}

/** `cs-indicators compute INDICATOR`. */
export const computeCommand: CliCommand = {
  name: 'compute',
  summary: summaryOf('compute'),
  usage: (args) => {
    const named = indicatorNamedIn(args);
    return usageOf(named === undefined ? [] : [named]);
  },
  async run(args, io) {
    // Every argument is checked before any file is read.
    const { values, positionals } = parseCommandArgs(args, flags);
    const { format, out } = outputFromArgs(values, ['json', 'csv', 'table']);
    const by = choiceArg(values.by, ['team', 'worker', 'month'] as const, '--by');
    const audit: OutputTarget | undefined =
      values.audit === undefined ? undefined : { flag: '--audit', path: values.audit };
    if (audit !== undefined && audit.path === '-' && out.path === '-') {
      throw new UsageError(
        '--audit - and the result both go to standard output: give --out FILE or --audit FILE',
      );
    }
    const { definition, period, main, inputs, warnings, strict, computeOptions, byDays } =
      await prepareComputation('compute', values, positionals, io, {
        targets: audit === undefined ? [out] : [out, audit],
        ...(by === 'team' || by === 'worker' ? { by: by === 'worker' ? 'workerId' : by } : {}),
        // Kept as days unless an audit of a breakdown is asked for (an audit alone reads the file again), or the
        // records are asked for as objects, to check a figure by the way it was first made. An audit to standard
        // output keeps the records too: its lines go out as they are made, before the second read could find the
        // file changed.
        countOnly:
          process.env[KEEP_RECORDS_VARIABLE] !== '1' &&
          (audit === undefined || (by === undefined && audit.path !== '-')),
        rereads: audit !== undefined,
      });
    const records = main.records;

    let result: IndicatorResult;
    let breakdown: Breakdown | undefined;
    if (by) {
      const key: BreakdownKey = by === 'worker' ? 'workerId' : by;
      // The records held as their days (and the team or worker): the same groups, counted from them.
      breakdown =
        byDays === undefined
          ? computeBreakdown(
              definition.id as IndicatorId,
              records as never,
              period,
              key,
              computeOptions as never,
            )
          : byDays.count.breakdown(byDays.columns, period, key, computeOptions);
      result = withReading(breakdown.total, inputs, warnings);
      breakdown = { ...breakdown, total: result };
    } else if (byDays !== undefined) {
      // The records held as their days: the same figure, counted from them.
      result = withReading(byDays.count.compute(byDays.columns, period, computeOptions), inputs, warnings);
    } else {
      result = withReading(
        definition.compute(records as never, period, computeOptions as never),
        inputs,
        warnings,
      );
    }
    // Closure days that touched no count (a file for another year, or an empty one) are said.
    const closures = unusedClosures(
      computeOptions.calendar as Calendar,
      takeDaysAsked(computeOptions.calendar as Calendar),
    );
    if (closures !== undefined) {
      result = { ...result, warnings: [...result.warnings, { code: 'closures_unused', message: closures }] };
      if (breakdown) breakdown = { ...breakdown, total: result };
    }
    // A period holding none of the records: said with where they fall, not left as an n/a.
    const outside = noneInPeriodWarnings(
      definition,
      result,
      records as readonly Record<string, unknown>[],
      byDays?.columns,
    );
    if (outside.length > 0) {
      result = { ...result, warnings: [...result.warnings, ...outside] };
      if (breakdown !== undefined) breakdown = { ...breakdown, total: result };
    }
    // Under --strict a figure with a warning (every record excluded, a map key matching no header) is not written.
    refuseWarningsWhenStrict(strict, result.warnings);

    if (audit !== undefined) {
      const rows: AuditRows = {
        issues: main.issues,
        ...(main.skipped === undefined ? {} : { skipped: main.skipped }),
        ids: auditIdsOf(definition.recordKind, main.rejectedKeys),
      };
      if (byDays !== undefined) {
        await writeAuditOfRows(
          audit,
          result,
          rows,
          byDays.columns,
          io,
          byDays.reread,
          (batch, batchRows, sink) =>
            definition.compute(batch as never, period, {
              ...computeOptions,
              rows: batchRows,
              onOutcome: sink,
            } as never),
        );
      } else {
        await writeAudit(
          audit,
          result,
          rows,
          computeOptions.rows as readonly number[] | undefined,
          io,
          (ask) => definition.compute(records as never, period, { ...computeOptions, ...ask } as never),
        );
      }
    }
    let text: string;
    if (format === 'json') {
      const body = breakdown
        ? {
            indicator: result.indicator,
            by: breakdown.by,
            period: result.period,
            total: jsonOf(result),
            groups: breakdown.groups.map((g) => ({ group: g.key, ...jsonOf(g.result) })),
          }
        : jsonOf(result);
      text = `${JSON.stringify(body, null, 2)}\n`;
    } else if (format === 'csv') {
      const groups = breakdown ? breakdown.groups.map((g) => csvRow(g.result, g.key)) : [];
      text = `${[csvLine(CSV_COLUMNS), ...groups, csvRow(result, breakdown ? 'Total' : '')].join('\n')}\n`;
    } else {
      text = breakdown ? breakdownTable(breakdown) : tableOf(result);
    }
    await writeOutput(out, text, io);
    for (const warning of result.warnings) {
      io.err(`cs-indicators compute: warning: ${formatResultWarning(warning)}\n`);
    }
    const emptyGroups = breakdown?.groups.filter((group) => group.result.warnings.length > 0).length ?? 0;
    if (breakdown !== undefined && emptyGroups > 0) {
      io.err(
        `cs-indicators compute: warning: ${emptyGroups} of ${countOf(breakdown.groups.length, 'group')} ${emptyGroups === 1 ? 'has' : 'have'} no figure, every record of theirs excluded (see each group's warnings) [all_excluded]\n`,
      );
    }
    return 0;
  },
};
