import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FieldSpec, recordSpecs } from '../../src/records/fields.js';
import { parseCsvText, parseNdjsonText, parseRecords } from '../../src/records/parse-records.js';
import type { ParseRecordsResult } from '../../src/records/record-reader.js';
import { type RecordKind, recordKinds, recordSchemas } from '../../src/records/schemas.js';
import { fromDayNumber, toDayNumber } from '../../src/util/dates.js';

const kind = fc.constantFrom<RecordKind>(...recordKinds);
const isoDate = fc
  .integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2100-12-31') })
  .map(fromDayNumber);

/** The laws every read keeps, whatever the input. */
function expectAccounted(result: ParseRecordsResult<RecordKind>): void {
  const { rowsRead, rowsAccepted, rowsRejected } = result.accounting;
  expect(rowsRead).toBe(rowsAccepted + rowsRejected);
  expect(result.records).toHaveLength(rowsAccepted);
  expect(result.rows).toHaveLength(rowsAccepted);
  // Rows come in input order, and every accepted record passes its kind's schema unchanged.
  for (let i = 1; i < result.rows.length; i++)
    expect(result.rows[i]).toBeGreaterThan(result.rows[i - 1] ?? 0);
  for (const record of result.records) expect(recordSchemas[result.kind].parse(record)).toEqual(record);
  // No accepted row has an error (a warning keeps its row: a conference before its referral); every rejected row
  // has one (unless the whole input was refused).
  const rowsWithIssues = new Set(
    result.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.row),
  );
  for (const row of result.rows) expect(rowsWithIssues.has(row)).toBe(false);
  if (result.readable) expect(rowsWithIssues.size).toBeLessThanOrEqual(rowsRejected);
}

// Garbage: anything JSON can hold, and strings full of CSV's special characters.
const garbageText = fc.string({
  unit: fc.constantFrom('a', '1', '/', '-', ',', '"', '\r', '\n', ' ', ':', 'é'),
});
const garbageValue = fc.oneof(
  fc.anything(),
  garbageText,
  fc.constantFrom('31/02/2011', '01/10/10', '40452', ''),
);

/** A value for a field, valid or not. */
function anyValue(field: FieldSpec): fc.Arbitrary<unknown> {
  const valid: fc.Arbitrary<unknown> =
    field.type === 'date'
      ? isoDate
      : field.type === 'boolean'
        ? fc.constantFrom('yes', 'N', true, 0)
        : field.type === 'number'
          ? fc.double({ min: -2, max: 2, noNaN: true })
          : field.type === 'count'
            ? fc.oneof(fc.integer({ min: -2, max: 4 }), fc.constantFrom('0', '3', '1.5', '-1'))
            : field.type === 'enum'
              ? fc.constantFrom(...(field.values ?? []))
              : fc.string({ minLength: 1, maxLength: 6 });
  return fc.oneof(valid, valid, garbageValue, fc.constant(undefined));
}

function anyObject(k: RecordKind): fc.Arbitrary<unknown> {
  const entries = recordSpecs[k].fields.map((field) => [field.name, anyValue(field)] as const);
  return fc.oneof(fc.record(Object.fromEntries(entries), { requiredKeys: [] }), fc.anything());
}

/** A valid record of a kind written as raw cells in one of the accepted styles, with the record expected back. */
function validRow(
  k: RecordKind,
  index: number,
): fc.Arbitrary<{ cells: Record<string, string>; expected: object }> {
  const spec = recordSpecs[k];
  // A value whose later lines hold as many commas as the header looks like records swallowed by a stray quote
  // (suspicious_line_break, SPEC 13): that is not a valid value to read back, so none is made.
  const headerCommas = spec.fields.length - 1;
  const text = fc
    .stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9 ,"'\n-]{0,10}[A-Za-z0-9])?$/)
    .filter((value) =>
      value.split('\n').every((line, i) => i === 0 || line.split(',').length - 1 < headerCommas),
    );
  const perField = spec.fields.map((field) => {
    let written: fc.Arbitrary<{ cell: string; value: unknown }>;
    if (field.type === 'date') {
      written = fc.tuple(isoDate, fc.constantFrom('iso', 'uk', 'time')).map(([iso, style]) => {
        const [y, m, d] = iso.split('-');
        const cell = style === 'iso' ? iso : style === 'uk' ? `${d}/${m}/${y}` : `${iso} 00:00:00`;
        return { cell, value: iso };
      });
    } else if (field.type === 'boolean') {
      written = fc
        .constantFrom(
          ['Yes', true],
          ['no', false],
          ['TRUE', true],
          ['false', false],
          ['y', true],
          ['0', false],
        )
        .map(([cell, value]) => ({ cell: String(cell), value }));
    } else if (field.type === 'number') {
      written = fc.integer({ min: 1, max: 40 }).map((n) => ({ cell: String(n / 20), value: n / 20 }));
    } else if (field.type === 'count') {
      written = fc.integer({ min: 0, max: 9 }).map((n) => ({ cell: String(n), value: n }));
    } else if (field.type === 'enum') {
      written = fc
        .tuple(fc.constantFrom(...(field.values ?? [])), fc.boolean())
        .map(([value, upper]) => ({ cell: upper ? value.toUpperCase() : value, value }));
    } else {
      written = text.map((value) => ({ cell: value, value }));
    }
    const present = field.required && field.default === undefined ? fc.constant(true) : fc.boolean();
    return fc.tuple(present, written).map(([keep, w]) => [field.name, keep ? w : undefined] as const);
  });
  return fc.tuple(...perField).map((pairs) => {
    const values: Record<string, { cell: string; value: unknown } | undefined> = Object.fromEntries(pairs);
    // A unique key: the first key field is made unique by the row's index.
    const keyField = spec.key[0] as string;
    values[keyField] = { cell: `K${index}`, value: `K${index}` };
    // Ends on or after their starts: move an early end to its start.
    for (const pair of spec.datePairs) {
      const start = values[pair.start];
      const end = values[pair.end];
      if (start && end && (end.value as string) < (start.value as string)) values[pair.end] = start;
    }
    const cells: Record<string, string> = {};
    const expected: Record<string, unknown> = {};
    for (const field of spec.fields) {
      const value = values[field.name];
      cells[field.name] = value?.cell ?? '';
      if (value !== undefined) expected[field.name] = value.value;
      else if (field.default !== undefined) expected[field.name] = field.default;
    }
    return { cells, expected };
  });
}

function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

describe('parseRecords (properties)', () => {
  it('never throws on any mix of garbage and valid values, and accounts for every row', () => {
    fc.assert(
      fc.property(
        kind.chain((k) => fc.tuple(fc.constant(k), fc.array(anyObject(k), { maxLength: 30 }))),
        ([k, rows]) => {
          expectAccounted(parseRecords(k, rows));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseCsvText (properties)', () => {
  it('reads valid records written in any accepted style back exactly, whatever the line ends and header case', () => {
    fc.assert(
      fc.property(
        kind.chain((k) =>
          fc.tuple(
            fc.constant(k),
            fc
              .integer({ min: 0, max: 12 })
              .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => validRow(k, i)))),
            fc.constantFrom('\n', '\r\n'),
            fc.boolean(),
          ),
        ),
        ([k, rows, eol, spacedHeaders]) => {
          const names = recordSpecs[k].fields.map((f) => f.name);
          // "referralDate" or "REFERRAL DATE": both name the field.
          const header = names.map((n) => (spacedHeaders ? n.replace(/([A-Z])/g, ' $1').toUpperCase() : n));
          const lines = [
            header.join(','),
            ...rows.map((r) => names.map((n) => csvCell(r.cells[n] ?? '')).join(',')),
          ];
          // Text values hold \n only, so every \n becomes the line end (inside quoted values too).
          const body = `${lines.join('\n')}\n`;
          const text = `\uFEFF${eol === '\n' ? body : body.replaceAll('\n', '\r\n')}`;
          const result = parseCsvText(k, text);
          expect(result.issues).toEqual([]);
          expect(result.records).toEqual(rows.map((r) => r.expected));
          expectAccounted(result);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never throws on valid rows mixed with garbage lines, and accounts for every row', () => {
    fc.assert(
      fc.property(
        kind.chain((k) =>
          fc.tuple(
            fc.constant(k),
            fc.array(fc.oneof(validRow(k, 0), garbageText), { maxLength: 20 }),
            fc.constantFrom('\n', '\r\n'),
          ),
        ),
        ([k, rows, eol]) => {
          const names = recordSpecs[k].fields.map((f) => f.name);
          const lines = [
            names.join(','),
            ...rows.map((r) =>
              typeof r === 'string' ? r : names.map((n) => csvCell(r.cells[n] ?? '')).join(','),
            ),
          ];
          expectAccounted(parseCsvText(k, lines.join(eol)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(kind, fc.oneof(garbageText, fc.string()), (k, text) => {
        expectAccounted(parseCsvText(k, text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseNdjsonText (properties)', () => {
  it('never throws on lines of JSON and garbage, and accounts for every row', () => {
    fc.assert(
      fc.property(
        kind.chain((k) =>
          fc.tuple(
            fc.constant(k),
            fc.array(
              fc.oneof(
                anyObject(k).map((v) => JSON.stringify(v) ?? ''),
                garbageText,
              ),
            ),
          ),
        ),
        ([k, lines]) => {
          expectAccounted(parseNdjsonText(k, lines.join('\n')));
        },
      ),
      { numRuns: 200 },
    );
  });
});
