import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvTokenizer } from '../../src/records/tokenize-csv.js';
import { recordingSink, type SinkEvent } from '../helpers/sinks.js';

const CAP = 4;

/**
 * What the dialect makes of a text without quotes, written from the rule rather than from the tokenizer: `\r\n`,
 * `\n` and `\r` end a row; commas split it; a cell longer than the cap makes its row a problem naming the first such
 * column (even a cell of spaces: the tokenizer does not keep what it skips); any other row of blank cells is no row.
 */
function unquotedRows(text: string): SinkEvent[] {
  const events: SinkEvent[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const cells = line.split(',');
    const over = cells.findIndex((cell) => cell.length > CAP);
    if (over >= 0) {
      events.push([
        'problem',
        expect.objectContaining({ code: 'unreadable', line: index + 1, column: over }),
      ]);
    } else if (cells.some((cell) => cell.trim() !== '')) events.push(['row', cells, index + 1]);
  });
  events.push(['end']);
  return events;
}

describe('createCsvTokenizer', () => {
  it('reads any text without quotes as its rows split by line ends and commas, however it is cut into pieces', () => {
    // Rows of changing widths (the tokenizer keeps one array of cells from row to row), cells past the cap, CR, LF
    // and CRLF line ends cut between pieces, blank rows: the rows and problems must be the rule's.
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ',', '\r', '\n', '\n'), maxLength: 80 }),
        fc.array(fc.nat(80), { maxLength: 5 }),
        (text, cuts) => {
          const { sink, seen } = recordingSink();
          const tokenizer = createCsvTokenizer(sink, { cellCap: CAP });
          let from = 0;
          for (const cut of [...cuts].sort((a, b) => a - b)) {
            tokenizer.write(text.slice(from, Math.max(from, cut)));
            from = Math.max(from, cut);
          }
          tokenizer.write(text.slice(from));
          tokenizer.end();
          expect(seen).toEqual(unquotedRows(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
