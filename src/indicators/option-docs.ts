/**
 * The docs' table of an indicator's options, derived from its declarations: `docs/indicators.md` holds one
 * generated block per indicator, and a test fails when a block no longer matches its declarations.
 * @module
 */
import type { IndicatorOption } from './options.js';
import type { IndicatorDefinition } from './types.js';

function flagCell(option: IndicatorOption): string {
  if (option.type === 'group' || (option.inConfig === 'none' && option.setBy !== undefined)) {
    return `(set by ${option.setBy ?? 'a breakdown'})`;
  }
  const flags: string[] = [];
  if (option.flag !== undefined) {
    flags.push(`\`--${option.flag}${option.placeholder === undefined ? '' : ` ${option.placeholder}`}\``);
  }
  if (option.switchFlag !== undefined) flags.push(`\`--${option.switchFlag.flag}\``);
  if (option.type === 'records') return `${flags.join(', ')}; in a report config \`inputs.${option.kind}\``;
  if (flags.length === 0) return '(API and report config)';
  return flags.join(', ');
}

function defaultCell(definition: IndicatorDefinition, option: IndicatorOption): string {
  if (option.type !== 'records') return option.defaultText;
  const unless = option.unless;
  if (unless === undefined) return 'required';
  const flag = definition.options.find((candidate) => candidate.name === unless.option)?.flag;
  return `required, unless \`${unless.option}\` is \`${unless.value}\`${flag === undefined ? '' : ` (\`--${flag} ${unless.value}\`)`}`;
}

/** A table cell: no line breaks, pipes escaped. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');
}

/**
 * The Markdown of an indicator's own options: one row each, with its default, its command-line flag (or where else
 * it is set) and what it does; a sentence when it takes none but the common ones.
 *
 * @param definition - the indicator.
 * @returns the Markdown, ending with a line break.
 * @example optionsMarkdown(ni60Definition).split('\n')[2] //=> '| `timescale` | `35` | `--timescale N` | the timescale in working days |'
 */
export function optionsMarkdown(definition: IndicatorDefinition): string {
  const rows = definition.options.map((option) => [
    `\`${option.name}\``,
    cell(defaultCell(definition, option)),
    cell(flagCell(option)),
    cell(option.doc),
  ]);
  if (definition.input !== undefined) {
    rows.unshift([
      '(its own records)',
      'required',
      `\`--${definition.input.flag} FILE\` instead of \`--input\``,
      cell(definition.input.doc),
    ]);
  }
  if (rows.length === 0) return 'Only the options every indicator takes.\n';
  const header = ['option', 'default', 'CLI', 'what it does'];
  const widths = header.map((title) => title.length);
  for (const row of rows) {
    row.forEach((text, index) => {
      widths[index] = Math.max(widths[index] ?? 0, text.length);
    });
  }
  const line = (row: readonly string[]) =>
    `| ${row.map((text, index) => text.padEnd(widths[index] ?? 0)).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  return `${[line(header), rule, ...rows.map(line)].join('\n')}\n`;
}

/**
 * The sentence of the columns an indicator needs (its `needs`), for the docs: which field, what for, of which
 * records and with which option, since a file without one is refused (`missing_column`).
 *
 * @param definition - the indicator.
 * @returns the Markdown, ending with a line break.
 * @example neededColumnsMarkdown(ni60Definition) //=> 'Columns it needs (a file without one is refused, `missing_column`): `completedDate` (event date), `startDate` (start date).\n'
 */
export function neededColumnsMarkdown(definition: IndicatorDefinition): string {
  const columns = definition.needs.map((column) => {
    const of = column.records === undefined ? '' : ` of the \`${column.records}\``;
    const when = column.when === undefined ? '' : `, with \`${column.when.option}\` \`${column.when.value}\``;
    return `\`${column.field}\`${of} (${column.role}${when})`;
  });
  return `Columns it needs (a file without one is refused, \`missing_column\`): ${columns.join(', ')}.\n`;
}

/**
 * An indicator's generated block of the docs: its options table, then the columns it needs.
 *
 * @param definition - the indicator.
 * @returns the Markdown, ending with a line break.
 */
export function indicatorDocsMarkdown(definition: IndicatorDefinition): string {
  return `${optionsMarkdown(definition)}\n${neededColumnsMarkdown(definition)}`;
}

/**
 * The generated blocks of a document: each between `<!-- options:ID[,ID…] … -->` and `<!-- /options -->`, for the
 * indicators named (several when they take the same options).
 *
 * @param text - the document.
 * @returns each block's ids, its text between the markers, and where that text starts and ends.
 */
export function optionsBlocks(text: string): {
  readonly ids: readonly string[];
  readonly body: string;
  readonly start: number;
  readonly end: number;
}[] {
  const blocks = [];
  const pattern = /<!-- options:([A-Z0-9_,]+)[^\n]*-->\n([\s\S]*?)<!-- \/options -->/g;
  for (const match of text.matchAll(pattern)) {
    const start = (match.index ?? 0) + match[0].indexOf('\n') + 1;
    const body = match[2] ?? '';
    blocks.push({ ids: (match[1] ?? '').split(','), body, start, end: start + body.length });
  }
  return blocks;
}
