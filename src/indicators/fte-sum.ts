import { Decimal } from 'decimal.js';

/** Decimals with room for any sum of FTEs. */
const Sum = Decimal.clone({ precision: 64 });

/**
 * A sum of FTEs (or of days lost), exact and cheap: how many times each distinct value was added. FTEs take a handful
 * of values (1, 0.5, 0.8…), so a sum over a million workers is a few decimal products at the end, not a million
 * decimal additions.
 *
 * @example
 * const sum = new FteSum();
 * sum.add(0.1); sum.add(0.2);
 * sum.total().toString(); //=> '0.3'
 */
export class FteSum {
  private readonly times = new Map<number, number>();

  /**
   * Adds a value, a number of times.
   * @param fte - the value.
   * @param times - how many times. Default 1.
   */
  add(fte: number, times = 1): void {
    this.times.set(fte, (this.times.get(fte) ?? 0) + times);
  }

  /**
   * Adds every value of another sum.
   * @param other - the other sum.
   */
  addSum(other: FteSum): void {
    for (const [fte, times] of other.times) this.add(fte, times);
  }

  /**
   * The sum, exact.
   * @returns the sum as a decimal.
   */
  total(): Decimal {
    let total = new Sum(0);
    for (const [fte, times] of this.times) total = total.plus(new Sum(fte).times(times));
    return total;
  }
}
