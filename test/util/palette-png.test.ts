import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng, PNG_SIGNATURE, palettePng, pngChunk, type RgbImage } from '../helpers/palette-png.js';

// The docs' screenshots (docs/images) are written by test/report/browser.test.ts and test/app/browser.test.ts
// through palettePng when CSI_UPDATE_DOCS_SCREENSHOT=1: these tests check that what it writes is the image.

const WHITE = [255, 255, 255];
const BLACK = [0, 0, 0];
const BLUE = [29, 112, 184]; // GOV.UK's link blue
const LIGHT_GREY = [250, 250, 250];
const DARK_GREY = [10, 10, 10];

/** An image of `width` × rows, from its pixels' colours row after row. */
function imageOf(width: number, pixels: readonly (readonly number[])[]): RgbImage {
  return { width, height: pixels.length / width, rgb: Uint8Array.from(pixels.flat()) };
}

/** A true-colour PNG by hand: each row given already filtered, its filter byte first. */
function truecolourPng(width: number, height: number, filteredRows: readonly (readonly number[])[]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Uint8Array.from(filteredRows.flat()))),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

describe('decodePng', () => {
  it('undoes each row filter of a true-colour PNG (none, sub, up, average, Paeth)', () => {
    // 2 × 5 pixels, the left pixel (10, 20, 30) and the right (40, 60, 80) on every row, each row filtered its own way:
    // none: the bytes as they are; sub (1): the right pixel minus the left, (30, 40, 50); up (2): each byte minus the
    // one above, all 0; average (3): left pixel minus half of the one above, (10 - 5, 20 - 10, 30 - 15) = (5, 10, 15),
    // right minus the mean of left and above, (40 - 25, 60 - 40, 80 - 55) = (15, 20, 25); Paeth (4): the left pixel
    // predicts from above (no left neighbour), 0; the right: estimate left + up - upLeft = up, so 0 as well.
    const png = truecolourPng(2, 5, [
      [0, 10, 20, 30, 40, 60, 80],
      [1, 10, 20, 30, 30, 40, 50],
      [2, 0, 0, 0, 0, 0, 0],
      [3, 5, 10, 15, 15, 20, 25],
      [4, 0, 0, 0, 0, 0, 0],
    ]);
    const row = [10, 20, 30, 40, 60, 80];
    expect(decodePng(png)).toEqual({
      width: 2,
      height: 5,
      rgb: Uint8Array.from([row, row, row, row, row].flat()),
    });
  });

  it('refuses a row filter PNG does not define, naming the row', () => {
    expect(() =>
      decodePng(
        truecolourPng(1, 2, [
          [0, 1, 2, 3],
          [5, 1, 2, 3],
        ]),
      ),
    ).toThrow('row 1 has filter 5');
  });

  it('refuses bytes without the PNG signature', () => {
    expect(() => decodePng(Buffer.from('GIF89a'))).toThrow('not a PNG');
  });
});

describe('palettePng', () => {
  it('keeps an image of no more colours than the palette exactly', () => {
    const image = imageOf(3, [WHITE, BLUE, BLACK, BLUE, WHITE, WHITE]);
    const png = palettePng(image);
    // Colour type 3 (palette) in the header, and a PLTE chunk of the three colours (9 bytes).
    expect(png[25]).toBe(3);
    expect(png.readUInt32BE(33)).toBe(9);
    expect(decodePng(png)).toEqual(image);
  });

  it('draws a colour left out of the palette in the nearest colour kept', () => {
    // Five white, three black, one light grey, one dark grey; a palette of two keeps the most frequent, white and
    // black. Light grey (250, 250, 250) is 5 from white on each channel and 250 from black: white. Dark grey: black.
    const image = imageOf(5, [WHITE, WHITE, LIGHT_GREY, BLACK, WHITE, DARK_GREY, BLACK, WHITE, BLACK, WHITE]);
    expect(decodePng(palettePng(image, 2))).toEqual(
      imageOf(5, [WHITE, WHITE, WHITE, BLACK, WHITE, BLACK, BLACK, WHITE, BLACK, WHITE]),
    );
  });

  it('writes the same bytes for the same image: colours of equal count in the order of their value', () => {
    const image = imageOf(2, [BLUE, WHITE, BLACK, BLUE, WHITE, BLACK]);
    const png = palettePng(image);
    expect(png.equals(palettePng(image))).toBe(true);
    // Two pixels of each: black (0x000000), then blue (0x1D70B8), then white (0xFFFFFF), the PLTE chunk from byte 41.
    expect([...png.subarray(41, 50)]).toEqual([...BLACK, ...BLUE, ...WHITE]);
  });

  it('refuses a palette of no colour or of more than 256', () => {
    const image = imageOf(1, [WHITE]);
    expect(() => palettePng(image, 0)).toThrow('a palette holds 1 to 256 colours, not 0');
    expect(() => palettePng(image, 257)).toThrow('a palette holds 1 to 256 colours, not 257');
  });
});
