import { describe, expect, it } from 'vitest';
import { displayValue, readBoolean, showValue } from '../../src/records/values.js';

/** A value nested `depth` arrays deep around `inner`, built without recursion. */
function nested(depth: number, inner: unknown): unknown {
  let value = inner;
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

describe('readBoolean', () => {
  it('reads yes/no, y/n, true/false and 1/0 in any case, spaces trimmed', () => {
    for (const yes of ['Yes', 'YES', 'yes', ' y ', 'Y', 'True', 'TRUE', '1', true, 1]) {
      expect(readBoolean(yes), String(yes)).toEqual({ ok: true, value: true });
    }
    for (const no of ['No', 'NO', 'n', 'N ', 'false', 'False', '0', false, 0]) {
      expect(readBoolean(no), String(no)).toEqual({ ok: true, value: false });
    }
  });

  it('reads the lettered and numbered choices of forms and Annex A templates', () => {
    // Annex A List 5 offers "a) Yes" and "b) No"; other templates number them "1 - Yes", "2 - No".
    for (const yes of [
      'a) Yes',
      'a. Yes',
      '1 - Yes',
      '(a) Yes',
      'A) YES',
      '1) yes',
      '1. Yes',
      '01 - Yes',
      'a)Yes',
    ]) {
      expect(readBoolean(yes), yes).toEqual({ ok: true, value: true });
    }
    for (const no of ['b) No', 'b. No', '2 - No', '(b) No', ' b) no ', '2) No']) {
      expect(readBoolean(no), no).toEqual({ ok: true, value: false });
    }
  });

  it('reads a blank cell as absent, for the caller to decide', () => {
    for (const blank of ['', '   ', null, undefined]) {
      expect(readBoolean(blank), String(blank)).toEqual({ ok: true, value: undefined });
    }
  });

  it('refuses any other value: never read as no', () => {
    for (const other of [
      'maybe',
      'unknown',
      'Not recorded',
      'a) Maybe',
      'Y-N',
      'yes please',
      '2',
      'c) Y',
      'N/A',
      2,
    ]) {
      expect(readBoolean(other), String(other)).toMatchObject({ ok: false, code: 'invalid_value' });
    }
    expect(readBoolean('Not recorded')).toEqual({
      ok: false,
      code: 'invalid_value',
      message: '"Not recorded" is not a yes/no value: expected true/false, yes/no, y/n or 1/0',
    });
  });
});

describe('displayValue', () => {
  it('keeps strings as found, and writes other values as JSON', () => {
    expect(displayValue('  as found ')).toBe('  as found ');
    expect(displayValue(40452)).toBe('40452');
    expect(displayValue({ a: [1, 'b', null, true], skipped: undefined, c: {} })).toBe(
      '{"a":[1,"b",null,true],"c":{}}',
    );
    expect(displayValue([undefined, Number.NaN, new Date(Date.UTC(2010, 9, 1))])).toBe(
      '[null,null,"2010-10-01T00:00:00.000Z"]',
    );
    expect(displayValue(undefined)).toBe('undefined');
    expect(displayValue(10n)).toBe('10');
  });

  it('writes JSON exactly as JSON.stringify does for plain data', () => {
    const samples: unknown[] = [
      {
        id: 'R-1',
        dates: ['2010-10-01', '01/10/2010'],
        nested: { deeper: [[], {}, [{}]] },
        quote: 'say "hi"\n',
      },
      [1.5, -0, 1e21, 'é', '\u2028'],
      { '': 0, 'key with "quotes"': false },
    ];
    for (const sample of samples) expect(displayValue(sample)).toBe(JSON.stringify(sample));
  });

  it('shows a value nested 100,000 deep without a stack overflow, cut short', () => {
    // JSON.parse reads such a file; writing it back recursively would overflow the stack.
    const deep = nested(100_000, 'core');
    const shown = displayValue(deep);
    // 1,000 opening brackets, then the mark that it was cut.
    expect(shown).toBe(`${'['.repeat(1000)}…`);
    expect(showValue(deep)).toBe(`${'['.repeat(100)}…`);
    // An object chain too: {"a":{"a":…}} is 5 characters a level.
    let chain: unknown = {};
    for (let level = 0; level < 100_000; level++) chain = { a: chain };
    expect(displayValue(chain).startsWith('{"a":{"a":')).toBe(true);
    expect(displayValue(chain)).toHaveLength(1001);
  });

  it('writes a value that holds itself with [Circular] there', () => {
    const loop: Record<string, unknown> = { id: 'R-1' };
    loop.self = loop;
    expect(displayValue(loop)).toBe('{"id":"R-1","self":"[Circular]"}');
    // The same object twice side by side is not a loop.
    const shared = { a: 1 };
    expect(displayValue([shared, shared])).toBe('[{"a":1},{"a":1}]');
  });

  it('cuts short a long array without reading all of it', () => {
    const long = Array.from({ length: 150_000 }, (_, index) => index);
    const shown = displayValue(long);
    expect(shown).toHaveLength(1001);
    expect(shown.startsWith('[0,1,2,3')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('names a value whose getter throws instead of throwing', () => {
    const hostile = {
      get id(): string {
        throw new Error('no');
      },
    };
    expect(displayValue(hostile)).toBe('[object Object]');
  });
});

describe('showValue', () => {
  it('trims and quotes a string, and shortens a long one with its length', () => {
    expect(showValue(' maybe ')).toBe('"maybe"');
    // A cell of a million characters: the first 100, then how long it was.
    const cell = `${'x'.repeat(999_999)}y`;
    expect(showValue(cell)).toBe(`"${'x'.repeat(100)}…" (1000000 characters)`);
    // Exactly 100 characters are shown whole.
    expect(showValue('z'.repeat(100))).toBe(`"${'z'.repeat(100)}"`);
    // A character pair (an emoji) is not cut in two: 99 x then the pair would end at 101.
    expect(showValue(`${'x'.repeat(99)}😀${'x'.repeat(10)}`)).toBe(`"${'x'.repeat(99)}…" (111 characters)`);
  });

  it('writes other values as JSON, shortened', () => {
    expect(showValue(40452)).toBe('40452');
    expect(showValue({ a: 'b' })).toBe('{"a":"b"}');
    // [1,1,…: 100 characters are the bracket, 49 times "1," and one more 1.
    expect(showValue(Array.from({ length: 100 }, () => 1))).toBe(`[${'1,'.repeat(49)}1…`);
  });
});
