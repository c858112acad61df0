import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openWorkbook, type WorkbookCell } from '../../src/workbook/index.js';

/** The bytes of a fixture: `presets/annex-a.xlsx` or `workbook/handmade.xlsx`. */
export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url))));
}

/** One sheet's rows as the reader hands them over: [row number, cells]. */
export async function sheetRows(
  bytes: Uint8Array,
  sheet: string | number,
): Promise<[number, WorkbookCell[]][]> {
  const workbook = await openWorkbook(bytes);
  const rows: [number, WorkbookCell[]][] = [];
  await workbook.readSheet(sheet, (cells, row) => rows.push([row, cells]));
  return rows;
}

/** A date cell as the reader gives it, for expectations. */
export function dateCell(serial: number, date: string | null): WorkbookCell {
  return { kind: 'date', serial, date };
}

/** The error a promise rejects with (failing when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}
