import { addDays } from '../../util/dates.js';
import { calendarArgOptions, calendarArgUsage, calendarFromArgs, formatFromArgs } from '../calendar-args.js';
import { type CliCommand, UsageError } from '../context.js';
import { parseCommandArgs } from '../parse-args.js';
import { dateArg } from './working-days.js';

const usage = `Usage: cs-indicators deadline START N [options]

Prints the N-th working day after START: the last day on which work started on START is within N working days.

Options:
${calendarArgUsage
  .split('\n')
  .filter((line) => !line.includes('--convention'))
  .join('\n')}
  --format F         text (default: the date alone) or json (with the non-working days skipped, by name)
`;

/** `cs-indicators deadline START N`. */
export const deadlineCommand: CliCommand = {
  name: 'deadline',
  summary: 'the date N working days after a start date',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      calendar: calendarArgOptions.calendar,
      closures: calendarArgOptions.closures,
      region: calendarArgOptions.region,
      format: { type: 'string' },
    });
    if (positionals.length > 2) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[2])}`);
    const start = dateArg(positionals[0], 'START');
    const rawN = positionals[1];
    if (rawN === undefined) throw new UsageError('missing N');
    if (!/^\d+$/.test(rawN))
      throw new UsageError(
        `N: expected a whole number of working days (0 or more), got ${JSON.stringify(rawN)}`,
      );
    const n = Number(rawN);
    const format = formatFromArgs(values.format, ['text', 'json'] as const, 'text');
    const calendar = await calendarFromArgs(values);
    const deadline = calendar.addWorkingDays(start, n);
    if (format === 'text') {
      io.out(`${deadline}\n`);
      return 0;
    }
    const skipped = deadline > start ? calendar.nonWorkingDays(addDays(start, 1), deadline) : [];
    const result = {
      start,
      workingDays: n,
      deadline,
      calendar: { id: calendar.id, fingerprint: calendar.fingerprint },
      nonWorkingDaysSkipped: skipped,
    };
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  },
};
