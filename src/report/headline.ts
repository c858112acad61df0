import { countOf } from '../util/plural.js';
import type { ReportIndicator, ReportTarget } from './model.js';
import type { Tolerance } from './tolerance.js';

/**
 * The target a summary shows for an indicator: its headline (SPEC 15: the one the config names, or by the default
 * rule of `buildReport`); undefined when the indicator has no target in the year.
 * @example headlineTarget(model.indicators[0])?.period.spec //=> '2010-10..2011-03'
 */
export function headlineTarget(indicator: ReportIndicator): ReportTarget | undefined {
  return indicator.targets.find((target) => target.headline);
}

/**
 * The headline target's set and period in words, for the summary: `leeds-2010-notice, October 2010 to March 2011`.
 * @example headlineSource(headlineTarget(model.indicators[0])) //=> 'leeds-2010-notice, October 2010 to March 2011'
 */
export function headlineSource(target: ReportTarget): string {
  return `${target.set.id ?? target.set.title}, ${target.period.label}`;
}

/**
 * The latest month the data covers, with a figure.
 * @example latestReportedMonth(model.indicators[0])?.period.label //=> 'January 2011'
 */
export function latestReportedMonth(indicator: ReportIndicator) {
  return indicator.months.filter((month) => month.reported).at(-1);
}

/**
 * The tolerance in the words of a gap's unit: `5 points`, `1 point`, `0.34 points`, `1.1 cases per FTE`.
 * @example toleranceWords(0.34, 'percent') //=> '0.34 points'
 */
export function toleranceWords(tolerance: number, unit: ReportTarget['target']['unit']): string {
  if (unit === 'cases-per-fte') return `${tolerance} cases per FTE`;
  if (unit === 'count') return String(tolerance);
  return `${tolerance} ${tolerance === 1 ? 'point' : 'points'}`;
}

/**
 * The words for a target's standing, the same in every renderer, never colour alone: `On target`, `Within 4 points`
 * (amber: not met, within the target's own tolerance), `Off target`, `No data` or `Not started`.
 * @example ragLabel({ rag: 'amber', status: 'not-met', target, tolerance: { value: 4 } }) //=> 'Within 4 points'
 */
export function ragLabel(
  target: Pick<ReportTarget, 'rag' | 'status' | 'target'> & {
    readonly tolerance: Pick<ReportTarget['tolerance'], 'value'>;
  },
): string {
  if (target.status === 'not-started') return 'Not started';
  switch (target.rag) {
    case 'green':
      return 'On target';
    case 'amber':
      return `Within ${toleranceWords(target.tolerance.value, target.target.unit)}`;
    case 'red':
      return 'Off target';
    default:
      return 'No data';
  }
}

/**
 * How a target's tolerance was set, in words: `4 points (5% of the target, the default)`, `5 points`,
 * `1.1 cases per FTE (5% of the target)`.
 * @example toleranceBasis(target) //=> '4 points (5% of the target, the default)'
 */
export function toleranceBasis(target: Pick<ReportTarget, 'target' | 'tolerance'>): string {
  const { tolerance } = target;
  const width = toleranceWords(tolerance.value, target.target.unit);
  if (tolerance.basis === 'points') return width;
  return `${width} (${tolerance.percentOfTarget}% of the target${tolerance.isDefault ? ', the default' : ''})`;
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

/**
 * The names of a figure's parts by the indicator's unit, so that no label misleads: `Numerator` and `Denominator`
 * for a percentage, `Open cases` and `FTE` for a caseload (its denominator is FTE, not cases), `Count` for a count.
 * @example figurePartNames('cases-per-fte') //=> ['Open cases', 'FTE']
 */
export function figurePartNames(unit: ReportIndicator['unit']): readonly string[] {
  if (unit === 'percent') return ['Numerator', 'Denominator'];
  if (unit === 'cases-per-fte') return ['Open cases', 'FTE'];
  return ['Count'];
}

/**
 * The label of an indicator's figure for the year: `Year to date`, or for a snapshot indicator (CASELOAD)
 * `Snapshot, 31 January 2011`, since it is the position on that day and pools nothing.
 * @example yearToDateLabel(caseload) //=> 'Snapshot, 2011-01-31'
 */
export function yearToDateLabel(indicator: Pick<ReportIndicator, 'yearToDate' | 'yearToDateKind'>): string {
  return indicator.yearToDateKind === 'snapshot'
    ? `Snapshot, ${indicator.yearToDate.period.end}`
    : 'Year to date';
}

/**
 * A report's tolerance setting in words: `5% of each target (the default)`, `5 points (cases per FTE for a
 * caseload)`, `10% of each target`.
 * @example toleranceSettingWords(null) //=> '5% of each target (the default)'
 */
export function toleranceSettingWords(tolerance: Tolerance | null): string {
  if (tolerance === null) return '5% of each target (the default)';
  if (typeof tolerance === 'number') return `${countOf(tolerance, 'point')} (cases per FTE for a caseload)`;
  if ('points' in tolerance) return `${countOf(tolerance.points, 'point')} (cases per FTE for a caseload)`;
  return `${tolerance.percentOfTarget}% of each target`;
}

/**
 * An indicator's rule in words: `rules ni2008, timescale 7 working days, convention after-start, …`.
 * @example ruleWords({ rules: 'ni2008', timescale: '7 working days' }) //=> 'rules ni2008, timescale 7 working days'
 */
export function ruleWords(rule: ReportIndicator['rule']): string {
  return Object.entries(rule)
    .map(([key, value]) => `${key} ${value === null ? 'none' : String(value)}`)
    .join(', ');
}
