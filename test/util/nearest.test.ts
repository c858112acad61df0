import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nearestName } from '../../src/util/nearest.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps, ignoring case', () => {
    expect(editDistance('startevent', 'startEvent')).toBe(0);
    expect(editDistance('preiod', 'period')).toBe(1); // one swap
    expect(editDistance('period', 'periods')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('nearestName', () => {
  it('suggests a known name within 2 edits and a third of the word, and nothing farther', () => {
    expect(nearestName('NI95', ['NI59', 'NI60'])).toBe('NI59');
    expect(nearestName('comptue', ['compute', 'validate'])).toBe('compute');
    expect(nearestName('colour', ['title', 'asAt', 'inputs'])).toBeUndefined();
    // Two letters allow one edit: `to` is not taken for `team`.
    expect(nearestName('to', ['team'])).toBeUndefined();
  });
});

describe('didYouMean', () => {
  it('gives the tail of a message, or nothing', () => {
    expect(didYouMean('asat', ['asAt'])).toBe(' (did you mean "asAt"?)');
    expect(didYouMean('zzz', ['asAt'])).toBe('');
  });
});
