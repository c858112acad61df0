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

/** How a RAG status reads for people: the status in words, never colour alone. */
export const ragWords: Readonly<Record<ReportTarget['rag'], string>> = {
  green: 'On target',
  amber: 'Near target',
  red: 'Off target',
  grey: 'No data',
};

/**
 * The words for a target's standing: `On target`, `Near target` (within the tolerance), `Off target`, `No data`
 * or `Not started`.
 * @example ragLabel({ rag: 'amber', status: 'not-met' }) //=> 'Near target'
 */
export function ragLabel(target: Pick<ReportTarget, 'rag' | 'status'>): string {
  return target.status === 'not-started' ? 'Not started' : ragWords[target.rag];
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
