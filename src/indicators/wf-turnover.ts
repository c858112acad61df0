import type { Period } from '../periods/index.js';
import type { WorkerRecord } from '../records/schemas.js';
import type { IndicatorDefinition, IndicatorResult } from './types.js';
import {
  agencyUnknown,
  WORKFORCE_OPTIONS,
  WORKFORCE_SOURCE,
  type WorkerContribution,
  type WorkerStanding,
  type WorkforceOptions,
  workforceResult,
} from './workforce.js';

/** Options of WF_TURNOVER: those every workforce indicator takes. */
export interface WfTurnoverOptions extends WorkforceOptions {}

/** What one worker adds to the turnover rate. */
function contribute(worker: WorkerRecord, standing: WorkerStanding): WorkerContribution {
  if (standing === 'outside') return { bucket: 'not-in-period' };
  const unknown = agencyUnknown(worker);
  if (unknown !== undefined) return unknown;
  if (worker.agency === true) return { bucket: 'excluded', reason: 'agency-worker' };
  return standing === 'leaver'
    ? { bucket: 'counted', reason: 'leaver', numerator: worker.fte }
    : { bucket: 'not-counted', reason: 'in post', denominatorFte: worker.fte };
}

/**
 * WF_TURNOVER: the turnover rate of children and family social workers, as the DfE's workforce statistics define it:
 * the FTE of the workers the council employs (not agency workers) who left in the 12 months to R, over the FTE of
 * those in post at R, × 100. R is the period end.
 *
 * Buckets: a non-agency leaver is `counted` (the numerator's FTE); a non-agency worker in post is `not-counted`
 * (the denominator's); an agency worker is `excluded` (`agency-worker`), a worker whose record does not say
 * (`agency` absent) `excluded` (`agency-unknown`: never guessed to be employed); a worker neither in post nor a
 * leaver is `not-in-period`. `numerator` and `denominator` are FTE; `details` has them exact.
 *
 * @param workers - worker records (HR exports, or the workforce census's `CSWWWorker`).
 * @param period - the period: its end is the reference date R.
 * @param options - `team` (one team's figure), `workerId`, rounding, outcomes.
 * @returns the {@link IndicatorResult}.
 * @example
 * // In post at 30 September 2023: W1 (1 FTE) and W2 (0.5); W3 (0.5 FTE) left on 31 March 2023: 0.5 / 1.5.
 * wfTurnover([
 *   { workerId: 'W1', fte: 1, agency: false },
 *   { workerId: 'W2', fte: 0.5, agency: false },
 *   { workerId: 'W3', fte: 0.5, agency: false, endDate: '2023-03-31' },
 * ], parsePeriod('2023-09')).display; //=> '33.3%'
 */
export function wfTurnover(
  workers: readonly WorkerRecord[],
  period: Period,
  options: WfTurnoverOptions = {},
): IndicatorResult {
  return workforceResult(workers, period, options, {
    definition: wfTurnoverDefinition,
    contribute,
    rule: {
      numerator: 'FTE of non-agency leavers in the 12 months to R',
      denominator: 'FTE of non-agency workers in post at R',
    },
  });
}

/**
 * WF_TURNOVER's definition.
 * @example wfTurnoverDefinition.polarity //=> 'lower-is-better'
 */
export const wfTurnoverDefinition: IndicatorDefinition<'worker', WfTurnoverOptions> = {
  id: 'WF_TURNOVER',
  title: 'Social worker turnover rate (FTE, rolling 12 months)',
  unit: 'percent',
  polarity: 'lower-is-better',
  recordKind: 'worker',
  eventDate: 'endDate',
  needs: [{ field: 'endDate', role: 'leaving date' }],
  options: WORKFORCE_OPTIONS,
  defaultOptions: {},
  source: `${WORKFORCE_SOURCE}. Turnover rate: FTE leavers in the year to 30 September over FTE in post at 30 September (England 2023: 5,254.6 / 33,119.1 = 15.9%)`,
  groupsBy: 'recompute',
  compute: wfTurnover,
};
