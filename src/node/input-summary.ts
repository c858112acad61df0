/**
 * One line per file read, for a result's `inputs` (SPEC 13): the file, its SHA-256, the encoding it was read in and
 * what became of every row, `rowsRead = rowsAccepted + rowsRejected + rowsSkipped`.
 * @module
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { InputSummary, TextEncoding } from '../records/issues.js';

/**
 * The SHA-256 of a file's bytes, read as a stream.
 *
 * @param path - the file.
 * @returns the hash in lowercase hex.
 * @example await sha256OfFile('ia.csv') //=> '9f86d081884c7d65…'
 */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** What a read gives that a summary is made of (the readers' accounting, and a preset's skipped rows). */
export interface ReadForSummary {
  readonly accounting: {
    readonly rowsRead: number;
    readonly rowsAccepted: number;
    readonly rowsRejected: number;
    readonly rowsSkipped?: number;
    readonly encoding?: TextEncoding;
  };
  readonly skipped?: readonly unknown[];
}

/**
 * The summary of one file read.
 *
 * Until the readers count skipped rows in their accounting (`rowsSkipped`, with `rowsRead` including them), a
 * preset's `skipped` rows are added here, so that `rowsRead = rowsAccepted + rowsRejected + rowsSkipped` holds either
 * way; the encoding is the readers' when they name it, else UTF-8, the only one they decode today.
 *
 * @param path - the file as named.
 * @param read - the result of reading it.
 * @returns the summary.
 * @example
 * await summariseInput('ia.csv', await readRecordsFile('initial-assessment', 'ia.csv'))
 * //=> { file: 'ia.csv', sha256: '…', encoding: 'utf-8', rowsRead: 11, rowsAccepted: 10, rowsRejected: 1, rowsSkipped: 0 }
 */
export async function summariseInput(path: string, read: ReadForSummary): Promise<InputSummary> {
  const { accounting } = read;
  const counted = accounting.rowsSkipped !== undefined;
  const rowsSkipped = accounting.rowsSkipped ?? read.skipped?.length ?? 0;
  return {
    file: path,
    sha256: await sha256OfFile(path),
    encoding: accounting.encoding ?? 'utf-8',
    rowsRead: counted ? accounting.rowsRead : accounting.rowsRead + rowsSkipped,
    rowsAccepted: accounting.rowsAccepted,
    rowsRejected: accounting.rowsRejected,
    rowsSkipped,
  };
}
