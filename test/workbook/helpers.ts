import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openWorkbook, type SheetCell } from '../../src/workbook/index.js';
import { ZipWriter } from '../../src/workbook/zip-write.js';

/** The bytes of a fixture: `presets/annex-a.xlsx` or `workbook/handmade.xlsx`. */
export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url))));
}

/** One sheet's rows as the reader hands them over: [row number, cells]. */
export async function sheetRows(bytes: Uint8Array, sheet: string | number): Promise<[number, SheetCell[]][]> {
  const workbook = await openWorkbook(bytes);
  const rows: [number, SheetCell[]][] = [];
  await workbook.readSheet(sheet, (cells, row) => rows.push([row, cells]));
  return rows;
}

/** A date cell as the reader gives it, for expectations. */
export function dateCell(serial: number, date: string | null): SheetCell {
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

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Options of {@link workbookOf}. */
export interface WorkbookOfOptions {
  /** Whether the workbook counts days from 1904 (`<workbookPr date1904="1"/>`). Default false. */
  readonly date1904?: boolean;
  /** Whether it has a style table: style 0 general, style 1 a date (`numFmtId` 14). Default false. */
  readonly dateStyle?: boolean;
  /** The sheet's merged ranges (`E2:E3`), written after its <sheetData>. Default none. */
  readonly merged?: readonly string[];
}

/**
 * A workbook of one sheet, "Sheet1", whose <sheetData> is given, and a shared string table of the `<si>` items
 * given: for cells no fixture holds.
 */
export async function workbookOf(
  sheetData: string,
  sharedStrings?: readonly string[],
  options: WorkbookOfOptions = {},
): Promise<Uint8Array> {
  const zip = new ZipWriter();
  await zip.add('_rels/.rels', [
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ]);
  const properties = options.date1904 === true ? '<workbookPr date1904="1"/>' : '';
  await zip.add('xl/workbook.xml', [
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${properties}<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  ]);
  const strings =
    sharedStrings === undefined
      ? ''
      : `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
  const styles =
    options.dateStyle === true ? `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` : '';
  await zip.add('xl/_rels/workbook.xml.rels', [
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${strings}${styles}</Relationships>`,
  ]);
  if (sharedStrings !== undefined) {
    await zip.add('xl/sharedStrings.xml', [`<sst xmlns="${MAIN}">`, ...sharedStrings, '</sst>']);
  }
  if (options.dateStyle === true) {
    await zip.add('xl/styles.xml', [
      `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
    ]);
  }
  const merged = options.merged ?? [];
  const mergeCells =
    merged.length === 0
      ? ''
      : `<mergeCells count="${merged.length}">${merged.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`;
  await zip.add('xl/worksheets/sheet1.xml', [
    `<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData>${mergeCells}</worksheet>`,
  ]);
  return zip.finish();
}
