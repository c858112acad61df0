import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';

// Paths relative to the repository root, where runBuiltCli runs the binary.
const census = 'test/fixtures/census/workforce-census.xml';

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

  it('computes turnover by team, and refuses vacancies by team', () => {
    const turnover = runBuiltCli([
      'compute',
      'WF_TURNOVER',
      '--preset',
      'workforce-census',
      '--input',
      census,
      '--by',
      'team',
    ]);
    expect(turnover.code).toBe(0);
    // No worker of the census has a team: one group, "(none)", the whole council's 1.6 / 2.5.
    const { groups } = JSON.parse(turnover.stdout);
    expect(groups.map((g: { group: string; display: string }) => [g.group, g.display])).toEqual([
      ['(none)', '64.0%'],
    ]);
    const vacancy = runBuiltCli([
      'compute',
      'WF_VACANCY',
      '--preset',
      'workforce-census',
      '--input',
      census,
      '--by',
      'team',
    ]);
    expect(vacancy.code).toBe(2);
    expect(vacancy.stderr).toMatch(/WF_VACANCY has no figure by team/);
    expect(vacancy.stdout).toBe('');
  });

  it('reads a workforce census XML for NCCIS only with the right preset, and says which', () => {
    const run = runBuiltCli(['compute', 'NI117', '--preset', 'nccis', '--input', census]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no <NCCIS> element: expected an NCCIS file/);
  });
});
