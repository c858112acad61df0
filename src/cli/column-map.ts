import { readFile } from 'node:fs/promises';
import type { ColumnMap } from '../records/headers.js';
import { InputRefusedError } from './context.js';

/** Reads a `--map FILE`: a JSON object from the file's headers to canonical field names. Exit 1 when unusable. */
export async function readColumnMap(path: string): Promise<ColumnMap> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputRefusedError(
      `${path}: cannot read the column map (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputRefusedError(`${path}: the column map is not valid JSON (${(error as Error).message})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputRefusedError(
      `${path}: the column map must be a JSON object such as {"Referral Date": "referralDate"}`,
    );
  }
  for (const [header, field] of Object.entries(parsed)) {
    if (typeof field !== 'string') {
      throw new InputRefusedError(
        `${path}: the column map's value for ${JSON.stringify(header)} must be a field name, got ${JSON.stringify(field)}`,
      );
    }
  }
  return parsed as ColumnMap;
}
