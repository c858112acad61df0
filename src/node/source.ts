/**
 * Stage 1 of the reading path in node: a file's bytes as a {@link ByteSource}, and `node:crypto`'s SHA-256 for the
 * hash every result names (several times faster than the core's own).
 * @module
 */
import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';
import type { ByteSource } from '../records/stages.js';
import {
  type ScannedPart,
  type ScannedPiece,
  XmlScanner,
  type XmlScanningSource,
} from '../records/xml-scan.js';
import type { Hasher } from '../util/sha256.js';
import { PIECE_BYTES, readOnThread, type ThreadRead } from './read-thread.js';

/**
 * What {@link fileSource} needs of an open file: a `FileHandle` of `node:fs/promises` has it. (Written out rather
 * than imported, so that a consumer's compiler needs no node type definitions to read this package's.)
 */
export interface OpenFile {
  /**
   * Reads up to `length` bytes at `position` (-1: where the last read ended) into `buffer` from `offset`;
   * `bytesRead` 0 at the end.
   */
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ readonly bytesRead: number }>;
  /**
   * The file's descriptor, as a `FileHandle` has it: when given, a seekable file's pieces are read from it with
   * `readSync` rather than by `read`. Optional: a handle without one is read by `read`, and so is one whose
   * descriptor has become -1 (a `FileHandle` closed part-way, whose next read then fails).
   */
  readonly fd?: number;
}

/**
 * How many pieces read by `readSync` (1 MiB) before the source lets the rest of the process run: the stages after it
 * are synchronous, so without this a large file would be read, decoded and checked in one turn of the event loop,
 * and a server reading it would answer nothing else until the end (two seconds for a 200 MB census).
 */
const PIECES_BETWEEN_TURNS = 16;

/** Resolves on the event loop's next turn, once the timers and input waiting meanwhile have run. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The memory of one piece, not filled with zeros first (3,200 times 64 KiB for a 200 MB census): the read writes
 * every byte given on.
 */
function unfilledPiece(): Uint8Array {
  const memory = Buffer.allocUnsafeSlow(PIECE_BYTES);
  return new Uint8Array(memory.buffer, memory.byteOffset, PIECE_BYTES);
}

/** Options of {@link fileSource}. */
export interface FileSourceOptions {
  /**
   * Whether the file can be read at a position, as a regular file can. A named pipe (a FIFO, a shell's `<(…)`)
   * cannot: it is read once, in order, and is not `rereadable` (so the CSV fast lane does not try it and the general
   * path reads it). Default true.
   */
  readonly seekable?: boolean;
  /**
   * The file's size in bytes, as it was opened. A seekable file of at least `threadFromBytes` is read and hashed on
   * a worker thread, its hash given by the source (`sha256`). Default: unknown, and the file is read on the main
   * thread.
   */
  readonly size?: number;
  /**
   * From how many bytes a file is read on a worker thread. Default 64 MiB: below it, the thread's start (about
   * 35 ms) costs about what the read and the hash it takes away would (docs/performance.md, "The read and the hash
   * on a second thread"). `Infinity`: never.
   */
  readonly threadFromBytes?: number;
}

/** The default of {@link FileSourceOptions.threadFromBytes}. */
const THREAD_FROM_BYTES = 64 * 1024 * 1024;

/**
 * How many pieces (16 MiB) the main thread reads itself, each given to the thread to hash too, while it waits for
 * the thread to start (about 30 ms, 60 pieces of a census): past it, the file is read here.
 */
const PIECES_BEFORE_THREAD = 256;

/** Whether an error is a read's (it names its system call). */
const isReadError = (error: unknown): boolean =>
  typeof (error as { syscall?: unknown } | undefined)?.syscall === 'string';

/** Whether an error is the reading thread's own failure (`read-thread.ts`), not the file's. */
const isThreadFailure = (error: unknown): boolean =>
  (error as { code?: unknown } | undefined)?.code === 'ERR_READ_THREAD';

/**
 * The bytes of an open file, read from its start in 64 KiB pieces, as often as asked (`rereadable`: the CSV fast
 * lane reads a file again from its first byte when it hands it back to the general path). Each piece is read at
 * its position, so one read left part-way does not disturb the next (a read stream left part-way on a
 * `FileHandle` makes the next stream on it fail). A file that is not `seekable` (a pipe) is read once, in order,
 * by the handle's `read`, which waits for the writer without holding up the rest of the process.
 *
 * A seekable file with a descriptor (`fd`, as a `FileHandle` has) is read by `readSync` on it: a piece of a file
 * takes some tens of microseconds to copy, far less than the later stages take over it, where each asynchronous
 * read is a hop to the thread pool and back that leaves the main thread waiting (on a 200 MB census, 3,200 pieces
 * and about a fifth of the run; docs/performance.md, "XML censuses, streamed", "Faster, third round"). Every
 * sixteenth piece (each MiB) it waits for the event loop's next turn, so that the rest of the process (a server's
 * other requests, a timer) still runs while a large file is read.
 *
 * A seekable file of at least `threadFromBytes` (its `size` given; default 64 MiB) is read and hashed on a worker
 * thread (`read-thread.ts`), a MiB ahead at a time and at most 4 MiB ahead, and given on in the same pieces; the
 * source then gives the hash of what it read (`sha256`), and the reader makes none of its own. A census read by the
 * census byte lane is scanned on that thread too (`scanXml`, internal: `records/xml-scan.ts`). Where no thread
 * starts, the file is read and hashed here. `sha256` and `scanXml` are not enumerable: a source made by spreading
 * this one, with `chunks()` of its own, keeps neither, and what its `chunks()` gives is hashed and read.
 *
 * @param handle - the open file, a `FileHandle` (closed by its opener).
 * @param name - the name messages give it.
 * @param options - `seekable` (default true), `size` and `threadFromBytes`.
 * @returns the source.
 * @example
 * const source = fileSource(await open('ia.csv'), 'ia.csv');
 * for await (const chunk of source.chunks()) chunk.length //=> 65536, …
 */
export function fileSource(handle: OpenFile, name: string, options: FileSourceOptions = {}): ByteSource {
  return fileSourceWith(handle, name, options, readOnThread);
}

/**
 * {@link fileSource}, its thread started by `startThread` (internal: tests give a thread that never starts, or fails).
 *
 * @param handle - the open file.
 * @param name - the name messages give it.
 * @param options - as {@link fileSource}.
 * @param startThread - starts a thread reading the descriptor, or gives undefined (`readOnThread`).
 * @returns the source.
 * @example
 * fileSourceWith(handle, 'ia.csv', {}, readOnThread) // as fileSource(handle, 'ia.csv')
 */
export function fileSourceWith(
  handle: OpenFile,
  name: string,
  options: FileSourceOptions,
  startThread: (fd: number, isOpen: () => boolean) => ThreadRead | undefined,
): ByteSource & Partial<XmlScanningSource> {
  const seekable = options.seekable ?? true;
  const threaded = seekable && (options.size ?? 0) >= (options.threadFromBytes ?? THREAD_FROM_BYTES);
  /** The hash of the last read that gave every byte, when the source hashes what it reads. */
  let sha256: string | undefined;

  /** The piece of the file at `position` read here, or undefined at its end. */
  async function pieceAt(position: number): Promise<Uint8Array | undefined> {
    // Asked for every piece: a handle closed meanwhile has none (-1), and its number may be another file's now.
    const fd = seekable && handle.fd !== undefined && handle.fd >= 0 ? handle.fd : undefined;
    const bytes = unfilledPiece();
    // -1: from where the last read ended, as a pipe is read (FileHandle.read's "current file position").
    const bytesRead =
      fd === undefined
        ? (await handle.read(bytes, 0, PIECE_BYTES, seekable ? position : -1)).bytesRead
        : readSync(fd, bytes, 0, PIECE_BYTES, position);
    if (bytesRead === 0) return undefined;
    // A short piece (the last) is copied out, so that no byte the read did not write is reachable by its buffer.
    return bytesRead === PIECE_BYTES ? bytes : bytes.slice(0, bytesRead);
  }

  /**
   * The file's pieces read here from `from`, hashed by `hash` when the source hashes (which has seen every byte
   * before `from`).
   */
  async function* readHere(
    hash: Hasher | undefined,
    from: number,
  ): AsyncGenerator<Uint8Array, void, undefined> {
    let position = from;
    let piecesRead = 0;
    for (;;) {
      const piece = await pieceAt(position);
      if (piece === undefined) {
        sha256 = hash?.digest();
        return;
      }
      position += piece.length;
      hash?.update(piece);
      yield piece;
      // Counted by pieces, not by position, so that a short read in mid-file does not skip the turns after it. (A
      // read by the handle's `read` waits for its piece already.)
      const bySync = seekable && handle.fd !== undefined && handle.fd >= 0;
      if (bySync && ++piecesRead % PIECES_BETWEEN_TURNS === 0) await nextTurn();
    }
  }

  /**
   * The file's pieces read with a thread: the first read here while the thread starts, each given to it to hash
   * too; then the thread's, from where this read stopped. Its hash is the thread's; or this read's, where it read
   * every byte before the thread started, where the thread was too slow to start, or where the thread failed before
   * it gave anything (the rest then read here).
   */
  async function* readWithThread(thread: ThreadRead): AsyncGenerator<Uint8Array, void, undefined> {
    const hash = nodeSha256();
    let position = 0;
    let piecesRead = 0;
    // Whether the thread is still to be stopped here (`slabs()` stops it itself once read).
    let toStop = true;
    try {
      while (!thread.ready()) {
        // A thread slow to start (a machine under load): the file read here, rather than a queue of pieces for the
        // thread growing without end.
        if (piecesRead === PIECES_BEFORE_THREAD) {
          toStop = false;
          await thread.stop();
          yield* readHere(hash, position);
          return;
        }
        const piece = await pieceAt(position);
        if (piece === undefined) {
          // Read to its end before the thread started: the hash is this read's own.
          sha256 = hash.digest();
          return;
        }
        position += piece.length;
        hash.update(piece);
        thread.hashFirst(piece);
        yield piece;
        if (++piecesRead % PIECES_BETWEEN_TURNS === 0) await nextTurn();
      }
      toStop = false;
      let given = 0;
      try {
        for await (const slab of thread.slabs(position)) {
          // Given on in the pieces the main thread's read gives, after the event loop's next turn each MiB.
          for (let at = 0; at < slab.length; at += PIECE_BYTES) {
            yield slab.subarray(at, Math.min(at + PIECE_BYTES, slab.length));
            given++;
            if (++piecesRead % PIECES_BETWEEN_TURNS === 0) await nextTurn();
          }
        }
        sha256 = thread.sha256();
        return;
      } catch (error) {
        // The file's read failed (a closed handle, a system error): thrown. The thread failed before it gave
        // anything: the rest is read here.
        if (given > 0 || (isReadError(error) && !isThreadFailure(error))) throw error;
      }
      yield* readHere(hash, position);
    } finally {
      if (toStop) await thread.stop();
    }
  }

  /**
   * The file's pieces scanned as a census on the thread that reads them (`ThreadRead.scans`); where the thread fails
   * before it gives anything, read and scanned here instead.
   */
  async function* scanWithThread(
    thread: ThreadRead,
    pieces: AsyncGenerator<ScannedPiece, void, undefined>,
    attributes: RegExp,
  ): AsyncGenerator<ScannedPiece, void, undefined> {
    let given = 0;
    try {
      for await (const piece of pieces) {
        if (piece.last === true) sha256 = thread.sha256();
        given++;
        yield piece;
        // The event loop's next turn each slab (a MiB), as a read here takes it.
        await nextTurn();
      }
      return;
    } catch (error) {
      if (given > 0 || (isReadError(error) && !isThreadFailure(error))) throw error;
    }
    yield* scanHere(attributes);
  }

  /** The file's pieces read, hashed and scanned as a census here, a piece at a time. */
  async function* scanHere(attributes: RegExp): AsyncGenerator<ScannedPiece, void, undefined> {
    const scanner = new XmlScanner(attributes);
    let parts: ScannedPart[] = [];
    const keep = (bytes: Uint8Array, tape: Int32Array, length: number): void => {
      parts.push({ bytes, tape: tape.slice(0, length) });
    };
    let namesGiven = 0;
    const piece = (last: boolean): ScannedPiece => {
      const names = scanner.names.slice(namesGiven);
      namesGiven = scanner.names.length;
      const given = parts;
      parts = [];
      if (scanner.handedBack) return { names, parts: given, handedBack: scanner.reason };
      return last ? { names, parts: given, last } : { names, parts: given };
    };
    const hash = nodeSha256();
    for await (const bytes of readHere(hash, 0)) {
      scanner.write(bytes, keep);
      yield piece(false);
      if (scanner.handedBack) return;
    }
    scanner.end(keep);
    yield piece(true);
  }

  /** The census scanned as it is read, on the thread that reads the file, when there is one. */
  function scanXml(attributes: RegExp): AsyncIterable<ScannedPiece> | undefined {
    const fd = handle.fd;
    if (fd === undefined || fd < 0) return undefined;
    const thread = startThread(fd, () => handle.fd === fd);
    if (thread === undefined) return undefined;
    if (thread.scans === undefined) {
      void thread.stop();
      return undefined;
    }
    sha256 = undefined;
    return scanWithThread(thread, thread.scans(attributes), attributes);
  }

  const source: ByteSource & Partial<XmlScanningSource> = {
    name,
    rereadable: seekable,
    async *chunks() {
      sha256 = undefined;
      const fd = handle.fd;
      const thread =
        threaded && fd !== undefined && fd >= 0 ? startThread(fd, () => handle.fd === fd) : undefined;
      if (thread === undefined) yield* readHere(threaded ? nodeSha256() : undefined, 0);
      else yield* readWithThread(thread);
    },
  };
  // The hash and the scan of what the file source reads, not enumerable: a source made by spreading this one and
  // giving chunks() of its own (bytes changed on the way, or counted) keeps neither, and its bytes are hashed and
  // scanned as they are given, not as the file holds them.
  if (threaded)
    Object.defineProperties(source, { sha256: { value: () => sha256 }, scanXml: { value: scanXml } });
  return source;
}

/**
 * A SHA-256 hasher of `node:crypto`.
 *
 * @returns the hasher.
 * @example
 * const hash = nodeSha256();
 * hash.update(new TextEncoder().encode('abc'));
 * hash.digest() //=> 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function nodeSha256(): Hasher {
  const hash = createHash('sha256');
  return {
    update: (bytes) => {
      hash.update(bytes);
    },
    digest: () => hash.digest('hex'),
  };
}
