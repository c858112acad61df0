// SPEC 13 "Encodings": a Windows-1252 export (Excel's "CSV (Comma delimited)" on a UK machine) keeps its names.
// Library level: the decode stage, then the reader and the indicator, as the reading path will chain them.
import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeIndicator } from '../../src/indicators/index.js';
import { parseCinCensusXml } from '../../src/presets/cin-census.js';
import { decodeBytes, decodeStream } from '../../src/records/decode.js';
import { parseCsvText } from '../../src/records/parse-records.js';
import { fixturePath } from '../helpers/fixtures.js';

const referrals = fixturePath('encoding', 'referrals-windows-1252.csv');
const workers = fixturePath('encoding', 'workers-windows-1252.csv');

describe('decodeBytes on a Windows-1252 export', () => {
  it('keeps Zoë and Zoé two children, so neither referral is a repeat', () => {
    const decoded = decodeBytes(readFileSync(referrals), { file: referrals });
    expect(decoded).toMatchObject({ encoding: 'windows-1252', encodingSource: 'detected', issues: [] });
    expect(decoded.notice).toContain('read as Windows-1252');
    const read = parseCsvText('referral', decoded.text, { file: referrals });
    expect(read.records.map((record) => record.childId)).toEqual(['Zoë', 'Zoé']);
    // R-1 (Zoë, 1 October 2010) and R-2 (Zoé, 15 October 2010): two children, each with one referral in the year
    // before, so neither is a repeat: 0 of 2.
    const repeats = computeIndicator('REPEAT_REFERRALS', read.records, 'FY2010');
    expect([repeats.numerator, repeats.denominator]).toEqual([0, 2]);
  });

  it('is what read as UTF-8 went wrong: both names became Zo\ufffd, one child with a repeat referral', () => {
    // The defect this stage closes, kept as a test so that the figure above is known to depend on it.
    const asUtf8 = new TextDecoder('utf-8').decode(readFileSync(referrals));
    const read = parseCsvText('referral', asUtf8);
    expect(read.records.map((record) => record.childId)).toEqual(['Zo\ufffd', 'Zo\ufffd']);
    // R-2 is 14 days after R-1 "of the same child": 1 of 2.
    const repeats = computeIndicator('REPEAT_REFERRALS', read.records, 'FY2010');
    expect([repeats.numerator, repeats.denominator]).toEqual([1, 2]);
  });

  it('keeps distinct worker ids distinct: no false duplicate_id', () => {
    const decoded = decodeBytes(readFileSync(workers));
    const read = parseCsvText('worker', decoded.text);
    // Zoë Adams, Zoé Adams and José Brown: three workers, three rows accepted.
    expect(read.issues).toEqual([]);
    expect(read.records.map((worker) => worker.workerId)).toEqual(['Zoë Adams', 'Zoé Adams', 'José Brown']);
    expect(read.accounting).toEqual({
      rowsRead: 3,
      rowsAccepted: 3,
      rowsRejected: 0,
      rowsSkipped: 0,
      warningsByCode: {},
    });
    // Read as UTF-8, "Zoë Adams" and "Zoé Adams" were one id, and line 3 a duplicate_id.
    const asUtf8 = parseCsvText('worker', new TextDecoder('utf-8').decode(readFileSync(workers)));
    expect(asUtf8.issues.map((issue) => [issue.code, issue.row])).toEqual([['duplicate_id', 3]]);
  });

  it('decodes the same when the file is streamed, in chunks of any size', async () => {
    const whole = decodeBytes(readFileSync(referrals));
    // Chunks of 7 bytes cut "Zo" from its ë and é at different places.
    for (const highWaterMark of [1, 7, 64 * 1024]) {
      const decoding = decodeStream(createReadStream(referrals, { highWaterMark }));
      let text = '';
      for await (const part of decoding) text += part;
      expect({ text, ...decoding.result() }).toEqual(whole);
    }
  });
});

describe('decodeBytes on CIN census XML that declares windows-1252', () => {
  it('honours the declaration: Zoë and Zoé stay two children', () => {
    const path = fixturePath('encoding', 'cin-census-windows-1252.xml');
    const decoded = decodeBytes(readFileSync(path), { xml: true });
    expect(decoded).toMatchObject({
      encoding: 'windows-1252',
      encodingSource: 'xml-declaration',
      issues: [],
    });
    const read = parseCinCensusXml('referral', decoded.text);
    expect(read.records).toEqual([
      { id: 'Zoë@2012-05-01', childId: 'Zoë', referralDate: '2012-05-01' },
      { id: 'Zoé@2012-05-08', childId: 'Zoé', referralDate: '2012-05-08' },
    ]);
  });

  it('refuses the same XML behind a UTF-8 byte-order mark, which contradicts the declaration', () => {
    const path = fixturePath('encoding', 'cin-census-bom-contradicts.xml');
    const decoded = decodeBytes(readFileSync(path), { xml: true, file: path });
    expect(decoded.issues).toEqual([
      {
        code: 'invalid_encoding',
        severity: 'error',
        row: 1,
        field: null,
        value: null,
        message:
          'its XML declaration says "windows-1252", but the file is written in UTF-8, as its byte-order mark says: correct the declaration, or save the file again in the encoding it declares',
        file: path,
      },
    ]);
  });
});
