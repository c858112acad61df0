import { MONTH_NAMES } from '../util/dates.js';
import { type RenderChartOptions, renderChart } from './chart.js';
import { escapeHtml } from './escape-html.js';
import { GOVUK_FRONTEND_VERSION, GOVUK_STYLES } from './govuk-styles.js';
import { headlineTarget, latestReportedMonth, ragLabel, rateNeededText, toleranceWords } from './headline.js';
import type { ReportFigure, ReportIndicator, ReportModel, ReportTarget } from './model.js';

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions {
  /**
   * The RAG tolerance for the words of an amber standing (`Within 5 points`). Default: the model's own
   * (`buildReport`'s `tolerance`).
   */
  readonly tolerance?: number;
  /** The size of each chart. Default: {@link renderChart}'s, 720 by 380, scaled to the page's width. */
  readonly chart?: Pick<RenderChartOptions, 'width' | 'height'>;
}

/** How each counting convention counts working days, in words. */
const CONVENTIONS: Readonly<Record<string, string>> = {
  'after-start': 'the start day is day 0',
  inclusive: 'both days count, as NETWORKDAYS',
  'end-exclusive': 'the start day counts, the end day not',
};

/** The report's own styles, on top of govuk-frontend's. */
const REPORT_STYLES = [
  '.govuk-template__body{font-family:arial,sans-serif;color:#0b0c0c}',
  '.govuk-width-container{max-width:1100px}',
  '.csi-masthead{background:#1d70b8;color:#fff;padding:30px 0}',
  '.csi-masthead__caption{font-size:1.1875rem;line-height:1.3;margin:0 0 5px;color:#d2e2f1}',
  '.csi-masthead__title{font-weight:700;font-size:2.25rem;line-height:1.1;margin:0 0 15px}',
  '@media (min-width:40.0625em){.csi-masthead__title{font-size:3rem}}',
  '.csi-masthead__meta{display:flex;flex-wrap:wrap;gap:10px 40px;margin:0;font-size:1rem;line-height:1.4}',
  '.csi-masthead__meta div{min-width:0}',
  '.csi-masthead__meta dt{color:#d2e2f1;margin:0}',
  '.csi-masthead__meta dd{margin:0;font-weight:700;overflow-wrap:anywhere}',
  '.csi-masthead__note{display:block;font-weight:400;color:#d2e2f1}',
  '.csi-masthead__meta code{font-family:monospace;font-weight:400;font-size:.9375rem}',
  '.csi-muted{display:block;color:#484949;font-weight:400;font-size:1rem;line-height:1.25}',
  '.csi-summary .govuk-table__header,.csi-summary .govuk-table__cell{padding-right:15px}',
  '.csi-summary a.govuk-link{font-weight:700}',
  '.csi-summary .govuk-table__cell--numeric{white-space:nowrap}',
  '.csi-summary .govuk-table__cell--numeric .csi-muted{white-space:normal}',
  '.govuk-tag{max-width:none;white-space:nowrap}',
  '.csi-indicator{padding-top:30px;margin-top:30px;border-top:5px solid #1d70b8}',
  '@media screen{.csi-indicator .govuk-table{font-size:1rem;line-height:1.25}',
  '.csi-indicator .govuk-table__header,.csi-indicator .govuk-table__cell{padding:7px 15px 7px 0}',
  '.csi-indicator .govuk-table__header:last-child,.csi-indicator .govuk-table__cell:last-child{padding-right:0}',
  '.csi-indicator .govuk-table .govuk-tag{font-size:1rem}}',
  '.csi-figures{display:grid;gap:15px;margin:0 0 30px}',
  '.csi-card{background:#f4f8fb;border-left:5px solid #1d70b8;padding:12px 15px}',
  '.csi-card__label{margin:0 0 5px;font-size:1rem;line-height:1.25;color:#484949}',
  '.csi-card__value{margin:0;font-size:2rem;line-height:1.1;font-weight:700;color:#0b0c0c}',
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
  '.csi-quote{margin:0 0 10px;padding:0 0 0 15px;border-left:5px solid #cecece}',
  '.csi-quote p{margin:0}',
  '.csi-counts{margin:0 0 20px}',
  '.csi-counts div{display:flex;justify-content:space-between;gap:20px;padding:8px 0;border-bottom:1px solid #cecece}',
  '.csi-counts dt,.csi-counts dd{margin:0}.csi-counts dd{font-variant-numeric:tabular-nums;text-align:right}',
  '.csi-footer{padding:25px 0;border-top:1px solid #1d70b8;background:#f4f8fb;color:#484949}',
  '.csi-footer p{margin:0}',
  '@media print{.csi-masthead{background:none;color:#000;border-bottom:2px solid #000}',
  '.csi-masthead__caption,.csi-masthead__meta dt{color:#000}',
  '.csi-indicator{break-before:page;border-top:0}.csi-chart-figure,.csi-figures{break-inside:avoid}}',
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
function ragTag(target: ReportTarget, tolerance: number): string {
  return `<strong class="govuk-tag govuk-tag--${TAG_COLOURS[target.rag]}">${escapeHtml(ragLabel(target, tolerance))}</strong>`;
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
      `${escapeHtml(model.calendar.id)} <code>${escapeHtml(model.calendar.fingerprint)}</code>`,
    ),
    item(
      'Counting convention',
      `${escapeHtml(model.convention)}<span class="csi-masthead__note">${escapeHtml(CONVENTIONS[model.convention] ?? '')}</span>`,
    ),
    '</dl>',
    '</div>',
    '</header>',
  ].join('');
}

function summaryTable(model: ReportModel, tolerance: number): string {
  const rows = model.indicators.map((indicator) => {
    const latest = latestReportedMonth(indicator);
    const target = headlineTarget(indicator);
    const rate = target ? rateNeededText(target) : '';
    return [
      '<tr class="govuk-table__row">',
      `<th scope="row" class="govuk-table__header"><a class="govuk-link" href="#${escapeHtml(indicator.id)}">${escapeHtml(indicator.id)}</a><span class="csi-muted">${escapeHtml(indicator.title)}</span></th>`,
      `<td class="govuk-table__cell govuk-table__cell--numeric">${latest ? `${escapeHtml(latest.display)}<span class="csi-muted">${escapeHtml(latest.period.label)}</span>` : 'n/a'}</td>`,
      `<td class="govuk-table__cell govuk-table__cell--numeric">${escapeHtml(indicator.yearToDate.display)}<span class="csi-muted">${escapeHtml(fraction(indicator, indicator.yearToDate))}</span></td>`,
      target
        ? `<td class="govuk-table__cell">${escapeHtml(target.targetDisplay)}<span class="csi-muted">${escapeHtml(target.period.label)}</span></td><td class="govuk-table__cell govuk-table__cell--numeric">${escapeHtml(target.actualDisplay)}<span class="csi-muted">${escapeHtml(target.gapDisplay)}</span></td>`
        : '<td class="govuk-table__cell"><span class="csi-muted">No target</span></td><td class="govuk-table__cell"></td>',
      `<td class="govuk-table__cell">${target ? `${ragTag(target, tolerance)}<span class="csi-muted">${escapeHtml(statusWords(target))}</span>` : ''}</td>`,
      `<td class="govuk-table__cell">${escapeHtml(rate)}</td>`,
      '</tr>',
    ].join('');
  });
  return [
    '<table class="govuk-table csi-summary">',
    `<caption class="govuk-table__caption govuk-table__caption--l">Summary, data to ${time(model.asAt)}</caption>`,
    '<thead class="govuk-table__head"><tr class="govuk-table__row">',
    '<th scope="col" class="govuk-table__header">Indicator</th>',
    '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Latest month</th>',
    '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Year to date</th>',
    '<th scope="col" class="govuk-table__header">Target</th>',
    '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Actual</th>',
    '<th scope="col" class="govuk-table__header">Standing</th>',
    '<th scope="col" class="govuk-table__header">Rate needed</th>',
    '</tr></thead>',
    `<tbody class="govuk-table__body">${rows.join('')}</tbody>`,
    '</table>',
  ].join('');
}

function howToRead(tolerance: number): string {
  const item = (tag: string, colour: string, words: string) =>
    `<li><strong class="govuk-tag govuk-tag--${colour}">${escapeHtml(tag)}</strong> ${escapeHtml(words)}</li>`;
  return [
    '<details class="govuk-details">',
    '<summary class="govuk-details__summary"><span class="govuk-details__summary-text">How to read the standing and the rate needed</span></summary>',
    '<div class="govuk-details__text">',
    '<ul class="govuk-list govuk-list--spaced">',
    item('On target', 'green', 'the figure meets the target.'),
    item(
      `Within ${toleranceWords(tolerance, 'percent')}`,
      'yellow',
      `not met, but short by no more than ${toleranceWords(tolerance, 'percent')} (cases per FTE for a caseload).`,
    ),
    item('Off target', 'red', 'further off than that.'),
    item('No data', 'grey', 'nothing to compare yet; "Not started" when the period starts after the data.'),
    '</ul>',
    '<p class="govuk-body">"So far": the target’s period runs past the data, and is compared on its months so far. The rate needed is what the rest of such a period must reach for the whole period to meet the target, if the remaining months have as many cases as the months so far on average.</p>',
    '</div>',
    '</details>',
  ].join('');
}

function figureCards(indicator: ReportIndicator, tolerance: number): string {
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
      `Year to date, ${escapeHtml(indicator.yearToDate.period.label)}`,
      escapeHtml(indicator.yearToDate.display),
      escapeHtml(fraction(indicator, indicator.yearToDate)),
    ),
  ];
  if (target) {
    const rate = rateNeededText(target);
    cards.push(
      card(
        `Against the target of ${escapeHtml(target.targetDisplay)} for ${escapeHtml(target.period.label)}`,
        escapeHtml(target.actualDisplay),
        `${ragTag(target, tolerance)}<span class="csi-card__line">${escapeHtml(target.gap === null ? statusWords(target) : `${statusWords(target)}: ${target.gapDisplay}`)}</span>${rate ? `<span class="csi-card__line">Rate needed: ${escapeHtml(rate)}</span>` : ''}`,
        ` csi-card--${TAG_COLOURS[target.rag]}`,
      ),
    );
  }
  return `<div class="csi-figures">${cards.join('')}</div>`;
}

function monthsTable(indicator: ReportIndicator): string {
  const columns =
    indicator.unit === 'percent'
      ? ['Numerator', 'Denominator', 'Per cent']
      : indicator.unit === 'cases-per-fte'
        ? ['Open cases', 'FTE', 'Cases per FTE']
        : ['Count'];
  const numeric = 'govuk-table__cell govuk-table__cell--numeric';
  const row = (figure: ReportFigure, label: string, rowClass = '', detail = '') => {
    const cells =
      columns.length === 1
        ? [figure.display]
        : [
            figure.reported ? groupDigits(figure.numerator) : '',
            figure.reported ? groupDigits(figure.denominator) : '',
            figure.display,
          ];
    const notYet = figure.reported ? '' : ' csi-not-yet';
    const more = detail ? `<span class="csi-muted">${escapeHtml(detail)}</span>` : '';
    return `<tr class="govuk-table__row${rowClass}${notYet}"><th scope="row" class="govuk-table__header">${escapeHtml(label)}${more}</th>${cells
      .map((cell) => `<td class="${numeric}">${escapeHtml(cell)}</td>`)
      .join('')}</tr>`;
  };
  return [
    '<table class="govuk-table">',
    `<caption class="govuk-table__caption govuk-table__caption--m">${escapeHtml(indicator.id)} by month</caption>`,
    '<thead class="govuk-table__head"><tr class="govuk-table__row">',
    '<th scope="col" class="govuk-table__header">Month</th>',
    ...columns.map(
      (column) =>
        `<th scope="col" class="govuk-table__header govuk-table__header--numeric">${escapeHtml(column)}</th>`,
    ),
    '</tr></thead>',
    '<tbody class="govuk-table__body">',
    ...indicator.months.map((month) => row(month, month.period.label)),
    row(indicator.yearToDate, 'Year to date', ' csi-total', indicator.yearToDate.period.label),
    '</tbody>',
    '</table>',
  ].join('');
}

function countsList(indicator: ReportIndicator): string {
  const counts = indicator.counts;
  const item = (term: string, value: number) =>
    `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(groupDigits(value))}</dd></div>`;
  return [
    '<h3 class="govuk-heading-m">How the records were used</h3>',
    `<p class="govuk-body-s">Year to date, ${escapeHtml(indicator.yearToDate.period.label)}.</p>`,
    '<dl class="govuk-body-s csi-counts">',
    item('Records read', counts.recordsRead),
    item('In the population (denominator)', counts.inPopulation),
    item('Counted (numerator)', counts.counted),
    item('In the population, not counted', counts.notCounted),
    item('Outside the period', counts.notInPeriod),
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
  return [
    '<details class="govuk-details">',
    '<summary class="govuk-details__summary"><span class="govuk-details__summary-text">Definition and source</span></summary>',
    '<div class="govuk-details__text">',
    `<p class="govuk-body"><strong>${escapeHtml(indicator.title)}</strong>. ${indicator.polarity === 'higher-is-better' ? 'Higher' : 'Lower'} is better.</p>`,
    `<p class="govuk-body">Source: ${escapeHtml(indicator.source)}</p>`,
    rules.length > 0
      ? `<h3 class="govuk-heading-s">Rule</h3><dl class="govuk-body-s csi-counts">${rules.join('')}</dl>`
      : '',
    '</div>',
    '</details>',
  ].join('');
}

function targetsTable(indicator: ReportIndicator, tolerance: number): string {
  if (indicator.targets.length === 0) {
    return '<p class="govuk-body">No target is set for this indicator in this year.</p>';
  }
  const rows = indicator.targets.map((target) =>
    [
      '<tr class="govuk-table__row">',
      `<th scope="row" class="govuk-table__header">${escapeHtml(target.period.label)}</th>`,
      `<td class="govuk-table__cell govuk-table__cell--numeric">${escapeHtml(target.targetDisplay)}</td>`,
      `<td class="govuk-table__cell govuk-table__cell--numeric">${escapeHtml(target.actualDisplay)}</td>`,
      `<td class="govuk-table__cell govuk-table__cell--numeric">${escapeHtml(target.gapDisplay)}</td>`,
      `<td class="govuk-table__cell">${ragTag(target, tolerance)}<span class="csi-muted">${escapeHtml(statusWords(target))}</span></td>`,
      `<td class="govuk-table__cell">${escapeHtml(rateNeededText(target))}</td>`,
      `<td class="govuk-table__cell"><span class="csi-muted">${escapeHtml(shortSource(target))}</span></td>`,
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
    '<table class="govuk-table csi-targets">',
    `<caption class="govuk-table__caption govuk-table__caption--m">${escapeHtml(indicator.id)} targets</caption>`,
    '<thead class="govuk-table__head"><tr class="govuk-table__row">',
    '<th scope="col" class="govuk-table__header">Period</th>',
    '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Target</th>',
    '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Actual</th>',
    '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Gap</th>',
    '<th scope="col" class="govuk-table__header">Standing</th>',
    '<th scope="col" class="govuk-table__header">Rate needed</th>',
    '<th scope="col" class="govuk-table__header">Source</th>',
    '</tr></thead>',
    `<tbody class="govuk-table__body">${rows.join('')}</tbody>`,
    '</table>',
    '<details class="govuk-details">',
    `<summary class="govuk-details__summary"><span class="govuk-details__summary-text">Where the ${escapeHtml(indicator.id)} targets come from</span></summary>`,
    `<div class="govuk-details__text">${sources.join('')}</div>`,
    '</details>',
  ].join('');
}

function chartFigure(indicator: ReportIndicator, options: RenderHtmlOptions): string {
  const notDrawn = indicator.targets.filter((target) => target.target.unit !== indicator.unit);
  const caption =
    notDrawn.length > 0
      ? ` Not drawn: ${notDrawn.map((target) => `${target.targetDisplay} for ${target.period.label}`).join('; ')}, a change on a baseline period rather than a level.`
      : '';
  return [
    '<figure class="csi-chart-figure">',
    renderChart(indicator, options.chart ?? {}),
    `<figcaption class="govuk-body-s">${escapeHtml(`${indicator.id} by month, ${indicator.polarity === 'higher-is-better' ? 'higher' : 'lower'} is better.${caption}`)}</figcaption>`,
    '</figure>',
  ].join('');
}

function section(indicator: ReportIndicator, options: RenderHtmlOptions, tolerance: number): string {
  const id = escapeHtml(indicator.id);
  return [
    `<section id="${id}" class="csi-indicator" aria-labelledby="${id}-heading">`,
    `<h2 class="govuk-heading-l" id="${id}-heading"><span class="govuk-caption-l">${id}</span>${escapeHtml(indicator.title)}</h2>`,
    '<div class="govuk-grid-row">',
    `<div class="govuk-grid-column-two-thirds">${chartFigure(indicator, options)}</div>`,
    `<div class="govuk-grid-column-one-third">${figureCards(indicator, tolerance)}</div>`,
    '</div>',
    '<div class="govuk-grid-row">',
    `<div class="govuk-grid-column-one-half">${monthsTable(indicator)}</div>`,
    `<div class="govuk-grid-column-one-half">${countsList(indicator)}${definition(indicator)}</div>`,
    '</div>',
    targetsTable(indicator, tolerance),
    '</section>',
  ].join('');
}

/**
 * Renders the monthly return as one standalone HTML page in the GOV.UK Design System look: govuk-frontend's styles
 * inlined (without its fonts and images), no script, and nothing fetched from any network when it is viewed. A header
 * band with the title, the year, the data's date, the calendar and the convention; a summary table (each indicator's
 * latest month, year to date, headline target, RAG and rate needed); then a section per indicator (`id` the
 * indicator's id) with its key figures, a chart of the months with the targets drawn, the months as an accessible
 * table, how the records were used, the definition, and the targets with their standing and sources. RAG is always
 * in words (`On target`, `Within 5 points`, `Off target`, `No data`, `Not started`) as well as colour. Every text
 * from the model (titles, rules, quotes, labels) is escaped. Pure and browser-safe.
 *
 * @param model - the report, from `buildReport`.
 * @param options - the RAG tolerance the model was built with (for the words), the charts' size.
 * @returns the page, `<!DOCTYPE html>` to `</html>`.
 * @example
 * const html = renderHtml(model);
 * html.split('\n').slice(0, 2); //=> ['<!DOCTYPE html>', '<html lang="en-GB" class="govuk-template">']
 * html.includes('<section id="NI59"'); //=> true
 */
export function renderHtml(model: ReportModel, options: RenderHtmlOptions = {}): string {
  const tolerance = options.tolerance ?? model.tolerance;
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
    summaryTable(model, tolerance),
    howToRead(tolerance),
    ...model.indicators.map((indicator) => section(indicator, options, tolerance)),
    '</main>',
    '</div>',
    '<footer class="csi-footer">',
    '<div class="govuk-width-container">',
    `<p class="govuk-body-s">Made with childrens-services-indicators from case-level records. Styles from govuk-frontend ${escapeHtml(GOVUK_FRONTEND_VERSION)} (MIT licence).</p>`,
    '</div>',
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
