import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contains, monthOf, parsePeriod, splitIntoMonths } from '../../src/periods/index.js';
import { addDays, fromDayNumber, toDayNumber } from '../../src/util/dates.js';

// Dates from 1990 to 2100 (the calendar's range); day numbers keep the arithmetic exact.
const day = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2100-12-31') });
// Ranges up to about three years long, so each run stays quick while crossing year ends and leap days.
const dateRange = fc
  .tuple(day, fc.integer({ min: 0, max: 1100 }))
  .map(([start, length]) => parsePeriod(`${fromDayNumber(start)}..${fromDayNumber(start + length)}`));

describe('splitIntoMonths', () => {
  it('tiles a date range: first starts at its start, last ends at its end, parts abut', () => {
    fc.assert(
      fc.property(dateRange, (period) => {
        const parts = splitIntoMonths(period);
        expect(parts[0]?.start).toBe(period.start);
        expect(parts.at(-1)?.end).toBe(period.end);
        for (let i = 1; i < parts.length; i++) {
          // No gap and no overlap: each part starts the day after the previous one ends.
          expect(parts[i]?.start).toBe(addDays(parts[i - 1]?.end ?? '', 1));
        }
      }),
    );
  });

  it('gives parts whose lengths sum to the length of the period', () => {
    fc.assert(
      fc.property(dateRange, (period) => {
        const length = (p: { start: string; end: string }) => toDayNumber(p.end) - toDayNumber(p.start) + 1;
        const total = splitIntoMonths(period).reduce((sum, part) => sum + length(part), 0);
        expect(total).toBe(length(period));
      }),
    );
  });

  it('keeps each part inside one calendar month and inside the period', () => {
    fc.assert(
      fc.property(dateRange, (period) => {
        for (const part of splitIntoMonths(period)) {
          const month = monthOf(part.start);
          expect(contains(month, part.end)).toBe(true);
          expect(contains(period, part.start) && contains(period, part.end)).toBe(true);
          // A part is a `month` exactly when it is the whole calendar month.
          const whole = part.start === month.start && part.end === month.end;
          expect(part.kind).toBe(whole ? 'month' : 'date-range');
        }
      }),
    );
  });

  it('finds every day of the period in exactly one part', () => {
    fc.assert(
      fc.property(dateRange, day, (period, probe) => {
        const date = fromDayNumber(probe);
        const holders = splitIntoMonths(period).filter((part) => contains(part, date));
        expect(holders).toHaveLength(contains(period, date) ? 1 : 0);
      }),
    );
  });
});

describe('parsePeriod', () => {
  it('reads every spec it produces back to an equal period', () => {
    fc.assert(
      fc.property(dateRange, (period) => {
        for (const part of [period, ...splitIntoMonths(period)]) {
          expect(parsePeriod(part.spec)).toEqual(part);
        }
      }),
    );
  });
});
