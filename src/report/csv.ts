import { csvLine } from '../util/csv-write.js';
import { ragLabel, rateNeededText } from './headline.js';
import type { ReportModel } from './model.js';

const COLUMNS = [
  'indicator',
  'row_type',
  'period',
  'period_label',
  'reported',
  'numerator',
  'denominator',
  'value',
  'display',
  'target',
  'status',
  'rag',
  'standing',
  'gap',
  'rate_needed',
  'source',
] as const;

/**
 * The report as CSV, one line per month, year to date and target of each indicator. Text cells that a spreadsheet
 * would run as a formula (starting `=`, `+`, `-` or `@`) are prefixed with an apostrophe.
 * @example renderCsv(model).split('\n')[0] //=> 'indicator,row_type,period,period_label,reported,…'
 */
export function renderCsv(model: ReportModel): string {
  const lines = [csvLine(COLUMNS)];
  for (const indicator of model.indicators) {
    for (const month of indicator.months) {
      lines.push(
        csvLine([
          indicator.id,
          'month',
          month.period.spec,
          month.period.label,
          month.reported,
          month.reported ? month.numerator : null,
          month.reported ? month.denominator : null,
          month.value,
          month.display,
        ]),
      );
    }
    const ytd = indicator.yearToDate;
    lines.push(
      csvLine([
        indicator.id,
        'year-to-date',
        ytd.period.spec,
        ytd.period.label,
        ytd.reported,
        ytd.numerator,
        ytd.denominator,
        ytd.value,
        ytd.display,
      ]),
    );
    for (const target of indicator.targets) {
      const source = [target.target.source.document, target.target.source.ref].filter(Boolean).join(', ');
      lines.push(
        csvLine([
          indicator.id,
          'target',
          target.period.spec,
          target.figure.period.label,
          target.figure.reported,
          target.figure.numerator,
          target.figure.denominator,
          target.figure.value,
          target.actualDisplay,
          target.targetDisplay,
          target.status,
          target.rag,
          ragLabel(target, model.tolerance),
          target.gapDisplay,
          rateNeededText(target),
          source,
        ]),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The report model as JSON (exact values as strings, every target with its source).
 * @example JSON.parse(renderJson(model)).indicators[0].id //=> 'NI59'
 */
export function renderJson(model: ReportModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
