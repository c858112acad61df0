/**
 * The browser page's HTML (SPEC 16): one standalone file, its script and its worker's inlined, with a Content
 * Security Policy that allows nothing remote. Written at build time (`scripts/build-app.mjs`) from the scripts the
 * build bundles; the page's lists (record kinds, indicators, target sets, calendars) come from the core's own data.
 * @module
 */
import { conventions, regions } from '../calendar/calendar.js';
import { getIndicator, type IndicatorId, indicatorIds, roundingModes } from '../indicators/index.js';
import { type PresetId, presetIds } from '../presets/preset-reader.js';
import { presetKinds } from '../presets/presets.js';
import { dateFormats } from '../records/dates.js';
import { textEncodings } from '../records/issues.js';
import { type RecordKind, recordKinds } from '../records/kinds.js';
import { escapeHtml } from '../report/escape-html.js';
import { reportStyles } from '../report/html.js';
import { targetSetIds, targetSets } from '../targets/index.js';
import { sha256OfText } from '../util/sha256.js';

/** What the page's script knows of the core's data: read from the page, not fetched. */
export interface PageData {
  /** The package's version. */
  readonly version: string;
  /** Each record kind with the presets that give it. */
  readonly kinds: readonly {
    readonly kind: RecordKind;
    readonly label: string;
    readonly presets: readonly PresetId[];
  }[];
  /** Each indicator with the record kinds it reads by default. */
  readonly indicators: readonly {
    readonly id: IndicatorId;
    readonly title: string;
    readonly kinds: readonly RecordKind[];
  }[];
}

/** What the analyst calls each kind of records. */
const KIND_LABELS: Readonly<Record<RecordKind, string>> = {
  'initial-assessment': 'Initial assessments',
  'core-assessment': 'Core assessments',
  'cp-conference': 'Child protection conferences',
  caf: 'Common Assessment Framework (CAF)',
  referral: 'Referrals',
  neet: 'Young people’s activity (NEET counts)',
  worker: 'Social work staff',
  allocation: 'Case allocations',
  assessment: 'Assessments (single assessments, 2013 on)',
  'cp-plan': 'Child protection plans',
};

const PRESET_LABELS: Readonly<Record<PresetId, string>> = {
  'annex-a': 'Ofsted Annex A',
  'cin-census': 'CIN census (XML)',
  'workforce-census': 'Workforce census',
  nccis: 'NCCIS activity codes',
};

/** The record kinds an indicator reads with its default options: its own, CASELOAD's workers, ASSESS45's referrals. */
function kindsRead(id: IndicatorId): RecordKind[] {
  const kind = getIndicator(id).recordKind as RecordKind;
  if (kind === 'allocation') return [kind, 'worker'];
  if (kind === 'assessment') return [kind, 'referral'];
  return [kind];
}

/**
 * The data the page's script reads.
 * @param version - the package's version.
 * @returns the data.
 */
export function pageData(version: string): PageData {
  return {
    version,
    kinds: recordKinds.map((kind) => ({
      kind,
      label: KIND_LABELS[kind],
      presets: presetIds.filter((preset) => presetKinds[preset].includes(kind)),
    })),
    indicators: indicatorIds.map((id) => ({ id, title: getIndicator(id).title, kinds: kindsRead(id) })),
  };
}

/** The page's own styles, on top of the report's. */
const APP_STYLES = [
  '.csi-app-promise{margin:0;font-size:1.1875rem;line-height:1.4;max-width:48em}',
  '.csi-drop{border:3px dashed #1d70b8;background:#f4f8fb;padding:20px;margin:0 0 20px}',
  '.csi-drop--over{border-style:solid;background:#d2e2f1}',
  '.csi-drop p{margin:0 0 10px}',
  '.csi-kinds{display:grid;gap:0 30px;grid-template-columns:repeat(auto-fill,minmax(min(100%,28em),1fr))}',
  '.csi-kind{border-left:5px solid #b1b4b6;padding:5px 0 5px 15px;margin-bottom:20px}',
  '.csi-kind--needed{border-left-color:#1d70b8}',
  '.csi-kind--given{border-left-color:#0f7a52}',
  '.csi-status{margin:5px 0 0;font-size:1rem;line-height:1.3;overflow-wrap:anywhere}',
  '.csi-status--problem{color:#ca3535;font-weight:700}',
  '.csi-inline{display:flex;flex-wrap:wrap;gap:10px 20px;align-items:flex-end}',
  '.csi-inline .govuk-form-group{margin-bottom:10px;min-width:0;max-width:100%}',
  '.csi-inline .govuk-select{max-width:100%}',
  '.csi-indicators .govuk-checkboxes__item{float:none}',
  '.csi-indicator-options{margin:0 0 15px 45px}',
  '.csi-progress{margin:0 0 20px;min-height:1.5em}',
  '.csi-progress progress{display:block;width:100%;max-width:40em;height:1.25em;margin-top:5px}',
  '.csi-problems{border-left:5px solid #ca3535;padding:10px 15px;margin:0 0 20px}',
  '.csi-problems pre,.csi-issues pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;font-size:1rem}',
  '.csi-issues ul,.csi-problems ul{font-family:monospace;font-size:.9375rem;overflow-wrap:anywhere}',
  '.csi-issues ul.govuk-list--bullet{font-family:inherit;font-size:1rem}',
  '.csi-report{margin-top:30px;border-top:1px solid #b1b4b6}',
  '.csi-report .csi-masthead{margin:0 -15px}',
  'textarea.govuk-textarea{font-family:monospace;font-size:1rem}',
  '[hidden]{display:none!important}',
].join('');

/** A script's or a style's hash for the Content Security Policy: `'sha256-…'` of its text, in base64. */
function cspHash(text: string): string {
  const hex = sha256OfText(text);
  let binary = '';
  for (let i = 0; i < hex.length; i += 2)
    binary += String.fromCharCode(Number.parseInt(hex.slice(i, i + 2), 16));
  return `'sha256-${btoa(binary)}'`;
}

/**
 * Text that may sit inside a `<script>` element: the parser ends the element at `</script` and changes state at
 * `<!--` and `<script`, so none may appear. The build refuses such a script rather than change its meaning.
 */
function scriptText(text: string, what: string): string {
  const bad = /<\/script|<!--|<script/i.exec(text);
  if (bad !== null) {
    throw new Error(
      `the ${what} holds ${JSON.stringify(bad[0])}, which would end or confuse its <script> element`,
    );
  }
  return text;
}

const option = (value: string, label: string, selected = false) =>
  `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;

function select(
  id: string,
  label: string,
  hint: string,
  options: readonly (readonly [string, string])[],
): string {
  return [
    '<div class="govuk-form-group">',
    `<label class="govuk-label" for="${id}">${escapeHtml(label)}</label>`,
    hint === '' ? '' : `<div class="govuk-hint" id="${id}-hint">${escapeHtml(hint)}</div>`,
    `<select class="govuk-select" id="${id}"${hint === '' ? '' : ` aria-describedby="${id}-hint"`}>`,
    ...options.map(([value, text]) => option(value, text)),
    '</select>',
    '</div>',
  ].join('');
}

function input(id: string, label: string, hint: string, attributes = 'type="text"'): string {
  return [
    '<div class="govuk-form-group">',
    `<label class="govuk-label" for="${id}">${escapeHtml(label)}</label>`,
    hint === '' ? '' : `<div class="govuk-hint" id="${id}-hint">${escapeHtml(hint)}</div>`,
    `<input class="govuk-input" id="${id}" ${attributes}${hint === '' ? '' : ` aria-describedby="${id}-hint"`}>`,
    '</div>',
  ].join('');
}

const ACCEPT = '.csv,.json,.ndjson,.jsonl,.xml,.xlsx,.xlsm';

function kindGroup(data: PageData['kinds'][number], indicators: PageData['indicators']): string {
  const { kind } = data;
  const readers = indicators.filter((indicator) => indicator.kinds.includes(kind)).map((i) => i.id);
  return [
    `<div class="csi-kind" data-kind-group="${kind}">`,
    '<div class="govuk-form-group">',
    `<label class="govuk-label govuk-label--s" for="file-${kind}">${escapeHtml(data.label)} <span class="csi-muted">${kind} records</span></label>`,
    `<div class="govuk-hint" id="file-${kind}-hint">Read by ${escapeHtml(readers.join(', ') || 'no indicator')}.</div>`,
    `<input class="govuk-file-upload" type="file" id="file-${kind}" data-kind="${kind}" accept="${ACCEPT}" aria-describedby="file-${kind}-hint status-${kind}">`,
    `<p class="csi-status" id="status-${kind}" aria-live="polite">No file chosen.</p>`,
    '</div>',
    '<details class="govuk-details">',
    `<summary class="govuk-details__summary"><span class="govuk-details__summary-text">Shape, sheet, encoding, column map</span></summary>`,
    '<div class="govuk-details__text">',
    select(`preset-${kind}`, 'Shape', 'Set by the file’s header when it is recognised.', [
      ['', 'As exported: its own field names (or a column map)'],
      ...data.presets.map((preset) => [preset, PRESET_LABELS[preset]] as const),
    ]),
    input(
      `sheet-${kind}`,
      'Sheet (workbooks)',
      'A name or a number; blank for the shape’s own sheet, else the first.',
    ),
    select(`encoding-${kind}`, 'Text encoding', '', [
      ['', 'As the settings say (detected by default)'],
      ...textEncodings.map((e) => [e, e] as const),
    ]),
    kind === 'allocation' || kind === 'worker'
      ? input(
          `census-date-${kind}`,
          'Census date (workforce census)',
          kind === 'allocation'
            ? 'The 30 September whose Cases30 counts are read as allocations, YYYY-09-30; a census XML says its own.'
            : 'The 30 September a census CSV or workbook is of, YYYY-09-30; a census XML says its own.',
        )
      : '',
    kind === 'neet'
      ? input(
          `snapshot-date-${kind}`,
          'Count date (NCCIS)',
          'The count date of an NCCIS CSV with no column for it, YYYY-MM-DD; an NCCIS XML says its own.',
        )
      : '',
    '<div class="govuk-form-group">',
    `<label class="govuk-label" for="map-${kind}">Column map (JSON)</label>`,
    `<div class="govuk-hint" id="map-${kind}-hint">Renames the export’s headers to the field names, e.g. {"Date of referral": "referralDate"}.</div>`,
    `<input class="govuk-file-upload" type="file" id="map-${kind}" data-map-kind="${kind}" accept=".json" aria-describedby="map-${kind}-hint map-status-${kind}">`,
    `<p class="csi-status" id="map-status-${kind}" aria-live="polite"></p>`,
    '</div>',
    '</div>',
    '</details>',
    '</div>',
  ].join('');
}

function toleranceFields(prefix: string, hint: string): string {
  return [
    '<div class="csi-inline">',
    select(`${prefix}tolerance-mode`, 'Amber within', hint, [
      ['default', 'The default: 5% of the target'],
      ['points', 'Points (cases per FTE for CASELOAD)'],
      ['percent-of-target', 'Percent of the target'],
    ]),
    input(
      `${prefix}tolerance-value`,
      'Tolerance',
      '',
      'type="text" inputmode="decimal" class="govuk-input--width-5"',
    ),
    '</div>',
  ].join('');
}

function indicatorItem(indicator: PageData['indicators'][number]): string {
  const { id } = indicator;
  const sets = [['', 'The default rule'] as const, ...targetSetIds.map((set) => [set, set] as const)];
  return [
    '<div class="govuk-checkboxes__item">',
    `<input class="govuk-checkboxes__input" id="indicator-${id}" type="checkbox" value="${id}" data-indicator-choice="${id}">`,
    `<label class="govuk-label govuk-checkboxes__label" for="indicator-${id}"><strong>${id}</strong> ${escapeHtml(indicator.title)}</label>`,
    '</div>',
    '<details class="govuk-details csi-indicator-options">',
    `<summary class="govuk-details__summary"><span class="govuk-details__summary-text">${id}: options, headline target, tolerance, chart</span></summary>`,
    '<div class="govuk-details__text">',
    '<div class="govuk-form-group">',
    `<label class="govuk-label" for="options-${id}">Options (JSON)</label>`,
    `<div class="govuk-hint" id="options-${id}-hint">As the report config’s options, e.g. {"rules": "wt2010"}; blank for the defaults.</div>`,
    `<textarea class="govuk-textarea" id="options-${id}" rows="2" spellcheck="false" aria-describedby="options-${id}-hint"></textarea>`,
    '</div>',
    '<div class="csi-inline">',
    select(`headline-set-${id}`, 'Headline target: set', '', sets),
    input(
      `headline-period-${id}`,
      'Headline target: period',
      '',
      'type="text" class="govuk-input--width-10"',
    ),
    '</div>',
    toleranceFields(`${id}-`, ''),
    '<div class="csi-inline">',
    input(
      `fix-after-${id}`,
      'XmR limits from the first',
      'points (blank: all)',
      'type="text" inputmode="numeric" class="govuk-input--width-3"',
    ),
    input(`rebase-${id}`, 'Rebase at', 'months, e.g. 2010-10', 'type="text" class="govuk-input--width-10"'),
    select(`screen-outliers-${id}`, 'Screen outlying ranges', '', [
      ['', 'Default (yes)'],
      ['yes', 'Yes'],
      ['no', 'No'],
    ]),
    '</div>',
    '</div>',
    '</details>',
  ].join('');
}

function checkbox(id: string, value: string, label: string, attribute: string): string {
  return [
    '<div class="govuk-checkboxes__item">',
    `<input class="govuk-checkboxes__input" id="${id}" type="checkbox" value="${escapeHtml(value)}" ${attribute}>`,
    `<label class="govuk-label govuk-checkboxes__label" for="${id}">${label}</label>`,
    '</div>',
  ].join('');
}

/** The page's body: the promise, the files, the settings, the computation, the report. */
function body(data: PageData): string {
  const fieldset = (legend: string, content: string, size = 'm') =>
    `<fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--${size}">${legend}</legend>${content}</fieldset>`;
  return [
    '<a href="#main-content" class="govuk-skip-link">Skip to main content</a>',
    '<header class="csi-masthead">',
    '<div class="govuk-width-container">',
    `<p class="csi-masthead__caption">childrens-services-indicators ${escapeHtml(data.version)}</p>`,
    '<h1 class="csi-masthead__title">The monthly return, in this browser</h1>',
    '<p class="csi-app-promise" id="promise"><strong>Nothing leaves this computer.</strong> This page reads the exports here, in this browser, and sends nothing anywhere: it holds no address to send to, and its Content Security Policy forbids every connection, so it works with the network unplugged. Close the tab and nothing is kept.</p>',
    '</div>',
    '</header>',
    '<div class="govuk-width-container">',
    '<main class="govuk-main-wrapper" id="main-content">',
    '<noscript><div class="govuk-warning-text"><strong class="govuk-warning-text__text">This page needs JavaScript to read the files and compute the return.</strong></div></noscript>',
    '<div class="csi-problems" id="page-problems" role="alert" hidden></div>',

    '<h2 class="govuk-heading-l">1. Settings</h2>',
    '<div class="govuk-form-group">',
    '<label class="govuk-label govuk-label--s" for="import-settings">Import settings</label>',
    '<div class="govuk-hint" id="import-settings-hint">A report config, as <code>cs-indicators report --config</code> reads it (or as this page exports it). The files it names are then listed for you to choose.</div>',
    '<input class="govuk-file-upload" type="file" id="import-settings" accept=".json" aria-describedby="import-settings-hint import-status">',
    '<p class="csi-status" id="import-status" aria-live="polite"></p>',
    '</div>',
    '<div class="csi-inline">',
    input(
      'financial-year',
      'Financial year',
      'FY2010, or 2010/11',
      'type="text" class="govuk-input--width-10" autocomplete="off"',
    ),
    input(
      'as-at',
      'Data to (as at)',
      // Text, not a date picker: an imported config may write it as its dates with slashes are read (31/01/2011),
      // which a date field would silently empty.
      'The last day the data covers, YYYY-MM-DD; blank for the year’s end',
      'type="text" class="govuk-input--width-10" autocomplete="off"',
    ),
    '</div>',
    input('title', 'Title', 'Blank for “Monthly return” and the year', 'type="text"'),
    fieldset(
      'Indicators',
      `<div class="govuk-hint">The return shows them in the order chosen (an imported config’s order first).</div><div class="govuk-checkboxes govuk-checkboxes--small csi-indicators" data-module="govuk-checkboxes">${data.indicators.map(indicatorItem).join('')}</div>`,
      's',
    ),
    fieldset(
      'Targets',
      `<div class="govuk-checkboxes govuk-checkboxes--small">${targetSetIds
        .map((id) =>
          checkbox(
            `target-set-${id}`,
            id,
            `<strong>${escapeHtml(id)}</strong> <span class="csi-muted">${escapeHtml(targetSets[id]?.title ?? '')}</span>`,
            `data-target-set="${escapeHtml(id)}"`,
          ),
        )
        .join(
          '',
        )}</div><div class="govuk-form-group"><label class="govuk-label" for="target-files">Targets files (JSON)</label><div class="govuk-hint" id="target-files-hint">Your own targets, in the format of docs/monthly-return.md.</div><input class="govuk-file-upload" type="file" id="target-files" multiple accept=".json" aria-describedby="target-files-hint target-files-status"><p class="csi-status" id="target-files-status" aria-live="polite"></p></div>`,
      's',
    ),
    '<details class="govuk-details">',
    '<summary class="govuk-details__summary"><span class="govuk-details__summary-text">Calendar, counting, tolerance, rounding, dates</span></summary>',
    '<div class="govuk-details__text">',
    '<div class="csi-inline">',
    select('region', 'Bank holidays', '', [
      ['', 'The default: England and Wales'],
      ...regions.map((r) => [r, r] as const),
    ]),
    select('convention', 'Counting convention', '', [
      ['', 'The default: after-start'],
      ...conventions.map((c) => [c, c] as const),
    ]),
    select('date-format', 'Dates with slashes', '', [
      ['', 'The default: auto (DD/MM/YYYY)'],
      ...dateFormats.map((f) => [f, f] as const),
    ]),
    select('encoding', 'Text encoding of the exports', '', [
      ['', 'The default: detected (UTF-8, else Windows-1252)'],
      ...textEncodings.map((e) => [e, e] as const),
    ]),
    '</div>',
    '<div class="govuk-form-group">',
    '<label class="govuk-label" for="closures">Council closure days</label>',
    '<div class="govuk-hint" id="closures-hint">One a line: YYYY-MM-DD, then a comma and a name if you wish. Kept in the settings themselves.</div>',
    '<textarea class="govuk-textarea" id="closures" rows="3" spellcheck="false" aria-describedby="closures-hint"></textarea>',
    '</div>',
    '<div class="govuk-form-group">',
    '<label class="govuk-label" for="closures-file">Closure days from a file</label>',
    '<input class="govuk-file-upload" type="file" id="closures-file" accept=".json,.csv,.txt" aria-describedby="closures-file-status">',
    '<p class="csi-status" id="closures-file-status" aria-live="polite"></p>',
    '</div>',
    '<div class="govuk-form-group">',
    '<label class="govuk-label" for="holidays">A whole holiday list instead of the bank holidays</label>',
    '<input class="govuk-file-upload" type="file" id="holidays" accept=".json,.csv,.txt" aria-describedby="holidays-status">',
    '<p class="csi-status" id="holidays-status" aria-live="polite"></p>',
    '</div>',
    input(
      'calendar-id',
      'Calendar name',
      'Blank for the default',
      'type="text" class="govuk-input--width-20"',
    ),
    toleranceFields('', 'For every indicator without its own.'),
    '<div class="csi-inline">',
    input(
      'spc-history-months',
      'Months of chart history',
      'Before the year; blank for 12',
      'type="text" inputmode="numeric" class="govuk-input--width-3"',
    ),
    input(
      'decimal-places',
      'Decimal places shown',
      'Blank for 1',
      'type="text" inputmode="numeric" class="govuk-input--width-3"',
    ),
    select('rounding-mode', 'Rounding', '', [
      ['', 'The default: half-up'],
      ...roundingModes.map((m) => [m, m] as const),
    ]),
    '</div>',
    '</div>',
    '</details>',

    '<h2 class="govuk-heading-l">2. The exports</h2>',
    '<div class="csi-drop" id="drop-zone">',
    '<p class="govuk-body"><strong>Drop the exports here</strong>, all at once, or choose them:</p>',
    '<div class="govuk-form-group">',
    '<label class="govuk-label" for="drop-input">Exports (CSV, JSON, NDJSON, XML, Excel)</label>',
    '<div class="govuk-hint" id="drop-hint">Each is recognised by its header (a workbook by its sheets) and put in the field for its records below. A file that fits two kinds equally is not guessed: give it in its field.</div>',
    `<input class="govuk-file-upload" type="file" id="drop-input" multiple accept="${ACCEPT}" aria-describedby="drop-hint drop-result">`,
    '</div>',
    '<div id="drop-result" aria-live="polite"></div>',
    '</div>',
    `<div class="csi-kinds">${data.kinds.map((kind) => kindGroup(kind, data.indicators)).join('')}</div>`,

    '<h2 class="govuk-heading-l">3. The return</h2>',
    '<div class="govuk-checkboxes govuk-checkboxes--small govuk-form-group">',
    checkbox(
      'strict',
      'strict',
      'Refuse the exports when any row has an issue (as <code>--strict</code>)',
      '',
    ),
    '</div>',
    '<div class="govuk-button-group">',
    '<button type="button" class="govuk-button" id="compute">Compute the return</button>',
    '<button type="button" class="govuk-button govuk-button--secondary" id="export-settings">Export settings</button>',
    '</div>',
    '<div class="csi-progress" id="progress" role="status" aria-live="polite"></div>',
    '<progress id="progress-bar" max="1" value="0" hidden aria-hidden="true"></progress>',
    '<div id="result" hidden>',
    '<h2 class="govuk-heading-m" id="result-heading" tabindex="-1">The return is ready</h2>',
    '<p class="govuk-body" id="result-summary"></p>',
    '<div class="govuk-button-group">',
    '<button type="button" class="govuk-button govuk-button--secondary" id="download-html">Download the web page (HTML)</button>',
    '<button type="button" class="govuk-button govuk-button--secondary" id="download-json">Download the figures (JSON)</button>',
    '<button type="button" class="govuk-button govuk-button--secondary" id="download-xlsx">Download the workbook (Excel)</button>',
    '</div>',
    '<section class="csi-issues" id="issues" aria-labelledby="issues-heading"><h2 class="govuk-heading-m" id="issues-heading">Every file, every row</h2><div id="issues-list"></div></section>',
    '</div>',
    '<section class="csi-report" id="report" aria-label="The monthly return" tabindex="-1"></section>',
    '</main>',
    '</div>',
    '<footer class="csi-footer"><div class="govuk-width-container"><p class="govuk-body-s">childrens-services-indicators: the same figures as <code>cs-indicators report</code>, computed here. Styles from govuk-frontend (MIT licence).</p></div></footer>',
  ].join('\n');
}

/** The parts {@link appPage} puts together. */
export interface AppPageParts {
  /** The page's script, bundled. */
  readonly script: string;
  /** The worker's script, bundled. */
  readonly worker: string;
  /** The package's version. */
  readonly version: string;
}

/**
 * The browser page: one HTML file with its styles, data, script and worker inside, and a Content Security Policy
 * that allows its own script and styles (by hash), a worker made from a `blob:` URL, and nothing else: no request of
 * any kind, to any address.
 *
 * @param parts - the scripts and the version.
 * @returns the page, `<!DOCTYPE html>` to `</html>`.
 * @throws {Error} when a script holds a sequence that would end its `<script>` element.
 */
export function appPage(parts: AppPageParts): string {
  const data = pageData(parts.version);
  const styles = [reportStyles(), APP_STYLES];
  const script = scriptText(parts.script, 'page script');
  // Data and the worker's code sit in JSON, every `<` written `\u003c`: nothing in them can end their element.
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const policy = [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${styles.map(cspHash).join(' ')}`,
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB" class="govuk-template">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>The monthly return, in this browser</title>',
    ...styles.map((css) => `<style>${css}</style>`),
    '</head>',
    '<body class="govuk-template__body">',
    body(data),
    `<script type="application/json" id="csi-data">${json(data)}</script>`,
    `<script type="application/json" id="csi-worker">${json(parts.worker)}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
