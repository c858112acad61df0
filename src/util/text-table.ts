/**
 * The one aligned text table of the terminal outputs (a breakdown, the issues of `validate`, the report's summary,
 * an XmR chart by month): columns as wide as their widest cell, measured in a loop, never by spreading the rows into
 * a call (a table of 130,000 issues or 150,000 workers has more rows than a call takes arguments).
 * @module
 */

/** How a column's cells are aligned: `left` (text) or `right` (numbers). */
export type ColumnAlign = 'left' | 'right';

/** Options of {@link alignedTable}. */
export interface AlignedTableOptions {
  /** Each column's alignment, by its index. Default: every column `left`. */
  readonly align?: (column: number) => ColumnAlign;
  /** A line of dashes under the first row, as wide as each column. Default false. */
  readonly headerRule?: boolean;
  /** The text between two columns. Default two spaces. */
  readonly gap?: string;
}

/**
 * Lays rows of cells out as aligned text lines: each column as wide as its widest cell; a left-aligned last column
 * is not padded, and no line ends in spaces. Cells are written as given: escape text from the data first.
 *
 * @param rows - the rows, the header first when there is one; rows may have fewer cells than others.
 * @param options - the alignment, a rule under the header, the gap. Default: left-aligned, no rule, two spaces.
 * @returns one line per row (and the rule), without line endings.
 * @example
 * alignedTable([['team', 'value'], ['East', '75.0%'], ['West', '100.0%']], { align: (i) => (i === 0 ? 'left' : 'right') })
 * //=> ['team   value', 'East   75.0%', 'West  100.0%']
 */
export function alignedTable(
  rows: readonly (readonly string[])[],
  options: AlignedTableOptions = {},
): string[] {
  const align = options.align ?? (() => 'left');
  const gap = options.gap ?? '  ';
  const widths: number[] = [];
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) widths[i] = Math.max(widths[i] ?? 0, (row[i] ?? '').length);
  }
  const last = widths.length - 1;
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        if (align(i) === 'right') return cell.padStart(width);
        return i === last ? cell : cell.padEnd(width);
      })
      .join(gap)
      .trimEnd();
  const lines = rows.map(line);
  if (options.headerRule === true && lines.length > 0) {
    lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join(gap));
  }
  return lines;
}
