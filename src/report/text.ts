import { headlineSource, headlineTarget, latestReportedMonth, ragLabel, rateNeededText } from './headline.js';
import type { ReportModel } from './model.js';
import { assuranceWords, variationWords } from './spc-words.js';

/**
 * The report's summary as a plain-text table for a terminal: the indicators slow to progress first, in words; then
 * each indicator's latest month, year to date (or snapshot), headline target with its set and period, standing,
 * variation and assurance of its XmR chart, and the rate the remaining months need; then every warning.
 * @example
 * renderSummaryTable(model)
 * //=> 'Monthly return 2010/11, data to 2011-01-31 …\nSlow to progress: …\nIndicator  Latest month …'
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
    'Variation',
    'Assurance',
    'Rate needed',
  ];
  const rows = model.indicators.map((indicator) => {
    const latest = latestReportedMonth(indicator);
    const target = headlineTarget(indicator);
    return [
      indicator.id,
      latest ? `${latest.display} (${latest.period.label})` : 'n/a',
      indicator.yearToDateKind === 'snapshot'
        ? `${indicator.yearToDate.display} (snapshot ${indicator.yearToDate.period.end})`
        : indicator.yearToDate.display,
      target ? `${target.targetDisplay} (${headlineSource(target)})` : '',
      target ? target.actualDisplay : '',
      target ? target.gapDisplay : '',
      target ? ragLabel(target) : '',
      variationWords(indicator.spc.variation),
      indicator.spc.assurance === null ? '' : assuranceWords(indicator.spc.assurance),
      target ? rateNeededText(target) : '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const slow = model.slowToProgress.map((entry) => `  ${entry.indicator}: ${entry.reasons.join('; and ')}.`);
  const warnings = model.indicators.flatMap((indicator) =>
    indicator.warnings.map((warning) => `  ${warning.message} [${warning.code}]`),
  );
  return [
    `${model.title}, data to ${model.asAt}`,
    `Calendar ${model.calendar.id} (${model.calendar.fingerprint}), convention ${model.convention}`,
    '',
    ...(slow.length > 0 ? ['Slow to progress:', ...slow, ''] : []),
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    ...(warnings.length > 0 ? ['Warnings:', ...warnings, ''] : []),
  ].join('\n');
}
