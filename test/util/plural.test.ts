import { describe, expect, it } from 'vitest';
import { listed, timesOf } from '../../src/util/plural.js';

// The words the duplicate_column messages share (headers, JSON keys, census elements, preset spellings): the
// messages' own tests hold them whole; these hold the two helpers at their edges.
describe('timesOf and listed', () => {
  it('says twice for 2 and the count otherwise', () => {
    expect([timesOf(2), timesOf(3), timesOf(10)]).toEqual(['twice', '3 times', '10 times']);
  });

  it('joins two items with "and", more with commas and a last "and"', () => {
    expect(listed(['a', 'b'])).toBe('a and b');
    expect(listed(['a', 'b', 'c', 'd'])).toBe('a, b, c and d');
    // One item (no message lists one) is itself, none is empty: nothing is made up.
    expect([listed(['a']), listed([])]).toEqual(['a', '']);
  });
});
