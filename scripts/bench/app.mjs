// The browser page in the benchmark (SPEC 16): the time to the report in Chromium, for the example year and for a
// large export, against the CLI on the same files and settings (the floor, measured in the same run), and whether
// the page stays responsive meanwhile: a requestAnimationFrame counter runs in the page while the worker reads and
// computes, and its frames per second and longest gap between frames are printed. Figures printed, never asserted.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Runs the built CLI once and gives its wall time in ms. */
function cliMs(root, args) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [`${root}dist/cli/main.js`, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`cs-indicators ${args.join(' ')} failed: ${run.stderr}`);
  return performance.now() - started;
}

/** The page's frame counter: started before the computation, read after it. */
// (Functions, not strings: the page's Content Security Policy forbids evaluating strings, Playwright's included.)
function startFrames() {
  const state = { frames: 0, longest: 0, last: performance.now(), running: true };
  const tick = (now) => {
    state.frames++;
    state.longest = Math.max(state.longest, now - state.last);
    state.last = now;
    if (state.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.csiFrames = state;
}
function stopFrames() {
  window.csiFrames.running = false;
  return window.csiFrames;
}

/** Presses #compute and times it to the report shown, counting frames meanwhile. */
async function timeCompute(page) {
  await page.evaluate(startFrames);
  const started = performance.now();
  await page.click('#compute');
  await page.waitForFunction(
    () => !document.getElementById('result').hidden || !document.getElementById('page-problems').hidden,
    null,
    { timeout: 600_000, polling: 250 },
  );
  const ms = performance.now() - started;
  const frames = await page.evaluate(stopFrames);
  const problem = await page.evaluate(
    'document.getElementById("page-problems").hidden ? "" : document.getElementById("page-problems").textContent',
  );
  if (problem !== '') throw new Error(`the page refused: ${problem}`);
  return { ms, fps: (frames.frames / ms) * 1000, longest: frames.longest };
}

/**
 * The page's part of the benchmark.
 * @param options - `root` (the repository, ending in /), `csv` (the large export of initial assessments), `rows` (its
 *   rows), `line` and `fmt` (the benchmark's printing).
 */
export async function benchApp({ root, csv, rows, line, fmt }) {
  const executable = process.env.CSI_CHROMIUM?.trim() || '/usr/bin/chromium';
  line('The browser page (Chromium, headless; time to the report shown, against the CLI on the same files)');
  if (!existsSync(executable)) {
    line(`  skipped: no browser at ${executable} (install chromium, or set CSI_CHROMIUM)`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: executable,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    const pageUrl = pathToFileURL(`${root}dist/app/index.html`).href;

    // 1. The example year: its config imported, its eight exports dropped.
    const examples = `${root}examples/`;
    const exportsOf = [
      'initial-assessments',
      'core-assessments',
      'cp-conferences',
      'caf',
      'referrals',
      'neet',
      'workers',
      'allocations',
    ];
    const page = await browser.newPage();
    await page.goto(pageUrl);
    await page.setInputFiles('#import-settings', `${examples}report.config.json`);
    await page.waitForFunction(() => document.getElementById('import-status').textContent !== '');
    await page.setInputFiles(
      '#drop-input',
      exportsOf.map((name) => `${examples}data/fy2010/${name}.csv`),
    );
    await page.waitForFunction(() => document.querySelectorAll('#drop-result li').length === 8, null, {
      timeout: 60_000,
    });
    const example = await timeCompute(page);
    await page.close();
    const exampleCli = cliMs(root, [
      'report',
      '--config',
      `${examples}report.config.json`,
      '--format',
      'json',
    ]);
    line(
      `  the example year (10 indicators, 8 files, 96,147 rows): page ${(example.ms / 1000).toFixed(2)} s, CLI ${(exampleCli / 1000).toFixed(2)} s; ratio ${(example.ms / exampleCli).toFixed(2)}×`,
    );
    line(
      `    the page meanwhile: ${example.fps.toFixed(0)} frames a second, longest gap between frames ${example.longest.toFixed(0)} ms`,
    );

    // 2. The large export: NI59 over the year, in the page and with the CLI.
    const dir = `${root}.tmp/bench/app/`;
    mkdirSync(dir, { recursive: true });
    const config = `${dir}report.config.json`;
    writeFileSync(
      config,
      JSON.stringify({
        financialYear: 'FY2010',
        inputs: { 'initial-assessment': csv },
        indicators: ['NI59'],
      }),
    );
    const large = await browser.newPage();
    await large.goto(pageUrl);
    await large.fill('#financial-year', 'FY2010');
    await large.check('#indicator-NI59');
    await large.setInputFiles('input[type=file][data-kind="initial-assessment"]', csv);
    await large.waitForFunction(
      (name) => (document.getElementById('status-initial-assessment').textContent || '').includes(`${name},`),
      basename(csv),
      { timeout: 60_000 },
    );
    const big = await timeCompute(large);
    await large.close();
    const bigCli = cliMs(root, ['report', '--config', config, '--format', 'json']);
    line(
      `  NI59 over ${fmt(rows)} CSV rows: page ${(big.ms / 1000).toFixed(2)} s, CLI ${(bigCli / 1000).toFixed(2)} s; ratio ${(big.ms / bigCli).toFixed(2)}×`,
    );
    line(
      `    the page meanwhile: ${big.fps.toFixed(0)} frames a second, longest gap between frames ${big.longest.toFixed(0)} ms (the work is in the Web Worker)`,
    );
  } finally {
    await browser.close();
  }
}
