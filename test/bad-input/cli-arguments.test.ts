import { describe, expect, it } from 'vitest';
import { expectUsageError } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

// test/fixtures/compute/initial-assessments.csv: the hand-worked NI59 records (see test/cli/compute.test.ts).
// October 2010 to March 2011: IA-01, IA-02, IA-05 and IA-06 completed, IA-02 in 9 working days: 3 of 4 under
// ni2008, 4 of 4 under wt2010 (10 days for referrals from 2010-04-01).
const ia = fixturePath('compute', 'initial-assessments.csv');
// A file that does not exist: when an argument is refused with exit 2 and not this file with exit 1, the
// argument was checked before any file was read.
const missing = fixturePath('compute', 'no-such-export.csv');

describe('cs-indicators compute: arguments checked before any file is read', () => {
  it('refuses a bad --period before reading the input', () => {
    const run = runBuiltCli(['compute', 'NI59', '--input', missing, '--period', '2010-13']);
    expectUsageError(
      run,
      'compute',
      '--period: Cannot read the period "2010-13": there is no month 13. Expected a month (2010-06), a calendar quarter (2010-Q2), a financial year (FY2010 or 2010/11), an academic year (AY2010), a range of whole months (2010-10..2011-03) or a range of dates (2010-10-01..2011-03-31).',
    );
  });

  it("refuses an indicator's option its own checks reject (a snapshot outside the period) before reading", () => {
    const run = runBuiltCli([
      'compute',
      'CASELOAD',
      '--allocations',
      missing,
      '--workers',
      missing,
      '--period',
      'FY2010',
      '--snapshot',
      '2011-04-01',
    ]);
    expectUsageError(
      run,
      'compute',
      '--snapshot: expected a date written YYYY-MM-DD from 2010-04-01 to 2011-03-31 (2010/11), got "2011-04-01"',
    );
  });

  it('refuses an option value the indicator does not take, naming the values it does', () => {
    const run = runBuiltCli(['compute', 'CPC15', '--input', missing, '--start-event', 'strategy']);
    expectUsageError(
      run,
      'compute',
      '--start-event: expected one of strategy-discussion, s47-start, referral, got "strategy"',
    );
  });
});

describe('cs-indicators: a newcomer cannot trip', () => {
  it('names the nearest flag for an unknown one', () => {
    const run = runBuiltCli(['compute', 'NI59', '--input', ia, '--preiod', '2010-10']);
    expectUsageError(run, 'compute', 'unknown option --preiod (did you mean --period?)');
  });

  it('names the nearest command and the nearest indicator', () => {
    const command = runBuiltCli(['comptue', 'NI59']);
    expect(command.code).toBe(2);
    expect(command.stderr).toBe(
      'cs-indicators: unknown command "comptue" (did you mean "compute"?)\nsee `cs-indicators --help`\n',
    );
    const indicator = runBuiltCli(['compute', 'NI95', '--input', ia]);
    expect(indicator.code).toBe(2);
    expect(indicator.stderr).toMatch(
      /^cs-indicators compute: unknown indicator "NI95" \(did you mean "NI59"\?\)/,
    );
  });

  it('refuses a flag given twice rather than taking the last', () => {
    const run = runBuiltCli(['compute', 'NI59', '--input', ia, '--period', '2010-10', '--period', '2010-11']);
    expectUsageError(run, 'compute', '--period is given twice ("2010-10" and "2010-11"): give it once');
  });

  it('refuses a flag whose value is missing rather than reading the next flag as its value', () => {
    const run = runBuiltCli(['compute', 'NI59', '--input', '--period', '2010-10']);
    expectUsageError(run, 'compute', '--input needs a value');
  });

  it('reads enumerated values in any case, with the same figures', () => {
    const lower = runBuiltCli([
      'compute',
      'NI59',
      '--input',
      ia,
      '--period',
      '2010-10..2011-03',
      '--rules',
      'wt2010',
    ]);
    const mixed = runBuiltCli([
      'compute',
      'ni59',
      '--input',
      ia,
      '--period',
      'fy2010',
      '--rules',
      'WT2010',
      '--format',
      'JSON',
      '--by',
      'Team',
      '--convention',
      'After-Start',
    ]);
    expect(lower.code).toBe(0);
    expect(mixed.code).toBe(0);
    const result = JSON.parse(lower.stdout);
    // IA-02 took 9 working days: within wt2010's 10, so 4 of 4.
    expect([result.numerator, result.denominator, result.rule.rules]).toEqual([4, 4, 'wt2010']);
    const byTeam = JSON.parse(mixed.stdout);
    expect(byTeam.by).toBe('team');
    // FY2010 adds IA-07, completed 9 April 2010 in 9 working days but referred on 25 March 2010, before wt2010's
    // 10 days begin: 7 apply and it is late. IA-09, completed 1 April 2011, is outside. 4 of 5.
    expect([byTeam.total.numerator, byTeam.total.denominator]).toEqual([4, 5]);
  });

  it('prints the help of one indicator with its own options', () => {
    const run = runBuiltCli(['compute', 'CPC15', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("CPC15's options:");
    expect(run.stdout).toContain('--start-event strategy-discussion|s47-start|referral');
    expect(run.stdout).not.toContain('--rules');
  });

  it('warns on stderr of a flag the indicator does not take, and computes', () => {
    const run = runBuiltCli([
      'compute',
      'NI59',
      '--input',
      ia,
      '--period',
      '2010-10..2011-03',
      '--baseline',
      'FY2009',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('cs-indicators compute: --baseline does not apply to NI59 and is ignored\n');
    const result = JSON.parse(run.stdout);
    expect([result.numerator, result.denominator, result.baseline]).toEqual([3, 4, undefined]);
  });
});
