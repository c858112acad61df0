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
  return hashOfChars(key, 0, key.length);
}

/**
 * {@link hashOf} of `text.slice(start, end)`, read in place (the CSV lane hashes an id without making its string).
 * @example hashOfChars('R1,C1', 0, 2) === hashOf('R1') //=> true
 */
export function hashOfChars(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/**
 * A second 32-bit hash of `text.slice(start, end)`, made otherwise than {@link hashOfChars} (another multiplier, the
 * bits folded at each character), so that two keys with the same pair of hashes are, but for about one pair in
 * 2^64, the same key. A read that keeps no id strings (`DayColumns`) checks its ids by the pair, and reads the input
 * again when a pair repeats, the rows of that pair sent to the general path (which looks their keys up as strings):
 * a rare false repeat costs a second read, never a figure.
 * @example otherHashOfChars('R1', 0, 2) === otherHashOfChars('R1,C1', 0, 2) //=> true
 * @example otherHashOfChars('R1', 0, 2) === hashOfChars('R1', 0, 2) //=> false
 */
export function otherHashOfChars(text: string, start: number, end: number): number {
  let hash = 0x9747b28c;
  for (let i = start; i < end; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x5bd1e995);
    hash ^= hash >>> 15;
  }
  hash = Math.imul(hash ^ (end - start), 0x27d4eb2f);
  return hash ^ (hash >>> 16);
}

/** The end of {@link hashPairOfChars} and {@link hashPairOfBytes}: each hash's last mixing, into `pair`. */
function finishPair(first: number, other: number, length: number, pair: Int32Array): void {
  let a = first ^ (first >>> 16);
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  a = Math.imul(a, 0xc2b2ae35);
  pair[0] = a ^ (a >>> 16);
  const b = Math.imul(other ^ length, 0x27d4eb2f);
  pair[1] = b ^ (b >>> 16);
}

/**
 * Both hashes of `text.slice(start, end)` in one pass over its characters: {@link hashOfChars} into `pair[0]` and
 * {@link otherHashOfChars} into `pair[1]` (the CSV lane hashes each id so).
 * @example
 * const pair = new Int32Array(2);
 * hashPairOfChars('R1', 0, 2, pair);
 * pair[0] === hashOf('R1') && pair[1] === otherHashOfChars('R1', 0, 2) //=> true
 */
export function hashPairOfChars(text: string, start: number, end: number, pair: Int32Array): void {
  let first = 0x811c9dc5;
  let other = 0x9747b28c;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    first = Math.imul(first ^ code, 0x01000193);
    other = Math.imul(other ^ code, 0x5bd1e995);
    other ^= other >>> 15;
  }
  finishPair(first, other, end - start, pair);
}

/**
 * {@link hashPairOfChars} of text written in ASCII bytes, from `start` to `end`: each byte is its character's code, so
 * the pair is the same as that of the text (the sheet lane hashes each id so, without making its string).
 * @example
 * const [fromText, fromBytes] = [new Int32Array(2), new Int32Array(2)];
 * hashPairOfChars('R1', 0, 2, fromText);
 * hashPairOfBytes(new TextEncoder().encode('R1'), 0, 2, fromBytes);
 * fromBytes.join() === fromText.join() //=> true
 */
export function hashPairOfBytes(bytes: Uint8Array, start: number, end: number, pair: Int32Array): void {
  let first = 0x811c9dc5;
  let other = 0x9747b28c;
  for (let i = start; i < end; i++) {
    const code = bytes[i] as number;
    first = Math.imul(first ^ code, 0x01000193);
    other = Math.imul(other ^ code, 0x5bd1e995);
    other ^= other >>> 15;
  }
  finishPair(first, other, end - start, pair);
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

/**
 * A {@link KeyNumbering} that keeps its keys' characters side by side in one typed array, for a small set of keys
 * looked up very many times (CASELOAD's workers, found once for each of 10^6 allocations). A look-up compares the
 * key given with those characters, read from the slot's place in that array, instead of with the key's own string:
 * the strings of a few tens of thousands of workers are scattered over the heap, and reaching one cost a cache miss
 * per look-up (a third of CASELOAD's time). Keys and numbers are those of {@link createKeyNumbering}; a key that is
 * not a string (records given directly are not checked) is compared with `===`, as there.
 */
class PackedKeyTable implements KeyNumbering {
  private readonly keys: unknown[] = [];
  private capacity: number;
  // Slot s is table[4s] (1 + the number of its key, or 0 when empty), table[4s + 1] (the key's hash), table[4s + 2]
  // (where its characters start in `chars`) and table[4s + 3] (its length, or -1 for a key that is not a string):
  // one cache line holds all four.
  private table: Int32Array;
  private mask: number;
  private chars = new Uint16Array(256);
  private used = 0;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.capacity = capacity;
    this.table = new Int32Array(capacity * 4);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.keys.length;
  }

  add(key: string): number {
    const found = this.find(key);
    if (found >= 0) return found;
    const number = this.keys.length;
    this.keys.push(key);
    let start = 0;
    let length = -1;
    if (typeof key === 'string') {
      start = this.used;
      length = key.length;
      if (start + length > this.chars.length) {
        const chars = new Uint16Array(Math.max(this.chars.length * 2, start + length));
        chars.set(this.chars);
        this.chars = chars;
      }
      for (let i = 0; i < length; i++) this.chars[start + i] = key.charCodeAt(i);
      this.used = start + length;
    }
    this.place(number + 1, hashOf(key), start, length);
    // At most half full, so that probes stay short.
    if (this.keys.length * 2 > this.capacity) this.grow();
    return number;
  }

  find(key: string): number {
    const hash = hashOf(key);
    const { table, mask, chars } = this;
    let slot = hash & mask;
    if (typeof key !== 'string') {
      for (;;) {
        const entry = table[slot * 4] as number;
        if (entry === 0) return -1;
        if (table[slot * 4 + 1] === hash && this.keys[entry - 1] === key) return entry - 1;
        slot = (slot + 1) & mask;
      }
    }
    const length = key.length;
    for (;;) {
      const at = slot * 4;
      const entry = table[at] as number;
      if (entry === 0) return -1;
      if (table[at + 1] === hash && table[at + 3] === length) {
        const start = table[at + 2] as number;
        let i = 0;
        while (i < length && chars[start + i] === key.charCodeAt(i)) i++;
        if (i === length) return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  keyOf(number: number): string {
    const key = this.keys[number];
    if (key === undefined) throw new RangeError(`keyOf: no key is numbered ${number}`);
    return key as string;
  }

  /** Puts a key's slot in the first free one from its hash's. */
  private place(entry: number, hash: number, start: number, length: number): void {
    const { table, mask } = this;
    let slot = hash & mask;
    while (table[slot * 4] !== 0) slot = (slot + 1) & mask;
    table[slot * 4] = entry;
    table[slot * 4 + 1] = hash;
    table[slot * 4 + 2] = start;
    table[slot * 4 + 3] = length;
  }

  private grow(): void {
    const old = this.table;
    this.capacity *= 2;
    this.table = new Int32Array(this.capacity * 4);
    this.mask = this.capacity - 1;
    for (let s = 0; s < old.length; s += 4) {
      const entry = old[s] as number;
      if (entry !== 0) this.place(entry, old[s + 1] as number, old[s + 2] as number, old[s + 3] as number);
    }
  }
}

/**
 * A new, empty {@link KeyNumbering} for a small set of keys found very many times: the same numbers as
 * {@link createKeyNumbering}, each key's characters kept in one typed array so that a look-up does not reach the
 * key's own string (CASELOAD finds its workers with it).
 *
 * @param expected - about how many distinct keys there will be, at most (the table is made that large at once; it
 *   grows past it anyway). Default 0.
 * @returns the numbering.
 * @example
 * const workers = createPackedKeyNumbering();
 * workers.add('W1'); //=> 0
 * workers.add('W2'); //=> 1
 * workers.find('W2'); //=> 1
 * workers.find('W3'); //=> -1
 */
export function createPackedKeyNumbering(expected = 0): KeyNumbering {
  return new PackedKeyTable(expected);
}

/**
 * Where an array of records made by {@link numberChildIds} keeps its child numbers: a symbol property, not
 * enumerable, so that a spread, `slice` or `filter` of the array does not carry it (a new array is unnumbered).
 */
const CHILD_NUMBERS: unique symbol = Symbol('childNumbers');

/** The child numbers an array carries: record i's `childId` was `ids[i]` when it was numbered `numbers[i]`. */
interface AttachedNumbers {
  readonly table: KeyTable;
  readonly ids: readonly unknown[];
  readonly numbers: Int32Array;
}

/** An array that may carry child numbers. */
type MaybeNumbered = { readonly [CHILD_NUMBERS]?: AttachedNumbers };

/** A record that may have a `childId` (records given directly are not checked, so it may be missing). */
interface WithChildId {
  readonly childId?: unknown;
}

/**
 * Checks that a table is one {@link createKeyNumbering} made: only its numbers are trusted.
 * @param table - the table given.
 * @param what - what gave it, for the message (an option's name).
 * @returns nothing: it throws when the table is not one.
 * @throws {TypeError} naming what was given otherwise.
 * @example
 * checkKeyTable({ add: () => 0 }, 'childNumbering'); // throws TypeError: childNumbering: expected a table made by createKeyNumbering(), got another object
 */
export function checkKeyTable(table: unknown, what: string): asserts table is KeyNumbering {
  if (!(table instanceof KeyTable)) {
    throw new TypeError(
      `${what}: expected a table made by createKeyNumbering(), got ${table === null ? 'null' : typeof table === 'object' ? 'another object' : typeof table}`,
    );
  }
}

/**
 * Numbers each record's `childId` in a table, as a reader does when given one (`childNumbering`): the indicators
 * that join records by child (ASSESS45, REPEAT_REFERRALS, CPP_REPEAT) then read each record's number from an array
 * instead of hashing its `childId`. Give every input of one run the same table (ASSESS45's assessments and
 * referrals, most of all). The records are not changed: a new array of the same records is returned, carrying the
 * numbers. The numbers are only a shortcut: an indicator trusts record i's number only while its `childId` is still
 * the one numbered, and only with the other inputs' numbers of the same table; anything else (records built by hand,
 * a filtered or spread copy, a record changed since) is numbered afresh, as if never numbered, to the same figures.
 *
 * @param records - the records (any kind with a `childId`).
 * @param table - the run's table, made by {@link createKeyNumbering}; it gains the children not yet in it.
 * @returns a new array of the same records, in the same order, carrying their child numbers.
 * @throws {TypeError} when `table` was not made by {@link createKeyNumbering}.
 * @example
 * const children = createKeyNumbering();
 * const given = [{ id: 'R1', childId: 'C7', referralDate: '2010-10-01' }];
 * const referrals = numberChildIds(given, children);
 * numberChildIds([{ id: 'A1', childId: 'C7', startDate: '2010-10-04' }], children);
 * children.size; //=> 1 (C7, numbered once for both inputs)
 * [referrals[0] === given[0], referrals === given]; //=> [true, false] (the same records, in a new array)
 */
export function numberChildIds<R extends { readonly childId?: unknown }>(
  records: readonly R[],
  table: KeyNumbering,
): readonly R[] {
  checkKeyTable(table, 'numberChildIds');
  const count = records.length;
  const ids: unknown[] = new Array(count);
  const numbers = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const childId = (records[index] as R).childId;
    ids[index] = childId;
    numbers[index] = table.add(childId as string);
  }
  const numbered = records.slice();
  const attached: AttachedNumbers = { table: table as KeyTable, ids, numbers };
  Object.defineProperty(numbered, CHILD_NUMBERS, { value: attached });
  return numbered;
}

/** The numbers an array carries, when they are for this very array's length; otherwise undefined. */
function attachedTo(records: readonly WithChildId[]): AttachedNumbers | undefined {
  const attached = (records as MaybeNumbered)[CHILD_NUMBERS];
  return attached !== undefined && attached.ids.length === records.length ? attached : undefined;
}

/** Each record's child number, and the numbering they are numbers of. */
export interface ChildNumbers {
  /** The numbering: every number is below its `size`. */
  readonly table: KeyNumbering;
  /** The number of record i's child, or -1 for a record left out. */
  readonly numbers: Int32Array;
}

/**
 * The child number of each record: the numbers its reader attached ({@link numberChildIds}) when every record's
 * `childId` is still the one numbered, otherwise each `childId` numbered afresh in a new table (one hash per record).
 * Records for which `skip` is true get -1.
 *
 * @param records - the records.
 * @param skip - records to leave out. Default: none.
 * @returns the numbers and their table.
 * @example
 * const { numbers } = childNumbersOf([{ childId: 'C1' }, { childId: 'C2' }, { childId: 'C1' }]);
 * numbers; //=> Int32Array [0, 1, 0]
 */
export function childNumbersOf(
  records: readonly WithChildId[],
  skip?: (index: number) => boolean,
): ChildNumbers {
  const count = records.length;
  const attached = attachedTo(records);
  if (attached !== undefined && allStillNumbered(records, attached)) {
    if (skip === undefined) return { table: attached.table, numbers: attached.numbers };
    const numbers = attached.numbers.slice();
    for (let index = 0; index < count; index++) if (skip(index)) numbers[index] = -1;
    return { table: attached.table, numbers };
  }
  const table = createKeyNumbering(count);
  const numbers = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    numbers[index] = skip?.(index) ? -1 : table.add((records[index] as WithChildId).childId as string);
  }
  return { table, numbers };
}

/** Whether every record's `childId` is still the one its number was given for (one comparison a record). */
function allStillNumbered(records: readonly WithChildId[], attached: AttachedNumbers): boolean {
  const { ids } = attached;
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    if (record === null || typeof record !== 'object' || record.childId !== ids[index]) return false;
  }
  return true;
}

/**
 * A finder of each record's child number in a given table: the number attached to the record's array when it was
 * numbered in that same table and the record's `childId` is still the one numbered (an array read), otherwise the
 * table's `find` (a hash). -1 when the child is not in the table.
 *
 * @param records - the records.
 * @param table - the table to find them in.
 * @returns `(index) => number` for record `index` of `records`.
 * @example
 * const children = createKeyNumbering();
 * children.add('C1');
 * const numberOf = childNumberFinder([{ childId: 'C2' }, { childId: 'C1' }], children);
 * [numberOf(0), numberOf(1)]; //=> [-1, 0]
 */
export function childNumberFinder(
  records: readonly WithChildId[],
  table: KeyNumbering,
): (index: number) => number {
  const attached = attachedTo(records);
  if (attached === undefined || attached.table !== table) {
    return (index) => table.find((records[index] as WithChildId).childId as string);
  }
  const { ids, numbers } = attached;
  return (index) => {
    const childId = (records[index] as WithChildId).childId;
    return childId === ids[index] ? (numbers[index] as number) : table.find(childId as string);
  };
}

/**
 * The child numbers an array carries ({@link numberChildIds}), not yet checked against the records: for a caller that
 * reads every record in a pass of its own anyway (ASSESS45's referral index reads each referral's date) and checks
 * there that record i's `childId` is still `ids[i]`, instead of in a pass of {@link childNumbersOf}'s; when one is not,
 * it must take {@link childNumbersOf}'s numbers instead. Undefined when the array carries none for its length.
 *
 * @param records - the records.
 * @returns the table, each record's `childId` when numbered, and its number; or undefined.
 * @example
 * const children = createKeyNumbering();
 * const numbered = numberChildIds([{ childId: 'C1' }, { childId: 'C2' }], children);
 * uncheckedChildNumbers(numbered)?.numbers; //=> Int32Array [0, 1]
 * uncheckedChildNumbers([{ childId: 'C1' }]); //=> undefined
 */
export function uncheckedChildNumbers(
  records: readonly WithChildId[],
):
  | { readonly table: KeyNumbering; readonly ids: readonly unknown[]; readonly numbers: Int32Array }
  | undefined {
  return attachedTo(records);
}

/**
 * Keys gathered by their hashes and checked for repeats all at once, at the end: the fast lanes' check of an input's
 * ids (`duplicate_id`). Looking each of 10^6 fresh ids up in a table of several megabytes as it is read costs a cache
 * miss per id (a tenth of the read); gathered, the hashes are put in groups by their top bits (a counting sort) and
 * each group is checked with a table of a few kilobytes that stays in the cache. Two keys are the same only when
 * their hashes and then their strings are equal, so the hash narrows the comparison and never decides it. The check
 * gives each key gathered again with the first key equal to it, by their owners (see `settlePlainRows` in
 * `check.ts`). Internal to the reading path (not exported by the package).
 * @example
 * const ids = ['IA1', 'IA2', 'IA1', 'IA1'];
 * const repeats = new KeyRepeats();
 * ids.forEach((id, at) => repeats.add(hashOf(id), at));
 * repeats.repeats((at) => ids[at]) //=> [0, 2, 0, 3]
 */
export class KeyRepeats {
  /** How many keys have been gathered. */
  size = 0;
  private hashes = new Int32Array(1024);
  private owners = new Int32Array(1024);

  /**
   * Gathers a key.
   * @param hash - the key's {@link hashOf}.
   * @param owner - a number the caller gives back to {@link KeyRepeats.repeats}'s `keyOf` to get the key.
   */
  add(hash: number, owner: number): void {
    const at = this.size;
    if (at === this.hashes.length) {
      const hashes = new Int32Array(at * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const owners = new Int32Array(at * 2);
      owners.set(this.owners);
      this.owners = owners;
    }
    this.hashes[at] = hash;
    this.owners[at] = owner;
    this.size = at + 1;
  }

  /**
   * The keys gathered that equal one gathered before them.
   * @param keyOf - the key of an owner given to {@link KeyRepeats.add} (compared with `===`).
   * @returns pairs of owners, flat: the first key gathered of a value, then one gathered after it with the same
   *   value (every later one, each with the first), in no particular order; empty when no key repeats.
   */
  repeats(keyOf: (owner: number) => unknown): number[] {
    const found: number[] = [];
    const count = this.size;
    if (count < 2) return found;
    const { hashes, owners } = this;
    // Groups of about 2,048 keys, by the hash's top bits.
    let bits = 0;
    while (count >>> bits > 2048 && bits < 12) bits++;
    const groups = 1 << bits;
    const groupOf = (hash: number): number => (bits === 0 ? 0 : hash >>> (32 - bits));
    const ends = new Int32Array(groups + 1);
    for (let k = 0; k < count; k++) {
      const g = groupOf(hashes[k] as number) + 1;
      ends[g] = (ends[g] as number) + 1;
    }
    let largest = 0;
    for (let g = 0; g < groups; g++) {
      largest = Math.max(largest, ends[g + 1] as number);
      ends[g + 1] = (ends[g + 1] as number) + (ends[g] as number);
    }
    const next = ends.slice(0, groups);
    const order = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const g = groupOf(hashes[k] as number);
      order[next[g] as number] = k;
      next[g] = (next[g] as number) + 1;
    }
    // One open-addressing table, at most half full, reused group by group: slot s holds 1 + a key's place, or 0.
    let capacity = 16;
    while (capacity < largest * 2) capacity *= 2;
    const table = new Int32Array(capacity);
    for (let g = 0; g < groups; g++) {
      const from = ends[g] as number;
      const to = ends[g + 1] as number;
      let size = 16;
      while (size < (to - from) * 2) size *= 2;
      const mask = size - 1;
      table.fill(0, 0, size);
      for (let j = from; j < to; j++) {
        const k = order[j] as number;
        const hash = hashes[k] as number;
        let slot = hash & mask;
        for (;;) {
          const entry = table[slot] as number;
          if (entry === 0) {
            table[slot] = k + 1;
            break;
          }
          // Within a group the keys come in the order they were gathered: the entry is the first of its value.
          const first = owners[entry - 1] as number;
          if (hashes[entry - 1] === hash && keyOf(first) === keyOf(owners[k] as number)) {
            found.push(first, owners[k] as number);
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
    }
    return found;
  }
}
