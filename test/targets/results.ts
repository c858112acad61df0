import { Decimal } from 'decimal.js';
import {
  displayValue,
  getIndicator,
  type IndicatorId,
  type IndicatorResult,
  resolveRounding,
} from '../../src/indicators/index.js';
import { parsePeriod } from '../../src/periods/index.js';
import type { InitialAssessmentRecord } from '../../src/records/schemas.js';
import { isoFromYmd } from '../../src/util/dates.js';

/**
 * Initial assessments completed in one month: `onTime` referred and completed the same day (0 working days), `late`
 * referred on the 1st of the month before and completed on the 28th (far beyond 7 working days).
 */
export function assessments(
  year: number,
  month: number,
  onTime: number,
  late: number,
): InitialAssessmentRecord[] {
  const completed = isoFromYmd(year, month, 28);
  const before = month === 1 ? isoFromYmd(year - 1, 12, 1) : isoFromYmd(year, month - 1, 1);
  return [
    ...Array.from({ length: onTime }, (_, i) => ({
      id: `IA-${year}-${month}-on-${i + 1}`,
      childId: `C-${year}-${month}-on-${i + 1}`,
      referralDate: completed,
      completedDate: completed,
    })),
    ...Array.from({ length: late }, (_, i) => ({
      id: `IA-${year}-${month}-late-${i + 1}`,
      childId: `C-${year}-${month}-late-${i + 1}`,
      referralDate: before,
      completedDate: completed,
    })),
  ];
}

/**
 * A result built by hand, for the indicators whose records take longer to set up than the point of a test (CASELOAD,
 * NI117): the definition's unit and polarity, the period parsed, the value exact, default rounding.
 */
export function resultOf(fields: {
  readonly indicator: IndicatorId;
  readonly period: string;
  readonly numerator: number;
  readonly denominator: number;
  readonly value: string | null;
}): IndicatorResult {
  const definition = getIndicator(fields.indicator);
  const period = parsePeriod(fields.period);
  const rounding = resolveRounding();
  const value = fields.value === null ? null : new Decimal(fields.value);
  return {
    indicator: definition.id,
    title: definition.title,
    unit: definition.unit,
    polarity: definition.polarity,
    period: { start: period.start, end: period.end, label: period.label },
    numerator: fields.numerator,
    denominator: fields.denominator,
    value,
    display: displayValue(value, rounding, definition.unit === 'percent' ? '%' : ''),
    rounding,
    rule: {},
    calendar: { id: 'test', fingerprint: 'test' },
    warnings: [],
    counts: {
      recordsRead: 0,
      inPopulation: 0,
      counted: 0,
      notCounted: 0,
      notInPeriod: 0,
      excluded: {},
    },
  };
}
