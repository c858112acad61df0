import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { parseCsvText } from '../../src/records/parse-records.js';
import { badInputs } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';

const files = badInputs('cell-cap');
const runaway = 'x'.repeat(1_200_000);
// Four initial assessments, all referred on Friday 1 October 2010. IA2's team cell (line 3) runs to 1,200,000
// characters, past the cap of 1,000,000. The other three: IA1 and IA3 completed on Tuesday 5 October (2 working
// days, on time), IA4 on Monday 25 October (16 working days, late).
const text = [
  'id,childId,referralDate,completedDate,team',
  'IA1,C1,01/10/2010,05/10/2010,North',
  `IA2,C2,01/10/2010,20/10/2010,${runaway}`,
  'IA3,C3,01/10/2010,05/10/2010,South',
  'IA4,C4,01/10/2010,25/10/2010,West',
  '',
].join('\n');
const path = files.write('runaway-cell.csv', text);

describe('the cell cap (SPEC 13)', () => {
  it('makes a cell over 1,000,000 characters an issue on its row only, the stream and the text agreeing', async () => {
    // Before: csv-parse stopped at its cap, skipped, and went on in the middle of the cell: 26 "rows" from a
    // 4-row file, valid rows after it rejected, and the stream and the text disagreeing.
    const streamed = await readRecordsFile('initial-assessment', path);
    const whole = parseCsvText('initial-assessment', text, { file: path });
    expect(streamed.records.map((r) => r.id)).toEqual(['IA1', 'IA3', 'IA4']);
    expect(streamed.rows).toEqual([2, 4, 5]);
    expect(streamed.issues).toEqual([
      {
        code: 'unreadable',
        severity: 'error',
        row: 3,
        field: 'team',
        value: `${'x'.repeat(200)}…`,
        message:
          'the cell in column 5 runs past 1,000,000 characters, more than any value of a record: the row is left out and reading goes on at the next row (a runaway cell, or a quote never closed?)',
        file: path,
      },
    ]);
    expect(streamed.accounting).toEqual({
      rowsRead: 4,
      rowsAccepted: 3,
      rowsRejected: 1,
      rowsSkipped: 0,
      warningsByCode: {},
    });
    expect({ ...whole, input: undefined }).toEqual({ ...streamed, input: undefined });
  });

  it('ends a runaway quoted value where its quote closes, and reads the next line as a row', () => {
    // The quoted note opens on line 3, runs over two line breaks and past the cap, and closes on line 5: the row
    // is lines 3 to 5, and line 6 is IA3, whole.
    const quoted = `id,childId,referralDate,team\nIA1,C1,01/10/2010,North\nIA2,C2,01/10/2010,"${runaway}\n${runaway}\nend"\nIA3,C3,01/10/2010,South\n`;
    const result = parseCsvText('initial-assessment', quoted);
    expect(result.rows).toEqual([2, 6]);
    expect(result.issues.map((i) => [i.code, i.row, i.field])).toEqual([['unreadable', 3, 'team']]);
    expect(result.accounting).toMatchObject({ rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 });
  });

  it('through the CLI: NI59 counts the other rows, and the issue names file, row, field and value (exit 0)', () => {
    const run = runBuiltCli(['compute', 'NI59', '--input', path, '--period', '2010-10', '--format', 'json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    // IA1 and IA3 on time, IA4 late: 2 of 3; IA2 rejected.
    expect([result.numerator, result.denominator, result.counts.rowsRejected]).toEqual([2, 3, 1]);
    expect(run.stderr).toContain(
      `${path}:3: team "${'x'.repeat(200)}…": the cell in column 5 runs past 1,000,000 characters`,
    );
    expect(run.stderr).toContain(`${path}: 4 rows read = 3 accepted + 1 rejected`);
  });
});
