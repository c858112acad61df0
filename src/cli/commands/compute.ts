import { writeFile } from 'node:fs/promises';
import {
  assess45Froms,
  type Breakdown,
  type BreakdownKey,
  computeBreakdown,
  getIndicator,
  type IndicatorId,
  type IndicatorResult,
  indicatorIds,
  type RecordOutcome,
  repeatHistories,
  roundingModes,
  startEvents,
} from '../../indicators/index.js';
import { readRecordsFile } from '../../node/read-records-file.js';
import { type Period, parsePeriod } from '../../periods/index.js';
import { type DateFormat, dateFormats } from '../../records/dates.js';
import {
  formatInputIssue,
  formatResultWarning,
  InputError,
  type InputIssue,
  type ResultWarning,
} from '../../records/issues.js';
import type { ParseRecordsResult } from '../../records/record-reader.js';
import type { RecordKind } from '../../records/schemas.js';
import { csvLine } from '../../util/csv-write.js';
import { isIsoDate } from '../../util/dates.js';
import {
  calendarArgOptions,
  calendarArgUsage,
  calendarFromArgs,
  conventionFromArgs,
  formatFromArgs,
} from '../calendar-args.js';
import { readColumnMap } from '../column-map.js';
import { type CliCommand, type CliIo, InputRefusedError, UsageError } from '../context.js';
import { parseCommandArgs } from '../parse-args.js';
import { presetArgOptions, presetArgUsage, presetFromArgs, reportSkipped } from '../preset-args.js';

const usage = `Usage: cs-indicators compute <INDICATOR> --input FILE [options]
       cs-indicators compute CASELOAD --workers FILE --allocations FILE --period P [--snapshot DATE]
       cs-indicators compute ASSESS45 --input FILE --referrals FILE [--from referral|assessment-start]

Computes one indicator (${indicatorIds.join(', ')}) from a records file (CSV, JSON array, NDJSON, Excel
workbook or CIN census XML, by extension) and prints the result. Rows with issues are left out, reported on stderr and counted in the result.

Options:
  --period P          month 2010-06, quarter 2010-Q2, FY2010 or 2010/11, AY2010, 2010-10..2011-03, or
                      2010-10-01..2011-03-31 (default: the whole months spanning the records' event dates)
  --format F          json (default), csv or table
${calendarArgUsage}
  --rules R           NI59: ni2008 (7 working days, default) or wt2010 (10 from 2010-04-01)
  --timescale N       the timescale in days, overriding the indicator's
  --start-event E     CPC15: ${startEvents.join(', ')}
  --days D            CAF2W: calendar (default) or working
  --baseline P        CAF_CLOSED, REF_NO_CAF: the period to compare with (% change)
  --count-date DATE   NI117, NEET_NOT_KNOWN: one count date instead of November to January
  --snapshot DATE     CASELOAD: the snapshot date (default: the period end)
  --month-end-mean    CASELOAD: pool the month-end snapshots of the period instead
  --workers FILE      CASELOAD: the workers file
  --allocations FILE  CASELOAD: the allocations file
  --referrals FILE    ASSESS45: the referrals file (each assessment counts from its child's latest referral)
  --from S            ASSESS45: ${assess45Froms.join(' (default) or ')}
  --history H         CPP_REPEAT, REPEAT_REFERRALS: ${repeatHistories.join(' (default), ')} (where a child's
                      earlier plans or referrals are seen: the records, the return's count column, or either)
  --vacancies FTE     WF_VACANCY: the vacancy FTE on the reference date (default: a census XML's header)
  --working-days-per-fte N  WF_ABSENCE: working days one FTE could work in the 12 months (default: the
                      calendar's working days in them)
  --snapshot-date DATE  --preset nccis: the count date of rows whose file has none (an NCCIS XML's PeriodEnd
                      serves otherwise)
  --map FILE          a JSON column map {"Their header": "canonicalField"}
${presetArgUsage(22)}
                      (--sheet applies to --input; CASELOAD --preset workforce-census reads Cases30 on
                      30 September from --workers, and needs no --allocations)
  --date-format F     ${dateFormats.join(', ')} (default auto: YYYY-MM-DD or DD/MM/YYYY)
  --decimal-places N  display rounding places (default 1)
  --rounding M        display rounding mode: ${roundingModes.join(', ')} (default half-up)
  --by G              team, worker or month: one result per group
  --audit FILE        write one line per record (in the population or why not, days, deadline) as CSV
  --strict            refuse the input when any row has an issue (exit 1)

Exit codes: 0 done (rejected rows still exit 0), 1 input refused, 2 usage error.
`;

/** The flags of `compute`, which `spc` shares: the input files, the period, the calendar and indicator options. */
export const computeArgOptions = {
  ...calendarArgOptions,
  ...presetArgOptions,
  input: { type: 'string' },
  period: { type: 'string' },
  format: { type: 'string' },
  rules: { type: 'string' },
  timescale: { type: 'string' },
  'start-event': { type: 'string' },
  days: { type: 'string' },
  baseline: { type: 'string' },
  'count-date': { type: 'string' },
  snapshot: { type: 'string' },
  'month-end-mean': { type: 'boolean' },
  workers: { type: 'string' },
  allocations: { type: 'string' },
  referrals: { type: 'string' },
  from: { type: 'string' },
  history: { type: 'string' },
  vacancies: { type: 'string' },
  'working-days-per-fte': { type: 'string' },
  'snapshot-date': { type: 'string' },
  map: { type: 'string' },
  'date-format': { type: 'string' },
  'decimal-places': { type: 'string' },
  rounding: { type: 'string' },
  by: { type: 'string' },
  audit: { type: 'string' },
  strict: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof computeArgOptions>>['values'];

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new UsageError(`${flag}: expected a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

function dateOption(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value))
    throw new UsageError(`${flag}: expected a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

function periodOption(value: string, flag: string): Period {
  try {
    return parsePeriod(value);
  } catch (error) {
    throw new UsageError(`${flag}: ${(error as Error).message}`);
  }
}

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) {
    throw new UsageError(`${flag}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

/** Reads one records file, reporting rejected rows on stderr; refuses (exit 1) when it cannot be used. */
async function readInput<K extends RecordKind>(
  kind: K,
  path: string,
  values: Values,
  io: CliIo,
  // The sheet (for --input only), a workforce census's 30 September, and an NCCIS file's count date.
  extra: { readonly main?: boolean; readonly censusDate?: string; readonly snapshotDate?: string } = {},
): Promise<ParseRecordsResult<K>> {
  const columnMap = values.map === undefined ? undefined : await readColumnMap(values.map);
  const dateFormat = oneOf<DateFormat>(values['date-format'], dateFormats, '--date-format');
  const { preset, sheet } = presetFromArgs(values);
  let result: Awaited<ReturnType<typeof readRecordsFile<K>>>;
  try {
    result = await readRecordsFile(kind, path, {
      ...(columnMap ? { columnMap } : {}),
      ...(dateFormat ? { dateFormat } : {}),
      ...(preset ? { preset } : {}),
      ...(sheet !== undefined && extra.main === true ? { sheet } : {}),
      ...(extra.censusDate ? { censusDate: extra.censusDate } : {}),
      ...(extra.snapshotDate ? { snapshotDate: extra.snapshotDate } : {}),
      strict: Boolean(values.strict),
      ...(io.errIsTty ? { onProgress: (rows: number) => io.err(`\r${path}: ${rows} rows read`) } : {}),
    });
  } catch (error) {
    if (error instanceof InputError) throw new InputRefusedError(refusal(path, error.issues, error.warnings));
    // A preset that does not give the kind, or does not read the file's format.
    if (error instanceof TypeError || error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  } finally {
    if (io.errIsTty) io.err('\r\u001b[K');
  }
  if (!result.readable) throw new InputRefusedError(refusal(path, result.issues));
  reportIssues(path, result, io);
  reportSkipped(path, result.skipped, io);
  return result;
}

/**
 * The 30 September a workforce census is of (its Cases30 counts, its workers in post) when its file does not say:
 * `--snapshot`, else the period's end.
 * @throws {UsageError} when that is not a 30 September.
 */
function censusDateOf(snapshot: string | undefined, period: string | undefined): string {
  const date = snapshot ?? (period === undefined ? undefined : periodOption(period, '--period').end);
  if (date === undefined || !date.endsWith('-09-30')) {
    throw new UsageError(
      `--preset workforce-census reads Cases30, the cases each worker held on 30 September, and the workers in post that day: give a --period ending on 30 September (or, for CASELOAD, --snapshot YYYY-09-30); a census XML says its own date. Got ${date ?? 'none'}`,
    );
  }
  return date;
}

/**
 * A number flag of `min` or more (an FTE, a number of working days), or undefined.
 * @throws {UsageError} for text that is not such a number.
 */
function fteOption(
  value: string | undefined,
  flag: string,
  min: number,
  example: string,
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(number) || number < min) {
    throw new UsageError(
      `${flag}: expected a number of ${min} or more, like ${example}, got ${JSON.stringify(value)}`,
    );
  }
  return number;
}

/** `1 row`, `2 rows`. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The options each indicator takes beyond the common ones, by the flag that sets them: a flag given to an
 * indicator that does not take it is reported on stderr rather than silently ignored.
 */
const FLAGS_BY_INDICATOR: Readonly<Record<string, readonly string[]>> = {
  NI59: ['--rules', '--timescale'],
  NI60: ['--timescale'],
  CPC15: ['--start-event', '--timescale'],
  CAF2W: ['--days', '--timescale'],
  CAF_CLOSED: ['--baseline'],
  REF_NO_CAF: ['--baseline'],
  REPEAT_REFERRALS: ['--history'],
  NI117: ['--count-date'],
  NEET_NOT_KNOWN: ['--count-date'],
  CASELOAD: ['--snapshot', '--month-end-mean', '--workers', '--allocations'],
  ASSESS45: ['--referrals', '--from', '--timescale'],
  CPP_2YEARS: [],
  CPP_REPEAT: ['--history'],
  WF_TURNOVER: [],
  WF_AGENCY: [],
  WF_VACANCY: ['--vacancies'],
  WF_ABSENCE: ['--working-days-per-fte'],
};
const INDICATOR_FLAGS = [
  '--rules',
  '--timescale',
  '--start-event',
  '--days',
  '--baseline',
  '--count-date',
  '--snapshot',
  '--month-end-mean',
  '--workers',
  '--allocations',
  '--referrals',
  '--from',
  '--history',
  '--vacancies',
  '--working-days-per-fte',
] as const;

/** Warns on stderr about flags the indicator does not use. */
function warnUnusedFlags(command: string, id: string, values: Values, io: CliIo): void {
  const accepted = FLAGS_BY_INDICATOR[id] ?? [];
  for (const flag of INDICATOR_FLAGS) {
    if (values[flag.slice(2) as keyof Values] !== undefined && !accepted.includes(flag)) {
      io.err(`cs-indicators ${command}: ${flag} does not apply to ${id} and is ignored\n`);
    }
  }
}

function refusal(
  path: string,
  issues: readonly InputIssue[],
  warnings: readonly ResultWarning[] = [],
): string {
  const lines = [
    ...issues.map((issue) => `  ${formatInputIssue(issue)}`),
    ...warnings.map((warning) => `  ${formatResultWarning(warning)}`),
  ];
  const count = issues.length + warnings.length;
  return [`${path}: input refused (${count} issue${count === 1 ? '' : 's'})`, ...lines].join('\n');
}

function reportIssues(path: string, result: ParseRecordsResult<RecordKind>, io: CliIo): void {
  if (result.issues.length === 0) return;
  for (const issue of result.issues) io.err(`${formatInputIssue(issue)}\n`);
  const { rowsRead, rowsAccepted, rowsRejected } = result.accounting;
  io.err(
    `${path}: ${rowsRead} rows read, ${rowsAccepted} accepted, ${rowsRejected} rejected (left out of every figure)\n`,
  );
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
] as const;

/** The per-record outcomes as CSV, one line each. */
export function auditCsv(indicator: string, outcomes: readonly RecordOutcome[]): string {
  const lines = [csvLine(AUDIT_COLUMNS)];
  for (const o of outcomes) {
    const inPopulation = o.bucket === 'counted' || o.bucket === 'not-counted';
    lines.push(
      csvLine([
        indicator,
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
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
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
  'rows_rejected',
] as const;

function csvRow(result: IndicatorResult, group: string): string {
  const excluded = Object.entries(result.counts.excluded)
    .map(([reason, n]) => `${reason}=${n}`)
    .join('; ');
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
    Object.entries(result.rule)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join('; '),
    result.calendar.id,
    result.calendar.fingerprint,
    result.counts.recordsRead,
    result.counts.inPopulation,
    result.counts.counted,
    result.counts.notInPeriod,
    excluded,
    result.counts.rowsRejected,
  ]);
}

function tableOf(result: IndicatorResult): string {
  const { counts } = result;
  const excluded = Object.entries(counts.excluded);
  const excludedTotal = excluded.reduce((sum, [, n]) => sum + n, 0);
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
    ['Calendar', `${result.calendar.id} (${result.calendar.fingerprint})`],
    [
      'Records',
      `${counts.recordsRead} read: ${counts.inPopulation} in the population (${counts.counted} counted, ${counts.notCounted} not), ${counts.notInPeriod} not in the period, ${excludedTotal} excluded`,
    ],
  ];
  for (const [reason, n] of excluded) rows.push(['  excluded', `${reason}: ${n}`]);
  if (counts.rowsRejected !== undefined)
    rows.push(['Rejected', `${plural(counts.rowsRejected, 'row')} with issues (listed on stderr)`]);
  if (result.baseline) {
    rows.push([
      'Baseline',
      `${result.baseline.period.label}: ${result.baseline.numerator}, change ${result.baseline.changeDisplay}`,
    ]);
  }
  return `${rows.map(([k, v]) => `${k.padEnd(10)}  ${v}`).join('\n')}\n`;
}

function breakdownTable(breakdown: Breakdown): string {
  const header = [breakdown.by === 'workerId' ? 'worker' : breakdown.by, 'numerator', 'denominator', 'value'];
  const body = [
    ...breakdown.groups.map((g) => [
      g.key,
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
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const { total } = breakdown;
  return [
    `${total.indicator}: ${total.title}, ${total.period.label}, by ${header[0]}`,
    line(header),
    ...body.map(line),
    `Calendar ${total.calendar.id} (${total.calendar.fingerprint}); ${total.counts.recordsRead} records read`,
    '',
  ].join('\n');
}

/** What `compute` and `spc` share: the indicator, its main input as read, the period and the options to compute with. */
export interface PreparedComputation {
  readonly definition: ReturnType<typeof getIndicator>;
  /** The `--period`, or the whole months spanning the records' event dates. */
  readonly period: Period;
  /** The main input (for CASELOAD, the allocations). */
  readonly input: ParseRecordsResult<RecordKind>;
  /** The options to compute with: calendar, convention, rule flags, the other files' records, rows rejected. */
  readonly computeOptions: Record<string, unknown>;
}

/**
 * Checks the indicator and its flags, reads its files (rows with issues reported on stderr) and gathers the options
 * to compute with, for `compute` and `spc`.
 * @throws {UsageError} for a missing or malformed argument; {@link InputRefusedError} for an input that cannot be used.
 */
export async function prepareComputation(
  command: string,
  values: Values,
  positionals: readonly string[],
  io: CliIo,
): Promise<PreparedComputation> {
  const [name, extra] = positionals;
  if (name === undefined) throw new UsageError(`missing INDICATOR (one of ${indicatorIds.join(', ')})`);
  if (extra !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(extra)}`);
  let definition: ReturnType<typeof getIndicator>;
  try {
    definition = getIndicator(name);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const convention = conventionFromArgs(values.convention);
  const rules = oneOf(values.rules, ['ni2008', 'wt2010'] as const, '--rules');
  const startEvent = oneOf(values['start-event'], startEvents, '--start-event');
  const days = oneOf(values.days, ['calendar', 'working'] as const, '--days');
  const rounding = oneOf(values.rounding, roundingModes, '--rounding');
  const timescale = wholeNumber(values.timescale, '--timescale');
  const decimalPlaces = wholeNumber(values['decimal-places'], '--decimal-places');
  const snapshot = dateOption(values.snapshot, '--snapshot');
  const countDate = dateOption(values['count-date'], '--count-date');
  const baseline = values.baseline === undefined ? undefined : periodOption(values.baseline, '--baseline');
  const from = oneOf(values.from, assess45Froms, '--from');
  const history = oneOf(values.history, repeatHistories, '--history');
  const vacancies = fteOption(values.vacancies, '--vacancies', 0, '12.5');
  const workingDaysPerFte = fteOption(values['working-days-per-fte'], '--working-days-per-fte', 1, '253');
  const snapshotDate = dateOption(values['snapshot-date'], '--snapshot-date');
  if (snapshotDate !== undefined && presetFromArgs(values).preset !== 'nccis') {
    throw new UsageError(
      '--snapshot-date is the count date of an NCCIS file read with --preset nccis; for NI117 and NEET_NOT_KNOWN, --count-date chooses one count date among the records',
    );
  }
  const kind = definition.recordKind as RecordKind;
  const isCaseload = kind === 'allocation';
  // A workforce census gives CASELOAD both: its workers, and their Cases30 counts as allocations.
  const fromCensus = isCaseload && presetFromArgs(values).preset === 'workforce-census';
  const inputPath = isCaseload
    ? (values.allocations ?? (fromCensus ? values.workers : undefined))
    : values.input;
  if (isCaseload && (values.workers === undefined || inputPath === undefined)) {
    throw new UsageError(`${definition.id} needs --workers FILE and --allocations FILE`);
  }
  if (!isCaseload && values.input === undefined) throw new UsageError('missing --input FILE');
  if (isCaseload && values.period === undefined) {
    throw new UsageError(
      `${definition.id} needs --period P: the snapshot is taken at the period's end (or --snapshot DATE)`,
    );
  }
  if (inputPath === undefined) throw new UsageError('missing --input FILE');
  // ASSESS45 counts from the child's latest referral unless told to count from the assessment's start.
  const needsReferrals = definition.id === 'ASSESS45' && (from ?? 'referral') === 'referral';
  if (needsReferrals && values.referrals === undefined) {
    throw new UsageError(
      `${definition.id} needs --referrals FILE (it counts from each child's latest referral), or --from assessment-start`,
    );
  }

  warnUnusedFlags(command, definition.id, values, io);
  if (definition.id === 'ASSESS45' && !needsReferrals && values.referrals !== undefined) {
    io.err(
      `cs-indicators ${command}: --referrals does not apply with --from assessment-start and is ignored\n`,
    );
  }
  const calendar = await calendarFromArgs(values);
  const censusDate = fromCensus ? censusDateOf(snapshot, values.period) : undefined;
  const input = await readInput(kind, inputPath, values, io, {
    main: true,
    ...(censusDate ? { censusDate } : {}),
    ...(snapshotDate ? { snapshotDate } : {}),
  });
  const workers =
    isCaseload && values.workers !== undefined
      ? await readInput('worker', values.workers, values, io)
      : undefined;
  const referrals =
    needsReferrals && values.referrals !== undefined
      ? await readInput('referral', values.referrals, values, io)
      : undefined;
  // A workforce census XML says which day it is of (ReferenceDate) and the council's vacancies on it.
  const census = kind === 'worker' ? censusValuesOf(definition.id, input.fileValues) : {};
  // A census's CSV or workbook has no header to say its day: the stability figures need the 30 September it is of.
  if (
    kind === 'worker' &&
    census.censusDate === undefined &&
    presetFromArgs(values).preset === 'workforce-census'
  ) {
    census.censusDate = censusDateOf(undefined, values.period);
  }
  const period =
    values.period === undefined
      ? census.censusDate !== undefined
        ? periodOption(`${census.censusDate}..${census.censusDate}`, '--period')
        : spanOf(input.records as never, definition.eventDate)
      : periodOption(values.period, '--period');

  const computeOptions = {
    calendar,
    convention,
    outcomes: values.audit !== undefined,
    rows: input.rows,
    // CASELOAD and ASSESS45 read two files: the rows rejected from either are left out of the figure.
    rowsRejected:
      input.accounting.rowsRejected +
      (workers?.accounting.rowsRejected ?? 0) +
      (referrals?.accounting.rowsRejected ?? 0),
    ...(rules ? { rules } : {}),
    ...(timescale !== undefined ? { timescale } : {}),
    ...(startEvent ? { startEvent } : {}),
    ...(days ? { days } : {}),
    ...(baseline ? { baseline } : {}),
    ...(countDate ? { countDate } : {}),
    ...(snapshot ? { snapshot } : {}),
    ...(values['month-end-mean'] ? { mode: 'month-end-mean' } : {}),
    ...(workers ? { workers: workers.records } : {}),
    ...(from ? { from } : {}),
    ...(referrals ? { referrals: referrals.records } : {}),
    ...census,
    ...(vacancies !== undefined ? { vacancies: { [census.censusDate ?? period.end]: vacancies } } : {}),
    ...(workingDaysPerFte !== undefined ? { workingDaysPerFte } : {}),
    ...(history ? { history } : {}),
    rounding: {
      ...(decimalPlaces !== undefined ? { decimalPlaces } : {}),
      ...(rounding ? { mode: rounding } : {}),
    },
  };
  return { definition, period, input, computeOptions };
}

/**
 * The options a workforce census XML's header gives the stability indicators: its `ReferenceDate` as `censusDate`
 * and, for WF_VACANCY, its vacancies on that date.
 */
function censusValuesOf(
  id: string,
  fileValues: Readonly<Record<string, unknown>> | undefined,
): { censusDate?: string; vacancies?: Record<string, number> } {
  const referenceDate = fileValues?.referenceDate;
  if (typeof referenceDate !== 'string') return {};
  const vacancies = Number(fileValues?.vacancies);
  return {
    censusDate: referenceDate,
    ...(id === 'WF_VACANCY' && fileValues?.vacancies !== undefined && Number.isFinite(vacancies)
      ? { vacancies: { [referenceDate]: vacancies } }
      : {}),
  };
}

/** `cs-indicators compute INDICATOR`. */
export const computeCommand: CliCommand = {
  name: 'compute',
  summary: 'compute an indicator from a records file',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, computeArgOptions);
    const format = formatFromArgs(values.format, ['json', 'csv', 'table'] as const, 'json');
    const by = oneOf(values.by, ['team', 'worker', 'month'] as const, '--by');
    const { definition, period, input, computeOptions } = await prepareComputation(
      'compute',
      values,
      positionals,
      io,
    );
    let result: IndicatorResult;
    let breakdown: Breakdown | undefined;
    try {
      if (by) {
        const key: BreakdownKey = by === 'worker' ? 'workerId' : by;
        breakdown = computeBreakdown(
          definition.id as IndicatorId,
          input.records as never,
          period,
          key,
          computeOptions as never,
        );
        result = breakdown.total;
      } else {
        result = definition.compute(input.records as never, period, computeOptions as never);
      }
    } catch (error) {
      if (error instanceof RangeError || error instanceof TypeError) throw new UsageError(error.message);
      throw error;
    }
    if (values.audit !== undefined) {
      await writeFile(values.audit, auditCsv(definition.id, result.outcomes ?? []));
    }
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
      io.out(`${JSON.stringify(body, null, 2)}\n`);
    } else if (format === 'csv') {
      const groups = breakdown ? breakdown.groups.map((g) => csvRow(g.result, g.key)) : [];
      io.out(`${[csvLine(CSV_COLUMNS), ...groups, csvRow(result, breakdown ? 'Total' : '')].join('\n')}\n`);
    } else {
      io.out(breakdown ? breakdownTable(breakdown) : tableOf(result));
    }
    return 0;
  },
};
