import { describe, expect, it } from 'vitest';
import {
  type CliCommand,
  type CliIo,
  clearProgress,
  showProgress,
  UsageError,
} from '../../src/cli/context.js';
import { runCli } from '../../src/cli/main.js';

function buffers(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    errIsTty: false,
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
  };
  return io;
}

function command(run: CliCommand['run']): CliCommand {
  return { name: 'try', summary: 'a test command', usage: 'Usage: cs-indicators try\n', run };
}

describe('runCli', () => {
  it('reports a bug as an internal error, exit 70, with no stack unless debugging', async () => {
    const bug = command(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    const io = buffers();
    expect(await runCli(['try'], io, { commands: [bug], debug: false })).toBe(70);
    expect(io.stderr).toBe(
      "cs-indicators try: internal error, a bug in cs-indicators: TypeError: Cannot read properties of undefined (reading 'x')\n(set CSI_DEBUG=1 to see where it happened)\nPlease report it with the command you ran.\n",
    );
    expect(io.stderr).not.toMatch(/\n\s+at /);
    const debug = buffers();
    expect(await runCli(['try'], debug, { commands: [bug], debug: true })).toBe(70);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('does not take a RangeError from the library for a usage error', async () => {
    const io = buffers();
    const overflow = command(async () => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(await runCli(['try'], io, { commands: [overflow] })).toBe(70);
    expect(io.stderr).toContain('internal error');
  });

  it('prints a usage error in one line and points to --help, not the whole usage', async () => {
    const io = buffers();
    const usage = command(async () => {
      throw new UsageError('--period: expected a period, got "2010-13"');
    });
    expect(await runCli(['try'], io, { commands: [usage] })).toBe(2);
    expect(io.stderr).toBe(
      'cs-indicators try: --period: expected a period, got "2010-13"\nsee `cs-indicators try --help`\n',
    );
  });

  it('escapes control characters in messages, which quote the data', async () => {
    const io = buffers();
    const quoting = command(async () => {
      throw new UsageError('unknown team "East\u001b[2J"');
    });
    await runCli(['try'], io, { commands: [quoting] });
    expect(io.stderr).toContain('unknown team "East\\x1b[2J"');
  });

  it('suggests the nearest command for a typo', async () => {
    const io = buffers();
    expect(await runCli(['tyr'], io, { commands: [command(async () => 0)] })).toBe(2);
    expect(io.stderr).toBe(
      'cs-indicators: unknown command "tyr" (did you mean "try"?)\nsee `cs-indicators --help`\n',
    );
  });

  it('writes progress to a terminal as it is, while messages have their control characters escaped', async () => {
    const progress: string[] = [];
    const io = Object.assign(buffers(), { errIsTty: true, progress: (text: string) => progress.push(text) });
    // The command is given runCli's streams, as every command is.
    const reading = command(async (_args, given) => {
      showProgress(given, 'ia.csv', 100_000);
      clearProgress(given);
      given.err('a message with ESC \u001b[K in it\n');
      return 0;
    });
    expect(await runCli(['try'], io, { commands: [reading] })).toBe(0);
    // The redraw of one line: a carriage return, the text; then the erase-line sequence, all raw.
    expect(progress).toEqual(['\ria.csv: 100000 rows read', '\r\u001b[K']);
    expect(io.stderr).toBe('a message with ESC \\x1b[K in it\n');
  });
});
