import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRecordsSource } from '../../src/records/read-source.js';
import { kindLayout } from '../../src/records/shape-kind.js';
import type { ByteSource, RepeatedKey } from '../../src/records/stages.js';
import { createNdjsonTokenizer, tokenizeJsonArray } from '../../src/records/tokenize-json.js';
import { cutAt } from '../helpers/pieces.js';
import { recordingSink, type SinkEvent } from '../helpers/sinks.js';

/** One key of an object as written: the key, whether its every character is written as `\uXXXX`, its value's text. */
interface Pair {
  readonly key: string;
  readonly escaped: boolean;
  readonly value: string;
  readonly space: string;
}

/** A key written as JSON text: plain, or each UTF-16 unit escaped (JSON.parse reads both as the same key). */
function keyText(key: string, escaped: boolean): string {
  if (!escaped) return JSON.stringify(key);
  let text = '"';
  for (let i = 0; i < key.length; i++) text += `\\u${key.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return `${text}"`;
}

/** An object's text from its pairs, in order, with the space given about each colon and comma. */
function objectText(pairs: readonly Pair[]): string {
  const members = pairs.map(
    ({ key, escaped, value, space }) => `${space}${keyText(key, escaped)}${space}:${space}${value}`,
  );
  return `{${members.join(',')}}`;
}

/** The keys written more than once among the pairs, in the order of their first writing: worked out from the pairs. */
function repeatedOf(pairs: readonly Pair[]): RepeatedKey[] | undefined {
  const times = new Map<string, number>();
  for (const { key } of pairs) times.set(key, (times.get(key) ?? 0) + 1);
  const repeated = [...times].filter(([, count]) => count > 1).map(([key, count]) => ({ key, times: count }));
  return repeated.length === 0 ? undefined : repeated;
}

// Keys from a small set, so that repeats are common, and any short text; values that hold what could be mistaken for
// keys: strings with quotes, colons, backslashes and brackets, nested objects and arrays, and nested objects written
// with a key twice (not the item's own keys).
const keyArb = fc.oneof(
  fc.constantFrom('id', 'childId', 'referralDate', 'Referral Date', 'note', ''),
  fc.string({ maxLength: 4 }),
);
const valueArb = fc.oneof(
  fc.string({ maxLength: 8 }).map((text) => JSON.stringify(text)),
  fc
    .string({ unit: fc.constantFrom('"', ':', '\\', '{', '[', ']', '}', ',', 'id', ' '), maxLength: 8 })
    .map((text) => JSON.stringify(text)),
  fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
  fc.constantFrom('{"id":1,"id":{"id":2,"id":[3]}}', '[{"note":"a","note":"b"}]', '{"a" : ":" , "a":"{"}'),
);
const pairArb = fc.record({
  key: keyArb,
  escaped: fc.boolean(),
  value: valueArb,
  space: fc.constantFrom('', ' ', '\t'),
});
/** An item: an object's pairs, or (now and then) a JSON value that is not an object, which has no keys to give. */
const itemArb = fc.oneof(
  { weight: 9, arbitrary: fc.array(pairArb, { maxLength: 6 }).map((pairs) => ({ pairs })) },
  {
    weight: 1,
    arbitrary: fc
      .jsonValue({ maxDepth: 2 })
      .filter((value) => typeof value !== 'object' || value === null || Array.isArray(value))
      .map((other) => ({ other })),
  },
);

/** The item's text and what the tokenizer must give for it at `line`. */
function written(
  item: { readonly pairs: readonly Pair[] } | { readonly other: unknown },
  line: number,
): { text: string; event: SinkEvent } {
  const text = 'pairs' in item ? objectText(item.pairs) : JSON.stringify(item.other);
  const repeated = 'pairs' in item ? repeatedOf(item.pairs) : undefined;
  const value = JSON.parse(text);
  return { text, event: repeated === undefined ? ['item', value, line] : ['item', value, line, repeated] };
}

describe('keys an item writes more than once, against the keys it was written with', () => {
  it('are named, and only they, for any items as NDJSON in any pieces and as a JSON array', () => {
    // The counting of colons, the keys counted as written and the keys listed are each a shortcut; the truth is
    // the pairs each item was generated from. An array item that is itself an array or a string is never an
    // object with keys, even when it holds one.
    fc.assert(
      fc.property(
        fc.array(itemArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(), { maxLength: 6 }),
        (items, lineEnd, cuts) => {
          const lines = items.map((item, index) => written(item, index + 1));
          const expected = [...lines.map((line) => line.event), ['end']];

          const ndjson = recordingSink();
          const tokenizer = createNdjsonTokenizer(ndjson.sink);
          for (const piece of cutAt(lines.map((line) => line.text).join(lineEnd), cuts))
            tokenizer.write(piece);
          tokenizer.end();
          expect(ndjson.seen).toEqual(expected);

          const array = recordingSink();
          tokenizeJsonArray(`[${lines.map((line) => line.text).join(`,${lineEnd}`)}]`, array.sink);
          expect(array.seen).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** A source of bytes in the pieces `cuts` mark. */
function piecesOf(text: string, cuts: readonly number[], name: string): ByteSource {
  return {
    name,
    async *chunks() {
      yield* cutAt(new TextEncoder().encode(text), cuts);
    },
  };
}

// A referral's keys, each spelt one of the ways the kind reads; `note` is no field (ignored). Each item's id is its
// own, so that no row's outcome hangs on another's (a later duplicate_id would name the row rejected here).
const fieldKeys = {
  id: ['id', 'ID'],
  childId: ['childId', 'Child ID', 'child_id'],
  referralDate: ['referralDate', 'Referral Date'],
  team: ['team', 'Team'],
} as const;
const referralArb = fc.record(
  {
    childId: fc.tuple(fc.constantFrom(...fieldKeys.childId), fc.constantFrom('C1', 'C2', '')),
    referralDate: fc.tuple(
      fc.constantFrom(...fieldKeys.referralDate),
      fc.constantFrom('2010-10-01', '01/10/2010', '2011-02-29', 'soon', ''),
    ),
    team: fc.tuple(fc.constantFrom(...fieldKeys.team), fc.string({ maxLength: 4 })),
    note: fc.tuple(fc.constant('note'), fc.string({ maxLength: 4 })),
  },
  { requiredKeys: [] },
);

/** Reads the items' texts as NDJSON or as a JSON array, in the pieces `cuts` mark. */
function read(format: 'ndjson' | 'json', texts: readonly string[], cuts: readonly number[]) {
  const text = format === 'ndjson' ? `${texts.join('\n')}\n` : `[${texts.join(',')}]`;
  // The hash is given: the texts compared differ in their bytes.
  return readRecordsSource('referral', piecesOf(text, cuts, `r.${format}`), format, kindLayout('referral'), {
    sha256: 'given',
  });
}

describe('an item that writes one of its keys a second time, with another value', () => {
  it('is rejected (duplicate_column, on its row and field) for a key of a field, and no other row changes', async () => {
    // The generated items are flat referrals, some good, some not (a blank child, a date that is not real); one
    // item writes one of its keys again, anywhere among its keys, with a value that differs from its first. A key
    // of a field rejects that row, naming the field and the key; `note`, which no field reads, is ignored when
    // written twice as when written once, so nothing changes. Either way every other row's record, row number and
    // issues stay as they were, and the accounting moves the row from accepted (if it was) to rejected.
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...fieldKeys.id), referralArb), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (generated, whichItem, whichKey, where, other, cuts) => {
          const items: [string, string][][] = generated.map(([idKey, fields], index) => [
            [idKey, `R${index + 1}`],
            ...Object.values(fields),
          ]);
          const target = whichItem % items.length;
          const row = target + 1;
          const item = items[target] as [string, string][];
          const [key, value] = item[whichKey % item.length] as [string, string];
          const changed = [...item];
          changed.splice(where % (item.length + 1), 0, [key, value === other ? `${other}x` : other]);
          const textOf = (pairs: readonly [string, string][]) =>
            `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
          const before = items.map(textOf);
          const after = before.map((text, index) => (index === target ? textOf(changed) : text));
          const field = Object.entries(fieldKeys).find(([, keys]) =>
            (keys as readonly string[]).includes(key),
          )?.[0];

          for (const format of ['ndjson', 'json'] as const) {
            const was = await read(format, before, cuts);
            const now = await read(format, after, cuts);
            if (field === undefined) {
              expect(now).toEqual(was);
              continue;
            }
            expect(now.rows).not.toContain(row);
            expect(now.issues).toContainEqual(
              expect.objectContaining({
                code: 'duplicate_column',
                row,
                field,
                value: key,
                severity: 'error',
              }),
            );
            const wasAt = was.rows.indexOf(row);
            expect(now.records).toEqual(was.records.filter((_, index) => index !== wasAt));
            expect(now.rows).toEqual(was.rows.filter((r) => r !== row));
            expect(now.issues.filter((issue) => issue.row !== row)).toEqual(
              was.issues.filter((issue) => issue.row !== row),
            );
            const accepted = wasAt >= 0 ? 1 : 0;
            expect(now.accounting).toEqual({
              ...was.accounting,
              rowsAccepted: was.accounting.rowsAccepted - accepted,
              rowsRejected: was.accounting.rowsRejected + accepted,
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
