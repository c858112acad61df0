import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ThreadRead } from '../../src/node/read-thread.js';
import { fileSource, fileSourceWith } from '../../src/node/source.js';
import { cinCensusKinds } from '../../src/presets/cin-census.js';
import type { ByteSource } from '../../src/records/stages.js';
import { ATTRIBUTES } from '../../src/records/tokenize-xml.js';
import type { ScannedPiece, XmlScanningSource } from '../../src/records/xml-scan.js';
import { changes, child, space } from '../helpers/census-arbitrary.js';
import { censusOutcome } from '../helpers/census-read.js';
import { cutAt } from '../helpers/pieces.js';

const dir = mkdtempSync(join(tmpdir(), 'csi-thread-census-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SLAB = 1024 * 1024;
const PIECE = 64 * 1024;

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * A census of one to about two and a half slabs: the generated children (test/helpers/census-arbitrary.ts) written
 * again and again to the size drawn, so that tags, names and texts fall across the thread's slabs (1 MiB) at every
 * sort of place; in some, one change the byte lane does not read (or that breaks the file) put at a place drawn, or
 * the file cut short there.
 */
const bigCensus = fc
  .tuple(
    fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8"?>\n'),
    fc.array(fc.tuple(space, child), { minLength: 1, maxLength: 6 }),
    fc.integer({ min: SLAB - 4096, max: (5 * SLAB) / 2 }),
    // A file cut short as often as one changed: the end of a file is the scan's own (its last piece).
    fc.option(fc.tuple(fc.oneof(fc.constantFrom(...changes), fc.constant('cut')), fc.nat()), { freq: 2 }),
  )
  .map(([declaration, children, size, change]) => {
    const unit = children.map(([before, c]) => before + c).join('');
    const body = unit.repeat(Math.ceil(size / unit.length));
    const text = `${declaration}<Message>\n  <Header><Collection>CIN</Collection></Header>\n  <Children>${body}\n  </Children>\n</Message>\n`;
    if (change === null) return text;
    const [what, at] = change;
    const place = at % (text.length + 1);
    return what === 'cut' ? text.slice(0, place) : text.slice(0, place) + what + text.slice(place);
  });

/** The source, its scans counted, and how many of the pieces they gave carried a tape. */
function counted(source: ByteSource & Partial<XmlScanningSource>) {
  const seen = { scans: 0, taped: 0 };
  const scanXml = source.scanXml;
  const spied: ByteSource & Partial<XmlScanningSource> = {
    name: source.name,
    rereadable: source.rereadable ?? false,
    chunks: () => source.chunks(),
    ...(source.sha256 === undefined ? {} : { sha256: source.sha256 }),
    ...(scanXml === undefined
      ? {}
      : {
          scanXml: (attributes: RegExp) => {
            seen.scans++;
            const pieces = scanXml(attributes);
            if (pieces === undefined) return undefined;
            return (async function* () {
              for await (const piece of pieces) {
                if (piece.parts.length > 0) seen.taped++;
                yield piece;
              }
            })();
          },
        }),
  };
  return { spied, seen };
}

describe('a census scanned on the thread that reads it', () => {
  it('gives exactly what the census byte lane on the main thread gives, and the general path, or hands back alike', async () => {
    // The census read from a file on the reading thread (threshold 0), which scans it there and gives the main thread
    // its tapes, against the same bytes given in 64 KiB pieces from memory (the byte lane scanning on the main
    // thread) and against the general path (decoded and tokenized): the whole outcome (records, rows, lines, issues,
    // accounting, the input's hash: the thread's for the first, the reader's own for the others; or the strict
    // mode's error) and what the byte lane did (read the file, or handed it back and why) the same. Both must be
    // seen: a file read from its tapes, and one handed back.
    let readFromTapes = 0;
    let handedBack = 0;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        bigCensus,
        fc.constantFrom(...cinCensusKinds),
        fc.boolean(),
        async (text, kind, strict) => {
          const bytes = new TextEncoder().encode(text);
          const path = join(dir, `census-${run++}.xml`);
          writeFileSync(path, bytes);
          const handle = await open(path);
          try {
            const { spied, seen } = counted(
              fileSource(handle, 'census.xml', { size: bytes.length, threadFromBytes: 0 }),
            );
            const told: { thread: string[]; main: string[] } = { thread: [], main: [] };
            const thread = await censusOutcome(kind, spied, 'auto', strict, {
              onBytes: (why) => told.thread.push(why),
            });
            const pieces = cutAt(
              bytes,
              Array.from({ length: Math.floor(bytes.length / PIECE) }, (_, k) => (k + 1) * PIECE),
            );
            const main = await censusOutcome(kind, pieces, 'auto', strict, {
              onBytes: (why) => told.main.push(why),
            });
            const general = await censusOutcome(kind, pieces, 'general', strict, {});
            expect(seen.scans).toBe(1);
            expect(told.thread).toEqual(told.main);
            expect(thread).toStrictEqual(main);
            expect(main).toStrictEqual(general);
            if ('result' in thread && thread.result !== undefined)
              expect(thread.result.input.sha256).toBe(sha256Of(bytes));
            if (told.thread.includes('')) {
              readFromTapes++;
              // Read whole from the thread's tapes: a piece a slab, each with its tape (not a piece each 64 KiB,
              // as the file read and scanned here would give).
              expect(seen.taped).toBeGreaterThanOrEqual(Math.floor(bytes.length / SLAB));
              expect(seen.taped).toBeLessThanOrEqual(Math.ceil(bytes.length / SLAB) + 1);
            } else handedBack++;
          } finally {
            await handle.close();
          }
        },
      ),
      { numRuns: 14 },
    );
    expect(readFromTapes).toBeGreaterThan(2);
    expect(handedBack).toBeGreaterThan(2);
  });

  it('reads a census of many slabs the same as the main thread’s lane', async () => {
    // 12 MiB of generated children with every kind of value (three times the 4 slabs the thread may read ahead, so
    // that it waits for the main thread as it reads): the records, lines and hash read from the thread's tapes are
    // those of the main thread's lane over the same bytes.
    const unit = fc
      .sample(fc.array(fc.tuple(space, child), { minLength: 20, maxLength: 20 }), { numRuns: 1, seed: 7 })[0]
      ?.map(([before, c]) => before + c)
      .join('') as string;
    let body = '';
    for (let k = 0; body.length < 12 * SLAB; k++) body += unit.replaceAll('<LAchildID>C', `<LAchildID>${k}C`);
    const bytes = new TextEncoder().encode(`<Message><Children>${body}</Children></Message>\n`);
    const path = join(dir, 'many-slabs.xml');
    writeFileSync(path, bytes);
    const handle = await open(path);
    try {
      const { spied, seen } = counted(
        fileSource(handle, 'census.xml', { size: bytes.length, threadFromBytes: 0 }),
      );
      const told: string[] = [];
      const thread = await censusOutcome('referral', spied, 'auto', false, {
        onBytes: (why) => told.push(why),
      });
      const pieces = cutAt(
        bytes,
        Array.from({ length: Math.floor(bytes.length / PIECE) }, (_, k) => (k + 1) * PIECE),
      );
      const main = await censusOutcome('referral', pieces, 'auto', false, {});
      expect(told).toEqual(['']);
      expect(seen.taped).toBeGreaterThanOrEqual(12);
      expect(seen.taped).toBeLessThanOrEqual(14);
      expect(thread).toStrictEqual(main);
      expect((thread as { result: { records: unknown[] } }).result.records.length).toBeGreaterThan(1000);
    } finally {
      await handle.close();
    }
  });

  it('scans the file here when the thread fails before it gives anything, and fails when it fails after', async () => {
    // A thread whose scan fails (ERR_READ_THREAD) before its first piece: the file is read, hashed and scanned on the
    // main thread instead, and gives the records the lane gives from memory. One that fails after a piece: the read
    // fails with its error rather than give the records of part of the file.
    const body = Array.from(
      { length: 20_000 },
      (_, k) =>
        `<Child><ChildIdentifiers><LAchildID>C${k % 7000}</LAchildID></ChildIdentifiers><CINdetails><CINreferralDate>2010-0${1 + (k % 9)}-15</CINreferralDate><ReferralSource>1A</ReferralSource></CINdetails></Child>\n`,
    ).join('');
    const text = `<Message><Children>\n${body}</Children></Message>\n`;
    const bytes = new TextEncoder().encode(text);
    const path = join(dir, 'failing.xml');
    writeFileSync(path, bytes);
    const handle = await open(path);
    const failure = Object.assign(new Error('the thread reading the file failed'), {
      code: 'ERR_READ_THREAD',
      syscall: 'read',
    });
    const failing = (piecesFirst: number): ThreadRead => ({
      ready: () => true,
      hashFirst: () => {},
      // biome-ignore lint/correctness/useYield: a thread that only scans
      slabs: async function* () {
        throw new Error('not asked');
      },
      scans: async function* (): AsyncGenerator<ScannedPiece, void, undefined> {
        for (let k = 0; k < piecesFirst; k++) yield { names: [], parts: [] };
        throw failure;
      },
      stop: async () => {},
      sha256: () => undefined,
    });
    try {
      const main = await censusOutcome('referral', [bytes], 'auto', false, {});
      const size = bytes.length;
      const told: string[] = [];
      const recovered = fileSourceWith(handle, 'census.xml', { size, threadFromBytes: 0 }, () => failing(0));
      const outcome = await censusOutcome('referral', recovered, 'auto', false, {
        onBytes: (why) => told.push(why),
      });
      expect(told).toEqual(['']);
      expect(outcome).toStrictEqual(main);
      expect((outcome as { result: { records: unknown[] } }).result.records).toHaveLength(20_000);
      expect(recovered.sha256?.()).toBe(sha256Of(bytes));
      const failed = fileSourceWith(handle, 'census.xml', { size, threadFromBytes: 0 }, () => failing(1));
      await expect(censusOutcome('referral', failed, 'auto', false, {})).rejects.toMatchObject({
        code: 'ERR_READ_THREAD',
      });
    } finally {
      await handle.close();
    }
  });

  it('gives its pieces in order, the names each meets first, and ends with the last or a hand-back', async () => {
    // The thread's pieces for a census of three slabs and a part: their names are each element name once, in the
    // order met (Message, Children, Child, LAchildID); every piece but the last has a tape; the last is `last`. A
    // file with an `&` in its third slab: the piece that scanned it is handed back, naming it.
    const body = '<Child><LAchildID>C1</LAchildID></Child>\n'.repeat(90_000);
    const text = `<Message><Children>\n${body}</Children></Message>\n`;
    const write = (name: string, content: string) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    };
    const plain = write('plain.xml', text);
    // After a line's end, in the third slab: in a text, between two children.
    const at = text.indexOf('\n', 2 * SLAB + 5000) + 1;
    const withAmpersand = write('ampersand.xml', `${text.slice(0, at)}&amp;${text.slice(at)}`);
    const scan = async (path: string) => {
      const handle = await open(path);
      try {
        const size = (await handle.stat()).size;
        const source = fileSource(handle, path, { size, threadFromBytes: 0 }) as ByteSource &
          XmlScanningSource;
        const pieces: ScannedPiece[] = [];
        for await (const piece of source.scanXml(ATTRIBUTES) ?? []) pieces.push(piece);
        return { pieces, sha256: source.sha256?.(), size };
      } finally {
        await handle.close();
      }
    };
    const { pieces, sha256, size } = await scan(plain);
    expect(pieces.length).toBe(Math.ceil(size / SLAB) + 1);
    expect(pieces.flatMap((piece) => piece.names)).toEqual(['Message', 'Children', 'Child', 'LAchildID']);
    expect(pieces.slice(0, -1).every((piece) => piece.parts.length > 0)).toBe(true);
    expect(pieces.at(-1)?.last).toBe(true);
    expect(pieces.filter((piece) => piece.last === true || piece.handedBack !== undefined)).toHaveLength(1);
    expect(sha256).toBe(sha256Of(new TextEncoder().encode(text)));
    const handed = await scan(withAmpersand);
    const stopped = handed.pieces.findIndex((piece) => piece.handedBack !== undefined);
    expect(stopped).toBe(2);
    expect(handed.pieces[stopped]?.handedBack).toBe('an "&"');
    expect(handed.pieces.some((piece) => piece.last === true)).toBe(false);
    // Cut short inside a child, and after the root element's end but for a word: the last piece says so, where the
    // scan met the end of the file.
    for (const [name, content, why] of [
      ['cut.xml', text.slice(0, text.indexOf('\n', 3 * SLAB) + 1), 'the file ends inside an element'],
      ['after.xml', `${text}x`, 'text outside the root element'],
      ['inside-tag.xml', `${text}<`, 'the file ends inside a tag'],
    ] as const) {
      const cut = await scan(write(name, content));
      expect(cut.pieces.at(-1)?.handedBack).toBe(why);
      expect(cut.pieces.slice(0, -1).every((piece) => piece.handedBack === undefined)).toBe(true);
    }
  });
});

// Found by an adversarial review of the scan on the thread (review21): a source made by spreading the file source
// kept its scan (and its hash) of the file's own bytes, and a long text was handed back or not by the size of the
// pieces scanned. The third test held.
describe('a census scanned on the thread that reads it, as a review found it', () => {
  /** A child of the referral kind, its id given. */
  const referralChild = (id: string) =>
    `<Child><ChildIdentifiers><LAchildID>${id}</LAchildID></ChildIdentifiers><CINdetails><CINreferralDate>2010-05-01</CINreferralDate><ReferralSource>1A</ReferralSource></CINdetails></Child>\n`;
  const censusOf = (count: number, id: (k: number) => string) =>
    `<Message><Children>\n${Array.from({ length: count }, (_, k) => referralChild(id(k))).join('')}</Children></Message>\n`;
  const ids = (outcome: unknown) =>
    (outcome as { result: { records: { childId: string }[] } }).result.records
      .slice(0, 3)
      .map((r) => r.childId);

  it('reads a source made by spreading the file source from its own chunks(), and hashes what they give', async () => {
    // A caller's source over a file: the file source's members spread and chunks() of its own, which counts the
    // bytes read (for a progress bar) and gives the census with each id corrected on the way (the same length). The
    // reader reads what chunks() gives (ByteSource's contract): the corrected ids C0, C1, C2, not the file's X0, X1,
    // X2, and the hash of the bytes given, not the file's (the file source's scan and hash are not enumerable, so
    // a spread does not keep them).
    const onDisk = censusOf(20_000, (k) => `X${k % 5000}`);
    const given = censusOf(20_000, (k) => `C${k % 5000}`);
    const path = join(dir, 'wrapped.xml');
    writeFileSync(path, onDisk);
    const handle = await open(path);
    try {
      const inner = fileSource(handle, 'census.xml', { size: Buffer.byteLength(onDisk), threadFromBytes: 0 });
      let bytesSeen = 0;
      const givenBytes = new TextEncoder().encode(given);
      const wrapped: ByteSource = {
        ...inner,
        async *chunks() {
          for await (const chunk of inner.chunks()) bytesSeen += chunk.length;
          for (let at = 0; at < givenBytes.length; at += PIECE) yield givenBytes.subarray(at, at + PIECE);
        },
      };
      expect(Object.keys(wrapped).sort()).toEqual(['chunks', 'name', 'rereadable']);
      const outcome = await censusOutcome('referral', wrapped, 'auto', false, {});
      const expected = await censusOutcome('referral', [givenBytes], 'auto', false, {});
      expect(ids(outcome)).toEqual(['C0', 'C1', 'C2']);
      expect(outcome).toStrictEqual(expected);
      expect((outcome as { result: { input: { sha256: string } } }).result.input.sha256).toBe(
        sha256Of(givenBytes),
      );
      expect(bytesSeen).toBe(Buffer.byteLength(onDisk));
    } finally {
      await handle.close();
    }
  });

  it('hands back a text longer than it waits for as the main thread does, wherever the slabs fall', async () => {
    // A child whose unread element holds a text of 1.2 MiB starting half a slab in: the lane waits for a run of text
    // of up to 1 MiB across the pieces it is given, so on the main thread (64 KiB pieces) it hands the file back
    // ("a text or tag longer than it waits for"). The thread scans its 1 MiB slabs in the same 64 KiB pieces, and so
    // hands it back too: the same outcome, and the same account of what the byte lane did.
    let head = '<Message><Children>\n';
    let k = 0;
    while (head.length < SLAB / 2) head += referralChild(`C${k++}`);
    const long = `<Child><ChildIdentifiers><LAchildID>L</LAchildID></ChildIdentifiers><Extra>${'x'.repeat(1.2 * SLAB)}</Extra></Child>\n`;
    let tail = '';
    for (let j = 0; j < 2000; j++) tail += referralChild(`C${k++}`);
    const bytes = new TextEncoder().encode(`${head}${long}${tail}</Children></Message>\n`);
    const path = join(dir, 'long.xml');
    writeFileSync(path, bytes);
    const handle = await open(path);
    try {
      const told = { thread: [] as string[], main: [] as string[] };
      const thread = await censusOutcome(
        'referral',
        fileSource(handle, 'census.xml', { size: bytes.length, threadFromBytes: 0 }),
        'auto',
        false,
        { onBytes: (why) => told.thread.push(why) },
      );
      const pieces = cutAt(
        bytes,
        Array.from({ length: Math.floor(bytes.length / PIECE) }, (_, j) => (j + 1) * PIECE),
      );
      const main = await censusOutcome('referral', pieces, 'auto', false, {
        onBytes: (why) => told.main.push(why),
      });
      expect(told.main).toEqual(['the census byte lane: a text or tag longer than it waits for']);
      expect(told.thread).toEqual(told.main);
      expect(thread).toStrictEqual(main);
    } finally {
      await handle.close();
    }
  });

  for (const other of ['an empty file', 'a complete census'] as const) {
    it(`fails (EBADF) when the handle is closed after the first piece and its number given to ${other}`, async () => {
      // The handle closed once the first scanned piece is taken, and its number given to another file at once: the
      // thread's next slab (or its end) is not taken, and the read fails as the main thread's would, never giving
      // the records of part of the file, nor the other file's.
      const text = censusOf(60_000, (k) => `C${k}`);
      const path = join(dir, 'closed.xml');
      writeFileSync(path, text);
      const otherPath = join(dir, `other-${other.replaceAll(' ', '-')}.xml`);
      writeFileSync(otherPath, other === 'an empty file' ? '' : '<Message><Children></Children></Message>\n');
      const handle = await open(path);
      const inner = fileSource(handle, 'census.xml', {
        size: Buffer.byteLength(text),
        threadFromBytes: 0,
      }) as ByteSource & XmlScanningSource;
      let reopened: Awaited<ReturnType<typeof open>> | undefined;
      let scans = 0;
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const source: ByteSource & XmlScanningSource = {
        name: inner.name,
        rereadable: true,
        chunks: () => inner.chunks(),
        sha256: () => inner.sha256?.(),
        scanXml(attributes: RegExp) {
          scans++;
          const pieces = inner.scanXml(attributes);
          if (pieces === undefined) return undefined;
          return (async function* (): AsyncGenerator<ScannedPiece> {
            let first = true;
            for await (const piece of pieces) {
              yield piece;
              if (first) {
                first = false;
                await pause(50);
                await handle.close();
                reopened = await open(otherPath);
                await pause(300);
              }
            }
          })();
        },
      };
      try {
        await expect(censusOutcome('referral', source, 'auto', false, {})).rejects.toMatchObject({
          code: 'EBADF',
        });
        expect(scans).toBe(1);
      } finally {
        await reopened?.close();
      }
    });
  }
});
