/**
 * Reading records from JavaScript values, CSV text, JSON-array text and NDJSON text: each the reading path's stages
 * with a record kind's layout, so the checks, issues and accounting are the same for each.
 * @module
 */
import { checkOptionsOf, createChecker } from './check.js';
import { readRecordsText } from './read-source.js';
import type { ParseRecordsOptions, ParseRecordsResult } from './record-reader.js';
import type { RecordKind } from './schemas.js';
import { createShaper } from './shape.js';
import { kindLayout } from './shape-kind.js';

function layoutOf(kind: RecordKind, options: ParseRecordsOptions) {
  return kindLayout(kind, options.columnMap === undefined ? {} : { columnMap: options.columnMap });
}

/**
 * Reads JavaScript values (objects with canonical or mapped keys) into records of a kind. Dates may be written in
 * any accepted format (`2010-10-01`, `01/10/2010`, `2010-10-01T00:00:00`); yes/no fields take booleans or yes/no
 * words; numbers take numbers or numeric strings. Every row is checked; rows with issues are left out and reported.
 *
 * @param kind - the record kind: `initial-assessment`, `core-assessment`, `cp-conference`, `caf`, `referral`,
 *   `neet`, `worker`, `allocation`, `assessment` or `cp-plan`.
 * @param rows - the values, one per record; `row` in the issues is the 1-based position.
 * @param options - `dateFormat` (default `auto`), `columnMap` (default none), `strict` (default false: issues are
 *   returned; true: one {@link InputError} is thrown with every error; `'warnings'`: with every issue), `file` (put
 *   on every issue; default none, and `input.file` is `(values)`), `sha256` (default none: `input.sha256` is empty,
 *   there were no bytes).
 * @returns the records, the row of each, the issues, the accounting, the input, the warnings and the fields present.
 * @throws {InputError} in strict mode, when there is an issue it refuses.
 * @throws {TypeError} for an unknown kind or date format, or a column map naming no field.
 * @example
 * const { records, issues, accounting } = parseRecords('initial-assessment', [
 *   { id: 'IA1', childId: 'C1', 'Referral Date': '01/10/2010', completedDate: '2010-10-08' },
 *   { id: 'IA2', childId: 'C2', referralDate: '31/02/2011' },
 * ]);
 * records //=> [{ id: 'IA1', childId: 'C1', referralDate: '2010-10-01', completedDate: '2010-10-08' }]
 * issues[0].code //=> 'invalid_date' (row 2, field referralDate)
 * accounting //=> { rowsRead: 2, rowsAccepted: 1, rowsRejected: 1, rowsSkipped: 0, warningsByCode: {} }
 */
export function parseRecords<K extends RecordKind>(
  kind: K,
  rows: Iterable<unknown>,
  options: ParseRecordsOptions = {},
): ParseRecordsResult<K> {
  const checker = createChecker(kind, checkOptionsOf(options));
  const shaper = createShaper(layoutOf(kind, options).shape(checker), checker, { header: 'none' });
  let row = 0;
  for (const value of rows) shaper.item(value, ++row);
  shaper.end();
  return checker.result({
    file: options.file ?? '(values)',
    sha256: options.sha256 ?? '',
    encoding: 'utf-8',
  });
}

/**
 * Reads CSV text into records of a kind: the first non-blank line is the header; quoted values may hold commas,
 * quotes (written twice) and line breaks; a byte-order mark, `\r\n` line ends, blank lines and ragged rows are
 * handled; a cell over 1,000,000 characters, or a quoted value that swallows what look like whole records, is an
 * issue on its row only. `row` in the issues is the file's line number (a record spanning lines reports its first
 * line).
 *
 * @param kind - the record kind.
 * @param text - the whole CSV text.
 * @param options - as {@link parseRecords}: `dateFormat`, `columnMap`, `strict`, `file`, `sha256` (default: the
 *   SHA-256 of the text's UTF-8 bytes).
 * @returns the records, the row of each, the issues, the accounting and the columns used and ignored.
 * @throws {InputError} in strict mode, when there is an issue it refuses.
 * @example
 * const result = parseCsvText('referral', '\uFEFFID,Child ID,Referral Date\r\nR1,C1,01/10/2010\r\nR1,C2,02/10/2010\r\n');
 * result.records //=> [{ id: 'R1', childId: 'C1', referralDate: '2010-10-01' }]
 * result.issues[0] //=> { code: 'duplicate_id', severity: 'error', row: 3, field: 'id', value: 'R1', message: 'id "R1" is already used by row 2: …' }
 */
export function parseCsvText<K extends RecordKind>(
  kind: K,
  text: string,
  options: ParseRecordsOptions = {},
): ParseRecordsResult<K> {
  return readRecordsText(kind, text, 'csv', layoutOf(kind, options), options);
}

/**
 * Reads the text of a JSON array of objects into records of a kind. `row` in the issues is the 1-based item index.
 * Text that is not JSON, or not an array, refuses the input (`unreadable`, row 0).
 *
 * @param kind - the record kind.
 * @param text - the whole JSON text.
 * @param options - as {@link parseRecords}: `dateFormat`, `columnMap`, `strict`, `file`, `sha256`.
 * @returns the records, the row of each, the issues and the accounting.
 * @throws {InputError} in strict mode, when there is an issue it refuses.
 * @example
 * parseJsonText('worker', '[{"workerId": "W1", "fte": 0.5, "role": "Social Worker"}]').records
 * //=> [{ workerId: 'W1', fte: 0.5, role: 'social-worker' }]
 */
export function parseJsonText<K extends RecordKind>(
  kind: K,
  text: string,
  options: ParseRecordsOptions = {},
): ParseRecordsResult<K> {
  return readRecordsText(kind, text, 'json', layoutOf(kind, options), options);
}

/**
 * Reads NDJSON (JSON Lines) text, one object a line, into records of a kind. `row` in the issues is the line
 * number; blank lines are skipped; a line that is not JSON, or longer than 1,000,000 characters, is an `unreadable`
 * row, and reading goes on at the next line.
 *
 * @param kind - the record kind.
 * @param text - the whole NDJSON text.
 * @param options - as {@link parseRecords}: `dateFormat`, `columnMap`, `strict`, `file`, `sha256`.
 * @returns the records, the row of each, the issues and the accounting.
 * @throws {InputError} in strict mode, when there is an issue it refuses.
 * @example
 * parseNdjsonText('allocation', '{"caseId":"C1","workerId":"W1","allocatedFrom":"2010-10-01"}\n').accounting
 * //=> { rowsRead: 1, rowsAccepted: 1, rowsRejected: 0, rowsSkipped: 0, warningsByCode: {} }
 */
export function parseNdjsonText<K extends RecordKind>(
  kind: K,
  text: string,
  options: ParseRecordsOptions = {},
): ParseRecordsResult<K> {
  return readRecordsText(kind, text, 'ndjson', layoutOf(kind, options), options);
}
