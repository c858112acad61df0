/**
 * Writing a zip archive: each entry deflated by the platform's `CompressionStream('deflate-raw')` as its bytes
 * come, with its CRC-32; fixed times (1980-01-01), so that the same workbook always gives the same bytes.
 * @module
 */
import { updateCrc32 } from './crc32.js';

interface WrittenEntry {
  readonly name: Uint8Array;
  readonly crc32: number;
  readonly size: number;
  readonly compressedSize: number;
  readonly offset: number;
}

/** The DOS date of 1980-01-01 (day 1, month 1, year 0 from 1980) and the time 00:00. */
const DOS_DATE = (1 << 5) | 1;
const DOS_TIME = 0;
/** Flag bit 11: the names are UTF-8. */
const UTF8_NAMES = 0x0800;
const LIMIT = 0xffff_ffff;

/** Builds a zip archive entry by entry: see {@link ZipWriter.add}. */
export class ZipWriter {
  private readonly parts: Uint8Array[] = [];
  private readonly entries: WrittenEntry[] = [];
  private offset = 0;
  private readonly encoder = new TextEncoder();

  /**
   * Adds an entry, deflating its text as it is produced.
   * @param name - its path in the archive.
   * @param texts - its contents, in pieces of any size (joined in order), encoded as UTF-8.
   * @throws {RangeError} when the archive would pass 4 GiB (no ZIP64 is written).
   */
  async add(name: string, texts: Iterable<string>): Promise<void> {
    const stream = new CompressionStream('deflate-raw');
    const writer = stream.writable.getWriter();
    const compressed: Uint8Array[] = [];
    let compressedSize = 0;
    const reading = (async () => {
      for await (const chunk of stream.readable as unknown as AsyncIterable<Uint8Array>) {
        compressed.push(chunk);
        compressedSize += chunk.length;
      }
    })();
    let crc = 0;
    let size = 0;
    try {
      for (const text of texts) {
        const bytes = this.encoder.encode(text);
        crc = updateCrc32(crc, bytes);
        size += bytes.length;
        await writer.write(bytes);
      }
      await writer.close();
    } catch (error) {
      await writer.abort(error).catch(() => {});
      await reading.catch(() => {});
      throw error;
    }
    await reading;
    if (size > LIMIT || this.offset + compressedSize > LIMIT) {
      throw new RangeError(`Expected a workbook under 4 GiB, but ${name} alone unzips to ${size} bytes`);
    }
    const nameBytes = this.encoder.encode(name);
    const header = new Uint8Array(30 + nameBytes.length);
    const view = new DataView(header.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, 20, true);
    view.setUint16(6, UTF8_NAMES, true);
    view.setUint16(8, 8, true);
    view.setUint16(10, DOS_TIME, true);
    view.setUint16(12, DOS_DATE, true);
    view.setUint32(14, crc, true);
    view.setUint32(18, compressedSize, true);
    view.setUint32(22, size, true);
    view.setUint16(26, nameBytes.length, true);
    header.set(nameBytes, 30);
    this.entries.push({ name: nameBytes, crc32: crc, size, compressedSize, offset: this.offset });
    this.parts.push(header, ...compressed);
    this.offset += header.length + compressedSize;
  }

  /**
   * Writes the central directory and gives the archive.
   * @returns the archive's bytes.
   */
  finish(): Uint8Array {
    const directoryStart = this.offset;
    for (const entry of this.entries) {
      const record = new Uint8Array(46 + entry.name.length);
      const view = new DataView(record.buffer);
      view.setUint32(0, 0x02014b50, true);
      view.setUint16(4, 20, true);
      view.setUint16(6, 20, true);
      view.setUint16(8, UTF8_NAMES, true);
      view.setUint16(10, 8, true);
      view.setUint16(12, DOS_TIME, true);
      view.setUint16(14, DOS_DATE, true);
      view.setUint32(16, entry.crc32, true);
      view.setUint32(20, entry.compressedSize, true);
      view.setUint32(24, entry.size, true);
      view.setUint16(28, entry.name.length, true);
      view.setUint32(42, entry.offset, true);
      record.set(entry.name, 46);
      this.parts.push(record);
      this.offset += record.length;
    }
    const end = new Uint8Array(22);
    const view = new DataView(end.buffer);
    view.setUint32(0, 0x06054b50, true);
    view.setUint16(8, this.entries.length, true);
    view.setUint16(10, this.entries.length, true);
    view.setUint32(12, this.offset - directoryStart, true);
    view.setUint32(16, directoryStart, true);
    this.parts.push(end);
    const archive = new Uint8Array(this.offset + end.length);
    let at = 0;
    for (const part of this.parts) {
      archive.set(part, at);
      at += part.length;
    }
    return archive;
  }
}
