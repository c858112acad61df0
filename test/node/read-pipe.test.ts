import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { fileSource } from '../../src/node/source.js';

const dir = mkdtempSync(join(tmpdir(), 'csi-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Two initial assessments: IA1 Fri 1 Oct to Tue 5 Oct 2010 (2 working days), IA2 with an impossible date (rejected,
// row 3). More than one 64 KiB piece of padding rows would change nothing here: the point is the pipe itself.
const text =
  'id,childId,referralDate,completedDate\nIA1,C1,2010-10-01,2010-10-05\nIA2,C2,2010-10-01,2010-02-30\n';

/** A named pipe at a new path (mkfifo), or undefined where the platform has none. */
function makeFifo(name: string): string | undefined {
  if (process.platform === 'win32') return undefined;
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}

describe('readRecordsFile', () => {
  it('reads a named pipe once, in order, and gives what the same bytes in a file give', async (context) => {
    const fifo = makeFifo('ia.csv');
    if (fifo === undefined) {
      context.skip();
      return;
    }
    const plain = join(dir, 'plain.csv');
    writeFileSync(plain, text);
    // The writer blocks until the reader opens the pipe; both run at once. A pipe cannot be read at a position
    // (ESPIPE): it was refused as "cannot read the file" when every file was read by position.
    const [fromPipe] = await Promise.all([
      readRecordsFile('initial-assessment', fifo),
      writeFile(fifo, text),
    ]);
    const fromFile = await readRecordsFile('initial-assessment', plain);
    expect(fromPipe.records).toEqual(fromFile.records);
    expect(fromPipe.accounting).toEqual(fromFile.accounting);
    expect(fromPipe.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
    expect(fromPipe.issues.map((issue) => [issue.code, issue.row, issue.value])).toEqual([
      ['invalid_date', 3, '2010-02-30'],
    ]);
    expect(fromPipe.input.sha256).toBe(fromFile.input.sha256);
  });
});

describe('fileSource', () => {
  it('is rereadable for a file read by position, and not for one that is not seekable', async () => {
    const plain = join(dir, 'source.csv');
    writeFileSync(plain, text);
    const handle = await open(plain);
    try {
      expect(fileSource(handle, plain).rereadable).toBe(true);
      const once = fileSource(handle, plain, { seekable: false });
      expect(once.rereadable).toBe(false);
      // Read in order from where the handle stands (its start): the whole text, once.
      let read = '';
      for await (const chunk of once.chunks()) read += new TextDecoder().decode(chunk);
      expect(read).toBe(text);
    } finally {
      await handle.close();
    }
  });
});
