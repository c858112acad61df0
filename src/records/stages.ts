/**
 * The reading path as stages, and the one small interface between each pair (STYLE.md, "The reading path, as
 * stages"):
 *
 * 1. **source**: bytes, from a path (`node/`), a stream or a browser `File`: {@link ByteSource};
 * 2. **decode**: bytes to text, the encoding named: `decode.ts`, feeding a {@link TextSink};
 * 3. **tokenize**: text (or a workbook's bytes) to rows of cells or items, with their line numbers, one tokenizer
 *    per format, feeding a {@link RowSink};
 * 4. **shape**: rows to canonical field values (the header matched, a column map, or a preset's layout), feeding a
 *    {@link ValuesSink};
 * 5. **check**: values to records: each field read, required fields, keys, start/end pairs, the issues and the
 *    accounting.
 *
 * Each stage pushes into the next: no object is made per row between them, so a million-row file costs a million
 * records and little else. A faster tokenizer, another encoding or a new preset is one stage, written against these
 * interfaces, with nothing else touched.
 *
 * The CSV fast lane (`fast-csv.ts`) stands in for stages 3 to 5 over the common file (a record kind's CSV, ASCII, no
 * quotes, no line ended by a CR alone): the header and every row that is not plain still go through the shape and
 * check stages, and at anything it does not handle it hands the whole input back to them, read from its start. The
 * sheet lane (`fast-sheet.ts`) stands in for stages 4 and 5 over a workbook's rows of a record kind the same way.
 * @module
 */
import type { ColumnReport } from './headers.js';
import type { InputIssue, ResultWarning, SkipReason } from './issues.js';

/** Stage 1: where the bytes come from, and the name messages give it. */
export interface ByteSource {
  /** The file as named to the reader (a path, a browser file's name). */
  readonly name: string;
  /** The bytes, in order. */
  chunks(): AsyncIterable<Uint8Array>;
  /**
   * Whether `chunks()` may be called again to read the bytes again from the start (a file, a `Blob`): the CSV fast
   * lane is tried only then, since handing back to the general path reads the input again. Default false.
   */
  readonly rereadable?: boolean;
  /**
   * When the source hashes its bytes itself as it reads them (node reads a large file on a worker thread, and hashes
   * it there): the SHA-256 (lower-case hex) of the bytes of the last `chunks()` read that gave them all, else
   * undefined. The reader then makes no hash of its own. Default: the reader hashes the bytes as they pass.
   */
  readonly sha256?: () => string | undefined;
}

/** What a streaming stage is fed: text (or bytes) in pieces, then the end. */
export interface TextSink {
  /** The next piece of the input, in order. */
  write(text: string): void;
  /** The end of the input. */
  end(): void;
}

/**
 * A workbook cell holding a formula whose value was never saved (a workbook written by a program that does not
 * calculate, such as a script): its value is unknown, which is not a blank.
 */
export interface UncachedFormula {
  /** The formula, as written (`DATE(2012,10,15)`). */
  readonly formula: string;
  /** The cell's address, as Excel names it (`C5`). */
  readonly address: string;
}

/**
 * A workbook's ISO date cell (`t="d"`) of a day its date system has no day for: before 1900-01-01 in the 1900
 * system, before 1904-01-01 in the 1904 system (Excel shows such a cell as `####`). Its day is written, but the
 * workbook cannot hold it as a date.
 * @example
 * // Cell C2 of a workbook in the 1904 date system, `<c r="C2" t="d"><v>1903-05-01</v></c>`:
 * const cell: DateBeforeSystem = { written: '1903-05-01', address: 'C2' };
 */
export interface DateBeforeSystem {
  /** The day the cell writes (`1903-05-01`). */
  readonly written: string;
  /** The cell's address, as Excel names it (`C5`). */
  readonly address: string;
}

/**
 * One cell as a tokenizer gives it: text (CSV, and most workbook cells, dates as `YYYY-MM-DD`), a number (a workbook's
 * numeric cell: in a date column, an Excel serial day number), a formula without a saved value, or an ISO date cell
 * of a day before the workbook's date system.
 */
export type Cell = string | number | UncachedFormula | DateBeforeSystem;

/**
 * A row a tokenizer could not read: it is counted as read and rejected, with one issue. `column` (0-based), when
 * given, lets the shape stage name the field.
 */
export interface RowProblem {
  /** The issue code: `unreadable` or `suspicious_line_break`. */
  readonly code: 'unreadable' | 'suspicious_line_break';
  /** The line (or item) the row starts on. */
  readonly line: number;
  /** The column of the cell concerned, when one is. */
  readonly column?: number;
  /** The value as found (shortened when long), or null. */
  readonly value: string | null;
  /** What was found and what to do, in a sentence. */
  readonly message: string;
}

/**
 * A key a JSON item's text writes more than once among the item's own keys (`JSON.parse` keeps only its last
 * value), as `JSON.parse` reads it (escapes undone), and how many times it is written.
 */
export interface RepeatedKey {
  /** The key, its escapes undone (`"referral\u0044ate"` is `referralDate`). */
  readonly key: string;
  /** How many times the item writes it: 2 or more. */
  readonly times: number;
}

/** Stage 3 → 4: what a tokenizer pushes. Cells are valid during the call only: a stage that keeps them copies them. */
export interface RowSink {
  /** A row of cells (CSV, a sheet), starting on `line`. Rows whose cells are all blank are not given. */
  row(cells: readonly Cell[], line: number): void;
  /**
   * One item (a JSON array's item, an NDJSON line, a census record element), at `line`. `repeated`, given only when
   * there are any, names the keys a JSON item's text writes more than once, of which the value holds the last.
   */
  item(value: unknown, line: number, repeated?: readonly RepeatedKey[]): void;
  /** A row that cannot be read at all. */
  problem(problem: RowProblem): void;
  /** The input as a whole cannot be read (not JSON, XML with entity declarations, an empty sheet): why. */
  refuse(message: string): void;
  /**
   * A value of the whole file, given before the rows it applies to: a census header's reference date, an NCCIS
   * file's `PeriodEnd`, a workbook's date system (`dateSystem`: `1900` or `1904`). The shape stage hands them to a
   * preset's row function.
   */
  fileValue(name: string, value: unknown): void;
  /** The end of the input. */
  end(): void;
}

/** Extras of one row's values: issues already found, and clearer messages a preset knows. */
export interface RowExtras {
  /** Issues found before the check (a row with more cells than the header, a formula without a value). */
  readonly issues?: readonly Omit<InputIssue, 'file'>[];
  /** A clearer message for an `invalid_value` on a field, when the preset knows why (an unknown NCCIS code). */
  readonly messages?: Readonly<Record<string, string>>;
  /** What a blank required value is called in messages: `cell` (default) or `item` (an object's missing key). */
  readonly blank?: 'cell' | 'item';
}

/** Stage 4 → 5: what the shape stage pushes to the check. */
export interface ValuesSink {
  /**
   * One row's raw values, by the kind's fields: field i's value is `raws[at[i]]` (absent when `at[i]` is negative),
   * or `raws[i]` without `at`. Valid during the call only.
   */
  values(raws: readonly unknown[], at: readonly number[] | undefined, row: number, extras?: RowExtras): void;
  /** A row read and rejected before the check (a tokenizer's problem, a preset's issue), with its issues. */
  rejected(row: number, issues: readonly Omit<InputIssue, 'file'>[]): void;
  /** A row read that is not a record of the kind. */
  skipped(row: number, reason: SkipReason, message: string): void;
  /** Refuses the whole input with file-level issues: every row is then rejected. */
  refuse(issues: readonly Omit<InputIssue, 'file'>[]): void;
  /** A warning about the whole read (an unmatched column map key). */
  warn(warning: Omit<ResultWarning, 'file'>): void;
  /** A canonical field the input has (a column matched, a key some item carries). */
  present(field: string): void;
  /** The columns of a table used and ignored, once its header is matched. */
  columns(report: ColumnReport): void;
  /**
   * A value of the whole file the tokenizer gave (a census header's reference date and vacancies, an NCCIS file's
   * `PeriodEnd`), for the result's `fileValues`. Default: not kept.
   */
  fileValue?(name: string, value: unknown): void;
}
