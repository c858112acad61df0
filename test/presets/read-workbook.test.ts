import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { readWorkbookRows } from '../../src/node/read-workbook.js';
import { excelSerialToIsoDate } from '../../src/records/excel-dates.js';
import { InputError } from '../../src/records/issues.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/presets/${name}`, import.meta.url));
const annexA = fixture('annex-a.xlsx');
const referralHeaders = ['Child Unique ID', 'Gender', 'Date of referral', 'Allocated Team'];

/** The InputError a read throws, for its issues. */
async function refusal(read: Promise<unknown>): Promise<InputError> {
  try {
    await read;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected the read to be refused');
}

describe('excelSerialToIsoDate', () => {
  it('reads the 1900 system from 1899-12-30, past the phantom 1900-02-29', () => {
    // 2010-01-01 is serial 40179; 2010-04-30 is 119 days later (January 31, February 28, March 31, April 29).
    expect(excelSerialToIsoDate(40298)).toBe('2010-04-30');
    expect(excelSerialToIsoDate(40299)).toBe('2010-05-01');
    // 2012-01-01 is 40909; 2012-02-29 is 31 + 28 days later.
    expect(excelSerialToIsoDate(40968)).toBe('2012-02-29');
  });

  it("keeps Excel's 1900 leap-year bug: 59 is 1900-02-28, 60 is no day, 61 is 1900-03-01", () => {
    expect(excelSerialToIsoDate(1)).toBe('1900-01-01');
    expect(excelSerialToIsoDate(59)).toBe('1900-02-28');
    expect(excelSerialToIsoDate(60)).toBeNull();
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
  });

  it('drops the time of day, and refuses what is no Excel date', () => {
    // 40298.75 is 2010-04-30 at 18:00.
    expect(excelSerialToIsoDate(40298.75)).toBe('2010-04-30');
    expect(excelSerialToIsoDate(0)).toBeNull();
    expect(excelSerialToIsoDate(-5)).toBeNull();
    expect(excelSerialToIsoDate(2_958_466)).toBeNull();
    expect(excelSerialToIsoDate(Number.NaN)).toBeNull();
    expect(excelSerialToIsoDate(2_958_465)).toBe('9999-12-31');
  });

  it('reads the 1904 system from 1904-01-01', () => {
    // 1462 days separate the systems: 40298 - 1462 = 38836.
    expect(excelSerialToIsoDate(38836, { date1904: true })).toBe('2010-04-30');
    expect(excelSerialToIsoDate(0, { date1904: true })).toBe('1904-01-01');
  });
});

describe('readWorkbookRows', () => {
  it('finds a sheet by its name ignoring case, spaces and punctuation', async () => {
    for (const sheet of ['List 3', 'List_3', 'list3', 'LIST-3']) {
      const read = await readWorkbookRows(annexA, { sheet, headers: referralHeaders });
      expect(read.sheet).toBe('List_3');
    }
  });

  it('finds a sheet by its 1-based number, and lists every sheet', async () => {
    const read = await readWorkbookRows(annexA, { sheet: 3 });
    expect(read.sheet).toBe('list 4');
    expect(read.sheets).toEqual(['Cover', 'List_3', 'list 4', 'List 5', 'Child Protection', 'No header']);
  });

  it('reads the first sheet when none is named', async () => {
    const read = await readWorkbookRows(annexA);
    expect(read.sheet).toBe('Cover');
    expect(read.header).toEqual(['Annex A return: test fixture']);
    expect(read.rows).toEqual([]);
  });

  it('passes over the title rows to the first row with two expected headers', async () => {
    const read = await readWorkbookRows(annexA, { sheet: 'List 3', headers: referralHeaders });
    // Rows 1 and 2 are a title and a period line, row 3 is blank: the header is row 4.
    expect(read.headerRow).toBe(4);
    expect(read.header.slice(0, 6)).toEqual([
      'Child Unique ID',
      'Gender',
      'Ethnicity',
      'Date of Birth',
      'Age of Child (Years)',
      'Date of referral',
    ]);
  });

  it('converts Date cells and serials in date columns, formulas and rich text, and leaves out blank rows', async () => {
    const read = await readWorkbookRows(annexA, {
      sheet: 'List_3',
      headers: referralHeaders,
      dateColumns: ['Date of referral', 'Date of Birth'],
    });
    // Rows 10 to 14 hold only blanks and a border: not rows.
    expect(read.rows.map((r) => r.row)).toEqual([5, 6, 7, 8, 9]);
    const cells = read.rows.map((r) => [r.cells[0], r.cells[3], r.cells[5], r.cells[8]]);
    expect(cells).toEqual([
      // A Date cell: its UTC calendar date. Numbers outside date columns are plain text.
      ['C001', '2005-03-14', '2012-04-02', '0'],
      // The serial 40968 in a date column: 2012-02-29.
      ['C002', '2006-07-01', '2012-02-29', '1'],
      // Text stays text, for the record reader to read (or reject).
      ['C003', '2010-01-20', '01/05/2012', '0'],
      ['C004', '2001-11-30', 'not known', '0'],
      // Rich text 'C0' + '05'; the formula DATE(2012,10,15) gives its cached result.
      ['C005', '2008-02-29', '2012-10-15', '0'],
    ]);
  });

  it('reads a number outside the date columns as a number, not a date', async () => {
    const read = await readWorkbookRows(annexA, { sheet: 'List_3', headers: referralHeaders });
    // No date columns named: the serial 40968 stays a number, for the record reader to refuse.
    expect(read.rows[1]?.cells[5]).toBe('40968');
  });

  it('reads serials in the 1904 system when the workbook uses it', async () => {
    const read = await readWorkbookRows(fixture('date1904.xlsx'), {
      headers: referralHeaders,
      dateColumns: ['Date of referral'],
    });
    expect(read.date1904).toBe(true);
    // A Date cell and the bare 1904 serial 39539 are both 2012-04-02.
    expect(read.rows.map((r) => r.cells)).toEqual([
      ['C1', '2012-04-02'],
      ['C2', '2012-04-02'],
    ]);
  });

  it('names the sheets found when the sheet asked for is missing', async () => {
    const error = await refusal(readWorkbookRows(annexA, { sheet: 'List 9' }));
    expect(error.issues).toEqual([
      {
        code: 'unreadable',
        severity: 'error',
        row: 0,
        field: null,
        value: null,
        message:
          'no sheet named "List 9": sheets found: "Cover", "List_3", "list 4", "List 5", "Child Protection", "No header". Name the sheet to read (--sheet NAME or N)',
        file: annexA,
      },
    ]);
    const byNumber = await refusal(readWorkbookRows(annexA, { sheet: 7 }));
    expect(byNumber.issues[0]?.message).toMatch(
      /^no sheet number 7 \(the workbook has 6\): sheets found: "Cover"/,
    );
  });

  it('refuses a workbook cut short with an unreadable issue naming the file', async () => {
    const path = fixture('annex-a-truncated.xlsx');
    const error = await refusal(readWorkbookRows(path, { sheet: 'List 3' }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: 'unreadable', row: 0, file: path });
    expect(error.issues[0]?.message).toMatch(
      /^it cannot be read as an Excel workbook \(\.xlsx\): it is not a complete Excel workbook \(\.xlsx\): .*is it cut short\?$/,
    );
  });

  it('refuses a file that is not a workbook, and one that does not exist', async () => {
    const xml = fixture('cin-census.xml');
    const notZip = await refusal(readWorkbookRows(xml));
    expect(notZip.issues[0]).toMatchObject({ code: 'unreadable', file: xml });
    const missing = await refusal(readWorkbookRows(fixture('no-such.xlsx')));
    expect(missing.issues[0]?.message).toBe('cannot read the file: no such file');
  });
});

describe('readRecordsFile with an .xlsx file and no preset', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csi-workbook-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads canonical headers below a title, dates from Date cells and serials in date columns', async () => {
    const path = join(dir, 'referrals.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Referrals export');
    sheet.addRow(['Referrals, October 2010']);
    sheet.addRow(['ID', 'Child ID', 'Referral Date', 'CAF completed']);
    sheet.addRow(['R1', 'C1', new Date(Date.UTC(2010, 9, 1)), 'yes']);
    // 2010-01-01 is serial 40179 and 1 October 273 days on (40452): 40453 is 2010-10-02.
    sheet.addRow(['R2', 'C2', 40453, 'no']);
    sheet.addRow(['R3', 'C3', 'soon', 'no']);
    await workbook.xlsx.writeFile(path);

    const read = await readRecordsFile('referral', path);
    expect(read.records).toEqual([
      { id: 'R1', childId: 'C1', referralDate: '2010-10-01', cafCompleted: true },
      { id: 'R2', childId: 'C2', referralDate: '2010-10-02', cafCompleted: false },
    ]);
    expect(read.rows).toEqual([3, 4]);
    expect(read.issues.map((i) => [i.code, i.row, i.field, i.value, i.file])).toEqual([
      ['invalid_date', 5, 'referralDate', 'soon', path],
    ]);
    expect(read.accounting).toEqual({
      rowsRead: 3,
      rowsAccepted: 2,
      rowsRejected: 1,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });
});

describe('readRecordsFile with a workbook saved by LibreOffice in the 1904 date system', () => {
  it('reads its dates in the 1904 system (date1904="true"), not 1,462 days early', async () => {
    // test/fixtures/workbook/libreoffice-1904.xlsx was saved by LibreOffice Calc with the 1904 date system, which it
    // writes date1904="true". Its List 3 holds the referral dates 2012-04-02, 2012-02-29 and 2012-10-15 (1904
    // serials 39539, 39506 and 39735: the 1900 serials 41001, 40968 and 41197 less 1,462). exceljs, which the CLI read workbooks with before, takes only "1" for the
    // 1904 system and so read 39539 as a 1900 serial: 2008-04-01, a wrong date without a word.
    const path = fileURLToPath(new URL('../fixtures/workbook/libreoffice-1904.xlsx', import.meta.url));
    const read = await readRecordsFile('referral', path, { preset: 'annex-a' });
    expect(read.records.map((record) => [record.childId, record.referralDate])).toEqual([
      ['C001', '2012-04-02'],
      ['Zoë & Co <C002>', '2012-02-29'],
      ['C003', '2012-10-15'],
    ]);
    expect(read.accounting.rowsRead).toBe(3);
  });
});
