import {
  type Calendar,
  type CalendarRef,
  type Convention,
  calendarRef,
  checkCovers,
  createCalendar,
  takeDaysAsked,
  unusedClosures,
} from '../calendar/index.js';
import type { DayCount } from '../indicators/from-days.js';
import {
  getIndicator,
  type IndicatorCounts,
  type IndicatorDefinition,
  type IndicatorId,
  type IndicatorResult,
  type OptionsFor,
  type RecordsFor,
  type RoundingOptions,
} from '../indicators/index.js';
import { type Period, parsePeriod, splitIntoMonths } from '../periods/index.js';
import type { DayColumns } from '../records/day-columns.js';
import type { InputSummary, ResultWarning } from '../records/issues.js';
import {
  improvementOf,
  monthlySeries,
  type ResolvedSpcOptions,
  type SpcAssurance,
  type SpcChart,
  type SpcOptions,
  type SpcPoint,
  type SpcPointType,
  spc,
} from '../spc/index.js';
import {
  compareToTarget,
  expectedRemainingVolume,
  rateNeeded,
  type Target,
  type TargetSet,
} from '../targets/index.js';
import { isPercentBelowOne, percentMeant } from '../targets/percent-below-one.js';
import { type IsoDate, isIsoDate } from '../util/dates.js';
import { countOf } from '../util/plural.js';
import { chartNumber } from './spc-words.js';
import { type ResolvedTolerance, resolveTolerance, type Tolerance } from './tolerance.js';

/** One indicator of a report: its records and options. */
export interface ReportIndicatorInput<I extends IndicatorId = IndicatorId> {
  /** The indicator, e.g. `NI59`. */
  readonly id: I;
  /** Its records, as `parseRecords` returns them. */
  readonly records: RecordsFor<I>;
  /** Its own options (rules, start event, workers…); the report's calendar and convention are added. */
  readonly options?: OptionsFor<I>;
  /** Rows rejected while reading its input, so that the report accounts for every row. */
  readonly rowsRejected?: number;
  /** The files its records were read from (and those of its other records, a CASELOAD's workers), one each. Default: none. */
  readonly inputs?: readonly InputSummary[];
  /** The warnings of reading those files (`unmatched_map_key`), carried into the indicator's. Default: none. */
  readonly warnings?: readonly ResultWarning[];
  /**
   * The target the summary shows: a target set's id (or, for targets given without a set, their document's title)
   * and the target's period. Default: the rule of {@link BuildReportOptions.targetSets}.
   */
  readonly headline?: { readonly set: string; readonly period: string };
  /** This indicator's RAG tolerance. Default: the report's (`BuildReportOptions.tolerance`). */
  readonly tolerance?: Tolerance;
  /** How its XmR chart is drawn: `fixAfter`, `rebase` and `screenOutliers` of `spc()`. Default: spc()'s defaults. */
  readonly spc?: ReportSpcOptions;
}

/** The options of an indicator's XmR chart a report config may set (the direction and target come from the report). */
export type ReportSpcOptions = Pick<SpcOptions, 'fixAfter' | 'rebase' | 'screenOutliers'>;

/**
 * One input file of a report: the record kind it gave, and the reader's summary of it (file, SHA-256, encoding, and
 * what became of every row: `rowsRead = rowsAccepted + rowsRejected + rowsSkipped`).
 */
export interface ReportInput extends InputSummary {
  /** The record kind read from it. */
  readonly kind: string;
}

/** Options of {@link buildReport}. */
export interface BuildReportOptions {
  /** The report's title. Default `Monthly return <year label>`. */
  readonly title?: string;
  /**
   * The financial year reported, e.g. `FY2010` or `2010/11` (any period of whole months works here; a report config
   * takes a financial year only).
   */
  readonly financialYear: Period | string;
  /**
   * The last day the data covers (the return's date). Months ending after it are not reported, and a target whose
   * period runs past it is compared on its months so far, with the rate the remaining months need. Default: the
   * end of the financial year.
   */
  readonly asAt?: IsoDate;
  /**
   * The target sets to compare with, in order; targets of indicators not in the report, or outside the year, are
   * left out. Each indicator's headline target (the one the summary shows), unless its input names one: in the first
   * set that has a target for it, the target whose period contains `asAt` (of several, the one ending first); else
   * the one ending soonest after `asAt`; else the one that ended last. Default: none.
   */
  readonly targetSets?: readonly TargetSet[];
  /**
   * More targets, after those of `targetSets`: grouped into sets by their document (`source.document`), in the order
   * first seen. Default: none.
   */
  readonly targets?: readonly Target[];
  /** The working-day calendar. Default: England and Wales. */
  readonly calendar?: Calendar;
  /** The counting convention. Default `after-start`. */
  readonly convention?: Convention;
  /**
   * The RAG tolerance of every indicator without its own: a number in the gap's unit (points, or cases per FTE),
   * `{ points }` or `{ percentOfTarget }`. Default: 5% of each target's absolute value.
   */
  readonly tolerance?: Tolerance;
  /** Display rounding. Default 1 decimal place, half-up. */
  readonly rounding?: RoundingOptions;
  /**
   * Months before the financial year that the XmR charts take as history, where the records hold them (the months
   * before the first with a record in the population are left out). A whole number >= 0. Default 12: the previous
   * financial year.
   */
  readonly spcHistoryMonths?: number;
  /** The input files read, for the accounting the report shows. Default: none listed. */
  readonly inputs?: readonly ReportInput[];
}

/** A figure of the report: a month, the year to date, or a target's period. */
export interface ReportFigure {
  /** The period, with its canonical spec (`2010-10`, `2010-04..2011-01`). */
  readonly period: {
    readonly spec: string;
    readonly start: IsoDate;
    readonly end: IsoDate;
    readonly label: string;
  };
  /** Whether the period is covered by the data (ends on or before `asAt`). */
  readonly reported: boolean;
  readonly numerator: number;
  readonly denominator: number;
  /** The exact value as a string, or null (no data, or not reported). */
  readonly value: string | null;
  /** The value as displayed: `82.4%`, `21.3`, `n/a`, or `not yet` for a month after `asAt`. */
  readonly display: string;
}

/** A target of the report and how the indicator stands against it. */
export interface ReportTarget {
  /** The target, with its source (document, paragraph, quote, note). */
  readonly target: Target;
  /** The set it comes from: its id (null for a target given without a set) and title. */
  readonly set: { readonly id: string | null; readonly title: string };
  /** Whether it is the indicator's headline target, the one the summary shows. */
  readonly headline: boolean;
  /** The amber band it was judged with. */
  readonly tolerance: ResolvedTolerance;
  /** The target's period, parsed. */
  readonly period: ReportFigure['period'];
  /** The target's value as displayed: `80%`, `22 cases per FTE`, `+10% on FY2009`. */
  readonly targetDisplay: string;
  /** The figure compared: over the target's period, or its months so far when it runs past `asAt`. */
  readonly figure: ReportFigure;
  /** The figure compared as displayed (`82.4%`, or the % change for a percent-change target). */
  readonly actualDisplay: string;
  /** `met`, `not-met`, `no-data`, or `not-started` (the period starts after `asAt`). */
  readonly status: 'met' | 'not-met' | 'no-data' | 'not-started';
  /** `green`, `amber`, `red`, or `grey` (no data, not started). */
  readonly rag: 'green' | 'amber' | 'red' | 'grey';
  /** The gap, exact as a string (positive is better than target), or null. */
  readonly gap: string | null;
  /** The gap displayed: `+2.4 pts`. */
  readonly gapDisplay: string;
  /**
   * Whether the comparison is provisional: the target's period runs past `asAt` and months that count are still to
   * come (for NI117 and NEET_NOT_KNOWN only the November, December and January counts count).
   */
  readonly running: boolean;
  /** For a percent-change target: the baseline figure the change is measured from (like for like while running). */
  readonly baseline?: {
    readonly period: { readonly start: IsoDate; readonly end: IsoDate; readonly label: string };
    readonly numerator: number;
    readonly value: string | null;
    readonly change: string | null;
    readonly changeDisplay: string;
  };
  /** For a running percentage target: the rate the remaining months need. */
  readonly rateNeeded?: {
    readonly needed: string | null;
    readonly neededDisplay: string;
    readonly bound: 'at-least' | 'at-most';
    readonly achievable: boolean;
    readonly alreadySecured: boolean;
    readonly monthsRemaining: number;
  };
}

/** One indicator of the report. */
export interface ReportIndicator {
  readonly id: string;
  readonly title: string;
  readonly unit: IndicatorResult['unit'];
  readonly polarity: IndicatorResult['polarity'];
  /** Where the definition comes from. */
  readonly source: string;
  /** The rule the figures were computed under. */
  readonly rule: IndicatorResult['rule'];
  /** One figure per month of the year. */
  readonly months: readonly ReportFigure[];
  /** The months before the year that the chart shows as history (`spcHistoryMonths`), from the first with data. */
  readonly history: readonly ReportFigure[];
  /** The year to date (to `asAt`): pooled, or (CASELOAD) a snapshot on its last day. */
  readonly yearToDate: ReportFigure;
  /** Whether `yearToDate` pools the months (`pooled`) or is a snapshot on the last day (`snapshot`). */
  readonly yearToDateKind: 'pooled' | 'snapshot';
  /** How the records of the year to date were used. */
  readonly counts: IndicatorCounts;
  /** The targets, in the order given. */
  readonly targets: readonly ReportTarget[];
  /** The XmR chart of the history and the year's months to `asAt` (SPEC 14). */
  readonly spc: ReportSpc;
  /**
   * What may make a figure not what it seems: the year to date's own (`all_excluded`), options contradicting a
   * target, too few points for the chart, a percent target or `percentOfTarget` tolerance between 0 and 1
   * (`percent_below_one`), a targets file giving no target in the year (`targets_unused`, from the config's loader),
   * and its readers' (`unmatched_map_key`); empty when nothing.
   */
  readonly warnings: readonly ResultWarning[];
  /** The files the indicator's records were read from: file, SHA-256, encoding and what became of every row. */
  readonly inputs: readonly InputSummary[];
}

/** An indicator's XmR chart in the report: `spc()`'s result over the months shown (SPEC 14). */
export interface ReportSpc {
  /** The options, every default filled in: the direction from the polarity, the target the headline's. */
  readonly options: ResolvedSpcOptions;
  /** One point per month shown, history first, labelled `2010-04`. */
  readonly points: readonly SpcPoint[];
  /** What the latest month shows. */
  readonly variation: SpcPointType | null;
  /** Whether the process will meet the headline target. */
  readonly assurance: SpcAssurance | null;
  /** Whether the limits rest on fewer than 12 points. */
  readonly tooFewPoints: boolean;
}

/** An indicator the board should look at first, and why, in words. */
export interface SlowToProgress {
  readonly indicator: string;
  /** Each reason in a sentence: the assurance `consistent-fail`, or a rate needed that cannot be reached. */
  readonly reasons: readonly string[];
}

/** The monthly return: every indicator by month, the year to date and the targets. */
export interface ReportModel {
  readonly title: string;
  readonly financialYear: ReportFigure['period'];
  readonly asAt: IsoDate;
  readonly calendar: CalendarRef;
  readonly convention: Convention;
  /** The report's RAG tolerance as given, or null for the default (5% of each target); each target has its own. */
  readonly tolerance: Tolerance | null;
  /** The months before the year the charts take as history. */
  readonly spcHistoryMonths: number;
  /** The months of the year, each with whether it is reported. */
  readonly months: readonly (ReportFigure['period'] & { readonly reported: boolean })[];
  readonly indicators: readonly ReportIndicator[];
  /** The indicators slow to progress, listed first in the summary, in report order. */
  readonly slowToProgress: readonly SlowToProgress[];
  /** The input files read, with what became of their rows. */
  readonly inputs: readonly ReportInput[];
}

const NOT_YET = 'not yet';

function periodOf(period: Period): ReportFigure['period'] {
  return { spec: period.spec, start: period.start, end: period.end, label: period.label };
}

function figureOf(result: IndicatorResult, period: Period, reported = true): ReportFigure {
  return {
    period: periodOf(period),
    reported,
    numerator: result.numerator,
    denominator: result.denominator,
    value: result.value === null ? null : result.value.toString(),
    display: result.display,
  };
}

function notYet(period: Period): ReportFigure {
  return {
    period: periodOf(period),
    reported: false,
    numerator: 0,
    denominator: 0,
    value: null,
    display: NOT_YET,
  };
}

/** The part of `period` up to `asAt`, in whole months, or undefined when it starts after `asAt`. */
function soFar(period: Period, asAt: IsoDate): Period | undefined {
  if (period.end <= asAt) return period;
  const months = splitIntoMonths(period).filter((month) => month.end <= asAt);
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return undefined;
  return parsePeriod(`${period.start}..${last.end}`);
}

/**
 * Refuses a report whose calendar is on a whole holiday list that does not cover the year to date (its whole months
 * to `asAt`): every figure of the year would be a guess at the days the list does not know. Nothing for the bundled
 * bank holidays.
 *
 * @param calendar - the report's calendar.
 * @param financialYear - the report's year, e.g. `FY2011` (or the period).
 * @param asAt - the day the data run to.
 * @throws {OutsideHolidayListError} naming the list, the days it covers and the first day of the year it lacks.
 * @example checkYearCovered(createCalendar({ holidays: feed }), 'FY2011', '2012-02-29') // throws for a 2012-2028 feed
 */
export function checkYearCovered(calendar: Calendar, financialYear: Period | string, asAt: IsoDate): void {
  const year = parsePeriod(financialYear);
  const toDate = soFar(year, asAt);
  if (toDate) checkCovers(calendar, toDate, `the year to date of ${year.label}`);
}

/**
 * The warning of a chart whose history months had records excluded because their working days fall outside the
 * calendar's whole holiday list (`outside_holiday_list`): those months' points stand on the records left, or are
 * not shown. The year's own months are in the year to date's warning.
 */
function historyOutsideList(
  indicator: string,
  months: readonly Period[],
  results: readonly IndicatorResult[],
  calendar: CalendarRef,
): ResultWarning[] {
  const covers = calendar.covers;
  if (covers === undefined) return [];
  const hit = results.flatMap((result, index) => {
    const count = result.counts.excluded['outside-calendar-range'] ?? 0;
    return count > 0 ? [{ month: (months[index] as Period).start.slice(0, 7), count }] : [];
  });
  if (hit.length === 0) return [];
  const total = hit.reduce((sum, { count }) => sum + count, 0);
  const list =
    calendar.holidayList === undefined ? 'the holiday list' : `the holiday list ${calendar.holidayList}`;
  return [
    {
      code: 'outside_holiday_list',
      message: `${indicator}: the chart's history before the year: ${countOf(total, 'record')} of ${hit.map(({ month, count }) => `${month} (${count})`).join(', ')} excluded as outside-calendar-range: ${list} covers ${covers.start} to ${covers.end}; those months' points stand on the records left, or are not shown`,
    },
  ];
}

/** The same number of whole months from the start of `baseline`, for a like-for-like change. */
function likeForLike(baseline: string, monthCount: number): Period {
  const months = splitIntoMonths(parsePeriod(baseline)).slice(0, monthCount);
  const last = months.at(-1);
  const first = months[0];
  if (!first || !last) return parsePeriod(baseline);
  return parsePeriod(`${first.start}..${last.end}`);
}

function targetDisplayOf(target: Target): string {
  switch (target.unit) {
    case 'percent':
      return `${target.value}%`;
    case 'percent-change':
      return `${target.value > 0 ? '+' : ''}${target.value}% on ${parsePeriod(target.baseline ?? target.period).label}`;
    case 'cases-per-fte':
      return `${target.value} cases per FTE`;
    default:
      return String(target.value);
  }
}

/** A target with the set it comes from. */
interface SetTarget {
  readonly target: Target;
  readonly set: ReportTarget['set'];
  /** The set's place in the order given. */
  readonly order: number;
}

/** The targets of the sets in order, then the loose targets grouped by document. */
function targetsInSets(options: BuildReportOptions): SetTarget[] {
  const out: SetTarget[] = [];
  (options.targetSets ?? []).forEach((set, order) => {
    for (const target of set.targets) out.push({ target, set: { id: set.id, title: set.title }, order });
  });
  const documents: string[] = [];
  for (const target of options.targets ?? []) {
    const title = target.source.document;
    if (!documents.includes(title)) documents.push(title);
    out.push({
      target,
      set: { id: null, title },
      order: (options.targetSets?.length ?? 0) + documents.indexOf(title),
    });
  }
  return out;
}

/**
 * The headline among an indicator's targets (SPEC 15): the one named, or in the first set that has one, the target
 * whose period contains `asAt` (ending first), else the one ending soonest after it, else the one that ended last.
 */
function headlineIndex(
  id: string,
  targets: readonly (SetTarget & { readonly period: Period })[],
  asAt: IsoDate,
  named: ReportIndicatorInput['headline'],
): number {
  if (targets.length === 0) {
    if (named) throw new RangeError(`${id}: headline: the indicator has no target in the year`);
    return -1;
  }
  if (named) {
    const wanted = parsePeriod(named.period);
    const index = targets.findIndex(
      ({ set, period }) =>
        (set.id === named.set || (set.id === null && set.title === named.set)) &&
        period.start === wanted.start &&
        period.end === wanted.end,
    );
    if (index === -1) {
      const known = targets.map(({ set, period }) => `${set.id ?? set.title} ${period.spec}`).join('; ');
      throw new RangeError(
        `${id}: headline: no target of set ${JSON.stringify(named.set)} over ${named.period} in the year (its targets: ${known})`,
      );
    }
    return index;
  }
  const first = Math.min(...targets.map((target) => target.order));
  const inSet = targets.flatMap((target, index) => (target.order === first ? [{ ...target, index }] : []));
  const pick = (candidates: typeof inSet, better: (a: Period, b: Period) => boolean) =>
    candidates.reduce((best, candidate) => (better(candidate.period, best.period) ? candidate : best));
  const containing = inSet.filter(({ period }) => period.start <= asAt && asAt <= period.end);
  if (containing.length > 0) {
    return pick(containing, (a, b) => a.end < b.end || (a.end === b.end && a.start > b.start)).index;
  }
  const after = inSet.filter(({ period }) => period.start > asAt);
  if (after.length > 0) {
    return pick(after, (a, b) => a.end < b.end || (a.end === b.end && a.start > b.start)).index;
  }
  return pick(inSet, (a, b) => a.end > b.end || (a.end === b.end && a.start > b.start)).index;
}

/** The months of history before the year: the `count` months ending the month before it starts. */
function historyMonths(year: Period, count: number): Period[] {
  if (count === 0) return [];
  const [y = 0, m = 1] = year.start.split('-').map(Number);
  const startIndex = y * 12 + (m - 1) - count;
  const startMonth = `${Math.floor(startIndex / 12)}-${String((startIndex % 12) + 1).padStart(2, '0')}`;
  const endIndex = y * 12 + (m - 1) - 1;
  const endMonth = `${Math.floor(endIndex / 12)}-${String((endIndex % 12) + 1).padStart(2, '0')}`;
  return splitIntoMonths(parsePeriod(`${startMonth}..${endMonth}`));
}

/** `startEvent strategy-discussion`: an option and its value in words. */
function optionWords(key: string, value: unknown, definition?: IndicatorDefinition): string {
  if (value !== undefined) return `${key} ${String(value)}`;
  // An option not given whose default depends on others (NI59's timescale, the rule set's) has no value to name.
  const shown = definition?.options.find((option) => option.name === key)?.defaultText;
  return `${key} not given (${shown ?? 'none'})`;
}

/**
 * Builds the monthly return: for a financial year, each indicator by month, the year to date (pooled, never an
 * average of months; a snapshot for CASELOAD) and each target with its status, gap, RAG (each target with its own
 * tolerance) and, for a target still running at `asAt`, the rate the remaining months need; the headline target of
 * each indicator; the XmR chart of its months with the history before the year (SPEC 14); the warnings a board
 * needs (options contradicting a target's words, charts on too few points); and the indicators slow to progress.
 * Pure: the same records and options always give the same model.
 *
 * @param indicators - the indicators to report, each with its records, options, headline, tolerance and chart options.
 * @param options - the financial year, `asAt`, target sets, calendar, convention, tolerance, rounding, history.
 * @returns the {@link ReportModel}, ready for a renderer (HTML, Markdown, CSV, JSON, workbook).
 * @throws {RangeError} for an `asAt` that is not a real `YYYY-MM-DD` date, a headline that names no target of the
 *   indicator in the year, a tolerance or `spcHistoryMonths` that is not a number >= 0, or a chart option spc()
 *   refuses (a rebase month not shown).
 * @example
 * const model = buildReport([{ id: 'NI59', records }], {
 *   financialYear: 'FY2010',
 *   asAt: '2011-01-31',
 *   targetSets: [targetSets['leeds-2010-notice']],
 * });
 * model.indicators[0].yearToDate.display; //=> '75.6%'
 * headlineTarget(model.indicators[0])?.period.spec; //=> '2010-10..2011-03'
 * model.indicators[0].spc.variation; //=> 'special-cause-improvement'
 */
export function buildReport(
  indicators: readonly ReportIndicatorInput[],
  options: BuildReportOptions,
): ReportModel {
  return buildReportBy(indicators, options);
}

/**
 * The records of a report's indicator held as day columns, and its count from them (internal: `loadReportWith`
 * reads a file so when every indicator reading it is counted from two dates; see `indicators/from-days.ts`).
 */
export interface ReportDays {
  readonly columns: DayColumns;
  readonly count: DayCount;
}

/**
 * {@link buildReport}, an indicator's records given as day columns where `days` is given (its `records` then
 * empty): the same model as from the records (internal, not exported by the package).
 *
 * @param indicators - as {@link buildReport}, each with `days` or its records.
 * @param options - as {@link buildReport}.
 * @returns the {@link ReportModel}.
 * @example
 * const days = { columns, count: dayCountOf('NI59') }; // columns: a read's DayColumns of the NI59 records
 * buildReportBy([{ id: 'NI59', records: [], days }], { financialYear: 'FY2010' }).indicators[0]?.id //=> 'NI59'
 */
export function buildReportBy(
  indicators: readonly (ReportIndicatorInput & { readonly days?: ReportDays })[],
  options: BuildReportOptions,
): ReportModel {
  const year = parsePeriod(options.financialYear);
  const asAt = options.asAt ?? year.end;
  // Compared with dates as text, anything else would report wrong months without a word.
  if (!isIsoDate(asAt)) {
    throw new RangeError(`asAt: expected a real date written YYYY-MM-DD, got ${JSON.stringify(asAt)}`);
  }
  const convention = options.convention ?? 'after-start';
  const months = splitIntoMonths(year);
  const historyCount = options.spcHistoryMonths ?? 12;
  if (!Number.isInteger(historyCount) || historyCount < 0) {
    throw new RangeError(
      `spcHistoryMonths: expected a whole number >= 0, got ${String(options.spcHistoryMonths)}`,
    );
  }
  const history = historyMonths(year, historyCount);
  // One calendar for every figure, built once.
  const calendar = options.calendar ?? createCalendar();
  checkYearCovered(calendar, options.financialYear, asAt);
  const allTargets = targetsInSets(options);

  const reportIndicators = indicators.map((input): ReportIndicator => {
    const definition = getIndicator(input.id);
    // The days this indicator's counts reach, for the check that the closure days given touch one.
    takeDaysAsked(calendar);
    const baseOptions = {
      ...(input.options ?? {}),
      calendar,
      convention,
      ...(options.rounding ? { rounding: options.rounding } : {}),
    };
    const days = input.days;
    const compute = (period: Period, extra: Record<string, unknown> = {}) =>
      days === undefined
        ? definition.compute(input.records as never, period, { ...baseOptions, ...extra } as never)
        : days.count.compute(days.columns, period, { ...baseOptions, ...extra });
    const recordCount = days === undefined ? input.records.length : days.columns.count;

    const monthResults = months.map((month) => (month.end <= asAt ? compute(month) : undefined));
    const monthly = months.map((month, index) => {
      const result = monthResults[index];
      return result ? figureOf(result, month) : notYet(month);
    });
    const historyResults = history.map((month) => compute(month));
    const firstWithData = historyResults.findIndex((result) => result.counts.inPopulation > 0);
    const shownHistory = firstWithData === -1 ? [] : historyResults.slice(firstWithData);
    const toDate = soFar(year, asAt);
    const ytdResult = toDate
      ? compute(toDate, input.rowsRejected === undefined ? {} : { rowsRejected: input.rowsRejected })
      : undefined;
    // A workforce figure is taken on one reference date (a census's, or the period end): a snapshot shown on it.
    const referenceDate = ytdResult?.rule.referenceDate;
    const snapshotOn =
      toDate && typeof referenceDate === 'string' && referenceDate < toDate.end
        ? parsePeriod(`${toDate.start}..${referenceDate}`)
        : toDate;
    const yearToDate = snapshotOn && ytdResult ? figureOf(ytdResult, snapshotOn) : notYet(year);
    const tolerance = input.tolerance ?? options.tolerance;

    const inYear = allTargets
      .filter(({ target }) => target.indicator === definition.id)
      .map((entry) => ({ ...entry, period: parsePeriod(entry.target.period) }))
      .filter(({ period }) => period.start <= year.end && period.end >= year.start);
    const headline = headlineIndex(definition.id, inYear, asAt, input.headline);

    const targets = inYear.map(({ target, set, period }, index): ReportTarget => {
      const common = {
        target,
        set,
        headline: index === headline,
        tolerance: resolveTolerance(tolerance, target),
        period: periodOf(period),
        targetDisplay: targetDisplayOf(target),
      };
      const covered = soFar(period, asAt);
      if (!covered) {
        return {
          ...common,
          figure: notYet(period),
          actualDisplay: NOT_YET,
          status: 'not-started',
          rag: 'grey',
          gap: null,
          gapDisplay: 'n/a',
          running: true,
        };
      }
      const coveredMonths = splitIntoMonths(covered);
      // NEET counts are taken in November, December and January only: other months add nothing to come.
      const remaining = splitIntoMonths(period).filter(
        (month) =>
          month.end > covered.end &&
          (definition.recordKind !== 'neet' || ['11', '12', '01'].includes(month.start.slice(5, 7))),
      ).length;
      const running = covered.end < period.end && remaining > 0;
      const baseline =
        target.baseline === undefined
          ? {}
          : {
              baseline:
                covered.end < period.end
                  ? likeForLike(target.baseline, coveredMonths.length)
                  : parsePeriod(target.baseline),
            };
      const result = compute(covered, baseline);
      const comparison = compareToTarget(result, target, {
        tolerance: common.tolerance.value,
        toDate: covered.end < period.end,
      });
      const needed =
        running && target.unit === 'percent' && result.unit === 'percent'
          ? rateNeeded({
              target,
              soFar: result,
              expectedRemaining: expectedRemainingVolume(
                coveredMonths.map((month) => compute(month).denominator),
                remaining,
              ),
            })
          : undefined;
      return {
        ...common,
        figure: figureOf(result, covered),
        actualDisplay: comparison.actualDisplay,
        status: comparison.status,
        rag: comparison.rag,
        gap: comparison.gap === null ? null : comparison.gap.toString(),
        gapDisplay: comparison.gapDisplay,
        running,
        ...(result.baseline
          ? {
              baseline: {
                period: result.baseline.period,
                numerator: result.baseline.numerator,
                value: result.baseline.value === null ? null : result.baseline.value.toString(),
                change: result.baseline.change === null ? null : result.baseline.change.toString(),
                changeDisplay: result.baseline.changeDisplay,
              },
            }
          : {}),
        ...(needed
          ? {
              rateNeeded: {
                needed: needed.needed === null ? null : needed.needed.toString(),
                neededDisplay: needed.neededDisplay,
                bound: needed.bound,
                achievable: needed.achievable,
                alreadySecured: needed.alreadySecured,
                monthsRemaining: remaining,
              },
            }
          : {}),
      };
    });

    // The chart: the history with data, then the year's months to asAt; the headline target, in the same unit.
    const headlineTarget = targets[headline];
    let chart: SpcChart;
    try {
      chart = spc(
        monthlySeries([
          ...shownHistory,
          ...monthResults.filter((result): result is IndicatorResult => result !== undefined),
        ]),
        {
          improvement: improvementOf(definition.polarity),
          ...(headlineTarget && headlineTarget.target.unit === definition.unit
            ? { target: headlineTarget.target.value }
            : {}),
          ...(input.spc ?? {}),
        },
      );
    } catch (error) {
      // A chart option refused once the months shown are known (a rebase month outside them): whose, said first.
      if (error instanceof RangeError) throw new RangeError(`${definition.id}: ${error.message}`);
      throw error;
    }

    const warnings: ResultWarning[] = [
      ...(input.warnings ?? []),
      ...(ytdResult?.warnings ?? []),
      ...historyOutsideList(definition.id, history, historyResults, calendarRef(calendar)),
    ];
    const effective: Record<string, unknown> = {
      ...definition.defaultOptions,
      convention,
      ...(input.options ?? {}),
    };
    for (const target of targets) {
      const assumed = Object.entries(target.target.options ?? {});
      const contradicting = assumed.filter(([key, value]) => String(effective[key]) !== String(value));
      if (contradicting.length === 0) continue;
      const theirs = toDate ? compute(toDate, Object.fromEntries(assumed)) : undefined;
      const figures =
        ytdResult && theirs
          ? `: ${ytdResult.display} year to date as computed, ${theirs.display} on the target's definition, on the same records`
          : '';
      warnings.push({
        code: 'option_contradicts_target',
        message: `${definition.id} is computed with ${contradicting.map(([key]) => optionWords(key, effective[key], definition)).join(', ')}, but the target ${target.targetDisplay} for ${target.period.label} (${target.set.id ?? target.set.title}) assumes ${contradicting.map(([key, value]) => optionWords(key, value)).join(', ')}${figures}`,
      });
    }
    warnings.push(...percentBelowOneWarnings(definition, targets, input.tolerance, tolerance));
    const closures = unusedClosures(calendar, takeDaysAsked(calendar));
    if (closures !== undefined) {
      warnings.push({ code: 'closures_unused', message: `${definition.id}: ${closures}` });
    }
    if (chart.tooFewPoints) {
      const points = chart.points.filter((point) => point.value !== null).length;
      warnings.push({
        code: 'too_few_points',
        message: `${definition.id}: the chart's limits rest on fewer than 12 points (${points} month${points === 1 ? '' : 's'} with a value): read its signals as provisional`,
      });
    }

    return {
      id: definition.id,
      title: definition.title,
      unit: definition.unit,
      polarity: definition.polarity,
      source: definition.source,
      rule: ytdResult?.rule ?? {},
      months: monthly,
      history: shownHistory.map((result, index) =>
        figureOf(result, history[firstWithData + index] as Period),
      ),
      yearToDate,
      yearToDateKind:
        ytdResult?.rule.mode === 'snapshot' || ytdResult?.rule.referenceDate !== undefined
          ? 'snapshot'
          : 'pooled',
      counts: ytdResult?.counts ?? {
        recordsRead: recordCount,
        inPopulation: 0,
        counted: 0,
        notCounted: 0,
        notInPeriod: recordCount,
        excluded: {},
      },
      targets,
      spc: {
        options: chart.options,
        points: chart.points,
        variation: chart.variation,
        assurance: chart.assurance,
        tooFewPoints: chart.tooFewPoints,
      },
      warnings,
      inputs: input.inputs ?? [],
    };
  });

  return {
    title: options.title ?? `Monthly return ${year.label}`,
    financialYear: periodOf(year),
    asAt,
    calendar: calendarRef(calendar),
    convention,
    tolerance: options.tolerance ?? null,
    spcHistoryMonths: historyCount,
    months: months.map((month) => ({ ...periodOf(month), reported: month.end <= asAt })),
    indicators: reportIndicators,
    slowToProgress: reportIndicators.flatMap((indicator) => {
      const reasons = slowReasons(indicator);
      return reasons.length > 0 ? [{ indicator: indicator.id, reasons }] : [];
    }),
    inputs: options.inputs ?? [],
  };
}

/** The words of a tolerance's unit: `points`, `cases per FTE`. */
function toleranceUnitWords(target: Target): string {
  if (target.unit === 'cases-per-fte') return 'cases per FTE';
  return target.unit === 'count' ? '' : 'points';
}

/**
 * The `percent_below_one` warnings of an indicator: each percent target between 0 and 1 (`0.8` is read as 0.8%,
 * where 80% was likely meant: a percentage is written in points), and a `percentOfTarget` tolerance between 0 and 1
 * (`0.05` is 0.05% of the target, not 5%). Both are read as written; a board would see "On target" without a word.
 */
function percentBelowOneWarnings(
  definition: IndicatorDefinition,
  targets: readonly ReportTarget[],
  own: Tolerance | undefined,
  tolerance: Tolerance | undefined,
): ResultWarning[] {
  const warnings: ResultWarning[] = [];
  if (definition.unit === 'percent') {
    for (const { target, period, set } of targets) {
      if (target.unit !== 'percent' || !isPercentBelowOne(target.value)) continue;
      const meant = percentMeant(target.value);
      warnings.push({
        code: 'percent_below_one',
        message: `${definition.id}: the target ${target.value} for ${period.label} (${set.id ?? set.title}) reads as ${target.value}%, under 1% (a percentage is written in points: 80 for 80%): if ${meant}% was meant, write ${meant}`,
      });
    }
  }
  const first = targets[0];
  if (
    first !== undefined &&
    typeof tolerance === 'object' &&
    'percentOfTarget' in tolerance &&
    isPercentBelowOne(tolerance.percentOfTarget)
  ) {
    const percent = tolerance.percentOfTarget;
    const meant = percentMeant(percent);
    const unit = toleranceUnitWords(first.target);
    warnings.push({
      code: 'percent_below_one',
      message: `${definition.id}: ${own === undefined ? "the report's" : 'its'} tolerance { "percentOfTarget": ${percent} } reads as ${percent}% of the target, an amber band of ${first.tolerance.value}${unit === '' ? '' : ` ${unit}`} for ${first.targetDisplay}: if ${meant}% was meant, write ${meant}`,
    });
  }
  return warnings;
}

/** Why an indicator is slow to progress, in sentences: a consistent fail, or a rate needed out of reach. */
function slowReasons(indicator: ReportIndicator): string[] {
  const reasons: string[] = [];
  const { spc: chart } = indicator;
  const last = chart.points.filter((point) => point.value !== null).at(-1);
  if (chart.assurance === 'consistent-fail' && last && chart.options.target !== null) {
    const side = chart.options.improvement === 'increase' ? 'below' : 'above';
    const phase = chart.points.filter((point) => point.phase === last.phase);
    const span = `${phase[0]?.label ?? ''} to ${last.label}`;
    const target = `${chart.options.target}${indicator.unit === 'percent' ? '%' : ''}`;
    const improving =
      chart.variation === 'special-cause-improvement'
        ? ', though its latest months are a real improvement'
        : '';
    reasons.push(
      `consistently fails ${target}: its limits, ${limitWords(last.lowerLimit, indicator.unit)} to ${limitWords(last.upperLimit, indicator.unit)} (${span}), lie ${side} it${improving}`,
    );
  }
  for (const target of indicator.targets) {
    if (target.rateNeeded && !target.rateNeeded.achievable && !target.rateNeeded.alreadySecured) {
      const months = `${target.rateNeeded.monthsRemaining} month${target.rateNeeded.monthsRemaining === 1 ? '' : 's'}`;
      reasons.push(
        `${target.targetDisplay} for ${target.period.label} is out of reach: it needs ${target.rateNeeded.neededDisplay} over the ${months} left`,
      );
    }
  }
  return reasons;
}

/** A limit for words: `62.3%`, `22.5`, `n/a`. */
function limitWords(value: number | null, unit: IndicatorResult['unit']): string {
  return value === null ? 'n/a' : chartNumber(value, unit);
}
