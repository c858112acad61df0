import { csvCell, csvLine } from '../util/csv-write.js';
import { ragLabel, rateNeededText } from './headline.js';
import type { ReportFigure, ReportIndicator, ReportModel, ReportTarget } from './model.js';

/**
 * The columns of the CSV return, every line with all of them. Numbers are plain numbers (`value`, `target_value`,
 * `gap`, `tolerance`, the chart's `mean` and limits): a spreadsheet can sum and chart them; their words are in
 * `display`, `standing` and `rate_needed`. The last six are those of an `input` line: a file the indicator's
 * records were read from, its SHA-256 and encoding, and its rows read = accepted + rejected (in `rows_rejected`) +
 * skipped.
 * @example REPORT_CSV_COLUMNS.length //=> 38
 */
export const REPORT_CSV_COLUMNS = [
  'indicator',
  'row_type',
  'period',
  'period_label',
  'period_start',
  'period_end',
  'reported',
  'numerator',
  'denominator',
  'value',
  'display',
  'target_set',
  'target_value',
  'target_unit',
  'headline',
  'status',
  'rag',
  'standing',
  'gap',
  'gap_unit',
  'tolerance',
  'rate_needed',
  'spc_mean',
  'spc_lower_limit',
  'spc_upper_limit',
  'spc_type',
  'spc_special_cause',
  'rule',
  'calendar',
  'records_read',
  'rows_rejected',
  'note',
  'file',
  'sha256',
  'encoding',
  'rows_read',
  'rows_accepted',
  'rows_skipped',
] as const;

type Column = (typeof REPORT_CSV_COLUMNS)[number];
type Cell = string | number | boolean | null | undefined;

const GAP_UNITS: Readonly<Record<ReportTarget['target']['unit'], string>> = {
  percent: 'percentage-points',
  'percent-change': 'percentage-points',
  'cases-per-fte': 'cases-per-fte',
  count: 'count',
};

/** The cells every line of an indicator shares: its rule, calendar and accounting. */
function common(model: ReportModel, indicator: ReportIndicator): Partial<Record<Column, Cell>> {
  return {
    indicator: indicator.id,
    rule: Object.entries(indicator.rule)
      .map(([key, value]) => `${key}=${value === null ? 'none' : String(value)}`)
      .join('; '),
    calendar: `${model.calendar.id} ${model.calendar.fingerprint}`,
    records_read: indicator.counts.recordsRead,
    rows_rejected: indicator.counts.rowsRejected ?? 0,
  };
}

/** The cells of a figure: its period and numbers. */
function figureCells(figure: ReportFigure): Partial<Record<Column, Cell>> {
  return {
    period: figure.period.spec,
    period_label: figure.period.label,
    period_start: figure.period.start,
    period_end: figure.period.end,
    reported: figure.reported,
    numerator: figure.reported ? figure.numerator : null,
    denominator: figure.reported ? figure.denominator : null,
    value: figure.value,
    display: figure.display,
  };
}

/** The columns that hold numbers; an exact decimal string there (`-4.4`) is written as the number it is. */
const NUMERIC: ReadonlySet<Column> = new Set([
  'numerator',
  'denominator',
  'value',
  'target_value',
  'gap',
  'tolerance',
  'spc_mean',
  'spc_lower_limit',
  'spc_upper_limit',
  'records_read',
  'rows_rejected',
  'rows_read',
  'rows_accepted',
  'rows_skipped',
]);

/** A plain decimal number written as text: `-4.4`, `66.666666666666666667`, `1e-7`. */
const DECIMAL = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

function line(cells: Partial<Record<Column, Cell>>): string {
  return REPORT_CSV_COLUMNS.map((column) => {
    const cell = cells[column] ?? null;
    return NUMERIC.has(column) && typeof cell === 'string' && DECIMAL.test(cell) ? cell : csvCell(cell);
  }).join(',');
}

/**
 * The report as a rectangular CSV (every line has all {@link REPORT_CSV_COLUMNS}): for each indicator one line per
 * month of history (`history-month`) and of the year (`month`) with the XmR chart's mean, limits, type and special
 * cause; the year to date (`year-to-date`, or `snapshot` for CASELOAD); one line per target with its set, numeric
 * target, status, RAG, standing in words, numeric gap and tolerance, rate needed and source; one line per warning;
 * one line per input file (`input`: file, SHA-256, encoding, rows read, accepted, rejected, skipped). Every line names the rule, the calendar (id and fingerprint), the records read and the rows rejected. Text cells
 * that a spreadsheet would run as a formula (starting `=`, `+`, `-` or `@`) are prefixed with an apostrophe; numbers
 * are written as numbers.
 *
 * @param model - the report, from `buildReport`.
 * @returns the CSV text, a header and one line per row, ending with a newline.
 * @example renderCsv(model).split('\n')[0] //=> 'indicator,row_type,period,period_label,period_start,…,rows_skipped'
 */
export function renderCsv(model: ReportModel): string {
  const lines = [csvLine(REPORT_CSV_COLUMNS)];
  for (const indicator of model.indicators) {
    const shared = common(model, indicator);
    const points = new Map(indicator.spc.points.map((point) => [point.label, point]));
    const month = (figure: ReportFigure, type: string) => {
      const point = points.get(figure.period.spec);
      return line({
        ...shared,
        row_type: type,
        ...figureCells(figure),
        spc_mean: point?.mean,
        spc_lower_limit: point?.lowerLimit,
        spc_upper_limit: point?.upperLimit,
        spc_type: point?.type,
        spc_special_cause: point?.specialCause,
      });
    };
    for (const figure of indicator.history) lines.push(month(figure, 'history-month'));
    for (const figure of indicator.months) lines.push(month(figure, 'month'));
    lines.push(
      line({
        ...shared,
        row_type: indicator.yearToDateKind === 'snapshot' ? 'snapshot' : 'year-to-date',
        ...figureCells(indicator.yearToDate),
        ...(indicator.yearToDateKind === 'snapshot'
          ? { note: `a snapshot on ${indicator.yearToDate.period.end}, not a sum of the months` }
          : {}),
      }),
    );
    for (const target of indicator.targets) {
      lines.push(
        line({
          ...shared,
          row_type: 'target',
          ...figureCells(target.figure),
          period: target.period.spec,
          display: target.actualDisplay,
          target_set: target.set.id ?? target.set.title,
          target_value: target.target.value,
          target_unit: target.target.unit,
          headline: target.headline,
          status: target.status,
          rag: target.rag,
          standing: ragLabel(target),
          gap: target.gap,
          gap_unit: GAP_UNITS[target.target.unit],
          tolerance: target.tolerance.value,
          rate_needed: rateNeededText(target),
          note: [
            [target.target.source.document, target.target.source.ref].filter(Boolean).join(', '),
            target.target.source.note,
          ]
            .filter(Boolean)
            .join('. '),
        }),
      );
    }
    for (const warning of indicator.warnings) {
      lines.push(line({ ...shared, row_type: 'warning', status: warning.code, note: warning.message }));
    }
    for (const input of indicator.inputs) {
      lines.push(
        line({
          ...shared,
          row_type: 'input',
          file: input.file,
          sha256: input.sha256,
          encoding: input.encoding,
          rows_read: input.rowsRead,
          rows_accepted: input.rowsAccepted,
          rows_rejected: input.rowsRejected,
          rows_skipped: input.rowsSkipped,
        }),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The report model as JSON (exact values as strings, every target with its source, each indicator's `spc`).
 * @example JSON.parse(renderJson(model)).indicators[0].id //=> 'NI59'
 */
export function renderJson(model: ReportModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
