import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { parseJsonText } from '../../src/records/parse-records.js';
import { badInputs, runBuiltCliLarge } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';

const files = badInputs('size-depth');
const header = 'id,childId,referralDate,completedDate';

// 130,000 rows whose referral date is 31/02/2011 (no such day), then one good row.
const BAD_ROWS = 130_000;
const badRows = files.write(
  'bad-rows.csv',
  `${header}\n${Array.from({ length: BAD_ROWS }, (_, i) => `IA${i},C${i},31/02/2011,2011-03-10`).join('\n')}\nGOOD,C,01/10/2010,05/10/2010\n`,
);
// One item whose id is nested 100,000 arrays deep, then one good item.
const DEPTH = 100_000;
const deepText = `[{"id": ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}, "childId": "C1", "referralDate": "2010-10-01"}, {"id": "IA2", "childId": "C2", "referralDate": "2010-10-01", "completedDate": "2010-10-05"}]`;
const deep = files.write('deep.json', deepText);
// An NDJSON line of 3,000,000 characters between two good lines.
const longLine = files.write(
  'long-line.ndjson',
  `{"id":"IA1","childId":"C1","referralDate":"2010-10-01","completedDate":"2010-10-05"}\n{"id":"${'x'.repeat(3_000_000)}"}\n{"id":"IA3","childId":"C3","referralDate":"2010-10-01","completedDate":"2010-10-05"}\n`,
);

describe('no stack overflow from size or depth (SPEC 13)', () => {
  it('reads 130,000 bad rows to 130,000 issues', async () => {
    const read = await readRecordsFile('initial-assessment', badRows);
    expect(read.issues).toHaveLength(BAD_ROWS);
    expect(read.issues[BAD_ROWS - 1]).toMatchObject({
      code: 'invalid_date',
      row: BAD_ROWS + 1,
      field: 'referralDate',
    });
    expect(read.accounting).toMatchObject({
      rowsRead: BAD_ROWS + 1,
      rowsAccepted: 1,
      rowsRejected: BAD_ROWS,
    });
  });

  it('reads an item nested 100,000 deep to an issue that describes the value rather than writing it', () => {
    const read = parseJsonText('initial-assessment', deepText, { file: 'deep.json' });
    expect(read.records.map((r) => r.id)).toEqual(['IA2']);
    expect(read.issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        row: 1,
        field: 'id',
        // The value as JSON, written without recursion and cut after 1,000 characters; the message cuts it at 100.
        value: `${'['.repeat(1000)}…`,
        message: `${'['.repeat(100)}… is not text: expected a string`,
        file: 'deep.json',
      },
    ]);
  });

  it('makes an NDJSON line over 1,000,000 characters an issue on that line, reading on', async () => {
    // Before: readline held the whole line, and a line of about 512 MB ended the process beyond any catch.
    const read = await readRecordsFile('initial-assessment', longLine);
    expect(read.rows).toEqual([1, 3]);
    expect(read.issues).toMatchObject([
      {
        code: 'unreadable',
        row: 2,
        value: `{"id":"${'x'.repeat(193)}…`,
        message:
          'the line runs past 1,000,000 characters, more than any record: it is left out and reading goes on at the next line',
      },
    ]);
  });

  it('through the CLI: each ends with its figure and its issues, exit 0, no stack trace', () => {
    const many = runBuiltCliLarge([
      'compute',
      'NI59',
      '--input',
      badRows,
      '--period',
      '2010-10',
      '--format',
      'json',
    ]);
    expect(many.code).toBe(0);
    // The good row: referred Friday 1 October, completed Tuesday 5 October, 2 working days: 1 of 1.
    expect(JSON.parse(many.stdout)).toMatchObject({
      numerator: 1,
      denominator: 1,
      counts: { rowsRejected: BAD_ROWS },
    });
    expect(many.stderr).toContain(
      `${badRows}: ${BAD_ROWS + 1} rows read = 1 accepted + ${BAD_ROWS} rejected`,
    );
    for (const path of [deep, longLine]) {
      const run = runBuiltCli([
        'compute',
        'NI59',
        '--input',
        path,
        '--period',
        '2010-10',
        '--format',
        'json',
      ]);
      expect(run.code, path).toBe(0);
      expect(run.stderr, path).not.toMatch(/\n\s+at |Maximum call stack/);
    }
  });
});
