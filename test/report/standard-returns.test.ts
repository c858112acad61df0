import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { loadReport } from '../../src/node/report-config.js';

// The shipped example of a recent year in the four standard shapes (scripts/generate-standard-returns.mjs).
const example = (name: string) =>
  fileURLToPath(new URL(`../../examples/standard-returns/${name}`, import.meta.url));

describe('loadReport (the standard-returns example)', () => {
  it('reads the four returns with every row accounted for, and shows the workforce figures of the census', async () => {
    const { model, inputs } = await loadReport(example('report.config.json'));
    for (const input of inputs) {
      const { rowsRead, rowsAccepted, rowsRejected, rowsSkipped } = input.accounting;
      expect([input.kind, rowsRead]).toEqual([input.kind, rowsAccepted + rowsRejected + rowsSkipped]);
    }
    expect(inputs.map((input) => input.kind).sort()).toEqual([
      'assessment',
      'cp-conference',
      'cp-plan',
      'neet',
      'referral',
      'worker',
    ]);

    // The workforce figures, summed here from the census's records by SPEC 17's definitions, independently of the
    // indicators: R is the census's ReferenceDate, 30 September 2023; the window is the 12 months to it.
    const census = await readRecordsFile('worker', example('workforce-census-2023.xml'), {
      preset: 'workforce-census',
    });
    expect(census.fileValues).toEqual({ referenceDate: '2023-09-30', vacancies: '21.5' });
    const R = '2023-09-30';
    const inPost = census.records.filter((w) => (w.startDate ?? R) <= R && (w.endDate ?? '9999') > R);
    const leavers = census.records.filter(
      (w) => w.endDate !== undefined && w.endDate > '2022-09-30' && w.endDate <= R,
    );
    const fte = (workers: typeof inPost) => workers.reduce((sum, w) => sum + w.fte * 10, 0) / 10;
    const employed = fte(inPost.filter((w) => w.agency === false));
    const agency = fte(inPost.filter((w) => w.agency === true));
    const left = fte(leavers.filter((w) => w.agency === false));
    const figure = (id: string) => model.indicators.find((i) => i.id === id)?.yearToDate;
    const percent = (n: number, d: number) => `${((n / d) * 100).toFixed(1)}%`;
    expect(figure('WF_TURNOVER')?.display).toBe(percent(left, employed));
    expect(figure('WF_AGENCY')?.display).toBe(percent(agency, agency + employed));
    expect(figure('WF_VACANCY')?.display).toBe(percent(21.5, 21.5 + employed));
    // Each is a snapshot on the census date, not a figure of March 2024, of which the census says nothing.
    expect(figure('WF_TURNOVER')?.period.end).toBe('2023-09-30');
    const turnover = model.indicators.find((i) => i.id === 'WF_TURNOVER');
    expect(turnover?.yearToDateKind).toBe('snapshot');
    expect(turnover?.months.find((m) => m.period.spec === '2023-09')?.display).toBe(percent(left, employed));
    expect(turnover?.months.find((m) => m.period.spec === '2024-03')?.display).toBe('n/a');
  });
});

describe('loadReport (an NCCIS CSV with no count date column)', () => {
  it("takes the input's snapshotDate as every row's count date", async () => {
    const config = fileURLToPath(new URL('../fixtures/census/nccis-no-date.config.json', import.meta.url));
    const { model, inputs } = await loadReport(config);
    expect(inputs[0]?.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 2 });
    // YP01 (230, education) and YP06 (540, NEET), both of academic age 16 on the count date of 31 January 2013:
    // 1 NEET of 2 known.
    const ni117 = model.indicators.find((i) => i.id === 'NI117');
    expect([ni117?.yearToDate.numerator, ni117?.yearToDate.denominator, ni117?.yearToDate.display]).toEqual([
      1,
      2,
      '50.0%',
    ]);
  });
});

describe('loadReport (a workforce census CSV)', () => {
  it('refuses the stability figures without the census date a CSV cannot say', async () => {
    const config = fileURLToPath(new URL('../fixtures/census/workforce-csv.config.json', import.meta.url));
    await expect(loadReport(config)).rejects.toThrow(
      /inputs\.worker: a workforce census read from a CSV or workbook has no header to say which 30 September it is of/,
    );
  });

  it("takes the input's censusDate as the day the census is of", async () => {
    const config = fileURLToPath(
      new URL('../fixtures/census/workforce-csv-dated.config.json', import.meta.url),
    );
    const { model } = await loadReport(config);
    const turnover = model.indicators.find((i) => i.id === 'WF_TURNOVER');
    // No leaver in that file: 0 of the 5.4 FTE employed in post on 30 September 2023, shown as a snapshot then.
    expect([
      turnover?.yearToDate.display,
      turnover?.yearToDate.period.end,
      turnover?.yearToDate.denominator,
    ]).toEqual(['0.0%', '2023-09-30', 5.4]);
  });
});
