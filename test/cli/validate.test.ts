import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';

// Paths relative to the repository root, where runBuiltCli runs the binary: the output names the file as given.
const messy = 'test/fixtures/records/messy-export.csv';
const fixture = (name: string) => `test/fixtures/records/${name}`;

const dir = mkdtempSync(join(tmpdir(), 'csi-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cs-indicators validate', () => {
  it('prints the exact summary and issues of the messy export, and exits 0', () => {
    const run = runBuiltCli(['validate', '--kind', 'initial-assessment', '--input', messy]);
    // Nine data rows: six kept; line 7 has 31/02/2011, line 8 repeats IA-1002 (first on line 3), line 10 was
    // completed the day before its referral. Ethnicity is not a field of initial assessments.
    expect(run.stdout).toBe(
      [
        'file             test/fixtures/records/messy-export.csv',
        'kind             initial-assessment',
        'encoding         utf-8',
        `sha256           ${createHash('sha256').update(readFileSync(messy)).digest('hex')}`,
        'rows read        9',
        'rows accepted    6',
        'rows rejected    3',
        'rows skipped     0 (not records of the kind)',
        'issues           3 (invalid_date 1, end_before_start 1, duplicate_id 1)',
        'columns ignored  Ethnicity',
        '',
        'row  code              field          value         message',
        '  7  invalid_date      referralDate   "31/02/2011"  "31/02/2011" is not a real date: February 2011 has 28 days',
        '  8  duplicate_id      id             "IA-1002"     id "IA-1002" is already used by row 3: each initial-assessment record needs its own id, so this later row is left out',
        ' 10  end_before_start  completedDate  "10/10/2010"  completedDate 2010-10-10 is before referralDate 2010-10-11: an end cannot come before its start (are a day and month swapped?)',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('prints one JSON object with --format json', () => {
    const run = runBuiltCli([
      'validate',
      '--kind',
      'initial-assessment',
      '--input',
      messy,
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      file: messy,
      kind: 'initial-assessment',
      readable: true,
      refused: false,
      accounting: { rowsRead: 9, rowsAccepted: 6, rowsRejected: 3 },
      issuesByCode: { invalid_date: 1, end_before_start: 1, duplicate_id: 1 },
      columns: { ignored: ['Ethnicity'] },
    });
    expect(
      report.issues.map((i: { row: number; code: string; file: string }) => [i.row, i.code, i.file]),
    ).toEqual([
      [7, 'invalid_date', messy],
      [8, 'duplicate_id', messy],
      [10, 'end_before_start', messy],
    ]);
  });

  it('exits 1 with --strict when there is any issue, naming the file on stderr', () => {
    const run = runBuiltCli(['validate', '--kind', 'initial-assessment', '--input', messy, '--strict']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('rows rejected    3');
    expect(run.stderr).toBe(`cs-indicators validate: ${messy}: input refused (3 issues, --strict)\n`);
  });

  it('exits 0 with --strict on a clean file, printing no issue lines', () => {
    const run = runBuiltCli([
      'validate',
      '--kind',
      'worker',
      '--input',
      'examples/data/workers.csv',
      '--strict',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^file {13}examples\/data\/workers\.csv\nkind {13}worker\n/);
    expect(run.stdout).toContain('\nissues           0\n');
    expect(run.stdout).not.toContain('message');
  });

  it('exits 1 when a required column is missing, naming file, row and field on stderr', () => {
    const file = fixture('missing-column.csv');
    const run = runBuiltCli(['validate', '--kind', 'cp-conference', '--input', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('issues           1 (missing_column 1)');
    expect(run.stderr).toMatch(
      new RegExp(
        `^cs-indicators validate: ${file}: cannot be read as cp-conference records\\n  ${file}:1: conferenceDate: no column gives conferenceDate`,
      ),
    );
  });

  it('exits 1 when the file cannot be read', () => {
    const run = runBuiltCli(['validate', '--kind', 'referral', '--input', 'no/such/file.csv']);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'cs-indicators validate: no/such/file.csv: cannot read the file: no such file (ENOENT) [unreadable]\n',
    });
  });

  it('reads a column map with --map', () => {
    const args = ['validate', '--kind', 'referral', '--input', fixture('mapped.csv')];
    // Without the map, "Ref", "Child" and "Date of referral" are no fields: the file is refused.
    expect(runBuiltCli(args).code).toBe(1);
    const run = runBuiltCli([...args, '--map', fixture('column-map.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('rows accepted    1\n');
    expect(run.stdout).toContain('columns ignored  Gender\n');
  });

  it('reads month-first dates with --date-format mdy', () => {
    const input = join(dir, 'us.csv');
    writeFileSync(input, 'id,childId,referralDate\nR1,C1,10/13/2010\n');
    // Day first (the default), 10/13/2010 can only be October 13: ambiguous. Month first it is read.
    const byDefault = runBuiltCli(['validate', '--kind', 'referral', '--input', input, '--format', 'json']);
    expect(JSON.parse(byDefault.stdout).issuesByCode).toEqual({ ambiguous_date: 1 });
    const monthFirst = runBuiltCli([
      'validate',
      '--kind',
      'referral',
      '--input',
      input,
      '--date-format',
      'mdy',
      '--format',
      'json',
    ]);
    expect(JSON.parse(monthFirst.stdout).accounting).toEqual({
      rowsRead: 1,
      rowsAccepted: 1,
      rowsRejected: 0,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });

  it('exits 2 on usage errors: unknown kind, missing input, bad flag, bad date format, unknown extension', () => {
    const cases: [string[], string][] = [
      [
        ['--kind', 'assessments', '--input', messy],
        '--kind: expected one of initial-assessment, core-assessment, cp-conference, caf, referral, neet, worker, allocation, assessment, cp-plan, got "assessments"',
      ],
      [['--kind', 'referral'], 'missing --input FILE'],
      [['--kind', 'referral', '--input', messy, '--colour'], 'unknown option --colour'],
      [
        ['--kind', 'referral', '--input', messy, '--date-format', 'uk'],
        '--date-format: expected one of auto, dmy, ymd, mdy, got "uk"',
      ],
      [['--kind', 'referral', '--input', 'records.xls'], '--input records.xls: cannot tell the file'],
      [['--kind', 'referral', '--input', messy, '--format', 'csv'], '--format: expected one of table, json'],
    ];
    for (const [args, message] of cases) {
      const run = runBuiltCli(['validate', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(message);
      expect(run.stdout).toBe('');
    }
  });

  it('exits 2 when the column map names no field', () => {
    const map = join(dir, 'bad-map.json');
    writeFileSync(map, '{"Date of referral": "refferalDate"}');
    const run = runBuiltCli(['validate', '--kind', 'referral', '--input', messy, '--map', map]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--map ${map}: columnMap: "Date of referral" maps to "refferalDate"`);
  });
});
