/**
 * What every CLI command is given, and the errors that map to exit codes (SPEC 9, 13): 0 done, 1 input refused or
 * an output that cannot be written, 2 usage error, 70 a bug (never reached by bad input).
 * @module
 */

/** Where a command writes. Tests pass buffers; the binary passes the process streams. */
export interface CliIo {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** Whether standard error is a terminal (progress is shown only then). */
  readonly errIsTty: boolean;
  /**
   * Writes progress to standard error as it is, with the carriage return and the erase-line sequence that redraw
   * one line (messages through `err` have their control characters escaped). Default: `err`.
   */
  progress?(text: string): void;
}

/**
 * Shows the rows read so far on one line of a terminal, redrawn as reading goes on.
 *
 * @param io - the CLI's streams.
 * @param file - the file being read.
 * @param rowsRead - the rows read so far.
 */
export function showProgress(io: CliIo, file: string, rowsRead: number): void {
  (io.progress ?? io.err)(`\r${file}: ${rowsRead} rows read`);
}

/**
 * Clears the progress line.
 * @param io - the CLI's streams.
 */
export function clearProgress(io: CliIo): void {
  (io.progress ?? io.err)('\r\u001b[K');
}

/** A CLI command: its name, one-line summary, usage text and the function that runs it. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  /** The usage text `--help` prints; a function when it depends on the arguments (`compute NI59 --help`). */
  readonly usage: string | ((args: readonly string[]) => string);
  /** Runs the command; returns the exit code (0 done, 1 input refused). Throws `UsageError` for exit 2. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** A usage error: a missing, unknown or malformed argument, or an output that would overwrite an input. Exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Input that cannot be used: an unreadable file, or any issue in strict mode. Exit code 1. */
export class InputRefusedError extends Error {
  override readonly name = 'InputRefusedError';
}

/** An output that cannot be written: a missing folder, a folder in its place, no permission. Exit code 1. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/**
 * The environment variable that has `compute` and `report` keep every record as an object, as they did before
 * they kept the days of NI59, NI60 and CAF2W alone: the same figures by the other way, slower and larger, to check
 * one against the other (docs/auditing.md).
 * @example KEEP_RECORDS_VARIABLE //=> 'CSI_KEEP_RECORDS'
 */
export const KEEP_RECORDS_VARIABLE = 'CSI_KEEP_RECORDS';
