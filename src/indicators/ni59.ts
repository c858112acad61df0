import { calendarRef } from '../calendar/index.js';
import type { Period } from '../periods/index.js';
import type { InitialAssessmentRecord } from '../records/schemas.js';
import { toDayNumber } from '../util/dates.js';
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

/**
 * NI 59's rule sets: `ni2008` (the National Indicator definition, 7 working days) and `wt2010` (Working Together
 * to Safeguard Children 2010: 10 working days for referrals from 2010-04-01, 7 before).
 */
export type Ni59Rules = 'ni2008' | 'wt2010';

/**
 * The date from which `wt2010` allows 10 working days.
 * @example WT2010_FROM //=> '2010-04-01'
 */
export const WT2010_FROM = '2010-04-01';

/** Options of NI 59. */
export interface Ni59Options extends CommonIndicatorOptions {
  /** The rule set. Default `ni2008` (7 working days). */
  readonly rules?: Ni59Rules;
  /** A timescale in working days that overrides the rule set for every record. Default: the rule set's. */
  readonly timescale?: number;
}

/** NI 59's options, declared once: the CLI's flags, a report config's check and the docs derive from them. */
const ni59Options = {
  rules: choiceOption({
    name: 'rules',
    values: ['ni2008', 'wt2010'],
    default: 'ni2008',
    flag: 'rules',
    placeholder: 'R',
    doc: 'the rule set: `ni2008` (7 working days) or `wt2010` (10 for referrals from 2010-04-01, 7 before)',
  }),
  timescale: wholeNumberOption({
    name: 'timescale',
    unit: 'working days',
    defaultText: "the rule set's",
    flag: 'timescale',
    placeholder: 'N',
    doc: "any whole number of working days, for every record; the result's `rule.rules` is then `custom`",
  }),
};

/** The day number of {@link WT2010_FROM}. */
const WT2010_FROM_DAY = toDayNumber(WT2010_FROM);

function timescaleRule(options: Ni59Options): {
  rules: Ni59Rules | 'custom';
  describe: string;
  of: (referralDate: string) => number;
  /** The same, from the referral's day number. */
  ofDay: (referralDay: number) => number;
} {
  const rules = optionValue(ni59Options.rules, options.rules);
  const days = optionValue(ni59Options.timescale, options.timescale);
  if (days !== undefined) {
    return { rules: 'custom', describe: countOf(days, 'working day'), of: () => days, ofDay: () => days };
  }
  if (rules === 'ni2008') return { rules, describe: '7 working days', of: () => 7, ofDay: () => 7 };
  return {
    rules,
    describe: `10 working days for referrals from ${WT2010_FROM}, 7 before`,
    of: (referralDate) => (referralDate >= WT2010_FROM ? 10 : 7),
    ofDay: (referralDay) => (referralDay >= WT2010_FROM_DAY ? 10 : 7),
  };
}

/**
 * NI 59's rule for these options, read from records or from their days, and the context of its result
 * (`from-days.ts` counts it from day columns).
 *
 * @param period - the reporting period.
 * @param options - as the indicator's own.
 * @returns the rule: calendar, convention, the spec for records, the fields and timescale for days, the context.
 * @example ni59Rule(parsePeriod('FY2010'), { rules: 'wt2010' }).fromDays.timescaleOfDay(toDayNumber('2010-04-01')) //=> 10
 */
export function ni59Rule(period: Period, options: Ni59Options): TimelinessRule<InitialAssessmentRecord> {
  const calendar = calendarOf(options);
  const convention = options.convention ?? 'after-start';
  const timescale = timescaleRule(options);
  const spec: TimelinessSpec<InitialAssessmentRecord> = {
    id: (r) => r.id,
    eventDate: (r) => r.completedDate,
    missingEventReason: 'not-completed',
    startDate: (r) => r.referralDate,
    missingStartReason: 'missing-referral-date',
    timescale: (r) => timescale.of(r.referralDate),
    days: 'working',
    earlyIsOnTime: false,
    team: (r) => r.team,
    workerId: (r) => r.workerId,
  };
  const fromDays: TimelinessDays = {
    eventField: 'completedDate',
    startField: 'referralDate',
    timescaleOfDay: timescale.ofDay,
  };
  const context: SummaryContext = {
    definition: ni59Definition,
    period,
    rule: {
      rules: timescale.rules,
      timescale: timescale.describe,
      convention,
      from: 'referralDate',
      to: 'completedDate',
    },
    calendar: calendarRef(calendar),
    options,
  };
  return { calendar, convention, spec, fromDays, context };
}

/**
 * NI 59: the percentage of initial assessments completed within timescale.
 *
 * Population: initial assessments whose `completedDate` is in the period (an assessment not yet completed is not
 * counted). Counted: working days from `referralDate` to `completedDate` at most the timescale.
 *
 * @param records - initial assessment records.
 * @param period - the reporting period.
 * @param options - rule set (`ni2008`, `wt2010`), timescale, calendar, convention, rounding, outcomes.
 * @returns the {@link IndicatorResult}.
 * @example
 * const result = ni59(
 *   [{ id: 'IA1', childId: 'C1', referralDate: '2011-04-28', completedDate: '2011-05-03' }],
 *   parsePeriod('2011-05'),
 * );
 * result.numerator; //=> 1 (1 working day: the Royal Wedding and Early May bank holiday are skipped)
 * result.display; //=> '100.0%'
 */
export function ni59(
  records: readonly InitialAssessmentRecord[],
  period: Period,
  options: Ni59Options = {},
): IndicatorResult {
  const { calendar, convention, spec, context } = ni59Rule(period, options);
  return summariseTimeliness(records, period, spec, calendar, convention, context);
}

/**
 * NI 59's definition.
 * @example ni59Definition.defaultOptions //=> { rules: 'ni2008' }
 * @example ni59Definition.options.map((o) => o.flag) //=> ['rules', 'timescale']
 */
export const ni59Definition: IndicatorDefinition<'initial-assessment', Ni59Options> = {
  id: 'NI59',
  title: 'Initial assessments completed within timescale',
  unit: 'percent',
  polarity: 'higher-is-better',
  recordKind: 'initial-assessment',
  eventDate: 'completedDate',
  needs: [
    { field: 'completedDate', role: 'event date' },
    { field: 'referralDate', role: 'start date' },
  ],
  options: Object.values(ni59Options),
  defaultOptions: defaultsOf(Object.values(ni59Options)),
  source:
    'National Indicator Set NI 59 (2008): initial assessments for children’s social care carried out within 7 working days of referral; Working Together to Safeguard Children (2010) 5.38: within 10 working days',
  compute: ni59,
};
