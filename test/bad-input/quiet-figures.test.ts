// Quiet figures (an adversarial review of main, findings 3 to 6 and two of 11): a breakdown whose groups are one
// team spelt two ways, a file of another kind read because its columns fit, an NI117 count month missing, a period
// with no record in it, a negative deadline, and the audit of rejected rows. Each feeds the bad input and asserts
// what is said.
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
    ['from the records (with --audit)', ['--audit', `${files.dir}/by-team-audit.csv`]],
  ] as const) {
    it(`keeps North and north apart and says so (similar_group_names), ${how}`, () => {
      const run = runBuiltCli(['compute', 'NI59', '--input', assessments, '--by', 'team', ...extra]);
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
