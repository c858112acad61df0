import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toleranceSettingWords } from '../../src/report/headline.js';
import { countOf } from '../../src/util/plural.js';
import { runBuiltCli } from '../helpers/cli.js';

// A count of one is written with the noun in the singular: `1 row read`, never `1 rows read`.

const dir = mkdtempSync(join(tmpdir(), 'csi-one-row-'));
const header = 'id,childId,referralDate,completedDate,team';

/** Writes a CSV of initial assessments with the given data lines under the header. */
function csv(name: string, ...lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${[header, ...lines].join('\n')}\n`);
  return path;
}

describe('counts of one in the CLI', () => {
  it('says "1 row read" of a one-row file whose row is rejected, on stderr and in the table', () => {
    // The one row's referral date, 31 February 2011, is not a date: rows read 1 = 0 accepted + 1 rejected + 0.
    const file = csv('rejected.csv', 'IA-1,C-1,31/02/2011,,North');
    const run = runBuiltCli(['compute', 'NI59', '--input', file, '--period', 'FY2010', '--format', 'table']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `${file}: 1 row read = 0 accepted + 1 rejected (left out of every figure) + 0 skipped\n`,
    );
    expect(run.stdout).toContain(`${file}: 1 row read = 0 accepted + 1 rejected + 0 skipped (utf-8, sha256 `);
    expect(run.stdout).toContain('Rejected    1 row with issues (listed on stderr)');
    expect(run.stdout + run.stderr).not.toContain('1 rows');
  });

  it('says "1 record read" under a breakdown of a one-row file', () => {
    // Referred Friday 1 October 2010, completed Tuesday 5 October: 2 working days after, within 7, so North is 1 of 1.
    const file = csv('accepted.csv', 'IA-1,C-1,01/10/2010,2010-10-05,North');
    const run = runBuiltCli([
      'compute',
      'NI59',
      '--input',
      file,
      '--period',
      'FY2010',
      '--by',
      'team',
      '--format',
      'table',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/; 1 record read\n/);
    expect(run.stdout).toContain(`Input: ${file}: 1 row read = 1 accepted + 0 rejected + 0 skipped (utf-8`);
    expect(run.stdout).not.toContain('1 rows');
    expect(run.stdout).not.toContain('1 records');
  });
});

describe('countOf', () => {
  it('writes the noun in the singular for exactly one, else in the plural', () => {
    expect([countOf(0, 'row'), countOf(1, 'row'), countOf(2, 'row'), countOf(1.5, 'point')]).toEqual([
      '0 rows',
      '1 row',
      '2 rows',
      '1.5 points',
    ]);
    expect(countOf(12000, 'issue', '12,000')).toBe('12,000 issues');
    expect(countOf(1, 'issue', '1')).toBe('1 issue');
  });

  it('words a tolerance of one point in the singular', () => {
    expect(toleranceSettingWords(1)).toBe('1 point (cases per FTE for a caseload)');
    expect(toleranceSettingWords(2)).toBe('2 points (cases per FTE for a caseload)');
  });
});
