/**
 * The formats a records file may be in, told from its name: the same rule for a path in node and a browser `File`'s
 * name.
 * @module
 */

/**
 * The formats a records file may be in: CSV, a JSON array, NDJSON (one JSON object a line), an Excel workbook
 * (`xlsx`), or XML (the CIN census).
 */
export type RecordFileFormat = 'csv' | 'json' | 'ndjson' | 'xlsx' | 'xml';

/**
 * Every records file format.
 * @example recordFileFormats //=> ['csv', 'json', 'ndjson', 'xlsx', 'xml']
 */
export const recordFileFormats: readonly RecordFileFormat[] = ['csv', 'json', 'ndjson', 'xlsx', 'xml'];

/**
 * The format of a records file from its extension.
 *
 * @param path - the file's path, or a browser file's name.
 * @returns `csv`, `json`, `ndjson`, `xlsx` or `xml`.
 * @throws {TypeError} when the extension is none of `.csv`, `.json`, `.ndjson`, `.jsonl`, `.xlsx`, `.xlsm`, `.xml`.
 * @example recordFileFormatOf('exports/IA 2010.CSV') //=> 'csv'
 */
export function recordFileFormatOf(path: string): RecordFileFormat {
  const extension = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (extension === 'csv') return 'csv';
  if (extension === 'json') return 'json';
  if (extension === 'ndjson' || extension === 'jsonl') return 'ndjson';
  if (extension === 'xlsx' || extension === 'xlsm') return 'xlsx';
  if (extension === 'xml') return 'xml';
  throw new TypeError(
    `${path}: cannot tell the file's format from its extension: expected .csv, .json, .ndjson or .jsonl, .xlsx or .xml (or pass the format)`,
  );
}
