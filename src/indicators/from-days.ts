/**
 * The indicators that can be counted from their records' dates alone, held as day columns (`DayColumns`): the
 * CLI's `compute` reads such a file keeping only those days (no record object, no id string: about a third of the
 * time at 10^6 rows), when no outcome, breakdown or audit is asked for. Each gives the result its `compute` gives
 * for records with those dates (a property test holds them to it). Internal (not exported by the package).
 * @module
 */
import { type Period, parsePeriod } from '../periods/index.js';
import type { DayColumns } from '../records/day-columns.js';
import { caf2wRule } from './caf2w.js';
import { ni59Rule } from './ni59.js';
import { ni60Rule } from './ni60.js';
import { summariseTimelinessDays, type TimelinessRule } from './timeliness.js';
import type { IndicatorResult } from './types.js';

/** An indicator's count from day columns: the date fields it reads, and the count. */
export interface DayCount {
  /** The date fields the count reads: the columns a read keeps. */
  readonly fields: readonly string[];
  /** The result, as the indicator's `compute` gives it for records with these dates; options asking no outcome. */
  compute(columns: DayColumns, period: Period, options: Readonly<Record<string, unknown>>): IndicatorResult;
}

/** The count of a timeliness indicator from its rule: the rule's own two fields, and its count from their days. */
function timelinessCount<O>(ruleOf: (period: Period, options: O) => TimelinessRule<never>): DayCount {
  let fields: readonly string[] | undefined;
  return {
    // The rule's own, whatever the options (they choose timescales and calendars, never the dates), made when
    // first asked for (a rule makes its calendar).
    get fields() {
      if (fields === undefined) {
        const { fromDays } = ruleOf(parsePeriod('2010-04'), {} as O);
        fields = [fromDays.eventField, fromDays.startField];
      }
      return fields;
    },
    compute(columns, period, options) {
      const rule = ruleOf(period, options as O);
      return summariseTimelinessDays(
        columns,
        period,
        rule.spec,
        rule.fromDays,
        rule.calendar,
        rule.convention,
        rule.context,
      );
    },
  };
}

const dayCounts: Readonly<Record<string, DayCount>> = {
  NI59: timelinessCount(ni59Rule),
  NI60: timelinessCount(ni60Rule),
  CAF2W: timelinessCount(caf2wRule),
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
