import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSha256, sha256OfText } from '../../src/util/sha256.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('createSha256', () => {
  it('gives the FIPS 180-4 example digests', () => {
    // FIPS 180-4's examples (NIST's SHA-256 example values): "abc", the 448-bit message, and no bytes at all.
    const digest = (text: string) => {
      const hash = createSha256();
      hash.update(utf8(text));
      return hash.digest();
    };
    expect(digest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(digest('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(digest('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('agrees with node:crypto for any bytes, fed in any two pieces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), (bytes, at) => {
        const cut = bytes.length === 0 ? 0 : at % (bytes.length + 1);
        const hash = createSha256();
        hash.update(bytes.subarray(0, cut));
        hash.update(bytes.subarray(cut));
        expect(hash.digest()).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('sha256OfText', () => {
  it("is the hash of the text's UTF-8 bytes, even where a slice would split a surrogate pair", () => {
    // 65,535 ASCII characters put the emoji's two halves across the 65,536-character slice the text is encoded by.
    const text = `${'a'.repeat(65_535)}😀 Zoë`;
    expect(sha256OfText(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});
