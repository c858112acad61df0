import { type Calendar, type Convention, createCalendar } from '../calendar/index.js';
import {
  getIndicator,
  type IndicatorCounts,
  type IndicatorId,
  type IndicatorResult,
  type OptionsFor,
  type RecordsFor,
  type RoundingOptions,
} from '../indicators/index.js';
import { type Period, parsePeriod, splitIntoMonths } from '../periods/index.js';
import type { InputSummary, ResultWarning } from '../records/issues.js';
import { compareToTarget, expectedRemainingVolume, rateNeeded, type Target } from '../targets/index.js';
import type { IsoDate } from '../util/dates.js';

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
  /** The files its records were read from, one summary each, shown with it. Default: none. */
  readonly inputs?: readonly InputSummary[];
}

/** Options of {@link buildReport}. */
export interface BuildReportOptions {
  /** The report's title. Default `Monthly return <year label>`. */
  readonly title?: string;
  /** The financial year reported, e.g. `FY2010` or `2010/11` (any period of whole months works). */
  readonly financialYear: Period | string;
  /**
   * The last day the data covers (the return's date). Months ending after it are not reported, and a target whose
   * period runs past it is compared on its months so far, with the rate the remaining months need. Default: the
   * end of the financial year.
   */
  readonly asAt?: IsoDate;
  /** The targets to compare with; those of indicators not in the report, or outside the year, are left out. */
  readonly targets?: readonly Target[];
  /** The working-day calendar. Default: England and Wales. */
  readonly calendar?: Calendar;
  /** The counting convention. Default `after-start`. */
  readonly convention?: Convention;
  /** The RAG tolerance, in the gap's unit. Default 5 (points). */
  readonly tolerance?: number;
  /** Display rounding. Default 1 decimal place, half-up. */
  readonly rounding?: RoundingOptions;
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
  /** Whether the target's period runs past `asAt` (the comparison is provisional). */
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
  /** The year to date (to `asAt`), pooled. */
  readonly yearToDate: ReportFigure;
  /** How the records of the year to date were used. */
  readonly counts: IndicatorCounts;
  /** The targets, in the order given. */
  readonly targets: readonly ReportTarget[];
  /** What a reader should know of the year to date's figure (`all_excluded`…); empty when nothing. */
  readonly warnings: readonly ResultWarning[];
  /** The files the indicator's records were read from: file, SHA-256, encoding and what became of every row. */
  readonly inputs: readonly InputSummary[];
}

/** The monthly return: every indicator by month, the year to date and the targets. */
export interface ReportModel {
  readonly title: string;
  readonly financialYear: ReportFigure['period'];
  readonly asAt: IsoDate;
  readonly calendar: { readonly id: string; readonly fingerprint: string };
  readonly convention: Convention;
  /** The RAG tolerance the standings were judged with, in the gap's unit (points, or cases per FTE). */
  readonly tolerance: number;
  /** The months of the year, each with whether it is reported. */
  readonly months: readonly (ReportFigure['period'] & { readonly reported: boolean })[];
  readonly indicators: readonly ReportIndicator[];
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

/**
 * Builds the monthly return: for a financial year, each indicator by month, the year to date (pooled, never an
 * average of months) and each target with its status, gap, RAG and, for a target still running at `asAt`, the rate
 * the remaining months need. Pure: the same records and options always give the same model.
 *
 * @param indicators - the indicators to report, each with its records and options.
 * @param options - the financial year, `asAt`, targets, calendar, convention, tolerance, rounding.
 * @returns the {@link ReportModel}, ready for a renderer (HTML, Markdown, CSV, JSON).
 * @example
 * const model = buildReport([{ id: 'NI59', records }], {
 *   financialYear: 'FY2010',
 *   targets: targetSets['leeds-2010-notice'].targets,
 * });
 * model.indicators[0].yearToDate.display; //=> '78.5%'
 * model.indicators[0].targets.map((t) => t.rag); //=> ['red', 'green', 'amber']
 */
export function buildReport(
  indicators: readonly ReportIndicatorInput[],
  options: BuildReportOptions,
): ReportModel {
  const year = parsePeriod(options.financialYear);
  const asAt = options.asAt ?? year.end;
  const convention = options.convention ?? 'after-start';
  const months = splitIntoMonths(year);
  const tolerance = options.tolerance ?? 5;
  // One calendar for every figure, built once.
  const calendar = options.calendar ?? createCalendar();

  const reportIndicators = indicators.map((input): ReportIndicator => {
    const definition = getIndicator(input.id);
    const baseOptions = {
      ...(input.options ?? {}),
      calendar,
      convention,
      ...(options.rounding ? { rounding: options.rounding } : {}),
    };
    const compute = (period: Period, extra: Record<string, unknown> = {}) =>
      definition.compute(input.records as never, period, { ...baseOptions, ...extra } as never);

    const monthly = months.map((month) =>
      month.end <= asAt ? figureOf(compute(month), month) : notYet(month),
    );
    const toDate = soFar(year, asAt);
    const ytdResult = toDate
      ? compute(toDate, input.rowsRejected === undefined ? {} : { rowsRejected: input.rowsRejected })
      : undefined;
    const yearToDate = toDate && ytdResult ? figureOf(ytdResult, toDate) : notYet(year);

    const targets = (options.targets ?? [])
      .filter((target) => target.indicator === definition.id)
      .filter((target) => {
        const period = parsePeriod(target.period);
        return period.start <= year.end && period.end >= year.start;
      })
      .map((target): ReportTarget => {
        const period = parsePeriod(target.period);
        const common = { target, period: periodOf(period), targetDisplay: targetDisplayOf(target) };
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
        const running = covered.end < period.end;
        const coveredMonths = splitIntoMonths(covered);
        const baseline =
          target.baseline === undefined
            ? {}
            : {
                baseline: running
                  ? likeForLike(target.baseline, coveredMonths.length)
                  : parsePeriod(target.baseline),
              };
        const result = compute(covered, baseline);
        const comparison = compareToTarget(result, target, { tolerance, toDate: running });
        // NEET counts are taken in November, December and January only: other months add nothing to come.
        const remaining = splitIntoMonths(period).filter(
          (month) =>
            month.end > covered.end &&
            (definition.recordKind !== 'neet' || ['11', '12', '01'].includes(month.start.slice(5, 7))),
        ).length;
        const needed =
          running && target.unit === 'percent' && result.unit === 'percent' && remaining > 0
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

    return {
      id: definition.id,
      title: definition.title,
      unit: definition.unit,
      polarity: definition.polarity,
      source: definition.source,
      rule: ytdResult?.rule ?? {},
      months: monthly,
      yearToDate,
      counts: ytdResult?.counts ?? {
        recordsRead: input.records.length,
        inPopulation: 0,
        counted: 0,
        notCounted: 0,
        notInPeriod: input.records.length,
        excluded: {},
      },
      targets,
      warnings: ytdResult?.warnings ?? [],
      inputs: input.inputs ?? [],
    };
  });

  return {
    title: options.title ?? `Monthly return ${year.label}`,
    financialYear: periodOf(year),
    asAt,
    calendar: { id: calendar.id, fingerprint: calendar.fingerprint },
    convention,
    tolerance,
    months: months.map((month) => ({ ...periodOf(month), reported: month.end <= asAt })),
    indicators: reportIndicators,
  };
}
