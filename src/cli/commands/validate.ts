import { readRecordsFile } from '../../node/read-records-file.js';
import { type DateFormat, dateFormats } from '../../records/dates.js';
import { type ColumnMap, createFieldResolver } from '../../records/headers.js';
import {
  countIssuesByCode,
  formatInputIssue,
  formatResultWarning,
  InputError,
  type InputIssue,
} from '../../records/issues.js';
import { type RecordKind, recordKinds } from '../../records/kinds.js';
import type { ParseRecordsResult } from '../../records/record-reader.js';
import { escapeControlCharacters } from '../../util/control-characters.js';
import { alignedTable } from '../../util/text-table.js';
import { choiceArg, noMorePositionals, parseCommandArgs } from '../args.js';
import { readColumnMap } from '../column-map.js';
import {
  type CliCommand,
  type CliIo,
  clearProgress,
  InputRefusedError,
  showProgress,
  UsageError,
} from '../context.js';
import { checkOutputs, outputFromArgs, type RunInput, writeOutput } from '../output.js';
import { checkFileToRead, presetArgOptions, presetArgUsage, presetFromArgs } from '../preset-args.js';
import {
  encodingFromArgs,
  readingArgOptions,
  readingArgUsage,
  refusalText,
  strictFlag,
  strictFromArgs,
} from '../reading.js';
import { summaryOf } from './list.js';

const usage = `Usage: cs-indicators validate --kind K --input FILE [options]

Reads a records file (CSV, a JSON array, NDJSON, an Excel workbook or CIN census XML, by extension) and prints
what could not be read: a summary (the file's SHA-256 and encoding, rows read = accepted + rejected + skipped,
issues by code, column map keys that match no header) and one line per issue with its row, code, field and value.
Exit 0 when the file could be read, whatever its issues; 1 when it cannot be read (missing file, missing required
column, mixed encodings) or, with --strict, when a row is rejected or a map key matches no header (--strict=warnings:
any issue); 2 on a usage error.

Options:
  --kind K           ${recordKinds.join(', ')}
  --input FILE       the records file: .csv, .json, .ndjson or .jsonl, .xlsx, or .xml (the CIN census)
  --map FILE         a column map: a JSON object from the file's headers to fields, {"Date of referral": "referralDate"}
  --date-format F    auto (default: YYYY-MM-DD or DD/MM/YYYY), dmy, ymd or mdy
  --format F         table (default) or json (one object)
  --out FILE         write the report to FILE instead of standard output (- is standard output)
${readingArgUsage(21)}
${presetArgUsage(21)}
`;

const VALUE_WIDTH = 40;

function kindFromArgs(value: string | undefined): RecordKind {
  if (value === undefined) throw new UsageError(`missing --kind: expected one of ${recordKinds.join(', ')}`);
  return choiceArg(value, recordKinds, '--kind') as RecordKind;
}

/** Reads `--map FILE` (unreadable or not JSON: exit 1), then checks it names fields (a map naming none: exit 2). */
async function columnMapFromArgs(path: string | undefined, kind: RecordKind): Promise<ColumnMap | undefined> {
  if (path === undefined) return undefined;
  const map = await readColumnMap(path);
  try {
    createFieldResolver(kind, map);
  } catch (error) {
    throw new UsageError(`--map ${path}: ${(error as Error).message}`);
  }
  return map;
}

function showValue(value: string | null): string {
  if (value === null) return '-';
  const shown = escapeControlCharacters(JSON.stringify(value));
  return shown.length > VALUE_WIDTH ? `${shown.slice(0, VALUE_WIDTH - 2)}…"` : shown;
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}

function table(
  file: string,
  kind: RecordKind,
  result: ParseRecordsResult<RecordKind> & { readonly skipped?: readonly { readonly reason: string }[] },
): string {
  const { accounting, issues } = result;
  const byCode = Object.entries(countIssuesByCode(issues))
    .map(([code, count]) => `${code} ${count}`)
    .join(', ');
  // Rows read = accepted + rejected + skipped, each on its line.
  const summary: [string, string][] = [
    ['file', file],
    ['kind', kind],
    ['encoding', result.input.encoding],
    ['sha256', result.input.sha256],
    ['rows read', String(accounting.rowsRead)],
    ['rows accepted', String(accounting.rowsAccepted)],
    ['rows rejected', String(accounting.rowsRejected)],
    ['rows skipped', `${accounting.rowsSkipped} (not records of the kind)`],
    ['issues', issues.length === 0 ? '0' : `${issues.length} (${byCode})`],
  ];
  for (const warning of result.warnings) summary.push(['warning', formatResultWarning(warning)]);
  if (result.columns !== undefined && result.columns.ignored.length > 0) {
    summary.push(['columns ignored', result.columns.ignored.join(', ')]);
  }
  // The widest label, present or not, so that the layout does not move.
  const labelWidth = 'columns ignored'.length;
  const lines = summary.map(
    ([label, value]) => `${pad(label, labelWidth)}  ${escapeControlCharacters(value)}`,
  );
  if (issues.length === 0) return `${lines.join('\n')}\n`;
  const rows = [
    ['row', 'code', 'field', 'value', 'message'],
    ...issues.map((issue) => [
      String(issue.row),
      issue.code,
      escapeControlCharacters(issue.field ?? '-'),
      showValue(issue.value),
      escapeControlCharacters(issue.message),
    ]),
  ];
  // A file can have hundreds of thousands of issues: the table is measured in a loop.
  const issueLines = alignedTable(rows, { align: (i) => (i === 0 ? 'right' : 'left') });
  return `${lines.join('\n')}\n\n${issueLines.join('\n')}\n`;
}

function progress(io: CliIo, file: string): ((rowsRead: number) => void) | undefined {
  if (!io.errIsTty) return undefined;
  return (rowsRead) => showProgress(io, file, rowsRead);
}

/** `cs-indicators validate --kind K --input FILE`. */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: summaryOf('validate'),
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      kind: { type: 'string' },
      input: { type: 'string' },
      map: { type: 'string' },
      'date-format': { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      ...readingArgOptions,
      ...presetArgOptions,
    });
    noMorePositionals(positionals, 0);
    const kind = kindFromArgs(values.kind);
    const file = values.input;
    if (file === undefined) throw new UsageError('missing --input FILE');
    const dateFormat: DateFormat = choiceArg(values['date-format'], dateFormats, '--date-format') ?? 'auto';
    const encoding = encodingFromArgs(values.encoding);
    const { format, out } = outputFromArgs(values, ['table', 'json']);
    const strict = strictFromArgs(values.strict);
    const presetOptions = presetFromArgs(values);
    checkFileToRead(kind, file, '--input', presetOptions.preset);
    const inputs: RunInput[] = [{ what: 'the --input file', path: file }];
    if (values.map !== undefined) inputs.push({ what: 'the --map file', path: values.map });
    await checkOutputs([out], inputs);
    const columnMap = await columnMapFromArgs(values.map, kind);

    const onProgress = progress(io, file);
    let result: Awaited<ReturnType<typeof readRecordsFile<RecordKind>>>;
    try {
      result = await readRecordsFile(kind, file, {
        dateFormat,
        ...(encoding === undefined ? {} : { encoding }),
        ...(columnMap === undefined ? {} : { columnMap }),
        ...(onProgress === undefined ? {} : { onProgress }),
        ...presetOptions,
      });
    } catch (error) {
      if (error instanceof InputError) {
        throw new InputRefusedError(
          error.issues.map((issue: InputIssue) => formatInputIssue(issue)).join('\n'),
        );
      }
      throw error;
    } finally {
      if (onProgress !== undefined) clearProgress(io);
    }

    if (result.notice !== undefined) io.err(`${file}: ${result.notice}\n`);
    const refusedAsWhole = !result.readable;
    // --strict: a rejected row or a map key matching no header refuses; --strict=warnings: any issue too.
    const errors = result.issues.filter((issue) => issue.severity === 'error');
    const refusing =
      strict === 'warnings' ? result.issues : strict === true ? errors : ([] as readonly InputIssue[]);
    const refusingWarnings = strict === false ? [] : result.warnings;
    const refused = refusedAsWhole || refusing.length > 0 || refusingWarnings.length > 0;
    if (format === 'json') {
      const report = {
        file,
        kind,
        readable: result.readable,
        refused,
        accounting: result.accounting,
        input: result.input,
        ...(result.notice === undefined ? {} : { notice: result.notice }),
        warnings: result.warnings,
        fieldsPresent: result.fieldsPresent,
        issuesByCode: countIssuesByCode(result.issues),
        ...(result.columns === undefined ? {} : { columns: result.columns }),
        issues: result.issues,
        ...(result.skipped === undefined ? {} : { skipped: result.skipped }),
      };
      await writeOutput(out, `${JSON.stringify(report, null, 2)}\n`, io);
    } else {
      await writeOutput(out, table(file, kind, result), io);
    }
    if (refusedAsWhole) {
      // A refused input reports only why it was refused: the file-level issues.
      io.err(
        `cs-indicators validate: ${file}: cannot be read as ${kind} records\n${result.issues.map((issue) => `  ${formatInputIssue(issue)}\n`).join('')}`,
      );
      return 1;
    }
    if (refused) {
      // The issues are in the report; the refusal counts them and lists the warnings that refused it.
      const head = refusalText(file, refusing, refusingWarnings, strictFlag(strict)).split('\n')[0];
      const warnings = refusingWarnings.map((warning) => `  ${formatResultWarning(warning)}\n`).join('');
      io.err(`cs-indicators validate: ${head}\n${warnings}`);
      return 1;
    }
    return 0;
  },
};
