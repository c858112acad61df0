import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditCsv, auditLines, createAuditWriter } from '../../src/cli/commands/compute.js';
import { computeIndicator, type RecordOutcome } from '../../src/indicators/index.js';
import type { InputIssue } from '../../src/records/issues.js';
import { runBuiltCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

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

describe('createAuditWriter', () => {
  it('writes, from outcomes handed over as the indicator makes them, the text auditCsv makes from kept outcomes', () => {
    // The records of the top of this file on rows 2, 4 and 6; rows 3 and 7 rejected, 5 and 8 skipped, so that
    // other rows come before, between and after the records'.
    const rows = {
      issues: [issue(3, 'referralDate'), issue(7, 'completedDate'), issue(7, 'referralDate')],
      skipped: [
        { row: 5, reason: 'a blank row' },
        { row: 8, reason: 'a blank row' },
      ],
    };
    const options = { rows: [2, 4, 6] };
    const kept = computeIndicator('NI59', records, 'FY2010', { ...options, outcomes: true } as never);
    let text = '';
    const writer = createAuditWriter(kept, rows, (line) => {
      text += line;
    });
    computeIndicator('NI59', records, 'FY2010', { ...options, onOutcome: writer.outcome } as never);
    writer.end();
    expect(text).toBe(auditCsv(kept, rows));
    // The header and rows 2 to 8, each once.
    expect(
      text
        .split('\n')
        .slice(1, -1)
        .map((line) => line.split(',')[2]),
    ).toEqual(['2', '3', '4', '5', '6', '7', '8']);
  });

  it('refuses an outcome whose row comes before one already written (a caller out of order is a bug)', () => {
    const outcomes = result().outcomes;
    const writer = createAuditWriter(result(), { issues: [] }, () => undefined);
    writer.outcome(outcomes[1] as RecordOutcome);
    expect(() => writer.outcome(outcomes[0] as RecordOutcome)).toThrow(
      'audit: the outcome of row 2 came after row 4; outcomes must come in row order',
    );
  });
});

describe('cs-indicators compute --audit', () => {
  // test/fixtures/audit/annex-a-list5.csv: an Annex A List 5 export made for this test, its rows interleaving
  // conferences (2, 6, 8, 10), rejected rows (4: 31/02/2010; 7: "maybe" for the yes/no column) and skipped enquiries
  // (3 and 9: a conference deemed unnecessary; 5: no conference date). The golden beside it,
  // annex-a-list5.cpc15-audit.csv, is the audit the CLI wrote before it streamed the audit (it kept every outcome,
  // then wrote them in row order): the streamed file must be the same, byte for byte. Since then, a rejected row
  // whose id was made has it (row 4: C3@31/02/2010, its child and its date as written); row 7, rejected before its
  // id was made, has none.
  const input = 'test/fixtures/audit/annex-a-list5.csv';
  const golden = readFileSync(fixturePath('audit', 'annex-a-list5.cpc15-audit.csv'), 'utf8');
  const args = ['compute', 'CPC15', '--preset', 'annex-a', '--input', input, '--period', '2010-10..2010-12'];

  it('writes the audit as the outcomes are made, byte for byte as before, with rejected and skipped rows in place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-audit-stream-'));
    const audit = join(dir, 'audit.csv');
    const run = runBuiltCli([...args, '--audit', audit]);
    expect(run.code).toBe(0);
    expect(readFileSync(audit, 'utf8')).toBe(golden);
    // 9 rows read: a header and 9 lines. C1 (1 Oct to 15 Oct, 10 working days), C7 and C9 on time; C5 (1 Nov to
    // 30 Nov, 21 working days) late: 3 of 4.
    expect(golden.trimEnd().split('\n')).toHaveLength(10);
    expect(JSON.parse(run.stdout)).toMatchObject({ numerator: 3, denominator: 4 });
    // Only the audit is left in the folder: the temporary file it was written to was renamed onto it.
    expect(readdirSync(dir)).toEqual(['audit.csv']);
  });

  it('writes the same audit to standard output, and beside a breakdown by team', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-audit-stream-'));
    const toStdout = runBuiltCli([...args, '--audit', '-', '--out', join(dir, 'result.json')]);
    expect(toStdout.code).toBe(0);
    expect(toStdout.stdout).toBe(golden);
    const audit = join(dir, 'audit.csv');
    const byTeam = runBuiltCli([...args, '--by', 'team', '--audit', audit]);
    expect(byTeam.code).toBe(0);
    expect(readFileSync(audit, 'utf8')).toBe(golden);
    // East: C1 on time; West: C5 late; none: C7 and C9 on time.
    expect(
      JSON.parse(byTeam.stdout).groups.map((g: { group: string; numerator: number; denominator: number }) => [
        g.group,
        g.numerator,
        g.denominator,
      ]),
    ).toEqual([
      ['East', 1, 1],
      ['West', 0, 1],
      ['(none)', 2, 2],
    ]);
  });
});
