import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSource } from '../../src/node/source.js';
import { kindLayout } from '../../src/records/index.js';
import { readRecordsSource } from '../../src/records/read-source.js';

const dir = mkdtempSync(join(tmpdir(), 'csi-thread-closed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SLAB = 1024 * 1024;

/** Waits `ms` milliseconds (the thread starts meanwhile). */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fileSource on a worker thread, a handle closed part-way and its number given to a shorter file', () => {
  it('fails as the main thread’s read does, rather than end early, when the handle’s number goes to a shorter file', async () => {
    // The main thread reads the first piece itself (the thread not yet started); the handle is then closed and its
    // number given to an empty file. Read on the main thread, the next piece fails (EBADF). Read with the thread, the
    // thread is told to read on from 64 KiB by the descriptor's number, reads the empty file's end (0 bytes) and
    // sends its hash: `slabs()` asks `isOpen` of each slab but not of the end, so the read ends without an error,
    // 64 KiB of a 12 MiB file given, with a hash (of those 64 KiB) — a truncated file taken as whole.
    const first = join(dir, 'first.bin');
    const empty = join(dir, 'empty.bin');
    writeFileSync(first, new Uint8Array(12 * SLAB).fill(65));
    writeFileSync(empty, new Uint8Array(0));
    for (const threadFromBytes of [Number.POSITIVE_INFINITY, 0]) {
      const handle = await open(first);
      const fd = handle.fd;
      const source = fileSource(handle, first, { size: 12 * SLAB, threadFromBytes });
      const pieces = source.chunks()[Symbol.asyncIterator]();
      let bytes = 0;
      const piece = await pieces.next();
      if (piece.done !== true) bytes += piece.value.length;
      // The thread has started meanwhile (its own descriptors taken), so that the empty file gets the handle's number.
      await pause(100);
      await handle.close();
      const reopened = await open(empty);
      try {
        expect(reopened.fd).toBe(fd);
        await pause(500);
        let failure: unknown;
        try {
          for (;;) {
            const next = await pieces.next();
            if (next.done === true) break;
            bytes += next.value.length;
          }
        } catch (error) {
          failure = error;
        }
        expect({ threadFromBytes, failure }).toMatchObject({ threadFromBytes, failure: { code: 'EBADF' } });
        expect(source.sha256?.()).toBeUndefined();
        // The first piece only, either way.
        expect(bytes).toBe(64 * 1024);
      } finally {
        await reopened.close();
      }
    }
  });

  it('gives no records of a file cut short by a handle closed part-way (through the reader)', async () => {
    // The same, through readRecordsSource: the handle closed after the first piece (the stages' first write), its
    // number given to an empty file. The reader must fail (as it does on the main thread), not give a result of the
    // first 64 KiB's rows with a hash of them.
    const lines = ['id,childId,referralDate'];
    for (let row = 0; row < 400_000; row++) lines.push(`R${row},C${row % 9000},2010-04-15`);
    const text = `${lines.join('\n')}\n`;
    const path = join(dir, 'referrals.csv');
    writeFileSync(path, text);
    const empty = join(dir, 'empty-2.bin');
    writeFileSync(empty, new Uint8Array(0));
    for (const threadFromBytes of [Number.POSITIVE_INFINITY, 0]) {
      const handle = await open(path);
      const inner = fileSource(handle, path, { size: Buffer.byteLength(text), threadFromBytes });
      let reopened: Awaited<ReturnType<typeof open>> | undefined;
      // A source that closes the handle after its first piece and opens another file (which takes the number).
      const source = {
        ...inner,
        async *chunks() {
          let first = true;
          for await (const piece of inner.chunks()) {
            yield piece;
            if (first) {
              first = false;
              await pause(100);
              await handle.close();
              reopened = await open(empty);
              await pause(500);
            }
          }
        },
      };
      try {
        await expect(
          readRecordsSource('referral', source, 'csv', kindLayout('referral'), {}),
          `threadFromBytes ${threadFromBytes}`,
        ).rejects.toMatchObject({ code: 'EBADF' });
      } finally {
        await reopened?.close();
      }
    }
  });
});
