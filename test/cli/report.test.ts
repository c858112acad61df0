import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

const config = fixturePath('report', 'config.json');

describe('cs-indicators report', () => {
  it('writes the demo as one HTML page and prints its summary table', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'csi-report-')), 'demo.html');
    const run = runBuiltCli(['report', '--demo', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('data to 2011-01-31');
    expect(run.stdout).toMatch(/^NI59\s+82\.5% \(January 2011\)\s+75\.6%/m);
    expect(run.stdout).toContain(`Wrote the HTML report to ${out}`);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const id of [
      'NI59',
      'NI60',
      'CPC15',
      'CAF2W',
      'CAF_CLOSED',
      'REF_NO_CAF',
      'REPEAT_REFERRALS',
      'NI117',
      'NEET_NOT_KNOWN',
      'CASELOAD',
    ]) {
      expect(html).toContain(`<section id="${id}"`);
    }
  });

  it('prints Markdown, CSV and JSON to stdout from a config, reporting the rejected row on stderr', () => {
    // The fixture's NI59 records: October 2010 to March 2011 is 3 of 4 (see test/cli/compute.test.ts); over the
    // year IA-07 (completed April 2010, 9 days) is late too and IA-09 (1 April 2011) is outside: 3 of 5.
    const md = runBuiltCli(['report', '--config', config, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout.split('\n')[0]).toBe('# Test return');
    // 5 points short of 80%: off target, the tolerance being 5% of 80, 4 points (the config sets none).
    expect(md.stdout).toContain(
      '| October 2010 to March 2011 (headline) | leeds-2010-notice | 80% | 75.0% | -5.0 pts | Off target | 4 points (5% of the target, the default) |',
    );
    // The rule, the calendar and the rows rejected, in the Markdown too.
    expect(md.stdout).toContain(
      'Rule: rules ni2008, timescale 7 working days, convention after-start, from referralDate, to completedDate. Calendar england-and-wales (`fnv1a64:145a5957c18318d5`). Records read 10, rows rejected while reading 1.',
    );
    // The inputs: each file as the config names it, its encoding, rows read = accepted + rejected + skipped, SHA-256.
    expect(md.stdout).toMatch(
      /\| initial-assessment \| .*initial-assessments\.csv \| utf-8 \| 11 \| 10 \| 1 \| 0 \| `[0-9a-f]{64}` \|/,
    );
    expect(md.stderr).toContain('initial-assessments.csv:12: referralDate "31/02/2011"');
    const json = JSON.parse(runBuiltCli(['report', '--config', config, '--format', 'json']).stdout);
    expect(json.indicators.map((i: { id: string }) => i.id)).toEqual(['NI59', 'CPC15']);
    expect(json.indicators[0].yearToDate).toMatchObject({ numerator: 3, denominator: 5, display: '60.0%' });
    expect(json.indicators[0].counts.rowsRejected).toBe(1);
    const csv = runBuiltCli(['report', '--config', config, '--format', 'csv']).stdout.split('\n');
    expect(csv[0]).toMatch(/^indicator,row_type,period,/);
    // October: 2 of 2 on time; every line names the rule, the calendar and the rows rejected.
    expect(csv).toContainEqual(
      expect.stringMatching(
        /^NI59,month,2010-10,October 2010,2010-10-01,2010-10-31,true,2,2,100,100\.0%,.*,rules=ni2008; timescale=7 working days; .*,england-and-wales fnv1a64:145a5957c18318d5,10,1,,,,,,,$/,
      ),
    );
    // One input line per file of the indicator: rows read 11 = 10 accepted + 1 rejected (rows_rejected) + 0 skipped.
    expect(csv).toContainEqual(
      expect.stringMatching(/^NI59,input,.*,10,1,,[^,]*initial-assessments\.csv,[0-9a-f]{64},utf-8,11,10,0$/),
    );
    const header = csv[0]?.split(',') ?? [];
    for (const line of csv.filter(Boolean))
      expect(line.replace(/"[^"]*"/g, 'x').split(',')).toHaveLength(header.length);
  });

  it('writes the return as an Excel workbook with --format xlsx, and needs --out for it', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'csi-report-')), 'return.xlsx');
    const run = runBuiltCli(['report', '--config', config, '--format', 'xlsx', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Wrote the XLSX report to ${out}`);
    // A zip archive, as every .xlsx is.
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    const none = runBuiltCli(['report', '--config', config, '--format', 'xlsx']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--format xlsx writes a workbook: give --out FILE.xlsx');
  });

  it('prints every warning of the demo on stderr: CPC15 counted from another start than its target', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'csi-report-')), 'demo.md');
    const run = runBuiltCli(['report', '--demo', '--format', 'md', '--out', out]);
    expect(run.code).toBe(0);
    // The plan's CPC15 target says "within 15 days of referral"; the demo counts from the strategy discussion.
    expect(run.stderr).toContain(
      "CPC15 is computed with startEvent strategy-discussion, but the target 85% for March 2011 (leeds-2010-plan) assumes startEvent referral: 80.9% year to date as computed, 74.7% on the target's definition, on the same records [option_contradicts_target]",
    );
    expect(run.stderr).toContain('[too_few_points]');
    expect(run.stdout).toMatch(/^Slow to progress:$/m);
  });

  it('reads headline, tolerance and spcHistoryMonths from the config, and refuses them misspelt (exit 1)', () => {
    const good = runBuiltCli(['report', '--config', fixturePath('report', 'board.json'), '--format', 'json']);
    expect(good.code).toBe(0);
    const json = JSON.parse(good.stdout);
    // NI59's headline named: the notice's October 2010; its tolerance 10 points: 5 short of 80 is amber.
    const ni59 = json.indicators[0];
    const headline = ni59.targets.find((target: { headline: boolean }) => target.headline);
    expect(headline.period.spec).toBe('2010-10');
    expect(headline.tolerance).toEqual({
      value: 10,
      basis: 'points',
      percentOfTarget: null,
      isDefault: false,
    });
    expect(json.spcHistoryMonths).toBe(0);
    expect(ni59.history).toEqual([]);
    // The report's own tolerance, 10% of the target, for CPC15.
    expect(json.tolerance).toEqual({ percentOfTarget: 10 });
    const bad = runBuiltCli(['report', '--config', fixturePath('report', 'bad-board.json')]);
    expect(bad.code).toBe(1);
    // Every problem, each with its path: a tolerance of neither form, a misspelt key, a negative history. (The
    // strict configs' messages: paths written indicators[0], unknown keys with the nearest known one.)
    expect(bad.stderr).toContain('bad-board.json: the report config is not usable (3 problems)');
    expect(bad.stderr).toContain('indicators[0].tolerance: unknown key "percent"');
    expect(bad.stderr).toContain('indicators[1]: unknown key "headlines" (did you mean "headline"?)');
    expect(bad.stderr).toContain('spcHistoryMonths: expected a whole number of months, 0 or more');
    const headlineMissing = runBuiltCli(['report', '--config', fixturePath('report', 'bad-headline.json')]);
    expect(headlineMissing.code).toBe(1);
    expect(headlineMissing.stderr).toContain(
      'bad-headline.json: indicators[0] (NI59): headline: no target of set "leeds-2010-plan" over 2010-10 in the year',
    );
  });

  it('refuses a config that cannot be used, naming the file and the field (exit 1)', () => {
    const unknown = runBuiltCli(['report', '--config', fixturePath('report', 'bad-indicator.json')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('bad-indicator.json: the report config is not usable (1 problem)');
    expect(unknown.stderr).toContain('  indicators[0].id: unknown indicator "NI999"');
    const shape = runBuiltCli(['report', '--config', fixturePath('report', 'bad-shape.json')]);
    expect(shape.code).toBe(1);
    expect(shape.stderr).toContain('bad-shape.json: the report config is not usable');
    expect(shape.stderr).toContain('colour');
    expect(runBuiltCli(['report', '--config', 'no-such-config.json']).code).toBe(1);
  });

  it('exits 2 on usage errors', () => {
    expect(runBuiltCli(['report']).code).toBe(2);
    expect(runBuiltCli(['report', '--config', config, '--format', 'pdf']).code).toBe(2);
    expect(runBuiltCli(['report', '--demo', '--config', config]).code).toBe(2);
  });
});
