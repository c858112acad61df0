/**
 * The `cs-indicators` binary: dispatches to one command per file under `commands/`.
 * @module
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { version } from '../../package.json';
import { computeCommand } from './commands/compute.js';
import { deadlineCommand } from './commands/deadline.js';
import { reportCommand } from './commands/report.js';
import { spcCommand } from './commands/spc.js';
import { validateCommand } from './commands/validate.js';
import { workingDaysCommand } from './commands/working-days.js';
import { type CliCommand, type CliIo, InputRefusedError, UsageError } from './context.js';

const commands: readonly CliCommand[] = [
  computeCommand,
  validateCommand,
  reportCommand,
  spcCommand,
  workingDaysCommand,
  deadlineCommand,
];

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: cs-indicators <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `cs-indicators <command> --help` for the options of one command.',
    'Exit codes: 0 done, 1 input refused, 2 usage error.',
    '',
  ].join('\n');
}

/**
 * Runs the CLI with the given arguments (without `node` and the script path).
 * @returns the exit code: 0 done, 1 input refused, 2 usage error.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(helpText());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`cs-indicators: unknown command ${JSON.stringify(name)}\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`cs-indicators ${command.name}: ${error.message}\n\n${command.usage.trimEnd()}\n`);
      return 2;
    }
    if (error instanceof InputRefusedError) {
      io.err(`cs-indicators ${command.name}: ${error.message}\n`);
      return 1;
    }
    // A RangeError/TypeError from the library is a bad argument value given on the command line.
    if (error instanceof RangeError || error instanceof TypeError) {
      io.err(`cs-indicators ${command.name}: ${error.message}\n`);
      return 2;
    }
    throw error;
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

if (isMain()) {
  const io: CliIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTty: Boolean(process.stderr.isTTY),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `cs-indicators: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 70;
    },
  );
}
