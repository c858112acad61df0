import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import type { RecordKind } from '../../src/records/schemas.js';
import { renderHtml } from '../../src/report/html.js';
import { buildReport, type ReportIndicatorInput, type ReportModel } from '../../src/report/model.js';
import { getTargetSet } from '../../src/targets/index.js';
import { chooseBrowser, launchChromium } from '../helpers/browser.js';
import { decodePng, palettePng } from '../helpers/palette-png.js';

// The browser: CSI_CHROMIUM, else Debian's /usr/bin/chromium. Missing, the tests are skipped with a warning that says
// how to install one, except under CI (CI=true), where they must run and so fail.
const browserChoice = chooseBrowser();
if (browserChoice.decision === 'skip') console.warn(`\n${browserChoice.message}\n`);
const DATA = fileURLToPath(new URL('../../examples/data/fy2010/', import.meta.url));
// Every run saves the whole page under .tmp/ (not committed). The picture in the docs, the top of the page, is
// refreshed only when asked: CSI_UPDATE_DOCS_SCREENSHOT=1 npx vitest run test/report/browser.test.ts
const SCREENSHOT = fileURLToPath(new URL('../../.tmp/screenshots/monthly-return.png', import.meta.url));
const DOCS_SCREENSHOT = fileURLToPath(new URL('../../docs/images/monthly-return.png', import.meta.url));

async function records<K extends RecordKind>(kind: K, file: string) {
  return (await readRecordsFile(kind, join(DATA, file))).records;
}

/** The example year's report, as the demo builds it: every indicator, both Leeds target sets, data to January. */
async function exampleReport(): Promise<ReportModel> {
  const caf = await records('caf', 'caf.csv');
  const referrals = await records('referral', 'referrals.csv');
  const neet = await records('neet', 'neet.csv');
  const indicators: ReportIndicatorInput[] = [
    { id: 'NI59', records: await records('initial-assessment', 'initial-assessments.csv') },
    { id: 'NI60', records: await records('core-assessment', 'core-assessments.csv') },
    { id: 'CPC15', records: await records('cp-conference', 'cp-conferences.csv') },
    { id: 'CAF2W', records: caf },
    { id: 'CAF_CLOSED', records: caf },
    { id: 'REF_NO_CAF', records: referrals },
    { id: 'REPEAT_REFERRALS', records: referrals },
    { id: 'NI117', records: neet },
    { id: 'NEET_NOT_KNOWN', records: neet },
    {
      id: 'CASELOAD',
      records: await records('allocation', 'allocations.csv'),
      options: { workers: await records('worker', 'workers.csv') },
    },
  ];
  return buildReport(indicators, {
    financialYear: 'FY2010',
    asAt: '2011-01-31',
    targetSets: [getTargetSet('leeds-2010-notice'), getTargetSet('leeds-2010-plan')],
  });
}

describe.skipIf(browserChoice.decision === 'skip')('the HTML report in a real browser', () => {
  let browser: Browser | undefined;
  let page: Page;
  let model: ReportModel;
  let fileUrl: string;
  let directory: string | undefined;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    if (browserChoice.decision === 'fail') throw new Error(browserChoice.message);
    model = await exampleReport();
    directory = mkdtempSync(join(tmpdir(), 'csi-report-'));
    const file = join(directory, 'monthly-return.html');
    writeFileSync(file, renderHtml(model));
    fileUrl = pathToFileURL(file).href;

    browser = await launchChromium(browserChoice);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    await page.goto(fileUrl, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('shows every indicator with its section, table and chart', async () => {
    expect(model.indicators.map((indicator) => indicator.id)).toEqual([
      'NI59',
      'NI60',
      'CPC15',
      'CAF2W',
      'CAF_CLOSED',
      'REF_NO_CAF',
      'REPEAT_REFERRALS',
      'NI117',
      'NEET_NOT_KNOWN',
      'CASELOAD',
    ]);
    for (const indicator of model.indicators) {
      const section = page.locator(`section[id="${indicator.id}"]`);
      await expect(section.isVisible()).resolves.toBe(true);
      const table = section.locator('table', { has: page.locator('caption', { hasText: 'by month' }) });
      await expect(table.isVisible()).resolves.toBe(true);
      // The months of history, the 12 months and the year to date.
      await expect(table.locator('tbody tr').count()).resolves.toBe(indicator.history.length + 13);
      const chart = section.locator('svg[role="img"]');
      await expect(chart.isVisible()).resolves.toBe(true);
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(500);
      expect(box?.height).toBeGreaterThan(200);
      // Every month with a value has its point: NI117 and NEET_NOT_KNOWN count only November to January.
      const withValues = indicator.spc.points.filter((point) => point.value !== null).length;
      await expect(chart.locator('[data-part="point"]').count()).resolves.toBe(withValues);
    }
    await expect(page.locator('table.csi-summary tbody tr').count()).resolves.toBe(model.indicators.length);
  });

  it('requests nothing but the file itself', () => {
    expect(requests).toEqual([fileUrl]);
  });

  it('logs no error', () => {
    expect(errors).toEqual([]);
  });

  it('saves a full-page screenshot, and the top of the page for the docs when asked', async () => {
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(50_000);
    if (process.env.CSI_UPDATE_DOCS_SCREENSHOT === '1') {
      mkdirSync(join(DOCS_SCREENSHOT, '..'), { recursive: true });
      // As a palette PNG: a third of Chromium's true-colour PNG, the text as sharp (the package ships docs/images).
      const shot = await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 2600 } });
      writeFileSync(DOCS_SCREENSHOT, palettePng(decodePng(shot)));
    }
  });

  it('gives every summary row the contract of SPEC 15: data-indicator, and data-field with data-value', async () => {
    const rows = page.locator('table.csi-summary tbody tr');
    await expect(rows.count()).resolves.toBe(model.indicators.length);
    const contract = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        indicator: tr.getAttribute('data-indicator'),
        fields: Object.fromEntries(
          [...tr.querySelectorAll('[data-field]')].map((cell) => [
            cell.getAttribute('data-field'),
            cell.getAttribute('data-value'),
          ]),
        ),
      })),
    );
    expect(contract.map((row) => row.indicator)).toEqual(model.indicators.map((indicator) => indicator.id));
    for (const row of contract) {
      expect(Object.keys(row.fields)).toEqual([
        'latest-month',
        'year-to-date',
        'target',
        'actual',
        'gap',
        'status',
        'standing',
        'variation',
        'assurance',
      ]);
    }
    // NI59 against the notice's October to March 80%: 81.3% so far (October to January: 442 + 455 + 350 + 420 =
    // 1,667 of 549 + 558 + 435 + 509 = 2,051).
    const ni59 = model.indicators[0];
    expect(contract[0]?.fields).toMatchObject({
      'year-to-date': ni59?.yearToDate.value,
      target: '80',
      status: 'met',
      standing: 'green',
      variation: ni59?.spc.variation,
      assurance: ni59?.spc.assurance,
    });
  });

  it('reads on a phone: no horizontal scroll at 390 px, the tables reflow', async () => {
    const phone = await browser?.newPage({ viewport: { width: 390, height: 844 } });
    if (!phone) throw new Error('no browser');
    await phone.goto(fileUrl, { waitUntil: 'load' });
    // Run in the page (as text: this project's types have no DOM).
    const widths = (await phone.evaluate(`(() => ({
      scroll: document.documentElement.scrollWidth,
      wider: [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .slice(0, 5)
        .map((element) => element.tagName.toLowerCase() + '.' + element.className),
    }))()`)) as { scroll: number; wider: string[] };
    expect(widths.wider).toEqual([]);
    expect(widths.scroll).toBe(390);
    // The summary's cells stack, one block per indicator, each cell named.
    const display = await phone.evaluate(
      `getComputedStyle(document.querySelector('table.csi-summary tbody td[data-field="target"]')).display`,
    );
    expect(display).toBe('block');
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await phone.screenshot({ path: SCREENSHOT.replace('.png', '-390.png'), fullPage: true });
    await phone.close();
  });

  it('prints on A4: the summary on page 1, folded parts open, no page forced per indicator', async () => {
    const print = await browser?.newPage({ viewport: { width: 703, height: 1032 } });
    if (!print) throw new Error('no browser');
    await print.goto(fileUrl, { waitUntil: 'load' });
    await print.emulateMedia({ media: 'print' });
    // A4 is 210 × 297 mm; with the page's 12 mm margins 186 × 273 mm, 703 × 1032 CSS pixels. The summary table ends
    // within the first page.
    const layout = (await print.evaluate(`(() => ({
      summaryBottom: document.querySelector('table.csi-summary').getBoundingClientRect().bottom,
      breaks: [...document.querySelectorAll('section.csi-indicator')].map((section) => getComputedStyle(section).breakBefore),
      folded: [...document.querySelectorAll('details .govuk-details__text')].map((text) => text.getBoundingClientRect().height),
    }))()`)) as { summaryBottom: number; breaks: string[]; folded: number[] };
    expect(layout.summaryBottom).toBeLessThan(1032);
    expect(new Set(layout.breaks)).toEqual(new Set(['auto']));
    // Every folded part (how to read, each definition and source) is printed open.
    expect(layout.folded.length).toBeGreaterThan(10);
    for (const height of layout.folded) expect(height).toBeGreaterThan(0);
    // The PDF: before, each of the 10 indicators started a page, 22 pages in all; the sections now follow one
    // another, each about a page and a half with its history: 18 pages at most.
    const pdf = await print.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThanOrEqual(18);
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    writeFileSync(SCREENSHOT.replace('.png', '.pdf'), pdf);
    await print.close();
  });
});
