import type { ReportIndicator, ReportTarget } from './model.js';

/**
 * The target a summary shows for an indicator: the one whose period ends last (the year's cumulative target rather
 * than an early month), the longest of those; undefined when the indicator has no target.
 * @example headlineTarget(model.indicators[0])?.period.spec //=> 'FY2010'
 */
export function headlineTarget(indicator: ReportIndicator): ReportTarget | undefined {
  let best: ReportTarget | undefined;
  for (const target of indicator.targets) {
    if (
      best === undefined ||
      target.period.end > best.period.end ||
      (target.period.end === best.period.end && target.period.start < best.period.start)
    ) {
      best = target;
    }
  }
  return best;
}

/**
 * The latest month the data covers, with a figure.
 * @example latestReportedMonth(model.indicators[0])?.period.label //=> 'January 2011'
 */
export function latestReportedMonth(indicator: ReportIndicator) {
  return indicator.months.filter((month) => month.reported).at(-1);
}

/**
 * The tolerance in the words of a gap's unit: `5 points`, `1 point`, `1.5 cases per FTE`.
 * @example toleranceWords(5, 'percent') //=> '5 points'
 */
export function toleranceWords(tolerance: number, unit: ReportTarget['target']['unit']): string {
  if (unit === 'cases-per-fte') return `${tolerance} cases per FTE`;
  if (unit === 'count') return String(tolerance);
  return `${tolerance} ${tolerance === 1 ? 'point' : 'points'}`;
}

/**
 * The words for a target's standing, the same in every renderer, never colour alone: `On target`, `Within 5 points`
 * (amber: not met, within the tolerance), `Off target`, `No data` or `Not started`.
 * @example ragLabel({ rag: 'amber', status: 'not-met', target }, 5) //=> 'Within 5 points'
 */
export function ragLabel(target: Pick<ReportTarget, 'rag' | 'status' | 'target'>, tolerance = 5): string {
  if (target.status === 'not-started') return 'Not started';
  switch (target.rag) {
    case 'green':
      return 'On target';
    case 'amber':
      return `Within ${toleranceWords(tolerance, target.target.unit)}`;
    case 'red':
      return 'Off target';
    default:
      return 'No data';
  }
}

/**
 * The rate needed in words, or an empty string: `77.4% or more`, `not achievable (needs 102.1%)`, `already secured`.
 * @example rateNeededText(target) //=> '77.4% or more over 2 months'
 */
export function rateNeededText(target: ReportTarget): string {
  const needed = target.rateNeeded;
  if (!needed) return '';
  const months = `${needed.monthsRemaining} month${needed.monthsRemaining === 1 ? '' : 's'}`;
  if (needed.alreadySecured) return `already secured (${months} to go)`;
  const bound = needed.bound === 'at-least' ? 'or more' : 'or less';
  if (!needed.achievable) return `not achievable (needs ${needed.neededDisplay} over ${months})`;
  return `${needed.neededDisplay} ${bound} over ${months}`;
}
