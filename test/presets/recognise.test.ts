import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  inputShapes,
  recogniseInput,
  SAMPLE_BYTES,
  sampleText,
  sampleWorkbook,
} from '../../src/presets/recognise.js';
import type { RecordFileFormat } from '../../src/records/file-format.js';
import { WorkbookError } from '../../src/workbook/errors.js';
import { fixturePath } from '../helpers/fixtures.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/data/fy2010/', import.meta.url));

/** The sample of a file on disk, from its first bytes, as the page takes it. */
function sampleOf(path: string, format: Exclude<RecordFileFormat, 'xlsx'>) {
  const bytes = readFileSync(path).subarray(0, SAMPLE_BYTES);
  return sampleText(path.split('/').pop() ?? path, format, bytes);
}

describe('sampleText', () => {
  it("takes CSV's first row, even when the sample cuts the file mid-row", () => {
    const text = 'id,childId,referralDate\nR1,C1,2010-10-01\nR2,C2,2010-1';
    expect(sampleText('r.csv', 'csv', new TextEncoder().encode(text)).header).toEqual([
      'id',
      'childId',
      'referralDate',
    ]);
  });

  it('decodes a Windows-1252 header as the reader would (a £ in a header is not lost)', () => {
    // 0xA3 is £ in Windows-1252 and no UTF-8 sequence: the file is read as Windows-1252.
    const bytes = new Uint8Array([...new TextEncoder().encode('id,childId,referralDate,Cost '), 0xa3, 0x0a]);
    expect(sampleText('r.csv', 'csv', bytes).header).toEqual(['id', 'childId', 'referralDate', 'Cost £']);
  });

  it("takes the first item's keys of a JSON array and of NDJSON", () => {
    const item = '{"id":"R1","childId":"C1","referralDate":"2010-10-01","note":"a } in text"}';
    const keys = ['id', 'childId', 'referralDate', 'note'];
    expect(sampleText('r.json', 'json', new TextEncoder().encode(`[${item},{"id":`)).header).toEqual(keys);
    expect(sampleText('r.ndjson', 'ndjson', new TextEncoder().encode(`\n${item}\n{"id"`)).header).toEqual(
      keys,
    );
  });

  it('gives no header when the first JSON item does not end within the sample', () => {
    expect(sampleText('r.json', 'json', new TextEncoder().encode('[{"id":"R1","childId":')).header).toBe(
      undefined,
    );
  });

  it("names XML's elements", () => {
    const sample = sampleOf(fixturePath('presets', 'cin-census.xml'), 'xml');
    expect(sample.xmlElements).toEqual(expect.arrayContaining(['Message', 'Children', 'Child', 'LAchildID']));
  });
});

describe('recogniseInput', () => {
  // The example year's eight exports, each in its kind's own field names; the kinds its report config reads settle
  // the one tie (core assessments have the same fields as the modern single assessments).
  const exampleKinds = [
    'initial-assessment',
    'core-assessment',
    'cp-conference',
    'caf',
    'referral',
    'neet',
    'worker',
    'allocation',
  ] as const;
  it.each([
    ['initial-assessments.csv', 'initial-assessment', 6, ''],
    [
      'core-assessments.csv',
      'core-assessment',
      6,
      ' (it also fits assessment records; the indicators chosen read core-assessment)',
    ],
    ['cp-conferences.csv', 'cp-conference', 8, ''],
    ['caf.csv', 'caf', 7, ''],
    ['referrals.csv', 'referral', 6, ''],
    ['neet.csv', 'neet', 4, ''],
    ['workers.csv', 'worker', 6, ''],
    ['allocations.csv', 'allocation', 4, ''],
  ] as const)('recognises the example %s as %s records by its header', (file, kind, matched, settled) => {
    const recognition = recogniseInput(sampleOf(`${EXAMPLES}${file}`, 'csv'), { wanted: exampleKinds });
    expect(recognition.reads).toEqual([{ kind, preset: null, label: `${kind} records`, matched }]);
    expect(recognition.alternatives).toEqual([]);
    expect(recognition.message).toBe(`${file}: ${kind} records${settled}`);
  });

  it("prefers a kind's own field names to a preset that spells them the same way (neet, not NCCIS)", () => {
    // personId, snapshotDate, dateOfBirth and status are also NCCIS spellings (Person ID, Snapshot Date, Date of
    // Birth, Status): both fit all four, and the file is in the kind's own shape.
    const recognition = recogniseInput({
      file: 'neet.csv',
      format: 'csv',
      header: ['personId', 'snapshotDate', 'dateOfBirth', 'status'],
    });
    expect(recognition.reads.map((read) => [read.kind, read.preset])).toEqual([['neet', null]]);
  });

  it('recognises NCCIS activity codes, the workforce census and the CIN census by their own headers', () => {
    expect(
      recogniseInput(sampleOf(fixturePath('presets', 'nccis.csv'), 'csv')).reads.map((r) => [
        r.kind,
        r.preset,
      ]),
    ).toEqual([['neet', 'nccis']]);
    // One table gives workers, and allocations from Cases30: both are given.
    expect(
      recogniseInput(sampleOf(fixturePath('presets', 'workforce-census.csv'), 'csv')).reads.map((r) => [
        r.kind,
        r.preset,
      ]),
    ).toEqual([
      ['worker', 'workforce-census'],
      ['allocation', 'workforce-census'],
    ]);
    expect(
      recogniseInput(sampleOf(fixturePath('presets', 'cin-census.xml'), 'xml')).reads.map((r) => r.kind),
    ).toEqual(['referral', 'assessment', 'cp-conference', 'cp-plan']);
  });

  it('says a file is ambiguous when it fits two kinds equally, and names both', () => {
    // Core assessments and (single) assessments have the same fields: nothing in the file tells them apart.
    const recognition = recogniseInput({
      file: 'assessments.csv',
      format: 'csv',
      header: ['id', 'childId', 'startDate', 'completedDate', 'team', 'workerId'],
    });
    expect(recognition.reads).toEqual([]);
    expect(recognition.alternatives.map((read) => read.kind)).toEqual(['core-assessment', 'assessment']);
    expect(recognition.message).toBe(
      'assessments.csv fits core-assessment records or assessment records equally: give it in the field for its kind',
    );
  });

  it('settles a tie by the kinds the indicators read, and says so', () => {
    const recognition = recogniseInput(
      { file: 'ia.csv', format: 'csv', header: ['id', 'childId', 'referralDate'] },
      { wanted: ['initial-assessment', 'core-assessment'] },
    );
    expect(recognition.reads.map((read) => read.kind)).toEqual(['initial-assessment']);
    expect(recognition.message).toBe(
      'ia.csv: initial-assessment records (it also fits referral records; the indicators chosen read initial-assessment)',
    );
  });

  it('prefers the shape whose columns the header holds most of (a cp-plan file is not core assessments)', () => {
    // id, childId and startDate fit core assessments, assessments and plans; endDate and previousPlans only plans.
    const recognition = recogniseInput({
      file: 'plans.csv',
      format: 'csv',
      header: ['id', 'childId', 'startDate', 'endDate', 'previousPlans'],
    });
    expect(recognition.reads.map((read) => [read.kind, read.matched])).toEqual([['cp-plan', 5]]);
  });

  it('recognises an Annex A workbook by its lists, each list the kind its sheet gives', () => {
    const recognition = recogniseInput({
      file: 'annex-a.xlsx',
      format: 'xlsx',
      sheets: [
        { name: 'Cover', rows: [['Annex A']] },
        { name: 'List_3', rows: [['Child Unique ID', 'Gender', 'Date of referral']] },
        { name: 'List 4', rows: [] },
        { name: 'List 5', rows: [['Child Unique ID', 'Date of Initial Child Protection Conference']] },
        { name: 'List 7 Child Protection', rows: [['Child Unique ID', 'Child Protection Plan Start Date']] },
      ],
    });
    expect(recognition.reads.map((read) => [read.kind, read.preset, read.sheet])).toEqual([
      ['referral', 'annex-a', 'List_3'],
      ['assessment', 'annex-a', 'List 4'],
      ['cp-conference', 'annex-a', 'List 5'],
      ['cp-plan', 'annex-a', 'List 7 Child Protection'],
    ]);
  });

  it("does not take a sheet by its name when its header lacks the list's required columns", () => {
    // List 3 holds no referral date column: it is not Annex A's list of referrals, and the first sheet is tried.
    const recognition = recogniseInput({
      file: 'book.xlsx',
      format: 'xlsx',
      sheets: [{ name: 'List 3', rows: [['Child Unique ID', 'Gender']] }],
    });
    expect(recognition.reads).toEqual([]);
    expect(recognition.message).toContain('book.xlsx: its first sheet fits no shape of records known');
  });

  it('reads a workbook without named lists from its first sheet, the header below title rows', () => {
    const recognition = recogniseInput({
      file: 'ia.xlsx',
      format: 'xlsx',
      sheets: [
        {
          name: 'Export',
          rows: [
            ['Initial assessments, 2010/11'],
            ['id', 'childId', 'referralDate', 'completedDate', 'team'],
          ],
        },
      ],
    });
    expect(recognition.reads.map((read) => [read.kind, read.preset, read.sheet])).toEqual([
      ['initial-assessment', null, undefined],
    ]);
  });

  it('checks a file given for one kind against that kind only, naming the headers found and expected', () => {
    const recognition = recogniseInput(sampleOf(`${EXAMPLES}neet.csv`, 'csv'), { kind: 'referral' });
    expect(recognition.reads).toEqual([]);
    expect(recognition.message).toBe(
      'neet.csv: its header fits no shape of referral records known (headers found: personId, snapshotDate, dateOfBirth, status); expected referral records: id, childId, referralDate; or Annex A List 3 (referrals): Child Unique ID, Date of referral',
    );
  });

  it('finds a kind an XML file cannot give, and says which element it looked for', () => {
    const recognition = recogniseInput(sampleOf(fixturePath('presets', 'cin-census.xml'), 'xml'), {
      kind: 'neet',
    });
    expect(recognition.reads).toEqual([]);
    expect(recognition.message).toBe(
      'cin-census.xml is XML with no record element recognised (expected none for this kind)',
    );
  });
});

describe('inputShapes', () => {
  it('lists every kind in its own field names, then every kind of every preset', () => {
    const shapes = inputShapes();
    expect(shapes.filter((shape) => shape.preset === null)).toHaveLength(10);
    expect(shapes.filter((shape) => shape.preset !== null).map((s) => `${s.preset}:${s.kind}`)).toEqual([
      'annex-a:referral',
      'annex-a:assessment',
      'annex-a:cp-conference',
      'annex-a:cp-plan',
      'cin-census:referral',
      'cin-census:assessment',
      'cin-census:cp-conference',
      'cin-census:cp-plan',
      'workforce-census:worker',
      'workforce-census:allocation',
      'nccis:neet',
    ]);
    // NCCIS's count date may come from an option or the file: a table without it is still NCCIS.
    const nccis = shapes.find((shape) => shape.preset === 'nccis');
    expect(nccis?.columns.find((column) => column.field === 'snapshotDate')?.required).toBe(false);
  });
});

describe('sampleWorkbook', () => {
  it("lists an Annex A workbook's sheets with their first rows, and recognition takes each list as its kind", async () => {
    const path = fileURLToPath(new URL('../../examples/annex-a/annex-a-2012-13.xlsx', import.meta.url));
    const sample = await sampleWorkbook('annex-a-2012-13.xlsx', new Uint8Array(readFileSync(path)));
    const lists = sample.sheets?.filter((sheet) => sheet.rows.length > 0).map((sheet) => sheet.name) ?? [];
    expect(lists).toEqual(expect.arrayContaining(['List 3', 'List 4', 'List 5', 'List 7']));
    // At most the rows a header is looked for in.
    for (const sheet of sample.sheets ?? []) expect(sheet.rows.length).toBeLessThanOrEqual(50);
    expect(recogniseInput(sample).reads.map((read) => [read.kind, read.preset, read.sheet])).toEqual([
      ['referral', 'annex-a', 'List 3'],
      ['assessment', 'annex-a', 'List 4'],
      ['cp-conference', 'annex-a', 'List 5'],
      ['cp-plan', 'annex-a', 'List 7'],
    ]);
  });

  it('reads a date cell as its date, as the records reader does', async () => {
    // The fixture's List 3: C1's referral a date cell (2 April 2012), C2's the 1904 serial 39539, shown as a number.
    const sample = await sampleWorkbook(
      'date1904.xlsx',
      new Uint8Array(readFileSync(fixturePath('presets', 'date1904.xlsx'))),
    );
    expect(sample.sheets?.[0]?.rows).toEqual([
      ['Child Unique ID', 'Date of referral'],
      ['C1', '2012-04-02'],
      ['C2', '39539'],
    ]);
  });

  it('refuses bytes that are not a workbook, saying so', async () => {
    await expect(sampleWorkbook('a.xlsx', new TextEncoder().encode('id,childId\n'))).rejects.toThrow(
      WorkbookError,
    );
  });
});
