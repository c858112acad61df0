import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../src/workbook/write-workbook.js';
import { runBuiltCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

// `compute` of NI59, NI60 or CAF2W with a --period keeps its records as the day numbers of their two dates (and the
// team or worker of a breakdown: `indicators/from-days.ts`); with CSI_KEEP_RECORDS=1 it keeps every record as an
// object, as it always did. The two runs of each case below must print the same result and say the same on stderr,
// and write the same audit file: the run keeping records is the reference.
const dir = mkdtempSync(join(tmpdir(), 'csi-days-'));

/** One run of `compute` as it is, and one keeping every record: the exit code, the output and stderr of each. */
function bothWays(args: readonly string[]) {
  const plain = runBuiltCli(['compute', ...args]);
  const audit = runBuiltCli(['compute', ...args], { env: { CSI_KEEP_RECORDS: '1' } });
  return { plain, audit };
}

/** The audit file of a run as it is (streamed) and of one keeping every record, with the two runs. */
function bothAudits(args: readonly string[]) {
  const streamed = join(dir, 'streamed.csv');
  const kept = join(dir, 'kept.csv');
  const plain = runBuiltCli(['compute', ...args, '--audit', streamed]);
  const audit = runBuiltCli(['compute', ...args, '--audit', kept], { env: { CSI_KEEP_RECORDS: '1' } });
  return { plain, audit, streamed: readFileSync(streamed, 'utf8'), kept: readFileSync(kept, 'utf8') };
}

/** A workbook of initial assessments with the rows given, dates as date cells, written to the temporary folder. */
async function workbookFile(name: string, rows: readonly (readonly unknown[])[]): Promise<string> {
  const bytes = await writeWorkbook([
    {
      name: 'Initial assessments',
      rows: [['id', 'childId', 'referralDate', 'completedDate', 'team'], ...rows] as never,
    },
  ]);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('cs-indicators compute, its records kept as days', () => {
  const ia = fixturePath('compute', 'initial-assessments.csv');
  const cases: [string, string[]][] = [
    // The hand-worked NI59 file: 3 of 4 from October to March, IA-11 rejected (31/02/2011).
    ['NI59 with a rejected row', ['NI59', '--input', ia, '--period', '2010-10..2011-03']],
    [
      'NI59 under wt2010, inclusive, in a table',
      [
        'NI59',
        '--input',
        ia,
        '--period',
        'FY2010',
        '--rules',
        'wt2010',
        '--convention',
        'inclusive',
        '--format',
        'table',
      ],
    ],
    [
      'NI59 with --timescale 9, as CSV',
      ['NI59', '--input', ia, '--period', 'FY2010', '--timescale', '9', '--format', 'csv'],
    ],
    [
      'NI59 from US dates under a column map',
      [
        'NI59',
        '--input',
        fixturePath('compute', 'initial-assessments-us.csv'),
        '--map',
        fixturePath('compute', 'us-map.json'),
        '--date-format',
        'mdy',
        '--period',
        '2010-10..2011-03',
      ],
    ],
    // The same file read as UK dates: most rows rejected (no 23rd month), the rest counted.
    [
      'NI59 from US dates read as UK ones',
      [
        'NI59',
        '--input',
        fixturePath('compute', 'initial-assessments-us.csv'),
        '--map',
        fixturePath('compute', 'us-map.json'),
        '--period',
        'FY2010',
      ],
    ],
    [
      'NI60 over the example year',
      ['NI60', '--input', 'examples/data/core-assessments.csv', '--period', 'FY2010'],
    ],
    // Breakdowns: by team and by worker from the days and each record's team or worker; by month from the days.
    ['NI59 by team', ['NI59', '--input', ia, '--period', 'FY2010', '--by', 'team']],
    [
      'NI59 by worker, in a table',
      [
        'NI59',
        '--input',
        'examples/data/initial-assessments.csv',
        '--period',
        'FY2010',
        '--by',
        'worker',
        '--format',
        'table',
      ],
    ],
    [
      'NI60 by month, as CSV',
      [
        'NI60',
        '--input',
        'examples/data/core-assessments.csv',
        '--period',
        'FY2010',
        '--by',
        'month',
        '--format',
        'csv',
      ],
    ],
    [
      'NI60 by team',
      [
        'NI60',
        '--input',
        'examples/data/core-assessments.csv',
        '--period',
        '2010-10..2011-03',
        '--by',
        'team',
      ],
    ],
    // A CAF has no team: by team, from its records (every one in the (none) group).
    ['CAF2W by team', ['CAF2W', '--input', 'examples/data/cafs.csv', '--period', 'FY2010', '--by', 'team']],
    [
      'CAF2W in working days over the example year',
      ['CAF2W', '--input', 'examples/data/cafs.csv', '--period', 'FY2010', '--days', 'working'],
    ],
  ];
  for (const [name, args] of cases) {
    it(`prints what the records give: ${name}`, () => {
      const { plain, audit } = bothWays(args);
      expect(plain.code).toBe(0);
      expect(plain.stdout).toBe(audit.stdout);
      expect(plain.stderr).toBe(audit.stderr);
      expect(plain.stdout.length).toBeGreaterThan(100);
    });
  }

  for (const [name, args] of cases.filter(([, a]) => !a.includes('--by'))) {
    it(`writes the audit the records give, the file read again record by record: ${name}`, () => {
      // The figure is counted from the days; the audit reads the file again, the records of the rows accepted
      // handed on one at a time. Every line (rejected rows in their place) must be the kept records' audit's.
      const { plain, audit, streamed, kept } = bothAudits(args);
      expect(plain.code).toBe(0);
      expect(plain.stdout).toBe(audit.stdout);
      expect(plain.stderr).toBe(audit.stderr);
      expect(streamed).toBe(kept);
      expect(streamed.split('\n').length).toBeGreaterThan(5);
    });
  }

  it('writes an audit to standard output as the records do, reading the file once', () => {
    // `--audit -` writes its lines as they are made: it keeps the records (a second read could find the file
    // changed after lines had gone out), so it is the reference's own way; the two must still agree.
    const out = join(dir, 'result.json');
    const { plain, audit } = bothWays([
      'NI59',
      '--input',
      ia,
      '--period',
      'FY2010',
      '--audit',
      '-',
      '--out',
      out,
    ]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(audit.stdout);
    expect(plain.stdout.split('\n')[0]).toMatch(/^indicator,id,row,bucket,/);
  });

  it('refuses under --strict as the records do, naming the row', () => {
    const args = ['NI59', '--input', ia, '--period', 'FY2010', '--strict'];
    const { plain, audit } = bothWays(args);
    expect(plain.code).toBe(1);
    expect(audit.code).toBe(1);
    expect(plain.stderr).toBe(audit.stderr);
    expect(plain.stderr).toContain('referralDate "31/02/2011"');
  });

  it('prints what the records give for a workbook, its repeated id left out', async () => {
    // IA-1: referred Fri 2010-10-01, completed Tue 2010-10-12: 7 working days, counted. IA-2: 2010-10-04 to
    // 2010-10-20, 12 working days, not counted. IA-1 again (row 4): a duplicate_id, rejected. IA-3: not completed.
    // So 1 of 2 in October 2010, one row rejected.
    const path = await workbookFile('ia.xlsx', [
      ['IA-1', 'C-1', { date: '2010-10-01' }, { date: '2010-10-12' }, 'North'],
      ['IA-2', 'C-2', { date: '2010-10-04' }, { date: '2010-10-20' }, 'East'],
      ['IA-1', 'C-3', { date: '2010-10-05' }, { date: '2010-10-06' }, 'East'],
      ['IA-3', 'C-4', { date: '2010-10-05' }, null, 'East'],
    ]);
    const { plain, audit, streamed, kept } = bothAudits(['NI59', '--input', path, '--period', '2010-10']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(audit.stdout);
    expect(plain.stderr).toBe(audit.stderr);
    const result = JSON.parse(plain.stdout);
    expect([result.numerator, result.denominator, result.counts.rowsRejected]).toEqual([1, 2, 1]);
    expect(plain.stderr).toContain('is already used by row 2');
    // The audit: IA-1 counted (row 2), IA-2 not counted (row 3), row 4 rejected as a repeat, IA-3 excluded.
    expect(streamed).toBe(kept);
    expect(streamed).toContain('IA-2');
    // The repeat is named by the id it repeats.
    expect(streamed).toMatch(/^NI59,IA-1,4,rejected,/m);
  });

  it('orders groups the collation holds equal as the records do, a value first met on a rejected row', () => {
    // English collation ignores ASCII control characters: 'Ea\x7fst' and 'East' compare equal, and the sort kept
    // them in the order the groups were first met. The days number a team the CSV lane meets in place as it reads
    // the row, before the row's end is found before its start (row 2, rejected): 'Ea\x7fst' was met before 'East';
    // the records meet 'East' first (row 3, the first accepted). The two orders differed, exit 0 both ways. The
    // order is now of the names alone (code units when the collation ties), whatever was met first.
    const path = join(dir, 'ignorable.csv');
    writeFileSync(
      path,
      'id,childId,referralDate,completedDate,team,workerId\n' +
        'IA1,C1,2010-10-10,2010-10-01,Ea\x7fst,W\x7f1\n' +
        'IA2,C2,2010-10-01,2010-10-05,East,W1\n' +
        'IA3,C3,2010-10-01,2010-10-25,Ea\x7fst,W\x7f1\n',
    );
    for (const by of ['team', 'worker']) {
      const { plain, audit } = bothWays(['NI59', '--input', path, '--period', 'FY2010', '--by', by]);
      expect(plain.code).toBe(0);
      expect(plain.stdout).toBe(audit.stdout);
      expect(plain.stderr).toBe(audit.stderr);
      // 'East' < 'Ea\x7fst' by code units ('s' 0x73 < DEL 0x7f): East (1 of 1) first, then the other (0 of 1).
      const groups = JSON.parse(plain.stdout).groups as { group: string; numerator: number }[];
      expect(groups.map((g) => [g.group, g.numerator])).toEqual([
        [by === 'team' ? 'East' : 'W1', 1],
        [by === 'team' ? 'Ea\x7fst' : 'W\x7f1', 0],
      ]);
    }
  });
});

describe('cs-indicators report, its records kept as days where they can be', () => {
  it('writes the report the records give, in every format', () => {
    // The example monthly return: NI59's initial assessments and NI60's core assessments are read as days, the
    // other six files as records. With CSI_KEEP_RECORDS=1 every file is read as records.
    for (const format of ['json', 'md', 'csv', 'html']) {
      const args = ['report', '--config', 'examples/report.config.json', '--format', format];
      const plain = runBuiltCli(args);
      const kept = runBuiltCli(args, { env: { CSI_KEEP_RECORDS: '1' } });
      expect(plain.code).toBe(0);
      expect(plain.stdout).toBe(kept.stdout);
      expect(plain.stderr).toBe(kept.stderr);
      expect(plain.stdout).toContain('NI59');
    }
  });
});
