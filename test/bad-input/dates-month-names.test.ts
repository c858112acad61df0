// SPEC 13 "Spellings real exports use": dates with English month names are read; a two-digit year stays
// ambiguous_date and an impossible day invalid_date, each rejecting only its row.
import { describe, expect, it } from 'vitest';
import { parseCsvText, parseJsonText } from '../../src/records/parse-records.js';

describe('parseCsvText with month-name dates', () => {
  it('reads the dates case systems export, and rejects a two-digit year and an impossible day', () => {
    const csv = [
      'id,childId,referralDate,completedDate',
      'IA-1,C-1,01-Oct-2010,08-OCT-2010', // 1 to 8 October 2010
      'IA-2,C-2,1 Oct 2010,12 October 2010', // 1 to 12 October 2010
      'IA-3,C-3,4 Oct 2010 09:30,1-october-2010', // completed 1 October, before the 4th: end_before_start
      'IA-4,C-4,30 Sept 2010,', // open
      'IA-5,C-5,01-Oct-10,', // two-digit year
      'IA-6,C-6,31-Feb-2011,', // February 2011 has 28 days
    ].join('\r\n');
    const read = parseCsvText('initial-assessment', csv, { file: 'ia.csv' });
    expect(read.records).toEqual([
      { id: 'IA-1', childId: 'C-1', referralDate: '2010-10-01', completedDate: '2010-10-08' },
      { id: 'IA-2', childId: 'C-2', referralDate: '2010-10-01', completedDate: '2010-10-12' },
      { id: 'IA-4', childId: 'C-4', referralDate: '2010-09-30' },
    ]);
    expect(read.issues.map((issue) => [issue.row, issue.code, issue.field, issue.value])).toEqual([
      [4, 'end_before_start', 'completedDate', '1-october-2010'],
      [6, 'ambiguous_date', 'referralDate', '01-Oct-10'],
      [7, 'invalid_date', 'referralDate', '31-Feb-2011'],
    ]);
    expect(read.issues[1]?.message).toBe(
      '"01-Oct-10" has a two-digit year, which does not say its century: write the year in full, expected YYYY-MM-DD or DD/MM/YYYY',
    );
    expect(read.issues[2]?.message).toBe('"31-Feb-2011" is not a real date: February 2011 has 28 days');
    // Six rows: three accepted, three rejected.
    expect(read.accounting).toEqual({
      rowsRead: 6,
      rowsAccepted: 3,
      rowsRejected: 3,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });
});

describe('parseJsonText with a date nested 100,000 deep', () => {
  it('rejects the row with a short message, without a stack overflow', () => {
    const deep = `${'['.repeat(100_000)}"2010-10-01"${']'.repeat(100_000)}`;
    const read = parseJsonText('referral', `[{"id":"R-1","childId":"C-1","referralDate":${deep}}]`);
    expect(read.issues).toHaveLength(1);
    expect(read.issues[0]).toMatchObject({ code: 'invalid_date', row: 1, field: 'referralDate' });
    // 100 characters of it in the message; the issue's value keeps 1,000.
    expect(read.issues[0]?.message).toBe(
      `${'['.repeat(100)}… is not a date: expected YYYY-MM-DD or DD/MM/YYYY`,
    );
    expect(read.issues[0]?.value).toBe(`${'['.repeat(1000)}…`);
    expect(read.accounting).toEqual({
      rowsRead: 1,
      rowsAccepted: 0,
      rowsRejected: 1,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });
});
