import {
  headlineTarget,
  latestReportedMonth,
  ragLabel,
  rateNeededText,
  ruleWords,
  toleranceBasis,
  toleranceSettingWords,
} from './headline.js';
import type { ReportFigure, ReportIndicator, ReportModel } from './model.js';
import { assuranceWords, specialCauseWords, variationWords } from './spc-words.js';

/**
 * One cell of a workbook: a number with its number format, a date (ISO, written as a real date), text, a boolean,
 * or empty (null).
 */
export type WorkbookCell =
  | { readonly number: number; readonly format: string }
  | { readonly date: string; readonly format: string }
  | { readonly text: string }
  | { readonly boolean: boolean }
  | null;

/** One sheet: a name (at most 31 characters), its column headers and widths, its rows. */
export interface WorkbookSheet {
  readonly name: string;
  readonly columns: readonly { readonly header: string; readonly width: number }[];
  readonly rows: readonly (readonly WorkbookCell[])[];
}

/** A workbook as data: what every workbook writer writes, whichever library it uses. */
export interface WorkbookLayout {
  readonly title: string;
  /** The day the data runs to, for the workbook's properties (never the clock). */
  readonly asAt: string;
  readonly sheets: readonly WorkbookSheet[];
}

/** Number formats: a percentage kept in points (82.4 shows `82.4%`), counts, FTE, ratios, signed gaps, dates. */
const FORMATS = {
  percent: '0.0"%"',
  count: '#,##0',
  fte: '#,##0.0',
  ratio: '0.0',
  points: '+0.0" pts";-0.0" pts";0.0" pts"',
  cases: '+0.0" cases";-0.0" cases";0.0" cases"',
  tolerance: '0.0##',
  month: 'mmm yyyy',
  date: 'yyyy-mm-dd',
} as const;

const text = (value: string | null | undefined): WorkbookCell =>
  value === null || value === undefined || value === '' ? null : { text: value };

/** A number from an exact decimal string (or a number), or an empty cell. */
function number(value: string | number | null | undefined, format: string): WorkbookCell {
  if (value === null || value === undefined) return null;
  const parsed = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(parsed) ? { number: parsed, format } : null;
}

/** The number format of an indicator's values. */
function valueFormat(unit: ReportIndicator['unit']): string {
  return unit === 'percent' ? FORMATS.percent : unit === 'count' ? FORMATS.count : FORMATS.ratio;
}

/** A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters, unique in the workbook. */
function sheetName(id: string, taken: Set<string>): string {
  const base = id.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'Indicator';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function summarySheet(model: ReportModel): WorkbookSheet {
  const rows = model.indicators.map((indicator): WorkbookCell[] => {
    const latest = latestReportedMonth(indicator);
    const target = headlineTarget(indicator);
    const format = valueFormat(indicator.unit);
    const targetFormat =
      target?.target.unit === 'percent' || target?.target.unit === 'percent-change'
        ? FORMATS.percent
        : format;
    const gapFormat = target?.target.unit === 'cases-per-fte' ? FORMATS.cases : FORMATS.points;
    const compared =
      target?.target.unit === 'percent-change'
        ? (target.baseline?.change ?? null)
        : (target?.figure.value ?? null);
    return [
      text(indicator.id),
      text(indicator.title),
      latest ? { date: latest.period.start, format: FORMATS.month } : null,
      number(latest?.value, format),
      number(indicator.yearToDate.value, format),
      text(
        indicator.yearToDateKind === 'snapshot' ? `snapshot ${indicator.yearToDate.period.end}` : 'pooled',
      ),
      number(target?.target.value, targetFormat),
      text(target ? `${target.set.id ?? target.set.title}` : null),
      text(target?.period.label),
      number(compared, targetFormat),
      number(target?.gap, gapFormat),
      text(target?.status),
      text(target ? ragLabel(target) : null),
      number(target?.tolerance.value, FORMATS.tolerance),
      text(variationWords(indicator.spc.variation)),
      text(indicator.spc.assurance === null ? null : assuranceWords(indicator.spc.assurance)),
      number(target?.rateNeeded?.needed, FORMATS.percent),
      text(target ? rateNeededText(target) : null),
    ];
  });
  return {
    name: 'Summary',
    columns: [
      { header: 'Indicator', width: 18 },
      { header: 'Title', width: 48 },
      { header: 'Latest month', width: 12 },
      { header: 'Latest value', width: 12 },
      { header: 'Year to date', width: 12 },
      { header: 'Year to date is', width: 20 },
      { header: 'Target', width: 10 },
      { header: 'Target set', width: 20 },
      { header: 'Target period', width: 28 },
      { header: 'Actual', width: 10 },
      { header: 'Gap', width: 14 },
      { header: 'Status', width: 12 },
      { header: 'Standing', width: 22 },
      { header: 'Amber within', width: 12 },
      { header: 'Variation', width: 16 },
      { header: 'Assurance', width: 30 },
      { header: 'Rate needed', width: 12 },
      { header: 'Rate needed, in words', width: 44 },
    ],
    rows,
  };
}

function indicatorSheet(indicator: ReportIndicator, name: string): WorkbookSheet {
  const format = valueFormat(indicator.unit);
  const [numeratorFormat, denominatorFormat] =
    indicator.unit === 'cases-per-fte' ? [FORMATS.count, FORMATS.fte] : [FORMATS.count, FORMATS.count];
  const points = new Map(indicator.spc.points.map((point) => [point.label, point]));
  const row = (figure: ReportFigure, part: string): WorkbookCell[] => {
    const point = points.get(figure.period.spec);
    return [
      { date: figure.period.start, format: FORMATS.month },
      text(figure.period.label),
      text(part),
      figure.reported ? number(figure.numerator, numeratorFormat) : null,
      figure.reported ? number(figure.denominator, denominatorFormat) : null,
      number(figure.value, format),
      number(point?.mean, format),
      number(point?.lowerLimit, format),
      number(point?.upperLimit, format),
      text(point?.type ? variationWords(point.type) : null),
      text(point?.specialCause ? specialCauseWords(point.specialCause) : null),
    ];
  };
  const [numeratorName, denominatorName] =
    indicator.unit === 'cases-per-fte' ? ['Open cases', 'FTE'] : ['Numerator', 'Denominator'];
  return {
    name,
    columns: [
      { header: 'Month', width: 12 },
      { header: 'Period', width: 30 },
      { header: 'Part', width: 14 },
      { header: numeratorName ?? 'Numerator', width: 12 },
      { header: denominatorName ?? 'Denominator', width: 12 },
      { header: 'Value', width: 12 },
      { header: 'Mean', width: 10 },
      { header: 'Lower limit', width: 12 },
      { header: 'Upper limit', width: 12 },
      { header: 'Variation', width: 16 },
      { header: 'Special cause', width: 40 },
    ],
    rows: [
      ...indicator.history.map((figure) => row(figure, 'history')),
      ...indicator.months.map((figure) => row(figure, figure.reported ? 'month' : 'not yet')),
      [
        { date: indicator.yearToDate.period.start, format: FORMATS.month },
        text(indicator.yearToDate.period.label),
        text(indicator.yearToDateKind === 'snapshot' ? 'snapshot' : 'year to date'),
        indicator.yearToDate.reported ? number(indicator.yearToDate.numerator, numeratorFormat) : null,
        indicator.yearToDate.reported ? number(indicator.yearToDate.denominator, denominatorFormat) : null,
        number(indicator.yearToDate.value, format),
        null,
        null,
        null,
        null,
        null,
      ],
    ],
  };
}

function aboutSheet(model: ReportModel): WorkbookSheet {
  const pair = (key: string, value: WorkbookCell): WorkbookCell[] => [text(key), value];
  const rows: WorkbookCell[][] = [
    pair('Title', text(model.title)),
    pair('Financial year', text(model.financialYear.label)),
    pair('Data to', { date: model.asAt, format: FORMATS.date }),
    pair('Calendar', text(model.calendar.id)),
    pair('Calendar fingerprint', text(model.calendar.fingerprint)),
    pair('Convention', text(model.convention)),
    pair('Tolerance', text(toleranceSettingWords(model.tolerance))),
    pair('Chart history (months before the year)', number(model.spcHistoryMonths, FORMATS.count)),
    pair(
      'Charts',
      text(
        'XmR charts, Making Data Count rules (NHSRplotthedots): limits at the mean ± 2.66 mean moving ranges; special causes beyond a limit, a trend of 7, 2 of 3 near a limit, a shift of 7',
      ),
    ),
    [],
    [text('Indicator'), text('Rule'), text('Records read'), text('Rows rejected'), text('Headline target')],
    ...model.indicators.map((indicator): WorkbookCell[] => {
      const target = headlineTarget(indicator);
      return [
        text(indicator.id),
        text(ruleWords(indicator.rule)),
        number(indicator.counts.recordsRead, FORMATS.count),
        number(indicator.counts.rowsRejected ?? 0, FORMATS.count),
        text(
          target
            ? `${target.targetDisplay} for ${target.period.label} (${target.set.id ?? target.set.title}), amber within ${toleranceBasis(target)}`
            : null,
        ),
      ];
    }),
    [],
    [
      text('Input'),
      text('File'),
      text('Rows read'),
      text('Accepted'),
      text('Rejected'),
      text('Skipped'),
      text('Encoding'),
      text('SHA-256'),
    ],
    ...model.inputs.map((input): WorkbookCell[] => [
      text(input.kind),
      text(input.file),
      number(input.rowsRead, FORMATS.count),
      number(input.rowsAccepted, FORMATS.count),
      number(input.rowsRejected, FORMATS.count),
      number(input.rowsSkipped, FORMATS.count),
      text(input.encoding),
      text(input.sha256),
    ]),
    [],
    [text('Slow to progress')],
    ...model.slowToProgress.map((entry): WorkbookCell[] => [
      text(entry.indicator),
      text(entry.reasons.join('; and ')),
    ]),
    [],
    [text('Warnings')],
    ...model.indicators.flatMap((indicator) =>
      indicator.warnings.map((warning): WorkbookCell[] => [text(warning.code), text(warning.message)]),
    ),
  ];
  return {
    name: 'About',
    columns: [
      { header: 'About this return', width: 36 },
      { header: '', width: 60 },
      { header: '', width: 14 },
      { header: '', width: 14 },
      { header: '', width: 14 },
      { header: '', width: 14 },
      { header: '', width: 14 },
      { header: '', width: 66 },
    ],
    rows,
  };
}

/**
 * The monthly return as a workbook's contents, for a workbook writer (`renderWorkbook`, and the node entry's
 * `renderXlsx`, write it with the core's workbook module): a "Summary" sheet (one row per indicator: latest month, year
 * to date, headline target with its set and period, actual, gap, status, standing, tolerance, variation, assurance,
 * rate needed), a sheet per indicator (each month of history and of the year: numerator, denominator, value, the
 * chart's mean and limits, what it shows; then the year to date) and an "About" sheet (calendar id and fingerprint,
 * convention, tolerance, each indicator's rule, records read and rows rejected, each input's rows read, accepted,
 * rejected and skipped, encoding and SHA-256, the indicators slow to progress, the warnings). Every figure is a number
 * with a number format, never text: percentages are kept in points (82.4 shown as `82.4%`, so that they add up with
 * targets and gaps), gaps signed (`-4.4 pts`), months and dates are real dates. Pure and browser-safe.
 *
 * @param model - the report, from `buildReport`.
 * @returns the {@link WorkbookLayout}.
 * @example
 * const layout = workbookLayout(model);
 * layout.sheets.map((sheet) => sheet.name); //=> ['Summary', 'NI59', …, 'About']
 * layout.sheets[0].rows[0][4]; //=> { number: 75.56…, format: '0.0"%"' }
 */
export function workbookLayout(model: ReportModel): WorkbookLayout {
  const taken = new Set(['summary', 'about']);
  return {
    title: model.title,
    asAt: model.asAt,
    sheets: [
      summarySheet(model),
      ...model.indicators.map((indicator) => indicatorSheet(indicator, sheetName(indicator.id, taken))),
      aboutSheet(model),
    ],
  };
}
