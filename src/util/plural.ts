/**
 * Words for counts and lists in messages: a count and its noun, singular for one and plural otherwise (`1 row read`,
 * never `1 rows read`), how many times a thing is given (`twice`, `3 times`), and a list joined as a sentence joins
 * it (`a, b and c`).
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

/**
 * How many times a thing is given, as a message says it: `twice` for 2, else the count and `times`.
 *
 * @param count - the times, 2 or more.
 * @returns the words.
 * @example timesOf(2) //=> 'twice'
 * @example timesOf(3) //=> '3 times'
 */
export function timesOf(count: number): string {
  return count === 2 ? 'twice' : `${count} times`;
}

/**
 * Items joined as a sentence lists them: `a and b`, `a, b and c`.
 *
 * @param items - two or more items, as they are to be shown.
 * @returns the list.
 * @example listed(['"C1"', '"C2"']) //=> '"C1" and "C2"'
 * @example listed(['"id"', '"ID"', '"Id"']) //=> '"id", "ID" and "Id"'
 */
export function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
