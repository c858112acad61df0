import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { createTableShape } from '../../src/presets/table-shape.js';
import { InputError } from '../../src/records/issues.js';
import { readRecordsText } from '../../src/records/read-source.js';
import type { ValuesSink } from '../../src/records/stages.js';
import { badInputs } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

const files = badInputs('inputs');
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('every read result names its input (SPEC 13)', () => {
  it('gives file, the SHA-256 of the bytes read, the encoding and the four counts, for every format', async () => {
    const cases = [
      ['initial-assessment', fixturePath('records', 'messy-export.csv'), {}],
      ['referral', fixturePath('records', 'unreadable.ndjson'), {}],
      ['referral', fixturePath('presets', 'cin-census.xml'), {}],
      ['referral', fixturePath('presets', 'annex-a.xlsx'), { preset: 'annex-a' }],
    ] as const;
    for (const [kind, path, options] of cases) {
      const read = await readRecordsFile(kind, path, options);
      const { rowsRead, rowsAccepted, rowsRejected, rowsSkipped } = read.accounting;
      expect(read.input, path).toEqual({
        file: path,
        sha256: sha256(path),
        encoding: 'utf-8',
        rowsRead,
        rowsAccepted,
        rowsRejected,
        rowsSkipped,
      });
      expect(rowsRead, path).toBe(rowsAccepted + rowsRejected + rowsSkipped);
    }
  });

  it('reads in the encoding it is told, and says so', async () => {
    // "Zoë" as Excel's "CSV (Comma delimited)" writes it on a UK machine: ë is the one byte EB (Windows-1252).
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('id,childId,referralDate\nR1,Zo'),
      0xeb,
      ...new TextEncoder().encode(',2010-10-01\n'),
    ]);
    const path = files.write('windows-1252.csv', bytes);
    const read = await readRecordsFile('referral', path, { encoding: 'windows-1252' });
    expect(read.records[0]?.childId).toBe('Zoë');
    expect(read.input).toMatchObject({ encoding: 'windows-1252', sha256: sha256(path) });
  });
});

describe('dates that never enter working-day arithmetic (SPEC 13)', () => {
  it('reads a worker who started in 1984 (exit 0), and still refuses a referral in 1985', () => {
    // Before: "1984-09-03 is outside the dates the library reads, 1990-01-01 to 2100-12-31", the worker rejected.
    const workers = files.write(
      'workers.csv',
      'workerId,fte,role,startDate\nW1,1,social worker,03/09/1984\n',
    );
    const run = runBuiltCli(['validate', '--kind', 'worker', '--input', workers, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ accounting: { rowsAccepted: 1 }, issues: [] });
    const referrals = files.write('referrals.csv', 'id,childId,referralDate\nR1,C1,01/10/1985\n');
    const refused = runBuiltCli(['validate', '--kind', 'referral', '--input', referrals, '--format', 'json']);
    expect(JSON.parse(refused.stdout).issues).toEqual([
      expect.objectContaining({ code: 'out_of_range', row: 2, field: 'referralDate', value: '01/10/1985' }),
    ]);
  });
});

describe('issue severity (SPEC 7)', () => {
  // No code read today is a warning (the census work adds the first); a layout's own warning goes the same way.
  const layout = {
    label: 'referrals with a doubtful source',
    shape: (next: ValuesSink) =>
      createTableShape(
        {
          label: 'referrals',
          sheetNames: [],
          columns: [
            { field: 'id', headers: ['id'] },
            { field: 'childId', headers: ['childId'] },
            { field: 'referralDate', headers: ['referralDate'] },
            { field: 'source', headers: ['source'] },
          ],
          toRecords: (v) => ({
            records: [{ ...v }],
            issues:
              v.source === 'unknown'
                ? [
                    {
                      code: 'invalid_value',
                      severity: 'warning',
                      field: 'source',
                      value: 'unknown',
                      message: 'the source is not known',
                    },
                  ]
                : [],
          }),
        },
        'referral',
        next,
      ),
  };
  const text = 'id,childId,referralDate,source\nR1,C1,2010-10-01,unknown\nR2,C2,31/02/2011,school\n';

  it('keeps a row with a warning and counts it; rejects a row with an error', () => {
    const read = readRecordsText('referral', text, 'csv', layout);
    expect(read.records.map((r) => r.id)).toEqual(['R1']);
    expect(read.accounting).toEqual({
      rowsRead: 2,
      rowsAccepted: 1,
      rowsRejected: 1,
      rowsSkipped: 0,
      warningsByCode: { invalid_value: 1 },
    });
    expect(read.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, 'invalid_value', 'warning'],
      [3, 'invalid_date', 'error'],
    ]);
  });

  it("refuses on the error under strict true, and on the warning alone under strict 'warnings'", () => {
    expect(() => readRecordsText('referral', text, 'csv', layout, { strict: true })).toThrow(InputError);
    const warningOnly = text.split('\n').slice(0, 2).join('\n');
    expect(readRecordsText('referral', warningOnly, 'csv', layout, { strict: true }).records).toHaveLength(1);
    expect(() => readRecordsText('referral', warningOnly, 'csv', layout, { strict: 'warnings' })).toThrow(
      'input refused: 2: source "unknown": the source is not known [invalid_value, warning]',
    );
  });
});
