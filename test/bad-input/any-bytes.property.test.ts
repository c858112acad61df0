import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { decodeText } from '../../src/records/decode-text.js';
import { recordSpecs } from '../../src/records/fields.js';
import { parseCsvText } from '../../src/records/parse-records.js';
import { readRecordsSource } from '../../src/records/read-source.js';
import type { ParseRecordsResult } from '../../src/records/record-reader.js';
import { type RecordKind, recordKinds } from '../../src/records/schemas.js';
import { kindLayout } from '../../src/records/shape-kind.js';
import { badInputs } from './inputs.js';

const files = badInputs('any-bytes');
const encode = (text: string) => new TextEncoder().encode(text);

// Bytes that make CSV hard: delimiters, quotes, each line end, a byte-order mark, UTF-8 and bytes that are not.
const awkward = fc.constantFrom(
  ...[...encode(',"\r\n a1/-é'), 0xef, 0xbb, 0xbf, 0xc3, 0xff, 0x00].map((byte) => new Uint8Array([byte])),
);
/** Any bytes, sometimes after a valid header of the kind, so that rows reach the check. */
function csvBytes(kind: RecordKind): fc.Arbitrary<Uint8Array> {
  const header = `${recordSpecs[kind].fields.map((f) => f.name).join(',')}\n`;
  const body = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.array(awkward, { maxLength: 200 }).map((pieces) => Uint8Array.from(pieces.flatMap((p) => [...p]))),
  );
  return fc
    .tuple(fc.boolean(), body)
    .map(([withHeader, bytes]) => Uint8Array.from([...(withHeader ? encode(header) : []), ...bytes]));
}

/** What two reads of the same bytes must agree on: all but the hash (the text's is of its UTF-8, not the bytes). */
function comparable(result: ParseRecordsResult<RecordKind>) {
  const { input, ...rest } = result;
  return { ...rest, input: { ...input, sha256: undefined } };
}

function expectAccounted(result: ParseRecordsResult<RecordKind>): void {
  const { rowsRead, rowsAccepted, rowsRejected, rowsSkipped } = result.accounting;
  expect(rowsRead).toBe(rowsAccepted + rowsRejected + rowsSkipped);
  expect(result.records).toHaveLength(rowsAccepted);
}

describe('any bytes as a CSV file (property)', () => {
  it('parseCsvText and the streaming reader, fed the bytes in any pieces, end, never throw, account for every row and agree', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...recordKinds)
          .chain((kind) => fc.tuple(fc.constant(kind), csvBytes(kind), fc.array(fc.nat(), { maxLength: 6 }))),
        async ([kind, bytes, cuts]) => {
          const whole = parseCsvText(kind, decodeText(bytes).text, { file: 'any.csv' });
          // The same bytes in pieces cut anywhere, even inside a character.
          const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
          const pieces = [0, ...at].map((start, i) => bytes.subarray(start, [...at, bytes.length][i]));
          const source = {
            name: 'any.csv',
            chunks: async function* () {
              yield* pieces;
            },
          };
          const streamed = await readRecordsSource(kind, source, 'csv', kindLayout(kind));
          expectAccounted(whole);
          expect(comparable(streamed)).toEqual(comparable(whole));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('readRecordsFile reads any bytes from a file as the text reader does', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...recordKinds).chain((kind) => fc.tuple(fc.constant(kind), csvBytes(kind))),
        async ([kind, bytes]) => {
          const path = files.write(`any-${run++}.csv`, bytes);
          const read = await readRecordsFile(kind, path);
          expectAccounted(read);
          expect(comparable(read)).toEqual(
            comparable(parseCsvText(kind, decodeText(bytes).text, { file: path })),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
