import { describe, expect, it } from 'vitest';
import { presetLayout, readRecordsSource } from '../../src/index.js';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { badInputs } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';

const files = badInputs('json-keys');
// R2 writes referralDate twice: 2010-05-01, then 2011-01-05. JSON.parse keeps the last, so R2 was read as a referral
// of 2011-01-05, within a year of R1's (2010-06-01) for the same child: REPEAT_REFERRALS was 1 of 2, a figure no one
// wrote, with exit 0. Now the line is rejected (duplicate_column) and named, leaving R1 alone: 0 of 1.
const lines =
  '{"id":"R1","childId":"C1","referralDate":"2010-06-01"}\n' +
  '{"id":"R2","childId":"C1","referralDate":"2010-05-01","referralDate":"2011-01-05"}\n';
const ndjson = files.write('referrals.ndjson', lines);
const message = 'the item gives "referralDate" twice (JSON keeps only the last value): keep one';

describe('a JSON item that writes one key twice', () => {
  it('rejects the row (duplicate_column), naming its field and the key', async () => {
    const read = await readRecordsFile('referral', ndjson);
    expect(read.records).toEqual([{ id: 'R1', childId: 'C1', referralDate: '2010-06-01' }]);
    expect(read.issues).toEqual([
      {
        code: 'duplicate_column',
        severity: 'error',
        row: 2,
        field: 'referralDate',
        value: 'referralDate',
        message,
        file: ndjson,
      },
    ]);
    expect(read.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1, rowsSkipped: 0 });
  });

  it('through the CLI: the row left out of the figure and named on stderr (exit 0); refused under --strict (exit 1)', () => {
    const args = ['compute', 'REPEAT_REFERRALS', '--period', 'FY2010', '--input', ndjson];
    const issueLine = `${ndjson}:2: referralDate "referralDate": ${message} [duplicate_column]`;
    const run = runBuiltCli(args);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect([result.numerator, result.denominator, result.counts.rowsRejected]).toEqual([0, 1, 1]);
    expect(run.stderr).toBe(
      `${issueLine}\n${ndjson}: 2 rows read = 1 accepted + 1 rejected (left out of every figure) + 0 skipped\n`,
    );
    const strict = runBuiltCli([...args, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toBe(
      `cs-indicators compute: ${ndjson}: input refused (1 issue, --strict)\n  ${issueLine}\n`,
    );
  });

  it('in a preset layout too (a library caller reading NDJSON by the columns of Annex A List 3)', async () => {
    // The CLI and inputLayout give presets no JSON, but presetLayout and readRecordsSource take any format. Line 2
    // writes "Date of Referral" twice (1 May 2010, then 5 January 2011): the same rejection, by the preset's field,
    // naming the key as written, where the preset's shape kept the last date and made a referral of 2011-01-05.
    const text =
      '{"Child Unique ID":"C1","Date of Referral":"01/06/2010"}\n' +
      '{"Child Unique ID":"C1","Date of Referral":"01/05/2010","Date of Referral":"05/01/2011"}\n';
    const source = {
      name: 'list3.ndjson',
      chunks: async function* () {
        yield new TextEncoder().encode(text);
      },
    };
    const read = await readRecordsSource('referral', source, 'ndjson', presetLayout('annex-a', 'referral'));
    expect(read.records).toEqual([{ id: 'C1@2010-06-01', childId: 'C1', referralDate: '2010-06-01' }]);
    expect(read.issues).toEqual([
      {
        code: 'duplicate_column',
        severity: 'error',
        row: 2,
        field: 'referralDate',
        value: 'Date of Referral',
        message: 'the item gives "Date of Referral" twice (JSON keeps only the last value): keep one',
        file: 'list3.ndjson',
      },
    ]);
    expect(read.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1, rowsSkipped: 0 });
  });
});
