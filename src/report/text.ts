import { escapeControlCharacters } from '../util/control-characters.js';
import { headlineTarget, latestReportedMonth, ragLabel, rateNeededText } from './headline.js';
import type { ReportModel } from './model.js';

/**
 * The report's summary as a plain-text table for a terminal: each indicator's latest month, year to date, headline
 * target, standing and the rate the remaining months need. Control characters from the config or the data (a title
 * with an escape sequence) are shown as visible escapes.
 * @example
 * renderSummaryTable(model)
 * //=> 'Monthly return 2010/11, data to 2011-01-31 …\nIndicator  January 2011  Year to date …'
 */
export function renderSummaryTable(model: ReportModel): string {
  const header = [
    'Indicator',
    'Latest month',
    'Year to date',
    'Target',
    'Actual',
    'Gap',
    'Standing',
    'Rate needed',
  ];
  const rows = model.indicators.map((indicator) => {
    const latest = latestReportedMonth(indicator);
    const target = headlineTarget(indicator);
    return [
      indicator.id,
      latest ? `${latest.display} (${latest.period.label})` : 'n/a',
      indicator.yearToDate.display,
      target ? `${target.targetDisplay} ${target.period.label}` : '',
      target ? target.actualDisplay : '',
      target ? target.gapDisplay : '',
      target ? ragLabel(target, model.tolerance) : '',
      target ? rateNeededText(target) : '',
    ].map(escapeControlCharacters);
  });
  const widths = header.map((h) => h.length);
  for (const row of rows) {
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i] ?? 0, (row[i] ?? '').length);
  }
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    escapeControlCharacters(`${model.title}, data to ${model.asAt}`),
    escapeControlCharacters(
      `Calendar ${model.calendar.id} (${model.calendar.fingerprint}), convention ${model.convention}`,
    ),
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}
