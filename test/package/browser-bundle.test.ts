import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Every name node resolves to a built-in module: `fs`, `fs/promises`, `path`, `stream`, `buffer`… and `node:` ones.
const builtins = new Set(builtinModules);

function isBuiltin(specifier: string): boolean {
  if (specifier.startsWith('node:')) return true;
  return builtins.has(specifier) || builtins.has(specifier.split('/')[0] ?? specifier);
}

interface BrowserBundle {
  /** Every import of a node built-in, with the file that imports it. */
  readonly builtinImports: readonly string[];
  /** The bundle: an IIFE that sets the global `csi` to the entry's exports. */
  readonly code: string;
}

/** Bundles one entry (a path, or source text) for the browser, recording every import of a node built-in. */
async function bundleForBrowser(entry: string | { contents: string }): Promise<BrowserBundle> {
  const builtinImports: string[] = [];
  const recordBuiltins: Plugin = {
    name: 'record-node-builtins',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /.*/ }, (args) => {
        if (!isBuiltin(args.path)) return undefined;
        builtinImports.push(`${args.path} (imported by ${args.importer.replace(root, '')})`);
        // Left external so that the build finishes and the test lists every one, not only the first.
        return { path: args.path, external: true };
      });
    },
  };
  const result = await build({
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : { stdin: { contents: entry.contents, resolveDir: root, sourcefile: 'stdin.js' } }),
    absWorkingDir: root,
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    globalName: 'csi',
    target: 'es2022',
    plugins: [recordBuiltins],
    logLevel: 'silent',
  });
  return { builtinImports, code: result.outputFiles[0]?.text ?? '' };
}

// Each entry is bundled once and shared by the tests that read it.
const bundles = new Map<string, Promise<BrowserBundle>>();
function bundleOf(entry: string): Promise<BrowserBundle> {
  let bundle = bundles.get(entry);
  if (!bundle) {
    bundle = bundleForBrowser(entry);
    bundles.set(entry, bundle);
  }
  return bundle;
}

/**
 * Runs a bundle in a bare V8 context: the language and the web APIs the core uses (TextEncoder), no `require`, no
 * `process`, no node globals. Parses a small CSV and computes NI 59 with the default England and Wales calendar.
 */
function computeNi59InBareContext(code: string): unknown {
  const context = vm.createContext({ TextEncoder, TextDecoder });
  vm.runInContext(code, context, { filename: 'bundle.js' });
  const script = `
    const parsed = csi.parseCsvText(
      'initial-assessment',
      'ID,Child ID,Referral Date,Completed Date\\n' +
        'IA-1,C-1,28/04/2011,03/05/2011\\n' +
        'IA-2,C-2,21/04/2011,09/05/2011\\n' +
        'IA-3,C-3,24/12/2010,07/01/2011\\n',
    );
    const result = csi.computeIndicator('NI59', parsed.records, '2010-12..2011-05');
    JSON.stringify({
      hasRequire: typeof require !== 'undefined',
      hasProcess: typeof process !== 'undefined',
      accounting: parsed.accounting,
      numerator: result.numerator,
      denominator: result.denominator,
      display: result.display,
    });
  `;
  return JSON.parse(vm.runInContext(script, context) as string);
}

// The three initial assessments, counted from the day after referral (ni2008: 7 working days).
// - Thu 28 Apr 2011 to Tue 3 May: Fri 29 Apr the Royal Wedding, the weekend, Mon 2 May Early May bank holiday, so
//   only Tue 3 May counts: 1 day, on time.
// - Thu 21 Apr 2011 to Mon 9 May: 26, 27, 28 Apr (3), 3 to 6 May (7), 9 May (8): late.
// - Fri 24 Dec 2010 to Fri 7 Jan 2011: 27 and 28 Dec Christmas substitutes, 29, 30, 31 Dec (3), 3 Jan New Year
//   substitute, 4 to 7 Jan (7): on time.
// 2 of 3: 66.7%.
const expectedNi59 = {
  hasRequire: false,
  hasProcess: false,
  accounting: { rowsRead: 3, rowsAccepted: 3, rowsRejected: 0, rowsSkipped: 0, warningsByCode: {} },
  numerator: 2,
  denominator: 3,
  display: '66.7%',
};

describe('the browser bundle of the core entry', () => {
  // Controls: an empty list below means something only if the detector sees both spellings of a built-in.
  it('catches bare and node: built-in names', async () => {
    const names = ['fs', 'path', 'stream', 'buffer', 'node:os'];
    const { builtinImports } = await bundleForBrowser({
      contents: names.map((n) => `import '${n}';`).join('\n'),
    });
    expect(builtinImports.map((line) => line.split(' ')[0])).toEqual(names);
  });

  it('catches the node built-ins of the node-only entry', async () => {
    const { builtinImports } = await bundleForBrowser('src/node/index.ts');
    expect(builtinImports.some((line) => line.startsWith('node:fs/promises '))).toBe(true);
  });

  it('bundles src/index.ts without a single node built-in', async () => {
    expect((await bundleOf('src/index.ts')).builtinImports).toEqual([]);
  });

  it('bundles the built dist/index.js, with its dependencies, without a single node built-in', async () => {
    // The global setup has just built dist/; bundling it also checks decimal.js and zod.
    expect((await bundleOf('dist/index.js')).builtinImports).toEqual([]);
  });

  it('computes NI 59 from a CSV in a context without require or process (src/index.ts)', async () => {
    expect(computeNi59InBareContext((await bundleOf('src/index.ts')).code)).toEqual(expectedNi59);
  });

  it('computes NI 59 from a CSV in a context without require or process (dist/index.js)', async () => {
    expect(computeNi59InBareContext((await bundleOf('dist/index.js')).code)).toEqual(expectedNi59);
  });
});
