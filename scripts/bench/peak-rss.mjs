// The peak resident memory of a benchmark's child process.
import { readFileSync } from 'node:fs';

/**
 * This process's peak resident memory in MB. On Linux, VmHWM of /proc/self/status: the peak of this program's own
 * memory. `process.resourceUsage().maxRSS` there keeps the peak of the process it was forked from (the benchmark,
 * holding 10^6 records a moment earlier), which would put a floor of the parent's size under every figure.
 */
export function peakRssMb() {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    if (kb !== undefined) return Number(kb) / 1024;
  } catch {
    // Not Linux: the rusage figure.
  }
  return process.resourceUsage().maxRSS / 1024;
}
