/**
 * Stage 1 of the reading path in node: a file's bytes as a {@link ByteSource}, and `node:crypto`'s SHA-256 for the
 * hash every result names (several times faster than the core's own).
 * @module
 */
import { createHash } from 'node:crypto';
import type { ByteSource } from '../records/stages.js';
import type { Hasher } from '../util/sha256.js';

/**
 * What {@link fileSource} needs of an open file: a `FileHandle` of `node:fs/promises` has it. (Written out rather
 * than imported, so that a consumer's compiler needs no node type definitions to read this package's.)
 */
export interface OpenFile {
  /** A stream of the file's bytes from `start`, left open at its end (`autoClose: false`). */
  createReadStream(options: { autoClose: boolean; start: number }): AsyncIterable<unknown>;
}

/**
 * The bytes of an open file, read from its start in 64 KiB pieces, as often as asked (`rereadable`).
 *
 * @param handle - the open file, a `FileHandle` (closed by its opener).
 * @param name - the name messages give it.
 * @returns the source.
 * @example
 * const source = fileSource(await open('ia.csv'), 'ia.csv');
 * for await (const chunk of source.chunks()) chunk.length //=> 65536, …
 */
export function fileSource(handle: OpenFile, name: string): ByteSource {
  return {
    name,
    rereadable: true,
    chunks: () => handle.createReadStream({ autoClose: false, start: 0 }) as AsyncIterable<Uint8Array>,
  };
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
