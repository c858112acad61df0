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

// A <Child> may give its LAchildID in more than one place: two <ChildIdentifiers>, or one and an LAchildID directly
// under the <Child>. The reader took the first <ChildIdentifiers> (or it over the child's own) without a word: a
// child whose two containers said "C1" and "C2" was counted as C1. The id is given twice, even when both say the
// same: each record of the child is rejected as duplicate_column, naming every value and where it stands.
describe('a census child whose id is given in two places', () => {
  it('rejects each record of a child with two <ChildIdentifiers> that give different ids', () => {
    const xml = census(
      '<ChildIdentifiers>', // line 4
      '<LAchildID>C1</LAchildID>',
      '</ChildIdentifiers>',
      '<ChildIdentifiers>', // line 7
      '<LAchildID>C2</LAchildID>',
      '</ChildIdentifiers>',
      '<CINdetails>', // line 10
      '<CINreferralDate>2012-05-01</CINreferralDate>',
      '</CINdetails>',
      '<CINdetails>', // line 13
      '<CINreferralDate>2012-09-10</CINreferralDate>',
      '</CINdetails>',
    );
    const read = parseCinCensusXml('referral', xml);
    // Before: two records, C1@2012-05-01 and C1@2012-09-10 (the first <ChildIdentifiers>), and no issue.
    const message =
      'the <Child> on line 3 gives <LAchildID> twice, "C1" (in the <ChildIdentifiers> on line 4) and "C2" (in the <ChildIdentifiers> on line 7): which one the file means cannot be known. Give it once';
    expect(read.records).toEqual([]);
    expect(read.issues).toEqual([
      { code: 'duplicate_column', severity: 'error', row: 10, field: 'childId', value: 'LAchildID', message },
      { code: 'duplicate_column', severity: 'error', row: 13, field: 'childId', value: 'LAchildID', message },
    ]);
    expect(read.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 0, rowsRejected: 2, rowsSkipped: 0 });
  });

  it('rejects them too when both say the same id (given twice is not given once)', () => {
    const xml = census(
      '<ChildIdentifiers>', // line 4
      '<LAchildID>C1</LAchildID>',
      '</ChildIdentifiers>',
      '<ChildIdentifiers>', // line 7
      '<LAchildID> C1 </LAchildID>',
      '</ChildIdentifiers>',
      '<CINdetails>', // line 10
      '<CINreferralDate>2012-05-01</CINreferralDate>',
      '<Assessments>', // line 12
      '<AssessmentActualStartDate>2012-05-02</AssessmentActualStartDate>',
      '</Assessments>',
      '</CINdetails>',
    );
    const read = parseCinCensusXml('assessment', xml);
    // The values are named trimmed, as they would be read.
    expect(read.issues.map((issue) => [issue.row, issue.code, issue.field, issue.message])).toEqual([
      [
        12,
        'duplicate_column',
        'childId',
        'the <Child> on line 3 gives <LAchildID> twice, "C1" (in the <ChildIdentifiers> on line 4) and "C1" (in the <ChildIdentifiers> on line 7): which one the file means cannot be known. Give it once',
      ],
    ]);
    expect(read.accounting).toMatchObject({ rowsRead: 1, rowsAccepted: 0, rowsRejected: 1, rowsSkipped: 0 });
  });

  it('rejects a conference and a plan of a child whose id is in <ChildIdentifiers> and under the <Child> itself', () => {
    const lines = [
      '<ChildIdentifiers>', // line 4
      '<LAchildID>C1</LAchildID>',
      '</ChildIdentifiers>',
      '<LAchildID>C9</LAchildID>', // line 7: the child's own
      '<CINdetails>', // line 8
      '<CINreferralDate>2012-05-01</CINreferralDate>',
      '<Section47>', // line 10
      '<S47ActualStartDate>2012-05-03</S47ActualStartDate>',
      '<DateOfInitialCPC>2012-05-20</DateOfInitialCPC>',
      '</Section47>',
      '<ChildProtectionPlans>', // line 14
      '<CPPstartDate>2012-05-20</CPPstartDate>',
      '</ChildProtectionPlans>',
      '</CINdetails>',
    ];
    const message =
      'the <Child> on line 3 gives <LAchildID> twice, "C1" (in the <ChildIdentifiers> on line 4) and "C9" (in the <Child> itself): which one the file means cannot be known. Give it once';
    const conferences = parseCinCensusXml('cp-conference', census(...lines));
    // Before: the conference C1@2012-05-20, the child's own C9 passed over.
    expect(conferences.records).toEqual([]);
    expect(conferences.issues.map((issue) => [issue.row, issue.field, issue.message])).toEqual([
      [10, 'childId', message],
    ]);
    const plans = parseCinCensusXml('cp-plan', census(...lines));
    expect(plans.records).toEqual([]);
    expect(plans.issues.map((issue) => [issue.row, issue.field, issue.message])).toEqual([
      [14, 'childId', message],
    ]);
  });

  it('names every value when one <ChildIdentifiers> gives its id twice and another once (3 times)', () => {
    const xml = census(
      '<ChildIdentifiers>', // line 4
      '<LAchildID>C1</LAchildID>',
      '<LAchildID>C2</LAchildID>',
      '</ChildIdentifiers>',
      '<ChildIdentifiers>', // line 8
      '<LAchildID>C3</LAchildID>',
      '</ChildIdentifiers>',
      '<CINdetails>', // line 11
      '<CINreferralDate>2012-05-01</CINreferralDate>',
      '</CINdetails>',
    );
    const read = parseCinCensusXml('referral', xml);
    expect(read.issues.map((issue) => [issue.row, issue.message])).toEqual([
      [
        11,
        'the <Child> on line 3 gives <LAchildID> 3 times, "C1" (in the <ChildIdentifiers> on line 4), "C2" (in the <ChildIdentifiers> on line 4) and "C3" (in the <ChildIdentifiers> on line 8): which one the file means cannot be known. Give it once',
      ],
    ]);
  });

  it('reads the id of the one <ChildIdentifiers> that gives it, where the first gives none', () => {
    const xml = census(
      '<ChildIdentifiers>', // line 4: no LAchildID
      '<UPN>A123456789012</UPN>',
      '</ChildIdentifiers>',
      '<ChildIdentifiers>', // line 7
      '<LAchildID>C2</LAchildID>',
      '</ChildIdentifiers>',
      '<CINdetails>', // line 10
      '<CINreferralDate>2012-05-01</CINreferralDate>',
      '</CINdetails>',
    );
    const read = parseCinCensusXml('referral', xml);
    // Before: the first <ChildIdentifiers> was read, and the referral rejected as missing_field (no childId).
    // The id is given once, by the second: C2, the referral C2@2012-05-01.
    expect(read.issues).toEqual([]);
    expect(read.records).toEqual([{ id: 'C2@2012-05-01', childId: 'C2', referralDate: '2012-05-01' }]);
  });

  it('still reads an id given once directly under the <Child>, beside a <ChildIdentifiers> without one', () => {
    const xml = census(
      '<ChildIdentifiers>',
      '<UPN>A123456789012</UPN>',
      '</ChildIdentifiers>',
      '<LAchildID>X1</LAchildID>',
      '<CINdetails>',
      '<CINreferralDate>2012-05-01</CINreferralDate>',
      '</CINdetails>',
    );
    const read = parseCinCensusXml('referral', xml);
    expect(read.issues).toEqual([]);
    expect(read.records).toEqual([{ id: 'X1@2012-05-01', childId: 'X1', referralDate: '2012-05-01' }]);
  });
});
