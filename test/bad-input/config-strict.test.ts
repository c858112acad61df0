import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRefused, scratchDir } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

// The records of test/fixtures/compute (see test/cli/compute.test.ts and test/cli/report.test.ts): NI59 over
// 2010/11 is 3 of 5 (IA-02 and IA-07 late); IA-11, row 12, is rejected for its referral date 31/02/2011.
const base = {
  title: 'Test return',
  financialYear: 'FY2010',
  inputs: {
    'initial-assessment': fixturePath('compute', 'initial-assessments.csv'),
    'cp-conference': fixturePath('compute', 'conferences.csv'),
  },
  indicators: [{ id: 'NI59', options: { rules: 'ni2008' } }, 'CPC15'],
  convention: 'after-start',
};

const dir = scratchDir();
let configs = 0;

/** Writes a config built from the base with `change`, runs the report on it, and returns the run and paths. */
function report(change: Record<string, unknown>, ...args: string[]) {
  const config = join(dir, `config-${++configs}.json`);
  writeFileSync(config, JSON.stringify({ ...base, ...change }));
  const out = join(dir, `report-${configs}.json`);
  return { run: runBuiltCli(['report', '--config', config, '--out', out, ...args]), config, out };
}

/** The refusal of a config: exit 1, every problem listed under the file's name, and no report written. */
function expectConfigRefused(result: ReturnType<typeof report>, problems: readonly string[]): void {
  expectRefused(result.run, 1);
  expect(result.run.stderr).toBe(
    `cs-indicators report: ${result.config}: the report config is not usable (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${p}\n`).join('')}`,
  );
  expect(existsSync(result.out)).toBe(false);
}

describe('report configs: unknown keys anywhere are refused with their path and the nearest known key', () => {
  it('refuses a typo in an indicator option, which would otherwise change the figure silently', () => {
    const result = report({ indicators: ['NI59', { id: 'CPC15', options: { startevent: 'referral' } }] });
    expectConfigRefused(result, [
      'indicators[1].options.startevent: unknown option "startevent" (did you mean "startEvent"?): CPC15 takes startEvent, timescale',
    ]);
  });

  it('refuses unknown keys at the top and inside the calendar, every one at once', () => {
    const result = report({ asat: '2011-01-31', calendar: { regoin: 'scotland' } });
    expectRefused(result.run, 1);
    expect(result.run.stderr).toContain('(2 problems)');
    expect(result.run.stderr).toContain('  (the config): unknown key "asat" (did you mean "asAt"?)');
    expect(result.run.stderr).toContain('  calendar: unknown key "regoin" (did you mean "region"?)');
  });

  it('refuses an option set for the whole report when given to one indicator, and an unknown indicator', () => {
    const result = report({ indicators: [{ id: 'NI59', options: { convention: 'inclusive' } }, 'NI95'] });
    expectConfigRefused(result, [
      `indicators[0].options.convention: convention is set for the whole report, by the config's top-level key "convention", not per indicator`,
      'indicators[1].id: unknown indicator "NI95" (did you mean "NI59"?) (expected one of NI59, NI60, CPC15, CAF2W, CAF_CLOSED, REF_NO_CAF, CASELOAD, NI117, NEET_NOT_KNOWN, REPEAT_REFERRALS, ASSESS45, CPP_2YEARS, CPP_REPEAT, WF_TURNOVER, WF_AGENCY, WF_VACANCY, WF_ABSENCE)',
    ]);
  });

  it('refuses an unknown target set with the nearest built-in one', () => {
    const result = report({ targetSets: ['leeds-2010-notise'] });
    expectConfigRefused(result, [
      'targetSets[0]: unknown target set "leeds-2010-notise" (did you mean "leeds-2010-notice"?) (built in: leeds-2010-notice, leeds-2010-plan)',
    ]);
  });
});

describe('report configs: asAt is a real date', () => {
  it.each([
    ['yesterday', '"yesterday" is not a date: expected YYYY-MM-DD or DD/MM/YYYY'],
    ['2011-02-30', '"2011-02-30" is not a real date: February 2011 has 28 days'],
    ['2010-10', '"2010-10" is not a date: expected YYYY-MM-DD or DD/MM/YYYY'],
  ])('refuses asAt %s', (asAt, why) => {
    expectConfigRefused(report({ asAt }), [`asAt: expected a real date, YYYY-MM-DD: ${why}`]);
  });

  it('refuses an asAt before the financial year starts, which would report no month', () => {
    expectConfigRefused(report({ asAt: '2001-10-31' }), [
      'asAt: 2001-10-31 is before the financial year 2010/11 starts (2010-04-01): no month would be reported',
    ]);
  });

  it('reads 31/10/2010 as 31 October 2010, the same return as 2010-10-31', () => {
    // Compared as text, "31/10/2010" sorted after every month end: the whole year was reported. Read as a date,
    // April to October are reported; NI59's year to date is then IA-07 (April, late), IA-05 and IA-06 (October,
    // on time): 2 of 3.
    const uk = report({ asAt: '31/10/2010' }, '--format', 'json');
    const iso = report({ asAt: '2010-10-31' }, '--format', 'json');
    expect(uk.run.code).toBe(0);
    expect(iso.run.code).toBe(0);
    const ukModel = JSON.parse(readFileSync(uk.out, 'utf8'));
    const isoModel = JSON.parse(readFileSync(iso.out, 'utf8'));
    expect(ukModel).toEqual(isoModel);
    expect(ukModel.asAt).toBe('2010-10-31');
    expect(ukModel.months.filter((m: { reported: boolean }) => m.reported)).toHaveLength(7);
    const ni59 = ukModel.indicators[0];
    expect([ni59.yearToDate.numerator, ni59.yearToDate.denominator, ni59.yearToDate.display]).toEqual([
      2,
      3,
      '66.7%',
    ]);
  });

  it("reads asAt in the config's dateFormat", () => {
    const result = report({ asAt: '10/31/2010', dateFormat: 'mdy' }, '--format', 'json');
    expect(result.run.code).toBe(0);
  });
});

describe('report configs: every file named exists', () => {
  it('refuses a missing closures file and a missing input with their paths, before reading any input', () => {
    const closures = join(dir, 'no-closures.json');
    const caf = join(dir, 'no-caf.csv');
    const result = report({
      calendar: { closures },
      inputs: { ...base.inputs, caf },
    });
    expectConfigRefused(result, [
      `inputs.caf: no such file: ${caf}`,
      `calendar.closures: no such file: ${closures}`,
    ]);
  });

  it('refuses a config that gives no file for records an indicator reads', () => {
    const result = report({ indicators: ['NI59', 'CAF2W'] });
    expectConfigRefused(result, ['inputs.caf: no file for the caf records CAF2W reads']);
  });

  it('refuses an input whose format or preset cannot give its records, before reading any', () => {
    const result = report({
      inputs: {
        'initial-assessment': { path: base.inputs['initial-assessment'], preset: 'nccis' },
        'cp-conference': base.inputs['cp-conference'],
      },
    });
    expectConfigRefused(result, [
      'inputs.initial-assessment: the nccis preset gives neet records, not "initial-assessment"',
    ]);
  });
});
