/**
 * Reading a column map file: a JSON object from an export's headers to canonical field names.
 * @module
 */
import { readFile } from 'node:fs/promises';
import type { ColumnMap } from '../records/headers.js';

/**
 * A column map file that cannot be used: missing, not JSON, not an object of field names.
 * @example new ColumnMapError('map.json: the column map is not valid JSON').name //=> 'ColumnMapError'
 */
export class ColumnMapError extends Error {
  override readonly name = 'ColumnMapError';
}

/**
 * Reads a column map file (`--map FILE`, a report config's `columnMaps`).
 *
 * @param path - the file.
 * @returns the map, e.g. `{ "Referral Date": "referralDate" }`.
 * @throws {ColumnMapError} naming the file and what is wrong.
 * @example await readColumnMap('map.json') //=> { 'Date of referral': 'referralDate' }
 */
export async function readColumnMap(path: string): Promise<ColumnMap> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ColumnMapError(
      `${path}: cannot read the column map (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ColumnMapError(`${path}: the column map is not valid JSON (${(error as Error).message})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ColumnMapError(
      `${path}: the column map must be a JSON object such as {"Referral Date": "referralDate"}`,
    );
  }
  for (const [header, field] of Object.entries(parsed)) {
    if (typeof field !== 'string') {
      throw new ColumnMapError(
        `${path}: the column map's value for ${JSON.stringify(header)} must be a field name, got ${JSON.stringify(field)}`,
      );
    }
  }
  return parsed as ColumnMap;
}
