/**
 * Stage 2 of the reading path: bytes to text, and the encoding read. Every reader decodes through the two
 * functions here and nothing else, so that encoding detection (UTF-16 by its byte-order mark, Windows-1252 for
 * bytes that are not UTF-8) is one change, in one place. Today: UTF-8 unless the caller names the encoding; a
 * byte-order mark is dropped.
 * @module
 */
import type { TextEncoding } from './issues.js';

/** Options of the decoders. */
export interface DecodeOptions {
  /** The encoding to read the bytes in. Default `utf-8`. */
  readonly encoding?: TextEncoding;
}

/** A decoder fed bytes in pieces. */
export interface TextDecoding {
  /** The encoding the text is read in. */
  readonly encoding: TextEncoding;
  /** The text of the next piece of bytes (a character split between pieces is given with the next piece). */
  decode(bytes: Uint8Array): string;
  /** The text left at the end of the bytes. */
  end(): string;
}

/**
 * Creates a decoder for bytes that come in pieces (a file streamed).
 *
 * @param options - `encoding` (default `utf-8`).
 * @returns the decoder.
 * @example
 * const decoding = createTextDecoding();
 * decoding.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x5a, 0x6f, 0xc3])) + decoding.decode(new Uint8Array([0xab])) //=> 'Zoë'
 */
export function createTextDecoding(options: DecodeOptions = {}): TextDecoding {
  const encoding = options.encoding ?? 'utf-8';
  // ignoreBOM false: the decoder drops a byte-order mark at the start.
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  return {
    encoding,
    decode: (bytes) => decoder.decode(bytes, { stream: true }),
    end: () => decoder.decode(),
  };
}

/**
 * Decodes all the bytes of a file at once.
 *
 * @param bytes - the bytes.
 * @param options - `encoding` (default `utf-8`).
 * @returns the text and the encoding it was read in.
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x69, 0x64])) //=> { text: 'id', encoding: 'utf-8' }
 */
export function decodeText(
  bytes: Uint8Array,
  options: DecodeOptions = {},
): { readonly text: string; readonly encoding: TextEncoding } {
  const decoding = createTextDecoding(options);
  return { text: decoding.decode(bytes) + decoding.end(), encoding: decoding.encoding };
}
