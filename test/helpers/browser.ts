import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Debian's chromium package puts the browser: the default of `CSI_CHROMIUM`. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests run, and with which browser. */
export interface BrowserChoice {
  /** The browser's executable: `CSI_CHROMIUM`, else {@link DEFAULT_CHROMIUM}. */
  readonly path: string;
  /**
   * `run`: the browser is there. `skip`: it is missing on a contributor's machine, so the tests are skipped with a
   * warning. `fail`: it is missing under CI, where the tests must run, so they fail.
   */
  readonly decision: 'run' | 'skip' | 'fail';
  /** Why the tests do not run, and how to install a browser: for the warning or the failure. */
  readonly message: string;
}

/** Whether the environment says this is a CI run: `CI` set to anything but an empty string, `0` or `false`. */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const ci = (env.CI ?? '').trim().toLowerCase();
  return ci !== '' && ci !== '0' && ci !== 'false';
}

/**
 * Chooses the browser of the browser tests from the environment: `CSI_CHROMIUM` names the executable (default
 * `/usr/bin/chromium`); a missing one skips the tests with a warning, except under CI, where it fails them.
 * @example chooseBrowser({ CSI_CHROMIUM: '/nowhere/chromium' }).decision //=> 'skip'
 * @example chooseBrowser({ CSI_CHROMIUM: '/nowhere/chromium', CI: 'true' }).decision //=> 'fail'
 */
export function chooseBrowser(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): BrowserChoice {
  const named = env.CSI_CHROMIUM?.trim();
  const path = named ? named : DEFAULT_CHROMIUM;
  if (exists(path)) return { path, decision: 'run', message: '' };
  const where = named ? `CSI_CHROMIUM names ${path}, which does not exist` : `no browser at ${path}`;
  const install =
    'Install Chromium (Debian or Ubuntu: `apt-get install -y chromium`, as .ci/run does), or point ' +
    'CSI_CHROMIUM at a Chromium or Chrome executable, and run the tests again.';
  if (isCi(env)) {
    return {
      path,
      decision: 'fail',
      message: `The browser tests must run under CI, but ${where}. ${install}`,
    };
  }
  return {
    path,
    decision: 'skip',
    message: `SKIPPED: the report's browser tests, because ${where}. ${install} (Under CI=true they fail instead.)`,
  };
}

/**
 * Launches the chosen Chromium headless, with everything that would reach a network on its own turned off (updates,
 * sync, background requests), so that any request a test sees comes from the page.
 */
export function launchChromium(choice: BrowserChoice): Promise<Browser> {
  return chromium.launch({
    executablePath: choice.path,
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
}
