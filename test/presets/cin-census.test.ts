import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { parseCinCensusXml } from '../../src/presets/cin-census.js';
import { InputError } from '../../src/records/issues.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/presets/${name}`, import.meta.url));
const census = fixture('cin-census.xml');

// The fixture: child A100 with two CINdetails episodes (the first with two Assessments, a Section47 leading to a
// conference and a plan; the second with a Section47 whose conference was not required), and child B200 with one
// episode (one Assessments element, a Section47 still waiting for its conference, an ended plan).
describe('parseCinCensusXml', () => {
  it('reads each episode referral of both children, ids from child and date, rows from the XML lines', async () => {
    const read = await readRecordsFile('referral', census);
    expect(read.records).toEqual([
      { id: 'A100@2012-04-10', childId: 'A100', referralDate: '2012-04-10', source: '1A' },
      { id: 'A100@2013-01-21', childId: 'A100', referralDate: '2013-01-21', source: '6' },
      { id: 'B200@2012-02-28', childId: 'B200', referralDate: '2012-02-28' },
    ]);
    // The lines the <CINdetails> elements start on.
    expect(read.rows).toEqual([16, 36, 50]);
    expect(read.accounting).toEqual({
      rowsRead: 3,
      rowsAccepted: 3,
      rowsRejected: 0,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });

  it('reads repeated and single Assessments elements alike', async () => {
    const read = await readRecordsFile('assessment', census, { preset: 'cin-census' });
    expect(read.records).toEqual([
      { id: 'A100@2012-04-11', childId: 'A100', startDate: '2012-04-11', completedDate: '2012-05-30' },
      // Still open: no authorisation date.
      { id: 'A100@2012-09-03', childId: 'A100', startDate: '2012-09-03' },
      // The only Assessments element of B200, begun on the leap day.
      { id: 'B200@2012-02-29', childId: 'B200', startDate: '2012-02-29', completedDate: '2012-04-27' },
    ]);
    expect(read.rows).toEqual([19, 23, 52]);
  });

  it('reads a Section47 with its conference, and skips those without one', async () => {
    const read = await readRecordsFile('cp-conference', census);
    // S47ActualStartDate is both the strategy discussion and the section 47 start; the episode's referral is kept.
    expect(read.records).toEqual([
      {
        id: 'A100@2012-05-04',
        childId: 'A100',
        conferenceDate: '2012-05-04',
        type: 'initial',
        strategyDiscussionDate: '2012-04-16',
        s47StartDate: '2012-04-16',
        referralDate: '2012-04-10',
      },
    ]);
    expect(read.skipped).toEqual([
      {
        row: 39,
        reason: 'icpc-not-required',
        message: 'ICPCnotRequired is true: the enquiry is not a conference',
        file: census,
      },
      {
        row: 56,
        reason: 'no-conference-date',
        message:
          'no DateOfInitialCPC, on the enquiry or its episode: the enquiry has not (yet) led to a conference, so it is not a conference record',
        file: census,
      },
    ]);
    // Three Section47 elements read: one conference accepted, the two enquiries above skipped.
    expect(read.accounting).toEqual({
      rowsRead: 3,
      rowsAccepted: 1,
      rowsRejected: 0,
      rowsSkipped: 2,
      warningsByCode: {},
    });
  });

  it('reads the plans with their ends and previous plans', async () => {
    const read = await readRecordsFile('cp-plan', census);
    expect(read.records).toEqual([
      { id: 'A100@2012-05-04', childId: 'A100', startDate: '2012-05-04', previousPlans: 0 },
      {
        id: 'B200@2010-11-15',
        childId: 'B200',
        startDate: '2010-11-15',
        endDate: '2012-12-14',
        previousPlans: 1,
      },
    ]);
  });

  it('reads LAchildID directly under Child too, and reports a bad date on its line', () => {
    const xml = [
      '<Message><Children>',
      '<Child><LAchildID>X1</LAchildID>',
      '<CINdetails><CINreferralDate>2012-13-01</CINreferralDate></CINdetails>',
      '<CINdetails><CINreferralDate>2012-06-01</CINreferralDate></CINdetails>',
      '</Child></Children></Message>',
    ].join('\n');
    const read = parseCinCensusXml('referral', xml, { file: 'census.xml' });
    expect(read.records).toEqual([{ id: 'X1@2012-06-01', childId: 'X1', referralDate: '2012-06-01' }]);
    expect(read.issues).toEqual([
      {
        code: 'invalid_date',
        severity: 'error',
        row: 3,
        field: 'referralDate',
        value: '2012-13-01',
        message: '"2012-13-01" is not a real date: 13 is not a month (expected YYYY-MM-DD or DD/MM/YYYY)',
        file: 'census.xml',
      },
    ]);
  });

  it('refuses a truncated file with a clear unreadable issue, and throws it in strict mode', async () => {
    const path = fixture('cin-census-truncated.xml');
    const read = await readRecordsFile('referral', path);
    expect(read.readable).toBe(false);
    expect(read.issues).toHaveLength(1);
    expect(read.issues[0]).toMatchObject({ code: 'unreadable', row: 0, file: path });
    expect(read.issues[0]?.message).toMatch(
      /^the file is not complete, well-formed XML \(line 27: .*\): is it cut short\?/,
    );
    const text = readFileSync(path, 'utf8');
    expect(() => parseCinCensusXml('referral', text, { strict: true })).toThrow(InputError);
  });

  it('refuses XML that is not a census, and a kind the census does not give', () => {
    const read = parseCinCensusXml('referral', '<Workforce><Worker/></Workforce>');
    expect(read.readable).toBe(false);
    expect(read.issues[0]?.message).toMatch(/^no <Children> element/);
    expect(() => parseCinCensusXml('neet', '<Message/>')).toThrow(
      'the CIN census gives referral, assessment, cp-conference, cp-plan records, not "neet"',
    );
  });
});
