import { calendarRef, OutsideHolidayListError } from '../../calendar/index.js';
import { isIsoDate } from '../../util/dates.js';
import { noMorePositionals, parseCommandArgs } from '../args.js';
import {
  calendarArgOptions,
  calendarArgUsage,
  calendarFromArgs,
  conventionFromArgs,
} from '../calendar-args.js';
import { type CliCommand, InputRefusedError, UsageError } from '../context.js';
import { checkOutputs, outputFromArgs, writeOutput } from '../output.js';
import { summaryOf } from './list.js';

const usage = `Usage: cs-indicators working-days START END [options]

Prints the number of working days from START to END (dates written YYYY-MM-DD).

Options:
${calendarArgUsage}
  --format F          text (default: the count alone) or json (with the non-working days skipped, by name)
  --out FILE          write to FILE instead of standard output (- is standard output)
`;

/** The flags of the commands that print a date or a count. */
export const calendarCommandFlags = {
  ...calendarArgOptions,
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

/** Checks a positional date argument. */
export function dateArg(value: string | undefined, name: string): string {
  if (value === undefined) throw new UsageError(`missing ${name}`);
  if (!isIsoDate(value))
    throw new UsageError(`${name}: expected a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

/** `cs-indicators working-days START END`. */
export const workingDaysCommand: CliCommand = {
  name: 'working-days',
  summary: summaryOf('working-days'),
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, calendarCommandFlags);
    noMorePositionals(positionals, 2);
    const start = dateArg(positionals[0], 'START');
    const end = dateArg(positionals[1], 'END');
    const convention = conventionFromArgs(values.convention);
    const { format, out } = outputFromArgs(values, ['text', 'json']);
    if (end < start) {
      throw new UsageError(
        `END ${end} is before START ${start}: working days are counted from a start to an end on or after it`,
      );
    }
    const calendarArgs = calendarFromArgs(values);
    await checkOutputs([out], calendarArgs.files);
    const calendar = await calendarArgs.build();
    let count: number;
    try {
      count = calendar.workingDaysBetween(start, end, convention);
    } catch (error) {
      // A date outside the calendar's range: the argument, not a bug.
      // A day the --calendar file does not cover: the file, not the arguments (exit 1).
      if (error instanceof OutsideHolidayListError) throw new InputRefusedError(error.message);
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
    if (format === 'text') {
      await writeOutput(out, `${count}\n`, io);
      return 0;
    }
    // The days the convention looked at: (S, E] after-start, [S, E] inclusive, [S, E) end-exclusive.
    const skipped = calendar
      .nonWorkingDays(start, end)
      .filter(
        (day) =>
          (convention !== 'after-start' || day.date !== start) &&
          (convention !== 'end-exclusive' || day.date !== end),
      );
    const result = {
      start,
      end,
      convention,
      workingDays: count,
      calendar: calendarRef(calendar),
      nonWorkingDaysSkipped: skipped,
    };
    await writeOutput(out, `${JSON.stringify(result, null, 2)}\n`, io);
    return 0;
  },
};
