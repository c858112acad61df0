import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';

// Paths relative to the repository root, where runBuiltCli runs the binary.
const census = 'test/fixtures/census/workforce-census.xml';

/** The arguments of computing a workforce indicator from the census XML, with more flags. */
const fromCensus = (id: string, ...more: string[]) => [
  'compute',
  id,
  '--preset',
  'workforce-census',
  '--input',
  census,
  ...more,
];

describe('cs-indicators compute (the workforce census XML)', () => {
  it("takes the census's ReferenceDate as the period and its vacancies, with no other flag", () => {
    const run = runBuiltCli(['compute', 'WF_VACANCY', '--preset', 'workforce-census', '--input', census]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    // The header's 3.5 vacancy FTE over 3.5 + 2.5 FTE employed in post on 30 September 2023 (see
    // test/presets/census-returns.test.ts for the workers): 58.3%.
    expect(result).toMatchObject({
      indicator: 'WF_VACANCY',
      period: { start: '2023-09-30', end: '2023-09-30' },
      numerator: 3.5,
      denominator: 6,
      display: '58.3%',
    });
    expect(result.rule).toMatchObject({ censusDate: '2023-09-30', vacancies: 3.5 });
    // SW107's OrgRole 9 is named on standard error.
    expect(run.stderr).toContain(`${census}:96: role "9"`);
  });

  it('computes turnover by team, and refuses vacancies by team or by worker', () => {
    const turnover = runBuiltCli(fromCensus('WF_TURNOVER', '--by', 'team'));
    expect(turnover.code).toBe(0);
    // No worker of the census has a team: one group, "(none)", the whole council's 1.6 / 2.5.
    const { groups } = JSON.parse(turnover.stdout);
    expect(groups.map((g: { group: string; display: string }) => [g.group, g.display])).toEqual([
      ['(none)', '64.0%'],
    ]);
    const vacancy = runBuiltCli(fromCensus('WF_VACANCY', '--by', 'team'));
    expect(vacancy.code).toBe(2);
    expect(vacancy.stderr).toMatch(/WF_VACANCY has no figure by team/);
    expect(vacancy.stdout).toBe('');
    // Nor by worker: the council's vacancies over one worker's FTE would be a wrong rate, not a breakdown.
    const byWorker = runBuiltCli(fromCensus('WF_VACANCY', '--by', 'worker'));
    expect(byWorker.code).toBe(2);
    expect(byWorker.stderr).toMatch(/^cs-indicators compute: WF_VACANCY has no figure by worker: /);
    expect(byWorker.stdout).toBe('');
  });

  it('reads a workforce census XML for NCCIS only with the right preset, and says which', () => {
    const run = runBuiltCli(['compute', 'NI117', '--preset', 'nccis', '--input', census]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no <NCCIS> element: expected an NCCIS file/);
  });
});

describe('cs-indicators compute (the flags of the census returns)', () => {
  const json = (args: string[]) => {
    const run = runBuiltCli(args);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as { numerator: number; denominator: number; display: string };
  };

  it('--vacancies and --working-days-per-fte give WF_VACANCY and WF_ABSENCE their figures', () => {
    // 2.5 vacancy FTE over 2.5 + 2.5 FTE employed in post: 50%, the flag taking the place of the header's 3.5.
    const vacancy = json(fromCensus('WF_VACANCY', '--vacancies', '2023-09-30=2.5'));
    expect([vacancy.numerator, vacancy.denominator, vacancy.display]).toEqual([2.5, 5, '50.0%']);
    // A bare FTE says nothing of the day it is of: refused before the file is read, never applied to another day.
    const bare = runBuiltCli(fromCensus('WF_VACANCY', '--vacancies', '2.5'));
    expect([bare.code, bare.stderr.split('\n')[0]]).toEqual([
      2,
      'cs-indicators compute: --vacancies: expected DATE=FTE (several separated by commas), like 2023-09-30=12.5, got "2.5"',
    ]);
    // 37.5 days lost over 2.5 FTE × 250 days = 625: 6.0%.
    // Vacancies of another day than the census's would be left aside for the header's without a word: refused.
    const otherDay = runBuiltCli(fromCensus('WF_VACANCY', '--vacancies', '2023-09-29=2'));
    expect([otherDay.code, otherDay.stdout]).toEqual([2, '']);
    expect(otherDay.stderr).toContain(
      `cs-indicators compute: --vacancies: ${census} is a census of 2023-09-30, and its figure is taken that day: give 2023-09-30=FTE, got 2023-09-29\n`,
    );
    const absence = json(fromCensus('WF_ABSENCE', '--working-days-per-fte', '250'));
    expect([absence.numerator, absence.denominator, absence.display]).toEqual([37.5, 625, '6.0%']);
    const bad = runBuiltCli(fromCensus('WF_ABSENCE', '--working-days-per-fte', '0'));
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([
      2,
      'cs-indicators compute: --working-days-per-fte: expected a number of working days above 0, like 253, got 0',
    ]);
  });

  it('--snapshot-date counts an NCCIS CSV without a count date column, and is refused without --preset nccis', () => {
    // YP01 (230) and YP06 (540) on 31 January 2013, both of academic age 16: 1 NEET of 2 known.
    const neet = json([
      'compute',
      'NI117',
      '--preset',
      'nccis',
      '--input',
      'test/fixtures/presets/nccis-no-date.csv',
      '--snapshot-date',
      '2013-01-31',
      '--count-date',
      '2013-01-31',
    ]);
    expect([neet.numerator, neet.denominator, neet.display]).toEqual([1, 2, '50.0%']);
    const refused = runBuiltCli([
      'compute',
      'NI117',
      '--input',
      'test/fixtures/presets/nccis-no-date.csv',
      '--snapshot-date',
      '2013-01-31',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /--snapshot-date is the count date of an NCCIS file read with --preset nccis/,
    );
  });

  it('--history chooses where CPP_REPEAT sees earlier plans', () => {
    // Annex A List 7 of the presets fixture: see test/presets/annex-a.test.ts. With the column alone, every plan
    // without a previousPlans count is left out by name rather than read as a first plan.
    const run = runBuiltCli([
      'compute',
      'CPP_REPEAT',
      '--preset',
      'annex-a',
      '--input',
      'test/fixtures/presets/annex-a.xlsx',
      '--history',
      'records',
      '--period',
      'FY2012',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).rule.history).toBe('records');
    const bad = runBuiltCli([
      'compute',
      'CPP_REPEAT',
      '--input',
      'test/fixtures/presets/annex-a.xlsx',
      '--preset',
      'annex-a',
      '--history',
      'both',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^cs-indicators compute: --history: expected one of either, records, column/);
  });
});

describe('cs-indicators compute (a workforce census CSV)', () => {
  it('needs the 30 September the census is of, since a CSV has no header to say it', () => {
    const csv = 'test/fixtures/presets/workforce-census.csv';
    // A year ending 31 March would take the census's workers as in post on a day it says nothing of.
    const year = runBuiltCli([
      'compute',
      'WF_TURNOVER',
      '--preset',
      'workforce-census',
      '--input',
      csv,
      '--period',
      'FY2023',
    ]);
    expect(year.code).toBe(2);
    expect(year.stderr).toMatch(/give a --period ending on 30 September/);
    const september = runBuiltCli([
      'compute',
      'WF_TURNOVER',
      '--preset',
      'workforce-census',
      '--input',
      csv,
      '--period',
      '2023-09',
    ]);
    expect(september.code).toBe(0);
    // No worker of that file has left: 0 FTE leavers over the 5.4 FTE employed in post (SW001-SW006).
    expect(JSON.parse(september.stdout)).toMatchObject({ numerator: 0, denominator: 5.4, display: '0.0%' });
  });
});
