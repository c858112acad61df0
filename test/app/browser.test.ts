import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbook } from '../../src/workbook/read-workbook.js';
import { chooseBrowser, launchChromium } from '../helpers/browser.js';
import { runBuiltCli } from '../helpers/cli.js';
import { decodePng, palettePng } from '../helpers/palette-png.js';

// The browser: CSI_CHROMIUM, else Debian's /usr/bin/chromium. Missing, the tests are skipped with a warning that says
// how to install one, except under CI (CI=true), where they must run and so fail.
const browserChoice = chooseBrowser();
if (browserChoice.decision === 'skip')
  console.warn(`\n${browserChoice.message.replace("the report's", "the page's")}\n`);

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLES = join(ROOT, 'examples');
const CONFIG = join(EXAMPLES, 'report.config.json');
const EXPORTS = [
  'initial-assessments.csv',
  'core-assessments.csv',
  'cp-conferences.csv',
  'caf.csv',
  'referrals.csv',
  'neet.csv',
  'workers.csv',
  'allocations.csv',
].map((file) => join(EXAMPLES, 'data', 'fy2010', file));
const BAD_REFERRALS = join(ROOT, 'test', 'fixtures', 'app', 'referrals-with-issues.csv');
// Every run saves the page under .tmp/ (not committed); the picture in the docs is refreshed only when asked:
// CSI_UPDATE_DOCS_SCREENSHOT=1 npx vitest run test/app/browser.test.ts
const SCREENSHOT = join(ROOT, '.tmp', 'screenshots', 'browser-page.png');
const DOCS_SCREENSHOT = join(ROOT, 'docs', 'images', 'browser-page.png');

/** Each summary row's fields and exact values: the SPEC 15 contract, read from any page that carries it. */
type Summary = Record<string, Record<string, string>>;

/** The summary rows of an HTML report written by the CLI, read from its text. */
function summaryOfHtml(html: string): Summary {
  const summary: Summary = {};
  for (const row of html.matchAll(
    /<tr class="govuk-table__row" data-indicator="([^"]+)">([\s\S]*?)<\/tr>/g,
  )) {
    const fields: Record<string, string> = {};
    for (const cell of (row[2] ?? '').matchAll(/data-field="([^"]+)" data-value="([^"]*)"/g)) {
      fields[cell[1] as string] = (cell[2] as string).replaceAll('&amp;', '&');
    }
    summary[row[1] as string] = fields;
  }
  return summary;
}

async function summaryOfPage(page: Page): Promise<Summary> {
  return page.$$eval('#report tr[data-indicator]', (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        row.getAttribute('data-indicator') ?? '',
        Object.fromEntries(
          [...row.querySelectorAll('[data-field]')].map((cell) => [
            cell.getAttribute('data-field') ?? '',
            cell.getAttribute('data-value') ?? '',
          ]),
        ),
      ]),
    ),
  );
}

/** The report's JSON with each input named by its file's name (the CLI resolves paths; the page names files). */
function comparableJson(text: string): unknown {
  const model = JSON.parse(text) as { inputs?: { file: string }[] };
  for (const input of model.inputs ?? []) input.file = basename(input.file);
  return model;
}

/**
 * Every sheet's cells, row by row, as the core's workbook module reads them: a date as its date, a blank (or empty
 * text) as null and none at a row's end, an input file by its name (the CLI resolves paths; the page names files).
 */
async function workbookCells(bytes: Uint8Array): Promise<Record<string, unknown[][]>> {
  const workbook = await openWorkbook(new Uint8Array(bytes));
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of workbook.sheets) {
    const rows: unknown[][] = [];
    await workbook.readSheet(sheet.number, (cells) => {
      const values = cells.map((cell) => {
        if (cell === '') return null;
        if (typeof cell === 'string' && /[\\/][^\\/]+\.(csv|xlsx)$/.test(cell)) return basename(cell);
        return typeof cell === 'object' && cell !== null && cell.kind === 'date' ? cell.date : cell;
      });
      while (values.length > 0 && values.at(-1) === null) values.pop();
      rows.push(values);
    });
    sheets[sheet.name] = rows;
  }
  return sheets;
}

/** Waits until the return is shown, or a problem is. */
async function computed(page: Page): Promise<'report' | 'problem'> {
  await page.click('#compute');
  await page.waitForFunction(
    () =>
      !(document.getElementById('result') as HTMLElement).hidden ||
      !(document.getElementById('page-problems') as HTMLElement).hidden,
    null,
    { timeout: 120_000 },
  );
  return (await page.isVisible('#result')) ? 'report' : 'problem';
}

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe.skipIf(browserChoice.decision === 'skip')('the browser page (cs-indicators app) in Chromium', () => {
  let browser: Browser | undefined;
  let context: BrowserContext;
  let directory: string;
  let pageUrl: string;
  /** Every request the pages made, and those that would have left the machine (aborted). */
  const requests: string[] = [];
  const leaks: string[] = [];
  const errors: string[] = [];

  async function openPage(): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    await page.goto(pageUrl, { waitUntil: 'load' });
    return page;
  }

  beforeAll(async () => {
    if (browserChoice.decision === 'fail') throw new Error(browserChoice.message);
    directory = mkdtempSync(join(tmpdir(), 'csi-app-'));
    // The page as an analyst gets it: written by the built CLI, opened from disk.
    const written = runBuiltCli(['app', '--out', join(directory, 'monthly-return.html')]);
    expect(written.stderr).toBe('');
    expect(written.code).toBe(0);
    pageUrl = pathToFileURL(join(directory, 'monthly-return.html')).href;
    browser = await launchChromium(browserChoice);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Any request that is not the file itself, its blob: worker or a download is stopped and recorded.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(file|blob|data):/.test(url)) return route.continue();
      leaks.push(url);
      return route.abort();
    });
    context.on('request', (request) => requests.push(request.url()));
    // Content Security Policy violations, in the page (a worker's surface in the console).
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  describe('the example year', () => {
    let page: Page;
    let outcome: 'report' | 'problem';
    /** The element with the focus once the return is shown. */
    let focused: string | undefined;

    beforeAll(async () => {
      page = await openPage();
      // The settings of the example's report config, imported; the year and the date set again by hand.
      await page.setInputFiles('#import-settings', CONFIG);
      await page.waitForFunction(() => (document.getElementById('import-status')?.textContent ?? '') !== '');
      await page.fill('#financial-year', 'FY2010');
      await page.fill('#as-at', '2011-01-31');
      // The eight exports, chosen at once in the drop zone: each placed by its header.
      await page.setInputFiles('#drop-input', EXPORTS);
      await page.waitForFunction(() => document.querySelectorAll('#drop-result li').length === 8, null, {
        timeout: 30_000,
      });
      outcome = await computed(page);
      focused = await page.evaluate(() => document.activeElement?.id);
    }, 180_000);

    it('places each export in the field for its kind of records', async () => {
      const placed = await page.$$eval('input[type=file][data-kind]', (inputs) =>
        Object.fromEntries(
          (inputs as HTMLInputElement[]).map((input) => [input.dataset.kind, input.files?.[0]?.name ?? null]),
        ),
      );
      expect(placed).toEqual({
        'initial-assessment': 'initial-assessments.csv',
        'core-assessment': 'core-assessments.csv',
        'cp-conference': 'cp-conferences.csv',
        caf: 'caf.csv',
        referral: 'referrals.csv',
        neet: 'neet.csv',
        worker: 'workers.csv',
        allocation: 'allocations.csv',
        assessment: null,
        'cp-plan': null,
      });
    });

    it('gives every summary figure (data-value) of cs-indicators report on the same inputs and settings', async () => {
      expect(outcome).toBe('report');
      const cli = runBuiltCli(['report', '--config', CONFIG, '--format', 'html']);
      expect(cli.code).toBe(0);
      const expected = summaryOfHtml(cli.stdout);
      // The example config's ten indicators, in its order, nine fields each.
      const ids = (JSON.parse(readFileSync(CONFIG, 'utf8')).indicators as (string | { id: string })[]).map(
        (entry) => (typeof entry === 'string' ? entry : entry.id),
      );
      expect(ids).toHaveLength(10);
      expect(Object.keys(expected)).toEqual(ids);
      for (const fields of Object.values(expected)) expect(Object.keys(fields)).toHaveLength(9);
      expect(await summaryOfPage(page)).toEqual(expected);
      // NI59 against the notice's October to March 80%, to January: 1,667 of 2,051 assessments on time (the
      // report test works it out month by month), 81.3%, met.
      expect(expected.NI59).toMatchObject({ target: '80', status: 'met', standing: 'green' });
    });

    it('downloads the same JSON as cs-indicators report --format json, and the page as HTML', async () => {
      const cli = runBuiltCli(['report', '--config', CONFIG, '--format', 'json']);
      const json = await downloaded(page, '#download-json');
      expect(json.name).toBe('monthly-return-2011-01-31.json');
      expect(comparableJson(json.text)).toEqual(comparableJson(cli.stdout));
      const html = await downloaded(page, '#download-html');
      expect(html.name).toBe('monthly-return-2011-01-31.html');
      expect(summaryOfHtml(html.text)).toEqual(await summaryOfPage(page));
    });

    it('lists every file with its rows read, accepted, rejected and skipped', async () => {
      const accounts = await page.$$eval('#issues-list tr[data-input]', (rows) =>
        rows.map((row) => [
          row.getAttribute('data-input'),
          ...[...row.querySelectorAll('[data-value]')].map((cell) => Number(cell.getAttribute('data-value'))),
        ]),
      );
      // Rows read, accepted, rejected, skipped: the example's files are clean (one header line each).
      expect(accounts).toEqual([
        ['initial-assessment', 12_308, 12_308, 0, 0],
        ['core-assessment', 5_041, 5_041, 0, 0],
        ['cp-conference', 1_667, 1_667, 0, 0],
        ['caf', 3_066, 3_066, 0, 0],
        ['referral', 10_000, 10_000, 0, 0],
        ['neet', 42_264, 42_264, 0, 0],
        ['allocation', 21_496, 21_496, 0, 0],
        ['worker', 305, 305, 0, 0],
      ]);
      expect(await page.locator('#issues-list [data-issue]').count()).toBe(0);
    });

    it('exports its settings as a report config the CLI accepts, which gives the same return', async () => {
      const exported = await downloaded(page, '#export-settings');
      expect(exported.name).toBe('report.config.json');
      const config = JSON.parse(exported.text);
      // Files named as the imported config named them (so the config finds them beside it), closures inline.
      expect(config.inputs['initial-assessment']).toBe('data/fy2010/initial-assessments.csv');
      expect(config.indicators[0]).toEqual({ id: 'NI59', options: { rules: 'ni2008' } });
      const folder = join(directory, 'exported');
      mkdirSync(join(folder, 'data', 'fy2010'), { recursive: true });
      for (const file of EXPORTS) copyFileSync(file, join(folder, 'data', 'fy2010', basename(file)));
      writeFileSync(join(folder, 'report.config.json'), exported.text);
      const cli = runBuiltCli(['report', '--config', join(folder, 'report.config.json'), '--format', 'html']);
      expect(cli.code).toBe(0);
      expect(summaryOfHtml(cli.stdout)).toEqual(await summaryOfPage(page));
      // The warnings the CLI prints are those the page lists: CPC15's start event against the plan's target, and
      // NI117's and NEET_NOT_KNOWN's charts on six counts.
      const warnings = await page.$$eval('#issues-list [data-warning]', (items) =>
        items.map((i) => i.textContent),
      );
      // The CLI prefixes each with its name and "warning:"; the page lists them under its warnings heading.
      expect(warnings.map((warning) => `cs-indicators report: warning: ${warning}`)).toEqual(
        cli.stderr.trim().split('\n'),
      );
      expect(warnings.map((warning) => warning?.match(/\[([a-z_]+)\]$/)?.[1])).toEqual([
        'option_contradicts_target',
        'too_few_points',
        'too_few_points',
      ]);
      // The round trip: the exported config imported into a fresh page (no file chosen yet) exports the same text.
      const fresh = await openPage();
      await fresh.setInputFiles('#import-settings', join(folder, 'report.config.json'));
      await fresh.waitForFunction(() => (document.getElementById('import-status')?.textContent ?? '') !== '');
      await expect(fresh.textContent('#import-status')).resolves.toMatch(/^report\.config\.json imported\./);
      await expect(downloaded(fresh, '#export-settings')).resolves.toEqual(exported);
      await fresh.close();
    });

    it('downloads the workbook with the cells of cs-indicators report --format xlsx', async () => {
      const out = join(directory, 'cli.xlsx');
      expect(runBuiltCli(['report', '--config', CONFIG, '--format', 'xlsx', '--out', out]).code).toBe(0);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-xlsx')]);
      expect(download.suggestedFilename()).toBe('monthly-return-2011-01-31.xlsx');
      const ours = await workbookCells(readFileSync(await download.path()));
      // Summary, one sheet per indicator, About: every cell's value (a number a number, a date a date).
      expect(Object.keys(ours)).toEqual(['Summary', ...Object.keys(await summaryOfPage(page)), 'About']);
      expect(ours).toEqual(await workbookCells(readFileSync(out)));
    });

    it('moves the focus to the result and says it in the live region', async () => {
      expect(focused).toBe('result-heading');
      await expect(page.getAttribute('#progress', 'role')).resolves.toBe('status');
      await expect(page.textContent('#progress')).resolves.toBe(
        'The return is ready: 10 indicators, 0 rows rejected.',
      );
    });

    it('saves a screenshot, and the one in the docs when asked', async () => {
      mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.mouse.move(0, 0);
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(statSync(SCREENSHOT).size).toBeGreaterThan(50_000);
      if (process.env.CSI_UPDATE_DOCS_SCREENSHOT === '1') {
        // From "3. The return": the result, the downloads, every file's rows, and the return's summary.
        const top = await page.evaluate(
          () => (document.getElementById('compute')?.getBoundingClientRect().top ?? 0) + window.scrollY - 170,
        );
        // As a palette PNG: a third of Chromium's true-colour PNG, the text as sharp (the package ships docs/images).
        const shot = await page.screenshot({
          fullPage: true,
          clip: { x: 0, y: Math.max(0, top), width: 1280, height: 2000 },
        });
        writeFileSync(DOCS_SCREENSHOT, palettePng(decodePng(shot)));
      }
    });
  });

  describe('a file with bad rows', () => {
    let page: Page;

    beforeAll(async () => {
      page = await openPage();
      await page.fill('#financial-year', 'FY2010');
      await page.fill('#as-at', '2010-10-31');
      await page.check('#indicator-REF_NO_CAF');
      await page.setInputFiles('input[type=file][data-kind="referral"]', BAD_REFERRALS);
      await page.waitForFunction(() =>
        (document.getElementById('status-referral')?.textContent ?? '').includes('read as'),
      );
    }, 60_000);

    it('lists each issue as the CLI does, with data-issue, data-file, data-code and data-row, and computes the rest', async () => {
      await expect(computed(page)).resolves.toBe('report');
      const issues = await page.$$eval('#issues-list [data-issue]', (items) =>
        items.map((item) => ({
          file: item.getAttribute('data-file'),
          code: item.getAttribute('data-code'),
          row: item.getAttribute('data-row'),
          text: item.textContent,
        })),
      );
      // The CLI, run beside the file with the same settings, prints the same lines on standard error.
      const folder = join(directory, 'bad');
      mkdirSync(folder, { recursive: true });
      copyFileSync(BAD_REFERRALS, join(folder, basename(BAD_REFERRALS)));
      writeFileSync(
        join(folder, 'report.config.json'),
        JSON.stringify({
          financialYear: 'FY2010',
          asAt: '2010-10-31',
          inputs: { referral: basename(BAD_REFERRALS) },
          indicators: ['REF_NO_CAF'],
        }),
      );
      const cli = runBuiltCli(['report', '--config', 'report.config.json', '--format', 'json'], {
        cwd: folder,
      });
      const cliLines = cli.stderr
        .split('\n')
        .filter((line) => /\[[a-z_]+\]$/.test(line) && line.includes('.csv:'));
      expect(issues.map((issue) => issue.text)).toEqual(
        cliLines.map((line) => line.replace(`${folder}/`, '')),
      );
      // Rows 5 to 8 (the header is line 1): an impossible date, a blank child, "maybe" as yes/no, R-1 again.
      expect(issues.map(({ file, code, row }) => [file, code, row])).toEqual([
        ['referrals-with-issues.csv', 'invalid_date', '5'],
        ['referrals-with-issues.csv', 'missing_field', '6'],
        ['referrals-with-issues.csv', 'invalid_value', '7'],
        ['referrals-with-issues.csv', 'duplicate_id', '8'],
      ]);
      // The three good referrals of October 2010, two without a CAF: 2 of 3.
      const summary = await summaryOfPage(page);
      expect(summary.REF_NO_CAF?.['year-to-date']).toBe('66.666666666666666667');
      await expect(
        page.$$eval('#issues-list tr[data-input="referral"] [data-value]', (cells) =>
          cells.map((cell) => cell.getAttribute('data-value')),
        ),
      ).resolves.toEqual(['7', '3', '4', '0']);
    });

    it('refuses a file that lacks a column the indicator needs, listing its issue', async () => {
      const other = await openPage();
      await other.fill('#financial-year', 'FY2010');
      await other.check('#indicator-CPC15');
      await other.setInputFiles(
        'input[type=file][data-kind="cp-conference"]',
        join(ROOT, 'test', 'fixtures', 'records', 'missing-column.csv'),
      );
      await other.waitForFunction(
        () =>
          (document.getElementById('status-cp-conference')?.textContent ?? '') !== 'No file chosen.' &&
          !(document.getElementById('status-cp-conference')?.textContent ?? '').endsWith('…'),
      );
      await expect(computed(other)).resolves.toBe('problem');
      const problem = other.locator('#page-problems');
      await expect(problem.textContent()).resolves.toContain('missing-column.csv: input refused');
      await expect(
        problem.locator('[data-issue][data-code="missing_column"][data-file="missing-column.csv"]').count(),
      ).resolves.toBe(1);
      await other.close();
    });
  });

  describe('the drop zone', () => {
    it('places a dropped file by its header, and leaves one that fits two kinds equally for the analyst', async () => {
      const page = await openPage();
      const referrals = readFileSync(BAD_REFERRALS, 'utf8');
      // A real drop: a DataTransfer holding two files, dropped on #drop-zone.
      const transfer = await page.evaluateHandle((text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'referrals.csv', { type: 'text/csv' }));
        data.items.add(
          new File(['id,childId,startDate,completedDate\nA-1,C-1,2010-10-01,2010-10-20\n'], 'a.csv'),
        );
        return data;
      }, referrals);
      await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer: transfer });
      await page.waitForFunction(() => document.querySelectorAll('#drop-result li').length === 2);
      await expect(
        page.$$eval('#drop-result li', (items) => items.map((item) => item.textContent)),
      ).resolves.toEqual([
        'referrals.csv: referral records: placed.',
        'Not placed: a.csv fits core-assessment records or assessment records equally: give it in the field for its kind',
      ]);
      await expect(
        page.$eval('input[data-kind="referral"]', (input) => (input as HTMLInputElement).files?.[0]?.name),
      ).resolves.toBe('referrals.csv');
      await expect(
        page.$eval(
          'input[data-kind="core-assessment"]',
          (input) => (input as HTMLInputElement).files?.length,
        ),
      ).resolves.toBe(0);
      await page.close();
    });
  });

  describe('refusals', () => {
    it('keeps the compute button off while dropped files are placed, so that none is refused as not chosen', async () => {
      // The example's settings imported, then its eight exports dropped and the button clicked in the same moment:
      // the files are placed one after another, and a return computed meanwhile was refused for the files not yet
      // placed ("no file named … was chosen"), files the analyst had just dropped. The click does nothing; once the
      // eight are listed the button is on again and the return is computed.
      const page = await openPage();
      await page.setInputFiles('#import-settings', CONFIG);
      await page.waitForFunction(() => (document.getElementById('import-status')?.textContent ?? '') !== '');
      await page.fill('#financial-year', 'FY2010');
      await page.fill('#as-at', '2011-01-31');
      const texts = EXPORTS.map((path) => ({ name: basename(path), text: readFileSync(path, 'utf8') }));
      const offWhilePlacing = await page.evaluate((files) => {
        const data = new DataTransfer();
        for (const { name, text } of files) data.items.add(new File([text], name, { type: 'text/csv' }));
        const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
        document.getElementById('drop-zone')?.dispatchEvent(drop);
        const button = document.getElementById('compute') as HTMLButtonElement;
        const off = button.disabled;
        button.click();
        return off;
      }, texts);
      expect(offWhilePlacing).toBe(true);
      await page.waitForFunction(() => document.querySelectorAll('#drop-result li').length === 8, null, {
        timeout: 30_000,
      });
      // The click made no return and no problem.
      await expect(page.isHidden('#page-problems')).resolves.toBe(true);
      await expect(page.isHidden('#result')).resolves.toBe(true);
      await expect(page.isEnabled('#compute')).resolves.toBe(true);
      await expect(computed(page)).resolves.toBe('report');
      await page.close();
    });

    it('refuses imported settings whose files were not all chosen, naming each one not chosen', async () => {
      const page = await openPage();
      await page.setInputFiles('#import-settings', CONFIG);
      await page.waitForFunction(() => (document.getElementById('import-status')?.textContent ?? '') !== '');
      // Two of the example's eight files chosen: cs-indicators report would say "no such file" of the other six.
      await page.setInputFiles(
        'input[type=file][data-kind="worker"]',
        join(EXAMPLES, 'data', 'fy2010', 'workers.csv'),
      );
      await page.setInputFiles(
        'input[type=file][data-kind="allocation"]',
        join(EXAMPLES, 'data', 'fy2010', 'allocations.csv'),
      );
      await page.waitForFunction(() =>
        ['worker', 'allocation'].every((kind) =>
          (document.getElementById(`status-${kind}`)?.textContent ?? '').includes('read as'),
        ),
      );
      await expect(computed(page)).resolves.toBe('problem');
      const missing = [
        'initial-assessments',
        'core-assessments',
        'cp-conferences',
        'caf',
        'referrals',
        'neet',
      ];
      const kinds = ['initial-assessment', 'core-assessment', 'cp-conference', 'caf', 'referral', 'neet'];
      await expect(page.textContent('#page-problems')).resolves.toBe(
        [
          'the settings: the report config is not usable (6 problems):',
          ...kinds.map(
            (kind, index) => `  inputs.${kind}: no file named "data/fy2010/${missing[index]}.csv" was chosen`,
          ),
        ].join('\n'),
      );
      await page.close();
    });

    it('refuses the bad file whole under --strict, listing every issue', async () => {
      const page = await openPage();
      await page.fill('#financial-year', 'FY2010');
      await page.check('#indicator-REF_NO_CAF');
      await page.check('#strict');
      await page.setInputFiles('input[type=file][data-kind="referral"]', BAD_REFERRALS);
      await page.waitForFunction(() =>
        (document.getElementById('status-referral')?.textContent ?? '').includes('read as'),
      );
      await expect(computed(page)).resolves.toBe('problem');
      await expect(
        page.$$eval('#page-problems [data-issue]', (items) =>
          items.map((item) => item.getAttribute('data-code')),
        ),
      ).resolves.toEqual(['invalid_date', 'missing_field', 'invalid_value', 'duplicate_id']);
      await expect(page.isVisible('#result')).resolves.toBe(false);
      await page.close();
    });

    it('refuses to compute without a file the indicators read, or without a financial year, saying which', async () => {
      const page = await openPage();
      await page.fill('#financial-year', 'FY2010');
      await page.check('#indicator-CASELOAD');
      await page.setInputFiles(
        'input[type=file][data-kind="allocation"]',
        join(EXAMPLES, 'data', 'fy2010', 'allocations.csv'),
      );
      await page.waitForFunction(() =>
        (document.getElementById('status-allocation')?.textContent ?? '').includes('read as'),
      );
      // CASELOAD divides the allocations by the workers' FTE: without the workers' file there is no figure.
      await expect(computed(page)).resolves.toBe('problem');
      await expect(page.textContent('#page-problems')).resolves.toBe(
        'the settings: the report config is not usable (1 problem):\n  inputs.worker: no file for the worker records CASELOAD reads',
      );
      await page.setInputFiles(
        'input[type=file][data-kind="worker"]',
        join(EXAMPLES, 'data', 'fy2010', 'workers.csv'),
      );
      await page.waitForFunction(() =>
        (document.getElementById('status-worker')?.textContent ?? '').includes('read as'),
      );
      await page.fill('#financial-year', '');
      await expect(computed(page)).resolves.toBe('problem');
      await expect(page.textContent('#page-problems')).resolves.toMatch(
        /^the settings: the report config is not usable \(1 problem\):\n {2}financialYear: expected a financial year, April to March, written FY2010 or 2010\/11, got "" \(it is empty\)$/,
      );
      await page.close();
    });
  });

  describe('encodings and workbooks', () => {
    it('says a file was read as Windows-1252, as the reading path detected it', async () => {
      const page = await openPage();
      await page.fill('#financial-year', 'FY2010');
      await page.check('#indicator-REF_NO_CAF');
      // Excel's "CSV (Comma delimited)" on a UK machine: ë is 0xEB, é 0xE9 (test/fixtures/encoding/README.md). The
      // fixture's text with the CAF flag REF_NO_CAF needs (without it the report is refused, missing_column).
      const file = join(directory, 'referrals-windows-1252.csv');
      writeFileSync(
        file,
        Buffer.from(
          'id,childId,referralDate,cafCompleted\r\nR-1,Zo\xEB,01/10/2010,no\r\nR-2,Zo\xE9,15/10/2010,yes\r\n',
          'latin1',
        ),
      );
      await page.setInputFiles('input[type=file][data-kind="referral"]', file);
      await page.waitForFunction(() =>
        (document.getElementById('status-referral')?.textContent ?? '').includes('read as'),
      );
      await expect(computed(page)).resolves.toBe('report');
      await expect(page.textContent('#issues-list [data-notice]')).resolves.toBe(
        'read as Windows-1252 (what Excel\'s "CSV (Comma delimited)" writes): line 2 has a byte that is not UTF-8 (0xEB, read as "R-1,Zoë"), and no line has UTF-8 text. If names look wrong, save the file as "CSV UTF-8" or give its encoding',
      );
      // The file's encoding given as UTF-8 (the settings' per-file encoding): the file is refused whole, as
      // cs-indicators report refuses it with "encoding": "utf-8", and the return computed before is not left on show.
      await page.click('[data-kind-group="referral"] summary');
      await page.selectOption('#encoding-referral', 'utf-8');
      await expect(computed(page)).resolves.toBe('problem');
      await expect(page.isVisible('#result')).resolves.toBe(false);
      await expect(page.textContent('#page-problems pre')).resolves.toBe(
        'referrals-windows-1252.csv: input refused: line 2 has a byte that is not UTF-8 (0xEB, in "R-1,Zo<EB>"), but encoding utf-8 was asked: save the file again as UTF-8 ("CSV UTF-8" in Excel), or give its real encoding',
      );
      await page.close();
    });

    it('recognises an Annex A workbook by its lists and gives the return cs-indicators report gives from it', async () => {
      const page = await openPage();
      const config = join(EXAMPLES, 'annex-a', 'report.config.json');
      await page.setInputFiles('#import-settings', config);
      await page.waitForFunction(() => (document.getElementById('import-status')?.textContent ?? '') !== '');
      await page.setInputFiles('#drop-input', join(EXAMPLES, 'annex-a', 'annex-a-2012-13.xlsx'));
      await page.waitForFunction(() => document.querySelectorAll('#drop-result li').length === 1);
      await expect(page.textContent('#drop-result li')).resolves.toBe(
        'annex-a-2012-13.xlsx: Annex A List 3 (referrals) from sheet "List 3", Annex A List 4 (assessments) from sheet "List 4", Annex A List 5 (section 47 enquiries and initial conferences) from sheet "List 5", Annex A List 7 (child protection plans) from sheet "List 7": placed.',
      );
      await expect(computed(page)).resolves.toBe('report');
      const cli = runBuiltCli(['report', '--config', config, '--format', 'html']);
      expect(cli.code).toBe(0);
      const expected = summaryOfHtml(cli.stdout);
      expect(Object.keys(expected)).toEqual(['ASSESS45', 'CPC15', 'CPP_2YEARS', 'CPP_REPEAT']);
      expect(await summaryOfPage(page)).toEqual(expected);
      // List 5's enquiries whose conference was deemed unnecessary are rows read and skipped, as the CLI counts them.
      const skipped = await page.$eval(
        '#issues-list tr[data-input="cp-conference"] [data-field="rows-skipped"]',
        (cell) => Number(cell.getAttribute('data-value')),
      );
      expect(skipped).toBeGreaterThan(0);
      await page.close();
    });
  });

  describe('settings', () => {
    it('refuses an imported config with an unknown key, naming it', async () => {
      const page = await openPage();
      const file = join(directory, 'typo.config.json');
      writeFileSync(
        file,
        JSON.stringify({ financialYear: 'FY2010', inputs: {}, indicators: ['NI59'], asat: '2011-01-31' }),
      );
      await page.setInputFiles('#import-settings', file);
      await page.waitForSelector('#page-problems:not([hidden])');
      await expect(page.textContent('#page-problems')).resolves.toContain('typo.config.json');
      await expect(page.textContent('#page-problems')).resolves.toContain('asat');
      await expect(page.textContent('#import-status')).resolves.toBe(
        'typo.config.json was not imported: see why above.',
      );
      await page.close();
    });
  });

  describe('the page itself', () => {
    it('labels every control, and holds the promise that nothing leaves the machine', async () => {
      const page = await openPage();
      const unlabelled = await page.$$eval('input, select, textarea', (controls) =>
        (controls as HTMLInputElement[])
          .filter((control) => (control.labels?.length ?? 0) === 0)
          .map((c) => c.id),
      );
      expect(unlabelled).toEqual([]);
      // The focus follows the page's order (settings, exports, compute, result): no element jumps the queue.
      await expect(
        page.$$eval('[tabindex]', (elements) =>
          elements
            .filter((element) => Number(element.getAttribute('tabindex')) > 0)
            .map((element) => element.id),
        ),
      ).resolves.toEqual([]);
      // The first stop is the skip link, the next the first setting.
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('govuk-skip-link');
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('import-settings');
      await expect(page.textContent('#promise')).resolves.toContain('Nothing leaves this computer.');
      const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      expect(policy).toMatch(
        /^default-src 'none'; script-src 'sha256-[^']+'; style-src( 'sha256-[^']+'){2}; worker-src blob:; base-uri 'none'; form-action 'none'$/,
      );
      await page.close();
    });

    it('fits a phone’s width (390 px): with every section open, nothing reaches past the screen’s edge', async () => {
      const page = await openPage();
      await page.setViewportSize({ width: 390, height: 844 });
      // Each indicator's options hold a select whose longest choice is wider than a phone: it must shrink to fit.
      const overflowing = await page.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((element) => element.getBoundingClientRect().right > width + 1)
          .map((element) => element.id || element.className);
      });
      expect(overflowing).toEqual([]);
      await page.close();
    });

    it('would see a request that left the machine, from a page or from its worker (the check can fail)', async () => {
      // A page without the app's policy asks for two addresses that do not exist: both are caught.
      const control = await context.newPage();
      await control.goto('data:text/html,<title>control</title>');
      await control.evaluate(async () => {
        await fetch('http://csi-control.invalid/page').catch(() => undefined);
        const source =
          "fetch('http://csi-control.invalid/worker').catch(() => undefined).then(() => postMessage('done'))";
        const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
        await new Promise((resolve) => {
          worker.onmessage = resolve;
        });
      });
      await control.close();
      const caught = leaks.filter((url) => url.startsWith('http://csi-control.invalid/'));
      expect(caught.sort()).toEqual(['http://csi-control.invalid/page', 'http://csi-control.invalid/worker']);
      leaks.splice(0, leaks.length, ...leaks.filter((url) => !caught.includes(url)));
      requests.splice(
        0,
        requests.length,
        ...requests.filter((url) => !/^(data:|http:\/\/csi-control)/.test(url)),
      );
    });

    it('made no request that would leave the machine, and logged no error or policy violation', () => {
      expect(leaks).toEqual([]);
      expect(requests.length).toBeGreaterThan(0);
      for (const url of requests) expect(url).toMatch(/^(file|blob):/);
      expect(errors).toEqual([]);
    });
  });
});
