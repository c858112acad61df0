import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeControlCharacters } from '../../src/util/control-characters.js';
import { expectRefused, runBuiltCliLarge, scratchDir } from '../helpers/bad-input.js';
import { cliPath, runBuiltCli } from '../helpers/cli.js';

const dir = scratchDir();

/** An initial-assessment CSV of `count` rows made by `row(i)`. */
function iaFile(name: string, count: number, row: (i: number) => string): string {
  const lines = ['id,childId,referralDate,completedDate,team,workerId'];
  for (let i = 0; i < count; i++) lines.push(row(i));
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('cs-indicators: table output shows control characters from the data as visible escapes', () => {
  it('escapes ESC, BEL, CR and a right-to-left override in team names; JSON keeps them exact', () => {
    // Four teams whose names would colour the terminal, retitle it, overwrite the line, and reverse the text.
    const teams = ['East\u001b[31m', 'West\u001b]0;owned\u0007', 'North\rForged', 'South\u202eraeW'];
    const path = iaFile('teams.csv', 4, (i) => `IA${i},C${i},2010-10-01,2010-10-05,"${teams[i]}",W${i}`);
    const table = runBuiltCli([
      'compute',
      'NI59',
      '--input',
      path,
      '--period',
      '2010-10',
      '--by',
      'team',
      '--format',
      'table',
    ]);
    expect(table.code).toBe(0);
    // Each group is on time: 2 working days after Fri 1 Oct (Mon 4, Tue 5).
    expect(table.stdout).toContain('East\\x1b[31m');
    expect(table.stdout).toContain('West\\x1b]0;owned\\x07');
    // The CSV reader gives the quoted carriage return as a line break: either way it is shown, not obeyed.
    expect(table.stdout).toMatch(/North\\[rn]Forged/);
    expect(table.stdout).toContain('South\\u202eraeW');
    // Nothing is left for the terminal to obey: each line has no control character the escaping would change.
    for (const line of table.stdout.split('\n')) expect(escapeControlCharacters(line)).toBe(line);
    const json = JSON.parse(
      runBuiltCli(['compute', 'NI59', '--input', path, '--period', '2010-10', '--by', 'team']).stdout,
    );
    const groups = json.groups.map((g: { group: string }) => g.group);
    for (const team of [teams[0], teams[1], teams[3]]) expect(groups).toContain(team);
  });

  it('escapes control characters in the values validate shows', () => {
    const path = iaFile('bell.csv', 1, () => 'IA1,C1,2010-10-01\u0007,2010-10-05,East,W1');
    const run = runBuiltCli(['validate', '--kind', 'initial-assessment', '--input', path]);
    expect(run.code).toBe(0);
    // The value is shown as JSON writes it, with its BEL as \u0007, and never rings the terminal's bell.
    expect(run.stdout).toContain('"2010-10-01\\u0007"');
    expect(run.stdout).not.toContain('\u0007');
  });
});

describe('cs-indicators: no stack overflow on large inputs', () => {
  it('lists 130,000 rejected rows (validate, compute) without a stack overflow, accounting for every row', () => {
    const path = iaFile('bad.csv', 130_000, (i) => `IA${i},C${i},31/02/2011,,East,W1`);
    const validate = runBuiltCliLarge([
      'validate',
      '--kind',
      'initial-assessment',
      '--input',
      path,
      '--format',
      'table',
    ]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/^rows read\s+130000$/m);
    expect(validate.stdout).toMatch(/^rows rejected\s+130000$/m);
    // And the table of issues, one line each, the last for line 130,001 (the header is line 1), aligned by a
    // table measured in a loop: spreading 130,000 rows into Math.max overflowed the stack.
    const lines = validate.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.includes(' invalid_date '))).toHaveLength(130_000);
    expect(lines.at(-1)).toMatch(/^130001 {2}invalid_date {2}referralDate {2}"31\/02\/2011" {2}/);
    const compute = runBuiltCliLarge(['compute', 'NI59', '--input', path, '--period', 'FY2010']);
    expect(compute.code).toBe(0);
    expect(compute.stderr).not.toContain('Maximum call stack');
    const result = JSON.parse(compute.stdout);
    expect(result.counts.rowsRejected).toBe(130_000);
    expect(result.inputs[0]).toMatchObject({
      rowsRead: 130_000,
      rowsAccepted: 0,
      rowsRejected: 130_000,
      rowsSkipped: 0,
    });
  }, 120_000);

  it('prints a breakdown of 150,000 workers as a table', () => {
    const path = iaFile('workers.csv', 150_000, (i) => `IA${i},C${i},2010-10-01,2010-10-05,East,W${i}`);
    const run = runBuiltCliLarge([
      'compute',
      'NI59',
      '--input',
      path,
      '--period',
      '2010-10',
      '--by',
      'worker',
      '--format',
      'table',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    // A header, the column titles, 150,000 workers, the total, the calendar and the input.
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(150_005);
    expect(lines).toContain(`${'Total'.padEnd(7)}     150000       150000  100.0%`);
  }, 120_000);
});

describe('cs-indicators: a closed standard output', () => {
  it('ends quietly with exit 0 when the reader goes away (| head -1)', async () => {
    const path = iaFile('many.csv', 50_000, (i) => `IA${i},C${i},31/02/2011,,East,W1`);
    // validate writes one table line per issue: far more than a pipe holds, so writes go on after head has gone.
    const child = spawn(
      process.execPath,
      [cliPath, 'validate', '--kind', 'initial-assessment', '--input', path],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const firstLine = await new Promise<string>((resolve) => {
      let seen = '';
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const end = seen.indexOf('\n');
        if (end >= 0) {
          child.stdout.destroy();
          resolve(seen.slice(0, end));
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (exit) => resolve(exit)));
    expect(firstLine).toBe(`file             ${path}`);
    expect(code).toBe(0);
    expect(stderr).toBe('');
  }, 120_000);
});

describe('cs-indicators compute: a figure of n/a is not silent', () => {
  it('warns all_excluded on stderr when every record is excluded for one reason (no completion date given)', () => {
    // The file has its completedDate column, but the export left every cell of it blank. (A file with no such
    // column at all is refused: test/bad-input/missing-column.test.ts.)
    const path = join(dir, 'blank-completions.csv');
    writeFileSync(path, 'id,childId,referralDate,completedDate\nIA1,C1,2010-10-01,\nIA2,C2,2010-10-04,\n');
    const run = runBuiltCli(['compute', 'NI59', '--input', path, '--period', '2010-10']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect([result.numerator, result.denominator, result.display]).toEqual([0, 0, 'n/a']);
    const message =
      'NI59 has no figure: all 2 records that could be in its population were excluded as not-completed; check the data and the column map for the field behind that reason';
    expect(result.warnings).toEqual([{ code: 'all_excluded', message }]);
    expect(run.stderr).toContain(`cs-indicators compute: warning: ${message} [all_excluded]\n`);
    expect(result.inputs[0]).toMatchObject({ rowsRead: 2, rowsAccepted: 2, rowsRejected: 0, rowsSkipped: 0 });
    // Under --strict the warning refuses the figure: exit 1, nothing on stdout, the warning listed.
    const strict = runBuiltCli(['compute', 'NI59', '--input', path, '--period', '2010-10', '--strict']);
    expectRefused(strict, 1);
    expect(strict.stderr).toBe(
      `cs-indicators compute: input refused (1 warning, --strict)\n  ${message} [all_excluded]\n`,
    );
  });
});
