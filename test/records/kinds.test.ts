import { describe, expect, it } from 'vitest';
import { getIndicator, indicatorIds, indicators, parseRecords, recordKinds } from '../../src/index.js';

describe('recordKinds and indicatorIds', () => {
  it('cannot be changed by a caller, which would change what every reader in the process accepts', () => {
    // The readers check a kind against recordKinds, and getIndicator finds an id through indicatorIds: a splice by
    // one caller once made parseRecords('worker', …) throw "Unknown record kind" for every other caller.
    expect(() => (recordKinds as string[]).splice(recordKinds.indexOf('worker'), 1)).toThrow(TypeError);
    expect(() => (indicatorIds as string[]).push('NI99')).toThrow(TypeError);
    expect(() => {
      (indicators as Record<string, unknown>).NI59 = undefined;
    }).toThrow(TypeError);
    // The ten kinds of SPEC 5, and the registry as it was: the lists are whole after the attempts.
    expect(recordKinds).toHaveLength(10);
    expect(recordKinds).toContain('worker');
    expect(getIndicator('NI59').id).toBe('NI59');
    expect(parseRecords('worker', [{ workerId: 'W1', fte: '1' }]).records).toEqual([
      { workerId: 'W1', fte: 1 },
    ]);
  });
});
