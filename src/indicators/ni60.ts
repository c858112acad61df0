import { calendarRef } from '../calendar/index.js';
import type { Period } from '../periods/index.js';
import type { CoreAssessmentRecord } from '../records/schemas.js';
import { countOf } from '../util/plural.js';
import { defaultsOf, optionValue, workingDaysTimescale } from './options.js';
import { calendarOf, type SummaryContext } from './summarise.js';
import {
  summariseTimeliness,
  type TimelinessDays,
  type TimelinessRule,
  type TimelinessSpec,
} from './timeliness.js';
import type { CommonIndicatorOptions, IndicatorDefinition, IndicatorResult } from './types.js';

/** Options of NI 60. */
export interface Ni60Options extends CommonIndicatorOptions {
  /** The timescale in working days. Default 35. */
  readonly timescale?: number;
}

/** NI 60's options, declared once. */
const ni60Options = {
  timescale: workingDaysTimescale(35),
};

/**
 * NI 60's rule for these options, read from records or from their days, and the context of its result
 * (`from-days.ts` counts it from day columns).
 *
 * @param period - the reporting period.
 * @param options - as the indicator's own.
 * @returns the rule: calendar, convention, the spec for records, the fields and timescale for days, the context.
 * @example ni60Rule(parsePeriod('FY2010'), {}).fromDays.startField //=> 'startDate'
 */
export function ni60Rule(period: Period, options: Ni60Options): TimelinessRule<CoreAssessmentRecord> {
  const calendar = calendarOf(options);
  const convention = options.convention ?? 'after-start';
  const timescale = optionValue(ni60Options.timescale, options.timescale);
  const spec: TimelinessSpec<CoreAssessmentRecord> = {
    id: (r) => r.id,
    eventDate: (r) => r.completedDate,
    missingEventReason: 'not-completed',
    startDate: (r) => r.startDate,
    missingStartReason: 'missing-start-date',
    timescale: () => timescale,
    days: 'working',
    earlyIsOnTime: false,
    team: (r) => r.team,
    workerId: (r) => r.workerId,
  };
  const fromDays: TimelinessDays = {
    eventField: 'completedDate',
    startField: 'startDate',
    timescaleOfDay: () => timescale,
  };
  const context: SummaryContext = {
    definition: ni60Definition,
    period,
    rule: {
      timescale: countOf(timescale, 'working day'),
      convention,
      from: 'startDate',
      to: 'completedDate',
    },
    calendar: calendarRef(calendar),
    options,
  };
  return { calendar, convention, spec, fromDays, context };
}

/**
 * NI 60: the percentage of core assessments completed within 35 working days of their commencement.
 *
 * Population: core assessments whose `completedDate` is in the period. Counted: working days from `startDate` to
 * `completedDate` at most 35.
 *
 * @param records - core assessment records.
 * @param period - the reporting period.
 * @param options - timescale, calendar, convention, rounding, outcomes.
 * @returns the {@link IndicatorResult}.
 * @example
 * // From Wed 1 Dec 2010, 35 working days (Christmas and New Year skipped) end on Mon 24 Jan 2011.
 * ni60([{ id: 'CA1', childId: 'C1', startDate: '2010-12-01', completedDate: '2011-01-24' }], parsePeriod('2011-01')).display;
 * //=> '100.0%'
 */
export function ni60(
  records: readonly CoreAssessmentRecord[],
  period: Period,
  options: Ni60Options = {},
): IndicatorResult {
  const { calendar, convention, spec, context } = ni60Rule(period, options);
  return summariseTimeliness(records, period, spec, calendar, convention, context);
}

/**
 * NI 60's definition.
 * @example ni60Definition.defaultOptions.timescale //=> 35
 */
export const ni60Definition: IndicatorDefinition<'core-assessment', Ni60Options> = {
  id: 'NI60',
  title: 'Core assessments completed within 35 working days',
  unit: 'percent',
  polarity: 'higher-is-better',
  recordKind: 'core-assessment',
  eventDate: 'completedDate',
  needs: [
    { field: 'completedDate', role: 'event date' },
    { field: 'startDate', role: 'start date' },
  ],
  options: Object.values(ni60Options),
  defaultOptions: defaultsOf(Object.values(ni60Options)),
  source:
    'National Indicator Set NI 60 (2008): core assessments for children’s social care carried out within 35 working days of their commencement',
  compute: ni60,
};
