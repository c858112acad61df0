import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  PROGRESS_EVERY_ROWS,
  readRecordsFile,
  recordFileFormatOf,
} from '../../src/node/read-records-file.js';
import { InputError } from '../../src/records/issues.js';
import { parseCsvText, parseNdjsonText } from '../../src/records/parse-records.js';
import { fixturePath } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'csi-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A large CSV: quoted line breaks, multi-byte names and a bad row every so often, crossing many stream chunks. */
function bigCsv(rows: number): string {
  const lines = ['\uFEFFID,Child ID,Referral Date,Completed Date,Team'];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const team = i % 7 === 0 ? '"Zoë\'s team,\r\nNorth"' : 'Équipe Sud';
    const referral = i % 1000 === 999 ? '31/02/2011' : `${day}/10/2010`;
    lines.push(`IA-${i},C-${i % 5000},${referral},2010-11-${day} 09:00,${team}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

describe('readRecordsFile', () => {
  it('streams a large CSV to exactly what parseCsvText reads from the whole text', async () => {
    // 30,000 rows (about 1.8 MB) cross the 64 KiB stream chunks many times, inside quoted values and multi-byte
    // characters too.
    const text = bigCsv(30_000);
    const path = write('big.csv', text);
    const streamed = await readRecordsFile('initial-assessment', path);
    const whole = parseCsvText('initial-assessment', text, { file: path });
    expect(streamed.records).toEqual(whole.records);
    expect(streamed.rows).toEqual(whole.rows);
    expect(streamed.issues).toEqual(whole.issues);
    // Every 1000th row has 31/02/2011: 30 rejected, the rest kept.
    expect(streamed.accounting).toEqual({
      rowsRead: 30_000,
      rowsAccepted: 29_970,
      rowsRejected: 30,
      rowsSkipped: 0,
      warningsByCode: {},
    });
    // Row 0 is on line 2 and spans two lines (a quoted line break), so row 1 is on line 4.
    expect(streamed.rows.slice(0, 3)).toEqual([2, 4, 5]);
    expect(streamed.records[0]?.team).toBe("Zoë's team,\nNorth");
  });

  it('calls onProgress every PROGRESS_EVERY_ROWS rows', async () => {
    const rows = PROGRESS_EVERY_ROWS * 2 + 10;
    const lines = ['caseId,workerId,allocatedFrom'];
    for (let i = 0; i < rows; i++) lines.push(`C${i},W1,2010-10-01`);
    const path = write('allocations.csv', `${lines.join('\n')}\n`);
    const seen: number[] = [];
    const result = await readRecordsFile('allocation', path, { onProgress: (n) => seen.push(n) });
    expect(seen).toEqual([PROGRESS_EVERY_ROWS, PROGRESS_EVERY_ROWS * 2]);
    expect(result.accounting.rowsRead).toBe(rows);
  });

  it('reads NDJSON line by line, and JSON arrays whole', async () => {
    const ndjson =
      '{"id":"R1","childId":"C1","referralDate":"2010-10-01"}\r\nnot json\r\n\r\n{"id":"R2","childId":"C2","referralDate":"02/10/2010"}\r\n';
    const fromNdjson = await readRecordsFile('referral', write('r.jsonl', ndjson));
    const fromText = parseNdjsonText('referral', ndjson);
    expect(fromNdjson.records).toEqual(fromText.records);
    expect(fromNdjson.rows).toEqual([1, 4]);
    expect(fromNdjson.issues.map((i) => [i.code, i.row])).toEqual([['unreadable', 2]]);

    const json = '[{"id":"R1","childId":"C1","referralDate":"2010-10-01"}]';
    const fromJson = await readRecordsFile('referral', write('r.json', json));
    expect(fromJson.records).toEqual([{ id: 'R1', childId: 'C1', referralDate: '2010-10-01' }]);
  });

  it('tells the format from the extension, in any case, unless told', async () => {
    expect(recordFileFormatOf('exports/IA 2010.CSV')).toBe('csv');
    expect(recordFileFormatOf('a.ndjson')).toBe('ndjson');
    expect(recordFileFormatOf('a.jsonl')).toBe('ndjson');
    expect(recordFileFormatOf('a.json')).toBe('json');
    expect(recordFileFormatOf('Annex A.XLSX')).toBe('xlsx');
    expect(recordFileFormatOf('census.xml')).toBe('xml');
    // The old binary .xls format is not read: save it as .xlsx.
    expect(() => recordFileFormatOf('a.xls')).toThrow(
      new TypeError(
        "a.xls: cannot tell the file's format from its extension: expected .csv, .json, .ndjson or .jsonl, .xlsx or .xml (or pass the format)",
      ),
    );
    const path = write('referrals.txt', 'id,childId,referralDate\nR1,C1,2010-10-01\n');
    const result = await readRecordsFile('referral', path, { format: 'csv' });
    expect(result.records).toHaveLength(1);
  });

  it('throws an InputError naming the file when it cannot be read', async () => {
    const missing = join(dir, 'missing.csv');
    const error = await readRecordsFile('referral', missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues).toEqual([
      {
        code: 'unreadable',
        severity: 'error',
        row: 0,
        field: null,
        value: null,
        message: 'cannot read the file: no such file (ENOENT)',
        file: missing,
      },
    ]);
    expect((error as InputError).message).toBe(
      `input refused: ${missing}: cannot read the file: no such file (ENOENT) [unreadable]`,
    );
    const directory = await readRecordsFile('referral', dir, { format: 'csv' }).catch((e: unknown) => e);
    expect((directory as InputError).issues[0]?.message).toBe(
      'cannot read the file: it is a directory (EISDIR)',
    );
  });

  it('throws an InputError with every issue in strict mode', async () => {
    const error = await readRecordsFile('initial-assessment', fixturePath('records', 'messy-export.csv'), {
      strict: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    // The three issues of the messy export: lines 7, 8 and 10.
    expect((error as InputError).issues.map((i) => [i.code, i.row])).toEqual([
      ['invalid_date', 7],
      ['duplicate_id', 8],
      ['end_before_start', 10],
    ]);
  });

  it('uses options.file instead of the path on the issues when given', async () => {
    const result = await readRecordsFile('referral', fixturePath('records', 'invalid-value.csv'), {
      file: 'referrals.csv',
    });
    expect(result.issues[0]?.file).toBe('referrals.csv');
  });
});
