// A sketch, not the library's reader: how fast a reader that keeps records as columns could count NI59 on the
// bench's UK export, on one thread or two. It reads the file as the CLI does (64 KiB pieces by readSync, each hashed
// with SHA-256) and goes over each byte once: each row cut at its six cells, the two dates read as DD/MM/YYYY (every
// digit checked) into day numbers, the id's, child's, team's and worker's bytes hashed (FNV-1a), the ids' bytes kept
// in one buffer as a columns design would keep them; the ids' hashes checked for a repeat by an open-addressed
// table at the end, and NI59 counted over the day numbers with a table of working days. It checks nothing else: a
// row with a quote, a CR or LF inside a cell, a blank or otherwise shaped date or another count of cells is set aside
// (counted, not read); no padded cell, issue, message or row number. So it is a lower bound on what records held as
// columns could give goal 1, not a reader (docs/performance.md, "What limits it", goal 1). On two threads, a worker
// thread reads the rows from the first line end past the worker's share of the file (SHARE, 0 to 1, default 0.5)
// while this thread hashes the whole file (SHA-256 cannot be cut) and reads the rows before it; the worker's columns
// are counted where they are, not joined. The cut is not proven outside a quoted cell, as a reader would have to.
// Prints "numerator denominator" as the pandas script does (SKETCH_DEBUG=1 also prints the counts on stderr).
//
//   node scripts/bench/measure.mjs columns FILE HOLIDAYS [two-threads [SHARE]]   (HOLIDAYS: one YYYY-MM-DD a line)
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { cutAt } from './cut.mjs';

function dayOf(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

class Columns {
  constructor(capacity) {
    this.count = 0;
    this.setAside = 0;
    this.capacity = capacity;
    this.referral = new Int32Array(capacity);
    this.completed = new Int32Array(capacity);
    this.id = new Int32Array(capacity);
    this.child = new Int32Array(capacity);
    this.team = new Int32Array(capacity);
    this.worker = new Int32Array(capacity);
    this.idBytes = new Uint8Array(capacity * 8);
    this.idBytesUsed = 0;
  }
  grow() {
    this.capacity *= 2;
    for (const name of ['referral', 'completed', 'id', 'child', 'team', 'worker']) {
      const more = new Int32Array(this.capacity);
      more.set(this[name]);
      this[name] = more;
    }
  }
  growIdBytes() {
    const more = new Uint8Array(this.idBytes.length * 2);
    more.set(this.idBytes);
    this.idBytes = more;
  }
}

/** A DD/MM/YYYY cell at b[i, i+10) followed by `stop`, as a day number; -2 when not of that shape. */
function ukDayAt(b, i) {
  if (b[i + 2] !== 47 || b[i + 5] !== 47) return -2;
  const d0 = b[i] - 48,
    d1 = b[i + 1] - 48,
    m0 = b[i + 3] - 48,
    m1 = b[i + 4] - 48;
  const y0 = b[i + 6] - 48,
    y1 = b[i + 7] - 48,
    y2 = b[i + 8] - 48,
    y3 = b[i + 9] - 48;
  if (
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9 ||
    m0 >>> 0 > 9 ||
    m1 >>> 0 > 9 ||
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9
  )
    return -2;
  const day = d0 * 10 + d1,
    month = m0 * 10 + m1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return -1;
  return dayOf(y0 * 1000 + y1 * 100 + y2 * 10 + y3, month, day);
}

/**
 * The whole rows of b[pos, end) into `c`; returns where the first incomplete row starts. Each cell's loop is written
 * out in turn, not called: one pass over each byte with no call per cell is what the sketch measures.
 */
function scan(b, pos, end, c) {
  let ids = c.idBytes;
  let used = c.idBytesUsed;
  rows: while (pos < end) {
    let i = pos;
    let bad = false;
    // id: hashed and kept.
    if (used + 256 > ids.length) {
      c.idBytesUsed = used;
      c.growIdBytes();
      ids = c.idBytes;
    }
    let h0 = 0x811c9dc5 | 0;
    for (;;) {
      if (i >= end) break rows;
      const x = b[i];
      if (x === 44) break;
      if (x === 10 || x === 13 || x === 34) {
        bad = true;
        break;
      }
      h0 = Math.imul(h0 ^ x, 16777619);
      ids[used++] = x;
      i++;
    }
    let h1 = 0x811c9dc5 | 0,
      r = -1,
      d = -1,
      h2 = 0x811c9dc5 | 0,
      h3 = 0x811c9dc5 | 0;
    if (!bad) {
      i++;
      for (;;) {
        if (i >= end) break rows;
        const x = b[i];
        if (x === 44) break;
        if (x === 10 || x === 13 || x === 34) {
          bad = true;
          break;
        }
        h1 = Math.imul(h1 ^ x, 16777619);
        i++;
      }
    }
    if (!bad) {
      i++;
      if (i + 22 > end) break;
      if (b[i + 10] === 44 && b[i + 21] === 44) {
        r = ukDayAt(b, i);
        d = ukDayAt(b, i + 11);
        if (r === -2 || d === -2) bad = true;
        i += 22;
      } else bad = true;
    }
    if (!bad) {
      for (;;) {
        if (i >= end) break rows;
        const x = b[i];
        if (x === 44) break;
        if (x === 10 || x === 13 || x === 34) {
          bad = true;
          break;
        }
        h2 = Math.imul(h2 ^ x, 16777619);
        i++;
      }
    }
    if (!bad) {
      i++;
      for (;;) {
        if (i >= end) break rows;
        const x = b[i];
        if (x === 13 || x === 10) break;
        if (x === 44 || x === 34) {
          bad = true;
          break;
        }
        h3 = Math.imul(h3 ^ x, 16777619);
        i++;
      }
    }
    if (bad) {
      // Set aside: skipped to the line's end.
      while (i < end && b[i] !== 10) i++;
      if (i >= end) break;
      c.setAside++;
      pos = i + 1;
      continue;
    }
    if (b[i] === 13) i++;
    if (i >= end) break;
    if (b[i] !== 10) {
      c.setAside++;
      while (i < end && b[i] !== 10) i++;
      if (i >= end) break;
      pos = i + 1;
      continue;
    }
    pos = i + 1;
    if (c.count === c.capacity) c.grow();
    const k = c.count++;
    c.id[k] = h0;
    c.child[k] = h1;
    c.referral[k] = r;
    c.completed[k] = d;
    c.team[k] = h2;
    c.worker[k] = h3;
  }
  c.idBytesUsed = used;
  return pos;
}

/** Rows from byte `from` to `to` (row starts) of the file; hashing from byte 0 when `hashing`. */
function readRows(path, from, to, hashing, capacity) {
  const c = new Columns(capacity);
  const hash = hashing ? createHash('sha256') : undefined;
  const piece = 1 << 16; // as the CLI reads
  const buf = Buffer.allocUnsafeSlow(piece + 4096);
  const fd = openSync(path, 'r');
  let kept = 0;
  let at = from; // file offset of buf[0]
  let header = from === 0;
  for (;;) {
    const length = readSync(fd, buf, kept, piece, at + kept);
    if (length === 0) break;
    hash?.update(buf.subarray(kept, kept + length));
    const end = kept + length;
    if (at >= to) {
      at += end;
      kept = 0;
      continue;
    }
    let start = 0;
    if (header) {
      start = buf.indexOf(10) + 1;
      header = false;
    }
    const limit = at + end > to ? to - at : end;
    const stop = scan(buf, start, limit, c);
    if (at + end > to) {
      if (stop < limit) throw new Error('cut inside a row');
      if (!hash) break;
      at += end;
      kept = 0;
      continue;
    }
    buf.copyWithin(0, stop, end);
    kept = end - stop;
    at += stop;
  }
  if (kept > 0 && at < to) {
    buf[kept] = 10;
    scan(buf, 0, kept + 1, c);
  }
  closeSync(fd);
  hash?.digest('hex');
  return c;
}

export async function columnsNi59(path, holidaysPath, threads = 1, share = 0.5) {
  const size = statSync(path).size;
  const parts = [];
  if (threads === 2) {
    // After the first line end past 1 − share of the file.
    const cut = cutAt(path, share, 10, 1);
    const worker = new Worker(new URL(import.meta.url), {
      workerData: { path, from: cut, capacity: Math.ceil((size - cut) / 40) },
    });
    const second = new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    parts.push(readRows(path, 0, cut, true, Math.ceil(cut / 40)));
    parts.push(await second);
    worker.unref();
  } else parts.push(readRows(path, 0, Number.POSITIVE_INFINITY, true, Math.ceil(size / 40)));
  return countNi59(parts, holidaysPath);
}

function countNi59(parts, holidaysPath) {
  let total = 0;
  for (const p of parts) total += p.count;
  let bits = 1;
  while (1 << bits < total * 2) bits++;
  const table = new Int32Array(1 << bits);
  const filled = new Uint8Array(1 << bits);
  const mask = (1 << bits) - 1;
  let repeats = 0;
  for (const p of parts) {
    const id = p.id;
    for (let i = 0; i < p.count; i++) {
      const h = id[i];
      let s = Math.imul(h, 0x9e3779b1) >>> (32 - bits);
      while (filled[s] === 1) {
        if (table[s] === h) {
          repeats++;
          break;
        }
        s = (s + 1) & mask;
      }
      if (filled[s] === 0) {
        filled[s] = 1;
        table[s] = h;
      }
    }
  }
  const holidays = new Set(
    readFileSync(holidaysPath, 'utf8')
      .split('\n')
      .filter((l) => l.length === 10)
      .map((l) => dayOf(Number(l.slice(0, 4)), Number(l.slice(5, 7)), Number(l.slice(8, 10)))),
  );
  const first = dayOf(1990, 1, 1);
  const last = dayOf(2040, 12, 31);
  const workingDays = new Int32Array(last - first + 1);
  for (let day = first + 1, count = 0; day <= last; day++) {
    const weekday = (day + 4) % 7;
    if (weekday !== 0 && weekday !== 6 && !holidays.has(day)) count++;
    workingDays[day - first] = count;
  }
  const periodStart = dayOf(2010, 4, 1);
  const periodEnd = dayOf(2011, 3, 31);
  let numerator = 0,
    denominator = 0,
    kept = 0,
    setAside = 0;
  for (const p of parts) {
    kept += p.count;
    setAside += p.setAside;
    const completed = p.completed,
      referral = p.referral;
    for (let i = 0; i < p.count; i++) {
      const c = completed[i];
      if (c < periodStart || c > periodEnd) continue;
      denominator++;
      if (workingDays[c - first] - workingDays[referral[i] - first] <= 7) numerator++;
    }
  }
  return { numerator, denominator, kept, setAside, repeats };
}

if (!isMainThread && workerData?.from !== undefined) {
  const c = readRows(workerData.path, workerData.from, Number.POSITIVE_INFINITY, false, workerData.capacity);
  const buffers = ['referral', 'completed', 'id', 'child', 'team', 'worker', 'idBytes'].map(
    (n) => c[n].buffer,
  );
  parentPort.postMessage(c, buffers);
} else if (isMainThread && process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [path, holidays, mode, share] = process.argv.slice(2);
  const r = await columnsNi59(path, holidays, mode === 'two-threads' ? 2 : 1, share ? Number(share) : 0.5);
  if (process.env.SKETCH_DEBUG) process.stderr.write(`${JSON.stringify(r)}\n`);
  process.stdout.write(`${r.numerator} ${r.denominator}\n`);
}
