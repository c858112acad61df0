/**
 * CRC-32 (the zip check sum, ISO 3309), computed eight bytes at a time ("slicing by 8") so that checking a
 * decompressed sheet costs little beside unzipping it.
 * @module
 */

/** Whether the platform stores numbers little-endian (every current one does; others take the byte-wise path). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const TABLES: readonly Uint32Array[] = (() => {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  const first = tables[0] as Uint32Array;
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    first[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = first[n] as number;
    for (let t = 1; t < 8; t++) {
      c = (first[c & 0xff] as number) ^ (c >>> 8);
      (tables[t] as Uint32Array)[n] = c >>> 0;
    }
  }
  return tables;
})();

/**
 * Continues a CRC-32 over more bytes: start from 0, feed every chunk in order, and the last value is the check sum.
 *
 * @param crc - the value so far (0 before the first chunk).
 * @param bytes - the next bytes.
 * @returns the value after them.
 * @example
 * updateCrc32(0, new TextEncoder().encode('123456789')).toString(16) //=> 'cbf43926'
 */
export function updateCrc32(crc: number, bytes: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES as [
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
  ];
  let c = ~crc;
  let i = 0;
  // Bytes up to a 4-byte boundary one at a time, then 8 at a time as two 32-bit words (read little-endian, as every
  // platform that runs this is), then the rest.
  while (i < bytes.length && (bytes.byteOffset + i) % 4 !== 0) {
    c = (t0[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
    i++;
  }
  const words = LITTLE_ENDIAN ? Math.floor((bytes.length - i) / 8) * 2 : 0;
  if (words > 0) {
    const view = new Uint32Array(bytes.buffer, bytes.byteOffset + i, words);
    for (let w = 0; w < words; w += 2) {
      const a = (c ^ (view[w] as number)) >>> 0;
      const b = view[w + 1] as number;
      c =
        (t7[a & 0xff] as number) ^
        (t6[(a >>> 8) & 0xff] as number) ^
        (t5[(a >>> 16) & 0xff] as number) ^
        (t4[a >>> 24] as number) ^
        (t3[b & 0xff] as number) ^
        (t2[(b >>> 8) & 0xff] as number) ^
        (t1[(b >>> 16) & 0xff] as number) ^
        (t0[b >>> 24] as number);
    }
    i += words * 4;
  }
  while (i < bytes.length) {
    c = (t0[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
    i++;
  }
  return ~c >>> 0;
}
