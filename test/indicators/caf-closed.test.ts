import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import {
  cafClosed,
  changeDisplayOf,
  compareWithBaseline,
  computeBreakdown,
  computeIndicator,
  percentChange,
  resolveRounding,
} from '../../src/indicators/index.js';
import { parsePeriod, splitIntoMonths } from '../../src/periods/index.js';
import type { CafRecord, ClosureReason } from '../../src/records/schemas.js';
import { fromDayNumber, isoFromYmd, toDayNumber } from '../../src/util/dates.js';

// FY2010 = 2010-04-01..2011-03-31; FY2009 = 2009-04-01..2010-03-31.
const records: CafRecord[] = [
  // First day of FY2010, needs met: counted.
  { id: 'CAF-01', designatedDate: '2010-01-04', closedDate: '2010-04-01', closureReason: 'needs-met' },
  // Last day of FY2010, needs met: counted.
  { id: 'CAF-02', designatedDate: '2010-11-01', closedDate: '2011-03-31', closureReason: 'needs-met' },
  // Last day of FY2009, needs met: counted in the baseline, not in FY2010.
  { id: 'CAF-03', designatedDate: '2009-12-01', closedDate: '2010-03-31', closureReason: 'needs-met' },
  // Christmas Eve 2010, escalated to social care: an unsuccessful closure.
  { id: 'CAF-04', designatedDate: '2010-09-01', closedDate: '2010-12-24', closureReason: 'escalated' },
  // Closed in FY2010 with no reason recorded: not known to be successful, so unsuccessful.
  { id: 'CAF-05', designatedDate: '2010-09-01', closedDate: '2011-01-10' },
  // Still open: not closed.
  { id: 'CAF-06', designatedDate: '2010-10-01', meetingDate: '2010-10-08' },
  // Closed on the Royal Wedding day, 2011-04-29: FY2011.
  { id: 'CAF-07', designatedDate: '2011-01-04', closedDate: '2011-04-29', closureReason: 'needs-met' },
  // The family moved away in June 2010: unsuccessful by default, successful when moved-away is counted.
  { id: 'CAF-08', designatedDate: '2010-02-01', closedDate: '2010-06-15', closureReason: 'moved-away' },
  // FY2009, disengaged: an unsuccessful closure of the baseline.
  { id: 'CAF-09', designatedDate: '2009-06-01', closedDate: '2009-10-01', closureReason: 'disengaged' },
  // FY2009, needs met: counted in the baseline.
  { id: 'CAF-10', designatedDate: '2009-02-02', closedDate: '2009-05-05', closureReason: 'needs-met' },
];

const fy2010 = parsePeriod('FY2010');

/** `count` CAFs closed (needs met) on the 15th of consecutive months from `firstMonth` of `year`. */
function closedMonthly(prefix: string, year: number, firstMonth: number, count: number): CafRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const month = ((firstMonth - 1 + i) % 12) + 1;
    const y = year + Math.floor((firstMonth - 1 + i) / 12);
    return {
      id: `${prefix}-${i + 1}`,
      designatedDate: isoFromYmd(y, month, 1),
      closedDate: isoFromYmd(y, month, 15),
      closureReason: 'needs-met' as const,
    };
  });
}

describe('cafClosed', () => {
  it('counts the CAFs closed in FY2010 with needs met: 2 (CAF-01 on the first day, CAF-02 on the last)', () => {
    const result = cafClosed(records, fy2010);
    // The value of a count is the count: numerator = denominator = 2.
    expect([result.numerator, result.denominator, result.display]).toEqual([2, 2, '2']);
    expect(result.value?.toString()).toBe('2');
    expect(result.unit).toBe('count');
    expect(result.polarity).toBe('higher-is-better');
  });

  it('accounts for every record: not closed, unsuccessful (a missing reason included), not in period', () => {
    expect(cafClosed(records, fy2010).counts).toEqual({
      recordsRead: 10,
      inPopulation: 2, // CAF-01, CAF-02
      counted: 2,
      notCounted: 0,
      notInPeriod: 4, // CAF-03 (Mar 2010), CAF-07 (Apr 2011), CAF-09 and CAF-10 (FY2009)
      // CAF-04 escalated, CAF-05 no reason, CAF-08 moved away; CAF-06 still open.
      excluded: { 'unsuccessful-closure': 3, 'not-closed': 1 },
    });
  });

  it('counts the same with and without outcomes, and gives each record its bucket and reason', () => {
    // Without outcomes the records are tallied as they are read, with no object per record; with them, each record
    // gets its own. Both must give the counts above, in the same order of reasons (not-closed is met at CAF-06,
    // after the first unsuccessful closure, CAF-04).
    const counted = cafClosed(records, fy2010);
    const withOutcomes = cafClosed(records, fy2010, { outcomes: true, rows: records.map((_, i) => i + 2) });
    expect(withOutcomes.counts).toEqual(counted.counts);
    expect(Object.keys(counted.counts.excluded)).toEqual(['unsuccessful-closure', 'not-closed']);
    expect(counted.outcomes).toBeUndefined();
    expect(withOutcomes.outcomes?.slice(3, 6)).toEqual([
      { id: 'CAF-04', bucket: 'excluded', row: 5, reason: 'unsuccessful-closure', eventDate: '2010-12-24' },
      { id: 'CAF-05', bucket: 'excluded', row: 6, reason: 'unsuccessful-closure', eventDate: '2011-01-10' },
      { id: 'CAF-06', bucket: 'excluded', row: 7, reason: 'not-closed' },
    ]);
    expect(withOutcomes.outcomes?.[0]).toEqual({
      id: 'CAF-01',
      bucket: 'counted',
      row: 2,
      eventDate: '2010-04-01',
    });
    // JSON output shows the fields in this order: id, bucket, row, eventDate, reason.
    expect(Object.keys(withOutcomes.outcomes?.[3] ?? {})).toEqual([
      'id',
      'bucket',
      'row',
      'eventDate',
      'reason',
    ]);
    expect(withOutcomes.outcomes?.[2]).toEqual({
      id: 'CAF-03',
      bucket: 'not-in-period',
      row: 4,
      eventDate: '2010-03-31',
    });
  });

  it('tallies the closure reasons of every CAF closed in the period, (none) for a missing one', () => {
    // FY2010 closures: CAF-01, CAF-02 needs-met; CAF-04 escalated; CAF-05 none; CAF-08 moved-away.
    expect(cafClosed(records, fy2010).details).toEqual({
      closureReasons: { 'needs-met': 2, escalated: 1, '(none)': 1, 'moved-away': 1 },
    });
  });

  it('takes other successful reasons: needs-met and moved-away give 3 in FY2010', () => {
    // CAF-01, CAF-02 and CAF-08.
    const result = cafClosed(records, fy2010, { successfulReasons: ['needs-met', 'moved-away'] });
    expect(result.numerator).toBe(3);
    expect(result.rule.successfulReasons).toBe('needs-met, moved-away');
    expect(result.counts.excluded).toEqual({ 'unsuccessful-closure': 2, 'not-closed': 1 });
  });

  it('refuses an unknown or empty list of successful reasons', () => {
    expect(() => cafClosed(records, fy2010, { successfulReasons: ['solved' as ClosureReason] })).toThrow(
      /successfulReasons: expected each of needs-met, .* got "solved"/,
    );
    expect(() => cafClosed(records, fy2010, { successfulReasons: [] })).toThrow(RangeError);
  });

  it('compares with a baseline: 2 in FY2010 against 2 in FY2009 (CAF-03, CAF-10) is no change', () => {
    const result = cafClosed(records, fy2010, { baseline: 'FY2009' });
    expect(result.baseline).toMatchObject({
      period: { start: '2009-04-01', end: '2010-03-31', label: '2009/10' },
      numerator: 2,
      denominator: 2,
      changeDisplay: '0.0%',
      compares: 'numerator',
    });
    expect(result.baseline?.change?.toString()).toBe('0');
    expect(result.rule.baseline).toBe('FY2009');
    // With moved-away counted: 3 against 2 (FY2009 had no move away) = +50%.
    const wider = cafClosed(records, fy2010, {
      baseline: parsePeriod('FY2009'),
      successfulReasons: ['needs-met', 'moved-away'],
    });
    expect(wider.baseline?.changeDisplay).toBe('+50.0%');
  });

  it('meets the plan’s +10%: 11 closed in FY2010 against 10 in FY2009 is +10.0%', () => {
    // 11 closures, 15 Apr 2010 to 15 Feb 2011; 10 closures, 15 Apr 2009 to 15 Jan 2010.
    const data = [...closedMonthly('NOW', 2010, 4, 11), ...closedMonthly('THEN', 2009, 4, 10)];
    const result = cafClosed(data, fy2010, { baseline: 'FY2009' });
    expect([result.numerator, result.baseline?.numerator]).toEqual([11, 10]);
    // (11 - 10) / 10 × 100 = 10 exactly.
    expect(result.baseline?.change?.toString()).toBe('10');
    expect(result.baseline?.changeDisplay).toBe('+10.0%');
    // The other way round: (10 - 11) / 11 × 100 = -9.0909…, 20 significant digits, the 21st (9) rounding up.
    const fewer = cafClosed(
      [...closedMonthly('NOW', 2010, 4, 10), ...closedMonthly('THEN', 2009, 4, 11)],
      fy2010,
      {
        baseline: 'FY2009',
      },
    );
    expect(fewer.baseline?.change?.toString()).toBe('-9.0909090909090909091');
    expect(fewer.baseline?.changeDisplay).toBe('-9.1%');
  });

  it('gives no change against a zero baseline: change null, shown n/a', () => {
    // Nothing was closed in FY2008.
    const result = cafClosed(records, fy2010, { baseline: 'FY2008' });
    expect(result.baseline?.numerator).toBe(0);
    expect(result.baseline?.change).toBeNull();
    expect(result.baseline?.changeDisplay).toBe('n/a');
  });

  it('refuses a baseline it cannot read', () => {
    expect(() => cafClosed(records, fy2010, { baseline: 'last year' })).toThrow(RangeError);
  });

  it('explains each record with outcomes, carrying the source rows', () => {
    const result = cafClosed(records, fy2010, { outcomes: true, rows: records.map((_, i) => i + 2) });
    const byId = new Map(result.outcomes?.map((o) => [o.id, o]));
    expect(byId.get('CAF-01')).toEqual({ id: 'CAF-01', row: 2, bucket: 'counted', eventDate: '2010-04-01' });
    expect(byId.get('CAF-05')).toEqual({
      id: 'CAF-05',
      row: 6,
      bucket: 'excluded',
      reason: 'unsuccessful-closure',
      eventDate: '2011-01-10',
    });
    expect(byId.get('CAF-06')).toEqual({ id: 'CAF-06', row: 7, bucket: 'excluded', reason: 'not-closed' });
    expect(byId.get('CAF-07')).toEqual({
      id: 'CAF-07',
      row: 8,
      bucket: 'not-in-period',
      eventDate: '2011-04-29',
    });
    expect(result.outcomes).toHaveLength(records.length);
  });

  it('names the calendar, though it counts no days', () => {
    const calendar = createCalendar({ id: 'leeds-2010', closures: ['2010-12-29'] });
    expect(cafClosed(records, fy2010, { calendar }).calendar).toEqual({
      id: 'leeds-2010',
      fingerprint: calendar.fingerprint,
    });
  });

  it('is found in the registry as CAF_CLOSED, and breaks down by month', () => {
    expect(computeIndicator('CAF_CLOSED', records, 'FY2010').numerator).toBe(2);
    const { groups } = computeBreakdown('CAF_CLOSED', records, 'FY2010', 'month');
    // CAF-01 in April 2010, CAF-02 in March 2011, none between.
    expect(groups.map((g) => g.result.numerator)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
});

describe('compareWithBaseline', () => {
  it('compares values when asked: for a count they are the counts, 6 against 5 is +20.0%', () => {
    const now = cafClosed(closedMonthly('A', 2010, 4, 6), fy2010);
    const then = cafClosed(closedMonthly('B', 2009, 4, 5), parsePeriod('FY2009'));
    // As counts 6 against 5: (6 - 5) / 5 = +20%; the values are the counts, so the same.
    expect(compareWithBaseline(now, then, 'value').changeDisplay).toBe('+20.0%');
    expect(compareWithBaseline(now, then).compares).toBe('numerator');
  });
});

describe('percentChange', () => {
  it('is exact, and null against zero', () => {
    // (11 - 10) / 10 × 100 = 10; (1 - 3) / 3 × 100 = -66.66…7 at 20 digits.
    expect(percentChange(11, 10, 20)?.toString()).toBe('10');
    expect(percentChange(1, 3, 20)?.toString()).toBe('-66.666666666666666667');
    expect(percentChange(5, 0, 20)).toBeNull();
    expect(percentChange(null, 5, 20)).toBeNull();
  });
});

describe('changeDisplayOf', () => {
  it('signs a change and never shows -0.0%', () => {
    const rounding = resolveRounding();
    expect(changeDisplayOf(percentChange(11, 10, 20), rounding)).toBe('+10.0%');
    expect(changeDisplayOf(percentChange(9, 10, 20), rounding)).toBe('-10.0%');
    // -0.04% rounds to zero at one place: no sign.
    expect(changeDisplayOf(percentChange(9996, 10000, 20), rounding)).toBe('0.0%');
    expect(changeDisplayOf(null, rounding)).toBe('n/a');
  });
});

// Random CAF records over 2009-2011, some open, some without a reason.
const reasons: (ClosureReason | undefined)[] = [
  'needs-met',
  'escalated',
  'disengaged',
  'moved-away',
  'other',
  undefined,
];
const day = fc.integer({ min: toDayNumber('2009-01-01'), max: toDayNumber('2011-12-31') });
const cafArb = fc.array(
  fc.record({
    designated: day,
    closed: fc.option(day, { nil: undefined }),
    reason: fc.constantFrom(...reasons),
  }),
  { maxLength: 60 },
);
const toCafs = (
  raw: { designated: number; closed: number | undefined; reason: ClosureReason | undefined }[],
) =>
  raw.map(
    (r, i): CafRecord => ({
      id: `CAF-${i}`,
      designatedDate: fromDayNumber(r.designated),
      ...(r.closed === undefined ? {} : { closedDate: fromDayNumber(r.closed) }),
      ...(r.reason === undefined ? {} : { closureReason: r.reason }),
    }),
  );
const periodArb = fc
  .tuple(day, fc.integer({ min: 0, max: 500 }))
  .map(([start, length]) => parsePeriod(`${fromDayNumber(start)}..${fromDayNumber(start + length)}`));

describe('cafClosed (properties)', () => {
  it('adds up over the months of any period, and puts every record in exactly one bucket', () => {
    const calendar = createCalendar();
    fc.assert(
      fc.property(cafArb, periodArb, (raw, period) => {
        const cafs = toCafs(raw);
        const whole = cafClosed(cafs, period, { calendar, outcomes: true });
        const months = splitIntoMonths(period).map((month) => cafClosed(cafs, month, { calendar }));
        expect(months.reduce((sum, m) => sum + m.numerator, 0)).toBe(whole.numerator);
        expect(months.reduce((sum, m) => sum + m.denominator, 0)).toBe(whole.denominator);
        const { counts } = whole;
        const excluded = Object.values(counts.excluded).reduce((sum, n) => sum + n, 0);
        expect(counts.recordsRead).toBe(cafs.length);
        expect(counts.inPopulation + counts.notInPeriod + excluded).toBe(cafs.length);
        expect(whole.outcomes?.map((o) => o.id)).toEqual(cafs.map((c) => c.id));
      }),
    );
  });
});
