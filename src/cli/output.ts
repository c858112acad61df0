/**
 * Every file a command writes goes through here (SPEC 13): an output is refused when it is one of the run's inputs
 * (its data, map, calendar, closures or config files, also through a symbolic link, `..` or a hard link), and is
 * written to a temporary file beside the target and renamed, so that a failed run never leaves a half-written file.
 * `-` is standard output.
 * @module
 */
import { closeSync, constants, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { access, open, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { choiceArg } from './args.js';
import { type CliIo, OutputError, UsageError } from './context.js';

/** An output of a run: the flag that names it and its path (`-` for standard output). */
export interface OutputTarget {
  /** The flag, for messages: `--out`, `--audit`. */
  readonly flag: string;
  /** The path as given, or `-`. */
  readonly path: string;
}

/** A file the run reads: what it is (`--input`, `inputs.caf`, `the config`) and its path. */
export interface RunInput {
  readonly what: string;
  readonly path: string;
}

/** The output means standard output. */
export function isStdout(path: string): boolean {
  return path === '-';
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/** The identity of an existing file (device and inode), or undefined when there is no file there. */
async function identityOf(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}

/** The absolute path an output will be written to, its folder's symbolic links resolved where it exists. */
async function resolvedPath(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return join(await realpath(dirname(absolute)), basename(absolute));
  } catch {
    return absolute;
  }
}

/**
 * Checks a run's outputs before anything is read: none may be one of the run's inputs (exit 2, naming both), two
 * outputs may not be the same file, and each must be writable: its folder exists, it is not a folder, and the
 * folder may be written to (exit 1, naming the path and the reason).
 *
 * @param outputs - the outputs named; standard output (`-`) is left out.
 * @param inputs - every file the run reads.
 * @throws {UsageError} when an output is an input, or two outputs are one file.
 * @throws {OutputError} when an output cannot be written.
 */
export async function checkOutputs(
  outputs: readonly OutputTarget[],
  inputs: readonly RunInput[],
): Promise<void> {
  const files = outputs.filter((output) => !isStdout(output.path));
  const inputIdentities = await Promise.all(inputs.map(async (input) => identityOf(input.path)));
  const seen = new Map<string, OutputTarget>();
  for (const output of files) {
    const identity = await identityOf(output.path);
    if (identity !== undefined) {
      const index = inputIdentities.indexOf(identity);
      const input = inputs[index];
      if (input !== undefined) {
        throw new UsageError(
          `${output.flag} ${output.path} is ${input.what} ${input.path}: an output never overwrites an input; write it elsewhere`,
        );
      }
    }
    const where = await resolvedPath(output.path);
    const earlier = seen.get(where);
    if (earlier !== undefined) {
      throw new UsageError(
        `${output.flag} ${output.path} and ${earlier.flag} ${earlier.path} are the same file: give each output its own`,
      );
    }
    seen.set(where, output);
    await checkWritable(output);
  }
}

async function checkWritable(output: OutputTarget): Promise<void> {
  const folder = dirname(resolve(output.path));
  const cannot = (reason: string) => new OutputError(`cannot write ${output.flag} ${output.path}: ${reason}`);
  try {
    const info = await stat(folder);
    if (!info.isDirectory()) throw cannot(`${dirname(output.path)} is a file, not a folder`);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    throw cannot(
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? `the folder ${dirname(output.path)} does not exist`
        : reasonOf(error),
    );
  }
  try {
    if ((await stat(output.path)).isDirectory()) throw cannot('it is a folder');
  } catch (error) {
    if (error instanceof OutputError) throw error;
    // No file there yet: it will be made.
  }
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    throw cannot(`${reasonOf(error)} (the folder ${dirname(output.path)})`);
  }
}

/** Text gathered before a write when an output is given as lines: about a megabyte. */
const WRITE_CHUNK_CHARS = 1 << 20;

/**
 * Writes an output: to standard output for `-`, else to a temporary file beside the target, then renamed onto it,
 * so that the target is either the old file or the whole new one, never a part. Content given as lines (any
 * iterable of strings, such as a generator) is written as it is made, a megabyte at a time, and never held whole.
 *
 * @param output - the output.
 * @param content - everything it holds: text, the bytes of a workbook, or its text as pieces to write in order.
 * @param io - the CLI's streams, for `-`.
 * @throws {OutputError} naming the path and the reason when it cannot be written.
 * @throws {UsageError} for bytes to standard output (a workbook is written to a file).
 */
export async function writeOutput(
  output: OutputTarget,
  content: string | Uint8Array | Iterable<string>,
  io: CliIo,
): Promise<void> {
  const pieces = typeof content === 'string' || content instanceof Uint8Array ? undefined : content;
  if (isStdout(output.path)) {
    if (content instanceof Uint8Array) {
      throw new UsageError(
        `${output.flag} -: a workbook cannot go to standard output: give ${output.flag} FILE`,
      );
    }
    if (pieces === undefined) io.out(content as string);
    else for (const chunk of chunksOf(pieces)) io.out(chunk);
    return;
  }
  const { target, temporary } = await temporaryBeside(output.path);
  try {
    if (pieces === undefined) {
      await writeFile(temporary, content as string | Uint8Array, { flag: 'wx' });
    } else {
      const handle = await open(temporary, 'wx');
      try {
        for (const chunk of chunksOf(pieces)) await handle.write(chunk);
      } finally {
        await handle.close();
      }
    }
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new OutputError(`cannot write ${output.flag} ${output.path}: ${reasonOf(error)}`);
  }
}

/** The target's absolute path, and a temporary file's name beside it, in its folder, that no other run will take. */
async function temporaryBeside(path: string): Promise<{ target: string; temporary: string }> {
  const target = resolve(path);
  // node:crypto is loaded only when a file is written: a command printing to standard output starts without it.
  const { randomBytes } = await import('node:crypto');
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  return { target, temporary };
}

/**
 * An output written piece by piece while other work runs, each piece at once and in order (a megabyte gathered at a
 * time, then written synchronously), so that text made inside a synchronous loop, such as the audit lines an
 * indicator makes record by record, is never held whole.
 */
export interface OutputWriter {
  /** Writes a piece of text. Throws an {@link OutputError} when the file cannot be written. */
  write(text: string): void;
  /** Writes what is gathered and puts the file in place (a temporary file renamed onto the target). */
  close(): void;
  /** Drops the output: the temporary file is removed, the target left as it was. */
  discard(): void;
}

/**
 * Opens an output to write piece by piece ({@link OutputWriter}): standard output for `-`, else a temporary file
 * beside the target, renamed onto it by `close`, as {@link writeOutput} does. Call `discard` when the work fails.
 *
 * @param output - the output.
 * @param io - the CLI's streams, for `-`.
 * @returns the writer.
 * @throws {OutputError} naming the path and the reason when the file cannot be created.
 */
export async function openOutputWriter(output: OutputTarget, io: CliIo): Promise<OutputWriter> {
  let chunk = '';
  if (isStdout(output.path)) {
    return {
      write(text) {
        chunk += text;
        if (chunk.length >= WRITE_CHUNK_CHARS) {
          io.out(chunk);
          chunk = '';
        }
      },
      close() {
        if (chunk !== '') io.out(chunk);
        chunk = '';
      },
      discard() {
        chunk = '';
      },
    };
  }
  const { target, temporary } = await temporaryBeside(output.path);
  const cannot = (error: unknown) =>
    new OutputError(`cannot write ${output.flag} ${output.path}: ${reasonOf(error)}`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx');
  } catch (error) {
    throw cannot(error);
  }
  const drop = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone.
    }
  };
  const flush = () => {
    if (fd === undefined) throw new OutputError(`${output.flag} ${output.path} was already closed`);
    try {
      // A write may take fewer bytes than given: the rest follows, as writeFileSync does.
      const bytes = Buffer.from(chunk);
      chunk = '';
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    } catch (error) {
      drop();
      throw cannot(error);
    }
  };
  return {
    write(text) {
      chunk += text;
      if (chunk.length >= WRITE_CHUNK_CHARS) flush();
    },
    close() {
      flush();
      try {
        closeSync(fd as number);
        fd = undefined;
        renameSync(temporary, target);
      } catch (error) {
        drop();
        throw cannot(error);
      }
    },
    discard: drop,
  };
}

/** The pieces joined into chunks of about {@link WRITE_CHUNK_CHARS} characters. */
function* chunksOf(pieces: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= WRITE_CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** The file name endings that name each output format, for `--out FILE` without `--format`. */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  json: ['.json'],
  csv: ['.csv'],
  md: ['.md', '.markdown'],
  html: ['.html', '.htm'],
  xlsx: ['.xlsx'],
  table: ['.txt'],
  text: ['.txt'],
};

/**
 * The format a file name's ending names, among those offered.
 * @param path - the output's path.
 * @param formats - the formats the command offers.
 * @returns the format, or undefined when the ending names none of them.
 */
function formatOfPath<F extends string>(path: string, formats: readonly F[]): F | undefined {
  const lower = path.toLowerCase();
  return formats.find((format) => (EXTENSIONS[format] ?? []).some((ending) => lower.endsWith(ending)));
}

/**
 * The file ending of a format, for a default output name: `.md` for `md`.
 * @param format - the format.
 * @returns the ending.
 */
export function extensionOf(format: string): string {
  return EXTENSIONS[format]?.[0] ?? `.${format}`;
}

/**
 * `--format` and `--out`, the same on every command that writes: the format in any case; `--out FILE` (or `-`,
 * standard output, the default unless `defaultOut` says otherwise). Without `--format`, a file's ending chooses it
 * (`--out january.md`); a `--format` that contradicts the file's ending is refused.
 *
 * @param values - the flags.
 * @param formats - the formats the command offers, the default first.
 * @param defaultOut - the output when `--out` is not given, by format. Default: standard output.
 * @returns the format and the output.
 * @throws {UsageError} for an unknown format, or one that contradicts the file's ending.
 */
export function outputFromArgs<F extends string>(
  values: { readonly format?: string | undefined; readonly out?: string | undefined },
  formats: readonly [F, ...F[]],
  defaultOut: (format: F) => string = () => '-',
): { readonly format: F; readonly out: OutputTarget } {
  const given = choiceArg(values.format, formats, '--format');
  const named =
    values.out === undefined || isStdout(values.out) ? undefined : formatOfPath(values.out, formats);
  if (given !== undefined && named !== undefined && given !== named) {
    throw new UsageError(
      `--format ${given} contradicts --out ${values.out}, whose ending says ${named}: change one of them`,
    );
  }
  const format = given ?? named ?? formats[0];
  return { format, out: { flag: '--out', path: values.out ?? defaultOut(format) } };
}
