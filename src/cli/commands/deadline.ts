import { calendarRef, OutsideHolidayListError } from '../../calendar/index.js';
import { addDays } from '../../util/dates.js';
import { noMorePositionals, parseCommandArgs } from '../args.js';
import { calendarArgOptions, calendarArgUsage, calendarFromArgs } from '../calendar-args.js';
import { type CliCommand, InputRefusedError, UsageError } from '../context.js';
import { checkOutputs, outputFromArgs, writeOutput } from '../output.js';
import { summaryOf } from './list.js';
import { dateArg } from './working-days.js';

const usage = `Usage: cs-indicators deadline START N [options]

Prints the N-th working day after START: the last day on which work started on START is within N working days.

Options:
${calendarArgUsage
  .split('\n')
  .filter((line) => !line.includes('--convention'))
  .join('\n')}
  --format F          text (default: the date alone) or json (with the non-working days skipped, by name)
  --out FILE          write to FILE instead of standard output (- is standard output)
`;

/** `cs-indicators deadline START N`. */
export const deadlineCommand: CliCommand = {
  name: 'deadline',
  summary: summaryOf('deadline'),
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      calendar: calendarArgOptions.calendar,
      closures: calendarArgOptions.closures,
      region: calendarArgOptions.region,
      format: { type: 'string' },
      out: { type: 'string' },
    });
    noMorePositionals(positionals, 2);
    const start = dateArg(positionals[0], 'START');
    const rawN = positionals[1];
    if (rawN === undefined) throw new UsageError('missing N');
    if (/^-\d+$/.test(rawN))
      throw new UsageError(
        `N: expected a whole number of working days (0 or more), got ${JSON.stringify(rawN)}: a deadline is the N-th working day after START, never before it; to count the working days between two dates, use working-days START END`,
      );
    if (!/^\d{1,6}$/.test(rawN))
      throw new UsageError(
        `N: expected a whole number of working days (0 or more), got ${JSON.stringify(rawN)}`,
      );
    const n = Number(rawN);
    const { format, out } = outputFromArgs(values, ['text', 'json']);
    const calendarArgs = calendarFromArgs(values);
    await checkOutputs([out], calendarArgs.files);
    const calendar = await calendarArgs.build();
    let deadline: string;
    try {
      deadline = calendar.addWorkingDays(start, n);
    } catch (error) {
      // A start, or a deadline, outside the calendar's range: the arguments, not a bug.
      // A day the --calendar file does not cover: the file, not the arguments (exit 1).
      if (error instanceof OutsideHolidayListError) throw new InputRefusedError(error.message);
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
    if (format === 'text') {
      await writeOutput(out, `${deadline}\n`, io);
      return 0;
    }
    const skipped = deadline > start ? calendar.nonWorkingDays(addDays(start, 1), deadline) : [];
    const result = {
      start,
      workingDays: n,
      deadline,
      calendar: calendarRef(calendar),
      nonWorkingDaysSkipped: skipped,
    };
    await writeOutput(out, `${JSON.stringify(result, null, 2)}\n`, io);
    return 0;
  },
};
