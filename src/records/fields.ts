/**
 * The fields of each record kind as data: type, whether required, allowed values; which fields make a record's key
 * (for `duplicate_id`); and which pairs of dates are a start and its end (for `end_before_start`).
 * @module
 */
import { closureReasons, conferenceTypes, neetStatuses, type RecordKind, workerRoles } from './kinds.js';

/**
 * How a field's cells are read: text, a date, a yes/no value, a number (0 or more), a count (a whole number, 0 or
 * more) or one of a fixed list of values.
 */
export type FieldType = 'text' | 'date' | 'boolean' | 'number' | 'count' | 'enum';

/** One canonical field of a record kind. */
export interface FieldSpec {
  /** The canonical name, e.g. `referralDate`. */
  readonly name: string;
  /** How its cells are read. */
  readonly type: FieldType;
  /** Whether a row without it is rejected (`missing_field`). */
  readonly required: boolean;
  /** The value used when the cell is blank (only `cp-conference` `type`, default `initial`). */
  readonly default?: string;
  /** The allowed values of an `enum` field. */
  readonly values?: readonly string[];
  /**
   * The dates a `date` field may hold (SPEC 13, "Dates outside the calendar"): `calendar` (default), 1990-01-01 to
   * 2100-12-31, for the dates that enter working-day arithmetic; `from-1900`, any real date from 1900-01-01 to
   * 2100-12-31, for dates that are only compared (a birth date, a worker's start and end in post).
   */
  readonly dateRange?: 'calendar' | 'from-1900';
}

/** An end date that may not be before its start date on the same row. */
export interface DatePair {
  /** The field holding the start, e.g. `referralDate`. */
  readonly start: string;
  /** The field holding the end, e.g. `completedDate`. */
  readonly end: string;
  /**
   * How serious an end before its start is (SPEC 7): `error` (default: the row is rejected) or `warning` (the row is
   * kept, and only figures that start from `start` leave the record out, naming the reason).
   */
  readonly severity?: 'error' | 'warning';
}

/** What the reader knows about one record kind. */
export interface KindSpec {
  /** The fields, in the order of SPEC 5. */
  readonly fields: readonly FieldSpec[];
  /** The fields whose values together identify a record: a second row with the same key is a `duplicate_id`. */
  readonly key: readonly string[];
  /** The start/end pairs checked for `end_before_start`. */
  readonly datePairs: readonly DatePair[];
}

const required = (name: string, type: FieldType): FieldSpec => ({ name, type, required: true });
const optional = (name: string, type: FieldType): FieldSpec => ({ name, type, required: false });
/** A date that never enters working-day arithmetic: a real date from 1900. */
const from1900 = (field: FieldSpec): FieldSpec => ({ ...field, dateRange: 'from-1900' });

/**
 * Every record kind's fields, key and start/end pairs.
 *
 * Dates enter working-day arithmetic, and so must lie in the calendar's range (1990 to 2100), except three that are
 * only compared with other dates and are read from 1900 (`dateRange: 'from-1900'`): a young person's `dateOfBirth`
 * (their academic age) and a worker's `startDate` and `endDate` (in post on a date, a leaver within 12 months): a
 * social worker may well have started in 1985.
 *
 * The start/end pairs are those whose order is a fact, not a practice: an assessment completes on or after the day
 * its timescale starts; a conference is held on or after the strategy discussion, section 47 start and referral it
 * follows; a CAF closes on or after its meeting; a young person is counted on or after their birth; a worker leaves
 * on or after they start; an allocation ends on or after it begins; a child protection plan ends on or after it
 * starts. Not checked: a CAF `meetingDate` before its
 * `designatedDate` (an early meeting is on time, not an error) and a `closedDate` before the `designatedDate` (a
 * family can move away before the meeting was due).
 *
 * @example
 * recordSpecs['initial-assessment'].datePairs //=> [{ start: 'referralDate', end: 'completedDate' }]
 * recordSpecs.neet.key //=> ['personId', 'snapshotDate']
 * recordSpecs.worker.fields.find((f) => f.name === 'startDate')?.dateRange //=> 'from-1900'
 */
export const recordSpecs: { readonly [K in RecordKind]: KindSpec } = {
  'initial-assessment': {
    fields: [
      required('id', 'text'),
      required('childId', 'text'),
      required('referralDate', 'date'),
      optional('completedDate', 'date'),
      optional('team', 'text'),
      optional('workerId', 'text'),
    ],
    key: ['id'],
    datePairs: [{ start: 'referralDate', end: 'completedDate' }],
  },
  'core-assessment': {
    fields: [
      required('id', 'text'),
      required('childId', 'text'),
      required('startDate', 'date'),
      optional('completedDate', 'date'),
      optional('team', 'text'),
      optional('workerId', 'text'),
    ],
    key: ['id'],
    datePairs: [{ start: 'startDate', end: 'completedDate' }],
  },
  'cp-conference': {
    fields: [
      required('id', 'text'),
      required('childId', 'text'),
      required('conferenceDate', 'date'),
      {
        name: 'type',
        type: 'enum',
        required: false,
        default: 'initial',
        values: conferenceTypes,
      },
      optional('strategyDiscussionDate', 'date'),
      optional('s47StartDate', 'date'),
      optional('referralDate', 'date'),
      optional('team', 'text'),
    ],
    key: ['id'],
    datePairs: [
      { start: 'strategyDiscussionDate', end: 'conferenceDate' },
      { start: 's47StartDate', end: 'conferenceDate' },
      // A conference dated before the referral its episode records (a CIN census episode whose referral date is a
      // later re-referral, or a date mistyped) is doubtful only for figures counted from the referral: a warning.
      { start: 'referralDate', end: 'conferenceDate', severity: 'warning' },
    ],
  },
  caf: {
    fields: [
      required('id', 'text'),
      optional('childId', 'text'),
      required('designatedDate', 'date'),
      optional('meetingDate', 'date'),
      optional('closedDate', 'date'),
      { name: 'closureReason', type: 'enum', required: false, values: closureReasons },
      optional('agency', 'text'),
    ],
    key: ['id'],
    datePairs: [{ start: 'meetingDate', end: 'closedDate' }],
  },
  referral: {
    fields: [
      required('id', 'text'),
      required('childId', 'text'),
      required('referralDate', 'date'),
      optional('cafCompleted', 'boolean'),
      optional('source', 'text'),
      optional('team', 'text'),
      optional('referralsInLast12Months', 'count'),
    ],
    key: ['id'],
    datePairs: [],
  },
  neet: {
    fields: [
      required('personId', 'text'),
      required('snapshotDate', 'date'),
      from1900(required('dateOfBirth', 'date')),
      { name: 'status', type: 'enum', required: true, values: neetStatuses },
      optional('activityCode', 'text'),
    ],
    key: ['personId', 'snapshotDate'],
    datePairs: [{ start: 'dateOfBirth', end: 'snapshotDate' }],
  },
  worker: {
    fields: [
      required('workerId', 'text'),
      required('fte', 'number'),
      { name: 'role', type: 'enum', required: false, values: workerRoles },
      optional('team', 'text'),
      from1900(optional('startDate', 'date')),
      from1900(optional('endDate', 'date')),
      optional('agency', 'boolean'),
      optional('workingDaysLost', 'number'),
      optional('cases', 'count'),
    ],
    key: ['workerId'],
    datePairs: [{ start: 'startDate', end: 'endDate' }],
  },
  allocation: {
    fields: [
      required('caseId', 'text'),
      required('workerId', 'text'),
      required('allocatedFrom', 'date'),
      optional('allocatedTo', 'date'),
    ],
    key: ['caseId', 'workerId', 'allocatedFrom'],
    datePairs: [{ start: 'allocatedFrom', end: 'allocatedTo' }],
  },
  assessment: {
    fields: [
      required('id', 'text'),
      required('childId', 'text'),
      required('startDate', 'date'),
      optional('completedDate', 'date'),
      optional('team', 'text'),
      optional('workerId', 'text'),
    ],
    key: ['id'],
    datePairs: [{ start: 'startDate', end: 'completedDate' }],
  },
  'cp-plan': {
    fields: [
      required('id', 'text'),
      required('childId', 'text'),
      required('startDate', 'date'),
      optional('endDate', 'date'),
      optional('previousPlans', 'count'),
      optional('team', 'text'),
    ],
    key: ['id'],
    datePairs: [{ start: 'startDate', end: 'endDate' }],
  },
};
