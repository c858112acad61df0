import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSource, type OpenFile } from '../../src/node/source.js';
import { piecesOf } from '../helpers/pieces.js';

const dir = mkdtempSync(join(tmpdir(), 'csi-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PIECE = 64 * 1024;

describe('fileSource', () => {
  it('reads a file by its descriptor exactly as by the handle’s read, piece for piece, as often as asked', async () => {
    // The descriptor's way (`readSync`) against the handle's own `read` (the way a handle without `fd` is read, and
    // the only way before): the same pieces, of the same lengths, in the same order, for files around the piece
    // size (empty, one byte short of a piece, one piece, one byte over, several pieces and a part), read twice.
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(0, 1, PIECE - 1, PIECE, PIECE + 1, 2 * PIECE),
          fc.integer({ min: 0, max: 3 * PIECE + 100 }),
        ),
        fc.integer({ min: 0, max: 255 }),
        async (size, seed) => {
          const bytes = new Uint8Array(size);
          for (let at = 0; at < size; at++) bytes[at] = (at * 31 + seed + (at >> 8)) & 255;
          const path = join(dir, `file-${size}-${seed}`);
          writeFileSync(path, bytes);
          const handle = await open(path);
          try {
            expect(handle.fd).toBeGreaterThanOrEqual(0);
            const byRead: OpenFile = { read: (...args) => handle.read(...args) };
            const expected = await piecesOf(fileSource(byRead, path));
            const lengths = expected.map((piece) => piece.length);
            expect(lengths).toEqual(
              Array.from({ length: Math.ceil(size / PIECE) }, (_, k) => Math.min(PIECE, size - k * PIECE)),
            );
            expect(Buffer.concat(expected).equals(bytes)).toBe(true);
            const source = fileSource(handle, path);
            // Read twice: the second time from its first byte again, as the CSV fast lane does when it hands a file back.
            for (const read of [await piecesOf(source), await piecesOf(source)]) {
              expect(read.map((piece) => piece.length)).toEqual(lengths);
              expect(Buffer.concat(read).equals(bytes)).toBe(true);
            }
          } finally {
            await handle.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('lets the rest of the process run once every MiB of a file read by its descriptor', async () => {
    // `readSync` never waits, and the stages after the source are synchronous: without a turn of the event loop now
    // and then, a timer or a server's request would wait for the whole file. A callback set before the read must have
    // run by the 17th piece (the source waits for the next turn after the 16th, the first MiB) and not before the
    // first piece (nothing has waited yet).
    const path = join(dir, 'turns.bin');
    writeFileSync(path, new Uint8Array(20 * PIECE));
    const handle = await open(path);
    try {
      let ran = false;
      setImmediate(() => {
        ran = true;
      });
      const seen: boolean[] = [];
      for await (const _piece of fileSource(handle, path).chunks()) seen.push(ran);
      expect(seen).toHaveLength(20);
      expect(seen.slice(0, 16)).toEqual(Array(16).fill(false));
      expect(seen.slice(16)).toEqual(Array(4).fill(true));
    } finally {
      await handle.close();
    }
  });

  it('fails, rather than read another file, when the handle is closed part-way and its descriptor given again', async () => {
    // A handle closed while its source is read (a server's request given up): the system gives its descriptor's
    // number to the next file opened. Read by `handle.read`, the next piece fails (EBADF); read by `readSync` on
    // the number taken at the start, it would be the other file's bytes, read as this file's without a word. The
    // handle's `fd` is -1 once closed, so it is asked again for every piece.
    const first = join(dir, 'closed-first.txt');
    const other = join(dir, 'closed-other.txt');
    writeFileSync(first, new Uint8Array(2 * PIECE).fill(65)); // A
    writeFileSync(other, new Uint8Array(2 * PIECE).fill(66)); // B
    const handle = await open(first);
    const pieces = fileSource(handle, first).chunks()[Symbol.asyncIterator]();
    const piece = await pieces.next();
    expect(piece.done === true ? undefined : piece.value[0]).toBe(65);
    await handle.close();
    // As a system gives the lowest free number, the other file has the closed handle's (the test's point).
    const reopened = await open(other);
    try {
      await expect(pieces.next()).rejects.toMatchObject({ code: 'EBADF' });
    } finally {
      await reopened.close();
    }
  });

  it('reads a file that is not seekable by the handle’s read, in order from where the handle stands', async () => {
    // A pipe has a descriptor too, but `readSync` on it would hold the process until its writer writes: it is read by
    // `read` at the current position (-1), which this handle records.
    const path = join(dir, 'once.txt');
    writeFileSync(path, 'abc');
    const handle = await open(path);
    try {
      const positions: number[] = [];
      const recording: OpenFile = {
        fd: handle.fd,
        read: (buffer, offset, length, position) => {
          positions.push(position);
          return handle.read(buffer, offset, length, position);
        },
      };
      const pieces = await piecesOf(fileSource(recording, path, { seekable: false }));
      expect(new TextDecoder().decode(Buffer.concat(pieces))).toBe('abc');
      // One read that gave the three bytes, one that gave none (the end).
      expect(positions).toEqual([-1, -1]);
    } finally {
      await handle.close();
    }
  });
});
