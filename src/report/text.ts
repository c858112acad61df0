import { coverWords } from '../calendar/index.js';
import { formatResultWarning } from '../records/issues.js';
import { escapeControlCharacters } from '../util/control-characters.js';
import { alignedTable } from '../util/text-table.js';
import { headlineSource, headlineTarget, latestReportedMonth, ragLabel, rateNeededText } from './headline.js';
import type { ReportModel } from './model.js';
import { assuranceWords, variationWords } from './spc-words.js';

/**
 * The report's summary as a plain-text table for a terminal: the indicators slow to progress first, in words; then
 * each indicator's latest month, year to date (or snapshot), headline target with its set and period, standing,
 * variation and assurance of its XmR chart, and the rate the remaining months need; then every warning, and each
 * input with its rows read = accepted + rejected + skipped, its encoding and the start of its SHA-256. Control characters
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
  const slow = model.slowToProgress.map((entry) =>
    escapeControlCharacters(`  ${entry.indicator}: ${entry.reasons.join('; and ')}.`),
  );
  // Each warning once: one about a file (a map key, a targets file) is every indicator's that it concerns.
  const warnings = [
    ...new Set(
      model.indicators.flatMap((indicator) =>
        indicator.warnings.map((warning) => escapeControlCharacters(`  ${formatResultWarning(warning)}`)),
      ),
    ),
  ];
  const inputs = model.inputs.map((input) =>
    escapeControlCharacters(
      `  ${input.kind}: ${input.file}: ${input.rowsRead} = ${input.rowsAccepted} + ${input.rowsRejected} + ${input.rowsSkipped} (${input.encoding}, sha256 ${input.sha256.slice(0, 12)}…)`,
    ),
  );
  return [
    escapeControlCharacters(`${model.title}, data to ${model.asAt}`),
    escapeControlCharacters(
      `Calendar ${model.calendar.id} (${model.calendar.fingerprint})${coverWords(model.calendar)}, convention ${model.convention}`,
    ),
    '',
    ...(slow.length > 0 ? ['Slow to progress:', ...slow, ''] : []),
    ...alignedTable([header, ...rows], { headerRule: true }),
    '',
    ...(warnings.length > 0 ? ['Warnings:', ...warnings, ''] : []),
    ...(inputs.length > 0 ? ['Inputs (rows read = accepted + rejected + skipped):', ...inputs, ''] : []),
  ].join('\n');
}
