import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiText } from '../../src/util/ascii-text.js';

const latin1 = new TextDecoder('latin1');

describe('asciiText', () => {
  it('gives the text of any run of ASCII bytes, each byte one character (property)', () => {
    // Against the platform's decoder, for every length from none to past the 12 made in one call and past a
    // 4 KiB piece, at any place in the bytes.
    fc.assert(
      fc.property(fc.uint8Array({ min: 0, max: 127, maxLength: 9000 }), fc.nat(), fc.nat(), (bytes, a, b) => {
        const start = bytes.length === 0 ? 0 : a % (bytes.length + 1);
        const end = start + (bytes.length === 0 ? 0 : b % (bytes.length - start + 1));
        expect(asciiText(bytes, start, end)).toBe(latin1.decode(bytes.subarray(start, end)));
      }),
      { numRuns: 400 },
    );
  });

  it('makes each length from 0 to 30 from the right bytes', () => {
    // 'a' to '~' in order, so a byte taken from the wrong place would show.
    const bytes = Uint8Array.from({ length: 40 }, (_, k) => 97 + (k % 30));
    for (let length = 0; length <= 30; length++) {
      expect(asciiText(bytes, 5, 5 + length)).toBe(latin1.decode(bytes.subarray(5, 5 + length)));
    }
    // An end before the start is no text.
    expect(asciiText(bytes, 9, 3)).toBe('');
  });

  it('makes a text of 300,000 bytes, more than an engine takes as the arguments of one call', () => {
    // String.fromCharCode applied to 300,000 bytes at once throws (about 120,000 arguments at most here).
    const bytes = new Uint8Array(300_000).fill(65);
    bytes[299_999] = 66;
    const text = asciiText(bytes, 0, bytes.length);
    expect(text.length).toBe(300_000);
    expect(text.endsWith('AB')).toBe(true);
  });
});
