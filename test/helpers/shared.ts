import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a JSON file of the shared reference data (tests only: the package never depends on it). */
export function readSharedJson<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../../shared/data/${name}`, import.meta.url), 'utf8')) as T;
}

/** A path inside the repository's test fixtures. */
export function fixturePath(...parts: string[]): string {
  return fileURLToPath(new URL(`../fixtures/${parts.join('/')}`, import.meta.url));
}
