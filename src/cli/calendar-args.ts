import {
  type Calendar,
  type CalendarOptions,
  type Convention,
  conventions,
  createCalendar,
  type Region,
  regions,
} from '../calendar/index.js';
import { readHolidayFile } from '../node/holiday-file.js';
import { InputRefusedError, UsageError } from './context.js';

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
                      line)
  --closures FILE     the council's own closure days, added (JSON array, or a date a line with a name)`;

/** Builds the calendar named by `--region`, `--calendar` and `--closures`. */
export async function calendarFromArgs(values: {
  calendar?: string | undefined;
  closures?: string | undefined;
  region?: string | undefined;
}): Promise<Calendar> {
  if (values.region !== undefined && !regions.includes(values.region as Region)) {
    throw new UsageError(
      `--region: expected one of ${regions.join(', ')}, got ${JSON.stringify(values.region)}`,
    );
  }
  const options: { -readonly [K in keyof CalendarOptions]: CalendarOptions[K] } = {};
  if (values.region !== undefined) options.region = values.region as Region;
  try {
    if (values.calendar !== undefined) options.holidays = await readHolidayFile(values.calendar);
    if (values.closures !== undefined) {
      const closures = await readHolidayFile(values.closures);
      if (!Array.isArray(closures)) {
        throw new Error(`${values.closures}: closures must be a list of dates, not a bank-holidays feed`);
      }
      options.closures = closures;
    }
    return createCalendar(options);
  } catch (error) {
    throw new InputRefusedError((error as Error).message);
  }
}

/** Checks `--convention`. */
export function conventionFromArgs(value: string | undefined): Convention {
  if (value === undefined) return 'after-start';
  if (!conventions.includes(value as Convention)) {
    throw new UsageError(
      `--convention: expected one of ${conventions.join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return value as Convention;
}

/** Checks `--format` against the formats a command offers. */
export function formatFromArgs<F extends string>(
  value: string | undefined,
  allowed: readonly F[],
  fallback: F,
): F {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as F)) {
    throw new UsageError(`--format: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as F;
}
