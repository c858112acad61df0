// Where the sketches' second thread starts reading a file (scripts/bench/columns-sketch.mjs,
// scripts/bench/census-bytes-sketch.mjs).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * The first `needle` (a byte or a string) at or past 1 − `share` of the file at `path`, plus `after`; the file's
 * size when there is none in the 64 KiB there.
 */
export function cutAt(path, share, needle, after) {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  const probe = Buffer.alloc(1 << 16);
  const from = Math.floor(size * (1 - share));
  const read = readSync(fd, probe, 0, probe.length, from);
  closeSync(fd);
  const found = probe.subarray(0, read).indexOf(needle);
  return found < 0 ? size : from + found + after;
}
