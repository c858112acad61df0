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

/**
 * The day number a column holds for a record whose field is blank: lower than any date's (the year 0000 starts at
 * -719,528).
 * @example NO_DAY //=> -2147483648
 */
export const NO_DAY = -0x80000000;

/** The accepted records of a read, in input order, as the day numbers of some of their date fields. */
export interface DayColumns {
  /** How many records (the read's `rowsAccepted`). */
  readonly count: number;
  /**
   * The day number of `field` of each record, {@link NO_DAY} where it is blank; only the first `count` entries are
   * records'. Throws a `TypeError` for a field that was not kept.
   */
  days(field: string): Int32Array;
}

/**
 * The columns of a read as it goes: each record's days appended, the whole emptied when the input is refused.
 * @example
 * const store = new DayColumnStore(['referralDate', 'completedDate']);
 * store.pushRecord({ referralDate: '1970-01-02' });
 * store.days('referralDate')[0] //=> 1
 * store.days('completedDate')[0] //=> NO_DAY
 */
export class DayColumnStore implements DayColumns {
  count = 0;
  /** The fields kept, in the order their columns are. */
  readonly fields: readonly string[];
  private columns: Int32Array[];

  /** @param fields - the date fields to keep, each once. */
  constructor(fields: readonly string[]) {
    this.fields = fields;
    this.columns = fields.map(() => new Int32Array(1024));
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

  /** Appends a record of day numbers, `days[c]` the day of field `fields[c]` ({@link NO_DAY} when blank). */
  push(days: Int32Array): void {
    const at = this.count;
    if (at === (this.columns[0] as Int32Array).length) this.grow();
    const columns = this.columns;
    for (let c = 0; c < columns.length; c++) (columns[c] as Int32Array)[at] = days[c] as number;
    this.count = at + 1;
  }

  /**
   * Appends a record object: each field's `YYYY-MM-DD` text as its day, {@link NO_DAY} when absent. Throws a
   * `RangeError` for any other value (a checker accepts none).
   */
  pushRecord(record: Readonly<Record<string, unknown>>): void {
    const at = this.count;
    if (at === (this.columns[0] as Int32Array).length) this.grow();
    const { fields, columns } = this;
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
    this.count = at + 1;
  }

  /** Forgets every record (the input refused). */
  clear(): void {
    this.count = 0;
  }

  private grow(): void {
    this.columns = this.columns.map((column) => {
      const wider = new Int32Array(column.length * 2);
      wider.set(column);
      return wider;
    });
  }
}
