import { calendarRef } from '../calendar/index.js';
import type { Period } from '../periods/index.js';
import { childNumbersOf } from '../records/keys.js';
import type { CpPlanRecord } from '../records/schemas.js';
import { parseIsoDay, toDayNumber } from '../util/dates.js';
import { historyColumn, historyOption, type RepeatHistory } from './history.js';
import { latestEarlierOfSameChild } from './latest-earlier.js';
import { defaultsOf, optionValue } from './options.js';
import { calendarOf, createOutcomeTally, outcomeStore, summariseCounts } from './summarise.js';
import type {
  CommonIndicatorOptions,
  IndicatorDefinition,
  IndicatorResult,
  OutcomeBucket,
  OutcomeDraft,
} from './types.js';

/** Where the earlier events are seen, declared once. */
const HISTORY = historyOption('previousPlans');

/** Options of CPP_REPEAT. */
export interface CppRepeatOptions extends CommonIndicatorOptions {
  /**
   * Where the child's earlier plans are seen: `either` (default: `previousPlans` 1 or more, or an earlier plan
   * among the records), `records` (only the records), `column` (only `previousPlans`; a plan without it is excluded
   * as `previousPlans-not-given`).
   */
  readonly history?: RepeatHistory;
}

/** Each plan's start and end as day numbers (end -1 when the plan has none), read once. */
interface PlanDays {
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/**
 * Reads each plan's start and end day numbers.
 * @throws {RangeError} naming the first date in input order that is not a real `YYYY-MM-DD` date.
 */
function readPlanDays(plans: readonly CpPlanRecord[]): PlanDays {
  const start = new Int32Array(plans.length);
  const end = new Int32Array(plans.length).fill(-1);
  for (let index = 0; index < plans.length; index++) {
    const plan = plans[index] as CpPlanRecord;
    start[index] = dayOf(plan, 'startDate', plan.startDate);
    if (plan.endDate !== undefined) end[index] = dayOf(plan, 'endDate', plan.endDate);
  }
  return { start, end };
}

function dayOf(plan: CpPlanRecord, field: 'startDate' | 'endDate', date: unknown): number {
  const day = typeof date === 'string' ? parseIsoDay(date) : Number.NaN;
  if (Number.isNaN(day)) {
    throw new RangeError(
      `${field}: expected a date written YYYY-MM-DD, got ${JSON.stringify(date)} (plan ${JSON.stringify(plan.id)})`,
    );
  }
  return day;
}

/** Whether a plan ends before it starts: an input issue, so in no figure and no one's earlier plan. */
function endsBeforeStart(days: PlanDays, index: number): boolean {
  const end = days.end[index] as number;
  return end !== -1 && end < (days.start[index] as number);
}

/**
 * CPP_REPEAT: the percentage of child protection plans starting in the period that are the child's second or
 * subsequent plan.
 *
 * Population: plans whose `startDate` is in the period. Counted: `previousPlans` is 1 or more, or the same `childId`
 * has an earlier plan (a strictly earlier `startDate`) among the records given, whenever it was: give the plans
 * before the period too. A counted outcome says why in `reason`: `previousPlans 2`, `earlier plan P7 from
 * 2010-05-01` (the latest earlier plan, whose start is also the outcome's `startDate`, with the calendar days since
 * it as `days`), or both, joined by `; `. Plans of the same child starting on the same day are not earlier than each
 * other. A plan ending before it starts (possible only in records not read through `parseRecords`) is excluded as
 * `end-before-start` and is no other plan's earlier plan. Lower is better.
 *
 * @param records - child protection plan records, including those before the period.
 * @param period - the reporting period.
 * @param options - rounding, outcomes.
 * @returns the {@link IndicatorResult}.
 * @throws {RangeError} when a `startDate` or `endDate` is not a real `YYYY-MM-DD` date.
 * @example
 * const plans = [
 *   { id: 'P1', childId: 'C1', startDate: '2010-05-01', endDate: '2011-01-10' },
 *   { id: 'P2', childId: 'C1', startDate: '2012-06-01' }, // C1's second plan: P1 is earlier
 *   { id: 'P3', childId: 'C2', startDate: '2012-07-02', previousPlans: 1 }, // a plan before, elsewhere
 *   { id: 'P4', childId: 'C3', startDate: '2012-08-01', previousPlans: 0 },
 * ];
 * const result = cppRepeat(plans, parsePeriod('FY2012'));
 * [result.numerator, result.denominator, result.display]; //=> [2, 3, '66.7%']
 */
export function cppRepeat(
  records: readonly CpPlanRecord[],
  period: Period,
  options: CppRepeatOptions = {},
): IndicatorResult {
  const calendar = calendarOf(options);
  const history = optionValue(HISTORY, options.history);
  const days = readPlanDays(records);
  // Plans ending before they start are no one's earlier plan.
  const earlier = latestEarlierOfSameChild(
    childNumbersOf(records, (index) => endsBeforeStart(days, index)),
    days.start,
  );
  const periodStart = toDayNumber(period.start);
  const periodEnd = toDayNumber(period.end);
  const outcomes = outcomeStore(options, records.length);
  const tally = createOutcomeTally();
  for (let index = 0; index < records.length; index++) {
    const plan = records[index] as CpPlanRecord;
    const startDay = days.start[index] as number;
    const previousIndex = earlier[index] as number;
    const previousPlans = plan.previousPlans;
    const hasPreviousPlans = history !== 'records' && typeof previousPlans === 'number' && previousPlans >= 1;
    const hasEarlierPlan = history !== 'column' && previousIndex >= 0;
    let bucket: OutcomeBucket;
    let reason: string | undefined;
    if (startDay < periodStart || startDay > periodEnd) bucket = 'not-in-period';
    else if (endsBeforeStart(days, index)) {
      bucket = 'excluded';
      reason = 'end-before-start';
    } else if (history === 'column' && previousPlans === undefined) {
      bucket = 'excluded';
      reason = 'previousPlans-not-given';
    } else bucket = hasPreviousPlans || hasEarlierPlan ? 'counted' : 'not-counted';
    tally.add(bucket, reason);
    if (outcomes === undefined) continue;
    const outcome: OutcomeDraft = { id: plan.id, bucket, eventDate: plan.startDate };
    const row = options.rows?.[index];
    if (row !== undefined) outcome.row = row;
    if (plan.team !== undefined) outcome.team = plan.team;
    if (reason !== undefined) outcome.reason = reason;
    // Put once complete (a sink may write it at once): here when not in the population, after its reason otherwise.
    if (bucket === 'not-in-period' || bucket === 'excluded') {
      outcomes.put(index, outcome);
      continue;
    }
    const previous = hasEarlierPlan ? (records[previousIndex] as CpPlanRecord) : undefined;
    if (previous !== undefined) {
      outcome.startDate = previous.startDate;
      outcome.days = startDay - (days.start[previousIndex] as number);
    }
    const earlierPlan =
      previous === undefined ? '' : `earlier plan ${previous.id} from ${previous.startDate}`;
    if (bucket === 'counted') {
      outcome.reason = hasPreviousPlans
        ? earlierPlan === ''
          ? `previousPlans ${previousPlans}`
          : `previousPlans ${previousPlans}; ${earlierPlan}`
        : earlierPlan;
    } else {
      outcome.reason = `no earlier plan; previousPlans ${previousPlans === undefined ? 'not given' : previousPlans}`;
    }
    outcomes.put(index, outcome);
  }
  return summariseCounts(
    tally.counts(records.length, options.rowsRejected),
    {
      definition: cppRepeatDefinition,
      period,
      rule: {
        event: 'startDate',
        history,
        repeat:
          history === 'records'
            ? 'an earlier plan of the same childId (a strictly earlier startDate)'
            : history === 'column'
              ? 'previousPlans 1 or more'
              : 'previousPlans 1 or more, or an earlier plan of the same childId (a strictly earlier startDate)',
        lookBackReads: 'all records given',
      },
      calendar: calendarRef(calendar),
      options,
    },
    outcomes?.kept,
  );
}

/**
 * CPP_REPEAT's definition.
 * @example cppRepeatDefinition.eventDate //=> 'startDate'
 */
export const cppRepeatDefinition: IndicatorDefinition<'cp-plan', CppRepeatOptions> = {
  id: 'CPP_REPEAT',
  title: 'Child protection plans starting that are a second or subsequent plan',
  unit: 'percent',
  polarity: 'lower-is-better',
  recordKind: 'cp-plan',
  eventDate: 'startDate',
  needs: [{ field: 'startDate', role: 'event date' }, historyColumn('previousPlans')],
  options: [HISTORY],
  joinsByChild: true,
  defaultOptions: defaultsOf([HISTORY]),
  source:
    'National Indicator Set NI 65 (2008): children becoming the subject of a child protection plan for a second or subsequent time; DfE children in need statistics; Ofsted Annex A List 7 (Number of Previous Child Protection Plans)',
  compute: cppRepeat,
};
