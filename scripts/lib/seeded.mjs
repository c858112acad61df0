// What the example generators share: seeded random numbers (sfc32, one stream per name, so that each part of an
// example draws from its own), and a workbook's zip entries stamped with a fixed time (JSZip stamps them with the
// clock), so that a generator writes byte-identical files each time it runs.

/** sfc32: a small fast generator of numbers in [0, 1) from four 32-bit words. Integer arithmetic only. */
export function sfc32(a, b, c, d) {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A seeded stream of random numbers named `name`: random(), int(min, max), chance(p), pick(items). */
export function stream(name, seed) {
  let h = seed ^ 0x9e3779b9;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  const random = sfc32(seed, h, h ^ 0x5bd1e995, 0x27d4eb2f);
  for (let i = 0; i < 15; i++) random();
  return {
    random,
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
    chance: (p) => random() < p,
    pick: (items) => items[Math.floor(random() * items.length)],
  };
}

/** Sets every entry's DOS time and date, in the local headers and the central directory, to `time`. */
export function fixZipTimes(zip, time) {
  const dosTime = (time.getUTCHours() << 11) | (time.getUTCMinutes() << 5);
  const dosDate = ((time.getUTCFullYear() - 1980) << 9) | ((time.getUTCMonth() + 1) << 5) | time.getUTCDate();
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('no end of central directory');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    zip.writeUInt16LE(dosTime, at + 12);
    zip.writeUInt16LE(dosDate, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local header');
    zip.writeUInt16LE(dosTime, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
