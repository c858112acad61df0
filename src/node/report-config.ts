import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import {
  type LoadedReport,
  type LoadReportWithOptions,
  loadReportWith,
  parseReportConfig,
  ReportConfigError,
  type ReportFiles,
} from '../report/config.js';
import { readHolidayFile } from './holiday-file.js';
import { readRecordsFile } from './read-records-file.js';

export {
  type LoadedReport,
  type ReportConfig,
  ReportConfigError,
  reportConfigSchema,
} from '../report/config.js';

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ReportConfigError(
      `${path}: cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ReportConfigError(`${path}: the ${what} is not valid JSON (${(error as Error).message})`);
  }
}

/** Options of {@link loadReport}. */
export type LoadReportOptions = LoadReportWithOptions;

/**
 * The files a report config names, read from beside it.
 *
 * @param configPath - the config file.
 * @returns the reader of every file the config names.
 */
function filesBeside(configPath: string): ReportFiles {
  const base = dirname(configPath);
  const at = (path: string) => (isAbsolute(path) ? path : resolve(base, path));
  return {
    resolve: at,
    readRecords: (kind, { path, ...shape }, options) =>
      readRecordsFile(kind, at(path), { ...shape, ...options }),
    readJson: (name, what) => readJson(at(name), what),
    readHolidays: (name) => readHolidayFile(at(name)),
  };
}

/**
 * Reads a report config and everything it names (inputs, column maps, target files, calendar files) and builds the
 * report model. Paths in the config are relative to the config file.
 *
 * @param configPath - the config file (JSON).
 * @param options - strict reading, progress.
 * @returns the model, the config and the accounting of each input.
 * @throws {ReportConfigError} naming the file and the field when the config cannot be used;
 *   `InputError` (strict mode) or a file error from the inputs.
 * @example
 * const { model } = await loadReport('examples/report.config.json');
 * model.indicators.map((i) => i.id); //=> ['NI59', 'NI60', …]
 */
export async function loadReport(configPath: string, options: LoadReportOptions = {}): Promise<LoadedReport> {
  const config = parseReportConfig(await readJson(configPath, 'report config'), configPath);
  return loadReportWith(config, configPath, filesBeside(configPath), options);
}
