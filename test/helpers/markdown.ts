/**
 * Reading the code blocks of the README and the guides, for the tests that run them as written.
 *
 * A fenced block whose info string has the word `runnable` after its language (```` ```ts runnable ````,
 * ```` ```sh runnable ````) is run by test/package/tarball.test.ts against the installed package. In a runnable
 * block, `//=> value` after a TypeScript expression statement, and `#=> value` after a shell command, is the
 * output the test expects; the README's Development section says the same for contributors.
 */

/** One fenced code block of a Markdown file. */
export interface CodeBlock {
  /** The language: the first word of the info string (`ts`, `sh`…), or `''`. */
  readonly lang: string;
  /** Whether the info string has the word `runnable`. */
  readonly runnable: boolean;
  /** The code between the fences. */
  readonly code: string;
  /** The line of the file (1-based) of the code's first line. */
  readonly line: number;
}

/** Every fenced (```) code block of a Markdown text, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split(/\r?\n/);
  let open: { lang: string; runnable: boolean; line: number; code: string[] } | undefined;
  lines.forEach((text, index) => {
    const fence = /^\s*```(.*)$/.exec(text);
    if (!open) {
      if (!fence) return;
      const words = (fence[1] ?? '').trim().split(/\s+/);
      open = {
        lang: words[0] ?? '',
        runnable: words.slice(1).includes('runnable'),
        line: index + 2,
        code: [],
      };
    } else if (fence && (fence[1] ?? '').trim() === '') {
      blocks.push({ lang: open.lang, runnable: open.runnable, code: open.code.join('\n'), line: open.line });
      open = undefined;
    } else {
      open.code.push(text);
    }
  });
  if (open) throw new Error(`the code block opened at line ${open.line - 1} is never closed`);
  return blocks;
}

/** One `//=>` (or `#=>`) line of a runnable block: what it runs and what it says the output is. */
export interface ShownOutput {
  /** The line of the Markdown file. */
  readonly line: number;
  /** The expression (TypeScript) or the command (shell), as written. */
  readonly code: string;
  /** The text after `=>`, as written. */
  readonly shown: string;
}

/** The `//=>` lines of a TypeScript block: `expression; //=> value (an explanation)`. */
export function shownOutputs(block: CodeBlock, marker: '//=>' | '#=>'): ShownOutput[] {
  const pattern = marker === '//=>' ? /^\s*(.*?);?\s*\/\/=>\s*(.*)$/ : /^\s*(.*?)\s*#=>\s*(.*)$/;
  return block.code.split('\n').flatMap((text, index) => {
    const match = pattern.exec(text);
    return match ? [{ line: block.line + index, code: match[1] ?? '', shown: match[2] ?? '' }] : [];
  });
}

/**
 * Reads the value a `//=>` comment shows: a number, a quoted string, `true`, `false`, `null`, `undefined`, or an
 * array of these; an explanation may follow in brackets. Anything else throws, so that a runnable block never shows
 * an output the test cannot check.
 * @example shownValue("'2011-01-07'") //=> '2011-01-07'
 * @example shownValue('1 (the Royal Wedding and the Early May bank holiday skipped)') //=> 1
 */
export function shownValue(shown: string): unknown {
  const literal =
    /^(-?\d+(?:\.\d+)?|'[^']*'|"[^"]*"|true|false|null|undefined|\[[^\]]*\])(?:\s+\(.*\))?\s*$/.exec(
      shown.trim(),
    );
  if (!literal?.[1]) throw new Error(`cannot read the value shown by //=> ${shown}`);
  const text = literal[1];
  if (text === 'undefined') return undefined;
  const quoted = /^'([^']*)'$/.exec(text);
  if (quoted) return quoted[1];
  // An array of literals, or one in JSON's spelling once single quotes are double.
  return JSON.parse(text.replace(/'([^']*)'/g, (_, inner: string) => JSON.stringify(inner)));
}

/**
 * The TypeScript block with every `expression; //=> value` line turned into `__show(line, (expression));`, and
 * `__show` defined after the code: run, it prints one JSON line `{ line, value }` for each.
 */
export function instrumentTypeScript(block: CodeBlock): string {
  const lines = block.code.split('\n').map((text, index) => {
    const match = /^(\s*)(.*?);?\s*\/\/=>\s*(.*)$/.exec(text);
    return match ? `${match[1] ?? ''}__show(${block.line + index}, (${match[2] ?? ''}));` : text;
  });
  return [
    ...lines,
    '',
    'function __show(line: number, value: unknown): void {',
    "  console.log(JSON.stringify({ line, value: value === undefined ? '(undefined)' : value }));",
    '}',
    '',
  ].join('\n');
}
