/**
 * The browser page's script: the form, the drop zone, the progress, the issues, the report and the downloads. It
 * reads and computes nothing itself: every file goes to the Web Worker (made from the page's own text, as a `blob:`
 * URL, which works from `file://`), so the page stays responsive on a 200 MB export.
 * @module
 */

import type { Holiday } from '../calendar/calendar.js';
import { parseHolidayList } from '../calendar/holiday-list.js';
import type { Recognition } from '../presets/recognise.js';
import type { RecordKind } from '../records/schemas.js';
import type { ReportConfig } from '../report/config.js';
import { countOf } from '../util/plural.js';
import type { DownloadFormat, PageInput, PageIssue, PageRequest, WorkerAnswer } from './protocol.js';
import {
  baseName,
  configFromForm,
  type ExportedConfig,
  type FormState,
  formFromConfig,
  type IndicatorForm,
  type InputForm,
  nameForPicked,
  type ToleranceForm,
} from './settings.js';
import type { PageData } from './shell.js';

const data = JSON.parse(document.getElementById('csi-data')?.textContent ?? '{}') as PageData;

// ---------------------------------------------------------------------------------------------------------------
// The DOM, by id.

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found as T;
}
const field = (id: string) => element<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(id);
const fieldValue = (id: string) => field(id).value;
const setValue = (id: string, value: string) => {
  field(id).value = value;
};

/** Shows a text in an element (as text: nothing from a file is ever read as HTML). */
function say(id: string, text: string, problem = false): void {
  const target = element(id);
  target.textContent = text;
  target.classList.toggle('csi-status--problem', problem);
}

/** An element with text and attributes. */
function make(tag: string, text = '', attributes: Record<string, string> = {}): HTMLElement {
  const made = document.createElement(tag);
  if (text !== '') made.textContent = text;
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  return made;
}

const groupDigits = (n: number) => n.toLocaleString('en-GB');

// ---------------------------------------------------------------------------------------------------------------
// The worker.

const workerUrl = URL.createObjectURL(
  new Blob([JSON.parse(document.getElementById('csi-worker')?.textContent ?? '""') as string], {
    type: 'text/javascript',
  }),
);
const worker = new Worker(workerUrl);
let nextId = 1;
const waiting = new Map<number, (answer: WorkerAnswer) => void>();

worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
  const answer = event.data;
  if (answer.type === 'ready') return;
  if (answer.type === 'progress') {
    showProgress(answer);
    return;
  }
  const settle = waiting.get(answer.id);
  if (settle !== undefined) {
    waiting.delete(answer.id);
    settle(answer);
  }
};
worker.onerror = (event) => {
  showPageProblem(`The page’s worker stopped: ${event.message}. Reload the page.`);
};

type Request = PageRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** Sends a request to the worker; the answer comes back with its id (progress is shown as it comes). */
function ask(request: Request): Promise<WorkerAnswer> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker.postMessage({ ...request, id } as PageRequest);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The files picked, by kind and by setting.

/** The file picked for each kind of records. */
const picked = new Map<RecordKind, File>();
/** The path the settings name for each kind (the file's name, or an imported config's path). */
const named = new Map<RecordKind, string>();
/** Column maps, target files and a holiday list: by the name the settings give them. */
const mapFiles = new Map<RecordKind, { name: string; file: File | undefined }>();
let targetFiles: { name: string; file: File | undefined }[] = [];
let holidays: { name: string; file: File | undefined } | undefined;
/** A closures file an imported config names, until it is chosen (its days then go in the settings), or ''. */
let closuresFile = '';
/** The imported config's indicator order. */
let order: string[] = [];

function wantedKinds(): RecordKind[] {
  const kinds = new Set<RecordKind>();
  for (const indicator of data.indicators) {
    if ((field(`indicator-${indicator.id}`) as HTMLInputElement).checked) {
      for (const kind of indicator.kinds) kinds.add(kind);
    }
  }
  return [...kinds];
}

/** Marks each kind's group: needed by the indicators chosen, and given. */
function showNeeded(): void {
  const wanted = new Set(wantedKinds());
  for (const { kind } of data.kinds) {
    const group = document.querySelector(`[data-kind-group="${kind}"]`);
    group?.classList.toggle('csi-kind--needed', wanted.has(kind));
    group?.classList.toggle('csi-kind--given', picked.has(kind));
  }
}

function fileInput(kind: RecordKind): HTMLInputElement {
  return field(`file-${kind}`) as HTMLInputElement;
}

/** Puts a file in a kind's field (a dropped file shows there as if chosen), with the shape it was recognised in. */
function setKindFile(kind: RecordKind, file: File, read?: Recognition['reads'][number]): void {
  picked.set(kind, file);
  named.set(kind, nameForPicked(named.get(kind) ?? '', file.name));
  const input = fileInput(kind);
  if (input.files?.[0] !== file) {
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
  }
  if (read !== undefined) {
    setValue(`preset-${kind}`, read.preset ?? '');
    setValue(`sheet-${kind}`, read.sheet ?? '');
  }
  showNeeded();
}

async function recogniseFor(kind: RecordKind, file: File): Promise<void> {
  say(`status-${kind}`, `${file.name}: looking at its header…`);
  const answer = await ask({ type: 'recognise', file, kind, wanted: wantedKinds() });
  if (answer.type !== 'recognised') return showAnswerProblem(answer);
  const read = answer.recognition.reads[0];
  setKindFile(kind, file, read);
  if (read === undefined) {
    say(
      `status-${kind}`,
      `${answer.recognition.message}. It will be read as ${kind} records all the same.`,
      true,
    );
  } else {
    say(
      `status-${kind}`,
      `${file.name}, ${countOf(file.size, 'byte', groupDigits(file.size))}: read as ${read.label}${read.sheet ? ` from sheet “${read.sheet}”` : ''}.`,
    );
  }
}

/**
 * How many drops are being placed, and whether a return is being computed: the compute button is off while either
 * is under way. A return computed while dropped files were still being placed would have been refused for files
 * "not chosen" that the analyst had just dropped.
 */
let placing = 0;
let computing = false;

function computeButtonOff(): void {
  element<HTMLButtonElement>('compute').disabled = placing > 0 || computing;
}

async function dropFiles(files: readonly File[]): Promise<void> {
  placing++;
  computeButtonOff();
  const list = element('drop-result');
  list.replaceChildren();
  const note = make(
    'p',
    `Placing ${files.length} file${files.length === 1 ? '' : 's'}: the return can be computed once each is listed.`,
    { class: 'govuk-body', id: 'drop-placing' },
  );
  const lines = make('ul', '', { class: 'govuk-list govuk-list--bullet' });
  list.append(note, lines);
  try {
    await placeFiles(files, lines);
  } finally {
    note.remove();
    placing--;
    computeButtonOff();
  }
}

/** Places each dropped file in the field for its kind, a line for each in `lines`. */
async function placeFiles(files: readonly File[], lines: HTMLElement): Promise<void> {
  for (const file of files) {
    const answer = await ask({ type: 'recognise', file, wanted: wantedKinds() });
    if (answer.type !== 'recognised') {
      showAnswerProblem(answer);
      continue;
    }
    const { reads, message } = answer.recognition;
    const line = make('li', reads.length === 0 ? `Not placed: ${message}` : `${message}: placed.`);
    if (reads.length === 0) line.classList.add('csi-status--problem');
    lines.append(line);
    for (const read of reads) {
      setKindFile(read.kind, file, read);
      say(
        `status-${read.kind}`,
        `${file.name}, ${countOf(file.size, 'byte', groupDigits(file.size))} (dropped): read as ${read.label}${read.sheet ? ` from sheet “${read.sheet}”` : ''}.`,
      );
    }
  }
}

function pickedOf(input: HTMLInputElement): File[] {
  return [...(input.files ?? [])];
}

// ---------------------------------------------------------------------------------------------------------------
// The form and the settings.

function toleranceOf(prefix: string): ToleranceForm {
  return {
    mode: fieldValue(`${prefix}tolerance-mode`) as ToleranceForm['mode'],
    value: fieldValue(`${prefix}tolerance-value`),
  };
}

function setTolerance(prefix: string, tolerance: ToleranceForm): void {
  setValue(`${prefix}tolerance-mode`, tolerance.mode);
  setValue(`${prefix}tolerance-value`, tolerance.value);
}

function closuresOf(text: string): { closures: (string | Holiday)[]; problem: string | null } {
  if (text.trim() === '') return { closures: [], problem: null };
  try {
    const list = parseHolidayList(text, 'closure days');
    return { closures: Array.isArray(list) ? [...list] : [], problem: null };
  } catch (error) {
    return { closures: [], problem: (error as Error).message };
  }
}

function closuresText(closures: readonly (string | Holiday)[]): string {
  return closures
    .map((day) =>
      typeof day === 'string' ? day : day.name === 'Closure day' ? day.date : `${day.date}, ${day.name}`,
    )
    .join('\n');
}

/** The form's settings now, and what cannot be read. */
function readForm(): { form: FormState; problems: string[] } {
  const problems: string[] = [];
  const indicators: IndicatorForm[] = [];
  const chosen: string[] = data.indicators
    .map((indicator) => indicator.id)
    .filter((id) => (field(`indicator-${id}`) as HTMLInputElement).checked);
  const ordered = [
    ...order.filter((id) => chosen.includes(id)),
    ...chosen.filter((id) => !order.includes(id)),
  ];
  for (const id of ordered) {
    const text = fieldValue(`options-${id}`).trim();
    let options: Record<string, unknown> = {};
    if (text !== '') {
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error('not an object');
        options = parsed as Record<string, unknown>;
      } catch (error) {
        problems.push(
          `${id}: options: expected a JSON object such as {"rules": "wt2010"} (${(error as Error).message})`,
        );
      }
    }
    indicators.push({
      id,
      options,
      headlineSet: fieldValue(`headline-set-${id}`),
      headlinePeriod: fieldValue(`headline-period-${id}`),
      tolerance: toleranceOf(`${id}-`),
      fixAfter: fieldValue(`fix-after-${id}`),
      rebase: fieldValue(`rebase-${id}`),
      screenOutliers: fieldValue(`screen-outliers-${id}`) as IndicatorForm['screenOutliers'],
    });
  }
  const inputs: Partial<Record<RecordKind, InputForm>> = {};
  for (const { kind } of data.kinds) {
    const path = named.get(kind);
    if (path === undefined) continue;
    inputs[kind] = {
      path,
      preset: fieldValue(`preset-${kind}`) as InputForm['preset'],
      sheet: fieldValue(`sheet-${kind}`),
      censusDate:
        document.getElementById(`census-date-${kind}`) === null ? '' : fieldValue(`census-date-${kind}`),
      snapshotDate:
        document.getElementById(`snapshot-date-${kind}`) === null ? '' : fieldValue(`snapshot-date-${kind}`),
      encoding: fieldValue(`encoding-${kind}`) as InputForm['encoding'],
    };
  }
  const closures = closuresOf(fieldValue('closures'));
  if (closures.problem !== null) problems.push(closures.problem);
  const form: FormState = {
    title: fieldValue('title'),
    financialYear: fieldValue('financial-year'),
    asAt: fieldValue('as-at'),
    dateFormat: fieldValue('date-format'),
    encoding: fieldValue('encoding') as FormState['encoding'],
    indicators,
    targetSets: [...document.querySelectorAll<HTMLInputElement>('[data-target-set]')]
      .filter((box) => box.checked)
      .map((box) => box.value),
    targetFiles: targetFiles.map((file) => file.name),
    inputs,
    columnMaps: Object.fromEntries([...mapFiles].map(([kind, map]) => [kind, map.name])),
    region: fieldValue('region'),
    calendarId: fieldValue('calendar-id'),
    holidays: holidays?.name ?? '',
    closures: closures.closures,
    closuresFile,
    convention: fieldValue('convention'),
    tolerance: toleranceOf(''),
    spcHistoryMonths: fieldValue('spc-history-months'),
    decimalPlaces: fieldValue('decimal-places'),
    roundingMode: fieldValue('rounding-mode'),
  };
  return { form, problems };
}

/** Fills the form from an imported config; the files it names are listed for the analyst to choose. */
function fillForm(config: ReportConfig): void {
  const form = formFromConfig(config);
  setValue('title', form.title);
  setValue('financial-year', form.financialYear);
  setValue('as-at', form.asAt);
  setValue('date-format', form.dateFormat);
  setValue('encoding', form.encoding);
  order = form.indicators.map((indicator) => indicator.id);
  for (const { id } of data.indicators) {
    const given = form.indicators.find((indicator) => indicator.id.toLowerCase() === id.toLowerCase());
    (field(`indicator-${id}`) as HTMLInputElement).checked = given !== undefined;
    setValue(
      `options-${id}`,
      given && Object.keys(given.options).length > 0 ? JSON.stringify(given.options) : '',
    );
    setValue(`headline-set-${id}`, given?.headlineSet ?? '');
    setValue(`headline-period-${id}`, given?.headlinePeriod ?? '');
    setTolerance(`${id}-`, given?.tolerance ?? { mode: 'default', value: '' });
    setValue(`fix-after-${id}`, given?.fixAfter ?? '');
    setValue(`rebase-${id}`, given?.rebase ?? '');
    setValue(`screen-outliers-${id}`, given?.screenOutliers ?? '');
  }
  order = order.map((id) => data.indicators.find((i) => i.id.toLowerCase() === id.toLowerCase())?.id ?? id);
  for (const box of document.querySelectorAll<HTMLInputElement>('[data-target-set]')) {
    box.checked = form.targetSets.includes(box.value);
  }
  targetFiles = form.targetFiles.map((name) => ({
    name,
    file: targetFiles.find((file) => baseName(name) === file.file?.name)?.file,
  }));
  say(
    'target-files-status',
    targetFiles.length === 0 ? '' : `Choose: ${targetFiles.map((f) => f.name).join(', ')}`,
  );
  for (const { kind } of data.kinds) {
    const input = form.inputs[kind];
    if (input === undefined) {
      named.delete(kind);
      continue;
    }
    named.set(kind, input.path);
    setValue(`preset-${kind}`, input.preset);
    setValue(`sheet-${kind}`, input.sheet);
    setValue(`encoding-${kind}`, input.encoding);
    if (document.getElementById(`census-date-${kind}`) !== null)
      setValue(`census-date-${kind}`, input.censusDate);
    if (document.getElementById(`snapshot-date-${kind}`) !== null)
      setValue(`snapshot-date-${kind}`, input.snapshotDate);
    const have = picked.get(kind);
    if (have !== undefined && baseName(input.path) === have.name) {
      say(`status-${kind}`, `${have.name}: kept (the settings name ${input.path}).`);
    } else {
      picked.delete(kind);
      fileInput(kind).value = '';
      say(`status-${kind}`, `Choose ${baseName(input.path)} (the settings name ${input.path}).`, true);
    }
  }
  mapFiles.clear();
  for (const [kind, name] of Object.entries(form.columnMaps) as [RecordKind, string][]) {
    mapFiles.set(kind, { name, file: undefined });
    say(`map-status-${kind}`, `Choose ${baseName(name)} (the settings name ${name}).`, true);
  }
  setValue('region', form.region);
  setValue('calendar-id', form.calendarId);
  holidays = form.holidays === '' ? undefined : { name: form.holidays, file: undefined };
  say(
    'holidays-status',
    holidays === undefined ? '' : `Choose ${baseName(form.holidays)}.`,
    holidays !== undefined,
  );
  setValue('closures', closuresText(form.closures));
  closuresFile = form.closuresFile;
  say(
    'closures-file-status',
    form.closuresFile === ''
      ? ''
      : `Choose ${baseName(form.closuresFile)}: its days are then kept in the settings.`,
    form.closuresFile !== '',
  );
  setValue('convention', form.convention);
  setTolerance('', form.tolerance);
  setValue('spc-history-months', form.spcHistoryMonths);
  setValue('decimal-places', form.decimalPlaces);
  setValue('rounding-mode', form.roundingMode);
  showNeeded();
}

// ---------------------------------------------------------------------------------------------------------------
// Progress, problems, issues, the report.

let lastSaid = 0;
function showProgress(progress: Extract<WorkerAnswer, { type: 'progress' }>): void {
  const bar = element<HTMLProgressElement>('progress-bar');
  bar.hidden = false;
  const fraction = progress.size > 0 ? progress.bytesRead / progress.size : 0;
  bar.value = progress.stage === 'reading' ? fraction : 1;
  // The live region speaks at most once a second, or when the stage changes.
  const now = performance.now();
  const text =
    progress.stage === 'reading'
      ? `Reading ${progress.file}: ${Math.floor(fraction * 100)}% (${groupDigits(progress.rowsRead)} rows)`
      : progress.stage === 'computing'
        ? 'Computing the return…'
        : 'Drawing the return…';
  const current = element('progress').textContent ?? '';
  if (progress.stage === 'reading' && current.startsWith(`Reading ${progress.file}`) && now - lastSaid < 1000)
    return;
  lastSaid = now;
  say('progress', text);
}

function showPageProblem(text: string): void {
  const box = element('page-problems');
  box.replaceChildren(make('pre', text));
  box.hidden = false;
}

function showAnswerProblem(answer: WorkerAnswer): void {
  if (answer.type === 'failed' || answer.type === 'refused') showPageProblem(answer.message);
}

function issueItem(issue: PageIssue): HTMLElement {
  return make('li', issue.text, {
    'data-issue': '',
    'data-file': issue.file,
    'data-code': issue.code,
    'data-row': String(issue.row),
    'data-severity': issue.severity,
  });
}

function showIssues(
  inputs: readonly PageInput[],
  warnings: Extract<WorkerAnswer, { type: 'report' }>['warnings'],
): void {
  const list = element('issues-list');
  list.replaceChildren();
  // Every file in one table: rows read = accepted + rejected + skipped, as the CLI accounts for them.
  const table = make('table', '', { class: 'govuk-table csi-reflow' });
  const head = make('tr', '', { class: 'govuk-table__row' });
  for (const [text, numeric] of [
    ['File', false],
    ['Records', false],
    ['Rows read', true],
    ['Accepted', true],
    ['Rejected', true],
    ['Skipped', true],
  ] as const) {
    head.append(
      make('th', text, {
        scope: 'col',
        class: `govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}`,
      }),
    );
  }
  table.append(make('thead', '', { class: 'govuk-table__head' }));
  table.firstElementChild?.append(head);
  const body = make('tbody', '', { class: 'govuk-table__body' });
  for (const input of inputs) {
    const row = make('tr', '', { class: 'govuk-table__row', 'data-input': input.kind });
    row.append(make('th', input.file, { scope: 'row', class: 'govuk-table__header' }));
    row.append(make('td', input.kind, { class: 'govuk-table__cell', 'data-label': 'Records' }));
    const { rowsRead, rowsAccepted, rowsRejected, rowsSkipped } = input.accounting;
    for (const [label, count, field] of [
      ['Rows read', rowsRead, 'rows-read'],
      ['Accepted', rowsAccepted, 'rows-accepted'],
      ['Rejected', rowsRejected, 'rows-rejected'],
      ['Skipped', rowsSkipped, 'rows-skipped'],
    ] as const) {
      row.append(
        make('td', groupDigits(count), {
          class: 'govuk-table__cell govuk-table__cell--numeric',
          'data-label': label,
          'data-field': field,
          'data-value': String(count),
        }),
      );
    }
    body.append(row);
  }
  table.append(body);
  list.append(table);
  for (const input of inputs) {
    if (input.issueCount === 0 && input.skipped === null && input.notice === null) continue;
    const part = make('div', '', { 'data-issues-of': input.kind });
    part.append(
      make('h3', `${input.file}: ${countOf(input.issueCount, 'issue', groupDigits(input.issueCount))}`, {
        class: 'govuk-heading-s',
      }),
    );
    if (input.notice !== null)
      part.append(make('p', input.notice, { class: 'govuk-body', 'data-notice': '' }));
    if (input.skipped !== null) part.append(make('p', input.skipped, { class: 'govuk-body' }));
    const items = make('ul', '', { class: 'govuk-list' });
    for (const issue of input.issues) items.append(issueItem(issue));
    part.append(items);
    if (input.issueCount > input.issues.length) {
      const codes = Object.entries(input.issuesByCode)
        .map(([code, count]) => `${code} ${groupDigits(count)}`)
        .join(', ');
      part.append(
        make(
          'p',
          `The first ${groupDigits(input.issues.length)} of ${countOf(input.issueCount, 'issue', groupDigits(input.issueCount))} are listed (${codes}); cs-indicators validate lists every one.`,
          { class: 'govuk-body' },
        ),
      );
    }
    list.append(part);
  }
  if (warnings.length > 0) {
    const part = make('div', '', { 'data-warnings': '' });
    part.append(make('h3', 'Warnings', { class: 'govuk-heading-s' }));
    const items = make('ul', '', { class: 'govuk-list govuk-list--bullet' });
    for (const warning of warnings) {
      items.append(
        make('li', `${warning.message} [${warning.code}]`, {
          'data-warning': warning.code,
        }),
      );
    }
    part.append(items);
    list.append(part);
  }
}

function showRefused(answer: Extract<WorkerAnswer, { type: 'refused' }>): void {
  const box = element('page-problems');
  box.replaceChildren(make('pre', answer.message));
  if (answer.issues.length > 0) {
    const items = make('ul', '', { class: 'govuk-list' });
    for (const issue of answer.issues) items.append(issueItem(issue));
    box.append(items);
  }
  box.hidden = false;
  box.focus();
}

/** Puts the report in `#report`: its title a heading under the page's own. */
function showReport(answer: Extract<WorkerAnswer, { type: 'report' }>): void {
  const report = element('report');
  report.innerHTML = answer.content;
  for (const title of report.querySelectorAll('h1')) {
    const heading = make('h2', title.textContent ?? '', { class: title.className });
    title.replaceWith(heading);
  }
  showIssues(answer.inputs, answer.warnings);
  const rejected = answer.inputs.reduce((sum, input) => sum + input.accounting.rowsRejected, 0);
  const read = answer.inputs.reduce((sum, input) => sum + input.accounting.rowsRead, 0);
  say(
    'result-summary',
    `${answer.title}: ${countOf(answer.indicators, 'indicator')} from ${countOf(answer.inputs.length, 'file')}, ${countOf(read, 'row', groupDigits(read))} read, ${groupDigits(rejected)} rejected, in ${(answer.milliseconds / 1000).toFixed(1)} s.`,
  );
  element('result').hidden = false;
  say(
    'progress',
    `The return is ready: ${countOf(answer.indicators, 'indicator')}, ${countOf(rejected, 'row', groupDigits(rejected))} rejected.`,
  );
  element('result-heading').focus();
}

// ---------------------------------------------------------------------------------------------------------------
// Computing, downloads, settings.

function filesToSend(config: ExportedConfig): { name: string; file: File }[] {
  const files: { name: string; file: File }[] = [];
  for (const [kind, file] of picked) {
    const name = named.get(kind);
    if (name !== undefined && config.inputs[kind] !== undefined) files.push({ name, file });
  }
  for (const map of [...mapFiles.values(), ...targetFiles, ...(holidays === undefined ? [] : [holidays])]) {
    if (map.file !== undefined) files.push({ name: map.name, file: map.file });
  }
  return files;
}

async function compute(): Promise<void> {
  // Off while dropped files are placed or a return computed; a click that comes all the same does nothing.
  if (placing > 0 || computing) return;
  element('page-problems').hidden = true;
  // A return computed before is not left on show beside settings it no longer matches.
  element('result').hidden = true;
  const { form, problems } = readForm();
  const reading = configFromForm(form);
  const all = [...problems, ...reading.problems];
  if (all.length > 0) {
    showPageProblem(`The settings cannot be used:\n${all.map((p) => `  ${p}`).join('\n')}`);
    return;
  }
  computing = true;
  computeButtonOff();
  say('progress', 'Starting…');
  try {
    const answer = await ask({
      type: 'compute',
      config: reading.config,
      files: filesToSend(reading.config),
      strict: (field('strict') as HTMLInputElement).checked,
    });
    element<HTMLProgressElement>('progress-bar').hidden = true;
    if (answer.type === 'report') showReport(answer);
    else if (answer.type === 'refused') {
      say('progress', 'The return was not computed: see why above.');
      showRefused(answer);
    } else {
      say('progress', 'The return was not computed.');
      showAnswerProblem(answer);
    }
  } finally {
    computing = false;
    computeButtonOff();
  }
}

/** Offers bytes as a download, from a `blob:` URL (nothing leaves the machine). */
function offer(name: string, bytes: BlobPart, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const link = make('a', '', { href: url, download: name, hidden: '' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function download(format: DownloadFormat): Promise<void> {
  const answer = await ask({ type: 'download', format });
  if (answer.type === 'file') offer(answer.name, answer.bytes as BlobPart, answer.mime);
  else showAnswerProblem(answer);
}

async function exportSettings(): Promise<void> {
  element('page-problems').hidden = true;
  const { form, problems } = readForm();
  const reading = configFromForm(form);
  const text = `${JSON.stringify(reading.config, null, 2)}\n`;
  // Checked by the same rules as an import (and as the CLI's), so the file exported is one the CLI accepts.
  const answer = await ask({ type: 'check-settings', text, name: 'the settings' });
  const all = [
    ...problems,
    ...reading.problems,
    ...(answer.type === 'settings-checked' ? answer.problems : []),
  ];
  if (all.length > 0) {
    showPageProblem(`The settings cannot be exported yet:\n${all.map((p) => `  ${p}`).join('\n')}`);
    return;
  }
  offer('report.config.json', text, 'application/json');
  say(
    'import-status',
    'Settings exported as report.config.json: save it beside the exports to run cs-indicators report --config report.config.json.',
  );
}

async function importSettings(file: File): Promise<void> {
  element('page-problems').hidden = true;
  const answer = await ask({ type: 'check-settings', text: await file.text(), name: file.name });
  if (answer.type !== 'settings-checked') return showAnswerProblem(answer);
  if (answer.problems.length > 0 || answer.config === null) {
    say('import-status', `${file.name} was not imported: see why above.`, true);
    showPageProblem(answer.refusal ?? answer.problems.join('\n'));
    return;
  }
  fillForm(answer.config as ReportConfig);
  say(
    'import-status',
    `${file.name} imported. Choose the files it names (listed beside each kind), or drop them all.`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Wiring.

for (const { kind } of data.kinds) {
  fileInput(kind).addEventListener('change', () => {
    const file = fileInput(kind).files?.[0];
    if (file === undefined || file === picked.get(kind)) return;
    void recogniseFor(kind, file);
  });
  field(`map-${kind}`).addEventListener('change', () => {
    const file = pickedOf(field(`map-${kind}`) as HTMLInputElement)[0];
    if (file === undefined) return;
    mapFiles.set(kind, { name: nameForPicked(mapFiles.get(kind)?.name ?? '', file.name), file });
    say(`map-status-${kind}`, `${file.name}: the column map for ${kind} records.`);
  });
}
for (const { id } of data.indicators) field(`indicator-${id}`).addEventListener('change', showNeeded);

element('drop-input').addEventListener('change', () => {
  void dropFiles(pickedOf(field('drop-input') as HTMLInputElement));
});
const zone = element('drop-zone');
zone.addEventListener('dragover', (event) => {
  event.preventDefault();
  zone.classList.add('csi-drop--over');
});
zone.addEventListener('dragleave', () => zone.classList.remove('csi-drop--over'));
zone.addEventListener('drop', (event) => {
  event.preventDefault();
  zone.classList.remove('csi-drop--over');
  void dropFiles([...(event.dataTransfer?.files ?? [])]);
});
// A file dropped outside the zone would be opened by the browser in place of the page: it is ignored instead.
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

element('target-files').addEventListener('change', () => {
  const files = pickedOf(field('target-files') as HTMLInputElement);
  targetFiles = files.map((file) => ({
    name: nameForPicked(targetFiles.find((t) => baseName(t.name) === file.name)?.name ?? '', file.name),
    file,
  }));
  say('target-files-status', files.map((file) => file.name).join(', '));
});
element('holidays').addEventListener('change', () => {
  const file = pickedOf(field('holidays') as HTMLInputElement)[0];
  holidays = file === undefined ? undefined : { name: nameForPicked(holidays?.name ?? '', file.name), file };
  say('holidays-status', file === undefined ? '' : `${file.name}: the holiday list.`);
});
element('closures-file').addEventListener('change', async () => {
  const file = pickedOf(field('closures-file') as HTMLInputElement)[0];
  if (file === undefined) return;
  try {
    const list = parseHolidayList(await file.text(), file.name);
    if (!Array.isArray(list))
      throw new Error(`${file.name}: expected a list of dates, not a bank-holidays feed`);
    setValue('closures', closuresText(list));
    closuresFile = '';
    say('closures-file-status', `${file.name}: ${list.length} closure days, now in the settings.`);
  } catch (error) {
    say('closures-file-status', (error as Error).message, true);
  }
});
element('import-settings').addEventListener('change', () => {
  const file = pickedOf(field('import-settings') as HTMLInputElement)[0];
  if (file !== undefined) void importSettings(file);
});
element('compute').addEventListener('click', () => void compute());
element('export-settings').addEventListener('click', () => void exportSettings());
for (const format of ['html', 'json', 'xlsx'] as const) {
  element(`download-${format}`).addEventListener('click', () => void download(format));
}
element('page-problems').tabIndex = -1;
showNeeded();
