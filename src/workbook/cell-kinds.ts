/**
 * What a cell of a sheet row read from its bytes holds (`SheetBytesRow.kinds` of `sheet-bytes.ts`): small numbers in a
 * module of their own, so that the check stage reads them without loading the sheet's scanner.
 * @module
 */

/** No value (an empty cell, or a column no cell names): `null` among the row's cells. */
export const CELL_NONE = 0;
/**
 * Text written in the bytes, ASCII without `&`, `_` or a carriage return: its value is its bytes as written (the
 * check stage reads such a cell in place).
 */
export const CELL_TEXT = 1;
/**
 * Text written in the bytes with a `_`, which may start one of Excel's `_xHHHH_` escapes, or a carriage return, which
 * the check stage writes as a line feed: made as text and read as any text is.
 */
export const CELL_ESCAPED = 2;
/** A shared string, its index in `numbers`. */
export const CELL_SHARED = 3;
/** A number, in `numbers`. */
export const CELL_NUMBER = 4;
/** A number in a date style (a serial), in `numbers`. */
export const CELL_DATE = 5;
/** `true`. */
export const CELL_TRUE = 6;
/** `false`. */
export const CELL_FALSE = 7;
/** An error (`#N/A`), written in the bytes. */
export const CELL_ERROR = 8;
