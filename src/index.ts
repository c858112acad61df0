/**
 * childrens-services-indicators: English children's services performance indicators from case-level records,
 * over exact working-day calendars. This entry is browser-safe: it imports nothing from `node:`.
 * @module
 */
export {
  CALENDAR_RANGE,
  type Calendar,
  type CalendarOptions,
  type Convention,
  conventions,
  createCalendar,
  fingerprintOf,
  type GovUkBankHolidays,
  type GovUkEvent,
  type Holiday,
  type HolidayList,
  type NonWorkingDay,
  type Region,
  regions,
} from './calendar/index.js';
export {
  academicYearOf,
  contains,
  financialYearOf,
  monthOf,
  type Period,
  type PeriodKind,
  parsePeriod,
  periodKinds,
  splitIntoMonths,
} from './periods/index.js';
export { addDays, fromDayNumber, type IsoDate, isIsoDate, toDayNumber } from './util/dates.js';
