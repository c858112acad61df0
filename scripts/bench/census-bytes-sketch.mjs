// A sketch, not the library's reader: how fast a census reader that works on the file's bytes, before any decoding,
// could read the referrals of the bench's CIN census, on one thread or two. It reads the file as the CLI does (64 KiB
// pieces by readSync, each hashed), matches every tag of the records' container (each end tag against its start
// tag; names compared with their `>` as four-byte words under a mask; the next start tag's name guessed from the tag
// before; after each tag, the white space and tag met last time after it, up to 64 bytes, compared as words and,
// when they are the same bytes, taken without the loop over each byte), counts lines, refuses a bare "&" and text
// beside child elements, and keeps each referral's child id, date and source as strings, with the line of its
// `CINdetails` (with `numbered`: child ids and sources numbered from their bytes and dates as day numbers, no
// strings, as a columns design would keep them; one thread only). It does nothing else: no decoding (the bytes must
// be ASCII), no entity, comment, CDATA, attribute or prefix (each would be handed back), no shape, check or
// indicator. So it is a lower bound on a byte-level census lane, not a reader (docs/performance.md, "What limits
// it", goal 3). On two threads, a worker thread reads the records from the first `<Child>` past the worker's share
// of the file (SHARE, default 0.5) while this thread hashes the whole file and reads the records before it,
// checking it stopped between two records; the worker's records come back one string a field and are kept as a
// second part of each column. The cut is not proven to be a record's start (not in a comment or CDATA), as a reader
// would have to. Prints the referrals read (SKETCH_DEBUG=1 also prints the two threads' timeline on stderr).
//
//   node scripts/bench/measure.mjs census-bytes CENSUS.xml [two-threads [SHARE] | numbered]
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { cutAt } from './cut.mjs';

const LT = 60;
const GT = 62;
const SLASH = 47;
const AMPERSAND = 38;
const NEWLINE = 10;
const SPACES = 0x20202020;
// Whether the values are kept as numbers (child ids numbered by their bytes, dates as day numbers, sources
// numbered), as a columns design would keep them, instead of strings: set by `censusBytesReferrals`.
let NUMBERED = false;

/** The element names met, each kept as bytes in one buffer read by words, and found by the hash of its bytes. */
class Names {
  bytes = new Uint8Array(1 << 16);
  view = new DataView(this.bytes.buffer);
  used = 0;
  starts = [];
  lengths = [];
  texts = [];
  byHash = new Map();
  words = new Int32Array(1 << 16);
  wordsUsed = 0;
  wordStart = new Int32Array(4096);
  wholeWords = new Int32Array(4096);
  tailMask = new Int32Array(4096);
  lengthOf = new Int32Array(4096);

  /** The number of the name in b[from, to), added when new. */
  find(b, from, to) {
    let hash = 0;
    for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + b[i]) | 0;
    const list = this.byHash.get(hash);
    if (list !== undefined) {
      for (const id of list) {
        if (this.lengths[id] !== to - from) continue;
        let k = 0;
        while (k < to - from && this.bytes[this.starts[id] + k] === b[from + k]) k++;
        if (k === to - from) return id;
      }
    }
    const id = this.starts.length;
    // The name and its '>' as little-endian words: whole words, then the last part word under a mask.
    const withGt = to - from + 1;
    const whole = withGt >> 2;
    this.wordStart[id] = this.wordsUsed;
    this.wholeWords[id] = whole;
    for (let k = 0; k <= whole; k++) {
      let word = 0;
      let mask = 0;
      for (let j = 0; j < 4; j++) {
        const at = k * 4 + j;
        if (at >= withGt) break;
        const byte = at === withGt - 1 ? GT : b[from + at];
        word |= byte << (8 * j);
        mask |= 0xff << (8 * j);
      }
      this.words[this.wordsUsed + k] = word;
      if (k === whole) this.tailMask[id] = mask;
    }
    this.wordsUsed += whole + 1;
    this.starts.push(this.used);
    this.lengths.push(to - from);
    this.lengthOf[id] = to - from;
    this.texts.push(Buffer.from(b.subarray(from, to)).toString('latin1'));
    this.bytes.set(b.subarray(from, to), this.used);
    this.used += to - from + 8;
    if (list === undefined) this.byHash.set(hash, [id]);
    else list.push(id);
    return id;
  }
}

/** Whether name `id` is written at view[at…] (four bytes at a time; the names' buffer is padded). */
function sameName(names, id, view, at) {
  const words = names.words;
  const start = names.wordStart[id];
  const whole = names.wholeWords[id];
  for (let k = 0; k < whole; k++)
    if ((view.getUint32(at + 4 * k, true) | 0) !== words[start + k]) return false;
  const mask = names.tailMask[id];
  return mask === 0 || (view.getUint32(at + 4 * whole, true) & mask) === words[start + whole];
}

/** Values numbered by their bytes (an open-addressed table; the bytes kept once, compared on a hash's match). */
export class Numbering {
  constructor(bits = 16) {
    this.bits = bits;
    this.slots = new Int32Array(1 << bits); // number + 1, 0 when free
    this.hashes = new Int32Array(1 << (bits - 1));
    this.starts = new Int32Array(1 << (bits - 1));
    this.lengths = new Int32Array(1 << (bits - 1));
    this.bytes = new Uint8Array(1 << (bits + 3));
    this.used = 0;
    this.count = 0;
  }

  /** The number of the value in b[from, to), added when new. */
  number(b, from, to) {
    let hash = 0x811c9dc5 | 0;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ b[i], 16777619);
    const mask = (1 << this.bits) - 1;
    let slot = Math.imul(hash, 0x9e3779b1) >>> (32 - this.bits);
    const length = to - from;
    for (;;) {
      const held = this.slots[slot];
      if (held === 0) break;
      const n = held - 1;
      if (this.hashes[n] === hash && this.lengths[n] === length) {
        const start = this.starts[n];
        let k = 0;
        while (k < length && this.bytes[start + k] === b[from + k]) k++;
        if (k === length) return n;
      }
      slot = (slot + 1) & mask;
    }
    if (this.count * 2 >= 1 << this.bits || this.used + length > this.bytes.length) {
      this.grow();
      return this.number(b, from, to);
    }
    const n = this.count++;
    this.slots[slot] = n + 1;
    this.hashes[n] = hash;
    this.starts[n] = this.used;
    this.lengths[n] = length;
    for (let k = 0; k < length; k++) this.bytes[this.used + k] = b[from + k];
    this.used += length;
    return n;
  }

  grow() {
    const bigger = new Numbering(this.bits + 1);
    bigger.bytes.set(this.bytes.subarray(0, this.used));
    bigger.used = this.used;
    bigger.count = this.count;
    bigger.hashes.set(this.hashes.subarray(0, this.count));
    bigger.starts.set(this.starts.subarray(0, this.count));
    bigger.lengths.set(this.lengths.subarray(0, this.count));
    const mask = (1 << bigger.bits) - 1;
    for (let n = 0; n < this.count; n++) {
      let slot = Math.imul(this.hashes[n], 0x9e3779b1) >>> (32 - bigger.bits);
      while (bigger.slots[slot] !== 0) slot = (slot + 1) & mask;
      bigger.slots[slot] = n + 1;
    }
    Object.assign(this, bigger);
  }
}

/** Days since 1970-01-01 of a YYYY-MM-DD date in b[from, to), or -1 when not one. */
function isoDay(b, from, to) {
  if (to - from !== 10 || b[from + 4] !== 45 || b[from + 7] !== 45) return -1;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = b[from + i] - 48;
    if (d >>> 0 > 9) return -1;
    year = year * 10 + d;
  }
  const m0 = b[from + 5] - 48,
    m1 = b[from + 6] - 48,
    d0 = b[from + 8] - 48,
    d1 = b[from + 9] - 48;
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return -1;
  const month = m0 * 10 + m1,
    day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return -1;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/**
 * Reads the referrals of a census's bytes: `scan(b, from, end)` reads whole tags from `from` and returns where it
 * stopped (the start of a tag that may be cut by the piece's end); the referrals are kept as arrays of strings.
 */
class CensusBytes {
  names = new Names();
  stack = new Int32Array(64);
  depth = 0;
  line = 1;
  afterStart = new Int32Array(4096).fill(-1);
  afterEnd = new Int32Array(4096).fill(-1);
  last = -1;
  lastWasEnd = false;
  inChildren = false;
  childId = '';
  referralDate = '';
  source = '';
  episodeLine = 0;
  ids = { LAchildID: -1, CINreferralDate: -1, ReferralSource: -1, CINdetails: -1, Children: -1 };
  records = { childId: [], referralDate: [], source: [], line: [] };
  children = new Numbering(20);
  sources = new Numbering(8);
  // Transitions: after the tag `last` (start or end), the white space and the next tag met last time, kept as
  // words (up to 64 bytes a slot) with what they do: matched whole, they are read without looking at each byte
  // again one by one (the bytes are the same as ones already checked).
  transLength = new Int32Array(8192);
  transWords = new Int32Array(8192 * 16);
  transNext = new Int32Array(8192);
  transEnd = new Uint8Array(8192);
  transLines = new Int32Array(8192);

  record(key, b, from, to, next, isEnd) {
    const length = to - from;
    if (length > 60) return;
    const base = key * 16;
    let lines = 0;
    for (let k = 0; k * 4 < length + 4; k++) {
      let word = 0;
      for (let j = 0; j < 4; j++) {
        const at = k * 4 + j;
        if (at < length) {
          word |= b[from + at] << (8 * j);
          if (b[from + at] === NEWLINE) lines++;
        }
      }
      this.transWords[base + k] = word;
    }
    this.transLength[key] = length;
    this.transNext[key] = next;
    this.transEnd[key] = isEnd ? 1 : 0;
    this.transLines[key] = lines;
  }

  /** Opens element `id`, its start tag on `line` (an episode's values cleared). */
  open(id, line) {
    if (id === this.ids.CINdetails) {
      this.episodeLine = line;
      this.referralDate = '';
      this.source = '';
    }
    this.stack[this.depth++] = id;
    if (this.depth >= 64) throw new Error('too deep for the sketch');
    this.last = id;
    this.lastWasEnd = false;
  }

  /** Keeps the referral of the episode just closed, and clears its values. */
  endEpisode() {
    const records = this.records;
    records.childId.push(this.childId);
    records.referralDate.push(this.referralDate);
    records.source.push(this.source);
    records.line.push(this.episodeLine);
    this.referralDate = '';
    this.source = '';
  }

  scan(b, view, from, end, final = false) {
    const names = this.names;
    const stack = this.stack;
    const ids = this.ids;
    let at = from;
    let line = this.line;
    const guard = final ? end : end - 256;
    const transLength = this.transLength;
    const transWords = this.transWords;
    for (;;) {
      const key = this.last < 0 ? -1 : this.last * 2 + (this.lastWasEnd ? 1 : 0);
      const tlen = key < 0 ? 0 : transLength[key];
      if (tlen > 0 && at + 68 <= guard) {
        const base = key * 16;
        const whole = tlen >> 2;
        let k = 0;
        while (k < whole && (view.getUint32(at + 4 * k, true) | 0) === transWords[base + k]) k++;
        const rest = tlen & 3;
        if (
          k === whole &&
          (rest === 0 ||
            (view.getUint32(at + 4 * whole, true) & ((1 << (8 * rest)) - 1)) === transWords[base + whole])
        ) {
          const id = this.transNext[key];
          if (this.transEnd[key] === 1) {
            if (stack[this.depth - 1] === id) {
              line += this.transLines[key];
              if (id === ids.CINdetails) this.endEpisode();
              this.depth--;
              this.last = id;
              this.lastWasEnd = true;
              at += tlen;
              continue;
            }
          } else {
            line += this.transLines[key];
            this.open(id, line);
            at += tlen;
            continue;
          }
        }
      }
      // Text up to the next tag: lines counted, white space only or a leaf's value.
      const textStart = at;
      let blank = true;
      if (b[at] === NEWLINE) {
        line++;
        at++;
      }
      while (at + 4 <= end && view.getUint32(at, true) === SPACES) at += 4;
      for (; at < end; at++) {
        const code = b[at];
        if (code === LT) break;
        if (code === NEWLINE) line++;
        else if (code > 32) {
          if (code === AMPERSAND) throw new Error('a "&": handed back');
          blank = false;
        }
      }
      if (at >= guard) {
        this.line = line;
        return textStart;
      }
      if (b[at + 1] === SLASH) {
        const id = stack[this.depth - 1];
        const nameAt = at + 2;
        const length = names.lengthOf[id];
        if (!sameName(names, id, view, nameAt))
          throw new Error(`line ${line}: an end tag that does not match`);
        // A leaf: the tag before was its own start tag.
        const leaf = this.last === id && !this.lastWasEnd;
        if (!leaf && !blank) throw new Error(`line ${line}: text beside elements`);
        if (leaf && NUMBERED) {
          if (id === ids.LAchildID || id === ids.CINreferralDate || id === ids.ReferralSource) {
            // The value without the white space around it.
            let from = textStart;
            let to = at;
            while (from < to && b[from] <= 32) from++;
            while (to > from && b[to - 1] <= 32) to--;
            if (id === ids.LAchildID) this.childId = this.children.number(b, from, to);
            else if (id === ids.CINreferralDate) this.referralDate = isoDay(b, from, to);
            else this.source = this.sources.number(b, from, to);
          }
        } else if (leaf) {
          if (id === ids.LAchildID) this.childId = b.latin1Slice(textStart, at).trim();
          else if (id === ids.CINreferralDate) this.referralDate = b.latin1Slice(textStart, at).trim();
          else if (id === ids.ReferralSource) this.source = b.latin1Slice(textStart, at).trim();
        }
        if (id === ids.CINdetails) this.endEpisode();
        this.depth--;
        this.last = id;
        this.lastWasEnd = true;
        at = nameAt + length + 1;
        if (!leaf && key >= 0) this.record(key, b, textStart, at, id, true);
        continue;
      }
      if (!blank) throw new Error(`line ${line}: text beside elements`);
      if (b[at + 1] === 63 || b[at + 1] === 33) {
        // The declaration (or a comment) before the root: skipped to its `>`.
        at = b.indexOf(GT, at) + 1;
        continue;
      }
      // A start tag: the name guessed from the tag before, else found.
      const nameAt = at + 1;
      const guess =
        this.last < 0 ? -1 : this.lastWasEnd ? this.afterEnd[this.last] : this.afterStart[this.last];
      let id;
      if (guess >= 0 && sameName(names, guess, view, nameAt)) id = guess;
      else {
        let nameEnd = nameAt;
        while (b[nameEnd] !== GT) {
          const code = b[nameEnd];
          if (code <= 32 || code === SLASH || code === 58 || code > 127)
            throw new Error(`line ${line}: a tag the sketch does not read`);
          nameEnd++;
        }
        id = names.find(b, nameAt, nameEnd);
        if (this.last >= 0) (this.lastWasEnd ? this.afterEnd : this.afterStart)[this.last] = id;
        const text = names.texts[id];
        if (text in ids && ids[text] < 0) ids[text] = id;
      }
      this.open(id, line);
      at = nameAt + names.lengthOf[id] + 1;
      if (key >= 0) this.record(key, b, textStart, at, id, false);
    }
  }
}

/**
 * Reads the census at `path` from byte `from` (0, or the start of a record inside the container, the reader then
 * opened inside `Message` and `Children`) to byte `to` (where the bytes read stop counting; the end, or the start
 * of a record), hashing the whole file as it reads it when `hashing` (the bytes past `to` read for the hash only).
 * @returns the reader, its referrals in `records`, and its depth where it stopped.
 */
function readCensus(path, from, to, hashing) {
  const hash = hashing ? createHash('sha256') : undefined;
  if (hash !== undefined && from > 0) throw new Error('the hash is made from the first byte');
  const fd = openSync(path, 'r');
  const reader = new CensusBytes();
  if (from > 0) {
    const opened = Buffer.from('Message  Children');
    reader.stack[reader.depth++] = reader.names.find(opened, 0, 7);
    reader.stack[reader.depth++] = reader.names.find(opened, 9, 17);
  }
  let work = Buffer.allocUnsafe(1 << 17);
  let view = new DataView(work.buffer, work.byteOffset, work.byteLength);
  let kept = 0;
  // Where the bytes in the buffer start in the file.
  let at = from;
  for (;;) {
    if (work.length - kept < 1 << 16) {
      const grown = Buffer.allocUnsafe(work.length * 2);
      work.copy(grown, 0, 0, kept);
      work = grown;
      view = new DataView(work.buffer, work.byteOffset, work.byteLength);
    }
    const read = readSync(fd, work, kept, 1 << 16, at + kept);
    if (read === 0) break;
    hash?.update(work.subarray(kept, kept + read));
    const end = kept + read;
    if (at >= to) {
      at += end;
      kept = 0;
      continue;
    }
    const stopped =
      at + end <= to ? reader.scan(work, view, 0, end) : reader.scan(work, view, 0, to - at, true);
    if (at + end > to) {
      // The bytes past `to` are only hashed.
      at += end;
      kept = 0;
      if (hash === undefined) break;
      continue;
    }
    work.copy(work, 0, stopped, end);
    kept = end - stopped;
    at += stopped;
  }
  closeSync(fd);
  if (at < to) reader.scan(work, view, 0, kept, true);
  hash?.digest('hex');
  return reader;
}

/**
 * Reads the census at `path` as the sketch does, on one thread or two (`threads` 2: a worker thread reads the
 * last part of the file, about `share` of it, while this one hashes the whole file and reads the rest; the worker's
 * strings come back as one string a field, cut again here). The cut is at the first `<Child>` past 1 − `share` of
 * the file: a sketch's cut, which a reader would have to prove is a record's start (not in a comment or CDATA), as
 * this thread checks that it stopped inside `Children`. `numbered` (one thread only) keeps numbers, not strings.
 * @returns the number of referrals read.
 */
export async function censusBytesReferrals(path, threads = 1, share = 0.5, numbered = false) {
  if (numbered && threads === 2) throw new Error('the numbered sketch reads on one thread only');
  NUMBERED = numbered;
  if (threads !== 2) return readCensus(path, 0, Number.POSITIVE_INFINITY, true).records.childId.length;
  // The first `<Child>` past 1 − share of the file.
  const cut = cutAt(path, share, '<Child>', 0);
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { path, from: cut, origin: performance.timeOrigin },
  });
  const second = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const T = (what) =>
    process.env.SKETCH_DEBUG && process.stderr.write(`${what} ${performance.now().toFixed(0)}\n`);
  T('worker asked');
  const first = readCensus(path, 0, cut, true);
  T('main read');
  if (first.depth !== 2) throw new Error('the cut is not between two records');
  const theirs = await second;
  T('worker message');
  await worker.terminate();
  T('worker ended');
  // The worker's records kept as a second part of each column (a columns design holds parts; no copy into one).
  const lines = first.line - 1;
  const parts = [
    first.records,
    {
      childId: theirs.childId.split('\n'),
      referralDate: theirs.referralDate.split('\n'),
      source: theirs.source.split('\n'),
      line: theirs.line.map((line) => lines + line),
    },
  ];
  const count = parts[0].childId.length + parts[1].childId.length;
  T('joined');
  return count;
}

// As the second thread: the records from `from` to the end, sent back as one string a field and the lines.
if (!isMainThread && workerData?.from !== undefined) {
  if (process.env.SKETCH_DEBUG)
    process.stderr.write(
      `worker starts ${(performance.timeOrigin + performance.now() - workerData.origin).toFixed(0)}\n`,
    );
  const { records } = readCensus(workerData.path, workerData.from, Number.POSITIVE_INFINITY, false);
  if (process.env.SKETCH_DEBUG)
    process.stderr.write(
      `worker read ${(performance.timeOrigin + performance.now() - workerData.origin).toFixed(0)}\n`,
    );
  const line = Float64Array.from(records.line);
  parentPort.postMessage(
    {
      childId: records.childId.join('\n'),
      referralDate: records.referralDate.join('\n'),
      source: records.source.join('\n'),
      line,
    },
    [line.buffer],
  );
}
