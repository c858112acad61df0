#!/usr/bin/env node
// npm run demo: the monthly return of the bundled example (a Leeds-scale 2010/11 against the Leeds 2010 targets),
// written as a standalone HTML page, with its summary table printed here. `npm run demo -- --format md` (or csv,
// json, xlsx) writes the same report in that format.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const formatAt = args.findIndex((arg) => arg === '--format' || arg.startsWith('--format='));
const format =
  formatAt < 0 ? 'html' : (args[formatAt].split('=')[1] ?? args[formatAt + 1] ?? 'html').toLowerCase();
const out = `examples/output/monthly-return.${format}`;
mkdirSync(new URL('../examples/output/', import.meta.url), { recursive: true });
try {
  execFileSync(process.execPath, ['dist/cli/main.js', 'report', '--demo', '--out', out, ...args], {
    cwd: root,
    stdio: 'inherit',
  });
} catch (error) {
  process.exit(typeof error.status === 'number' ? error.status : 1);
}
console.log(
  format === 'html'
    ? `Open ${out} in a browser. The same report as Markdown, CSV or JSON: npm run demo -- --format md (or csv, json, xlsx).`
    : `The same report as a standalone page: npm run demo.`,
);
