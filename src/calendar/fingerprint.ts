/**
 * A stable, platform-independent hash (FNV-1a, 64 bits) of a calendar's canonical text, written as
 * `fnv1a64:` and 16 hex digits. Not cryptographic: it names a day set, it does not protect one.
 * @example fingerprintOf('weekend:6,7;holidays:') //=> 'fnv1a64:…'
 */
export function fingerprintOf(text: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * prime) & mask;
  }
  return `fnv1a64:${hash.toString(16).padStart(16, '0')}`;
}
