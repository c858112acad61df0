import { describe, expect, it } from 'vitest';
import { createNdjsonTokenizer, tokenizeJsonArray } from '../../src/records/tokenize-json.js';
import { recordingSink } from '../helpers/sinks.js';

describe('tokenizeJsonArray', () => {
  it('gives each item with its 1-based index', () => {
    const { sink, seen } = recordingSink();
    tokenizeJsonArray('[{"id": "R1"}, 7, null]', sink);
    expect(seen).toEqual([['item', { id: 'R1' }, 1], ['item', 7, 2], ['item', null, 3], ['end']]);
  });

  it('refuses text that is not JSON, or not an array', () => {
    const object = recordingSink();
    tokenizeJsonArray('{"records": []}', object.sink);
    expect(object.seen).toEqual([
      ['refuse', 'the text is a JSON object, not an array: expected an array of objects, one per record'],
      ['end'],
    ]);
    const broken = recordingSink();
    tokenizeJsonArray('[{"id": ', broken.sink);
    expect(broken.seen[0]?.[0]).toBe('refuse');
    expect(String(broken.seen[0]?.[1])).toMatch(
      /^the text is not valid JSON \(.+\): expected an array of objects$/,
    );
  });

  it('reads an item nested a hundred thousand deep without overflowing the stack', () => {
    // JSON.parse in V8 does not recurse; nothing after it may either.
    const { sink, seen } = recordingSink();
    tokenizeJsonArray(`[${'['.repeat(100_000)}${']'.repeat(100_000)}]`, sink);
    expect(seen.map((event) => event[0])).toEqual(['item', 'end']);
  });
});

describe('createNdjsonTokenizer', () => {
  it('gives one item a line, numbered by line, whatever the line ends and however the text is cut', () => {
    const text = '{"id":"R1"}\r\n\r\n{"id":"R2"}\rnot json\n{"id":"R3"}';
    const whole = recordingSink();
    const tokenizer = createNdjsonTokenizer(whole.sink);
    tokenizer.write(text);
    tokenizer.end();
    expect(whole.seen).toEqual([
      ['item', { id: 'R1' }, 1],
      // Line 2 is blank: not a row.
      ['item', { id: 'R2' }, 3],
      [
        'problem',
        {
          code: 'unreadable',
          line: 4,
          value: 'not json',
          message: expect.stringMatching(/^the line is not valid JSON \(.+\): expected one object a line$/),
        },
      ],
      ['item', { id: 'R3' }, 5],
      ['end'],
    ]);
    for (let cut = 0; cut <= text.length; cut++) {
      const pieces = recordingSink();
      const cutTokenizer = createNdjsonTokenizer(pieces.sink);
      cutTokenizer.write(text.slice(0, cut));
      cutTokenizer.write(text.slice(cut));
      cutTokenizer.end();
      expect(pieces.seen, `cut at ${cut}`).toEqual(whole.seen);
    }
  });

  it('keeps a CR at the end of a piece waiting for its LF across an empty piece, so later lines keep their numbers', () => {
    // The CRLF ends line 1, so R2 is on line 2. Were the `\r` forgotten at the empty piece, the `\n` would end a
    // blank line 2, and R2 (and every issue after it) would be named a line too far down (line 3).
    const { sink, seen } = recordingSink();
    const tokenizer = createNdjsonTokenizer(sink);
    tokenizer.write('{"id":"R1"}\r');
    tokenizer.write('');
    tokenizer.write('\n{"id":"R2"}\n');
    tokenizer.end();
    expect(seen).toEqual([['item', { id: 'R1' }, 1], ['item', { id: 'R2' }, 2], ['end']]);
  });

  it('makes a line over the cap a problem of that line, keeping only its start, and goes on', () => {
    // Line 2 is 60 characters, over a cap of 50; it comes in pieces of 10, never held whole.
    const { sink, seen } = recordingSink();
    const tokenizer = createNdjsonTokenizer(sink, { lineCap: 50 });
    const long = `{"id":"${'x'.repeat(51)}"}`;
    for (const piece of [`{"id":"R1"}\n`, ...(long.match(/.{1,10}/g) ?? []), '\n{"id":"R3"}\n']) {
      tokenizer.write(piece);
    }
    tokenizer.end();
    expect(seen).toEqual([
      ['item', { id: 'R1' }, 1],
      [
        'problem',
        {
          code: 'unreadable',
          line: 2,
          value: `${long}…`,
          message:
            'the line runs past 50 characters, more than any record: it is left out and reading goes on at the next line',
        },
      ],
      ['item', { id: 'R3' }, 3],
      ['end'],
    ]);
  });
});

describe('keys an item writes more than once', () => {
  // Each line is one item. JSON.parse keeps one value per key, so only the text shows a key written twice:
  // 1. "id" twice: the item is given with [{ key: 'id', times: 2 }] (JSON.parse kept "R2");
  // 2. the repeats are in objects nested in the item (a value, an array's object): not the item's own keys;
  // 3. "id" twice inside a string value (after an escaped backslash and quote), with a brace and a bracket: text,
  //    not keys (the colons in it make the keys be counted as written, and they are the three the item holds);
  // 4. "x" three times, once escaped as \u0078 (JSON.parse reads it as "x"), with whitespace about the colons;
  // 5. and 6. a number, and an array holding an object that writes a key twice: not objects, nothing to count.
  const lines = [
    '{"id":"R1","id":"R2"}',
    '{"a":{"b":1,"b":2},"c":[{"d":1,"d":2}]}',
    '{"n":"\\\\\\"id\\":1,\\"id\\":{[2","id":"R3","m":":"}',
    '{"x" :1, "\\u0078": 2 ,"x"\t:3}',
    '7',
    '[{"e":1,"e":2}]',
  ];
  const expected = [
    ['item', { id: 'R2' }, 1, [{ key: 'id', times: 2 }]],
    ['item', { a: { b: 2 }, c: [{ d: 2 }] }, 2],
    ['item', { n: '\\"id":1,"id":{[2', id: 'R3', m: ':' }, 3],
    ['item', { x: 3 }, 4, [{ key: 'x', times: 3 }]],
    ['item', 7, 5],
    ['item', [{ e: 2 }], 6],
  ];

  it('gives each item of a JSON array the keys it writes more than once, and no others', () => {
    const { sink, seen } = recordingSink();
    tokenizeJsonArray(`[${lines.join(',\n')}]`, sink);
    expect(seen).toEqual([...expected, ['end']]);
  });

  it('gives each NDJSON line the keys it writes more than once, however the text is cut', () => {
    const text = lines.join('\n');
    for (let cut = 0; cut <= text.length; cut++) {
      const { sink, seen } = recordingSink();
      const tokenizer = createNdjsonTokenizer(sink);
      tokenizer.write(text.slice(0, cut));
      tokenizer.write(text.slice(cut));
      tokenizer.end();
      expect(seen, `cut at ${cut}`).toEqual([...expected, ['end']]);
    }
  });
});
