/**
 * The command-line flags of the indicators' own options, derived from their declarations (STYLE, "An indicator
 * declares what it takes"): a new indicator, or a new option, needs no edit here.
 * @module
 */
import type { IndicatorOption } from '../indicators/options.js';
import { type IndicatorId, indicatorIds, indicators } from '../indicators/registry.js';
import type { IndicatorDefinition } from '../indicators/types.js';
import type { RecordKind } from '../records/schemas.js';
import type { FlagSpec } from './args.js';
import { UsageError } from './context.js';

/** Every indicator definition, in the registry's order. */
export const definitions: readonly IndicatorDefinition[] = indicatorIds.map(
  (id) => indicators[id] as IndicatorDefinition,
);

/** The flags an indicator's declarations give it: each option's flag, switch flag and its records file's flag. */
export function flagsOf(definition: IndicatorDefinition): string[] {
  const flags: string[] = [];
  if (definition.input !== undefined) flags.push(definition.input.flag);
  for (const option of definition.options) {
    if (option.flag !== undefined) flags.push(option.flag);
    if (option.switchFlag !== undefined) flags.push(option.switchFlag.flag);
  }
  return flags;
}

/** The flags of every indicator's own options, for the parser: a value each, except switch flags. */
export function indicatorFlagSpecs(): Record<string, FlagSpec> {
  const specs: Record<string, FlagSpec> = {};
  for (const definition of definitions) {
    if (definition.input !== undefined) specs[definition.input.flag] = { type: 'string' };
    for (const option of definition.options) {
      if (option.flag !== undefined) specs[option.flag] = { type: 'string' };
      if (option.switchFlag !== undefined) specs[option.switchFlag.flag] = { type: 'boolean' };
    }
  }
  return specs;
}

/** A file of another kind an indicator reads (CASELOAD's workers, ASSESS45's referrals), named by its flag. */
export interface RecordsFile {
  /** The option the records are given as. */
  readonly option: string;
  readonly kind: RecordKind;
  readonly flag: string;
  readonly path: string;
}

/** An indicator's options read from the command line: its values, and the files of other kinds to read. */
export interface IndicatorArgs {
  /** The options given, each checked and in its canonical form (`wt2010` for `WT2010`). */
  readonly options: Readonly<Record<string, unknown>>;
  /** The records files the indicator will read, each needed with these options. */
  readonly files: readonly RecordsFile[];
  /** Flags given that the indicator does not take, or does not read with these options: warned, not used. */
  readonly ignored: readonly string[];
}

/** What makes a records option not read: the option and value of its `unless`, when they are in force. */
function notRead(option: IndicatorOption, options: Readonly<Record<string, unknown>>): string | undefined {
  const unless = option.unless;
  if (unless === undefined) return undefined;
  return options[unless.option] === unless.value ? unless.value : undefined;
}

/**
 * Reads an indicator's own options from the flags given: every value checked (in any case for a choice), each
 * records file that these options need required, and the flags that do not apply listed.
 *
 * @param definition - the indicator.
 * @param values - every flag given, by name.
 * @returns the options, the records files and the flags ignored.
 * @throws {UsageError} for a value the option does not take, or a records file it needs and was not given.
 */
export function readIndicatorArgs(
  definition: IndicatorDefinition,
  values: Readonly<Record<string, string | boolean | undefined>>,
): IndicatorArgs {
  const options: Record<string, unknown> = {};
  const taken = new Set(flagsOf(definition));
  for (const option of definition.options) {
    if (option.type === 'records') continue;
    const switched = option.switchFlag !== undefined && values[option.switchFlag.flag] === true;
    const text = option.flag === undefined ? undefined : values[option.flag];
    if (switched && typeof text === 'string') {
      throw new UsageError(
        `--${option.switchFlag?.flag} and --${option.flag} both set ${option.name}: give one of them`,
      );
    }
    if (switched) options[option.name] = option.switchFlag?.value;
    if (typeof text !== 'string') continue;
    const reading = option.readFlag(text);
    if (!reading.ok) {
      throw new UsageError(
        `--${option.flag}: expected ${reading.expected}, got ${reading.got ?? JSON.stringify(text)}`,
      );
    }
    options[option.name] = reading.value;
  }
  const files: RecordsFile[] = [];
  const ignored: string[] = [];
  for (const option of definition.options) {
    if (option.type !== 'records' || option.flag === undefined || option.kind === undefined) continue;
    const path = values[option.flag];
    const without = notRead(option, options);
    if (without !== undefined) {
      if (typeof path === 'string') {
        ignored.push(
          `--${option.flag} does not apply with --${flagOf(definition, option.unless?.option)} ${without}`,
        );
      }
      continue;
    }
    if (typeof path !== 'string') {
      const alternative =
        option.unless === undefined
          ? ''
          : `, or give --${flagOf(definition, option.unless.option)} ${option.unless.value}`;
      throw new UsageError(
        `${definition.id} needs --${option.flag} ${option.placeholder ?? 'FILE'}: ${stripMarkdown(option.doc)}${alternative === '' ? '' : `;${alternative.slice(1)}`}`,
      );
    }
    files.push({ option: option.name, kind: option.kind, flag: `--${option.flag}`, path });
  }
  for (const flag of Object.keys(indicatorFlagSpecs())) {
    if (values[flag] !== undefined && values[flag] !== false && !taken.has(flag)) {
      ignored.push(`--${flag} does not apply to ${definition.id}`);
    }
  }
  return { options, files, ignored };
}

function flagOf(definition: IndicatorDefinition, name: string | undefined): string {
  return definition.options.find((option) => option.name === name)?.flag ?? String(name);
}

/**
 * An indicator's own message about one of its options (`snapshot: expected …`) in the words of the command line
 * (`--snapshot: expected …`), when the option has a flag.
 *
 * @param definition - the indicator.
 * @param message - the message, starting with an option's name.
 * @returns the message, starting with the flag instead.
 */
export function inFlagWords(definition: IndicatorDefinition, message: string): string {
  for (const option of definition.options) {
    if (option.flag !== undefined && message.startsWith(`${option.name}:`)) {
      return `--${option.flag}${message.slice(option.name.length)}`;
    }
  }
  return message;
}

/** A declaration's doc for a terminal: without Markdown's backticks. */
export function stripMarkdown(text: string): string {
  return text.replaceAll('`', '');
}

/** The usage line of a flag: `--rules R`. */
function flagUsage(flag: string, placeholder: string | undefined): string {
  return placeholder === undefined ? `--${flag}` : `--${flag} ${placeholder}`;
}

/**
 * Text wrapped to a width, each line after the first indented.
 *
 * @param text - the text.
 * @param width - the widest line.
 * @param indent - the column the lines after the first start at.
 * @param first - the column the first line starts at.
 * @returns the lines joined.
 */
export function wrap(text: string, width: number, indent: number, first = indent): string {
  const lines: string[] = [];
  let line = '';
  let column = first;
  for (const word of text.split(' ')) {
    if (line !== '' && column + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
      column = indent;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** The width of help text. */
const HELP_WIDTH = 110;

/**
 * The help lines of indicators' own options, one indicator after another, from their declarations.
 *
 * @param chosen - the indicators to describe.
 * @param column - where the descriptions start.
 * @returns the lines.
 */
export function indicatorOptionUsage(chosen: readonly IndicatorDefinition[], column: number): string[] {
  const lines: string[] = [];
  for (const definition of chosen) {
    const entries: [string, string][] = [];
    if (definition.input !== undefined) {
      entries.push([flagUsage(definition.input.flag, 'FILE'), `${definition.input.doc}, instead of --input`]);
    }
    for (const option of definition.options) {
      if (option.flag === undefined && option.switchFlag === undefined) continue;
      const values =
        option.type === 'choice' && option.values !== undefined ? option.values.join('|') : undefined;
      const doc =
        option.type === 'records'
          ? `${stripMarkdown(option.doc)}; required${option.unless === undefined ? '' : ` unless --${flagOf(definition, option.unless.option)} ${option.unless.value}`}`
          : `${stripMarkdown(option.doc)}; default ${stripMarkdown(option.defaultText)}`;
      if (option.flag !== undefined)
        entries.push([flagUsage(option.flag, values ?? option.placeholder), doc]);
      if (option.switchFlag !== undefined) {
        entries.push([
          `--${option.switchFlag.flag}`,
          `the same as --${option.flag} ${String(option.switchFlag.value)}`,
        ]);
      }
    }
    if (entries.length === 0) continue;
    lines.push(`  ${definition.id}`);
    for (const [flag, doc] of entries) {
      const head = `    ${flag}`;
      lines.push(
        head.length + 2 > column
          ? `${head}\n${' '.repeat(column)}${wrap(doc, HELP_WIDTH, column)}`
          : `${head.padEnd(column)}${wrap(doc, HELP_WIDTH, column)}`,
      );
    }
  }
  return lines;
}

/** The indicator named among a command's arguments, for `compute NI59 --help`, or undefined. */
export function indicatorNamedIn(args: readonly string[]): IndicatorDefinition | undefined {
  for (const arg of args) {
    const id = indicatorIds.find((known) => known.toLowerCase() === arg.toLowerCase());
    if (id !== undefined) return indicators[id as IndicatorId] as IndicatorDefinition;
  }
  return undefined;
}
