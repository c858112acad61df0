/**
 * The page's one seam for Excel workbooks (.xlsx): recognising one by its sheets, reading one sheet's records, and
 * writing the return as a workbook. Everything else in the page goes through the core's reading path.
 *
 * LAST STEP, NOT YET DONE: the page reads and writes workbooks once the browser-safe workbook module (a streaming
 * .xlsx reader and writer with nothing from `node:`) is in the core; until then the CLI's workbooks use exceljs,
 * which is node-only. Meanwhile every use says so, in words the analyst can act on: never a silent no-op.
 * @module
 */
import type { InputSample } from '../presets/recognise.js';
import type { ParseRecordsResult } from '../records/record-reader.js';
import type { RecordKind } from '../records/schemas.js';
import type { Layout } from '../records/shape.js';
import type { ReportModel } from '../report/model.js';

/** Why the page cannot read or write workbooks yet, and what to do instead. */
export const WORKBOOKS_UNAVAILABLE =
  'Excel workbooks (.xlsx) are not read or written in this page yet. Save each sheet as CSV (UTF-8) and give the CSV files, or use the command line (cs-indicators report --format xlsx).';

/** What the page can do with workbooks. */
export interface PageWorkbooks {
  /** Whether workbooks can be read and written. */
  readonly available: boolean;
  /** Why not, when they cannot. */
  readonly why: string;
  /** A workbook's sample for recognition: its sheets and their first rows. */
  sample(file: Blob, name: string): Promise<InputSample>;
  /** Reads one kind of records from a workbook, through the layout. */
  read<K extends RecordKind>(
    kind: K,
    file: Blob,
    name: string,
    layout: Layout,
    options: { readonly sheet?: string | number },
  ): Promise<ParseRecordsResult<K>>;
  /** Writes the return as a workbook. */
  write(model: ReportModel): Promise<Uint8Array>;
}

/** A workbook the page cannot use: the message says why and what to do. */
export class WorkbookUnavailableError extends Error {
  override readonly name = 'WorkbookUnavailableError';
}

const unavailable = (name: string) => new WorkbookUnavailableError(`${name}: ${WORKBOOKS_UNAVAILABLE}`);

/** The page's workbooks: not yet available. */
export const pageWorkbooks: PageWorkbooks = {
  available: false,
  why: WORKBOOKS_UNAVAILABLE,
  sample: async (_file, name) => {
    throw unavailable(name);
  },
  read: async (_kind, _file, name) => {
    throw unavailable(name);
  },
  write: async () => {
    throw unavailable('the return as a workbook');
  },
};
