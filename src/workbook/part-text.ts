/**
 * A part's bytes as text, piece by piece, for the XML tokenizer.
 * @module
 */
import { WorkbookError } from './errors.js';

/**
 * Where the last complete UTF-8 character of `bytes` ends: before a sequence its lead byte says is longer than what
 * is left, else at the end (bytes that are no UTF-8 are left for the decoder to refuse).
 */
function completeUtf8(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let at = length - 1; at >= 0 && at >= length - 4; at--) {
    const byte = bytes[at] as number;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: the sequence started earlier
    const needs = byte >= 0xf8 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return at + needs > length ? at : length;
  }
  return length;
}

/**
 * Turns a part's bytes into text, piece by piece. UTF-8 (what every writer uses) is decoded a whole piece at a time,
 * an incomplete character at a piece's end held back for the next: the platform's one-shot decoder is about twice
 * as fast as its streaming one. UTF-16 (with a byte-order mark, which the standard allows) is decoded as a stream.
 *
 * @example
 * const decoder = new PartDecoder('xl/sharedStrings.xml');
 * decoder.decode(new Uint8Array([0x5a, 0x6f, 0xc3])) //=> 'Zo'
 * decoder.decode(new Uint8Array([0xab])) //=> 'ë'
 * decoder.end() //=> ''
 */
export class PartDecoder {
  private utf8: boolean | undefined;
  private readonly first = new TextDecoder('utf-8', { fatal: true });
  private readonly rest = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private stream: InstanceType<typeof TextDecoder> | undefined;
  private started = false;
  private held: Uint8Array | undefined;

  /** @param part - the part's name, for messages. */
  constructor(private readonly part: string) {}

  /** Whether bytes are held back (a character cut by the last piece's end, or a part's first byte): none when the
   * text decoded so far ends with a whole character. */
  get holding(): boolean {
    return this.held !== undefined || this.stream !== undefined;
  }

  /**
   * The text of the next bytes (a character cut by their end is held back).
   * @param chunk - the next bytes, cut anywhere.
   * @returns their text.
   * @throws {WorkbookError} when they are not text in the part's encoding.
   */
  decode(chunk: Uint8Array): string {
    if (this.stream !== undefined)
      return this.guarded(() => this.stream?.decode(chunk, { stream: true }) ?? '');
    let piece = chunk;
    if (this.held !== undefined) {
      piece = new Uint8Array(this.held.length + chunk.length);
      piece.set(this.held);
      piece.set(chunk, this.held.length);
      this.held = undefined;
    }
    if (this.utf8 === undefined) {
      // Parts are UTF-8 in practice; the standard also allows UTF-16 with a byte-order mark, told by two bytes.
      if (piece.length < 2) {
        this.held = piece.slice();
        return '';
      }
      const little = piece[0] === 0xff && piece[1] === 0xfe;
      this.utf8 = !(little || (piece[0] === 0xfe && piece[1] === 0xff));
      if (!this.utf8) {
        this.stream = new TextDecoder(little ? 'utf-16le' : 'utf-16be', { fatal: true });
        return this.decode(piece);
      }
    }
    const end = completeUtf8(piece);
    if (end < piece.length) this.held = piece.slice(end);
    return end === 0 ? '' : this.whole(piece.subarray(0, end));
  }

  /**
   * The text of any bytes held back.
   * @returns their text.
   * @throws {WorkbookError} when the part ends inside a character.
   */
  end(): string {
    if (this.stream !== undefined) return this.guarded(() => this.stream?.decode() ?? '');
    const held = this.held;
    this.held = undefined;
    return held === undefined ? '' : this.whole(held);
  }

  /** Decodes complete characters; a byte-order mark is dropped at the start of the part only. */
  private whole(bytes: Uint8Array): string {
    const decoder = this.started ? this.rest : this.first;
    this.started = true;
    return this.guarded(() => decoder.decode(bytes));
  }

  private guarded(decode: () => string): string {
    try {
      return decode();
    } catch (error) {
      throw new WorkbookError(
        `its part ${this.part} is not text in the encoding it declares (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
}
