import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRefused, expectUsageError, scratchDir } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

/** A scratch folder holding a copy of the NI59 fixture (see test/cli/compute.test.ts) and a report config on it. */
function workspace() {
  const dir = scratchDir();
  const input = join(dir, 'ia.csv');
  copyFileSync(fixturePath('compute', 'initial-assessments.csv'), input);
  const config = join(dir, 'return.json');
  writeFileSync(
    config,
    JSON.stringify({
      financialYear: 'FY2010',
      inputs: { 'initial-assessment': 'ia.csv' },
      indicators: ['NI59'],
    }),
  );
  return { dir, input, config, original: readFileSync(input), configText: readFileSync(config) };
}

describe('outputs never overwrite inputs (exit 2, naming both)', () => {
  it('refuses compute --audit onto the input export, leaving it as it was', () => {
    const { dir, input, original } = workspace();
    // Written as a user might, through a folder and back (path.join would tidy the .. away).
    mkdirSync(join(dir, 'sub'));
    const audit = `${dir}/sub/../ia.csv`;
    const run = runBuiltCli(['compute', 'NI59', '--input', input, '--audit', audit]);
    expectUsageError(
      run,
      'compute',
      `--audit ${audit} is the --input file ${input}: an output never overwrites an input; write it elsewhere`,
    );
    expect(readFileSync(input)).toEqual(original);
  });

  it('refuses report --out onto its config, or onto an input through .. or a symbolic link', () => {
    const { dir, input, config, original, configText } = workspace();
    mkdirSync(join(dir, 'sub'));
    symlinkSync(input, join(dir, 'link.csv'));
    const onConfig = runBuiltCli(['report', '--config', config, '--out', config]);
    expectUsageError(
      onConfig,
      'report',
      `--out ${config} is the report config ${config}: an output never overwrites an input; write it elsewhere`,
    );
    for (const out of [`${dir}/sub/./../ia.csv`, join(dir, 'link.csv')]) {
      const run = runBuiltCli(['report', '--config', config, '--out', out, '--format', 'csv']);
      expectUsageError(
        run,
        'report',
        `--out ${out} is inputs.initial-assessment ${input}: an output never overwrites an input; write it elsewhere`,
      );
    }
    expect(readFileSync(input)).toEqual(original);
    expect(readFileSync(config)).toEqual(configText);
  });

  it('refuses --out and --audit naming the same file', () => {
    const { dir, input } = workspace();
    const out = join(dir, 'result.csv');
    const run = runBuiltCli(['compute', 'NI59', '--input', input, '--out', out, '--audit', out]);
    expectUsageError(
      run,
      'compute',
      `--audit ${out} and --out ${out} are the same file: give each output its own`,
    );
  });
});

describe('outputs that cannot be written (exit 1, naming the path and the reason)', () => {
  it('refuses a missing folder and a folder in place of a file, writing nothing', () => {
    const { dir, input } = workspace();
    const audit = join(dir, 'audit.csv');
    const missing = join(dir, 'no-such-folder', 'result.json');
    const run = runBuiltCli(['compute', 'NI59', '--input', input, '--audit', audit, '--out', missing]);
    expectRefused(run, 1);
    expect(run.stderr).toBe(
      `cs-indicators compute: cannot write --out ${missing}: the folder ${join(dir, 'no-such-folder')} does not exist\n`,
    );
    // Checked before anything was read or written: not even the audit, whose own path was fine.
    expect(existsSync(audit)).toBe(false);
    const folder = runBuiltCli(['validate', '--kind', 'initial-assessment', '--input', input, '--out', dir]);
    expectRefused(folder, 1);
    expect(folder.stderr).toBe(`cs-indicators validate: cannot write --out ${dir}: it is a folder\n`);
  });

  it('refuses a report into a missing folder rather than making it', () => {
    const { dir, config } = workspace();
    const out = join(dir, 'reports', 'january.html');
    const run = runBuiltCli(['report', '--config', config, '--out', out]);
    expectRefused(run, 1);
    expect(run.stderr).toBe(
      `cs-indicators report: cannot write --out ${out}: the folder ${join(dir, 'reports')} does not exist\n`,
    );
    expect(existsSync(join(dir, 'reports'))).toBe(false);
  });
});

describe('outputs are written whole', () => {
  it('replaces an existing output and leaves no temporary file beside it', () => {
    const { dir, input } = workspace();
    const out = join(dir, 'result.json');
    writeFileSync(out, 'an older result');
    const run = runBuiltCli([
      'compute',
      'NI59',
      '--input',
      input,
      '--period',
      '2010-10..2011-03',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    // 3 of 4, as test/cli/compute.test.ts works out.
    expect(JSON.parse(readFileSync(out, 'utf8')).display).toBe('75.0%');
    expect(readdirSync(dir).sort()).toEqual(['ia.csv', 'result.json', 'return.json']);
  });
});

describe('--format and --out mean the same on every command', () => {
  it('writes to standard output with --out -, and takes the format from the ending of --out', () => {
    const { dir, input } = workspace();
    const days = runBuiltCli(['working-days', '2011-04-28', '2011-05-03', '--out', '-']);
    expect([days.code, days.stdout]).toEqual([0, '1\n']);
    const json = join(dir, 'days.json');
    expect(runBuiltCli(['working-days', '2011-04-28', '2011-05-03', '--out', json]).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).workingDays).toBe(1);
    const csv = join(dir, 'ni59.csv');
    expect(runBuiltCli(['compute', 'NI59', '--input', input, '--out', csv]).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toMatch(/^indicator,group,period_start,/);
    const contradiction = runBuiltCli([
      'compute',
      'NI59',
      '--input',
      input,
      '--format',
      'json',
      '--out',
      csv,
    ]);
    expectUsageError(
      contradiction,
      'compute',
      `--format json contradicts --out ${csv}, whose ending says csv: change one of them`,
    );
  });

  it('writes report --demo --format md to a .md file, or to standard output with --out -', () => {
    const dir = scratchDir();
    const run = runBuiltCli(['report', '--demo', '--format', 'md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Wrote the MD report to monthly-return-demo.md');
    expect(readdirSync(dir)).toEqual(['monthly-return-demo.md']);
    expect(readFileSync(join(dir, 'monthly-return-demo.md'), 'utf8')).toMatch(
      /^# Children's services monthly return/,
    );
    const stdout = runBuiltCli(['report', '--demo', '--format', 'csv', '--out', '-'], { cwd: dir });
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toMatch(/^indicator,row_type,period,/);
    expect(readdirSync(dir)).toEqual(['monthly-return-demo.md']);
  });
});

describe('spc and the workbook go through the same outputs', () => {
  it('writes spc to --out (its format from the ending), never over its input', () => {
    const { dir, input, original } = workspace();
    const chart = join(dir, 'chart.json');
    const run = runBuiltCli(['spc', 'NI59', '--input', input, '--period', 'FY2010', '--out', chart]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    // The fixture's NI59 over 2010/11: twelve months charted, as JSON since the file ends in .json.
    expect(JSON.parse(readFileSync(chart, 'utf8')).months).toHaveLength(12);
    const over = runBuiltCli(['spc', 'NI59', '--input', input, '--period', 'FY2010', '--out', input]);
    expectUsageError(
      over,
      'spc',
      `--out ${input} is the --input file ${input}: an output never overwrites an input; write it elsewhere`,
    );
    expect(readFileSync(input)).toEqual(original);
  });

  it('writes report --format xlsx whole to a file, never over an input, never to standard output', () => {
    const { dir, input, config, original } = workspace();
    const book = join(dir, 'return.xlsx');
    // Without --format: the ending of --out chooses the workbook.
    const run = runBuiltCli(['report', '--config', config, '--out', book]);
    expect(run.code).toBe(0);
    // A zip archive, as every .xlsx is; no temporary file is left beside it.
    expect(readFileSync(book).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readdirSync(dir).sort()).toEqual(['ia.csv', 'return.json', 'return.xlsx']);
    // A workbook name that is a link to the input export: the link is followed, and the output refused.
    const link = join(dir, 'link.xlsx');
    symlinkSync(input, link);
    const over = runBuiltCli(['report', '--config', config, '--out', link]);
    expectUsageError(
      over,
      'report',
      `--out ${link} is inputs.initial-assessment ${input}: an output never overwrites an input; write it elsewhere`,
    );
    expect(readFileSync(input)).toEqual(original);
    const stdout = runBuiltCli(['report', '--config', config, '--format', 'xlsx', '--out', '-']);
    expectUsageError(stdout, 'report', '--format xlsx writes a workbook: give --out FILE.xlsx');
  });
});
