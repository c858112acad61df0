import type { Period } from '../periods/index.js';
import type { NeetRecord } from '../records/schemas.js';
import { type NeetCountOptions, neetOptions, neetResult } from './neet.js';
import { defaultsOf } from './options.js';
import type { IndicatorDefinition, IndicatorResult } from './types.js';

/**
 * Options of NEET_NOT_KNOWN: `countDate` (default: the November, December and January counts of the period),
 * `minAge` (default 16), `maxAge` (default 18), and the options every indicator takes.
 */
export interface NeetNotKnownOptions extends NeetCountOptions {}

/**
 * NEET_NOT_KNOWN: the percentage of the 16 to 18 cohort whose activity is not known.
 *
 * The counts and the cohort are NI 117's (see {@link ni117}): academic age 16-18, status not `EXCLUDED`, at the
 * November, December and January counts of the period. Numerator: `NOT_KNOWN` summed over the counts. Denominator:
 * the whole cohort summed over the counts (mean not known / mean cohort).
 *
 * @param records - NEET records, one per young person per count date.
 * @param period - the reporting period.
 * @param options - countDate, minAge, maxAge, rounding, outcomes.
 * @returns the {@link IndicatorResult}.
 * @example
 * const result = neetNotKnown(
 *   [
 *     { personId: 'P1', snapshotDate: '2010-11-30', dateOfBirth: '1993-05-01', status: 'NEET' },
 *     { personId: 'P2', snapshotDate: '2010-11-30', dateOfBirth: '1993-06-01', status: 'EET' },
 *     { personId: 'P3', snapshotDate: '2010-11-30', dateOfBirth: '1993-07-01', status: 'NOT_KNOWN' },
 *   ],
 *   parsePeriod('AY2010'),
 * );
 * [result.numerator, result.denominator]; //=> [1, 3]
 * result.display; //=> '33.3%'
 */
export function neetNotKnown(
  records: readonly NeetRecord[],
  period: Period,
  options: NeetNotKnownOptions = {},
): IndicatorResult {
  return neetResult(neetNotKnownDefinition, records, period, options, 'not-known');
}

/**
 * NEET_NOT_KNOWN's definition.
 * @example neetNotKnownDefinition.id //=> 'NEET_NOT_KNOWN'
 */
export const neetNotKnownDefinition: IndicatorDefinition<'neet', NeetNotKnownOptions> = {
  id: 'NEET_NOT_KNOWN',
  title: '16 to 18 year olds whose activity is not known',
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
    'Leeds Children’s Services Improvement Plan 2010, 4.1.1: "Reduction in the number of young people whose status is not known to target of 6.3% by Nov/Jan 2011"; cohort and counts as National Indicator Set NI 117 (DCSF, 2008)',
  compute: neetNotKnown,
};
