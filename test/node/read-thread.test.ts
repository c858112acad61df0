import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readOnThread, type ThreadRead } from '../../src/node/read-thread.js';
import { fileSource, fileSourceWith, nodeSha256 } from '../../src/node/source.js';
import { kindLayout } from '../../src/records/index.js';
import { readRecordsSource } from '../../src/records/read-source.js';
import { piecesOf } from '../helpers/pieces.js';

const dir = mkdtempSync(join(tmpdir(), 'csi-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PIECE = 64 * 1024;
const SLAB = 1024 * 1024;

/** A file of `size` bytes that differ from place to place (a piece or a slab out of order would show). */
function writeBytes(name: string, size: number, seed = 0): { path: string; bytes: Uint8Array } {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at++) bytes[at] = (at * 31 + seed + (at >> 10)) & 255;
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, bytes };
}

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('fileSource on a worker thread', () => {
  it('gives the pieces the main thread’s read gives, and the hash of the file’s bytes, as often as asked', async () => {
    // Sizes around the piece (64 KiB) and the slab (1 MiB, what the thread reads and hands over at a time): the same
    // pieces, of the same lengths, in the same order as the file read on the main thread, twice over (the CSV lane
    // reads a file again when it hands it back), and the source's hash is the file's own SHA-256 each time. Read
    // this fast, a small file is read to its end before the thread has started (about 30 ms): the next test waits.
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(0, 1, PIECE, SLAB - 1, SLAB, SLAB + 1, 2 * SLAB + PIECE + 7),
          fc.integer({ min: 0, max: 3 * SLAB }),
        ),
        fc.integer({ min: 0, max: 255 }),
        async (size, seed) => {
          const { path, bytes } = writeBytes(`file-${size}-${seed}`, size, seed);
          const handle = await open(path);
          try {
            const here = await piecesOf(fileSource(handle, path));
            const source = fileSource(handle, path, { size, threadFromBytes: 0 });
            expect(source.sha256?.()).toBeUndefined();
            for (let read = 0; read < 2; read++) {
              const threaded = await piecesOf(source);
              expect(threaded.map((piece) => piece.length)).toEqual(here.map((piece) => piece.length));
              expect(Buffer.concat(threaded).equals(bytes)).toBe(true);
              expect(source.sha256?.()).toBe(sha256Of(bytes));
            }
          } finally {
            await handle.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('hands the read over to the thread once it has started, wherever the main thread has got to', async () => {
    // The reader waits half a second after the piece `waitAt` (the thread starts meanwhile): the pieces up to it are
    // the main thread's own (each its own 64 KiB of memory), the rest the thread's (views of its 1 MiB slabs), and
    // together they are the file's bytes, piece for piece, with the file's hash (the thread hashed the main thread's
    // pieces too).
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2 * SLAB, max: 4 * SLAB }), fc.nat(), async (size, wait) => {
        const { path, bytes } = writeBytes(`handover-${size}`, size, wait & 255);
        const handle = await open(path);
        try {
          const here = await piecesOf(fileSource(handle, path));
          const waitAt = wait % (here.length - 1);
          const source = fileSource(handle, path, { size, threadFromBytes: 0 });
          const threaded: Uint8Array[] = [];
          const fromSlab: boolean[] = [];
          for await (const piece of source.chunks()) {
            threaded.push(Uint8Array.from(piece));
            fromSlab.push(piece.buffer.byteLength === SLAB);
            if (threaded.length === waitAt + 1) await new Promise((resolve) => setTimeout(resolve, 500));
          }
          expect(threaded.map((piece) => piece.length)).toEqual(here.map((piece) => piece.length));
          expect(Buffer.concat(threaded).equals(bytes)).toBe(true);
          expect(source.sha256?.()).toBe(sha256Of(bytes));
          // The thread had started within the half second: every piece after the wait is its own.
          expect(fromSlab.slice(0, waitAt + 1)).not.toContain(true);
          expect(fromSlab.slice(waitAt + 1)).not.toContain(false);
        } finally {
          await handle.close();
        }
      }),
      { numRuns: 6 },
    );
  });

  it('reads a file below the threshold on the main thread, and hashes nothing of its own there', async () => {
    // 100 bytes against the default threshold (64 MiB): no hash from the source; the reader makes it.
    const { path } = writeBytes('small.bin', 100);
    const handle = await open(path);
    try {
      expect(fileSource(handle, path, { size: 100 }).sha256).toBeUndefined();
      expect(fileSource(handle, path, { size: 100, threadFromBytes: 100 }).sha256).toBeTypeOf('function');
      // A pipe is read once, in order, on the main thread, whatever its size.
      expect(
        fileSource(handle, path, { size: 100, threadFromBytes: 0, seekable: false }).sha256,
      ).toBeUndefined();
    } finally {
      await handle.close();
    }
  });

  it('gives no hash for a read left part-way, and reads the whole file again after it', async () => {
    // Three pieces taken, then the read is left (as the CSV lane leaves it when it hands back): the thread is stopped,
    // the source has no hash (it has not seen every byte), and the next read gives every byte and the hash.
    const { path, bytes } = writeBytes('left.bin', 5 * SLAB + 3);
    const handle = await open(path);
    try {
      const source = fileSource(handle, path, { size: bytes.length, threadFromBytes: 0 });
      let taken = 0;
      for await (const _piece of source.chunks()) if (++taken === 3) break;
      expect(source.sha256?.()).toBeUndefined();
      const again: Uint8Array[] = [];
      for await (const piece of source.chunks()) again.push(Uint8Array.from(piece));
      expect(Buffer.concat(again).equals(bytes)).toBe(true);
      expect(source.sha256?.()).toBe(sha256Of(bytes));
    } finally {
      await handle.close();
    }
  });

  it('fails, rather than give another file’s bytes, when the handle is closed part-way and its number given again', async () => {
    // The thread reads by the descriptor's number, taken at the start. Closed part-way, the number goes to the next
    // file opened (the other, all B). Every piece given must be the first file's (all A): the rest of the slab being
    // given when the handle closed was read while it was open; the next slab is refused (EBADF), whatever the thread
    // read meanwhile.
    const first = join(dir, 'closed-first.bin');
    const other = join(dir, 'closed-other.bin');
    writeFileSync(first, new Uint8Array(12 * SLAB).fill(65));
    writeFileSync(other, new Uint8Array(12 * SLAB).fill(66));
    const handle = await open(first);
    const pieces = fileSource(handle, first, { size: 12 * SLAB, threadFromBytes: 0 })
      .chunks()
      [Symbol.asyncIterator]();
    const seen = new Set<number>();
    // The first piece read by the main thread; the second, after the thread has started, by the thread.
    const piece = await pieces.next();
    if (piece.done !== true) for (const byte of piece.value) seen.add(byte);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const second = await pieces.next();
    expect(second.done !== true && second.value.buffer.byteLength).toBe(SLAB);
    if (second.done !== true) for (const byte of second.value) seen.add(byte);
    // The thread, told a slab was taken, reads one more and waits again: closed then, the handle's number is reused
    // before the thread's next read, which is of the other file.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await handle.close();
    const reopened = await open(other);
    try {
      let failure: unknown;
      try {
        for (;;) {
          const next = await pieces.next();
          if (next.done === true) break;
          for (const byte of next.value) seen.add(byte);
        }
      } catch (error) {
        failure = error;
      }
      expect(failure).toMatchObject({ code: 'EBADF', syscall: 'read' });
      expect([...seen]).toEqual([65]);
    } finally {
      await reopened.close();
    }
  });

  it('fails as the main thread’s read would when the file cannot be read, on either thread', async () => {
    // A directory opens, and its read fails: the error has its code and system call, as readRecordsFile's "cannot
    // read" message needs them, whether the main thread read it (before the thread started) or the thread did.
    const handle = await open(dir);
    try {
      const source = fileSource(handle, dir, { size: 4096, threadFromBytes: 0 });
      await expect(piecesOf(source)).rejects.toMatchObject({ code: 'EISDIR', syscall: 'read' });
      const thread = readOnThread(handle.fd, () => true);
      if (thread === undefined) throw new Error('no thread started');
      while (!thread.ready()) await new Promise((resolve) => setTimeout(resolve, 5));
      const slabs = thread.slabs(0);
      await expect(slabs.next()).rejects.toMatchObject({ code: 'EISDIR', syscall: 'read' });
    } finally {
      await handle.close();
    }
  });

  it('fails as a read does when the thread stops before the end, naming why', async () => {
    // The thread stopped while the main thread reads its slabs (as a thread that runs out of memory would): the read
    // fails with the system call `read`, so that readRecordsFile says the file could not be read (not an internal
    // error), and the code ERR_READ_THREAD.
    const { path } = writeBytes('stopped.bin', 12 * SLAB);
    const handle = await open(path);
    try {
      const thread = readOnThread(handle.fd, () => true);
      if (thread === undefined) throw new Error('no thread started');
      while (!thread.ready()) await new Promise((resolve) => setTimeout(resolve, 5));
      const slabs = thread.slabs(0);
      const first = await slabs.next();
      expect(first.done !== true && first.value.length).toBe(SLAB);
      const stopping = thread.stop();
      let failure: unknown;
      try {
        for (;;) if ((await slabs.next()).done === true) break;
      } catch (error) {
        failure = error;
      }
      await stopping;
      expect(failure).toMatchObject({ code: 'ERR_READ_THREAD', syscall: 'read' });
      expect(thread.sha256()).toBeUndefined();
    } finally {
      await handle.close();
    }
  });

  it('reads a file itself when the thread is slow to start, rather than queue its pieces without end', async () => {
    // A thread that never says it has started (a machine under load): after 256 pieces (16 MiB) given to it to hash,
    // the main thread stops it and reads on with the hash it kept. The bytes and the hash are the file's, and no
    // piece more than the 256 was given to the thread.
    const size = 20 * SLAB + 5;
    const { path, bytes } = writeBytes('slow-start.bin', size, 7);
    const handle = await open(path);
    try {
      const seen = { hashed: 0, stopped: 0, slabs: 0 };
      const never: ThreadRead = {
        ready: () => false,
        hashFirst: () => {
          seen.hashed++;
        },
        // biome-ignore lint/correctness/useYield: a thread that never gives a slab
        slabs: async function* () {
          seen.slabs++;
        },
        stop: async () => {
          seen.stopped++;
        },
        sha256: () => undefined,
      };
      const source = fileSourceWith(handle, path, { size, threadFromBytes: 0 }, () => never);
      const pieces = await piecesOf(source);
      expect(Buffer.concat(pieces).equals(bytes)).toBe(true);
      expect(source.sha256?.()).toBe(sha256Of(bytes));
      expect(seen).toEqual({ hashed: 256, stopped: 1, slabs: 0 });
    } finally {
      await handle.close();
    }
  });

  it('reads the rest itself when the thread fails before it gives anything, and fails when it fails after', async () => {
    // A thread that starts after 3 pieces read here, then fails (ERR_READ_THREAD) before its first slab: the rest is
    // read here, the hash kept from the first byte. One that fails after a slab: the read fails with its error (the
    // hash of the bytes given is the thread's, lost with it).
    const size = 5 * SLAB + 9;
    const { path, bytes } = writeBytes('thread-fails.bin', size, 9);
    const handle = await open(path);
    const failing = (slabsFirst: number): ThreadRead => {
      let hashed = 0;
      return {
        ready: () => hashed >= 3,
        hashFirst: () => {
          hashed++;
        },
        slabs: async function* (from) {
          for (let k = 0; k < slabsFirst; k++) yield bytes.slice(from + k * SLAB, from + (k + 1) * SLAB);
          throw Object.assign(new Error('the thread reading the file failed'), {
            code: 'ERR_READ_THREAD',
            syscall: 'read',
          });
        },
        stop: async () => {},
        sha256: () => undefined,
      };
    };
    try {
      const recovered = fileSourceWith(handle, path, { size, threadFromBytes: 0 }, () => failing(0));
      const pieces = await piecesOf(recovered);
      expect(Buffer.concat(pieces).equals(bytes)).toBe(true);
      expect(recovered.sha256?.()).toBe(sha256Of(bytes));
      const failed = fileSourceWith(handle, path, { size, threadFromBytes: 0 }, () => failing(1));
      await expect(piecesOf(failed)).rejects.toMatchObject({ code: 'ERR_READ_THREAD', syscall: 'read' });
      expect(failed.sha256?.()).toBeUndefined();
    } finally {
      await handle.close();
    }
  });

  it('gives the reader the same records and the file’s hash, read on a thread or not', async () => {
    // A CSV of 40,000 referrals (about 1.6 MB, so two slabs and a part) read through every stage: the thread's read
    // gives the same result as the main thread's, and its hash is the file's, as the reader's own would be.
    const lines = ['id,childId,referralDate'];
    for (let row = 0; row < 40_000; row++)
      lines.push(`R${row},C${row % 9000},2010-${String((row % 12) + 1).padStart(2, '0')}-15`);
    const text = `${lines.join('\n')}\n`;
    const path = join(dir, 'referrals.csv');
    writeFileSync(path, text);
    const handle = await open(path);
    try {
      const size = Buffer.byteLength(text);
      const read = (threadFromBytes: number) =>
        readRecordsSource(
          'referral',
          fileSource(handle, path, { size, threadFromBytes }),
          'csv',
          kindLayout('referral'),
          {
            createHash: nodeSha256,
          },
        );
      const here = await read(Number.POSITIVE_INFINITY);
      const threaded = await read(0);
      expect(threaded.input.sha256).toBe(sha256Of(Buffer.from(text)));
      expect(threaded).toEqual(here);
      expect(threaded.input.rowsAccepted).toBe(40_000);
    } finally {
      await handle.close();
    }
  });
});

describe('fileSource on a worker thread, in a process of its own', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const { path } = writeBytes('process.bin', 10 * SLAB + 11);
  // A module file, not `node -e`: a program given by -e ends when its text has run, whatever is still alive.
  const run = (body: string) => {
    const program = join(dir, `program-${body.length}.mjs`);
    writeFileSync(
      program,
      `import { open } from 'node:fs/promises';
       import { fileSource } from ${JSON.stringify(join(root, 'dist/node/index.js'))};
       const handle = await open(${JSON.stringify(path)});
       const source = fileSource(handle, 'process.bin', { size: ${10 * SLAB + 11}, threadFromBytes: 0 });
       ${body}`,
    );
    return spawnSync(process.execPath, [...flags, program], { encoding: 'utf8', timeout: 20_000 });
  };
  let flags: string[] = [];

  it('holds the process open while it waits for the thread, to the file’s last byte', () => {
    // Nothing else keeps the process alive while the main thread waits for a slab: were the thread not counted then,
    // the process would end part-way, silently (exit 13 or 0). Every byte is counted and the hash given.
    const child = run(`let bytes = 0;
      for await (const piece of source.chunks()) bytes += piece.length;
      console.log(bytes, source.sha256().length);`);
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe(`${10 * SLAB + 11} 64`);
    expect(child.status).toBe(0);
  });

  it('lets the process end when a read is left without being ended', () => {
    // One piece taken, and the read left as it is (not ended, not given back): the thread, 4 MiB ahead and waiting,
    // must not hold the process open (the spawn's 20 s time-out would kill it, and `status` be null).
    const child = run(`const pieces = source.chunks()[Symbol.asyncIterator]();
      const first = await pieces.next();
      console.log(first.value.length);`);
    expect(child.stdout.trim()).toBe(String(PIECE));
    expect(child.status).toBe(0);
  });

  it('reads the file itself where no thread may start (node’s permission model without --allow-worker)', () => {
    // Under the permission model a worker is refused (ERR_ACCESS_DENIED) unless allowed: the source reads and hashes
    // the file on the main thread, every byte and the same hash, rather than fail.
    const permission = process.allowedNodeEnvironmentFlags.has('--permission')
      ? '--permission'
      : '--experimental-permission';
    flags = [permission, '--allow-fs-read=*', '--no-warnings'];
    try {
      const child = run(`let bytes = 0;
        for await (const piece of source.chunks()) bytes += piece.length;
        console.log(bytes, source.sha256());`);
      expect(child.stderr).toBe('');
      expect(child.stdout.trim()).toBe(
        `${10 * SLAB + 11} ${sha256Of(writeBytes('process.bin', 10 * SLAB + 11).bytes)}`,
      );
      expect(child.status).toBe(0);
    } finally {
      flags = [];
    }
  });
});
