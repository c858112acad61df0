/**
 * What an indicator takes, declared once (STYLE, "An indicator declares what it takes"): each option's name, type,
 * allowed values, default, command-line flag and one line of doc. The indicator's function reads its options through
 * these declarations, and the CLI's flags and help, the report config's strict check and the docs' option tables are
 * derived from them, so an option unknown to an indicator is refused by construction.
 * @module
 */
import { type Period, parsePeriod } from '../periods/index.js';
import { type DateFormat, parseDateCell } from '../records/dates.js';
import type { RecordKind } from '../records/schemas.js';
import { type IsoDate, isIsoDate } from '../util/dates.js';
import { nearestName } from '../util/nearest.js';

/**
 * The kinds of value an option takes: one of a closed list (`choice`), a non-empty list of them (`choices`), a whole
 * number of 0 or more, a number of 0 or more, a date, a period, the records of another kind (read from their own
 * file, or a report config's `inputs`), a breakdown's group (set by `--by`, never given directly), or an FTE on
 * each of some dates (WF_VACANCY's vacancies: `{ "2023-09-30": 12.5 }`, on the command line `2023-09-30=12.5`).
 */
export type IndicatorOptionType =
  | 'choice'
  | 'choices'
  | 'whole-number'
  | 'number'
  | 'date'
  | 'period'
  | 'records'
  | 'group'
  | 'fte-by-date';

/** The outcome of reading an option's value: the value (a choice in its canonical case), or what was expected. */
export type OptionReading<V> =
  | { readonly ok: true; readonly value: V }
  | { readonly ok: false; readonly expected: string; readonly got?: string };

/** How a value is read from a report config: dates in the config's `dateFormat`. */
export interface OptionReadContext {
  /** How a date written with slashes is read. Default `auto` (`YYYY-MM-DD` or `DD/MM/YYYY`). */
  readonly dateFormat?: DateFormat;
}

/** Where a report config gives an option: under the indicator's `options`, from `inputs` (records), or nowhere. */
export type OptionInConfig = 'options' | 'inputs' | 'none';

/** One option an indicator takes, declared once. `V` is the type of its value. */
export interface IndicatorOption<V = unknown> {
  /** The option's key in code and in a report config's `options`, e.g. `startEvent`. */
  readonly name: string;
  /** The kind of value. */
  readonly type: IndicatorOptionType;
  /** One line saying what it does. */
  readonly doc: string;
  /** The allowed values of a `choice` or `choices` option. */
  readonly values?: readonly string[];
  /** The record kind of a `records` option. */
  readonly kind?: RecordKind;
  /** The default, when it is one value; absent when the default depends on other options (see `defaultText`). */
  readonly default?: V;
  /** The default in words, for docs and help: `the rule set's`, `the period end`, `none`. */
  readonly defaultText: string;
  /** The command-line flag, without `--` (`start-event`); absent when only code and a report config set it. */
  readonly flag?: string;
  /** The flag's value in usage lines: `N`, `DATE`, `FILE`, `P`. */
  readonly placeholder?: string;
  /** A flag with no value that sets a `choice` (CASELOAD's `--month-end-mean` sets `mode`). */
  readonly switchFlag?: { readonly flag: string; readonly value: V };
  /** Where a report config gives it. */
  readonly inConfig: OptionInConfig;
  /** A `records` option that is not read when another option has a value (ASSESS45's referrals with `from`). */
  readonly unless?: { readonly option: string; readonly value: string };
  /** Who sets a `group` option instead (`--by team`). */
  readonly setBy?: string;
  /**
   * Reads a value given in code or in a report config (JSON).
   * @param value - the value given (not undefined).
   * @param context - how dates are read.
   */
  read(value: unknown, context?: OptionReadContext): OptionReading<V>;
  /**
   * Reads the text of the option's command-line flag.
   * @param text - the flag's value.
   */
  readFlag(text: string): OptionReading<V>;
}

/** What every declaration names besides its type. */
interface OptionSpec<V> {
  readonly name: string;
  readonly doc: string;
  readonly default?: V;
  readonly defaultText?: string;
  readonly flag?: string;
  readonly placeholder?: string;
  readonly inConfig?: OptionInConfig;
}

/** How a value was given, for the `got …` of a message: JSON for everything but `undefined`. */
export function shownValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  try {
    const shown = JSON.stringify(value) ?? String(value);
    return shown.length > 80 ? `${shown.slice(0, 77)}…` : shown;
  } catch {
    return String(value);
  }
}

function shownDefault(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => `\`${String(item)}\``).join(', ');
  return `\`${String(value)}\``;
}

function declare<V>(
  type: IndicatorOptionType,
  spec: OptionSpec<V>,
  read: (value: unknown, context: OptionReadContext) => OptionReading<V>,
  readFlag: (text: string) => OptionReading<V>,
  extra: Partial<IndicatorOption<V>> = {},
): IndicatorOption<V> {
  return {
    name: spec.name,
    type,
    doc: spec.doc,
    ...(spec.default === undefined ? {} : { default: spec.default }),
    defaultText: spec.defaultText ?? (spec.default === undefined ? 'none' : shownDefault(spec.default)),
    ...(spec.flag === undefined ? {} : { flag: spec.flag }),
    ...(spec.placeholder === undefined ? {} : { placeholder: spec.placeholder }),
    inConfig: spec.inConfig ?? 'options',
    ...extra,
    read: (value, context = {}) => read(value, context),
    readFlag,
  };
}

/** A declaration, typed so that an option declared with a default gives a value that is never undefined. */
export type DeclaredOption<V, S> = IndicatorOption<V> &
  (S extends { readonly default: unknown } ? { readonly default: V } : unknown);

const ok = <V>(value: V): OptionReading<V> => ({ ok: true, value });
const expected = <V>(text: string, got?: string): OptionReading<V> =>
  got === undefined ? { ok: false, expected: text } : { ok: false, expected: text, got };

/**
 * The problem of a reading that failed, as messages show it: `expected …, got …`.
 * @param reading - the failed reading.
 * @param value - the value that was read.
 * @returns the text.
 * @example expectedGot({ ok: false, expected: 'one of a, b' }, 'c') //=> 'expected one of a, b, got "c"'
 */
export function expectedGot(
  reading: { readonly expected: string; readonly got?: string },
  value: unknown,
): string {
  return `expected ${reading.expected}, got ${reading.got ?? shownValue(value)}`;
}

/** The canonical spelling of a choice written in any case, or undefined. */
function choiceOf<V extends string>(values: readonly string[], text: unknown): V | undefined {
  if (typeof text !== 'string') return undefined;
  const wanted = text.trim().toLowerCase();
  return values.find((value) => value.toLowerCase() === wanted) as V | undefined;
}

/**
 * Declares an option that takes one of a closed list of values (read in any case).
 *
 * @param spec - name, values, default, flag, doc; `switchFlag` for a flag with no value that sets one.
 * @returns the declaration.
 * @example
 * const rules = choiceOption({ name: 'rules', values: ['ni2008', 'wt2010'], default: 'ni2008', doc: 'the rule set' });
 * rules.readFlag('WT2010') //=> { ok: true, value: 'wt2010' }
 */
export function choiceOption<
  const S extends OptionSpec<string> & {
    readonly values: readonly string[];
    readonly switchFlag?: { readonly flag: string; readonly value: string };
  },
>(spec: S): DeclaredOption<S['values'][number], S> {
  type V = S['values'][number];
  const read = (value: unknown): OptionReading<V> => {
    const found = choiceOf<V>(spec.values, value);
    return found === undefined ? expected(`one of ${spec.values.join(', ')}`) : ok(found);
  };
  return declare<V>('choice', spec as OptionSpec<V>, read, read, {
    values: spec.values,
    ...(spec.switchFlag === undefined ? {} : { switchFlag: spec.switchFlag as { flag: string; value: V } }),
  }) as DeclaredOption<V, S>;
}

/**
 * Declares an option that takes a non-empty list of values from a closed list (in a flag: separated by commas).
 *
 * @param spec - name, values, default, flag, doc.
 * @returns the declaration.
 * @example
 * const roles = choicesOption({ name: 'roles', values: ['social-worker', 'other'], doc: 'the roles counted' });
 * roles.read(['Other']) //=> { ok: true, value: ['other'] }
 */
export function choicesOption<
  const S extends OptionSpec<readonly string[]> & { readonly values: readonly string[] },
>(spec: S): DeclaredOption<readonly S['values'][number][], S> {
  type V = S['values'][number];
  const wanted = `a non-empty list of ${spec.values.join(', ')}`;
  const read = (value: unknown): OptionReading<readonly V[]> => {
    if (!Array.isArray(value) || value.length === 0) return expected(wanted);
    const found: V[] = [];
    for (const item of value) {
      const choice = choiceOf<V>(spec.values, item);
      if (choice === undefined) return expected(`each of ${spec.values.join(', ')}`, shownValue(item));
      found.push(choice);
    }
    return ok(found);
  };
  return declare<readonly V[]>(
    'choices',
    spec as OptionSpec<readonly V[]>,
    read,
    (text) => read(text.split(',').map((item) => item.trim())),
    { values: spec.values },
  ) as DeclaredOption<readonly V[], S>;
}

/**
 * Declares an option that takes a whole number of 0 or more (a timescale, an age).
 *
 * @param spec - name, the unit in words (`working days`), default, flag, doc.
 * @returns the declaration.
 * @example
 * const timescale = wholeNumberOption({ name: 'timescale', unit: 'working days', default: 35, doc: 'the timescale' });
 * timescale.readFlag('10') //=> { ok: true, value: 10 }
 * timescale.read(-1) //=> { ok: false, expected: 'a whole number of working days (0 or more)' }
 */
export function wholeNumberOption<const S extends OptionSpec<number> & { readonly unit: string }>(
  spec: S,
): DeclaredOption<number, S> {
  const wanted = `a whole number of ${spec.unit} (0 or more)`;
  const read = (value: unknown): OptionReading<number> =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 ? ok(value) : expected(wanted);
  return declare('whole-number', spec, read, (text) =>
    /^\d{1,9}$/.test(text.trim()) ? ok(Number(text.trim())) : expected(wanted),
  ) as DeclaredOption<number, S>;
}

/**
 * Declares the `timescale` of a timeliness indicator whose timescale is one number of working days (NI60, CPC15,
 * ASSESS45), set by `--timescale N`.
 *
 * @param days - the default, in working days.
 * @returns the declaration.
 * @example workingDaysTimescale(35).default //=> 35
 */
export function workingDaysTimescale(days: number): DeclaredOption<number, { readonly default: number }> {
  return wholeNumberOption({
    name: 'timescale',
    unit: 'working days',
    default: days,
    flag: 'timescale',
    placeholder: 'N',
    doc: 'the timescale in working days',
  });
}

/**
 * Declares an option that takes a number of 0 or more (a threshold).
 *
 * @param spec - name, the unit in words (`cases per FTE`), default, flag, doc.
 * @returns the declaration.
 * @example
 * numberOption({ name: 'threshold', unit: 'cases per FTE', default: 22, doc: 'the threshold' }).readFlag('20.5')
 * //=> { ok: true, value: 20.5 }
 */
export function numberOption<const S extends OptionSpec<number> & { readonly unit: string }>(
  spec: S,
): DeclaredOption<number, S> {
  const wanted = `a number of ${spec.unit} (0 or more)`;
  const read = (value: unknown): OptionReading<number> =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 ? ok(value) : expected(wanted);
  return declare('number', spec, read, (text) =>
    /^\d+(?:\.\d+)?$/.test(text.trim()) ? ok(Number(text.trim())) : expected(wanted),
  ) as DeclaredOption<number, S>;
}

/**
 * Declares an option that takes a date: `YYYY-MM-DD` in code and on the command line; in a report config, also in
 * the config's `dateFormat`.
 *
 * @param spec - name, default, flag, doc.
 * @returns the declaration.
 * @example
 * dateOption({ name: 'countDate', doc: 'one count date' }).read('30/11/2010', { dateFormat: 'dmy' })
 * //=> { ok: true, value: '2010-11-30' }
 */
export function dateOption(spec: OptionSpec<IsoDate>): IndicatorOption<IsoDate> {
  const wanted = 'a real date written YYYY-MM-DD';
  return declare(
    'date',
    spec,
    (value, context) => {
      if (isIsoDate(value)) return ok(value);
      if (context.dateFormat === undefined) return expected(wanted);
      const date = parseDateCell(value, { dateFormat: context.dateFormat });
      return date.ok ? ok(date.date) : expected(`a real date (${date.message})`);
    },
    (text) => (isIsoDate(text.trim()) ? ok(text.trim()) : expected(wanted)),
  );
}

/**
 * Declares an option that takes a period: a {@link Period}, or a period string (`FY2009`, `2009-04..2010-03`).
 *
 * @param spec - name, default, flag, doc.
 * @returns the declaration.
 * @example periodOption({ name: 'baseline', doc: 'the period compared with' }).readFlag('fy2009') //=> { ok: true, value: 'FY2009' }
 */
export function periodOption(spec: OptionSpec<Period | string>): IndicatorOption<Period | string> {
  const read = (value: unknown): OptionReading<Period | string> => {
    try {
      const period = parsePeriod(value as Period | string);
      return ok(typeof value === 'string' ? period.spec : period);
    } catch (error) {
      return expected(`a period (${(error as Error).message})`);
    }
  };
  return declare('period', spec, read, read);
}

/**
 * Declares an option that takes an FTE of 0 or more on each of some dates (WF_VACANCY's vacancies by reference date):
 * in code and a report config an object `{ "2023-09-30": 12.5 }` (dates also in the config's `dateFormat`), on the
 * command line `DATE=FTE`, several separated by commas. A bare number is refused: an FTE says nothing without the
 * day it is of, and a figure taken on another day would silently use it.
 *
 * @param spec - name, flag, doc.
 * @returns the declaration.
 * @example
 * fteByDateOption({ name: 'vacancies', doc: 'the vacancies' }).readFlag('2023-09-30=12.5')
 * //=> { ok: true, value: { '2023-09-30': 12.5 } }
 */
export function fteByDateOption(
  spec: OptionSpec<Readonly<Record<string, number>>>,
): IndicatorOption<Readonly<Record<string, number>>> {
  const wanted = 'an FTE (a number of 0 or more) by date, like { "2023-09-30": 12.5 }';
  const wantedFlag = 'DATE=FTE (several separated by commas), like 2023-09-30=12.5';
  const fteOf = (value: unknown): number | undefined =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
  return declare(
    'fte-by-date',
    { placeholder: 'DATE=FTE', ...spec },
    (value, context) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return expected(wanted);
      const found: Record<string, number> = {};
      for (const [key, fte] of Object.entries(value)) {
        let date: string | undefined = isIsoDate(key) ? key : undefined;
        if (date === undefined && context.dateFormat !== undefined) {
          const parsed = parseDateCell(key, { dateFormat: context.dateFormat });
          if (parsed.ok) date = parsed.date;
        }
        const number = fteOf(fte);
        if (date === undefined || number === undefined) {
          return expected(wanted, `${JSON.stringify(key)}: ${shownValue(fte)}`);
        }
        found[date] = number;
      }
      return ok(found);
    },
    (text) => {
      const found: Record<string, number> = {};
      for (const part of text.split(',')) {
        const match = /^\s*(\d{4}-\d{2}-\d{2})\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
        if (match === null || !isIsoDate(match[1])) return expected(wantedFlag, JSON.stringify(part.trim()));
        found[match[1] as string] = Number(match[2]);
      }
      return ok(found);
    },
  );
}

/**
 * Declares an option that takes the records of another kind (CASELOAD's workers, ASSESS45's referrals): on the
 * command line a file of that kind, in a report config the file of `inputs` for it.
 *
 * @param spec - name, kind, flag, doc; `unless` names the option value with which they are not read.
 * @returns the declaration.
 * @example recordsOption({ name: 'workers', kind: 'worker', flag: 'workers', doc: 'the workers' }).kind //=> 'worker'
 */
export function recordsOption(
  spec: OptionSpec<readonly unknown[]> & {
    readonly kind: RecordKind;
    readonly unless?: { readonly option: string; readonly value: string };
  },
): IndicatorOption<readonly unknown[]> {
  const read = (value: unknown): OptionReading<readonly unknown[]> =>
    Array.isArray(value) ? ok(value) : expected(`the ${spec.kind} records (an array)`);
  return declare(
    'records',
    { placeholder: 'FILE', ...spec, inConfig: 'inputs' },
    read,
    () => expected(`the ${spec.kind} records`),
    { kind: spec.kind, ...(spec.unless === undefined ? {} : { unless: spec.unless }) },
  );
}

/**
 * Declares a breakdown's group option (`team`, `workerId`): set by `computeBreakdown` for each group, never given on
 * the command line or in a report config.
 *
 * @param spec - name, doc, and who sets it.
 * @returns the declaration.
 * @example groupOption({ name: 'team', doc: 'one team', setBy: '--by team' }).inConfig //=> 'none'
 */
export function groupOption(
  spec: OptionSpec<string | null> & { readonly setBy: string },
): IndicatorOption<string | null> {
  const read = (value: unknown): OptionReading<string | null> =>
    typeof value === 'string' || value === null ? ok(value) : expected('a name, or null');
  return declare(
    'group',
    { defaultText: 'everyone', ...spec, inConfig: 'none' },
    read,
    () => expected('a name'),
    {
      setBy: spec.setBy,
    },
  );
}

/**
 * An option's value from an indicator's options: the value given, checked, or the declared default.
 *
 * @param option - the declaration.
 * @param value - the value given, or undefined.
 * @returns the value (a choice in its canonical case), or the default (undefined when there is none).
 * @throws {RangeError} naming the option, what was expected and what was given.
 * @example optionValue(ni60TimescaleOption, undefined) //=> 35
 * @example optionValue(ni60TimescaleOption, -1) // throws RangeError: timescale: expected a whole number of working days (0 or more), got -1
 */
export function optionValue<V>(option: IndicatorOption<V> & { readonly default: V }, value: unknown): V;
export function optionValue<V>(option: IndicatorOption<V>, value: unknown): V | undefined;
export function optionValue<V>(option: IndicatorOption<V>, value: unknown): V | undefined {
  if (value === undefined) return option.default;
  const reading = option.read(value);
  if (!reading.ok) {
    throw new RangeError(`${option.name}: ${expectedGot(reading, value)}`);
  }
  return reading.value;
}

/**
 * The defaults of a list of declarations, for a definition's `defaultOptions`: those that are one value.
 *
 * @param options - the declarations.
 * @returns an object from option name to default.
 * @example defaultsOf([rulesOption, timescaleOption]) //=> { rules: 'ni2008' }
 */
export function defaultsOf(
  options: readonly IndicatorOption[],
): Readonly<Record<string, string | number | boolean | readonly string[]>> {
  const defaults: Record<string, string | number | boolean | readonly string[]> = {};
  for (const option of options) {
    const value = option.default;
    if (
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    ) {
      defaults[option.name] = value as string | number | boolean | readonly string[];
    }
  }
  return defaults;
}

/** One problem with an options object: the key concerned and what is wrong. */
export interface OptionProblem {
  /** The option's key as written. */
  readonly key: string;
  /** What is wrong and what would be right, in a sentence. */
  readonly message: string;
}

/**
 * Options that every indicator takes but that a report config sets once for the whole report, by the top-level key
 * named: given under one indicator's `options` they would be overridden without a word, so they are refused there.
 */
const REPORT_WIDE: Readonly<Record<string, string>> = {
  calendar: 'calendar',
  convention: 'convention',
  rounding: 'rounding',
  decimalPlaces: 'rounding',
  precision: 'rounding',
};

/**
 * Reads an indicator's options object as a report config gives it: every key must be an option the indicator
 * declares for configs, and every value must be one it accepts. All problems are collected, not the first.
 *
 * @param indicator - the indicator's id, for messages.
 * @param declared - the indicator's option declarations.
 * @param given - the options object as written.
 * @param context - how dates are read (the config's `dateFormat`).
 * @returns the options, each value canonical (a choice in its own case, a date as `YYYY-MM-DD`), and the problems.
 * @example
 * readConfigOptions('CPC15', cpc15Definition.options, { startevent: 'referral' }).problems[0].message
 * //=> 'unknown option "startevent" (did you mean "startEvent"?): CPC15 takes startEvent, timescale'
 */
export function readConfigOptions(
  indicator: string,
  declared: readonly IndicatorOption[],
  given: Readonly<Record<string, unknown>>,
  context: OptionReadContext = {},
): { readonly options: Readonly<Record<string, unknown>>; readonly problems: readonly OptionProblem[] } {
  const configurable = declared.filter((option) => option.inConfig === 'options');
  const names = configurable.map((option) => option.name);
  const takes =
    names.length === 0 ? `${indicator} takes no options` : `${indicator} takes ${names.join(', ')}`;
  const options: Record<string, unknown> = {};
  const problems: OptionProblem[] = [];
  for (const [key, value] of Object.entries(given)) {
    const option = declared.find((candidate) => candidate.name === key);
    if (option === undefined) {
      const reportWide = REPORT_WIDE[key];
      const near = nearestName(key, names);
      problems.push({
        key,
        message:
          reportWide !== undefined
            ? `${key} is set for the whole report, by the config's top-level key "${reportWide}", not per indicator`
            : `unknown option ${JSON.stringify(key)}${near === undefined ? '' : ` (did you mean ${JSON.stringify(near)}?)`}: ${takes}`,
      });
      continue;
    }
    if (option.inConfig === 'inputs') {
      problems.push({
        key,
        message: `the ${option.kind} records are read from the config's inputs (inputs.${option.kind}), not given in options`,
      });
      continue;
    }
    if (option.inConfig === 'none') {
      problems.push({
        key,
        message: `${key} is set by ${option.setBy ?? 'the library'}, not in a report config`,
      });
      continue;
    }
    const reading = option.read(value, context);
    if (reading.ok) options[key] = reading.value;
    else problems.push({ key, message: expectedGot(reading, value) });
  }
  return { options, problems };
}
