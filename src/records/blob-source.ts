/**
 * Stage 1 of the reading path in a browser: a `File` (or any `Blob`) as a {@link ByteSource}, read a piece at a time
 * through `Blob.stream()`, so that a 200 MB export is never held whole. Node 20 has `Blob` too, so the same source
 * reads a `Blob` there.
 * @module
 */
import type { ByteSource } from './stages.js';

/**
 * What {@link blobSource} needs of a `File` or `Blob`: its size and a stream of its bytes. (Written out rather than
 * taken from the DOM's types, so that a consumer's compiler needs no DOM library to read this package's types.)
 */
export interface StreamableBlob {
  /** The size in bytes. */
  readonly size: number;
  /** The bytes, in order, as a web stream. */
  stream(): {
    getReader(): {
      read(): Promise<{ readonly done: boolean; readonly value?: Uint8Array | undefined }>;
      releaseLock(): void;
    };
  };
}

/** Options of {@link blobSource}. */
export interface BlobSourceOptions {
  /** Called after each piece with the bytes read so far and the size, for progress. Default: none. */
  readonly onBytes?: (bytesRead: number, size: number) => void;
}

/**
 * The bytes of a `File` or `Blob`, read from its start in the pieces its stream gives (64 KiB in Chromium), as often
 * as asked (`rereadable`).
 *
 * @param blob - the file (a browser `File`, or any `Blob`).
 * @param name - the name messages give it: a `File`'s `name`.
 * @param options - `onBytes`, for progress (default none).
 * @returns the source, for `readRecordsSource`.
 * @example
 * const source = blobSource(new Blob(['id,childId,referralDate\nR1,C1,2010-10-01\n']), 'referrals.csv');
 * (await readRecordsSource('referral', source, 'csv', kindLayout('referral'))).input.rowsAccepted //=> 1
 */
export function blobSource(blob: StreamableBlob, name: string, options: BlobSourceOptions = {}): ByteSource {
  // The most bytes reported: a read handed back by the CSV fast lane reads the blob again from its start, and
  // progress is not reported again until it passes that point.
  let reported = 0;
  return {
    name,
    rereadable: true,
    async *chunks() {
      const reader = blob.stream().getReader();
      let bytesRead = 0;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (value === undefined || value.length === 0) continue;
          bytesRead += value.length;
          yield value;
          if (bytesRead > reported) {
            reported = bytesRead;
            options.onBytes?.(bytesRead, blob.size);
          }
        }
      } finally {
        reader.releaseLock();
      }
    },
  };
}
