import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker, keepDayColumns } from '../../src/records/check.js';
import { DayColumnStore, NO_DAY } from '../../src/records/day-columns.js';
import {
  createKeyNumbering,
  hashOf,
  hashOfChars,
  hashPairOfBytes,
  hashPairOfChars,
  otherHashOfChars,
} from '../../src/records/keys.js';
import { readTextBy } from '../../src/records/read-source.js';
import { kindLayout } from '../../src/records/shape-kind.js';
import { toDayNumber } from '../../src/util/dates.js';

/** Reads a CSV text of `kind` by the lanes, keeping `fields` as day columns. */
function readDays(kind: Parameters<typeof kindLayout>[0], text: string, fields: readonly string[]) {
  return readTextBy(
    kind,
    text,
    'csv',
    kindLayout(kind),
    { file: 'days.csv' },
    { keep: { dayColumns: fields } },
  );
}

describe('DayColumnStore', () => {
  it('keeps each record’s days in order, blank as NO_DAY, past its first thousand', () => {
    const store = new DayColumnStore(['referralDate', 'completedDate']);
    // 1970-01-02 is day 1; 2010-10-01 is day 14883 (40 years and 10 leap days after 1970-01-01, plus 273 days).
    store.pushRecord({ referralDate: '1970-01-02' }, 2);
    store.pushRecord({ referralDate: '2010-10-01', completedDate: '2010-10-05' }, 2);
    for (let i = 0; i < 2000; i++) store.push(Int32Array.of(i, NO_DAY), -1, i + 4);
    expect(store.count).toBe(2002);
    expect(Array.from(store.days('referralDate').subarray(0, 3))).toEqual([1, 14883, 0]);
    expect(Array.from(store.days('completedDate').subarray(0, 3))).toEqual([NO_DAY, 14887, NO_DAY]);
    expect(store.days('referralDate')[2001]).toBe(1999);
    store.clear();
    expect(store.count).toBe(0);
  });

  it('refuses a field it does not keep, and a date no checker accepts, naming them', () => {
    const store = new DayColumnStore(['referralDate']);
    expect(() => store.days('completedDate')).toThrow(
      'the day column "completedDate" was not kept: kept referralDate',
    );
    expect(() => store.pushRecord({ referralDate: '01/10/2010' }, 2)).toThrow(
      'referralDate "01/10/2010" of an accepted record is not a YYYY-MM-DD date',
    );
  });
});

describe('DayColumnStore group column', () => {
  it('numbers each value once, found by its characters, two values with one hash told apart', () => {
    // W1022789 and W1239192 share their FNV-1a hash (hashOf's finaliser is one to one, so hashOf shares it too:
    // keys.test.ts): numbered by their characters, each must keep its own number.
    const store = new DayColumnStore(['referralDate'], 'workerId');
    const text = 'W1022789,W1239192,W1022789';
    expect(store.numberOfChars(text, 0, 8)).toBe(0);
    expect(store.numberOfChars(text, 9, 17)).toBe(1);
    expect(store.numberOfChars(text, 18, 26)).toBe(0);
    expect(store.numberOf('W1239192')).toBe(1);
    expect(store.numberOf(undefined)).toBe(-1);
    store.pushRecord({ referralDate: '1970-01-02', workerId: 'W1239192' }, 2);
    store.pushRecord({ referralDate: '1970-01-02' }, 2);
    expect(store.group?.values).toEqual(['W1022789', 'W1239192']);
    expect(Array.from(store.group?.numbers.subarray(0, 2) ?? [])).toEqual([1, -1]);
    expect(() => store.pushRecord({ referralDate: '1970-01-02', workerId: 7 }, 2)).toThrow(
      'workerId of an accepted record is not text: 7',
    );
  });
});

describe('hashPairOfChars', () => {
  it('gives hashOf and otherHashOfChars of a slice, in one pass, without making the string', () => {
    const text = 'IA10,C1,01/10/2010';
    const pair = new Int32Array(2);
    hashPairOfChars(text, 0, 4, pair);
    expect(pair[0]).toBe(hashOf('IA10'));
    expect(pair[0]).toBe(hashOfChars(text, 0, 4));
    expect(pair[1]).toBe(otherHashOfChars('IA10', 0, 4));
    // W1022789 and W1239192 share hashOf (keys.test.ts): their other hashes differ, so they are told apart.
    expect(hashOf('W1022789')).toBe(hashOf('W1239192'));
    expect(otherHashOfChars('W1022789', 0, 8)).not.toBe(otherHashOfChars('W1239192', 0, 8));
  });
});

describe('keepDayColumns', () => {
  it('keeps the days of a CSV’s accepted rows, the rows read, rejected and their issues as ever', () => {
    // Row 2 kept; row 3 rejected (no referral date); row 4 repeats IA1 (rejected, duplicate_id naming row 2); row 5
    // kept, not completed (NO_DAY). 2010-10-01 is day 14883, so 05/10/2010 is 14887 and 2010-11-01 is 14914.
    const text =
      'id,childId,referralDate,completedDate\n' +
      'IA1,C1,01/10/2010,05/10/2010\n' +
      'IA2,C2,,05/10/2010\n' +
      'IA1,C3,01/10/2010,06/10/2010\n' +
      'IA3,C4,2010-11-01,\n';
    const read = readDays('initial-assessment', text, ['referralDate', 'completedDate']);
    expect(read.accounting).toMatchObject({ rowsRead: 4, rowsAccepted: 2, rowsRejected: 2 });
    expect(read.issues.map((issue) => [issue.row, issue.code])).toEqual([
      [3, 'missing_field'],
      [4, 'duplicate_id'],
    ]);
    expect(read.issues[1]?.message).toContain('is already used by row 2');
    expect(read.records).toEqual([]);
    const days = read.dayColumns;
    expect(days?.count).toBe(2);
    expect(Array.from(days?.days('referralDate').subarray(0, 2) ?? [])).toEqual([14883, 14914]);
    expect(Array.from(days?.days('completedDate').subarray(0, 2) ?? [])).toEqual([14887, NO_DAY]);
  });

  it('finds a key repeated whose part is a date (an NCCIS person on one snapshot date), as objects do', () => {
    // Rows 2 and 3 give person P1 on 2010-10-01, written two ways: the second is a duplicate_id of the first.
    // Row 4 is P1 on another day: kept.
    const text =
      'personId,snapshotDate,dateOfBirth,status\n' +
      'P1,2010-10-01,1994-05-01,EET\n' +
      'P1,01/10/2010,1994-05-01,NEET\n' +
      'P1,2010-11-01,1994-05-01,EET\n';
    const read = readDays('neet', text, ['snapshotDate']);
    expect(read.issues.map((issue) => [issue.row, issue.code, issue.value])).toEqual([
      [3, 'duplicate_id', 'P1, 2010-10-01'],
    ]);
    expect(Array.from(read.dayColumns?.days('snapshotDate').subarray(0, 2) ?? [])).toEqual([
      toDayNumber('2010-10-01'),
      toDayNumber('2010-11-01'),
    ]);
  });

  it('is chosen once, before any row, of date fields of the kind, and not with child ids numbered', () => {
    expect(() => keepDayColumns(createChecker('initial-assessment'), ['team'])).toThrow(
      'keepDayColumns: "team" is not a date field of initial-assessment records (referralDate, completedDate)',
    );
    expect(() =>
      keepDayColumns(createChecker('initial-assessment'), ['referralDate'], 'completedDate'),
    ).toThrow('"completedDate" is not a text field of initial-assessment records to group by');
    expect(() => keepDayColumns(createChecker('initial-assessment'), [])).toThrow(
      'expected date fields, each once',
    );
    const checker = createChecker('initial-assessment');
    keepDayColumns(checker, ['referralDate']);
    expect(() => keepDayColumns(checker, ['referralDate'])).toThrow('called once, before any row is read');
    const numbering = createChecker('initial-assessment', { childNumbering: createKeyNumbering() });
    expect(() => keepDayColumns(numbering, ['referralDate'])).toThrow('numbers child ids');
    expect(() => keepDayColumns({}, ['referralDate'])).toThrow('not a checker made by createChecker');
  });

  it('empties its columns when the input is refused', () => {
    // A file with two columns for one field is refused whole: no record is kept, as no object would be.
    const read = readDays(
      'initial-assessment',
      'id,childId,referralDate,referralDate\nIA1,C1,01/10/2010,01/10/2010\n',
      ['referralDate'],
    );
    expect(read.readable).toBe(false);
    expect(read.accounting.rowsAccepted).toBe(0);
    expect(read.dayColumns?.count).toBe(0);
  });
});

describe('hashPairOfBytes', () => {
  it('gives the pair hashPairOfChars gives the same ASCII text, any slice (property)', () => {
    // The sheet lane hashes an id from the sheet's bytes, the CSV lane and the general path from its text: one id
    // must give one pair whichever way it was read, or a repeat across the ways would pass unseen.
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
        const [fromText, fromBytes] = [new Int32Array(2), new Int32Array(2)];
        hashPairOfChars(text, start, end, fromText);
        hashPairOfBytes(new TextEncoder().encode(text), start, end, fromBytes);
        expect(Array.from(fromBytes)).toEqual(Array.from(fromText));
      }),
    );
  });
});

describe('DayColumnStore.numberOfBytes', () => {
  it('numbers a value read from bytes as from its characters, two values with one hash told apart', () => {
    // W1022789 and W1239192 share their first hash (see the group column's test above): by bytes too, each keeps its
    // own number, and a value met first as characters is the same value met as bytes.
    const store = new DayColumnStore(['referralDate'], 'workerId');
    const bytes = new TextEncoder().encode('W1022789,W1239192,W1022789,East');
    expect(store.numberOfBytes(bytes, 0, 8)).toBe(0);
    expect(store.numberOfBytes(bytes, 9, 17)).toBe(1);
    expect(store.numberOfBytes(bytes, 18, 26)).toBe(0);
    expect(store.numberOfChars('x,East', 2, 6)).toBe(2);
    expect(store.numberOfBytes(bytes, 27, 31)).toBe(2);
    expect(store.group?.values).toEqual(['W1022789', 'W1239192', 'East']);
  });
});
