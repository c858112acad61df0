/**
 * Cell references: column letters from column numbers.
 * @module
 */

/**
 * The letters of a 0-based column, as Excel names it.
 *
 * @param column - 0 for A.
 * @returns the column's letters.
 * @example
 * columnName(0) //=> 'A'
 * columnName(27) //=> 'AB'
 * columnName(16_383) //=> 'XFD'
 */
export function columnName(column: number): string {
  let name = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
