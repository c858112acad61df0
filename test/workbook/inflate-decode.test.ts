import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkbookError } from '../../src/workbook/errors.js';
import { PartDecoder } from '../../src/workbook/part-text.js';
import {
  inflateWithStream,
  listZipEntries,
  platformInflater,
  type RawInflater,
  unzipEntry,
} from '../../src/workbook/zip-read.js';
import { ZipWriter } from '../../src/workbook/zip-write.js';
import { cutAt } from '../helpers/pieces.js';
import { fixtureBytes } from './helpers.js';

/** The text a fresh decoder gives for the pieces, in order, then its end. */
function decoded(pieces: readonly Uint8Array[]): string {
  const decoder = new PartDecoder('xl/worksheets/sheet1.xml');
  let text = '';
  for (const piece of pieces) text += decoder.decode(piece);
  return text + decoder.end();
}

/** The error decoding the pieces throws. */
function decodeError(pieces: readonly Uint8Array[]): unknown {
  try {
    decoded(pieces);
  } catch (error) {
    return error;
  }
  throw new Error('expected the pieces to be refused');
}

const utf8 = new TextEncoder();

describe('PartDecoder', () => {
  it('gives the text of UTF-8 cut at any byte, a character cut by a piece held back for the next', () => {
    // 'ë' is 2 bytes, '–' 3, '😀' 4: every cut inside them must hold the first bytes back.
    const text = '<t>Zoë – 😀 Smith &amp; Jones</t>';
    const bytes = utf8.encode(text);
    for (let cut = 0; cut <= bytes.length; cut++) expect(decoded(cutAt(bytes, [cut]))).toBe(text);
    // Every byte a piece of its own.
    expect(decoded(cutAt(bytes, [...bytes.keys()]))).toBe(text);
  });

  it('gives the same text as one decode of the whole, however the bytes are cut (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.array(fc.nat({ max: 400 }), { maxLength: 12 }),
        (text, cuts) => {
          const bytes = utf8.encode(text);
          expect(
            decoded(
              cutAt(
                bytes,
                cuts.filter((cut) => cut <= bytes.length),
              ),
            ),
          ).toBe(text);
        },
      ),
    );
  });

  it('drops a byte-order mark at the start of the part only, even when it comes a byte at a time', () => {
    const bom = [0xef, 0xbb, 0xbf];
    // BOM 'a' BOM 'b': the second U+FEFF is a character of the text (it starts the second piece).
    const bytes = new Uint8Array([...bom, 0x61, ...bom, 0x62]);
    expect(decoded(cutAt(bytes, [4]))).toBe('a\ufeffb');
    expect(decoded(cutAt(bytes, [1, 2, 3]))).toBe('a\ufeffb');
  });

  it('refuses bytes that are not UTF-8, naming the part', () => {
    // 0xE9 alone is Latin-1's 'é', not UTF-8: refused in the piece it is in, cut or not.
    const bytes = new Uint8Array([0x3c, 0x74, 0x3e, 0x5a, 0x6f, 0xe9, 0x3c]);
    for (const cuts of [[], [5], [6]]) {
      const error = decodeError(cutAt(bytes, cuts));
      expect(error).toBeInstanceOf(WorkbookError);
      expect((error as Error).message).toMatch(
        /^its part xl\/worksheets\/sheet1\.xml is not text in the encoding it declares \(/,
      );
    }
  });

  it('refuses a part that ends inside a character', () => {
    // The first two of the three bytes of '–' (E2 80 93), held back, and then the part ends.
    const error = decodeError([new Uint8Array([0x61, 0xe2, 0x80])]);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as Error).message).toMatch(/is not text in the encoding it declares/);
  });

  it('reads UTF-16 with its byte-order mark, little- or big-endian, cut anywhere', () => {
    const text = '<t>Zoë 😀</t>';
    const units = [...text].flatMap((character) => {
      const codes: number[] = [];
      for (let i = 0; i < character.length; i++) codes.push(character.charCodeAt(i));
      return codes;
    });
    const little = new Uint8Array([0xff, 0xfe, ...units.flatMap((unit) => [unit & 0xff, unit >> 8])]);
    const big = new Uint8Array([0xfe, 0xff, ...units.flatMap((unit) => [unit >> 8, unit & 0xff])]);
    for (const bytes of [little, big]) {
      for (let cut = 0; cut <= bytes.length; cut++) expect(decoded(cutAt(bytes, [cut]))).toBe(text);
    }
  });
});

/** A zip holding one deflated entry of `text`. */
async function zipOf(text: string): Promise<Uint8Array> {
  const zip = new ZipWriter();
  await zip.add('xl/worksheets/sheet1.xml', [text]);
  return zip.finish();
}

/** The bytes of every entry, each as the pieces the inflater gives, or the message it is refused with. */
async function unzipped(bytes: Uint8Array, inflate: RawInflater): Promise<(Uint8Array[] | string)[]> {
  const results: (Uint8Array[] | string)[] = [];
  for (const entry of listZipEntries(bytes)) {
    const pieces: Uint8Array[] = [];
    try {
      for await (const piece of unzipEntry(bytes, entry, inflate)) pieces.push(piece.slice());
      results.push(pieces);
    } catch (error) {
      expect(error).toBeInstanceOf(WorkbookError);
      results.push((error as Error).message);
    }
  }
  return results;
}

/** The pieces joined, as text (a byte a character: a deep comparison of large byte arrays is slow), or the message. */
function joined(pieces: Uint8Array[] | string): string {
  if (typeof pieces === 'string') return pieces;
  const latin1 = new TextDecoder('latin1');
  return pieces.map((piece) => latin1.decode(piece)).join('');
}

describe('unzipEntry', () => {
  it("inflates with Node's zlib in pieces larger than DecompressionStream's, to the same bytes", async () => {
    // 3 MB of sheet XML: DecompressionStream gives it in pieces of at most 16 KB in Node; zlib in pieces of 1 MB.
    const row = (n: number) =>
      `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>C${n * 7919}</t></is></c></row>`;
    const text = Array.from({ length: 40_000 }, (_, n) => row(n + 1)).join('');
    const bytes = await zipOf(text);
    const byZlib = await unzipped(bytes, platformInflater());
    const byStream = await unzipped(bytes, inflateWithStream);
    expect(byZlib.map(joined)).toEqual(byStream.map(joined));
    expect(joined(byZlib[0] as Uint8Array[])).toBe(text);
    const largest = (pieces: Uint8Array[] | string) =>
      Math.max(...(pieces as Uint8Array[]).map((p) => p.length));
    expect(largest(byStream[0] as Uint8Array[])).toBeLessThanOrEqual(1 << 16);
    expect(largest(byZlib[0] as Uint8Array[])).toBe(1 << 20);
  });

  it('gives the same bytes, by either inflater, for every part of a workbook Excel saved', async () => {
    const bytes = fixtureBytes('presets/annex-a.xlsx');
    const byZlib = await unzipped(bytes, platformInflater());
    expect(byZlib.length).toBeGreaterThan(5);
    // Every part read (a message would be a string), and the same bytes both ways.
    expect(byZlib.every((entry) => Array.isArray(entry))).toBe(true);
    expect(byZlib.map(joined)).toEqual((await unzipped(bytes, inflateWithStream)).map(joined));
  });

  it('refuses a deflated part that is damaged or cut short, by either inflater', async () => {
    const text = Array.from({ length: 5000 }, (_, n) => `<c r="A${n}"><v>${n * n}</v></c>`).join('');
    const bytes = await zipOf(text);
    const [entry] = listZipEntries(bytes);
    if (entry === undefined) throw new Error('no entry');
    // The local header: 30 bytes, then the name and an extra field whose lengths it gives at 26 and 28.
    const u16 = (at: number) => (bytes[at] as number) | ((bytes[at + 1] as number) << 8);
    const dataStart = entry.offset + 30 + u16(entry.offset + 26) + u16(entry.offset + 28);
    // Bytes zeroed in the middle of the deflated data; and the directory's size kept while the data is cut short
    // (its last half zeroed, as a download cut short and padded would leave it).
    const zeroed = bytes.slice();
    zeroed.fill(0, dataStart + 40, dataStart + 80);
    const cut = bytes.slice();
    cut.fill(0, dataStart + Math.floor(entry.compressedSize / 2), dataStart + entry.compressedSize);
    for (const damaged of [zeroed, cut]) {
      for (const inflate of [platformInflater(), inflateWithStream]) {
        const [result] = await unzipped(damaged, inflate);
        expect(result).toMatch(/^its part xl\/worksheets\/sheet1\.xml is damaged/);
      }
    }
  });
});
