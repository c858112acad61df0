import type { Period } from '../periods/index.js';
import type { NeetRecord } from '../records/schemas.js';
import { type NeetCountOptions, neetOptions, neetResult } from './neet.js';
import { defaultsOf } from './options.js';
import type { IndicatorDefinition, IndicatorResult } from './types.js';

/**
 * Options of NI 117: `countDate` (default: the November, December and January counts of the period), `minAge`
 * (default 16), `maxAge` (default 18), and the options every indicator takes.
 */
export interface Ni117Options extends NeetCountOptions {}

/**
 * NI 117: the percentage of 16 to 18 year olds who are not in education, employment or training (NEET).
 *
 * The counts are the `snapshotDate`s of November, December and January in the period (the latest of a month when it
 * has several; the others are excluded `superseded-snapshot`), or the one `countDate` asked for. The cohort at a
 * count: academic age 16-18 (age on 31 August before the academic year of the count), status not `EXCLUDED`.
 * Numerator: `NEET` summed over the counts. Denominator: the known cohort (cohort minus `NOT_KNOWN`) summed over the
 * counts. The three-count average mean NEET / mean known is the same as this ratio of sums; `counts.snapshots`
 * gives each count's figures.
 *
 * @param records - NEET records, one per young person per count date.
 * @param period - the reporting period (`AY2010` holds the counts of November 2010 to January 2011).
 * @param options - countDate, minAge, maxAge, rounding, outcomes.
 * @returns the {@link IndicatorResult}.
 * @example
 * const result = ni117(
 *   [
 *     { personId: 'P1', snapshotDate: '2010-11-30', dateOfBirth: '1993-05-01', status: 'NEET' },
 *     { personId: 'P2', snapshotDate: '2010-11-30', dateOfBirth: '1993-06-01', status: 'EET' },
 *     { personId: 'P3', snapshotDate: '2010-11-30', dateOfBirth: '1993-07-01', status: 'NOT_KNOWN' },
 *   ],
 *   parsePeriod('AY2010'),
 * );
 * [result.numerator, result.denominator]; //=> [1, 2] (P3, not known, is out of the known cohort)
 * result.display; //=> '50.0%'
 */
export function ni117(
  records: readonly NeetRecord[],
  period: Period,
  options: Ni117Options = {},
): IndicatorResult {
  return neetResult(ni117Definition, records, period, options, 'neet');
}

/**
 * NI 117's definition.
 * @example ni117Definition.eventDate //=> 'snapshotDate'
 */
export const ni117Definition: IndicatorDefinition<'neet', Ni117Options> = {
  id: 'NI117',
  title: '16 to 18 year olds who are not in education, employment or training (NEET)',
  unit: 'percent',
  polarity: 'lower-is-better',
  recordKind: 'neet',
  eventDate: 'snapshotDate',
  needs: [
    { field: 'snapshotDate', role: 'count date' },
    { field: 'dateOfBirth', role: 'date of birth' },
  ],
  options: neetOptions,
  defaultOptions: defaultsOf(neetOptions),
  source:
    'National Indicator Set NI 117 (DCSF, 2008): 16 to 18 year olds who are not in education, employment or training, the average of the November, December and January counts, by academic age; Leeds Improvement Notice 2010: "reduce the number of 16-18 year olds who are not in education, employment or training (NEET) to 6.8% in 2010/11"',
  compute: ni117,
};
