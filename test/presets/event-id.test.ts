import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventId } from '../../src/presets/preset-reader.js';
import { parseDateCell } from '../../src/records/dates.js';

describe('eventId', () => {
  it('gives the same id for a date met again, in each date format, as reading it afresh', () => {
    // The days of dates already read are kept by format: 03/04/2012 is 3 April read dmy and 4 March read mdy, the
    // second time as the first; a date that is not one (31/02/2011, "soon") is kept as written.
    expect(eventId('C1', '03/04/2012', 'dmy')).toBe('C1@2012-04-03');
    expect(eventId('C1', '03/04/2012', 'mdy')).toBe('C1@2012-03-04');
    expect(eventId('C1', '03/04/2012', 'dmy')).toBe('C1@2012-04-03');
    expect(eventId('C2', ' 31/02/2011 ', 'auto')).toBe('C2@31/02/2011');
    expect(eventId(undefined, 'soon')).toBe('?@soon');
    expect(eventId('C3', '  ')).toBe('C3@?');
    // Written YYYY-MM-DD in digits, an id's day is the text itself (not read): the same as reading it, in every
    // format, for a real date, an impossible one, and years out of range or of fewer than four significant digits;
    // ten characters not so written (a time part that is not one, a letter, a date day first, other separators)
    // are read.
    const isoShaped = [
      '2012-05-01',
      '2011-02-29',
      '2012-13-01',
      '0999-01-01',
      '0000-00-00',
      '1899-12-31',
      '9999-12-31',
    ];
    for (const date of [...isoShaped, '2012-05-1T', '2012-0a-01', '01/05/2012', '2012/05/01', '2012.05.01']) {
      for (const dateFormat of ['auto', 'dmy', 'mdy', 'ymd'] as const) {
        const read = parseDateCell(date, { dateFormat });
        expect(eventId('C', date, dateFormat)).toBe(`C@${read.ok ? read.date : date}`);
        if (isoShaped.includes(date)) expect(eventId('C', date, dateFormat)).toBe(`C@${date}`);
      }
    }
    // Any date, written any of several ways, asked for twice in any format: what parseDateCell reads, or as written.
    const written = fc.oneof(
      fc
        .tuple(
          fc.integer({ min: 1, max: 31 }),
          fc.integer({ min: 1, max: 13 }),
          fc.integer({ min: 1985, max: 2105 }),
        )
        .chain(([d, m, y]) =>
          fc.constantFrom(
            `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
            `${d}/${m}/${y}`,
            `${m}/${d}/${y}`,
          ),
        ),
      fc.string({ maxLength: 12 }),
    );
    const format = fc.constantFrom('auto', 'dmy', 'mdy', 'ymd') as fc.Arbitrary<
      'auto' | 'dmy' | 'mdy' | 'ymd'
    >;
    fc.assert(
      fc.property(written, format, (date, dateFormat) => {
        const text = date.trim();
        const read = parseDateCell(text, { dateFormat });
        const expected = text === '' ? 'C@?' : `C@${read.ok ? read.date : text}`;
        expect(eventId('C', date, dateFormat)).toBe(expected);
        expect(eventId('C', date, dateFormat)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
