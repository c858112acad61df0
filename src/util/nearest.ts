/**
 * The nearest known name to a misspelt one, for messages that say "did you mean …?" (flags, commands, config keys).
 * @module
 */

/**
 * The edit distance between two words, ignoring case: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each cost 1 (optimal string alignment).
 *
 * @param a - one word.
 * @param b - the other.
 * @returns the number of edits.
 * @example editDistance('startevent', 'startEvent') //=> 0
 * @example editDistance('preiod', 'period') //=> 1
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  // Three rows of the table: two back (for swaps), the previous one and the current one.
  let twoBack = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (twoBack[j - 2] as number) + 1);
      }
      current[j] = best;
    }
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[t.length] as number;
}

/**
 * The known name nearest to `word`, when one is near enough to be what was meant: at most 2 edits, and at most a
 * third of the word's length (so `to` does not suggest `team`); ties go to the first known name.
 *
 * @param word - what was written.
 * @param known - the names that would have been accepted.
 * @returns the nearest name, or undefined when none is near.
 * @example nearestName('startevent', ['rules', 'startEvent']) //=> 'startEvent'
 * @example nearestName('--preiod', ['--period', '--input']) //=> '--period'
 * @example nearestName('colour', ['title', 'asAt']) //=> undefined
 */
export function nearestName(word: string, known: readonly string[]): string | undefined {
  const limit = Math.min(2, Math.max(1, Math.floor(word.replace(/^-+/, '').length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of known) {
    const distance = editDistance(word, name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/**
 * ` (did you mean "x"?)` when a known name is near `word`, else an empty string: the tail of a refusal message.
 *
 * @param word - what was written.
 * @param known - the names that would have been accepted.
 * @param quote - how the suggestion is quoted. Default: as JSON.
 * @returns the hint, with its leading space, or `''`.
 * @example didYouMean('NI95', ['NI59', 'NI60']) //=> ' (did you mean "NI59"?)'
 */
export function didYouMean(
  word: string,
  known: readonly string[],
  quote: (name: string) => string = (name) => JSON.stringify(name),
): string {
  const near = nearestName(word, known);
  return near === undefined ? '' : ` (did you mean ${quote(near)}?)`;
}
