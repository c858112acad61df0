import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';

const built = fileURLToPath(new URL('../../dist/app/index.html', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'csi-app-cli-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

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
