import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = join(root, 'dist', 'app', 'index.html');
const directory = mkdtempSync(join(tmpdir(), 'csi-app-cli-'));
// A copy of dist/ to damage, inside the repository so that its imports (zod, decimal.js) resolve as they do from dist/.
mkdirSync(join(root, '.tmp'), { recursive: true });
const copies = mkdtempSync(join(root, '.tmp', 'app-cli-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
  rmSync(copies, { recursive: true, force: true });
});

/** Runs `cs-indicators app` from a copy of dist/ whose gzipped page `damage` has changed. */
function runWithPage(name: string, damage: (gzipped: string) => void) {
  const dist = join(copies, name, 'dist');
  cpSync(join(root, 'dist'), dist, { recursive: true });
  damage(join(dist, 'app', 'index.html.gz'));
  const out = join(directory, `${name}.html`);
  const result = spawnSync(process.execPath, [join(dist, 'cli', 'main.js'), 'app', '--out', out], {
    encoding: 'utf8',
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    out,
    page: join(dist, 'app', 'index.html.gz'),
  };
}

describe('cs-indicators app', () => {
  it('writes the browser page the build made to --out, and says how to use it', () => {
    const out = join(directory, 'return.html');
    const run = runBuiltCli(['app', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Wrote the browser page to ${out}: open it in a browser (it works from disk, with no network).\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(built, 'utf8'));
  });

  it('unpacks the gzipped page the package ships, the same bytes as the page the build made', () => {
    // The package holds only index.html.gz (package.json's files leave index.html out); the build writes both.
    const gzipped = readFileSync(join(root, 'dist', 'app', 'index.html.gz'));
    expect(gunzipSync(gzipped).equals(readFileSync(built))).toBe(true);
    // 1.2 MB of HTML, the worker's bundled code in it as JSON: gzip keeps it under a third.
    expect(gzipped.length).toBeLessThan(readFileSync(built).length / 3);
  });

  it('refuses (exit 1), naming the file, when the package lacks the gzipped page', () => {
    const run = runWithPage('missing', (page) => rmSync(page));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `cs-indicators app: the browser page is missing from the package (${run.page}): build it with npm run build\n`,
    );
    expect(run.stdout).toBe('');
  });

  it('refuses (exit 1), writing nothing, when the gzipped page is cut short', () => {
    // Half the bytes: gzip's length and CRC-32 at the end are gone, so unpacking fails rather than give half a page.
    const run = runWithPage('cut', (page) => {
      const bytes = readFileSync(page);
      writeFileSync(page, bytes.subarray(0, bytes.length >> 1));
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `cs-indicators app: the browser page in the package is damaged (${run.page} does not unpack as gzip): install the package again, or build it with npm run build\n`,
    );
    expect(() => readFileSync(run.out)).toThrow(/ENOENT/);
  });

  it('writes the page to standard output with --out -', () => {
    const run = runBuiltCli(['app', '--out', '-']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(built, 'utf8'));
  });

  it('refuses to run without --out (exit 2), saying what to give', () => {
    const run = runBuiltCli(['app']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cs-indicators app: missing --out FILE');
    expect(run.stdout).toBe('');
  });

  it('says why it cannot write the page to a folder that does not exist (exit 1)', () => {
    const run = runBuiltCli(['app', '--out', join(directory, 'no', 'such', 'folder', 'page.html')]);
    expect(run.code).toBe(1);
    // Checked before the page is read, as every command checks its outputs (no stack trace, the folder named).
    expect(run.stderr).toBe(
      `cs-indicators app: cannot write --out ${join(directory, 'no', 'such', 'folder', 'page.html')}: the folder ${join(directory, 'no', 'such', 'folder')} does not exist\n`,
    );
  });

  it('writes a page that loads nothing from anywhere: no src, href or action to another address', () => {
    const html = readFileSync(built, 'utf8');
    expect(html.match(/\b(?:src|href|action)\s*=\s*["']?(?:[a-z]+:)?\/\//gi)).toBe(null);
    expect(html.match(/<script\b[^>]*\bsrc=/gi)).toBe(null);
    expect(html.match(/<link\b/gi)).toBe(null);
    // Three scripts: the data and the worker's code as JSON (never run as they are), and the page's own script.
    expect(html.match(/<script\b[^>]*>/g)).toEqual([
      '<script type="application/json" id="csi-data">',
      '<script type="application/json" id="csi-worker">',
      '<script>',
    ]);
  });
});
