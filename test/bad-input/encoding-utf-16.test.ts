// SPEC 13 "Encodings": UTF-16 with a byte-order mark (either byte order) and UTF-8 with one read the same records.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/records/decode.js';
import { parseCsvText } from '../../src/records/parse-records.js';
import { fixturePath } from '../helpers/fixtures.js';

describe('decodeBytes on UTF-16 and UTF-8 exports with a byte-order mark', () => {
  it('reads the same two referrals from each, and names the encoding', () => {
    const expected = [
      { id: 'R-1', childId: 'Zoë', referralDate: '2010-10-01' },
      { id: 'R-2', childId: 'Zoé', referralDate: '2010-10-15' },
    ];
    for (const [name, encoding] of [
      ['referrals-utf-16le.csv', 'utf-16le'],
      ['referrals-utf-16be.csv', 'utf-16be'],
      ['referrals-utf-8-bom.csv', 'utf-8'],
    ] as const) {
      const decoded = decodeBytes(readFileSync(fixturePath('encoding', name)));
      expect(decoded, name).toMatchObject({ encoding, encodingSource: 'byte-order-mark', issues: [] });
      // The byte-order mark is dropped: the header's first cell is "id", not "\ufeffid".
      expect(decoded.text.startsWith('id,')).toBe(true);
      const read = parseCsvText('referral', decoded.text);
      expect(read.records, name).toEqual(expected);
      expect(read.accounting).toEqual({
        rowsRead: 2,
        rowsAccepted: 2,
        rowsRejected: 0,
        rowsSkipped: 0,
        warningsByCode: {},
      });
    }
  });
});
