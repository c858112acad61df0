import { Decimal } from 'decimal.js';
import type { Period } from '../periods/index.js';
import type { WorkerRecord } from '../records/schemas.js';
import { fteByDateOption, optionValue } from './options.js';
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
} from './workforce.js';

/** Options of WF_VACANCY. */
export interface WfVacancyOptions extends WorkforceOptions {
  /**
   * The vacancies, in FTE, by reference date: `{ '2023-09-30': 7722.7 }` (a workforce census XML's header gives its
   * own: `LALevelVacancies/NumberOfVacancies` on its `ReferenceDate`). A reference date with no figure has no value
   * (`n/a`, every worker `excluded` as `no-vacancy-figure`). Default: none.
   */
  readonly vacancies?: Readonly<Record<string, number>>;
}

/** WF_VACANCY's vacancies, declared once. */
const VACANCY = fteByDateOption({
  name: 'vacancies',
  flag: 'vacancies',
  doc: 'the vacancy FTE on each reference date, e.g. `2023-09-30=12.5` (a census XML’s header gives its own)',
  defaultText: 'a census XML’s `LALevelVacancies` on its `ReferenceDate`; else none (n/a)',
});

/**
 * WF_VACANCY: the vacancy rate, as the DfE's workforce statistics define it: the vacancies (FTE) at R over the
 * vacancies plus the FTE of the workers the council employs in post at R, × 100. R is the period end; the vacancies
 * are a figure for the whole council (the census's `LALevelVacancies`), given by reference date.
 *
 * There is no figure by team or by worker: the census counts vacancies for the council only, so `team` and
 * `workerId` (a breakdown by team or worker) are refused with a `RangeError` saying so, rather than setting the
 * council's vacancies against one team's or one worker's FTE.
 *
 * Buckets: a non-agency worker in post is `not-counted` (the denominator); an agency worker in post `excluded`
 * (`agency-worker`), one whose record does not say `excluded` (`agency-unknown`); a worker not in post at R
 * `not-in-period`. With no vacancy figure for R the value is null (`n/a`) and the workers in post are `excluded`
 * (`no-vacancy-figure`). `numerator` is the vacancies; `denominator` vacancies + FTE in post.
 *
 * @param workers - worker records.
 * @param period - the period: its end is the reference date R.
 * @param options - `vacancies` by reference date, rounding, outcomes.
 * @returns the {@link IndicatorResult}.
 * @throws {RangeError} for `team` or `workerId` (there is no vacancy figure by team or worker) or a `vacancies` that
 *   is not a map of dates to FTE.
 * @example
 * // 1.5 FTE in post and 0.5 FTE vacant: 0.5 / 2.
 * wfVacancy([{ workerId: 'W1', fte: 1.5, agency: false }], parsePeriod('2023-09'), {
 *   vacancies: { '2023-09-30': 0.5 },
 * }).display; //=> '25.0%'
 */
export function wfVacancy(
  workers: readonly WorkerRecord[],
  period: Period,
  options: WfVacancyOptions = {},
): IndicatorResult {
  for (const [option, group] of [
    ['team', 'team'],
    ['workerId', 'worker'],
  ] as const) {
    if (options[option] !== undefined) {
      throw new RangeError(
        `WF_VACANCY has no figure by ${group}: the workforce census counts vacancies for the whole council (LALevelVacancies), so the council's vacancies over one ${group}'s FTE would be a wrong rate. Compute it for the council (no --by ${group}), got ${option} ${JSON.stringify(options[option])}`,
      );
    }
  }
  const vacancies = optionValue(VACANCY, options.vacancies) ?? {};
  const vacancyFte = vacancies[referenceDateOf(period, options)];
  const contribute = (worker: WorkerRecord, standing: WorkerStanding): WorkerContribution => {
    if (standing !== 'in-post') return { bucket: 'not-in-period' };
    const unknown = agencyUnknown(worker);
    if (unknown !== undefined) return unknown;
    if (worker.agency === true) return { bucket: 'excluded', reason: 'agency-worker' };
    if (vacancyFte === undefined) return { bucket: 'excluded', reason: 'no-vacancy-figure' };
    return { bucket: 'not-counted', reason: 'in post', denominatorFte: worker.fte };
  };
  return workforceResult(workers, period, options, {
    definition: wfVacancyDefinition,
    contribute,
    figure: ({ fte }) =>
      vacancyFte === undefined
        ? { numerator: new Decimal(0), denominator: new Decimal(0) }
        : { numerator: new Decimal(vacancyFte), denominator: fte.plus(vacancyFte) },
    rule: {
      numerator: 'vacancy FTE at R',
      denominator: 'vacancy FTE + FTE of non-agency workers in post at R',
      vacancies: vacancyFte ?? null,
    },
    details: { vacancies: vacancyFte ?? null },
  });
}

/**
 * WF_VACANCY's definition.
 * @example wfVacancyDefinition.recordKind //=> 'worker'
 */
export const wfVacancyDefinition: IndicatorDefinition<'worker', WfVacancyOptions> = {
  id: 'WF_VACANCY',
  title: 'Social worker vacancy rate (FTE)',
  unit: 'percent',
  polarity: 'lower-is-better',
  recordKind: 'worker',
  eventDate: 'startDate',
  needs: [{ field: 'agency', role: 'agency flag' }],
  options: [...WORKFORCE_OPTIONS, VACANCY],
  defaultOptions: {},
  source: `${WORKFORCE_SOURCE}. Vacancy rate: vacancy FTE at 30 September over vacancies plus FTE in post (England 2023: 7,722.7 / (7,722.7 + 33,119.1) = 18.9%)`,
  groupsBy: 'recompute',
  compute: wfVacancy,
};
