/**
 * Where a repeat indicator (CPP_REPEAT, REPEAT_REFERRALS) looks for a child's history: in the records given, in a
 * column of the return that counts the earlier events (Annex A's `Number of Previous Child Protection Plans` and
 * `Number of Referrals in Last 12 Months`), or in either.
 * @module
 */

/**
 * `records`: only an earlier record of the same child among those given counts; `column`: only the return's count
 * of earlier events (1 or more), a record without it being excluded as not known; `either` (the default): one or
 * the other, so that the column speaks for the history the records cannot see (a plan in another council, a
 * referral before the first record read).
 */
export type RepeatHistory = 'records' | 'column' | 'either';

/**
 * Every way of reading the history, the default first.
 * @example repeatHistories //=> ['either', 'records', 'column']
 */
export const repeatHistories: readonly RepeatHistory[] = ['either', 'records', 'column'];

/**
 * Checks a `history` option.
 *
 * @param history - the value given.
 * @returns the history, `either` when none is given.
 * @throws {RangeError} for any other value.
 * @example checkHistory(undefined) //=> 'either'
 */
export function checkHistory(history: unknown): RepeatHistory {
  if (history === undefined) return 'either';
  if (!repeatHistories.includes(history as RepeatHistory)) {
    throw new RangeError(
      `history: expected one of ${repeatHistories.join(', ')}, got ${JSON.stringify(history)}`,
    );
  }
  return history as RepeatHistory;
}
