import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

// test/fixtures/modern/assessments.csv and referrals.csv hold the hand-worked ASSESS45 records of
// test/indicators/assess45.test.ts (AS-B and R-A2, R-E1 in UK dates); referrals.csv adds R-X1, whose date
// 29/02/2013 is impossible (2013 is not a leap year). cp-plans.csv holds the CPP_2YEARS plans of
// test/indicators/cpp-2years.test.ts and P11, child C3's second plan, open from 2013-09-02.
const assessments = fixturePath('modern', 'assessments.csv');
const referrals = fixturePath('modern', 'referrals.csv');
const plans = fixturePath('modern', 'cp-plans.csv');
const mayToMay = ['--period', '2012-05..2013-05'];

function computeJson(...args: string[]) {
  const run = runBuiltCli(['compute', ...args]);
  expect(run.stderr).not.toContain('Usage');
  expect(run.code).toBe(0);
  return { result: JSON.parse(run.stdout), stderr: run.stderr };
}

describe('cs-indicators compute ASSESS45', () => {
  it('counts from the referrals file, and reports its rejected row', () => {
    const { result, stderr } = computeJson(
      'ASSESS45',
      '--input',
      assessments,
      '--referrals',
      referrals,
      ...mayToMay,
    );
    // On time: A (45 working days across Christmas 2012), C (45 across Easter 2013), E (45 from the leap day),
    // H (18). Late: B (46), D (46, across the 2012 Jubilee), K (64). F and G have no referral on or before.
    expect([result.indicator, result.numerator, result.denominator, result.display]).toEqual([
      'ASSESS45',
      4,
      7,
      '57.1%',
    ]);
    expect(result.rule).toEqual({
      timescale: '45 working days',
      convention: 'after-start',
      from: 'referral',
      start: "the child's latest referralDate on or before the assessment's startDate",
      to: 'completedDate',
    });
    // The referral rejected on reading is counted with the assessments' rows: 0 + 1.
    expect(result.counts).toEqual({
      recordsRead: 11,
      inPopulation: 7,
      counted: 4,
      notCounted: 3,
      notInPeriod: 1,
      excluded: { 'no-referral-found': 2, 'not-completed': 1 },
      rowsRejected: 1,
    });
    expect(stderr).toContain('referrals.csv:13: referralDate "29/02/2013"');
    expect(stderr).toContain('12 rows read = 11 accepted + 1 rejected');
  });

  it('writes the audit with the referral date each assessment counted from', () => {
    const audit = join(mkdtempSync(join(tmpdir(), 'csi-assess45-')), 'audit.csv');
    computeJson('ASSESS45', '--input', assessments, '--referrals', referrals, ...mayToMay, '--audit', audit);
    const lines = readFileSync(audit, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    // The input named on every line is the assessments file, the audit's own rows, with the SHA-256 of its bytes.
    const sha256 = createHash('sha256').update(readFileSync(assessments)).digest('hex');
    const context = `,2012-05-01,2013-05-31,timescale=45 working days; convention=after-start; from=referral; start=the child's latest referralDate on or before the assessment's startDate; to=completedDate,after-start,england-and-wales,fnv1a64:145a5957c18318d5,${assessments},${sha256},utf-8`;
    expect(lines[1]).toBe(
      `ASSESS45,AS-A,2,counted,true,true,,2012-12-20,2013-02-26,45,2013-02-26,true,East,W1${context}`,
    );
    expect(lines[6]).toBe(
      `ASSESS45,AS-F,7,excluded,false,false,no-referral-found,,2012-10-12,,,,,${context}`,
    );
  });

  it('counts from the assessment start with --from assessment-start, without referrals', () => {
    const { result } = computeJson(
      'ASSESS45',
      '--input',
      assessments,
      ...mayToMay,
      '--from',
      'assessment-start',
    );
    // B is 45 from its own start, on time; F and G join the population: 8 of 9.
    expect([result.numerator, result.denominator, result.display, result.rule.from]).toEqual([
      8,
      9,
      '88.9%',
      'assessment-start',
    ]);
  });

  it('takes --timescale', () => {
    // 18 working days: H alone.
    const { result } = computeJson(
      'ASSESS45',
      '--input',
      assessments,
      '--referrals',
      referrals,
      ...mayToMay,
      '--timescale',
      '18',
    );
    expect(result.numerator).toBe(1);
  });

  it('is a usage error (exit 2) without --referrals, or with an unknown --from', () => {
    const missing = runBuiltCli(['compute', 'ASSESS45', '--input', assessments, ...mayToMay]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('ASSESS45 needs --referrals FILE');
    expect(missing.stderr).toContain('--from assessment-start');
    const unknown = runBuiltCli(['compute', 'ASSESS45', '--input', assessments, '--from', 'contact']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--from: expected one of referral, assessment-start');
  });

  it('says on stderr when --referrals or --from is given where it does not apply', () => {
    const ignored = computeJson(
      'ASSESS45',
      '--input',
      assessments,
      '--referrals',
      referrals,
      '--from',
      'assessment-start',
      ...mayToMay,
    );
    expect(ignored.stderr).toContain('--referrals does not apply with --from assessment-start');
    const cpp = computeJson('CPP_2YEARS', '--input', plans, '--period', 'FY2013', '--from', 'referral');
    expect(cpp.stderr).toContain('--from does not apply to CPP_2YEARS');
  });
});

describe('cs-indicators compute CPP_2YEARS and CPP_REPEAT', () => {
  it('prints CPP_2YEARS with the plans open at the period end in details', () => {
    const { result } = computeJson('CPP_2YEARS', '--input', plans, '--period', 'FY2013');
    // Ending in 2013/14: P1 to P5; 2 years or more: P1 (29 Feb 2012 to 28 Feb 2014), P3 (exactly 2 years).
    expect([result.numerator, result.denominator, result.display, result.polarity]).toEqual([
      2,
      5,
      '40.0%',
      'lower-is-better',
    ]);
    // Open on 31 March 2014: P7, P8, P9, P11; for 2 years: P7 (to the day), P9.
    expect(result.details).toEqual({ openAtPeriodEnd: { open: 4, lastedTwoYears: 2 } });
  });

  it('prints CPP_REPEAT, reading the plans before the period', () => {
    // Starting in 2013/14: P11 alone, C3's second plan (P3 from 2011).
    expect(computeJson('CPP_REPEAT', '--input', plans, '--period', 'FY2013').result.display).toBe('100.0%');
    // Starting in 2011/12: P1, P2 (previousPlans 1), P3, P4, P7: 1 of 5.
    const fy2011 = computeJson('CPP_REPEAT', '--input', plans, '--period', 'FY2011').result;
    expect([fy2011.numerator, fy2011.denominator, fy2011.display]).toEqual([1, 5, '20.0%']);
  });
});
