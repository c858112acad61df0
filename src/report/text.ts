import { formatResultWarning } from '../records/issues.js';
import { escapeControlCharacters } from '../util/control-characters.js';
import { headlineSource, headlineTarget, latestReportedMonth, ragLabel, rateNeededText } from './headline.js';
import type { ReportModel } from './model.js';
import { assuranceWords, variationWords } from './spc-words.js';

/**
 * The report's summary as a plain-text table for a terminal: the indicators slow to progress first, in words; then
 * each indicator's latest month, year to date (or snapshot), headline target with its set and period, standing,
 * variation and assurance of its XmR chart, and the rate the remaining months need; then every warning. Control characters
 * from the config or the data (a title with an escape sequence) are shown as visible escapes.
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
  const slow = model.slowToProgress.map((entry) =>
    escapeControlCharacters(`  ${entry.indicator}: ${entry.reasons.join('; and ')}.`),
  );
  const warnings = model.indicators.flatMap((indicator) =>
    indicator.warnings.map((warning) => escapeControlCharacters(`  ${formatResultWarning(warning)}`)),
  );
  return [
    escapeControlCharacters(`${model.title}, data to ${model.asAt}`),
    escapeControlCharacters(
      `Calendar ${model.calendar.id} (${model.calendar.fingerprint}), convention ${model.convention}`,
    ),
    '',
    ...(slow.length > 0 ? ['Slow to progress:', ...slow, ''] : []),
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    ...(warnings.length > 0 ? ['Warnings:', ...warnings, ''] : []),
  ].join('\n');
}
