#!/usr/bin/env node
/**
 * The `cs-indicators` binary: dispatches to one command per file under `commands/`.
 *
 * Exit codes (SPEC 9, 13): 0 done, 1 input refused or an output that cannot be written, 2 usage error, 70 a bug.
 * No stack trace reaches a user unless `CSI_DEBUG=1` is set; a closed standard output (`| head`) ends quietly.
 * @module
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { version } from '../../package.json';
import { escapeControlCharactersKeepingLines } from '../util/control-characters.js';
import { didYouMean } from '../util/nearest.js';
import { type CommandEntry, commandList } from './commands/list.js';
import { type CliCommand, type CliIo, InputRefusedError, OutputError, UsageError } from './context.js';

/** The environment variable that shows the stack of an internal error. */
export const DEBUG_VARIABLE = 'CSI_DEBUG';

function helpText(commands: readonly CommandEntry[]): string {
  let width = 0;
  for (const command of commands) width = Math.max(width, command.name.length);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: cs-indicators <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `cs-indicators <command> --help` for the options of one command.',
    'Exit codes: 0 done, 1 input refused or an output that cannot be written, 2 usage error, 70 internal error.',
    '',
  ].join('\n');
}

/** The message of an internal error: what happened, that it is a bug, and how to see more. */
function internalError(where: string, error: unknown, debug: boolean): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const detail =
    debug && error instanceof Error && error.stack !== undefined
      ? `\n${error.stack}`
      : `\n(set ${DEBUG_VARIABLE}=1 to see where it happened)`;
  return `${where}: internal error, a bug in cs-indicators: ${message}${detail}\nPlease report it with the command you ran.\n`;
}

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** Show the stack of an internal error. Default: `CSI_DEBUG=1` in the environment. */
  readonly debug?: boolean;
  /** The commands. Default: every command of `commands/` (tests give their own). */
  readonly commands?: readonly CliCommand[];
}

/**
 * Runs the CLI with the given arguments (without `node` and the script path).
 *
 * @param argv - the arguments.
 * @param io - where to write.
 * @param options - `debug`.
 * @returns the exit code: 0 done, 1 input refused or an output that cannot be written, 2 usage error, 70 a bug.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  options: RunCliOptions = {},
): Promise<number> {
  const debug = options.debug ?? process.env[DEBUG_VARIABLE] === '1';
  const commands: readonly CommandEntry[] =
    options.commands?.map((command) => ({ ...command, load: async () => command })) ?? commandList;
  // Messages quote the data (file names, values): shown on a terminal, their control characters are escaped.
  const err = (text: string) => io.err(escapeControlCharactersKeepingLines(text));
  const safeIo: CliIo = { out: io.out, err, errIsTty: io.errIsTty, progress: io.progress ?? io.err };
  const [name, ...rest] = argv;
  if (name === undefined) {
    err(helpText(commands));
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText(commands));
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name.toLowerCase());
  if (!entry) {
    const names = commands.map((c) => c.name);
    err(
      `cs-indicators: unknown command ${JSON.stringify(name)}${didYouMean(name, names)}\nsee \`cs-indicators --help\`\n`,
    );
    return 2;
  }
  const where = `cs-indicators ${entry.name}`;
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      const usage = typeof command.usage === 'function' ? command.usage(rest) : command.usage;
      io.out(`${usage.trimEnd()}\n`);
      return 0;
    }
    return await command.run(rest, safeIo);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`${where}: ${error.message}\nsee \`${where} --help\`\n`);
      return 2;
    }
    // A count that needs a day the --calendar file does not cover, found while computing (WF_ABSENCE's year before
    // the period): the file refused, as a period it does not cover is. Known by name: the calendar module is not
    // loaded here for a command that counts nothing.
    if (
      error instanceof InputRefusedError ||
      error instanceof OutputError ||
      (error instanceof RangeError && error.name === 'OutsideHolidayListError')
    ) {
      err(`${where}: ${(error as Error).message}\n`);
      return 1;
    }
    err(internalError(where, error, debug));
    return 70;
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/**
 * A process stream whose reader may go away (`cs-indicators … | head -1`): once it has, later writes are dropped and
 * the run ends quietly, with the exit code the command gives.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    closed = true;
    process.exitCode = 70;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

if (isMain()) {
  const debug = process.env[DEBUG_VARIABLE] === '1';
  const stderr = quietWhenClosed(process.stderr);
  const io: CliIo = {
    out: quietWhenClosed(process.stdout),
    err: stderr,
    errIsTty: Boolean(process.stderr.isTTY),
    progress: stderr,
  };
  const fail = (error: unknown) => {
    io.err(internalError('cs-indicators', error, debug));
    process.exitCode = 70;
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  runCli(process.argv.slice(2), io, { debug }).then((code) => {
    // A write error other than a closed reader has already set 70.
    if (process.exitCode === undefined || process.exitCode === 0) process.exitCode = code;
  }, fail);
}
