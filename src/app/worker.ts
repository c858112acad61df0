/**
 * The browser page's Web Worker: recognises the files dropped, checks settings, reads the exports (as streams,
 * through the core's reading path) and builds the return with the same loader as `cs-indicators report`, so that
 * the page never freezes and its figures are the CLI's.
 * @module
 */
import { z } from 'zod';
import { parseHolidayList } from '../calendar/holiday-list.js';
import { inputLayout } from '../presets/input-layout.js';
import { recogniseInput, SAMPLE_BYTES, sampleText, sampleWorkbook } from '../presets/recognise.js';
import { blobSource } from '../records/blob-source.js';
import { parseColumnMap } from '../records/column-map.js';
import { recordFileFormatOf } from '../records/file-format.js';
import {
  countIssuesByCode,
  formatInputIssue,
  InputError,
  type InputIssue,
  skippedRowsLine,
} from '../records/issues.js';
import { readRecordsSource, readRecordsWorkbook } from '../records/read-source.js';
import {
  type CheckedReportConfig,
  checkReportConfig,
  type LoadedReport,
  loadReportWith,
  ReportConfigError,
  type ReportFiles,
  refuseReportConfig,
} from '../report/config.js';
import { renderJson } from '../report/csv.js';
import { renderHtml, renderReportContent } from '../report/html.js';
import type { ReportModel } from '../report/model.js';
import { renderWorkbook } from '../report/render-workbook.js';
import { WorkbookError } from '../workbook/errors.js';
import {
  type DownloadFormat,
  ISSUES_LISTED,
  type PageInput,
  type PageIssue,
  type PageRequest,
  type WorkerAnswer,
} from './protocol.js';

// zod compiles its checks with `new Function` when it may; under the page's Content Security Policy it may not, and
// even its probe would be reported as a violation. Told so first, it never tries.
z.config({ jitless: true });

/** The part of a dedicated worker's global scope used here (the project's types hold the DOM's, not a worker's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<PageRequest>) => void) | null;
  postMessage(message: WorkerAnswer, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const post = (answer: WorkerAnswer, transfer?: Transferable[]) => scope.postMessage(answer, transfer);

/** The settings' name in messages, where the CLI names the config file. */
const SETTINGS = 'the settings';
/** At most this often, progress is told to the page. */
const PROGRESS_EVERY_MS = 100;

/** The last return built, for its downloads. */
let last: { readonly model: ReportModel } | undefined;

function pageIssue(issue: InputIssue): PageIssue {
  return {
    file: issue.file ?? '',
    code: issue.code,
    severity: issue.severity,
    row: issue.row,
    field: issue.field,
    text: formatInputIssue(issue),
  };
}

function pageInput(input: LoadedReport['inputs'][number], notices: ReadonlyMap<string, string>): PageInput {
  return {
    kind: input.kind,
    file: input.path,
    accounting: input.accounting,
    issues: input.issues.slice(0, ISSUES_LISTED).map(pageIssue),
    issueCount: input.issues.length,
    issuesByCode: countIssuesByCode(input.issues),
    skipped: skippedRowsLine(input.path, input.skipped),
    notice: notices.get(input.path) ?? null,
  };
}

/** What a problem says, without a stack: a bug is named as one. */
function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

async function recognise(request: Extract<PageRequest, { type: 'recognise' }>): Promise<void> {
  const { file } = request;
  const options = {
    ...(request.kind === undefined ? {} : { kind: request.kind }),
    wanted: request.wanted,
  };
  let recognition: ReturnType<typeof recogniseInput>;
  try {
    const format = recordFileFormatOf(file.name);
    const sample =
      format === 'xlsx'
        ? await sampleWorkbook(file.name, new Uint8Array(await file.arrayBuffer()))
        : sampleText(file.name, format, new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer()));
    recognition = recogniseInput(sample, options);
  } catch (error) {
    // A name with no known ending, or bytes that are no workbook: said, and the file left unplaced.
    if (error instanceof WorkbookError) {
      recognition = {
        file: file.name,
        reads: [],
        alternatives: [],
        message: `${file.name}: it cannot be read as an Excel workbook (.xlsx): ${error.message}`,
      };
    } else if (error instanceof TypeError) {
      recognition = { file: file.name, reads: [], alternatives: [], message: error.message };
    } else throw error;
  }
  post({ type: 'recognised', id: request.id, recognition });
}

function checkSettings(request: Extract<PageRequest, { type: 'check-settings' }>): void {
  let json: unknown;
  try {
    json = JSON.parse(request.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const problem = `${request.name}: the report config is not valid JSON (${messageOf(error)})`;
    post({ type: 'settings-checked', id: request.id, config: null, problems: [problem], refusal: problem });
    return;
  }
  // The CLI's rules, but for the files: those the config names are picked in the page after it is imported.
  const check = checkReportConfig(json, request.name);
  post({
    type: 'settings-checked',
    id: request.id,
    config: check.checked?.config ?? null,
    problems: check.problems,
    refusal: check.problems.length === 0 ? null : refuseReportConfig(request.name, check.problems).message,
  });
}

/**
 * The settings checked as `cs-indicators report` checks a config, and every file they name among those picked (the
 * CLI's "no such file"), each problem listed.
 */
function checkedSettings(config: unknown, picked: ReadonlyMap<string, File>): CheckedReportConfig {
  const check = checkReportConfig(config, SETTINGS);
  const problems = [...check.problems];
  for (const file of check.files.slice(1)) {
    if (!picked.has(file.path))
      problems.push(`${file.what}: no file named ${JSON.stringify(file.path)} was chosen`);
  }
  if (problems.length > 0 || check.checked === undefined) throw refuseReportConfig(SETTINGS, problems);
  return check.checked;
}

/**
 * The files a config names, from those the analyst picked, by name; `notices` gathers what each read says of its
 * encoding when it was detected rather than given.
 */
function pickedFiles(
  id: number,
  picked: ReadonlyMap<string, File>,
  notices: Map<string, string>,
): ReportFiles {
  const fileNamed = (name: string, what: string): File => {
    const file = picked.get(name);
    if (file === undefined) {
      throw new ReportConfigError(`${SETTINGS}: ${what}: no file named ${JSON.stringify(name)} was chosen`);
    }
    return file;
  };
  let lastPost = 0;
  const progress = (file: string, bytesRead: number, size: number, rowsRead: number, force = false) => {
    const now = performance.now();
    if (!force && now - lastPost < PROGRESS_EVERY_MS) return;
    lastPost = now;
    post({ type: 'progress', id, stage: 'reading', file, bytesRead, size, rowsRead });
  };
  return {
    resolve: (name) => name,
    async readRecords(kind, { path, preset, sheet, censusDate, snapshotDate }, options) {
      const file = fileNamed(path, `inputs.${kind}`);
      const format = recordFileFormatOf(path);
      const layout = inputLayout(kind, format, {
        ...(preset === undefined ? {} : { preset }),
        ...(censusDate === undefined ? {} : { censusDate: censusDate as never }),
        ...(snapshotDate === undefined ? {} : { snapshotDate: snapshotDate as never }),
        ...(options.columnMap === undefined ? {} : { columnMap: options.columnMap }),
        ...(options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat }),
      });
      let bytesRead = 0;
      let rowsRead = 0;
      progress(path, 0, file.size, 0, true);
      const shared = {
        file: path,
        strict: options.strict,
        ...(options.childNumbering === undefined ? {} : { childNumbering: options.childNumbering }),
        ...(options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat }),
        ...(options.columnMap === undefined ? {} : { columnMap: options.columnMap }),
        onProgress: (rows: number) => {
          rowsRead = rows;
          progress(path, bytesRead, file.size, rows);
        },
      };
      const result =
        format === 'xlsx'
          ? await readRecordsWorkbook(kind, new Uint8Array(await file.arrayBuffer()), layout, {
              ...shared,
              ...(sheet === undefined ? {} : { sheet }),
            })
          : await readRecordsSource(
              kind,
              blobSource(file, path, {
                onBytes: (read, size) => {
                  bytesRead = read;
                  progress(path, read, size, rowsRead);
                },
              }),
              format,
              layout,
              { ...shared, ...(options.encoding === undefined ? {} : { encoding: options.encoding }) },
            );
      if (result.notice !== undefined) notices.set(path, result.notice);
      post({
        type: 'progress',
        id,
        stage: 'computing',
        file: null,
        bytesRead: file.size,
        size: file.size,
        rowsRead: result.accounting.rowsRead,
      });
      return result;
    },
    async readJson(name, what) {
      const text = await fileNamed(name, what).text();
      try {
        return JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch (error) {
        throw new ReportConfigError(`${name}: the ${what} is not valid JSON (${messageOf(error)})`);
      }
    },
    async readColumnMap(name) {
      return parseColumnMap(await fileNamed(name, 'column map').text(), name);
    },
    async readHolidays(name) {
      return parseHolidayList(await fileNamed(name, 'calendar').text(), name);
    },
  };
}

async function compute(request: Extract<PageRequest, { type: 'compute' }>): Promise<void> {
  const started = performance.now();
  const { id } = request;
  const picked = new Map(request.files.map(({ name, file }) => [name, file] as const));
  const notices = new Map<string, string>();
  // The downloads are of this computation or none: never of a return computed before from other settings.
  last = undefined;
  let loaded: LoadedReport;
  try {
    const checked = checkedSettings(request.config, picked);
    loaded = await loadReportWith(checked, pickedFiles(id, picked, notices), {
      strict: request.strict,
    });
  } catch (error) {
    if (error instanceof ReportConfigError) {
      post({ type: 'refused', id, message: error.message, issues: error.issues.map(pageIssue) });
      return;
    }
    if (error instanceof InputError) {
      post({ type: 'refused', id, message: 'input refused', issues: error.issues.map(pageIssue) });
      return;
    }
    if (error instanceof TypeError || error instanceof RangeError) {
      post({ type: 'refused', id, message: `${SETTINGS}: ${error.message}`, issues: [] });
      return;
    }
    throw error;
  }
  post({ type: 'progress', id, stage: 'rendering', file: null, bytesRead: 0, size: 0, rowsRead: 0 });
  const { model } = loaded;
  last = { model };
  post({
    type: 'report',
    id,
    content: renderReportContent(model),
    title: model.title,
    indicators: model.indicators.length,
    inputs: loaded.inputs.map((input) => pageInput(input, notices)),
    warnings: model.indicators.flatMap((indicator) =>
      indicator.warnings.map((warning) => ({
        indicator: indicator.id,
        code: warning.code,
        message: warning.message,
      })),
    ),
    milliseconds: Math.round(performance.now() - started),
  });
}

const MIME: Readonly<Record<DownloadFormat, string>> = {
  html: 'text/html;charset=utf-8',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function download(request: Extract<PageRequest, { type: 'download' }>): Promise<void> {
  if (last === undefined) {
    post({
      type: 'failed',
      id: request.id,
      message: 'Compute the return first: there is nothing to download yet.',
    });
    return;
  }
  const { model } = last;
  const { format } = request;
  const bytes =
    format === 'xlsx'
      ? await renderWorkbook(model)
      : new TextEncoder().encode(format === 'html' ? renderHtml(model) : renderJson(model));
  post(
    {
      type: 'file',
      id: request.id,
      format,
      name: `monthly-return-${model.asAt}.${format}`,
      bytes,
      mime: MIME[format],
    },
    [bytes.buffer as ArrayBuffer],
  );
}

async function handle(request: PageRequest): Promise<void> {
  try {
    if (request.type === 'recognise') await recognise(request);
    else if (request.type === 'check-settings') checkSettings(request);
    else if (request.type === 'compute') await compute(request);
    else await download(request);
  } catch (error) {
    // A bug, not bad input: said plainly, with no stack trace.
    post({
      type: 'failed',
      id: request.id,
      message: `internal error (a bug: please report it): ${messageOf(error)}`,
    });
  }
}

scope.onmessage = (event) => {
  void handle(event.data);
};
post({ type: 'ready' });
