import { readColumnMap as readColumnMapFile } from '../node/column-map.js';
import { ColumnMapError } from '../records/column-map.js';
import type { ColumnMap } from '../records/headers.js';
import { InputRefusedError } from './context.js';

/** Reads a `--map FILE`: a JSON object from the file's headers to canonical field names. Exit 1 when unusable. */
export async function readColumnMap(path: string): Promise<ColumnMap> {
  try {
    return await readColumnMapFile(path);
  } catch (error) {
    if (error instanceof ColumnMapError) throw new InputRefusedError(error.message);
    throw error;
  }
}
