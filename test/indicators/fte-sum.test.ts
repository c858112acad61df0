import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FteSum } from '../../src/indicators/fte-sum.js';

/**
 * FteSum as it was before quarter values were found by place: one Map from each value to its times, summed in the
 * order first added. The new sum must give the same decimal, digit for digit, for any values added.
 */
class MapFteSum {
  private readonly times = new Map<number, number>();
  add(fte: number, times = 1): void {
    this.times.set(fte, (this.times.get(fte) ?? 0) + times);
  }
  addSum(other: MapFteSum): void {
    for (const [fte, times] of other.times) this.add(fte, times);
  }
  total(): Decimal {
    const Sum = Decimal.clone({ precision: 64 });
    let total = new Sum(0);
    for (const [fte, times] of this.times) total = total.plus(new Sum(fte).times(times));
    return total;
  }
}

describe('FteSum', () => {
  it('sums exactly: 0.1 + 0.2 is 0.3, and a million halves are 500000', () => {
    const sum = new FteSum();
    sum.add(0.1);
    sum.add(0.2);
    expect(sum.total().toString()).toBe('0.3');
    const halves = new FteSum();
    for (let i = 0; i < 1_000_000; i++) halves.add(0.5);
    expect(halves.total().toString()).toBe('500000');
  });

  it('gives the sum a Map of values gives, for quarters, other numbers, -0, edges of the quarter table and sums of sums', () => {
    // Quarter values 0 to 511.75 are found by place, the rest in a Map: 511.75 and 512, -0.25, 1e300 and NaN cross
    // from one to the other; -0 must be summed as 0.
    const value = fc.oneof(
      fc.integer({ min: 0, max: 2100 }).map((q) => q / 4),
      fc.constantFrom(-0, 0, 511.75, 512, -0.25, 0.8, 0.1, 1e300, 1e-300, Number.NaN, 37.5),
      fc.double({ min: -1000, max: 1000, noNaN: true }),
    );
    const adds = fc.array(fc.tuple(value, fc.integer({ min: 1, max: 5 })), { maxLength: 60 });
    fc.assert(
      fc.property(adds, adds, (first, second) => {
        const sum = new FteSum();
        const other = new FteSum();
        const oldSum = new MapFteSum();
        const oldOther = new MapFteSum();
        for (const [fte, times] of first) {
          sum.add(fte, times);
          oldSum.add(fte, times);
        }
        for (const [fte, times] of second) {
          other.add(fte);
          other.add(fte, times);
          oldOther.add(fte);
          oldOther.add(fte, times);
        }
        sum.addSum(other);
        oldSum.addSum(oldOther);
        expect(sum.total().toString()).toBe(oldSum.total().toString());
        expect(other.total().toString()).toBe(oldOther.total().toString());
      }),
      { numRuns: 500 },
    );
  });
});
