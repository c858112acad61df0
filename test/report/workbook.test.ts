import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { renderXlsx } from '../../src/node/write-workbook.js';
import { buildReport } from '../../src/report/model.js';
import { renderWorkbook } from '../../src/report/render-workbook.js';
import { workbookLayout } from '../../src/report/workbook.js';
import { getTargetSet } from '../../src/targets/index.js';
import { fixturePath } from '../helpers/fixtures.js';
import { reportModel } from './fixtures.js';

// The golden cells: refreshed only when asked, CSI_UPDATE_GOLDEN=1 npx vitest run test/report/workbook.test.ts, and
// then read line by line before committing.
const GOLDEN = fixturePath('report', 'workbook.golden.json');

/** Two NI59 assessments a month in 2010/11, 50% and 100% in turn (test/fixtures/spc/README.md), against the notice. */
async function fixtureModel() {
  const path = fixturePath('spc', 'initial-assessments.csv');
  const { records, accounting, input } = await readRecordsFile('initial-assessment', path);
  return buildReport([{ id: 'NI59', records, rowsRejected: accounting.rowsRejected }], {
    title: 'Workbook test',
    financialYear: 'FY2010',
    asAt: '2011-01-31',
    targetSets: [getTargetSet('leeds-2010-notice')],
    // The reader's own summary, named as the config would name the file.
    inputs: [{ kind: 'initial-assessment', ...input, file: 'initial-assessments.csv' }],
  });
}

/** Every cell written, as `sheet!A1`, its type (number, string, date…), value and number format. */
async function cellsOf(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  const types = Object.fromEntries(Object.entries(ExcelJS.ValueType).map(([name, code]) => [code, name]));
  const cells: [string, string, unknown, string][] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        const value = cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.value;
        cells.push([
          `${sheet.name}!${cell.address}`,
          types[cell.type] ?? String(cell.type),
          value,
          cell.numFmt ?? '',
        ]);
      });
    });
  });
  return { workbook, cells };
}

describe('workbookLayout', () => {
  it('has a Summary sheet, a sheet per indicator and an About sheet', () => {
    const layout = workbookLayout(reportModel());
    expect(layout.sheets.map((sheet) => sheet.name)).toEqual(['Summary', 'NI59', 'About']);
    expect(layout.asAt).toBe('2011-01-31');
  });

  it('writes every figure as a number with a number format, percentages in points', () => {
    const [summary] = workbookLayout(reportModel()).sheets;
    const row = summary?.rows[0] ?? [];
    // The fixture's NI59: January 79%, the year to date 74.5%: numbers 79 and 74.5 shown as 79.0% and 74.5%.
    expect(row[3]).toEqual({ number: 79, format: '0.0"%"' });
    expect(row[4]).toEqual({ number: 74.5, format: '0.0"%"' });
    // The latest month is a real date, shown as the month.
    expect(row[2]).toEqual({ date: '2011-01-01', format: 'mmm yyyy' });
  });
});

describe('renderXlsx', () => {
  it('writes the cells of the layout, with their types and number formats (golden)', async () => {
    const { cells } = await cellsOf(await renderXlsx(await fixtureModel()));
    if (process.env.CSI_UPDATE_GOLDEN === '1') {
      writeFileSync(GOLDEN, `${JSON.stringify(cells, null, 1)}\n`);
    }
    expect(cells).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('gives the summary and each month as numbers a spreadsheet can sum and chart', async () => {
    const { workbook } = await cellsOf(await renderXlsx(await fixtureModel()));
    const summary = workbook.getWorksheet('Summary');
    const cell = (address: string) => summary?.getCell(address);
    // Row 2 is NI59. January 2011: 2 of 2, 100 (D2); the year to date April to January: 5 × 1 + 5 × 2 = 15 of 20,
    // 75 (E2); the headline target, the notice's October to March 80 (G2); so far October to January 1 + 2 + 1 + 2
    // = 6 of 8, 75 (J2), a gap of -5 points (K2) in a signed format; the tolerance 5% of 80, 4 (N2).
    expect([
      cell('D2')?.value,
      cell('E2')?.value,
      cell('G2')?.value,
      cell('J2')?.value,
      cell('K2')?.value,
    ]).toEqual([100, 75, 80, 75, -5]);
    expect(cell('K2')?.numFmt).toBe('+0.0" pts";-0.0" pts";0.0" pts"');
    expect(cell('N2')?.value).toBe(4);
    expect(cell('H2')?.value).toBe('leeds-2010-notice');
    // The indicator's sheet: its months with numerator, denominator, value and limits as numbers. April 2010 (row 2:
    // no history, the records start then): 1 of 2, 50; mean 75 and limits 75 ± 2.66 × 50 over the 10 months.
    const ni59 = workbook.getWorksheet('NI59');
    expect(ni59?.getRow(1).values).toEqual([
      undefined,
      'Month',
      'Period',
      'Part',
      'Numerator',
      'Denominator',
      'Value',
      'Mean',
      'Lower limit',
      'Upper limit',
      'Variation',
      'Special cause',
    ]);
    expect([2, 3, 4, 5, 6, 7, 8, 9].map((column) => ni59?.getRow(2).getCell(column).value)).toEqual([
      'April 2010',
      'month',
      1,
      2,
      50,
      75,
      75 - 133,
      75 + 133,
    ]);
    // The About sheet names the calendar, its fingerprint, and per input the rows read = accepted + rejected +
    // skipped, the encoding and the SHA-256 of the file's bytes.
    const about = workbook.getWorksheet('About');
    const pairs = new Map<string, unknown>();
    about?.eachRow((row) => {
      pairs.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    expect(pairs.get('Calendar')).toBe('england-and-wales');
    expect(pairs.get('Calendar fingerprint')).toBe('fnv1a64:145a5957c18318d5');
    expect(pairs.get('Convention')).toBe('after-start');
    let input: unknown[] = [];
    about?.eachRow((row) => {
      if (row.getCell(1).value === 'initial-assessment') input = (row.values as unknown[]).slice(1);
    });
    // 25 rows, 24 accepted, 1 rejected (31/02/2011), none skipped; UTF-8; the hash sha256sum gives the fixture.
    const sha256 = createHash('sha256').update(readFileSync(fixturePath('spc', 'initial-assessments.csv')));
    expect(input).toEqual([
      'initial-assessment',
      'initial-assessments.csv',
      25,
      24,
      1,
      0,
      'utf-8',
      sha256.digest('hex'),
    ]);
  });
});

describe('renderWorkbook', () => {
  it("writes the golden cells renderXlsx writes, with the core's workbook module (the browser page's download)", async () => {
    const model = await fixtureModel();
    const { cells } = await cellsOf(await renderWorkbook(model));
    // Every cell, its type, value and number format. The golden was written by exceljs until the module replaced it
    // in renderXlsx; the module's cells were then the same but for the About sheet's seven blank headers (B1 to
    // H1), which exceljs wrote as empty text and the module leaves empty: 215 cells then, 208 now.
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as [string, string, unknown, string][];
    expect(golden).toHaveLength(208);
    expect(golden.filter(([, , value]) => value === '')).toEqual([]);
    expect(cells).toEqual(golden);
  });

  it('freezes and widens each sheet as the layout says, and always gives the same bytes', async () => {
    const model = await fixtureModel();
    const bytes = await renderWorkbook(model);
    const { workbook } = await cellsOf(bytes);
    const summary = workbook.getWorksheet('Summary');
    expect(summary?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(summary?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(summary?.getColumn(1).width).toBe(workbookLayout(model).sheets[0]?.columns[0]?.width);
    expect(Buffer.from(await renderWorkbook(model)).equals(Buffer.from(bytes))).toBe(true);
  });
});
