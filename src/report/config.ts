/**
 * The report config (the settings of a monthly return: the year, the inputs, the indicators, the targets, the
 * calendar), checked and loaded with no file system: the files it names are read through {@link ReportFiles}, so
 * that `cs-indicators report --config FILE` (files beside the config) and the browser page (the files the analyst
 * picked, by name) check the same settings by the same rules and build the same report from them.
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
import { dayCountOf } from '../indicators/from-days.js';
import {
  getIndicator,
  type IndicatorDefinition,
  type IndicatorId,
  indicatorIds,
  readConfigOptions,
  roundingModes,
} from '../indicators/index.js';
import { type ColumnsFound, missingColumnIssues } from '../indicators/needed-columns.js';
import { type Period, parsePeriod } from '../periods/index.js';
import { presetForFormat } from '../presets/input-layout.js';
import { type PresetId, presetIds, type SkippedRow } from '../presets/preset-reader.js';
import { checkPresetKind } from '../presets/presets.js';
import { checkCensusDate } from '../presets/workforce-census.js';
import { ColumnMapError } from '../records/column-map.js';
import { type DateFormat, dateFormats, parseDateCell } from '../records/dates.js';
import { recordFileFormatOf } from '../records/file-format.js';
import { type ColumnMap, createFieldResolver } from '../records/headers.js';
import {
  InputError,
  type InputIssue,
  type InputSummary,
  type ResultWarning,
  type TextEncoding,
  textEncodings,
} from '../records/issues.js';
import { createKeyNumbering, type KeyNumbering } from '../records/keys.js';
import { type RecordKind, recordKinds } from '../records/kinds.js';
import type { DayColumnsOption, DayColumnsResult } from '../records/read-source.js';
import type { ParseRecordsResult } from '../records/record-reader.js';
import { getTargetSet, parseTargets, type TargetSet, targetSetIds } from '../targets/index.js';
import { type IsoDate, isIsoDate } from '../util/dates.js';
import { didYouMean } from '../util/nearest.js';
import { countOf } from '../util/plural.js';
import {
  type BuildReportOptions,
  buildReport,
  buildReportBy,
  checkYearCovered,
  type ReportIndicatorInput,
  type ReportModel,
  type ReportSpcOptions,
} from './model.js';
import type { Tolerance } from './tolerance.js';

/**
 * A strict object: a key it does not know is refused with the nearest key it does know, so that a typo
 * (`startevent`, `asat`) is never silently ignored.
 */
function strictObject<T extends z.ZodRawShape>(shape: T, what: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys
          .map(
            (key) =>
              `unknown key ${JSON.stringify(key)}${didYouMean(key, known)} (${what} takes ${known.join(', ')})`,
          )
          .join('; ');
      }
      if (issue.code === 'invalid_type') return `expected ${what}, got ${typeName(issue.input)}`;
      return undefined;
    },
  });
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

const kindEnum = z.enum(recordKinds as [RecordKind, ...RecordKind[]]);

/** A record of files by kind: a key that is not a record kind is refused with the nearest kind. */
function byKind<T extends z.ZodType>(value: T) {
  return z.partialRecord(kindEnum, value, {
    error: (issue) => {
      // zod reports keys outside the enum of a partial record as unrecognized keys, which its types leave out.
      const { code, keys } = issue as { readonly code: string; readonly keys?: readonly string[] };
      if (code !== 'unrecognized_keys' || keys === undefined) return undefined;
      return keys
        .map((key) => `unknown record kind ${JSON.stringify(key)}${didYouMean(key, recordKinds)}`)
        .join('; ');
    },
  });
}

/**
 * The keys of one input of a report config: a file's path, or the path with the standard shape it is in (`preset`),
 * the workbook's sheet, a workforce census's `censusDate`, and the `snapshotDate` (count date) of an NCCIS CSV that
 * has no column for it. A plain string is the path.
 */
const inputEntryShape = {
  path: z.string().min(1),
  preset: z.enum(presetIds as unknown as [PresetId, ...PresetId[]]).optional(),
  sheet: z.union([z.string().min(1), z.number().int().positive()]).optional(),
  censusDate: z.string().optional(),
  /** The count date of an NCCIS CSV's rows (an NCCIS XML gives its `PeriodEnd`). */
  snapshotDate: z.string().optional(),
  /** How the file's text is read, when it is not the config's `encoding` (one old export among new ones). */
  encoding: z.enum(textEncodings).optional(),
};

const inputEntry = z.preprocess(
  (value) => (typeof value === 'string' ? { path: value } : value),
  strictObject(
    inputEntryShape,
    'an input: a path, or { path, preset, sheet, censusDate, snapshotDate, encoding }',
  ),
);

/**
 * A RAG tolerance: a number (points, or cases per FTE for CASELOAD), `{ points }` or `{ percentOfTarget }`, each
 * >= 0; an object's unknown key is refused with the nearest known one.
 */
const TOLERANCE_WORDS =
  'a tolerance: a number of points (cases per FTE for CASELOAD) >= 0, { "points": n } or { "percentOfTarget": n }';

const toleranceEntry = z.union(
  [
    z.number().nonnegative(),
    strictObject(
      {
        points: z.number().nonnegative().optional(),
        percentOfTarget: z.number().nonnegative().optional(),
      },
      'a tolerance',
    ).refine((value) => Object.keys(value).length === 1, {
      error: `expected ${TOLERANCE_WORDS}: give one of points or percentOfTarget`,
      // Only for an object whose keys are known: an unknown key has said what is wrong.
      when: (payload) => payload.issues.length === 0,
    }),
  ],
  { error: (issue) => `expected ${TOLERANCE_WORDS}, got ${typeName(issue.input)}` },
);

/**
 * A month a chart's new phase starts at, as the chart labels its months: `2010-06`. Another spelling (`June 2010`,
 * `2010-6`) or a month that is none (`2011-13`) is refused at the config's check, before any input is read; a real
 * month that is not among the months shown is refused once they are known.
 */
const rebaseMonth = z.string().refine((value) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value), {
  error: (issue) =>
    `expected a month written YYYY-MM, as the chart labels its months (2010-06), got ${JSON.stringify(issue.input)}`,
});

/**
 * The keys of one indicator of a report config. Its `options` are checked against the indicator's own declarations
 * (unknown keys refused, values checked), once the id is known. A plain string is the id.
 */
const indicatorEntryShape = {
  id: z.string(),
  options: z.record(z.string(), z.unknown()).optional(),
  /** The target the summary shows: a configured set's id (or a targets file's title) and the target's period. */
  headline: strictObject(
    { set: z.string().min(1), period: z.string().min(1) },
    'a headline target: { set, period }',
  ).optional(),
  /** This indicator's RAG tolerance. */
  tolerance: toleranceEntry.optional(),
  /** How its XmR chart is drawn. */
  spc: strictObject(
    {
      fixAfter: z
        .number({ error: 'expected a whole number of months, at least 2' })
        .int({ error: 'expected a whole number of months, at least 2' })
        .min(2, { error: 'expected a whole number of months, at least 2' })
        .optional(),
      rebase: z.array(rebaseMonth).optional(),
      screenOutliers: z.boolean().optional(),
    },
    "an indicator's chart: { fixAfter, rebase, screenOutliers }",
  ).optional(),
};

const indicatorEntry = z.preprocess(
  (value) => (typeof value === 'string' ? { id: value } : value),
  strictObject(indicatorEntryShape, 'an indicator: an id, or { id, options, headline, tolerance, spc }'),
);

/** A closure day given in the config itself: a date, or a date with its name. */
/** A closure day that is not a real date written YYYY-MM-DD: the value, and the form expected. */
function closureDateError(issue: { readonly input?: unknown }): string {
  const given = issue.input;
  const dmy = typeof given === 'string' ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(given.trim()) : null;
  const iso = dmy ? `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}` : undefined;
  const hint =
    iso !== undefined && isIsoDate(iso) ? ` (${given as string} is written ${iso})` : ', like 2011-12-27';
  return `expected a real date written YYYY-MM-DD${hint}, got ${JSON.stringify(given)}`;
}

const closureEntry = z.union(
  [
    z.string().refine(isIsoDate, { error: closureDateError }),
    strictObject(
      { date: z.string().refine(isIsoDate, { error: closureDateError }), name: z.string() },
      'a closure day: { date, name }',
    ),
  ],
  {
    error: (issue) =>
      `expected a date written YYYY-MM-DD, or { "date", "name" }, got ${typeName(issue.input)}`,
  },
);

/**
 * The report config file (JSON), as `cs-indicators report --config FILE` reads it and the browser page exports it. Paths are relative to it. Every
 * object is strict: an unknown key anywhere is refused with its path and the nearest known key.
 * @example reportConfigSchema.safeParse({ financialYear: 'FY2010', inputs: {}, indicators: ['NI59'] }).success //=> true
 */
export const reportConfigSchema = strictObject(
  {
    title: z.string().optional(),
    financialYear: z.string(),
    asAt: z.string().optional(),
    inputs: byKind(inputEntry),
    columnMaps: byKind(z.string().min(1)).optional(),
    dateFormat: z.enum(dateFormats as unknown as [DateFormat, ...DateFormat[]]).optional(),
    encoding: z.enum(textEncodings).optional(),
    indicators: z.array(indicatorEntry).min(1),
    targetSets: z.array(z.string()).optional(),
    targetFiles: z.array(z.string().min(1)).optional(),
    calendar: strictObject(
      {
        region: z.enum(regions as unknown as [string, ...string[]]).optional(),
        holidays: z.string().min(1).optional(),
        /** A file of closure days beside the config, or the days themselves. */
        closures: z
          .union([z.string().min(1), z.array(closureEntry)], {
            error: (issue) =>
              `expected a file of closure days, or a list of dates written YYYY-MM-DD (or { "date", "name" }), got ${typeName(issue.input)}`,
          })
          .optional(),
        id: z.string().optional(),
      },
      'the calendar: { region, holidays, closures, id }',
    ).optional(),
    convention: z.enum(conventions as unknown as [string, ...string[]]).optional(),
    tolerance: toleranceEntry.optional(),
    spcHistoryMonths: z
      .number({ error: 'expected a whole number of months, 0 or more' })
      .int({ error: 'expected a whole number of months, 0 or more' })
      .nonnegative({ error: 'expected a whole number of months, 0 or more' })
      .optional(),
    rounding: strictObject(
      {
        decimalPlaces: z.number().int().min(0).max(20).optional(),
        mode: z.enum(roundingModes as unknown as [string, ...string[]]).optional(),
      },
      'rounding: { decimalPlaces, mode }',
    ).optional(),
  },
  'a report config',
);

/** A report config, as read from its file. */
export type ReportConfig = z.infer<typeof reportConfigSchema>;

/**
 * One indicator of a checked config: its definition, its options (each checked and in canonical form), and its
 * headline target, tolerance and chart options as the config gives them.
 */
export interface CheckedIndicator {
  readonly definition: IndicatorDefinition;
  readonly options: Readonly<Record<string, unknown>>;
  /** The target the summary shows, when the config names one. */
  readonly headline?: { readonly set: string; readonly period: string };
  /** Its own RAG tolerance, when the config gives one. */
  readonly tolerance?: Tolerance;
  /** How its XmR chart is drawn, when the config says. */
  readonly spc?: ReportSpcOptions;
}

/** A file a config names, with what it is for: `inputs.caf`, `columnMaps.referral`, `calendar.closures`. */
export interface ConfigFile {
  readonly what: string;
  /** The path resolved against the config's folder. */
  readonly path: string;
}

/** A report config read and checked: ready to load, and every file it names (for the outputs' check). */
export interface CheckedReportConfig {
  /** The config file. */
  readonly configPath: string;
  readonly config: ReportConfig;
  /** `asAt` as `YYYY-MM-DD`, read in the config's `dateFormat`; the end of the financial year when absent. */
  readonly asAt: IsoDate;
  readonly indicators: readonly CheckedIndicator[];
  /** Every file the config names, each known to exist: the config itself first. */
  readonly files: readonly ConfigFile[];
}

/**
 * A config that cannot be used: names the file, and each problem with its path in the config.
 * @example new ReportConfigError('return.json: indicators[0].id: unknown indicator "NI999"').name //=> 'ReportConfigError'
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

/** A config path as written in messages: `indicators[2].options.startevent`. */
function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text || '(the config)';
}

/** The record kinds an indicator reads with these options: its own, and those of its records options. */
function kindsRead(indicator: CheckedIndicator): RecordKind[] {
  const kinds: RecordKind[] = [indicator.definition.recordKind as RecordKind];
  for (const option of indicator.definition.options) {
    if (option.type !== 'records' || option.kind === undefined) continue;
    const unless = option.unless;
    const value = unless === undefined ? undefined : (indicator.options[unless.option] ?? undefined);
    if (unless !== undefined && value === unless.value) continue;
    kinds.push(option.kind);
  }
  return kinds;
}

/** What {@link checkReportConfig} finds. */
export interface ReportConfigCheck {
  /** Every problem, each with its path in the config; none when the config can be used. */
  readonly problems: readonly string[];
  /** Every file the config names, resolved (empty when its shape is wrong): the reader checks they exist. */
  readonly files: readonly ConfigFile[];
  /** The config checked, when there is no problem. */
  readonly checked?: CheckedReportConfig;
}

/**
 * The error that refuses a config, listing every problem, as the CLI prints it.
 *
 * @param configPath - the config's name.
 * @param problems - its problems.
 * @returns the error.
 * @example
 * refuseReportConfig('return.json', ['asat: unknown key']).message
 * //=> 'return.json: the report config is not usable (1 problem):\n  asat: unknown key'
 */
export function refuseReportConfig(configPath: string, problems: readonly string[]): ReportConfigError {
  return new ReportConfigError(
    `${configPath}: the report config is not usable (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${p}`).join('\n')}`,
  );
}

/**
 * Checks an input's `snapshotDate`: the count date of an NCCIS file's rows, so only with the `nccis` preset, and a
 * real date (`YYYY-MM-DD`, or in the config's `dateFormat`).
 * @throws {RangeError} saying what is wrong.
 */
function checkSnapshotDate(snapshotDate: string, preset: PresetId | undefined, dateFormat: DateFormat): void {
  if (preset !== 'nccis') {
    throw new RangeError(
      `snapshotDate: the count date of an NCCIS file read with "preset": "nccis", got ${JSON.stringify(snapshotDate)} for ${preset === undefined ? 'a file with no preset' : `the ${preset} preset`}`,
    );
  }
  const date = parseDateCell(snapshotDate, { dateFormat });
  if (!date.ok) {
    throw new RangeError(
      `snapshotDate: expected a real date, YYYY-MM-DD or in the config's dateFormat (${dateFormat}): ${date.message}`,
    );
  }
}

/**
 * Checks a report config whole, with no file read: its shape (an unknown key anywhere is refused with its path and
 * the nearest known key), each indicator's options against the indicator's declarations, each indicator listed once,
 * the financial year (`FY2010` or `2010/11`, no other period), `asAt` (a real date, ISO or in the config's
 * `dateFormat`, within the year), the target sets, each target set and targets file listed once, each chart
 * `rebase` a month written `YYYY-MM`, an input for every record kind the indicators read, and each input's format,
 * preset and census date. The same rules for
 * `cs-indicators report` (which then checks that every file named exists) and the browser page (an imported config,
 * and the settings it exports).
 *
 * @param json - the config, as parsed from its JSON.
 * @param configPath - the config's name, for messages.
 * @param resolve - where a file the config names is, for `files`. Default: the name as given.
 * @returns the problems, the files named, and the checked config when there is no problem.
 * @example
 * checkReportConfig({ financialYear: 'FY2010', asAt: '31/01/2011', inputs: { 'initial-assessment': 'ia.csv' }, indicators: ['NI59'] }, 'return.json').checked?.asAt
 * //=> '2011-01-31'
 */
export function checkReportConfig(
  json: unknown,
  configPath: string,
  resolve: (path: string) => string = (path) => path,
): ReportConfigCheck {
  const parsed = reportConfigSchema.safeParse(json);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => `${pathText(issue.path)}: ${issue.message}`),
      files: [],
    };
  }
  const config = parsed.data;
  const problems: string[] = [];
  const at = resolve;

  const year = financialYearOf(config.financialYear, problems);
  let asAt: IsoDate | undefined = year?.end;
  if (config.asAt !== undefined) {
    const date = parseDateCell(config.asAt, { dateFormat: config.dateFormat ?? 'auto' });
    if (!date.ok) {
      problems.push(
        `asAt: expected a real date, YYYY-MM-DD${config.dateFormat === undefined || config.dateFormat === 'ymd' ? '' : ` or in the config's dateFormat (${config.dateFormat})`}: ${date.message}`,
      );
      asAt = undefined;
    } else {
      asAt = date.date;
      if (year !== undefined && asAt < year.start) {
        problems.push(
          `asAt: ${config.asAt} is before the financial year ${year.label} starts (${year.start}): no month would be reported`,
        );
      }
      // After the year ends, a target running past it (an academic year's) would be judged on months of the next
      // financial year, and the page would say "data to" a date no figure of the return reaches.
      if (year !== undefined && asAt > year.end) {
        problems.push(
          `asAt: ${config.asAt} is after the financial year ${year.label} ends (${year.end}): give the last day the data covers within the year (${year.end} for the whole year), or the financial year the data is for`,
        );
      }
    }
  }

  const indicators: CheckedIndicator[] = [];
  // Where each indicator was first listed: a second entry would give a second summary row with the same
  // data-indicator, told apart by nothing on the page.
  const listed = new Map<string, number>();
  config.indicators.forEach((entry, index) => {
    const where = `indicators[${index}]`;
    const id = indicatorIds.find((known) => known.toLowerCase() === entry.id.toLowerCase());
    if (id === undefined) {
      problems.push(
        `${where}.id: unknown indicator ${JSON.stringify(entry.id)}${didYouMean(entry.id, indicatorIds)} (expected one of ${indicatorIds.join(', ')})`,
      );
      return;
    }
    const definition = getIndicator(id) as IndicatorDefinition;
    const read = readConfigOptions(
      definition.id,
      definition.options,
      entry.options ?? {},
      config.dateFormat === undefined ? {} : { dateFormat: config.dateFormat },
    );
    for (const problem of read.problems) problems.push(`${where}.options.${problem.key}: ${problem.message}`);
    const first = listed.get(id);
    if (first !== undefined) {
      problems.push(
        `${where}: ${id} is listed twice, as indicators[${first}] (${entryText(config.indicators[first])}) and indicators[${index}] (${entryText(entry)}): a report has one row per indicator, keyed by its id; list it once, with the options it is to be computed with`,
      );
      return;
    }
    listed.set(id, index);
    indicators.push({
      definition,
      options: read.options,
      ...(entry.headline === undefined ? {} : { headline: entry.headline }),
      ...(entry.tolerance === undefined ? {} : { tolerance: entry.tolerance as Tolerance }),
      ...(entry.spc === undefined ? {} : { spc: entry.spc as ReportSpcOptions }),
    });
  });

  (config.targetSets ?? []).forEach((id, index) => {
    if (!targetSetIds.includes(id)) {
      problems.push(
        `targetSets[${index}]: unknown target set ${JSON.stringify(id)}${didYouMean(id, targetSetIds)} (built in: ${targetSetIds.join(', ')})`,
      );
    }
  });
  problems.push(...listedTwice('targetSets', config.targetSets ?? [], (id) => id));
  problems.push(...listedTwice('targetFiles', config.targetFiles ?? [], at));

  const needed = new Map<RecordKind, string>();
  for (const indicator of indicators) {
    for (const kind of kindsRead(indicator)) if (!needed.has(kind)) needed.set(kind, indicator.definition.id);
  }
  for (const [kind, id] of needed) {
    if (config.inputs[kind] === undefined) {
      problems.push(`inputs.${kind}: no file for the ${kind} records ${id} reads`);
    }
  }

  const files: ConfigFile[] = [{ what: 'the report config', path: configPath }];
  for (const kind of recordKinds) {
    const given = config.inputs[kind];
    if (given !== undefined) {
      files.push({ what: `inputs.${kind}`, path: at(given.path) });
      // The file's format, its preset and a census date: the reader's own checks, made before any file is read.
      try {
        const preset = presetForFormat(recordFileFormatOf(given.path), given.preset);
        if (preset !== undefined) checkPresetKind(preset, kind);
        // A workforce census gives allocations from Cases30, the cases held on its 30 September, and its workers in
        // post that day: it needs the date, which only a census XML's header gives.
        const csvCensus = preset === 'workforce-census' && recordFileFormatOf(given.path) !== 'xml';
        if (csvCensus && kind === 'worker' && given.censusDate === undefined) {
          throw new RangeError(
            'a workforce census read from a CSV or workbook has no header to say which 30 September it is of: give "censusDate": "YYYY-09-30" (a census XML says its own)',
          );
        }
        if (given.censusDate !== undefined || (preset === 'workforce-census' && kind === 'allocation')) {
          checkCensusDate(given.censusDate);
        }
        if (given.snapshotDate !== undefined) {
          checkSnapshotDate(given.snapshotDate, preset, config.dateFormat ?? 'auto');
        }
      } catch (error) {
        problems.push(`inputs.${kind}: ${(error as Error).message}`);
      }
    }
    const map = config.columnMaps?.[kind];
    if (map !== undefined) files.push({ what: `columnMaps.${kind}`, path: at(map) });
  }
  (config.targetFiles ?? []).forEach((file, index) => {
    files.push({ what: `targetFiles[${index}]`, path: at(file) });
  });
  if (config.calendar?.holidays !== undefined) {
    files.push({ what: 'calendar.holidays', path: at(config.calendar.holidays) });
  }
  if (typeof config.calendar?.closures === 'string') {
    files.push({ what: 'calendar.closures', path: at(config.calendar.closures) });
  }
  if (problems.length > 0 || asAt === undefined) return { problems, files };
  return { problems, files, checked: { configPath, config, asAt, indicators, files } };
}

/**
 * The financial year of a config: `FY2010` or `2010/11`, April to March. Another period (an academic year, a
 * quarter, a month, a range) is refused: the return, its year to date and the default history are a financial
 * year's, and a target of the financial year would be judged against another span.
 * @returns the year, or undefined with the problem added.
 */
function financialYearOf(written: string, problems: string[]): Period | undefined {
  const expected = 'expected a financial year, April to March, written FY2010 or 2010/11';
  let period: Period;
  try {
    period = parsePeriod(written);
  } catch (error) {
    const reason = /^Cannot read the period .*?: (.*?)\. Expected/.exec((error as Error).message)?.[1];
    problems.push(
      `financialYear: ${expected}, got ${JSON.stringify(written)}${reason === undefined ? '' : ` (${reason})`}`,
    );
    return undefined;
  }
  if (period.kind === 'financial-year') return period;
  const [startYear = '', startMonth = ''] = period.start.split('-');
  const spansOne =
    startMonth === '04' && period.end === `${Number(startYear) + 1}-03-31` && period.start.endsWith('-01');
  problems.push(
    `financialYear: ${expected}, got ${JSON.stringify(written)}, ${period.label} (${period.start} to ${period.end})${spansOne ? ` (did you mean "FY${startYear}"?)` : ''}`,
  );
  return undefined;
}

/** An indicator entry of a config in words, for messages: `NI59`, `NI59 with options {"rules":"wt2010"}`. */
function entryText(entry: ReportConfig['indicators'][number] | undefined): string {
  if (entry === undefined) return '';
  const { id, ...rest } = entry;
  const given = Object.entries(rest).filter(([, value]) => value !== undefined);
  return given.length === 0
    ? id
    : `${id} with ${given.map(([key, value]) => `${key} ${JSON.stringify(value)}`).join(', ')}`;
}

/**
 * The problems of a list that names one thing twice (a target set, a targets file, also through another spelling
 * of its path): its targets would be listed twice and its sentences said twice.
 */
function listedTwice(key: string, names: readonly string[], identity: (name: string) => string): string[] {
  const seen = new Map<string, number>();
  const problems: string[] = [];
  names.forEach((name, index) => {
    const first = seen.get(identity(name));
    if (first === undefined) {
      seen.set(identity(name), index);
      return;
    }
    problems.push(
      `${key}[${index}]: ${JSON.stringify(name)} is listed already, as ${key}[${first}] (${JSON.stringify(names[first])}): list it once`,
    );
  });
  return problems;
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
  /** The count date of an NCCIS file's rows, `YYYY-MM-DD`, for a CSV with no column for it. */
  readonly snapshotDate?: string;
}

/** How a reader of a report input is told to read it: as the config and the run say. */
export interface ReportInputReadOptions {
  readonly columnMap?: ColumnMap;
  readonly dateFormat?: DateFormat;
  readonly encoding?: TextEncoding;
  readonly strict: boolean | 'warnings';
  /** Called with the rows read so far. */
  readonly onProgress?: (rowsRead: number) => void;
  /** The run's numbering of child ids, shared by every input (see `ParseRecordsOptions`). Default none. */
  readonly childNumbering?: KeyNumbering;
}

/**
 * {@link ReportFiles} that can also keep a file's records as day columns (internal: the node entry's, not exported
 * by the package): {@link loadReportWith} reads so a file every indicator of which is counted from two dates.
 */
export interface ReportFilesKeeping extends ReportFiles {
  /** Reads the records of one input as {@link ReportFiles.readRecords}, keeping what `keep` asks. */
  readRecordsKeeping(
    kind: RecordKind,
    entry: ReportInputEntry,
    options: ReportInputReadOptions,
    keep: DayColumnsOption,
  ): Promise<DayColumnsResult<RecordKind>>;
}

/**
 * The date fields to keep of a kind's file when every indicator reading it is counted from two dates of its own
 * records (`from-days.ts`), or undefined when one needs more of them.
 */
function dayFieldsOf(kind: RecordKind, indicators: readonly CheckedIndicator[]): string[] | undefined {
  const fields = new Set<string>();
  for (const indicator of indicators) {
    const kinds = kindsRead(indicator);
    if (!kinds.includes(kind)) continue;
    const count = dayCountOf(indicator.definition.id);
    if (count === undefined || kinds.length !== 1 || indicator.definition.joinsByChild === true)
      return undefined;
    for (const field of count.fields) fields.add(field);
  }
  return fields.size === 0 ? undefined : [...fields];
}

/**
 * How {@link loadReportWith} reads what a config names: the node entry reads files beside the config; the browser
 * page reads the files the analyst picked, by their names.
 */
export interface ReportFiles {
  /** Where a name of the config leads, for messages and the report's inputs (node: the path resolved). */
  resolve(name: string): string;
  /**
   * Reads the records of one input.
   * @throws {TypeError} or {RangeError} for a preset that does not read the format, a census date that is none…
   */
  readRecords(
    kind: RecordKind,
    entry: ReportInputEntry,
    options: ReportInputReadOptions,
  ): Promise<ParseRecordsResult<RecordKind>>;
  /**
   * Reads a JSON file the config names (a targets file).
   * @throws {ReportConfigError} naming the file when it cannot be read or is not JSON.
   */
  readJson(name: string, what: string): Promise<unknown>;
  /**
   * Reads a column map file.
   * @throws {ColumnMapError} naming the file when it cannot be read or is not a column map.
   */
  readColumnMap(name: string): Promise<ColumnMap>;
  /**
   * Reads a holiday or closure list.
   * @throws {Error} naming the file, line and value when it cannot be read or a line is not a date.
   */
  readHolidays(name: string): Promise<HolidayList>;
}

/** Options of {@link loadReportWith} (and the node entry's `loadReport`). */
export interface LoadReportOptions {
  /**
   * Refuse the report, throwing one `InputError`: `true` when a row of an input is rejected, a column map key matches
   * no header, or an indicator has a warning (`all_excluded`, `option_contradicts_target`, `too_few_points`…);
   * `'warnings'` also when a row has a warning. Default false: rows with errors are left out and listed.
   */
  readonly strict?: boolean | 'warnings';
  /**
   * The encoding of every input for which the config gives none (its input's `encoding`, else its own). Default:
   * detected (UTF-8, a byte-order mark honoured, Windows-1252 when no byte is UTF-8; XML by its declaration).
   */
  readonly encoding?: TextEncoding;
  /** Called with each rows-read count of a long input, for progress output. Default: none. */
  readonly onProgress?: (path: string, rowsRead: number) => void;
}

/** One input file of a report as read: its kind and path, the reader's summary, issues, warnings and notice. */
export interface LoadedInput {
  readonly kind: RecordKind;
  /** The file, as the reader resolves it (node: the path resolved against the config's folder). */
  readonly path: string;
  readonly accounting: ParseRecordsResult<RecordKind>['accounting'];
  /** Every issue found (rows with an error are left out of every figure). */
  readonly issues: readonly InputIssue[];
  /** With a preset: the rows that are not records of the kind. */
  readonly skipped?: readonly SkippedRow[];
  /** The reader's summary: the file as the config names it, SHA-256, encoding, rows read, accepted, rejected, skipped. */
  readonly input: InputSummary;
  /** The reader's warnings (an unmatched column map key). */
  readonly warnings: readonly ResultWarning[];
  /** The reader's sentence when it detected the encoding (a Windows-1252 export), to print. */
  readonly notice?: string;
}

/** What {@link loadReportWith} gives back: the model, and how each input file was read. */
export interface LoadedReport {
  readonly model: ReportModel;
  readonly config: ReportConfig;
  /** Each input file read, in the order read. */
  readonly inputs: readonly LoadedInput[];
}

/** The encoding an input is read in: its own, else the config's, else the one given to the loader. */
function encodingOf(
  given: { readonly encoding?: TextEncoding | undefined },
  settings: ReportConfig,
  options: LoadReportOptions,
): TextEncoding | undefined {
  return given.encoding ?? settings.encoding ?? options.encoding;
}

/** The targets of the config: its built-in sets, then each targets file's set, in order. */
async function targetSetsOf(settings: ReportConfig, files: ReportFiles): Promise<TargetSet[]> {
  const at = (path: string) => files.resolve(path);
  const sets: TargetSet[] = [];
  for (const id of settings.targetSets ?? []) sets.push(getTargetSet(id));
  for (const file of settings.targetFiles ?? []) {
    try {
      sets.push(parseTargets(await files.readJson(file, 'targets file')));
    } catch (error) {
      if (error instanceof ReportConfigError) throw error;
      throw new ReportConfigError(`${at(file)}: ${(error as Error).message}`);
    }
  }
  return sets;
}

/** The calendar the config describes, its holiday and closure files read. */
async function calendarOf(settings: ReportConfig, configPath: string, files: ReportFiles) {
  const calendarOptions: { -readonly [K in keyof CalendarOptions]: CalendarOptions[K] } = {};
  try {
    if (settings.calendar?.region)
      calendarOptions.region = settings.calendar.region as CalendarOptions['region'] & string;
    if (settings.calendar?.id) calendarOptions.id = settings.calendar.id;
    if (settings.calendar?.holidays) {
      calendarOptions.holidays = await files.readHolidays(settings.calendar.holidays);
      calendarOptions.holidaysSource = settings.calendar.holidays;
    }
    if (settings.calendar?.closures !== undefined) {
      const given = settings.calendar.closures;
      const closures = typeof given === 'string' ? await files.readHolidays(given) : given;
      if (!Array.isArray(closures))
        throw new Error('calendar.closures must list dates, not a bank-holidays feed');
      calendarOptions.closures = closures;
      calendarOptions.closuresSource = typeof given === 'string' ? given : 'calendar.closures';
    }
  } catch (error) {
    throw new ReportConfigError(`${configPath}: ${(error as Error).message}`);
  }
  try {
    return createCalendar(calendarOptions);
  } catch (error) {
    throw new ReportConfigError(`${configPath}: calendar: ${(error as Error).message}`);
  }
}

/** The most targets a `targets_unused` warning names, one by one. */
const UNUSED_NAMED = 5;

/**
 * The `targets_unused` warnings of a config: one for each target set or targets file that gives no target in the
 * financial year to an indicator of the report (its targets are for other years, or other indicators), so that the
 * summary's Target column is blank without a word. Each goes to the indicators of the report the set names, or to
 * every indicator when it names none of them.
 */
function unusedTargetsWarnings(
  settings: ReportConfig,
  sets: readonly TargetSet[],
  indicators: readonly CheckedIndicator[],
): { readonly warning: ResultWarning; readonly indicators: readonly string[] }[] {
  const year = parsePeriod(settings.financialYear);
  const reported = indicators.map((indicator) => indicator.definition.id);
  // The sets in the order targetSetsOf reads them: the built-in sets, then each targets file.
  const places = [
    ...(settings.targetSets ?? []).map((id, index) => `targetSets[${index}] (${id})`),
    ...(settings.targetFiles ?? []).map((file, index) => `targetFiles[${index}] (${file})`),
  ];
  return sets.flatMap((set, index) => {
    const why = set.targets.map((target) => {
      const period = parsePeriod(target.period);
      if (!reported.includes(target.indicator)) return 'not in the report';
      return period.start <= year.end && period.end >= year.start ? undefined : 'outside the year';
    });
    if (set.targets.length > 0 && why.some((reason) => reason === undefined)) return [];
    const named = set.targets
      .slice(0, UNUSED_NAMED)
      .map((target, at) => `${target.indicator} for ${parsePeriod(target.period).label}: ${why[at]}`);
    const more = set.targets.length - named.length;
    const listed =
      set.targets.length === 0
        ? 'it has no target'
        : `${countOf(set.targets.length, 'target')}, none for an indicator of the report in ${year.label}: ${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
    const own = reported.filter((id) => set.targets.some((target) => target.indicator === id));
    return [
      {
        warning: {
          code: 'targets_unused' as const,
          message: `${places[index] ?? set.id}, "${set.title}": none of its targets is shown (${listed}): check the file and the financial year`,
        },
        indicators: own.length > 0 ? own : reported,
      },
    ];
  });
}

/**
 * A report's build refused for its config (a headline naming no target, a rebase month not shown), as a
 * {@link ReportConfigError} naming the config and the indicator's place in it; anything else is rethrown.
 */
function configProblem(configPath: string, indicator: string | undefined, error: unknown): never {
  if (error instanceof RangeError || error instanceof TypeError) {
    const [, index, id] = /^(\d+) (.*)$/.exec(indicator ?? '') ?? [];
    const message =
      id !== undefined && error.message.startsWith(`${id}: `)
        ? error.message.slice(id.length + 2)
        : error.message;
    throw new ReportConfigError(
      `${configPath}: ${index === undefined ? '' : `indicators[${index}] (${id}): `}${message}`,
    );
  }
  throw error;
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
 * @throws {ReportConfigError} for vacancies given with no figure on the census date (they would be left aside).
 */
function censusOptions(
  where: string,
  id: string,
  fileValues: Readonly<Record<string, unknown>> | undefined,
  given: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const referenceDate = fileValues?.referenceDate;
  if (typeof referenceDate !== 'string') return {};
  const vacanciesGiven = given?.vacancies as Readonly<Record<string, number>> | undefined;
  if (vacanciesGiven !== undefined && vacanciesGiven[referenceDate] === undefined) {
    // The figure is taken on the census date: vacancies of other days would be left aside without a word.
    throw new ReportConfigError(
      `${where}: options.vacancies: the worker input is a census of ${referenceDate}, and the figure is taken that day: give { "${referenceDate}": FTE }, got ${Object.keys(vacanciesGiven).join(', ')}`,
    );
  }
  const options: Record<string, unknown> = { censusDate: referenceDate, ...(given ?? {}) };
  const vacancies = Number(fileValues?.vacancies);
  if (id === 'WF_VACANCY' && fileValues?.vacancies !== undefined && Number.isFinite(vacancies)) {
    options.vacancies = { [referenceDate]: vacancies, ...((given?.vacancies as object | undefined) ?? {}) };
  }
  return options;
}

/**
 * Reads everything a checked report config names (inputs, column maps, target files, calendar files) through
 * `files` and builds the report model: the one loader of `cs-indicators report` and of the browser page. Each
 * indicator's options, headline target and tolerance are tried on no records first, so that a config that cannot
 * be used is refused before any input is read; a file without a column an indicator needs refuses the report
 * (`missing_column`).
 *
 * @param checked - the config, from {@link checkReportConfig} (or the node entry's `readReportConfig`).
 * @param files - how the files it names are read.
 * @param options - strict reading, an encoding, progress.
 * @returns the model, the config and how each input was read.
 * @throws {ReportConfigError} naming the config and the field when it cannot be used, or an input refused whole
 *   (with its issues); `InputError` (strict mode, or a missing column).
 * @example
 * const { model } = await loadReportWith(checkReportConfig(json, 'return.json').checked, files);
 * model.indicators.map((i) => i.id); //=> ['NI59', 'NI60', …]
 */
export async function loadReportWith(
  checked: CheckedReportConfig,
  files: ReportFiles,
  options: LoadReportOptions = {},
): Promise<LoadedReport> {
  const { configPath, asAt } = checked;
  const settings = checked.config;
  const at = (path: string) => files.resolve(path);
  const targetSets = await targetSetsOf(settings, files);
  const calendar = await calendarOf(settings, configPath, files);
  try {
    checkYearCovered(calendar, settings.financialYear, asAt);
  } catch (error) {
    throw new ReportConfigError(`${configPath}: calendar.holidays: ${(error as Error).message}`);
  }
  const reportOptions: BuildReportOptions = {
    financialYear: settings.financialYear,
    ...(settings.title ? { title: settings.title } : {}),
    asAt,
    targetSets,
    calendar,
    ...(settings.convention ? { convention: settings.convention as 'after-start' } : {}),
    // The schema's refinement leaves exactly one of points and percentOfTarget.
    ...(settings.tolerance !== undefined ? { tolerance: settings.tolerance as Tolerance } : {}),
    ...(settings.spcHistoryMonths !== undefined ? { spcHistoryMonths: settings.spcHistoryMonths } : {}),
    ...(settings.rounding ? { rounding: settings.rounding as never } : {}),
  };

  // Each indicator's own checks of its options (a CASELOAD snapshot outside a month…), its headline target and its
  // tolerance, on no records. Its chart options wait for the records: a rebase month may lie in the history shown.
  checked.indicators.forEach((indicator, index) => {
    const empty: Record<string, unknown> = {};
    for (const option of indicator.definition.options) if (option.type === 'records') empty[option.name] = [];
    try {
      buildReport(
        [
          {
            id: indicator.definition.id as IndicatorId,
            records: [],
            options: { ...indicator.options, ...empty } as never,
            ...(indicator.headline === undefined ? {} : { headline: indicator.headline }),
            ...(indicator.tolerance === undefined ? {} : { tolerance: indicator.tolerance }),
          },
        ],
        reportOptions,
      );
    } catch (error) {
      configProblem(configPath, `${index} ${indicator.definition.id}`, error);
    }
  });

  const needed = new Set<RecordKind>();
  for (const indicator of checked.indicators) for (const kind of kindsRead(indicator)) needed.add(kind);
  const inputs: LoadedInput[] = [];
  const records = new Map<RecordKind, DayColumnsResult<RecordKind>>();
  // One numbering of child ids for every input, when an indicator joins records by child.
  const childNumbering = checked.indicators.some((indicator) => indicator.definition.joinsByChild)
    ? createKeyNumbering()
    : undefined;
  for (const kind of needed) {
    const given = settings.inputs[kind];
    if (given === undefined) continue; // refused by checkReportConfig
    const { path, preset, sheet, censusDate } = given;
    // The count date as YYYY-MM-DD (it may be written in the config's dateFormat; checked by checkReportConfig).
    const written = given.snapshotDate;
    const parsedDate =
      written === undefined
        ? undefined
        : parseDateCell(written, { dateFormat: settings.dateFormat ?? 'auto' });
    const snapshotDate = parsedDate?.ok === true ? parsedDate.date : undefined;
    const mapPath = settings.columnMaps?.[kind];
    let columnMap: ColumnMap | undefined;
    if (mapPath !== undefined) {
      try {
        columnMap = await files.readColumnMap(mapPath);
        createFieldResolver(kind, columnMap);
      } catch (error) {
        if (error instanceof ColumnMapError || error instanceof TypeError) {
          throw new ReportConfigError(`${configPath}: columnMaps.${kind}: ${error.message}`);
        }
        throw error;
      }
    }
    const encoding = encodingOf(given, settings, options);
    const entry: ReportInputEntry = {
      path,
      ...(preset === undefined ? {} : { preset }),
      ...(sheet === undefined ? {} : { sheet }),
      ...(censusDate === undefined ? {} : { censusDate }),
      ...(snapshotDate === undefined ? {} : { snapshotDate }),
    };
    // A file whose every indicator is counted from two dates is kept as their days, where the files can (its
    // child ids numbered for no one: no indicator reading it joins records by child).
    const dayColumns = dayFieldsOf(kind, checked.indicators);
    const asDays = dayColumns !== undefined && 'readRecordsKeeping' in files;
    const readOptions: ReportInputReadOptions = {
      ...(columnMap ? { columnMap } : {}),
      ...(settings.dateFormat ? { dateFormat: settings.dateFormat } : {}),
      ...(encoding === undefined ? {} : { encoding }),
      strict: options.strict ?? false,
      ...(options.onProgress ? { onProgress: (rows: number) => options.onProgress?.(path, rows) } : {}),
      ...(childNumbering === undefined || asDays ? {} : { childNumbering }),
    };
    const result: DayColumnsResult<RecordKind> =
      asDays && dayColumns !== undefined
        ? await (files as ReportFilesKeeping).readRecordsKeeping(kind, entry, readOptions, { dayColumns })
        : await files.readRecords(kind, entry, readOptions);
    if (!result.readable) {
      const first = result.issues[0];
      throw new ReportConfigError(
        `${at(path)}: input refused${first ? `: ${first.message}` : ''}`,
        result.issues,
      );
    }
    // A census XML says its own day: a censusDate that is not it would date one year's census as another's; the
    // same for an NCCIS XML's PeriodEnd and a snapshotDate.
    const header = result.fileValues?.referenceDate;
    if (censusDate !== undefined && typeof header === 'string' && header !== censusDate) {
      throw new ReportConfigError(
        `${configPath}: inputs.${kind}: censusDate ${censusDate} is not the census's own: ${path}'s header has ReferenceDate ${header} (drop censusDate, or name the census of ${censusDate})`,
      );
    }
    const periodEnd = result.fileValues?.periodEnd;
    if (snapshotDate !== undefined && typeof periodEnd === 'string' && periodEnd !== snapshotDate) {
      throw new ReportConfigError(
        `${configPath}: inputs.${kind}: snapshotDate ${snapshotDate} is not the return's own count date: ${path}'s header has PeriodEnd ${periodEnd} (drop snapshotDate: an NCCIS XML says its own)`,
      );
    }
    records.set(kind, result);
    inputs.push({
      kind,
      path: at(path),
      accounting: result.accounting,
      issues: result.issues,
      ...(result.skipped === undefined ? {} : { skipped: result.skipped }),
      // The file as the config names it: the report reads the same wherever the folder lies.
      input: { ...result.input, file: path },
      warnings: result.warnings,
      ...(result.notice === undefined ? {} : { notice: result.notice }),
    });
  }

  // A file without a column an indicator needs (its event date, the start its options choose) would give a figure
  // of n/a without a word: the report is refused, naming the file, the field, the indicator and the headers found.
  const missing: InputIssue[] = [];
  for (const indicator of checked.indicators) {
    const found = (kind: RecordKind): ColumnsFound | undefined => {
      const read = records.get(kind);
      const input = inputs.find((candidate) => candidate.kind === kind);
      if (read === undefined || input === undefined) return undefined;
      return {
        file: input.path,
        fieldsPresent: read.fieldsPresent,
        ...(read.columns === undefined ? {} : { headers: read.columns.headers }),
      };
    };
    const own = found(indicator.definition.recordKind as RecordKind);
    if (own === undefined) continue;
    const byOption: Record<string, ColumnsFound> = {};
    for (const option of indicator.definition.options) {
      const file = option.kind === undefined ? undefined : found(option.kind);
      if (option.type === 'records' && file !== undefined) byOption[option.name] = file;
    }
    for (const issue of missingColumnIssues(indicator.definition, indicator.options, {
      own,
      records: byOption,
    })) {
      if (!missing.some((seen) => seen.file === issue.file && seen.field === issue.field))
        missing.push(issue);
    }
  }
  if (missing.length > 0) {
    // With the warnings of those files: a column map key that matches no header is often why.
    const files = new Set(missing.map((issue) => issue.file));
    const warnings = inputs.filter((input) => files.has(input.path)).flatMap((input) => input.warnings);
    throw new InputError(missing, undefined, warnings);
  }

  const unused = unusedTargetsWarnings(settings, targetSets, checked.indicators);
  const reportInputs: ReportIndicatorInput[] = checked.indicators.map((indicator, index) => {
    const { definition } = indicator;
    const kinds = kindsRead(indicator);
    const extra: Record<string, unknown> = {};
    for (const option of definition.options) {
      if (option.type === 'records' && option.kind !== undefined && kinds.includes(option.kind)) {
        extra[option.name] = records.get(option.kind)?.records ?? [];
      }
    }
    const input = records.get(definition.recordKind as RecordKind);
    const count = dayCountOf(definition.id);
    const days =
      input?.dayColumns !== undefined && count !== undefined
        ? { days: { columns: input.dayColumns, count } }
        : {};
    if (definition.recordKind === 'worker') {
      Object.assign(
        extra,
        censusOptions(
          `${configPath}: indicators[${index}] (${definition.id})`,
          definition.id,
          workerCensus(configPath, settings.inputs.worker, input?.fileValues),
          indicator.options,
        ),
      );
    }
    let rowsRejected = 0;
    for (const kind of kinds) rowsRejected += records.get(kind)?.accounting.rowsRejected ?? 0;
    const own = inputs.filter((read) => kinds.includes(read.kind));
    return {
      id: definition.id as IndicatorId,
      records: (input?.records ?? []) as never,
      ...days,
      options: { ...indicator.options, ...extra } as never,
      rowsRejected,
      inputs: own.map((read) => read.input),
      warnings: [
        ...own.flatMap((read) => read.warnings),
        ...unused.flatMap(({ warning, indicators }) => (indicators.includes(definition.id) ? [warning] : [])),
      ],
      ...(indicator.headline === undefined ? {} : { headline: indicator.headline }),
      ...(indicator.tolerance === undefined ? {} : { tolerance: indicator.tolerance }),
      ...(indicator.spc === undefined ? {} : { spc: indicator.spc }),
    };
  });
  let model: ReportModel;
  try {
    model = buildReportBy(reportInputs, {
      ...reportOptions,
      inputs: inputs.map((read) => ({ kind: read.kind, ...read.input })),
    });
  } catch (error) {
    // A chart's rebase month not among the months shown: refused naming the indicator's place in the config.
    const message = error instanceof RangeError ? error.message : '';
    const index = checked.indicators.findIndex(({ definition }) =>
      message.startsWith(`${definition.id}: spc: `),
    );
    const id = checked.indicators[index]?.definition.id;
    if (id !== undefined) {
      const rebase = message.slice(`${id}: spc: `.length);
      throw new ReportConfigError(
        `${configPath}: indicators[${index}].spc${rebase.startsWith('the rebase label') ? '.rebase' : ''} (${id}): ${rebase}`,
      );
    }
    configProblem(configPath, undefined, error);
  }
  // Under strict, a figure with a warning is not reported.
  if (options.strict === true || options.strict === 'warnings') {
    const warnings = model.indicators.flatMap((indicator) => indicator.warnings);
    if (warnings.length > 0) throw new InputError([], undefined, warnings);
  }
  return { model, config: settings, inputs };
}
