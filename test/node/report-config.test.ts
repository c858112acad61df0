import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport, readReportConfig } from '../../src/node/report-config.js';
import { InputError } from '../../src/records/issues.js';
import { ReportConfigError } from '../../src/report/config.js';
import { scratchDir } from '../helpers/bad-input.js';
import { fixturePath } from '../helpers/fixtures.js';

const dir = scratchDir();

function config(settings: Record<string, unknown>): string {
  const path = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(settings));
  return path;
}

const ia = fixturePath('compute', 'initial-assessments.csv');

describe('readReportConfig', () => {
  it('gives asAt as YYYY-MM-DD read in the dateFormat, the checked options and every file named', async () => {
    const path = config({
      financialYear: '2010/11',
      asAt: '31/01/2011',
      dateFormat: 'dmy',
      inputs: { 'initial-assessment': ia },
      indicators: [{ id: 'ni59', options: { rules: 'WT2010' } }],
    });
    const checked = await readReportConfig(path);
    expect(checked.asAt).toBe('2011-01-31');
    expect(checked.indicators.map((i) => [i.definition.id, i.options])).toEqual([
      ['NI59', { rules: 'wt2010' }],
    ]);
    expect(checked.files).toEqual([
      { what: 'the report config', path },
      { what: 'inputs.initial-assessment', path: ia },
    ]);
  });

  it('throws one ReportConfigError listing every problem with its path', async () => {
    const path = config({
      financialYear: 'FY2010',
      asAt: '2011-02-30',
      inputs: { 'initial-assesment': ia },
      indicators: ['NI59'],
    });
    const error = await readReportConfig(path).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ReportConfigError);
    expect((error as Error).message).toBe(
      `${path}: the report config is not usable (1 problem):\n  inputs: unknown record kind "initial-assesment" (did you mean "initial-assessment"?)`,
    );
  });
});

describe('loadReport', () => {
  it('builds the same model from a path or a checked config', async () => {
    const path = config({
      financialYear: 'FY2010',
      inputs: { 'initial-assessment': ia },
      indicators: ['NI59'],
    });
    const fromPath = await loadReport(path);
    const fromChecked = await loadReport(await readReportConfig(path));
    expect(fromChecked.model).toEqual(fromPath.model);
    // The fixture's NI59 over 2010/11: 3 of 5 (see test/cli/report.test.ts); every row of the file accounted for.
    const [ni59] = fromPath.model.indicators;
    expect([ni59?.yearToDate.numerator, ni59?.yearToDate.denominator]).toEqual([3, 5]);
    expect(ni59?.inputs).toEqual([
      expect.objectContaining({ file: ia, rowsRead: 11, rowsAccepted: 10, rowsRejected: 1, rowsSkipped: 0 }),
    ]);
  });

  it("refuses an indicator's option its own checks reject before reading the inputs", async () => {
    // A CASELOAD snapshot is one date; a monthly return computes every month, and 2010-06-30 is in only one.
    const path = config({
      financialYear: 'FY2010',
      inputs: { allocation: join(dir, 'never-read.csv'), worker: join(dir, 'never-read-either.csv') },
      indicators: [{ id: 'CASELOAD', options: { snapshot: '2010-06-30' } }],
    });
    writeFileSync(join(dir, 'never-read.csv'), 'not,a,valid\nfile');
    writeFileSync(join(dir, 'never-read-either.csv'), 'not,a,valid\nfile');
    await expect(loadReport(path)).rejects.toThrow(
      `${path}: indicators[0] (CASELOAD): snapshot: expected a date written YYYY-MM-DD from 2010-04-01 to 2010-04-30 (April 2010), got "2010-06-30"`,
    );
  });

  it('refuses an input without a column an indicator needs (missing_column), naming file, field and indicator', async () => {
    // The conferences have no strategyDiscussionDate column, CPC15's default start.
    const conferences = join(dir, 'no-strategy.csv');
    writeFileSync(conferences, 'id,childId,conferenceDate,s47StartDate\nCP1,C1,2010-10-20,2010-10-01\n');
    const path = config({
      financialYear: 'FY2010',
      inputs: { 'cp-conference': conferences },
      indicators: ['CPC15'],
    });
    const error = await loadReport(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues.map((issue) => [issue.code, issue.file, issue.field])).toEqual([
      ['missing_column', conferences, 'strategyDiscussionDate'],
    ]);
    // The same input with the start event the file has is reported.
    const s47 = config({
      financialYear: 'FY2010',
      inputs: { 'cp-conference': conferences },
      indicators: [{ id: 'CPC15', options: { startEvent: 's47-start' } }],
    });
    // CP1: Fri 1 to Wed 20 October 2010, 13 working days: within 15.
    const [cpc15] = (await loadReport(s47)).model.indicators;
    expect([cpc15?.yearToDate.numerator, cpc15?.yearToDate.denominator]).toEqual([1, 1]);
  });

  it('refuses, under strict, a report whose indicators have warnings, with them in the error', async () => {
    // Two clean rows: nothing for the readers to refuse, but a chart of two months with a value.
    const clean = join(dir, 'clean-ia.csv');
    writeFileSync(
      clean,
      'id,childId,referralDate,completedDate\nIA1,C1,2010-10-01,2010-10-05\nIA2,C2,2010-11-01,2010-11-03\n',
    );
    const path = config({
      financialYear: 'FY2010',
      inputs: { 'initial-assessment': clean },
      indicators: ['NI59'],
    });
    // Without strict: the chart warns too_few_points, and the report is built.
    const loaded = await loadReport(path);
    expect(loaded.model.indicators[0]?.warnings.map((w) => w.code)).toEqual(['too_few_points']);
    for (const strict of [true, 'warnings'] as const) {
      const error = await loadReport(path, { strict }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).issues).toEqual([]);
      expect((error as InputError).warnings.map((warning) => warning.code)).toEqual(['too_few_points']);
    }
  });
});
