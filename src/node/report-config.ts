import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { type CalendarOptions, conventions, createCalendar, regions } from '../calendar/index.js';
import { getIndicator, type IndicatorId, indicatorIds, roundingModes } from '../indicators/index.js';
import { type PresetId, presetIds, type SkippedRow } from '../presets/preset-reader.js';
import { dateFormats } from '../records/dates.js';
import type { InputIssue } from '../records/issues.js';
import type { ParseRecordsResult } from '../records/record-reader.js';
import { type RecordKind, recordKinds } from '../records/schemas.js';
import {
  buildReport,
  type ReportIndicatorInput,
  type ReportModel,
  type ReportSpcOptions,
} from '../report/model.js';
import { getTargetSet, parseTargets, type TargetSet, targetSetIds } from '../targets/index.js';
import { readHolidayFile } from './holiday-file.js';
import { readRecordsFile } from './read-records-file.js';

/** A RAG tolerance: a number (points, or cases per FTE), `{ points }` or `{ percentOfTarget }`. */
const toleranceEntry = z.union(
  [
    z.number().nonnegative(),
    z.object({ points: z.number().nonnegative() }).strict(),
    z.object({ percentOfTarget: z.number().nonnegative() }).strict(),
  ],
  {
    error:
      'Expected a tolerance: a number of points (cases per FTE for CASELOAD) >= 0, { "points": n } or { "percentOfTarget": n }',
  },
);

const indicatorEntry = z.union([
  z.string(),
  z
    .object({
      id: z.string(),
      options: z.record(z.string(), z.unknown()).optional(),
      /** The target the summary shows: a configured set's id and the target's period. */
      headline: z
        .object({ set: z.string().min(1), period: z.string().min(1) })
        .strict()
        .optional(),
      tolerance: toleranceEntry.optional(),
      /** How its XmR chart is drawn. */
      spc: z
        .object({
          fixAfter: z.number().int().min(2).optional(),
          rebase: z.array(z.string()).optional(),
          screenOutliers: z.boolean().optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
]);

/**
 * The problems of an issue, with a union that says only "Invalid input" (an indicator given as an object where a
 * string would also do) opened to the alternative that got furthest, so that the message names the key at fault.
 */
function unionProblems(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string }[] {
  if (issue.code === 'invalid_union' && issue.message === 'Invalid input' && issue.errors.length > 0) {
    const rootTypeOnly = (list: readonly z.core.$ZodIssue[]) =>
      list.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0);
    const best = issue.errors.find((list) => !rootTypeOnly(list)) ?? issue.errors[0] ?? [];
    return best.flatMap((inner) => unionProblems({ ...inner, path: [...issue.path, ...inner.path] }));
  }
  return [{ path: issue.path, message: issue.message }];
}

/**
 * One input of a report config: a file's path, or the path with the standard shape it is in (`preset`), the
 * workbook's sheet, a workforce census's `censusDate`, and the `snapshotDate` (count date) of an NCCIS CSV that has
 * no column for it.
 */
const inputEntry = z.union([
  z.string(),
  z
    .object({
      path: z.string(),
      preset: z.enum(presetIds as unknown as [PresetId, ...PresetId[]]).optional(),
      sheet: z.union([z.string().min(1), z.number().int().positive()]).optional(),
      censusDate: z.string().optional(),
      snapshotDate: z.string().optional(),
    })
    .strict(),
]);

/**
 * The report config file (JSON), as `cs-indicators report --config FILE` reads it. Paths are relative to it.
 * @example reportConfigSchema.safeParse({ financialYear: 'FY2010', inputs: {}, indicators: ['NI59'] }).success //=> true
 */
export const reportConfigSchema = z
  .object({
    title: z.string().optional(),
    financialYear: z.string(),
    asAt: z.string().optional(),
    inputs: z.partialRecord(z.enum(recordKinds as [RecordKind, ...RecordKind[]]), inputEntry),
    columnMaps: z.partialRecord(z.enum(recordKinds as [RecordKind, ...RecordKind[]]), z.string()).optional(),
    dateFormat: z.enum(dateFormats as unknown as [string, ...string[]]).optional(),
    indicators: z.array(indicatorEntry).min(1),
    targetSets: z.array(z.string()).optional(),
    targetFiles: z.array(z.string()).optional(),
    calendar: z
      .object({
        region: z.enum(regions as unknown as [string, ...string[]]).optional(),
        holidays: z.string().optional(),
        closures: z.string().optional(),
        id: z.string().optional(),
      })
      .strict()
      .optional(),
    convention: z.enum(conventions as unknown as [string, ...string[]]).optional(),
    tolerance: toleranceEntry.optional(),
    spcHistoryMonths: z.number().int().nonnegative().optional(),
    rounding: z
      .object({
        decimalPlaces: z.number().int().min(0).max(20).optional(),
        mode: z.enum(roundingModes as unknown as [string, ...string[]]).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** A report config, as read from its file. */
export type ReportConfig = z.infer<typeof reportConfigSchema>;

/** What {@link loadReport} gives back: the model, and how each input file was read. */
export interface LoadedReport {
  readonly model: ReportModel;
  readonly config: ReportConfig;
  /** Each input file read, with its accounting and issues (rows with issues are left out of every figure). */
  readonly inputs: readonly {
    readonly kind: RecordKind;
    readonly path: string;
    readonly accounting: ParseRecordsResult<RecordKind>['accounting'];
    readonly issues: readonly InputIssue[];
    /** With a preset: the rows that are not records of the kind. */
    readonly skipped?: readonly SkippedRow[];
  }[];
}

/**
 * A config that cannot be used: names the file and what is wrong.
 * @example new ReportConfigError('return.json: indicators: unknown indicator "NI999"').name //=> 'ReportConfigError'
 */
export class ReportConfigError extends Error {
  override readonly name = 'ReportConfigError';
}

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
export interface LoadReportOptions {
  /** Read every input in strict mode: any issue refuses the report. Default false. */
  readonly strict?: boolean;
  /** Called with each rows-read count of a long input, for progress output. Default: none. */
  readonly onProgress?: (path: string, rowsRead: number) => void;
}

/**
 * The values of a workforce census that say which day it is of: its XML header's, or (a CSV or workbook has no
 * header) the input's `censusDate`.
 * @throws {ReportConfigError} for a census read from a CSV or workbook without a `censusDate`: its workers would
 *   otherwise be taken as in post on every month end, of which the census says nothing.
 */
function workerCensus(
  configPath: string,
  given: unknown,
  fileValues: Readonly<Record<string, unknown>> | undefined,
): Readonly<Record<string, unknown>> | undefined {
  if (typeof fileValues?.referenceDate === 'string') return fileValues;
  const entry = typeof given === 'object' && given !== null ? (given as Record<string, unknown>) : {};
  if (entry.preset !== 'workforce-census') return fileValues;
  if (typeof entry.censusDate === 'string') return { ...fileValues, referenceDate: entry.censusDate };
  throw new ReportConfigError(
    `${configPath}: inputs.worker: a workforce census read from a CSV or workbook has no header to say which 30 September it is of: give "censusDate": "YYYY-09-30" (a census XML says its own)`,
  );
}

/**
 * The options a workforce census file gives the stability indicators: its `ReferenceDate` as `censusDate` (the
 * figure of a period is taken on it) and, for WF_VACANCY, its header's vacancies on that date. Options the config
 * gives win.
 */
function censusOptions(
  id: string,
  fileValues: Readonly<Record<string, unknown>> | undefined,
  given: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const referenceDate = fileValues?.referenceDate;
  if (typeof referenceDate !== 'string') return {};
  const options: Record<string, unknown> = { censusDate: referenceDate, ...(given ?? {}) };
  const vacancies = Number(fileValues?.vacancies);
  if (id === 'WF_VACANCY' && fileValues?.vacancies !== undefined && Number.isFinite(vacancies)) {
    options.vacancies = { [referenceDate]: vacancies, ...((given?.vacancies as object | undefined) ?? {}) };
  }
  return options;
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
  const parsed = reportConfigSchema.safeParse(await readJson(configPath, 'report config'));
  if (!parsed.success) {
    const problems = parsed.error.issues
      .flatMap(unionProblems)
      .map((issue) => `  ${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new ReportConfigError(`${configPath}: the report config is not usable:\n${problems.join('\n')}`);
  }
  const config = parsed.data;
  const base = dirname(configPath);
  const at = (path: string) => (isAbsolute(path) ? path : resolve(base, path));

  const entries = config.indicators.map((entry) => (typeof entry === 'string' ? { id: entry } : entry));
  for (const entry of entries) {
    if (!indicatorIds.some((id) => id.toLowerCase() === entry.id.toLowerCase())) {
      throw new ReportConfigError(
        `${configPath}: indicators: unknown indicator ${JSON.stringify(entry.id)} (expected one of ${indicatorIds.join(', ')})`,
      );
    }
  }
  const needed = new Set<RecordKind>();
  for (const entry of entries) {
    const kind = getIndicator(entry.id).recordKind as RecordKind;
    needed.add(kind);
    if (kind === 'allocation') needed.add('worker');
    // ASSESS45 counts from each child's latest referral, unless told to count from the assessment's start.
    if (kind === 'assessment' && entry.options?.from !== 'assessment-start') needed.add('referral');
  }
  const inputs: LoadedReport['inputs'][number][] = [];
  const records = new Map<RecordKind, ParseRecordsResult<RecordKind>>();
  for (const kind of needed) {
    const given = config.inputs[kind];
    const { path, preset, sheet, censusDate, snapshotDate } =
      typeof given === 'string' ? { path: given } : (given ?? { path: undefined });
    const shape = {
      ...(preset === undefined ? {} : { preset }),
      ...(sheet === undefined ? {} : { sheet }),
      ...(censusDate === undefined ? {} : { censusDate }),
      ...(snapshotDate === undefined ? {} : { snapshotDate }),
    };
    if (path === undefined) {
      throw new ReportConfigError(
        `${configPath}: inputs: no file for the ${kind} records the indicators need`,
      );
    }
    const mapPath = config.columnMaps?.[kind];
    const columnMap =
      mapPath === undefined
        ? undefined
        : ((await readJson(at(mapPath), 'column map')) as Record<string, string>);
    const result = await readRecordsFile(kind, at(path), {
      ...(columnMap ? { columnMap } : {}),
      ...(config.dateFormat ? { dateFormat: config.dateFormat as 'auto' } : {}),
      ...shape,
      strict: Boolean(options.strict),
      ...(options.onProgress ? { onProgress: (rows: number) => options.onProgress?.(path, rows) } : {}),
    }).catch((error: unknown) => {
      // A preset that does not give the kind or read the file's format, or a census date that is not one.
      if (error instanceof TypeError || error instanceof RangeError) {
        throw new ReportConfigError(`${configPath}: inputs.${kind}: ${error.message}`);
      }
      throw error;
    });
    if (!result.readable) {
      const first = result.issues[0];
      throw new ReportConfigError(`${at(path)}: input refused${first ? `: ${first.message}` : ''}`);
    }
    records.set(kind, result);
    inputs.push({
      kind,
      path: at(path),
      accounting: result.accounting,
      issues: result.issues,
      ...(result.skipped === undefined ? {} : { skipped: result.skipped }),
    });
  }

  const targetSets: TargetSet[] = [];
  for (const id of config.targetSets ?? []) {
    try {
      targetSets.push(getTargetSet(id));
    } catch {
      throw new ReportConfigError(
        `${configPath}: targetSets: unknown target set ${JSON.stringify(id)} (built in: ${targetSetIds.join(', ')})`,
      );
    }
  }
  for (const file of config.targetFiles ?? []) {
    try {
      targetSets.push(parseTargets(await readJson(at(file), 'targets file')));
    } catch (error) {
      if (error instanceof ReportConfigError) throw error;
      throw new ReportConfigError(`${at(file)}: ${(error as Error).message}`);
    }
  }

  const calendarOptions: { -readonly [K in keyof CalendarOptions]: CalendarOptions[K] } = {};
  if (config.calendar?.region)
    calendarOptions.region = config.calendar.region as CalendarOptions['region'] & string;
  if (config.calendar?.id) calendarOptions.id = config.calendar.id;
  if (config.calendar?.holidays)
    calendarOptions.holidays = await readHolidayFile(at(config.calendar.holidays));
  if (config.calendar?.closures) {
    const closures = await readHolidayFile(at(config.calendar.closures));
    if (!Array.isArray(closures))
      throw new ReportConfigError(`${configPath}: calendar.closures must list dates`);
    calendarOptions.closures = closures;
  }

  const reportInputs: ReportIndicatorInput[] = entries.map((entry) => {
    const definition = getIndicator(entry.id);
    const input = records.get(definition.recordKind as RecordKind);
    const extra =
      definition.recordKind === 'allocation'
        ? { workers: records.get('worker')?.records ?? [] }
        : definition.recordKind === 'assessment' && records.has('referral')
          ? { referrals: records.get('referral')?.records ?? [] }
          : definition.recordKind === 'worker'
            ? censusOptions(
                definition.id,
                workerCensus(configPath, config.inputs.worker, input?.fileValues),
                entry.options,
              )
            : {};
    return {
      id: definition.id as IndicatorId,
      records: (input?.records ?? []) as never,
      options: { ...(entry.options ?? {}), ...extra } as never,
      rowsRejected: input?.accounting.rowsRejected ?? 0,
      ...('headline' in entry && entry.headline ? { headline: entry.headline } : {}),
      ...('tolerance' in entry && entry.tolerance !== undefined ? { tolerance: entry.tolerance } : {}),
      ...('spc' in entry && entry.spc ? { spc: entry.spc as ReportSpcOptions } : {}),
    };
  });
  try {
    const model = buildReport(reportInputs, {
      financialYear: config.financialYear,
      ...(config.title ? { title: config.title } : {}),
      ...(config.asAt ? { asAt: config.asAt } : {}),
      targetSets,
      calendar: createCalendar(calendarOptions),
      ...(config.convention ? { convention: config.convention as 'after-start' } : {}),
      ...(config.tolerance !== undefined ? { tolerance: config.tolerance } : {}),
      ...(config.spcHistoryMonths !== undefined ? { spcHistoryMonths: config.spcHistoryMonths } : {}),
      inputs: inputs.map((input) => ({
        kind: input.kind,
        file: input.path,
        rowsRead: input.accounting.rowsRead,
        rowsAccepted: input.accounting.rowsAccepted,
        rowsRejected: input.accounting.rowsRejected,
        rowsSkipped: input.skipped?.length ?? 0,
      })),
      ...(config.rounding ? { rounding: config.rounding as never } : {}),
    });
    return { model, config, inputs };
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) {
      throw new ReportConfigError(`${configPath}: ${error.message}`);
    }
    throw error;
  }
}
