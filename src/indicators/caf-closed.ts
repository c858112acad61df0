import { calendarRef } from '../calendar/index.js';
import { contains, type Period } from '../periods/index.js';
import { closureReasons } from '../records/kinds.js';
import type { CafRecord, ClosureReason } from '../records/schemas.js';
import type { IsoDate } from '../util/dates.js';
import { type BaselineOptions, baselineOption, withBaseline } from './baseline.js';
import { choicesOption, defaultsOf, optionValue } from './options.js';
import { calendarOf, createOutcomeTally, outcomeStore, summariseCounts } from './summarise.js';
import type {
  CommonIndicatorOptions,
  IndicatorDefinition,
  IndicatorResult,
  OutcomeBucket,
  OutcomeDraft,
} from './types.js';

/** Options of CAF_CLOSED. */
export interface CafClosedOptions extends CommonIndicatorOptions, BaselineOptions {
  /** The closure reasons that count as a successful closure. Default `['needs-met']`. */
  readonly successfulReasons?: readonly ClosureReason[];
}

/** The label of a closure with no `closureReason` in `details.closureReasons`. */
const NO_REASON = '(none)';

/** CAF_CLOSED's options, declared once. */
const cafClosedOptions = {
  successfulReasons: choicesOption({
    name: 'successfulReasons',
    values: closureReasons,
    default: ['needs-met'],
    doc: 'the closure reasons that count as successful: any of `needs-met`, `escalated`, `disengaged`, `moved-away`, `other`',
  }),
  baseline: baselineOption,
};

/**
 * CAF_CLOSED: the number of CAFs closed successfully in the period, optionally compared with a baseline period.
 *
 * Population: CAFs whose `closedDate` is in the period and whose `closureReason` is a successful one (default
 * `needs-met`). The value is the count, so the numerator and the denominator are both that count. Out of the
 * population: a CAF with no `closedDate` (excluded `not-closed`); one closed in the period for another reason, or
 * with no reason recorded (excluded `unsuccessful-closure`: a closure is counted only when it is known to be
 * successful); one closed outside the period (not in period). `details.closureReasons` tallies the reasons of every
 * CAF closed in the period, `(none)` for a missing one, so the unsuccessful closures can be told apart.
 *
 * With `baseline`, the same count over the baseline period and its % change (`compares: 'numerator'`): the Leeds
 * plan's target is a 10% increase.
 *
 * @param records - CAF records.
 * @param period - the reporting period.
 * @param options - successfulReasons, baseline, rounding, outcomes.
 * @returns the {@link IndicatorResult}.
 * @example
 * const records = [
 *   { id: 'CAF1', designatedDate: '2010-03-01', closedDate: '2010-06-30', closureReason: 'needs-met' },
 *   { id: 'CAF2', designatedDate: '2010-03-01', closedDate: '2010-07-15', closureReason: 'escalated' },
 *   { id: 'CAF3', designatedDate: '2009-03-01', closedDate: '2009-09-01', closureReason: 'needs-met' },
 * ];
 * const result = cafClosed(records, parsePeriod('FY2010'), { baseline: 'FY2009' });
 * result.display; //=> '1'
 * result.baseline?.changeDisplay; //=> '0.0%' (1 against 1)
 */
/** Puts each record in its bucket, in record order, and counts the closure reasons of the period's closures. */
function applyCafClosed(
  records: readonly CafRecord[],
  period: Period,
  successful: ReadonlySet<string>,
  closureReasons: Record<string, number>,
  tally: (bucket: OutcomeBucket, reason: string | undefined, index: number, closedDate?: IsoDate) => void,
): void {
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as CafRecord;
    const closedDate = record.closedDate;
    if (closedDate === undefined) {
      tally('excluded', 'not-closed', index);
      continue;
    }
    if (!contains(period, closedDate)) {
      tally('not-in-period', undefined, index, closedDate);
      continue;
    }
    const reason = record.closureReason ?? NO_REASON;
    closureReasons[reason] = (closureReasons[reason] ?? 0) + 1;
    // A closure counts only when it is known to be successful: a missing reason is an unsuccessful closure.
    if (record.closureReason === undefined || !successful.has(record.closureReason)) {
      tally('excluded', 'unsuccessful-closure', index, closedDate);
    } else {
      tally('counted', undefined, index, closedDate);
    }
  }
}

export function cafClosed(
  records: readonly CafRecord[],
  period: Period,
  options: CafClosedOptions = {},
): IndicatorResult {
  const calendar = calendarOf(options);
  const successfulReasons: readonly ClosureReason[] = optionValue(
    cafClosedOptions.successfulReasons,
    options.successfulReasons,
  );
  const successful = new Set<string>(successfulReasons);
  const closureReasons: Record<string, number> = {};
  const context = {
    definition: cafClosedDefinition,
    period,
    rule: {
      event: 'closedDate',
      successfulReasons: successfulReasons.join(', '),
      missingReason: 'unsuccessful',
    },
    calendar: calendarRef(calendar),
    options,
  };
  // Counted into a tally whether or not outcomes are asked for: the same buckets and reasons, in the same order.
  const tally = createOutcomeTally();
  const store = outcomeStore(options, records.length);
  if (store === undefined) applyCafClosed(records, period, successful, closureReasons, tally.add);
  else {
    applyCafClosed(records, period, successful, closureReasons, (bucket, reason, index, closedDate) => {
      tally.add(bucket, reason);
      // One object per record, filled in place: at 10^6 records, spread copies are most of the time.
      const record = records[index] as CafRecord;
      const outcome: OutcomeDraft = { id: record.id, bucket };
      const row = options.rows?.[index];
      if (row !== undefined) outcome.row = row;
      // The fields in the order they always had: the closure date, then the reason.
      if (closedDate !== undefined) outcome.eventDate = closedDate;
      if (reason !== undefined) outcome.reason = reason;
      store.put(index, outcome);
    });
  }
  const result = summariseCounts(tally.counts(records.length, options.rowsRejected), context, store?.kept);
  // The baseline is a figure of its own: its outcomes go to no sink (the caller asked for the period's).
  const { baseline, onOutcome: _sink, ...rest } = options;
  return withBaseline({ ...result, details: { closureReasons } }, baseline, (baselinePeriod) =>
    cafClosed(records, baselinePeriod, { ...rest, calendar, outcomes: false }),
  );
}

/**
 * CAF_CLOSED's definition.
 * @example cafClosedDefinition.unit //=> 'count'
 */
export const cafClosedDefinition: IndicatorDefinition<'caf', CafClosedOptions> = {
  id: 'CAF_CLOSED',
  title: 'CAFs closed successfully',
  unit: 'count',
  polarity: 'higher-is-better',
  recordKind: 'caf',
  eventDate: 'closedDate',
  needs: [
    { field: 'closedDate', role: 'event date' },
    { field: 'closureReason', role: 'closure reason' },
  ],
  options: Object.values(cafClosedOptions),
  defaultOptions: defaultsOf(Object.values(cafClosedOptions)),
  source:
    'Leeds Children’s Services Improvement Plan 2010, 2.3.3: "A 10% Increase in the number of CAFs successfully closed" (compared with a baseline period)',
  compute: cafClosed,
};
