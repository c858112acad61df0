/**
 * Showing text from the data on a terminal safely: control characters (C0, DEL, C1), line and paragraph separators
 * and the invisible bidirectional controls become visible escapes, so that a team name cannot colour the terminal,
 * retitle its window, move the cursor, or forge or reverse lines.
 * @module
 */

// C0 controls (tab and line feed included: a cell is one line), DEL and C1 controls, the Arabic letter mark, the
// left-to-right and right-to-left marks, the bidi embeddings, overrides and isolates, the line and paragraph
// separators, the byte-order mark.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeOne(character: string): string {
  const named = NAMED[character];
  if (named !== undefined) return named;
  const code = character.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text with every control character shown as a visible escape (`\x1b`, `\r`, `\t`, `\n`, `\u202e`), for one cell
 * or one line of a table written to a terminal. Other text, accents and all, is unchanged.
 *
 * @param text - text that may come from the data.
 * @returns the text, safe to print on one line.
 * @example escapeControlCharacters('East\u001b[31m') //=> 'East\\x1b[31m'
 * @example escapeControlCharacters('Zoë\u202eTeam') //=> 'Zoë\\u202eTeam'
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * Text with every control character except the line feed shown as a visible escape: for messages of several lines
 * (standard error), whose own line breaks are kept.
 *
 * @param text - a message that may quote the data.
 * @returns the message, safe to print.
 * @example escapeControlCharactersKeepingLines('a\u0007\nb') //=> 'a\\x07\nb'
 */
export function escapeControlCharactersKeepingLines(text: string): string {
  return text.replace(UNSAFE, (character) => (character === '\n' ? character : escapeOne(character)));
}
