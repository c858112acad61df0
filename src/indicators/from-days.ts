/**
 * The indicators that can be counted from their records' dates alone, held as day columns (`DayColumns`): the
 * CLI's `compute` (the figure, a breakdown by month, team or worker, an audit to a file) and `report` read such a
 * file keeping only those days (no record object, no id string: about 60% of the time and a third of the memory at
 * 10^6 rows). Each gives the result and the breakdown its `compute` and `computeBreakdown` give for records with
 * those dates (a property test holds them to it). Internal (not exported by the package).
 * @module
 */
import { type Period, splitIntoMonths } from '../periods/index.js';
import type { DayColumns } from '../records/day-columns.js';
import { caf2wRule } from './caf2w.js';
import {
  type Breakdown,
  type BreakdownKey,
  compareGroupKeys,
  NO_GROUP,
  similarGroupNamesWarnings,
} from './compute.js';
import { ni59Rule } from './ni59.js';
import { ni60Rule } from './ni60.js';
import { type SummaryContext, summariseCounts } from './summarise.js';
import { summariseTimelinessDayGroups, summariseTimelinessDays, type TimelinessRule } from './timeliness.js';
import type { IndicatorResult } from './types.js';

/** An indicator's count from day columns: the date fields it reads, and the count. */
export interface DayCount {
  /** The date fields the count reads: the columns a read keeps. */
  readonly fields: readonly string[];
  /** The text fields it can group by (its records' `team` and `workerId`, where they have them). */
  readonly groups: readonly string[];
  /** The result, as the indicator's `compute` gives it for records with these dates; options asking no outcome. */
  compute(columns: DayColumns, period: Period, options: Readonly<Record<string, unknown>>): IndicatorResult;
  /**
   * The breakdown, as `computeBreakdown` gives it for records with these dates (and, by team or worker, these
   * values: the columns' group column must be of `by`); options asking no outcome.
   */
  breakdown(
    columns: DayColumns,
    period: Period,
    by: BreakdownKey,
    options: Readonly<Record<string, unknown>>,
  ): Breakdown;
}

/**
 * The count of a timeliness indicator from its rule: the rule's own two fields (its event date's, then its start
 * date's), and its count and breakdowns from their days.
 */
function timelinessCount<O>(
  ruleOf: (period: Period, options: O) => TimelinessRule<never>,
  fields: readonly [event: string, start: string],
  groups: readonly BreakdownKey[],
): DayCount {
  const count = (columns: DayColumns, period: Period, options: Readonly<Record<string, unknown>>) => {
    const rule = ruleOf(period, options as O);
    return summariseTimelinessDays(columns, period, rule);
  };
  return {
    groups,
    fields,
    compute: count,
    breakdown(columns, period, by, options) {
      if (by === 'month') {
        // As computeBreakdown: each month counted on its own, without the whole's baseline or snapshot.
        const { baseline: _baseline, snapshot: _snapshot, ...monthOptions } = options;
        return {
          by,
          total: count(columns, period, options),
          groups: splitIntoMonths(period).map((month) => ({
            key: month.spec,
            result: count(columns, month, monthOptions),
          })),
        };
      }
      const group = columns.group;
      if (!groups.includes(by) || group?.field !== by) {
        throw new TypeError(
          `day columns grouped by ${group?.field ?? 'nothing'} cannot be broken down by ${by}`,
        );
      }
      const rule = ruleOf(period, options as O);
      const tallied = summariseTimelinessDayGroups(columns, period, rule, NO_GROUP);
      const { total } = tallied;
      // Each group as computeBreakdown makes it from its tally: the whole's rule and calendar, no rows rejected.
      const { rowsRejected: _rejected, ...groupOptions } = options;
      const context: SummaryContext = {
        definition: rule.context.definition,
        period,
        rule: total.rule,
        calendar: total.calendar,
        options: { ...groupOptions, outcomes: false },
      };
      // The blanks' tally is the last; a value no accepted record has (its row rejected later) has none.
      const made = tallied.groups
        .map((tally, number) => ({
          key: number === group.values.length ? NO_GROUP : (group.values[number] as string),
          tally,
        }))
        .filter(({ tally }) => tally.records > 0);
      made.sort((a, b) => compareGroupKeys(a.key, b.key));
      const madeGroups = made.map(({ key, tally }) => ({
        key,
        result: summariseCounts(tally.tally.counts(tally.records), context),
      }));
      // As computeBreakdown: groups named alike are kept apart, and said to be.
      const alike = similarGroupNamesWarnings(rule.context.definition.id, by, madeGroups);
      return {
        by,
        total: alike.length === 0 ? total : { ...total, warnings: [...total.warnings, ...alike] },
        groups: madeGroups,
      };
    },
  };
}

const dayCounts: Readonly<Record<string, DayCount>> = {
  // The rule's own two fields (`fromDays` of its rule, whatever the options: they choose timescales and calendars,
  // never the dates; a test holds them to it), given here so that choosing them builds no rule and no calendar.
  NI59: timelinessCount(ni59Rule, ['completedDate', 'referralDate'], ['team', 'workerId']),
  NI60: timelinessCount(ni60Rule, ['completedDate', 'startDate'], ['team', 'workerId']),
  // A CAF has no team or worker: by either, every record is in one group, counted from its records.
  CAF2W: timelinessCount(caf2wRule, ['meetingDate', 'designatedDate'], []),
};

/**
 * The count from day columns of an indicator, or undefined when it reads more of its records than two dates.
 * @param id - the indicator's id.
 * @returns its {@link DayCount}, or undefined.
 * @example dayCountOf('NI59')?.fields //=> ['completedDate', 'referralDate']
 * @example dayCountOf('CPC15') //=> undefined
 */
export function dayCountOf(id: string): DayCount | undefined {
  return Object.hasOwn(dayCounts, id) ? dayCounts[id] : undefined;
}
