/**
 * Reading records from JavaScript values, CSV text, JSON-array text and NDJSON text: one path, the same checks, the
 * same issues and the same accounting for each.
 * @module
 */
import { parse as parseCsv } from 'csv-parse/browser/esm/sync';
import { createCsvRowHandler, csvParseOptions } from './csv.js';
import {
  createRecordReader,
  type ParseRecordsOptions,
  type ParseRecordsResult,
  type RecordReader,
} from './record-reader.js';
import type { RecordKind } from './schemas.js';

const SHOWN_LINE_CHARS = 200;

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads JavaScript values (objects with canonical or mapped keys) into records of a kind. Dates may be written in
 * any accepted format (`2010-10-01`, `01/10/2010`, `2010-10-01T00:00:00`); yes/no fields take booleans or yes/no
 * words; numbers take numbers or numeric strings. Every row is checked; rows with issues are left out and reported.
 *
 * @param kind - the record kind: `initial-assessment`, `core-assessment`, `cp-conference`, `caf`, `referral`,
 *   `neet`, `worker` or `allocation`.
 * @param rows - the values, one per record; `row` in the issues is the 1-based position.
 * @param options - `dateFormat` (default `auto`), `columnMap` (default none), `strict` (default false: issues are
 *   returned; true: one {@link InputError} is thrown with every issue), `file` (put on every issue).
 * @returns the records, the row of each, the issues and the accounting.
 * @throws {InputError} in strict mode, when there is any issue.
 * @throws {TypeError} for an unknown kind or date format, or a column map naming no field.
 * @example
 * const { records, issues, accounting } = parseRecords('initial-assessment', [
 *   { id: 'IA1', childId: 'C1', 'Referral Date': '01/10/2010', completedDate: '2010-10-08' },
 *   { id: 'IA2', childId: 'C2', referralDate: '31/02/2011' },
 * ]);
 * records //=> [{ id: 'IA1', childId: 'C1', referralDate: '2010-10-01', completedDate: '2010-10-08' }]
 * issues[0].code //=> 'invalid_date' (row 2, field referralDate)
 * accounting //=> { rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 }
 */
export function parseRecords<K extends RecordKind>(
  kind: K,
  rows: Iterable<unknown>,
  options: ParseRecordsOptions = {},
): ParseRecordsResult<K> {
  const reader = createRecordReader(kind, options);
  let row = 0;
  for (const value of rows) reader.object(value, ++row);
  return reader.result();
}

/**
 * Reads CSV text into records of a kind, with csv-parse (its browser-safe build): the first non-blank line is the
 * header; quoted values may hold commas, quotes (written twice) and line breaks; a byte-order mark, `\r\n` line ends,
 * blank lines and ragged rows are handled. `row` in the issues is the file's line number (a record spanning lines
 * reports its first line).
 *
 * @param kind - the record kind.
 * @param text - the whole CSV text.
 * @param options - as {@link parseRecords}: `dateFormat`, `columnMap`, `strict`, `file`.
 * @returns the records, the row of each, the issues, the accounting and the columns used and ignored.
 * @throws {InputError} in strict mode, when there is any issue.
 * @example
 * const result = parseCsvText('referral', '\uFEFFID,Child ID,Referral Date\r\nR1,C1,01/10/2010\r\nR1,C2,02/10/2010\r\n');
 * result.records //=> [{ id: 'R1', childId: 'C1', referralDate: '2010-10-01' }]
 * result.issues[0] //=> { code: 'duplicate_id', row: 3, field: 'id', value: 'R1', message: 'id "R1" is already used by row 2: …' }
 */
export function parseCsvText<K extends RecordKind>(
  kind: K,
  text: string,
  options: ParseRecordsOptions = {},
): ParseRecordsResult<K> {
  const reader = createRecordReader(kind, options);
  const handler = createCsvRowHandler(reader as RecordReader<RecordKind>);
  parseCsv(text, csvParseOptions(handler));
  handler.end();
  return reader.result();
}

/**
 * Reads the text of a JSON array of objects into records of a kind. `row` in the issues is the 1-based item index.
 * Text that is not JSON, or not an array, refuses the input (`unreadable`, row 0).
 *
 * @param kind - the record kind.
 * @param text - the whole JSON text.
 * @param options - as {@link parseRecords}: `dateFormat`, `columnMap`, `strict`, `file`.
 * @returns the records, the row of each, the issues and the accounting.
 * @throws {InputError} in strict mode, when there is any issue.
 * @example
 * parseJsonText('worker', '[{"workerId": "W1", "fte": 0.5, "role": "Social Worker"}]').records
 * //=> [{ workerId: 'W1', fte: 0.5, role: 'social-worker' }]
 */
export function parseJsonText<K extends RecordKind>(
  kind: K,
  text: string,
  options: ParseRecordsOptions = {},
): ParseRecordsResult<K> {
  const reader = createRecordReader(kind, options);
  let parsed: unknown;
  try {
    parsed = JSON.parse(withoutBom(text));
  } catch (error) {
    reader.refuse(
      0,
      `the text is not valid JSON (${errorMessage(error)}): expected an array of objects`,
      null,
    );
    return reader.result();
  }
  if (!Array.isArray(parsed)) {
    const got = parsed === null ? 'null' : `a JSON ${typeof parsed === 'object' ? 'object' : typeof parsed}`;
    reader.refuse(0, `the text is ${got}, not an array: expected an array of objects, one per record`, null);
    return reader.result();
  }
  parsed.forEach((item, index) => {
    reader.object(item, index + 1);
  });
  return reader.result();
}

/**
 * Feeds one NDJSON line to a reader: blank lines are skipped, a line that is not JSON is an unreadable row.
 *
 * @param reader - the record reader.
 * @param text - the line, without its line end.
 * @param line - the line number.
 * @returns nothing; the reader keeps the outcome.
 * @example
 * readNdjsonLine(reader, '{"id": "R1", "childId": "C1", "referralDate": "2010-10-01"}', 1);
 * reader.result().rows //=> [1]
 */
export function readNdjsonLine(reader: RecordReader<RecordKind>, text: string, line: number): void {
  const content = line === 1 ? withoutBom(text) : text;
  if (content.trim() === '') return;
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    const shown = content.length > SHOWN_LINE_CHARS ? `${content.slice(0, SHOWN_LINE_CHARS)}…` : content;
    reader.unreadableRow(
      line,
      `the line is not valid JSON (${errorMessage(error)}): expected one object a line`,
      shown,
    );
    return;
  }
  reader.object(value, line);
}

/**
 * Reads NDJSON (JSON Lines) text, one object a line, into records of a kind. `row` in the issues is the line
 * number; blank lines are skipped; a line that is not JSON is an `unreadable` row.
 *
 * @param kind - the record kind.
 * @param text - the whole NDJSON text.
 * @param options - as {@link parseRecords}: `dateFormat`, `columnMap`, `strict`, `file`.
 * @returns the records, the row of each, the issues and the accounting.
 * @throws {InputError} in strict mode, when there is any issue.
 * @example
 * parseNdjsonText('allocation', '{"caseId":"C1","workerId":"W1","allocatedFrom":"2010-10-01"}\n').accounting
 * //=> { rowsRead: 1, rowsAccepted: 1, rowsRejected: 0 }
 */
export function parseNdjsonText<K extends RecordKind>(
  kind: K,
  text: string,
  options: ParseRecordsOptions = {},
): ParseRecordsResult<K> {
  const reader = createRecordReader(kind, options);
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((content, index) => {
    readNdjsonLine(reader as RecordReader<RecordKind>, content, index + 1);
  });
  return reader.result();
}
