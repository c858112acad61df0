/**
 * Reporting periods (SPEC 4): months, quarters, financial and academic years, and ranges of months or dates.
 * @module
 */

export { parsePeriod } from './parse-period.js';
export {
  academicYearOf,
  contains,
  financialYearOf,
  monthOf,
  type Period,
  type PeriodKind,
  periodKinds,
} from './period.js';
export { splitIntoMonths } from './split-into-months.js';
