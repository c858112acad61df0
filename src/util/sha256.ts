/**
 * SHA-256 (FIPS 180-4) for the browser-safe core: every read result names the hash of what it read. In Node.js the
 * hash is `node:crypto`'s, asked of `process.getBuiltinModule` at run time (never imported, so the core still loads
 * in a browser); elsewhere, or where Node.js has no `getBuiltinModule`, it is this module's plain JavaScript, about
 * five times slower and giving the same hex. Fed in pieces, so a streamed file is hashed as it passes.
 * @module
 */

/** A hash fed in pieces. */
export interface Hasher {
  /** Adds the next bytes. */
  update(bytes: Uint8Array): void;
  /** The hash of everything added, in lowercase hex. The hasher is done after it. */
  digest(): string;
}

// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** The SHA-256 state (a class: V8 reads its fields faster than a closure's). */
class Sha256 implements Hasher {
  private readonly state = new Int32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  private readonly words = new Int32Array(64);
  private readonly block = new Uint8Array(64);
  private blockLength = 0;
  private length = 0;

  update(bytes: Uint8Array): void {
    let offset = 0;
    const n = bytes.length;
    this.length += n;
    if (this.blockLength > 0) {
      const take = Math.min(64 - this.blockLength, n);
      this.block.set(bytes.subarray(0, take), this.blockLength);
      this.blockLength += take;
      offset = take;
      if (this.blockLength < 64) return;
      this.compress(this.block, 0, 64);
      this.blockLength = 0;
    }
    const whole = offset + ((n - offset) & ~63);
    if (whole > offset) this.compress(bytes, offset, whole);
    if (whole < n) {
      this.block.set(bytes.subarray(whole), 0);
      this.blockLength = n - whole;
    }
  }

  digest(): string {
    const bits = this.length * 8;
    const padding = new Uint8Array((this.blockLength < 56 ? 56 : 120) - this.blockLength + 8);
    padding[0] = 0x80;
    const end = padding.length;
    // The length in bits, big-endian, in the last 8 bytes (split: a bit count may pass 2^32).
    const high = Math.floor(bits / 2 ** 32);
    const low = bits >>> 0;
    for (let i = 0; i < 4; i++) {
      padding[end - 8 + i] = (high >>> (24 - 8 * i)) & 0xff;
      padding[end - 4 + i] = (low >>> (24 - 8 * i)) & 0xff;
    }
    const length = this.length;
    this.update(padding);
    this.length = length;
    let hex = '';
    for (const word of this.state) hex += (word >>> 0).toString(16).padStart(8, '0');
    return hex;
  }

  /** Compresses the 64-byte blocks of `bytes[from, to)` into the state, the state held in locals throughout. */
  private compress(bytes: Uint8Array, from: number, to: number): void {
    const w = this.words;
    const s = this.state;
    let h0 = s[0] as number;
    let h1 = s[1] as number;
    let h2 = s[2] as number;
    let h3 = s[3] as number;
    let h4 = s[4] as number;
    let h5 = s[5] as number;
    let h6 = s[6] as number;
    let h7 = s[7] as number;
    for (let offset = from; offset < to; offset += 64) {
      for (let i = 0, at = offset; i < 16; i++, at += 4) {
        w[i] =
          ((bytes[at] as number) << 24) |
          ((bytes[at + 1] as number) << 16) |
          ((bytes[at + 2] as number) << 8) |
          (bytes[at + 3] as number);
      }
      for (let i = 16; i < 64; i++) {
        const x = w[i - 15] as number;
        const y = w[i - 2] as number;
        const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
      }
      let a = h0;
      let b = h1;
      let c = h2;
      let d = h3;
      let e = h4;
      let f = h5;
      let g = h6;
      let h = h7;
      for (let i = 0; i < 64; i++) {
        const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        const ch = (e & f) ^ (~e & g);
        const t1 = (h + S1 + ch + (K[i] as number) + (w[i] as number)) | 0;
        const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const maj = (a & b) ^ (a & c) ^ (b & c);
        h = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + S0 + maj) | 0;
      }
      h0 = (h0 + a) | 0;
      h1 = (h1 + b) | 0;
      h2 = (h2 + c) | 0;
      h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0;
      h5 = (h5 + f) | 0;
      h6 = (h6 + g) | 0;
      h7 = (h7 + h) | 0;
    }
    s[0] = h0;
    s[1] = h1;
    s[2] = h2;
    s[3] = h3;
    s[4] = h4;
    s[5] = h5;
    s[6] = h6;
    s[7] = h7;
  }
}

/**
 * Creates a SHA-256 hash to feed in pieces.
 *
 * @returns the hasher: `update(bytes)` each piece, then `digest()`.
 * @example
 * const hash = createSha256();
 * hash.update(new TextEncoder().encode('ab'));
 * hash.update(new TextEncoder().encode('c'));
 * hash.digest() //=> 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function createSha256(): Hasher {
  const crypto = nodeCrypto();
  if (crypto === undefined) return new Sha256();
  const hash = crypto.createHash('sha256');
  return {
    update(bytes) {
      hash.update(bytes);
    },
    digest() {
      return hash.digest('hex');
    },
  };
}

/** What this module uses of `node:crypto`. */
interface NodeCrypto {
  createHash(algorithm: 'sha256'): {
    update(bytes: Uint8Array): unknown;
    digest(encoding: 'hex'): string;
  };
}

/** `node:crypto`, when the platform gives it through `process.getBuiltinModule` (Node.js 20.16 and later). */
function nodeCrypto(): NodeCrypto | undefined {
  const platform = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
  const crypto = platform?.getBuiltinModule?.('node:crypto') as Partial<NodeCrypto> | undefined;
  return typeof crypto?.createHash === 'function' ? (crypto as NodeCrypto) : undefined;
}

/**
 * The plain JavaScript SHA-256, whatever the platform (for tests: it must give what `node:crypto` gives).
 *
 * @returns the hasher.
 * @example
 * const hash = createPortableSha256();
 * hash.update(new TextEncoder().encode('abc'));
 * hash.digest() //=> 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function createPortableSha256(): Hasher {
  return new Sha256();
}

/** Characters encoded at a time: the UTF-8 of a text is hashed through one buffer, not copied whole. */
const TEXT_SLICE = 1 << 16;

/**
 * The SHA-256 of a text's UTF-8 bytes, in lowercase hex: for a UTF-8 file without a byte-order mark, the file's own
 * hash.
 *
 * @param text - the text.
 * @returns the hash.
 * @example
 * sha256OfText('abc') //=> 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256OfText(text: string): string {
  const hash = createSha256();
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(TEXT_SLICE * 3);
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + TEXT_SLICE, text.length);
    // Never between the two halves of a surrogate pair: each half alone would be encoded as U+FFFD.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    const { written } = encoder.encodeInto(text.slice(start, end), buffer);
    hash.update(buffer.subarray(0, written));
    start = end;
  }
  return hash.digest();
}
