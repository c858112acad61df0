import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseBrowser } from '../helpers/browser.js';
import { fixtureBytes } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const builtins = new Set(builtinModules);
const browserChoice = chooseBrowser();
if (browserChoice.decision === 'skip') console.warn(`\n${browserChoice.message}\n`);

/** The workbook module bundled for the browser, with every import of a node built-in it makes. */
async function bundle(): Promise<{ code: string; builtinImports: string[] }> {
  const builtinImports: string[] = [];
  const result = await build({
    entryPoints: ['src/workbook/index.ts'],
    absWorkingDir: root,
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    globalName: 'workbook',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [
      {
        name: 'record-node-builtins',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /.*/ }, (args) => {
            const bare = args.path.replace(/^node:/, '').split('/')[0] ?? '';
            if (!args.path.startsWith('node:') && !builtins.has(bare)) return undefined;
            builtinImports.push(args.path);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return { code: result.outputFiles[0]?.text ?? '', builtinImports };
}

describe('the workbook module in a browser', () => {
  it('bundles for the browser without a single node built-in', async () => {
    const { code, builtinImports } = await bundle();
    expect(builtinImports).toEqual([]);
    expect(code).toContain('DecompressionStream');
  });

  describe.skipIf(browserChoice.decision === 'skip')('in Chromium, in a Web Worker', () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      if (browserChoice.decision === 'fail') throw new Error(browserChoice.message);
      browser = await chromium.launch({ executablePath: browserChoice.path, args: ['--no-sandbox'] });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('reads an Annex A workbook and writes one that reads back', async () => {
      const { code } = await bundle();
      const page = await (browser as Browser).newPage();
      // The worker: the bundle, then a message handler that reads the bytes given and writes and reads a workbook.
      const worker = `${code}
        self.onmessage = async (event) => {
          try {
            const opened = await workbook.openWorkbook(new Uint8Array(event.data));
            const rows = [];
            await opened.readSheet('List_3', (cells, row) => rows.push([row, cells]));
            const written = await workbook.writeWorkbook([{ name: 'Summary', rows: [['NI59', { number: 0.649, format: '0.0%' }, { date: '2011-03-31' }]] }]);
            const back = [];
            await (await workbook.openWorkbook(written)).readSheet(1, (cells, row) => back.push([row, cells]));
            self.postMessage({ sheets: opened.sheets.map((sheet) => sheet.name), header: rows[2], first: rows[3], back });
          } catch (error) {
            self.postMessage({ error: String(error) });
          }
        };`;
      const bytes = [...fixtureBytes('presets/annex-a.xlsx')];
      // Evaluated as text: the test is type-checked without the DOM's types.
      const result = await page.evaluate(`new Promise((resolve) => {
        const url = URL.createObjectURL(new Blob([${JSON.stringify(worker)}], { type: 'text/javascript' }));
        const running = new Worker(url);
        running.onmessage = (event) => resolve(event.data);
        running.onerror = (event) => resolve({ error: event.message });
        running.postMessage(new Uint8Array(${JSON.stringify(bytes)}).buffer);
      })`);
      expect(result).toEqual({
        sheets: ['Cover', 'List_3', 'list 4', 'List 5', 'Child Protection', 'No header'],
        header: [
          4,
          [
            'Child Unique ID',
            'Gender',
            'Ethnicity',
            'Date of Birth',
            'Age of Child (Years)',
            'Date of referral',
            'Referral Source',
            'Referral NFA?',
            'Number of Referrals in Last 12 Months',
            'Allocated Team',
            'Allocated Worker',
          ],
        ],
        // 2005-03-14 is serial 38425 and 2012-04-02 is 41001, as in Node.
        first: [
          5,
          [
            'C001',
            'a) Male',
            'WBRI',
            { kind: 'date', serial: 38425, date: '2005-03-14' },
            7,
            { kind: 'date', serial: 41001, date: '2012-04-02' },
            'Police',
            'b) No',
            0,
            'North',
            'W01',
          ],
        ],
        // 2011-03-31 is serial 40633 (40544 for 2011-01-01, plus 31 + 28 + 30).
        back: [[1, ['NI59', 0.649, { kind: 'date', serial: 40633, date: '2011-03-31' }]]],
      });
      await page.close();
    });
  });
});
