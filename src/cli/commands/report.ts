import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReport, ReportConfigError } from '../../node/report-config.js';
import { renderXlsx } from '../../node/write-workbook.js';
import { formatInputIssue, InputError } from '../../records/issues.js';
import { renderCsv, renderJson } from '../../report/csv.js';
import { renderHtml } from '../../report/html.js';
import { renderMarkdown } from '../../report/markdown.js';
import { renderSummaryTable } from '../../report/text.js';
import { formatFromArgs } from '../calendar-args.js';
import { type CliCommand, InputRefusedError, UsageError } from '../context.js';
import { parseCommandArgs } from '../parse-args.js';
import { reportSkipped } from '../preset-args.js';

const usage = `Usage: cs-indicators report --config FILE [--format html|md|csv|json|xlsx] [--out FILE]
       cs-indicators report --demo [--out FILE]

Builds the monthly return: every configured indicator by month across the financial year, the year to date, the
targets with their status, gap, RAG and the rate the remaining months need. With --out the report goes to FILE and
the summary table to stdout; without it the report goes to stdout.

Options:
  --config FILE   the report config (JSON; see docs/monthly-return.md)
  --demo          the bundled example: a Leeds-scale 2010/11 against the Leeds 2010 targets
  --format F      html (default), md, csv, json or xlsx (a workbook: needs --out)
  --out FILE      write the report to FILE (the demo's default: monthly-return-demo.html)
  --strict        refuse the inputs when any row has an issue (exit 1)
`;

/** The bundled example config, beside the built CLI (dist/cli → examples/). */
function demoConfig(): string {
  const path = fileURLToPath(new URL('../../examples/report.config.json', import.meta.url));
  if (!existsSync(path)) throw new InputRefusedError(`the bundled example is missing: ${path}`);
  return path;
}

/** `cs-indicators report`. */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'the monthly return: indicators by month against their targets',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      config: { type: 'string' },
      demo: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
      strict: { type: 'boolean' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
    if (values.demo && values.config !== undefined)
      throw new UsageError('give --config FILE or --demo, not both');
    if (!values.demo && values.config === undefined)
      throw new UsageError('missing --config FILE (or --demo)');
    const format = formatFromArgs(values.format, ['html', 'md', 'csv', 'json', 'xlsx'] as const, 'html');
    const configPath = values.demo ? demoConfig() : (values.config as string);
    const out =
      values.out ?? (values.demo ? `monthly-return-demo.${format === 'md' ? 'md' : format}` : undefined);
    if (format === 'xlsx' && out === undefined) {
      throw new UsageError('--format xlsx writes a workbook: give --out FILE.xlsx');
    }

    let loaded: Awaited<ReturnType<typeof loadReport>>;
    try {
      loaded = await loadReport(configPath, {
        strict: Boolean(values.strict),
        ...(io.errIsTty
          ? { onProgress: (path: string, rows: number) => io.err(`\r${path}: ${rows} rows read`) }
          : {}),
      });
    } catch (error) {
      if (error instanceof ReportConfigError) throw new InputRefusedError(error.message);
      if (error instanceof InputError) {
        throw new InputRefusedError(
          ['input refused', ...error.issues.map((i) => `  ${formatInputIssue(i)}`)].join('\n'),
        );
      }
      throw error;
    } finally {
      if (io.errIsTty) io.err('\r\u001b[K');
    }
    for (const input of loaded.inputs) {
      for (const issue of input.issues) io.err(`${formatInputIssue(issue)}\n`);
      if (input.accounting.rowsRejected > 0) {
        const { rowsRead, rowsAccepted, rowsRejected } = input.accounting;
        io.err(`${input.path}: ${rowsRead} rows read, ${rowsAccepted} accepted, ${rowsRejected} rejected\n`);
      }
      reportSkipped(input.path, input.skipped, io);
    }
    const { model } = loaded;
    for (const indicator of model.indicators) {
      for (const warning of indicator.warnings) io.err(`${warning.message} [${warning.code}]\n`);
    }
    const text =
      format === 'xlsx'
        ? await renderXlsx(model)
        : format === 'html'
          ? renderHtml(model)
          : format === 'md'
            ? renderMarkdown(model)
            : format === 'csv'
              ? renderCsv(model)
              : renderJson(model);
    if (out === undefined) {
      io.out(text as string);
      return 0;
    }
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, text);
    io.out(renderSummaryTable(model));
    io.out(`\nWrote the ${format.toUpperCase()} report to ${out}\n`);
    return 0;
  },
};
