import { coverWords } from '../calendar/index.js';
import type { SpcAssurance } from '../spc/index.js';
import { MONTH_NAMES } from '../util/dates.js';
import { countOf } from '../util/plural.js';
import { POINT_COLOURS, type RenderChartOptions, renderChart } from './chart.js';
import { escapeHtml } from './escape-html.js';
import { GOVUK_FRONTEND_VERSION, GOVUK_STYLES } from './govuk-styles.js';
import {
  figurePartNames,
  headlineSource,
  headlineTarget,
  latestReportedMonth,
  ragLabel,
  rateNeededText,
  toleranceBasis,
  toleranceSettingWords,
  yearToDateLabel,
} from './headline.js';
import type { ReportFigure, ReportIndicator, ReportModel, ReportTarget } from './model.js';
import {
  assuranceMeaning,
  assuranceWords,
  chartNumber,
  specialCauseWords,
  variationMeaning,
  variationWords,
} from './spc-words.js';

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions {
  /** The size of each chart. Default: {@link renderChart}'s, 720 by 400, scaled to the page's width. */
  readonly chart?: Pick<RenderChartOptions, 'width' | 'height'>;
}

/** How each counting convention counts working days, in words. */
const CONVENTIONS: Readonly<Record<string, string>> = {
  'after-start': 'the start day is day 0',
  inclusive: 'both days count, as NETWORKDAYS',
  'end-exclusive': 'the start day counts, the end day not',
};

/** The report's own styles, on top of govuk-frontend's: the layout, a phone's width (tables reflow), A4 print. */
const REPORT_STYLES = [
  '.govuk-template__body{font-family:arial,sans-serif;color:#0b0c0c}',
  '.govuk-width-container{max-width:1100px}',
  '.csi-masthead{background:#1d70b8;color:#fff;padding:30px 0}',
  '.csi-masthead__caption{font-size:1.1875rem;line-height:1.3;margin:0 0 5px;color:#d2e2f1}',
  '.csi-masthead__title{font-weight:700;font-size:2.25rem;line-height:1.1;margin:0 0 15px;overflow-wrap:anywhere}',
  '@media (min-width:40.0625em){.csi-masthead__title{font-size:3rem}}',
  '.csi-masthead__meta{display:flex;flex-wrap:wrap;gap:10px 40px;margin:0;font-size:1rem;line-height:1.4}',
  '.csi-masthead__meta div{min-width:0}',
  '.csi-masthead__meta dt{color:#d2e2f1;margin:0}',
  '.csi-masthead__meta dd{margin:0;font-weight:700;overflow-wrap:anywhere}',
  '.csi-masthead__note{display:block;font-weight:400;color:#d2e2f1}',
  '.csi-masthead__meta code{font-family:monospace;font-weight:400;font-size:.9375rem}',
  '.csi-muted{display:block;color:#484949;font-weight:400;font-size:1rem;line-height:1.25}',
  '.csi-summary .govuk-table__header,.csi-summary .govuk-table__cell{padding-right:12px;font-size:1rem;line-height:1.25}',
  '.csi-summary a.govuk-link{font-weight:700}',
  '.csi-summary .csi-muted{font-size:.875rem}',
  '.csi-summary .govuk-tag{white-space:normal}',
  '.govuk-tag{max-width:none;white-space:nowrap}',
  '.csi-icon{display:inline-block;vertical-align:middle;margin:0 6px 2px 0;flex:none}',
  '.csi-signal{display:flex;align-items:flex-start;gap:0}.csi-signal>span{min-width:0}',
  '.csi-slow{border:5px solid #d4351c;padding:15px 20px;margin:0 0 30px}',
  '.csi-slow h2{margin:0 0 10px}.csi-slow ul{margin:0}',
  '.csi-warnings{border-left:5px solid #f47738;padding:10px 15px;margin:0 0 30px;background:#fef3ec}',
  '.csi-hash{word-break:break-all}',
  '.csi-warnings p,.csi-warnings ul{margin:0}',
  '.csi-footnotes{margin:0 0 30px}.csi-footnotes li{margin-bottom:5px}',
  '.csi-indicator{padding-top:30px;margin-top:30px;border-top:5px solid #1d70b8}',
  '@media screen{.csi-indicator .govuk-table{font-size:1rem;line-height:1.25}',
  '.csi-indicator .govuk-table__header,.csi-indicator .govuk-table__cell{padding:7px 15px 7px 0}',
  '.csi-indicator .govuk-table__header:last-child,.csi-indicator .govuk-table__cell:last-child{padding-right:0}',
  '.csi-indicator .govuk-table .govuk-tag{font-size:1rem}}',
  '.csi-figures{display:grid;gap:15px;margin:0 0 30px}',
  '.csi-card{background:#f4f8fb;border-left:5px solid #1d70b8;padding:12px 15px;min-width:0}',
  '.csi-card__label{margin:0 0 5px;font-size:1rem;line-height:1.25;color:#484949}',
  '.csi-card__value{margin:0;font-size:2rem;line-height:1.1;font-weight:700;color:#0b0c0c;overflow-wrap:anywhere}',
  '.csi-card__detail{margin:5px 0 0;font-size:1rem;line-height:1.25}',
  '.csi-card__detail .govuk-tag{margin:5px 0}',
  '.csi-card__line{display:block;margin-top:5px}',
  '.csi-card--green{border-left-color:#0f7a52}.csi-card--yellow{border-left-color:#ffdd00}',
  '.csi-card--red{border-left-color:#ca3535}.csi-card--grey{border-left-color:#cecece}',
  '.csi-chart-figure{margin:0 0 30px}',
  '.csi-chart{display:block;width:100%;height:auto}',
  '.csi-targets .govuk-table__cell--numeric{white-space:nowrap}',
  '.csi-chart-figure figcaption{margin-top:10px}',
  '.csi-total th,.csi-total td{border-top:2px solid #0b0c0c;font-weight:700}',
  '.csi-not-yet{color:#484949}',
  '.csi-history th,.csi-history td{color:#484949}',
  '.csi-months .csi-muted{display:inline;margin-left:6px}',
  '.csi-quote{margin:0 0 10px;padding:0 0 0 15px;border-left:5px solid #cecece}',
  '.csi-quote p{margin:0}',
  '.csi-counts{margin:0 0 20px}',
  '.csi-counts div{display:flex;justify-content:space-between;gap:20px;padding:8px 0;border-bottom:1px solid #cecece}',
  '.csi-counts dt,.csi-counts dd{margin:0}.csi-counts dd{font-variant-numeric:tabular-nums;text-align:right}',
  '.csi-footer{padding:25px 0;border-top:1px solid #1d70b8;background:#f4f8fb;color:#484949}',
  '.csi-footer p{margin:0}',
  'code{overflow-wrap:anywhere}',
  // A phone: tables reflow into one block per row, each cell with its column's name.
  '@media screen and (max-width:40.0525em){',
  '.csi-reflow thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}',
  '.csi-reflow,.csi-reflow tbody,.csi-reflow tr,.csi-reflow th,.csi-reflow td,.csi-reflow caption{display:block;width:auto}',
  '.csi-reflow tr{border-bottom:3px solid #b1b4b6;padding:8px 0}',
  '.csi-reflow .govuk-table__header,.csi-reflow .govuk-table__cell{border:0;padding:3px 0;text-align:left;white-space:normal}',
  '.csi-reflow td[data-label]::before{content:attr(data-label);display:block;font-weight:700;font-size:.875rem;color:#484949}',
  '.csi-reflow td:empty{display:none}',
  '.csi-months{font-size:1rem}.csi-months thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%)}',
  '.csi-months tr{display:block;border-bottom:1px solid #b1b4b6;padding:6px 0}',
  '.csi-months th,.csi-months td{display:inline-block;border:0;padding:0 12px 0 0;text-align:left}',
  '.csi-months th{display:block}',
  '.csi-months td[data-label]::before{content:attr(data-label) " ";color:#484949}',
  '.csi-months td:empty{display:none}',
  '.csi-masthead{padding:20px 0}.csi-masthead__meta{gap:8px 20px}',
  '.csi-card__value{font-size:1.5rem}}',
  // A4: the summary on the first page, sections one after another (no page each), collapsed parts open.
  '@page{size:A4;margin:12mm}',
  '@media print{html,body,.govuk-template__body{font-size:9pt!important;background:#fff}',
  '.govuk-width-container{max-width:none;margin:0}',
  '.govuk-main-wrapper{padding:0}',
  '.govuk-skip-link{display:none}',
  '.csi-masthead{background:none;color:#000;border-bottom:2px solid #000;padding:0 0 6px;margin-bottom:8px}',
  '.csi-masthead__caption,.csi-masthead__meta dt,.csi-masthead__note{color:#000;font-size:8pt}',
  '.csi-masthead__title{font-size:15pt;margin:0 0 4px}',
  '.csi-masthead__meta{font-size:8pt;gap:2px 16px}',
  '.csi-slow{padding:4px 8px;margin:0 0 8px;border-width:2px}',
  '.csi-slow h2{font-size:11pt!important;margin:0 0 2px}.csi-slow li{font-size:8pt!important;margin:0}',
  '.govuk-body,.govuk-body-s,.govuk-list,.govuk-details,.govuk-table,.govuk-warning-text__text{font-size:8pt!important;line-height:1.25!important}',
  '.govuk-heading-l{font-size:13pt!important;margin-bottom:6px}.govuk-heading-m{font-size:11pt!important;margin:6px 0 4px}',
  '.govuk-body,.govuk-body-s,.govuk-list{margin-bottom:4px}.govuk-details{margin-bottom:6px}.govuk-details__text{padding:4px 0 4px 12px}',
  '.govuk-list--spaced>li{margin-bottom:3px}.govuk-table{margin-bottom:8px}',
  '.govuk-heading-s{font-size:9pt!important}.govuk-caption-l{font-size:9pt!important}',
  '.govuk-table__caption{font-size:11pt!important;margin-bottom:4px}',
  '.csi-summary{margin-bottom:6px}',
  '.csi-summary .govuk-table__header,.csi-summary .govuk-table__cell{font-size:7.5pt!important;padding:2px 5px 2px 0;line-height:1.2}',
  '.csi-summary .csi-muted{font-size:7pt!important}',
  '.csi-summary{table-layout:fixed;width:100%}.csi-summary a.csi-muted{display:none}',
  '.csi-summary th:nth-child(1){width:13%}.csi-summary th:nth-child(2),.csi-summary th:nth-child(3){width:7.5%}',
  '.csi-summary th:nth-child(4){width:14.5%}.csi-summary th:nth-child(5),.csi-summary th:nth-child(6){width:6%}',
  '.csi-summary th:nth-child(7){width:6.5%}.csi-summary th:nth-child(8){width:8.5%}',
  '.csi-summary th:nth-child(9),.csi-summary th:nth-child(10){width:11.5%}.csi-summary th:nth-child(11){width:7.5%}',
  '.csi-summary .csi-icon{margin-right:3px}',
  '.govuk-tag{font-size:7pt!important;padding:1px 3px 0;print-color-adjust:exact;-webkit-print-color-adjust:exact}',
  '.csi-icon{width:14px;height:14px;print-color-adjust:exact;-webkit-print-color-adjust:exact}',
  '.csi-footnotes,.csi-warnings{margin:0 0 6px}.csi-footnotes li,.csi-warnings li{font-size:7.5pt!important}',
  '.csi-indicator{break-before:auto;border-top:2px solid #000;padding-top:8px;margin-top:12px}',
  '.csi-chart-figure,.csi-figures,.csi-card,.govuk-table__row,.csi-quote{break-inside:avoid}',
  '.csi-card__value{font-size:14pt}.csi-card{padding:4px 8px}.csi-figures{gap:6px;margin-bottom:8px}',
  '.csi-chart-figure{margin-bottom:8px}',
  '.csi-months .govuk-table__header,.csi-months .govuk-table__cell,.csi-targets .govuk-table__header,.csi-targets .govuk-table__cell{font-size:7.5pt!important;padding:1px 6px 1px 0!important;line-height:1.2!important}',
  '.csi-counts div{padding:1px 0}.csi-counts{margin-bottom:6px}',
  '.csi-muted{font-size:7pt!important}.csi-months .csi-muted{display:inline;margin-left:4px}',
  '.csi-card__label,.csi-card__detail{font-size:7.5pt!important}.csi-card__line{margin-top:1px}',
  '.govuk-grid-row{display:flex}.govuk-grid-column-one-half{width:50%}',
  '.csi-quote{margin-bottom:2px}.csi-sources h4{margin:4px 0 0}',
  'details::details-content{content-visibility:visible;display:block}',
  '.govuk-details__summary{pointer-events:none}',
  '.csi-footer{padding:4px 0;background:none}}',
].join('');

/** `2011-01-31` as `31 January 2011`, without `Date` (the same in every time zone). */
function longDate(date: string): string {
  const [year, month, day] = date.split('-');
  const name = MONTH_NAMES[Number(month) - 1];
  return name ? `${Number(day)} ${name} ${year}` : date;
}

/** `<time>` for an ISO date, read as `31 January 2011`. */
function time(date: string): string {
  return `<time datetime="${escapeHtml(date)}">${escapeHtml(longDate(date))}</time>`;
}

/** A count with thousands separators: `5008` → `5,008`, `234.5` → `234.5`. */
function groupDigits(value: number): string {
  const [whole = '', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

const TAG_COLOURS: Readonly<Record<ReportTarget['rag'], string>> = {
  green: 'green',
  amber: 'yellow',
  red: 'red',
  grey: 'grey',
};

/** A target's RAG as a govuk-tag: the colour and the words, never colour alone. */
function ragTag(target: ReportTarget): string {
  return `<strong class="govuk-tag govuk-tag--${TAG_COLOURS[target.rag]}">${escapeHtml(ragLabel(target))}</strong>`;
}

/** A target's status in words: `Met`, `Not met so far`, `No data`, `Not started`. */
function statusWords(target: ReportTarget): string {
  const soFar = target.running ? ' so far' : '';
  switch (target.status) {
    case 'met':
      return `Met${soFar}`;
    case 'not-met':
      return `Not met${soFar}`;
    case 'no-data':
      return 'No data';
    default:
      return 'Not started';
  }
}

/** `Improvement Notice to Leeds City Council, paragraph 1.5.3`: the document's first clause and the paragraph. */
function shortSource(target: ReportTarget): string {
  const source = target.target.source;
  const document = source.document.split(',')[0]?.trim() || source.document;
  return source.ref ? `${document}, paragraph ${source.ref}` : document;
}

/** `3,785 of 5,008` for a percentage, `5,282 cases, 234.5 FTE` for a caseload, empty for a count. */
function fraction(indicator: ReportIndicator, figure: ReportFigure): string {
  if (!figure.reported) return '';
  if (indicator.unit === 'percent') {
    return `${groupDigits(figure.numerator)} of ${groupDigits(figure.denominator)}`;
  }
  if (indicator.unit === 'cases-per-fte') {
    return `${groupDigits(figure.numerator)} cases, ${groupDigits(figure.denominator)} FTE`;
  }
  return '';
}

/** `startEvent` → `Start event`. */
function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The letter of a variation icon: H for a special cause upwards, L downwards, – for common cause. */
function variationLetter(indicator: ReportIndicator): string {
  let last: ReportIndicator['spc']['points'][number] | undefined;
  for (const point of indicator.spc.points) if (point.value !== null) last = point;
  const cause = last?.specialCause;
  if (!cause) return '–';
  return cause.endsWith('above') || cause.endsWith('increasing') || cause === 'above-upper-limit' ? 'H' : 'L';
}

/** A round icon with a letter, in a colour: a symbol beside words, never alone (`aria-hidden`). */
function icon(colour: string, letter: string): string {
  return `<svg class="csi-icon" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="11" fill="${colour}"/><text x="12" y="16.5" text-anchor="middle" font-family="arial,sans-serif" font-size="13" font-weight="700" fill="#fff">${escapeHtml(letter)}</text></svg>`;
}

/** What the latest month shows: the Making Data Count icon (colour and letter) and the words. */
function variationSignal(indicator: ReportIndicator): string {
  const type = indicator.spc.variation;
  const words = escapeHtml(variationWords(type));
  if (type === null) return words;
  return `<span class="csi-signal">${icon(POINT_COLOURS[type], variationLetter(indicator))}<span>${words}</span></span>`;
}

const ASSURANCE_ICONS: Readonly<Record<SpcAssurance, readonly [colour: string, letter: string]>> = {
  'consistent-pass': [POINT_COLOURS['special-cause-improvement'], 'P'],
  'consistent-fail': [POINT_COLOURS['special-cause-concern'], 'F'],
  inconsistent: [POINT_COLOURS['common-cause'], '?'],
};

/** Whether the target will be met: the icon (P, F or ?) and the words. */
function assuranceSignal(assurance: SpcAssurance | null): string {
  if (assurance === null) return '<span class="csi-muted">No assurance</span>';
  const [colour, letter] = ASSURANCE_ICONS[assurance];
  return `<span class="csi-signal">${icon(colour, letter)}<span>${escapeHtml(assuranceWords(assurance))}</span></span>`;
}

/** A period's label, short, for the summary: `Oct 2010 to Mar 2011`, `Jun 2010`, `2010/11`. */
function shortLabel(label: string): string {
  return MONTH_NAMES.reduce((text, name) => text.replaceAll(name, name.slice(0, 3)), label);
}

/** A chart value for words: `62.3%`, `22.5`, `n/a`. */
function chartValue(value: number | null, indicator: ReportIndicator): string {
  return value === null ? 'n/a' : chartNumber(value, indicator.unit);
}

function header(model: ReportModel): string {
  const year = model.financialYear;
  const item = (term: string, detail: string) => `<div><dt>${escapeHtml(term)}</dt><dd>${detail}</dd></div>`;
  return [
    '<header class="csi-masthead">',
    '<div class="govuk-width-container">',
    `<p class="csi-masthead__caption">Monthly return, financial year ${escapeHtml(year.label)}, data to ${time(model.asAt)}</p>`,
    `<h1 class="csi-masthead__title">${escapeHtml(model.title)}</h1>`,
    '<dl class="csi-masthead__meta">',
    item('Financial year', `${escapeHtml(year.label)}, ${time(year.start)} to ${time(year.end)}`),
    item('Data to', time(model.asAt)),
    item(
      'Working-day calendar',
      `${escapeHtml(model.calendar.id)} <code>${escapeHtml(model.calendar.fingerprint)}</code>${escapeHtml(coverWords(model.calendar))}`,
    ),
    item(
      'Counting convention',
      `${escapeHtml(model.convention)}<span class="csi-masthead__note">${escapeHtml(CONVENTIONS[model.convention] ?? '')}</span>`,
    ),
    item('Amber within', escapeHtml(toleranceSettingWords(model.tolerance))),
    item('Chart history', escapeHtml(`${countOf(model.spcHistoryMonths, 'month')} before the year`)),
    '</dl>',
    '</div>',
    '</header>',
  ].join('');
}

/** The indicators slow to progress, first on the page, in words. */
function slowToProgress(model: ReportModel): string {
  if (model.slowToProgress.length === 0) return '';
  return [
    '<section class="csi-slow" aria-labelledby="slow-to-progress">',
    '<h2 class="govuk-heading-m" id="slow-to-progress">Slow to progress</h2>',
    '<ul class="govuk-list govuk-list--bullet">',
    ...model.slowToProgress.map(
      (entry) =>
        `<li><a class="govuk-link" href="#${escapeHtml(entry.indicator)}"><strong>${escapeHtml(entry.indicator)}</strong></a>: ${escapeHtml(entry.reasons.join('; and '))}.</li>`,
    ),
    '</ul>',
    '</section>',
  ].join('');
}

/** A summary cell with the SPEC 15 contract: its field, its exact value as text, and its column name for phones. */
function cell(
  field: string | null,
  value: string | null,
  label: string,
  content: string,
  numeric = false,
): string {
  const data = field === null ? '' : ` data-field="${field}" data-value="${escapeHtml(value ?? '')}"`;
  return `<td class="govuk-table__cell${numeric ? ' govuk-table__cell--numeric' : ''}"${data} data-label="${escapeHtml(label)}">${content}</td>`;
}

/** The exact figure a target is compared on: the value, or the % change for a percent-change target. */
function comparedValue(target: ReportTarget): string | null {
  return target.target.unit === 'percent-change' ? (target.baseline?.change ?? null) : target.figure.value;
}

function summaryTable(model: ReportModel): string {
  const rows = model.indicators.map((indicator) => {
    const latest = latestReportedMonth(indicator);
    const target = headlineTarget(indicator);
    const others = indicator.targets.length - (target ? 1 : 0);
    const rate = target ? rateNeededText(target) : '';
    const otherLink =
      others > 0
        ? `<a class="govuk-link csi-muted" href="#other-targets-${escapeHtml(indicator.id)}">${others} other target${others === 1 ? '' : 's'}</a>`
        : '';
    return [
      `<tr class="govuk-table__row" data-indicator="${escapeHtml(indicator.id)}">`,
      `<th scope="row" class="govuk-table__header"><a class="govuk-link" href="#${escapeHtml(indicator.id)}">${escapeHtml(indicator.id)}</a><span class="csi-muted">${escapeHtml(indicator.title)}</span></th>`,
      cell(
        'latest-month',
        latest?.value ?? null,
        'Latest month',
        latest
          ? `${escapeHtml(latest.display)}<span class="csi-muted">${escapeHtml(latest.period.label)}</span>`
          : 'n/a',
        true,
      ),
      cell(
        'year-to-date',
        indicator.yearToDate.value,
        yearToDateLabel(indicator),
        `${escapeHtml(indicator.yearToDate.display)}<span class="csi-muted">${escapeHtml(indicator.yearToDateKind === 'snapshot' ? `snapshot, ${longDate(indicator.yearToDate.period.end)}` : fraction(indicator, indicator.yearToDate))}</span>`,
        true,
      ),
      target
        ? cell(
            'target',
            String(target.target.value),
            'Target',
            `${escapeHtml(target.targetDisplay)}<span class="csi-muted">${escapeHtml(shortLabel(headlineSource(target)))}</span>${otherLink}`,
          )
        : cell('target', null, 'Target', '<span class="csi-muted">No target</span>'),
      cell(
        'actual',
        target ? comparedValue(target) : null,
        'Actual',
        escapeHtml(target?.actualDisplay ?? ''),
        true,
      ),
      cell('gap', target?.gap ?? null, 'Gap', escapeHtml(target?.gapDisplay ?? ''), true),
      cell(
        'status',
        target ? (target.status === 'not-started' ? 'no-data' : target.status) : 'no-data',
        'Status',
        escapeHtml(target ? statusWords(target) : 'No target'),
      ),
      cell('standing', target?.rag ?? 'grey', 'Standing', target ? ragTag(target) : ''),
      cell('variation', indicator.spc.variation, 'Variation', variationSignal(indicator)),
      cell('assurance', indicator.spc.assurance, 'Assurance', assuranceSignal(indicator.spc.assurance)),
      cell(null, null, 'Rate needed', escapeHtml(rate)),
      '</tr>',
    ].join('');
  });
  const head = (text: string, numeric = false) =>
    `<th scope="col" class="govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}">${text}</th>`;
  return [
    '<table class="govuk-table csi-summary csi-reflow">',
    `<caption class="govuk-table__caption govuk-table__caption--l">Summary, data to ${time(model.asAt)}</caption>`,
    '<thead class="govuk-table__head"><tr class="govuk-table__row">',
    head('Indicator'),
    head('Latest month', true),
    head('Year to date', true),
    head('Target'),
    head('Actual', true),
    head('Gap', true),
    head('Status'),
    head('Standing'),
    head('Variation'),
    head('Assurance'),
    head('Rate needed'),
    '</tr></thead>',
    `<tbody class="govuk-table__body">${rows.join('')}</tbody>`,
    '</table>',
  ].join('');
}

/** The targets the summary does not show, named under it, each with its standing. */
function otherTargets(model: ReportModel): string {
  const items = model.indicators.flatMap((indicator) => {
    const others = indicator.targets.filter((target) => !target.headline);
    if (others.length === 0) return [];
    const list = others
      .map(
        (target) =>
          `${target.targetDisplay} for ${target.period.label} (${target.set.id ?? target.set.title}): ${ragLabel(target)}${target.running && target.status !== 'not-started' ? ' so far' : ''}`,
      )
      .join('; ');
    return [
      `<li id="other-targets-${escapeHtml(indicator.id)}"><strong>${escapeHtml(indicator.id)}</strong>: ${escapeHtml(list)}.</li>`,
    ];
  });
  if (items.length === 0) return '';
  return [
    '<div class="csi-footnotes">',
    '<h2 class="govuk-heading-s">Other targets</h2>',
    '<p class="govuk-body-s">The summary shows each indicator’s headline target, named by its set and period (in the first listed set, the target whose period contains the data’s date, or the next to end, or the last ended; a config may name another). The others:</p>',
    `<ul class="govuk-list govuk-body-s">${items.join('')}</ul>`,
    '</div>',
  ].join('');
}

/**
 * Each warning once: one about a file or the config (a targets file that gives no target in the year) is every
 * indicator's it concerns, and is said once under the summary.
 */
function eachOnce<T extends { readonly code: string; readonly message: string }>(
  warnings: readonly T[],
): T[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => {
    const key = `${warning.code} ${warning.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every warning of the report, under the summary. */
function warningsPanel(warnings: readonly { readonly code: string; readonly message: string }[]): string {
  if (warnings.length === 0) return '';
  return [
    '<div class="csi-warnings" role="note">',
    `<p class="govuk-body"><strong>Warning${warnings.length === 1 ? '' : 's'}</strong></p>`,
    '<ul class="govuk-list govuk-body-s">',
    ...warnings.map(
      (warning) => `<li>${escapeHtml(warning.message)} <code>${escapeHtml(warning.code)}</code></li>`,
    ),
    '</ul>',
    '</div>',
  ].join('');
}

function howToRead(): string {
  const tag = (text: string, colour: string, words: string) =>
    `<li><strong class="govuk-tag govuk-tag--${colour}">${escapeHtml(text)}</strong> ${escapeHtml(words)}</li>`;
  const signal = (colour: string, letter: string, text: string, words: string) =>
    `<li><span class="csi-signal">${icon(colour, letter)}<strong>${escapeHtml(text)}</strong></span> ${escapeHtml(words)}</li>`;
  return [
    '<details class="govuk-details">',
    '<summary class="govuk-details__summary"><span class="govuk-details__summary-text">How to read the standing, the chart, variation and assurance</span></summary>',
    '<div class="govuk-details__text">',
    '<h3 class="govuk-heading-s">Standing against the target</h3>',
    '<ul class="govuk-list govuk-list--spaced">',
    tag('On target', 'green', 'the figure meets the target.'),
    tag(
      'Within 4 points',
      'yellow',
      'not met, but short by no more than the target’s tolerance: unless a config sets one, 5% of the target (4 points of an 80% target, 1.1 cases of a caseload of 22).',
    ),
    tag('Off target', 'red', 'further off than that.'),
    tag('No data', 'grey', 'nothing to compare yet; "Not started" when the period starts after the data.'),
    '</ul>',
    '<p class="govuk-body">"So far": the target’s period runs past the data and months that count are still to come; it is compared on its months so far. The rate needed is what the rest of such a period must reach for the whole period to meet the target, if the remaining months have as many cases as the months so far on average.</p>',
    '<h3 class="govuk-heading-s">The chart: signal or noise</h3>',
    '<p class="govuk-body">Each chart is an XmR chart, read as NHS England’s “Making Data Count” reads one. The solid line is the mean of the months shown, the dashed lines the process limits (the mean ± 2.66 times the average change from one month to the next): a process that does not change keeps nearly every month between them. A month is a special cause, a real change rather than noise, when it is beyond a limit, part of 7 months each higher (or lower) than the one before, 2 of 3 months near a limit, or part of 7 months in a row on one side of the mean. Months before the financial year are shaded: they are the history the limits need.</p>',
    '<h3 class="govuk-heading-s">Variation: what the latest month shows</h3>',
    '<ul class="govuk-list govuk-list--spaced">',
    signal(
      POINT_COLOURS['common-cause'],
      '–',
      'Common cause',
      'no significant change: the months vary as they always have.',
    ),
    signal(
      POINT_COLOURS['special-cause-improvement'],
      'H',
      'Improvement',
      'a real change for the better (H higher, L lower).',
    ),
    signal(POINT_COLOURS['special-cause-concern'], 'L', 'Concern', 'a real change for the worse.'),
    '</ul>',
    '<h3 class="govuk-heading-s">Assurance: will the target be met?</h3>',
    '<ul class="govuk-list govuk-list--spaced">',
    signal(
      ASSURANCE_ICONS['consistent-pass'][0],
      'P',
      'Consistently passes',
      'the target lies beyond the process limits, on the safe side: every month can be expected to meet it.',
    ),
    signal(
      ASSURANCE_ICONS['consistent-fail'][0],
      'F',
      'Consistently fails',
      'the target lies beyond the limits on the wrong side: as the process runs now it will not be met.',
    ),
    signal(
      ASSURANCE_ICONS.inconsistent[0],
      '?',
      'Hit and miss',
      'the target lies between the limits: some months will meet it, some will not, by chance.',
    ),
    '</ul>',
    '</div>',
    '</details>',
  ].join('');
}

function figureCards(indicator: ReportIndicator): string {
  const latest = latestReportedMonth(indicator);
  const target = headlineTarget(indicator);
  const card = (label: string, value: string, detail: string, modifier = '') =>
    `<div class="csi-card${modifier}"><p class="csi-card__label">${label}</p><p class="csi-card__value">${value}</p><p class="csi-card__detail">${detail}</p></div>`;
  const cards = [
    card(
      latest ? `Latest month, ${escapeHtml(latest.period.label)}` : 'Latest month',
      escapeHtml(latest?.display ?? 'n/a'),
      escapeHtml(latest ? fraction(indicator, latest) : 'No month reported yet'),
    ),
    card(
      indicator.yearToDateKind === 'snapshot'
        ? `Snapshot, ${escapeHtml(longDate(indicator.yearToDate.period.end))}`
        : `Year to date, ${escapeHtml(indicator.yearToDate.period.label)}`,
      escapeHtml(indicator.yearToDate.display),
      escapeHtml(fraction(indicator, indicator.yearToDate)),
    ),
  ];
  if (target) {
    const rate = rateNeededText(target);
    cards.push(
      card(
        `Against the target of ${escapeHtml(target.targetDisplay)} for ${escapeHtml(target.period.label)} (${escapeHtml(target.set.id ?? target.set.title)})`,
        escapeHtml(target.actualDisplay),
        `${ragTag(target)}<span class="csi-card__line">${escapeHtml(target.gap === null ? statusWords(target) : `${statusWords(target)}: ${target.gapDisplay}`)}</span><span class="csi-card__line">Amber within ${escapeHtml(toleranceBasis(target))}</span>${rate ? `<span class="csi-card__line">Rate needed: ${escapeHtml(rate)}</span>` : ''}`,
        ` csi-card--${TAG_COLOURS[target.rag]}`,
      ),
    );
  }
  const chart = indicator.spc;
  cards.push(
    card(
      'Signal or noise',
      variationSignal(indicator),
      `${escapeHtml(variationMeaning(chart.variation))}.<span class="csi-card__line">${assuranceSignal(chart.assurance)}</span><span class="csi-card__line">${escapeHtml(assuranceMeaning(chart.assurance))}.</span>`,
    ),
  );
  return `<div class="csi-figures">${cards.join('')}</div>`;
}

function monthsTable(indicator: ReportIndicator): string {
  const parts = figurePartNames(indicator.unit);
  const columns =
    parts.length === 1 ? parts : [...parts, indicator.unit === 'percent' ? 'Per cent' : 'Cases per FTE'];
  const points = new Map(indicator.spc.points.map((point) => [point.label, point]));
  const numeric = 'govuk-table__cell govuk-table__cell--numeric';
  const row = (figure: ReportFigure, label: string, rowClass = '', detail = '', chart = true) => {
    const cells =
      columns.length === 1
        ? [figure.display]
        : [
            figure.reported ? groupDigits(figure.numerator) : '',
            figure.reported ? groupDigits(figure.denominator) : '',
            figure.display,
          ];
    const point = chart ? points.get(figure.period.spec) : undefined;
    const shows =
      point?.type == null
        ? ''
        : `${variationWords(point.type)}${point.specialCause ? `: ${specialCauseWords(point.specialCause)}` : ''}`;
    const notYet = figure.reported ? '' : ' csi-not-yet';
    const more = detail ? `<span class="csi-muted">${escapeHtml(detail)}</span>` : '';
    return `<tr class="govuk-table__row${rowClass}${notYet}"><th scope="row" class="govuk-table__header">${escapeHtml(label)}${more}</th>${cells
      .map(
        (cell, index) =>
          `<td class="${numeric}" data-label="${escapeHtml(columns[index] ?? '')}">${escapeHtml(cell)}</td>`,
      )
      .join('')}<td class="govuk-table__cell" data-label="What it shows">${escapeHtml(shows)}</td></tr>`;
  };
  return [
    '<table class="govuk-table csi-months">',
    `<caption class="govuk-table__caption govuk-table__caption--m">${escapeHtml(indicator.id)} by month</caption>`,
    '<thead class="govuk-table__head"><tr class="govuk-table__row">',
    '<th scope="col" class="govuk-table__header">Month</th>',
    ...columns.map(
      (column) =>
        `<th scope="col" class="govuk-table__header govuk-table__header--numeric">${escapeHtml(column)}</th>`,
    ),
    '<th scope="col" class="govuk-table__header">What it shows</th>',
    '</tr></thead>',
    '<tbody class="govuk-table__body">',
    ...indicator.history.map((month) => row(month, month.period.label, ' csi-history', 'history')),
    ...indicator.months.map((month) => row(month, month.period.label)),
    row(
      indicator.yearToDate,
      yearToDateLabel(indicator),
      ' csi-total',
      indicator.yearToDateKind === 'snapshot'
        ? 'the position on that day'
        : indicator.yearToDate.period.label,
      false,
    ),
    '</tbody>',
    '</table>',
  ].join('');
}

function countsList(indicator: ReportIndicator): string {
  const counts = indicator.counts;
  const item = (term: string, value: number) =>
    `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(groupDigits(value))}</dd></div>`;
  // Named by what they count: a caseload's population is open cases, and its denominator FTE, not cases.
  const population =
    indicator.unit === 'cases-per-fte'
      ? [
          item('Open cases counted (numerator)', counts.counted),
          item('FTE of the workers holding them (denominator)', indicator.yearToDate.denominator),
        ]
      : indicator.unit === 'count'
        ? [item('Counted', counts.counted)]
        : [
            item('In the population (denominator)', counts.inPopulation),
            item('Counted (numerator)', counts.counted),
            item('In the population, not counted', counts.notCounted),
          ];
  return [
    '<h3 class="govuk-heading-m">How the records were used</h3>',
    `<p class="govuk-body-s">${escapeHtml(indicator.yearToDateKind === 'snapshot' ? `Snapshot on ${longDate(indicator.yearToDate.period.end)}.` : `Year to date, ${indicator.yearToDate.period.label}.`)}</p>`,
    '<dl class="govuk-body-s csi-counts">',
    item('Records read', counts.recordsRead),
    ...population,
    item(
      indicator.yearToDateKind === 'snapshot' ? 'Not open on the day' : 'Outside the period',
      counts.notInPeriod,
    ),
    ...Object.entries(counts.excluded).map(([reason, count]) => item(`Excluded: ${reason}`, count)),
    ...(counts.rowsRejected === undefined ? [] : [item('Rows rejected while reading', counts.rowsRejected)]),
    '</dl>',
  ].join('');
}

function definition(indicator: ReportIndicator): string {
  const rules = Object.entries(indicator.rule).map(
    ([key, value]) =>
      `<div><dt>${escapeHtml(humanise(key))}</dt><dd>${escapeHtml(value === null ? 'none' : String(value))}</dd></div>`,
  );
  const chart = indicator.spc.options;
  return [
    '<details class="govuk-details">',
    '<summary class="govuk-details__summary"><span class="govuk-details__summary-text">Definition and source</span></summary>',
    '<div class="govuk-details__text">',
    `<p class="govuk-body"><strong>${escapeHtml(indicator.title)}</strong>. ${indicator.polarity === 'higher-is-better' ? 'Higher' : 'Lower'} is better.</p>`,
    `<p class="govuk-body">Source: ${escapeHtml(indicator.source)}</p>`,
    rules.length > 0
      ? `<h3 class="govuk-heading-s">Rule</h3><dl class="govuk-body-s csi-counts">${rules.join('')}</dl>`
      : '',
    `<p class="govuk-body-s">Chart: improvement ${escapeHtml(chart.improvement)}; limits from ${chart.fixAfter === null ? 'every month shown' : `the first ${chart.fixAfter} months of each phase`}; ${chart.rebase.length === 0 ? 'one phase' : `new phases at ${escapeHtml(chart.rebase.join(', '))}`}; moving ranges ${chart.screenOutliers ? 'screened for outliers' : 'not screened'}.</p>`,
    '</div>',
    '</details>',
  ].join('');
}

function targetsTable(indicator: ReportIndicator): string {
  if (indicator.targets.length === 0) {
    return '<p class="govuk-body">No target is set for this indicator in this year.</p>';
  }
  const rows = indicator.targets.map((target) =>
    [
      '<tr class="govuk-table__row">',
      `<th scope="row" class="govuk-table__header">${escapeHtml(target.period.label)}${target.headline ? '<span class="csi-muted">Headline</span>' : ''}</th>`,
      `<td class="govuk-table__cell" data-label="Set">${escapeHtml(target.set.id ?? target.set.title)}</td>`,
      `<td class="govuk-table__cell govuk-table__cell--numeric" data-label="Target">${escapeHtml(target.targetDisplay)}</td>`,
      `<td class="govuk-table__cell govuk-table__cell--numeric" data-label="Actual">${escapeHtml(target.actualDisplay)}</td>`,
      `<td class="govuk-table__cell govuk-table__cell--numeric" data-label="Gap">${escapeHtml(target.gapDisplay)}</td>`,
      `<td class="govuk-table__cell" data-label="Standing">${ragTag(target)}<span class="csi-muted">${escapeHtml(statusWords(target))}</span></td>`,
      `<td class="govuk-table__cell" data-label="Amber within">${escapeHtml(toleranceBasis(target))}</td>`,
      `<td class="govuk-table__cell" data-label="Rate needed">${escapeHtml(rateNeededText(target))}</td>`,
      `<td class="govuk-table__cell" data-label="Source"><span class="csi-muted">${escapeHtml(shortSource(target))}</span></td>`,
      '</tr>',
    ].join(''),
  );
  const sources = indicator.targets.map((target) => {
    const source = target.target.source;
    return [
      `<h4 class="govuk-heading-s">${escapeHtml(target.targetDisplay)} for ${escapeHtml(target.period.label)}</h4>`,
      `<blockquote class="csi-quote"><p class="govuk-body">${escapeHtml(source.quote)}</p></blockquote>`,
      `<p class="govuk-body-s">${escapeHtml(source.document)}${source.ref ? `, paragraph ${escapeHtml(source.ref)}` : ''} (transcribed in <code>${escapeHtml(source.sourceFile)}</code>).</p>`,
      source.note ? `<p class="govuk-body-s">Note: ${escapeHtml(source.note)}</p>` : '',
    ].join('');
  });
  return [
    '<table class="govuk-table csi-targets csi-reflow">',
    `<caption class="govuk-table__caption govuk-table__caption--m">${escapeHtml(indicator.id)} targets</caption>`,
    '<thead class="govuk-table__head"><tr class="govuk-table__row">',
    '<th scope="col" class="govuk-table__header">Period</th>',
    '<th scope="col" class="govuk-table__header">Set</th>',
    '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Target</th>',
    '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Actual</th>',
    '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Gap</th>',
    '<th scope="col" class="govuk-table__header">Standing</th>',
    '<th scope="col" class="govuk-table__header">Amber within</th>',
    '<th scope="col" class="govuk-table__header">Rate needed</th>',
    '<th scope="col" class="govuk-table__header">Source</th>',
    '</tr></thead>',
    `<tbody class="govuk-table__body">${rows.join('')}</tbody>`,
    '</table>',
    '<details class="govuk-details">',
    `<summary class="govuk-details__summary"><span class="govuk-details__summary-text">Where the ${escapeHtml(indicator.id)} targets come from</span></summary>`,
    `<div class="govuk-details__text csi-sources">${sources.join('')}</div>`,
    '</details>',
  ].join('');
}

function chartFigure(indicator: ReportIndicator, options: RenderHtmlOptions): string {
  const notDrawn = indicator.targets.filter((target) => target.target.unit !== indicator.unit);
  const caption =
    notDrawn.length > 0
      ? ` Not drawn: ${notDrawn.map((target) => `${target.targetDisplay} for ${target.period.label}`).join('; ')}, a change on a baseline period rather than a level.`
      : '';
  let last: ReportIndicator['spc']['points'][number] | undefined;
  for (const point of indicator.spc.points) if (point.value !== null) last = point;
  const limits =
    last && last.lowerLimit !== null && last.upperLimit !== null
      ? ` Mean ${chartValue(last.mean, indicator)}, process limits ${chartValue(last.lowerLimit, indicator)} to ${chartValue(last.upperLimit, indicator)}.`
      : '';
  const few = indicator.spc.tooFewPoints
    ? ' Too few points: the limits rest on fewer than 12 months; read them as provisional.'
    : '';
  return [
    '<figure class="csi-chart-figure">',
    renderChart(indicator, options.chart ?? {}),
    `<figcaption class="govuk-body-s">${escapeHtml(`${indicator.id} by month, ${indicator.polarity === 'higher-is-better' ? 'higher' : 'lower'} is better.${limits}${few}${caption}`)}</figcaption>`,
    '</figure>',
  ].join('');
}

function section(indicator: ReportIndicator, options: RenderHtmlOptions): string {
  const id = escapeHtml(indicator.id);
  return [
    `<section id="${id}" class="csi-indicator" aria-labelledby="${id}-heading">`,
    `<h2 class="govuk-heading-l" id="${id}-heading"><span class="govuk-caption-l">${id}</span>${escapeHtml(indicator.title)}</h2>`,
    warningsPanel(indicator.warnings),
    '<div class="govuk-grid-row">',
    `<div class="govuk-grid-column-two-thirds">${chartFigure(indicator, options)}</div>`,
    `<div class="govuk-grid-column-one-third">${figureCards(indicator)}</div>`,
    '</div>',
    monthsTable(indicator),
    '<div class="govuk-grid-row">',
    `<div class="govuk-grid-column-one-half">${countsList(indicator)}</div>`,
    `<div class="govuk-grid-column-one-half">${definition(indicator)}</div>`,
    '</div>',
    targetsTable(indicator),
    '</section>',
  ].join('');
}

/**
 * The input files: each with its SHA-256 (which identifies the export byte for byte), the encoding it was read in, and
 * what became of its rows (read = accepted + rejected + skipped), for an auditor.
 */
function inputsTable(model: ReportModel): string {
  if (model.inputs.length === 0) return '';
  const rows = model.inputs.map(
    (input) =>
      `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${escapeHtml(input.kind)}</th><td class="govuk-table__cell" data-label="File"><code>${escapeHtml(input.file)}</code></td><td class="govuk-table__cell" data-label="SHA-256"><code class="csi-hash">${escapeHtml(input.sha256)}</code></td><td class="govuk-table__cell" data-label="Encoding">${escapeHtml(input.encoding)}</td>${[
        ['Rows read', input.rowsRead],
        ['Accepted', input.rowsAccepted],
        ['Rejected', input.rowsRejected],
        ['Skipped', input.rowsSkipped],
      ]
        .map(
          ([label, value]) =>
            `<td class="govuk-table__cell govuk-table__cell--numeric" data-label="${label}">${escapeHtml(groupDigits(value as number))}</td>`,
        )
        .join('')}</tr>`,
  );
  return [
    '<section class="csi-indicator" aria-labelledby="inputs-heading">',
    '<table class="govuk-table csi-reflow">',
    '<caption class="govuk-table__caption govuk-table__caption--m" id="inputs-heading">Inputs: every row accounted for</caption>',
    '<thead class="govuk-table__head"><tr class="govuk-table__row">',
    '<th scope="col" class="govuk-table__header">Records</th><th scope="col" class="govuk-table__header">File</th>',
    '<th scope="col" class="govuk-table__header">SHA-256</th><th scope="col" class="govuk-table__header">Encoding</th>',
    '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Rows read</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Accepted</th>',
    '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Rejected</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Skipped</th>',
    '</tr></thead>',
    `<tbody class="govuk-table__body">${rows.join('')}</tbody>`,
    '</table>',
    '</section>',
  ].join('');
}

/** The report's content under its header: the summary, the warnings, a section per indicator, the inputs. */
function mainParts(model: ReportModel, options: RenderHtmlOptions): string[] {
  return [
    slowToProgress(model),
    summaryTable(model),
    otherTargets(model),
    warningsPanel(eachOnce(model.indicators.flatMap((indicator) => indicator.warnings))),
    howToRead(),
    ...model.indicators.map((indicator) => section(indicator, options)),
    inputsTable(model),
  ];
}

/**
 * The CSS of the HTML report: govuk-frontend's styles (without its fonts and images) and the report's own (the
 * layout, a phone's width, A4 print), for a page that shows {@link renderReportContent}.
 *
 * @returns the CSS text.
 * @example reportStyles().includes('.csi-summary') //=> true
 */
export function reportStyles(): string {
  return `${GOVUK_STYLES}\n${REPORT_STYLES}`;
}

/**
 * The monthly return's content as {@link renderHtml} shows it, without the page around it: the header band, then
 * the summary (its rows with the SPEC 15 contract), the warnings, a section per indicator and the inputs, for a page
 * that holds the report in one of its parts (the browser page's `#report`), styled by {@link reportStyles}. Every
 * text from the model is escaped. Pure and browser-safe.
 *
 * @param model - the report, from `buildReport`.
 * @param options - the charts' size.
 * @returns the HTML of the content.
 * @example
 * renderReportContent(model).startsWith('<header class="csi-masthead">') //=> true
 * renderHtml(model).includes(renderReportContent(model).slice(0, 200)) //=> true
 */
export function renderReportContent(model: ReportModel, options: RenderHtmlOptions = {}): string {
  return [
    header(model),
    '<div class="govuk-width-container">',
    '<div class="govuk-main-wrapper">',
    ...mainParts(model, options),
    '</div>',
    '</div>',
  ].join('\n');
}

/**
 * Renders the monthly return as one standalone HTML page in the GOV.UK Design System look: govuk-frontend's styles
 * inlined (without its fonts and images), no script, and nothing fetched from any network when it is viewed. A header
 * band with the title, the year, the data's date, the calendar, the convention, the tolerance and the chart history;
 * the indicators slow to progress, in words; a summary table (each indicator's latest month, year to date or
 * snapshot, headline target named by set and period, actual, gap, status, standing, variation and assurance with
 * their icons and words, rate needed), its rows carrying the SPEC 15 contract (`<tr data-indicator>`, cells with
 * `data-field` and `data-value`), the other targets named under it, and every warning; then a section per indicator
 * (`id` the indicator's id) with its XmR chart, key figures, the months (history first) with what each shows, how the
 * records were used, the definition, and the targets with their standing, tolerance and sources; then the inputs.
 * RAG, variation and assurance are always in words as well as colour. At a phone's width the tables reflow into a
 * block per row; printed on A4 the summary comes first, the sections follow one another and folded parts open. Every
 * text from the model is escaped. Pure and browser-safe.
 *
 * @param model - the report, from `buildReport`.
 * @param options - the charts' size.
 * @returns the page, `<!DOCTYPE html>` to `</html>`.
 * @example
 * const html = renderHtml(model);
 * html.split('\n').slice(0, 2); //=> ['<!DOCTYPE html>', '<html lang="en-GB" class="govuk-template">']
 * html.includes('<tr class="govuk-table__row" data-indicator="NI59">'); //=> true
 */
export function renderHtml(model: ReportModel, options: RenderHtmlOptions = {}): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB" class="govuk-template">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${model.title}, data to ${longDate(model.asAt)}`)}</title>`,
    `<style>${GOVUK_STYLES}</style>`,
    `<style>${REPORT_STYLES}</style>`,
    '</head>',
    '<body class="govuk-template__body">',
    '<a href="#main-content" class="govuk-skip-link">Skip to main content</a>',
    header(model),
    '<div class="govuk-width-container">',
    '<main class="govuk-main-wrapper" id="main-content">',
    ...mainParts(model, options),
    '</main>',
    '</div>',
    '<footer class="csi-footer">',
    '<div class="govuk-width-container">',
    `<p class="govuk-body-s">Made with childrens-services-indicators from case-level records. XmR charts read with the rules of NHS England’s “Making Data Count” and its reference implementation, NHSRplotthedots. Styles from govuk-frontend ${escapeHtml(GOVUK_FRONTEND_VERSION)} (MIT licence).</p>`,
    '</div>',
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
