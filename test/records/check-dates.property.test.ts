import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/records/check.js';
import { type DateFormat, dateFormats, parseDateCell } from '../../src/records/dates.js';

// A worker's fields: workerId, fte, role, team, startDate, endDate, agency, workingDaysLost, cases.
const WORKER_AT = [0, 1, -1, -1, 2, -1, -1, -1, -1];
const input = { file: 'test.csv', sha256: '', encoding: 'utf-8' } as const;

// Two characters that are nearly always digits, sometimes not (a letter, a space, a sign), so that the reader's
// character-code path meets cells it must hand on.
const pair = fc.oneof(
  { weight: 9, arbitrary: fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')) },
  { weight: 1, arbitrary: fc.constantFrom('1a', ' 1', '-1', '1.', 'O1', '٠١') },
);
// Ten-character cells shaped like the two common ways of writing a date, with years around the calendar's range
// (1990-2100) and the 1900 range, and a few near misses of the same length.
const tenCharacterCell = fc.oneof(
  fc
    .tuple(pair, pair, fc.constantFrom('18', '19', '20', '21', '00', '99', '2a'), pair)
    .map(([a, b, century, years]) => `${a}/${b}/${century}${years}`),
  fc
    .tuple(fc.constantFrom('18', '19', '20', '21', '00'), pair, pair, pair)
    .map(([century, years, month, day]) => `${century}${years}-${month}-${day}`),
  fc.constantFrom('01-10-2010', '2010/10/01', '01.10.2010', '1/10/2010 ', ' 1/10/2010', '2010-10-1 '),
);

describe('createChecker', () => {
  it('reads every ten-character date cell as parseDateCell reads it, in every date format, repeated or not', () => {
    // The checker reads DD/MM/YYYY and YYYY-MM-DD from their character codes and shares each date among the
    // records; parseDateCell is the rule. For any cells, in any order and repeated, each row's date (or its issue's
    // code and message) must be parseDateCell's.
    fc.assert(
      fc.property(
        fc.constantFrom<DateFormat>(...dateFormats),
        fc.array(tenCharacterCell, { minLength: 1, maxLength: 40 }),
        (dateFormat, cells) => {
          const checker = createChecker('referral', { dateFormat });
          const rows = [...cells, ...cells];
          rows.forEach((cell, i) => {
            checker.values([`R${i}`, 'C1', cell], [0, 1, 2, -1, -1, -1], i + 2);
          });
          const result = checker.result(input);
          let accepted = 0;
          rows.forEach((cell, i) => {
            const expected = parseDateCell(cell, { dateFormat });
            if (expected.ok) {
              expect(result.rows[accepted]).toBe(i + 2);
              expect(result.records[accepted]?.referralDate).toBe(expected.date);
              accepted++;
            } else {
              const issue = result.issues.find((found) => found.row === i + 2);
              expect(issue).toMatchObject({ code: expected.code, message: expected.message });
            }
          });
          expect(result.records.length).toBe(accepted);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a day-first date from a worker file in the 1900 range, and month first under mdy', () => {
    // 14/03/1985 is 14 March 1985 read day first (a birth-era date, before the calendar's 1990 start: startDate
    // allows dates from 1900); under mdy, 03/14/1985 is the same day, and 14/03/1985 has no month 14.
    const dayFirst = createChecker('worker', { dateFormat: 'dmy' });
    dayFirst.values(['W1', '1', '14/03/1985'], WORKER_AT, 2);
    expect(dayFirst.result(input).records[0]?.startDate).toBe('1985-03-14');
    const monthFirst = createChecker('worker', { dateFormat: 'mdy' });
    monthFirst.values(['W1', '1', '03/14/1985'], WORKER_AT, 2);
    monthFirst.values(['W2', '1', '14/03/1985'], WORKER_AT, 3);
    const result = monthFirst.result(input);
    expect(result.records.map((r) => r.startDate)).toEqual(['1985-03-14']);
    expect(result.issues.map((i) => [i.row, i.code])).toEqual([[3, 'invalid_date']]);
  });
});
