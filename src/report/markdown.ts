import { coverWords } from '../calendar/index.js';
import { countOf } from '../util/plural.js';
import {
  figurePartNames,
  headlineSource,
  headlineTarget,
  latestReportedMonth,
  ragLabel,
  rateNeededText,
  ruleWords,
  toleranceBasis,
  yearToDateLabel,
} from './headline.js';
import type { ReportFigure, ReportIndicator, ReportModel } from './model.js';
import {
  assuranceMeaning,
  assuranceWords,
  chartNumber,
  specialCauseWords,
  variationMeaning,
  variationWords,
} from './spc-words.js';

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

/** A table of cells already escaped (or made of escaped text and Markdown of ours). */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const cells = (row: readonly string[]) => `| ${row.join(' | ')} |`;
  return [cells(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(cells)];
}

/** Escapes every cell. */
const escaped = (row: readonly string[]) => row.map(escapeMarkdown);

/** A value of the chart for a table, empty when there is none. */
function chartValue(value: number | null, indicator: ReportIndicator): string {
  return value === null ? '' : chartNumber(value, indicator.unit);
}

function summary(model: ReportModel): string[] {
  const footnotes: string[] = [];
  const rows = model.indicators.map((indicator) => {
    const latest = latestReportedMonth(indicator);
    const target = headlineTarget(indicator);
    const others = indicator.targets.filter((other) => !other.headline);
    let targetCell = target
      ? escapeMarkdown(`${target.targetDisplay} (${headlineSource(target)})`)
      : 'No target';
    if (others.length > 0) {
      targetCell += `[^${indicator.id}]`;
      footnotes.push(
        `[^${indicator.id}]: ${escapeMarkdown(
          `Other ${indicator.id} targets: ${others
            .map(
              (other) =>
                `${other.targetDisplay} for ${other.period.label} (${other.set.id ?? other.set.title}): ${ragLabel(other)}${other.running && other.status !== 'not-started' ? ' so far' : ''}`,
            )
            .join('; ')}.`,
        )}`,
      );
    }
    return [
      escapeMarkdown(`${indicator.id}: ${indicator.title}`),
      escapeMarkdown(latest ? `${latest.display} (${latest.period.label})` : 'n/a'),
      escapeMarkdown(
        indicator.yearToDateKind === 'snapshot'
          ? `${indicator.yearToDate.display} (${yearToDateLabel(indicator).toLowerCase()})`
          : indicator.yearToDate.display,
      ),
      targetCell,
      ...escaped([
        target?.actualDisplay ?? '',
        target?.gapDisplay ?? '',
        target ? ragLabel(target) : '',
        variationWords(indicator.spc.variation),
        indicator.spc.assurance === null ? '' : assuranceWords(indicator.spc.assurance),
        target ? rateNeededText(target) : '',
      ]),
    ];
  });
  return [
    ...table(
      [
        'Indicator',
        'Latest month',
        'Year to date',
        'Target (set, period)',
        'Actual',
        'Gap',
        'Standing',
        'Variation',
        'Assurance',
        'Rate needed',
      ],
      rows,
    ),
    ...(footnotes.length > 0 ? ['', ...footnotes] : []),
  ];
}

function monthsTable(indicator: ReportIndicator): string[] {
  const parts = figurePartNames(indicator.unit);
  const points = new Map(indicator.spc.points.map((point) => [point.label, point]));
  const row = (figure: ReportFigure, label: string): string[] => {
    const point = points.get(figure.period.spec);
    const counts =
      parts.length === 1
        ? []
        : [
            figure.reported ? String(figure.numerator) : '',
            figure.reported ? String(figure.denominator) : '',
          ];
    return escaped([
      label,
      ...counts,
      figure.display,
      chartValue(point?.mean ?? null, indicator),
      chartValue(point?.lowerLimit ?? null, indicator),
      chartValue(point?.upperLimit ?? null, indicator),
      point?.specialCause ? specialCauseWords(point.specialCause) : '',
    ]);
  };
  return table(
    [
      ...['Month', ...parts, parts.length === 1 ? '' : 'Value'].filter(Boolean),
      'Mean',
      'Lower limit',
      'Upper limit',
      'Special cause',
    ],
    [
      ...indicator.history.map((month) => row(month, `${month.period.label} (history)`)),
      ...indicator.months.map((month) => row(month, month.period.label)),
      escaped([
        `${yearToDateLabel(indicator)} (${indicator.yearToDate.period.label})`,
        ...(parts.length === 1
          ? []
          : [String(indicator.yearToDate.numerator), String(indicator.yearToDate.denominator)]),
        indicator.yearToDate.display,
        '',
        '',
        '',
        '',
      ]),
    ],
  );
}

function section(model: ReportModel, indicator: ReportIndicator): string[] {
  const chart = indicator.spc;
  const shown = chart.points.filter((point) => point.value !== null);
  const last = shown.at(-1);
  const first = chart.points[0];
  const counts = indicator.counts;
  const out = [
    '',
    `## ${escapeMarkdown(indicator.id)}: ${escapeMarkdown(indicator.title)}`,
    '',
    `${indicator.polarity === 'higher-is-better' ? 'Higher' : 'Lower'} is better. Source: ${escapeMarkdown(indicator.source)}`,
    '',
    `Rule: ${escapeMarkdown(ruleWords(indicator.rule))}. Calendar ${escapeMarkdown(model.calendar.id)} (\`${model.calendar.fingerprint}\`)${escapeMarkdown(coverWords(model.calendar))}. Records read ${counts.recordsRead}, rows rejected while reading ${counts.rowsRejected ?? 0}.`,
    '',
    escapeMarkdown(
      last && first
        ? `XmR chart, ${first.label} to ${chart.points.at(-1)?.label ?? ''} (${countOf(shown.length, 'month')} with a value): mean ${chartValue(last.mean, indicator)}, process limits ${chartValue(last.lowerLimit, indicator) || 'n/a'} to ${chartValue(last.upperLimit, indicator) || 'n/a'}. Variation: ${variationWords(chart.variation)}, ${variationMeaning(chart.variation)}. Assurance: ${assuranceWords(chart.assurance)}, ${assuranceMeaning(chart.assurance)}.${chart.tooFewPoints ? ' Too few points: the limits rest on fewer than 12 months; read them as provisional.' : ''}`
        : 'XmR chart: no month has a value yet.',
    ),
    '',
    ...monthsTable(indicator),
  ];
  for (const warning of indicator.warnings)
    out.push('', `> Warning (${warning.code}): ${escapeMarkdown(warning.message)}`);
  if (indicator.targets.length > 0) {
    out.push(
      '',
      ...table(
        ['Target period', 'Set', 'Target', 'Actual', 'Gap', 'Standing', 'Tolerance', 'Rate needed', 'Source'],
        indicator.targets.map((target) =>
          escaped([
            `${target.period.label}${target.headline ? ' (headline)' : ''}`,
            target.set.id ?? target.set.title,
            target.targetDisplay,
            target.actualDisplay,
            target.gapDisplay,
            ragLabel(target) + (target.running && target.status !== 'not-started' ? ' (so far)' : ''),
            toleranceBasis(target),
            rateNeededText(target),
            [target.target.source.document, target.target.source.ref].filter(Boolean).join(', '),
          ]),
        ),
      ),
    );
    for (const target of indicator.targets) {
      out.push('', `> ${escapeMarkdown(target.target.source.quote)}`);
      if (target.target.source.note) out.push('>', `> Note: ${escapeMarkdown(target.target.source.note)}`);
    }
  }
  return out;
}

/**
 * The report as Markdown: the calendar, convention and inputs (each file's encoding, rows read = accepted + rejected
 * + skipped, and SHA-256); the indicators slow
 * to progress; the summary (headline targets named by set and period, the others footnoted; variation and assurance
 * in words); then each indicator's rule, XmR chart in words, months with their limits and special causes, warnings,
 * and targets with their tolerance and sources. Every text from records, config or targets is escaped.
 *
 * @param model - the report, from `buildReport`.
 * @returns the Markdown text, ending with a newline.
 * @example renderMarkdown(model).split('\n')[0] //=> '# Monthly return 2010/11'
 */
export function renderMarkdown(model: ReportModel): string {
  const out: string[] = [
    `# ${escapeMarkdown(model.title)}`,
    '',
    `Financial year ${escapeMarkdown(model.financialYear.label)}, data to ${escapeMarkdown(model.asAt)}. Working days counted ${escapeMarkdown(model.convention)} on the calendar ${escapeMarkdown(model.calendar.id)} (\`${model.calendar.fingerprint}\`)${escapeMarkdown(coverWords(model.calendar))}. Charts take ${countOf(model.spcHistoryMonths, 'month')} before the year as history.`,
  ];
  if (model.inputs.length > 0) {
    out.push(
      '',
      '## Inputs',
      '',
      ...table(
        ['Records', 'File', 'Encoding', 'Rows read', 'Accepted', 'Rejected', 'Skipped', 'SHA-256'],
        model.inputs.map((input) => [
          ...escaped([
            input.kind,
            input.file,
            input.encoding,
            String(input.rowsRead),
            String(input.rowsAccepted),
            String(input.rowsRejected),
            String(input.rowsSkipped),
          ]),
          `\`${input.sha256}\``,
        ]),
      ),
    );
  }
  if (model.slowToProgress.length > 0) {
    out.push('', '## Slow to progress', '');
    for (const entry of model.slowToProgress) {
      out.push(`- **${escapeMarkdown(entry.indicator)}**: ${escapeMarkdown(entry.reasons.join('; and '))}.`);
    }
  }
  out.push('', '## Summary', '', ...summary(model));
  for (const indicator of model.indicators) out.push(...section(model, indicator));
  return `${out.join('\n')}\n`;
}
