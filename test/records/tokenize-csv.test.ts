import { describe, expect, it } from 'vitest';
import type { RowProblem } from '../../src/records/stages.js';
import { createCsvTokenizer, tokenizeCsv } from '../../src/records/tokenize-csv.js';
import { recordingSink as recorder } from '../helpers/sinks.js';

function tokenize(text: string, options = {}) {
  const { sink, seen } = recorder();
  tokenizeCsv(text, sink, options);
  return seen;
}

describe('tokenizeCsv', () => {
  it('reads quoted delimiters, doubled quotes and line breaks, numbering each row by its first line', () => {
    const text = 'id,team\r\nR1,"North,\r\nEast"\r\nR2,"Team ""B"""\nR3,plain "quote"\rR4,"a"b\n';
    expect(tokenize(text)).toEqual([
      ['row', ['id', 'team'], 1],
      // Lines 2 and 3: a quoted comma and a CRLF inside the value.
      ['row', ['R1', 'North,\r\nEast'], 2],
      ['row', ['R2', 'Team "B"'], 4],
      // A quote inside an unquoted value is kept as written; `\r` alone ends a row.
      ['row', ['R3', 'plain "quote"'], 5],
      // Text after a closing quote is kept.
      ['row', ['R4', 'ab'], 6],
      ['end'],
    ]);
  });

  it('passes over blank lines and rows of blank cells, counting their lines', () => {
    expect(tokenize('\n\nid,x\n\n,, ,\nR1,1\n')).toEqual([
      ['row', ['id', 'x'], 3],
      ['row', ['R1', '1'], 6],
      ['end'],
    ]);
  });

  it('reads the last row without a line end', () => {
    expect(tokenize('id,x\nR1,')).toEqual([['row', ['id', 'x'], 1], ['row', ['R1', ''], 2], ['end']]);
  });

  it('reads another delimiter, and refuses one that cannot be', () => {
    expect(tokenize('id;x\nR1;"a;b"\n', { delimiter: ';' })).toEqual([
      ['row', ['id', 'x'], 1],
      ['row', ['R1', 'a;b'], 2],
      ['end'],
    ]);
    expect(() => tokenize('', { delimiter: '"' })).toThrow(TypeError);
  });

  it('gives the same rows however the text is cut into pieces', () => {
    // Every cut of a text full of the awkward places: a CRLF, a doubled quote, a quoted CRLF, a multi-byte name.
    const text = 'id,team\r\nR1,"North,\r\nEast"\r\nR2,"Zoë ""B"""\r\n\r\nR3,x\r';
    const whole = tokenize(text);
    for (let cut = 0; cut <= text.length; cut++) {
      const { sink, seen } = recorder();
      const tokenizer = createCsvTokenizer(sink);
      tokenizer.write(text.slice(0, cut));
      tokenizer.write(text.slice(cut));
      tokenizer.end();
      expect(seen, `cut at ${cut}`).toEqual(whole);
    }
  });

  it('keeps a CR at the end of a piece waiting for its LF across an empty piece, so later rows keep their lines', () => {
    // A stream may give an empty piece between the `\r` and the `\n` of one CRLF. The CRLF ends line 1, so R1 is on
    // line 2; were the `\r` forgotten at the empty piece, the `\n` would end a blank line 2 and R1, and every issue
    // after it, would be named a line too far down (line 3).
    const { sink, seen } = recorder();
    const tokenizer = createCsvTokenizer(sink);
    tokenizer.write('id,team\r');
    tokenizer.write('');
    tokenizer.write('\nR1,North\r\nR2,East\n');
    tokenizer.end();
    expect(seen).toEqual([
      ['row', ['id', 'team'], 1],
      ['row', ['R1', 'North'], 2],
      ['row', ['R2', 'East'], 3],
      ['end'],
    ]);
  });

  it('makes a cell over the cap a problem of its row only, and goes on at the next row', () => {
    // Line 3's second cell is 30 characters, over a cap of 20: that row alone is a problem; lines 2 and 4 are rows.
    const long = 'x'.repeat(30);
    const seen = tokenize(`id,note\nR1,a\nR2,${long}\nR3,b\n`, { cellCap: 20 });
    expect(seen).toEqual([
      ['row', ['id', 'note'], 1],
      ['row', ['R1', 'a'], 2],
      [
        'problem',
        {
          code: 'unreadable',
          line: 3,
          column: 1,
          value: `${'x'.repeat(30)}…`,
          message:
            'the cell in column 2 runs past 20 characters, more than any value of a record: the row is left out and reading goes on at the next row (a runaway cell, or a quote never closed?)',
        },
      ],
      ['row', ['R3', 'b'], 4],
      ['end'],
    ]);
  });

  it('ends an over-long quoted value where its quote closes, not in its middle', () => {
    // The quoted value runs over lines 3 to 5 and past the cap: the row ends where the quote closes, and line 6
    // is the next row, whole.
    const seen = tokenize('id,note\nR1,a\nR2,"long\nlong\nlong"\nR3,b\n', { cellCap: 8 });
    expect(
      seen.map((event) => (event[0] === 'problem' ? ['problem', (event[1] as RowProblem).line] : event)),
    ).toEqual([
      ['row', ['id', 'note'], 1],
      ['row', ['R1', 'a'], 2],
      ['problem', 3],
      ['row', ['R3', 'b'], 6],
      ['end'],
    ]);
  });

  it('rejects a quoted value that swallows lines with as many delimiters as the header', () => {
    const text =
      'id,childId,date\nR1,C1,2010-10-01\nR2,"C2,x\nR3,C3,2010-10-03\nR4,C4,2010-10-04\nR5,C5",2010-10-05\nR6,C6,2010-10-06\n';
    expect(tokenize(text)).toEqual([
      ['row', ['id', 'childId', 'date'], 1],
      ['row', ['R1', 'C1', '2010-10-01'], 2],
      [
        'problem',
        {
          code: 'suspicious_line_break',
          line: 3,
          column: 1,
          value: 'C2,x\nR3,C3,2010-10-03\nR4,C4,2010-10-04\nR5,C5',
          // Lines 4 and 5 inside the value have two commas, as the header has; the part of line 6 inside it, one.
          message:
            'the quoted value in column 2 opens on line 3 and closes on line 6, swallowing 2 lines between 4 and 5 that have as many commas as the header (2): records taken into one value by a stray quote? The row is left out rather than split back into records: remove the stray quote, or write a quote inside a quoted value twice ("")',
        },
      ],
      ['row', ['R6', 'C6', '2010-10-06'], 7],
      ['end'],
    ]);
  });

  it('keeps a quoted value over lines that holds no record: an address', () => {
    // "Leeds, LS1 1AA" has one comma; the header has two: an address, not a record.
    expect(tokenize('id,address,date\nR1,"1 High St,\nLeeds, LS1 1AA",2010-10-01\n')).toEqual([
      ['row', ['id', 'address', 'date'], 1],
      ['row', ['R1', '1 High St,\nLeeds, LS1 1AA', '2010-10-01'], 2],
      ['end'],
    ]);
  });

  it('makes a quote never closed one problem: the rest of the text', () => {
    expect(tokenize('id,x\nR1,"open\nR2,b\n')).toEqual([
      ['row', ['id', 'x'], 1],
      [
        'problem',
        {
          code: 'unreadable',
          line: 2,
          value: null,
          message:
            'a quoted value that starts on this row is never closed, so the rest of the file cannot be read as rows: close the quote (a quote inside a quoted value is written twice: "")',
        },
      ],
      ['end'],
    ]);
  });
});
