/**
 * Reading a column map file: a JSON object from an export's headers to canonical field names.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { ColumnMapError, parseColumnMap } from '../records/column-map.js';
import type { ColumnMap } from '../records/headers.js';

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
  return parseColumnMap(text, path);
}
