/**
 * What every read of records takes and gives back, whatever its format: the options of `parseRecords` and of
 * every reader, and the result (records, rows, issues, accounting, the input read, warnings, the fields present).
 * @module
 */

import type { DateFormat } from './dates.js';
import type { ColumnMap, ColumnReport } from './headers.js';
import type {
  InputIssue,
  InputSummary,
  RecordAccounting,
  ResultWarning,
  SkippedRow,
  TextEncoding,
} from './issues.js';
import type { KeyNumbering } from './keys.js';
import type { RecordKind, RecordOf } from './schemas.js';

/** Options of {@link parseRecords} and of every reader of records. */
export interface ParseRecordsOptions {
  /** How slash dates are read: `auto` (default: `YYYY-MM-DD` or `DD/MM/YYYY`), `dmy`, `ymd` or `mdy`. */
  readonly dateFormat?: DateFormat;
  /**
   * Renames headers (or JSON keys) that are not canonical field names. Default: none. A key that maps to a field of
   * the kind read but matches no header is a warning (`unmatched_map_key`).
   */
  readonly columnMap?: ColumnMap;
  /**
   * Refuse the input, throwing one {@link InputError} with every issue, instead of returning them: `true` when
   * there is any error or result warning (an unmatched column map key), `'warnings'` also when there is any
   * warning on a row. Default false.
   */
  readonly strict?: boolean | 'warnings';
  /** The file name to put on every issue and in `input.file`. Default: none (the node file reader sets the path). */
  readonly file?: string;
  /** The encoding of the bytes read. Default `utf-8` (a byte-order mark is dropped). Text given as text is text. */
  readonly encoding?: TextEncoding;
  /**
   * The SHA-256 of the bytes the text came from, in hex, for `input.sha256` (a browser page may hash a `File` with
   * `crypto.subtle`). Default: computed over the text's UTF-8 bytes, by `node:crypto` in Node.js and in plain
   * JavaScript elsewhere (about five times `node:crypto`'s time: 0.7 s for 46 MB on a busy machine).
   */
  readonly sha256?: string;
  /**
   * The run's numbering of child ids, made by `createKeyNumbering()`: each accepted record's `childId` is numbered
   * in it as the read ends (`numberChildIds`), so that the indicators joining records by child (ASSESS45,
   * REPEAT_REFERRALS, CPP_REPEAT) read each child's number instead of hashing it. Give every input of one run the
   * same table. It changes no figure: numbers that no longer match a record's `childId` are not used. Kinds whose
   * `childId` is not required (caf, neet, worker, allocation) are not numbered. Default: none (nothing numbered, no cost).
   */
  readonly childNumbering?: KeyNumbering;
  /**
   * Whether the result lists the key of each rejected row whose key cells could be read (`rejectedKeys`), so that
   * an audit can name the record a rejected row was: its `id` (or the parts of a compound key). Default false.
   */
  readonly keysOfRejected?: boolean;
}

/** A rejected row and the key its cells gave, as {@link ParseRecordsResult.rejectedKeys} lists it. */
export interface RejectedKey {
  /** The row, as the issues name it. */
  readonly row: number;
  /** The values of the kind's key fields (`id`; `personId` and `snapshotDate` for `neet`), as read. */
  readonly key: readonly string[];
}

/** What a read gives back: the records, where each came from, the issues and the accounting. */
export interface ParseRecordsResult<K extends RecordKind> {
  /** The record kind read. */
  readonly kind: K;
  /** The accepted records, in input order. */
  readonly records: readonly RecordOf<K>[];
  /**
   * The row of each accepted record, parallel to `records` (`rows[i]` is where `records[i]` came from): the file's
   * line number for CSV and NDJSON, the 1-based item index for JSON and JavaScript arrays. For audit output.
   */
  readonly rows: readonly number[];
  /** Every issue found, in input order (file-level issues where they were found). */
  readonly issues: readonly InputIssue[];
  /** Rows read, accepted, rejected and skipped: `rowsRead === rowsAccepted + rowsRejected + rowsSkipped`. */
  readonly accounting: RecordAccounting;
  /**
   * False when the input as a whole was refused: a required column is missing, two columns give one field, or the
   * text is not JSON. Every row is then rejected.
   */
  readonly readable: boolean;
  /** For tables (CSV, a sheet): the columns used and ignored. */
  readonly columns?: ColumnReport;
  /** With a preset: the rows that are not records of the kind, each with its reason. */
  readonly skipped?: readonly SkippedRow[];
  /**
   * With `keysOfRejected`: each rejected row whose key cells were read (a blank or unreadable id gives none), with
   * its key. Not in row order when a repeated key is found as the read ends.
   */
  readonly rejectedKeys?: readonly RejectedKey[];
  /**
   * The input read, for an auditor: its name, the SHA-256 of its bytes, the encoding and the four counts. For
   * JavaScript values (`parseRecords`) the file is `(values)` (or `options.file`) and the hash is empty: there were
   * no bytes.
   */
  readonly input: InputSummary;
  /** Warnings about the read as a whole (an unmatched column map key), also refused under `strict`. */
  readonly warnings: readonly ResultWarning[];
  /**
   * The canonical fields the input has, in the kind's order: the columns matched (even if every cell is blank), or
   * for JSON the fields any item carried, or for a preset the fields its columns give. An indicator whose event or
   * start date is not among them cannot be computed from this input.
   */
  readonly fieldsPresent: readonly string[];
  /**
   * Values of the whole file, when it has any: a workforce census XML's `referenceDate` (its header's
   * `ReferenceDate`) and `vacancies` (`LALevelVacancies/NumberOfVacancies`, as written), an NCCIS XML's `periodEnd`.
   * Absent for files without them.
   */
  readonly fileValues?: Readonly<Record<string, unknown>>;
  /**
   * A sentence for the reader of the output when the file's encoding was detected rather than given (a file read as
   * Windows-1252, as Excel's "CSV (Comma delimited)" writes it on a UK machine): the CLI prints it on standard error.
   * Absent when there is nothing to say.
   */
  readonly notice?: string;
}
