// The indicators that join records over 10^6 in-memory records, for a side-by-side run of two builds (goal 4 of
// issue 15): `node scripts/bench/joined.mjs [--dist DIR] [ID…]` prints one JSON line, each indicator's best wall and
// CPU time of five, the numbering of its inputs' child ids at read time (when the build has `numberChildIds`; timed
// apart), and its figures, so that two builds' lines can be compared. Run it once per build, alternating, in fresh
// processes: `--dist` names the other build's dist folder (main's, copied aside). After `npm run build`.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { recordsOf, workersFor } from './synthetic.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--dist');
const dist = at >= 0 ? resolve(args[at + 1] ?? '') : new URL('../../dist', import.meta.url).pathname;
const ids = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
const lib = await import(pathToFileURL(`${dist}/index.js`).href);
const calendar = lib.createCalendar();
const n = 1_000_000;
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const out = {};
for (const id of ids.length > 0 ? ids : ['ASSESS45', 'REPEAT_REFERRALS', 'CPP_REPEAT', 'CASELOAD']) {
  const definition = lib.getIndicator(id);
  let records = recordsOf(definition.recordKind, n, 11);
  const options = { calendar };
  if (definition.recordKind === 'allocation') options.workers = workersFor(n);
  if (id === 'ASSESS45') options.referrals = recordsOf('referral', n, 12);
  let numberingCpu = null;
  if (definition.joinsByChild && lib.numberChildIds !== undefined) {
    const start = cpu();
    const children = lib.createKeyNumbering();
    if (options.referrals !== undefined) options.referrals = lib.numberChildIds(options.referrals, children);
    records = lib.numberChildIds(records, children);
    numberingCpu = Math.round(cpu() - start);
  }
  let wall = Number.POSITIVE_INFINITY;
  let time = Number.POSITIVE_INFINITY;
  let result;
  for (let run = 0; run < 5; run++) {
    const t = performance.now();
    const c = cpu();
    result = lib.computeIndicator(id, records, 'FY2010', options);
    time = Math.min(time, cpu() - c);
    wall = Math.min(wall, performance.now() - t);
  }
  out[id] = {
    wall: Math.round(wall),
    cpu: Math.round(time),
    numberingCpu,
    figures: `${result.value} ${result.numerator} ${result.denominator}`,
  };
}
process.stdout.write(`${JSON.stringify(out)}\n`);
