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

  it('names a value the schema would refuse itself: an FTE too large to be finite, without loading zod', () => {
    // 400 nines is a number as written, but Infinity once read. The check names it in the field's words and shows
    // the cell as written (zod's own message, 'expected number, received Infinity', showed the value as 'null').
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
        message: 'fte is too large to be a number: expected a finite number, 0 or more',
      },
    ]);
    // The schema, which the check no longer runs, refuses the same record.
    expect(
      recordSchemas.worker.safeParse({ workerId: 'W1', fte: Number(nines), role: 'other' }).success,
    ).toBe(false);
  });

  it('names a count too large to hold exactly, and the schema refuses it too', () => {
    // 2^53 = 9007199254740992 is one past Number.MAX_SAFE_INTEGER: it reads as a whole number, but 2^53 + 1 would read
    // as the same one, so it cannot be counted exactly.
    const { records, issues } = parseRecords('referral', [
      { id: 'R1', childId: 'C1', referralDate: '2010-05-04', referralsInLast12Months: '9007199254740992' },
      { id: 'R2', childId: 'C2', referralDate: '2010-05-05', referralsInLast12Months: '9007199254740991' },
    ]);
    expect(records.map((record) => record.id)).toEqual(['R2']);
    expect(issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        row: 1,
        field: 'referralsInLast12Months',
        value: '9007199254740992',
        message:
          'referralsInLast12Months is too large to count exactly: expected a whole number from 0 to 9007199254740991',
      },
    ]);
    const refused = { id: 'R1', childId: 'C1', referralDate: '2010-05-04', referralsInLast12Months: 2 ** 53 };
    expect(recordSchemas.referral.safeParse(refused).success).toBe(false);
    expect(recordSchemas.referral.safeParse(records[0]).success).toBe(true);
  });

  it('reads and checks records without loading zod', async () => {
    // The readers and the check import the kinds and their lists of values from kinds.ts, never the schemas: a run
    // that reads and counts does not pay zod's load (docs/performance.md). The module graph is read from the
    // sources: no module the check reaches imports zod or schemas.ts for a value.
    const { readFile } = await import('node:fs/promises');
    const { dirname, resolve } = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = async (file: string): Promise<void> => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/^(import|export)(?! type)[^;]*?from '([^']+)';/gms)) {
        const from = match[2] as string;
        if (from === 'zod' || from.endsWith('/schemas.js'))
          offenders.push(`${file.slice(root.length)} ${from}`);
        if (from.startsWith('.')) await visit(resolve(dirname(file), from.replace(/\.js$/, '.ts')));
      }
    };
    await visit(resolve(root, 'records/parse-records.ts'));
    await visit(resolve(root, 'node/read-records-file.ts'));
    await visit(resolve(root, 'indicators/registry.ts'));
    await visit(resolve(root, 'cli/commands/compute.ts'));
    expect(seen.size).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
});
