import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CodeBlock,
  codeBlocks,
  instrumentTypeScript,
  shownOutputs,
  shownValue,
} from '../helpers/markdown.js';

// Packs a clean copy of the repository as `npm publish` would (no dist/: the prepack script builds it), installs the
// tarball into an empty project from the npm cache, and uses it there as a user would: an ESM and a CommonJS
// consumer, the `./node` entry, the `cs-indicators` binary, a TypeScript consumer under each module setting, and
// the README's runnable blocks. The copy, the tarball and the project live in one temporary folder, removed after.

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/**
 * The environment of a user's shell: without what the `npm test` running this file adds about this repository
 * (`npm_package_*`, `npm_lifecycle_*`, `npm_config_local_prefix`, `INIT_CWD`…), so that nothing in the consumer
 * project can lean on it. The npm configuration a user has (`npm_config_cache`, `npm_config_userconfig`…) is kept.
 * `npm_config_yes=false`: `npx` never fetches a package of the binary's name from the registry when ours is missing.
 */
const userEnv: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^npm_(package|lifecycle)_/i.test(name) &&
        !/^(npm_config_local_prefix|npm_command|npm_execpath|init_cwd)$/i.test(name),
    ),
  ),
  npm_config_yes: 'false',
};

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd,
    env: userEnv,
    encoding: 'utf8',
    shell: process.platform === 'win32',
    timeout: 180_000,
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

/** What one run of a command printed, run in the background so that the type checks share the machine's cores. */
interface Finished {
  readonly status: number | null;
  readonly output: string;
}

function runInBackground(command: string, args: readonly string[], cwd: string): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: userEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', (error) => resolve({ status: null, output: `${output}${error.message}` }));
    child.on('close', (status) => resolve({ status, output }));
  });
}

/**
 * Copies the repository's files as git sees them (committed, staged or new, without what .gitignore names: no
 * dist/, no node_modules/), and links node_modules so that the copy's prepack can build.
 */
function copyRepository(to: string): void {
  const listed = mustRun('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], root);
  for (const path of listed.split('\0')) {
    // A file deleted in the working tree but still in the index is not part of the copy.
    if (path === '' || !existsSync(join(root, path))) continue;
    mkdirSync(dirname(join(to, path)), { recursive: true });
    copyFileSync(join(root, path), join(to, path));
  }
  symlinkSync(join(root, 'node_modules'), join(to, 'node_modules'), 'junction');
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

// TypeScript consumers: they only type-check. `result.value` must be decimal.js's own Decimal: the @ts-expect-error
// line holds only then (were `value` typed `any`, as it is with skipLibCheck when the declarations are broken, the
// directive would be unused, and that is an error).
const typedBody = `import {
  compareToTarget,
  computeIndicator,
  createCalendar,
  type IndicatorResult,
  parsePeriod,
  parseRecords,
  targetSets,
} from 'childrens-services-indicators';
import { readRecordsFile } from 'childrens-services-indicators/node';
import { Decimal } from 'decimal.js';

const calendar = createCalendar();
const { records, issues } = parseRecords('initial-assessment', ${JSON.stringify(records)});
const result: IndicatorResult = computeIndicator('NI59', records, parsePeriod('2010-12..2011-05'), { calendar });
const shown: string | undefined = result.value?.toFixed(1);
const exact: Decimal | null = result.value;
const doubled: Decimal | undefined = result.value?.times(2);
// @ts-expect-error toFixed takes a number of decimal places: only a real Decimal type refuses a string.
result.value?.toFixed('one');
const target = targetSets['leeds-2010-notice']?.targets.find((t) => t.indicator === 'NI59');
const status: 'met' | 'not-met' | 'no-data' | undefined = target ? compareToTarget(result, target).status : undefined;
`;

const typedEsm = `${typedBody}const file = await readRecordsFile('initial-assessment', 'tiny.csv');
export const figures = [issues.length, shown, exact, doubled, status, file.accounting.rowsRead];
`;

const typedCjs = `${typedBody}export const figures = readRecordsFile('initial-assessment', 'tiny.csv').then((file) => [
  issues.length, shown, exact, doubled, status, file.accounting.rowsRead,
]);
`;

/** The module settings a consumer may compile with; `bundler` as TypeScript recommends it for bundlers. */
const moduleSettings = {
  nodenext: { module: 'nodenext' },
  node16: { module: 'node16' },
  bundler: { module: 'preserve', moduleResolution: 'bundler' },
} as const;
type ModuleSetting = keyof typeof moduleSettings;

/** The README's runnable TypeScript blocks, each written as it is and instrumented, named by the README line. */
function readmeSources(blocks: readonly CodeBlock[]): { asWritten: string[]; instrumented: string[] } {
  const asWritten: string[] = [];
  const instrumented: string[] = [];
  for (const block of blocks) {
    asWritten.push(`readme/line-${block.line}.mts`);
    instrumented.push(`readme/line-${block.line}.run.mts`);
  }
  return { asWritten, instrumented };
}

/** The runnable blocks of one language. */
function runnable(blocks: readonly CodeBlock[], ...langs: readonly string[]): CodeBlock[] {
  return blocks.filter((block) => block.runnable && langs.includes(block.lang));
}

/** The commands of a shell block: its lines, less blank ones and comment lines. */
function commands(block: CodeBlock): string[] {
  return block.code
    .split('\n')
    .map((line) => line.replace(/^\$ /, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The `$ ` commands of a console block, each with the output shown after it. */
function consoleCommands(block: CodeBlock): { line: number; command: string; shown: string }[] {
  const found: { line: number; command: string; shown: string[] }[] = [];
  block.code.split('\n').forEach((text, index) => {
    if (text.startsWith('$ ')) found.push({ line: block.line + index, command: text.slice(2), shown: [] });
    else found.at(-1)?.shown.push(text);
  });
  return found.map(({ line, command, shown }) => ({ line, command, shown: shown.join('\n').trimEnd() }));
}

/** The files a `cs-indicators` command reads: the values of its input flags. */
function inputFiles(command: string): string[] {
  const flags = /--(?:input|config|map|calendar|closures|workers|allocations|referrals)\s+(\S+)/g;
  return [...command.matchAll(flags)].map((match) => match[1] ?? '');
}

// The guides' worked examples: each shipped copy and the test fixture whose tests assert its figures.
const workedCopies = {
  'examples/worked/initial-assessments.csv': 'test/fixtures/compute/initial-assessments.csv',
  'examples/worked/closures.json': 'test/fixtures/compute/closures.json',
  'examples/worked/conferences.csv': 'test/fixtures/compute/conferences.csv',
  'examples/worked/messy-export.csv': 'test/fixtures/records/messy-export.csv',
  'examples/worked/assessments.csv': 'test/fixtures/modern/assessments.csv',
  'examples/worked/referrals.csv': 'test/fixtures/modern/referrals.csv',
  'examples/worked/cp-plans.csv': 'test/fixtures/modern/cp-plans.csv',
};

// Paths the docs may name though the package does not hold them: what a contributor's commands write.
const generatedPaths = ['docs/api/', 'examples/output/'];

describe('the packed tarball', { timeout: 240_000 }, () => {
  let dir = '';
  let copy = '';
  let project = '';
  let installed = '';
  let pack: PackResult;
  let distBeforePack = true;
  let readme: CodeBlock[] = [];
  let compiled: Record<ModuleSetting, Promise<Finished>>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'csi-tarball-'));
    copy = join(dir, 'repository');
    copyRepository(copy);
    distBeforePack = existsSync(join(copy, 'dist'));
    // As from a fresh clone: nothing built. `npm pack` runs the prepack script, which builds dist/.
    const packed = JSON.parse(
      mustRun(npm, ['pack', '--json', '--pack-destination', dir], copy),
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
    installed = join(project, 'node_modules', 'childrens-services-indicators');

    // The README as it ships: its runnable TypeScript blocks are compiled with the typed consumers.
    readme = codeBlocks(readFileSync(join(installed, 'README.md'), 'utf8'));
    const readmeTs = runnable(readme, 'ts', 'typescript');
    const { asWritten, instrumented } = readmeSources(readmeTs);
    mkdirSync(join(project, 'types'));
    mkdirSync(join(project, 'readme'));
    writeFileSync(join(project, 'types', 'esm.mts'), typedEsm);
    writeFileSync(join(project, 'types', 'cjs.cts'), typedCjs);
    readmeTs.forEach((block, index) => {
      writeFileSync(join(project, asWritten[index] ?? ''), `${block.code}\n`);
      writeFileSync(join(project, instrumented[index] ?? ''), instrumentTypeScript(block));
    });
    const entries = Object.entries(moduleSettings) as [
      ModuleSetting,
      (typeof moduleSettings)[ModuleSetting],
    ][];
    compiled = Object.fromEntries(
      entries.map(([name, setting]) => {
        const emit = name === 'nodenext';
        const config = {
          compilerOptions: {
            ...setting,
            target: 'es2022',
            strict: true,
            skipLibCheck: false,
            types: [],
            rootDir: '.',
            ...(emit ? { outDir: 'out' } : { noEmit: true }),
          },
          files: ['types/esm.mts', 'types/cjs.cts', ...asWritten, ...instrumented],
        };
        writeFileSync(join(project, `tsconfig.${name}.json`), `${JSON.stringify(config, null, 2)}\n`);
        return [
          name,
          runInBackground(process.execPath, [tsc, '-p', `tsconfig.${name}.json`, '--listFiles'], project),
        ];
      }),
    ) as Record<ModuleSetting, Promise<Finished>>;
  }, 240_000);

  afterAll(async () => {
    // The type checks run in the background: let them end before their folder goes.
    if (compiled) await Promise.all(Object.values(compiled));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('npm pack from a clean copy', () => {
    it('builds dist/ in prepack, with nothing built before', () => {
      expect(distBeforePack).toBe(false);
      expect(existsSync(join(copy, 'dist', 'index.js'))).toBe(true);
    });

    it('holds only what a user needs: dist without source maps, the guides, README, LICENSE, CHANGELOG, the examples', () => {
      const paths = pack.files.map((file) => file.path).sort();
      // The demo (`cs-indicators report --demo`) runs on the bundled example year, so its config and CSVs ship, and
      // so do the files the README and the guides run their commands on.
      const allowed =
        /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|docs\/[^/]+\.md|docs\/images\/[^/]+\.png|examples\/README\.md|examples\/report\.config\.json|examples\/data\/[^/]+\.csv|examples\/data\/fy2010\/[^/]+\.(csv|md)|examples\/annex-a\/[^/]+\.(json|xlsx)|examples\/standard-returns\/[^/]+\.(json|xlsx|xml)|examples\/worked\/[^/]+\.(csv|json)|dist\/.+\.(js|cjs|d\.ts|d\.cts)|dist\/app\/index\.html\.gz)$/;
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
          'dist/app/index.html.gz',
          'docs/calendar.md',
          'docs/input-formats.md',
          'examples/report.config.json',
          'examples/data/fy2010/initial-assessments.csv',
          'examples/annex-a/report.config.json',
          'examples/annex-a/annex-a-2012-13.xlsx',
          'examples/standard-returns/report.config.json',
          'examples/standard-returns/annex-a-2023-24.xlsx',
          'examples/standard-returns/cin-census-2024.xml',
          'examples/standard-returns/workforce-census-2023.xml',
          'examples/standard-returns/nccis-2024-01.xml',
          ...Object.keys(workedCopies),
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
      const installedManifest = manifest(join(installed, 'package.json'));
      expect(installedManifest.version).toBe(ours.version);
      expect(installedManifest.dependencies).toEqual(ours.dependencies);
      expect(installedPackages(join(project, 'node_modules'))).toEqual(
        expect.arrayContaining(Object.keys(ours.dependencies ?? {})),
      );
    });
  });

  describe('the installed package', () => {
    it.each([
      ['ESM', 'consumer.mjs'],
      ['CommonJS', 'consumer.cjs'],
    ])(
      'computes NI 59 from the %s consumer, in memory and from a CSV read by the ./node entry',
      (_, file) => {
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
      },
    );

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

    it('writes the browser page from the copy prepack built into the package', () => {
      // The command is loaded as a chunk of dist/chunks and finds dist/app/index.html.gz beside it, as installed.
      const result = run(npx, ['--no-install', 'cs-indicators', 'app', '--out', 'page.html'], project);
      expect(result.status).toBe(0);
      const page = readFileSync(join(project, 'page.html'), 'utf8');
      expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(page).toContain('id="drop-zone"');
      expect(page).toContain('Content-Security-Policy');
    });
  });

  describe('the declarations, as a strict TypeScript consumer with skipLibCheck false compiles them', () => {
    it.each(Object.keys(moduleSettings) as ModuleSetting[])(
      'type-check an ESM and a CommonJS consumer under module %s, result.value a real Decimal',
      async (setting) => {
        const { status, output } = await compiled[setting];
        const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
        expect(errors).toEqual([]);
        expect(status).toBe(0);
        // The compiler read our declarations and decimal.js's own (checked, since skipLibCheck is false): the ESM
        // consumer through index.d.ts, the CommonJS one through index.d.cts.
        const read = output.split('\n').map((line) => line.trim().replaceAll('\\', '/'));
        const ours = 'node_modules/childrens-services-indicators/dist';
        expect(read.some((path) => path.endsWith(`${ours}/index.d.ts`))).toBe(true);
        expect(read.some((path) => path.endsWith(`${ours}/node/index.d.ts`))).toBe(true);
        expect(read.some((path) => path.endsWith('node_modules/decimal.js/decimal.d.ts'))).toBe(true);
        if (setting !== 'bundler')
          expect(read.some((path) => path.endsWith(`${ours}/index.d.cts`))).toBe(true);
      },
    );

    it('fails when result.value is not a Decimal: the @ts-expect-error line is what the check rests on', async () => {
      // The control: the same consumer, with the line that must fail made valid, reports the unused directive.
      writeFileSync(join(project, 'types', 'control.mts'), typedEsm.replace("toFixed('one')", 'toFixed(1)'));
      // skipLibCheck here only saves time: it changes no type, and the declarations are checked by the tests above.
      const config = JSON.parse(readFileSync(join(project, 'tsconfig.node16.json'), 'utf8')) as {
        compilerOptions: object;
      };
      const controlConfig = {
        compilerOptions: { ...config.compilerOptions, skipLibCheck: true },
        files: ['types/control.mts'],
      };
      writeFileSync(join(project, 'tsconfig.control.json'), JSON.stringify(controlConfig));
      const result = await runInBackground(process.execPath, [tsc, '-p', 'tsconfig.control.json'], project);
      expect(result.output).toContain("error TS2578: Unused '@ts-expect-error' directive.");
      expect(result.status).not.toBe(0);
    });
  });

  describe('the README, run as written against the installed package', () => {
    it('has runnable TypeScript and shell blocks', () => {
      expect(runnable(readme, 'ts', 'typescript').length).toBeGreaterThanOrEqual(2);
      expect(runnable(readme, 'sh').length).toBeGreaterThanOrEqual(2);
    });

    it('compiles every runnable TypeScript block under strict (module nodenext, node16 and bundler)', async () => {
      for (const setting of Object.keys(moduleSettings) as ModuleSetting[]) {
        const { output } = await compiled[setting];
        expect(output.split('\n').filter((line) => /^readme\/.*error TS\d+/.test(line))).toEqual([]);
      }
    });

    it('runs every runnable TypeScript block and prints what each //=> comment shows', async () => {
      const { status } = await compiled.nodenext;
      expect(status).toBe(0);
      for (const block of runnable(readme, 'ts', 'typescript')) {
        const script = join('out', 'readme', `line-${block.line}.run.mjs`);
        const result = run(process.execPath, [script], project);
        expect(result.stderr, `README line ${block.line}`).toBe('');
        expect(result.status, `README line ${block.line}`).toBe(0);
        const printed = new Map(
          result.stdout
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as { line: number; value: unknown })
            .map(({ line, value }) => [line, value]),
        );
        const shown = shownOutputs(block, '//=>');
        expect(shown.length, `README line ${block.line}: no //=> line to check`).toBeGreaterThan(0);
        for (const { line, code, shown: text } of shown) {
          const expected = shownValue(text);
          expect(printed.get(line), `README line ${line}: ${code}`).toEqual(
            expected === undefined ? '(undefined)' : expected,
          );
        }
      }
    });

    it('runs every command of the runnable shell blocks in the package folder, with the output #=> shows', () => {
      for (const block of runnable(readme, 'sh')) {
        const shown = new Map(shownOutputs(block, '#=>').map(({ code, shown: text }) => [code, text]));
        for (const command of commands(block)) {
          const result = spawnSync('bash', ['-c', command], {
            cwd: installed,
            env: userEnv,
            encoding: 'utf8',
          });
          expect(result.status, `${command}\n${result.stderr}`).toBe(0);
          expect(result.stderr, command).not.toMatch(/\bat .+:\d+:\d+\)?$/m); // no stack trace
          const expected = shown.get(command.replace(/\s*#.*$/, ''));
          if (expected !== undefined) expect(result.stdout.trim(), command).toBe(expected);
        }
      }
    });

    it('shows a command in a block that is not runnable only when it reads a placeholder file', () => {
      const shipped = new Set(pack.files.map((file) => file.path));
      const unrun = readme
        .filter((block) => !block.runnable && ['sh', 'console'].includes(block.lang))
        .flatMap(commands)
        .filter((command) => command.includes('cs-indicators'));
      for (const command of unrun) {
        const inputs = inputFiles(command);
        expect(
          inputs.some((file) => !shipped.has(posix.normalize(file))),
          `runnable as written, so mark its block runnable: ${command}`,
        ).toBe(true);
      }
    });
  });

  describe('the shipped docs', () => {
    it("print what they show, for every command of the guides' console blocks that reads only shipped files", () => {
      // Each guide's commands run in order in the installed package's folder, where examples/ is, as a user would
      // type them (`cs-indicators` and `npx cs-indicators` both run the installed binary). What a guide shows after
      // a command is its standard output, or its standard error and output together; an output abbreviated with
      // ellipses is not compared, but its command must succeed. Commands on files the guide only shows (\`core-assessments.csv\`) are not run.
      const bin = join(project, 'node_modules', '.bin', 'cs-indicators');
      const guides = pack.files.map((file) => file.path).filter((path) => /^docs\/[^/]+\.md$/.test(path));
      let ran = 0;
      for (const guide of guides) {
        const blocks = codeBlocks(readFileSync(join(installed, guide), 'utf8'));
        for (const block of blocks.filter((candidate) => candidate.lang === 'console')) {
          for (const { line, command, shown } of consoleCommands(block)) {
            const inputs = inputFiles(command);
            if (
              !/^(npx )?cs-indicators /.test(command) ||
              inputs.some((file) => !file.startsWith('examples/'))
            )
              continue;
            const result = spawnSync(
              'bash',
              ['-c', `cs-indicators() { node "$CSI_BIN" "$@"; }; npx() { "$@"; }; ${command}`],
              {
                cwd: installed,
                env: { ...userEnv, CSI_BIN: bin },
                encoding: 'utf8',
              },
            );
            ran += 1;
            const where = `${guide}:${line}: ${command}`;
            const stdout = result.stdout.trimEnd();
            const both = `${result.stderr}${result.stdout}`.trimEnd();
            if (shown.includes('…')) {
              // An abbreviated output (JSON condensed with ellipses) is not compared: the command must only run.
              expect(result.status, `${where}\n${result.stderr}`).toBe(0);
            } else if (stdout !== shown) {
              expect(both, where).toBe(shown);
            }
          }
        }
      }
      expect(ran).toBeGreaterThanOrEqual(15);
    });

    it('name only files the package ships (or, for contributors, the repository holds), never test fixtures', () => {
      const shipped = pack.files.map((file) => file.path);
      const isShipped = (path: string) =>
        shipped.includes(path) ||
        shipped.some((file) => file.startsWith(path.endsWith('/') ? path : `${path}/`)) ||
        generatedPaths.some((generated) => path.startsWith(generated));
      const repository = new Set(
        mustRun('git', ['ls-files', '--cached', '--others', '--exclude-standard'], root).split('\n'),
      );
      const inRepository = (path: string) =>
        repository.has(path) ||
        [...repository].some((file) => file.startsWith(`${path.replace(/\/$/, '')}/`));
      const problems: string[] = [];
      for (const markdown of shipped.filter((path) => path.endsWith('.md'))) {
        const text = readFileSync(join(installed, markdown), 'utf8');
        const folder = posix.dirname(markdown);
        text.split('\n').forEach((line, index) => {
          const where = `${markdown}:${index + 1}`;
          // Links: relative to the Markdown file.
          for (const [, target] of line.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
            if (!target || /^[a-z]+:/i.test(target)) continue;
            const path = posix.normalize(posix.join(folder, target));
            if (!isShipped(path))
              problems.push(`${where}: links to ${target}, which the package does not ship`);
          }
          // Paths named in the text: from the package's root.
          for (const [, path] of line.matchAll(
            /(?<![\w.@/-])((?:shared|sources|test|src|scripts|examples|docs|dist)\/[\w./*-]*[\w/*])/g,
          )) {
            if (!path) continue;
            if (/^(shared|sources|test\/fixtures)\//.test(path)) {
              problems.push(`${where}: names ${path}, which no user has`);
            } else if (/^(src|scripts|test)\//.test(path)) {
              if (!inRepository(path))
                problems.push(`${where}: names ${path}, which the repository does not hold`);
            } else if (!isShipped(path.replace(/\*.*$/, ''))) {
              problems.push(`${where}: names ${path}, which the package does not ship`);
            }
          }
        });
      }
      expect(problems).toEqual([]);
    });

    it('ships the worked examples byte for byte as the test fixtures whose tests assert their figures', () => {
      for (const [shippedPath, fixture] of Object.entries(workedCopies)) {
        expect(
          readFileSync(join(installed, shippedPath)).equals(readFileSync(join(root, fixture))),
          shippedPath,
        ).toBe(true);
      }
      const shippedWorked = pack.files
        .map((file) => file.path)
        .filter((path) => path.startsWith('examples/worked/'));
      expect(shippedWorked.sort()).toEqual(Object.keys(workedCopies).sort());
    });
  });
});
