/**
 * Input issues (SPEC 7): what could not be read, as data. Bad data is never an exception; every problem becomes an
 * {@link InputIssue} with a code from the closed list {@link inputIssueCodes}, and strict mode wraps them all in one
 * {@link InputError}.
 * @module
 */
import { displayValue } from './values.js';

/**
 * Every input issue code, a closed list. Row-level codes reject the row they are on; file-level codes
 * (`missing_column`, `duplicate_column`, `invalid_encoding`, an `unreadable` file) refuse the whole input.
 *
 * - `missing_field`: a required field is blank or absent on a row.
 * - `invalid_date`: a date cell is not a real date in an accepted format (`31/02/2011`, `next week`, an Excel serial
 *   number such as `40452`, a timestamp with a time zone that is not at midnight).
 * - `ambiguous_date`: a date cell could be read more than one way (a two-digit year such as `01/10/10`; under the
 *   default format, a slash date that can only be read month first, such as `10/13/2010`).
 * - `end_before_start`: an end date is before its start date on the same row (`completedDate` before
 *   `referralDate`, `allocatedTo` before `allocatedFrom`, …).
 * - `out_of_range`: a value outside what it may be: a date outside 1990-01-01 to 2100-12-31 (from 1900-01-01 for a
 *   date read with `range: 'from-1900'`, such as a birth date), a number below 0 (an FTE, working days lost).
 * - `duplicate_id`: the row's id (or key: `personId` + `snapshotDate`, …) was already used by an earlier row; the
 *   later row is rejected.
 * - `invalid_value`: a value of the wrong kind: not a yes/no value, not a number, not one of an enum's values.
 * - `missing_column`: a required field has no column (file level: the input is refused).
 * - `duplicate_column`: two columns (or two keys of one object, or a census element that holds one value, given
 *   twice in its parent or record) give the same field; one issue per field, naming every column, key or value.
 * - `unreadable`: a row that cannot be read at all (a quote never closed, a line that is not JSON, an item that is
 *   not an object, more cells than the header has columns, a cell or line longer than {@link MAX_CELL_CHARS}), or a
 *   whole input that cannot (not JSON, not an array, XML with entity declarations, an empty sheet).
 * - `suspicious_line_break`: a quoted value that spans lines and holds what look like whole records (a line with as
 *   many delimiters as the header): a stray quote swallowed them. The row is rejected, not split back into records.
 * - `invalid_encoding`: the bytes cannot be read as text without changing some of it (file level: the input is
 *   refused): a file mixing UTF-8 text with bytes that are not UTF-8, bytes that are not in the encoding forced or
 *   declared, an XML declaration or byte-order mark that contradicts another.
 *
 * @example
 * inputIssueCodes.includes('invalid_date') //=> true
 */
export const inputIssueCodes = [
  'missing_field',
  'invalid_date',
  'ambiguous_date',
  'end_before_start',
  'out_of_range',
  'duplicate_id',
  'invalid_value',
  'missing_column',
  'duplicate_column',
  'unreadable',
  'invalid_encoding',
  'suspicious_line_break',
] as const;

/**
 * The longest cell (and NDJSON line) the readers keep, in characters. A longer one is an issue on its row only: the
 * reader skips the rest of it and goes on at the next row, so one runaway cell can neither exhaust memory nor shift
 * the rows after it.
 * @example MAX_CELL_CHARS //=> 1000000
 */
export const MAX_CELL_CHARS = 1_000_000;

/**
 * How serious an issue is (SPEC 7): an `error` rejects its row (left out of every figure); a `warning` keeps the row
 * and is listed and counted, the record being left out, with a named reason, only of figures that would use the
 * doubtful value.
 */
export type IssueSeverity = 'error' | 'warning';

/**
 * The text encodings the readers decode (SPEC 13): UTF-8 (the default; a byte-order mark is dropped), UTF-16 in
 * either byte order (read when the file starts with its byte-order mark), and Windows-1252 (what Excel's "CSV (Comma
 * delimited)" writes on a UK Windows machine).
 * @example
 * textEncodings.includes('windows-1252') //=> true
 */
export const textEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;

/**
 * The severity each issue code has (SPEC 7). Every code read today is an `error`: its row is rejected. A `warning`
 * code keeps its row, is listed and counted in `accounting.warningsByCode`, and refuses the input only under
 * `strict: 'warnings'`.
 * @example issueSeverities.invalid_date //=> 'error'
 */
export const issueSeverities: { readonly [C in InputIssueCode]: IssueSeverity } = {
  missing_field: 'error',
  invalid_date: 'error',
  ambiguous_date: 'error',
  end_before_start: 'error',
  out_of_range: 'error',
  duplicate_id: 'error',
  invalid_value: 'error',
  missing_column: 'error',
  duplicate_column: 'error',
  unreadable: 'error',
  invalid_encoding: 'error',
  suspicious_line_break: 'error',
};

/** A text encoding: one of {@link textEncodings}. */
export type TextEncoding = (typeof textEncodings)[number];

/**
 * Every warning code a result can carry (SPEC 13), a closed list. A warning does not change a figure; it says why a
 * figure may not be what its reader thinks.
 *
 * - `unmatched_map_key`: a column map key matches no header of the file (a typo, or a map for another export).
 * - `all_excluded`: an indicator's whole population was excluded for one reason (a figure of n/a is then not a
 *   result: look at that reason).
 * - `option_contradicts_target`: an indicator's options contradict the definition of the target it is compared with
 *   (start event, timescale, rule set).
 * - `too_few_points`: a statistical process control chart has fewer than 12 points: its limits are not yet reliable.
 * - `percent_below_one`: a percent target (or a `percentOfTarget` tolerance) between 0 and 1, which reads as under 1%:
 *   `0.8` is 0.8%, where 80% (`80`) was likely meant.
 * - `targets_unused`: a target file or set of a report gives no target in the financial year to any indicator reported
 *   (its targets are for other years or other indicators), so none of it is shown.
 * - `outside_holiday_list`: records were excluded because counting their working days needs days outside those the
 *   calendar's whole holiday list covers (a list for other years).
 * - `closures_unused`: the closure days given all fall outside the days counted (or there are none): they change no
 *   figure, which a closures file for another year does without a word otherwise.
 * - `similar_group_names`: a breakdown by team or worker has groups whose names differ only in capitals or spacing
 *   (`North`, `north`): kept apart, each perhaps only part of one team's figure.
 * - `missing_count_month`: a NEET figure's period has a November, December or January with no count: the figure
 *   pools the counts present, not the three-count average.
 * - `other_kind_columns`: a file's header fits another record kind better than the kind it is read as (its columns
 *   ignored are that kind's fields): a file given in the wrong place, read because its columns happen to fit.
 * - `none_in_period`: no record of a figure's population is in the period asked for: how many fall before it and
 *   after it (the period, not the data, is then the first thing to check).
 *
 * @example
 * resultWarningCodes.includes('all_excluded') //=> true
 */
export const resultWarningCodes = [
  'unmatched_map_key',
  'all_excluded',
  'option_contradicts_target',
  'too_few_points',
  'percent_below_one',
  'targets_unused',
  'outside_holiday_list',
  'closures_unused',
  'similar_group_names',
  'missing_count_month',
  'none_in_period',
  'other_kind_columns',
] as const;

/** The code of a result warning: one of {@link resultWarningCodes}. */
export type ResultWarningCode = (typeof resultWarningCodes)[number];

/** One warning carried by a result (and printed on standard error by the CLI). */
export interface ResultWarning {
  /** What kind of warning: one of {@link resultWarningCodes}. */
  readonly code: ResultWarningCode;
  /** What was seen and what to check, in a sentence. */
  readonly message: string;
  /** The file concerned, when there is one. */
  readonly file?: string;
}

/**
 * One input file of a result, as `inputs` lists it (SPEC 13): enough for an auditor to know exactly which bytes were
 * read and what became of every row, `rowsRead === rowsAccepted + rowsRejected + rowsSkipped`.
 */
export interface InputSummary {
  /** The file as it was named to the reader. */
  readonly file: string;
  /** The SHA-256 of the file's bytes, in lowercase hex. */
  readonly sha256: string;
  /** The encoding the text was read in. */
  readonly encoding: TextEncoding;
  /** Data rows read. */
  readonly rowsRead: number;
  /** Rows that became records. */
  readonly rowsAccepted: number;
  /** Rows rejected for an error. */
  readonly rowsRejected: number;
  /** Rows a preset knows are not records of the kind (each with its reason). */
  readonly rowsSkipped: number;
}

/** The code of an input issue: one of {@link inputIssueCodes}. */
export type InputIssueCode = (typeof inputIssueCodes)[number];

/** One problem found in the input. */
export interface InputIssue {
  /** What kind of problem: one of {@link inputIssueCodes}. */
  readonly code: InputIssueCode;
  /**
   * How serious it is: an `error` rejects its row (or, at row 0, the input); a `warning` keeps the row. Default for
   * each code: {@link issueSeverities}.
   */
  readonly severity: IssueSeverity;
  /**
   * Where: the file's line number for CSV (the header is line 1; a record spanning lines reports its first line)
   * and NDJSON; the 1-based item index for a JSON array or a JavaScript array; 0 when the issue concerns the whole
   * input rather than one row (a file that is not JSON).
   */
  readonly row: number;
  /** The canonical field concerned (`referralDate`; `personId+snapshotDate` for a compound key), or null. */
  readonly field: string | null;
  /** The value as found in the input (JSON values other than strings are written as JSON), or null. */
  readonly value: string | null;
  /** What was found and what is expected, in a sentence. */
  readonly message: string;
  /** The file the row came from, when the reader was told (`options.file`, or the path read). */
  readonly file?: string;
}

/**
 * The accounting of one read: every row read is accepted, rejected or skipped, so
 * `rowsRead === rowsAccepted + rowsRejected + rowsSkipped` always.
 */
export interface RecordAccounting {
  /**
   * Data rows read (CSV records after the header, NDJSON lines, array items, sheet rows, census elements); blank
   * lines are not rows. A workforce census row whose `Cases30` gives several allocations counts one row per
   * allocation.
   */
  readonly rowsRead: number;
  /** Rows that became records (kept, warnings or not). */
  readonly rowsAccepted: number;
  /** Rows left out because of at least one error (or because the whole input was refused). */
  readonly rowsRejected: number;
  /** Rows a preset knows are not records of the kind (listed in the result's `skipped`, each with its reason). */
  readonly rowsSkipped: number;
  /** The warnings on rows that were kept, by code (codes with none left out). */
  readonly warningsByCode: Partial<Record<InputIssueCode, number>>;
}

/**
 * Why a row read is not a record of the kind (it is then skipped, and counted in `rowsSkipped`):
 * - `icpc-not-required`: a section 47 enquiry whose initial conference was deemed unnecessary;
 * - `no-conference-date`: a section 47 enquiry that has not (yet) led to a conference;
 * - `no-cases30`: a workforce census row with no cases on 30 September (`Cases30` blank or 0), read for allocations.
 */
export type SkipReason = 'icpc-not-required' | 'no-conference-date' | 'no-cases30';

/** A row read and left out because it is not a record of the kind, with the reason. */
export interface SkippedRow {
  /** The row (sheet row, CSV line, XML line) it was on. */
  readonly row: number;
  /** Why it is not a record. */
  readonly reason: SkipReason;
  /** The reason in a sentence. */
  readonly message: string;
  /** The file it came from, when the reader was told. */
  readonly file?: string;
}

/**
 * Makes an issue with the severity of its code ({@link issueSeverities}), and the file when there is one.
 *
 * @param issue - the issue without its severity (a `severity` given is kept).
 * @returns the issue.
 * @example
 * inputIssue({ code: 'invalid_date', row: 4, field: 'referralDate', value: 'soon', message: '…' }).severity
 * //=> 'error'
 */
export function inputIssue(
  issue: Omit<InputIssue, 'severity'> & { readonly severity?: IssueSeverity },
): InputIssue {
  return issue.severity === undefined
    ? { ...issue, severity: issueSeverities[issue.code] }
    : (issue as InputIssue);
}

/**
 * How an issue keeps a value it found: strings as found, anything else as JSON (`displayValue`). A value nested
 * too deeply to write (a JSON item nested a hundred thousand deep) is described instead: nothing in reading may
 * overflow the stack.
 *
 * @param value - the raw value.
 * @returns the value as text.
 * @example
 * issueValue([1, 2]) //=> '[1,2]'
 */
export function issueValue(value: unknown): string {
  try {
    return displayValue(value);
  } catch {
    return Array.isArray(value)
      ? '(an array nested too deeply to show)'
      : '(a value nested too deeply to show)';
  }
}

/**
 * Writes one issue on one line, the way the CLI and {@link InputError} show it: file, row, field, value, message
 * and code (a warning says so).
 *
 * @param issue - the issue to write.
 * @returns `file:row: field "value": message [code]` (the parts that are present; `[code, warning]` for a warning).
 * @example
 * formatInputIssue({ code: 'invalid_date', severity: 'error', row: 4, field: 'referralDate', value: '31/02/2011',
 *   message: '31/02/2011 is not a real date: February 2011 has 28 days', file: 'ia.csv' })
 * //=> 'ia.csv:4: referralDate "31/02/2011": 31/02/2011 is not a real date: February 2011 has 28 days [invalid_date]'
 */
export function formatInputIssue(
  issue: Pick<InputIssue, 'code' | 'row' | 'field' | 'value' | 'message' | 'file'> & {
    readonly severity?: IssueSeverity;
  },
): string {
  const where = [issue.file, issue.row === 0 ? undefined : String(issue.row)]
    .filter((part) => part !== undefined)
    .map((part) => `${part}:`)
    .join('');
  const what =
    issue.field === null
      ? ''
      : ` ${issue.field}${issue.value === null ? '' : ` ${JSON.stringify(issue.value)}`}:`;
  const code = issue.severity === 'warning' ? `${issue.code}, warning` : issue.code;
  return `${where}${what} ${issue.message} [${code}]`.trimStart();
}

/**
 * Counts issues by code, in the order of {@link inputIssueCodes}; codes with no issue are left out.
 *
 * @param issues - the issues to count.
 * @returns an object from code to count.
 * @example
 * countIssuesByCode([{ code: 'duplicate_id', … }, { code: 'invalid_date', … }, { code: 'invalid_date', … }])
 * //=> { invalid_date: 2, duplicate_id: 1 }
 */
export function countIssuesByCode(issues: readonly InputIssue[]): Partial<Record<InputIssueCode, number>> {
  const counts = new Map<InputIssueCode, number>();
  for (const issue of issues) counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
  const result: Partial<Record<InputIssueCode, number>> = {};
  for (const code of inputIssueCodes) {
    const count = counts.get(code);
    if (count !== undefined) result[code] = count;
  }
  return result;
}

/**
 * The rows a preset read that are not records of the kind, in one line: their count by reason, as the CLI prints
 * it on standard error and the browser page shows it.
 *
 * @param file - the file.
 * @param skipped - the rows skipped.
 * @returns the line (without a newline), or null when no row was skipped.
 * @example
 * skippedRowsLine('annex-a.xlsx', [{ row: 7, reason: 'icpc-not-required', message: '…' }])
 * //=> 'annex-a.xlsx: 1 row skipped, not records of the kind (icpc-not-required 1)'
 */
export function skippedRowsLine(file: string, skipped: readonly SkippedRow[] | undefined): string | null {
  if (skipped === undefined || skipped.length === 0) return null;
  const byReason = new Map<string, number>();
  for (const row of skipped) byReason.set(row.reason, (byReason.get(row.reason) ?? 0) + 1);
  const reasons = [...byReason].map(([reason, count]) => `${reason} ${count}`).join(', ');
  return `${file}: ${skipped.length} row${skipped.length === 1 ? '' : 's'} skipped, not records of the kind (${reasons})`;
}

const MESSAGE_ISSUES = 10;

/**
 * Writes one result warning on one line: file, message and code.
 *
 * @param warning - the warning to write.
 * @returns `file: message [code]` (the file when there is one).
 * @example
 * formatResultWarning({ code: 'unmatched_map_key', message: 'the column map key "Done" matches no header', file: 'ia.csv' })
 * //=> 'ia.csv: the column map key "Done" matches no header [unmatched_map_key]'
 */
export function formatResultWarning(warning: ResultWarning): string {
  return `${warning.file === undefined ? '' : `${warning.file}: `}${warning.message} [${warning.code}]`;
}

function refusalMessage(issues: readonly InputIssue[], warnings: readonly ResultWarning[]): string {
  const lines = [
    ...issues.map((issue) => formatInputIssue(issue)),
    ...warnings.map((warning) => formatResultWarning(warning)),
  ];
  const [only] = lines;
  if (lines.length === 1 && only !== undefined) return `input refused: ${only}`;
  const shown = lines.slice(0, MESSAGE_ISSUES).map((line) => `  ${line}`);
  const more = lines.length > MESSAGE_ISSUES ? [`  … and ${lines.length - MESSAGE_ISSUES} more`] : [];
  const counted = [
    issues.length > 0 ? `${issues.length} issue${issues.length === 1 ? '' : 's'}` : undefined,
    warnings.length > 0 ? `${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : undefined,
  ].filter((part) => part !== undefined);
  return [`input refused: ${counted.join(' and ')}`, ...shown, ...more].join('\n');
}

/**
 * The input refused in strict mode (or a file that cannot be read at all): every issue found, in `.issues`, and the
 * result warnings that refused it too (an unmatched column map key), in `.warnings`.
 *
 * @example
 * try {
 *   parseRecords('referral', [{ id: 'R1', childId: 'C1', referralDate: '31/02/2011' }], { strict: true });
 * } catch (error) {
 *   if (error instanceof InputError) error.issues.map((i) => i.code); //=> ['invalid_date']
 * }
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** Every issue found, in input order. */
  readonly issues: readonly InputIssue[];
  /** The accounting of the read that was refused, when there was one. */
  readonly accounting: RecordAccounting | undefined;
  /** The result warnings of the read (an unmatched column map key…), which strict mode refuses too. */
  readonly warnings: readonly ResultWarning[];

  /**
   * @param issues - every issue found.
   * @param accounting - the accounting of the read, when there was one.
   * @param warnings - the result warnings of the read. Default none.
   */
  constructor(
    issues: readonly InputIssue[],
    accounting?: RecordAccounting,
    warnings: readonly ResultWarning[] = [],
  ) {
    super(refusalMessage(issues, warnings));
    this.issues = issues;
    this.accounting = accounting;
    this.warnings = warnings;
  }
}
