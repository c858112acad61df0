import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { type CliRun, cliPath } from '../helpers/cli.js';

/**
 * A folder for one test file's bad inputs, removed after the file's tests; `write` puts a file in it and gives its
 * path.
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

/** Runs the built CLI, as `runBuiltCli` does, with room for the megabytes a huge bad input writes to stderr. */
export function runCliWithRoom(args: readonly string[]): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
