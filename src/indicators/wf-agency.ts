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

/** Options of WF_AGENCY: those every workforce indicator takes. */
export interface WfAgencyOptions extends WorkforceOptions {}

/** What one worker adds to the agency rate. */
function contribute(worker: WorkerRecord, standing: WorkerStanding): WorkerContribution {
  if (standing !== 'in-post') return { bucket: 'not-in-period' };
  const unknown = agencyUnknown(worker);
  if (unknown !== undefined) return unknown;
  return worker.agency === true
    ? { bucket: 'counted', reason: 'agency worker', numerator: worker.fte, denominatorFte: worker.fte }
    : { bucket: 'not-counted', reason: 'employed by the council', denominatorFte: worker.fte };
}

/**
 * WF_AGENCY: the agency worker rate, as the DfE's workforce statistics define it: the FTE of agency workers in post
 * at R over the FTE of all workers in post at R (agency and not), × 100. R is the period end.
 *
 * Buckets: an agency worker in post is `counted`; a worker the council employs in post `not-counted`; a worker in
 * post whose record does not say whether it is an agency worker `excluded` (`agency-unknown`); a worker not in post
 * at R `not-in-period`.
 *
 * @param workers - worker records.
 * @param period - the period: its end is the reference date R.
 * @param options - `team`, `workerId`, rounding, outcomes.
 * @returns the {@link IndicatorResult}.
 * @example
 * wfAgency([
 *   { workerId: 'W1', fte: 1, agency: false },
 *   { workerId: 'A1', fte: 0.5, agency: true },
 * ], parsePeriod('2023-09')).display; //=> '33.3%'
 */
export function wfAgency(
  workers: readonly WorkerRecord[],
  period: Period,
  options: WfAgencyOptions = {},
): IndicatorResult {
  return workforceResult(workers, period, options, {
    definition: wfAgencyDefinition,
    contribute,
    rule: {
      numerator: 'FTE of agency workers in post at R',
      denominator: 'FTE of agency and non-agency workers in post at R',
    },
  });
}

/**
 * WF_AGENCY's definition.
 * @example wfAgencyDefinition.unit //=> 'percent'
 */
export const wfAgencyDefinition: IndicatorDefinition<'worker', WfAgencyOptions> = {
  id: 'WF_AGENCY',
  title: 'Agency social worker rate (FTE)',
  unit: 'percent',
  polarity: 'lower-is-better',
  recordKind: 'worker',
  eventDate: 'startDate',
  needs: [{ field: 'agency', role: 'agency flag' }],
  options: WORKFORCE_OPTIONS,
  defaultOptions: {},
  source: `${WORKFORCE_SOURCE}. Agency worker rate: agency FTE at 30 September over agency and non-agency FTE (England 2023: 7,173.5 / (7,173.5 + 33,119.1) = 17.8%)`,
  groupsBy: 'recompute',
  compute: wfAgency,
};
