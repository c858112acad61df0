import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

// Two initial assessments a month in 2010/11: 50% in April, June, August, October, December and February, 100% in the
// other months (see test/fixtures/spc/README.md). Mean (6 × 50 + 6 × 100) / 12 = 75; every moving range 50, so the
// mean moving range is 50 (3.267 × 50 = 163.35 screens nothing); limits 75 ± 2.66 × 50 = 75 ± 133: −58 to 208.
const input = fixturePath('spc', 'initial-assessments.csv');

/** `cs-indicators spc NI59 --input <the fixture> …args`. */
const spcOf = (...args: string[]) => runBuiltCli(['spc', 'NI59', '--input', input, ...args]);

interface SpcJson {
  indicator: string;
  months: { numerator: number; denominator: number; value: string | null }[];
  spc: {
    options: { improvement: string; target: number | null; rebase: string[] };
    points: { label: string; value: number | null; mean: number; lowerLimit: number; upperLimit: number }[];
    variation: string;
    assurance: string | null;
    tooFewPoints: boolean;
  };
  warnings: { code: string; message: string }[];
}

describe('cs-indicators spc', () => {
  it('charts an indicator by month as JSON: each month, the mean, the limits, variation and assurance', () => {
    const run = spcOf('--period', 'FY2010', '--target', '80', '--format', 'json');
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as SpcJson;
    expect(body.indicator).toBe('NI59');
    expect(body.months.map((month) => month.value)).toEqual(Array(6).fill(['50', '100']).flat());
    expect(body.spc.points.map((point) => point.label)).toEqual([
      '2010-04',
      '2010-05',
      '2010-06',
      '2010-07',
      '2010-08',
      '2010-09',
      '2010-10',
      '2010-11',
      '2010-12',
      '2011-01',
      '2011-02',
      '2011-03',
    ]);
    expect(body.spc.points[0]).toMatchObject({
      value: 50,
      mean: 75,
      lowerLimit: 75 - 133,
      upperLimit: 75 + 133,
    });
    // NI59: higher is better. Noise only, and 80% lies between the limits: hit and miss.
    expect(body.spc.options).toMatchObject({ improvement: 'increase', target: 80, rebase: [] });
    expect(body.spc.variation).toBe('common-cause');
    expect(body.spc.assurance).toBe('inconsistent');
    expect(body.spc.tooFewPoints).toBe(false);
    expect(body.warnings).toEqual([]);
    // The rejected row (31/02/2011) is reported, and left out.
    expect(run.stderr).toContain('referralDate "31/02/2011"');
  });

  it('prints a table with the phase, each month and what the chart says', () => {
    const run = spcOf('--period', 'FY2010');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Phase 1  2010-04 to 2011-03: mean 75.0%, limits -58.0% to 208.0%, from 12 of 12 points',
    );
    expect(run.stdout).toMatch(/^2010-04\s+1\s+2\s+50\.0%\s+75\.0%\s+-58\.0%\s+208\.0%\s+common cause$/m);
    expect(run.stdout).toContain('Variation    common cause');
    expect(run.stdout).toContain('Assurance    n/a (no --target)');
  });

  it('warns on stderr when the limits rest on fewer than 12 months (too_few_points)', () => {
    // April to January: 10 months, 5 of each: the same mean, 75.
    const run = spcOf('--period', '2010-04..2011-01', '--format', 'json');
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as SpcJson;
    expect(body.spc.tooFewPoints).toBe(true);
    expect(body.spc.points[0]?.mean).toBe(75);
    expect(body.warnings).toEqual([
      {
        code: 'too_few_points',
        message:
          'NI59: the limits of 2010-04 to 2011-01 (10 points) rest on fewer than 12 points: read them as provisional',
      },
    ]);
    expect(run.stderr).toContain('rest on fewer than 12 points: read them as provisional [too_few_points]');
  });

  it('starts a new phase at each --rebase month, and takes the direction from --improvement', () => {
    const run = spcOf(
      '--period',
      'FY2010',
      '--rebase',
      '2010-10',
      '--improvement',
      'decrease',
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as SpcJson;
    // Two phases of 6 months, each 50, 100, 50, 100, 50, 100: mean 75 again; both too short.
    expect(body.spc.options).toMatchObject({ improvement: 'decrease', rebase: ['2010-10'] });
    expect(body.spc.tooFewPoints).toBe(true);
  });

  it('exits 2 on usage errors: no whole months, an unknown rebase month, a flag that does not apply', () => {
    const partial = spcOf('--period', '2010-04-15..2011-01-31');
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain('a chart by month needs whole months');
    const rebase = spcOf('--period', 'FY2010', '--rebase', '2012-01');
    expect(rebase.code).toBe(2);
    expect(rebase.stderr).toContain('the rebase label "2012-01" is not in the series');
    expect(spcOf('--by', 'team').code).toBe(2);
    expect(spcOf('--target', 'eighty').code).toBe(2);
    expect(spcOf('--improvement', 'up').code).toBe(2);
    expect(spcOf('--fix-after', '1').code).toBe(2);
    expect(runBuiltCli(['spc']).code).toBe(2);
  });

  it('refuses an unreadable input (exit 1)', () => {
    expect(runBuiltCli(['spc', 'NI59', '--input', 'no-such-file.csv', '--period', 'FY2010']).code).toBe(1);
  });
});
