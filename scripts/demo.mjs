#!/usr/bin/env node
// npm run demo: the monthly return of the bundled example (a Leeds-scale 2010/11 against the Leeds 2010 targets),
// written as a standalone HTML page, with its summary table printed here.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = 'examples/output/monthly-return.html';
execFileSync(process.execPath, ['dist/cli/main.js', 'report', '--demo', '--out', out], {
  cwd: root,
  stdio: 'inherit',
});
console.log(`Open ${out} in a browser. The same report as Markdown, CSV or JSON: add --format md|csv|json.`);
