import Decimal from 'decimal.js';
import { contains, type Period, splitIntoMonths } from '../periods/index.js';
import {
  type AllocationRecord,
  type WorkerRecord,
  type WorkerRole,
  workerRoleSchema,
} from '../records/schemas.js';
import { type IsoDate, isIsoDate } from '../util/dates.js';
import { displayValue, resolveRounding } from './exact.js';
import { calendarOf, tallyOutcomes } from './summarise.js';
import type {
  CommonIndicatorOptions,
  IndicatorDefinition,
  IndicatorResult,
  RecordOutcome,
  SnapshotCounts,
} from './types.js';

/**
 * How CASELOAD takes its figure: on one `snapshot` date (default: the period end), or pooled over the
 * `month-end-mean` snapshots of the period.
 */
export type CaseloadMode = 'snapshot' | 'month-end-mean';

/** The roles whose caseloads are counted by default: case-holding social workers. */
export const CASELOAD_ROLES: readonly WorkerRole[] = [
  'social-worker',
  'newly-qualified',
  'advanced-practitioner',
];

/** The default threshold of `details.aboveThreshold`: the Leeds improvement plan's 2010/11 target (1.6.2). */
export const CASELOAD_THRESHOLD = 22;

/** Options of CASELOAD. */
export interface CaseloadOptions extends CommonIndicatorOptions {
  /**
   * The workers who hold the allocations (the `worker` records). Required: without them there is no FTE. A worker's
   * `workerId` is their key (`parseRecords` rejects a second row with the same one); should two records given
   * directly share one, the first is used.
   */
  readonly workers?: readonly WorkerRecord[];
  /** How the figure is taken. Default `snapshot`. */
  readonly mode?: CaseloadMode;
  /** The snapshot date (mode `snapshot` only), inside the period. Default: the period end. */
  readonly snapshot?: IsoDate;
  /** The roles counted. Default `social-worker`, `newly-qualified`, `advanced-practitioner`. */
  readonly roles?: readonly WorkerRole[];
  /** Cases per FTE above which a worker is listed in `details.aboveThreshold`. Default 22. */
  readonly threshold?: number;
  /**
   * Only the workers of this team, and the allocations they hold (`null`: the workers without a team, and the
   * allocations of workers not in `workers`). A breakdown by team sets it for each group. Default: every team.
   */
  readonly team?: string | null;
  /** Only this worker and the allocations with this `workerId`. A breakdown by worker sets it. Default: everyone. */
  readonly workerId?: string;
}

/** One group's pooled figures: open allocations, the FTE of the workers holding them, and cases per FTE. */
export interface CaseloadFigures {
  /** Open allocations held by the group's counted workers (summed over the snapshots). */
  readonly allocations: number;
  /** The sum of those workers' FTE (summed over the snapshots). */
  readonly fte: number;
  /** Those workers (in `month-end-mean` mode, worker-snapshots: a worker counts once per snapshot). */
  readonly workers: number;
  /** `allocations / fte`, exact, or null when there is no FTE. */
  readonly value: string | null;
  /** The value rounded as the result's `display`, or `n/a`. */
  readonly display: string;
}

/** One counted worker's caseload. */
export interface WorkerCaseload {
  readonly workerId: string;
  /** The worker's team, or `(none)`. */
  readonly team: string;
  readonly role: WorkerRole;
  /** The worker's FTE (in `month-end-mean` mode, summed over the snapshots at which they were counted). */
  readonly fte: number;
  /** Open allocations the worker holds (in `month-end-mean` mode, summed over the snapshots). */
  readonly cases: number;
  /** `cases / fte`, exact. */
  readonly perFte: string;
  /** The number of snapshots at which the worker was counted (1 in `snapshot` mode). */
  readonly snapshots: number;
}

/** CASELOAD's own figures, in `result.details` (a type alias, so that it fits `details`' record type). */
export type CaseloadDetails = {
  /** The mode the figure was taken in. */
  readonly mode: CaseloadMode;
  /** The snapshot dates. */
  readonly snapshots: readonly IsoDate[];
  /** Open allocations per counted worker (a head count, not FTE), exact, or null when no worker is counted. */
  readonly perHead: string | null;
  /** `perHead` rounded as the result's `display`, or `n/a`. */
  readonly perHeadDisplay: string;
  /** The figures of each team, by team name (`(none)` for workers without a team, last). */
  readonly byTeam: Readonly<Record<string, CaseloadFigures>>;
  /** Every counted worker's caseload, heaviest first (cases per FTE descending, then cases, then workerId). */
  readonly distribution: readonly WorkerCaseload[];
  /** The workers whose cases per FTE exceed the threshold, in the distribution's order. */
  readonly aboveThreshold: { readonly threshold: number; readonly workers: readonly string[] };
  /** The figures of the newly qualified social workers (role `newly-qualified`) alone. */
  readonly newlyQualified: CaseloadFigures;
  /**
   * Workers in post with a counted role but no open allocation: outside the population (it is the workers holding
   * at least one case), reported here. In `month-end-mean` mode, summed over the snapshots.
   */
  readonly workersWithoutCases: number;
};

/** The label of workers without a team, as breakdowns name a group without a key. */
const NO_TEAM = '(none)';

/** Sums of FTE are kept exact whatever precision the caller asks of the value. */
const Sum = Decimal.clone({ precision: 64 });

/** An open allocation on `date`: allocated on or before it, and not ended before it. */
function isOpen(allocation: AllocationRecord, date: IsoDate): boolean {
  return (
    allocation.allocatedFrom <= date &&
    (allocation.allocatedTo === undefined || date <= allocation.allocatedTo)
  );
}

/** A worker in post on `date`: started on or before it (or no start known), and not left before it. */
function isInPost(worker: WorkerRecord, date: IsoDate): boolean {
  return (
    (worker.startDate === undefined || worker.startDate <= date) &&
    (worker.endDate === undefined || date <= worker.endDate)
  );
}

function checkRoles(roles: readonly WorkerRole[]): void {
  const known = workerRoleSchema.options;
  if (!Array.isArray(roles) || roles.length === 0) {
    throw new RangeError(
      `roles: expected a non-empty list of ${known.join(', ')}, got ${JSON.stringify(roles)}`,
    );
  }
  for (const role of roles) {
    if (!known.includes(role)) {
      throw new RangeError(`roles: expected each of ${known.join(', ')}, got ${JSON.stringify(role)}`);
    }
  }
}

/** The snapshot dates of the options, checked. */
function snapshotDates(period: Period, mode: CaseloadMode, snapshot: IsoDate | undefined): IsoDate[] {
  if (mode === 'month-end-mean') {
    if (snapshot !== undefined) {
      throw new RangeError(
        `snapshot: a single snapshot date is taken in mode 'snapshot' only; mode 'month-end-mean' takes each month end of the period, got ${JSON.stringify(snapshot)}`,
      );
    }
    return splitIntoMonths(period).map((month) => month.end);
  }
  if (mode !== 'snapshot') {
    throw new RangeError(`mode: expected snapshot or month-end-mean, got ${JSON.stringify(mode)}`);
  }
  if (snapshot === undefined) return [period.end];
  if (!isIsoDate(snapshot) || !contains(period, snapshot)) {
    throw new RangeError(
      `snapshot: expected a date written YYYY-MM-DD from ${period.start} to ${period.end} (${period.label}), got ${JSON.stringify(snapshot)}`,
    );
  }
  return [snapshot];
}

/** The first record of each workerId, with its FTE as an exact decimal. */
function workersById(workers: readonly WorkerRecord[]): Map<string, { worker: WorkerRecord; fte: Decimal }> {
  const byId = new Map<string, { worker: WorkerRecord; fte: Decimal }>();
  for (const worker of workers) {
    if (byId.has(worker.workerId)) continue;
    if (typeof worker.fte !== 'number' || !Number.isFinite(worker.fte) || worker.fte <= 0) {
      throw new RangeError(
        `workers: expected each worker's fte to be a number above 0, got ${JSON.stringify(worker.fte)} for ${JSON.stringify(worker.workerId)}`,
      );
    }
    byId.set(worker.workerId, { worker, fte: new Sum(worker.fte) });
  }
  return byId;
}

/** A running total of allocations, FTE and workers. */
interface Tally {
  allocations: number;
  fte: Decimal;
  workers: number;
}

const emptyTally = (): Tally => ({ allocations: 0, fte: new Sum(0), workers: 0 });

function addTo(tally: Tally, cases: number, fte: Decimal): void {
  tally.allocations += cases;
  tally.fte = tally.fte.plus(fte);
  tally.workers += 1;
}

/**
 * CASELOAD: open cases per full-time-equivalent social worker, on a snapshot date or pooled over month ends.
 *
 * On a snapshot date D, an allocation is open when `allocatedFrom <= D` and (`allocatedTo` is absent or
 * `D <= allocatedTo`); a worker is in post when (`startDate` is absent or `startDate <= D`) and (`endDate` is
 * absent or `D <= endDate`). The population is the workers in post with a counted role (default `social-worker`,
 * `newly-qualified`, `advanced-practitioner`) holding at least one open allocation. Numerator: the open allocations
 * they hold (an integer); denominator: the sum of their FTE; value: numerator / denominator, exact (unit
 * `cases-per-fte`, displayed without a % sign, e.g. `21.4`). A counted worker in post with no open allocation is
 * outside the population and reported in `details.workersWithoutCases`.
 *
 * The snapshot date is the period end unless `snapshot` names another date of the period. In `month-end-mean` mode
 * the snapshots are the ends of the months of the period (as `splitIntoMonths` cuts it: each month's last day, or
 * the period end for a last month cut short) and are pooled: numerator = the sum of the snapshots' open
 * allocations, denominator = the sum of their FTE sums. The mean over the month ends is therefore the ratio of the
 * sums, as NI 117's three-count average is; `counts.snapshots` lists each snapshot's date, allocations, fte and
 * workers. Every figure of `details` is pooled the same way.
 *
 * Outcomes: one per allocation, id `caseId/workerId/allocatedFrom`, with the worker's team: `counted` (open on the
 * snapshot date, held by a counted worker in post); `not-in-period` (not open on the snapshot date); `excluded` with
 * reason `unknown-worker` (its workerId is not in `workers`), `worker-not-in-post` or `role-not-counted`. In
 * `month-end-mean` mode an allocation is `counted` when it is counted at one snapshot at least, otherwise excluded
 * for the reason met at the first snapshot at which it is open, otherwise `not-in-period`; the numerator still
 * counts it once per snapshot, so `counts.counted` (allocations) may be below the numerator (allocation-snapshots).
 *
 * @param allocations - allocation records.
 * @param period - the reporting period.
 * @param options - workers (required), mode, snapshot, roles, threshold, team, workerId, rounding, outcomes.
 * @returns the {@link IndicatorResult}, with {@link CaseloadDetails} in `details`.
 * @throws {TypeError} when `workers` is missing; {@link RangeError} for a mode, snapshot, role list, threshold or
 *   worker FTE that cannot be used.
 * @example
 * const workers = [
 *   { workerId: 'W1', fte: 1, role: 'social-worker', team: 'East' },
 *   { workerId: 'W2', fte: 0.5, role: 'newly-qualified', team: 'East' },
 * ];
 * const allocations = [
 *   { caseId: 'C1', workerId: 'W1', allocatedFrom: '2011-01-10' },
 *   { caseId: 'C2', workerId: 'W1', allocatedFrom: '2011-02-01', allocatedTo: '2011-03-31' },
 *   { caseId: 'C3', workerId: 'W2', allocatedFrom: '2011-03-01' },
 * ];
 * const result = caseload(allocations, parsePeriod('FY2010'), { workers });
 * result.numerator; //=> 3 (all open on 2011-03-31)
 * result.denominator; //=> 1.5
 * result.display; //=> '2.0'
 * result.details.perHead; //=> '1.5'
 */
export function caseload(
  allocations: readonly AllocationRecord[],
  period: Period,
  options: CaseloadOptions = {},
): IndicatorResult & { details: CaseloadDetails } {
  if (!Array.isArray(options.workers)) {
    throw new TypeError(
      `workers: CASELOAD needs the worker records (fte, role, team) of the allocations' workers, got ${options.workers === undefined ? 'undefined' : JSON.stringify(options.workers)}`,
    );
  }
  const calendar = calendarOf(options);
  const rounding = resolveRounding(options.rounding, options.precision);
  const Exact = Decimal.clone({ precision: rounding.precision, rounding: Decimal.ROUND_HALF_UP });
  const mode = options.mode ?? 'snapshot';
  const dates = snapshotDates(period, mode, options.snapshot);
  const roles = options.roles ?? CASELOAD_ROLES;
  checkRoles(roles);
  const counted = new Set<string>(roles);
  const threshold = options.threshold ?? CASELOAD_THRESHOLD;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0) {
    throw new RangeError(
      `threshold: expected a number of cases per FTE (0 or more), got ${String(threshold)}`,
    );
  }

  // The group asked for (a breakdown's team or worker): the workers of the group and the allocations they hold.
  const allWorkers = workersById(options.workers);
  const teamOf = (workerId: string) => allWorkers.get(workerId)?.worker.team;
  const inGroup = (workerId: string): boolean =>
    (options.team === undefined || (teamOf(workerId) ?? null) === options.team) &&
    (options.workerId === undefined || workerId === options.workerId);
  const workers = [...allWorkers.values()].filter(({ worker }) => inGroup(worker.workerId));
  const scoped: { allocation: AllocationRecord; index: number }[] = [];
  allocations.forEach((allocation, index) => {
    if (inGroup(allocation.workerId)) scoped.push({ allocation, index });
  });

  // Each allocation's bucket over the snapshots: counted at any, else the first exclusion met, else not open.
  const reasons: (string | undefined)[] = scoped.map(() => undefined);
  const everCounted: boolean[] = scoped.map(() => false);
  const snapshots: SnapshotCounts[] = [];
  const whole = emptyTally();
  const byTeam = new Map<string, Tally>();
  const newlyQualified = emptyTally();
  const byWorker = new Map<
    string,
    { worker: WorkerRecord; cases: number; fte: Decimal; snapshots: number }
  >();
  let workersWithoutCases = 0;

  for (const date of dates) {
    const cases = new Map<string, number>();
    scoped.forEach(({ allocation }, i) => {
      if (!isOpen(allocation, date)) return;
      const found = allWorkers.get(allocation.workerId);
      const reason =
        found === undefined
          ? 'unknown-worker'
          : !isInPost(found.worker, date)
            ? 'worker-not-in-post'
            : !counted.has(found.worker.role)
              ? 'role-not-counted'
              : undefined;
      if (reason === undefined) {
        everCounted[i] = true;
        cases.set(allocation.workerId, (cases.get(allocation.workerId) ?? 0) + 1);
      } else {
        reasons[i] ??= reason;
      }
    });
    const snapshot = emptyTally();
    let withoutCases = 0;
    for (const { worker, fte } of workers) {
      if (!isInPost(worker, date) || !counted.has(worker.role)) continue;
      const held = cases.get(worker.workerId) ?? 0;
      if (held === 0) {
        withoutCases += 1;
        continue;
      }
      addTo(snapshot, held, fte);
      const team = worker.team ?? NO_TEAM;
      const teamTally = byTeam.get(team) ?? emptyTally();
      addTo(teamTally, held, fte);
      byTeam.set(team, teamTally);
      if (worker.role === 'newly-qualified') addTo(newlyQualified, held, fte);
      const own = byWorker.get(worker.workerId) ?? { worker, cases: 0, fte: new Sum(0), snapshots: 0 };
      byWorker.set(worker.workerId, {
        worker,
        cases: own.cases + held,
        fte: own.fte.plus(fte),
        snapshots: own.snapshots + 1,
      });
    }
    whole.allocations += snapshot.allocations;
    whole.fte = whole.fte.plus(snapshot.fte);
    whole.workers += snapshot.workers;
    workersWithoutCases += withoutCases;
    snapshots.push({
      date,
      allocations: snapshot.allocations,
      fte: snapshot.fte.toNumber(),
      workers: snapshot.workers,
      workersWithoutCases: withoutCases,
    });
  }

  // A plain loop that builds each outcome once, with no spreads: national allocation tables run to millions of rows.
  const outcomes: RecordOutcome[] = new Array(scoped.length);
  for (let i = 0; i < scoped.length; i++) {
    const { allocation, index } = scoped[i] as (typeof scoped)[number];
    const outcome: { -readonly [K in keyof RecordOutcome]: RecordOutcome[K] } = {
      id: `${allocation.caseId}/${allocation.workerId}/${allocation.allocatedFrom}`,
      bucket: 'not-in-period',
      eventDate: allocation.allocatedFrom,
      workerId: allocation.workerId,
    };
    const row = options.rows?.[index];
    if (row !== undefined) outcome.row = row;
    const team = teamOf(allocation.workerId);
    if (team !== undefined) outcome.team = team;
    const reason = reasons[i];
    if (everCounted[i]) outcome.bucket = 'counted';
    else if (reason !== undefined) {
      outcome.bucket = 'excluded';
      outcome.reason = reason;
    }
    outcomes[i] = outcome;
  }

  const ratio = (numerator: number, denominator: Decimal | number): Decimal | null =>
    new Exact(denominator).isZero() ? null : new Exact(numerator).div(denominator);
  const figures = (tally: Tally): CaseloadFigures => {
    const value = ratio(tally.allocations, tally.fte);
    return {
      allocations: tally.allocations,
      fte: tally.fte.toNumber(),
      workers: tally.workers,
      value: value === null ? null : value.toString(),
      display: displayValue(value, rounding),
    };
  };
  // Heaviest first: cases per FTE descending, then cases descending, then workerId.
  const distribution = [...byWorker.values()]
    .map(({ worker, cases, fte, snapshots: count }) => ({
      workerId: worker.workerId,
      team: worker.team ?? NO_TEAM,
      role: worker.role,
      fte,
      cases,
      perFte: new Exact(cases).div(fte),
      snapshots: count,
    }))
    .sort(
      (a, b) =>
        b.perFte.comparedTo(a.perFte) ||
        b.cases - a.cases ||
        (a.workerId < b.workerId ? -1 : a.workerId > b.workerId ? 1 : 0),
    );
  const perHead = ratio(whole.allocations, whole.workers);
  const teams = [...byTeam.keys()].sort((a, b) =>
    a === NO_TEAM ? 1 : b === NO_TEAM ? -1 : a.localeCompare(b, 'en'),
  );
  const details: CaseloadDetails = {
    mode,
    snapshots: dates,
    perHead: perHead === null ? null : perHead.toString(),
    perHeadDisplay: displayValue(perHead, rounding),
    byTeam: Object.fromEntries(teams.map((team) => [team, figures(byTeam.get(team) ?? emptyTally())])),
    distribution: distribution.map((entry) => ({
      ...entry,
      fte: entry.fte.toNumber(),
      perFte: entry.perFte.toString(),
    })),
    aboveThreshold: {
      threshold,
      workers: distribution
        .filter((entry) => entry.perFte.greaterThan(threshold))
        .map((entry) => entry.workerId),
    },
    newlyQualified: figures(newlyQualified),
    workersWithoutCases,
  };

  const value = ratio(whole.allocations, whole.fte);
  return {
    indicator: caseloadDefinition.id,
    title: caseloadDefinition.title,
    unit: caseloadDefinition.unit,
    polarity: caseloadDefinition.polarity,
    period: { start: period.start, end: period.end, label: period.label },
    numerator: whole.allocations,
    denominator: whole.fte.toNumber(),
    value,
    display: displayValue(value, rounding),
    rounding,
    rule: {
      mode,
      snapshots: dates.join(', '),
      roles: roles.join(', '),
      threshold,
      open: 'allocatedFrom <= snapshot <= allocatedTo',
      inPost: 'startDate <= snapshot <= endDate',
      ...(options.team === undefined ? {} : { team: options.team }),
      ...(options.workerId === undefined ? {} : { workerId: options.workerId }),
    },
    calendar: { id: calendar.id, fingerprint: calendar.fingerprint },
    counts: { ...tallyOutcomes(outcomes, options.rowsRejected), snapshots },
    ...(options.outcomes ? { outcomes } : {}),
    details,
  };
}

/** CASELOAD's definition. */
export const caseloadDefinition: IndicatorDefinition<'allocation', CaseloadOptions> = {
  id: 'CASELOAD',
  title: 'Open cases per FTE social worker',
  unit: 'cases-per-fte',
  polarity: 'lower-is-better',
  recordKind: 'allocation',
  eventDate: 'allocatedFrom',
  defaultOptions: {
    mode: 'snapshot',
    roles: CASELOAD_ROLES.join(', '),
    threshold: CASELOAD_THRESHOLD,
  },
  source:
    'Leeds Children’s Services Improvement Plan 2010, 1.6.2: "achieve a reduction in caseload levels from 24 to 22 by 2010/11 and to 20 by 2011/12" (and 5.3.1: newly qualified social workers "protected from carrying high and complex caseloads"); the Social Work Reform Board’s caseload guidance',
  groupsBy: 'recompute',
  compute: caseload,
};
