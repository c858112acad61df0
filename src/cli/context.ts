/**
 * What every CLI command is given, and the errors that map to exit codes (SPEC 9).
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
}

/** A CLI command: its name, one-line summary, usage text and the function that runs it. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Runs the command; returns the exit code (0 done, 1 input refused). Throws `UsageError` for exit 2. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** A usage error: a missing or malformed argument. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Input that cannot be used: an unreadable file, or any issue in strict mode. Exit code 1. */
export class InputRefusedError extends Error {
  override readonly name = 'InputRefusedError';
}
