/**
 * Stage 1 of the reading path in node, for a large file: its bytes read and hashed on a worker thread, and given to
 * the main thread a MiB at a time, so that the main thread only parses. On a 200 MB census the read and the SHA-256
 * take about a seventh of the main thread's time (docs/performance.md, "The read and the hash on a second thread").
 * A census is also scanned there (`scans`, the census byte lane's scanner), so that the main thread only builds and
 * checks its records ("The census scanned on the reading thread").
 * @module
 */
import type { createHash } from 'node:crypto';
import type { readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ScannedPart, ScannedPiece, TapeOut, XmlScanner } from '../records/xml-scan.js';
import { xmlScanProgram } from '../records/xml-scan.js';

/** The bytes the thread reads at a time, and gives on at a time. */
const SLAB_BYTES = 1024 * 1024;

/**
 * The pieces the file source gives a file in (`source.ts`), the main thread's reads and the thread's slabs alike;
 * the thread scans a census's slab in them too.
 * @example PIECE_BYTES //=> 65536
 */
export const PIECE_BYTES = 64 * 1024;

/**
 * How many slabs the thread may have read that the main thread has not yet taken: 4 MiB of memory at most, whatever
 * the file's size, however much faster the thread reads than the stages after it parse.
 */
const SLABS_AHEAD = 4;

/**
 * The control words the two threads share: how many slabs the main thread has taken, whether to stop, and whether
 * the thread has started (until then the main thread reads the file's first pieces itself).
 */
const TAKEN = 0;
const STOP = 1;
const READY = 2;

/** What a thread scanning a census adds to a slab, and to the end: what it scanned (`ScannedPiece`). */
interface Scanned {
  readonly names?: readonly string[];
  readonly parts?: readonly ScannedPart[];
  readonly handedBack?: string;
}

/** What the thread tells the main thread: a slab read and hashed, the hash at the end, or the error that stopped it. */
type FromThread =
  | ({ readonly slab: ArrayBuffer; readonly length: number; readonly position: number } & Scanned)
  | ({ readonly sha256: string } & Scanned)
  | { readonly error: { readonly message: string; readonly code?: string; readonly syscall?: string } };

/** A slab as the thread sends it. */
type SlabMessage = Extract<FromThread, { readonly slab: ArrayBuffer }>;
/** The end of the read as the thread sends it. */
type EndMessage = Extract<FromThread, { readonly sha256: string }>;

/**
 * What the main thread tells the thread: a piece it read itself, to be hashed, or where to read on from (and, to
 * scan a census as it reads, the pattern of the attributes the scanner reads).
 */
type ToThread =
  | { readonly piece: Uint8Array }
  | { readonly from: number; readonly scan?: { readonly source: string; readonly flags: string } };

/** What the thread is given: the file's descriptor, and the control words. */
interface ThreadData {
  readonly fd: number;
  readonly slabBytes: number;
  readonly pieceBytes: number;
  readonly ahead: number;
  readonly control: SharedArrayBuffer;
}

/**
 * The thread's whole program. Started, it says so (`READY`) and hashes the pieces the main thread read itself
 * meanwhile, as they come; told where to read on from, it reads the file from there in slabs, hashes each and hands
 * it over (the slab moved, not copied), never more than `ahead` slabs before the main thread; the hash after the
 * last slab. It is run from its text (`eval`), so it uses nothing from outside it but `require`: the constants are
 * its data.
 *
 * @param require - the thread's `require`.
 */
function threadProgram(require: (id: string) => unknown, scanProgram: typeof xmlScanProgram): void {
  const { parentPort, workerData } = require('node:worker_threads') as {
    parentPort: {
      postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
      on(event: 'message', listener: (message: ToThread) => void): void;
      off(event: 'message', listener: (message: ToThread) => void): void;
    };
    workerData: ThreadData;
  };
  const fs = require('node:fs') as { readSync: typeof readSync };
  const crypto = require('node:crypto') as { createHash: typeof createHash };
  const { fd, slabBytes, pieceBytes, ahead, control } = workerData;
  // The control words by their places (the names above are not in the program's text): 0 TAKEN, 1 STOP, 2 READY.
  const words = new Int32Array(control);
  const hash = crypto.createHash('sha256');

  // A census scanned as it is read: the scanner, and how many of its names the main thread has been sent.
  let scanner: XmlScanner | undefined;
  let namesSent = 0;
  let parts: ScannedPart[] = [];
  const keep: TapeOut = (bytes, tape, length) => {
    parts.push({ bytes, tape: tape.slice(0, length) });
  };
  /** What the scan of the bytes gave since the last message, and the memory to move with it (not copy). */
  const scanned = (): [Scanned, ArrayBuffer[]] => {
    if (scanner === undefined) return [{}, []];
    const moved = new Set<ArrayBuffer>();
    for (const part of parts) {
      moved.add(part.bytes.buffer as ArrayBuffer);
      moved.add(part.tape.buffer as ArrayBuffer);
    }
    const names = scanner.names.slice(namesSent);
    namesSent = scanner.names.length;
    const news: Scanned = {
      names,
      parts,
      ...(scanner.handedBack ? { handedBack: scanner.reason } : {}),
    };
    parts = [];
    return [news, [...moved]];
  };

  const readFrom = (from: number): void => {
    let position = from;
    let given = 0;
    try {
      for (;;) {
        // Waits while `ahead` slabs are given and not taken, or returns when told to stop.
        for (;;) {
          if (Atomics.load(words, 1) !== 0) return;
          const taken = Atomics.load(words, 0);
          if (given - taken < ahead) break;
          Atomics.wait(words, 0, taken);
        }
        const slab = new ArrayBuffer(slabBytes);
        const bytes = new Uint8Array(slab);
        let length = 0;
        // A read may give fewer bytes than asked before the end: a slab is full, or the file's last.
        while (length < slabBytes) {
          const read = fs.readSync(fd, bytes, length, slabBytes - length, position);
          if (read === 0) break;
          length += read;
          position += read;
        }
        if (length > 0) {
          hash.update(bytes.subarray(0, length));
          // Scanned once hashed (until the scanner stops at something it does not read), in the pieces the main
          // thread's read gives (where a run of text is too long to wait for depends on them): the slab is the scan's.
          for (let at = 0; at < length && scanner !== undefined && !scanner.handedBack; at += pieceBytes)
            scanner.write(bytes.subarray(at, Math.min(at + pieceBytes, length)), keep);
          const [news, moved] = scanned();
          const transfer = moved.includes(slab) ? moved : [slab, ...moved];
          parentPort.postMessage({ slab, length, position: position - length, ...news }, transfer);
          given++;
        }
        if (length < slabBytes) {
          if (scanner !== undefined && !scanner.handedBack) scanner.end(keep);
          const [news, moved] = scanned();
          parentPort.postMessage({ sha256: hash.digest('hex'), ...news }, moved);
          return;
        }
      }
    } catch (error) {
      const { message, code, syscall } = error as { message?: unknown; code?: unknown; syscall?: unknown };
      parentPort.postMessage({
        error: {
          message: String(message ?? error),
          ...(typeof code === 'string' ? { code } : {}),
          ...(typeof syscall === 'string' ? { syscall } : {}),
        },
      });
    }
  };

  const onMessage = (message: ToThread): void => {
    if ('piece' in message) {
      hash.update(message.piece);
      return;
    }
    // No message after this one: the thread ends when its read does.
    parentPort.off('message', onMessage);
    if (message.scan !== undefined) {
      const XmlScanner = scanProgram();
      scanner = new XmlScanner(new RegExp(message.scan.source, message.scan.flags));
    }
    readFrom(message.from);
  };
  parentPort.on('message', onMessage);
  Atomics.store(words, 2, 1);
}

/** The program's text, as the thread runs it. */
const THREAD_SOURCE = `(${threadProgram.toString()})(require, ${xmlScanProgram.toString()});`;

/** An error of the file's read on the thread, as `readSync` would have thrown it on the main thread. */
function readError(error: {
  readonly message: string;
  readonly code?: string;
  readonly syscall?: string;
}): Error {
  return Object.assign(new Error(error.message), {
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(error.syscall === undefined ? {} : { syscall: error.syscall }),
  });
}

/**
 * A file being read on a thread: until the thread has started (`ready`), the main thread reads the first pieces
 * itself and gives each to the thread to hash (`hashFirst`); then the thread reads on from where it stopped
 * (`slabs`), and gives the hash of every byte once the last has come.
 */
export interface ThreadRead {
  /** Whether the thread has started, and can read on. */
  ready(): boolean;
  /** Gives the thread a piece the main thread read itself (the next in the file), to hash. */
  hashFirst(piece: Uint8Array): void;
  /**
   * The file's slabs from byte `from` (every byte before it given to `hashFirst`), in order, each as it comes (the
   * thread waits while the main thread is `SLABS_AHEAD` behind). Left or ended, the thread is stopped.
   */
  slabs(from: number): AsyncGenerator<Uint8Array, void, undefined>;
  /**
   * The file's pieces from its first byte, each scanned on the thread as a census (`records/xml-scan.ts`; its
   * scanner made with `attributes`) once read and hashed: in place of `slabs`, with nothing given to `hashFirst`.
   * The last piece given is `last` or `handedBack`. Left or ended, the thread is stopped. (Optional: a thread that
   * only reads does without it.)
   */
  scans?(attributes: RegExp): AsyncGenerator<ScannedPiece, void, undefined>;
  /** Stops the thread, when `slabs` is not to be read. */
  stop(): Promise<void>;
  /** The SHA-256 of the file's bytes, once `slabs()` has given the last. */
  readonly sha256: () => string | undefined;
}

/**
 * Starts a worker thread to read a file by its descriptor, which must stay open until `slabs()` has ended or been
 * left (leaving it stops the thread and waits for it), or `stop()` has been awaited. Returns undefined when no thread
 * can be started here, and the caller reads the file itself. A thread takes some 30 ms to start: the caller reads
 * the file's first pieces itself meanwhile (`ready`, `hashFirst`), and the thread reads on from there.
 *
 * The thread reads each slab at its position, never moving the descriptor's own. A handle closed part-way gives its
 * number to the next file opened: `isOpen` is asked of everything the thread sends (a slab, the end, an error)
 * before it is taken, so that nothing read after the close (perhaps another file's bytes, or its end) is given; the
 * caller throws as its own read would (EBADF). A thread that fails or stops before the end is a failed read
 * (`ERR_READ_THREAD`, with the system call `read`, so that a reader names the file it could not read).
 *
 * @param fd - the file's descriptor.
 * @param isOpen - whether the descriptor is still the file's (a `FileHandle`'s `fd` is -1 once closed).
 * @returns the read, or undefined.
 * @example
 * const read = readOnThread(handle.fd, () => handle.fd >= 0);
 * for await (const slab of read.slabs(0)) slab.length //=> 1048576, …
 * read.sha256() //=> '9f86d0…'
 */
export function readOnThread(fd: number, isOpen: () => boolean): ThreadRead | undefined {
  const control = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  const words = new Int32Array(control);
  const data: ThreadData = {
    fd,
    slabBytes: SLAB_BYTES,
    pieceBytes: PIECE_BYTES,
    ahead: SLABS_AHEAD,
    control,
  };
  let worker: Worker;
  try {
    worker = new Worker(THREAD_SOURCE, { eval: true, workerData: data });
  } catch {
    return undefined;
  }
  let sha256: string | undefined;
  const arrived: FromThread[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const woken = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  worker.on('message', (message: FromThread) => {
    arrived.push(message);
    woken();
  });
  // A thread that stops before the end is a read that failed (the file was not read whole), named as one: the
  // reader's message says the file could not be read, and why.
  const stopped = (why: string): void => {
    failure ??= readError({
      message: `the thread reading the file ${why}`,
      code: 'ERR_READ_THREAD',
      syscall: 'read',
    });
    woken();
  };
  worker.on('error', (error: Error) => stopped(`failed: ${error.message}`));
  worker.on('messageerror', (error: Error) =>
    stopped(`sent a piece that could not be received: ${error.message}`),
  );
  worker.on('exit', () => stopped('stopped before the end of the file'));
  // Not holding the process open while the slabs given wait to be taken (a read left without being ended); held
  // while the main thread waits for the next slab.
  worker.unref();
  const stop = async (): Promise<void> => {
    Atomics.store(words, STOP, 1);
    Atomics.notify(words, TAKEN);
    await worker.terminate();
  };

  /** What the thread sends once told where to read from: each slab checked and taken, then the end. */
  async function* messages(
    start: ToThread & { readonly from: number },
  ): AsyncGenerator<SlabMessage | EndMessage, void, undefined> {
    let taken = 0;
    let expected = start.from;
    try {
      worker.postMessage(start);
      for (;;) {
        if (arrived.length === 0 && failure === undefined) {
          worker.ref();
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          worker.unref();
        }
        const message = arrived.shift();
        if (message === undefined) throw failure;
        // Asked of the end and of an error too: a read after the close may be another file's end (or error).
        if (!isOpen())
          throw readError({ message: 'EBADF: bad file descriptor, read', code: 'EBADF', syscall: 'read' });
        if ('error' in message) throw readError(message.error);
        if ('sha256' in message) {
          sha256 = message.sha256;
          yield message;
          return;
        }
        // Each slab where the last ended: one lost or out of order would leave the hash of bytes not parsed.
        if (message.position !== expected) throw new Error(`a slab at ${message.position}, not ${expected}`);
        expected += message.length;
        Atomics.store(words, TAKEN, ++taken);
        Atomics.notify(words, TAKEN);
        yield message;
      }
    } finally {
      await stop();
    }
  }

  async function* slabs(from: number): AsyncGenerator<Uint8Array, void, undefined> {
    for await (const message of messages({ from })) {
      if ('slab' in message) yield new Uint8Array(message.slab, 0, message.length);
    }
  }

  async function* scans(attributes: RegExp): AsyncGenerator<ScannedPiece, void, undefined> {
    const scan = { source: attributes.source, flags: attributes.flags };
    for await (const message of messages({ from: 0, scan })) {
      const handedBack = message.handedBack;
      yield {
        names: message.names ?? [],
        parts: message.parts ?? [],
        ...(handedBack === undefined ? {} : { handedBack }),
        ...(handedBack === undefined && 'sha256' in message ? { last: true } : {}),
      };
    }
  }

  return {
    ready: () => Atomics.load(words, READY) === 1,
    hashFirst: (piece) => worker.postMessage({ piece } satisfies ToThread),
    slabs,
    scans,
    stop,
    sha256: () => sha256,
  };
}
