// SPEC 13 "Encodings": a file that mixes UTF-8 and bytes that are not UTF-8 is refused, naming the first lines
// affected; an encoding forced that cannot read the bytes is refused, never read with U+FFFD.
import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeStream } from '../../src/records/decode.js';
import { formatInputIssue } from '../../src/records/issues.js';
import { fixturePath } from '../helpers/fixtures.js';

const mixed = fixturePath('encoding', 'referrals-mixed.csv');

describe('decodeBytes on a file of two encodings', () => {
  it('refuses it, naming line 2 (UTF-8) and line 3 (not UTF-8)', () => {
    const decoded = decodeBytes(readFileSync(mixed), { file: 'referrals-mixed.csv' });
    expect(decoded.issues).toHaveLength(1);
    const [issue] = decoded.issues;
    expect(issue && formatInputIssue(issue)).toBe(
      'referrals-mixed.csv:2: line 2 has UTF-8 text ("R-1,Zoë"), but line 3 has a byte that is not UTF-8 (0xE9, in "R-2,Zo<E9>"): the file mixes two encodings (a damaged or joined export), and either reading would change some names. Save it again as UTF-8 ("CSV UTF-8" in Excel), or give its encoding if you know it [invalid_encoding]',
    );
    // Refused: its text is given to count rows only (line 3's byte is U+FFFD there, and the issue says why).
    expect(decoded.text.split('\r\n')).toHaveLength(4);
  });

  it('refuses it the same when streamed one byte at a time', async () => {
    const decoding = decodeStream(createReadStream(mixed, { highWaterMark: 1 }), {
      file: 'referrals-mixed.csv',
    });
    let text = '';
    for await (const part of decoding) text += part;
    expect({ text, ...decoding.result() }).toEqual(
      decodeBytes(readFileSync(mixed), { file: 'referrals-mixed.csv' }),
    );
  });
});

describe('decodeBytes with an encoding forced', () => {
  it('refuses a Windows-1252 file forced as UTF-8, at its first bad byte', () => {
    const path = fixturePath('encoding', 'referrals-windows-1252.csv');
    const decoded = decodeBytes(readFileSync(path), { encoding: 'utf-8' });
    // Line 2 is R-1,Zoë with ë written 0xEB.
    expect(decoded.issues).toMatchObject([{ code: 'invalid_encoding', row: 2, value: 'R-1,Zo<EB>' }]);
    expect(decoded.issues[0]?.message).toContain('but encoding utf-8 was asked');
  });

  it('refuses a UTF-16 file forced as Windows-1252, for its byte-order mark', () => {
    const path = fixturePath('encoding', 'referrals-utf-16le.csv');
    expect(decodeBytes(readFileSync(path), { encoding: 'windows-1252' }).issues[0]?.message).toBe(
      'the file starts with the byte-order mark of UTF-16LE, but encoding windows-1252 was asked: leave the encoding to the file, or save it again in the encoding you meant',
    );
  });
});
