import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { parseRecords } from '../../src/records/parse-records.js';
import { expectRefused, expectUsageError, scratchDir } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

// The census returns' options, given wrong: each is refused before any file is read, naming the key (or flag) and
// the value, and a misspelt key gets the nearest known one. The files are the census fixtures (see
// test/cli/census.test.ts): a workforce census XML of 30 September 2023, its CSV flattening (no header, no
// WorkingDaysLost column), an NCCIS CSV without a count date column, and CP plans with a previousPlans column.
const censusXml = fixturePath('census', 'workforce-census.xml');
const censusCsv = fixturePath('presets', 'workforce-census.csv');
const nccisCsv = fixturePath('presets', 'nccis-no-date.csv');
const plans = fixturePath('modern', 'cp-plans.csv');
const nccisXml = fixturePath('census', 'nccis.xml');

const dir = scratchDir();
let configs = 0;

/** Writes a report config, runs the report on it, and returns the run and paths. */
function report(config: Record<string, unknown>) {
  const path = join(dir, `config-${++configs}.json`);
  writeFileSync(path, JSON.stringify({ title: 'Census', financialYear: 'FY2023', ...config }));
  const out = join(dir, `report-${configs}.json`);
  return { run: runBuiltCli(['report', '--config', path, '--out', out]), config: path, out };
}

/** The refusal of a config: exit 1, each problem under the file's name, and no report written. */
function expectConfigRefused(result: ReturnType<typeof report>, problems: readonly string[]): void {
  expectRefused(result.run, 1);
  expect(result.run.stderr).toBe(
    `cs-indicators report: ${result.config}: the report config is not usable (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${p}\n`).join('')}`,
  );
  expect(existsSync(result.out)).toBe(false);
}

describe('readReportConfig (the census options)', () => {
  const workers = { worker: { path: censusXml, preset: 'workforce-census' } };

  it('refuses a misspelt census option with the nearest known key', () => {
    const result = report({
      inputs: workers,
      indicators: [{ id: 'WF_ABSENCE', options: { workingDaysPerFTE: 253 } }],
    });
    expectConfigRefused(result, [
      'indicators[0].options.workingDaysPerFTE: unknown option "workingDaysPerFTE" (did you mean "workingDaysPerFte"?): WF_ABSENCE takes workingDaysPerFte',
    ]);
  });

  it('names the key and the value of vacancies without their date, and of a history not known', () => {
    const result = report({
      inputs: { ...workers, 'cp-plan': plans },
      indicators: [
        { id: 'WF_VACANCY', options: { vacancies: 7722.7 } },
        { id: 'WF_VACANCY', options: { vacancies: { '2023-09-31': 12 } } },
        { id: 'CPP_REPEAT', options: { history: 'both' } },
      ],
    });
    expectConfigRefused(result, [
      'indicators[0].options.vacancies: expected an FTE (a number of 0 or more) by date, like { "2023-09-30": 12.5 }, got 7722.7',
      'indicators[1].options.vacancies: expected an FTE (a number of 0 or more) by date, like { "2023-09-30": 12.5 }, got "2023-09-31": 12',
      // Each entry's options are checked, and the indicator listed twice is refused too: one row per indicator.
      'indicators[1]: WF_VACANCY is listed twice, as indicators[0] (WF_VACANCY with options {"vacancies":7722.7}) and indicators[1] (WF_VACANCY with options {"vacancies":{"2023-09-31":12}}): a report has one row per indicator, keyed by its id; list it once, with the options it is to be computed with',
      'indicators[2].options.history: expected one of either, records, column, got "both"',
    ]);
  });

  it('refuses vacancies of another day than the census date, which would be left aside for the header', () => {
    const result = report({
      inputs: workers,
      indicators: [{ id: 'WF_VACANCY', options: { vacancies: { '2023-03-31': 4 } } }],
    });
    expectRefused(result.run, 1);
    expect(result.run.stderr).toBe(
      `cs-indicators report: ${result.config}: indicators[0] (WF_VACANCY): options.vacancies: the worker input is a census of 2023-09-30, and the figure is taken that day: give { "2023-09-30": FTE }, got 2023-03-31\n`,
    );
    expect(existsSync(result.out)).toBe(false);
  });

  it("refuses an input's censusDate that is not the census XML's own ReferenceDate", () => {
    // The fixture is a census of 2023-09-30: read as 2024's, its cases and workers would be another year's.
    const result = report({
      financialYear: 'FY2024',
      inputs: { worker: { path: censusXml, preset: 'workforce-census', censusDate: '2024-09-30' } },
      indicators: ['WF_TURNOVER'],
    });
    expectRefused(result.run, 1);
    // After the reader's line on the fixture's one bad OrgRole:
    expect(result.run.stderr).toContain(
      `cs-indicators report: ${result.config}: inputs.worker: censusDate 2024-09-30 is not the census's own: ${censusXml}'s header has ReferenceDate 2023-09-30 (drop censusDate, or name the census of 2024-09-30)\n`,
    );
    expect(existsSync(result.out)).toBe(false);
  });

  it("refuses an input's snapshotDate that is not the NCCIS XML's own PeriodEnd", () => {
    const result = report({
      financialYear: 'FY2012',
      inputs: { neet: { path: nccisXml, preset: 'nccis', snapshotDate: '28/02/2013' } },
      indicators: ['NI117'],
    });
    expectRefused(result.run, 1);
    expect(result.run.stderr).toContain(
      `cs-indicators report: ${result.config}: inputs.neet: snapshotDate 2013-02-28 is not the return's own count date: ${nccisXml}'s header has PeriodEnd 2013-01-31 (drop snapshotDate: an NCCIS XML says its own)\n`,
    );
    expect(existsSync(result.out)).toBe(false);
  });

  it('refuses a census date given as an indicator option: the census file says it', () => {
    const result = report({
      inputs: workers,
      indicators: [{ id: 'WF_TURNOVER', options: { censusDate: '2023-09-30' } }],
    });
    expectConfigRefused(result, [
      'indicators[0].options.censusDate: censusDate is set by the census file: an XML’s `ReferenceDate`, a config input’s `censusDate`, a CSV’s `--period`, not in a report config',
    ]);
  });

  it('refuses a snapshotDate without the nccis preset, or that is not a date, and a census CSV without its date', () => {
    const result = report({
      inputs: {
        neet: { path: nccisCsv, snapshotDate: '2013-01-31' },
        worker: { path: censusCsv, preset: 'workforce-census' },
      },
      indicators: ['NI117', 'WF_TURNOVER'],
    });
    expectConfigRefused(result, [
      'inputs.neet: snapshotDate: the count date of an NCCIS file read with "preset": "nccis", got "2013-01-31" for a file with no preset',
      'inputs.worker: a workforce census read from a CSV or workbook has no header to say which 30 September it is of: give "censusDate": "YYYY-09-30" (a census XML says its own)',
    ]);
    const notADate = report({
      inputs: { neet: { path: nccisCsv, preset: 'nccis', snapshotDate: '2013-02-30' } },
      indicators: ['NI117'],
    });
    expectRefused(notADate.run, 1);
    expect(notADate.run.stderr).toContain(
      "inputs.neet: snapshotDate: expected a real date, YYYY-MM-DD or in the config's dateFormat (auto):",
    );
  });
});

describe('cs-indicators compute (the census options)', () => {
  it('refuses a history not known, and one that reads a column the file lacks', () => {
    expectUsageError(
      runBuiltCli(['compute', 'CPP_REPEAT', '--input', plans, '--history', 'both']),
      'compute',
      '--history: expected one of either, records, column, got "both"',
    );
    // With history column CPP_REPEAT reads only previousPlans; a plans file without that column would have every plan
    // excluded and a figure of n/a with exit 0: it is refused, naming the column.
    const noColumn = join(dir, 'plans-without-previous.csv');
    writeFileSync(noColumn, 'id,childId,startDate\nP1,C1,2010-05-01\nP2,C1,2010-09-01\n');
    const missing = runBuiltCli(['compute', 'CPP_REPEAT', '--input', noColumn, '--history', 'column']);
    expectRefused(missing, 1);
    expect(missing.stderr).toContain('previousPlans');
    expect(missing.stderr).toContain('[missing_column]');
    // The same file with the default history (either) counts P2 as C1's second plan: 1 of 2.
    const either = runBuiltCli(['compute', 'CPP_REPEAT', '--input', noColumn, '--period', 'FY2010']);
    expect(either.code, either.stderr).toBe(0);
    expect(JSON.parse(either.stdout)).toMatchObject({ numerator: 1, denominator: 2, display: '50.0%' });
  });

  it('refuses CASELOAD from a census XML on another day than its ReferenceDate, rather than dating its cases so', () => {
    const run = runBuiltCli([
      'compute',
      'CASELOAD',
      '--preset',
      'workforce-census',
      '--workers',
      censusXml,
      '--period',
      '2024-09',
    ]);
    expectRefused(run, 2);
    expect(run.stderr).toContain(
      `cs-indicators compute: ${censusXml} is a census of 2023-09-30: its Cases30 are the cases held that day, not on 2024-09-30; give a --period ending on 2023-09-30 (or --snapshot 2023-09-30)\n`,
    );
  });

  it('refuses --snapshot-date on an NCCIS XML whose PeriodEnd is another day, rather than dating its records so', () => {
    // The fixture's header: PeriodEnd 2013-01-31.
    const run = runBuiltCli([
      'compute',
      'NI117',
      '--preset',
      'nccis',
      '--input',
      nccisXml,
      '--snapshot-date',
      '2013-02-28',
    ]);
    expectRefused(run, 2);
    expect(run.stderr).toContain(
      `cs-indicators compute: --snapshot-date 2013-02-28: ${nccisXml} says its own count date, PeriodEnd 2013-01-31; drop --snapshot-date (it is for an NCCIS CSV with no count date column)\n`,
    );
    // Each row is rejected on reading too, naming both dates.
    expect(run.stderr).toContain(
      'the count date given, 2013-02-28, is not this return\'s: its header\'s PeriodEnd is "2013-01-31"',
    );
  });

  it('refuses --snapshot-date that is not a real date', () => {
    expectUsageError(
      runBuiltCli([
        'compute',
        'NI117',
        '--preset',
        'nccis',
        '--input',
        nccisCsv,
        '--snapshot-date',
        '31/01/2013',
      ]),
      'compute',
      '--snapshot-date: expected a real date written YYYY-MM-DD, got "31/01/2013"',
    );
  });

  it('refuses the stability figures of a census CSV without a --period ending on 30 September', () => {
    expectUsageError(
      runBuiltCli(['compute', 'WF_TURNOVER', '--preset', 'workforce-census', '--input', censusCsv]),
      'compute',
      '--preset workforce-census reads Cases30, the cases each worker held on 30 September, and the workers in post that day: give a --period ending on 30 September (or, for CASELOAD, --snapshot YYYY-09-30); a census XML says its own date. Got none',
    );
  });

  it('refuses WF_ABSENCE from a file with no days-lost column, rather than excluding every worker', () => {
    const run = runBuiltCli([
      'compute',
      'WF_ABSENCE',
      '--preset',
      'workforce-census',
      '--input',
      censusCsv,
      '--period',
      '2023-09',
    ]);
    expectRefused(run, 1);
    expect(run.stderr).toContain('workingDaysLost');
    expect(run.stderr).toContain('[missing_column]');
  });
});

describe('readRecordsFile (a census date that contradicts the census XML)', () => {
  it("rejects each row's cases, naming both dates, rather than dating them on the day given", async () => {
    // The fixture's rows with cases: SW101 (15), SW102 (8), SW104 (20) and SW107 (4); SW105's 0 is skipped.
    const read = await readRecordsFile('allocation', censusXml, {
      preset: 'workforce-census',
      censusDate: '2024-09-30',
    });
    expect(read.records).toEqual([]);
    expect(read.issues.map((issue) => issue.code)).toEqual([
      'missing_field',
      'missing_field',
      'missing_field',
      'missing_field',
    ]);
    expect(read.issues[0]?.message).toContain(
      'the census date given, 2024-09-30, is not this census\'s: its header\'s ReferenceDate is "2023-09-30", the day its Cases30 counts',
    );
    const { rowsRead, rowsAccepted, rowsRejected, rowsSkipped } = read.input;
    expect(rowsRead).toBe(rowsAccepted + rowsRejected + rowsSkipped);
  });
});

describe('parseRecords (a count too large to hold exactly)', () => {
  it('rejects the row, naming the field, rather than throwing', () => {
    // 2^53 is a whole number to JavaScript but not a safe one: the schema's check, once skipped for it, threw.
    const read = parseRecords('referral', [
      { id: 'R1', childId: 'C1', referralDate: '2010-05-04', referralsInLast12Months: 2 ** 53 },
      { id: 'R2', childId: 'C2', referralDate: '2010-05-05', referralsInLast12Months: 1 },
    ]);
    expect(read.records.map((record) => record.id)).toEqual(['R2']);
    expect(read.issues.map((issue) => [issue.row, issue.field])).toEqual([[1, 'referralsInLast12Months']]);
    expect(read.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
  });
});
