import { calendarRef } from '../calendar/index.js';
import type { Period } from '../periods/index.js';
import type { CafRecord } from '../records/schemas.js';
import { countOf } from '../util/plural.js';
import { choiceOption, defaultsOf, optionValue, wholeNumberOption } from './options.js';
import { calendarOf, type SummaryContext } from './summarise.js';
import {
  summariseTimeliness,
  type TimelinessDays,
  type TimelinessRule,
  type TimelinessSpec,
} from './timeliness.js';
import type { CommonIndicatorOptions, IndicatorDefinition, IndicatorResult } from './types.js';

/** CAF2W's options, declared once. */
const caf2wOptions = {
  days: choiceOption({
    name: 'days',
    values: ['calendar', 'working'],
    default: 'calendar',
    flag: 'days',
    placeholder: 'D',
    doc: '`calendar` days (the plan’s “2 weeks”), or `working` days on the calendar',
  }),
  timescale: wholeNumberOption({
    name: 'timescale',
    unit: 'days',
    defaultText: '14 calendar days, or 10 working days',
    flag: 'timescale',
    placeholder: 'N',
    doc: 'the number of days',
  }),
};

/** Options of CAF2W. */
export interface Caf2wOptions extends CommonIndicatorOptions {
  /** Count calendar days (the plan's "2 weeks", default) or working days. Default `calendar`. */
  readonly days?: 'calendar' | 'working';
  /** The timescale: default 14 calendar days, or 10 working days when `days` is `working`. */
  readonly timescale?: number;
}

/**
 * CAF2W's rule for these options, read from records or from their days, and the context of its result
 * (`from-days.ts` counts it from day columns).
 *
 * @param period - the reporting period.
 * @param options - as the indicator's own.
 * @returns the rule: calendar, convention, the spec for records, the fields and timescale for days, the context.
 * @example caf2wRule(parsePeriod('FY2010'), { days: 'working' }).spec.days //=> 'working'
 */
export function caf2wRule(period: Period, options: Caf2wOptions): TimelinessRule<CafRecord> {
  const calendar = calendarOf(options);
  const convention = options.convention ?? 'after-start';
  const days = optionValue(caf2wOptions.days, options.days);
  const timescale = optionValue(caf2wOptions.timescale, options.timescale) ?? (days === 'calendar' ? 14 : 10);
  const spec: TimelinessSpec<CafRecord> = {
    id: (r) => r.id,
    eventDate: (r) => r.meetingDate,
    missingEventReason: 'no-meeting',
    startDate: (r) => r.designatedDate,
    missingStartReason: 'missing-designated-date',
    timescale: () => timescale,
    days,
    earlyIsOnTime: true,
  };
  const fromDays: TimelinessDays = {
    eventField: 'meetingDate',
    startField: 'designatedDate',
    timescaleOfDay: () => timescale,
  };
  const context: SummaryContext = {
    definition: caf2wDefinition,
    period,
    rule: {
      timescale: countOf(timescale, `${days} day`),
      convention: days === 'working' ? convention : 'calendar-days',
      from: 'designatedDate',
      to: 'meetingDate',
    },
    calendar: calendarRef(calendar),
    options,
  };
  return { calendar, convention, spec, fromDays, context };
}

/**
 * CAF2W: the percentage of CAF meetings held within 2 weeks of the designated date.
 *
 * Population: CAFs whose `meetingDate` is in the period. Counted: `meetingDate` at most 14 calendar days after
 * `designatedDate` (a meeting before the designated date is on time); with `days: 'working'`, at most 10 working
 * days.
 *
 * @param records - CAF records.
 * @param period - the reporting period.
 * @param options - days (`calendar` or `working`), timescale, calendar, convention, rounding, outcomes.
 * @returns the {@link IndicatorResult}.
 * @example
 * // Designated Fri 17 Sep 2010; meeting Fri 1 Oct: 14 calendar days, on time.
 * caf2w([{ id: 'CAF1', designatedDate: '2010-09-17', meetingDate: '2010-10-01' }], parsePeriod('2010-10')).display;
 * //=> '100.0%'
 */
export function caf2w(
  records: readonly CafRecord[],
  period: Period,
  options: Caf2wOptions = {},
): IndicatorResult {
  const { calendar, convention, spec, context } = caf2wRule(period, options);
  return summariseTimeliness(records, period, spec, calendar, convention, context);
}

/**
 * CAF2W's definition.
 * @example caf2wDefinition.defaultOptions //=> { days: 'calendar' }
 */
export const caf2wDefinition: IndicatorDefinition<'caf', Caf2wOptions> = {
  id: 'CAF2W',
  title: 'CAF meetings held within 2 weeks of the designated date',
  unit: 'percent',
  polarity: 'higher-is-better',
  recordKind: 'caf',
  eventDate: 'meetingDate',
  needs: [
    { field: 'meetingDate', role: 'event date' },
    { field: 'designatedDate', role: 'start date' },
  ],
  options: Object.values(caf2wOptions),
  defaultOptions: defaultsOf(Object.values(caf2wOptions)),
  source:
    'Leeds Children’s Services Improvement Plan 2010, 2.3.3: "90% of CAF meetings are held within 2 weeks of the designated date"',
  compute: caf2w,
};
