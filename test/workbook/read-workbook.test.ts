import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openWorkbook, type SheetCell, WorkbookError } from '../../src/workbook/index.js';
import { dateCell, fixtureBytes, rejection, sheetRows, workbookOf } from './helpers.js';

// The fixtures: test/fixtures/presets/*.xlsx are written by exceljs (test/fixtures/presets/make-fixtures.mjs);
// test/fixtures/workbook/*.xlsx by LibreOffice Calc, exceljs and by hand (test/fixtures/workbook/make-fixtures.mjs).

/** A cell as text that both readers can be brought to: how the comparison with exceljs sees a value. */
function ours(cell: SheetCell): string | number | boolean | null {
  if (cell === null || typeof cell !== 'object') return cell;
  if (cell.kind === 'date') return `date ${cell.date}`;
  if (cell.kind === 'formula') return `formula ${cell.formula}`;
  return `error ${cell.error}`;
}

function theirs(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return `date ${value.toISOString().slice(0, 10)}`;
  if (typeof value !== 'object') return value as string | number | boolean;
  const cell = value as {
    richText?: { text: string }[];
    formula?: string;
    sharedFormula?: string;
    result?: unknown;
    error?: string;
  };
  if (cell.richText !== undefined) return cell.richText.map((run) => run.text).join('');
  if (cell.error !== undefined) return `error ${cell.error}`;
  if (cell.formula !== undefined || cell.sharedFormula !== undefined) {
    if (cell.result !== undefined) return theirs(cell.result);
    return `formula ${cell.sharedFormula !== undefined ? '' : cell.formula}`;
  }
  return JSON.stringify(value);
}

function trimmed<T>(cells: readonly T[]): T[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === null) end--;
  return cells.slice(0, end);
}

/** Every sheet as exceljs reads it (loaded whole), rows that hold no value left out, as the reader leaves them. */
async function readWithExceljs(bytes: Uint8Array): Promise<Record<string, [number, unknown[]][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: Record<string, [number, unknown[]][]> = {};
  for (const sheet of workbook.worksheets) {
    const rows: [number, unknown[]][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
      const cells = trimmed(
        Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => {
          // exceljs repeats a merged range's value in every cell of it; the file holds it in the first only.
          const cell = row.getCell(i + 1);
          return cell.isMerged && cell.master.address !== cell.address ? null : theirs(values[i + 1]);
        }),
      );
      if (cells.length > 0) rows.push([number, cells]);
    });
    sheets[sheet.name] = rows;
  }
  return sheets;
}

async function readWithOurs(bytes: Uint8Array): Promise<Record<string, [number, unknown[]][]>> {
  const workbook = await openWorkbook(bytes);
  const sheets: Record<string, [number, unknown[]][]> = {};
  for (const sheet of workbook.sheets) {
    const rows: [number, unknown[]][] = [];
    await workbook.readSheet(sheet.number, (cells, row) => rows.push([row, cells.map(ours)]));
    sheets[sheet.name] = rows;
  }
  return sheets;
}

describe('openWorkbook', () => {
  it.each([
    'presets/annex-a.xlsx',
    'presets/date1904.xlsx',
    'presets/workforce-census.xlsx',
    'workbook/libreoffice.xlsx',
    'workbook/exceljs-formulas.xlsx',
    '../../examples/annex-a/annex-a-2012-13.xlsx',
  ])('reads %s cell for cell as exceljs does (a merged range in its first cell only)', async (path) => {
    const bytes = fixtureBytes(path);
    const expected = await readWithExceljs(bytes);
    // A control: the comparison means something only if exceljs found rows.
    expect(Object.values(expected).flat().length).toBeGreaterThan(2);
    expect(await readWithOurs(bytes)).toEqual(expected);
  });

  it('reads LibreOffice\'s 1904 flag (date1904="true"), where exceljs 4.4 is 1462 days out', async () => {
    const bytes = fixtureBytes('workbook/libreoffice-1904.xlsx');
    // exceljs takes only date1904="1" for the 1904 system, so it reads 39539 in the 1900 system: 2008-04-01, a
    // wrong date given without a word. The reader takes "1" and "true", as the standard's boolean allows.
    const exceljsRows = (await readWithExceljs(bytes))['List 3'] ?? [];
    expect(exceljsRows[3]).toEqual([5, ['C001', 'date 2008-04-01', 7, 'b) No', null, 0.649, 1]]);
    const rows = (await readWithOurs(bytes))['List 3'] ?? [];
    expect(rows[3]).toEqual([5, ['C001', 'date 2012-04-02', 7, 'b) No', null, 0.649, 1]]);
  });

  it('lists the sheets in tab order with their numbers, and the date system', async () => {
    const workbook = await openWorkbook(fixtureBytes('presets/annex-a.xlsx'));
    expect(workbook.sheets.map((sheet) => [sheet.number, sheet.name])).toEqual([
      [1, 'Cover'],
      [2, 'List_3'],
      [3, 'list 4'],
      [4, 'List 5'],
      [5, 'Child Protection'],
      [6, 'No header'],
    ]);
    expect(workbook.date1904).toBe(false);
  });

  it('reads title rows, a merged title, dates and formula results as LibreOffice Calc saved them', async () => {
    const rows = await sheetRows(fixtureBytes('workbook/libreoffice.xlsx'), 'List 3');
    // Row 1 is merged across A1:F1: its value is in A1 and the covered cells read empty (not repeated).
    expect(rows[0]).toEqual([1, ['Annex A List 3: Referrals']]);
    // Row 3 is empty and not handed over; the header is row 4.
    expect(rows.map(([row]) => row)).toEqual([1, 2, 4, 5, 6, 7]);
    // 2012-04-02 is serial 41001 (40909 for 2012-01-01, plus 31 + 29 + 31 + 1); 2012-02-29 is 40968.
    expect(rows[3]).toEqual([5, ['C001', dateCell(41001, '2012-04-02'), 7, 'b) No', null, 0.649, 1]]);
    // E6 is =B6-B5 with its result, -33 (2012-02-29 less 2012-04-02); F6 =F5/2; Calc saves booleans as 1 and 0.
    expect(rows[4]).toEqual([
      6,
      ['  Zoë & Co <C002>', dateCell(40968, '2012-02-29'), 5, 'b) No', -33, 0.3245, 0],
    ]);
    // B7 =DATE(2012,10,15) keeps its date style; D7 a text formula; E7 =1/0 an error.
    expect(rows[5]).toEqual([
      7,
      ['C003', dateCell(41197, '2012-10-15'), 'C001', 'C001-b) No', { kind: 'error', error: '#DIV/0!' }],
    ]);
  });

  it('gives the dates of a 1904 workbook as calendar dates, its serials as stored', async () => {
    const workbook = await openWorkbook(fixtureBytes('workbook/libreoffice-1904.xlsx'));
    expect(workbook.date1904).toBe(true);
    const rows: [number, SheetCell[]][] = [];
    await workbook.readSheet(1, (cells, row) => rows.push([row, cells]));
    // 1462 days separate the systems: 41001 - 1462 = 39539, still 2012-04-02.
    expect(rows[3]?.[1][1]).toEqual(dateCell(39539, '2012-04-02'));
    const exceljsFixture = await sheetRows(fixtureBytes('presets/date1904.xlsx'), 'List 3');
    // The date cell is a date; the plain number 39539 beside it stays a number (a serial only a date column reads).
    expect(exceljsFixture).toEqual([
      [1, ['Child Unique ID', 'Date of referral']],
      [2, ['C1', dateCell(39539, '2012-04-02')]],
      [3, ['C2', 39539]],
    ]);
  });

  it('reports a formula without a result as a formula, never as an empty cell', async () => {
    const rows = await sheetRows(fixtureBytes('workbook/exceljs-formulas.xlsx'), 'Formulas');
    expect(rows).toEqual([
      [1, ['a', 'b', 'sum']],
      [2, [1, 2, { kind: 'formula', formula: 'A2+B2' }]],
      // C3 shares C2's formula: its own text is empty.
      [3, [3, 4, { kind: 'formula', formula: '' }]],
      // C4 has its result.
      [4, [5, 6, 11]],
    ]);
  });

  it('reads what only hand-written parts hold: prefixes, missing references, rich and inline text, escapes', async () => {
    const workbook = await openWorkbook(fixtureBytes('workbook/handmade.xlsx'));
    // The workbook part is stored after the sheets, its relationship targets absolute and relative.
    expect(workbook.sheets).toEqual([
      { name: 'Odd & Ends', number: 1, hidden: false },
      { name: 'Very hidden', number: 2, hidden: true },
    ]);
    const rows: [number, SheetCell[]][] = [];
    await workbook.readSheet('odd & ends', (cells, row) => rows.push([row, cells]));
    expect(rows).toEqual([
      // Rich text runs joined, the phonetic run left out; _x000D_ is a carriage return, _x005F_ an underscore.
      [1, ['plain', 'C005 ', 'line one\r\nline two_x0041_']],
      [2, ['Tab\tle ', 'a <b> & c', dateCell(41001, '2012-04-02')]],
      // A custom date format, a number "in days" (not a date), elapsed hours (a number, not 1900-01-01), the
      // built-in date format 14 on serial 60 (Excel's 1900-02-29, which never was: no date), an error.
      [
        5,
        [
          dateCell(41001, '2012-04-02'),
          12.5,
          1.5,
          dateCell(60, null),
          null,
          { kind: 'error', error: '#N/A' },
        ],
      ],
      // Row 6 holds only formatted empty cells. Row 7: a formula without a result, a shared one with an empty <v>,
      // a text formula with its result, a boolean.
      [
        7,
        [null, { kind: 'formula', formula: 'SUM(A5:B5)' }, { kind: 'formula', formula: '' }, 'plain!', true],
      ],
    ]);
    expect(await sheetRows(fixtureBytes('workbook/handmade.xlsx'), 2)).toEqual([[1, [1]]]);
  });

  it('refuses a workbook cut short, naming what is wrong', async () => {
    const error = await rejection(openWorkbook(fixtureBytes('presets/annex-a-truncated.xlsx')));
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.message).toBe(
      'it is not a complete Excel workbook (.xlsx): the end of its zip directory is missing: is it cut short?',
    );
  });

  it('refuses an old .xls workbook and a file that is no workbook at all', async () => {
    // Every Excel 97-2003 file (and every password-protected .xlsx) starts with the OLE2 signature D0 CF 11 E0.
    const xls = new Uint8Array(512);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await rejection(openWorkbook(xls))).message).toMatch(
      /Excel 97-2003 workbook \(\.xls\).*save it as/,
    );
    const csv = new TextEncoder().encode('Child Unique ID,Date of referral\nC1,02/04/2012\n');
    expect((await rejection(openWorkbook(csv))).message).toBe(
      'it is not an Excel workbook (.xlsx): an .xlsx file is a zip archive, and this is not one',
    );
  });

  it('refuses a damaged part: a changed byte fails the check sum', async () => {
    // handmade.xlsx stores its sheet uncompressed, so one changed byte leaves the zip readable but the data wrong:
    // only the CRC-32 can tell. Change the "1" of <x:v>1</x:v> (a shared string index) into "2".
    const bytes = fixtureBytes('workbook/handmade.xlsx');
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.indexOf('<x:c t="s"><x:v>1</x:v>') + '<x:c t="s"><x:v>'.length;
    expect(at).toBeGreaterThan(100);
    bytes[at] = '2'.charCodeAt(0);
    const workbook = await openWorkbook(bytes);
    const rows: number[] = [];
    const error = await rejection(workbook.readSheet(1, (_, row) => rows.push(row)));
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.message).toMatch(
      /^its part xl\/worksheets\/odd\.xml is damaged: it unzips to \d+ bytes with check sum/,
    );
  });

  it('refuses a deflated part cut inside, naming it', async () => {
    const bytes = fixtureBytes('presets/annex-a.xlsx');
    const workbook = await openWorkbook(bytes);
    // Zero the middle of the file: the deflated data of some part is no longer deflate.
    const damaged = bytes.slice();
    damaged.fill(0, Math.floor(bytes.length / 3), Math.floor(bytes.length / 3) + 400);
    const again = await openWorkbook(damaged).catch((error: Error) => error);
    const failures: string[] = [];
    if (again instanceof Error) failures.push(again.message);
    else {
      for (const sheet of workbook.sheets) {
        await again.readSheet(sheet.number, () => {}).catch((error: Error) => failures.push(error.message));
      }
    }
    expect(failures.length).toBeGreaterThan(0);
    for (const message of failures) expect(message).toMatch(/^its part \S+ is (damaged|not)|^it is /);
  });

  it('refuses a sheet that declares XML entities', async () => {
    const workbook = await openWorkbook(fixtureBytes('workbook/entities.xlsx'));
    const error = await rejection(workbook.readSheet(1, () => {}));
    expect(error.message).toBe(
      'its part xl/worksheets/sheet1.xml declares XML entities, which are refused: no spreadsheet program writes them',
    );
  });

  it('names the sheets there are when the one asked for is missing', async () => {
    const workbook = await openWorkbook(fixtureBytes('presets/date1904.xlsx'));
    expect((await rejection(workbook.readSheet('List 9', () => {}))).message).toBe(
      'no sheet named "List 9": sheets found: "List 3"',
    );
    expect((await rejection(workbook.readSheet(2, () => {}))).message).toBe(
      'no sheet number 2 (it has 1): sheets found: "List 3"',
    );
  });

  it('finds a sheet by name ignoring case, as Excel does', async () => {
    const rows = await sheetRows(fixtureBytes('presets/annex-a.xlsx'), 'LIST_3');
    expect(rows[0]).toEqual([1, ['Annex A List 3: Referrals']]);
  });

  it('reads a shared string table of plain, preserved and rich items whatever the chunks cut', async () => {
    // 6,000 items of about 60 bytes: some 360 KB, unzipped in 16 KiB chunks cut inside items.
    const item = (i: number) =>
      i % 3 === 0
        ? `<si><t>plain ${i} &amp; ${'p'.repeat(i % 40)}</t></si>`
        : i % 3 === 1
          ? `<si><t xml:space="preserve"> kept ${i} ${'k'.repeat(i % 40)} </t></si>`
          : `<si><r><t>rich ${i}</t></r><r><rPr><b/></rPr><t xml:space="preserve"> ${'r'.repeat(i % 40)}</t></r><rPh><t>no</t></rPh></si>`;
    const text = (i: number) =>
      i % 3 === 0
        ? `plain ${i} & ${'p'.repeat(i % 40)}`
        : i % 3 === 1
          ? ` kept ${i} ${'k'.repeat(i % 40)} `
          : `rich ${i} ${'r'.repeat(i % 40)}`;
    const items = Array.from({ length: 6000 }, (_, i) => item(i));
    const rows = Array.from(
      { length: 6000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`,
    );
    const read = await sheetRows(await workbookOf(rows.join(''), items), 1);
    expect(read.length).toBe(6000);
    expect(read.filter(([row, cells]) => cells[0] !== text(row - 1)).map(([row]) => row)).toEqual([]);
  });

  it("reads a Node Buffer as it is, and leaves the caller's bytes as they were", async () => {
    const bytes = readFileSync(fileURLToPath(new URL('../fixtures/presets/annex-a.xlsx', import.meta.url)));
    const before = Uint8Array.from(bytes);
    const rows = await sheetRows(bytes, 'List_3');
    // Title rows 1 and 2, the header on row 4, five children, and row 10 holding an empty and a blank text.
    expect(rows.map(([row]) => row)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10]);
    expect(Uint8Array.from(bytes)).toEqual(before);
  });

  it("reads a text formula's empty result as empty text, and a missing result as no result", async () => {
    const bytes = await workbookOf(
      '<row r="1"><c r="A1" t="str"><f>IF(TRUE,"","x")</f><v></v></c><c r="B1" t="str"><f>"a"&amp;"b"</f></c></row>',
    );
    expect(await sheetRows(bytes, 1)).toEqual([[1, ['', { kind: 'formula', formula: '"a"&"b"' }]]]);
  });

  it('refuses a number cell that holds no number, naming the sheet and cell', async () => {
    for (const value of ['twelve', ' ', 'Infinity']) {
      const bytes = await workbookOf(`<row r="3"><c r="A3"><v>1</v></c><c r="C3"><v>${value}</v></c></row>`);
      const error = await rejection(sheetRows(bytes, 'Sheet1'));
      expect(error).toBeInstanceOf(WorkbookError);
      expect(error.message).toBe(
        `sheet "Sheet1" is damaged at cell C3: a number cell holding ${JSON.stringify(value)}`,
      );
    }
  });

  it('reads an ISO date cell (t="d") of a real day, and refuses one of a day its month does not have', async () => {
    // A strict Open XML date cell holds its date as text. 2012-02-29 (a leap day) is serial 40968 in the 1900
    // system (2012-01-01 is 40909, and 31 + 28 days on) and 39506 in the 1904 system (1,462 days less); a time
    // after the date is dropped. 2010-02-30 and 2011-02-29 are no days at all: `Date.parse` rolls them over to
    // 2 and 1 March, a date no one wrote, so they are refused as a damaged cell, as a date cell of any other text.
    const sheet = (value: string) =>
      `<row r="2"><c r="A2"><v>1</v></c><c r="C2" t="d"><v>${value}</v></c></row>`;
    expect(await sheetRows(await workbookOf(sheet('2012-02-29T10:30:00')), 1)).toEqual([
      [2, [1, null, dateCell(40968, '2012-02-29')]],
    ]);
    expect(await sheetRows(await workbookOf(sheet('2012-02-29'), undefined, { date1904: true }), 1)).toEqual([
      [2, [1, null, dateCell(39506, '2012-02-29')]],
    ]);
    for (const value of ['2010-02-30', '2011-02-29T00:00:00', '2010-04-31', '10/01/2010']) {
      for (const date1904 of [false, true]) {
        const error = await rejection(sheetRows(await workbookOf(sheet(value), undefined, { date1904 }), 1));
        expect(error).toBeInstanceOf(WorkbookError);
        expect(error.message).toBe(
          `sheet "Sheet1" is damaged at cell C2: a date cell holding ${JSON.stringify(value)}`,
        );
      }
    }
  });

  it('gives an ISO date cell (t="d") before March 1900 the serial Excel gives its day, not the next day', async () => {
    // The 1900 system counts Lotus 1-2-3's 1900-02-29 as serial 60, so a day before it is one serial fewer than
    // the count from 1899-12-30: 1900-01-01 is serial 1 and 1900-02-28 serial 59 (isoDateToSerial), 1900-03-01
    // serial 61. Counted from 1899-12-30 alone, 1900-01-01 became serial 2 and was read back as 1900-01-02, and
    // 1900-02-28 serial 60, no day. 1899-12-31 is serial 0, no day Excel shows (a date column's issue, not a date).
    const sheet = (value: string) => `<row r="2"><c r="C2" t="d"><v>${value}</v></c></row>`;
    for (const [value, serial, date] of [
      ['1900-01-01', 1, '1900-01-01'],
      ['1900-02-28', 59, '1900-02-28'],
      ['1900-03-01', 61, '1900-03-01'],
    ] as const) {
      expect(await sheetRows(await workbookOf(sheet(value)), 1)).toEqual([
        [2, [null, null, dateCell(serial, date)]],
      ]);
    }
    // A day before the system's first has no date, and says the day it wrote, so that a message can name it.
    expect(await sheetRows(await workbookOf(sheet('1899-12-31')), 1)).toEqual([
      [2, [null, null, { kind: 'date', serial: 0, date: null, written: '1899-12-31' }]],
    ]);
  });

  it('gives an ISO date cell (t="d") before 1904-01-01 in a 1904 workbook no date, and the day it wrote', async () => {
    // The 1904 system's day 0 is 1904-01-01: 1903-12-31 is serial -1 and 1903-05-01 serial -245 (31 + 30 + 31 + 31
    // + 30 + 31 + 31 + 30 = 245 days from 1 May to 1 January), no day there. 1904-01-01 itself is serial 0, a day.
    const sheet = (value: string) => `<row r="2"><c r="C2" t="d"><v>${value}</v></c></row>`;
    const in1904 = async (value: string) =>
      (await sheetRows(await workbookOf(sheet(value), undefined, { date1904: true }), 1))[0]?.[1][2];
    expect(await in1904('1904-01-01')).toEqual(dateCell(0, '1904-01-01'));
    expect(await in1904('1903-12-31')).toEqual({
      kind: 'date',
      serial: -1,
      date: null,
      written: '1903-12-31',
    });
    expect(await in1904('1903-05-01T08:00:00')).toEqual({
      kind: 'date',
      serial: -245,
      date: null,
      written: '1903-05-01',
    });
  });

  it('refuses a shared string that is not in the table, and a cell beyond column XFD', async () => {
    const missing = await workbookOf('<row r="2"><c r="B2" t="s"><v>0</v></c></row>');
    expect((await rejection(sheetRows(missing, 1))).message).toBe(
      'sheet "Sheet1" is damaged at cell B2: a shared string numbered "0", not in its table',
    );
    const wide = await workbookOf('<row r="1"><c r="XFE1"><v>1</v></c></row>');
    expect((await rejection(sheetRows(wide, 1))).message).toBe(
      'sheet "Sheet1" is damaged at row 1: a cell with the reference "XFE1"',
    );
  });

  it("passes on the caller's own error unchanged, and stops reading", async () => {
    const workbook = await openWorkbook(fixtureBytes('presets/annex-a.xlsx'));
    const mistake = new TypeError('a mistake in the row handler');
    let calls = 0;
    const error = await rejection(
      workbook.readSheet('List_3', () => {
        calls++;
        throw mistake;
      }),
    );
    expect(error).toBe(mistake);
    expect(calls).toBe(1);
  });
});
