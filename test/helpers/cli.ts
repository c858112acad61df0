import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built binary, as `npm run build` writes it. */
export const cliPath = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** The result of one run of the built CLI. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `cs-indicators` with plain `node`, as a user would after `npm run build`. */
export function runBuiltCli(
  args: readonly string[],
  options: { cwd?: string; input?: string; env?: Readonly<Record<string, string>> } = {},
): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? fileURLToPath(new URL('../..', import.meta.url)),
    ...(options.env === undefined ? {} : { env: { ...process.env, ...options.env } }),
    input: options.input ?? '',
    encoding: 'utf8',
    // The browser page is over a mebibyte (the default limit).
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
