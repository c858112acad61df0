#!/usr/bin/env node
// Builds the browser page (SPEC 16) into dist/app/index.html: the page's script and its Web Worker's bundled with
// esbuild (the core inside the worker), inlined into one HTML file with a Content Security Policy that allows
// nothing remote, and gzipped beside it (dist/app/index.html.gz, the copy the package ships). Part of
// `npm run build`, after tsup (which empties dist/).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

/** One entry bundled to text. */
async function bundle(entry, options) {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
    ...options,
  });
  return result.outputFiles[0].text;
}

const browser = { platform: 'browser', format: 'iife', target: 'es2022', minify: true };
const [worker, script, shell] = await Promise.all([
  bundle('src/app/worker.ts', browser),
  bundle('src/app/page.ts', browser),
  // The page's HTML is made by the core's own code (its lists of kinds, indicators and target sets), run here once.
  bundle('src/app/shell.ts', { platform: 'node', format: 'cjs', target: 'node20' }),
]);
const shellModule = { exports: {} };
new Function('module', 'exports', shell)(shellModule, shellModule.exports);
const { appPage } = shellModule.exports;
const html = appPage({ script: script.trim(), worker: worker.trim(), version });
mkdirSync(`${root}dist/app`, { recursive: true });
writeFileSync(`${root}dist/app/index.html`, html);
// The package ships the page gzipped (package.json's files leave out index.html): 1.2 MB of HTML in 0.3 MB of a
// consumer's install, which `cs-indicators app` unpacks. The same bytes every build (no time in the gzip header).
const gzipped = gzipSync(html, { level: 9 });
writeFileSync(`${root}dist/app/index.html.gz`, gzipped);
if (!process.argv.includes('--silent')) {
  process.stdout.write(
    `dist/app/index.html: ${(html.length / 1024).toFixed(0)} KiB (worker ${(worker.length / 1024).toFixed(0)} KiB, page ${(script.length / 1024).toFixed(0)} KiB; gzipped ${(gzipped.length / 1024).toFixed(0)} KiB), built in ${Math.round(performance.now() - started)} ms\n`,
  );
}
