/**
 * The browser page's settings as its form holds them (text, as typed), and the report config they make: the same
 * config `cs-indicators report --config FILE` reads, with files named as the page shows them (an imported config's
 * path is kept when the file picked has its name, so the config still finds the files beside it) and closure days
 * listed inline. Pure: the page's DOM code only copies values in and out.
 * @module
 */
import type { Holiday } from '../calendar/calendar.js';
import type { PresetId } from '../presets/preset-reader.js';
import type { TextEncoding } from '../records/issues.js';
import type { RecordKind } from '../records/schemas.js';
import type { ReportConfig } from '../report/config.js';

/** A tolerance as the form holds it: the default, points (or cases per FTE), or a percentage of the target. */
export interface ToleranceForm {
  readonly mode: 'default' | 'points' | 'percent-of-target';
  readonly value: string;
}

/** One indicator chosen, as the form holds it. */
export interface IndicatorForm {
  readonly id: string;
  /** Its options, as the config gives them (the form edits them as JSON). */
  readonly options: Readonly<Record<string, unknown>>;
  /** The headline target's set and period; blank for the default rule. */
  readonly headlineSet: string;
  readonly headlinePeriod: string;
  readonly tolerance: ToleranceForm;
  /** Its XmR chart: `fixAfter` (a whole number or blank), `rebase` (labels separated by commas), `screenOutliers`. */
  readonly fixAfter: string;
  readonly rebase: string;
  readonly screenOutliers: '' | 'yes' | 'no';
}

/**
 * One input as the form holds it: the file's name (or the imported path), its shape, sheet, census date and (an
 * NCCIS CSV's) count date.
 */
export interface InputForm {
  readonly path: string;
  /** The preset, or blank for the kind's own field names. */
  readonly preset: '' | PresetId;
  readonly sheet: string;
  readonly censusDate: string;
  /** The count date of an NCCIS CSV with no column for it, or blank. */
  readonly snapshotDate: string;
  /** How its text is read, or blank for the settings' encoding. */
  readonly encoding: '' | TextEncoding;
}

/** The page's settings, as its form holds them. */
export interface FormState {
  readonly title: string;
  readonly financialYear: string;
  /** The last day the data covers, as typed (`YYYY-MM-DD`, or in the config's `dateFormat`), or blank. */
  readonly asAt: string;
  /** Blank for the default (`auto`). */
  readonly dateFormat: string;
  /** How the exports' text is read; blank for the default (detected). */
  readonly encoding: '' | TextEncoding;
  /** The indicators chosen, in the order the report shows them. */
  readonly indicators: readonly IndicatorForm[];
  readonly targetSets: readonly string[];
  readonly targetFiles: readonly string[];
  readonly inputs: Readonly<Partial<Record<RecordKind, InputForm>>>;
  readonly columnMaps: Readonly<Partial<Record<RecordKind, string>>>;
  /** Blank for the default (England and Wales). */
  readonly region: string;
  readonly calendarId: string;
  /** A holidays file's name, or blank. */
  readonly holidays: string;
  /** Closure days, inline. */
  readonly closures: readonly (string | Holiday)[];
  /**
   * A closures file an imported config names and the analyst has not yet chosen (choosing it puts its days in
   * `closures`), or blank. Kept, so that the settings still name it: a return is then refused until it is chosen,
   * never computed without its days.
   */
  readonly closuresFile: string;
  /** Blank for the default (`after-start`). */
  readonly convention: string;
  readonly tolerance: ToleranceForm;
  readonly spcHistoryMonths: string;
  readonly decimalPlaces: string;
  readonly roundingMode: string;
}

/** Settings with nothing chosen: every default. */
export const EMPTY_FORM: FormState = {
  title: '',
  financialYear: '',
  asAt: '',
  dateFormat: '',
  encoding: '',
  indicators: [],
  targetSets: [],
  targetFiles: [],
  inputs: {},
  columnMaps: {},
  region: '',
  calendarId: '',
  holidays: '',
  closures: [],
  closuresFile: '',
  convention: '',
  tolerance: { mode: 'default', value: '' },
  spcHistoryMonths: '',
  decimalPlaces: '',
  roundingMode: '',
};

/**
 * A report config as the page writes it: an indicator with nothing but its id, and an input with nothing but its
 * path, written as a plain string (the config's short forms).
 */
export type ExportedConfig = Omit<ReportConfig, 'indicators' | 'inputs'> & {
  readonly indicators: readonly (string | ReportConfig['indicators'][number])[];
  readonly inputs: Readonly<Partial<Record<RecordKind, string | ReportConfig['inputs'][RecordKind]>>>;
};

/** What {@link configFromForm} makes: the config, and what in the form cannot be read. */
export interface FormReading {
  readonly config: ExportedConfig;
  /** Each value the form cannot turn into the config's type, with the setting's name. */
  readonly problems: readonly string[];
}

/** The base name of a path as a config names it (`data/fy2010/caf.csv` → `caf.csv`). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function wholeNumber(text: string, what: string, problems: string[]): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^\d+$/.test(trimmed)) {
    problems.push(`${what}: expected a whole number, got ${JSON.stringify(text)}`);
    return undefined;
  }
  return Number(trimmed);
}

function toleranceOf(form: ToleranceForm, what: string, problems: string[]) {
  if (form.mode === 'default') return undefined;
  const value = Number(form.value.trim());
  if (form.value.trim() === '' || !Number.isFinite(value) || value < 0) {
    problems.push(`${what}: expected a number of 0 or more, got ${JSON.stringify(form.value)}`);
    return undefined;
  }
  return form.mode === 'points' ? { points: value } : { percentOfTarget: value };
}

function toleranceForm(tolerance: ReportConfig['tolerance']): ToleranceForm {
  if (tolerance === undefined) return { mode: 'default', value: '' };
  if (typeof tolerance === 'number') return { mode: 'points', value: String(tolerance) };
  if ('points' in tolerance) return { mode: 'points', value: String(tolerance.points) };
  return { mode: 'percent-of-target', value: String(tolerance.percentOfTarget) };
}

function indicatorEntry(form: IndicatorForm, problems: string[]): ExportedConfig['indicators'][number] {
  const where = `${form.id}`;
  const tolerance = toleranceOf(form.tolerance, `${where}: tolerance`, problems);
  const fixAfter = wholeNumber(form.fixAfter, `${where}: XmR limits fixed after`, problems);
  const rebase = form.rebase
    .split(',')
    .map((label) => label.trim())
    .filter((label) => label !== '');
  const spc = {
    ...(fixAfter === undefined ? {} : { fixAfter }),
    ...(rebase.length === 0 ? {} : { rebase }),
    ...(form.screenOutliers === '' ? {} : { screenOutliers: form.screenOutliers === 'yes' }),
  };
  const headline =
    form.headlineSet.trim() === '' && form.headlinePeriod.trim() === ''
      ? undefined
      : { set: form.headlineSet.trim(), period: form.headlinePeriod.trim() };
  const options = Object.keys(form.options).length === 0 ? undefined : form.options;
  if (
    options === undefined &&
    headline === undefined &&
    tolerance === undefined &&
    Object.keys(spc).length === 0
  ) {
    return form.id;
  }
  return {
    id: form.id,
    ...(options === undefined ? {} : { options: { ...options } }),
    ...(headline === undefined ? {} : { headline }),
    ...(tolerance === undefined ? {} : { tolerance }),
    ...(Object.keys(spc).length === 0 ? {} : { spc }),
  };
}

/**
 * The report config the form's settings make: every blank setting left out (the CLI's default), files named as
 * the form names them, closure days inline.
 *
 * @param form - the settings.
 * @returns the config, and the settings that cannot be read (the config then leaves them out).
 * @example
 * configFromForm({ ...EMPTY_FORM, financialYear: 'FY2010', indicators: [{ ...indicator('NI59') }] }).config
 * //=> { financialYear: 'FY2010', inputs: {}, indicators: ['NI59'] }
 */
export function configFromForm(form: FormState): FormReading {
  const problems: string[] = [];
  const inputs: Record<string, unknown> = {};
  for (const [kind, input] of Object.entries(form.inputs) as [RecordKind, InputForm][]) {
    if (input.path.trim() === '') continue;
    const sheet = input.sheet.trim();
    const shape = {
      ...(input.preset === '' ? {} : { preset: input.preset }),
      ...(sheet === '' ? {} : { sheet: /^\d+$/.test(sheet) ? Number(sheet) : sheet }),
      ...(input.censusDate.trim() === '' ? {} : { censusDate: input.censusDate.trim() }),
      ...(input.snapshotDate.trim() === '' ? {} : { snapshotDate: input.snapshotDate.trim() }),
      ...(input.encoding === '' ? {} : { encoding: input.encoding }),
    };
    inputs[kind] = Object.keys(shape).length === 0 ? input.path : { path: input.path, ...shape };
  }
  const columnMaps = Object.fromEntries(
    Object.entries(form.columnMaps).filter(([, name]) => name !== undefined && name.trim() !== ''),
  );
  const tolerance = toleranceOf(form.tolerance, 'tolerance', problems);
  const spcHistoryMonths = wholeNumber(form.spcHistoryMonths, 'months of chart history', problems);
  const decimalPlaces = wholeNumber(form.decimalPlaces, 'decimal places', problems);
  const closuresFile = form.closuresFile.trim();
  if (closuresFile !== '' && form.closures.length > 0) {
    problems.push(
      `closure days: the settings name the file ${JSON.stringify(closuresFile)}: choose it (its days then take the place of those typed)`,
    );
  }
  const closures =
    form.closures.length > 0 ? [...form.closures] : closuresFile === '' ? undefined : closuresFile;
  const calendar = {
    ...(form.region === '' ? {} : { region: form.region }),
    ...(form.holidays === '' ? {} : { holidays: form.holidays }),
    ...(closures === undefined ? {} : { closures }),
    ...(form.calendarId.trim() === '' ? {} : { id: form.calendarId.trim() }),
  };
  const rounding = {
    ...(decimalPlaces === undefined ? {} : { decimalPlaces }),
    ...(form.roundingMode === '' ? {} : { mode: form.roundingMode }),
  };
  const config = {
    ...(form.title.trim() === '' ? {} : { title: form.title.trim() }),
    financialYear: form.financialYear.trim(),
    ...(form.asAt.trim() === '' ? {} : { asAt: form.asAt.trim() }),
    inputs,
    ...(Object.keys(columnMaps).length === 0 ? {} : { columnMaps }),
    ...(form.dateFormat === '' ? {} : { dateFormat: form.dateFormat }),
    ...(form.encoding === '' ? {} : { encoding: form.encoding }),
    indicators: form.indicators.map((indicator) => indicatorEntry(indicator, problems)),
    ...(form.targetSets.length === 0 ? {} : { targetSets: [...form.targetSets] }),
    ...(form.targetFiles.length === 0 ? {} : { targetFiles: [...form.targetFiles] }),
    ...(Object.keys(calendar).length === 0 ? {} : { calendar }),
    ...(form.convention === '' ? {} : { convention: form.convention }),
    ...(tolerance === undefined ? {} : { tolerance }),
    ...(spcHistoryMonths === undefined ? {} : { spcHistoryMonths }),
    ...(Object.keys(rounding).length === 0 ? {} : { rounding }),
  } as ExportedConfig;
  return { config, problems };
}

/**
 * The form's settings from a report config (an imported one): each file named as the config names it, until the
 * analyst picks it; closure days inline (a closures file's name is kept as a file to pick).
 *
 * @param config - the config, checked (its short forms as written, or as the check gives them back).
 * @returns the settings.
 * @example formFromConfig({ financialYear: 'FY2010', inputs: {}, indicators: ['NI59'] }).indicators[0]?.id //=> 'NI59'
 */
export function formFromConfig(config: ExportedConfig): FormState {
  const inputs: Partial<Record<RecordKind, InputForm>> = {};
  for (const [kind, given] of Object.entries(config.inputs) as [
    RecordKind,
    ExportedConfig['inputs'][RecordKind],
  ][]) {
    if (given === undefined) continue;
    const entry = typeof given === 'string' ? { path: given } : given;
    inputs[kind] = {
      path: entry.path,
      preset: entry.preset ?? '',
      sheet: entry.sheet === undefined ? '' : String(entry.sheet),
      censusDate: entry.censusDate ?? '',
      snapshotDate: entry.snapshotDate ?? '',
      encoding: entry.encoding ?? '',
    };
  }
  const closures = config.calendar?.closures;
  return {
    title: config.title ?? '',
    financialYear: config.financialYear,
    asAt: config.asAt ?? '',
    dateFormat: config.dateFormat ?? '',
    encoding: config.encoding ?? '',
    indicators: config.indicators.map((entry) => {
      const given = typeof entry === 'string' ? { id: entry } : entry;
      return {
        id: given.id,
        options: given.options ?? {},
        headlineSet: given.headline?.set ?? '',
        headlinePeriod: given.headline?.period ?? '',
        tolerance: toleranceForm(given.tolerance),
        fixAfter: given.spc?.fixAfter === undefined ? '' : String(given.spc.fixAfter),
        rebase: given.spc?.rebase?.join(', ') ?? '',
        screenOutliers:
          given.spc?.screenOutliers === undefined ? '' : given.spc.screenOutliers ? 'yes' : 'no',
      };
    }),
    targetSets: config.targetSets ?? [],
    targetFiles: config.targetFiles ?? [],
    inputs,
    columnMaps: { ...(config.columnMaps ?? {}) },
    region: config.calendar?.region ?? '',
    calendarId: config.calendar?.id ?? '',
    holidays: config.calendar?.holidays ?? '',
    closures: Array.isArray(closures) ? closures : [],
    closuresFile: typeof closures === 'string' ? closures : '',
    convention: config.convention ?? '',
    tolerance: toleranceForm(config.tolerance),
    spcHistoryMonths: config.spcHistoryMonths === undefined ? '' : String(config.spcHistoryMonths),
    decimalPlaces: config.rounding?.decimalPlaces === undefined ? '' : String(config.rounding.decimalPlaces),
    roundingMode: config.rounding?.mode ?? '',
  };
}

/**
 * The name a config gives a file the analyst picked for a setting: the path it already names when the file has that
 * path's name (an imported config's `data/caf.csv`, so it still finds the file beside it), else the file's name.
 *
 * @param named - the path the settings name now, or blank.
 * @param picked - the name of the file picked.
 * @returns the name to give.
 * @example
 * nameForPicked('data/fy2010/caf.csv', 'caf.csv') //=> 'data/fy2010/caf.csv'
 * nameForPicked('data/fy2010/caf.csv', 'caf 2011.csv') //=> 'caf 2011.csv'
 */
export function nameForPicked(named: string, picked: string): string {
  return named !== '' && baseName(named) === picked ? named : picked;
}
