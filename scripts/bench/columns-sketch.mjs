// A sketch, not the library's reader: how fast a reader that keeps records as columns could count NI59 on the
// bench's UK export, on one thread. It reads the file as the CLI does (64 KiB pieces by readSync, each hashed),
// finds each row's line end with the buffer's own search, cuts the row at its commas, reads the two dates
// (DD/MM/YYYY only) into day numbers, keeps every field as a number (the id's and child's and team's and worker's
// bytes hashed; the ids' bytes kept in one buffer, as a columns design would keep them), checks the ids' hashes for
// a repeat at the end, and counts NI59 over the day numbers with a table of working days. It checks nothing else:
// no quotes (a row with one is only counted aside), no blank or padded cell, no issue, no message, no row number
// kept. So it is a lower bound on what records held as columns could give goal 1, not a reader (docs/performance.md,
// "What limits it", goal 1). Prints "numerator denominator" as the pandas script does.
//
//   node scripts/bench/measure.mjs columns FILE HOLIDAYS   (HOLIDAYS: one YYYY-MM-DD a line)
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse). */
function dayOf(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The day number of a DD/MM/YYYY date in bytes[start, end), or -1. */
function ukDay(bytes, start, end) {
  if (end - start !== 10 || bytes[start + 2] !== 47 || bytes[start + 5] !== 47) return -1;
  const digit = (i) => bytes[start + i] - 48;
  const day = digit(0) * 10 + digit(1);
  const month = digit(3) * 10 + digit(4);
  const year = digit(6) * 1000 + digit(7) * 100 + digit(8) * 10 + digit(9);
  return month < 1 || month > 12 || day < 1 || day > 31 ? -1 : dayOf(year, month, day);
}

/** FNV-1a of bytes[start, end). */
function hashOf(bytes, start, end) {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 16777619);
  return hash;
}

/** The columns of the export's rows: grown by doubling. */
class Columns {
  count = 0;
  capacity = 1 << 16;
  referral = new Int32Array(this.capacity);
  completed = new Int32Array(this.capacity);
  id = new Int32Array(this.capacity);
  child = new Int32Array(this.capacity);
  team = new Int32Array(this.capacity);
  worker = new Int32Array(this.capacity);
  idBytes = new Uint8Array(1 << 20);
  idBytesUsed = 0;

  add(bytes, starts, ends) {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    this.referral[i] = ukDay(bytes, starts[2], ends[2]);
    this.completed[i] = ukDay(bytes, starts[3], ends[3]);
    this.id[i] = hashOf(bytes, starts[0], ends[0]);
    this.child[i] = hashOf(bytes, starts[1], ends[1]);
    this.team[i] = hashOf(bytes, starts[4], ends[4]);
    this.worker[i] = hashOf(bytes, starts[5], ends[5]);
    const length = ends[0] - starts[0];
    if (this.idBytesUsed + length > this.idBytes.length) {
      const more = new Uint8Array(this.idBytes.length * 2);
      more.set(this.idBytes);
      this.idBytes = more;
    }
    this.idBytes.set(bytes.subarray(starts[0], ends[0]), this.idBytesUsed);
    this.idBytesUsed += length;
  }

  grow() {
    this.capacity *= 2;
    for (const name of ['referral', 'completed', 'id', 'child', 'team', 'worker']) {
      const more = new Int32Array(this.capacity);
      more.set(this[name]);
      this[name] = more;
    }
  }
}

/** Where the rows of the second thread start: after the first line end at or past the middle of the file. */
function middleRow(path) {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  const probe = Buffer.alloc(1 << 16);
  const read = readSync(fd, probe, 0, probe.length, Math.floor(size / 2));
  closeSync(fd);
  const newline = probe.subarray(0, read).indexOf(10);
  return newline < 0 ? size : Math.floor(size / 2) + newline + 1;
}

/**
 * The rows of the export at `path` from byte `from` (a row's start) to byte `to` (a row's start, or the end), as
 * columns: `hashing` also hashes the whole file as it is read (the rows past `to` read for the hash only).
 */
function readRows(path, from, to, hashing) {
  const columns = new Columns();
  const starts = new Int32Array(7);
  const ends = new Int32Array(7);
  let header = from === 0;
  let setAside = 0;
  const row = (bytes, start, end) => {
    let cells = 0;
    starts[0] = start;
    for (let i = start; i < end; i++) {
      const byte = bytes[i];
      if (byte === 44) {
        if (cells === 6) break;
        ends[cells++] = i;
        starts[cells] = i + 1;
      } else if (byte === 34) {
        cells = -1;
        break;
      }
    }
    if (cells >= 0) ends[cells++] = end;
    if (header) header = false;
    else if (cells === 6) columns.add(bytes, starts, ends);
    else setAside++;
  };

  const hash = hashing ? createHash('sha256') : undefined;
  const piece = 1 << 16;
  const buffer = Buffer.allocUnsafeSlow(2 * piece);
  const fd = openSync(path, 'r');
  let kept = 0;
  // Where the bytes in the buffer start in the file.
  let at = from;
  if (hash !== undefined && from > 0) throw new Error('the hash is made from the first byte');
  for (let length = readSync(fd, buffer, kept, piece, at); length > 0; ) {
    hash?.update(buffer.subarray(kept, kept + length));
    const end = kept + length;
    let start = 0;
    if (at < to) {
      for (
        let i = buffer.indexOf(10, kept);
        i >= 0 && i < end && at + start < to;
        i = buffer.indexOf(10, i + 1)
      ) {
        row(buffer, start, buffer[i - 1] === 13 ? i - 1 : i);
        start = i + 1;
      }
    } else start = end;
    if (hash === undefined && at + start >= to) break;
    buffer.copyWithin(0, start, end);
    kept = end - start;
    at += start;
    length = readSync(fd, buffer, kept, piece, at + kept);
  }
  if (kept > 0 && at < to) row(buffer, 0, kept);
  closeSync(fd);
  hash?.digest('hex');
  return { columns, setAside };
}

/** The columns of two reads, the first's rows then the second's. */
function joined(first, second) {
  const columns = new Columns();
  columns.count = first.count + second.count;
  for (const name of ['referral', 'completed', 'id', 'child', 'team', 'worker']) {
    const both = new Int32Array(columns.count);
    both.set(first[name].subarray(0, first.count));
    both.set(second[name].subarray(0, second.count), first.count);
    columns[name] = both;
  }
  return columns;
}

/**
 * Counts NI59 for 2010/11 over the export at `path`, with the holidays (one ISO date a line) at `holidaysPath`, on
 * one thread, or on two (`threads` 2: a worker thread reads the rows of the second half of the file while this one
 * hashes the whole file and reads the rows of the first half; the worker's columns come back transferred, not
 * copied). The rows are cut at the first line end past the middle: a sketch's cut, which a reader would have to
 * prove is not inside a quoted cell.
 *
 * @returns the numerator, the denominator, the rows kept, the rows set aside (a quote, a wrong count of cells) and
 *   how many ids' hashes repeat.
 */
export async function columnsNi59(path, holidaysPath, threads = 1) {
  let columns;
  let setAside;
  if (threads === 2) {
    const cut = middleRow(path);
    const worker = new Worker(new URL(import.meta.url), { workerData: { path, from: cut } });
    const second = new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const first = readRows(path, 0, cut, true);
    const { columns: theirs, setAside: theirsAside } = await second;
    await worker.terminate();
    columns = joined(first.columns, theirs);
    setAside = first.setAside + theirsAside;
  } else {
    ({ columns, setAside } = readRows(path, 0, Number.POSITIVE_INFINITY, true));
  }
  return countNi59(columns, holidaysPath, setAside);
}

/** NI59 over the columns, and the ids' hashes checked for a repeat. */
function countNi59(columns, holidaysPath, setAside) {
  const ids = columns.id.slice(0, columns.count).sort();
  let repeats = 0;
  for (let i = 1; i < ids.length; i++) if (ids[i] === ids[i - 1]) repeats++;

  const holidays = new Set(
    readFileSync(holidaysPath, 'utf8')
      .split('\n')
      .filter((line) => line.length === 10)
      .map((line) => dayOf(Number(line.slice(0, 4)), Number(line.slice(5, 7)), Number(line.slice(8, 10)))),
  );
  // workingDays[d - first]: the working days in (first, d]; so those after r up to and including c are the
  // difference of two entries, as the CLI counts NI59's seven.
  const first = dayOf(1990, 1, 1);
  const last = dayOf(2040, 12, 31);
  const workingDays = new Int32Array(last - first + 1);
  for (let day = first + 1, count = 0; day <= last; day++) {
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday (4)
    if (weekday !== 0 && weekday !== 6 && !holidays.has(day)) count++;
    workingDays[day - first] = count;
  }
  const periodStart = dayOf(2010, 4, 1);
  const periodEnd = dayOf(2011, 3, 31);
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < columns.count; i++) {
    const completed = columns.completed[i];
    if (completed < periodStart || completed > periodEnd) continue;
    denominator++;
    if (workingDays[completed - first] - workingDays[columns.referral[i] - first] <= 7) numerator++;
  }
  return { numerator, denominator, kept: columns.count, setAside, repeats };
}

// As the second thread: the rows from `from` to the end, their columns sent back (their buffers moved, not copied).
if (!isMainThread && workerData?.from !== undefined) {
  const { columns, setAside } = readRows(workerData.path, workerData.from, Number.POSITIVE_INFINITY, false);
  const sent = {};
  const buffers = [];
  for (const name of ['referral', 'completed', 'id', 'child', 'team', 'worker']) {
    sent[name] = columns[name];
    buffers.push(columns[name].buffer);
  }
  parentPort.postMessage({ columns: { ...sent, count: columns.count }, setAside }, buffers);
}
