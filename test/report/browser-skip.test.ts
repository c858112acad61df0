import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chooseBrowser, DEFAULT_CHROMIUM, isCi } from '../helpers/browser.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const missing = '/nowhere/csi-test/chromium';

describe('chooseBrowser', () => {
  it('runs with the browser CSI_CHROMIUM names when it exists', () => {
    const choice = chooseBrowser(
      { CSI_CHROMIUM: '/opt/chrome/chrome' },
      (path) => path === '/opt/chrome/chrome',
    );
    expect(choice).toEqual({ path: '/opt/chrome/chrome', decision: 'run', message: '' });
  });

  it("uses Debian's /usr/bin/chromium when CSI_CHROMIUM is unset or blank", () => {
    const exists = (path: string) => path === DEFAULT_CHROMIUM;
    expect(chooseBrowser({}, exists)).toMatchObject({ path: '/usr/bin/chromium', decision: 'run' });
    expect(chooseBrowser({ CSI_CHROMIUM: '  ' }, exists)).toMatchObject({
      path: '/usr/bin/chromium',
      decision: 'run',
    });
  });

  it('skips with a warning that names the missing browser and how to install one, outside CI', () => {
    const choice = chooseBrowser({ CSI_CHROMIUM: missing }, () => false);
    expect(choice.decision).toBe('skip');
    expect(choice.message).toContain(
      `SKIPPED: the report's browser tests, because CSI_CHROMIUM names ${missing}`,
    );
    expect(choice.message).toContain('apt-get install -y chromium');
    expect(choice.message).toContain('CSI_CHROMIUM');
    expect(chooseBrowser({}, () => false).message).toContain('no browser at /usr/bin/chromium');
  });

  it('fails instead of skipping under CI', () => {
    const choice = chooseBrowser({ CSI_CHROMIUM: missing, CI: 'true' }, () => false);
    expect(choice.decision).toBe('fail');
    expect(choice.message).toContain('The browser tests must run under CI');
    expect(choice.message).toContain('apt-get install -y chromium');
  });
});

describe('isCi', () => {
  it('reads CI as set unless it is empty, 0 or false', () => {
    expect([undefined, '', '0', 'false', 'FALSE', ' '].map((CI) => isCi({ CI }))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['true', '1', 'TRUE', 'yes'].map((CI) => isCi({ CI }))).toEqual([true, true, true, true]);
  });
});

/** Runs the browser test file alone with vitest, in an environment without this run's CI and vitest variables. */
function runBrowserTest(env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(CI|VITEST.*|CSI_CHROMIUM|NODE_ENV|TEST)$/i.test(name)),
  );
  const result = spawnSync(
    process.execPath,
    [
      fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url)),
      'run',
      'test/report/browser.test.ts',
    ],
    {
      cwd: root,
      env: { ...inherited, CSI_SKIP_BUILD: '1', NO_COLOR: '1', ...env },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('the browser test without a browser', { timeout: 150_000 }, () => {
  it('is skipped with the warning, and passes, when CSI_CHROMIUM names a missing file outside CI', () => {
    const { status, output } = runBrowserTest({ CSI_CHROMIUM: missing });
    expect(output).toContain(`SKIPPED: the report's browser tests, because CSI_CHROMIUM names ${missing}`);
    expect(output).toMatch(/Tests\s+\d+ skipped \(\d+\)/);
    expect(status).toBe(0);
  });

  it('fails, naming the missing browser, under CI=true', () => {
    const { status, output } = runBrowserTest({ CSI_CHROMIUM: missing, CI: 'true' });
    expect(output).toContain(`The browser tests must run under CI, but CSI_CHROMIUM names ${missing}`);
    expect(output).toMatch(/Test Files\s+1 failed/);
    expect(status).toBe(1);
  });
});
