import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';

// Paths relative to the repository root, where runBuiltCli runs the binary: the output names the file as given.
const fixture = (name: string) => `test/fixtures/presets/${name}`;
const annexA = fixture('annex-a.xlsx');

describe('cs-indicators compute --preset', () => {
  it('computes CPC15 from Annex A List 5, reporting the enquiries that are not conferences', () => {
    const run = runBuiltCli([
      'compute',
      'CPC15',
      '--preset',
      'annex-a',
      '--input',
      annexA,
      '--period',
      '2012-04..2013-03',
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    // C001: strategy discussion Monday 2012-05-21, conference Friday 2012-06-08: 12 working days (4 + 5, then
    // 4 and 5 June the Diamond Jubilee bank holidays, then 3). C006: Monday 2012-12-17 to Monday 2013-01-07: 12
    // working days (4, 24 December, 27 and 28, 31, then 2-4 January and the 7th; 25, 26 December and 1 January
    // are bank holidays). Both within 15.
    expect(result).toMatchObject({ indicator: 'CPC15', numerator: 2, denominator: 2, display: '100.0%' });
    // Four rows read on List 5: the two conferences, and two enquiries that are not conferences, each skipped with
    // its reason.
    expect(run.stderr).toBe(
      `${annexA}: 4 rows read = 2 accepted + 0 rejected (left out of every figure) + 2 skipped\n${annexA}: 2 rows skipped, not records of the kind (icpc-not-required 1, no-conference-date 1)\n`,
    );
  });

  it('computes ASSESS45 from List 4, with the referrals of List 3 of the same workbook', () => {
    const run = runBuiltCli([
      'compute',
      'ASSESS45',
      '--preset',
      'annex-a',
      '--input',
      annexA,
      '--referrals',
      annexA,
      '--period',
      '2012-04..2013-03',
    ]);
    expect(run.code).toBe(0);
    // C001: referral 2012-04-02, authorised 2012-05-18: 31 working days (Good Friday, Easter Monday and the
    // May Day bank holiday skipped). C002: referral and start 2012-02-29 (a serial), authorised Good Friday
    // 2012-04-06: 26 working days. C003's assessment is open.
    expect(JSON.parse(run.stdout)).toMatchObject({ numerator: 2, denominator: 2 });
    // The text date of List 3 row 8 is reported, and that row left out.
    expect(run.stderr).toContain(`${annexA}:8: referralDate "not known"`);
  });

  it('computes CASELOAD from a workforce census alone, on 30 September', () => {
    const run = runBuiltCli([
      'compute',
      'CASELOAD',
      '--preset',
      'workforce-census',
      '--workers',
      fixture('workforce-census.xlsx'),
      '--period',
      '2023-09',
    ]);
    expect(run.code).toBe(0);
    // 18 + 12 + 9 cases held by case holders of 1 + 0.6 + 1 FTE: 39 / 2.6 = 15.
    expect(JSON.parse(run.stdout)).toMatchObject({ numerator: 39, denominator: 2.6, display: '15.0' });
  });

  it('refuses a census read on a day that is not 30 September (exit 2)', () => {
    const run = runBuiltCli([
      'compute',
      'CASELOAD',
      '--preset',
      'workforce-census',
      '--workers',
      fixture('workforce-census.csv'),
      '--period',
      '2023-10',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/reads Cases30, the cases each worker held on 30 September/);
  });

  it('rejects an unknown preset, and one that does not give the records (exit 2)', () => {
    const unknown = runBuiltCli(['compute', 'CPC15', '--preset', 'annex-b', '--input', annexA]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^cs-indicators compute: --preset: expected one of annex-a, cin-census/);
    const wrongKind = runBuiltCli(['compute', 'NI59', '--preset', 'annex-a', '--input', annexA]);
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toMatch(
      /the annex-a preset gives referral, assessment, cp-conference, cp-plan records, not "initial-assessment"/,
    );
  });

  it('refuses a truncated workbook, naming the file (exit 1)', () => {
    const path = fixture('annex-a-truncated.xlsx');
    const run = runBuiltCli(['compute', 'CPC15', '--preset', 'annex-a', '--input', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path}: input refused (1 issue)`);
    expect(run.stderr).toContain('it is not a complete Excel workbook (.xlsx)');
  });
});

describe('cs-indicators validate --preset --sheet', () => {
  it('validates a sheet named loosely, with its skipped rows counted', () => {
    const run = runBuiltCli([
      'validate',
      '--kind',
      'referral',
      '--preset',
      'annex-a',
      '--input',
      annexA,
      '--sheet',
      'list3',
    ]);
    expect(run.code).toBe(0);
    // The workbook's own bytes are hashed; its sheets' text is XML in UTF-8.
    const sha256 = createHash('sha256').update(readFileSync(annexA)).digest('hex');
    expect(run.stdout.split('\n').slice(0, 9)).toEqual([
      `file             ${annexA}`,
      'kind             referral',
      'encoding         utf-8',
      `sha256           ${sha256}`,
      'rows read        5',
      'rows accepted    4',
      'rows rejected    1',
      'rows skipped     0 (not records of the kind)',
      'issues           1 (invalid_date 1)',
    ]);
  });

  it('refuses a missing sheet, naming the sheets found (exit 1)', () => {
    const run = runBuiltCli([
      'validate',
      '--kind',
      'referral',
      '--preset',
      'annex-a',
      '--input',
      annexA,
      '--sheet',
      '9',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'no sheet number 9 (the workbook has 6): sheets found: "Cover", "List_3", "list 4", "List 5", "Child Protection", "No header"',
    );
  });

  it('reads a CIN census XML by its extension', () => {
    const run = runBuiltCli([
      'validate',
      '--kind',
      'assessment',
      '--input',
      fixture('cin-census.xml'),
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      readable: true,
      accounting: { rowsRead: 3, rowsAccepted: 3, rowsRejected: 0 },
      skipped: [],
    });
  });
});

describe('cs-indicators report on the Annex A example', () => {
  it("prints the modern indicators for the example workbook (the README's command)", () => {
    const run = runBuiltCli(['report', '--config', 'examples/annex-a/report.config.json', '--format', 'md']);
    expect(run.code).toBe(0);
    for (const id of ['ASSESS45', 'CPC15', 'CPP\\_2YEARS', 'CPP\\_REPEAT'])
      expect(run.stdout).toContain(`| ${id}: `);
    expect(run.stdout).toContain('Year to date (2012/13)');
  });
});
