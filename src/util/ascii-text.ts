/**
 * The text of ASCII bytes, each byte one character, made without a decoder: the byte lanes of the census
 * (`records/xml-bytes.ts`) and of a sheet (`workbook/sheet-bytes.ts`) read values that are nearly all short (a code,
 * an id, a date).
 * @module
 */

/** The character of each argument's code. */
const char = String.fromCharCode;

/**
 * How many bytes are given `String.fromCharCode` at once for a long text: an engine takes only so many arguments
 * (about 120,000 here), and a value may be longer.
 */
const TEXT_PIECE = 4096;

/**
 * The text of the ASCII bytes from `start` to `end` (each byte one character), of any length. Up to 12 bytes are
 * the arguments of one `String.fromCharCode` call (about 40% faster than a string grown a byte at a time, and about
 * twice as fast as the call applied to a view of the bytes); longer ones are made 4 KiB at a time.
 *
 * @param bytes - the bytes, every one below 128.
 * @param start - the first byte's index.
 * @param end - the index after the last.
 * @returns the text ('' when `end` is not after `start`).
 * @example
 * asciiText(new TextEncoder().encode('<A>2010-04-01</A>'), 3, 13) //=> '2010-04-01'
 */
export function asciiText(bytes: Uint8Array, start: number, end: number): string {
  const length = end - start;
  if (length <= 0) return '';
  if (length <= 12) return shortText(bytes, start, length);
  let text = '';
  for (let at = start; at < end; at += TEXT_PIECE) {
    const piece = bytes.subarray(at, Math.min(end, at + TEXT_PIECE));
    text += char.apply(null, piece as unknown as number[]);
  }
  return text;
}

/** The text of 1 to 12 bytes from `at`, by one call. */
function shortText(b: Uint8Array, at: number, length: number): string {
  switch (length) {
    case 1:
      return char(b[at] as number);
    case 2:
      return char(b[at] as number, b[at + 1] as number);
    case 3:
      return char(b[at] as number, b[at + 1] as number, b[at + 2] as number);
    case 4:
      return char(b[at] as number, b[at + 1] as number, b[at + 2] as number, b[at + 3] as number);
    case 5:
      return char(
        b[at] as number,
        b[at + 1] as number,
        b[at + 2] as number,
        b[at + 3] as number,
        b[at + 4] as number,
      );
    case 6:
      return char(
        b[at] as number,
        b[at + 1] as number,
        b[at + 2] as number,
        b[at + 3] as number,
        b[at + 4] as number,
        b[at + 5] as number,
      );
    case 7:
      return char(
        b[at] as number,
        b[at + 1] as number,
        b[at + 2] as number,
        b[at + 3] as number,
        b[at + 4] as number,
        b[at + 5] as number,
        b[at + 6] as number,
      );
    case 8:
      return char(
        b[at] as number,
        b[at + 1] as number,
        b[at + 2] as number,
        b[at + 3] as number,
        b[at + 4] as number,
        b[at + 5] as number,
        b[at + 6] as number,
        b[at + 7] as number,
      );
    case 9:
      return char(
        b[at] as number,
        b[at + 1] as number,
        b[at + 2] as number,
        b[at + 3] as number,
        b[at + 4] as number,
        b[at + 5] as number,
        b[at + 6] as number,
        b[at + 7] as number,
        b[at + 8] as number,
      );
    case 10:
      return char(
        b[at] as number,
        b[at + 1] as number,
        b[at + 2] as number,
        b[at + 3] as number,
        b[at + 4] as number,
        b[at + 5] as number,
        b[at + 6] as number,
        b[at + 7] as number,
        b[at + 8] as number,
        b[at + 9] as number,
      );
    case 11:
      return char(
        b[at] as number,
        b[at + 1] as number,
        b[at + 2] as number,
        b[at + 3] as number,
        b[at + 4] as number,
        b[at + 5] as number,
        b[at + 6] as number,
        b[at + 7] as number,
        b[at + 8] as number,
        b[at + 9] as number,
        b[at + 10] as number,
      );
    case 12:
      return char(
        b[at] as number,
        b[at + 1] as number,
        b[at + 2] as number,
        b[at + 3] as number,
        b[at + 4] as number,
        b[at + 5] as number,
        b[at + 6] as number,
        b[at + 7] as number,
        b[at + 8] as number,
        b[at + 9] as number,
        b[at + 10] as number,
        b[at + 11] as number,
      );
    default:
      throw new RangeError(`shortText makes 1 to 12 characters, not ${length}`);
  }
}
