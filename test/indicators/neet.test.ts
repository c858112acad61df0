import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import {
  academicAge,
  computeBreakdown,
  computeIndicator,
  type IndicatorResult,
  neetNotKnown,
  ni117,
} from '../../src/indicators/index.js';
import { parsePeriod, splitIntoMonths } from '../../src/periods/index.js';
import type { NeetRecord, NeetStatus } from '../../src/records/schemas.js';
import { fromDayNumber, toDayNumber } from '../../src/util/dates.js';

const calendar = createCalendar();

/** `count` EET young people at one count, all born 1 March 1993: academic age 17 on 31 August 2010. */
function eetFillers(prefix: string, snapshotDate: string, count: number): NeetRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    personId: `${prefix}${i + 1}`,
    snapshotDate,
    dateOfBirth: '1993-03-01',
    status: 'EET' as const,
  }));
}

const person = (personId: string, snapshotDate: string, dateOfBirth: string, status: NeetStatus) => ({
  personId,
  snapshotDate,
  dateOfBirth,
  status,
});

// The academic year 2010/11: every count (November 2010 to January 2011) reads ages on 31 August 2010.
const records: NeetRecord[] = [
  // November count, 2010-11-30 (the latest November date).
  person('A1', '2010-11-30', '1992-08-31', 'NEET'), // 18 on 2010-08-31 (birthday that day): in, NEET
  person('A2', '2010-11-30', '1992-08-30', 'EET'), // 18: in, EET
  person('A3', '2010-11-30', '1991-08-31', 'NEET'), // 19 on 2010-08-31: outside-age-16-18
  person('A4', '2010-11-30', '1994-09-01', 'NEET'), // 15 (16 only on 2010-09-01): outside-age-16-18
  person('A5', '2010-11-30', '1992-02-29', 'NOT_KNOWN'), // leap-day birth, 18: in the cohort, not known
  person('A6', '2010-11-30', '1994-08-31', 'EXCLUDED'), // 16, in custody: excluded-status
  ...eetFillers('N', '2010-11-30', 10), // 10 EET
  // A mid-November snapshot, superseded by the 2010-11-30 count.
  person('A1', '2010-11-15', '1992-08-31', 'NEET'), // superseded-snapshot
  person('S1', '2010-11-15', '1993-03-01', 'EET'), // superseded-snapshot (S1 is not in the 30 November count)
  // December count, 2010-12-31.
  person('A1', '2010-12-31', '1992-08-31', 'EET'), // 18: in, EET now
  person('B1', '2010-12-31', '1991-09-01', 'NEET'), // 19 since 2010-09-01, but 18 on 2010-08-31: in, NEET
  person('B2', '2010-12-31', '1994-08-31', 'NOT_KNOWN'), // 16: in the cohort, not known
  person('B3', '2010-12-31', '1992-02-29', 'NOT_KNOWN'), // 18: in the cohort, not known
  person('B4', '2010-12-31', '1993-01-01', 'EXCLUDED'), // 17, asylum seeker: excluded-status
  ...eetFillers('D', '2010-12-31', 11), // 11 EET
  // January count, 2011-01-31: still the academic year 2010/11, so still ages on 31 August 2010.
  person('C1', '2011-01-31', '1994-08-31', 'NEET'), // 16: in, NEET
  person('C2', '2011-01-31', '1994-09-01', 'EET'), // 15 (16 in calendar years, not in academic age): outside
  person('C3', '2011-01-31', '1991-08-31', 'NOT_KNOWN'), // 19: outside-age (age is read before the status)
  ...eetFillers('J', '2011-01-31', 14), // 14 EET
  // Outside the academic year: not-in-period.
  person('O1', '2010-06-30', '1993-03-01', 'NEET'),
  person('O2', '2011-11-30', '1993-03-01', 'NEET'),
  // Inside it, but not November, December or January: not-a-count-month.
  person('M1', '2011-02-28', '1993-03-01', 'NEET'),
  person('M2', '2010-10-31', '1993-03-01', 'NEET'),
];
// Records read: November 6 + 10 = 16, superseded 2, December 5 + 11 = 16, January 3 + 14 = 17, others 4: 55.

const ay2010 = parsePeriod('AY2010');

describe('academicAge', () => {
  it('reads the age on 31 August before the academic year of the count', () => {
    expect(academicAge('1992-08-31', '2010-11-30')).toBe(18); // 18th birthday on 2010-08-31 itself
    expect(academicAge('1992-08-30', '2010-11-30')).toBe(18);
    expect(academicAge('1991-08-31', '2010-11-30')).toBe(19);
    expect(academicAge('1991-09-01', '2010-11-30')).toBe(18); // 19 on 2010-09-01, after the 31 August
    expect(academicAge('1994-09-01', '2010-11-30')).toBe(15);
    expect(academicAge('1994-08-31', '2010-11-30')).toBe(16);
  });

  it('uses the 31 August of the previous calendar year for a January count', () => {
    // 2011-01-31 is in the academic year 2010/11, which began after 2010-08-31.
    expect(academicAge('1994-09-01', '2011-01-31')).toBe(15);
    expect(academicAge('1994-08-31', '2011-01-31')).toBe(16);
    // A September count starts a new academic year: 31 August 2011.
    expect(academicAge('1994-09-01', '2011-09-30')).toBe(16);
  });

  it('handles a 29 February birthday', () => {
    // Born 1992-02-29: the birthday (28 Feb or 1 Mar in common years) is long past by 31 August.
    expect(academicAge('1992-02-29', '2010-11-30')).toBe(18);
    expect(academicAge('1992-02-29', '2011-01-31')).toBe(18);
    expect(academicAge('1992-02-29', '2012-02-29')).toBe(19); // 31 August 2011
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => academicAge('31/08/1992', '2010-11-30')).toThrow(RangeError);
  });
});

describe('ni117', () => {
  it('pools the three counts of 2010/11: 3 NEET of a known cohort of 40, 7.5%', () => {
    // Nov: cohort A1, A2, A5 and 10 EET = 13, known 12 (A5 not known), NEET 1 (A1).
    // Dec: cohort A1, B1, B2, B3 and 11 EET = 15, known 13 (B2, B3 not known), NEET 1 (B1).
    // Jan: cohort C1 and 14 EET = 15, known 15, NEET 1 (C1).
    // NEET 1 + 1 + 1 = 3; known 12 + 13 + 15 = 40; 3 / 40 = 7.5%.
    const result = ni117(records, ay2010);
    expect([result.numerator, result.denominator]).toEqual([3, 40]);
    expect(result.value?.toString()).toBe('7.5');
    expect(result.display).toBe('7.5%');
    expect(result.polarity).toBe('lower-is-better');
    expect(result.unit).toBe('percent');
    expect(result.period).toEqual({
      start: '2010-09-01',
      end: '2011-08-31',
      label: '2010/11 academic year',
    });
    expect(result.calendar).toEqual({ id: calendar.id, fingerprint: calendar.fingerprint });
  });

  it('lists each count in counts.snapshots, and the mean NEET over the mean known cohort is the same 7.5%', () => {
    const { snapshots } = ni117(records, ay2010).counts;
    expect(snapshots).toEqual([
      { date: '2010-11-30', cohort: 13, known: 12, neet: 1, notKnown: 1, eet: 11 },
      { date: '2010-12-31', cohort: 15, known: 13, neet: 1, notKnown: 2, eet: 12 },
      { date: '2011-01-31', cohort: 15, known: 15, neet: 1, notKnown: 0, eet: 14 },
    ]);
    // Mean NEET 3/3 = 1; mean known 40/3; 1 / (40/3) × 100 = 7.5.
    const meanNeet = new Decimal(3).div(3);
    const meanKnown = new Decimal(40).div(3);
    expect(meanNeet.div(meanKnown).times(100).toSignificantDigits(15).toString()).toBe('7.5');
  });

  it('accounts for all 55 records, each in one bucket', () => {
    // Counted: A1 (Nov), B1, C1. Not counted (EET): 11 + 12 + 14 = 37. Excluded: not-known A5, B2, B3;
    // outside-age-16-18 A3, A4, C2, C3; excluded-status A6, B4; superseded A1 and S1 of 2010-11-15;
    // not-a-count-month M1, M2. Not in period: O1, O2. 3 + 37 + 3 + 4 + 2 + 2 + 2 + 2 = 55.
    const { snapshots: _snapshots, ...counts } = ni117(records, ay2010).counts;
    expect(counts).toEqual({
      recordsRead: 55,
      inPopulation: 40,
      counted: 3,
      notCounted: 37,
      notInPeriod: 2,
      excluded: {
        'not-known': 3,
        'outside-age-16-18': 4,
        'excluded-status': 2,
        'superseded-snapshot': 2,
        'not-a-count-month': 2,
      },
    });
  });

  it('explains each record in its outcome, keyed personId@snapshotDate, with its source row', () => {
    const rows = records.map((_, i) => i + 2); // a header on line 1
    const { outcomes } = ni117(records, ay2010, { outcomes: true, rows });
    expect(outcomes).toHaveLength(55);
    const byId = new Map(outcomes?.map((o) => [o.id, o]));
    expect(byId.get('A1@2010-11-30')).toEqual({
      id: 'A1@2010-11-30',
      row: 2,
      eventDate: '2010-11-30',
      bucket: 'counted',
    });
    expect(byId.get('A1@2010-11-15')).toMatchObject({ bucket: 'excluded', reason: 'superseded-snapshot' });
    expect(byId.get('A1@2010-12-31')).toMatchObject({ bucket: 'not-counted', reason: 'status EET' });
    expect(byId.get('A5@2010-11-30')).toMatchObject({ bucket: 'excluded', reason: 'not-known' });
    expect(byId.get('A6@2010-11-30')).toMatchObject({ bucket: 'excluded', reason: 'excluded-status' });
    expect(byId.get('C2@2011-01-31')).toMatchObject({ bucket: 'excluded', reason: 'outside-age-16-18' });
    expect(byId.get('M2@2010-10-31')).toMatchObject({ bucket: 'excluded', reason: 'not-a-count-month' });
    expect(byId.get('O2@2011-11-30')).toMatchObject({ bucket: 'not-in-period', eventDate: '2011-11-30' });
    expect(ni117(records, ay2010).outcomes).toBeUndefined();
  });

  it('gives one count for a single month period: November 2010 is 1 of 12', () => {
    // Only the 2010-11-30 count: NEET A1 of the known cohort 12. 100/12 = 8.3333… (20 significant digits).
    const result = ni117(records, parsePeriod('2010-11'));
    expect([result.numerator, result.denominator]).toEqual([1, 12]);
    expect(result.value?.toString()).toBe('8.3333333333333333333');
    expect(result.display).toBe('8.3%');
    expect(result.counts.snapshots).toEqual([
      { date: '2010-11-30', cohort: 13, known: 12, neet: 1, notKnown: 1, eet: 11 },
    ]);
    // The 18 records of November are explained; the other 37 are outside the month.
    expect(result.counts.notInPeriod).toBe(37);
  });

  it('selects one count date with countDate: December is 1 of 13', () => {
    // B1 NEET; known cohort A1, B1 and 11 EET = 13. 100/13 = 7.692307692307692307692…, 20 digits rounded up.
    const result = ni117(records, ay2010, { countDate: '2010-12-31' });
    expect([result.numerator, result.denominator]).toEqual([1, 13]);
    expect(result.value?.toString()).toBe('7.6923076923076923077');
    expect(result.display).toBe('7.7%');
    expect(result.rule.counts).toBe('2010-12-31');
    // The other records of the academic year, 18 of November, 17 of January, M1 and M2 = 37, are not the count.
    expect(result.counts.excluded['not-the-selected-count']).toBe(37);
    expect(result.counts.notInPeriod).toBe(2);
  });

  it('lets countDate pick a superseded date explicitly: 15 November 2010 is 1 of 2', () => {
    // A1 (18, NEET) and S1 (17, EET) at 2010-11-15.
    const result = ni117(records, ay2010, { countDate: '2010-11-15' });
    expect([result.numerator, result.denominator]).toEqual([1, 2]);
    expect(result.display).toBe('50.0%');
  });

  it('has no count when the month’s count date lies after the period', () => {
    // 1 to 20 November: the count of November is 2010-11-30, outside; the 15 November records are superseded.
    const result = ni117(records, parsePeriod('2010-11-01..2010-11-20'));
    expect([result.numerator, result.denominator]).toEqual([0, 0]);
    expect(result.value).toBeNull();
    expect(result.display).toBe('n/a');
    expect(result.counts.snapshots).toEqual([]);
    expect(result.counts.excluded).toEqual({ 'superseded-snapshot': 2 });
  });

  it('has no count for a countDate outside the period', () => {
    const result = ni117(records, parsePeriod('2010-11'), { countDate: '2010-12-31' });
    expect(result.denominator).toBe(0);
    expect(result.counts.snapshots).toEqual([]);
    // The 18 November records are in the period but not the selected count.
    expect(result.counts.excluded).toEqual({ 'not-the-selected-count': 18 });
  });

  it('widens the ages with maxAge: 16-19 adds A3 (NEET) and C3 (not known), 4 of 41', () => {
    // NEET A1, A3, B1, C1 = 4; known 12 + 1 (A3) + 13 + 15 = 41; C3 joins the cohort as not known.
    const result = ni117(records, ay2010, { maxAge: 19 });
    expect([result.numerator, result.denominator]).toEqual([4, 41]);
    expect(result.value?.toString()).toBe('9.7560975609756097561');
    // A4 (15) and C2 (15) remain outside.
    expect(result.counts.excluded['outside-age-16-19']).toBe(2);
    expect(result.rule.ages).toBe('16-19');
  });

  it('does not crash on the same person twice at one count, and counts the first', () => {
    const twice = [
      person('P1', '2010-11-30', '1993-03-01', 'NEET'),
      person('P1', '2010-11-30', '1993-03-01', 'EET'),
      person('P2', '2010-11-30', '1993-03-01', 'EET'),
    ];
    // P1 (NEET) and P2 (EET): 1 of 2; the second P1 is excluded as a duplicate.
    const result = ni117(twice, ay2010);
    expect([result.numerator, result.denominator]).toEqual([1, 2]);
    expect(result.counts.excluded).toEqual({ 'duplicate-person': 1 });
  });

  it('finds a person given twice at one count among thousands, and not one given once at each of two counts', () => {
    // The records are grouped by a hash of person and count before the repeats are looked for; this spreads 3,000
    // people over every group. November: EET people N1..N3000, then N1, N8, N15, … N2997 again (every seventh:
    // 1 + 7k for k = 0..428, 429 repeats), marked NEET, so that a repeat counted by mistake would show in the
    // numerator. December: the same ids D… once each, and N5 (given at November already, but once in December).
    const november = eetFillers('N', '2010-11-30', 3000);
    const repeats = Array.from({ length: 429 }, (_, k) =>
      person(`N${1 + 7 * k}`, '2010-11-30', '1993-03-01', 'NEET'),
    );
    const december = [
      ...eetFillers('D', '2010-12-31', 2999),
      person('N5', '2010-12-31', '1993-03-01', 'NEET'),
    ];
    const result = ni117([...november, ...repeats, ...december], ay2010);
    // November: 3000 known, 0 NEET (every repeat excluded); December: 3000 known, 1 NEET (N5). 1 of 6000.
    expect(result.counts.excluded).toEqual({ 'duplicate-person': 429 });
    expect([result.numerator, result.denominator]).toEqual([1, 6000]);
  });

  it('rejects options it cannot use', () => {
    expect(() => ni117(records, ay2010, { countDate: '31/12/2010' })).toThrow(RangeError);
    expect(() => ni117(records, ay2010, { minAge: 19, maxAge: 18 })).toThrow(RangeError);
    expect(() => ni117(records, ay2010, { minAge: 15.5 })).toThrow(RangeError);
  });

  it('is registered as NI117, and by month each count is its own month', () => {
    expect(computeIndicator('NI117', records, 'AY2010').display).toBe('7.5%');
    const { groups, total } = computeBreakdown('NI117', records, 'AY2010', 'month');
    const figures = Object.fromEntries(
      groups.map((g) => [g.key, [g.result.numerator, g.result.denominator]]),
    );
    // November 1/12, December 1/13, January 1/15; every other month has no count.
    expect(figures['2010-11']).toEqual([1, 12]);
    expect(figures['2010-12']).toEqual([1, 13]);
    expect(figures['2011-01']).toEqual([1, 15]);
    expect(figures['2011-02']).toEqual([0, 0]);
    expect(groups.reduce((sum, g) => sum + g.result.denominator, 0)).toBe(total.denominator);
  });
});

describe('neetNotKnown', () => {
  it('pools not known over the cohort: 3 of 43 in 2010/11', () => {
    // Not known: A5 (Nov), B2 and B3 (Dec) = 3. Cohort 13 + 15 + 15 = 43.
    // 300/43 = 6.976744186046511627906…, 20 significant digits: 6.9767441860465116279.
    const result = neetNotKnown(records, ay2010);
    expect([result.numerator, result.denominator]).toEqual([3, 43]);
    expect(result.value?.toString()).toBe('6.9767441860465116279');
    expect(result.display).toBe('7.0%');
    expect(result.indicator).toBe('NEET_NOT_KNOWN');
    expect(result.polarity).toBe('lower-is-better');
    expect(result.counts.snapshots?.map((s) => [s.notKnown, s.cohort])).toEqual([
      [1, 13],
      [2, 15],
      [0, 15],
    ]);
  });

  it('keeps NOT_KNOWN in its population and NEET out of its numerator', () => {
    // Counted: the 3 not known. Not counted: 37 EET + 3 NEET = 40. Excluded as for NI117 but for not-known.
    const { snapshots: _snapshots, ...counts } = neetNotKnown(records, ay2010).counts;
    expect(counts).toEqual({
      recordsRead: 55,
      inPopulation: 43,
      counted: 3,
      notCounted: 40,
      notInPeriod: 2,
      excluded: {
        'outside-age-16-18': 4,
        'excluded-status': 2,
        'superseded-snapshot': 2,
        'not-a-count-month': 2,
      },
    });
    const outcome = neetNotKnown(records, ay2010, { outcomes: true }).outcomes?.find(
      (o) => o.id === 'B1@2010-12-31',
    );
    expect(outcome).toMatchObject({ bucket: 'not-counted', reason: 'status NEET' });
  });

  it('gives a single count: January 2011 has none not known, 0 of 15', () => {
    const result = neetNotKnown(records, ay2010, { countDate: '2011-01-31' });
    expect([result.numerator, result.denominator]).toEqual([0, 15]);
    expect(result.value?.toString()).toBe('0');
    expect(result.display).toBe('0.0%');
  });

  it('is registered as NEET_NOT_KNOWN', () => {
    expect(computeIndicator('NEET_NOT_KNOWN', records, 'AY2010').numerator).toBe(3);
  });
});

// Random records: a few people, snapshot dates in and around two academic years (several per month), births
// around the 16-18 boundaries.
const snapshotDates = [
  '2009-11-15',
  '2009-11-30',
  '2010-01-31',
  '2010-06-30',
  '2010-10-31',
  '2010-11-12',
  '2010-11-30',
  '2010-12-15',
  '2010-12-31',
  '2011-01-14',
  '2011-01-31',
  '2011-02-28',
  '2011-11-30',
];
const birth = fc
  .integer({ min: toDayNumber('1990-06-01'), max: toDayNumber('1996-06-01') })
  .map(fromDayNumber);
const neetRecord = fc.record({
  personId: fc.constantFrom('P1', 'P2', 'P3', 'P4', 'P5', 'P6'),
  snapshotDate: fc.constantFrom(...snapshotDates),
  dateOfBirth: fc.oneof(birth, fc.constantFrom('1992-08-31', '1992-09-01', '1994-08-31', '1992-02-29')),
  status: fc.constantFrom('EET' as const, 'NEET' as const, 'NOT_KNOWN' as const, 'EXCLUDED' as const),
});
const periodSpec = fc.constantFrom(
  'AY2010',
  'AY2009',
  'FY2010',
  '2010-11',
  '2010-Q4',
  '2010-11-20..2011-01-20',
  '2009-09..2011-12',
);

/** In the cohort by an independent reading: born from 1 September (Y - 19) to 31 August (Y - 16). */
function inCohortOracle(record: NeetRecord): boolean {
  const [year, month] = record.snapshotDate.split('-').map(Number) as [number, number];
  const start = month >= 9 ? year : year - 1;
  return (
    record.dateOfBirth >= `${start - 19}-09-01` &&
    record.dateOfBirth <= `${start - 16}-08-31` &&
    record.status !== 'EXCLUDED'
  );
}

function checkBuckets(result: IndicatorResult, recordCount: number): void {
  const { counts } = result;
  const excluded = Object.values(counts.excluded).reduce((a, b) => a + b, 0);
  expect(counts.recordsRead).toBe(recordCount);
  expect(counts.inPopulation + counts.notInPeriod + excluded).toBe(recordCount);
  expect(counts.counted + counts.notCounted).toBe(counts.inPopulation);
  expect(result.outcomes).toHaveLength(recordCount);
  expect([result.numerator, result.denominator]).toEqual([counts.counted, counts.inPopulation]);
}

describe('ni117 and neetNotKnown on random records', () => {
  it('pool sum over sum (= mean over mean), keep every record in one bucket, and add up by month', () => {
    fc.assert(
      fc.property(fc.array(neetRecord, { maxLength: 50 }), periodSpec, (generated, spec) => {
        // One record per person per date, as validation guarantees.
        const seen = new Set<string>();
        const unique = generated.filter((r) => {
          const key = `${r.personId}@${r.snapshotDate}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        const period = parsePeriod(spec);
        const neet = ni117(unique, period, { calendar, outcomes: true });
        const notKnown = neetNotKnown(unique, period, { calendar, outcomes: true });
        checkBuckets(neet, unique.length);
        checkBuckets(notKnown, unique.length);

        // The count dates, independently: the latest date of each Nov/Dec/Jan month present, inside the period.
        const latest = new Map<string, string>();
        for (const r of unique) {
          if (!['11', '12', '01'].includes(r.snapshotDate.slice(5, 7))) continue;
          const month = r.snapshotDate.slice(0, 7);
          if ((latest.get(month) ?? '') < r.snapshotDate) latest.set(month, r.snapshotDate);
        }
        const countDates = [...latest.values()].filter((d) => period.start <= d && d <= period.end).sort();
        const snapshots = neet.counts.snapshots ?? [];
        expect(snapshots.map((s) => s.date)).toEqual(countDates);
        for (const snapshot of snapshots) {
          const cohort = unique.filter((r) => r.snapshotDate === snapshot.date && inCohortOracle(r));
          const nk = cohort.filter((r) => r.status === 'NOT_KNOWN').length;
          const neetCount = cohort.filter((r) => r.status === 'NEET').length;
          expect(snapshot).toEqual({
            date: snapshot.date,
            cohort: cohort.length,
            known: cohort.length - nk,
            neet: neetCount,
            notKnown: nk,
            eet: cohort.length - nk - neetCount,
          });
        }
        expect(notKnown.counts.snapshots).toEqual(snapshots);

        const sum = (figure: string) => snapshots.reduce((total, s) => total + Number(s[figure]), 0);
        expect([neet.numerator, neet.denominator]).toEqual([sum('neet'), sum('known')]);
        expect([notKnown.numerator, notKnown.denominator]).toEqual([sum('notKnown'), sum('cohort')]);
        for (const [result, top, bottom] of [
          [neet, sum('neet'), sum('known')],
          [notKnown, sum('notKnown'), sum('cohort')],
        ] as const) {
          if (bottom === 0) {
            expect(result.value).toBeNull();
            continue;
          }
          const Exact20 = Decimal.clone({ precision: 20, rounding: Decimal.ROUND_HALF_UP });
          expect(result.value?.toString()).toBe(new Exact20(top).times(100).div(bottom).toString());
          // The mean of the numerators over the mean of the denominators, worked at 60 digits.
          const Exact60 = Decimal.clone({ precision: 60 });
          const n = snapshots.length;
          const meanRatio = new Exact60(top).div(n).div(new Exact60(bottom).div(n)).times(100);
          expect(result.value?.toString()).toBe(
            meanRatio.toSignificantDigits(20, Decimal.ROUND_HALF_UP).toString(),
          );
        }

        // The months of the period add up to the whole.
        const months = splitIntoMonths(period).map((month) => ni117(unique, month, { calendar }));
        expect(months.reduce((s, r) => s + r.numerator, 0)).toBe(neet.numerator);
        expect(months.reduce((s, r) => s + r.denominator, 0)).toBe(neet.denominator);
      }),
      { numRuns: 150 },
    );
  });

  it('puts a young person in the cohort exactly when academicAge is within the ages', () => {
    fc.assert(
      fc.property(
        birth,
        fc.constantFrom(...snapshotDates),
        fc.integer({ min: 14, max: 17 }),
        fc.integer({ min: 0, max: 3 }),
        (dateOfBirth, snapshotDate, minAge, span) => {
          const maxAge = minAge + span;
          const record = { personId: 'P', snapshotDate, dateOfBirth, status: 'EET' as const };
          const result = ni117([record], parsePeriod('2009-09..2011-12'), {
            calendar,
            countDate: snapshotDate,
            minAge,
            maxAge,
          });
          const age = academicAge(dateOfBirth, snapshotDate);
          expect(result.denominator).toBe(minAge <= age && age <= maxAge ? 1 : 0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps every record in one bucket with duplicates and a selected count date', () => {
    fc.assert(
      fc.property(
        fc.array(neetRecord, { maxLength: 40 }),
        periodSpec,
        fc.constantFrom(...snapshotDates),
        (generated, spec, countDate) => {
          const period = parsePeriod(spec);
          for (const options of [{}, { countDate }]) {
            const result = ni117(generated, period, { calendar, outcomes: true, ...options });
            checkBuckets(result, generated.length);
            checkBuckets(
              neetNotKnown(generated, period, { calendar, outcomes: true, ...options }),
              generated.length,
            );
            expect((result.counts.snapshots ?? []).length).toBeLessThanOrEqual(
              'countDate' in options ? 1 : 6,
            );
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
