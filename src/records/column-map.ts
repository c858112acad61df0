/**
 * A column map as a file holds it: a JSON object from an export's headers to canonical field names. The check of
 * its content, shared by the node entry (a file beside a config, `--map FILE`) and the browser page (a file picked).
 * @module
 */
import type { ColumnMap } from './headers.js';

/**
 * A column map file that cannot be used: missing, not JSON, not an object of field names.
 * @example new ColumnMapError('map.json: the column map is not valid JSON').name //=> 'ColumnMapError'
 */
export class ColumnMapError extends Error {
  override readonly name = 'ColumnMapError';
}

/**
 * Reads a column map from a file's text.
 *
 * @param text - the file's text (a byte-order mark is dropped).
 * @param path - the file's name, for messages.
 * @returns the map, e.g. `{ "Referral Date": "referralDate" }`.
 * @throws {ColumnMapError} naming the file and what is wrong.
 * @example parseColumnMap('{"Date of referral": "referralDate"}', 'map.json') //=> { 'Date of referral': 'referralDate' }
 */
export function parseColumnMap(text: string, path: string): ColumnMap {
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
