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
    expect(md.stdout).toContain('| October 2010 to March 2011 | 80% | 75.0% | -5.0 pts | Within 5 points |');
    expect(md.stderr).toContain('initial-assessments.csv:12: referralDate "31/02/2011"');
    const json = JSON.parse(runBuiltCli(['report', '--config', config, '--format', 'json']).stdout);
    expect(json.indicators.map((i: { id: string }) => i.id)).toEqual(['NI59', 'CPC15']);
    expect(json.indicators[0].yearToDate).toMatchObject({ numerator: 3, denominator: 5, display: '60.0%' });
    expect(json.indicators[0].counts.rowsRejected).toBe(1);
    const csv = runBuiltCli(['report', '--config', config, '--format', 'csv']).stdout.split('\n');
    expect(csv[0]).toMatch(/^indicator,row_type,period,/);
    expect(csv).toContain('NI59,month,2010-10,October 2010,true,2,2,100,100.0%');
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
