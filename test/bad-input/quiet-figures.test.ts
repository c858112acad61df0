// Quiet figures (an adversarial review of main, findings 3 to 6 and two of 11): a breakdown whose groups are one
// team spelt two ways, a file of another kind read because its columns fit, an NI117 count month missing, a period
// with no record in it, a negative deadline, and the audit of rejected rows. Each feeds the bad input and asserts
// what is said.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeBreakdown, parseRecords } from '../../src/index.js';
import { badInputs, expectUsageError } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';

const files = badInputs('quiet-figures');

// Six initial assessments, teams "North", "north " (its trailing space is trimmed on reading), "North", blank,
// "South" (not completed), "South".
const assessments = files.write(
  'ia.csv',
  [
    'id,childId,referralDate,completedDate,team,workerId',
    'A1,C1,2012-02-27,2012-03-01,North,W1',
    'A2,C2,2012-02-20,2012-02-29,north ,W2',
    'A3,C3,2012-03-01,2012-03-30,North,W1',
    'A4,C4,2012-03-26,2012-04-02,,W3',
    'A5,C5,2012-04-02,,South,W3',
    'A6,C6,2012-03-31,2012-04-10,South,W4',
    '',
  ].join('\n'),
);

describe('a breakdown whose group names differ only in capitals or spacing', () => {
  // North: A1 Mon 27 Feb → Thu 1 Mar 2012 is 3 working days (counted), A3 1 Mar → 30 Mar is 21 (not): 1 of 2.
  // north: A2 Mon 20 Feb → Wed 29 Feb is 7 working days (21, 22, 23, 24, 27, 28, 29 Feb): counted, 1 of 1.
  const message =
    'NI59 by team: "north" (1 record) and "North" (2 records) differ only in capitals or spacing but are counted as separate groups, so each one\'s figure is only part of the team\'s if they are one team; put the spelling right in the data';

  for (const [how, extra] of [
    ['from the days', [] as string[]],
    // An audit of a breakdown keeps the records as objects, and computeBreakdown groups them.
    ['from the records (with --audit)', ['--audit', `${files.dir}/by-team-audit.csv`]],
  ] as const) {
    it(`keeps North and north apart and says so (similar_group_names), ${how}`, () => {
      // With a period given, the records are kept as their days (and team) unless an audit of the breakdown asks.
      const run = runBuiltCli([
        'compute',
        'NI59',
        '--input',
        assessments,
        '--period',
        '2012-02..2012-04',
        '--by',
        'team',
        ...extra,
      ]);
      expect(run.code, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(
        result.groups.map((g: { group: string; numerator: number; denominator: number }) => [
          g.group,
          g.numerator,
          g.denominator,
        ]),
      ).toEqual([
        ['north', 1, 1],
        ['North', 1, 2],
        ['South', 1, 1],
        ['(none)', 1, 1],
      ]);
      expect(result.total.warnings).toEqual([{ code: 'similar_group_names', message }]);
      expect(run.stderr).toContain(`warning: ${message} [similar_group_names]`);
    });
  }

  it('refuses the figure under --strict', () => {
    const run = runBuiltCli(['compute', 'NI59', '--input', assessments, '--by', 'team', '--strict']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('similar_group_names');
  });

  it('names every set of alike workers in computeBreakdown, and none by month', () => {
    // W1 ×2, "w1" (1 record), "W 2" and "w  2" (inner spaces): two sets; "(none)" is never one of them.
    const { records } = parseRecords('initial-assessment', [
      { id: 'a', childId: 'c', referralDate: '2012-03-01', completedDate: '2012-03-02', workerId: 'W1' },
      { id: 'b', childId: 'c', referralDate: '2012-03-01', completedDate: '2012-03-02', workerId: 'W1' },
      { id: 'c', childId: 'c', referralDate: '2012-03-01', completedDate: '2012-03-02', workerId: 'w1' },
      { id: 'd', childId: 'c', referralDate: '2012-03-01', completedDate: '2012-03-02', workerId: 'W 2' },
      { id: 'e', childId: 'c', referralDate: '2012-03-01', completedDate: '2012-03-02', workerId: 'w  2' },
      { id: 'f', childId: 'c', referralDate: '2012-03-01', completedDate: '2012-03-02' },
    ]);
    const byWorker = computeBreakdown('NI59', records, '2012-03', 'workerId');
    expect(byWorker.groups.map((g) => g.key)).toEqual(['w  2', 'W 2', 'w1', 'W1', '(none)']);
    expect(byWorker.total.warnings.map((w) => w.message)).toEqual([
      'NI59 by worker: "w  2" (1 record) and "W 2" (1 record); "w1" (1 record) and "W1" (2 records) differ only in capitals or spacing but are counted as separate groups, so each one\'s figure is only part of the worker\'s if they are one worker; put the spelling right in the data',
    ]);
    expect(computeBreakdown('NI59', records, '2012-03', 'month').total.warnings).toEqual([]);
    // Names unlike each other: no warning.
    const { records: apart } = parseRecords('initial-assessment', [
      { id: 'a', childId: 'c', referralDate: '2012-03-01', completedDate: '2012-03-02', team: 'North' },
      { id: 'b', childId: 'c', referralDate: '2012-03-01', completedDate: '2012-03-02', team: 'North East' },
    ]);
    expect(computeBreakdown('NI59', apart, '2012-03', 'team').total.warnings).toEqual([]);
  });
});

// The example NEET file: the counts of 30 November and 31 December 2010, none of January 2011.
const neet = files.write(
  'neet.csv',
  [
    'personId,snapshotDate,dateOfBirth,status',
    'YP-2001,2010-11-30,1993-02-11,EET',
    'YP-2002,2010-11-30,1992-10-03,NEET',
    'YP-2003,2010-11-30,1994-06-21,NOT_KNOWN',
    'YP-2004,2010-11-30,1993-12-30,EXCLUDED',
    'YP-2002,2010-12-31,1992-10-03,EET',
    '',
  ].join('\n'),
);

describe('NI117 with a count month of the period missing', () => {
  it('says January 2011 has no count, and gives the pool of November and December (1 of 3)', () => {
    // November: YP-2001 EET and YP-2002 NEET in the known cohort (academic ages 17 and 17 on 31 August 2010),
    // YP-2003 not known, YP-2004 excluded; December: YP-2002 EET. NEET 1 of a known cohort of 2 + 1 = 33.3%.
    const run = runBuiltCli(['compute', 'NI117', '--input', neet, '--period', 'AY2010']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect([result.numerator, result.denominator, result.display]).toEqual([1, 3, '33.3%']);
    const message =
      'NI117 has no count for January 2011 (no snapshotDate in that month): the figure pools the counts of 2010-11-30 and 2010-12-31 only, not the average of the November, December and January counts';
    expect(result.warnings).toEqual([{ code: 'missing_count_month', message }]);
    expect(run.stderr).toBe(`cs-indicators compute: warning: ${message} [missing_count_month]\n`);
  });

  it('names every month missing, for NEET_NOT_KNOWN too, and says there is no figure when none is there', () => {
    // AY2011: the counts of November 2011 to January 2012; the file's are a year before.
    const run = runBuiltCli(['compute', 'NEET_NOT_KNOWN', '--input', neet, '--period', 'AY2011']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.value).toBeNull();
    expect(result.warnings).toContainEqual({
      code: 'missing_count_month',
      message:
        'NEET_NOT_KNOWN has no count for November 2011, December 2011 and January 2012 (no snapshotDate in those months): there is no count in the period, so no figure',
    });
  });

  it('expects no count of a month outside the period, nor with one count chosen', () => {
    // November and December 2010 only: both there. One count chosen (--count-date): not a three-count average.
    for (const extra of [
      ['--period', '2010-11..2010-12'],
      ['--period', 'AY2010', '--count-date', '2010-11-30'],
    ]) {
      const run = runBuiltCli(['compute', 'NI117', '--input', neet, ...extra]);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).warnings).toEqual([]);
      expect(run.stderr).toBe('');
    }
  });
});

describe('a --period that holds none of the records', () => {
  it('says how many fall before and after it, from the days and from the records', () => {
    // ia.csv's completed assessments were completed from 29 February to 10 April 2012 (A5 is open): March 2021
    // holds none, all 5 are before it, the latest A6's 2012-04-10.
    const message =
      'NI59 has no figure for March 2021 (2021-03-01 to 2021-03-31): of the 6 records read, none has its completedDate in the period: 5 before it (the latest 2012-04-10), 0 after it, and 1 is excluded for another reason. Check --period';
    // A5, open, is the one record that could be in the population: all_excluded names it, and points to the
    // period rather than the column map.
    const excluded =
      'NI59 has no figure: the 1 record that could be in its population was excluded as not-completed; the other 5 records read fall outside the period: check the period first';
    // From the days, and from the records (kept as objects, as a check of the days is run).
    for (const env of [{}, { CSI_KEEP_RECORDS: '1' }]) {
      const run = runBuiltCli(['compute', 'NI59', '--input', assessments, '--period', '2021-03'], { env });
      expect(run.code, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result.value).toBeNull();
      expect(result.warnings).toEqual([
        { code: 'all_excluded', message: excluded },
        { code: 'none_in_period', message },
      ]);
      expect(run.stderr).toContain(`warning: ${message} [none_in_period]`);
      expect(run.stderr).not.toContain('column map');
    }
  });

  it('counts those after it, and a single record with nothing excluded, which said nothing at all', () => {
    // March 2010 is before every completion: all 5 after it, the earliest A2's 2012-02-29.
    const after = runBuiltCli([
      'compute',
      'NI59',
      '--input',
      assessments,
      '--period',
      '2010-03',
      '--by',
      'team',
    ]);
    expect(after.code, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout).total.warnings).toContainEqual({
      code: 'none_in_period',
      message:
        'NI59 has no figure for March 2010 (2010-03-01 to 2010-03-31): of the 6 records read, none has its completedDate in the period: 0 before it, 5 after it (the earliest 2012-02-29), and 1 is excluded for another reason. Check --period',
    });
    // One assessment, completed on 5 January 2011: March 2021 gave n/a, exit 0, and no warning.
    const one = files.write(
      'one.csv',
      'id,childId,referralDate,completedDate\nX1,C1,2010-12-24,2011-01-05\n',
    );
    const run = runBuiltCli(['compute', 'NI59', '--input', one, '--period', '2021-03']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).warnings).toEqual([
      {
        code: 'none_in_period',
        message:
          'NI59 has no figure for March 2021 (2021-03-01 to 2021-03-31): of the 1 record read, none has its completedDate in the period: 1 before it (the latest 2011-01-05), 0 after it. Check --period',
      },
    ]);
    // Refused under --strict, as every warning of a result is.
    expect(runBuiltCli(['compute', 'NI59', '--input', one, '--period', '2021-03', '--strict']).code).toBe(1);
  });

  it('refuses a period outside the calendar, naming its range', () => {
    for (const [period, dates] of [
      ['0000-01', '0000-01-01 to 0000-01-31'],
      ['1989-12..1990-01', '1989-12-01 to 1990-01-31'],
      ['2101-01', '2101-01-01 to 2101-01-31'],
    ] as const) {
      expectUsageError(
        runBuiltCli(['compute', 'NI59', '--input', assessments, '--period', period]),
        'compute',
        `--period: "${period}" (${dates}) is outside the calendar's range, 1990-01-01 to 2100-12-31: give a period within it`,
      );
    }
    expect(runBuiltCli(['spc', 'NI59', '--input', assessments, '--period', '0000-01']).stderr).toContain(
      "is outside the calendar's range, 1990-01-01 to 2100-12-31",
    );
    // The edges themselves are in it.
    expect(runBuiltCli(['compute', 'NI59', '--input', assessments, '--period', '1990-01']).code).toBe(0);
    expect(runBuiltCli(['compute', 'NI59', '--input', assessments, '--period', '2100-12']).code).toBe(0);
  });
});

describe('a file of another kind whose columns fit the kind it is read as', () => {
  // ia.csv, initial assessments, read as referrals: id, childId, referralDate and team give referral fields (4);
  // completedDate and workerId are ignored, though they are initial-assessment fields (6 of the 6 columns give
  // those); and no column gives cafCompleted, source or referralsInLast12Months, which only referrals have.
  const message =
    'read as referral records, its columns "completedDate" and "workerId" are ignored, but they are fields of initial-assessment records, which its header fits better (6 of its columns give their fields, 4 give referral fields), and no column gives cafCompleted, source or referralsInLast12Months, which only referral records have: is this a file of initial-assessment records, given as referral?';

  it('compute: reads it, and says it looks like initial assessments (other_kind_columns)', () => {
    // Six "referrals" of six children, none referred before: 0 of 6, as before, but no longer without a word.
    const run = runBuiltCli(['compute', 'REPEAT_REFERRALS', '--input', assessments]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect([result.numerator, result.denominator]).toEqual([0, 6]);
    expect(result.warnings).toEqual([{ code: 'other_kind_columns', message, file: assessments }]);
    expect(run.stderr).toBe(
      `cs-indicators compute: warning: ${assessments}: ${message} [other_kind_columns]\n`,
    );
    expect(runBuiltCli(['compute', 'REPEAT_REFERRALS', '--input', assessments, '--strict']).code).toBe(1);
  });

  it('report: says so of inputs.referral too', () => {
    const config = files.write(
      'referral-is-ia.json',
      JSON.stringify({
        financialYear: 'FY2011',
        asAt: '2012-03-31',
        inputs: { referral: 'ia.csv' },
        indicators: ['REPEAT_REFERRALS'],
      }),
    );
    const run = runBuiltCli(['report', '--config', config, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const [indicator] = JSON.parse(run.stdout).indicators;
    expect(indicator.warnings).toContainEqual({ code: 'other_kind_columns', message, file: assessments });
    expect(run.stderr).toContain(`${message} [other_kind_columns]`);
  });

  it('says nothing of a file of the kind with extra columns, or one the two kinds fit alike', () => {
    // A referrals file with cafCompleted (only referrals have it) and a workerId: a referrals file.
    const referrals = files.write(
      'referrals.csv',
      'id,childId,referralDate,cafCompleted,workerId,Gender\nR1,C1,2011-05-03,yes,W1,F\n',
    );
    // Initial assessments with a column no kind has: nothing else fits better.
    const own = files.write(
      'ia-gender.csv',
      'id,childId,referralDate,completedDate,Gender\nA1,C1,2011-05-03,2011-05-04,F\n',
    );
    // id, childId, referralDate, team: referrals and initial assessments alike (4 each).
    const alike = files.write('alike.csv', 'id,childId,referralDate,team\nR1,C1,2011-05-03,North\n');
    for (const [indicator, file] of [
      ['REPEAT_REFERRALS', referrals],
      ['NI59', own],
      ['REPEAT_REFERRALS', alike],
    ] as const) {
      const run = runBuiltCli(['compute', indicator, '--input', file]);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).warnings).toEqual([]);
    }
  });
});

describe('the audit of rejected rows', () => {
  // Row 2 ends before it starts, row 3 has 31 February, row 4 repeats B1, row 5 is fine (B4, 5 to 8 March 2012: 3
  // working days, counted), row 6 has no id, row 7 no referral date.
  const rejected = files.write(
    'ia2.csv',
    [
      'id,childId,referralDate,completedDate,team,workerId',
      'B1,C1,2012-03-05,2012-03-01,North,W1',
      'B2,C2,31/02/2012,2012-03-02,North,W1',
      'B1,C3,2012-03-05,2012-03-08,(none),W1',
      'B4,C4,2012-03-05,2012-03-08,,W1',
      ',C5,2012-03-05,2012-03-07,x,W1',
      'B6,C6,,2012-03-07,x,W1',
      '',
    ].join('\n'),
  );
  const idRowBucketReason = (text: string) =>
    text
      .trim()
      .split('\n')
      .slice(1)
      .map((line) =>
        line
          .split(',')
          .slice(1, 4)
          .concat(line.split(',')[6] ?? ''),
      );

  it('gives the id of each rejected row whose id was read, from the days and from the records', () => {
    const expected = [
      ['B1', '2', 'rejected', 'end_before_start completedDate'],
      ['B2', '3', 'rejected', 'invalid_date referralDate'],
      // The repeat of B1 is named by the id it repeats.
      ['B1', '4', 'rejected', 'duplicate_id id'],
      ['B4', '5', 'counted', ''],
      // No id was read: none to give.
      ['', '6', 'rejected', 'missing_field id'],
      ['B6', '7', 'rejected', 'missing_field referralDate'],
    ];
    for (const [name, extra] of [
      ['audit-days.csv', []],
      ['audit-records.csv', ['--by', 'team']],
    ] as const) {
      const audit = `${files.dir}/${name}`;
      const run = runBuiltCli([
        'compute',
        'NI59',
        '--input',
        rejected,
        '--period',
        '2012-03',
        '--audit',
        audit,
        ...extra,
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(idRowBucketReason(readFileSync(audit, 'utf8'))).toEqual(expected);
    }
  });

  it('writes a compound key as the outcomes of its kind do (personId@snapshotDate)', () => {
    // Row 3 has a status that is not one of NI117's: rejected, its person and count date read.
    const neetRejected = files.write(
      'neet-rejected.csv',
      'personId,snapshotDate,dateOfBirth,status\nP1,2010-11-30,1993-02-11,NEET\nP2,2010-11-30,1993-02-11,SOMETIMES\n',
    );
    const audit = `${files.dir}/audit-neet.csv`;
    const run = runBuiltCli([
      'compute',
      'NI117',
      '--input',
      neetRejected,
      '--period',
      '2010-11',
      '--audit',
      audit,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(idRowBucketReason(readFileSync(audit, 'utf8'))).toEqual([
      ['P1@2010-11-30', '2', 'counted', ''],
      ['P2@2010-11-30', '3', 'rejected', 'invalid_value status'],
    ]);
  });
});
