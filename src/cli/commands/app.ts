import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { noMorePositionals, parseCommandArgs } from '../args.js';
import { type CliCommand, InputRefusedError, UsageError } from '../context.js';
import { checkOutputs, isStdout, type OutputTarget, writeOutput } from '../output.js';
import { summaryOf } from './list.js';

const usage = `Usage: cs-indicators app --out FILE

Writes the browser page: one standalone HTML file that computes the monthly return in a browser, from the exports
an analyst picks or drops into it (CSV, JSON, NDJSON, XML, Excel workbooks), with the same figures as
cs-indicators report. Nothing leaves the machine: the page makes no request (its Content Security Policy allows
nothing remote) and works opened from disk (file://), with no network and nothing to install. See docs/browser.md.

Options:
  --out FILE   write the page to FILE (- is standard output)

Exit codes: 0 done, 1 the page cannot be written (or the package lacks it, or holds it damaged), 2 usage error.
`;

/**
 * The page as the package holds it, gzipped (1.2 MB of HTML in 0.3 MB), as the build writes it one folder up from
 * the command's module (dist/chunks → dist/app).
 */
function builtPage(): string {
  return fileURLToPath(new URL('../app/index.html.gz', import.meta.url));
}

/**
 * The page's HTML from the gzipped file.
 * @throws {InputRefusedError} when the file is missing, cut short or not gzip: never a page written half.
 */
async function readBuiltPage(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new InputRefusedError(
      `the browser page is missing from the package (${path}): build it with npm run build`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(gunzipSync(bytes));
  } catch {
    throw new InputRefusedError(
      `the browser page in the package is damaged (${path} does not unpack as gzip): install the package again, or build it with npm run build`,
    );
  }
}

/** `cs-indicators app`. */
export const appCommand: CliCommand = {
  name: 'app',
  summary: summaryOf('app'),
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' } });
    noMorePositionals(positionals, 0);
    if (values.out === undefined || values.out.trim() === '') {
      throw new UsageError(
        'missing --out FILE: where to write the page (for example --out monthly-return.html)',
      );
    }
    const out: OutputTarget = { flag: '--out', path: values.out };
    await checkOutputs([out], []);
    const html = await readBuiltPage(builtPage());
    await writeOutput(out, html, io);
    if (!isStdout(out.path)) {
      io.out(
        `Wrote the browser page to ${out.path}: open it in a browser (it works from disk, with no network).\n`,
      );
    }
    return 0;
  },
};
