// One indicator timed over synthetic in-memory records as the bench's indicator table times it: the records an
// indicator reads besides its own made before the clock (CASELOAD's workers, ASSESS45's referrals), the child ids of
// an indicator that joins by child numbered once before the clock (as the readers' childNumbering does at read time;
// that numbering timed apart), then the best of `runs` calls of computeIndicator. Shared by scripts/bench.mjs and
// scripts/bench/indicators-only.mjs, so that both measure the same thing.
import { recordsOf, workersFor } from './synthetic.mjs';

/**
 * Times indicator `id` over `n` synthetic records with the build `lib` (the package's index module).
 * Returns the best wall time (ms), the best CPU time of the process (ms: user + system, garbage collection's threads
 * included; steadier than the wall on a shared machine), the numbering's time (ms, or undefined when the indicator does not join by
 * child), how many ids were numbered, and the last result's figures.
 */
export function timeIndicator(lib, id, n, calendar, runs = 3) {
  const definition = lib.getIndicator(id);
  const kind = definition.recordKind;
  let records = recordsOf(kind, n, 11);
  const options = { calendar };
  if (kind === 'allocation') options.workers = workersFor(n);
  if (id === 'ASSESS45') options.referrals = recordsOf('referral', n, 12);
  let numberingMs;
  let numbered = 0;
  if (definition.joinsByChild && lib.numberChildIds !== undefined) {
    const t = performance.now();
    const children = lib.createKeyNumbering();
    if (options.referrals !== undefined) options.referrals = lib.numberChildIds(options.referrals, children);
    records = lib.numberChildIds(records, children);
    numberingMs = performance.now() - t;
    numbered = n + (options.referrals?.length ?? 0);
  }
  let best = Number.POSITIVE_INFINITY;
  let bestCpu = Number.POSITIVE_INFINITY;
  let result;
  for (let run = 0; run < runs; run++) {
    const c = process.cpuUsage();
    const t = performance.now();
    result = lib.computeIndicator(id, records, 'FY2010', options);
    best = Math.min(best, performance.now() - t);
    const { user, system } = process.cpuUsage(c);
    bestCpu = Math.min(bestCpu, (user + system) / 1000);
  }
  return {
    ms: best,
    cpuMs: bestCpu,
    numberingMs,
    numbered,
    figures: `${result.value} ${result.numerator} ${result.denominator}`,
  };
}
