import { describe, expect, it } from 'vitest';
import { choiceArg, parseCommandArgs } from '../../src/cli/args.js';
import { UsageError } from '../../src/cli/context.js';

const flags = {
  input: { type: 'string' },
  period: { type: 'string' },
  out: { type: 'string' },
  strict: { type: 'boolean' },
} as const;

describe('parseCommandArgs', () => {
  it('reads a switch alone, with =value, or with its value next; refuses a value it does not take', () => {
    const specs = { strict: { type: 'switch', values: ['warnings'] }, input: { type: 'string' } } as const;
    expect(parseCommandArgs(['--strict'], specs).values).toEqual({ strict: true });
    expect(parseCommandArgs(['--strict=WARNINGS'], specs).values).toEqual({ strict: 'warnings' });
    // Only one of its values is taken as the next argument; anything else stays a positional.
    expect(parseCommandArgs(['--strict', 'warnings', 'NI59'], specs)).toEqual({
      values: { strict: 'warnings' },
      positionals: ['NI59'],
    });
    expect(parseCommandArgs(['--strict', 'NI59'], specs)).toEqual({
      values: { strict: true },
      positionals: ['NI59'],
    });
    expect(() => parseCommandArgs(['--strict=warning'], specs)).toThrow(
      new UsageError(
        '--strict: expected --strict alone or --strict=warnings, got "warning" (did you mean "warnings"?)',
      ),
    );
    expect(() => parseCommandArgs(['--strict', '--strict=warnings'], specs)).toThrow(
      new UsageError('--strict is given twice'),
    );
  });

  it('reads --name value, --name=value, switches and positionals; a lone - is a value', () => {
    const { values, positionals } = parseCommandArgs(
      ['NI59', '--input', 'ia.csv', '--period=2010-10', '--strict', '--out', '-'],
      flags,
    );
    expect(values).toEqual({ input: 'ia.csv', period: '2010-10', strict: true, out: '-' });
    expect(positionals).toEqual(['NI59']);
  });

  it('refuses an unknown flag, naming the nearest known one', () => {
    expect(() => parseCommandArgs(['--preiod', '2010-10'], flags)).toThrow(
      new UsageError('unknown option --preiod (did you mean --period?)'),
    );
    expect(() => parseCommandArgs(['--colour'], flags)).toThrow(new UsageError('unknown option --colour'));
    expect(() => parseCommandArgs(['-x'], flags)).toThrow(UsageError);
  });

  it('reads a negative number as a positional argument, not as an unknown option', () => {
    // No flag starts with a digit: `-1` is a value for the command to judge (deadline's N).
    expect(parseCommandArgs(['2010-12-24', '-1', '--period', '-3'], flags)).toEqual({
      values: { period: '-3' },
      positionals: ['2010-12-24', '-1'],
    });
  });

  it('refuses a flag given twice, a flag missing its value, and a value given to a switch', () => {
    expect(() => parseCommandArgs(['--period', '2010-10', '--period', '2010-11'], flags)).toThrow(
      new UsageError('--period is given twice ("2010-10" and "2010-11"): give it once'),
    );
    // `--input --period 2010-10` has lost the input's value: it is not taken to be a file named --period.
    expect(() => parseCommandArgs(['--input', '--period', '2010-10'], flags)).toThrow(
      new UsageError('--input needs a value'),
    );
    expect(() => parseCommandArgs(['--input'], flags)).toThrow(new UsageError('--input needs a value'));
    expect(() => parseCommandArgs(['--strict=yes'], flags)).toThrow(
      new UsageError('--strict takes no value, got "yes"'),
    );
  });

  it('takes everything after -- as positionals', () => {
    expect(parseCommandArgs(['--', '--input'], flags).positionals).toEqual(['--input']);
  });
});

describe('choiceArg', () => {
  it('reads a value in any case, giving its canonical spelling', () => {
    expect(choiceArg('Team', ['team', 'worker', 'month'], '--by')).toBe('team');
    expect(choiceArg(undefined, ['team'], '--by')).toBeUndefined();
  });

  it('refuses another value, naming the allowed ones and the nearest', () => {
    expect(() => choiceArg('jsn', ['json', 'csv', 'table'], '--format')).toThrow(
      new UsageError('--format: expected one of json, csv, table, got "jsn" (did you mean "json"?)'),
    );
  });
});
