import { describe, expect, it } from 'vitest';
import { recordSpecs } from '../../src/records/fields.js';
import { parseRecords } from '../../src/records/parse-records.js';
import { recordKinds, recordSchemas } from '../../src/records/schemas.js';

/** A valid raw value for each field type. */
const SAMPLE: Readonly<Record<string, unknown>> = {
  text: ' T-1 ',
  date: '01/10/2010',
  boolean: 'yes',
  number: '0.5',
  count: '2',
};

describe('createRecordReader', () => {
  it('builds each record as the schema would: the same values, the keys in the schema’s order', () => {
    // The reader checks cells against the field table and accepts a row without running the schema when every
    // value already fits it; the record must then be exactly what the schema would have returned.
    for (const kind of recordKinds) {
      const fields = recordSpecs[kind].fields;
      const full = Object.fromEntries(fields.map((f) => [f.name, f.values?.[0] ?? SAMPLE[f.type]]));
      const required = Object.fromEntries(
        fields.filter((f) => f.required).map((f) => [f.name, full[f.name]]),
      );
      for (const row of [full, required]) {
        const { records, issues } = parseRecords(kind, [row]);
        expect(issues, kind).toEqual([]);
        const record = records[0] as Record<string, unknown>;
        const parsed = recordSchemas[kind].parse(record) as Record<string, unknown>;
        expect(Object.entries(record), kind).toEqual(Object.entries(parsed));
      }
    }
  });

  it('leaves to the schema a value the fast checks cannot vouch for: an FTE too large to be finite', () => {
    // 400 nines is a number as written, but Infinity once read: the schema rejects it, with its own message.
    const { records, issues } = parseRecords('worker', [
      { workerId: 'W1', fte: '9'.repeat(400), role: 'other' },
    ]);
    expect(records).toEqual([]);
    expect(issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        row: 1,
        field: 'fte',
        value: 'null',
        message: 'Invalid input: expected number, received Infinity',
      },
    ]);
  });
});
