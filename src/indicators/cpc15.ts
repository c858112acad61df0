import { calendarRef } from '../calendar/index.js';
import type { Period } from '../periods/index.js';
import type { CpConferenceRecord } from '../records/schemas.js';
import { countOf } from '../util/plural.js';
import { choiceOption, defaultsOf, optionValue, workingDaysTimescale } from './options.js';
import { calendarOf } from './summarise.js';
import { summariseTimeliness } from './timeliness.js';
import type { CommonIndicatorOptions, IndicatorDefinition, IndicatorResult } from './types.js';

/**
 * The event the 15 working days run from: the strategy discussion (Working Together, the default), the start of
 * the section 47 enquiry (DfE statistics), or the referral (as the Leeds improvement plan words it).
 */
export type StartEvent = 'strategy-discussion' | 's47-start' | 'referral';

/**
 * Every start event, the default first.
 * @example startEvents //=> ['strategy-discussion', 's47-start', 'referral']
 */
export const startEvents: readonly StartEvent[] = ['strategy-discussion', 's47-start', 'referral'];

const START_FIELD = {
  'strategy-discussion': 'strategyDiscussionDate',
  's47-start': 's47StartDate',
  referral: 'referralDate',
} as const satisfies Record<StartEvent, keyof CpConferenceRecord>;

/** CPC15's options, declared once. */
const cpc15Options = {
  startEvent: choiceOption({
    name: 'startEvent',
    values: startEvents,
    default: 'strategy-discussion',
    flag: 'start-event',
    placeholder: 'E',
    doc: 'the event the days run from: `strategy-discussion`, `s47-start` or `referral`',
  }),
  timescale: workingDaysTimescale(15),
};

/** Options of CPC15. */
export interface Cpc15Options extends CommonIndicatorOptions {
  /** The start event. Default `strategy-discussion`. */
  readonly startEvent?: StartEvent;
  /** The timescale in working days. Default 15. */
  readonly timescale?: number;
}

/**
 * CPC15: the percentage of initial child protection conferences held within 15 working days of the start event.
 *
 * Population: initial conferences whose `conferenceDate` is in the period and whose start event date is known (a
 * missing one is reported as excluded, e.g. `missing-strategyDiscussionDate`). Review conferences are excluded.
 * From the `referral`, a conference dated before its referral (which the reader keeps, with an `end_before_start`
 * warning) is excluded as `conference-before-referral`; from the strategy discussion or the section 47 start it is
 * counted as any other.
 *
 * @param records - child protection conference records.
 * @param period - the reporting period.
 * @param options - start event, timescale, calendar, convention, rounding, outcomes.
 * @returns the {@link IndicatorResult}.
 * @example
 * // Strategy discussion Thu 21 Apr 2011; conference Wed 11 May: 10 working days after Easter and the Royal Wedding.
 * cpc15(
 *   [{ id: 'CP1', childId: 'C1', type: 'initial', strategyDiscussionDate: '2011-04-21', conferenceDate: '2011-05-11' }],
 *   parsePeriod('2011-05'),
 * ).display; //=> '100.0%'
 */
export function cpc15(
  records: readonly CpConferenceRecord[],
  period: Period,
  options: Cpc15Options = {},
): IndicatorResult {
  const calendar = calendarOf(options);
  const convention = options.convention ?? 'after-start';
  const startEvent: StartEvent = optionValue(cpc15Options.startEvent, options.startEvent);
  const timescale = optionValue(cpc15Options.timescale, options.timescale);
  const field = START_FIELD[startEvent];
  return summariseTimeliness(
    records,
    period,
    {
      id: (r) => r.id,
      exclude: (r) =>
        (r.type ?? 'initial') !== 'initial'
          ? 'review-conference'
          : // A conference dated before its referral is kept by the reader with a warning (SPEC 7): only the
            // figure counted from the referral leaves it out, naming why.
            startEvent === 'referral' && r.referralDate !== undefined && r.referralDate > r.conferenceDate
            ? 'conference-before-referral'
            : undefined,
      eventDate: (r) => r.conferenceDate,
      missingEventReason: 'missing-conference-date',
      startDate: (r) => r[field],
      missingStartReason: `missing-${field}`,
      timescale: () => timescale,
      days: 'working',
      earlyIsOnTime: false,
      team: (r) => r.team,
    },
    calendar,
    convention,
    {
      definition: cpc15Definition,
      period,
      rule: {
        timescale: countOf(timescale, 'working day'),
        convention,
        startEvent,
        from: field,
        to: 'conferenceDate',
      },
      calendar: calendarRef(calendar),
      options,
    },
  );
}

/**
 * CPC15's definition.
 * @example cpc15Definition.defaultOptions.startEvent //=> 'strategy-discussion'
 */
export const cpc15Definition: IndicatorDefinition<'cp-conference', Cpc15Options> = {
  id: 'CPC15',
  title: 'Initial child protection conferences within 15 working days',
  unit: 'percent',
  polarity: 'higher-is-better',
  recordKind: 'cp-conference',
  eventDate: 'conferenceDate',
  needs: [
    { field: 'conferenceDate', role: 'event date' },
    ...startEvents.map((startEvent) => ({
      field: START_FIELD[startEvent],
      role: 'start date',
      when: { option: 'startEvent', value: startEvent },
    })),
  ],
  options: Object.values(cpc15Options),
  defaultOptions: defaultsOf(Object.values(cpc15Options)),
  source:
    'Working Together to Safeguard Children (2010) 5.81: initial conference within 15 working days of the strategy discussion; DfE children in need statistics count from the start of the section 47 enquiry; Leeds improvement plan 2010 1.6.3: "within 15 days of referral"',
  compute: cpc15,
};
