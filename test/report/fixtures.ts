// Typed builders of small, hand-made report models for the renderers' tests: every figure is given, nothing is
// computed, so that a test states exactly what the renderer is shown.
import type { ReportFigure, ReportIndicator, ReportModel, ReportTarget } from '../../src/report/model.js';
import { resolveTolerance } from '../../src/report/tolerance.js';
import { improvementOf, spc } from '../../src/spc/index.js';
import type { Target } from '../../src/targets/index.js';

type Period = ReportFigure['period'];

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The month `2010-04` as a report period: `{ spec, start, end, label: 'April 2010' }` (2010/11 has no 29 Feb). */
export function month(spec: string): Period {
  const [year = '', monthNumber = ''] = spec.split('-');
  const index = Number(monthNumber) - 1;
  return {
    spec,
    start: `${spec}-01`,
    end: `${spec}-${DAYS_IN_MONTH[index]}`,
    label: `${MONTH_NAMES[index]} ${year}`,
  };
}

/** The twelve months of 2010/11, April 2010 to March 2011. */
export const FY2010_MONTHS: readonly Period[] = [
  '2010-04',
  '2010-05',
  '2010-06',
  '2010-07',
  '2010-08',
  '2010-09',
  '2010-10',
  '2010-11',
  '2010-12',
  '2011-01',
  '2011-02',
  '2011-03',
].map(month);

/** Periods other than months, by spec. */
export const PERIODS = {
  FY2010: { spec: 'FY2010', start: '2010-04-01', end: '2011-03-31', label: '2010/11' },
  'FY2010..2011-01': {
    spec: '2010-04..2011-01',
    start: '2010-04-01',
    end: '2011-01-31',
    label: '1 April 2010 to 31 January 2011',
  },
  '2010-10..2011-03': {
    spec: '2010-10..2011-03',
    start: '2010-10-01',
    end: '2011-03-31',
    label: 'October 2010 to March 2011',
  },
} as const satisfies Record<string, Period>;

/**
 * A figure: a value in the unit's display, or `null` for no data (`n/a`), or `'not yet'` for a period after asAt.
 * A percentage is `numerator` of `denominator` (default: the value of 100).
 */
export function figure(
  period: Period,
  value: number | null | 'not yet',
  options: { unit?: ReportIndicator['unit']; numerator?: number; denominator?: number } = {},
): ReportFigure {
  if (value === 'not yet') {
    return { period, reported: false, numerator: 0, denominator: 0, value: null, display: 'not yet' };
  }
  if (value === null) {
    return { period, reported: true, numerator: 0, denominator: 0, value: null, display: 'n/a' };
  }
  const unit = options.unit ?? 'percent';
  const display =
    unit === 'percent' ? `${value.toFixed(1)}%` : unit === 'count' ? String(value) : value.toFixed(1);
  return {
    period,
    reported: true,
    numerator: options.numerator ?? value,
    denominator: options.denominator ?? (unit === 'count' ? value : 100),
    value: String(value),
    display,
  };
}

/** The twelve months of 2010/11 with these values (one per month; `'not yet'` after asAt). */
export function months(
  values: readonly (number | null | 'not yet')[],
  unit: ReportIndicator['unit'] = 'percent',
): ReportFigure[] {
  if (values.length !== 12) throw new RangeError(`months: expected 12 values, got ${values.length}`);
  return FY2010_MONTHS.map((period, index) => figure(period, values[index] ?? null, { unit }));
}

/** A target of the report, met and green, not the headline, with the default tolerance, unless told otherwise. */
export function reportTarget(
  overrides: Partial<Omit<ReportTarget, 'target'>> & {
    readonly period: Period;
    readonly target?: Partial<Target>;
  },
): ReportTarget {
  const { target: targetOverrides, ...rest } = overrides;
  const target: Target = {
    indicator: 'NI59',
    period: overrides.period.spec,
    value: 80,
    unit: 'percent',
    polarity: 'higher-is-better',
    source: {
      document: 'Improvement Notice to a Council, the Department, 2 March 2010',
      sourceFile: 'sources/notice.txt',
      ref: '1.5.3',
      quote: `to 80% for ${overrides.period.label}`,
    },
    ...targetOverrides,
  };
  return {
    target,
    set: { id: 'a-notice', title: target.source.document },
    headline: false,
    tolerance: resolveTolerance(undefined, target),
    targetDisplay: target.unit === 'percent' ? `${target.value}%` : String(target.value),
    figure: figure(overrides.period, 82.4),
    actualDisplay: '82.4%',
    status: 'met',
    rag: 'green',
    gap: '2.4',
    gapDisplay: '+2.4 pts',
    running: false,
    ...rest,
  };
}

/**
 * The chart of an indicator's months and history, as buildReport draws it: spc() over the reported months with a
 * value, the direction from the polarity, the target the headline's when it is in the indicator's unit.
 */
export function chartOf(indicator: Omit<ReportIndicator, 'spc'>): ReportIndicator['spc'] {
  const headline = indicator.targets.find((target) => target.headline);
  const chart = spc(
    [...indicator.history, ...indicator.months]
      .filter((month) => month.reported)
      .map((month) => ({
        label: month.period.spec,
        value: month.value === null ? null : Number(month.value),
      })),
    {
      improvement: improvementOf(indicator.polarity),
      ...(headline && headline.target.unit === indicator.unit ? { target: headline.target.value } : {}),
    },
  );
  const { phases: _phases, ...rest } = chart;
  return rest;
}

/** An indicator of the report: NI59 with values rising from 70% to 79% to January, no targets, no history. */
export function reportIndicator(overrides: Partial<ReportIndicator> = {}): ReportIndicator {
  const indicator: Omit<ReportIndicator, 'spc'> = {
    id: 'NI59',
    title: 'Initial assessments completed within timescale',
    unit: 'percent',
    polarity: 'higher-is-better',
    source: 'National Indicator Set NI 59 (2008)',
    rule: { timescale: '7 working days', convention: 'after-start' },
    months: months([70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 'not yet', 'not yet']),
    yearToDate: figure(PERIODS['FY2010..2011-01'], 74.5, { numerator: 745, denominator: 1000 }),
    counts: {
      recordsRead: 1200,
      inPopulation: 1000,
      counted: 745,
      notCounted: 255,
      notInPeriod: 150,
      excluded: { 'not-completed': 50 },
    },
    targets: [],
    history: [],
    yearToDateKind: 'pooled',
    warnings: [],
    inputs: [],
    ...overrides,
  };
  return { ...indicator, spc: overrides.spc ?? chartOf(indicator) };
}

/** A report model of 2010/11 with data to 31 January 2011 and these indicators (default: one NI59). */
export function reportModel(overrides: Partial<ReportModel> = {}): ReportModel {
  return {
    title: 'Monthly return 2010/11',
    financialYear: PERIODS.FY2010,
    asAt: '2011-01-31',
    calendar: { id: 'england-and-wales', fingerprint: 'fnv1a64:145a5957c18318d5' },
    convention: 'after-start',
    tolerance: null,
    spcHistoryMonths: 12,
    months: FY2010_MONTHS.map((period) => ({ ...period, reported: period.end <= '2011-01-31' })),
    indicators: [reportIndicator()],
    slowToProgress: [],
    inputs: [],
    ...overrides,
  };
}
