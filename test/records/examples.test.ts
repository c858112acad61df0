import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import type { RecordKind } from '../../src/records/schemas.js';

const examples: readonly [RecordKind, string, number][] = [
  // kind, file, rows in the file
  ['initial-assessment', 'initial-assessments.csv', 5],
  ['core-assessment', 'core-assessments.csv', 4],
  ['cp-conference', 'cp-conferences.csv', 4],
  ['caf', 'cafs.csv', 4],
  ['referral', 'referrals.csv', 5],
  ['neet', 'neet.csv', 5],
  ['worker', 'workers.csv', 5],
  ['allocation', 'allocations.csv', 5],
];

describe('examples/data', () => {
  it.each(examples)('%s: %s reads clean, every row accepted', async (kind, name, rows) => {
    const path = fileURLToPath(new URL(`../../examples/data/${name}`, import.meta.url));
    const result = await readRecordsFile(kind, path, { strict: true });
    expect(result.accounting).toEqual({
      rowsRead: rows,
      rowsAccepted: rows,
      rowsRejected: 0,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });
});
