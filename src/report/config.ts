/**
 * The report config (the settings of a monthly return: the year, the inputs, the indicators, the targets, the
 * calendar), checked and loaded with no file system: what the config names is read through {@link ReportFiles},
 * so that `cs-indicators report --config FILE` (files beside the config) and the browser page (files the analyst
 * picked, by name) read the same settings the same way and build the same report.
 * @module
 */
import { z } from 'zod';
import {
  type CalendarOptions,
  conventions,
  createCalendar,
  type HolidayList,
  regions,
} from '../calendar/index.js';
import { getIndicator, type IndicatorId, indicatorIds, roundingModes } from '../indicators/index.js';
import { type PresetId, presetIds, type SkippedRow } from '../presets/preset-reader.js';
import { dateFormats } from '../records/dates.js';
import type { ColumnMap } from '../records/headers.js';
import type { InputIssue } from '../records/issues.js';
import type { ParseRecordsResult } from '../records/record-reader.js';
import { type RecordKind, recordKinds } from '../records/schemas.js';
import { getTargetSet, parseTargets, type TargetSet, targetSetIds } from '../targets/index.js';
import { isIsoDate } from '../util/dates.js';
import { buildReport, type ReportIndicatorInput, type ReportModel, type ReportSpcOptions } from './model.js';

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

/** A closure day given in the config itself: a date, or a date with its name. */
const closureEntry = z.union([
  z.string().refine(isIsoDate, { error: 'Expected a date written YYYY-MM-DD' }),
  z
    .object({
      date: z.string().refine(isIsoDate, { error: 'Expected a date written YYYY-MM-DD' }),
      name: z.string(),
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
 * workbook's sheet, and a workforce census's `censusDate`.
 */
const inputEntry = z.union([
  z.string(),
  z
    .object({
      path: z.string(),
      preset: z.enum(presetIds as unknown as [PresetId, ...PresetId[]]).optional(),
      sheet: z.union([z.string().min(1), z.number().int().positive()]).optional(),
      censusDate: z.string().optional(),
    })
    .strict(),
]);

/**
 * The report config (JSON), as `cs-indicators report --config FILE` reads it and the browser page exports it. Files
 * are named relative to the config; closure days may be listed in it.
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
        /** A file of closure days beside the config, or the days themselves. */
        closures: z.union([z.string(), z.array(closureEntry)]).optional(),
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

/** What {@link loadReportWith} gives back: the model, and how each input file was read. */
export interface LoadedReport {
  readonly model: ReportModel;
  readonly config: ReportConfig;
  /** Each input file read, with its accounting and issues (rows with issues are left out of every figure). */
  readonly inputs: readonly {
    readonly kind: RecordKind;
    /** The file as the config's reader resolves it (node: the path beside the config). */
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
  /** For an input refused whole: its issues (the first is in the message). Default none. */
  readonly issues: readonly InputIssue[];

  /**
   * @param message - the config, the field and what is wrong.
   * @param issues - the issues of an input refused whole. Default none.
   */
  constructor(message: string, issues: readonly InputIssue[] = []) {
    super(message);
    this.issues = issues;
  }
}

/** One input of a report config, as a reader is given it: the file's name, its preset and sheet, a census date. */
export interface ReportInputEntry {
  /** The file, as the config names it. */
  readonly path: string;
  /** The standard shape it is in. Default none. */
  readonly preset?: PresetId;
  /** A workbook's sheet. Default: the preset's for the kind, else the first. */
  readonly sheet?: string | number;
  /** A workforce census's 30 September, for allocations from Cases30. */
  readonly censusDate?: string;
}

/** Options a reader of a report input is given: those of the config, and strict reading. */
export interface ReportInputReadOptions {
  readonly columnMap?: ColumnMap;
  readonly dateFormat?: (typeof dateFormats)[number];
  readonly strict: boolean;
  /** Called with the rows read so far. */
  readonly onProgress?: (rowsRead: number) => void;
}

/**
 * How a report's loader reads what a config names: the node entry reads files beside the config; the browser page
 * reads the files the analyst picked, by their names. Each function throws an `Error` naming the file when it
 * cannot read it.
 */
export interface ReportFiles {
  /** Where a name of the config leads, for messages and the report's inputs (node: the path resolved). */
  resolve(name: string): string;
  /** Reads the records of one input. */
  readRecords(
    kind: RecordKind,
    entry: ReportInputEntry,
    options: ReportInputReadOptions,
  ): Promise<ParseRecordsResult<RecordKind>>;
  /** Reads a JSON file the config names (a column map, a targets file). */
  readJson(name: string, what: string): Promise<unknown>;
  /** Reads a holiday or closure list the config names. */
  readHolidays(name: string): Promise<HolidayList>;
}

/** Options of {@link loadReportWith}. */
export interface LoadReportWithOptions {
  /** Read every input in strict mode: any issue refuses the report. Default false. */
  readonly strict?: boolean;
  /** Called with each rows-read count of a long input, for progress output. Default: none. */
  readonly onProgress?: (path: string, rowsRead: number) => void;
}

/**
 * Checks a report config's shape (JSON as read): every key known, every value of its type.
 *
 * @param json - the config, as parsed from its JSON.
 * @param name - the config's name, for messages.
 * @returns the config.
 * @throws {ReportConfigError} naming the config and each problem with its path.
 * @example
 * parseReportConfig({ financialYear: 'FY2010', inputs: {}, indicators: ['NI59'] }, 'return.json').financialYear //=> 'FY2010'
 */
export function parseReportConfig(json: unknown, name: string): ReportConfig {
  const parsed = reportConfigSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .flatMap(unionProblems)
      .map((issue) => `  ${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new ReportConfigError(`${name}: the report config is not usable:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

/**
 * Reads everything a report config names (inputs, column maps, target files, calendar files) through `files` and
 * builds the report model: the one loader of `cs-indicators report` and the browser page.
 *
 * @param config - the config, checked by {@link parseReportConfig}.
 * @param configPath - the config's name, for messages.
 * @param files - how the files it names are read.
 * @param options - strict reading, progress.
 * @returns the model, the config and the accounting of each input.
 * @throws {ReportConfigError} naming the config and the field when it cannot be used; `InputError` (strict mode)
 *   or a file error from the inputs.
 * @example
 * const { model } = await loadReportWith(config, 'return.json', files);
 * model.indicators.map((i) => i.id); //=> ['NI59', 'NI60', …]
 */
export async function loadReportWith(
  config: ReportConfig,
  configPath: string,
  files: ReportFiles,
  options: LoadReportWithOptions = {},
): Promise<LoadedReport> {
  const at = (path: string) => files.resolve(path);

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
    const { path, preset, sheet, censusDate } =
      typeof given === 'string' ? { path: given } : (given ?? { path: undefined });
    const shape = {
      ...(preset === undefined ? {} : { preset }),
      ...(sheet === undefined ? {} : { sheet }),
      ...(censusDate === undefined ? {} : { censusDate }),
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
        : ((await files.readJson(mapPath, 'column map')) as Record<string, string>);
    const result = await files
      .readRecords(
        kind,
        { path, ...shape },
        {
          ...(columnMap ? { columnMap } : {}),
          ...(config.dateFormat ? { dateFormat: config.dateFormat as 'auto' } : {}),
          strict: Boolean(options.strict),
          ...(options.onProgress ? { onProgress: (rows: number) => options.onProgress?.(path, rows) } : {}),
        },
      )
      .catch((error: unknown) => {
        // A preset that does not give the kind or read the file's format, or a census date that is not one.
        if (error instanceof TypeError || error instanceof RangeError) {
          throw new ReportConfigError(`${configPath}: inputs.${kind}: ${error.message}`);
        }
        throw error;
      });
    if (!result.readable) {
      const first = result.issues[0];
      throw new ReportConfigError(
        `${at(path)}: input refused${first ? `: ${first.message}` : ''}`,
        result.issues,
      );
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
      targetSets.push(parseTargets(await files.readJson(file, 'targets file')));
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
    calendarOptions.holidays = await files.readHolidays(config.calendar.holidays);
  if (config.calendar?.closures !== undefined) {
    const closures =
      typeof config.calendar.closures === 'string'
        ? await files.readHolidays(config.calendar.closures)
        : config.calendar.closures;
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
