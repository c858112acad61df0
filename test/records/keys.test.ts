import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeyNumbering } from '../../src/records/keys.js';

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
