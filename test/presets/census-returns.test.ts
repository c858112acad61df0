import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseload, cpc15 } from '../../src/indicators/index.js';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { parsePeriod } from '../../src/periods/index.js';
import { presetLayout } from '../../src/presets/presets.js';
import { readRecordsText } from '../../src/records/read-source.js';

// Synthetic returns in the shapes councils submit, written by test/fixtures/census/make-fixtures.mjs.
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/census/${name}`, import.meta.url));
const workforce = fixture('workforce-census.xml');
const nccis = fixture('nccis.xml');
const cin = fixture('cin-census-episodes.xml');

describe("readRecordsFile with preset 'workforce-census' (the census XML)", () => {
  it('reads every CSWWWorker: FTE30 for those in post, FTE for leavers, a blank OrgRole as no role, 1985 as a date', async () => {
    const read = await readRecordsFile('worker', workforce, { preset: 'workforce-census' });
    expect(read.records).toEqual([
      // RoleStartDate 1985: not a date of working-day arithmetic, read from 1900; the worker and cases are kept.
      {
        workerId: 'SW101',
        fte: 1,
        role: 'social-worker',
        startDate: '1985-03-01',
        agency: false,
        workingDaysLost: 10,
        cases: 15,
      },
      // FTE30 0.5 and FTE 0.8, in post: FTE30 is the FTE on the census date. OrgRole blank: role not known.
      {
        workerId: 'SW102',
        fte: 0.5,
        startDate: '2020-01-06',
        agency: false,
        workingDaysLost: 2.5,
        cases: 8,
      },
      // A leaver (RoleEndDate): FTE, as no FTE30 is returned for someone gone by 30 September.
      {
        workerId: 'SW103',
        fte: 0.6,
        role: 'social-worker',
        startDate: '2019-01-07',
        endDate: '2023-03-31',
        agency: false,
        workingDaysLost: 20,
      },
      // AgencyWorker 1: an agency worker.
      {
        workerId: 'SW104',
        fte: 1,
        role: 'social-worker',
        startDate: '2023-01-09',
        agency: true,
        cases: 20,
      },
      {
        workerId: 'SW105',
        fte: 1,
        role: 'team-manager',
        startDate: '2015-06-01',
        agency: false,
        workingDaysLost: 0,
        cases: 0,
      },
      {
        workerId: 'SW106',
        fte: 1,
        role: 'advanced-practitioner',
        startDate: '2016-02-01',
        endDate: '2023-09-30',
        agency: false,
        workingDaysLost: 5,
      },
    ]);
    // OrgRole 9 is no census code: that worker alone is rejected, at the line its CSWWWorker element starts on.
    expect(read.issues.map((i) => [i.code, i.row, i.field, i.value])).toEqual([
      ['invalid_value', 96, 'role', '9'],
    ]);
    expect(read.accounting).toEqual({
      rowsRead: 7,
      rowsAccepted: 6,
      rowsRejected: 1,
      rowsSkipped: 0,
      warningsByCode: {},
    });
    // The header's census date and vacancies, for the stability indicators.
    expect(read.fileValues).toEqual({ referenceDate: '2023-09-30', vacancies: '3.5' });
  });

  it("reads Cases30 as allocations on the header's ReferenceDate, and gives CASELOAD with no other input", async () => {
    const allocations = await readRecordsFile('allocation', workforce, { preset: 'workforce-census' });
    // 15 + 8 + 20 + 4 cases (SW101, SW102, SW104, SW107); SW103 and SW106 (blank) and SW105 (0) are skipped.
    expect(allocations.records).toHaveLength(47);
    expect(allocations.records[0]?.allocatedFrom).toBe('2023-09-30');
    expect(allocations.accounting).toMatchObject({ rowsRead: 50, rowsAccepted: 47, rowsSkipped: 3 });
    const workers = await readRecordsFile('worker', workforce, { preset: 'workforce-census' });
    const result = caseload(allocations.records, parsePeriod('2023-09'), { workers: workers.records });
    // Counted: SW101 (15 cases, 1 FTE) and SW104 (20, 1): 35 / 2 = 17.5. SW102's 8 cases are held by a worker whose
    // role is not known (excluded, named); SW107's 4 by a worker rejected on reading (unknown-worker).
    expect([result.numerator, result.denominator, result.display]).toEqual([35, 2, '17.5']);
    expect(result.counts.excluded).toEqual({ 'role-unknown': 8, 'unknown-worker': 4 });
  });

  it('refuses an XML file that is not a workforce census, naming what was expected', async () => {
    const read = await readRecordsFile('worker', nccis, { preset: 'workforce-census' });
    expect(read.readable).toBe(false);
    expect(read.issues[0]?.message).toMatch(/^no <Message> element: expected a workforce census file/);
  });
});

describe("readRecordsFile with preset 'nccis' (the NCCIS XML)", () => {
  it("counts every young person on the header's PeriodEnd, placing each code and keeping it", async () => {
    const read = await readRecordsFile('neet', nccis, { preset: 'nccis' });
    expect(read.records).toEqual([
      {
        personId: '4440000000001',
        snapshotDate: '2013-01-31',
        dateOfBirth: '1995-10-01',
        status: 'NEET',
        activityCode: '540',
      },
      {
        personId: '4440000000002',
        snapshotDate: '2013-01-31',
        dateOfBirth: '1995-11-02',
        status: 'EET',
        activityCode: '230',
      },
      // 120: a pupil still in compulsory education, a code of the requirement outside the measure: EXCLUDED.
      {
        personId: '4440000000003',
        snapshotDate: '2013-01-31',
        dateOfBirth: '1997-02-03',
        status: 'EXCLUDED',
        activityCode: '120',
      },
      {
        personId: '4440000000004',
        snapshotDate: '2013-01-31',
        dateOfBirth: '1995-12-04',
        status: 'NOT_KNOWN',
        activityCode: '810',
      },
    ]);
    // "X1" is no code at all; a record with two current activities cannot be placed without a guess: its
    // ActivityCode is given twice, as a CIN census element given twice is (duplicate_column, naming the element).
    expect(read.issues.map((i) => [i.code, i.row, i.field, i.value])).toEqual([
      ['invalid_value', 68, 'status', 'X1'],
      ['duplicate_column', 82, 'status', 'ActivityCode'],
    ]);
    expect(read.issues[1]?.message).toBe(
      'the <YoungPersonsRecord> on line 82 gives <ActivityCode> twice, "540" and "310": which one the file means cannot be known. Give it once',
    );
    expect(read.accounting).toEqual({
      rowsRead: 6,
      rowsAccepted: 4,
      rowsRejected: 2,
      rowsSkipped: 0,
      warningsByCode: {},
    });
    expect(read.fileValues).toEqual({ periodEnd: '2013-01-31' });
  });
});

describe('readRecordsFile with the CIN census (conferences on the episode)', () => {
  it('reads a conference whichever level holds it, once when both do', async () => {
    const read = await readRecordsFile('cp-conference', cin);
    expect(read.records.map((r) => [r.id, r.strategyDiscussionDate ?? null, r.referralDate])).toEqual([
      // E1: DateOfInitialCPC on the episode only; its one Section47 (started 8 January) takes it.
      ['E1@2013-01-25', '2013-01-08', '2013-01-07'],
      // E2: the same date on the episode and on the enquiry: one conference.
      ['E2@2013-02-20', '2013-01-28', '2013-01-25'],
      // E3: an episode with a conference and no Section47: one conference, no start date.
      ['E3@2013-03-15', null, '2013-03-01'],
      // E4: an enquiry's conference before the episode's referral date: kept, with a warning.
      ['E4@2013-03-14', '2013-03-04', '2013-03-20'],
    ]);
    // Each record at its element's line: E1 and E2 at their Section47, E3 at its CINdetails.
    expect(read.rows).toEqual([19, 33, 45, 57]);
    expect(read.issues.map((i) => [i.code, i.severity, i.row, i.field, i.value])).toEqual([
      ['end_before_start', 'warning', 57, 'conferenceDate', '2013-03-14'],
      // E5's ICPCnotRequired "maybe" is not read as "no": the enquiry is rejected.
      ['invalid_value', 'error', 71, 'icpcNotRequired', 'maybe'],
    ]);
    expect(read.accounting).toEqual({
      rowsRead: 5,
      rowsAccepted: 4,
      rowsRejected: 1,
      rowsSkipped: 0,
      warningsByCode: { end_before_start: 1 },
    });
  });

  it('counts a conference before its referral from the strategy discussion, and leaves it out from the referral', async () => {
    const { records } = await readRecordsFile('cp-conference', cin);
    const quarter = parsePeriod('2013-01..2013-03');
    // From the strategy discussion (working days after the start, no bank holiday in January to March 2013):
    // E1 8 Jan → 25 Jan: 13 days, on time; E2 28 Jan → 20 Feb: 17, late; E4 4 Mar → 14 Mar: 8, on time; E3 has no
    // start (excluded). 2 of 3.
    const fromStrategy = cpc15(records, quarter);
    expect([fromStrategy.numerator, fromStrategy.denominator]).toEqual([2, 3]);
    expect(fromStrategy.counts.excluded).toEqual({ 'missing-strategyDiscussionDate': 1 });
    // From the referral: E1 7 Jan → 25 Jan: 14, on time; E2 25 Jan → 20 Feb: 18, late; E3 1 Mar → 15 Mar: 10, on
    // time; E4 is dated before its referral: out, with that reason. 2 of 3.
    const fromReferral = cpc15(records, quarter, { startEvent: 'referral' });
    expect([fromReferral.numerator, fromReferral.denominator]).toEqual([2, 3]);
    expect(fromReferral.counts.excluded).toEqual({ 'conference-before-referral': 1 });
  });
});

describe('the workforce census XML (bad input)', () => {
  const census = (header: string, worker: string) =>
    `<?xml version="1.0"?>\n<Message>\n  <Header><CollectionDetails>${header}</CollectionDetails></Header>\n  <CSWWWorker>${worker}</CSWWWorker>\n</Message>\n`;
  const read = (kind: 'worker' | 'allocation', xml: string) =>
    readRecordsText(kind, xml, 'xml', presetLayout('workforce-census', kind));

  it('rejects an AgencyWorker that is not 1 or 0, naming the census spelling', () => {
    const result = read(
      'worker',
      census(
        '<ReferenceDate>2023-09-30</ReferenceDate>',
        '<SWENo>SW1</SWENo><AgencyWorker>2</AgencyWorker><FTE30>1</FTE30>',
      ),
    );
    expect(result.records).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.row, i.field, i.value, i.message])).toEqual([
      [
        'invalid_value',
        4,
        'agency',
        '2',
        'AgencyWorker "2" is not a yes/no value: the census writes 1 (an agency worker) or 0 (employed by the council)',
      ],
    ]);
  });

  it('rejects cases whose census date is not a 30 September, rather than dating them to another day', () => {
    const result = read(
      'allocation',
      census(
        '<ReferenceDate>2023-03-31</ReferenceDate>',
        '<SWENo>SW1</SWENo><Cases30>2</Cases30><FTE30>1</FTE30>',
      ),
    );
    expect(result.records).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.field])).toEqual([['missing_field', 'allocatedFrom']]);
    expect(result.issues[0]?.message).toMatch(
      /^the census header's ReferenceDate "2023-03-31" is not a 30 September/,
    );
  });

  it('refuses a file with neither FTE30 nor FTE', () => {
    const result = readRecordsText(
      'worker',
      'SWENo,OrgRole\nSW1,5\n',
      'csv',
      presetLayout('workforce-census', 'worker'),
    );
    expect(result.readable).toBe(false);
    expect(result.issues.map((i) => [i.code, i.field])).toEqual([['missing_column', 'fte30']]);
  });
});
