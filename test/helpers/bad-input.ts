import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { type CliRun, cliPath } from './cli.js';

/** Runs the built CLI as `runBuiltCli` does, with room for outputs of many megabytes. */
export function runBuiltCliLarge(args: readonly string[]): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    input: '',
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A folder for one test file's bad inputs, outside the repository, removed after the file's tests; `write` puts a
 * file in it and gives its path.
 */
export function badInputs(prefix: string): {
  readonly dir: string;
  write(name: string, data: string | Uint8Array): string;
} {
  const dir = mkdtempSync(join(tmpdir(), `csi-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write(name, data) {
      const path = join(dir, name);
      writeFileSync(path, data);
      return path;
    },
  };
}

/** A new empty folder for one test's files, outside the repository. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'csi-bad-input-'));
}

/**
 * What every refusal must be: the exit code, no stack trace and no internal error on stderr, nothing on stdout
 * (no figure is printed from input that was refused).
 */
export function expectRefused(run: CliRun, code: 1 | 2): void {
  expect(run.code, run.stderr).toBe(code);
  expect(run.stderr).not.toMatch(/\n\s+at [^\n]*:\d+:\d+/);
  expect(run.stderr).not.toContain('internal error');
  expect(run.stderr).not.toContain('Maximum call stack');
  expect(run.stdout).toBe('');
}

/** A usage error: one line with the reason, then where the help is; not the whole usage text. */
export function expectUsageError(run: CliRun, command: string, reason: string): void {
  expectRefused(run, 2);
  expect(run.stderr).toBe(`cs-indicators ${command}: ${reason}\nsee \`cs-indicators ${command} --help\`\n`);
}
