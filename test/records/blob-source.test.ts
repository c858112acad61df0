import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blobSource } from '../../src/records/blob-source.js';
import { readRecordsSource, readRecordsText } from '../../src/records/read-source.js';
import { kindLayout } from '../../src/records/shape-kind.js';

const REFERRALS = fileURLToPath(new URL('../../examples/data/fy2010/referrals.csv', import.meta.url));

describe('blobSource', () => {
  it('reads a Blob a piece at a time to the same records, issues and hash as the whole text', async () => {
    // The example year's 10,000 referrals (about 600 KB): several pieces of the Blob's stream.
    const bytes = readFileSync(REFERRALS);
    const progress: number[] = [];
    // Made of 64 KiB parts, as a browser's File streams: node's Blob gives a part a piece.
    const parts = [];
    for (let at = 0; at < bytes.length; at += 65_536) parts.push(bytes.subarray(at, at + 65_536));
    const source = blobSource(new Blob(parts), 'referrals.csv', {
      onBytes: (read, size) => {
        expect(size).toBe(bytes.length);
        progress.push(read);
      },
    });
    const streamed = await readRecordsSource('referral', source, 'csv', kindLayout('referral'));
    const whole = readRecordsText('referral', bytes.toString('utf8'), 'csv', kindLayout('referral'), {
      file: 'referrals.csv',
    });
    expect(streamed.accounting).toEqual(whole.accounting);
    expect(streamed.accounting.rowsRead).toBe(10_000);
    expect(streamed.records).toEqual(whole.records);
    // A UTF-8 file without a byte-order mark: the hash of its bytes is the hash of its text.
    expect(streamed.input.sha256).toBe(whole.input.sha256);
    expect(streamed.input.file).toBe('referrals.csv');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(bytes.length);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('names the encoding it detected, as a file read in node does', async () => {
    // "£" as Windows-1252 (0xA3): no UTF-8 sequence in the file, so it is read as Windows-1252.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('id,childId,referralDate,source\nR1,C1,2010-10-01,Fee '),
      0xa3,
      0x0a,
    ]);
    const result = await readRecordsSource(
      'referral',
      blobSource(new Blob([bytes]), 'r.csv'),
      'csv',
      kindLayout('referral'),
    );
    expect(result.input.encoding).toBe('windows-1252');
    expect(result.records[0]?.source).toBe('Fee £');
  });
});
