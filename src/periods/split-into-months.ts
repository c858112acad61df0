import { daysInMonth, isoFromYmd, ymdOf } from '../util/dates.js';
import { dateRangePeriod, monthPeriod, type Period } from './period.js';

/**
 * The calendar months covering a period, each clipped to it, in date order.
 *
 * A month wholly inside the period is a `month` period; a month the period only partly covers (at either end) is a
 * `date-range` period from the later of the two starts to the earlier of the two ends. The parts tile the period: the
 * first starts on `period.start`, the last ends on `period.end`, and each starts the day after the one before ends.
 * Monthly numerators and denominators computed over the parts therefore sum to the cumulative figure (SPEC 4).
 * @param period - The period to split.
 * @returns One period per calendar month touched, clipped to `period`.
 * @example splitIntoMonths(parsePeriod('2010-10-15..2010-12-10')).map((part) => part.spec) //=> ['2010-10-15..2010-10-31', '2010-11', '2010-12-01..2010-12-10']
 */
export function splitIntoMonths(period: Period): Period[] {
  const first = ymdOf(period.start);
  const last = ymdOf(period.end);
  const parts: Period[] = [];
  let year = first.year;
  let month = first.month;
  while (year < last.year || (year === last.year && month <= last.month)) {
    const monthStart = isoFromYmd(year, month, 1);
    const monthEnd = isoFromYmd(year, month, daysInMonth(year, month));
    // Only the first and the last month can be clipped.
    const partStart = year === first.year && month === first.month ? period.start : monthStart;
    const partEnd = year === last.year && month === last.month ? period.end : monthEnd;
    const whole = partStart === monthStart && partEnd === monthEnd;
    parts.push(whole ? monthPeriod(year, month) : dateRangePeriod(partStart, partEnd));
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return parts;
}
