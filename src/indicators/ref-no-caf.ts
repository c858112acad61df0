import { calendarRef } from '../calendar/index.js';
import { contains, type Period } from '../periods/index.js';
import type { ReferralRecord } from '../records/schemas.js';
import { type BaselineOptions, baselineOption, withBaseline } from './baseline.js';
import { calendarOf, createOutcomeTally, outcomeStore, summariseCounts } from './summarise.js';
import type {
  CommonIndicatorOptions,
  IndicatorDefinition,
  IndicatorResult,
  OutcomeBucket,
  OutcomeDraft,
} from './types.js';

/** Options of REF_NO_CAF. */
export interface RefNoCafOptions extends CommonIndicatorOptions, BaselineOptions {}

/** Puts each referral in its bucket, in record order. */
function applyRefNoCaf(
  records: readonly ReferralRecord[],
  period: Period,
  tally: (bucket: OutcomeBucket, reason: string | undefined, index: number) => void,
): void {
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as ReferralRecord;
    if (!contains(period, record.referralDate)) tally('not-in-period', undefined, index);
    // Only a recorded true or false decides: an absent value is neither a CAF nor the lack of one.
    else if (record.cafCompleted === false) tally('counted', undefined, index);
    else if (record.cafCompleted === true) tally('not-counted', 'caf-completed', index);
    else tally('excluded', 'caf-unknown', index);
  }
}

/**
 * REF_NO_CAF: the percentage of referrals in the period made with no CAF completed, optionally with the % change
 * of their number against a baseline period.
 *
 * Population: referrals whose `referralDate` is in the period and whose `cafCompleted` is known. Counted:
 * `cafCompleted` is `false`. A referral in the period whose `cafCompleted` is absent is excluded `caf-unknown`: it
 * counts neither way, and `counts.excluded['caf-unknown']` shows how many there were. The numerator is the number
 * of referrals with no CAF; the value is their share of the population.
 *
 * With `baseline`, the same indicator over the baseline period; the change compares the numbers of referrals with
 * no CAF (`compares: 'numerator'`), as the Leeds plan's target, a 10% reduction, does.
 *
 * @param records - referral records.
 * @param period - the reporting period.
 * @param options - baseline, rounding, outcomes.
 * @returns the {@link IndicatorResult}.
 * @example
 * const records = [
 *   { id: 'R1', childId: 'C1', referralDate: '2010-10-04', cafCompleted: false },
 *   { id: 'R2', childId: 'C2', referralDate: '2010-10-05', cafCompleted: true },
 *   { id: 'R3', childId: 'C3', referralDate: '2010-10-06', cafCompleted: true },
 *   { id: 'R4', childId: 'C4', referralDate: '2010-10-07' },
 * ];
 * const result = refNoCaf(records, parsePeriod('2010-10'));
 * [result.numerator, result.denominator, result.display]; //=> [1, 3, '33.3%'] (R4 excluded: caf-unknown)
 */
export function refNoCaf(
  records: readonly ReferralRecord[],
  period: Period,
  options: RefNoCafOptions = {},
): IndicatorResult {
  const calendar = calendarOf(options);
  const context = {
    definition: refNoCafDefinition,
    period,
    rule: { event: 'referralDate', counted: 'cafCompleted false', unknown: 'excluded (caf-unknown)' },
    calendar: calendarRef(calendar),
    options,
  };
  // Counted into a tally whether or not outcomes are asked for: the same buckets and reasons, in the same order.
  const tally = createOutcomeTally();
  const store = outcomeStore(options, records.length);
  if (store === undefined) applyRefNoCaf(records, period, tally.add);
  else {
    applyRefNoCaf(records, period, (bucket, reason, index) => {
      tally.add(bucket, reason);
      // One object per record, filled in place: at 10^6 records, spread copies are most of the time.
      const record = records[index] as ReferralRecord;
      const outcome: OutcomeDraft = { id: record.id, bucket, eventDate: record.referralDate };
      const row = options.rows?.[index];
      if (row !== undefined) outcome.row = row;
      if (record.team !== undefined) outcome.team = record.team;
      if (reason !== undefined) outcome.reason = reason;
      store.put(index, outcome);
    });
  }
  const result = summariseCounts(tally.counts(records.length, options.rowsRejected), context, store?.kept);
  // The baseline is a figure of its own: its outcomes go to no sink (the caller asked for the period's).
  const { baseline, onOutcome: _sink, ...rest } = options;
  return withBaseline(result, baseline, (baselinePeriod) =>
    refNoCaf(records, baselinePeriod, { ...rest, calendar, outcomes: false }),
  );
}

/**
 * REF_NO_CAF's definition.
 * @example refNoCafDefinition.polarity //=> 'lower-is-better'
 */
export const refNoCafDefinition: IndicatorDefinition<'referral', RefNoCafOptions> = {
  id: 'REF_NO_CAF',
  title: 'Referrals to specialist services where no CAF is completed',
  unit: 'percent',
  polarity: 'lower-is-better',
  recordKind: 'referral',
  eventDate: 'referralDate',
  needs: [
    { field: 'referralDate', role: 'event date' },
    {
      field: 'cafCompleted',
      role: 'CAF flag',
    },
  ],
  options: [baselineOption],
  defaultOptions: {},
  source:
    'Leeds Children’s Services Improvement Plan 2010, 2.3.3: "A 10 % reduction in referrals to specialist agencies where no CAF is completed" and success criterion 3, "Reduction from the baseline of the number of referrals to social care and other specialist services which have not been subject to a CAF"',
  compute: refNoCaf,
};
