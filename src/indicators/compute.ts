import type { Calendar } from '../calendar/index.js';
import { type Period, parsePeriod, splitIntoMonths } from '../periods/index.js';
import type { ResultWarning } from '../records/issues.js';
import type { RecordOf } from '../records/schemas.js';
import { countOf, listed } from '../util/plural.js';
import { getIndicator, type IndicatorId, type indicators } from './registry.js';
import { calendarOf, createOutcomeTally, type OutcomeTally, summariseCounts } from './summarise.js';
import type { IndicatorResult, OutcomeSink, RecordOutcome } from './types.js';

/** The registered indicators' definitions, by id. */
export type IndicatorDefinitions = typeof indicators;

/** The records an indicator reads. */
export type RecordsFor<I extends IndicatorId> = readonly RecordOf<IndicatorDefinitions[I]['recordKind']>[];

/** The options an indicator takes. */
export type OptionsFor<I extends IndicatorId> = NonNullable<
  Parameters<IndicatorDefinitions[I]['compute']>[2]
>;

/**
 * Computes one indicator over a period: the registry's pure function, found by id.
 *
 * @param id - the indicator, e.g. `NI59` (case-insensitive).
 * @param records - the records of the indicator's kind, as `parseRecords` returns them.
 * @param period - a {@link Period} or a period string (`2010-10..2011-03`, `FY2010`…).
 * @param options - the indicator's options: calendar, convention, rounding, outcomes and its own.
 * @returns the {@link IndicatorResult}.
 * @throws {TypeError} for an unknown indicator; {@link RangeError} for a period or option that cannot be used.
 * @example
 * const result = computeIndicator('NI59', records, '2010-10..2011-03', { rules: 'wt2010' });
 * result.display; //=> '82.0%'
 */
export function computeIndicator<I extends IndicatorId>(
  id: I,
  records: RecordsFor<I>,
  period: Period | string,
  options: OptionsFor<I> = {} as OptionsFor<I>,
): IndicatorResult {
  const definition = getIndicator(id);
  return definition.compute(records as never, parsePeriod(period), options as never);
}

/** What a breakdown groups by: the record's team, its worker, or the month of its event date. */
export type BreakdownKey = 'team' | 'workerId' | 'month';

/** One group of a breakdown. */
export interface BreakdownGroup {
  /** The team, the worker or the month (`2010-10`); `(none)` for records without a team or worker. */
  readonly key: string;
  /** The group's result, of the same shape as the whole's. */
  readonly result: IndicatorResult;
}

/** A breakdown: the whole and its groups. */
export interface Breakdown {
  readonly by: BreakdownKey;
  readonly total: IndicatorResult;
  readonly groups: readonly BreakdownGroup[];
}

/** One group's running counts while a breakdown tallies the outcomes, and its outcomes when the caller keeps them. */
interface GroupTally {
  readonly tally: OutcomeTally;
  records: number;
  readonly kept?: RecordOutcome[];
}

/**
 * The label of records that have no team or worker.
 * @example NO_GROUP //=> '(none)'
 */
export const NO_GROUP = '(none)';

/**
 * The order of a breakdown's groups: by name (English collation), {@link NO_GROUP} last. Two names the collation
 * holds equal (they differ only by characters it ignores, such as a control character, or are two spellings of one
 * accented letter) are ordered by their UTF-16 code units, so that the order is of the names alone, never of the
 * order the groups were first met in (which a breakdown from day columns meets differently).
 * @example ['West', NO_GROUP, 'East'].sort(compareGroupKeys) //=> ['East', 'West', '(none)']
 * @example ['Ea\u007fst', 'East'].sort(compareGroupKeys) //=> ['East', 'Ea\u007fst']
 */
export function compareGroupKeys(a: string, b: string): number {
  if (a === NO_GROUP || b === NO_GROUP) return a === b ? 0 : a === NO_GROUP ? 1 : -1;
  const byName = a.localeCompare(b, 'en');
  if (byName !== 0) return byName;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A group's name as two spellings of one name compare: in lower case, its runs of spaces made one.
 * @example foldedGroupKey(' North  East ') //=> 'north east'
 */
export function foldedGroupKey(key: string): string {
  return key.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The warning a breakdown's groups call for when two or more of them are named alike: names that differ only in
 * capitals or in spacing (`North`, `north`, `North  `) are most likely one team (or worker) spelt two ways, and each
 * such group's figure is then a part of that team's, not its figure. The groups are kept apart (a name is never
 * guessed to be another), and the warning (`similar_group_names`) names every such set of spellings with its
 * records, so that the spelling can be put right in the data.
 *
 * @param indicator - the indicator's id, for the message.
 * @param by - what the breakdown groups by.
 * @param groups - the breakdown's groups.
 * @returns one warning listing every set of alike names, or none.
 * @example
 * similarGroupNamesWarnings('NI59', 'team', [{ key: 'North', result: a }, { key: 'north', result: b }])[0]?.code
 * //=> 'similar_group_names'
 */
export function similarGroupNamesWarnings(
  indicator: string,
  by: BreakdownKey,
  groups: readonly BreakdownGroup[],
): ResultWarning[] {
  if (by === 'month') return [];
  const alike = new Map<string, BreakdownGroup[]>();
  for (const group of groups) {
    if (group.key === NO_GROUP) continue;
    const folded = foldedGroupKey(group.key);
    const found = alike.get(folded);
    if (found === undefined) alike.set(folded, [group]);
    else found.push(group);
  }
  const sets = [...alike.values()].filter((set) => set.length > 1);
  if (sets.length === 0) return [];
  const field = by === 'workerId' ? 'worker' : by;
  const described = sets.map((set) =>
    listed(
      set.map(
        (group) => `${JSON.stringify(group.key)} (${countOf(group.result.counts.recordsRead, 'record')})`,
      ),
    ),
  );
  return [
    {
      code: 'similar_group_names',
      message: `${indicator} by ${field}: ${described.join('; ')} differ only in capitals or spacing but are counted as separate groups, so each one's figure is only part of the ${field}'s if they are one ${field}; put the spelling right in the data`,
    },
  ];
}

/**
 * The records of each `workerId` (`(none)` for those without one, as the outcomes' groups are keyed), in input
 * order, with their rows when given.
 */
function recordsByWorker(
  records: readonly { readonly workerId?: unknown }[],
  options: { rows?: unknown },
): Map<unknown, { records: unknown[]; rows: number[] | undefined }> {
  const rows = Array.isArray(options.rows) ? (options.rows as readonly number[]) : undefined;
  const groups = new Map<unknown, { records: unknown[]; rows: number[] | undefined }>();
  records.forEach((record, index) => {
    const key = record.workerId ?? NO_GROUP;
    let group = groups.get(key);
    if (group === undefined) {
      group = { records: [], rows: rows === undefined ? undefined : [] };
      groups.set(key, group);
    }
    group.records.push(record);
    group.rows?.push(rows?.[index] as number);
  });
  return groups;
}

/**
 * An indicator by team, by worker or by month, each group a result of the same shape.
 *
 * By month, each group is the indicator over that month of the period (so the monthly numerators and denominators
 * add up to the whole's). By team or worker, each group counts the outcomes of that group's records (tallied as the
 * indicator makes them, none kept unless `outcomes` asks), so the groups' counts add up to the whole's; for a definition with `groupsBy: 'recompute'` (CASELOAD, whose denominator is FTE)
 * each group is the indicator computed again with the option `team` or `workerId` set to the group's key (`null` for
 * the `(none)` group).
 *
 * @throws {TypeError} for an unknown indicator, or a record whose `team` or `workerId` (when grouping by it) is not
 *   text; {@link RangeError} for an unknown `by`.
 * @example
 * const { groups } = computeBreakdown('NI59', records, 'FY2010', 'month');
 * groups.map((g) => g.key); //=> ['2010-04', '2010-05', …, '2011-03']
 */
export function computeBreakdown<I extends IndicatorId>(
  id: I,
  records: RecordsFor<I>,
  period: Period | string,
  by: BreakdownKey,
  options: OptionsFor<I> = {} as OptionsFor<I>,
): Breakdown {
  const whole = parsePeriod(period);
  const definition = getIndicator(id);
  if (by === 'month') {
    const total = definition.compute(records as never, whole, options as never);
    // A month is not compared with a whole baseline period, nor counted at the whole's snapshot date: the
    // baseline and an explicit snapshot belong to the total only (each month's snapshot is its own end).
    // The caller's onOutcome is given the total's outcomes, once per record, not each month's again.
    const {
      baseline: _baseline,
      snapshot: _snapshot,
      onOutcome: _sink,
      ...monthOptions
    } = options as {
      baseline?: unknown;
      snapshot?: unknown;
      onOutcome?: OutcomeSink;
    };
    const groups = splitIntoMonths(whole).map((month) => ({
      key: month.spec,
      result: definition.compute(records as never, month, monthOptions as never),
    }));
    return { by, total, groups };
  }
  if (by !== 'team' && by !== 'workerId') {
    throw new RangeError(`by: expected team, workerId or month, got ${JSON.stringify(by)}`);
  }
  const keepOutcomes = Boolean((options as { outcomes?: boolean }).outcomes);
  const callerSink = (options as { onOutcome?: OutcomeSink }).onOutcome;
  // Each outcome is tallied into its group as the indicator makes it, then dropped: no outcome is kept unless the
  // caller asks for them (at 3 × 10^6 records they were most of the memory). A group's counts are those
  // summariseOutcomes would take from its list: the same buckets, the same excluded reasons in the same order.
  const byKey = new Map<string, GroupTally>();
  let tallied = 0;
  const total = definition.compute(records as never, whole, {
    ...options,
    outcomes: keepOutcomes,
    onOutcome: (outcome: RecordOutcome) => {
      const value: unknown = outcome[by];
      if (value !== undefined && value !== null && typeof value !== 'string') {
        // Records given directly are not checked: a number or an object here would be sorted and shown as if it
        // were a team's or worker's name. Refused by name rather than failing deep in the sort.
        throw new TypeError(
          `${by}: a breakdown groups records by their ${by} written as text, but record ${JSON.stringify(outcome.id)} has ${typeof value === 'object' ? JSON.stringify(value) : String(value)} (a ${typeof value}); read the records with a reader, or give ${by} as text`,
        );
      }
      const key = value ?? NO_GROUP;
      let group = byKey.get(key);
      if (group === undefined) {
        group = { tally: createOutcomeTally(), records: 0, ...(keepOutcomes ? { kept: [] } : {}) };
        byKey.set(key, group);
      }
      group.tally.add(outcome.bucket, outcome.reason);
      group.records++;
      group.kept?.push(outcome);
      tallied++;
      callerSink?.(outcome);
    },
  } as never);
  if (tallied !== total.counts.recordsRead) {
    // Every record read is in exactly one group: a definition that gave no outcome for some would make groups that
    // do not add up to the whole, a wrong figure. A bug, never bad input.
    throw new Error(
      `${definition.id}: ${tallied} outcomes for ${total.counts.recordsRead} records read; a breakdown needs one per record`,
    );
  }
  const keys = [...byKey.keys()].sort(compareGroupKeys);
  // A definition whose denominator is not a count of records computes each group again; one calendar serves all.
  const recompute = definition.groupsBy === 'recompute';
  const calendar = recompute ? calendarOf(options as { calendar?: Calendar }) : undefined;
  // CASELOAD by worker: a worker's group is the allocations with its workerId and the worker's own records, found
  // once for every worker rather than by reading every allocation and worker again for each (45,000 workers over
  // 10^6 allocations did not finish).
  const byWorker = recompute && by === 'workerId' && definition.recordKind === 'allocation';
  const own = byWorker
    ? recordsByWorker(records as readonly { readonly workerId?: unknown }[], options as { rows?: unknown })
    : undefined;
  const givenWorkers = (options as { workers?: unknown }).workers;
  const ownWorkers =
    byWorker && Array.isArray(givenWorkers)
      ? recordsByWorker(givenWorkers as readonly { readonly workerId?: unknown }[], {})
      : undefined;
  const { onOutcome: _sink, ...groupOptions } = options as { onOutcome?: OutcomeSink };
  const groups = keys.map((key) => {
    const group = byKey.get(key) as GroupTally;
    return {
      key,
      result: recompute
        ? definition.compute((own?.get(key)?.records ?? (own ? [] : records)) as never, whole, {
            ...groupOptions,
            ...(own === undefined ? {} : { rows: own.get(key)?.rows }),
            ...(ownWorkers === undefined ? {} : { workers: ownWorkers.get(key)?.records ?? [] }),
            calendar,
            outcomes: keepOutcomes,
            rowsRejected: undefined,
            [by]: key === NO_GROUP ? null : key,
          } as never)
        : summariseCounts(
            group.tally.counts(group.records),
            {
              definition,
              period: whole,
              rule: total.rule,
              calendar: total.calendar,
              options: { ...groupOptions, outcomes: keepOutcomes, rowsRejected: undefined } as never,
            },
            group.kept,
          ),
    };
  });
  const { outcomes: _dropped, ...totalWithoutOutcomes } = total;
  const shown = keepOutcomes ? total : totalWithoutOutcomes;
  const alike = similarGroupNamesWarnings(definition.id, by, groups);
  return {
    by,
    total: alike.length === 0 ? shown : { ...shown, warnings: [...shown.warnings, ...alike] },
    groups,
  };
}
