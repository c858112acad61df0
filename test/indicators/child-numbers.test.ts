import { describe, expect, it } from 'vitest';
import { assess45, cppRepeat, repeatReferrals } from '../../src/indicators/index.js';
import { parsePeriod } from '../../src/periods/index.js';
import { parseCsvText, parseRecords } from '../../src/records/index.js';
import { createKeyNumbering, numberChildIds } from '../../src/records/keys.js';
import type { AssessmentRecord, CpPlanRecord, ReferralRecord } from '../../src/records/schemas.js';

// Child numbers made at read time (numberChildIds, the readers' childNumbering) are a shortcut only: every figure
// must be the one computed from records never numbered, whatever was done to the records after they were numbered.

// England and Wales bank holidays met below: Good Friday 2 Apr and Easter Monday 5 Apr 2010, Early May Mon 3 May
// 2010, Spring Mon 31 May 2010. Counting `after-start`: the referral day is day 0.
const referralRows = (): ReferralRecord[] => [
  { id: 'R1', childId: 'C1', referralDate: '2010-04-01' },
  { id: 'R2', childId: 'C1', referralDate: '2010-06-01' },
  { id: 'R3', childId: 'C2', referralDate: '2010-05-03' },
  { id: 'R4', childId: 'C3', referralDate: '2011-01-10' },
];
const assessmentRows = (): AssessmentRecord[] => [
  // From R2 (Tue 1 Jun, C1's latest on or before 2 Jun): 2-30 Jun (21), 1-15 Jul (11): 32 working days, on time.
  // From R1 instead it would be late: the join by child must find R2.
  { id: 'A1', childId: 'C1', startDate: '2010-06-02', completedDate: '2010-07-15' },
  // From R3 (Mon 3 May): 4-28 May (19; 31 May a holiday), June (22), July (22), 2-20 Aug (15): 78, late.
  { id: 'A2', childId: 'C2', startDate: '2010-05-04', completedDate: '2010-08-20' },
  // C3's only referral is after the start: excluded, no-referral-found.
  { id: 'A3', childId: 'C3', startDate: '2010-09-01', completedDate: '2010-10-01' },
  // C4 has no referral: excluded.
  { id: 'A4', childId: 'C4', startDate: '2010-05-01', completedDate: '2010-05-20' },
];
const fy2010 = parsePeriod('FY2010');

/** ASSESS45's figures over FY2010: [numerator, denominator, assessments excluded as no-referral-found]. */
function assess45Figures(records: readonly AssessmentRecord[], referrals: readonly ReferralRecord[]) {
  const result = assess45(records, fy2010, { referrals });
  return [result.numerator, result.denominator, result.counts.excluded['no-referral-found'] ?? 0];
}

describe('assess45', () => {
  it('gives the same figures from records numbered at read time as from records never numbered', () => {
    // A1 on time, A2 late, A3 and A4 excluded: 1 of 2.
    expect(assess45Figures(assessmentRows(), referralRows())).toEqual([1, 2, 2]);
    const children = createKeyNumbering();
    const referrals = numberChildIds(referralRows(), children);
    const assessments = numberChildIds(assessmentRows(), children);
    expect(assess45Figures(assessments, referrals)).toEqual([1, 2, 2]);
    // Numbered by the readers, from values and from CSV text, in one table.
    const table = createKeyNumbering();
    const read = parseRecords('referral', referralRows(), { childNumbering: table }).records;
    const csv = [
      'id,childId,startDate,completedDate',
      ...assessmentRows().map((a) => `${a.id},${a.childId},${a.startDate},${a.completedDate}`),
    ].join('\n');
    const readAssessments = parseCsvText('assessment', csv, { childNumbering: table }).records;
    expect(assess45Figures(readAssessments, read)).toEqual([1, 2, 2]);
    expect(table.size).toBe(4); // C1, C2, C3 from the referrals; C4 from the assessments
  });

  it('gives the same figures from records built by hand, and from filtered or spread copies of numbered ones', () => {
    const children = createKeyNumbering();
    const referrals = numberChildIds(referralRows(), children);
    const assessments = numberChildIds(assessmentRows(), children);
    expect(assess45Figures([...assessments], [...referrals])).toEqual([1, 2, 2]);
    expect(
      assess45Figures(
        assessments.filter(() => true),
        referrals.slice(),
      ),
    ).toEqual([1, 2, 2]);
    expect(
      assess45Figures(
        assessments.map((a) => ({ ...a })),
        referrals,
      ),
    ).toEqual([1, 2, 2]);
    // Without A2 (filtered out): A1 alone, 1 of 1; the numbers of the other array are not shifted onto it.
    expect(
      assess45Figures(
        assessments.filter((a) => a.id !== 'A2'),
        referrals,
      ),
    ).toEqual([1, 1, 2]);
  });

  it('does not trust the number of a record whose childId was changed after it was numbered', () => {
    const children = createKeyNumbering();
    const referrals = numberChildIds(referralRows(), children);
    const assessments = numberChildIds(assessmentRows(), children);
    // A4 now says C1: from R1 (Thu 1 Apr), 2-30 Apr (19: Good Friday and Easter Monday out), 4-20 May (13; 3 May a
    // holiday): 32, on time. Had C4's number been kept, A4 would still be excluded ([1, 2, 2]).
    (assessments[3] as { childId: string }).childId = 'C1';
    expect(assess45Figures(assessments, referrals)).toEqual([2, 3, 1]);
    expect(assess45Figures(assessments, referralRows())).toEqual([2, 3, 1]);
    // R3 now says C9: A2 has no referral left (excluded), A4 (C1) still on time.
    (referrals[2] as { childId: string }).childId = 'C9';
    expect(assess45Figures(assessments, referrals)).toEqual([2, 2, 2]);
  });

  it('does not trust numbers of another table, nor a record put in place of a numbered one', () => {
    const referrals = numberChildIds(referralRows(), createKeyNumbering());
    const assessments = numberChildIds(assessmentRows(), createKeyNumbering());
    // Two tables: C1 is 0 in both, C4 is 3 in the assessments' table and in neither referral: the same 1 of 2.
    expect(assess45Figures(assessments, referrals)).toEqual([1, 2, 2]);
    const swapped = numberChildIds(assessmentRows(), createKeyNumbering()) as AssessmentRecord[];
    // A3's place now holds a record of C1 started 2 Jun and completed 2 Aug: from R2, 2-30 Jun (21), July (22),
    // 2 Aug (1): 44, on time.
    swapped[2] = { id: 'A5', childId: 'C1', startDate: '2010-06-02', completedDate: '2010-08-02' };
    expect(assess45Figures(swapped, referrals)).toEqual([2, 3, 1]);
  });

  it('finds each record by its own childId after the numbered arrays are sorted, reversed or spliced in place', () => {
    const children = createKeyNumbering();
    const referrals = numberChildIds(referralRows(), children) as ReferralRecord[];
    const assessments = numberChildIds(assessmentRows(), children) as AssessmentRecord[];
    // Reversed and sorted in place: the arrays keep their numbers, now in other records' places. Read by place,
    // C1's referrals would be R4's and R3's days (A1 from 3 May: late) and the figure 0 of 2.
    referrals.reverse();
    assessments.sort((a, b) => (a.id < b.id ? 1 : -1));
    expect(assess45Figures(assessments, referrals)).toEqual([1, 2, 2]);
    // R2 taken out and put back last: the same length, the same records, every one in another place.
    const again = numberChildIds(referralRows(), createKeyNumbering()) as ReferralRecord[];
    again.push(...again.splice(1, 1));
    expect(again.map((r) => r.id)).toEqual(['R1', 'R3', 'R4', 'R2']);
    expect(assess45Figures(assessmentRows(), again)).toEqual([1, 2, 2]);
    // R2 taken out for good: A1 is then from R1 (Thu 1 Apr): April 19, May 19 (3 and 31 May holidays), June 22 =
    // 60 working days by 30 Jun, late; 0 of 2.
    const shorter = numberChildIds(referralRows(), children) as ReferralRecord[];
    shorter.splice(1, 1);
    expect(assess45Figures(assessments, shorter)).toEqual([0, 2, 2]);
  });

  it('joins no child to another whose childId differs only in case or spacing, numbered in one table', () => {
    const children = createKeyNumbering();
    const referrals = numberChildIds(referralRows(), children);
    // A1's twins under 'c1' and 'C1 ': no referral of theirs, so both are excluded (no-referral-found), 1 of 2.
    const twins = [
      ...assessmentRows(),
      { id: 'A5', childId: 'c1', startDate: '2010-06-02', completedDate: '2010-07-15' },
      { id: 'A6', childId: 'C1 ', startDate: '2010-06-02', completedDate: '2010-07-15' },
    ];
    expect(assess45Figures(numberChildIds(twins, children), referrals)).toEqual([1, 2, 4]);
    expect(children.size).toBe(6); // C1, C2, C3, C4, c1, 'C1 '
    // The referrals numbered, the assessments not: the same.
    expect(assess45Figures(twins, referrals)).toEqual([1, 2, 4]);
  });
});

describe('repeatReferrals', () => {
  const rows = (): ReferralRecord[] => [
    { id: 'R1', childId: 'C1', referralDate: '2010-03-31' },
    { id: 'R2', childId: 'C1', referralDate: '2011-03-31' },
    { id: 'R3', childId: 'C2', referralDate: '2011-03-31' },
  ];
  const figures = (records: readonly ReferralRecord[]) => {
    const result = repeatReferrals(records, parsePeriod('2011-03'));
    return [result.numerator, result.denominator];
  };

  it('gives the same figures numbered or not, copied, and after a childId is changed', () => {
    // R2 repeats R1 (exactly a year on); R3 is C2's first: 1 of 2.
    expect(figures(rows())).toEqual([1, 2]);
    const numbered = numberChildIds(rows(), createKeyNumbering());
    expect(figures(numbered)).toEqual([1, 2]);
    expect(figures([...numbered])).toEqual([1, 2]);
    // R3 now says C1: it repeats R1 too, 2 of 2 (its old number, C2's, would give 1 of 2).
    (numbered[2] as { childId: string }).childId = 'C1';
    expect(figures(numbered)).toEqual([2, 2]);
  });

  it('finds each referral by its own childId after the numbered array is reversed in place', () => {
    const numbered = numberChildIds(rows(), createKeyNumbering()) as ReferralRecord[];
    numbered.reverse();
    // Still 1 of 2. Read by place, R3 and R2 would both be C1's on one day (neither earlier) and R1 C2's: 0 of 2.
    expect(figures(numbered)).toEqual([1, 2]);
  });
});

describe('cppRepeat', () => {
  const rows = (): CpPlanRecord[] => [
    { id: 'P1', childId: 'C1', startDate: '2010-05-01', endDate: '2011-01-10' },
    { id: 'P2', childId: 'C1', startDate: '2012-06-01' },
    { id: 'P3', childId: 'C2', startDate: '2012-07-02', previousPlans: 1 },
    { id: 'P4', childId: 'C3', startDate: '2012-08-01', previousPlans: 0 },
  ];
  const figures = (records: readonly CpPlanRecord[]) => {
    const result = cppRepeat(records, parsePeriod('FY2012'));
    return [result.numerator, result.denominator];
  };

  it('gives the same figures numbered or not, with plans left out, and after a childId is changed', () => {
    // P2 (P1 earlier) and P3 (previousPlans 1) are repeats; P4 is not: 2 of 3.
    expect(figures(rows())).toEqual([2, 3]);
    const table = createKeyNumbering();
    const numbered = parseRecords('cp-plan', rows(), { childNumbering: table }).records;
    expect(figures(numbered)).toEqual([2, 3]);
    // P4 now says C1: P1 is earlier, 3 of 3.
    (numbered[3] as { childId: string }).childId = 'C1';
    expect(figures(numbered)).toEqual([3, 3]);
  });
});
