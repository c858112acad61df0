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

/** What the tokenizer gives for `text` written in the pieces that `cuts` (sorted) mark, then ended. */
function tokenized(text: string, cuts: readonly number[]): SinkEvent[] {
  const { sink, seen } = recordingSink();
  const tokenizer = createCsvTokenizer(sink, { cellCap: CAP });
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    tokenizer.write(text.slice(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  tokenizer.write(text.slice(from));
  tokenizer.end();
  return seen;
}

/**
 * The events with the value shown by a cell-cap problem left out: under a cap (4) shorter than what a problem shows
 * (200 characters), what is shown of the skipped cell depends on where the pieces were cut. Under the real cap, past
 * what a problem shows, it does not.
 */
function withoutCappedValues(events: readonly SinkEvent[]): SinkEvent[] {
  return events.map((event) => {
    const problem = event[1] as { code?: string; column?: number } | undefined;
    if (event[0] !== 'problem' || problem?.code !== 'unreadable' || problem.column === undefined)
      return event;
    return ['problem', { ...problem, value: 'shown' }];
  });
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
          expect(tokenized(text, cuts)).toEqual(unquotedRows(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives the same rows and problems for any text with quotes, cut into pieces anywhere, as for the text whole', () => {
    // A file streams in pieces of any size, so a cell, a quoted value, a doubled quote or a CRLF can straddle two
    // pieces. The text written whole is the reference: cut anywhere, a cell must not be split, lost or taken from
    // the row before (the cells array is kept from row to row), and the cap (4) and the header's delimiters (for
    // swallowed records) must count the same.
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'b', ' ', ',', ',,,', '"', '"', '""', '\r', '\n', '\r\n'),
          maxLength: 60,
        }),
        fc.array(fc.nat(120), { minLength: 1, maxLength: 6 }),
        (text, cuts) => {
          expect(withoutCappedValues(tokenized(text, cuts))).toEqual(
            withoutCappedValues(tokenized(text, [])),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });
});
