import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  openWorkbook,
  type WorkbookSheetToWrite,
  type WorkbookValue,
  writeWorkbook,
} from '../../src/workbook/index.js';
import { listZipEntries, unzipEntry } from '../../src/workbook/zip-read.js';
import { dateCell, rejection, sheetRows } from './helpers.js';

// The golden parts: rewritten when CSI_UPDATE_GOLDEN=1 (npx vitest run test/workbook), then read and committed.
const GOLDEN = fileURLToPath(new URL('../fixtures/workbook/golden/', import.meta.url));

/** A small return as the board pack would write it: a summary, a sheet per indicator, an About sheet. */
const boardPack: WorkbookSheetToWrite[] = [
  {
    name: 'Summary',
    columnWidths: [14, 12, 10, 10],
    frozenRows: 1,
    rows: [
      [
        { text: 'Indicator', bold: true },
        { text: 'Latest month', bold: true },
        { text: 'Value', bold: true },
        { text: 'Target', bold: true },
      ],
      // 73 of 112 on time: 0.6517857142857143, shown 65.2%.
      [
        'NI59',
        { date: '2011-01-01', format: 'mmm yyyy' },
        { number: 73 / 112, format: '0.0%' },
        { number: 0.8, format: '0.0%' },
      ],
      ['CASELOAD', { date: '2011-01-01', format: 'mmm yyyy' }, { number: 21.5, format: '0.0' }, 22],
    ],
  },
  {
    name: 'NI59',
    columnWidths: [12, 12, 12],
    frozenRows: 1,
    rows: [
      ['Month', 'Numerator', 'Denominator'],
      [{ date: '2010-04-01', format: 'mmm yyyy' }, 64, 98],
      [{ date: '2010-05-01', format: 'mmm yyyy' }, 71, 104],
    ],
  },
  {
    name: 'About',
    rows: [
      ['As at', { date: '2011-01-31' }],
      ['Calendar', 'england-and-wales'],
      ['Rows read', 3179],
      ['Rows rejected', 0],
      [],
      ['Strict', false],
      ['Audit', { boolean: true, bold: true }],
    ],
  },
];

/** Every part of a zip archive, as text. */
async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const entry of listZipEntries(bytes)) {
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of unzipEntry(bytes, entry)) text += decoder.decode(chunk, { stream: true });
    texts.set(entry.name, text + decoder.decode());
  }
  return texts;
}

describe('writeWorkbook', () => {
  it('writes numbers, dates, text and booleans that read back as written', async () => {
    const bytes = await writeWorkbook(boardPack);
    const workbook = await openWorkbook(bytes);
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(['Summary', 'NI59', 'About']);
    expect(workbook.date1904).toBe(false);
    // 2011-01-01 is serial 40544 (40179 for 2010-01-01 plus 365); 2011-01-31 is 30 days later.
    expect(await sheetRows(bytes, 'Summary')).toEqual([
      [1, ['Indicator', 'Latest month', 'Value', 'Target']],
      [2, ['NI59', dateCell(40544, '2011-01-01'), 73 / 112, 0.8]],
      [3, ['CASELOAD', dateCell(40544, '2011-01-01'), 21.5, 22]],
    ]);
    // The empty fifth row is not written; the rows after it keep their numbers.
    expect(await sheetRows(bytes, 'About')).toEqual([
      [1, ['As at', dateCell(40574, '2011-01-31')]],
      [2, ['Calendar', 'england-and-wales']],
      [3, ['Rows read', 3179]],
      [4, ['Rows rejected', 0]],
      [6, ['Strict', false]],
      [7, ['Audit', true]],
    ]);
  });

  it('writes a workbook exceljs reads with its formats, widths, bold headers and frozen rows', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeWorkbook(boardPack)) as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('Summary');
    expect(summary?.getCell('C2').value).toBe(73 / 112);
    expect(summary?.getCell('C2').numFmt).toBe('0.0%');
    expect(summary?.getCell('B2').numFmt).toBe('mmm yyyy');
    expect(summary?.getCell('B2').value).toEqual(new Date('2011-01-01T00:00:00Z'));
    expect(summary?.getCell('D3').value).toBe(22);
    expect(summary?.getCell('A1').font?.bold).toBe(true);
    expect(summary?.getColumn(1).width).toBe(14);
    expect(summary?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const about = workbook.getWorksheet('About');
    expect(about?.getCell('B1').value).toEqual(new Date('2011-01-31T00:00:00Z'));
    expect(about?.getCell('B1').numFmt).toBe('dd/mm/yyyy');
    expect(about?.getCell('B6').value).toBe(false);
  });

  it('writes the golden XML of every part, and the same bytes every time', async () => {
    const bytes = await writeWorkbook(boardPack);
    const written = await parts(bytes);
    expect([...written.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
      'xl/styles.xml',
    ]);
    for (const [name, text] of written) {
      const golden = `${GOLDEN}${name.replace(/[[\]]/g, '').replaceAll('/', '--')}`;
      if (process.env.CSI_UPDATE_GOLDEN === '1') {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(golden, text);
      }
      expect(text, name).toBe(readFileSync(golden, 'utf8'));
    }
    // Fixed zip times and a deterministic deflate: the same sheets, the same file.
    expect(await writeWorkbook(boardPack)).toEqual(bytes);
  });

  it('keeps text exactly: spaces, line breaks, control characters, markup, escapes and astral characters', async () => {
    const texts = [
      '  leading and trailing  ',
      'line one\r\nline two\nline three',
      'tab\there, bell\u0007, nul\u0000',
      '<b>Smith & Jones</b> "quoted"',
      // A literal _x0041_ must not read back as "A".
      'keep _x0041_ as written',
      'Zoë, 😀, and a lone \ud800 surrogate',
      '=1+1',
    ];
    const bytes = await writeWorkbook([{ name: 'Text', rows: texts.map((text) => [text]) }]);
    const rows = await sheetRows(bytes, 'Text');
    expect(rows.map(([, cells]) => cells[0])).toEqual(texts);
    // exceljs agrees on the ones it unescapes (it leaves _xHHHH_ escapes as written).
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Text')?.getCell('D1').value).toBe(null);
    expect(workbook.getWorksheet('Text')?.getCell('A4').value).toBe('<b>Smith & Jones</b> "quoted"');
    expect(workbook.getWorksheet('Text')?.getCell('A7').value).toBe('=1+1');
  });

  it('writes rows from a generator as they come, and they read back whatever the chunks cut', async () => {
    // 20,000 rows make about 2 MB of sheet XML: the reader gets it in 16 KiB chunks, cut inside tags and values.
    let made = 0;
    const row = (i: number): WorkbookValue[] => [
      `C${i} & <${'x'.repeat(i % 50)}>`,
      i,
      { date: '2012-04-02' },
      i % 3 === 0,
    ];
    function* rows(): Generator<WorkbookValue[]> {
      for (let i = 1; i <= 20_000; i++) {
        made++;
        yield row(i);
      }
    }
    const bytes = await writeWorkbook([{ name: 'Big', rows: rows() }]);
    expect(made).toBe(20_000);
    let count = 0;
    const mismatches: number[] = [];
    const workbook = await openWorkbook(bytes);
    await workbook.readSheet('Big', (cells, number) => {
      count++;
      const [text, i, , flag] = row(number);
      const expected = [text, i, dateCell(41001, '2012-04-02'), flag];
      if (JSON.stringify(cells) !== JSON.stringify(expected)) mismatches.push(number);
    });
    expect(count).toBe(20_000);
    expect(mismatches).toEqual([]);
  });

  it('writes the first days of Excel around its phantom 1900-02-29', async () => {
    const bytes = await writeWorkbook([
      {
        name: 'Dates',
        rows: [
          [{ date: '1900-01-01' }, { date: '1900-02-28' }, { date: '1900-03-01' }, { date: '9999-12-31' }],
        ],
      },
    ]);
    // Excel counts 1900-01-01 as 1 and 1900-02-28 as 59, skips 60 (its 1900-02-29), and 1900-03-01 is 61.
    expect(await sheetRows(bytes, 'Dates')).toEqual([
      [
        1,
        [
          dateCell(1, '1900-01-01'),
          dateCell(59, '1900-02-28'),
          dateCell(61, '1900-03-01'),
          dateCell(2_958_465, '9999-12-31'),
        ],
      ],
    ]);
  });

  it('refuses sheet names Excel refuses', async () => {
    const named = (...names: string[]) => writeWorkbook(names.map((name) => ({ name, rows: [] })));
    expect((await rejection(named())).message).toBe('Expected at least one sheet to write, got none');
    expect((await rejection(named(''))).message).toBe('Expected a sheet name of 1 to 31 characters, got ""');
    expect((await rejection(named('x'.repeat(32)))).message).toMatch(
      /^Expected a sheet name of 1 to 31 characters/,
    );
    expect((await rejection(named('Q1/Q2'))).message).toBe(
      `Expected a sheet name without : \\ / ? * [ ] and not starting or ending with ', got "Q1/Q2"`,
    );
    expect((await rejection(named("'quoted'"))).message).toMatch(/not starting or ending with '/);
    const twice = await rejection(named('Summary', 'SUMMARY'));
    expect(twice).toBeInstanceOf(TypeError);
    expect(twice.message).toBe('Expected sheet names unique ignoring case, got "SUMMARY" after "Summary"');
  });

  it('refuses a cell it cannot write, naming the cell', async () => {
    const cell = (value: unknown) =>
      writeWorkbook([{ name: 'Sheet', rows: [[null, value as WorkbookValue]] }]);
    const notFinite = await rejection(cell(Number.NaN));
    expect(notFinite).toBeInstanceOf(TypeError);
    expect(notFinite.message).toBe('Expected a finite number in cell B1, got NaN');
    expect((await rejection(cell({ number: Number.POSITIVE_INFINITY, format: '0' }))).message).toBe(
      'Expected a finite number in cell B1, got Infinity',
    );
    const long = await rejection(cell('x'.repeat(32_768)));
    expect(long).toBeInstanceOf(RangeError);
    expect(long.message).toBe('Expected at most 32767 characters in cell B1, got 32768');
    expect((await rejection(cell({ date: '31/03/2011' }))).message).toBe(
      'Expected a date written YYYY-MM-DD in cell B1, got "31/03/2011"',
    );
    expect((await rejection(cell({ date: '1899-12-31' }))).message).toBe(
      'Expected a date from 1900-01-01 in cell B1, got "1899-12-31"',
    );
    expect((await rejection(cell(new Date(0)))).message).toMatch(
      /^Expected text, a number, a boolean, a date or null in cell B1, got "1970-01-01T00:00:00.000Z"/,
    );
    expect((await rejection(cell(12n))).message).toBe(
      'Expected text, a number, a boolean, a date or null in cell B1, got 12',
    );
  });

  it('refuses column widths and frozen rows Excel cannot show', async () => {
    const sheet = (extra: Partial<WorkbookSheetToWrite>) =>
      writeWorkbook([{ name: 'Sheet', rows: [['a']], ...extra }]);
    expect((await rejection(sheet({ columnWidths: [10, -1] }))).message).toBe(
      'Expected a column width from 0 to 255 characters, got -1',
    );
    expect((await rejection(sheet({ frozenRows: 1.5 }))).message).toBe(
      'Expected frozenRows to be a whole number from 0, got 1.5',
    );
  });
});
