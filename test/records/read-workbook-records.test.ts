import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inputLayout } from '../../src/presets/input-layout.js';
import type { PresetId } from '../../src/presets/preset-reader.js';
import { readRecordsWorkbook } from '../../src/records/read-source.js';
import type { RecordKind } from '../../src/records/schemas.js';
import { tokenizeWithExceljs } from '../helpers/exceljs-workbook.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ANNEX_A_EXAMPLE = 'examples/annex-a/annex-a-2012-13.xlsx';

/** One kind read from a workbook by both tokenizers: the core's workbook module, and exceljs (an independent reader). */
async function bothWays(path: string, kind: RecordKind, options: { preset?: PresetId; censusDate?: string }) {
  const bytes = new Uint8Array(readFileSync(`${ROOT}${path}`));
  const layout = inputLayout(kind, 'xlsx', options as never);
  const core = await readRecordsWorkbook(kind, bytes, layout, { file: 'book.xlsx' });
  const exceljs = await readRecordsWorkbook(kind, bytes, layout, {
    file: 'book.xlsx',
    tokenize: tokenizeWithExceljs,
  });
  return { core, exceljs };
}

describe('readRecordsWorkbook', () => {
  // The page and the CLI read workbooks with the core's module; exceljs, an independent reader, must give the same
  // records, rows, issues and accounting from the same bytes, or one of the two misreads them.
  it.each([
    [ANNEX_A_EXAMPLE, 'referral', { preset: 'annex-a' }],
    [ANNEX_A_EXAMPLE, 'assessment', { preset: 'annex-a' }],
    [ANNEX_A_EXAMPLE, 'cp-conference', { preset: 'annex-a' }],
    [ANNEX_A_EXAMPLE, 'cp-plan', { preset: 'annex-a' }],
    ['test/fixtures/presets/annex-a.xlsx', 'referral', { preset: 'annex-a' }],
    ['test/fixtures/presets/annex-a.xlsx', 'cp-conference', { preset: 'annex-a' }],
    ['test/fixtures/presets/date1904.xlsx', 'referral', { preset: 'annex-a' }],
    ['test/fixtures/presets/workforce-census.xlsx', 'worker', { preset: 'workforce-census' }],
    [
      'test/fixtures/presets/workforce-census.xlsx',
      'allocation',
      { preset: 'workforce-census', censusDate: '2023-09-30' },
    ],
  ] as const)('reads %s as %s records as exceljs does', async (path, kind, options) => {
    const { core, exceljs } = await bothWays(path, kind, options);
    expect(core.records).toEqual(exceljs.records);
    expect(core.rows).toEqual(exceljs.rows);
    expect(core.issues).toEqual(exceljs.issues);
    expect(core.accounting).toEqual(exceljs.accounting);
    expect(core.skipped).toEqual(exceljs.skipped);
    expect(core.input).toEqual(exceljs.input);
    expect(core.accounting.rowsRead).toBeGreaterThan(0);
  });

  it('reads dates of the 1904 system as the dates Excel shows', async () => {
    // C1's date cell and C2's serial 39539 (1904 system) are both 2 April 2012.
    const { core } = await bothWays('test/fixtures/presets/date1904.xlsx', 'referral', {
      preset: 'annex-a',
    });
    expect(core.records.map((record) => (record as { referralDate: string }).referralDate)).toEqual([
      '2012-04-02',
      '2012-04-02',
    ]);
  });

  it('refuses a workbook cut short, naming why, with nothing read', async () => {
    const { core } = await bothWays('test/fixtures/presets/annex-a-truncated.xlsx', 'referral', {
      preset: 'annex-a',
    });
    expect(core.readable).toBe(false);
    expect(core.records).toEqual([]);
    expect(core.issues).toHaveLength(1);
    expect(core.issues[0]).toMatchObject({ code: 'unreadable', row: 0, file: 'book.xlsx' });
    expect(core.issues[0]?.message).toMatch(/^it cannot be read as an Excel workbook \(\.xlsx\): /);
  });

  it('refuses a workbook without the sheet asked for, naming the sheets it has', async () => {
    const bytes = new Uint8Array(readFileSync(`${ROOT}test/fixtures/presets/workforce-census.xlsx`));
    const result = await readRecordsWorkbook(
      'referral',
      bytes,
      inputLayout('referral', 'xlsx', { preset: 'annex-a' }),
      {
        file: 'census.xlsx',
      },
    );
    expect(result.readable).toBe(false);
    expect(result.issues[0]?.message).toBe(
      'no sheet named "List 3" or "Referrals": sheets found: "CSWWWorker". Name the sheet to read (--sheet NAME or N)',
    );
  });
});
