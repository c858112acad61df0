import { describe, expect, it } from 'vitest';
import { auditCsv, auditLines } from '../../src/cli/commands/compute.js';
import { computeIndicator } from '../../src/indicators/index.js';
import type { InputIssue } from '../../src/records/issues.js';

// Three initial assessments on rows 2, 4 and 6 of an input whose rows 3 (rejected: two issues) and 5 (skipped) are
// not records. NI59 over FY2010, after-start: IA1 referred Thursday 2010-04-01, completed Friday 2010-04-09 (the
// 2nd to the 9th less Good Friday the 2nd, the weekend and Easter Monday the 5th: 4 working days) is counted; IA2
// completed 2010-04-30 (19 working days: April 2010 has 21 weekdays after the 1st, less Good Friday and Easter
// Monday) is not; IA3, completed in 2009, is not in the period.
const records = [
  { id: 'IA1', childId: 'C1', referralDate: '2010-04-01', completedDate: '2010-04-09' },
  { id: 'IA2', childId: 'C2', referralDate: '2010-04-01', completedDate: '2010-04-30' },
  { id: 'IA3', childId: 'C3', referralDate: '2009-06-01', completedDate: '2009-06-05' },
];
const issue = (row: number, field: string): InputIssue =>
  ({ code: 'invalid_date', severity: 'error', row, field, value: 'x', message: 'm' }) as InputIssue;

function result() {
  const computed = computeIndicator('NI59', records, 'FY2010', { outcomes: true } as never);
  const rows = [2, 4, 6];
  return {
    ...computed,
    outcomes: (computed.outcomes ?? []).map((o, i) => ({ ...o, row: rows[i] as number })),
  };
}

describe('auditLines', () => {
  it('merges rejected and skipped rows into the outcomes in row order, one line per row', () => {
    const lines = [
      ...auditLines(result(), {
        issues: [issue(3, 'referralDate'), issue(3, 'completedDate'), issue(0, 'file')],
        skipped: [{ row: 5, reason: 'a blank row' }],
      }),
    ];
    // The header, then rows 2 to 6; the file-level issue (row 0) rejects no row of its own.
    expect(lines).toHaveLength(6);
    expect(lines.every((line) => line.endsWith('\n'))).toBe(true);
    expect(lines.slice(1).map((line) => line.split(',').slice(1, 7))).toEqual([
      ['IA1', '2', 'counted', 'true', 'true', ''],
      ['', '3', 'rejected', 'false', 'false', 'invalid_date referralDate; invalid_date completedDate'],
      ['IA2', '4', 'not-counted', 'true', 'false', 'over 7 working days'],
      ['', '5', 'skipped', 'false', 'false', 'a blank row'],
      ['IA3', '6', 'not-in-period', 'false', 'false', ''],
    ]);
    // The days column: 4 working days for IA1, 19 for IA2.
    expect([lines[1], lines[3]].map((line) => line?.split(',')[9])).toEqual(['4', '19']);
  });

  it('puts outcomes that come out of row order back in it, as auditCsv did by sorting', () => {
    const inOrder = result();
    const reversed = { ...inOrder, outcomes: [...(inOrder.outcomes ?? [])].reverse() };
    const rows = { issues: [issue(3, 'referralDate')], skipped: [{ row: 5, reason: 'a blank row' }] };
    const text = auditCsv(reversed, rows);
    expect(text).toBe(auditCsv(inOrder, rows));
    expect(
      text
        .split('\n')
        .slice(1, 6)
        .map((line) => line.split(',')[2]),
    ).toEqual(['2', '3', '4', '5', '6']);
  });
});
