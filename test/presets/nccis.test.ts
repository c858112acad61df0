import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { type NccisCodeMap, nccisCodeMap, nccisStatusOf } from '../../src/presets/nccis.js';
import { createPresetReader } from '../../src/presets/presets.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/presets/${name}`, import.meta.url));
const nccis = fixture('nccis.csv');

describe('nccisStatusOf', () => {
  it('reads each group of the default code map', () => {
    const cases: [string, string | null][] = [
      ['210', 'EET'], // education 210-290
      ['290', 'EET'],
      ['310', 'EET'], // employment 310-381
      ['381', 'EET'],
      ['410', 'EET'], // training 410-460, and 530
      ['460', 'EET'],
      ['530', 'EET'],
      ['550', 'EET'], // EET by default (sources disagree)
      ['540', 'NEET'], // NEET: 540 and 610-680
      ['610', 'NEET'],
      ['680', 'NEET'],
      ['710', 'EXCLUDED'], // custody
      ['720', 'EXCLUDED'], // asylum
      ['810', 'NOT_KNOWN'],
      ['820', 'NOT_KNOWN'],
      ['830', 'NOT_KNOWN'],
      // Codes of the requirement in no group (110-150 are pupils still in compulsory education; the rest of the span
      // 110-899, such as 520, is placed the same way): outside the NEET measure, never an invalid value.
      ['110', 'EXCLUDED'],
      ['150', 'EXCLUDED'],
      ['200', 'EXCLUDED'],
      ['382', 'EXCLUDED'],
      ['520', 'EXCLUDED'],
      ['690', 'EXCLUDED'],
      ['840', 'EXCLUDED'],
      // Not a code of the requirement at all: no status.
      ['999', null],
      ['000', null],
      ['abc', null],
      ['5400', null],
    ];
    for (const [code, status] of cases) expect([code, nccisStatusOf(code)]).toEqual([code, status]);
  });

  it('reads a code written with its label or as a decimal', () => {
    expect(nccisStatusOf('540 - NEET seeking employment')).toBe('NEET');
    expect(nccisStatusOf(' 230.0 ')).toBe('EET');
  });

  it('lets the first range of a code map decide', () => {
    const map: NccisCodeMap = [
      { from: 550, to: 550, status: 'NEET', group: '550 read as NEET' },
      ...nccisCodeMap,
    ];
    expect(nccisStatusOf('550', map)).toBe('NEET');
    expect(nccisStatusOf('230', map)).toBe('EET');
  });
});

describe("readRecordsFile with preset 'nccis'", () => {
  it('reads a code of each group to its status, keeps the code, and rejects a value that is no code naming it', async () => {
    const read = await readRecordsFile('neet', nccis, { preset: 'nccis' });
    expect(read.records.map((r) => [r.personId, r.status])).toEqual([
      ['YP01', 'EET'], // 230 education
      ['YP02', 'EET'], // 330 employment
      ['YP03', 'EET'], // 440 training
      ['YP04', 'EET'], // 530 training
      ['YP05', 'EET'], // 550, EET by default
      ['YP06', 'NEET'], // 540
      ['YP07', 'NEET'], // 615
      ['YP08', 'EXCLUDED'], // 710 custody
      ['YP09', 'EXCLUDED'], // 720 asylum
      ['YP10', 'NOT_KNOWN'], // 810
      ['YP11', 'NOT_KNOWN'], // 830
    ]);
    expect(read.records[0]).toEqual({
      personId: 'YP01',
      snapshotDate: '2012-11-30',
      dateOfBirth: '1995-10-01',
      status: 'EET',
      activityCode: '230',
    });
    expect(read.issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        row: 13,
        field: 'status',
        value: '999',
        message:
          '"999" is not an NCCIS activity code: expected a three-digit code of the NCCIS management information requirement (110 to 830), such as 230 (education), 540 (NEET), 710 (custody) or 810 (not known), or a status (EET, NEET, NOT_KNOWN, EXCLUDED)',
        file: nccis,
      },
    ]);
    expect(read.accounting).toEqual({
      rowsRead: 12,
      rowsAccepted: 11,
      rowsRejected: 1,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });

  it('reads with an overridden code map', async () => {
    const codeMap: NccisCodeMap = [
      { from: 550, to: 550, status: 'NEET', group: 'working not for reward, read as NEET' },
      { from: 999, to: 999, status: 'NOT_KNOWN', group: 'a local code' },
      ...nccisCodeMap,
    ];
    const read = await readRecordsFile('neet', nccis, { preset: 'nccis', codeMap });
    const statusOf = (id: string) => read.records.find((r) => r.personId === id)?.status;
    expect(statusOf('YP05')).toBe('NEET');
    expect(statusOf('YP12')).toBe('NOT_KNOWN');
    expect(statusOf('YP01')).toBe('EET');
    expect(read.issues).toEqual([]);
  });

  it('refuses a code map that is not one', async () => {
    await expect(
      readRecordsFile('neet', nccis, {
        preset: 'nccis',
        codeMap: [{ from: 1, to: 2, status: 'MAYBE' }] as never,
      }),
    ).rejects.toThrow(/^codeMap\[0\]: expected \{ from, to, status, group \}/);
  });

  it('takes the count date from the snapshotDate option when the file has no column for it', async () => {
    const path = fixture('nccis-no-date.csv');
    const read = await readRecordsFile('neet', path, { preset: 'nccis', snapshotDate: '2013-01-31' });
    // Headers "ypid", "dob" and "current activity code" are known spellings.
    expect(read.records).toEqual([
      {
        personId: 'YP01',
        snapshotDate: '2013-01-31',
        dateOfBirth: '1995-10-01',
        status: 'EET',
        activityCode: '230',
      },
      {
        personId: 'YP06',
        snapshotDate: '2013-01-31',
        dateOfBirth: '1995-10-06',
        status: 'NEET',
        activityCode: '540',
      },
    ]);
    const without = await readRecordsFile('neet', path, { preset: 'nccis' });
    expect(without.readable).toBe(false);
    expect(without.issues.map((i) => [i.code, i.field])).toEqual([['missing_column', 'snapshotDate']]);
  });

  it('reads a status already written as a word', () => {
    const reader = createPresetReader('nccis', 'neet', { snapshotDate: '2012-11-30' });
    reader.header(['Young Person ID', 'Date of Birth', 'Activity'], 1);
    reader.cells(['YP1', '1995-10-01', 'not known'], 2);
    expect(reader.result().records[0]?.status).toBe('NOT_KNOWN');
  });
});
