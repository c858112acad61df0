import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath } from '../helpers/cli.js';

// A module hook that writes down every module the process resolves: the built CLI, run as a user runs it, with
// Node's loader telling what it loaded (whatever the import's form: static, bare, side effect, dynamic, a subpath).
const dir = mkdtempSync(join(tmpdir(), 'csi-no-zod-'));
const hooks = join(dir, 'hooks.mjs');
writeFileSync(
  hooks,
  `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.CSI_MODULE_LOG, resolved.url + '\\n');
  return resolved;
}
`,
);
const register = join(dir, 'register.mjs');
writeFileSync(
  register,
  `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let runs = 0;

/** The modules a run of `node --import register.mjs ARGS` resolved, and its exit code. */
function modulesOf(args: readonly string[]): { code: number | null; modules: string[]; stderr: string } {
  const log = join(dir, `modules-${runs++}.txt`);
  writeFileSync(log, '');
  const result = spawnSync(process.execPath, ['--import', register, ...args], {
    cwd: join(import.meta.dirname, '../..'),
    env: { ...process.env, CSI_MODULE_LOG: log },
    encoding: 'utf8',
  });
  const modules = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { code: result.status, modules, stderr: result.stderr };
}

const zodOf = (modules: readonly string[]): string[] =>
  modules.filter((url) => /\/node_modules\/zod\//.test(url));

describe('the command line', () => {
  it('reads and counts without loading zod', () => {
    // zod takes 50 to 70 ms of a process to load (docs/performance.md): the readers, the check, the presets and the
    // indicators take the kinds and their values from kinds.ts, never the schemas. One run per reading path: a CSV
    // (the fast lane), a workbook through a preset, a CIN census (the byte lane and the reading thread's fallback),
    // the validate command, and spc.
    const runsOf = [
      ['compute', 'NI59', '--input', 'test/fixtures/compute/initial-assessments.csv', '--period', 'FY2010'],
      [
        'compute',
        'CPC15',
        '--preset',
        'annex-a',
        '--input',
        'examples/annex-a/annex-a-2012-13.xlsx',
        '--period',
        'FY2012',
      ],
      [
        'compute',
        'REPEAT_REFERRALS',
        '--preset',
        'cin-census',
        '--input',
        'test/fixtures/census/cin-census-episodes.xml',
        '--period',
        'FY2012',
      ],
      ['validate', '--kind', 'referral', '--input', 'examples/data/referrals.csv'],
      ['spc', 'NI59', '--input', 'examples/data/initial-assessments.csv', '--period', 'FY2010'],
    ];
    for (const args of runsOf) {
      const run = modulesOf([cliPath, ...args]);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      // The run did load the package's chunks: the log is the loader's, not empty.
      expect(
        run.modules.some((url) => url.includes('/dist/chunks/')),
        args.join(' '),
      ).toBe(true);
      expect(zodOf(run.modules), args.join(' ')).toEqual([]);
    }
  });

  it('is watched by a hook that does see zod where it is loaded: the library entry, which exports the schemas', () => {
    // The control: without it, a hook that logged nothing would pass the test above.
    const library = pathToFileURL(join(import.meta.dirname, '../../dist/index.js')).href;
    const run = modulesOf(['--input-type=module', '-e', `await import(${JSON.stringify(library)});`]);
    expect(run.code, run.stderr).toBe(0);
    expect(zodOf(run.modules).length).toBeGreaterThan(0);
  });
});
