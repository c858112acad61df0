import type { Period } from '../periods/index.js';
import type { WorkerRecord } from '../records/schemas.js';
import { numberOption, optionValue } from './options.js';
import { calendarOf } from './summarise.js';
import type { IndicatorDefinition, IndicatorResult } from './types.js';
import {
  agencyUnknown,
  referenceDateOf,
  WORKFORCE_OPTIONS,
  WORKFORCE_SOURCE,
  type WorkerContribution,
  type WorkerStanding,
  type WorkforceOptions,
  workforceResult,
  workforceWindow,
} from './workforce.js';

/** WF_ABSENCE's working days per FTE, declared once. */
const ABSENCE = numberOption({
  name: 'workingDaysPerFte',
  unit: 'working days',
  flag: 'working-days-per-fte',
  placeholder: 'N',
  doc: 'the working days one FTE could work in the 12 months to R (above 0)',
  defaultText: 'the calendar’s working days in the 12 months to R',
});

/** Options of WF_ABSENCE. */
export interface WfAbsenceOptions extends WorkforceOptions {
  /**
   * The working days one FTE could have worked in the 12 months to R. Default: the calendar's working days in the
   * window (R − 12 months, R]: 251 in England and Wales for October 2022 to September 2023.
   */
  readonly workingDaysPerFte?: number;
}

/** What one worker adds to the absence rate. */
function contribute(worker: WorkerRecord, standing: WorkerStanding): WorkerContribution {
  if (standing === 'outside') return { bucket: 'not-in-period' };
  const unknown = agencyUnknown(worker);
  if (unknown !== undefined) return unknown;
  if (worker.agency === true) return { bucket: 'excluded', reason: 'agency-worker' };
  const days = worker.workingDaysLost;
  if (days === undefined) return { bucket: 'excluded', reason: 'days-lost-unknown' };
  if (standing === 'leaver') {
    // A leaver's days were lost in the window; their FTE is not available at R.
    return { bucket: days > 0 ? 'counted' : 'not-counted', reason: 'leaver', numerator: days };
  }
  return {
    bucket: days > 0 ? 'counted' : 'not-counted',
    reason: 'in post',
    numerator: days,
    denominatorFte: worker.fte,
  };
}

/**
 * WF_ABSENCE: the sickness absence rate, as the DfE's workforce statistics define it: the working days lost to
 * sickness in the 12 months to R by the social workers the council employs, over the working days their FTE in post
 * at R could have worked (FTE × working days per FTE), × 100. R is the period end.
 *
 * Days lost count for workers in post at R and for leavers within the 12 months (their days were lost in the
 * window); the FTE is that in post at R. `workingDaysPerFte` defaults to the calendar's working days in the window
 * (251 for October 2022 to September 2023 in England and Wales), and can be set to the figure a publication uses.
 *
 * Buckets: a worker with days lost is `counted`, one with 0 `not-counted`; an agency worker `excluded`
 * (`agency-worker`), one whose record does not say `excluded` (`agency-unknown`); a worker whose days lost are not
 * given `excluded` (`days-lost-unknown`: a blank is not 0); a worker neither in post nor a leaver `not-in-period`.
 * `numerator` is days lost; `denominator` FTE × working days per FTE.
 *
 * @param workers - worker records with `workingDaysLost`.
 * @param period - the period: its end is the reference date R.
 * @param options - `workingDaysPerFte`, `team`, `workerId`, calendar, rounding, outcomes.
 * @returns the {@link IndicatorResult}.
 * @throws {RangeError} for a `workingDaysPerFte` that is not a number above 0.
 * @example
 * // 2 FTE in post lost 10 days; 250 working days per FTE: 10 / 500.
 * wfAbsence([{ workerId: 'W1', fte: 2, agency: false, workingDaysLost: 10 }], parsePeriod('2023-09'), {
 *   workingDaysPerFte: 250,
 * }).display; //=> '2.0%'
 */
export function wfAbsence(
  workers: readonly WorkerRecord[],
  period: Period,
  options: WfAbsenceOptions = {},
): IndicatorResult {
  const window = workforceWindow(referenceDateOf(period, options));
  const calendar = calendarOf(options);
  const given = optionValue(ABSENCE, options.workingDaysPerFte);
  if (given === 0) {
    throw new RangeError(
      `workingDaysPerFte: expected a number of working days above 0, like 253, got ${JSON.stringify(given)}`,
    );
  }
  const days = given ?? calendar.workingDaysBetween(window.after, window.reference, 'after-start');
  return workforceResult(
    workers,
    period,
    { ...options, calendar },
    {
      definition: wfAbsenceDefinition,
      contribute,
      figure: ({ numerator, fte }) => ({ numerator, denominator: fte.times(days) }),
      rule: {
        numerator:
          'working days lost to sickness in the 12 months to R (non-agency workers in post at R, and leavers)',
        denominator: 'FTE of non-agency workers in post at R x working days per FTE',
        workingDaysPerFte: days,
        workingDaysFrom: given === undefined ? 'the calendar' : 'the option',
      },
      details: { workingDaysPerFte: days },
    },
  );
}

/**
 * WF_ABSENCE's definition.
 * @example wfAbsenceDefinition.id //=> 'WF_ABSENCE'
 */
export const wfAbsenceDefinition: IndicatorDefinition<'worker', WfAbsenceOptions> = {
  id: 'WF_ABSENCE',
  title: 'Social worker sickness absence rate (rolling 12 months)',
  unit: 'percent',
  polarity: 'lower-is-better',
  recordKind: 'worker',
  eventDate: 'endDate',
  needs: [
    { field: 'workingDaysLost', role: 'days lost' },
    { field: 'agency', role: 'agency flag' },
  ],
  options: [...WORKFORCE_OPTIONS, ABSENCE],
  defaultOptions: {},
  source: `${WORKFORCE_SOURCE}. Absence rate: working days lost to sickness over the working days of the FTE in post (England 2023: 270,751 days lost, 33,119.1 FTE: 3.2%)`,
  groupsBy: 'recompute',
  compute: wfAbsence,
};
