import type { Cell, RowProblem, RowSink } from '../../src/records/stages.js';

/** One thing a tokenizer gave its sink, in order: `['row', cells, line]`, `['problem', problem]`, `['end']`… */
export type SinkEvent = readonly [string, ...unknown[]];

/**
 * A sink that writes down what a tokenizer gives it, in order (cells copied: tokenizers reuse them); an item's
 * repeated keys only when given (`['item', value, line, repeated]`).
 */
export function recordingSink(): { readonly sink: RowSink; readonly seen: SinkEvent[] } {
  const seen: SinkEvent[] = [];
  const sink: RowSink = {
    row: (cells: readonly Cell[], line: number) => seen.push(['row', [...cells], line]),
    item: (value, line, repeated) =>
      seen.push(repeated === undefined ? ['item', value, line] : ['item', value, line, repeated]),
    problem: (problem: RowProblem) => seen.push(['problem', problem]),
    refuse: (message) => seen.push(['refuse', message]),
    fileValue: (name, value) => seen.push(['fileValue', name, value]),
    end: () => seen.push(['end']),
  };
  return { sink, seen };
}
