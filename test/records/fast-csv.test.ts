import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSource, nodeSha256 } from '../../src/node/source.js';
import { presetLayout } from '../../src/presets/presets.js';
import { createChecker, plainRowReaderOf } from '../../src/records/check.js';
import { FastCsvLane } from '../../src/records/fast-csv.js';
import { type ReadSourceOptions, readSourceBy, readTextBy } from '../../src/records/read-source.js';
import { createShaper } from '../../src/records/shape.js';
import { kindLayout } from '../../src/records/shape-kind.js';

const dir = mkdtempSync(join(tmpdir(), 'csi-fast-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'id,childId,referralDate,completedDate,team\r\n';

/** Reads bytes written to a file, through the file's own source (read again from byte 0 when handed back). */
async function readFile(name: string, bytes: Uint8Array | string, onProgress?: (rows: number) => void) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const handle = await open(path);
  const lanes: string[] = [];
  try {
    const result = await readSourceBy(
      'initial-assessment',
      fileSource(handle, name),
      'csv',
      kindLayout('initial-assessment'),
      { createHash: nodeSha256, ...(onProgress === undefined ? {} : { onProgress }) },
      { onLane: (lane, why) => lanes.push(why === '' ? lane : `${lane}: ${why}`) },
    );
    return { result, lanes };
  } finally {
    await handle.close();
  }
}

/** `count` plain rows from row number `from`. */
function plainRows(count: number, from = 0): string {
  let text = '';
  for (let i = from; i < from + count; i++) text += `IA${i},C${i % 97},01/10/2010,05/10/2010,North\r\n`;
  return text;
}

describe('readSourceBy', () => {
  it('reads a plain UTF-8 CSV by the fast lane, with the general path’s issues for rows that are not plain', async () => {
    // Row 3 has a blank required childId, row 4 an end before its start, row 5 repeats IA0, row 6 a date in
    // another style (read the same, by parseDateCell, in the fast lane's own pass): three rejected, three accepted.
    const text = `${HEADER}IA0,C1,01/10/2010,02/10/2010,North\r\nIA1,,01/10/2010,,East\r\nIA2,C2,05/10/2010,01/10/2010,\r\nIA0,C3,01/10/2010,,\r\nIA3,C4,1 Oct 2010,,West\r\n\r\nIA4,C5,2010-10-01,,North`;
    const { result, lanes } = await readFile('plain.csv', text);
    expect(lanes).toEqual(['fast']);
    expect(result.accounting).toMatchObject({ rowsRead: 5 + 1, rowsAccepted: 3, rowsRejected: 3 });
    expect(result.issues.map((issue) => [issue.code, issue.row, issue.field])).toEqual([
      ['missing_field', 3, 'childId'],
      ['end_before_start', 4, 'completedDate'],
      ['duplicate_id', 5, 'id'],
    ]);
    expect(result.records[1]).toEqual({ id: 'IA3', childId: 'C4', referralDate: '2010-10-01', team: 'West' });
    // The blank line 7 is no row; the last row, without a final line break, is on line 8.
    expect(result.rows).toEqual([2, 6, 8]);
  });

  it('hands a file with a quoted value back to the general path, read from its first byte, with the quote read', async () => {
    // The quote is on the last of 70,000 rows: the fast lane has read all the others when it meets it. The general
    // path reads the file again; the quoted team "North, East" is one cell.
    const text = `${HEADER}${plainRows(69_999)}IA69999,C1,01/10/2010,,"North, East"\r\n`;
    const progress: number[] = [];
    const { result, lanes } = await readFile('quoted.csv', text, (rows) => progress.push(rows));
    expect(lanes).toEqual(['general: a double quote']);
    expect(result.accounting).toMatchObject({ rowsRead: 70_000, rowsAccepted: 70_000, rowsRejected: 0 });
    expect(result.records.at(-1)?.team).toBe('North, East');
    // Progress is reported once at 50,000, not again when the general path passes it.
    expect(progress).toEqual([50_000]);
    // The hash is of the file's bytes, read once over (not twice).
    expect(result.input.sha256).toBe(nodeSha256Of(text));
  });

  it('hands back a UTF-8 file with a character that is not ASCII, and keeps it', async () => {
    const { result, lanes } = await readFile(
      'accent.csv',
      `${HEADER}IA1,C1,01/10/2010,,Bromley-lès-Bains\r\n`,
    );
    expect(lanes).toEqual(['general: a character that is not ASCII']);
    expect(result.records[0]?.team).toBe('Bromley-lès-Bains');
    expect(result.input.encoding).toBe('utf-8');
  });

  it('hands back a Windows-1252 file, with the general path’s encoding and notice', async () => {
    // 0xE9 is é in Windows-1252 and not UTF-8: the decoder reads the file as Windows-1252 and says so.
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}IA1,C1,01/10/2010,,Caf`),
      Buffer.from([0xe9]),
      Buffer.from('\r\n'),
    ]);
    const { result, lanes } = await readFile('cp1252.csv', bytes);
    expect(lanes).toEqual(['general: a character that is not ASCII']);
    expect(result.records[0]?.team).toBe('Café');
    expect(result.input.encoding).toBe('windows-1252');
    expect(result.notice).toContain('Windows-1252');
  });

  it('hands back a file with a line ended by a carriage return alone', async () => {
    // An old Mac export: CR ends each line. Two rows, on lines 2 and 3.
    const { result, lanes } = await readFile(
      'cr.csv',
      'id,childId,referralDate\rIA1,C1,01/10/2010\rIA2,C2,02/10/2010\r',
    );
    expect(lanes).toEqual(['general: a line ended by a carriage return alone']);
    expect(result.rows).toEqual([2, 3]);
  });

  it('hands back a file with a row longer than the cell cap, whose cell the general path refuses', async () => {
    const long = 'x'.repeat(1_000_001);
    const { result, lanes } = await readFile(
      'long.csv',
      `${HEADER}IA1,C1,01/10/2010,,${long}\r\nIA2,C2,01/10/2010,,\r\n`,
    );
    expect(lanes).toEqual(['general: a row longer than the cell cap']);
    expect(result.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
    expect(result.issues[0]).toMatchObject({ code: 'unreadable', row: 2, field: 'team' });
  });
});

describe('FastCsvLane', () => {
  it('searches a row for what is not ASCII unless every piece of it was known to be ASCII', () => {
    // A row begun in a piece known to be ASCII, carried on in one that is not known (with "é") and has no line
    // break, and ended in one known to be ASCII: the row must still be searched, and handed back at "é". The same
    // pieces all known to be ASCII (wrongly, here) would not be searched: the decoder must only say so when true.
    const read = (flags: readonly boolean[]) => {
      const checker = createChecker('initial-assessment');
      const shape = kindLayout('initial-assessment').shape(checker);
      const plainRows = plainRowReaderOf(checker);
      if (plainRows === undefined) throw new Error('no lane');
      const lane = new FastCsvLane(createShaper(shape, checker, { header: 'first-row' }), shape, plainRows);
      const pieces = ['id,childId,referralDate\nIA1,C', '1\u00e9,01/10/', '2010\n'];
      pieces.forEach((piece, i) => {
        lane.write(piece, flags[i]);
      });
      lane.end();
      return lane;
    };
    const searched = read([true, false, true]);
    expect([searched.handedBack, searched.reason]).toEqual([true, 'a character that is not ASCII']);
    // All three unknown: searched, the same.
    expect(read([false, false, false]).reason).toBe('a character that is not ASCII');
  });
});

describe('readTextBy', () => {
  it('reads plain text by the fast lane, and text with a quote by the general path', () => {
    const layout = kindLayout('referral');
    const lanes: string[] = [];
    const onLane = (lane: string, why: string) => lanes.push(why === '' ? lane : `${lane}: ${why}`);
    const plain = readTextBy(
      'referral',
      'id,childId,referralDate\nR1,C1,01/10/2010\n',
      'csv',
      layout,
      {},
      { onLane },
    );
    const quoted = readTextBy(
      'referral',
      'id,childId,referralDate\n"R1",C1,01/10/2010\n',
      'csv',
      layout,
      {},
      { onLane },
    );
    expect(lanes).toEqual(['fast', 'general: a double quote']);
    expect(plain.records).toEqual([{ id: 'R1', childId: 'C1', referralDate: '2010-10-01' }]);
    expect(quoted.records).toEqual(plain.records);
  });

  it('reports each progress count once when the lane hands text back after 50,000 rows', () => {
    // 100,001 plain rows and a quoted one: 100,002 rows, so the general path alone reports 50,000 and 100,000. The
    // lane reads the text in 64 Ki-character pieces (about 1,400 rows each) and meets the quote in the last one,
    // having passed 50,000 rows but not 100,000; the general path then reads the text again from its start. An
    // `onProgress` reaches the checker from any options object (a `ReadSourceOptions` passed along, or JavaScript).
    const text = `${HEADER}${plainRows(100_001)}"IA-q",C1,01/10/2010,,North\r\n`;
    const progress: number[] = [];
    const lanes: string[] = [];
    const options: ReadSourceOptions = { onProgress: (rows) => progress.push(rows) };
    const result = readTextBy('initial-assessment', text, 'csv', kindLayout('initial-assessment'), options, {
      onLane: (lane, why) => lanes.push(`${lane}: ${why}`),
    });
    expect(lanes).toEqual(['general: a double quote']);
    expect(result.accounting.rowsRead).toBe(100_002);
    expect(progress).toEqual([50_000, 100_000]);
  });

  it('reads a large file by the lane exactly as the general path does, past every limit the readers switch at', () => {
    // The generated property files hold at most 120 rows; the readers change how they work past larger counts, and
    // each change must leave the result as the general path's. 60,000 rows (a fixed pseudo-random sequence): more
    // than 1,024 cells of each text field (their sharing is judged then, and the ids' turned off), 9,000 teams after
    // the first 20,000 rows (past the 4,096 values a field shares), dates over 40,000 days, half ISO and half day
    // first (past the 10,000 cells a date reader remembers), more than 2,048 ids (checked in groups by their hashes'
    // top bits), two ids given again 40,000 rows after their first row (the lane hands the text back and reads it
    // again with each key looked up), the two ids that share a hash (W1022789, W1239192: not a repeat), and rows the
    // general stages read (a padded worker, a blank completion date, an end before its start).
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
      return seed % n;
    };
    const isoOf = (day: number) =>
      new Date(Date.UTC(1990, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const dayFirst = (iso: string) => `${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    let text = 'id,childId,referralDate,completedDate,team,workerId\r\n';
    for (let i = 0; i < 60_000; i++) {
      const day = next(40_000);
      const id =
        i === 45_000
          ? 'IA5000'
          : i === 58_000
            ? 'IA18000'
            : i === 100
              ? 'W1022789'
              : i === 50_100
                ? 'W1239192'
                : `IA${i}`;
      const referral = next(2) === 0 ? isoOf(day) : dayFirst(isoOf(day));
      const completed = next(50) === 0 ? '' : dayFirst(isoOf(day + next(30) - 2));
      const team = i < 20_000 ? `T${next(8)}` : `Team ${next(9_000)}`;
      const worker = next(10) === 0 ? ` W${next(50)} ` : `W${next(50)}`;
      text += `${id},C${next(20_000)},${referral},${completed},${team},${worker}\r\n`;
    }
    const layout = kindLayout('initial-assessment');
    const lanes: string[] = [];
    const fast = readTextBy(
      'initial-assessment',
      text,
      'csv',
      layout,
      {},
      { onLane: (lane) => lanes.push(lane) },
    );
    const general = readTextBy('initial-assessment', text, 'csv', layout, {}, { lane: 'general' });
    expect(lanes).toEqual(['fast']);
    expect(fast).toStrictEqual(general);
    // The two ids given again are refused on their rows (the line is the row's index plus 2), naming their first.
    expect(
      general.issues
        .filter((issue) => issue.code === 'duplicate_id')
        .map((issue) => [issue.row, issue.value]),
    ).toEqual([
      [45_002, 'IA5000'],
      [58_002, 'IA18000'],
    ]);
    expect(general.accounting.rowsRead).toBe(60_000);
  });

  it('does not try the fast lane for a preset, whose rows are not read as they are', () => {
    const lanes: string[] = [];
    readTextBy(
      'referral',
      'Child ID\n',
      'csv',
      presetLayout('annex-a', 'referral'),
      {},
      {
        onLane: (lane, why) => lanes.push(`${lane}: ${why}`),
      },
    );
    expect(lanes).toEqual(['general: a layout whose rows are not read as they are']);
  });
});

function nodeSha256Of(text: string): string {
  const hash = nodeSha256();
  hash.update(new TextEncoder().encode(text));
  return hash.digest();
}
