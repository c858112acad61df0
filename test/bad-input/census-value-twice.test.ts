import { describe, expect, it } from 'vitest';
import { parseCinCensusXml } from '../../src/presets/cin-census.js';

// A CIN census element that holds one value, given twice in its parent (two <CINreferralDate> in one <CINdetails>),
// was read as absent: the record was rejected as missing_field ("the item has no value for it"), or an enquiry whose
// <DateOfInitialCPC> was given twice was skipped as having no conference. The value is not missing: it is given
// twice. The record is rejected as duplicate_column (as a JSON item that writes one key twice), naming the element,
// the line of its parent and both values.

/** A census of one child, the lines numbered from 1 as written (the first line is `<Message>`). */
function census(...childLines: string[]): string {
  return ['<Message>', '<Children>', '<Child>', ...childLines, '</Child>', '</Children>', '</Message>'].join(
    '\n',
  );
}

const identifiers = ['<ChildIdentifiers>', '<LAchildID>C1</LAchildID>', '</ChildIdentifiers>'];

describe('a census value element given twice', () => {
  it('rejects the referral whose <CINreferralDate> is given twice, naming both dates; the next episode is read', () => {
    const xml = census(
      ...identifiers, // lines 4 to 6
      '<CINdetails>', // line 7
      '<CINreferralDate>2012-05-01</CINreferralDate>',
      '<CINreferralDate>2012-05-03</CINreferralDate>',
      '</CINdetails>',
      '<CINdetails>', // line 11
      '<CINreferralDate>2012-09-10</CINreferralDate>',
      '</CINdetails>',
    );
    const read = parseCinCensusXml('referral', xml);
    expect(read.issues).toEqual([
      {
        code: 'duplicate_column',
        severity: 'error',
        row: 7,
        field: 'referralDate',
        value: 'CINreferralDate',
        message:
          'the <CINdetails> on line 7 gives <CINreferralDate> twice, "2012-05-01" and "2012-05-03": which one the file means cannot be known. Give it once',
      },
    ]);
    expect(read.records).toEqual([{ id: 'C1@2012-09-10', childId: 'C1', referralDate: '2012-09-10' }]);
    // Two episodes read: one accepted (line 11), one rejected (line 7).
    expect(read.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1, rowsSkipped: 0 });
  });

  it('rejects every record of a child whose <LAchildID> is given twice (three values named)', () => {
    const xml = census(
      '<ChildIdentifiers>', // line 4
      '<LAchildID>C1</LAchildID>',
      '<LAchildID>C2</LAchildID>',
      '<LAchildID>C1</LAchildID>',
      '</ChildIdentifiers>',
      '<CINdetails>', // line 9
      '<CINreferralDate>2012-05-01</CINreferralDate>',
      '</CINdetails>',
      '<CINdetails>', // line 12
      '<CINreferralDate>2012-09-10</CINreferralDate>',
      '</CINdetails>',
    );
    const read = parseCinCensusXml('referral', xml);
    const message =
      'the <ChildIdentifiers> on line 4 gives <LAchildID> 3 times, "C1", "C2" and "C1": which one the file means cannot be known. Give it once';
    expect(read.issues.map((issue) => [issue.row, issue.code, issue.field, issue.message])).toEqual([
      [9, 'duplicate_column', 'childId', message],
      [12, 'duplicate_column', 'childId', message],
    ]);
    expect(read.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 0, rowsRejected: 2, rowsSkipped: 0 });
  });

  it('rejects an assessment whose start date is given twice, where it was missing_field', () => {
    const xml = census(
      ...identifiers,
      '<CINdetails>', // line 7
      '<CINreferralDate>2012-05-01</CINreferralDate>',
      '<Assessments>', // line 9
      '<AssessmentActualStartDate>2012-05-02</AssessmentActualStartDate>',
      '<AssessmentActualStartDate>2012-05-20</AssessmentActualStartDate>',
      '<AssessmentAuthorisationDate>2012-06-01</AssessmentAuthorisationDate>',
      '</Assessments>',
      '</CINdetails>',
    );
    const read = parseCinCensusXml('assessment', xml);
    expect(read.issues.map((issue) => [issue.row, issue.code, issue.field, issue.message])).toEqual([
      [
        9,
        'duplicate_column',
        'startDate',
        'the <Assessments> on line 9 gives <AssessmentActualStartDate> twice, "2012-05-02" and "2012-05-20": which one the file means cannot be known. Give it once',
      ],
    ]);
    expect(read.accounting).toMatchObject({ rowsRead: 1, rowsAccepted: 0, rowsRejected: 1, rowsSkipped: 0 });
  });

  it('rejects a conference whose date is given twice, where it was skipped as having no conference', () => {
    const xml = census(
      ...identifiers,
      '<CINdetails>', // line 7
      '<CINreferralDate>2012-05-01</CINreferralDate>',
      '<Section47>', // line 9
      '<S47ActualStartDate>2012-05-03</S47ActualStartDate>',
      '<DateOfInitialCPC>2012-05-20</DateOfInitialCPC>',
      '<DateOfInitialCPC>2012-05-21</DateOfInitialCPC>',
      '</Section47>',
      '</CINdetails>',
    );
    const read = parseCinCensusXml('cp-conference', xml);
    expect(read.skipped).toEqual([]);
    expect(read.issues.map((issue) => [issue.row, issue.code, issue.field, issue.message])).toEqual([
      [
        9,
        'duplicate_column',
        'conferenceDate',
        'the <Section47> on line 9 gives <DateOfInitialCPC> twice, "2012-05-20" and "2012-05-21": which one the file means cannot be known. Give it once',
      ],
    ]);
    expect(read.accounting).toMatchObject({ rowsRead: 1, rowsAccepted: 0, rowsRejected: 1, rowsSkipped: 0 });
  });

  it("rejects the episode's own conference when its date is given twice and no enquiry holds it", () => {
    const xml = census(
      ...identifiers,
      '<CINdetails>', // line 7: no Section47, so the episode's date would be one conference of its own
      '<CINreferralDate>2012-05-01</CINreferralDate>',
      '<DateOfInitialCPC>2012-05-20</DateOfInitialCPC>',
      '<DateOfInitialCPC>2012-05-22</DateOfInitialCPC>',
      '</CINdetails>',
    );
    const read = parseCinCensusXml('cp-conference', xml);
    expect(read.issues.map((issue) => [issue.row, issue.field, issue.message])).toEqual([
      [
        7,
        'conferenceDate',
        'the <CINdetails> on line 7 gives <DateOfInitialCPC> twice, "2012-05-20" and "2012-05-22": which one the file means cannot be known. Give it once',
      ],
    ]);
    expect(read.accounting).toMatchObject({ rowsRead: 1, rowsAccepted: 0, rowsRejected: 1, rowsSkipped: 0 });
  });
});
