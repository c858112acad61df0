import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { annexALists } from '../../src/presets/annex-a.js';
import { createPresetReader } from '../../src/presets/presets.js';
import { InputError } from '../../src/records/issues.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/presets/${name}`, import.meta.url));
const annexA = fixture('annex-a.xlsx');

describe("readRecordsFile with preset 'annex-a'", () => {
  it('reads List 3 (sheet List_3, older Gender header, a title above) to referrals', async () => {
    const read = await readRecordsFile('referral', annexA, { preset: 'annex-a' });
    // Ids are the child and the referral date. Row 6's date is the serial 40968 (2012-02-29), row 7's the text
    // 01/05/2012, row 9's a formula with a rich-text child id.
    // Number of Referrals in Last 12 Months is read as referralsInLast12Months (C002 had one before).
    expect(read.records).toEqual([
      {
        id: 'C001@2012-04-02',
        childId: 'C001',
        referralDate: '2012-04-02',
        source: 'Police',
        team: 'North',
        referralsInLast12Months: 0,
      },
      {
        id: 'C002@2012-02-29',
        childId: 'C002',
        referralDate: '2012-02-29',
        source: 'Schools',
        team: 'South',
        referralsInLast12Months: 1,
      },
      {
        id: 'C003@2012-05-01',
        childId: 'C003',
        referralDate: '2012-05-01',
        source: 'Health',
        team: 'North',
        referralsInLast12Months: 0,
      },
      {
        id: 'C005@2012-10-15',
        childId: 'C005',
        referralDate: '2012-10-15',
        source: 'Schools',
        team: 'North',
        referralsInLast12Months: 0,
      },
    ]);
    expect(read.rows).toEqual([5, 6, 7, 9]);
    // Gender, ethnicity, age and the rest are known (they found the header row) but read into no field.
    expect(read.columns?.ignored).toEqual([
      'Gender',
      'Ethnicity',
      'Date of Birth',
      'Age of Child (Years)',
      'Referral NFA?',
    ]);
  });

  it('reports text in a date column as an invalid_date with its file, row, field and value', async () => {
    const read = await readRecordsFile('referral', annexA, { preset: 'annex-a' });
    expect(read.issues).toEqual([
      {
        code: 'invalid_date',
        severity: 'error',
        row: 8,
        field: 'referralDate',
        value: 'not known',
        message: '"not known" is not a date: expected YYYY-MM-DD or DD/MM/YYYY',
        file: annexA,
      },
    ]);
    // Five rows after the header, the blank trailing rows not counted.
    expect(read.accounting).toEqual({
      rowsRead: 5,
      rowsAccepted: 4,
      rowsRejected: 1,
      rowsSkipped: 0,
      warningsByCode: {},
    });
    expect(read.skipped).toEqual([]);
  });

  it('reads List 4 (sheet "list 4", lower-case headers, newer Sex) to assessments', async () => {
    const read = await readRecordsFile('assessment', annexA, { preset: 'annex-a' });
    expect(read.records).toEqual([
      {
        id: 'C001@2012-04-03',
        childId: 'C001',
        startDate: '2012-04-03',
        completedDate: '2012-05-18',
        team: 'North',
        workerId: 'W01',
      },
      // Both dates are serials: 40968 is 2012-02-29, 41005 is 37 days later, 2012-04-06.
      {
        id: 'C002@2012-02-29',
        childId: 'C002',
        startDate: '2012-02-29',
        completedDate: '2012-04-06',
        team: 'South',
        workerId: 'W02',
      },
      // Still open: no authorisation date, no worker.
      { id: 'C003@2012-05-02', childId: 'C003', startDate: '2012-05-02', team: 'North' },
    ]);
    expect(read.issues).toEqual([]);
  });

  it('reads List 5 to initial conferences, and skips the enquiries that are not conferences', async () => {
    const read = await readRecordsFile('cp-conference', annexA, { preset: 'annex-a' });
    // The one List 5 date is both the strategy discussion and the start of the section 47 enquiry.
    expect(read.records).toEqual([
      {
        id: 'C001@2012-06-08',
        childId: 'C001',
        conferenceDate: '2012-06-08',
        type: 'initial',
        strategyDiscussionDate: '2012-05-21',
        s47StartDate: '2012-05-21',
        team: 'North',
      },
      // The conference date is the serial 41281: 2013-01-07.
      {
        id: 'C006@2013-01-07',
        childId: 'C006',
        conferenceDate: '2013-01-07',
        type: 'initial',
        strategyDiscussionDate: '2012-12-17',
        s47StartDate: '2012-12-17',
        team: 'South',
      },
    ]);
    expect(read.skipped).toEqual([
      {
        row: 3,
        reason: 'icpc-not-required',
        message: 'an initial conference was deemed unnecessary ("Yes"): the enquiry is not a conference',
        file: annexA,
      },
      {
        row: 4,
        reason: 'no-conference-date',
        message:
          'no initial conference date: the enquiry has not (yet) led to a conference, so it is not a conference record',
        file: annexA,
      },
    ]);
    // Every row is accounted for (SPEC 13): four rows read, the two conferences accepted and the two enquiries
    // that are not conferences skipped, each with its reason above.
    expect(read.accounting).toEqual({
      rowsRead: 4,
      rowsAccepted: 2,
      rowsRejected: 0,
      rowsSkipped: 2,
      warningsByCode: {},
    });
  });

  it('reads List 7 (sheet "Child Protection") to plans with their previous plans', async () => {
    const read = await readRecordsFile('cp-plan', annexA, { preset: 'annex-a' });
    expect(read.records).toEqual([
      { id: 'C001@2012-06-08', childId: 'C001', startDate: '2012-06-08', previousPlans: 0, team: 'North' },
      {
        id: 'C007@2010-03-01',
        childId: 'C007',
        startDate: '2010-03-01',
        endDate: '2012-09-14',
        previousPlans: 1,
        team: 'South',
      },
      // The start is the serial 40602: 2011-02-28.
      { id: 'C008@2011-02-28', childId: 'C008', startDate: '2011-02-28', previousPlans: 2, team: 'North' },
    ]);
  });

  it('reads the sheet given by --sheet, by name or number', async () => {
    const byName = await readRecordsFile('referral', annexA, { preset: 'annex-a', sheet: 'list-3' });
    expect(byName.records).toHaveLength(4);
    const byNumber = await readRecordsFile('referral', annexA, { preset: 'annex-a', sheet: 2 });
    expect(byNumber.records).toHaveLength(4);
  });

  it('refuses a sheet without the list header, saying which columns are missing', async () => {
    const read = await readRecordsFile('referral', annexA, { preset: 'annex-a', sheet: 'No header' });
    expect(read.readable).toBe(false);
    // No row has two known headers: the first row is taken as the header, and both required columns are missing.
    expect(read.issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['missing_column', 1, 'childId'],
      ['missing_column', 1, 'referralDate'],
    ]);
    expect(read.issues[0]?.message).toBe(
      'no column gives childId, which Annex A List 3 (referrals) needs: expected "Child Unique ID" (or "Child ID", "Unique ID", "Child Unique Identifier", "Child Identifier", "LA Child ID", "LAchildID"). Headers found: "Some other table"',
    );
    expect(read.accounting).toEqual({
      rowsRead: 2,
      rowsAccepted: 0,
      rowsRejected: 2,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });

  it('refuses a workbook without the list, naming the sheets found', async () => {
    const read = await readRecordsFile('referral', fixture('workforce-census.xlsx'), { preset: 'annex-a' });
    expect(read.readable).toBe(false);
    expect(read.issues).toEqual([
      {
        code: 'unreadable',
        severity: 'error',
        row: 0,
        field: null,
        value: null,
        message:
          'no sheet named "List 3" or "Referrals": sheets found: "CSWWWorker". Name the sheet to read (--sheet NAME or N)',
        file: fixture('workforce-census.xlsx'),
      },
    ]);
  });

  it('refuses a truncated workbook with a clear unreadable issue, and throws it in strict mode', async () => {
    const path = fixture('annex-a-truncated.xlsx');
    const read = await readRecordsFile('referral', path, { preset: 'annex-a' });
    expect(read.readable).toBe(false);
    expect(read.issues).toHaveLength(1);
    expect(read.issues[0]?.code).toBe('unreadable');
    expect(read.issues[0]?.message).toMatch(
      /^it cannot be read as an Excel workbook \(\.xlsx\): it is not a complete Excel workbook \(\.xlsx\): .*is it cut short\?$/,
    );
    await expect(readRecordsFile('referral', path, { preset: 'annex-a', strict: true })).rejects.toThrow(
      InputError,
    );
  });

  it('throws in strict mode with every issue, as for a CSV file', async () => {
    await expect(
      readRecordsFile('referral', annexA, { preset: 'annex-a', strict: true }),
    ).rejects.toMatchObject({
      issues: [{ code: 'invalid_date', row: 8, field: 'referralDate' }],
      accounting: { rowsRead: 5, rowsAccepted: 4, rowsRejected: 1, rowsSkipped: 0, warningsByCode: {} },
    });
  });

  it('refuses a kind Annex A does not give, and a JSON file', async () => {
    await expect(readRecordsFile('neet', annexA, { preset: 'annex-a' })).rejects.toThrow(
      'the annex-a preset gives referral, assessment, cp-conference, cp-plan records, not "neet"',
    );
    await expect(readRecordsFile('referral', 'lists.json', { preset: 'annex-a' })).rejects.toThrow(
      'the annex-a preset reads .xlsx or .csv files, not json',
    );
  });
});

describe("createPresetReader('annex-a')", () => {
  it('matches headers ignoring case, spaces and punctuation, with the known spellings', () => {
    const reader = createPresetReader('annex-a', 'cp-conference');
    reader.header(
      ['CHILD_UNIQUE_ID', 'sex', 'section 47 enquiry start date', 'ICPC not required', 'date-of-icpc'],
      1,
    );
    reader.cells(['C9', 'F', '03/09/2012', 'a) No', '21/09/2012'], 2);
    reader.cells(['C9', 'F', '01/10/2012', 'a) Yes', ''], 3);
    const read = reader.result();
    expect(read.records).toEqual([
      {
        id: 'C9@2012-09-21',
        childId: 'C9',
        conferenceDate: '2012-09-21',
        type: 'initial',
        strategyDiscussionDate: '2012-09-03',
        s47StartDate: '2012-09-03',
      },
    ]);
    expect(read.skipped.map((s) => [s.row, s.reason])).toEqual([[3, 'icpc-not-required']]);
  });

  it('refuses two spellings of one column unless a column map names the one to read, and names a repeated one', () => {
    // "Child Unique ID" is the standard spelling; it was read over "Child ID" without a word, though the row's two
    // ids differ. Now the header is refused, naming both columns.
    const reader = createPresetReader('annex-a', 'referral');
    reader.header(['Child ID', 'Child Unique ID', 'Date of referral'], 1);
    reader.cells(['other', 'C1', '2012-04-02'], 2);
    const refused = reader.result();
    expect(refused.records).toEqual([]);
    expect(refused.issues.map((i) => [i.code, i.field, i.value])).toEqual([
      ['duplicate_column', 'childId', 'Child Unique ID'],
    ]);
    // A column map naming one of them chooses it.
    const mapped = createPresetReader('annex-a', 'referral', { columnMap: { 'Child Unique ID': 'childId' } });
    mapped.header(['Child ID', 'Child Unique ID', 'Date of referral'], 1);
    mapped.cells(['other', 'C1', '2012-04-02'], 2);
    expect(mapped.result().records).toEqual([
      { id: 'C1@2012-04-02', childId: 'C1', referralDate: '2012-04-02' },
    ]);

    const twice = createPresetReader('annex-a', 'referral');
    twice.header(['Child Unique ID', 'Date of referral', 'child unique id'], 1);
    expect(twice.result().issues.map((i) => [i.code, i.field])).toEqual([['duplicate_column', 'childId']]);
  });

  it('makes the same id from a date however it is written, so a repeat is a duplicate_id', () => {
    const reader = createPresetReader('annex-a', 'referral');
    reader.header(['Child Unique ID', 'Date of referral'], 1);
    reader.cells(['C1', '02/04/2012'], 2);
    reader.cells(['C1', '2012-04-02'], 3);
    const read = reader.result();
    expect(read.records.map((r) => r.id)).toEqual(['C1@2012-04-02']);
    expect(read.issues.map((i) => [i.code, i.row, i.value])).toEqual([['duplicate_id', 3, 'C1@2012-04-02']]);
  });

  it('takes a column map from a header to one of the list columns', () => {
    const reader = createPresetReader('annex-a', 'assessment', {
      columnMap: { 'Assessment began': 'startDate' },
    });
    reader.header(['Child Unique ID', 'Assessment began'], 1);
    reader.cells(['C1', '2012-04-02'], 2);
    expect(reader.result().records).toEqual([
      { id: 'C1@2012-04-02', childId: 'C1', startDate: '2012-04-02' },
    ]);
    expect(() => createPresetReader('annex-a', 'assessment', { columnMap: { X: 'nothing' } })).toThrow(
      TypeError,
    );
  });

  it('lists its sheet names and column spellings as data', () => {
    expect(annexALists.referral.sheetNames).toEqual(['List 3', 'Referrals']);
    expect(annexALists['cp-plan'].sheetNames).toContain('Child Protection');
    expect(annexALists.referral.columns.find((c) => c.field === 'sex')?.headers).toEqual([
      'Sex',
      'Gender',
      'Gender Current',
    ]);
  });
});
