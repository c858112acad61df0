import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { hashOf, otherHashOfChars } from '../../src/records/keys.js';
import { parseCsvText } from '../../src/records/parse-records.js';
import {
  readRecordsSource,
  readRecordsText,
  readRecordsWorkbook,
  readSourceBy,
  readTextBy,
  readWorkbookBy,
} from '../../src/records/read-source.js';
import { kindLayout } from '../../src/records/shape-kind.js';
import { writeWorkbook } from '../../src/workbook/write-workbook.js';
import { throughDays } from '../helpers/day-columns.js';

const layout = kindLayout('initial-assessment');
const fields = ['completedDate', 'referralDate'];
const text = 'id,childId,referralDate,completedDate\nA1,C1,2010-10-01,2010-10-05\n';

function source(bytes: Uint8Array) {
  return {
    name: 'ia.csv',
    rereadable: true,
    async *chunks() {
      for (let at = 0; at < bytes.length; at += 7) yield bytes.subarray(at, at + 7);
    },
  };
}

describe('dayColumns is internal to the CLI’s compute', () => {
  // What a read keeps was first read from the options object of the internal readers (readSourceBy, readTextBy,
  // readWorkbookBy), and the public readers hand their options on to them whole: a caller of the package
  // (JavaScript, or TypeScript through a variable) whose options happened to hold `dayColumns` got `records: []`
  // with `rowsAccepted: 1` and no word, so any figure computed from those records was silently n/a (review15). It is
  // now given beside the way of reading (`Lanes`), which no public reader takes: options holding any of its keys
  // must change nothing.
  it('is not honoured by the public readers', async () => {
    const asked = {
      dayColumns: ['referralDate'],
      dayGroup: 'team',
      keep: { dayColumns: ['referralDate'] },
      streamAccepted: { rows: Int32Array.of(), count: 0, sink: () => {} },
    } as Record<string, unknown>;
    expect(parseCsvText('initial-assessment', text, asked).records).toHaveLength(1);
    expect(readRecordsText('initial-assessment', text, 'csv', layout, asked).records).toHaveLength(1);
    const bytes = new TextEncoder().encode(text);
    expect(
      (await readRecordsSource('initial-assessment', source(bytes), 'csv', layout, asked)).records,
    ).toHaveLength(1);
    const book = await writeWorkbook([
      {
        name: 'IA',
        rows: [
          ['id', 'childId', 'referralDate', 'completedDate'],
          ['A1', 'C1', '2010-10-01', '2010-10-05'],
        ] as never,
      },
    ]);
    const fromBook = await readRecordsWorkbook('initial-assessment', book, layout, asked);
    expect(fromBook.records).toHaveLength(1);
    expect('dayColumns' in fromBook).toBe(false);
    const path = join(mkdtempSync(join(tmpdir(), 'csi-days-')), 'ia.csv');
    writeFileSync(path, text);
    const fromFile = await readRecordsFile('initial-assessment', path, asked);
    expect(fromFile.records).toHaveLength(1);
    expect('dayColumns' in fromFile).toBe(false);
  });
});

describe('ids kept as two hashes', () => {
  // Distinct ids with the same pair of 32-bit hashes (hashOf and otherHashOfChars), built by hand, to hold the
  // day-column read to its promise: a repeated pair has the input read again with the rows of that pair read by
  // the general path, and the result is the object read's (no duplicate_id between distinct ids). Both hashes are a state of 32 bits
  // stepped by each character: two prefixes whose states differ by the same d in both, d below 2^16 (or 2^7), are
  // brought together by a last character b and b ^ d. CJK ids: a birthday search on 48 bits of the states among
  // 2^25 prefixes of two CJK characters (the sheet lane; the CSV lane hands back a text that is not ASCII). ASCII
  // ids: a rho search on 57 bits among prefixes of 10 characters of [A-Za-z0-9_-] (the CSV lane), then 'A'/'3' or
  // 'B'/'0' appended (0x41 ^ 0x72 = 0x33, 0x42 ^ 0x72 = 0x30).
  const pairs: [string, string][] = [
    ['交峙一', '勈准畽'],
    ['匘凥怀', '寇俿鲽'],
    ['咜姯倀', '恃婩圝'],
    ['MRCp3GsGsBA', 'Tz7WWDebjG3'],
    ['MRCp3GsGsBB', 'Tz7WWDebjG0'],
  ];

  it('collide on both hashes', () => {
    for (const [a, b] of pairs) {
      expect(a).not.toBe(b);
      expect(hashOf(a)).toBe(hashOf(b));
      expect(otherHashOfChars(a, 0, a.length)).toBe(otherHashOfChars(b, 0, b.length));
    }
  });

  // Lane rows with lane rows, a lane row with a row the general path read (a date written `1 Oct 2010`, an id with
  // spaces to trim), and a real repeat.
  const ascii = [
    ['MRCp3GsGsBA', 'C1', '2010-10-01', '2010-10-05'],
    ['A2', 'C2', '2010-10-01', '2010-10-20'],
    ['Tz7WWDebjG3', 'C3', '2010-10-04', '2010-10-06'],
    ['MRCp3GsGsBB', 'C4', '1 Oct 2010', '2010-10-06'],
    [' Tz7WWDebjG0', 'C5', '2010-10-04', '2010-10-26'],
    ['A2', 'C6', '2010-10-04', '2010-10-06'],
  ];
  const cjk = [
    ['交峙一', 'C1', '2010-10-01', '2010-10-05'],
    ['勈准畽', 'C2', '2010-10-01', '2010-10-25'],
    ['匘凥怀', 'C3', '1 Oct 2010', '2010-10-05'],
    ['寇俿鲽', 'C4', '2010-10-01', ''],
    [' 咜姯倀 ', 'C5', '2010-10-01', '2010-10-06'],
    ['恃婩圝', 'C6', '2010-10-02', '2010-10-07'],
    ['交峙一', 'C7', '2010-10-02', '2010-10-07'],
  ];

  it('are told apart by the read again, in text, a source and a sheet', async () => {
    const csv = `id,childId,referralDate,completedDate\n${ascii.map((r) => r.join(',')).join('\n')}\n`;
    const general = readTextBy(
      'initial-assessment',
      csv,
      'csv',
      layout,
      { file: 'c.csv' },
      { lane: 'general' },
    );
    expect(general.accounting.rowsAccepted).toBe(5);
    const ways: string[] = [];
    const onLane = (way: string, why: string) => ways.push(way + why);
    const days = readTextBy(
      'initial-assessment',
      csv,
      'csv',
      layout,
      { file: 'c.csv' },
      { onLane, keep: { dayColumns: fields } },
    );
    expect(throughDays({ result: days }, fields)).toStrictEqual(throughDays({ result: general }, fields));
    const bytes = new TextEncoder().encode(csv);
    const fromSource = await readSourceBy(
      'initial-assessment',
      source(bytes),
      'csv',
      layout,
      {},
      { onLane, keep: { dayColumns: fields } },
    );
    const sourceGeneral = await readSourceBy(
      'initial-assessment',
      source(bytes),
      'csv',
      layout,
      {},
      { lane: 'general' },
    );
    expect(throughDays({ result: fromSource }, fields)).toStrictEqual(
      throughDays({ result: sourceGeneral }, fields),
    );
    const book = await writeWorkbook([
      {
        name: 'IA',
        rows: [['id', 'childId', 'referralDate', 'completedDate'], ...ascii, ...cjk.slice(0, 6)] as never,
      },
    ]);
    const sheet = await readWorkbookBy(
      'initial-assessment',
      book,
      layout,
      {},
      { onLane, keep: { dayColumns: fields } },
    );
    const sheetGeneral = await readWorkbookBy('initial-assessment', book, layout, {}, { lane: 'general' });
    expect(sheetGeneral.accounting.rowsAccepted).toBe(11);
    expect(throughDays({ result: sheet }, fields)).toStrictEqual(
      throughDays({ result: sheetGeneral }, fields),
    );
    expect(ways).toEqual(['fast', 'fast', 'fast']);
  });
});
