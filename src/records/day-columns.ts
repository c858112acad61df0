/**
 * Records held as columns of day numbers: what a read keeps when all that will be asked of its records is a count
 * over some of their dates (the CLI's `compute` of NI 59, NI 60 or CAF2W with no outcome asked for: see
 * `indicators/from-days.ts`). Every row is read and checked as ever (every cell, the ids, the date pairs, the
 * accounting and every issue are the same); only what is kept of an accepted row differs: the day number of each
 * date field asked for, in one `Int32Array` a field, instead of a record object with its strings. At 10^6 rows that
 * is 8 MB in place of about 200 MB of objects for the garbage collector to move. Internal to the reading path (not
 * exported by the package).
 * @module
 */
import { parseIsoDay } from '../util/dates.js';
import { hashOfChars, hashPairOfBytes } from './keys.js';

/**
 * The day number a column holds for a record whose field is blank: lower than any date's (the year 0000 starts at
 * -719,528).
 * @example NO_DAY //=> -2147483648
 */
export const NO_DAY = -0x80000000;

/**
 * The group column of a {@link DayColumns}: each record's value of one text field (a team, a worker), numbered in
 * the order first met.
 */
export interface GroupColumn {
  /** The field, e.g. `team`. */
  readonly field: string;
  /** The number of each record's value (an index of `values`), -1 where it is blank; the first `count` entries. */
  readonly numbers: Int32Array;
  /** The values, by number. */
  readonly values: readonly string[];
}

/**
 * The accepted records of a read, in input order, as the day numbers of some of their date fields, and now and
 * then the values of one text field to group them by (`--by team`).
 */
export interface DayColumns {
  /** How many records (the read's `rowsAccepted`). */
  readonly count: number;
  /**
   * The day number of `field` of each record, {@link NO_DAY} where it is blank; only the first `count` entries are
   * records'. Throws a `TypeError` for a field that was not kept.
   */
  days(field: string): Int32Array;
  /** The row each record came from (its line, for CSV), as a read's `rows`; the first `count` entries. */
  readonly rows: Int32Array;
  /** The group column, when one was kept. */
  readonly group: GroupColumn | undefined;
}

/** The number of a blank group value. */
const NO_GROUP = -1;

/**
 * The columns of a read as it goes: each record's days appended, the whole emptied when the input is refused.
 * @example
 * const store = new DayColumnStore(['referralDate', 'completedDate']);
 * store.pushRecord({ referralDate: '1970-01-02' }, 2);
 * store.days('referralDate')[0] //=> 1
 * store.days('completedDate')[0] //=> NO_DAY
 * const byTeam = new DayColumnStore(['referralDate'], 'team');
 * byTeam.pushRecord({ referralDate: '1970-01-02', team: 'East' }, 2);
 * byTeam.group?.values[byTeam.group.numbers[0]] //=> 'East'
 */
export class DayColumnStore implements DayColumns {
  count = 0;
  /** The fields kept, in the order their columns are. */
  readonly fields: readonly string[];
  private columns: Int32Array[];
  private rowColumn = new Int32Array(1024);
  /** The group field, when one is kept, its numbers and its values. */
  private readonly groupField: string | undefined;
  private groupNumbers: Int32Array;
  private readonly groupValues: string[] = [];
  private readonly numberOfValue = new Map<string, number>();
  /** The number of a value by the hash of its characters (see {@link DayColumnStore.numberOfChars}). */
  private readonly numberOfHash = new Map<number, number>();
  /** The two hashes of a group value read from bytes (see {@link DayColumnStore.numberOfBytes}). */
  private readonly pair = new Int32Array(2);

  /**
   * @param fields - the date fields to keep, each once.
   * @param groupField - a text field whose values to keep, numbered, for a breakdown. Default none.
   */
  constructor(fields: readonly string[], groupField?: string) {
    this.fields = fields;
    this.columns = fields.map(() => new Int32Array(1024));
    this.groupField = groupField;
    this.groupNumbers = new Int32Array(groupField === undefined ? 0 : 1024);
  }

  get rows(): Int32Array {
    return this.rowColumn;
  }

  get group(): GroupColumn | undefined {
    if (this.groupField === undefined) return undefined;
    return { field: this.groupField, numbers: this.groupNumbers, values: this.groupValues };
  }

  /** The number of a group value (numbered now when new); -1 for undefined. */
  numberOf(value: string | undefined): number {
    if (value === undefined) return NO_GROUP;
    const known = this.numberOfValue.get(value);
    if (known !== undefined) return known;
    const number = this.groupValues.length;
    this.groupValues.push(value);
    this.numberOfValue.set(value, number);
    return number;
  }

  /**
   * The number of the group value written `text.slice(start, end)`, found by its characters without making the
   * string when it is known (a team or a worker repeats itself a million times).
   */
  numberOfChars(text: string, start: number, end: number): number {
    const hash = hashOfChars(text, start, end);
    const known = this.numberOfHash.get(hash);
    if (known !== undefined) {
      const value = this.groupValues[known] as string;
      let same = value.length === end - start;
      for (let i = start; i < end && same; i++) same = value.charCodeAt(i - start) === text.charCodeAt(i);
      if (same) return known;
    }
    const number = this.numberOf(text.slice(start, end));
    // The first value of each hash is found by it; another with the same hash by its string.
    if (known === undefined) this.numberOfHash.set(hash, number);
    return number;
  }

  /**
   * The number of the group value written in ASCII `bytes` from `start` to `end`, as {@link
   * DayColumnStore.numberOfChars} finds it by its characters (a byte is its character's code), the string made only
   * when the value is new.
   */
  numberOfBytes(bytes: Uint8Array, start: number, end: number): number {
    hashPairOfBytes(bytes, start, end, this.pair);
    const hash = this.pair[0] as number;
    const known = this.numberOfHash.get(hash);
    if (known !== undefined) {
      const value = this.groupValues[known] as string;
      let same = value.length === end - start;
      for (let i = start; i < end && same; i++) same = value.charCodeAt(i - start) === bytes[i];
      if (same) return known;
    }
    const number = this.numberOf(
      String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]),
    );
    if (known === undefined) this.numberOfHash.set(hash, number);
    return number;
  }

  days(field: string): Int32Array {
    const at = this.fields.indexOf(field);
    if (at < 0) {
      throw new TypeError(
        `the day column ${JSON.stringify(field)} was not kept: kept ${this.fields.join(', ')}`,
      );
    }
    return this.columns[at] as Int32Array;
  }

  /**
   * Appends a record of day numbers, `days[c]` the day of field `fields[c]` ({@link NO_DAY} when blank), its
   * group value's number (from {@link DayColumnStore.numberOf}; -1 when blank or no group is kept) and its row.
   */
  push(days: Int32Array, group: number, row: number): void {
    const at = this.count;
    if (at === (this.columns[0] as Int32Array).length) this.grow();
    const columns = this.columns;
    for (let c = 0; c < columns.length; c++) (columns[c] as Int32Array)[at] = days[c] as number;
    this.rowColumn[at] = row;
    if (this.groupField !== undefined) this.groupNumbers[at] = group;
    this.count = at + 1;
  }

  /**
   * Appends a record object, read from `row`: each field's `YYYY-MM-DD` text as its day, {@link NO_DAY} when
   * absent, and its group value. Throws a `RangeError` for any other value (a checker accepts none).
   */
  pushRecord(record: Readonly<Record<string, unknown>>, row: number): void {
    const at = this.count;
    if (at === (this.columns[0] as Int32Array).length) this.grow();
    const { fields, columns } = this;
    this.rowColumn[at] = row;
    for (let c = 0; c < columns.length; c++) {
      const value = record[fields[c] as string];
      let day = NO_DAY;
      if (value !== undefined) {
        day = typeof value === 'string' ? parseIsoDay(value) : Number.NaN;
        // Every date a checker accepts is a real YYYY-MM-DD: anything else is a bug, never left as a blank.
        if (Number.isNaN(day)) {
          throw new RangeError(
            `${fields[c]} ${JSON.stringify(value)} of an accepted record is not a YYYY-MM-DD date`,
          );
        }
      }
      (columns[c] as Int32Array)[at] = day;
    }
    if (this.groupField !== undefined) {
      const value = record[this.groupField];
      if (value !== undefined && typeof value !== 'string') {
        throw new RangeError(`${this.groupField} of an accepted record is not text: ${String(value)}`);
      }
      this.groupNumbers[at] = this.numberOf(value);
    }
    this.count = at + 1;
  }

  /** Forgets every record (the input refused). */
  clear(): void {
    this.count = 0;
  }

  private grow(): void {
    const wider = (column: Int32Array) => {
      const made = new Int32Array(column.length * 2);
      made.set(column);
      return made;
    };
    this.columns = this.columns.map(wider);
    this.rowColumn = wider(this.rowColumn);
    if (this.groupField !== undefined) this.groupNumbers = wider(this.groupNumbers);
  }
}
