import { Decimal } from 'decimal.js';
import { calendarRef } from '../calendar/index.js';
import { contains, type Period, splitIntoMonths } from '../periods/index.js';
import { createPackedKeyNumbering, type KeyNumbering } from '../records/keys.js';
import { workerRoles } from '../records/kinds.js';
import type { AllocationRecord, WorkerRecord, WorkerRole } from '../records/schemas.js';
import type { IsoDate } from '../util/dates.js';
import { displayValue, exactDecimal, resolveRounding } from './exact.js';
import { FteSum } from './fte-sum.js';
import {
  choiceOption,
  choicesOption,
  dateOption,
  defaultsOf,
  groupOption,
  numberOption,
  optionValue,
  recordsOption,
} from './options.js';
import { calendarOf, createOutcomeTally, outcomeStore, resultWarnings } from './summarise.js';
import type {
  CommonIndicatorOptions,
  IndicatorDefinition,
  IndicatorResult,
  OutcomeBucket,
  OutcomeDraft,
  SnapshotCounts,
} from './types.js';

/**
 * How CASELOAD takes its figure: on one `snapshot` date (default: the period end), or pooled over the
 * `month-end-mean` snapshots of the period.
 */
export type CaseloadMode = 'snapshot' | 'month-end-mean';

/**
 * The roles whose caseloads are counted by default: case-holding social workers.
 * @example CASELOAD_ROLES //=> ['social-worker', 'newly-qualified', 'advanced-practitioner']
 */
export const CASELOAD_ROLES: readonly WorkerRole[] = [
  'social-worker',
  'newly-qualified',
  'advanced-practitioner',
];

/**
 * The default threshold of `details.aboveThreshold`: the Leeds improvement plan's 2010/11 target (1.6.2).
 * @example CASELOAD_THRESHOLD //=> 22
 */
export const CASELOAD_THRESHOLD = 22;

/** CASELOAD's options, declared once. */
const caseloadOptions = {
  workers: recordsOption({
    name: 'workers',
    kind: 'worker',
    flag: 'workers',
    defaultText: 'required',
    doc: 'the worker records (FTE, role, team, dates) of the allocations’ workers',
  }),
  mode: choiceOption({
    name: 'mode',
    values: ['snapshot', 'month-end-mean'],
    default: 'snapshot',
    flag: 'mode',
    placeholder: 'M',
    switchFlag: { flag: 'month-end-mean', value: 'month-end-mean' },
    doc: '`snapshot` (one date) or `month-end-mean` (each month end of the period, pooled)',
  }),
  snapshot: dateOption({
    name: 'snapshot',
    defaultText: 'the period end',
    flag: 'snapshot',
    placeholder: 'DATE',
    doc: 'another date inside the period (`snapshot` mode only)',
  }),
  roles: choicesOption({
    name: 'roles',
    values: workerRoles,
    default: CASELOAD_ROLES,
    doc: 'the roles counted',
  }),
  threshold: numberOption({
    name: 'threshold',
    unit: 'cases per FTE',
    default: CASELOAD_THRESHOLD,
    doc: 'the cases per FTE above which a worker is listed in `details.aboveThreshold`',
  }),
  team: groupOption({ name: 'team', setBy: '`--by team`', doc: 'one team’s figure' }),
  workerId: groupOption({ name: 'workerId', setBy: '`--by worker`', doc: 'one worker’s figure' }),
};

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
   * Only the workers of this team, and the allocations they hold (`null`: the workers without a team or with the
   * team `(none)`, as a breakdown's `(none)` group holds them, and the allocations of workers not in `workers`). A
   * breakdown by team sets it for each group. Default: every team.
   */
  readonly team?: string | null;
  /**
   * Only this worker and the allocations with this `workerId` (`null`: the allocations without one, missing or
   * null, or with the workerId `(none)`, as the `(none)` group of a breakdown by worker holds them). A breakdown by
   * worker sets it. Default: everyone.
   */
  readonly workerId?: string | null;
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
  if (snapshot === undefined) return [period.end];
  if (!contains(period, snapshot)) {
    throw new RangeError(
      `snapshot: expected a date written YYYY-MM-DD from ${period.start} to ${period.end} (${period.label}), got ${JSON.stringify(snapshot)}`,
    );
  }
  return [snapshot];
}

/** The workers given, each workerId once (the first record of it), numbered in the order given. */
interface WorkerTable {
  /** Each workerId's number. */
  readonly numbers: KeyNumbering;
  /** The worker record of each number. */
  readonly records: readonly WorkerRecord[];
}

/** The first record of each workerId, its FTE checked. */
function workerTable(workers: readonly WorkerRecord[]): WorkerTable {
  // Found once for each allocation: the table that keeps the keys' characters together (no cache miss on a worker's
  // string per look-up).
  const numbers = createPackedKeyNumbering(workers.length);
  const records: WorkerRecord[] = [];
  for (const worker of workers) {
    const known = numbers.size;
    if (numbers.add(worker.workerId) < known) continue;
    if (typeof worker.fte !== 'number' || !Number.isFinite(worker.fte) || worker.fte < 0) {
      throw new RangeError(
        `workers: expected each worker's fte to be a number of 0 or more, got ${JSON.stringify(worker.fte)} for ${JSON.stringify(worker.workerId)}`,
      );
    }
    records.push(worker);
  }
  return { numbers, records };
}

/** A running total of allocations, FTE and workers. */
interface Tally {
  allocations: number;
  readonly fte: FteSum;
  workers: number;
}

const emptyTally = (): Tally => ({ allocations: 0, fte: new FteSum(), workers: 0 });

function addTo(tally: Tally, cases: number, fte: number): void {
  tally.allocations += cases;
  tally.fte.add(fte);
  tally.workers += 1;
}

/** Why an open allocation is not counted, as a small number: none, or each reason of {@link EXCLUSIONS}. */
const COUNTED = 0;
/** The reasons an open allocation is excluded, by code (1, 2, 3). */
const EXCLUSIONS = [
  '',
  'unknown-worker',
  'worker-not-in-post',
  'role-not-counted',
  'role-unknown',
  'worker-fte-zero',
] as const;
const UNKNOWN_WORKER = 1;
const NOT_IN_POST = 2;
const ROLE_NOT_COUNTED = 3;
const ROLE_UNKNOWN = 4;
const FTE_ZERO = 5;
/** An allocation's bucket when it is counted at one snapshot at least (beside 0, not open, and the exclusions). */
const COUNTED_AT_ONE = 255;

/** One counted worker's cases over the snapshots, before the decimals. */
interface WorkerCount {
  readonly worker: WorkerRecord;
  readonly cases: number;
  readonly snapshots: number;
}

/** The figures of one distinct (cases, FTE, snapshots), worked out once for every worker who has them. */
interface PerFte {
  /** The FTE summed over the snapshots. */
  readonly fte: number;
  readonly perFte: Decimal;
  readonly text: string;
  readonly above: boolean;
  /** The place of `perFte` among the distinct values, heaviest first (equal values share a place). */
  rank: number;
}

/**
 * The distribution of the counted workers' caseloads, heaviest first (cases per FTE descending, then cases
 * descending, then workerId), and the workers above the threshold.
 *
 * Cases per FTE is worked out once per distinct (cases, FTE, snapshots), not once per worker: tens of thousands of
 * workers share a few hundred of them, and the decimal division is most of the time. The workers are sorted on the
 * rank of their value among the distinct values, which orders them as the exact values do.
 */
function caseloadDistribution(
  counts: readonly WorkerCount[],
  Exact: Decimal.Constructor,
  threshold: number,
): { workers: WorkerCaseload[]; aboveThreshold: string[] } {
  const distinct = new Map<string, PerFte>();
  const figures = counts.map(({ worker, cases, snapshots }) => {
    const key = `${cases}/${snapshots}/${worker.fte}`;
    let known = distinct.get(key);
    if (known === undefined) {
      const fte = new Sum(worker.fte).times(snapshots);
      const perFte = new Exact(cases).div(fte);
      known = {
        fte: fte.toNumber(),
        perFte,
        text: perFte.toString(),
        above: perFte.greaterThan(threshold),
        rank: 0,
      };
      distinct.set(key, known);
    }
    return known;
  });
  const values = [...distinct.values()].sort((a, b) => b.perFte.comparedTo(a.perFte));
  let rank = 0;
  values.forEach((value, i) => {
    const heavier = values[i - 1];
    if (heavier !== undefined && !heavier.perFte.equals(value.perFte)) rank++;
    value.rank = rank;
  });
  const order = counts
    .map((_, i) => i)
    .sort((a, b) => {
      const countA = counts[a] as WorkerCount;
      const countB = counts[b] as WorkerCount;
      const idA = countA.worker.workerId;
      const idB = countB.worker.workerId;
      return (
        (figures[a] as PerFte).rank - (figures[b] as PerFte).rank ||
        countB.cases - countA.cases ||
        (idA < idB ? -1 : idA > idB ? 1 : 0)
      );
    });
  const workers: WorkerCaseload[] = [];
  const aboveThreshold: string[] = [];
  for (const i of order) {
    const { worker, cases, snapshots } = counts[i] as WorkerCount;
    const { fte, text, above } = figures[i] as PerFte;
    workers.push({
      workerId: worker.workerId,
      team: worker.team ?? NO_TEAM,
      // Only workers with a counted role are counted.
      role: worker.role as WorkerRole,
      fte,
      cases,
      perFte: text,
      snapshots,
    });
    if (above) aboveThreshold.push(worker.workerId);
  }
  return { workers, aboveThreshold };
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
 * reason `unknown-worker` (its workerId is not in `workers`), `worker-not-in-post`, `role-not-counted` or `role-unknown` (a worker whose role is not known, such as a census worker with a blank `OrgRole`) or
 * `worker-fte-zero` (an FTE of 0 holds no cases per FTE). In
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
  const Exact = exactDecimal(rounding.precision);
  const mode: CaseloadMode = optionValue(caseloadOptions.mode, options.mode);
  const dates = snapshotDates(period, mode, optionValue(caseloadOptions.snapshot, options.snapshot));
  const roles: readonly WorkerRole[] = optionValue(caseloadOptions.roles, options.roles);
  const counted = new Set<string>(roles);
  const threshold = optionValue(caseloadOptions.threshold, options.threshold);

  // The group asked for (a breakdown's team or worker): the workers of the group and the allocations they hold.
  const table = workerTable(options.workers);
  const workerRecords = table.records;
  // `null` is the `(none)` group of a breakdown, which holds what has no team or workerId (missing or null) and what
  // has the value `(none)` itself: the group computed here must hold every allocation the breakdown put in it.
  const inNoGroup = (value: string | null | undefined): boolean =>
    value === undefined || value === null || value === NO_TEAM;
  const inGroup = (workerId: string, worker: WorkerRecord | undefined): boolean =>
    (options.team === undefined ||
      (options.team === null ? inNoGroup(worker?.team) : worker?.team === options.team)) &&
    (options.workerId === undefined ||
      (options.workerId === null ? inNoGroup(workerId) : workerId === options.workerId));
  // The workers of the group, by number.
  const workers: number[] = [];
  for (let w = 0; w < workerRecords.length; w++) {
    const worker = workerRecords[w] as WorkerRecord;
    if (inGroup(worker.workerId, worker)) workers.push(w);
  }
  // Why each worker's open allocations are not counted on each snapshot date (COUNTED when they are): slot
  // d * workerCount + w for date d and worker w; and the cases each worker holds on each date, in the same slots.
  const workerCount = workerRecords.length;
  const exclusions = new Uint8Array(dates.length * workerCount);
  dates.forEach((date, d) => {
    for (let w = 0; w < workerCount; w++) {
      const worker = workerRecords[w] as WorkerRecord;
      exclusions[d * workerCount + w] = !isInPost(worker, date)
        ? NOT_IN_POST
        : worker.role === undefined
          ? ROLE_UNKNOWN
          : !counted.has(worker.role)
            ? ROLE_NOT_COUNTED
            : worker.fte === 0
              ? FTE_ZERO
              : COUNTED;
    }
  });
  const casesOn = new Int32Array(dates.length * workerCount);

  // One pass over the allocations, in order: each one's worker found, the allocations of the group kept (their
  // indices in `allocations` and their workers' numbers, or -1), each counted on every snapshot date at which it is
  // open, and its bucket tallied: counted at any date, else the first exclusion met, else not open (`bucketOf`:
  // COUNTED_AT_ONE, an exclusion's code, or 0). Typed arrays filled in place (10^6 pushes onto growing arrays were a
  // fifth of the time); one pass reads each allocation once (a pass per step read each from memory again).
  const everyAllocation = options.team === undefined && options.workerId === undefined;
  const scopedAll = new Int32Array(allocations.length);
  const workerAll = new Int32Array(allocations.length);
  const bucketAll = new Uint8Array(allocations.length);
  const tally = createOutcomeTally();
  let scopedCount = 0;
  for (let index = 0; index < allocations.length; index++) {
    const allocation = allocations[index] as AllocationRecord;
    const w = table.numbers.find(allocation.workerId);
    if (!everyAllocation && !inGroup(allocation.workerId, workerRecords[w])) continue;
    let everCounted = false;
    let firstExclusion = 0;
    for (let d = 0; d < dates.length; d++) {
      if (!isOpen(allocation, dates[d] as IsoDate)) continue;
      const exclusion = w < 0 ? UNKNOWN_WORKER : (exclusions[d * workerCount + w] as number);
      if (exclusion === COUNTED) {
        everCounted = true;
        const slot = d * workerCount + w;
        casesOn[slot] = (casesOn[slot] as number) + 1;
      } else if (firstExclusion === 0) {
        firstExclusion = exclusion;
      }
    }
    const bucket = everCounted ? COUNTED_AT_ONE : firstExclusion;
    if (bucket === COUNTED_AT_ONE) tally.add('counted');
    else if (bucket === 0) tally.add('not-in-period');
    else tally.add('excluded', EXCLUSIONS[bucket]);
    scopedAll[scopedCount] = index;
    workerAll[scopedCount] = w;
    bucketAll[scopedCount] = bucket;
    scopedCount++;
  }
  const scoped = scopedAll.subarray(0, scopedCount);
  const workerOfAllocation = workerAll.subarray(0, scopedCount);

  const snapshots: SnapshotCounts[] = [];
  const whole = emptyTally();
  const byTeam = new Map<string, Tally>();
  const newlyQualified = emptyTally();
  // Each worker's cases and snapshots, summed over the snapshots; `distributed` lists the workers counted at one
  // snapshot at least, in the order first counted.
  const workerCases = new Int32Array(workerCount);
  const workerSnapshots = new Int32Array(workerCount);
  const distributed: number[] = [];
  let workersWithoutCases = 0;

  dates.forEach((date, d) => {
    const snapshot = emptyTally();
    let withoutCases = 0;
    for (const w of workers) {
      if (exclusions[d * workerCount + w] !== COUNTED) continue;
      const worker = workerRecords[w] as WorkerRecord;
      const held = casesOn[d * workerCount + w] as number;
      if (held === 0) {
        withoutCases += 1;
        continue;
      }
      addTo(snapshot, held, worker.fte);
      const team = worker.team ?? NO_TEAM;
      let teamTally = byTeam.get(team);
      if (teamTally === undefined) {
        teamTally = emptyTally();
        byTeam.set(team, teamTally);
      }
      addTo(teamTally, held, worker.fte);
      if (worker.role === 'newly-qualified') addTo(newlyQualified, held, worker.fte);
      if (workerSnapshots[w] === 0) distributed.push(w);
      workerCases[w] = (workerCases[w] as number) + held;
      workerSnapshots[w] = (workerSnapshots[w] as number) + 1;
    }
    whole.allocations += snapshot.allocations;
    whole.fte.addSum(snapshot.fte);
    whole.workers += snapshot.workers;
    workersWithoutCases += withoutCases;
    snapshots.push({
      date,
      allocations: snapshot.allocations,
      fte: snapshot.fte.total().toNumber(),
      workers: snapshot.workers,
      workersWithoutCases: withoutCases,
    });
  });

  // Outcomes are built only when asked for (national allocation tables run to millions of rows); every allocation
  // was tallied into its bucket above either way.
  const outcomes = outcomeStore(options, scoped.length);
  for (let i = 0; outcomes !== undefined && i < scoped.length; i++) {
    const code = bucketAll[i] as number;
    const bucket: OutcomeBucket =
      code === COUNTED_AT_ONE ? 'counted' : code !== 0 ? 'excluded' : 'not-in-period';
    const reason = bucket === 'excluded' ? EXCLUSIONS[code] : undefined;
    const index = scoped[i] as number;
    const allocation = allocations[index] as AllocationRecord;
    const outcome: OutcomeDraft = {
      id: `${allocation.caseId}/${allocation.workerId}/${allocation.allocatedFrom}`,
      bucket,
      eventDate: allocation.allocatedFrom,
      workerId: allocation.workerId,
    };
    const row = options.rows?.[index];
    if (row !== undefined) outcome.row = row;
    const team = workerRecords[workerOfAllocation[i] as number]?.team;
    if (team !== undefined) outcome.team = team;
    if (reason !== undefined) outcome.reason = reason;
    outcomes.put(i, outcome);
  }

  const ratio = (numerator: number, denominator: Decimal | number): Decimal | null =>
    new Exact(denominator).isZero() ? null : new Exact(numerator).div(denominator);
  const figures = (tally: Tally): CaseloadFigures => {
    const fte = tally.fte.total();
    const value = ratio(tally.allocations, fte);
    return {
      allocations: tally.allocations,
      fte: fte.toNumber(),
      workers: tally.workers,
      value: value === null ? null : value.toString(),
      display: displayValue(value, rounding),
    };
  };
  const distribution = caseloadDistribution(
    distributed.map((w) => ({
      worker: workerRecords[w] as WorkerRecord,
      cases: workerCases[w] as number,
      snapshots: workerSnapshots[w] as number,
    })),
    Exact,
    threshold,
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
    distribution: distribution.workers,
    aboveThreshold: { threshold, workers: distribution.aboveThreshold },
    newlyQualified: figures(newlyQualified),
    workersWithoutCases,
  };

  const counts = { ...tally.counts(scoped.length, options.rowsRejected), snapshots };
  const wholeFte = whole.fte.total();
  const value = ratio(whole.allocations, wholeFte);
  return {
    indicator: caseloadDefinition.id,
    title: caseloadDefinition.title,
    unit: caseloadDefinition.unit,
    polarity: caseloadDefinition.polarity,
    period: { start: period.start, end: period.end, label: period.label },
    numerator: whole.allocations,
    denominator: wholeFte.toNumber(),
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
    calendar: calendarRef(calendar),
    counts,
    ...(outcomes?.kept !== undefined ? { outcomes: outcomes.kept } : {}),
    details,
    warnings: resultWarnings(caseloadDefinition.id, counts),
  };
}

/**
 * CASELOAD's definition.
 * @example caseloadDefinition.polarity //=> 'lower-is-better'
 */
export const caseloadDefinition: IndicatorDefinition<'allocation', CaseloadOptions> = {
  id: 'CASELOAD',
  title: 'Open cases per FTE social worker',
  unit: 'cases-per-fte',
  polarity: 'lower-is-better',
  recordKind: 'allocation',
  eventDate: 'allocatedFrom',
  needs: [
    { field: 'allocatedFrom', role: 'allocation start' },
    { field: 'fte', role: 'FTE', records: 'workers' },
  ],
  options: Object.values(caseloadOptions),
  defaultOptions: defaultsOf(Object.values(caseloadOptions)),
  input: { flag: 'allocations', doc: 'the allocations file (caseId, workerId, allocatedFrom, allocatedTo)' },
  needsPeriod: 'the snapshot is taken at the period’s end (or on --snapshot DATE inside it)',
  source:
    'Leeds Children’s Services Improvement Plan 2010, 1.6.2: "achieve a reduction in caseload levels from 24 to 22 by 2010/11 and to 20 by 2011/12" (and 5.3.1: newly qualified social workers "protected from carrying high and complex caseloads"); the Social Work Reform Board’s caseload guidance',
  groupsBy: 'recompute',
  compute: caseload,
};
