// A sketch, not the library's reader: how fast a census reader that works on the file's bytes, before any decoding,
// could read the referrals of the bench's CIN census on one thread. It reads the file as the CLI does (64 KiB
// pieces by readSync, each hashed), matches every tag of the records' container (each end tag against its start
// tag, names compared four bytes at a time with DataView words, the next start tag's name guessed from the tag
// before it and checked whole), counts lines, refuses a bare "&" and text beside child elements, and keeps each
// referral's child id, date and source as strings, with the line of its `CINdetails`. It does nothing else: no
// decoding (the bytes must be ASCII), no entity, comment, CDATA, attribute or prefix (each would be handed back), no
// shape, check or indicator. So it is a lower bound on a byte-level census lane, not a reader (docs/performance.md,
// "What limits it", goal 3). Prints the referrals read.
//
//   node scripts/bench/measure.mjs census-bytes CENSUS.xml
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const LT = 60;
const GT = 62;
const SLASH = 47;
const AMPERSAND = 38;
const NEWLINE = 10;
const SPACES = 0x20202020;

/** The element names met, each kept as bytes in one buffer read by words, and found by the hash of its bytes. */
class Names {
  bytes = new Uint8Array(1 << 16);
  view = new DataView(this.bytes.buffer);
  used = 0;
  starts = [];
  lengths = [];
  texts = [];
  byHash = new Map();

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
    this.starts.push(this.used);
    this.lengths.push(to - from);
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
  const nameView = names.view;
  const start = names.starts[id];
  const length = names.lengths[id];
  let k = 0;
  for (; k + 4 <= length; k += 4)
    if (view.getUint32(at + k, true) !== nameView.getUint32(start + k, true)) return false;
  for (; k < length; k++) if (view.getUint8(at + k) !== names.bytes[start + k]) return false;
  return true;
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

  scan(b, view, from, end, final = false) {
    const names = this.names;
    const stack = this.stack;
    const ids = this.ids;
    let at = from;
    let line = this.line;
    const guard = final ? end : end - 256;
    for (;;) {
      // Text up to the next tag: lines counted, white space only or a leaf's value.
      const textStart = at;
      let blank = true;
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
        const length = names.lengths[id];
        if (!sameName(names, id, view, nameAt) || b[nameAt + length] !== GT)
          throw new Error(`line ${line}: an end tag that does not match`);
        // A leaf: the tag before was its own start tag.
        const leaf = this.last === id && !this.lastWasEnd;
        if (!leaf && !blank) throw new Error(`line ${line}: text beside elements`);
        if (leaf) {
          if (id === ids.LAchildID) this.childId = b.latin1Slice(textStart, at).trim();
          else if (id === ids.CINreferralDate) this.referralDate = b.latin1Slice(textStart, at).trim();
          else if (id === ids.ReferralSource) this.source = b.latin1Slice(textStart, at).trim();
        }
        if (id === ids.CINdetails) {
          const records = this.records;
          records.childId.push(this.childId);
          records.referralDate.push(this.referralDate);
          records.source.push(this.source);
          records.line.push(this.episodeLine);
          this.referralDate = '';
          this.source = '';
        }
        this.depth--;
        this.last = id;
        this.lastWasEnd = true;
        at = nameAt + length + 1;
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
      if (guess >= 0 && sameName(names, guess, view, nameAt) && b[nameAt + names.lengths[guess]] === GT)
        id = guess;
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
      if (id === ids.CINdetails) {
        this.episodeLine = line;
        this.referralDate = '';
        this.source = '';
      }
      stack[this.depth++] = id;
      if (this.depth >= 64) throw new Error('too deep for the sketch');
      this.last = id;
      this.lastWasEnd = false;
      at = nameAt + names.lengths[id] + 1;
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

/** Where the second thread starts: the first record's start tag at or past the middle of the file. */
function middleRecord(path) {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  const probe = Buffer.alloc(1 << 16);
  const read = readSync(fd, probe, 0, probe.length, Math.floor(size / 2));
  closeSync(fd);
  const start = probe.subarray(0, read).indexOf('<Child>');
  return start < 0 ? size : Math.floor(size / 2) + start;
}

/**
 * Reads the census at `path` as the sketch does, on one thread or two (`threads` 2: a worker thread reads the
 * records of the second half of the file while this one hashes the whole file and reads the first half; the
 * worker's strings come back as one string a field, cut again here). The cut is at the first `<Child>` past the
 * middle: a sketch's cut, which a reader would have to prove is a record's start (not in a comment or CDATA), as
 * this thread checks that it stopped inside `Children`.
 * @returns the number of referrals read.
 */
export async function censusBytesReferrals(path, threads = 1) {
  if (threads !== 2) return readCensus(path, 0, Number.POSITIVE_INFINITY, true).records.childId.length;
  const cut = middleRecord(path);
  const worker = new Worker(new URL(import.meta.url), { workerData: { path, from: cut } });
  const second = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const first = readCensus(path, 0, cut, true);
  if (first.depth !== 2) throw new Error('the cut is not between two records');
  const theirs = await second;
  await worker.terminate();
  const records = first.records;
  const lines = first.line - 1;
  for (const name of ['childId', 'referralDate', 'source']) {
    for (const value of theirs[name].split('\n')) records[name].push(value);
  }
  for (const line of theirs.line) records.line.push(lines + line);
  return records.childId.length;
}

// As the second thread: the records from `from` to the end, sent back as one string a field and the lines.
if (!isMainThread && workerData?.from !== undefined) {
  const { records } = readCensus(workerData.path, workerData.from, Number.POSITIVE_INFINITY, false);
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
