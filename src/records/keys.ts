/**
 * Numbering the distinct keys of a set of records (ids, child ids, worker ids): the reader finds duplicate ids with
 * it, and the indicators group records by child, person or worker. A hash table of typed arrays, not a `Map`: at
 * 10^6 fresh strings a `Map` spends most of its time hashing each string and growing, and this is about twice as
 * fast.
 * @module
 */

/** Distinct strings, each with a number: 0, 1, 2… in the order they were first added. */
export interface KeyNumbering {
  /** How many distinct keys have been added. */
  readonly size: number;
  /** The number of `key`, adding it (with the next number) when it is new. */
  add(key: string): number;
  /** The number of `key`, or -1 when it has not been added. */
  find(key: string): number;
  /** The key numbered `number`. */
  keyOf(number: number): string;
}

/**
 * A 32-bit hash of a string (FNV-1a over its UTF-16 code units, then a murmur3 finaliser). A value that is not a
 * string (records given directly, unchecked) is hashed as its text and still compared with `===`.
 */
export function hashOf(value: string): number {
  const key = typeof value === 'string' ? value : String(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/** The hash table behind {@link createKeyNumbering} (a class: V8 reads its fields faster than a closure's). */
class KeyTable implements KeyNumbering {
  private readonly keys: string[] = [];
  private capacity: number;
  // Slot s is table[2s] (1 + the number of its key, or 0 when empty) and table[2s + 1] (that key's hash): one
  // cache line holds both.
  private table: Int32Array;
  private mask: number;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.capacity = capacity;
    this.table = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.keys.length;
  }

  add(key: string): number {
    const hash = hashOf(key);
    const { table, mask, keys } = this;
    let slot = hash & mask;
    for (;;) {
      const entry = table[slot * 2] as number;
      if (entry === 0) break;
      if (table[slot * 2 + 1] === hash && keys[entry - 1] === key) return entry - 1;
      slot = (slot + 1) & mask;
    }
    const number = keys.length;
    keys.push(key);
    table[slot * 2] = number + 1;
    table[slot * 2 + 1] = hash;
    // At most half full, so that probes stay short.
    if (keys.length * 2 > this.capacity) this.grow();
    return number;
  }

  find(key: string): number {
    const hash = hashOf(key);
    const { table, mask, keys } = this;
    let slot = hash & mask;
    for (;;) {
      const entry = table[slot * 2] as number;
      if (entry === 0) return -1;
      if (table[slot * 2 + 1] === hash && keys[entry - 1] === key) return entry - 1;
      slot = (slot + 1) & mask;
    }
  }

  keyOf(number: number): string {
    const key = this.keys[number];
    if (key === undefined) throw new RangeError(`keyOf: no key is numbered ${number}`);
    return key;
  }

  private grow(): void {
    const old = this.table;
    this.capacity *= 2;
    const table = new Int32Array(this.capacity * 2);
    const mask = this.capacity - 1;
    for (let s = 0; s < old.length; s += 2) {
      const entry = old[s] as number;
      if (entry === 0) continue;
      const hash = old[s + 1] as number;
      let slot = hash & mask;
      while (table[slot * 2] !== 0) slot = (slot + 1) & mask;
      table[slot * 2] = entry;
      table[slot * 2 + 1] = hash;
    }
    this.table = table;
    this.mask = mask;
  }
}

/**
 * A new, empty {@link KeyNumbering}.
 *
 * @param expected - about how many distinct keys there will be, at most (the table is made that large at once
 *   rather than grown step by step; it grows past it anyway). Default 0.
 * @returns the numbering.
 * @example
 * const children = createKeyNumbering();
 * children.add('C7'); //=> 0
 * children.add('C9'); //=> 1
 * children.add('C7'); //=> 0
 * children.find('C8'); //=> -1
 */
export function createKeyNumbering(expected = 0): KeyNumbering {
  return new KeyTable(expected);
}
