import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createByteDecoder,
  type DecodedText,
  type DecodeOptions,
  decodeBytes,
  decodeStream,
  readXmlDeclaration,
} from '../../src/records/decode.js';
import { textEncodings } from '../../src/records/issues.js';
import { cutAt } from '../helpers/pieces.js';

/** Bytes from strings (each character one byte, so '\xEB' is the byte 0xEB) and numbers (one byte each). */
function bytes(...parts: (string | number)[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'number') out.push(part);
    else for (const character of part) out.push(character.charCodeAt(0));
  }
  return Uint8Array.from(out);
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const utf16 = (text: string, littleEndian: boolean): Uint8Array => {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i + (littleEndian ? 0 : 1)] = unit & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = unit >> 8;
  }
  return out;
};

/** Decodes chunk by chunk, as a stream would. */
async function decodeChunks(
  chunks: readonly Uint8Array[],
  options: DecodeOptions = {},
): Promise<DecodedText> {
  async function* source() {
    yield* chunks;
  }
  const decoding = decodeStream(source(), options);
  let text = '';
  for await (const part of decoding) text += part;
  return { text, ...decoding.result() };
}

describe('decodeBytes', () => {
  it('reads UTF-8 and drops its byte-order mark', () => {
    // EF BB BF is the UTF-8 byte-order mark; C3 AB is "ë".
    expect(decodeBytes(bytes(0xef, 0xbb, 0xbf, 'Zo', 0xc3, 0xab))).toEqual({
      text: 'Zoë',
      encoding: 'utf-8',
      encodingSource: 'byte-order-mark',
      issues: [],
      notice: null,
    });
    expect(decodeBytes(utf8('id\nZoë'))).toMatchObject({ text: 'id\nZoë', encodingSource: 'default' });
    // An empty file is empty UTF-8 text.
    expect(decodeBytes(new Uint8Array(0))).toMatchObject({ text: '', encoding: 'utf-8', issues: [] });
  });

  it('keeps Zoë and Zoé two names in a Windows-1252 file, and says how it was read', () => {
    // Windows-1252 writes ë as 0xEB and é as 0xE9: neither is UTF-8 (each would lead a two- or three-byte
    // sequence, and is followed by a comma), and the file has no UTF-8 sequence at all.
    const decoded = decodeBytes(bytes('id,name\r\nR-1,Zo', 0xeb, '\r\nR-2,Zo', 0xe9, '\r\n'));
    expect(decoded.text).toBe('id,name\r\nR-1,Zoë\r\nR-2,Zoé\r\n');
    expect(decoded).toMatchObject({ encoding: 'windows-1252', encodingSource: 'detected', issues: [] });
    // The first byte that is not UTF-8 is on line 2.
    expect(decoded.notice).toBe(
      'read as Windows-1252 (what Excel\'s "CSV (Comma delimited)" writes): line 2 has a byte that is not UTF-8 (0xEB, read as "R-1,Zoë"), and no line has UTF-8 text. If names look wrong, save the file as "CSV UTF-8" or give its encoding',
    );
    expect(decoded.text).not.toContain('\ufffd');
  });

  it('reads Windows-1252 bytes 0x80 to 0x9F as Windows-1252, not ISO-8859-1', () => {
    // 0x80 is €, 0x92 is ’, 0x96 is –, 0x9C is œ in Windows-1252 (WHATWG index); Node 20's own TextDecoder reads
    // them as the control characters U+0080, U+0092… (nodejs/node#60888).
    expect(decodeBytes(bytes("O'Brien ", 0x80, 0x92, 0x96, 0x9c)).text).toBe("O'Brien €’–œ");
  });

  it('refuses a byte that Windows-1252 leaves undefined, naming its line', () => {
    // 0x81 is neither UTF-8 (a continuation byte with no lead) nor a character of Windows-1252. Line 3: two CRLF
    // line ends before it.
    const decoded = decodeBytes(bytes('a\r\nb\r\nc', 0x81));
    expect(decoded.issues).toEqual([
      {
        code: 'invalid_encoding',
        severity: 'error',
        row: 3,
        field: null,
        value: 'c<81>',
        message:
          'line 3 has the byte 0x81 (in "c<81>"), which is not a character in Windows-1252 nor, in that place, in UTF-8: save the file again as UTF-8 ("CSV UTF-8" in Excel)',
      },
    ]);
  });

  it('counts lines by the first kind of line end, as csv-parse does: LF or CRLF, or CR alone', () => {
    const lineOf = (...parts: (string | number)[]) => decodeBytes(bytes(...parts, 0x81)).issues[0]?.row;
    // LF, and CRLF: each LF ends a line.
    expect(lineOf('a\nb\nc')).toBe(3);
    expect(lineOf('a\r\nb\r\nc')).toBe(3);
    // CR alone (old Mac exports): each CR ends a line, also when the first is the last character before the byte.
    expect(lineOf('a\rb\rc')).toBe(3);
    expect(lineOf('a\rb\r')).toBe(3);
    // After a first LF, a CR alone inside a value is not a line end.
    expect(lineOf('a\nb\rc')).toBe(2);
  });

  it('refuses a file that mixes UTF-8 text with bytes that are not UTF-8, naming the first line of each', () => {
    // Line 2 is UTF-8 (C3 AB, "ë"), line 3 Windows-1252 (E9, "é"): read either way, one name is wrong.
    const utf8First = decodeBytes(bytes('id\nZo', 0xc3, 0xab, '\nZo', 0xe9, '\n'), { file: 'joined.csv' });
    expect(utf8First.issues).toEqual([
      {
        code: 'invalid_encoding',
        severity: 'error',
        row: 2,
        field: null,
        value: 'Zoë',
        message:
          'line 2 has UTF-8 text ("Zoë"), but line 3 has a byte that is not UTF-8 (0xE9, in "Zo<E9>"): the file mixes two encodings (a damaged or joined export), and either reading would change some names. Save it again as UTF-8 ("CSV UTF-8" in Excel), or give its encoding if you know it',
        file: 'joined.csv',
      },
    ]);
    // The other way round: Windows-1252 first (line 2), then UTF-8 (line 4).
    const windowsFirst = decodeBytes(bytes('id\nZo', 0xe9, '\nAl\nZo', 0xc3, 0xab, '\n'));
    expect(windowsFirst.encoding).toBe('windows-1252');
    expect(windowsFirst.issues).toMatchObject([
      {
        row: 2,
        value: 'Zo<E9>',
        message: expect.stringMatching(
          /^line 2 has a byte that is not UTF-8 \(0xE9, in "Zo<E9>"\), but line 4 has UTF-8 text \("Zoë"\): the file mixes two encodings/,
        ),
      },
    ]);
  });

  it('decodes UTF-16 in either byte order after its byte-order mark', () => {
    const text = 'id,name\r\nR-1,Zoë\r\n';
    expect(decodeBytes(Uint8Array.from([0xff, 0xfe, ...utf16(text, true)]))).toEqual({
      text,
      encoding: 'utf-16le',
      encodingSource: 'byte-order-mark',
      issues: [],
      notice: null,
    });
    expect(decodeBytes(Uint8Array.from([0xfe, 0xff, ...utf16(text, false)]))).toMatchObject({
      text,
      encoding: 'utf-16be',
    });
  });

  it('refuses UTF-16 with half a character pair or an odd last byte', () => {
    // D800 opens a surrogate pair; "A" (0041) cannot close it.
    const lone = decodeBytes(Uint8Array.from([0xff, 0xfe, ...utf16('id\n', true), 0x00, 0xd8, 0x41, 0x00]));
    expect(lone.issues).toMatchObject([{ code: 'invalid_encoding', row: 2, value: '<D800>' }]);
    expect(lone.issues[0]?.message).toBe(
      'line 2 has 0xD800, half of a character pair, which is not UTF-16LE (in "<D800>"), but its byte-order mark says UTF-16LE: save the file again as UTF-8',
    );
    // Five bytes after the mark: two characters and half of one.
    const odd = decodeBytes(Uint8Array.from([0xfe, 0xff, 0x00, 0x41, 0x00, 0x42, 0x00]));
    expect(odd.issues[0]?.message).toBe(
      'the file ends with half a UTF-16BE character (an odd number of bytes, last 0x00), but its byte-order mark says UTF-16BE: it was cut short or is not UTF-16BE',
    );
  });

  it('reads the encoding it is told, and refuses bytes that encoding cannot read', () => {
    // Forced UTF-8: 0xE9 cannot be read, and is refused rather than read as U+FFFD silently.
    const forced = decodeBytes(bytes('Zo', 0xe9), { encoding: 'utf-8' });
    expect(forced).toMatchObject({ encoding: 'utf-8', encodingSource: 'option' });
    expect(forced.issues).toMatchObject([
      {
        code: 'invalid_encoding',
        severity: 'error',
        row: 1,
        value: 'Zo<E9>',
        message:
          'line 1 has a byte that is not UTF-8 (0xE9, in "Zo<E9>"), but encoding utf-8 was asked: save the file again as UTF-8 ("CSV UTF-8" in Excel), or give its real encoding',
      },
    ]);
    // Forced Windows-1252: C3 AB is read as the two characters "Ã«", as asked, with no check.
    expect(decodeBytes(bytes('Zo', 0xc3, 0xab), { encoding: 'windows-1252' })).toMatchObject({
      text: 'ZoÃ«',
      encodingSource: 'option',
      issues: [],
    });
    // Forced UTF-16LE without a byte-order mark: 5A 00 6F 00 is "Zo".
    expect(decodeBytes(bytes('Z', 0, 'o', 0), { encoding: 'utf-16le' }).text).toBe('Zo');
  });

  it('refuses an encoding asked for that contradicts the byte-order mark', () => {
    const decoded = decodeBytes(Uint8Array.from([0xff, 0xfe, ...utf16('id', true)]), { encoding: 'utf-8' });
    expect(decoded.issues).toEqual([
      {
        code: 'invalid_encoding',
        severity: 'error',
        row: 1,
        field: null,
        value: null,
        message:
          'the file starts with the byte-order mark of UTF-16LE, but encoding utf-8 was asked: leave the encoding to the file, or save it again in the encoding you meant',
      },
    ]);
  });

  it('refuses a UTF-8 byte-order mark followed by bytes that are not UTF-8', () => {
    const decoded = decodeBytes(bytes(0xef, 0xbb, 0xbf, 'id\nZo', 0xe9));
    expect(decoded.issues[0]).toMatchObject({ row: 2, value: 'Zo<E9>' });
    expect(decoded.issues[0]?.message).toContain('but its byte-order mark says UTF-8');
  });
});

describe('readXmlDeclaration', () => {
  it('reads the encoding a declaration names, as browsers read it', () => {
    const declared = (encoding: string) =>
      readXmlDeclaration(utf8(`<?xml version="1.0" encoding="${encoding}" standalone="yes"?>\n<Message/>`));
    expect(declared('windows-1252')).toEqual({ declared: 'windows-1252', encoding: 'windows-1252' });
    expect(declared('ISO-8859-1')).toEqual({ declared: 'ISO-8859-1', encoding: 'windows-1252' });
    expect(declared('UTF-8')).toEqual({ declared: 'UTF-8', encoding: 'utf-8' });
    // ISO-8859-15 (with the euro at 0xA4) is not read; UTF-16 in one-byte text cannot be.
    expect(declared('ISO-8859-15')).toEqual({ declared: 'ISO-8859-15', encoding: null });
    expect(declared('UTF-16')).toEqual({ declared: 'UTF-16', encoding: null });
  });

  it('reads a declaration written in UTF-16, with or without a byte-order mark', () => {
    const declaration = "<?xml version='1.0' encoding='UTF-16'?><Message/>";
    expect(readXmlDeclaration(Uint8Array.from([0xfe, 0xff, ...utf16(declaration, false)]))).toEqual({
      declared: 'UTF-16',
      encoding: 'utf-16be',
    });
    expect(readXmlDeclaration(utf16(declaration, true))).toEqual({
      declared: 'UTF-16',
      encoding: 'utf-16le',
    });
  });

  it('gives null without a declaration, and UTF-8 for one that names no encoding', () => {
    expect(readXmlDeclaration(utf8('<Message/>'))).toBeNull();
    expect(readXmlDeclaration(utf8(' <?xml version="1.0"?>'))).toBeNull();
    expect(readXmlDeclaration(utf8('<?xml version="1.0"?><Message/>'))).toEqual({
      declared: null,
      encoding: 'utf-8',
    });
  });
});

describe('decodeBytes with xml', () => {
  const declared = (encoding: string, ...body: (string | number)[]) =>
    bytes(`<?xml version="1.0" encoding="${encoding}"?>\n<a>`, ...body, '</a>');

  it('honours the declaration', () => {
    // 0xEB is ë in Windows-1252.
    expect(decodeBytes(declared('windows-1252', 'Zo', 0xeb), { xml: true })).toMatchObject({
      text: '<?xml version="1.0" encoding="windows-1252"?>\n<a>Zoë</a>',
      encoding: 'windows-1252',
      encodingSource: 'xml-declaration',
      issues: [],
    });
    // Without the xml option, the same bytes are detected as Windows-1252 from the byte itself.
    expect(decodeBytes(declared('windows-1252', 'Zo', 0xeb)).encodingSource).toBe('detected');
  });

  it('refuses bytes the declared encoding cannot read', () => {
    const decoded = decodeBytes(declared('UTF-8', 'Zo', 0xeb), { xml: true });
    expect(decoded.issues).toMatchObject([{ code: 'invalid_encoding', row: 2, value: '<a>Zo<EB>' }]);
    expect(decoded.issues[0]?.message).toContain('but its XML declaration says "UTF-8"');
    // UTF-8 text in a file declared Windows-1252 is refused too: the declaration is wrong, or the file is mixed.
    const utf8Text = decodeBytes(declared('windows-1252', 'Zo', 0xc3, 0xab), { xml: true });
    expect(utf8Text.issues[0]?.message).toBe(
      'line 2 has UTF-8 text ("<a>Zoë"), but its XML declaration says "windows-1252": if the declaration is wrong, correct it; if it is right, force the encoding windows-1252',
    );
    // Forced, the declared encoding is read as asked.
    expect(
      decodeBytes(declared('windows-1252', 'Zo', 0xc3, 0xab), { xml: true, encoding: 'windows-1252' }).text,
    ).toContain('ZoÃ«');
  });

  it('refuses a declaration that contradicts the byte-order mark, the option, or the bytes', () => {
    const issue = (input: Uint8Array, options: DecodeOptions = {}) =>
      decodeBytes(input, { xml: true, ...options }).issues[0]?.message;
    expect(issue(Uint8Array.from([0xef, 0xbb, 0xbf, ...declared('windows-1252', 'Zo')]))).toBe(
      'its XML declaration says "windows-1252", but the file is written in UTF-8, as its byte-order mark says: correct the declaration, or save the file again in the encoding it declares',
    );
    expect(issue(declared('windows-1252', 'Zo'), { encoding: 'utf-8' })).toBe(
      'its XML declaration says "windows-1252", but encoding utf-8 was asked: correct the declaration, or leave the encoding to it',
    );
    expect(issue(declared('UTF-16', 'Zo'))).toBe(
      'its XML declaration says "UTF-16", but the file is written with one byte a character, not in UTF-16: correct the declaration, or save the file again in the encoding it declares',
    );
    expect(issue(declared('ISO-8859-15', 'Zo'))).toBe(
      'its XML declaration says "ISO-8859-15", an encoding the library does not read (it reads UTF-8, UTF-16, Windows-1252 and ISO-8859-1): save the file again as UTF-8, with encoding="UTF-8" in its declaration',
    );
  });

  it('reads UTF-16 XML by its byte-order mark or by its declaration', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><a>Zoë</a>';
    expect(decodeBytes(Uint8Array.from([0xff, 0xfe, ...utf16(xml, true)]), { xml: true })).toMatchObject({
      text: xml,
      encoding: 'utf-16le',
      encodingSource: 'byte-order-mark',
    });
    expect(decodeBytes(utf16(xml, false), { xml: true })).toMatchObject({
      text: xml,
      encoding: 'utf-16be',
      encodingSource: 'xml-declaration',
      issues: [],
    });
  });
});

describe('createByteDecoder', () => {
  it('says when the text it gave is all ASCII, and only then', () => {
    // Read as UTF-8, a chunk of bytes below 0x80 gives as many characters as bytes: ASCII, which the CSV lane need
    // not search. A chunk with "ë" (C3 AB: two bytes, one character) is not; nor is one read as Windows-1252
    // (one character to each byte, 0xE9 "é" among them), nor the text before the first chunk is decided.
    const decoder = createByteDecoder();
    expect(decoder.lastAscii).toBe(false);
    decoder.write(bytes('id,childId\n'));
    expect(decoder.lastAscii).toBe(true);
    expect(decoder.write(bytes('Zo', 0xc3, 0xab, ',\n'))).toBe('Zoë,\n');
    expect(decoder.lastAscii).toBe(false);
    decoder.write(bytes('IA1,C1\n'));
    expect(decoder.lastAscii).toBe(true);
    // A chunk cut inside "ë": what is given ("Zo") is ASCII; the rest comes with the next chunk, which is not.
    expect(decoder.write(bytes('Zo', 0xc3))).toBe('Zo');
    expect(decoder.lastAscii).toBe(true);
    expect(decoder.write(bytes(0xab, ','))).toBe('ë,');
    expect(decoder.lastAscii).toBe(false);
    const windows = createByteDecoder({ encoding: 'windows-1252' });
    expect(windows.write(bytes('Ren', 0xe9, '\n'))).toBe('René\n');
    expect(windows.lastAscii).toBe(false);
    expect(windows.write(bytes('IA1,C1\n'))).toBe('IA1,C1\n');
    expect(windows.lastAscii).toBe(false);
  });

  it('waits for the rest of a character cut between two chunks', () => {
    // "ë" is C3 AB: the chunk ending in C3 gives "Zo", the next gives "ë"; the file stays UTF-8.
    const decoder = createByteDecoder();
    expect(decoder.write(bytes('Zo', 0xc3))).toBe('Zo');
    expect(decoder.encoding).toBeUndefined();
    expect(decoder.write(bytes(0xab, ','))).toBe('ë,');
    // After a UTF-8 sequence, the file can only be UTF-8: the encoding is known before the end.
    expect(decoder.encoding).toBe('utf-8');
    expect(decoder.end()).toBe('');
    expect(decoder.result()).toEqual({
      encoding: 'utf-8',
      encodingSource: 'default',
      issues: [],
      notice: null,
    });
  });

  it('switches to Windows-1252 at the first byte that is not UTF-8, if it has seen no UTF-8 sequence', () => {
    const decoder = createByteDecoder();
    expect(decoder.write(utf8('id,name\nR-1,Zo'))).toBe('id,name\nR-1,Zo');
    expect(decoder.encoding).toBeUndefined();
    expect(decoder.write(bytes(0xeb, '\n'))).toBe('ë\n');
    expect(decoder.encoding).toBe('windows-1252');
    // Cut after a byte that may lead a UTF-8 sequence: C3 then A9 is "é" in UTF-8, and the file is mixed.
    expect(decoder.write(bytes('Zo', 0xc3))).toBe('Zo');
    decoder.write(bytes(0xa9));
    decoder.end();
    expect(decoder.result().issues).toMatchObject([{ code: 'invalid_encoding', row: 2 }]);
  });

  it('refuses an incomplete UTF-8 sequence at the end of the file', () => {
    // E2 82 begins "€" (E2 82 AC) and the file ends: a UTF-8 sequence was seen (C3 AB), so the file is refused.
    const decoder = createByteDecoder();
    decoder.write(bytes('Zo', 0xc3, 0xab, '\n', 0xe2, 0x82));
    decoder.end();
    expect(decoder.result().issues).toMatchObject([
      {
        code: 'invalid_encoding',
        severity: 'error',
        row: 1,
        message: expect.stringContaining('line 2 has a byte that is not UTF-8 (0xE2'),
      },
    ]);
  });

  it('is used in order: write, end, result', () => {
    const decoder = createByteDecoder();
    expect(() => decoder.result()).toThrow(TypeError);
    decoder.end();
    expect(() => decoder.write(bytes('a'))).toThrow(TypeError);
    expect(() => decoder.end()).toThrow(TypeError);
  });
});

// Bytes likely to meet each rule: ASCII and line ends, UTF-8 leads and continuations, Windows-1252 letters, the
// bytes it leaves undefined, byte-order marks and the start of an XML declaration.
const interestingByte = fc.oneof(
  fc.constantFrom(0x0a, 0x0d, 0x2c, 0x41, 0x61, 0x00, 0x3c, 0x3f, 0x3e),
  fc.constantFrom(0xc3, 0xab, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x90, 0xed, 0xa0),
  fc.constantFrom(0xe9, 0xeb, 0x80, 0x92, 0x81, 0x8d, 0xef, 0xbb, 0xbf, 0xff, 0xfe, 0xd8, 0xdc),
  fc.integer({ min: 0, max: 255 }),
);
const someBytes = fc.oneof(
  fc.array(interestingByte, { maxLength: 60 }).map((list) => Uint8Array.from(list)),
  fc.uint8Array({ maxLength: 60 }),
  fc
    .tuple(
      fc.constantFrom('<?xml version="1.0" encoding="windows-1252"?>', '\ufeffid,name\n', 'Zoë,'),
      fc.uint8Array({ maxLength: 20 }),
    )
    .map(([text, tail]) => Uint8Array.from([...utf8(text), ...tail])),
);
const someOptions = fc.record(
  { encoding: fc.constantFrom(...textEncodings), xml: fc.boolean() },
  { requiredKeys: [] },
);

describe('decodeStream', () => {
  it('gives the text as it comes, and the same result as decodeBytes', async () => {
    const input = bytes('id,name\r\nR-1,Zo', 0xeb, '\r\nR-2,Zo', 0xe9, '\r\n');
    const chunks = cutAt(input, [3, 16, 17, 18]);
    expect(await decodeChunks(chunks)).toEqual(decodeBytes(input));
  });

  it('gives, for any bytes cut anywhere, what decodeBytes gives for them whole', async () => {
    await fc.assert(
      fc.asyncProperty(
        someBytes,
        fc.array(fc.nat(), { maxLength: 8 }),
        someOptions,
        async (input, offsets, options) => {
          const whole = decodeBytes(input, options);
          expect(await decodeChunks(cutAt(input, offsets), options)).toEqual(whole);
          // One byte at a time too.
          expect(await decodeChunks(cutAt(input, [...input.keys()]), options)).toEqual(whole);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never gives U+FFFD without an issue, unless the bytes spelled U+FFFD', () => {
    fc.assert(
      fc.property(someBytes, someOptions, (input, options) => {
        const decoded = decodeBytes(input, options);
        // U+FFFD in UTF-8 (EF BF BD) or UTF-16 (FD FF, FF FD).
        const held = Buffer.from(input);
        const spelled = [
          [0xef, 0xbf, 0xbd],
          [0xfd, 0xff],
          [0xff, 0xfd],
        ].some((spelling) => held.includes(Buffer.from(spelling)));
        if (decoded.issues.length === 0 && !spelled) expect(decoded.text).not.toContain('\ufffd');
        // At most one issue, and only invalid_encoding.
        expect(decoded.issues.length).toBeLessThanOrEqual(1);
        for (const issue of decoded.issues) expect(issue.code).toBe('invalid_encoding');
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the text only once', async () => {
    async function* one() {
      yield bytes('a');
    }
    const decoding = decodeStream(one());
    for await (const _ of decoding) {
      // read it
    }
    await expect(async () => {
      for await (const _ of decoding) {
        // again
      }
    }).rejects.toThrow(TypeError);
  });
});
