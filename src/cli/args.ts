/**
 * Reading a command's arguments, so that a newcomer cannot trip: an unknown flag names the nearest known one, a flag
 * given twice or without its value is refused, and enumerated values are read in any case. Every argument is checked
 * here, before any file is read.
 * @module
 */
import { didYouMean } from '../util/nearest.js';
import { UsageError } from './context.js';

/**
 * One flag a command takes: a value (`--period P`), none (`--month-end-mean`), or a switch that may name one of a
 * few values (`--strict`, `--strict=warnings`).
 */
export interface FlagSpec {
  readonly type: 'string' | 'boolean' | 'switch';
  /** A switch's values, besides none: `--strict=warnings` (also `--strict warnings`). */
  readonly values?: readonly string[];
}

/** The flags of a command, by name without `--`. */
export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/**
 * The values read for a command's flags: text for a flag with a value, true for one without, and for a switch true
 * or the value it named (in its canonical case).
 */
export type FlagValues<T extends FlagSpecs> = {
  readonly [K in keyof T]?: T[K]['type'] extends 'boolean'
    ? boolean
    : T[K]['type'] extends 'switch'
      ? true | string
      : string;
};

/** A command's arguments, read: its flags and its positional arguments in order. */
export interface CommandArgs<T extends FlagSpecs> {
  readonly values: FlagValues<T>;
  readonly positionals: readonly string[];
}

/**
 * Reads a command's arguments. `--name value`, `--name=value` and `--name`; a switch alone or with one of its values
 * (`--strict`, `--strict=warnings`, `--strict warnings`); `--` ends the flags; a lone `-` is a positional argument
 * (standard output, for `--out -`), and so is a negative number (`-1`: no flag starts with a digit), for the command
 * to judge by what it expects there rather than be called an unknown option.
 *
 * @param args - the arguments after the command's name.
 * @param flags - the flags the command takes.
 * @returns the values and positionals.
 * @throws {UsageError} for an unknown flag (naming the nearest known one), a flag given twice, a flag missing its
 *   value, a value given to a flag that takes none, a value a switch does not take.
 * @example parseCommandArgs(['--period', '2010-10', 'NI59'], { period: { type: 'string' } }).values.period //=> '2010-10'
 */
export function parseCommandArgs<T extends FlagSpecs>(args: readonly string[], flags: T): CommandArgs<T> {
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  const known = Object.keys(flags).map((name) => `--${name}`);
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '--') {
      positionals.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}${didYouMean(`-${arg}`, known, String)}`);
    }
    const equals = arg.indexOf('=');
    const name = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
    const spec = Object.hasOwn(flags, name) ? flags[name] : undefined;
    if (spec === undefined) {
      throw new UsageError(`unknown option --${name}${didYouMean(`--${name}`, known, String)}`);
    }
    let value: string | boolean;
    if (spec.type === 'switch') {
      const values = spec.values ?? [];
      const next = args[index + 1];
      const named = next === undefined ? undefined : values.find((v) => v === next.trim().toLowerCase());
      if (equals >= 0) {
        const given = arg.slice(equals + 1);
        const found = values.find((v) => v === given.trim().toLowerCase());
        if (found === undefined) {
          throw new UsageError(
            `--${name}: expected --${name} alone or ${values.map((v) => `--${name}=${v}`).join(', ')}, got ${JSON.stringify(given)}${didYouMean(given, values)}`,
          );
        }
        value = found;
      } else if (named !== undefined) {
        value = named;
        index++;
      } else {
        value = true;
      }
    } else if (spec.type === 'boolean') {
      if (equals >= 0)
        throw new UsageError(`--${name} takes no value, got ${JSON.stringify(arg.slice(equals + 1))}`);
      value = true;
    } else if (equals >= 0) {
      value = arg.slice(equals + 1);
    } else {
      const next = args[index + 1];
      // A value may start with a dash (`--out -`, a negative number to be refused by its own check), but not with
      // two: `--input --period 2010-10` has lost the input's value.
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`--${name} needs a value`);
      }
      value = next;
      index++;
    }
    if (Object.hasOwn(values, name)) {
      throw new UsageError(
        spec.type !== 'string'
          ? `--${name} is given twice`
          : `--${name} is given twice (${JSON.stringify(values[name])} and ${JSON.stringify(value)}): give it once`,
      );
    }
    values[name] = value;
  }
  return { values: values as FlagValues<T>, positionals };
}

/**
 * Reads an enumerated flag value in any case (`--by Team`, `--format JSON`), giving its canonical spelling.
 *
 * @param value - the text given, or undefined.
 * @param allowed - the values the flag takes.
 * @param flag - the flag, for the message (`--format`).
 * @returns the canonical value, or undefined when the flag was not given.
 * @throws {UsageError} naming the allowed values (and the nearest one) when the value is not one of them.
 * @example choiceArg('JSON', ['json', 'csv', 'table'], '--format') //=> 'json'
 */
export function choiceArg<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  const wanted = value.trim().toLowerCase();
  const found = allowed.find((candidate) => candidate.toLowerCase() === wanted);
  if (found === undefined) {
    throw new UsageError(
      `${flag}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}${didYouMean(value, allowed)}`,
    );
  }
  return found;
}

/**
 * Refuses positional arguments beyond those a command takes.
 *
 * @param positionals - the positional arguments given.
 * @param count - how many the command takes.
 * @throws {UsageError} naming the first one too many.
 * @example noMorePositionals(['NI59'], 1) // returns
 */
export function noMorePositionals(positionals: readonly string[], count: number): void {
  const extra = positionals[count];
  if (extra !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(extra)}`);
}
