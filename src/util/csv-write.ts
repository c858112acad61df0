/**
 * Writing CSV that spreadsheets open safely: RFC 4180 quoting, and text cells that begin with `=`, `+`, `-` or `@`
 * (which Excel would run as a formula) prefixed with an apostrophe. Numbers are written as they are.
 * @module
 */

/** A CSV cell value: text is made safe, numbers and booleans are written as they are, absent is empty. */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: quoted when it holds a comma, quote or line break; text starting with `=`, `+`, `-` or `@`
 * prefixed with `'` so that a spreadsheet shows it rather than runs it.
 * @example csvCell('=HYPERLINK("x")') //=> `"'=HYPERLINK(""x"")"`
 * @example csvCell(-5) //=> '-5'
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * One CSV line (without the line break).
 * @example csvLine(['id', 3, null]) //=> 'id,3,'
 */
export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',');
}
