// SPEC 13 "Encodings", through the file reader: the decode stage is stage 2 of every text read, so a file is read in
// the encoding its bytes are written in, says which, and is refused whole when it mixes two.
import { describe, expect, it } from 'vitest';
import { computeIndicator } from '../../src/indicators/index.js';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { fixturePath } from '../helpers/fixtures.js';

describe('readRecordsFile on exports in other encodings', () => {
  it('reads a Windows-1252 export as Windows-1252, keeping Zoë and Zoé two children, and says so', async () => {
    const path = fixturePath('encoding', 'referrals-windows-1252.csv');
    const read = await readRecordsFile('referral', path);
    expect(read.records.map((record) => record.childId)).toEqual(['Zoë', 'Zoé']);
    expect(read.input.encoding).toBe('windows-1252');
    expect(read.notice).toContain('read as Windows-1252');
    // Two children, one referral each in the year before: 0 of 2 repeats (read as UTF-8 it was 1 of 2).
    const repeats = computeIndicator('REPEAT_REFERRALS', read.records, 'FY2010');
    expect([repeats.numerator, repeats.denominator]).toEqual([0, 2]);
  });

  it('reads UTF-16 in either byte order by its byte-order mark, as the UTF-8 file', async () => {
    const utf8 = await readRecordsFile('referral', fixturePath('encoding', 'referrals-utf-8-bom.csv'));
    for (const [name, encoding] of [
      ['referrals-utf-16le.csv', 'utf-16le'],
      ['referrals-utf-16be.csv', 'utf-16be'],
    ] as const) {
      const read = await readRecordsFile('referral', fixturePath('encoding', name));
      expect(read.records, name).toEqual(utf8.records);
      expect(read.input.encoding).toBe(encoding);
      expect(read.notice).toBeUndefined();
    }
    expect(utf8.input.encoding).toBe('utf-8');
  });

  it('refuses a file that mixes UTF-8 and Windows-1252 whole, even the rows read before the mix was seen', async () => {
    const path = fixturePath('encoding', 'referrals-mixed.csv');
    const read = await readRecordsFile('referral', path);
    // Line 2 is UTF-8 ("Zoë"), line 3 Windows-1252 ("Zoé" as one byte): either reading changes a name, so no row
    // becomes a record; the two rows read are both rejected.
    expect(read.readable).toBe(false);
    expect(read.records).toEqual([]);
    expect(read.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 0, rowsRejected: 2, rowsSkipped: 0 });
    expect(read.issues).toMatchObject([{ code: 'invalid_encoding', severity: 'error', row: 2, file: path }]);
  });

  it('refuses the mixed file under strict, naming the line', async () => {
    const path = fixturePath('encoding', 'referrals-mixed.csv');
    await expect(readRecordsFile('referral', path, { strict: true })).rejects.toMatchObject({
      issues: [{ code: 'invalid_encoding', row: 2 }],
    });
  });

  it('honours an XML declaration of windows-1252 in a CIN census', async () => {
    const read = await readRecordsFile('referral', fixturePath('encoding', 'cin-census-windows-1252.xml'), {
      preset: 'cin-census',
    });
    expect(read.input.encoding).toBe('windows-1252');
    expect(read.issues).toEqual([]);
    expect(new Set(read.records.map((record) => record.childId)).size).toBe(2);
  });
});
