import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './context.js';

/** `node:util` parseArgs with its errors turned into usage errors (exit code 2). */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
