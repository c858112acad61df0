import { describe, expect, it } from 'vitest';
import { createTextDecoding, decodeText } from '../../src/records/decode-text.js';

describe('createTextDecoding', () => {
  it('drops a byte-order mark and joins a character split between pieces', () => {
    // "Zoë" in UTF-8 after a BOM: ë is C3 AB, cut between its two bytes.
    const decoding = createTextDecoding();
    const text =
      decoding.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x5a, 0x6f, 0xc3])) +
      decoding.decode(new Uint8Array([0xab]));
    expect(text + decoding.end()).toBe('Zoë');
    expect(decoding.encoding).toBe('utf-8');
  });

  it('reads the encoding it is told: Windows-1252', () => {
    // Excel's "CSV (Comma delimited)" on a UK machine writes ë as the one byte EB.
    expect(decodeText(new Uint8Array([0x5a, 0x6f, 0xeb]), { encoding: 'windows-1252' })).toEqual({
      text: 'Zoë',
      encoding: 'windows-1252',
    });
  });
});
