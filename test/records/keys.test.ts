import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecords } from '../../src/records/index.js';
import {
  childNumberFinder,
  childNumbersOf,
  createKeyNumbering,
  createPackedKeyNumbering,
  hashOf,
  KeyRepeats,
  numberChildIds,
} from '../../src/records/keys.js';

describe('createKeyNumbering', () => {
  it('numbers keys 0, 1, 2… in the order first added, and finds them again', () => {
    const children = createKeyNumbering();
    // C7 first (0), C9 second (1); C7 again keeps its number.
    expect([children.add('C7'), children.add('C9'), children.add('C7')]).toEqual([0, 1, 0]);
    expect(children.size).toBe(2);
    expect([children.find('C9'), children.find('C8')]).toEqual([1, -1]);
    expect(children.keyOf(1)).toBe('C9');
    expect(() => children.keyOf(2)).toThrow(RangeError);
  });

  it('tells apart keys that differ only in case, spacing or the empty string', () => {
    const keys = createKeyNumbering();
    // Four different strings, four numbers: the table compares whole strings, not hashes.
    expect(['a', 'A', ' a', ''].map((key) => keys.add(key))).toEqual([0, 1, 2, 3]);
  });

  it('agrees with a Map on any list of keys, however far the table grows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 3000 }),
        fc.nat({ max: 5000 }),
        (keys, expected) => {
          const numbering = createKeyNumbering(expected);
          const reference = new Map<string, number>();
          for (const key of keys) {
            if (!reference.has(key)) reference.set(key, reference.size);
            expect(numbering.add(key)).toBe(reference.get(key));
          }
          expect(numbering.size).toBe(reference.size);
          for (const [key, number] of reference) expect(numbering.find(key)).toBe(number);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('createPackedKeyNumbering', () => {
  it('numbers keys as createKeyNumbering does, keys that are not strings compared with ===', () => {
    const workers = createPackedKeyNumbering(2);
    // W1 (0), W2 (1), W1 again (0); the number 7 and the string '7' are two keys (a worker id given as a number in
    // records given directly is not the text '7'), as in createKeyNumbering; '' and '(none)' are keys like any other.
    const keys: unknown[] = ['W1', 'W2', 'W1', 7, '7', 7, '', '(none)', ''];
    expect(keys.map((key) => workers.add(key as string))).toEqual([0, 1, 0, 2, 3, 2, 4, 5, 4]);
    const reference = createKeyNumbering();
    expect(keys.map((key) => reference.add(key as string))).toEqual([0, 1, 0, 2, 3, 2, 4, 5, 4]);
    expect([workers.find('W3'), workers.find('7'), workers.find(7 as unknown as string)]).toEqual([-1, 3, 2]);
    expect([workers.size, workers.keyOf(5)]).toEqual([6, '(none)']);
    expect(() => workers.keyOf(6)).toThrow(RangeError);
  });

  it('tells apart two keys of one length and one hash by their characters', () => {
    // W1022789 and W1239192 have the same FNV-1a hash (found by hashing W0, W1, W2… until two of one length met),
    // so hashOf gives them one value and only the comparison of their characters can tell them apart.
    expect(hashOf('W1022789')).toBe(hashOf('W1239192'));
    const workers = createPackedKeyNumbering();
    expect([workers.add('W1022789'), workers.add('W1239192'), workers.add('W1022789')]).toEqual([0, 1, 0]);
    expect([workers.find('W1239192'), workers.find('W1022783')]).toEqual([1, -1]);
  });

  it('agrees with createKeyNumbering on any keys, added and found, however far the table grows', () => {
    // Short strings of a small alphabet (so that many collide in length and hash bucket), any strings (surrogates
    // and all), numbers, null and undefined; each sequence added then every key and some others found.
    const key = fc.oneof(
      fc.string({ maxLength: 3, unit: fc.constantFrom('W', '1', '2', 'é', ' ') }),
      fc.string({ maxLength: 12, unit: 'binary' }),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(null, undefined, Number.NaN, '(none)', ''),
    );
    fc.assert(
      fc.property(
        fc.array(key, { maxLength: 2000 }),
        fc.array(key, { maxLength: 50 }),
        fc.nat({ max: 3000 }),
        (added, others, expected) => {
          const packed = createPackedKeyNumbering(expected);
          const reference = createKeyNumbering();
          for (const k of added) expect(packed.add(k as string)).toBe(reference.add(k as string));
          expect(packed.size).toBe(reference.size);
          for (const k of [...added, ...others])
            expect(packed.find(k as string)).toBe(reference.find(k as string));
          // keyOf of a key that is `undefined` throws in both (it reads as no key).
          const keyOf = (table: typeof packed, n: number): unknown => {
            try {
              return table.keyOf(n);
            } catch (error) {
              return (error as Error).message;
            }
          };
          for (let n = 0; n <= reference.size; n++) expect(keyOf(packed, n)).toBe(keyOf(reference, n));
        },
      ),
      { numRuns: 80 },
    );
  });
});

/** Whether `keys` holds a repeat, by KeyRepeats (each key's owner its place in the list). */
function repeatsOf(keys: readonly string[]): boolean {
  const repeats = new KeyRepeats();
  keys.forEach((key, at) => {
    repeats.add(hashOf(key), at);
  });
  return repeats.repeats((owner) => keys[owner]).length > 0;
}

describe('KeyRepeats', () => {
  it('finds a key given twice, and tells apart two keys of one hash by their strings', () => {
    // W1022789 and W1239192 share one hash (see createPackedKeyNumbering's test): no repeat until one is given twice.
    expect(repeatsOf(['W1022789', 'W1239192'])).toBe(false);
    expect(repeatsOf(['W1022789', 'W1239192', 'W1022789'])).toBe(true);
    // Ids of different lengths sharing a prefix are different keys; none at all, or one, cannot repeat.
    expect(repeatsOf(['A1', 'A10', 'A100', 'A1000'])).toBe(false);
    expect(repeatsOf([])).toBe(false);
    expect(repeatsOf(['A1'])).toBe(false);
  });

  it('gives each key gathered again with the first of its value, by their owners', () => {
    // W1022789 and W1239192 share one hash: only equal strings pair. W1022789 is gathered at 0, 2 and 4 (each later
    // one with the first, 0), W1239192 at 1 and 5; W7 once. The pairs come in no particular order: sorted here.
    const keys = ['W1022789', 'W1239192', 'W1022789', 'W7', 'W1022789', 'W1239192'];
    const repeats = new KeyRepeats();
    keys.forEach((key, at) => {
      repeats.add(hashOf(key), 100 + at);
    });
    const found = repeats.repeats((owner) => keys[owner - 100]);
    const pairs: [number, number][] = [];
    for (let p = 0; p < found.length; p += 2) pairs.push([found[p] as number, found[p + 1] as number]);
    expect(pairs.sort((a, b) => a[1] - b[1])).toEqual([
      [100, 102],
      [100, 104],
      [101, 105],
    ]);
  });

  it('finds a repeat among 10^5 distinct ids wherever it is, the ids checked in groups of their hashes', () => {
    // 100,000 ids (64 groups by the hash's top 6 bits: 100,000 / 64 is under 2,048) with none repeated; then the first id given again at the end,
    // and the last in the middle (the repeat in another group's place in the list each time).
    const ids = Array.from({ length: 100_000 }, (_, i) => `IA${i}-0`);
    expect(repeatsOf(ids)).toBe(false);
    expect(repeatsOf([...ids, 'IA0-0'])).toBe(true);
    expect(repeatsOf([...ids.slice(0, 50_000), 'IA99999-0', ...ids.slice(50_000)])).toBe(true);
  });

  it('agrees with a Set on any list of keys, colliding hashes and all', () => {
    // Short keys of a small alphabet repeat often; the colliding pair is mixed in; lists long enough to be grouped.
    const key = fc.oneof(
      fc.string({ maxLength: 3, unit: fc.constantFrom('A', '1', '0', ' ') }),
      fc.constantFrom('W1022789', 'W1239192'),
      fc.nat({ max: 10_000 }).map((n) => `IA${n}`),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 6000, size: 'max' }), (keys) => {
        expect(repeatsOf(keys)).toBe(new Set(keys).size < keys.length);
      }),
      { numRuns: 100 },
    );
  });
});

describe('numberChildIds', () => {
  it('returns a new array of the same records, each child numbered once in the table', () => {
    const children = createKeyNumbering();
    const given = [{ childId: 'C7' }, { childId: 'C9' }, { childId: 'C7' }];
    const numbered = numberChildIds(given, children);
    expect(numbered).not.toBe(given);
    expect(numbered.every((record, i) => record === given[i])).toBe(true);
    // C7 and C9; a second input in the same table adds only C4 (C9 is known).
    expect(children.size).toBe(2);
    numberChildIds([{ childId: 'C9' }, { childId: 'C4' }], children);
    expect([children.size, children.find('C4')]).toEqual([3, 2]);
    // The numbers are not an enumerable property: the array still equals the records given.
    expect(numbered).toEqual(given);
    expect(Object.keys(numbered)).toEqual(['0', '1', '2']);
  });

  it('refuses a table not made by createKeyNumbering, whose numbers it could not trust', () => {
    const fake = { size: 0, add: () => 0, find: () => 0, keyOf: () => '' };
    expect(() => numberChildIds([{ childId: 'C1' }], fake)).toThrow(
      /numberChildIds: expected a table made by createKeyNumbering\(\), got another object/,
    );
  });
});

describe('childNumbersOf', () => {
  it('reads the numbers given at read time while every childId is still the one numbered', () => {
    const run = createKeyNumbering();
    run.add('C0'); // another input's child: the numbers are the run's, not 0, 1…
    const numbered = numberChildIds([{ childId: 'C1' }, { childId: 'C2' }, { childId: 'C1' }], run);
    const { table, numbers } = childNumbersOf(numbered);
    expect(table).toBe(run);
    expect([...numbers]).toEqual([1, 2, 1]);
    // Left out: -1, the others as numbered.
    expect([...childNumbersOf(numbered, (i) => i === 1).numbers]).toEqual([1, -1, 1]);
  });

  it('numbers afresh records built by hand, copied, changed or added to after numbering', () => {
    const run = createKeyNumbering();
    run.add('C0');
    const numbered = numberChildIds([{ childId: 'C1' }, { childId: 'C2' }, { childId: 'C1' }], run);
    // A fresh table numbers C1 0 and C2 1: the run's numbers (1, 2) were not used.
    for (const records of [
      [{ childId: 'C1' }, { childId: 'C2' }, { childId: 'C1' }],
      [...numbered],
      numbered.filter(() => true),
    ]) {
      const fresh = childNumbersOf(records);
      expect(fresh.table).not.toBe(run);
      expect([...fresh.numbers]).toEqual([0, 1, 0]);
    }
    const grown = numberChildIds([{ childId: 'C1' }], run) as { childId: string }[];
    grown.push({ childId: 'C1' });
    expect(childNumbersOf(grown).table).not.toBe(run);
    // A childId changed after numbering: C3 would have been given C2's number 2 had it been trusted.
    (numbered[1] as { childId: string }).childId = 'C3';
    const changed = childNumbersOf(numbered);
    expect(changed.table).not.toBe(run);
    expect([...changed.numbers]).toEqual([0, 1, 0]);
    expect(changed.table.keyOf(1)).toBe('C3');
  });
});

describe('childNumberFinder', () => {
  it('reads a number of the same table, and finds the others in it', () => {
    const run = createKeyNumbering();
    const numbered = numberChildIds([{ childId: 'C1' }, { childId: 'C2' }], run) as { childId: string }[];
    const numberOf = childNumberFinder(numbered, run);
    expect([numberOf(0), numberOf(1)]).toEqual([0, 1]);
    // Changed after numbering: found in the table (C1 is 0), not read as C2's 1.
    numbered[1] = { childId: 'C1' };
    expect(numberOf(1)).toBe(0);
    // Numbered in another table: every number is found in the table asked for (C5 is in neither: -1).
    const other = numberChildIds([{ childId: 'C2' }, { childId: 'C5' }], createKeyNumbering());
    const inRun = childNumberFinder(other, run);
    expect([inRun(0), inRun(1)]).toEqual([1, -1]);
  });
});

describe('parseRecords', () => {
  it('numbers the child ids of the records read in the table given, and nothing of kinds without one', () => {
    const children = createKeyNumbering();
    const referrals = parseRecords(
      'referral',
      [
        { id: 'R1', childId: 'C1', referralDate: '2010-10-01' },
        { id: 'R2', childId: 'C2', referralDate: '31/02/2011' }, // rejected: not a date, so not numbered
        { id: 'R3', childId: 'C1', referralDate: '2010-11-01' },
      ],
      { childNumbering: children },
    );
    expect(referrals.accounting.rowsRejected).toBe(1);
    expect(children.size).toBe(1);
    expect(childNumbersOf(referrals.records).table).toBe(children);
    // A CAF's childId is optional, and no indicator joins CAFs by child: not numbered.
    parseRecords('caf', [{ id: 'CAF1', childId: 'C5', designatedDate: '2010-10-01' }], {
      childNumbering: children,
    });
    expect(children.size).toBe(1);
  });

  it('refuses a childNumbering not made by createKeyNumbering before reading a row', () => {
    let rowsAsked = 0;
    const rows = {
      *[Symbol.iterator]() {
        rowsAsked++;
        yield { id: 'R1', childId: 'C1', referralDate: '2010-10-01' };
      },
    };
    expect(() => parseRecords('referral', rows, { childNumbering: new Map() as never })).toThrow(
      /childNumbering: expected a table made by createKeyNumbering\(\), got another object/,
    );
    expect(rowsAsked).toBe(0);
  });
});
