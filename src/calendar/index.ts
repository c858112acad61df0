export {
  CALENDAR_RANGE,
  type Calendar,
  type CalendarOptions,
  type Convention,
  conventions,
  createCalendar,
  type GovUkBankHolidays,
  type GovUkEvent,
  type Holiday,
  type HolidayList,
  type NonWorkingDay,
  type Region,
  regions,
} from './calendar.js';
export { fingerprintOf } from './fingerprint.js';
export { parseHolidayList } from './holiday-list.js';
