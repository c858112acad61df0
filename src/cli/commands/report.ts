import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadReportBy, readReportConfig } from '../../node/report-config.js';
import { renderXlsx } from '../../node/write-workbook.js';
import { formatResultWarning, InputError, type TextEncoding } from '../../records/issues.js';
import { type LoadedReport, type ReportConfig, ReportConfigError } from '../../report/config.js';
import { renderCsv, renderJson } from '../../report/csv.js';
import { renderHtml } from '../../report/html.js';
import { renderMarkdown } from '../../report/markdown.js';
import { renderSummaryTable } from '../../report/text.js';
import { noMorePositionals, parseCommandArgs } from '../args.js';
import {
  type CliCommand,
  clearProgress,
  InputRefusedError,
  KEEP_RECORDS_VARIABLE,
  showProgress,
  UsageError,
} from '../context.js';
import { checkOutputs, extensionOf, isStdout, outputFromArgs, writeOutput } from '../output.js';
import {
  encodingFromArgs,
  readingArgOptions,
  readingArgUsage,
  refusalText,
  reportRead,
  strictFlag,
  strictFromArgs,
} from '../reading.js';
import { summaryOf } from './list.js';

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
${readingArgUsage(18, ["for the inputs the config gives no encoding (one that contradicts the config's", 'is refused)'])}

An input without a column an indicator needs (its event date, the start date its options choose) refuses the
report (exit 1), naming the file, the field and the headers found.

Exit codes: 0 done, 1 input refused or an output that cannot be written, 2 usage error (also an output that
would overwrite an input), 70 internal error (set CSI_DEBUG=1 to see where).
`;

/** The bundled example config, beside the built CLI (dist/cli → examples/). */
function demoConfig(): string {
  const path = fileURLToPath(new URL('../../examples/report.config.json', import.meta.url));
  if (!existsSync(path)) throw new InputRefusedError(`the bundled example is missing: ${path}`);
  return path;
}

/**
 * Refuses `--encoding` when the config names another encoding, for all its inputs or for one: the two would say
 * different things of the same file.
 * @throws {UsageError} naming both.
 */
function checkEncodingAgrees(encoding: TextEncoding, config: ReportConfig): void {
  const named: string[] = [];
  if (config.encoding !== undefined && config.encoding !== encoding)
    named.push(`encoding ${config.encoding}`);
  for (const [kind, input] of Object.entries(config.inputs)) {
    if (input?.encoding !== undefined && input.encoding !== encoding) {
      named.push(`inputs.${kind}.encoding ${input.encoding}`);
    }
  }
  if (named.length > 0) {
    throw new UsageError(
      `--encoding ${encoding} contradicts the config's ${named.join(', ')}: give the encoding in one place`,
    );
  }
}

/** `cs-indicators report`. */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: summaryOf('report'),
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      config: { type: 'string' },
      demo: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
      ...readingArgOptions,
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
    const encoding = encodingFromArgs(values.encoding);
    const strict = strictFromArgs(values.strict);
    const configPath = values.demo ? demoConfig() : (values.config as string);

    let loaded: LoadedReport;
    try {
      const checked = await readReportConfig(configPath);
      if (encoding !== undefined) checkEncodingAgrees(encoding, checked.config);
      await checkOutputs([out], checked.files);
      loaded = await loadReportBy(
        checked,
        {
          strict,
          ...(encoding === undefined ? {} : { encoding }),
          ...(io.errIsTty
            ? { onProgress: (path: string, rows: number) => showProgress(io, path, rows) }
            : {}),
        },
        process.env[KEEP_RECORDS_VARIABLE] === '1',
      );
    } catch (error) {
      if (error instanceof ReportConfigError) throw new InputRefusedError(error.message);
      if (error instanceof InputError) {
        throw new InputRefusedError(refusalText(undefined, error.issues, error.warnings, strictFlag(strict)));
      }
      throw error;
    } finally {
      if (io.errIsTty) clearProgress(io);
    }
    for (const input of loaded.inputs) {
      reportRead(
        input.path,
        { ...input, ...(input.notice === undefined ? {} : { notice: input.notice }) },
        io,
      );
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
    // Each warning once: a file's (a map key matching no header) is every indicator's that reads it.
    const warnings = new Set<string>();
    for (const indicator of model.indicators) {
      for (const warning of indicator.warnings) warnings.add(formatResultWarning(warning));
    }
    for (const warning of warnings) io.err(`cs-indicators report: warning: ${warning}\n`);
    return 0;
  },
};
