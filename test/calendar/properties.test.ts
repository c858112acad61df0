import { addDays as addDaysFns, isWeekend, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Convention, conventions, createCalendar } from '../../src/calendar/index.js';
import { fromDayNumber, toDayNumber } from '../../src/util/dates.js';

const calendar = createCalendar();
// Dates from 1995 to 2035 leave room for deadlines within the calendar's range.
const day = fc.integer({ min: toDayNumber('1995-01-01'), max: toDayNumber('2035-12-31') });
const date = day.map(fromDayNumber);
const orderedPair = fc
  .tuple(day, day)
  .map(([a, b]) => (a <= b ? [a, b] : [b, a]).map(fromDayNumber) as [string, string]);
const convention = fc.constantFrom<Convention>(...conventions);

/** The naive count: walk day by day with date-fns and a holiday Set (the way spreadsheets are rebuilt). */
function naiveCount(start: string, end: string, conv: Convention): number {
  const holidays = new Set(calendar.holidays.map((h) => h.date));
  const works = (d: Date) => !isWeekend(d) && !holidays.has(d.toISOString().slice(0, 10));
  let count = 0;
  const last = parseISO(`${end}T00:00:00Z`);
  for (let d = parseISO(`${start}T00:00:00Z`); d <= last; d = addDaysFns(d, 1)) {
    const iso = d.toISOString().slice(0, 10);
    if (conv === 'after-start' && iso === start) continue;
    if (conv === 'end-exclusive' && iso === end) continue;
    if (works(d)) count++;
  }
  return count;
}

describe('calendar laws', () => {
  it('agrees with a naive day-by-day count for every convention', () => {
    const shortPair = fc
      .tuple(day, fc.integer({ min: 0, max: 120 }))
      .map(([a, n]) => [fromDayNumber(a), fromDayNumber(a + n)] as const);
    fc.assert(
      fc.property(shortPair, convention, ([start, end], conv) => {
        expect(calendar.workingDaysBetween(start, end, conv)).toBe(naiveCount(start, end, conv));
      }),
      { numRuns: 300 },
    );
  });

  it('never gives a negative count', () => {
    fc.assert(
      fc.property(orderedPair, convention, ([start, end], conv) => {
        expect(calendar.workingDaysBetween(start, end, conv)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('never raises a count when a holiday is added', () => {
    fc.assert(
      fc.property(orderedPair, date, convention, ([start, end], closure, conv) => {
        const more = createCalendar({ closures: [closure] });
        expect(more.workingDaysBetween(start, end, conv)).toBeLessThanOrEqual(
          calendar.workingDaysBetween(start, end, conv),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('inverts addWorkingDays with workingDaysBetween: between(d, add(d, n)) == n', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 400 }), (start, n) => {
        expect(calendar.workingDaysBetween(start, calendar.addWorkingDays(start, n))).toBe(n);
      }),
    );
  });

  it('lands addWorkingDays on a working day for n >= 1, with no working day skipped', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const deadline = calendar.addWorkingDays(start, n);
        expect(calendar.isWorkingDay(deadline)).toBe(true);
        // The day before the deadline is still short of n: the deadline is the first day that reaches it.
        expect(calendar.workingDaysBetween(start, fromDayNumber(toDayNumber(deadline) - 1))).toBe(n - 1);
      }),
    );
  });

  it('adds up after-start counts: between(a, b) + between(b, c) == between(a, c)', () => {
    fc.assert(
      fc.property(day, day, day, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q).map(fromDayNumber) as [string, string, string];
        expect(calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c)).toBe(
          calendar.workingDaysBetween(a, c),
        );
      }),
    );
  });

  it('relates the conventions: inclusive = after-start + [start works]; end-exclusive = inclusive - [end works]', () => {
    fc.assert(
      fc.property(orderedPair, ([start, end]) => {
        const after = calendar.workingDaysBetween(start, end, 'after-start');
        const startWorks = calendar.isWorkingDay(start) ? 1 : 0;
        const endWorks = calendar.isWorkingDay(end) ? 1 : 0;
        expect(calendar.workingDaysBetween(start, end, 'inclusive')).toBe(after + startWorks);
        expect(calendar.workingDaysBetween(start, end, 'end-exclusive')).toBe(after + startWorks - endWorks);
      }),
    );
  });
});
