import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseload } from '../../src/indicators/index.js';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { parsePeriod } from '../../src/periods/index.js';
import { createPresetReader } from '../../src/presets/presets.js';
import {
  allocationsFromCases30,
  workforceOrgRoles,
  workforceRoleOf,
} from '../../src/presets/workforce-census.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/presets/${name}`, import.meta.url));

// The fixture (CSV and XLSX alike): SW001-SW003 hold cases (OrgRole 5, 5, 4), SW004 is a first line manager, SW005
// a senior manager with Cases30 blank, SW006 qualified without cases, SW007 has OrgRole 9, which is no role.
// AgencyWorker 0 is a worker the council employs (agency false); Cases30 is the cases held (SW005's is blank).
const workers = [
  { workerId: 'SW001', fte: 1, role: 'social-worker', startDate: '2019-09-01', agency: false, cases: 18 },
  { workerId: 'SW002', fte: 0.6, role: 'social-worker', startDate: '2021-01-15', agency: false, cases: 12 },
  {
    workerId: 'SW003',
    fte: 1,
    role: 'advanced-practitioner',
    startDate: '2018-04-01',
    agency: false,
    cases: 9,
  },
  { workerId: 'SW004', fte: 1, role: 'team-manager', startDate: '2015-06-01', agency: false, cases: 0 },
  { workerId: 'SW005', fte: 1, role: 'other', startDate: '2010-01-04', agency: false },
  { workerId: 'SW006', fte: 0.8, role: 'other', startDate: '2022-09-05', agency: false, cases: 0 },
];

describe("readRecordsFile with preset 'workforce-census'", () => {
  for (const file of ['workforce-census.csv', 'workforce-census.xlsx']) {
    it(`reads CSWWWorker rows to workers, OrgRole to roles (${file})`, async () => {
      const read = await readRecordsFile('worker', fixture(file), { preset: 'workforce-census' });
      expect(read.records).toEqual(workers);
      expect(read.issues).toEqual([
        {
          code: 'invalid_value',
          severity: 'error',
          row: 8,
          field: 'role',
          value: '9',
          message:
            'OrgRole "9" is not a workforce census role code: expected 1 (senior manager), 2 (middle manager), 3 (first line manager), 4 (senior practitioner), 5 (case holder) or 6 (qualified without cases), or a blank cell (role not known)',
          file: fixture(file),
        },
      ]);
      expect(read.accounting).toEqual({
        rowsRead: 7,
        rowsAccepted: 6,
        rowsRejected: 1,
        rowsSkipped: 0,
        warningsByCode: {},
      });
    });
  }

  it('reads Cases30 as allocations open on the census date, one per case', async () => {
    const read = await readRecordsFile('allocation', fixture('workforce-census.csv'), {
      preset: 'workforce-census',
      censusDate: '2023-09-30',
    });
    // 18 + 12 + 9 + 0 + 0 + 3 cases; SW005's blank Cases30 is skipped, not read.
    expect(read.records).toHaveLength(42);
    expect(read.records[0]).toEqual({
      caseId: 'SW001#1',
      workerId: 'SW001',
      allocatedFrom: '2023-09-30',
      allocatedTo: '2023-09-30',
    });
    expect(read.records.at(-1)?.caseId).toBe('SW007#3');
    // SW004 (line 5) and SW006 (line 7) held no cases, SW005's Cases30 (line 6) is blank: three rows that give no
    // allocation, skipped with their reason rather than forgotten. Each allocation counts as a row read, so 42 + 3.
    expect(read.skipped?.map((s) => [s.row, s.reason, s.message])).toEqual([
      [5, 'no-cases30', 'Cases30 is 0: the worker held no cases on 30 September'],
      [6, 'no-cases30', 'Cases30 is blank: no caseload is recorded for 30 September'],
      [7, 'no-cases30', 'Cases30 is 0: the worker held no cases on 30 September'],
    ]);
    expect(read.accounting).toEqual({
      rowsRead: 45,
      rowsAccepted: 42,
      rowsRejected: 0,
      rowsSkipped: 3,
      warningsByCode: {},
    });
  });

  it('gives CASELOAD its figure on the census date with no other input', async () => {
    const options = { preset: 'workforce-census', censusDate: '2023-09-30' } as const;
    const census = fixture('workforce-census.xlsx');
    const allocations = await readRecordsFile('allocation', census, options);
    const staff = await readRecordsFile('worker', census, options);
    const result = caseload(allocations.records, parsePeriod('2023-09'), { workers: staff.records });
    // Case holders: SW001 (18 cases, 1 FTE), SW002 (12, 0.6), SW003 (9, 1): 39 cases over 2.6 FTE = 15. SW007's
    // three cases belong to no worker read (its role was rejected), so no counted worker holds them.
    expect(result.numerator).toBe(39);
    expect(result.denominator).toBe(2.6);
    expect(result.display).toBe('15.0');
  });

  it('needs a 30 September to read allocations from a CSV: every row with cases is rejected without one', async () => {
    // A CSV has no header to say which 30 September its Cases30 counted: no allocation can be dated. The four rows
    // with cases (SW001, SW002, SW003, SW007) are rejected, each saying so; the three without are skipped as ever.
    const read = await readRecordsFile('allocation', fixture('workforce-census.csv'), {
      preset: 'workforce-census',
    });
    expect(read.records).toEqual([]);
    expect(read.issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['missing_field', 2, 'allocatedFrom'],
      ['missing_field', 3, 'allocatedFrom'],
      ['missing_field', 4, 'allocatedFrom'],
      ['missing_field', 8, 'allocatedFrom'],
    ]);
    expect(read.issues[0]?.message).toMatch(/^no census date: Cases30 counts the cases held on 30 September/);
    expect(read.accounting).toMatchObject({ rowsRead: 7, rowsRejected: 4, rowsSkipped: 3 });
    await expect(
      readRecordsFile('allocation', fixture('workforce-census.csv'), {
        preset: 'workforce-census',
        censusDate: '2023-09-29',
      }),
    ).rejects.toThrow(RangeError);
  });

  it('rejects a Cases30 that is not a count, and a count without a worker', () => {
    const reader = createPresetReader('workforce-census', 'allocation', { censusDate: '2023-09-30' });
    reader.header(['SWENo', 'Cases30'], 1);
    reader.cells(['SW1', 'twelve'], 2);
    reader.cells(['', '2'], 3);
    reader.cells(['SW2', '1.0'], 4);
    const read = reader.result();
    expect(read.records).toEqual([
      { caseId: 'SW2#1', workerId: 'SW2', allocatedFrom: '2023-09-30', allocatedTo: '2023-09-30' },
    ]);
    expect(read.issues.map((i) => [i.code, i.row, i.field, i.value])).toEqual([
      ['invalid_value', 2, 'cases30', 'twelve'],
      ['missing_field', 3, 'workerId', null],
    ]);
    expect(read.accounting).toEqual({
      rowsRead: 3,
      rowsAccepted: 1,
      rowsRejected: 2,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });
});

describe('workforceRoleOf', () => {
  it('maps the six OrgRole codes to roles', () => {
    // 5 case holder and 4 senior practitioner hold the caseloads CASELOAD counts; 3 first line managers lead teams.
    expect(['1', '2', '3', '4', '5', '6'].map(workforceRoleOf)).toEqual([
      'other',
      'other',
      'team-manager',
      'advanced-practitioner',
      'social-worker',
      'other',
    ]);
    expect(workforceRoleOf('5.0')).toBe('social-worker');
    expect(workforceRoleOf('5 - case holder')).toBe('social-worker');
    expect(workforceRoleOf('7')).toBeNull();
    expect(workforceOrgRoles['3']?.label).toBe('first line manager');
  });
});

describe('allocationsFromCases30', () => {
  it('makes one allocation per case, open on the census date', () => {
    expect(
      allocationsFromCases30(
        [
          { workerId: 'SW1', cases30: 2 },
          { workerId: 'SW2', cases30: 0 },
        ],
        { censusDate: '2012-09-30' },
      ),
    ).toEqual([
      { caseId: 'SW1#1', workerId: 'SW1', allocatedFrom: '2012-09-30', allocatedTo: '2012-09-30' },
      { caseId: 'SW1#2', workerId: 'SW1', allocatedFrom: '2012-09-30', allocatedTo: '2012-09-30' },
    ]);
  });

  it('refuses a date that is not a 30 September, and a count that is not whole', () => {
    expect(() => allocationsFromCases30([], { censusDate: '2012-03-31' })).toThrow(RangeError);
    expect(() =>
      allocationsFromCases30([{ workerId: 'SW1', cases30: 1.5 }], { censusDate: '2012-09-30' }),
    ).toThrow(RangeError);
  });
});
