import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectRefused, scratchDir } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

// Report configs and targets that read as something other than what their writer meant: each run quietly, exit 0,
// before. The records of test/fixtures/compute (see test/bad-input/config-strict.test.ts): NI59 over 2010/11 is 3
// of 5 = 60% (IA-02 and IA-07 late); IA-11, row 12, is rejected for its referral date 31/02/2011.
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
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let configs = 0;

/** Writes a targets file beside the configs and gives its name. */
function targetsFile(name: string, targets: readonly Record<string, unknown>[]): string {
  writeFileSync(
    join(dir, name),
    JSON.stringify({ id: 'local', title: 'Local plan', sourceFile: 'plan.txt', targets }),
  );
  return name;
}

/** A percent target of NI59's, quoted from a local plan. */
function ni59Target(period: string, value: number): Record<string, unknown> {
  return { indicator: 'NI59', period, value, unit: 'percent', quote: `NI59 at ${value}` };
}

/** Writes a config built from the base with `change`, runs the report on it, and returns the run and paths. */
function report(change: Record<string, unknown>, ...args: string[]) {
  const config = join(dir, `config-${++configs}.json`);
  writeFileSync(config, JSON.stringify({ ...base, ...change }));
  const out = join(dir, `report-${configs}${args.includes('html') ? '.html' : '.json'}`);
  const format = args.includes('html') ? [] : ['--format', 'json'];
  return { run: runBuiltCli(['report', '--config', config, '--out', out, ...format, ...args]), config, out };
}

/** The refusal of a config: exit 1, every problem listed under the file's name, and no report written. */
function expectConfigRefused(result: ReturnType<typeof report>, problems: readonly string[]): void {
  expectRefused(result.run, 1);
  expect(result.run.stderr).toBe(
    `cs-indicators report: ${result.config}: the report config is not usable (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${p}\n`).join('')}`,
  );
  expect(existsSync(result.out)).toBe(false);
}

interface Warning {
  readonly code: string;
  readonly message: string;
}

/** The report written, as JSON. */
function model(result: ReturnType<typeof report>) {
  expect(result.run.code, result.run.stderr).toBe(0);
  return JSON.parse(readFileSync(result.out, 'utf8')) as {
    indicators: {
      id: string;
      warnings: Warning[];
      targets: { status: string; gap: string | null; gapDisplay: string; tolerance: { value: number } }[];
    }[];
  };
}

/** The warnings of one code, of each indicator. */
function warningsOf(result: ReturnType<typeof report>, code: string): Warning[][] {
  return model(result).indicators.map((indicator) => indicator.warnings.filter((w) => w.code === code));
}

describe('report: a percent target between 0 and 1 (0.8 meant as 80%)', () => {
  const warning =
    'NI59: the target 0.8 for 2010/11 (local) reads as 0.8%, under 1% (a percentage is written in points: 80 for 80%): if 80% was meant, write 80';

  it('warns in the JSON, on stderr and on the page, and reads the target as written', () => {
    // 60% against 0.8%: met, gap 60 - 0.8 = 59.2 points. Read as written (the spec has no rule refusing it); the
    // warning is what tells the board the "On target" is not the plan's.
    const result = report({ targetFiles: [targetsFile('fraction.json', [ni59Target('FY2010', 0.8)])] });
    expect(warningsOf(result, 'percent_below_one')).toEqual([
      [{ code: 'percent_below_one', message: warning }],
      [],
    ]);
    const [target] = model(result).indicators[0]?.targets ?? [];
    expect([target?.status, target?.gap]).toEqual(['met', '59.2']);
    expect(result.run.stderr).toContain(`cs-indicators report: warning: ${warning} [percent_below_one]\n`);
    const html = report({ targetFiles: ['fraction.json'] }, '--format', 'html');
    expect(html.run.code, html.run.stderr).toBe(0);
    const page = readFileSync(html.out, 'utf8');
    expect(page).toContain(`<li>${warning} <code>percent_below_one</code></li>`);
  });

  it('leaves 1 and more alone, and is refused under --strict', () => {
    // 1% is a percentage as written; no warning.
    const one = report({ targetFiles: [targetsFile('one.json', [ni59Target('FY2010', 1)])] });
    expect(warningsOf(one, 'percent_below_one')).toEqual([[], []]);
    // Under --strict a warning refuses the report (a clean input alone, so that the warning is the reason).
    const clean = join(dir, 'clean.csv');
    writeFileSync(clean, 'id,childId,referralDate,completedDate\nA1,C1,2010-10-01,2010-10-05\n');
    const strict = report(
      { targetFiles: ['fraction.json'], inputs: { 'initial-assessment': clean }, indicators: ['NI59'] },
      '--strict',
    );
    expectRefused(strict.run, 1);
    expect(strict.run.stderr).toContain(`${warning} [percent_below_one]`);
  });

  it('warns for a percentOfTarget tolerance between 0 and 1, the report’s and an indicator’s own', () => {
    // 0.05% of 80 is 0.04 points: 60% against 80% is red either way, but 79.97% would be amber and 79.95% red.
    const targets = targetsFile('eighty.json', [ni59Target('FY2010', 80)]);
    const report5 = report({ targetFiles: [targets], tolerance: { percentOfTarget: 0.05 } });
    expect(warningsOf(report5, 'percent_below_one')).toEqual([
      [
        {
          code: 'percent_below_one',
          message:
            'NI59: the report\'s tolerance { "percentOfTarget": 0.05 } reads as 0.05% of the target, an amber band of 0.04 points for 80%: if 5% was meant, write 5',
        },
      ],
      // CPC15 has no target in the file: its tolerance judges nothing.
      [],
    ]);
    expect(model(report5).indicators[0]?.targets[0]?.tolerance.value).toBe(0.04);
    const own = report({
      targetFiles: [targets],
      indicators: [
        { id: 'NI59', options: { rules: 'ni2008' }, tolerance: { percentOfTarget: 0.5 } },
        'CPC15',
      ],
    });
    expect(warningsOf(own, 'percent_below_one')[0]?.map((w) => w.message)).toEqual([
      'NI59: its tolerance { "percentOfTarget": 0.5 } reads as 0.5% of the target, an amber band of 0.4 points for 80%: if 50% was meant, write 50',
    ]);
    // 5 is 5%: no warning; and 0, no amber band at all, is a choice.
    for (const percentOfTarget of [5, 0]) {
      const fine = report({ targetFiles: [targets], tolerance: { percentOfTarget } });
      expect(warningsOf(fine, 'percent_below_one')).toEqual([[], []]);
    }
  });
});

describe('spc --target between 0 and 1', () => {
  const input = fixturePath('compute', 'initial-assessments.csv');
  /** `spc NI59` over 2010/11 of the compute fixture, as JSON, with the target given. */
  const spcWithTarget = (target: string) =>
    runBuiltCli([
      'spc',
      'NI59',
      '--input',
      input,
      '--period',
      'FY2010',
      '--target',
      target,
      '--format',
      'json',
    ]);
  const warning =
    'NI59: --target 0.8 reads as 0.8%, under 1% (a percentage is given in points: 80 for 80%): if 80% was meant, give --target 80';

  it('warns in the JSON and on stderr, and the assurance is judged against 0.8%', () => {
    const run = spcWithTarget('0.8');
    expect(run.code, run.stderr).toBe(0);
    const body = JSON.parse(run.stdout) as { warnings: Warning[]; spc: { options: { target: number } } };
    expect(body.warnings.filter((w) => w.code === 'percent_below_one')).toEqual([
      { code: 'percent_below_one', message: warning },
    ]);
    expect(body.spc.options.target).toBe(0.8);
    expect(run.stderr).toContain(`cs-indicators spc: warning: ${warning} [percent_below_one]\n`);
  });

  it('says nothing for --target 80', () => {
    const run = spcWithTarget('80');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('percent_below_one');
  });
});

describe('report configs: financialYear is a financial year', () => {
  const expected = 'financialYear: expected a financial year, April to March, written FY2010 or 2010/11, got';
  it.each([
    ['AY2010', '"AY2010", 2010/11 academic year (2010-09-01 to 2011-08-31)'],
    ['2010-Q2', '"2010-Q2", Q2 2010 (April to June 2010) (2010-04-01 to 2010-06-30)'],
    ['2010-06', '"2010-06", June 2010 (2010-06-01 to 2010-06-30)'],
    [
      '2010-04..2011-03',
      '"2010-04..2011-03", April 2010 to March 2011 (2010-04-01 to 2011-03-31) (did you mean "FY2010"?)',
    ],
    ['2010', '"2010" (it matches none of the accepted forms)'],
    ['2010/12', '"2010/12" (a financial year runs into the next year, so 2010/ must be followed by 11)'],
  ])('refuses %s, naming the accepted forms', (financialYear, got) => {
    // Before, each was read as the year: AY2010 gave a "year to date" of September to the asAt beside an Actual
    // against the financial year's target.
    expectConfigRefused(report({ financialYear }), [`${expected} ${got}`]);
  });

  it('reads FY2010 and 2010/11 as the same year', () => {
    const fy = model(report({ financialYear: 'FY2010' }));
    const slash = model(report({ financialYear: '2010/11' }));
    expect(slash).toEqual(fy);
  });
});

describe('report configs: asAt within the financial year', () => {
  it('refuses an asAt after the financial year ends', () => {
    // Before: "data to 2012-01-31" on a 2010/11 return, exit 0.
    expectConfigRefused(report({ asAt: '2012-01-31' }), [
      'asAt: 2012-01-31 is after the financial year 2010/11 ends (2011-03-31): give the last day the data covers within the year (2011-03-31 for the whole year), or the financial year the data is for',
    ]);
    expectConfigRefused(report({ asAt: '01/04/2011' }), [
      'asAt: 01/04/2011 is after the financial year 2010/11 ends (2011-03-31): give the last day the data covers within the year (2011-03-31 for the whole year), or the financial year the data is for',
    ]);
  });

  it('accepts the year’s last day', () => {
    expect(report({ asAt: '2011-03-31' }).run.code).toBe(0);
  });
});

describe('report configs: each indicator, target set and targets file once', () => {
  it('refuses an indicator listed twice, with other options, naming both entries', () => {
    // Before: two summary rows, both data-indicator="NI59", nothing telling them apart.
    expectConfigRefused(
      report({
        indicators: [
          { id: 'NI59', options: { rules: 'ni2008' } },
          'CPC15',
          { id: 'ni59', options: { rules: 'wt2010' } },
        ],
      }),
      [
        'indicators[2]: NI59 is listed twice, as indicators[0] (NI59 with options {"rules":"ni2008"}) and indicators[2] (ni59 with options {"rules":"wt2010"}): a report has one row per indicator, keyed by its id; list it once, with the options it is to be computed with',
      ],
    );
    expectConfigRefused(report({ indicators: ['NI59', 'NI59'] }), [
      'indicators[1]: NI59 is listed twice, as indicators[0] (NI59) and indicators[1] (NI59): a report has one row per indicator, keyed by its id; list it once, with the options it is to be computed with',
    ]);
  });

  it('refuses a targets file or a target set listed twice', () => {
    // Before: each target shown twice and the "Slow to progress" sentence said twice.
    const file = targetsFile('plan.json', [ni59Target('FY2010', 80)]);
    expectConfigRefused(report({ targetFiles: [file, `./${file}`] }), [
      'targetFiles[1]: "./plan.json" is listed already, as targetFiles[0] ("plan.json"): list it once',
    ]);
    expectConfigRefused(
      report({ targetSets: ['leeds-2010-notice', 'leeds-2010-plan', 'leeds-2010-notice'] }),
      [
        'targetSets[2]: "leeds-2010-notice" is listed already, as targetSets[0] ("leeds-2010-notice"): list it once',
      ],
    );
  });
});

describe('report: a targets file that gives no target in the year', () => {
  it('warns, naming the file and why each target is not shown, on the indicators it names', () => {
    // NI59's target is for 2012/13, outside 2010/11; NI60 is not in the report. Before: a blank Target column.
    const file = targetsFile('later.json', [
      ni59Target('FY2012', 80),
      { indicator: 'NI60', period: 'FY2010', value: 80, unit: 'percent', quote: 'NI60 at 80' },
    ]);
    const message =
      'targetFiles[0] (later.json), "Local plan": none of its targets is shown (2 targets, none for an indicator of the report in 2010/11: NI59 for 2012/13: outside the year; NI60 for 2010/11: not in the report): check the file and the financial year';
    const result = report({ targetFiles: [file] });
    expect(warningsOf(result, 'targets_unused')).toEqual([[{ code: 'targets_unused', message }], []]);
    expect(result.run.stderr).toContain(`cs-indicators report: warning: ${message} [targets_unused]\n`);
  });

  it('gives a file for none of the report’s indicators to every indicator, said once on stderr and the page', () => {
    const file = targetsFile('other.json', [
      { indicator: 'NI60', period: 'FY2010', value: 80, unit: 'percent', quote: 'NI60 at 80' },
    ]);
    const message =
      'targetFiles[0] (other.json), "Local plan": none of its targets is shown (1 target, none for an indicator of the report in 2010/11: NI60 for 2010/11: not in the report): check the file and the financial year';
    const result = report({ targetFiles: [file] });
    expect(warningsOf(result, 'targets_unused')).toEqual([
      [{ code: 'targets_unused', message }],
      [{ code: 'targets_unused', message }],
    ]);
    expect(result.run.stderr.split(`${message} [targets_unused]`)).toHaveLength(2);
    const html = report({ targetFiles: [file] }, '--format', 'html');
    const page = readFileSync(html.out, 'utf8');
    const panel = page.slice(page.indexOf('<div class="csi-warnings"'));
    const shown = message.replaceAll('"', '&quot;');
    expect(panel.slice(0, panel.indexOf('</div>')).split(shown)).toHaveLength(2);
  });

  it('warns for a built-in set with no target in the year', () => {
    const result = report({ financialYear: 'FY2012', targetSets: ['leeds-2010-notice'] });
    const [ni59] = warningsOf(result, 'targets_unused');
    expect(ni59?.[0]?.message).toMatch(
      /^targetSets\[0\] \(leeds-2010-notice\), "[^"]+": none of its targets is shown \(\d+ targets, none for an indicator of the report in 2012\/13: NI59 for June 2010: outside the year;/,
    );
  });

  it('says nothing when one of its targets is in the year', () => {
    const file = targetsFile('mixed.json', [ni59Target('FY2012', 80), ni59Target('FY2010', 80)]);
    expect(warningsOf(report({ targetFiles: [file] }), 'targets_unused')).toEqual([[], []]);
  });
});

describe('report configs: spc.rebase months', () => {
  it('refuses a month that is none at the config check, with its path', () => {
    // Refused as the config's shape, before any file is read. Before: read, then "spc: the rebase label "2011-13"
    // is not in the series", with no path.
    expectConfigRefused(report({ indicators: [{ id: 'NI59', spc: { rebase: ['2010-10', '2011-13'] } }] }), [
      'indicators[0].spc.rebase[1]: expected a month written YYYY-MM, as the chart labels its months (2010-06), got "2011-13"',
    ]);
  });

  it('refuses a real month the chart does not show, naming its place in the config', () => {
    // The chart shows the months with data of the history (12 months before 2010/11) and the year: June 2008 is
    // not among them. Before: "spc: the rebase label …", no path.
    const result = report({ indicators: [{ id: 'NI59', spc: { rebase: ['2008-06'] } }] });
    expectRefused(result.run, 1);
    expect(result.run.stderr).toMatch(
      new RegExp(
        `^cs-indicators report: ${result.config.replaceAll('.', '\\.')}: indicators\\[0\\]\\.spc\\.rebase \\(NI59\\): the rebase label "2008-06" is not in the series \\(labels "[0-9-]+" to "2011-03"\\)\n$`,
      ),
    );
  });
});

describe('report: a figure short of its target that rounds to it', () => {
  it('shows the places that make the shortfall visible, the exact figure kept', () => {
    // 404 assessments completed in October 2010: 323 on time (referred and completed on Friday 1 October), 81 late
    // (referred 1 September, completed 1 October). 323 / 404 = 79.950495…%: 80.0% at one place, against the
    // notice's 80% for October 2010 (the headline on 31 October: of the notice's targets containing it, October
    // ends first), not met. Before: Actual 80.0%, Gap 0.0 pts, "Within 4 points". Now 79.95% and -0.05 pts.
    const rows = ['id,childId,referralDate,completedDate'];
    for (let i = 0; i < 404; i++) {
      rows.push(`A${i},C${i},${i < 323 ? '2010-10-01' : '2010-09-01'},2010-10-01`);
    }
    const input = join(dir, 'boundary.csv');
    writeFileSync(input, `${rows.join('\n')}\n`);
    const change = {
      inputs: { 'initial-assessment': input },
      indicators: ['NI59'],
      asAt: '2010-10-31',
      targetSets: ['leeds-2010-notice'],
    };
    const html = report(change, '--format', 'html');
    expect(html.run.code, html.run.stderr).toBe(0);
    const page = readFileSync(html.out, 'utf8');
    const row = page.slice(page.indexOf('data-indicator="NI59"'));
    const cellOf = (field: string) =>
      new RegExp(`data-field="${field}" data-value="([^"]*)"[^>]*>([^<]*)<`).exec(row)?.slice(1);
    expect(cellOf('actual')).toEqual(['79.950495049504950495', '79.95%']);
    expect(cellOf('gap')).toEqual(['-0.049504950495049505', '-0.05 pts']);
    expect(cellOf('status')?.[0]).toBe('not-met');
    // The month itself, in the year's months, stays at the report's one place.
    const json = model(report(change));
    const ni59 = json.indicators[0] as unknown as {
      targets: { headline: boolean; actualDisplay: string; gapDisplay: string }[];
      months: { display: string }[];
    };
    const headline = ni59.targets.find((target) => target.headline);
    expect([headline?.actualDisplay, headline?.gapDisplay]).toEqual(['79.95%', '-0.05 pts']);
    expect(ni59.months[6]?.display).toBe('80.0%');
  });
});
