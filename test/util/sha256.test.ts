import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPortableSha256, createSha256, sha256OfText } from '../../src/util/sha256.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('createPortableSha256', () => {
  it('gives the FIPS 180-4 example digests', () => {
    // FIPS 180-4's examples (NIST's SHA-256 example values): "abc", the 448-bit message, and no bytes at all.
    const digest = (text: string) => {
      const hash = createPortableSha256();
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
        const hash = createPortableSha256();
        hash.update(bytes.subarray(0, cut));
        hash.update(bytes.subarray(cut));
        expect(hash.digest()).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});

/** Runs `body` as in a browser: `process` without `getBuiltinModule`, so the plain JavaScript hash is used. */
function withoutBuiltins<T>(body: () => T): T {
  const spy = vi.spyOn(process, 'getBuiltinModule').mockImplementation((() => undefined) as never);
  try {
    return body();
  } finally {
    spy.mockRestore();
  }
}

describe('createSha256', () => {
  afterEach(() => vi.restoreAllMocks());

  it("is node:crypto's in Node.js, asked of process.getBuiltinModule, and gives the same digest", () => {
    const spy = vi.spyOn(process, 'getBuiltinModule');
    const hash = createSha256();
    hash.update(utf8('abc'));
    expect(hash.digest()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(spy).toHaveBeenCalledWith('node:crypto');
  });

  it('is the plain JavaScript where the platform gives no node:crypto, with the same digest', () => {
    // FIPS 180-4's "abc" example, hashed in two pieces with node:crypto out of reach.
    const digest = withoutBuiltins(() => {
      const hash = createSha256();
      hash.update(utf8('ab'));
      hash.update(utf8('c'));
      return hash.digest();
    });
    expect(digest).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('sha256OfText', () => {
  it("is the hash of the text's UTF-8 bytes, even where a slice would split a surrogate pair", () => {
    // 65,535 ASCII characters put the emoji's two halves across the 65,536-character slice the text is encoded by.
    const text = `${'a'.repeat(65_535)}😀 Zoë`;
    expect(sha256OfText(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('gives the same hash by the plain JavaScript, the surrogate pair split across slices', () => {
    const text = `${'a'.repeat(65_535)}😀 Zoë`;
    expect(withoutBuiltins(() => sha256OfText(text))).toBe(
      createHash('sha256').update(text, 'utf8').digest('hex'),
    );
  });
});
