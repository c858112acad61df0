import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { decodeBytes } from '../../src/records/decode.js';
import { recordSpecs } from '../../src/records/fields.js';
import { parseCsvText } from '../../src/records/parse-records.js';
import { readRecordsSource } from '../../src/records/read-source.js';
import type { ParseRecordsResult } from '../../src/records/record-reader.js';
import { type RecordKind, recordKinds } from '../../src/records/schemas.js';
import { kindLayout } from '../../src/records/shape-kind.js';
import { badInputs } from '../helpers/bad-input.js';

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

/**
 * What two reads of the same bytes must agree on: all but the hash (the text's is of its UTF-8, not the bytes), the
 * encoding and the notice (text given as text is UTF-8 by definition; the bytes' encoding is checked on its own).
 */
function comparable(result: ParseRecordsResult<RecordKind>) {
  const { input, notice: _notice, ...rest } = result;
  return { ...rest, input: { ...input, sha256: undefined, encoding: undefined } };
}

/**
 * Checks a read of bytes against the text reader fed the same bytes decoded: the same rows and issues when the bytes
 * are text in one encoding, named as the decode stage names it; otherwise the whole input refused for its encoding.
 */
function expectAgrees(fromBytes: ParseRecordsResult<RecordKind>, bytes: Uint8Array, file: string): void {
  const decoded = decodeBytes(bytes);
  expectAccounted(fromBytes);
  if (decoded.issues.length > 0) {
    expect(fromBytes.readable).toBe(false);
    expect(fromBytes.records).toEqual([]);
    expect(fromBytes.issues.map((issue) => issue.code)).toContain('invalid_encoding');
    return;
  }
  const whole = parseCsvText(fromBytes.kind, decoded.text, { file });
  expectAccounted(whole);
  expect(fromBytes.input.encoding).toBe(decoded.encoding);
  expect(comparable(fromBytes)).toEqual(comparable(whole));
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
          // The same bytes in pieces cut anywhere, even inside a character.
          const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
          const pieces = [0, ...at].map((start, i) => bytes.subarray(start, [...at, bytes.length][i]));
          const source = {
            name: 'any.csv',
            chunks: async function* () {
              yield* pieces;
            },
          };
          expectAgrees(await readRecordsSource(kind, source, 'csv', kindLayout(kind)), bytes, 'any.csv');
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
          expectAgrees(await readRecordsFile(kind, path), bytes, path);
        },
      ),
      { numRuns: 40 },
    );
  });
});
