import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAuditOfRows } from '../../src/cli/commands/compute.js';
import type { CliIo } from '../../src/cli/context.js';
import { dayCountOf } from '../../src/indicators/from-days.js';
import { ni59 } from '../../src/indicators/ni59.js';
import type { OutcomeSink } from '../../src/indicators/types.js';
import { parsePeriod } from '../../src/periods/index.js';
import type { AcceptedStream } from '../../src/records/check.js';
import { createChecker, streamAccepted } from '../../src/records/check.js';
import { DayColumnStore } from '../../src/records/day-columns.js';

const io: CliIo = { out: () => undefined, err: () => undefined, errIsTty: false };
const october = parsePeriod('2010-10');

// Two assessments, rows 2 and 3: IA-1 referred Fri 2010-10-01 and completed Tue 2010-10-12 (7 working days, on
// time); IA-2 referred Mon 2010-10-04 and completed Wed 2010-10-20 (12 working days, late). 1 of 2 in October.
const records = [
  { id: 'IA-1', childId: 'C-1', referralDate: '2010-10-01', completedDate: '2010-10-12' },
  { id: 'IA-2', childId: 'C-2', referralDate: '2010-10-04', completedDate: '2010-10-20' },
];
const columns = new DayColumnStore(['completedDate', 'referralDate']);
records.forEach((record, index) => {
  columns.pushRecord(record, index + 2);
});
const sha256 = 'a'.repeat(64);
const result = {
  ...(dayCountOf('NI59')?.compute(columns, october, {}) ?? ni59([], october)),
  inputs: [
    {
      file: 'ia.csv',
      sha256,
      encoding: 'utf-8' as const,
      rowsRead: 2,
      rowsAccepted: 2,
      rowsRejected: 0,
      rowsSkipped: 0,
    },
  ],
};
const computeBatch = (
  batch: readonly Readonly<Record<string, unknown>>[],
  batchRows: readonly number[],
  sink: OutcomeSink,
) => ni59(batch as never, october, { rows: batchRows, onOutcome: sink });

/** A second read handing on `given` (as records of rows 2, 3…) and saying its bytes hashed to `hash`. */
function rereadOf(given: readonly Readonly<Record<string, unknown>>[], hash: string) {
  return async (stream: AcceptedStream) => {
    given.forEach((record, index) => {
      stream.sink(record, index + 2);
    });
    return {
      file: 'ia.csv',
      sha256: hash,
      encoding: 'utf-8' as const,
      rowsRead: 2,
      rowsAccepted: 2,
      rowsRejected: 0,
      rowsSkipped: 0,
    };
  };
}

describe('writeAuditOfRows', () => {
  it('writes a line per record as the file is read again, and adds the records up to the figure', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'csi-audit-rows-')), 'audit.csv');
    await writeAuditOfRows(
      { flag: '--audit', path },
      result,
      { issues: [] },
      columns,
      io,
      rereadOf(records, sha256),
      computeBatch,
    );
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    // The header, then IA-1 counted (in the population, on time) and IA-2 not counted (in it, late), in row order.
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^NI59,IA-1,2,counted,true,true,/);
    expect(lines[2]).toMatch(/^NI59,IA-2,3,not-counted,true,false,/);
  });

  it('refuses, writing nothing, when the file changed between the reads: other bytes, or a record missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-audit-rows-'));
    const path = join(dir, 'audit.csv');
    const write = (reread: ReturnType<typeof rereadOf>) =>
      writeAuditOfRows({ flag: '--audit', path }, result, { issues: [] }, columns, io, reread, computeBatch);
    await expect(write(rereadOf(records, 'b'.repeat(64)))).rejects.toThrow(
      'ia.csv: the file changed while it was read (read again for --audit, it has other bytes)',
    );
    await expect(write(rereadOf(records.slice(0, 1), sha256))).rejects.toThrow('it gave 1 of its 2 records');
    expect(existsSync(path)).toBe(false);
  });
});

describe('streamAccepted', () => {
  it('hands on the records of the rows accepted before, in order, keeping none and checking no key', () => {
    // Rows 2 and 4 were accepted by the first read; row 3 repeats IA-1 (rejected there as a duplicate) and row 5
    // has no referral date (rejected in both reads).
    const checker = createChecker('initial-assessment');
    const handed: [string, number][] = [];
    streamAccepted(checker, {
      rows: Int32Array.of(2, 4),
      count: 2,
      sink: (record, row) => handed.push([record.id as string, row]),
    });
    checker.values(['IA-1', 'C-1', '2010-10-01'], undefined, 2);
    checker.values(['IA-1', 'C-2', '2010-10-01'], undefined, 3);
    checker.values(['IA-2', 'C-3', '2010-10-02'], undefined, 4);
    checker.values(['IA-3', 'C-4', ''], undefined, 5);
    expect(handed).toEqual([
      ['IA-1', 2],
      ['IA-2', 4],
    ]);
    const read = checker.result({ file: 'ia.csv', sha256: '', encoding: 'utf-8' });
    expect(read.records).toEqual([]);
    expect(read.issues.map((issue) => issue.code)).toEqual(['missing_field']);
    expect(() => streamAccepted(checker, { rows: Int32Array.of(2), count: 1, sink: () => {} })).toThrow(
      'called once, before any row is read',
    );
  });
});
