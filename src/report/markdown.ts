import { headlineTarget, latestReportedMonth, ragLabel, rateNeededText } from './headline.js';
import type { ReportModel } from './model.js';

/**
 * Escapes text for a Markdown table cell or paragraph: no HTML, no table breaks, no emphasis by accident.
 * @example escapeMarkdown('A | <b>') //=> 'A \\| &lt;b&gt;'
 */
export function escapeMarkdown(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/([*_`[\]#])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const cells = (row: readonly string[]) => `| ${row.map(escapeMarkdown).join(' | ')} |`;
  return [cells(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(cells)];
}

/**
 * The report as Markdown: the summary, then each indicator's months, year to date and targets with their sources.
 * Every text from records, config or targets is escaped.
 * @example renderMarkdown(model).split('\n')[0] //=> '# Monthly return 2010/11'
 */
export function renderMarkdown(model: ReportModel): string {
  const out: string[] = [
    `# ${escapeMarkdown(model.title)}`,
    '',
    `Financial year ${escapeMarkdown(model.financialYear.label)}, data to ${escapeMarkdown(model.asAt)}. Working days counted ${escapeMarkdown(model.convention)} on the calendar ${escapeMarkdown(model.calendar.id)} (\`${model.calendar.fingerprint}\`).`,
    '',
    '## Summary',
    '',
    ...table(
      ['Indicator', 'Latest month', 'Year to date', 'Target', 'Actual', 'Gap', 'Standing', 'Rate needed'],
      model.indicators.map((indicator) => {
        const latest = latestReportedMonth(indicator);
        const target = headlineTarget(indicator);
        return [
          `${indicator.id}: ${indicator.title}`,
          latest ? `${latest.display} (${latest.period.label})` : 'n/a',
          indicator.yearToDate.display,
          target ? `${target.targetDisplay}, ${target.period.label}` : '',
          target?.actualDisplay ?? '',
          target?.gapDisplay ?? '',
          target ? ragLabel(target, model.tolerance) : '',
          target ? rateNeededText(target) : '',
        ];
      }),
    ),
  ];
  for (const indicator of model.indicators) {
    out.push(
      '',
      `## ${escapeMarkdown(indicator.id)}: ${escapeMarkdown(indicator.title)}`,
      '',
      `${indicator.polarity === 'higher-is-better' ? 'Higher' : 'Lower'} is better. Source: ${escapeMarkdown(indicator.source)}`,
      '',
      ...table(
        ['Month', 'Numerator', 'Denominator', 'Value'],
        [
          ...indicator.months.map((month) => [
            month.period.label,
            month.reported ? String(month.numerator) : '',
            month.reported ? String(month.denominator) : '',
            month.display,
          ]),
          [
            `Year to date (${indicator.yearToDate.period.label})`,
            String(indicator.yearToDate.numerator),
            String(indicator.yearToDate.denominator),
            indicator.yearToDate.display,
          ],
        ],
      ),
    );
    if (indicator.targets.length > 0) {
      out.push(
        '',
        ...table(
          ['Target period', 'Target', 'Actual', 'Gap', 'Standing', 'Rate needed', 'Source'],
          indicator.targets.map((target) => [
            target.period.label,
            target.targetDisplay,
            target.actualDisplay,
            target.gapDisplay,
            ragLabel(target, model.tolerance) +
              (target.running && target.status !== 'not-started' ? ' (so far)' : ''),
            rateNeededText(target),
            [target.target.source.document, target.target.source.ref].filter(Boolean).join(', '),
          ]),
        ),
      );
      for (const target of indicator.targets) {
        out.push('', `> ${escapeMarkdown(target.target.source.quote)}`);
        if (target.target.source.note) out.push('>', `> Note: ${escapeMarkdown(target.target.source.note)}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}
