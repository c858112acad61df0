import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import type { RecordKind } from '../../src/records/schemas.js';
import { renderHtml } from '../../src/report/html.js';
import { buildReport, type ReportIndicatorInput, type ReportModel } from '../../src/report/model.js';
import { getTargetSet } from '../../src/targets/index.js';
import { chooseBrowser } from '../helpers/browser.js';

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
    targets: [...getTargetSet('leeds-2010-notice').targets, ...getTargetSet('leeds-2010-plan').targets],
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

    browser = await chromium.launch({
      executablePath: browserChoice.path,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
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
      // The 12 months and the year to date.
      await expect(table.locator('tbody tr').count()).resolves.toBe(13);
      const chart = section.locator('svg[role="img"]');
      await expect(chart.isVisible()).resolves.toBe(true);
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(500);
      expect(box?.height).toBeGreaterThan(200);
      // Every month with a value has its point: NI117 and NEET_NOT_KNOWN count only November to January.
      const withValues = indicator.months.filter((month) => month.reported && month.value !== null).length;
      await expect(chart.locator('circle[data-part="point"]').count()).resolves.toBe(withValues);
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
      await page.screenshot({
        path: DOCS_SCREENSHOT,
        fullPage: true,
        clip: { x: 0, y: 0, width: 1200, height: 2600 },
      });
    }
  });
});
