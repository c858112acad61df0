import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type LoadedReport,
  loadReport,
  ReportConfigError,
  readReportConfig,
} from '../../node/report-config.js';
import { renderXlsx } from '../../node/write-workbook.js';
import { formatInputIssue, formatResultWarning, InputError } from '../../records/issues.js';
import { renderCsv, renderJson } from '../../report/csv.js';
import { renderHtml } from '../../report/html.js';
import { renderMarkdown } from '../../report/markdown.js';
import { renderSummaryTable } from '../../report/text.js';
import { noMorePositionals, parseCommandArgs } from '../args.js';
import { type CliCommand, clearProgress, InputRefusedError, showProgress, UsageError } from '../context.js';
import { checkOutputs, extensionOf, isStdout, outputFromArgs, writeOutput } from '../output.js';
import { reportSkipped } from '../preset-args.js';

/** The file the demo writes without `--out`, by format: `monthly-return-demo.html`, `.md`, `.csv`, `.json`, `.xlsx`. */
const DEMO_OUT = 'monthly-return-demo';

const usage = `Usage: cs-indicators report --config FILE [--format html|md|csv|json|xlsx] [--out FILE]
       cs-indicators report --demo [--format html|md|csv|json|xlsx] [--out FILE]

Builds the monthly return: every configured indicator by month across the financial year, the year to date, the
targets with their status, gap, RAG and the rate the remaining months need, and an XmR chart per indicator. With
--out FILE the report goes to FILE and the summary table to stdout; without it (or with --out -) the report goes to
stdout. The config is checked whole (unknown keys, asAt, every file it names) before any input is read.

Options:
  --config FILE   the report config (JSON; see docs/monthly-return.md)
  --demo          the bundled example: a Leeds-scale 2010/11 against the Leeds 2010 targets, written to
                  ${DEMO_OUT}.html (or .md, .csv, .json, .xlsx with --format) unless --out says otherwise
  --format F      html (default), md, csv, json or xlsx (a workbook: needs --out FILE); without it, the ending
                  of --out FILE chooses
  --out FILE      write the report to FILE (- is standard output); never one of the config's files
  --strict        refuse the inputs when any row has an issue (exit 1)

Exit codes: 0 done, 1 input refused or an output that cannot be written, 2 usage error (also an output that
would overwrite an input), 70 internal error (set CSI_DEBUG=1 to see where).
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
    noMorePositionals(positionals, 0);
    if (values.demo && values.config !== undefined)
      throw new UsageError('give --config FILE or --demo, not both');
    if (!values.demo && values.config === undefined)
      throw new UsageError('missing --config FILE (or --demo)');
    const { format, out } = outputFromArgs(values, ['html', 'md', 'csv', 'json', 'xlsx'], (chosen) =>
      values.demo ? `${DEMO_OUT}${extensionOf(chosen)}` : '-',
    );
    if (format === 'xlsx' && isStdout(out.path)) {
      throw new UsageError('--format xlsx writes a workbook: give --out FILE.xlsx');
    }
    const configPath = values.demo ? demoConfig() : (values.config as string);

    let loaded: LoadedReport;
    try {
      const checked = await readReportConfig(configPath);
      await checkOutputs([out], checked.files);
      loaded = await loadReport(checked, {
        strict: Boolean(values.strict),
        ...(io.errIsTty ? { onProgress: (path: string, rows: number) => showProgress(io, path, rows) } : {}),
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
      if (io.errIsTty) clearProgress(io);
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
    const content =
      format === 'xlsx'
        ? await renderXlsx(model)
        : format === 'html'
          ? renderHtml(model)
          : format === 'md'
            ? renderMarkdown(model)
            : format === 'csv'
              ? renderCsv(model)
              : renderJson(model);
    await writeOutput(out, content, io);
    if (!isStdout(out.path)) {
      io.out(renderSummaryTable(model));
      io.out(`\nWrote the ${format.toUpperCase()} report to ${out.path}\n`);
    }
    for (const indicator of model.indicators) {
      for (const warning of indicator.warnings) {
        io.err(`cs-indicators report: warning: ${formatResultWarning(warning)}\n`);
      }
    }
    return 0;
  },
};
