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
/** Values that are a whole number of quarters from 0 to 511.75 are found by place (most FTEs and days lost are). */
const QUARTER_SLOTS = 2048;

export class FteSum {
  /** The distinct values, in the order first added (the order they are summed in), and how many times each. */
  private readonly values: number[] = [];
  private readonly counts: number[] = [];
  /** Slot 4v: 1 + the place of value v in `values`, or 0; made at the first quarter value added. */
  private quarters: Int32Array | undefined;
  /** The place of every other value in `values`. */
  private readonly others = new Map<number, number>();

  /**
   * Adds a value, a number of times.
   * @param fte - the value.
   * @param times - how many times. Default 1.
   */
  add(fte: number, times = 1): void {
    // -0 is summed as 0, as a Map key is.
    const value = fte === 0 ? 0 : fte;
    const slot = value * 4;
    let place: number;
    if (slot >= 0 && slot < QUARTER_SLOTS && (slot | 0) === slot) {
      if (this.quarters === undefined) this.quarters = new Int32Array(QUARTER_SLOTS);
      place = (this.quarters[slot] as number) - 1;
      if (place < 0) {
        place = this.newPlace(value);
        this.quarters[slot] = place + 1;
      }
    } else {
      const known = this.others.get(value);
      if (known === undefined) {
        place = this.newPlace(value);
        this.others.set(value, place);
      } else place = known;
    }
    this.counts[place] = (this.counts[place] as number) + times;
  }

  /**
   * Adds every value of another sum.
   * @param other - the other sum.
   */
  addSum(other: FteSum): void {
    for (let place = 0; place < other.values.length; place++) {
      this.add(other.values[place] as number, other.counts[place] as number);
    }
  }

  /**
   * The sum, exact.
   * @returns the sum as a decimal.
   */
  total(): Decimal {
    let total = new Sum(0);
    for (let place = 0; place < this.values.length; place++) {
      total = total.plus(new Sum(this.values[place] as number).times(this.counts[place] as number));
    }
    return total;
  }

  /** Gives a value not yet added its place, with no times yet. */
  private newPlace(value: number): number {
    this.values.push(value);
    this.counts.push(0);
    return this.values.length - 1;
  }
}
