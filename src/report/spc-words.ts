import type { IndicatorUnit } from '../indicators/index.js';
import type { SpcAssurance, SpcPointType, SpcSpecialCause } from '../spc/index.js';

/**
 * A chart's figure (a mean, a limit, a target) for words and labels: one decimal place, `%` for a percentage.
 * @example chartNumber(62.2833, 'percent') //=> '62.3%'
 */
export function chartNumber(value: number, unit: IndicatorUnit): string {
  const rounded = (Math.round(value * 10) / 10).toFixed(1);
  return unit === 'percent' ? `${rounded}%` : rounded;
}

/**
 * What an XmR chart's latest point shows, in words, the same in every renderer: `Common cause`, `Improvement`,
 * `Concern`, `Higher` or `Lower` (special cause without a direction of improvement), `No data`.
 * @example variationWords('special-cause-improvement') //=> 'Improvement'
 */
export function variationWords(type: SpcPointType | null): string {
  switch (type) {
    case 'common-cause':
      return 'Common cause';
    case 'special-cause-improvement':
      return 'Improvement';
    case 'special-cause-concern':
      return 'Concern';
    case 'special-cause-neutral-high':
      return 'Higher';
    case 'special-cause-neutral-low':
      return 'Lower';
    default:
      return 'No data';
  }
}

/**
 * A sentence on what the variation means for a board: `no significant change: noise`, `a real change for the
 * better (special cause)`.
 * @example variationMeaning('common-cause') //=> 'no significant change: the months vary as they always have'
 */
export function variationMeaning(type: SpcPointType | null): string {
  switch (type) {
    case 'common-cause':
      return 'no significant change: the months vary as they always have';
    case 'special-cause-improvement':
      return 'a real change for the better, not noise';
    case 'special-cause-concern':
      return 'a real change for the worse, not noise';
    case 'special-cause-neutral-high':
      return 'a real change upwards, not noise';
    case 'special-cause-neutral-low':
      return 'a real change downwards, not noise';
    default:
      return 'no month with a value';
  }
}

/**
 * Whether the process will meet its target, in the words of "Making Data Count": `Consistently passes`,
 * `Consistently fails`, `Hit and miss`, or `No assurance` (no target in the indicator's unit, or no limits).
 * @example assuranceWords('consistent-fail') //=> 'Consistently fails'
 */
export function assuranceWords(assurance: SpcAssurance | null): string {
  switch (assurance) {
    case 'consistent-pass':
      return 'Consistently passes';
    case 'consistent-fail':
      return 'Consistently fails';
    case 'inconsistent':
      return 'Hit and miss';
    default:
      return 'No assurance';
  }
}

/**
 * The assurance explained: where the target lies against the process limits.
 * @example assuranceMeaning('consistent-fail') //=> 'the target lies beyond the process limits, on the wrong side: as the process runs now it will not be met'
 */
export function assuranceMeaning(assurance: SpcAssurance | null): string {
  switch (assurance) {
    case 'consistent-pass':
      return 'the target lies beyond the process limits, on the safe side: every month can be expected to meet it';
    case 'consistent-fail':
      return 'the target lies beyond the process limits, on the wrong side: as the process runs now it will not be met';
    case 'inconsistent':
      return 'the target lies between the process limits: some months will meet it and some will not, by chance';
    default:
      return 'no target in the indicator’s own unit to judge against, or no limits yet';
  }
}

/**
 * A special cause in words, short enough for a table cell: `above the upper limit`, `a rising trend of 7` (the point
 * is part of 7 or more each above the one before), `2 of 3 near the upper limit`, `a run of 7 above the mean` (part
 * of 7 or more on that side).
 * @example specialCauseWords('shift-below') //=> 'a run of 7 below the mean'
 */
export function specialCauseWords(cause: SpcSpecialCause | null): string {
  switch (cause) {
    case 'above-upper-limit':
      return 'above the upper limit';
    case 'below-lower-limit':
      return 'below the lower limit';
    case 'trend-increasing':
      return 'a rising trend of 7';
    case 'trend-decreasing':
      return 'a falling trend of 7';
    case 'two-of-three-above':
      return '2 of 3 near the upper limit';
    case 'two-of-three-below':
      return '2 of 3 near the lower limit';
    case 'shift-above':
      return 'a run of 7 above the mean';
    case 'shift-below':
      return 'a run of 7 below the mean';
    default:
      return '';
  }
}
