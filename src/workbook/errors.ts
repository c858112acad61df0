/**
 * The one error of the workbook module.
 * @module
 */

/**
 * A workbook that cannot be read as asked: not a workbook, cut short, damaged, or without the sheet asked for. Its
 * message is a sentence for the user, naming the part of the workbook (and the cell) at fault; the caller adds the
 * file's name.
 *
 * @example
 * new WorkbookError('no sheet named "List 9": sheets found: "List 1", "List 3"').name //=> 'WorkbookError'
 */
export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';
}
