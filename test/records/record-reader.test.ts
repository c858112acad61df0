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

  it('refuses an FTE too large to be finite in its reader, as the schema would, naming the cell as written', () => {
    // 400 nines pass the number pattern but read as Infinity. The reader refuses it itself (zod was once asked, and
    // said 'expected number, received Infinity' with the value shown as 'null').
    const nines = '9'.repeat(400);
    const { records, issues } = parseRecords('worker', [{ workerId: 'W1', fte: nines, role: 'other' }]);
    expect(records).toEqual([]);
    expect(issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        row: 1,
        field: 'fte',
        value: nines,
        message: `"${'9'.repeat(100)}…" (400 characters) is too large a number to read: expected a number written like 1 or 0.5`,
      },
    ]);
    // The schema, which the check no longer runs, refuses the same record.
    expect(
      recordSchemas.worker.safeParse({ workerId: 'W1', fte: Number(nines), role: 'other' }).success,
    ).toBe(false);
  });

  it('refuses a count too large to hold exactly, as the schema would', () => {
    // 2^53 = 9007199254740992 is one past Number.MAX_SAFE_INTEGER: it reads as a whole number, but 2^53 + 1 would read
    // as the same one, so it cannot be counted exactly. 2^53 − 1 is the largest count held exactly.
    const { records, issues } = parseRecords('referral', [
      { id: 'R1', childId: 'C1', referralDate: '2010-05-04', referralsInLast12Months: '9007199254740992' },
      { id: 'R2', childId: 'C2', referralDate: '2010-05-05', referralsInLast12Months: '9007199254740991' },
      { id: 'R3', childId: 'C3', referralDate: '2010-05-06', referralsInLast12Months: '9'.repeat(400) },
    ]);
    expect(records.map((record) => record.id)).toEqual(['R2']);
    expect(issues.map((issue) => [issue.row, issue.field, issue.code, issue.message])).toEqual([
      [
        1,
        'referralsInLast12Months',
        'invalid_value',
        '"9007199254740992" is too large to count exactly: expected a count like 0, 1 or 2, at most 9007199254740991',
      ],
      // Infinity once read: the same message, where the reader once said "is not a whole number".
      [
        3,
        'referralsInLast12Months',
        'invalid_value',
        `"${'9'.repeat(100)}…" (400 characters) is too large to count exactly: expected a count like 0, 1 or 2, at most 9007199254740991`,
      ],
    ]);
    const refused = { id: 'R1', childId: 'C1', referralDate: '2010-05-04', referralsInLast12Months: 2 ** 53 };
    expect(recordSchemas.referral.safeParse(refused).success).toBe(false);
    expect(recordSchemas.referral.safeParse(records[0]).success).toBe(true);
  });

  it('keeps only records the schema accepts, and names the field of every row it refuses, field by field', () => {
    // The check no longer runs zod: each field of each kind is given edge values (as text and as JSON values) in a
    // row whose other fields are good. A record kept must pass the kind's schema; a row refused must carry an error
    // naming that field. (The check refuses more than the schemas: dates outside a field's range, an end before its
    // start, a repeated id.)
    const edges: readonly unknown[] = [
      '9'.repeat(400),
      '1e308',
      '1e400',
      '-1e400',
      '9007199254740991',
      '9007199254740992',
      2 ** 53,
      2 ** 53 - 1,
      Number.MAX_VALUE,
      Infinity,
      -Infinity,
      Number.NaN,
      'NaN',
      'Infinity',
      '-0',
      -0,
      0,
      '0.5',
      0.5,
      '-1',
      -1,
      '1.0',
      'yes',
      'no',
      true,
      false,
      '1',
      1,
      'other',
      'OTHER',
      ' other ',
      'review',
      'EET',
      'social-worker',
      '2010-05-04',
      '04/05/2010',
      '31/02/2010',
      '1850-01-01',
      '',
      ' ',
      'x',
      '\u00a0',
      [],
      {},
    ];
    let kept = 0;
    let refused = 0;
    for (const kind of recordKinds) {
      const fields = recordSpecs[kind].fields;
      const good = Object.fromEntries(fields.map((f) => [f.name, f.values?.[0] ?? SAMPLE[f.type]]));
      for (const field of fields) {
        for (const edge of edges) {
          const { records, issues } = parseRecords(kind, [{ ...good, [field.name]: edge }]);
          const where = `${kind}.${field.name} = ${String(edge).slice(0, 20)}`;
          if (records.length === 1) {
            kept++;
            expect(recordSchemas[kind].safeParse(records[0]).success, where).toBe(true);
          } else {
            refused++;
            expect(
              issues.some((issue) => issue.severity === 'error' && issue.field === field.name),
              where,
            ).toBe(true);
          }
        }
      }
    }
    // Both sides were reached: about half the values of each field are its own.
    expect(kept).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });
});
