import { crc32, deflateSync, inflateSync } from 'node:zlib';

/** An image as rows of 8-bit RGB pixels, three bytes a pixel, row after row. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
}

/** The eight bytes every PNG starts with. */
export const PNG_SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);

/** The PNG filter's Paeth predictor. */
function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const fromLeft = Math.abs(estimate - left);
  const fromUp = Math.abs(estimate - up);
  const fromUpLeft = Math.abs(estimate - upLeft);
  if (fromLeft <= fromUp && fromLeft <= fromUpLeft) return left;
  return fromUp <= fromUpLeft ? up : upLeft;
}

/**
 * Reads a PNG as Chromium's screenshots and {@link palettePng} write it: 8 bits a channel, RGB, RGBA (the alpha
 * dropped: a screenshot is opaque) or a palette, not interlaced.
 * @throws {Error} for any other PNG, naming what it is.
 */
export function decodePng(png: Uint8Array): RgbImage {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG: the signature is missing');
  let width = 0;
  let height = 0;
  let channels = 0;
  let palette: Buffer | undefined;
  const data: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colourType, , , interlace] = body.subarray(8, 13);
      channels = colourType === 2 ? 3 : colourType === 6 ? 4 : colourType === 3 ? 1 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) {
        throw new Error(
          `a PNG of depth ${depth}, colour type ${colourType}, interlace ${interlace}: not a screenshot`,
        );
      }
    }
    if (type === 'PLTE') palette = body;
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const filtered = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = filtered[y * (stride + 1)];
    const line = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? (pixels[row + x - channels] ?? 0) : 0;
      const up = y > 0 ? (pixels[row - stride + x] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (pixels[row - stride + x - channels] ?? 0) : 0;
      const predicted =
        filter === 0
          ? 0
          : filter === 1
            ? left
            : filter === 2
              ? up
              : filter === 3
                ? (left + up) >> 1
                : filter === 4
                  ? paeth(left, up, upLeft)
                  : Number.NaN;
      if (Number.isNaN(predicted))
        throw new Error(`row ${y} has filter ${filter}, which PNG does not define`);
      pixels[row + x] = ((filtered[line + x] ?? 0) + predicted) & 255;
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let pixel = 0; pixel < width * height; pixel++) {
    if (channels > 1) rgb.set(pixels.subarray(pixel * channels, pixel * channels + 3), pixel * 3);
    else {
      const index = pixels[pixel] ?? 0;
      if (palette === undefined || index * 3 + 3 > palette.length) {
        throw new Error(`pixel ${pixel} has palette index ${index}, which the PLTE chunk does not hold`);
      }
      rgb.set(palette.subarray(index * 3, index * 3 + 3), pixel * 3);
    }
  }
  return { width, height, rgb };
}

/** One PNG chunk: length, type, body, CRC-32 of type and body. */
export function pngChunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  out.set(body, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

/**
 * The image as a palette PNG of at most `colours` colours: the most frequent colours of the image (ties by the
 * colour's value, so the same image gives the same bytes), every other pixel drawn in the nearest of them by RGB
 * distance. A page's screenshot is a few flat colours and the grey edges of its text, so the palette keeps the text
 * as it was and the file is a third of the size of Chromium's true-colour PNG. An image of `colours` colours or
 * fewer is kept exactly.
 */
export function palettePng(image: RgbImage, colours = 256): Buffer {
  if (!Number.isInteger(colours) || colours < 1 || colours > 256) {
    throw new RangeError(`a palette holds 1 to 256 colours, not ${colours}`);
  }
  const { width, height, rgb } = image;
  const colourAt = (pixel: number) =>
    ((rgb[pixel * 3] ?? 0) << 16) | ((rgb[pixel * 3 + 1] ?? 0) << 8) | (rgb[pixel * 3 + 2] ?? 0);
  const counts = new Map<number, number>();
  for (let pixel = 0; pixel < width * height; pixel++) {
    const colour = colourAt(pixel);
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  const palette = [...counts]
    .sort(([colourA, countA], [colourB, countB]) => countB - countA || colourA - colourB)
    .slice(0, colours)
    .map(([colour]) => colour);
  const indexOf = new Map(palette.map((colour, index) => [colour, index]));
  const nearest = (colour: number) => {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const [index, candidate] of palette.entries()) {
      const distance =
        ((colour >> 16) - (candidate >> 16)) ** 2 +
        (((colour >> 8) & 255) - ((candidate >> 8) & 255)) ** 2 +
        ((colour & 255) - (candidate & 255)) ** 2;
      if (distance < bestDistance) [best, bestDistance] = [index, distance];
    }
    return best;
  };
  // Each row: filter 0 (none), then one palette index a pixel.
  const rows = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = colourAt(y * width + x);
      let index = indexOf.get(colour);
      if (index === undefined) {
        index = nearest(colour);
        indexOf.set(colour, index);
      }
      rows[y * (width + 1) + 1 + x] = index;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits an index, colour type 3 (palette), deflate, filters, not interlaced
  const entries = new Uint8Array(palette.length * 3);
  for (const [index, colour] of palette.entries())
    entries.set([colour >> 16, (colour >> 8) & 255, colour & 255], index * 3);
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('PLTE', entries),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}
