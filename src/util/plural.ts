/**
 * A count and its noun, singular for one and plural otherwise, for messages: `1 row read`, never `1 rows read`.
 * @module
 */

/**
 * A count followed by its noun: the noun as given for exactly 1, with an `s` for any other count (`0 rows`,
 * `2 rows`, `1.5 points`).
 *
 * @param count - the count.
 * @param noun - the noun in the singular (`row`, `record`, `issue`).
 * @param shown - the count as written in the text. Default `String(count)`; `groupDigits(count)` for `12,000`.
 * @returns the count and the noun.
 * @example countOf(1, 'row') //=> '1 row'
 * @example countOf(3, 'issue') //=> '3 issues'
 */
export function countOf(count: number, noun: string, shown: string = String(count)): string {
  return `${shown} ${noun}${count === 1 ? '' : 's'}`;
}
