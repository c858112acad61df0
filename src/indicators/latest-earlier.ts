import type { ChildNumbers } from '../records/keys.js';

/** Slices at most this long are sorted by insertion: nearly every child has only a few records. */
const INSERTION_SORT_MAX = 24;

/**
 * For each record, the index of the same child's latest record on a strictly earlier day, or -1: the look-back of
 * REPEAT_REFERRALS and CPP_REPEAT. Records of one child on the same day are not earlier than each other; among
 * several on the latest earlier day, the last in input order is given. Records for which `skip` is true are in no
 * one's look-back and get -1.
 *
 * O(n log n), never a pairwise scan: children come numbered ({@link childNumbersOf}: at read time, or afresh), a
 * counting sort gathers each child's records into one slice, and each slice is sorted by day (ties in input order:
 * by insertion when short, as nearly every slice is, otherwise by the typed array's sort).
 *
 * @param children - the child number of each record (-1: left out of every look-back), and their numbering.
 * @param days - the day number of each record's date.
 * @returns the earlier record's index for each record, or -1.
 * @example
 * // C1 on days 10, 20 and 20; C2 on day 15.
 * latestEarlierOfSameChild(childNumbersOf([{ childId: 'C1' }, { childId: 'C1' }, { childId: 'C2' }, { childId: 'C1' }]), Int32Array.of(10, 20, 15, 20));
 * //=> Int32Array [-1, 0, -1, 0]
 */
export function latestEarlierOfSameChild(childNumbers: ChildNumbers, days: Int32Array): Int32Array {
  const childOf = childNumbers.numbers;
  const count = childOf.length;
  const children = childNumbers.table.size;
  // sizes[c] is child c's number of records; then where its next one goes.
  const sizes = new Int32Array(children + 1);
  for (let index = 0; index < count; index++) {
    const child = childOf[index] as number;
    if (child >= 0) sizes[child] = (sizes[child] as number) + 1;
  }
  const starts = new Int32Array(children + 1);
  for (let child = 0; child < children; child++) {
    const start = starts[child] as number;
    starts[child + 1] = start + (sizes[child] as number);
    sizes[child] = start;
  }
  const order = new Int32Array(starts[children] as number);
  for (let index = 0; index < count; index++) {
    const child = childOf[index] as number;
    if (child < 0) continue;
    const at = sizes[child] as number;
    order[at] = index;
    sizes[child] = at + 1;
  }
  const byDay = (a: number, b: number) => (days[a] as number) - (days[b] as number) || a - b;
  const earlier = new Int32Array(count).fill(-1);
  for (let child = 0; child < children; child++) {
    const start = starts[child] as number;
    const end = starts[child + 1] as number;
    if (end - start < 2) continue;
    if (end - start > INSERTION_SORT_MAX) order.subarray(start, end).sort(byDay);
    else {
      // Stable: the slice is in input order, and an element moves only past later days.
      for (let k = start + 1; k < end; k++) {
        const index = order[k] as number;
        const day = days[index] as number;
        let j = k - 1;
        while (j >= start && (days[order[j] as number] as number) > day) {
          order[j + 1] = order[j] as number;
          j--;
        }
        order[j + 1] = index;
      }
    }
    // `previous` is the last record of the latest run of days before the current one.
    let previous = -1;
    for (let k = start + 1; k < end; k++) {
      const before = order[k - 1] as number;
      const current = order[k] as number;
      if (days[before] !== days[current]) previous = before;
      earlier[current] = previous;
    }
  }
  return earlier;
}
