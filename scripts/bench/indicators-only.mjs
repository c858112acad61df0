// The bench's indicator table alone, at 10^6 records (goal 4 of issue 15), for a quick measurement:
//   node scripts/bench/indicators-only.mjs [--dist DIR] [--json] [ID,ID…]
// Times each indicator as `npm run bench` does (scripts/bench/indicator-timing.mjs: best of 3 in one process, child
// ids numbered before the clock) and prints its wall and CPU time (the best of each) and figures, then the slowest beside the goal (≤ 0.3 s). With
// no ids, every indicator. `--dist` names another build's dist folder (main's, copied aside) for a side-by-side run:
// run the two builds alternately, in fresh processes. `--json` prints one JSON line instead of the table. Run after
// `npm run build`.
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { timeIndicator } from './indicator-timing.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--dist');
const dist = at >= 0 ? resolve(args[at + 1] ?? '') : new URL('../../dist', import.meta.url).pathname;
const rest = args.filter((a, i) => a !== '--json' && (at < 0 || (i !== at && i !== at + 1)));
const json = args.includes('--json');
const lib = await import(pathToFileURL(`${dist}/index.js`).href);
const ids = rest.length > 0 ? rest.flatMap((a) => a.split(',')).filter((id) => id !== '') : lib.indicatorIds;
const unknown = ids.filter((id) => !lib.indicatorIds.includes(id));
if (unknown.length > 0) {
  process.stderr.write(
    `indicators-only: no indicator ${unknown.join(', ')} (known: ${lib.indicatorIds.join(' ')})\n`,
  );
  process.exit(2);
}
const calendar = lib.createCalendar();
const n = 1_000_000;
const load = loadavg()[0].toFixed(1);
const out = {};
let slowest = { id: '', ms: 0 };
if (!json) process.stdout.write(`Indicators over 10^6 records (best of 3; load ${load})\n`);
for (const id of ids) {
  const t = timeIndicator(lib, id, n, calendar);
  out[id] = {
    ms: Math.round(t.ms),
    cpuMs: Math.round(t.cpuMs),
    numberingMs: t.numberingMs && Math.round(t.numberingMs),
    figures: t.figures,
  };
  if (t.ms > slowest.ms) slowest = { id, ms: t.ms };
  if (!json) {
    const numbering = t.numberingMs === undefined ? '' : `  (+ ${t.numberingMs.toFixed(0)} ms numbering ids)`;
    const times = `${`${t.ms.toFixed(0)} ms`.padStart(9)}${`(CPU ${t.cpuMs.toFixed(0)} ms)`.padStart(16)}`;
    process.stdout.write(`  ${id.padEnd(18)}${times}  ${t.figures}${numbering}\n`);
  }
}
if (json) process.stdout.write(`${JSON.stringify({ load: Number(load), ...out })}\n`);
else process.stdout.write(`  slowest: ${slowest.id}, ${(slowest.ms / 1000).toFixed(2)} s (goal ≤ 0.3 s)\n`);
