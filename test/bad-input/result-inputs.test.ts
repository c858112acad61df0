// SPEC 13 "What every result carries", through the built CLI: each result's `inputs` is its readers' own summary
// (file, SHA-256 of the bytes, encoding, rows read = accepted + rejected + skipped), in JSON, the table, CSV, the
// audit and every format of the report; the readers' warnings join the result's, on stderr, and refuse under
// --strict; a detected encoding is said on stderr; --encoding forces one.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badInputs, expectRefused, expectUsageError } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

const files = badInputs('result-inputs');
const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

// R-1 Zoë (1 October 2010) and R-2 Zoé (15 October 2010), in Windows-1252 (test/fixtures/encoding/README.md): two
// children, neither referred in the year before, so REPEAT_REFERRALS is 0 of 2. Read as UTF-8 both were "Zo\ufffd",
// one child referred twice: 1 of 2.
const windows1252 = fixturePath('encoding', 'referrals-windows-1252.csv');
const utf16be = fixturePath('encoding', 'referrals-utf-16be.csv');
const notice = `${windows1252}: read as Windows-1252 (what Excel's "CSV (Comma delimited)" writes): line 2 has a byte that is not UTF-8 (0xEB, read as "R-1,Zoë"), and no line has UTF-8 text. If names look wrong, save the file as "CSV UTF-8" or give its encoding\n`;

describe('compute: a Windows-1252 export', () => {
  const repeats = ['compute', 'REPEAT_REFERRALS', '--input', windows1252, '--period', 'FY2010'];

  it('keeps Zoë and Zoé two children (0 of 2), says the encoding on stderr and in inputs', () => {
    const run = runBuiltCli(repeats);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(notice);
    const result = JSON.parse(run.stdout);
    expect([result.numerator, result.denominator]).toEqual([0, 2]);
    expect(result.inputs).toEqual([
      {
        file: windows1252,
        sha256: sha256Of(windows1252),
        encoding: 'windows-1252',
        rowsRead: 2,
        rowsAccepted: 2,
        rowsRejected: 0,
        rowsSkipped: 0,
      },
    ]);
  });

  it('reads it as told with --encoding: windows-1252 without a notice; utf-8 refused, naming the line and byte', () => {
    const given = runBuiltCli([...repeats, '--encoding', 'Windows-1252']);
    expect(given.code).toBe(0);
    expect(given.stderr).toBe('');
    expect(JSON.parse(given.stdout).inputs[0].encoding).toBe('windows-1252');
    const utf8 = runBuiltCli([...repeats, '--encoding', 'utf-8']);
    expectRefused(utf8, 1);
    expect(utf8.stderr).toContain(
      `${windows1252}:2: line 2 has a byte that is not UTF-8 (0xEB, in "R-1,Zo<EB>"), but encoding utf-8 was asked`,
    );
    expect(utf8.stderr).toContain('[invalid_encoding]');
  });

  it('refuses an encoding it does not know before reading (exit 2)', () => {
    const run = runBuiltCli(['compute', 'REPEAT_REFERRALS', '--input', windows1252, '--encoding', 'latin1']);
    expectUsageError(
      run,
      'compute',
      '--encoding: expected one of utf-8, utf-16le, utf-16be, windows-1252, got "latin1"',
    );
  });

  it('reads UTF-16BE by its byte-order mark, and says so in inputs', () => {
    const run = runBuiltCli(['compute', 'REPEAT_REFERRALS', '--input', utf16be, '--period', 'FY2010']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect([result.numerator, result.denominator]).toEqual([0, 2]);
    expect(result.inputs[0]).toMatchObject({ encoding: 'utf-16be', sha256: sha256Of(utf16be), rowsRead: 2 });
  });
});

describe('compute: rows read = accepted + rejected + skipped, everywhere', () => {
  // Annex A List 5: two conferences, and two enquiries that led to none (one deemed unnecessary, one with no
  // conference date): 4 rows read = 2 accepted + 0 rejected + 2 skipped.
  const annexA = fixturePath('presets', 'annex-a.xlsx');
  const args = ['compute', 'CPC15', '--preset', 'annex-a', '--input', annexA, '--period', '2012-04..2013-03'];

  it('in JSON, the table, CSV, the audit (one line per row read) and the stderr line', () => {
    const audit = join(files.dir, 'cpc15-audit.csv');
    const json = runBuiltCli([...args, '--audit', audit]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).inputs).toEqual([
      {
        file: annexA,
        sha256: sha256Of(annexA),
        encoding: 'utf-8',
        rowsRead: 4,
        rowsAccepted: 2,
        rowsRejected: 0,
        rowsSkipped: 2,
      },
    ]);
    expect(json.stderr).toContain(
      `${annexA}: 4 rows read = 2 accepted + 0 rejected (left out of every figure) + 2 skipped\n`,
    );
    const lines = readFileSync(audit, 'utf8').trimEnd().split('\n');
    // The header and one line per row read: the two conferences and the two skipped enquiries.
    expect(lines).toHaveLength(1 + 4);
    expect(lines.filter((line) => line.split(',')[3] === 'skipped')).toHaveLength(2);
    for (const line of lines.slice(1))
      expect(line.endsWith(`,${annexA},${sha256Of(annexA)},utf-8`)).toBe(true);

    const table = runBuiltCli([...args, '--format', 'table']);
    expect(table.stdout).toContain(
      `Input       ${annexA}: 4 rows read = 2 accepted + 0 rejected + 2 skipped (utf-8, sha256 ${sha256Of(annexA).slice(0, 12)}…)`,
    );
    const csv = runBuiltCli([...args, '--format', 'csv'])
      .stdout.trimEnd()
      .split('\n');
    const header = csv[0]?.split(',') ?? [];
    const row = csv[1]?.split(',') ?? [];
    const cell = (name: string) => row[header.indexOf(name)];
    expect(['rows_read', 'rows_accepted', 'rows_rejected', 'rows_skipped'].map(cell)).toEqual([
      '4',
      '2',
      '0',
      '2',
    ]);
  });
});

describe("compute: the readers' warnings are the result's", () => {
  // A map key for the team that matches no header: the figure does not need the team, so it is computed, with the
  // warning in its JSON and on stderr; --strict refuses it.
  const path = files.write('ia.csv', 'id,childId,referralDate,completedDate\nIA1,C1,2010-10-01,2010-10-05\n');
  const map = files.write('map.json', JSON.stringify({ 'Team Name': 'team' }));
  const message =
    'the column map key "Team Name" (for team) matches no header of the file, so team is not read from it: headers found: "id", "childId", "referralDate", "completedDate"';

  const ni59 = ['compute', 'NI59', '--input', path, '--map', map, '--period', '2010-10'];

  it('lists the warning in JSON and on stderr, and computes (exit 0)', () => {
    const run = runBuiltCli(ni59);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    // IA1: Fri 1 to Tue 5 October, 2 working days: 1 of 1.
    expect([result.numerator, result.denominator]).toEqual([1, 1]);
    expect(result.warnings).toEqual([{ code: 'unmatched_map_key', message, file: path }]);
    expect(run.stderr).toBe(`cs-indicators compute: warning: ${path}: ${message} [unmatched_map_key]\n`);
  });

  it('refuses it under --strict and --strict=warnings (exit 1), naming the flag', () => {
    for (const flag of ['--strict', '--strict=warnings']) {
      const run = runBuiltCli([...ni59, flag]);
      expectRefused(run, 1);
      expect(run.stderr).toBe(
        `cs-indicators compute: ${path}: input refused (1 warning, ${flag})\n  ${path}: ${message} [unmatched_map_key]\n`,
      );
    }
  });

  it('takes --strict warnings as --strict=warnings, and refuses another value (exit 2)', () => {
    const spaced = runBuiltCli([...ni59, '--strict', 'warnings']);
    expect(spaced.stderr).toContain('(1 warning, --strict=warnings)');
    const other = runBuiltCli(['compute', 'NI59', '--input', path, '--period', '2010-10', '--strict=all']);
    expectUsageError(other, 'compute', '--strict: expected --strict alone or --strict=warnings, got "all"');
  });
});

describe('spc: inputs and warnings', () => {
  it('carries inputs in its JSON, and refuses a chart with too few points under --strict', () => {
    const ia = fixturePath('spc', 'initial-assessments.csv');
    const args = ['spc', 'NI59', '--input', ia, '--period', '2010-04..2011-01', '--format', 'json'];
    const run = runBuiltCli(args);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout);
    // 25 rows: 24 accepted, 1 rejected (31/02/2011); 10 months, fewer than 12 points.
    expect(body.inputs).toEqual([
      {
        file: ia,
        sha256: sha256Of(ia),
        encoding: 'utf-8',
        rowsRead: 25,
        rowsAccepted: 24,
        rowsRejected: 1,
        rowsSkipped: 0,
      },
    ]);
    expect(body.warnings.map((warning: { code: string }) => warning.code)).toEqual(['too_few_points']);
    const strict = runBuiltCli([...args, '--strict']);
    expectRefused(strict, 1);
  });
});

describe('validate: the input, the encoding and strictness', () => {
  it('shows the detected encoding and the hash, and says the encoding on stderr', () => {
    const run = runBuiltCli(['validate', '--kind', 'referral', '--input', windows1252, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(notice);
    const report = JSON.parse(run.stdout);
    expect(report.input).toMatchObject({
      encoding: 'windows-1252',
      sha256: sha256Of(windows1252),
      rowsRead: 2,
    });
    expect(report.notice).toContain('read as Windows-1252');
  });
});

describe('report: inputs in every format, encodings, strictness', () => {
  const referrals = files.write('referrals-1252.csv', readFileSync(windows1252));
  const config = (extra: Record<string, unknown> = {}) =>
    files.write(
      `return-${Object.keys(extra).join('-') || 'plain'}.json`,
      JSON.stringify({
        financialYear: 'FY2010',
        asAt: '2011-01-31',
        inputs: { referral: 'referrals-1252.csv' },
        indicators: ['REPEAT_REFERRALS'],
        ...extra,
      }),
    );

  it('lists each input with its SHA-256 and encoding in HTML, Markdown and JSON, and says the encoding on stderr', () => {
    const sha256 = sha256Of(referrals);
    const html = runBuiltCli(['report', '--config', config(), '--format', 'html']);
    expect(html.code).toBe(0);
    expect(html.stderr).toContain(`${referrals}: read as Windows-1252`);
    expect(html.stdout).toContain(
      `<td class="govuk-table__cell" data-label="SHA-256"><code class="csi-hash">${sha256}</code></td><td class="govuk-table__cell" data-label="Encoding">windows-1252</td>`,
    );
    const md = runBuiltCli(['report', '--config', config(), '--format', 'md']);
    expect(md.stdout).toContain(
      `| referral | referrals-1252.csv | windows-1252 | 2 | 2 | 0 | 0 | \`${sha256}\` |`,
    );
    const json = JSON.parse(runBuiltCli(['report', '--config', config(), '--format', 'json']).stdout);
    // The file as the config names it, in the model's inputs and in the indicator's.
    const input = {
      file: 'referrals-1252.csv',
      sha256,
      encoding: 'windows-1252',
      rowsRead: 2,
      rowsAccepted: 2,
      rowsRejected: 0,
      rowsSkipped: 0,
    };
    expect(json.inputs).toEqual([{ kind: 'referral', ...input }]);
    expect(json.indicators[0].inputs).toEqual([input]);
    // Zoë and Zoé are two children: no repeat referral in the year.
    expect(json.indicators[0].yearToDate).toMatchObject({ numerator: 0, denominator: 2 });
  });

  it('reads an input in the encoding the config gives it, and refuses an --encoding that contradicts it', () => {
    const perInput = config({
      inputs: { referral: { path: 'referrals-1252.csv', encoding: 'windows-1252' } },
    });
    const given = runBuiltCli(['report', '--config', perInput, '--format', 'json']);
    expect(given.code).toBe(0);
    // The encoding was given, not detected: nothing to say of it (the chart's too_few_points warning remains).
    expect(given.stderr).not.toContain('read as Windows-1252');
    expect(JSON.parse(given.stdout).inputs[0].encoding).toBe('windows-1252');
    const wrong = runBuiltCli(['report', '--config', perInput, '--format', 'json', '--encoding', 'utf-8']);
    expectUsageError(
      wrong,
      'report',
      "--encoding utf-8 contradicts the config's inputs.referral.encoding windows-1252: give the encoding in one place",
    );
    const typo = runBuiltCli(['report', '--config', config({ encoding: 'cp1252' }), '--format', 'json']);
    expectRefused(typo, 1);
    expect(typo.stderr).toContain('encoding: ');
  });

  it('refuses a report whose indicators have warnings under --strict (exit 1), listing them', () => {
    // Ten months of data before asAt and none before the year: the chart has fewer than 12 points.
    const run = runBuiltCli(['report', '--config', config(), '--format', 'json', '--strict']);
    expectRefused(run, 1);
    expect(run.stderr).toContain('cs-indicators report: input refused (1 warning, --strict)');
    expect(run.stderr).toContain('[too_few_points]');
  });
});
