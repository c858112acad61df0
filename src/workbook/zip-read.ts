/**
 * Reading a zip archive (an .xlsx file is one) held in memory: the central directory, then each entry's bytes
 * unzipped as a stream of chunks, checked against the entry's size and CRC-32. Deflate is undone by the platform's
 * own decompressor, several times faster than a JavaScript inflater: in Node.js, zlib (found with
 * `process.getBuiltinModule`, not imported) giving pieces of 1 MB; elsewhere (every current browser),
 * `DecompressionStream('deflate-raw')`. Node's `DecompressionStream` gives pieces of 16 KB, and a sheet of 300 MB
 * in pieces that small took twice the processor time to inflate. Nothing here imports `node:`.
 * @module
 */
import { updateCrc32 } from './crc32.js';
import { WorkbookError } from './errors.js';

/** One file inside a zip archive. */
export interface ZipEntry {
  /** Its path inside the archive, e.g. `xl/worksheets/sheet1.xml`. */
  readonly name: string;
  /** 0 (stored) or 8 (deflated); anything else is refused when the entry is read. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Where its local header starts. */
  readonly offset: number;
  /** Whether it is encrypted (refused when read). */
  readonly encrypted: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** How many bytes are handed to the decompressor at a time. */
const SLICE = 1 << 18;
/** How many bytes Node's zlib gives at a time: the larger the piece, the less each costs; 1 MB bounds the memory. */
const PIECE = 1 << 20;

const utf8 = new TextDecoder('utf-8');

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] as number) | ((bytes[at + 1] as number) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] as number) |
      ((bytes[at + 1] as number) << 8) |
      ((bytes[at + 2] as number) << 16) |
      ((bytes[at + 3] as number) << 24)) >>>
    0
  );
}

function u64(bytes: Uint8Array, at: number): number {
  return u32(bytes, at) + u32(bytes, at + 4) * 0x1_0000_0000;
}

/** What the first bytes of a file that is no zip archive suggest it is, for the message. */
function notAZip(bytes: Uint8Array): WorkbookError {
  if (bytes.length >= 4 && u32(bytes, 0) === 0xe011cfd0) {
    return new WorkbookError(
      'it is an Excel 97-2003 workbook (.xls) or a password-protected workbook, not an .xlsx workbook: open it in ' +
        'Excel, remove any password, and save it as "Excel Workbook (*.xlsx)"',
    );
  }
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return new WorkbookError(
      'it is not a complete Excel workbook (.xlsx): the end of its zip directory is missing: is it cut short?',
    );
  }
  return new WorkbookError(
    'it is not an Excel workbook (.xlsx): an .xlsx file is a zip archive, and this is not one',
  );
}

function findEndOfDirectory(bytes: Uint8Array): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  const last = bytes.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (bytes[at] === 0x50 && u32(bytes, at) === EOCD && at + 22 + u16(bytes, at + 20) <= bytes.length)
      return at;
  }
  return -1;
}

function cutShort(what: string): WorkbookError {
  return new WorkbookError(
    `it is not a complete Excel workbook (.xlsx): ${what}: is it cut short, or damaged?`,
  );
}

/**
 * The entries of a zip archive, from its central directory (ZIP64 included).
 *
 * @param bytes - the whole archive.
 * @returns the entries, in the directory's order.
 * @throws {WorkbookError} when the bytes are no zip archive, or one cut short.
 * @example
 * listZipEntries(bytes).map((entry) => entry.name) //=> ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', …]
 */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const end = findEndOfDirectory(bytes);
  if (end < 0) throw notAZip(bytes);
  let count = u16(bytes, end + 10);
  let directorySize = u32(bytes, end + 12);
  let at = u32(bytes, end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || at === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || u32(bytes, locator) !== ZIP64_LOCATOR)
      throw cutShort('its ZIP64 directory is missing');
    const record = u64(bytes, locator + 8);
    if (record + 56 > bytes.length || u32(bytes, record) !== ZIP64_EOCD)
      throw cutShort('its ZIP64 directory is missing');
    count = u64(bytes, record + 32);
    directorySize = u64(bytes, record + 40);
    at = u64(bytes, record + 48);
  }
  if (at + directorySize > bytes.length) throw cutShort('its zip directory lies beyond the end of the file');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) throw cutShort('its zip directory is damaged');
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let compressedSize = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    let offset = u32(bytes, at + 42);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 sizes and offset: in the extra field 0x0001, in this order, for those written as 0xFFFFFFFF.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(bytes, extra);
      const length = u16(bytes, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, field);
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, field);
          field += 8;
        }
        if (offset === 0xffffffff) offset = u64(bytes, field);
      }
      extra += 4 + length;
    }
    entries.push({
      name,
      method: u16(bytes, at + 10),
      crc32: u32(bytes, at + 16),
      compressedSize,
      size,
      offset,
      encrypted: (flags & 1) === 1,
    });
    at = extraEnd + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, after its local header. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.encrypted) {
    throw new WorkbookError(
      `its part ${entry.name} is encrypted: remove the workbook's password and save it again`,
    );
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new WorkbookError(
      `its part ${entry.name} is compressed with method ${entry.method}, which only deflate (8) and none (0) are read as`,
    );
  }
  const at = entry.offset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) throw cutShort(`its part ${entry.name} is missing`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw cutShort(`its part ${entry.name} ends beyond the end of the file`);
  return bytes.subarray(start, end);
}

/** Undoes raw deflate: the compressed bytes in; the bytes they stand for out, piece by piece. */
export type RawInflater = (data: Uint8Array) => AsyncIterable<Uint8Array>;

/** The little of Node's zlib module used here (typed here: the core has no Node types in its API). */
interface NodeZlib {
  createInflateRaw(options: {
    chunkSize: number;
  }): AsyncIterable<Uint8Array> & { end(data: Uint8Array): void };
  /** Node 20.15 and later: CRC-32 in native code, about three times as fast as {@link updateCrc32}. */
  crc32?: (data: Uint8Array, value: number) => number;
}

/** Node.js's zlib, asked of the running platform rather than imported, so that the core stays browser-safe. */
function nodeZlib(): NodeZlib | undefined {
  const platform = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
  const zlib = platform?.getBuiltinModule?.('node:zlib') as Partial<NodeZlib> | undefined;
  return typeof zlib?.createInflateRaw === 'function' ? (zlib as NodeZlib) : undefined;
}

/** Continues a CRC-32 over more bytes, with Node's zlib where it has `crc32`, else {@link updateCrc32}. */
const continueCrc32: (crc: number, bytes: Uint8Array) => number = (() => {
  const crc32 = nodeZlib()?.crc32;
  return typeof crc32 === 'function' ? (crc: number, bytes: Uint8Array) => crc32(bytes, crc) : updateCrc32;
})();

/**
 * Inflates with Node's zlib, in pieces of 1 MB: the whole compressed data written at once (a view, not a copy), the
 * output read as zlib makes it, at most a piece or two ahead of the reader.
 *
 * @param zlib - Node's zlib module.
 * @param data - the compressed bytes.
 * @returns the inflated bytes, piece by piece.
 * @example
 * for await (const piece of inflateWithZlib(zlib, data)) total += piece.length;
 */
function inflateWithZlib(zlib: NodeZlib, data: Uint8Array): AsyncIterable<Uint8Array> {
  const inflater = zlib.createInflateRaw({ chunkSize: PIECE });
  inflater.end(data);
  return inflater;
}

/**
 * The raw-deflate decompressor of the platform: Node's zlib where there is one, else `DecompressionStream`.
 *
 * @returns the inflater {@link unzipEntry} uses by default.
 * @example
 * platformInflater() //=> inflates with zlib in Node.js, with DecompressionStream in a browser
 */
export function platformInflater(): RawInflater {
  const zlib = nodeZlib();
  return zlib === undefined ? inflateWithStream : (data) => inflateWithZlib(zlib, data);
}

/**
 * Inflates with the platform's `DecompressionStream('deflate-raw')`, in the pieces it gives.
 *
 * @param data - the compressed bytes.
 * @returns the inflated bytes, piece by piece.
 * @example
 * for await (const piece of inflateWithStream(data)) total += piece.length;
 */
export function inflateWithStream(data: Uint8Array): AsyncIterable<Uint8Array> {
  let at = 0;
  const compressed = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= data.length) {
        controller.close();
        return;
      }
      // A view, not a copy: the decompressor reads its input and neither keeps nor transfers it.
      controller.enqueue(data.subarray(at, at + SLICE));
      at += SLICE;
    },
  });
  // `as never`: the DOM's types (the browser page's build) and Node's disagree on the stream's chunk type.
  return compressed.pipeThrough(
    new DecompressionStream('deflate-raw') as never,
  ) as unknown as AsyncIterable<Uint8Array>;
}

/**
 * Unzips one entry as chunks of bytes, as they come, and checks them against the entry's size and CRC-32 at the
 * end: a damaged entry never passes as a short or altered one.
 *
 * @param bytes - the whole archive.
 * @param entry - one of {@link listZipEntries}'s entries.
 * @param inflate - undoes deflate. Default: {@link platformInflater}'s.
 * @returns the entry's bytes, chunk by chunk.
 * @throws {WorkbookError} (while iterating) when the entry is encrypted, compressed with another method, cut short
 *   or damaged.
 * @example
 * for await (const chunk of unzipEntry(bytes, entry)) total += chunk.length;
 * total //=> entry.size
 */
export async function* unzipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  inflate: RawInflater = platformInflater(),
): AsyncGenerator<Uint8Array> {
  const data = entryData(bytes, entry);
  let crc = 0;
  let size = 0;
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += SLICE) {
      const chunk = data.subarray(at, at + SLICE);
      crc = continueCrc32(crc, chunk);
      size += chunk.length;
      yield chunk;
    }
  } else {
    try {
      for await (const chunk of inflate(data)) {
        crc = continueCrc32(crc, chunk);
        size += chunk.length;
        yield chunk;
      }
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      throw new WorkbookError(
        `its part ${entry.name} is damaged (${error instanceof Error ? error.message : String(error)}): is the file cut short?`,
      );
    }
  }
  if (size !== entry.size || crc !== entry.crc32) {
    throw new WorkbookError(
      `its part ${entry.name} is damaged: it unzips to ${size} bytes with check sum ${crc.toString(16)}, where the ` +
        `zip directory says ${entry.size} bytes with ${entry.crc32.toString(16)}`,
    );
  }
}
