import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { runBuiltCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

// Four initial assessments referred on Friday 1 October 2010. The quote after "IA2," on line 3 is a stray: it
// closes only after "IA4,C4" on line 5. Read as one row, IA2 took IA4's completion (Tuesday 5 October, 2 working
// days, on time) and IA3 vanished: NI59 said 100% (2 of 2) with nothing rejected. The truth is 50% (2 of 4): IA1
// and IA4 on time, IA2 (20 October, 13 working days) and IA3 (25 October, 16) late.
const path = fixturePath('records', 'suspicious-line-break.csv');

describe('suspicious_line_break (SPEC 13)', () => {
  it('rejects the row whose quoted value swallows a record, naming the lines', async () => {
    const read = await readRecordsFile('initial-assessment', path);
    expect(read.records.map((r) => r.id)).toEqual(['IA1']);
    expect(read.issues).toMatchObject([
      {
        code: 'suspicious_line_break',
        severity: 'error',
        row: 3,
        field: 'childId',
        value: 'C2,01/10/2010,20/10/2010\nIA3,C3,01/10/2010,25/10/2010\nIA4,C4',
        file: path,
      },
    ]);
    expect(read.issues[0]?.message).toMatch(
      /^the quoted value in column 2 opens on line 3 and closes on line 5, swallowing line 4,/,
    );
    expect(read.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
  });

  it('through the CLI: no silent 100% (2 of 2); the figure says a row was rejected and why (exit 0), --strict refuses (exit 1)', () => {
    const args = ['compute', 'NI59', '--input', path, '--period', '2010-10', '--format', 'json'];
    const run = runBuiltCli(args);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect([result.numerator, result.denominator, result.counts.rowsRejected]).toEqual([1, 1, 1]);
    expect(run.stderr).toContain(
      `${path}:3: childId "C2,01/10/2010,20/10/2010\\nIA3,C3,01/10/2010,25/10/2010\\nIA4,C4": the quoted value in column 2 opens on line 3 and closes on line 5, swallowing line 4`,
    );
    expect(run.stderr).toContain('[suspicious_line_break]');

    const strict = runBuiltCli([...args, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toMatch(
      new RegExp(
        `^cs-indicators compute: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: input refused \\(1 issue, --strict\\)\\n`,
      ),
    );
  });
});
