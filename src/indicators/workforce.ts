/**
 * What the workforce stability indicators share (SPEC 17): a reference date R (the period end), the rolling 12 months
 * to it, who is in post and who left, FTE summed exactly, and a result whose numerator and denominator are FTE (or
 * days). Each indicator (`wf-turnover.ts`, `wf-agency.ts`, `wf-vacancy.ts`, `wf-absence.ts`) says what each worker
 * adds to its numerator and denominator; this module does the rest.
 * @module
 */
import { Decimal } from 'decimal.js';
import { type Calendar, calendarRef } from '../calendar/index.js';
import type { Period } from '../periods/index.js';
import type { WorkerRecord } from '../records/schemas.js';
import { type IsoDate, isIsoDate } from '../util/dates.js';
import { displayValue, exactRatio, resolveRounding } from './exact.js';
import { FteSum } from './fte-sum.js';
import { dateOption, groupOption, type IndicatorOption } from './options.js';
import { oneYearBefore } from './repeat-referrals.js';
import { calendarOf, createOutcomeTally, outcomeStore, resultWarnings } from './summarise.js';
import type {
  CommonIndicatorOptions,
  IndicatorDefinition,
  IndicatorResult,
  OutcomeBucket,
  OutcomeDraft,
} from './types.js';

/**
 * The options every workforce stability indicator declares: the group of a breakdown (`team`, `workerId`) and the
 * census date, which the records' file gives (a census XML's `ReferenceDate`, a report config input's
 * `censusDate`), never an indicator's options.
 * @example WORKFORCE_OPTIONS.map((option) => option.name) //=> ['team', 'workerId', 'censusDate']
 */
export const WORKFORCE_OPTIONS: readonly IndicatorOption[] = [
  groupOption({ name: 'team', setBy: '`--by team`', doc: 'one team’s figure' }),
  groupOption({ name: 'workerId', setBy: '`--by worker`', doc: 'one worker’s figure' }),
  {
    ...dateOption({
      name: 'censusDate',
      doc: 'the day the records are a census of: the figure of a period holding it is taken on it',
      defaultText: 'none (R is the period end)',
      inConfig: 'none',
    }),
    setBy: 'the census file: an XML’s `ReferenceDate`, a config input’s `censusDate`, a CSV’s `--period`',
  },
];

/** Options every workforce stability indicator takes. */
export interface WorkforceOptions extends CommonIndicatorOptions {
  /**
   * Only the workers of this team (`null`: the workers without a team). A breakdown by team sets it for each group.
   * Default: every team.
   */
  readonly team?: string | null;
  /** Only this worker. A breakdown by worker sets it. Default: every worker. */
  readonly workerId?: string;
  /**
   * The records are a census on this date (the workforce census's `ReferenceDate`): they say nothing of any other
   * day, so the figure of a period holding the date is taken on it (R = the census date, not the period end), and a
   * period without it has no value (every worker `excluded` as `census-date-outside-period`). The CLI and the
   * report set it from a census XML's header. Default: none (R is the period end: HR records cover every day).
   */
  readonly censusDate?: IsoDate;
}

/**
 * Where a worker stands at the reference date R: `in-post` (started on or before R, and no end or an end after R),
 * `leaver` (ended within the 12 months to R: after R − 12 months, on or before R), or `outside` (started after R, or
 * left on or before R − 12 months).
 */
export type WorkerStanding = 'in-post' | 'leaver' | 'outside';

/** The rolling 12 months to a reference date: after `after`, up to and including `reference`. */
export interface WorkforceWindow {
  /** R: the period end. */
  readonly reference: IsoDate;
  /** R − 12 months (the same day a year before; 29 February → 28 February): the window starts the day after. */
  readonly after: IsoDate;
}

/**
 * The rolling 12 months to a reference date.
 *
 * @param reference - R, the reference date.
 * @returns the window `(R − 12 months, R]`.
 * @example workforceWindow('2023-09-30') //=> { reference: '2023-09-30', after: '2022-09-30' }
 */
export function workforceWindow(reference: IsoDate): WorkforceWindow {
  return { reference, after: oneYearBefore(reference) };
}

/**
 * Where a worker stands at the reference date (SPEC 17's definitions of in post and leaver).
 *
 * @param worker - the worker.
 * @param window - the rolling 12 months to R.
 * @returns `in-post`, `leaver` or `outside`.
 * @example
 * workerStanding({ workerId: 'W1', fte: 1, endDate: '2023-03-31' }, workforceWindow('2023-09-30')) //=> 'leaver'
 */
export function workerStanding(worker: WorkerRecord, window: WorkforceWindow): WorkerStanding {
  if (worker.startDate !== undefined && worker.startDate > window.reference) return 'outside';
  if (worker.endDate === undefined || worker.endDate > window.reference) return 'in-post';
  return worker.endDate > window.after ? 'leaver' : 'outside';
}

/** What one worker adds to a workforce figure, and the bucket it is in. */
export interface WorkerContribution {
  /** The bucket: `counted` (adds to the numerator), `not-counted` (to the denominator only), … */
  readonly bucket: OutcomeBucket;
  /** Why, for `excluded` (counted in `counts.excluded`) and where the bucket needs saying. */
  readonly reason?: string;
  /** What it adds to the numerator (FTE, or days lost). Default 0. */
  readonly numerator?: number;
  /** What it adds to the denominator's FTE. Default 0. */
  readonly denominatorFte?: number;
}

/**
 * The exclusion of a worker whose record does not say whether it is an agency worker (an HR export without the
 * column): `agency-unknown`, never guessed to be employed.
 *
 * @param worker - the worker.
 * @returns the exclusion, or undefined when the record says.
 * @example agencyUnknown({ workerId: 'W1', fte: 1 }) //=> { bucket: 'excluded', reason: 'agency-unknown' }
 */
export function agencyUnknown(worker: WorkerRecord): WorkerContribution | undefined {
  return worker.agency === undefined ? { bucket: 'excluded', reason: 'agency-unknown' } : undefined;
}

/** What an indicator's function hands to {@link workforceResult}. */
export interface WorkforceSpec<O extends WorkforceOptions> {
  /** The indicator's definition. */
  readonly definition: IndicatorDefinition<'worker', O>;
  /** What one worker in scope adds, given where it stands. */
  readonly contribute: (worker: WorkerRecord, standing: WorkerStanding) => WorkerContribution;
  /**
   * Turns the sums into the figure: the numerator and the denominator the value is their ratio of (× 100), and the
   * rule's own entries. Default: the sums as they are.
   */
  readonly figure?: (sums: { readonly numerator: Decimal; readonly fte: Decimal }) => {
    readonly numerator: Decimal;
    readonly denominator: Decimal;
  };
  /** The rule's entries particular to the indicator. */
  readonly rule: Readonly<Record<string, string | number | boolean | null>>;
  /** The details particular to the indicator, beside the sums. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The figures behind a workforce result, in `details`. */
export interface WorkforceDetails {
  /** R. */
  readonly referenceDate: IsoDate;
  /** R − 12 months: the window is the days after it, up to R. */
  readonly windowAfter: IsoDate;
  /** The FTE in the numerator (or the days lost, for WF_ABSENCE), exact, as text. */
  readonly numerator: string;
  /** The FTE that enters the denominator, exact, as text. */
  readonly denominatorFte: string;
}

/**
 * The scope of a workforce figure: the workers of `team` (or `workerId`), when one is given.
 * @param workers - every worker record.
 * @param options - `team` and `workerId`.
 * @returns the indices of the workers in scope.
 */
function scopeOf(workers: readonly WorkerRecord[], options: WorkforceOptions): Int32Array {
  // Filled in place, not pushed (10^6 pushes onto a growing array, and its collection, cost a fifth of the time).
  const scoped = new Int32Array(workers.length);
  let count = 0;
  for (let i = 0; i < workers.length; i++) {
    const worker = workers[i] as WorkerRecord;
    if (options.team !== undefined && (worker.team ?? null) !== options.team) continue;
    if (options.workerId !== undefined && worker.workerId !== options.workerId) continue;
    scoped[count++] = i;
  }
  return scoped.subarray(0, count);
}

/**
 * The reference date R of a period: its end, or the census date when the records are a census taken within it.
 *
 * @param period - the period.
 * @param options - `censusDate`, when the records are a census.
 * @returns R.
 * @throws {RangeError} for a `censusDate` that is not a date written `YYYY-MM-DD`.
 * @example referenceDateOf(parsePeriod('FY2023'), { censusDate: '2023-09-30' }) //=> '2023-09-30'
 */
export function referenceDateOf(period: Period, options: Pick<WorkforceOptions, 'censusDate'>): IsoDate {
  const census = options.censusDate;
  if (census === undefined) return period.end;
  if (!isIsoDate(census)) {
    throw new RangeError(`censusDate: expected a date written YYYY-MM-DD, got ${JSON.stringify(census)}`);
  }
  return census >= period.start && census <= period.end ? census : period.end;
}

/**
 * Computes a workforce stability figure at the period end R: each worker in scope placed (in post, leaver or
 * outside), its contribution summed exactly, every record in one bucket, and a result whose numerator and
 * denominator are the sums (FTE, or days).
 *
 * @param workers - worker records.
 * @param period - the period; its end is R.
 * @param options - the indicator's options.
 * @param spec - what the indicator adds up.
 * @returns the result.
 * @example
 * workforceResult(workers, parsePeriod('2023-09'), {}, turnoverSpec).display //=> '15.9%'
 */
export function workforceResult<O extends WorkforceOptions>(
  workers: readonly WorkerRecord[],
  period: Period,
  options: O,
  spec: WorkforceSpec<O>,
): IndicatorResult {
  const calendar: Calendar = calendarOf(options);
  const rounding = resolveRounding(options.rounding, options.precision);
  const census = options.censusDate;
  const censusOutside = census !== undefined && (census < period.start || census > period.end);
  const window = workforceWindow(referenceDateOf(period, options));
  const scoped = scopeOf(workers, options);
  const tally = createOutcomeTally();
  const outcomes = outcomeStore(options, scoped.length);
  let position = 0;
  const numeratorSum = new FteSum();
  const fteSum = new FteSum();
  for (let at = 0; at < scoped.length; at++) {
    const index = scoped[at] as number;
    const worker = workers[index] as WorkerRecord;
    const standing = workerStanding(worker, window);
    const contribution: WorkerContribution = censusOutside
      ? { bucket: 'excluded', reason: 'census-date-outside-period' }
      : spec.contribute(worker, standing);
    tally.add(contribution.bucket, contribution.reason);
    if (contribution.numerator !== undefined) numeratorSum.add(contribution.numerator);
    if (contribution.denominatorFte !== undefined) fteSum.add(contribution.denominatorFte);
    if (outcomes !== undefined) {
      const outcome: OutcomeDraft = { id: worker.workerId, bucket: contribution.bucket };
      const row = options.rows?.[index];
      if (row !== undefined) outcome.row = row;
      if (contribution.reason !== undefined) outcome.reason = contribution.reason;
      outcome.eventDate = standing === 'leaver' ? (worker.endDate as IsoDate) : window.reference;
      if (worker.startDate !== undefined) outcome.startDate = worker.startDate;
      if (worker.team !== undefined) outcome.team = worker.team;
      outcome.workerId = worker.workerId;
      outcomes.put(position++, outcome);
    }
  }
  const numerator = numeratorSum.total();
  const fte = fteSum.total();
  const figure = censusOutside
    ? { numerator: new Decimal(0), denominator: new Decimal(0) }
    : (spec.figure?.({ numerator, fte }) ?? { numerator, denominator: fte });
  const value = exactRatio(
    figure.numerator.toNumber(),
    figure.denominator.toNumber(),
    100,
    rounding.precision,
  );
  const definition = spec.definition;
  const counts = tally.counts(scoped.length, options.rowsRejected);
  const details: WorkforceDetails & Readonly<Record<string, unknown>> = {
    referenceDate: window.reference,
    windowAfter: window.after,
    numerator: numerator.toString(),
    denominatorFte: fte.toString(),
    ...spec.details,
  };
  return {
    indicator: definition.id,
    title: definition.title,
    unit: definition.unit,
    polarity: definition.polarity,
    period: { start: period.start, end: period.end, label: period.label },
    numerator: figure.numerator.toNumber(),
    denominator: figure.denominator.toNumber(),
    value,
    display: displayValue(value, rounding, '%'),
    rounding,
    rule: {
      referenceDate: window.reference,
      window: `${window.after} < date <= ${window.reference}`,
      inPost: 'startDate <= R and (no endDate, or endDate > R)',
      leaver: 'R - 12 months < endDate <= R',
      ...spec.rule,
      ...(census === undefined ? {} : { censusDate: census }),
      ...(options.team === undefined ? {} : { team: options.team }),
      ...(options.workerId === undefined ? {} : { workerId: options.workerId }),
    },
    calendar: calendarRef(calendar),
    counts,
    ...(outcomes?.kept === undefined ? {} : { outcomes: outcomes.kept }),
    details,
    warnings: resultWarnings(definition.id, counts),
  };
}

/**
 * The source every workforce stability indicator cites, besides its own definition.
 * @example WORKFORCE_SOURCE.startsWith('DfE') //=> true
 */
export const WORKFORCE_SOURCE =
  'DfE, Children\'s social work workforce (explore-education-statistics.service.gov.uk), methodology: definitions of in post, leavers, agency workers, vacancies, absence and caseload; Leicester Improvement Notice 2015, 5e: "a stable and sustainable social work workforce"';
