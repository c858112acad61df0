import {
  type Calendar,
  type CalendarOptions,
  type Convention,
  checkCovers,
  conventions,
  createCalendar,
  type Region,
  regions,
} from '../calendar/index.js';
import { readHolidayFile } from '../node/holiday-file.js';
import { choiceArg } from './args.js';
import { InputRefusedError } from './context.js';
import type { RunInput } from './output.js';

/** The calendar options every command that counts working days accepts. */
export const calendarArgOptions = {
  calendar: { type: 'string' },
  closures: { type: 'string' },
  region: { type: 'string' },
  convention: { type: 'string' },
} as const;

/** Text for the usage of the calendar options. */
export const calendarArgUsage = `  --convention C      after-start (default), inclusive or end-exclusive
  --region R          england-and-wales (default), scotland or northern-ireland
  --calendar FILE     a whole holiday list replacing the region's (JSON array, bank-holidays.json, or a date a
                      line); it covers the years of its first to last holiday, and a count outside them is refused
  --closures FILE     the council's own closure days, added (JSON array, or a date a line with a name); warned
                      of when none falls within the days counted`;

/** The calendar flags, as given. */
export interface CalendarArgs {
  readonly calendar?: string | undefined;
  readonly closures?: string | undefined;
  readonly region?: string | undefined;
}

/**
 * The calendar flags checked before any file is read: the region, in any case.
 *
 * @param values - the flags.
 * @returns a function that reads the holiday and closure files and builds the calendar (exit 1 when a file cannot
 *   be used), and the files it reads, for the check that no output overwrites them.
 * @throws {UsageError} for an unknown region.
 */
export function calendarFromArgs(values: CalendarArgs): {
  readonly files: readonly RunInput[];
  build(): Promise<Calendar>;
} {
  const region = choiceArg<Region>(values.region, regions, '--region');
  const files: RunInput[] = [];
  if (values.calendar !== undefined) files.push({ what: 'the --calendar file', path: values.calendar });
  if (values.closures !== undefined) files.push({ what: 'the --closures file', path: values.closures });
  return {
    files,
    async build() {
      const options: { -readonly [K in keyof CalendarOptions]: CalendarOptions[K] } = {};
      if (region !== undefined) options.region = region;
      try {
        if (values.calendar !== undefined) {
          options.holidays = await readHolidayFile(values.calendar);
          options.holidaysSource = values.calendar;
        }
        if (values.closures !== undefined) {
          const closures = await readHolidayFile(values.closures);
          if (!Array.isArray(closures)) {
            throw new Error(`${values.closures}: closures must be a list of dates, not a bank-holidays feed`);
          }
          options.closures = closures;
          options.closuresSource = values.closures;
        }
        return createCalendar(options);
      } catch (error) {
        throw new InputRefusedError((error as Error).message);
      }
    },
  };
}

/**
 * Refuses a period that the `--calendar` file does not wholly cover (exit 1): its holidays there are not known, so
 * every count in it would be a guess. Nothing for the bundled bank holidays.
 *
 * @param calendar - the calendar built from the flags.
 * @param period - the period to be counted.
 * @throws {InputRefusedError} naming the file, the days it covers, the period and the first day outside.
 * @example
 * refuseUncoveredPeriod(createCalendar(), { start: '2010-04-01', end: '2011-03-31', label: 'FY2010' }) // nothing: bundled
 */
export function refuseUncoveredPeriod(
  calendar: Calendar,
  period: { readonly start: string; readonly end: string; readonly label: string },
): void {
  try {
    checkCovers(calendar, period, period.label);
  } catch (error) {
    throw new InputRefusedError((error as Error).message);
  }
}

/**
 * Checks `--convention`, in any case.
 * @param value - the flag's value.
 * @returns the convention; `after-start` when not given.
 */
export function conventionFromArgs(value: string | undefined): Convention {
  return choiceArg(value, conventions, '--convention') ?? 'after-start';
}
