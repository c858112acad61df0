/**
 * Report configs in node: the config read from its file, the files it names found beside it. The checks and the
 * loader are the core's (`report/config.ts`), shared with the browser page.
 * @module
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import {
  type CheckedReportConfig,
  checkReportConfig,
  type LoadedReport,
  type LoadReportOptions,
  loadReportWith,
  ReportConfigError,
  type ReportFilesKeeping,
  refuseReportConfig,
} from '../report/config.js';
import { readColumnMap } from './column-map.js';
import { readHolidayFile } from './holiday-file.js';
import { readRecordsFile, readRecordsFileBy } from './read-records-file.js';

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ReportConfigError(
      `${path}: cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ReportConfigError(`${path}: the ${what} is not valid JSON (${(error as Error).message})`);
  }
}

/** A path the config names, resolved against the config's folder. */
function besideConfig(configPath: string): (path: string) => string {
  const base = dirname(configPath);
  return (path) => (isAbsolute(path) ? path : join(base, path));
}

/**
 * The files a report config names, read from beside it (internal: a file every indicator of which is counted from
 * two dates is kept as their days, by `readRecordsKeeping`).
 * @param configPath - the config file: names in it are read beside it.
 * @returns the files.
 * @example filesBeside('examples/report.config.json').resolve('data/neet.csv') //=> 'examples/data/neet.csv'
 */
export function filesBeside(configPath: string): ReportFilesKeeping {
  const at = besideConfig(configPath);
  return {
    resolve: at,
    readRecords: (kind, { path, ...shape }, options) =>
      readRecordsFile(kind, at(path), { ...shape, ...options } as never),
    readRecordsKeeping: (kind, { path, ...shape }, options, keep) =>
      readRecordsFileBy(kind, at(path), { ...shape, ...options } as never, { keep }),
    readJson: (name, what) => readJson(at(name), what),
    readColumnMap: (name) => readColumnMap(at(name)),
    readHolidays: (name) => readHolidayFile(at(name)),
  };
}

/**
 * Reads a report config and checks it whole before any input is read: the core's checks (its shape, with an unknown
 * key anywhere refused with its path and the nearest known key; each indicator's options against its declarations;
 * the financial year (`FY2010` or `2010/11`); `asAt` within it; each indicator, target set and targets file listed
 * once; the target sets; an input for every record kind the indicators read; each input's
 * format, preset and census date), and that every file it names exists.
 *
 * @param configPath - the config file (JSON).
 * @returns the checked config and every file it names.
 * @throws {ReportConfigError} naming the file and every problem, each with its path in the config.
 * @example
 * const checked = await readReportConfig('examples/report.config.json');
 * checked.asAt; //=> '2011-01-31'
 */
export async function readReportConfig(configPath: string): Promise<CheckedReportConfig> {
  const check = checkReportConfig(
    await readJson(configPath, 'report config'),
    configPath,
    besideConfig(configPath),
  );
  const problems = [...check.problems];
  for (const file of check.files.slice(1)) {
    try {
      if ((await stat(file.path)).isDirectory())
        problems.push(`${file.what}: ${file.path} is a folder, not a file`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(
        `${file.what}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(error)})`}: ${file.path}`,
      );
    }
  }
  if (problems.length > 0 || check.checked === undefined) throw refuseReportConfig(configPath, problems);
  return check.checked;
}

/**
 * Reads a report config and everything it names (inputs, column maps, target files, calendar files) and builds the
 * report model. Paths in the config are relative to the config file. The config is checked whole first (see
 * {@link readReportConfig}); the loading is the core's `loadReportWith`, the browser page's too.
 *
 * @param config - the config file (JSON), or a config already checked by {@link readReportConfig}.
 * @param options - strict reading, progress.
 * @returns the model, the config and how each input was read.
 * @throws {ReportConfigError} naming the file and the field when the config cannot be used;
 *   `InputError` (strict mode) or a file error from the inputs.
 * @example
 * const { model } = await loadReport('examples/report.config.json');
 * model.indicators.map((i) => i.id); //=> ['NI59', 'NI60', …]
 */
export async function loadReport(
  config: string | CheckedReportConfig,
  options: LoadReportOptions = {},
): Promise<LoadedReport> {
  return loadReportBy(config, options, false);
}

/**
 * {@link loadReport}, every input's records kept as objects when `keepRecords` (internal: the CLI's
 * `CSI_KEEP_RECORDS=1`, to check a report by the way it was first made), not as days where they could be.
 *
 * @param config - as {@link loadReport}.
 * @param options - as {@link loadReport}.
 * @param keepRecords - whether to keep every record as an object.
 * @returns as {@link loadReport}.
 * @example
 * const { model } = await loadReportBy('examples/report.config.json', {}, true); // every file read as records
 */
export async function loadReportBy(
  config: string | CheckedReportConfig,
  options: LoadReportOptions,
  keepRecords: boolean,
): Promise<LoadedReport> {
  const checked = typeof config === 'string' ? await readReportConfig(config) : config;
  const files = filesBeside(checked.configPath);
  const { readRecordsKeeping: _days, ...asObjects } = files;
  return loadReportWith(checked, keepRecords ? asObjects : files, options);
}
