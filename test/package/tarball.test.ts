import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Packs the package as `npm publish` would, installs the tarball into an empty project from the npm cache, and uses
// it there as a user would: an ESM and a CommonJS consumer, the `./node` entry, and the `cs-indicators` binary.

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/**
 * The environment of a user's shell: without what the `npm test` running this file adds about this repository
 * (`npm_package_*`, `npm_lifecycle_*`, `npm_config_local_prefix`, `INIT_CWD`…), so that nothing in the consumer
 * project can lean on it. The npm configuration a user has (`npm_config_cache`, `npm_config_userconfig`…) is kept.
 */
const userEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) =>
      !/^npm_(package|lifecycle)_/i.test(name) &&
      !/^(npm_config_local_prefix|npm_command|npm_execpath|init_cwd)$/i.test(name),
  ),
);

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd,
    env: userEnv,
    encoding: 'utf8',
    shell: process.platform === 'win32',
    timeout: 90_000,
  });
}

function mustRun(command: string, args: readonly string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${String(result.status)} in ${cwd}\n` +
        `${result.error?.message ?? ''}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/** The names of the packages in a `node_modules` folder, scoped ones as `@scope/name`. */
function installedPackages(nodeModules: string): string[] {
  return readdirSync(nodeModules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) =>
      name.startsWith('@') ? readdirSync(join(nodeModules, name)).map((inner) => `${name}/${inner}`) : [name],
    );
}

/** What `npm pack --json` says of one tarball. */
interface PackResult {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: readonly { readonly path: string; readonly size: number }[];
}

// The three hand-worked initial assessments, counted from the day after referral (ni2008: 7 working days).
// - Thu 28 Apr 2011 to Tue 3 May: Fri 29 Apr the Royal Wedding, the weekend, Mon 2 May Early May bank holiday, so
//   only Tue 3 May counts: 1 day, on time.
// - Thu 21 Apr 2011 to Mon 9 May: 26, 27, 28 Apr (3), 3 to 6 May (7), 9 May (8): late.
// - Fri 24 Dec 2010 to Fri 7 Jan 2011: 27 and 28 Dec Christmas substitutes, 29, 30, 31 Dec (3), 3 Jan New Year
//   substitute, 4 to 7 Jan (7): on time.
// By completion date all three fall in December 2010 to May 2011: 2 of 3, 66.7%.
const records = [
  { id: 'IA-1', childId: 'C-1', referralDate: '2011-04-28', completedDate: '2011-05-03' },
  { id: 'IA-2', childId: 'C-2', referralDate: '2011-04-21', completedDate: '2011-05-09' },
  { id: 'IA-3', childId: 'C-3', referralDate: '2010-12-24', completedDate: '2011-01-07' },
];

// The same three as an export, with the headers and UK dates of a spreadsheet.
const tinyCsv = [
  'ID,Child ID,Referral Date,Completed Date',
  'IA-1,C-1,28/04/2011,03/05/2011',
  'IA-2,C-2,21/04/2011,09/05/2011',
  'IA-3,C-3,24/12/2010,07/01/2011',
  '',
].join('\r\n');

// Both consumers print one JSON line: NI 59 over the records in memory and over the CSV read by `readRecordsFile`.
const esmConsumer = `import { computeIndicator, createCalendar, parsePeriod } from 'childrens-services-indicators';
import { readRecordsFile } from 'childrens-services-indicators/node';

const records = ${JSON.stringify(records)};
const calendar = createCalendar();
const period = parsePeriod('2010-12..2011-05');
const result = computeIndicator('NI59', records, period, { calendar });
const file = await readRecordsFile('initial-assessment', 'tiny.csv');
const fromFile = computeIndicator('NI59', file.records, period, { calendar });
console.log(JSON.stringify({ result, file: { accounting: file.accounting, records: file.records }, fromFile }));
`;

const cjsConsumer = `const { computeIndicator, createCalendar, parsePeriod } = require('childrens-services-indicators');
const { readRecordsFile } = require('childrens-services-indicators/node');

const records = ${JSON.stringify(records)};
const calendar = createCalendar();
const period = parsePeriod('2010-12..2011-05');
const result = computeIndicator('NI59', records, period, { calendar });
readRecordsFile('initial-assessment', 'tiny.csv').then((file) => {
  const fromFile = computeIndicator('NI59', file.records, period, { calendar });
  console.log(JSON.stringify({ result, file: { accounting: file.accounting, records: file.records }, fromFile }));
});
`;

describe('the packed tarball', { timeout: 120_000 }, () => {
  let dir = '';
  let project = '';
  let pack: PackResult;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'csi-tarball-'));
    // The global setup has built dist/; pack it as `npm publish` would.
    const packed = JSON.parse(
      mustRun(npm, ['pack', '--json', '--pack-destination', dir], root),
    ) as readonly PackResult[];
    pack = packed[0] as PackResult;

    project = join(dir, 'consumer');
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2)}\n`,
    );
    writeFileSync(join(project, 'tiny.csv'), tinyCsv);
    writeFileSync(join(project, 'consumer.mjs'), esmConsumer);
    writeFileSync(join(project, 'consumer.cjs'), cjsConsumer);

    // Offline, from the npm cache that `npm ci` filled with every dependency. Should the cache lack one, fall back to
    // --prefer-offline (which may use the network) and say so, rather than fail on the machine's state.
    const tarball = join(dir, pack.filename);
    const offline = run(npm, ['install', '--offline', '--no-audit', '--no-fund', tarball], project);
    if (offline.status !== 0) {
      console.warn(`npm install --offline failed, trying --prefer-offline:\n${offline.stderr}`);
      mustRun(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
    }
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds only what a user needs: dist without source maps, the guides, README, LICENSE, CHANGELOG, the demo data', () => {
    const paths = pack.files.map((file) => file.path).sort();
    // The demo (`cs-indicators report --demo`) runs on the bundled example year, so its config and CSVs ship.
    const allowed =
      /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|docs\/[^/]+\.md|docs\/images\/[^/]+\.png|examples\/report\.config\.json|examples\/data\/fy2010\/[^/]+\.(csv|md)|dist\/.+\.(js|cjs|d\.ts|d\.cts))$/;
    expect(paths.filter((path) => !allowed.test(path))).toEqual([]);
    expect(paths).toEqual(
      expect.arrayContaining([
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'package.json',
        'dist/index.js',
        'dist/index.cjs',
        'dist/index.d.ts',
        'dist/index.d.cts',
        'dist/node/index.js',
        'dist/node/index.cjs',
        'dist/node/index.d.ts',
        'dist/node/index.d.cts',
        'dist/cli/main.js',
        'docs/calendar.md',
        'docs/input-formats.md',
        'examples/report.config.json',
        'examples/data/fy2010/initial-assessments.csv',
      ]),
    );
    // Spelled out, so that a failure names what leaked in.
    for (const path of paths) {
      expect(path).not.toMatch(/^(src|test|scripts|\.tmp|docs\/api|node_modules|coverage)\//);
      expect(path).not.toMatch(/\.map$/);
    }
  });

  it('installs into an empty project with its dependencies', () => {
    const manifest = (path: string) =>
      JSON.parse(readFileSync(path, 'utf8')) as { version: string; dependencies?: Record<string, string> };
    const ours = manifest(join(root, 'package.json'));
    const installed = manifest(
      join(project, 'node_modules', 'childrens-services-indicators', 'package.json'),
    );
    expect(installed.version).toBe(ours.version);
    expect(installed.dependencies).toEqual(ours.dependencies);
    expect(installedPackages(join(project, 'node_modules'))).toEqual(
      expect.arrayContaining(Object.keys(ours.dependencies ?? {})),
    );
  });

  it.each([
    ['ESM', 'consumer.mjs'],
    ['CommonJS', 'consumer.cjs'],
  ])('computes NI 59 from the %s consumer, in memory and from a CSV read by the ./node entry', (_, file) => {
    const consumer = run(process.execPath, [file], project);
    expect(consumer.stderr).toBe('');
    expect(consumer.status).toBe(0);
    const printed = JSON.parse(consumer.stdout) as {
      result: { indicator: string; numerator: number; denominator: number; display: string };
      file: { accounting: unknown; records: unknown };
      fromFile: { numerator: number; denominator: number; display: string };
    };
    expect(printed.result).toMatchObject({
      indicator: 'NI59',
      numerator: 2,
      denominator: 3,
      display: '66.7%',
    });
    expect(printed.file.accounting).toEqual({
      rowsRead: 3,
      rowsAccepted: 3,
      rowsRejected: 0,
      rowsSkipped: 0,
      warningsByCode: {},
    });
    expect(printed.file.records).toEqual(records);
    expect(printed.fromFile).toMatchObject({ numerator: 2, denominator: 3, display: '66.7%' });
  });

  it('runs the cs-indicators binary with npx', () => {
    // Thu 28 Apr to Tue 3 May 2011: the Royal Wedding, the weekend and the Early May bank holiday skipped: 1.
    const result = run(
      npx,
      ['--no-install', 'cs-indicators', 'working-days', '2011-04-28', '2011-05-03'],
      project,
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('1\n');
  });

  it('runs the report demo on the example year shipped in the package', () => {
    const result = run(
      npx,
      ['--no-install', 'cs-indicators', 'report', '--demo', '--out', 'demo.html'],
      project,
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Wrote the HTML report to demo.html');
    expect(readFileSync(join(project, 'demo.html'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
  });
});
