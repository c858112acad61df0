import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reads a JSON file of the reference data copied into `test/fixtures/reference/` (its README names each file's
 * source and the date it was taken). Tests only: the package never depends on it.
 */
export function readReferenceJson<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/reference/${name}`, import.meta.url), 'utf8')) as T;
}

/** A path inside the repository's test fixtures. */
export function fixturePath(...parts: string[]): string {
  return fileURLToPath(new URL(`../fixtures/${parts.join('/')}`, import.meta.url));
}
