import type { Decimal } from 'decimal.js';
import type { Calendar, CalendarRef, Convention } from '../calendar/index.js';
import type { Period } from '../periods/index.js';
import type { InputSummary, ResultWarning } from '../records/issues.js';
import type { RecordKind, RecordOf } from '../records/schemas.js';
import type { IsoDate } from '../util/dates.js';
import type { NeededColumn } from './needed-columns.js';
import type { IndicatorOption } from './options.js';

/** Whether a higher or a lower value is the better one. */
export type Polarity = 'higher-is-better' | 'lower-is-better';

/** What an indicator's value measures. */
export type IndicatorUnit = 'percent' | 'count' | 'cases-per-fte';

/**
 * How a value is rounded for display: `half-up` (the default, as spreadsheets and published tables do: 82.45 →
 * 82.5), `half-even` (banker's rounding), `half-down`, `up` (away from zero), `down` (towards zero).
 */
export type RoundingMode = 'half-up' | 'half-even' | 'half-down' | 'up' | 'down';

/** Options for the rounding of `display`. */
export interface RoundingOptions {
  /** Decimal places shown. Default 1. */
  readonly decimalPlaces?: number;
  /** Rounding mode. Default `half-up`. */
  readonly mode?: RoundingMode;
}

/** Options every indicator accepts. */
export interface CommonIndicatorOptions {
  /** The working-day calendar. Default `createCalendar()` (England and Wales). */
  readonly calendar?: Calendar;
  /** How working days are counted. Default `after-start`. */
  readonly convention?: Convention;
  /** Display rounding. Default 1 decimal place, half-up. */
  readonly rounding?: RoundingOptions;
  /** Significant digits of the exact `value`. Default 20. */
  readonly precision?: number;
  /** Include one outcome per record in the result. Default `false`. */
  readonly outcomes?: boolean;
  /**
   * Hands each record's outcome to this function as it is made, in record order, so that a caller can write or
   * tally them without the result holding them all (the CLI's `--audit`, a breakdown by team). The outcomes are
   * the same as `outcomes: true` gives; they are in the result too only when `outcomes` is also true. Default: none.
   */
  readonly onOutcome?: OutcomeSink;
  /** The source row of each record (parallel to `records`, as `parseRecords` returns it), carried into outcomes. */
  readonly rows?: readonly number[];
  /** Rows rejected while reading, carried into `counts.rowsRejected` so that every row is accounted for. */
  readonly rowsRejected?: number;
}

/** Which bucket a record falls in: exactly one per record read. */
export type OutcomeBucket = 'counted' | 'not-counted' | 'not-in-period' | 'excluded';

/** What happened to one record: in the population or why not, and the reasoning of its count. */
export interface RecordOutcome {
  /** The record's id (for kinds without one, a key made of its fields, e.g. `personId@snapshotDate`). */
  readonly id: string;
  /** The record's source row, when known. */
  readonly row?: number;
  /** The bucket: counted (in the numerator), not-counted (in the population only), not-in-period, excluded. */
  readonly bucket: OutcomeBucket;
  /**
   * Why the record is in its bucket: for `excluded` a code such as `not-completed` (counted in `counts.excluded`);
   * for `not-counted` what kept it out of the numerator (`over 7 working days`); for `counted`, where an indicator
   * has something to say, why it counts (REPEAT_REFERRALS names the earlier referral).
   */
  readonly reason?: string;
  /** The date that places the record in a period. */
  readonly eventDate?: IsoDate;
  /** The date its timescale starts from. */
  readonly startDate?: IsoDate;
  /** Working (or calendar) days elapsed from `startDate` to `eventDate`. */
  readonly days?: number;
  /**
   * The deadline: the last working day on which the record is on time under the convention (a weekend or holiday
   * right after it is on time too, since no working day has passed; with calendar days, simply the start + timescale).
   */
  readonly deadline?: IsoDate;
  /** Whether it was on time. */
  readonly onTime?: boolean;
  /** The team, for breakdowns. */
  readonly team?: string;
  /** The worker, for breakdowns. */
  readonly workerId?: string;
}

/**
 * Receives one record's outcome, in record order (see {@link CommonIndicatorOptions.onOutcome}). The outcome is the
 * receiver's to keep or to drop.
 */
export type OutcomeSink = (outcome: RecordOutcome) => void;

/** An outcome while an indicator fills it in, one object per record (the fast path builds no other). */
export type OutcomeDraft = { -readonly [K in keyof RecordOutcome]: RecordOutcome[K] };

/** How the records read were used: every record is in exactly one of inPopulation, notInPeriod and excluded. */
export interface IndicatorCounts {
  /** Records given to the indicator. */
  readonly recordsRead: number;
  /** Records in the population (the denominator's records). */
  readonly inPopulation: number;
  /** Records of the population in the numerator. */
  readonly counted: number;
  /** Records of the population not in the numerator. */
  readonly notCounted: number;
  /** Records whose event date falls outside the period. */
  readonly notInPeriod: number;
  /** Records out of the population for another reason, by reason. */
  readonly excluded: Readonly<Record<string, number>>;
  /** Rows rejected while reading (left out of every figure), when the caller says how many. */
  readonly rowsRejected?: number;
  /** For pooled indicators (NI117), each count date's figures. */
  readonly snapshots?: readonly SnapshotCounts[];
}

/** One count date's figures of a pooled indicator, e.g. `{ date: '2010-11-30', cohort: 120, neet: 8, … }`. */
export interface SnapshotCounts {
  readonly date: IsoDate;
  readonly [figure: string]: string | number;
}

/** A result compared with the same indicator over a baseline period (CAF_CLOSED, REF_NO_CAF). */
export interface BaselineComparison {
  /** The baseline period. */
  readonly period: { readonly start: IsoDate; readonly end: IsoDate; readonly label: string };
  /** The baseline's numerator. */
  readonly numerator: number;
  /** The baseline's denominator. */
  readonly denominator: number;
  /** The baseline's exact value, or null. */
  readonly value: Decimal | null;
  /** The % change of the compared figure from the baseline to the period, exact, or null when the baseline is 0. */
  readonly change: Decimal | null;
  /** The change rounded for people, signed: `+12.5%`, `-10.0%`, or `n/a`. */
  readonly changeDisplay: string;
  /** Which figure the change compares: the count (`numerator`) or the `value`. */
  readonly compares: 'numerator' | 'value';
}

/** The result of an indicator over a period (SPEC 6). */
export interface IndicatorResult {
  /** The indicator's id, e.g. `NI59`. */
  readonly indicator: string;
  /** The indicator's title. */
  readonly title: string;
  /** What the value measures. */
  readonly unit: IndicatorUnit;
  /** Whether higher or lower is better. */
  readonly polarity: Polarity;
  /** The period. */
  readonly period: { readonly start: IsoDate; readonly end: IsoDate; readonly label: string };
  /** The numerator: an integer count. */
  readonly numerator: number;
  /** The denominator: an integer count (for CASELOAD, the sum of FTE). */
  readonly denominator: number;
  /** The exact value (a percentage, a count or a ratio), or null when the denominator is 0. JSON: a string. */
  readonly value: Decimal | null;
  /** The value rounded for people, e.g. `82.4%`, or `n/a` when there is no value. */
  readonly display: string;
  /** The rounding used for `display` and the precision of `value`. */
  readonly rounding: {
    readonly decimalPlaces: number;
    readonly mode: RoundingMode;
    readonly precision: number;
  };
  /** The rule the figure was computed under: timescale, convention, start event… */
  readonly rule: Readonly<Record<string, string | number | boolean | null>>;
  /** The calendar the days were counted on. */
  readonly calendar: CalendarRef;
  /** How every record read was used. */
  readonly counts: IndicatorCounts;
  /** One outcome per record, when asked for. */
  readonly outcomes?: readonly RecordOutcome[];
  /** The comparison with a baseline period, when one was given. */
  readonly baseline?: BaselineComparison;
  /** Figures particular to an indicator (CASELOAD's distribution and per-team figures…). */
  readonly details?: Readonly<Record<string, unknown>>;
  /**
   * What a reader of the figure should know: `all_excluded` when no record is in the population because every one
   * that could be was excluded (a figure of n/a from a mis-mapped column is not a result). Empty when there is none.
   */
  readonly warnings: readonly ResultWarning[];
  /**
   * The files the records were read from, one summary each (file, SHA-256, encoding, rows read, accepted, rejected
   * and skipped), when the caller read files (the CLI and `loadReport` always do). Default: absent.
   */
  readonly inputs?: readonly InputSummary[];
}

/** An indicator: its definition and its pure function. */
export interface IndicatorDefinition<
  K extends RecordKind = RecordKind,
  O extends CommonIndicatorOptions = CommonIndicatorOptions,
> {
  /** The id, e.g. `NI59`. */
  readonly id: string;
  /** The title, e.g. `Initial assessments completed within timescale`. */
  readonly title: string;
  /** What the value measures. */
  readonly unit: IndicatorUnit;
  /** Whether higher or lower is better. */
  readonly polarity: Polarity;
  /** The record kind it reads. */
  readonly recordKind: K;
  /** The field whose date places a record in a period. */
  readonly eventDate: string;
  /**
   * The options it takes besides those every indicator takes, declared once: name, type, allowed values, default,
   * command-line flag and doc. The CLI's flags and help, a report config's check and the docs derive from them.
   */
  readonly options: readonly IndicatorOption[];
  /**
   * The columns its records' files must have (its event date, the start date its options choose…), declared once:
   * computing from a file without one is refused (`missing_column`) by the CLI and the report, not left to give a
   * figure of n/a.
   */
  readonly needs: readonly NeededColumn[];
  /** The defaults of its options that are one value each (derived from `options`). */
  readonly defaultOptions: Readonly<Record<string, string | number | boolean | readonly string[]>>;
  /**
   * The command-line flag of its own records file, when it is not `--input` (CASELOAD reads `--allocations`), and
   * one line saying what the file holds. Default: `--input`.
   */
  readonly input?: { readonly flag: string; readonly doc: string };
  /** Why the command line needs `--period` for it, when the records' own span would not do. Default: not needed. */
  readonly needsPeriod?: string;
  /** Where the definition comes from. */
  readonly source: string;
  /**
   * How a breakdown by team or worker forms its groups. `outcomes` (the default): each group summarises the outcomes
   * of its records, for indicators whose denominator counts records. `recompute`: each group is the indicator
   * computed again with the option `team` (or `workerId`) set to the group's key (`null` for the group without one),
   * for indicators whose denominator is not a count of records (CASELOAD: the FTE of the workers).
   */
  readonly groupsBy?: 'outcomes' | 'recompute';
  /**
   * Whether it joins records by `childId` (a child's earlier referral or plan, an assessment's referral): the CLI
   * and the report then number the child ids of every input of the run once, at read time, in one table (the
   * readers' `childNumbering`). Default false: nothing is numbered.
   */
  readonly joinsByChild?: boolean;
  /** Computes the indicator over a period. */
  compute(records: readonly RecordOf<K>[], period: Period, options?: O): IndicatorResult;
}
