import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliIo, OutputError, UsageError } from '../../src/cli/context.js';
import { checkOutputs, openOutputWriter, outputFromArgs, writeOutput } from '../../src/cli/output.js';

const io: CliIo = { out: () => undefined, err: () => undefined, errIsTty: false };

describe('checkOutputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csi-output-'));
  const input = join(dir, 'ia.csv');
  writeFileSync(input, 'id\n');
  const inputs = [{ what: 'the --input file', path: input }];

  it('refuses an output that is an input, however the path is written', async () => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    symlinkSync(input, join(dir, 'link.csv'));
    for (const path of [input, join(dir, 'sub', '..', 'ia.csv'), join(dir, 'link.csv')]) {
      await expect(checkOutputs([{ flag: '--audit', path }], inputs)).rejects.toThrow(
        new UsageError(
          `--audit ${path} is the --input file ${input}: an output never overwrites an input; write it elsewhere`,
        ),
      );
    }
  });

  it('refuses two outputs that are one file', async () => {
    const path = join(dir, 'out.csv');
    await expect(
      checkOutputs(
        [
          { flag: '--out', path },
          { flag: '--audit', path: join(dir, 'sub', '..', 'out.csv') },
        ],
        inputs,
      ),
    ).rejects.toThrow(UsageError);
  });

  it('refuses an output in a missing folder, or on a folder, naming the path and the reason', async () => {
    const missing = join(dir, 'no-such-folder', 'out.csv');
    await expect(checkOutputs([{ flag: '--out', path: missing }], inputs)).rejects.toThrow(
      new OutputError(
        `cannot write --out ${missing}: the folder ${join(dir, 'no-such-folder')} does not exist`,
      ),
    );
    await expect(checkOutputs([{ flag: '--out', path: dir }], inputs)).rejects.toThrow(
      new OutputError(`cannot write --out ${dir}: it is a folder`),
    );
  });

  it('lets standard output and new files through', async () => {
    await expect(
      checkOutputs(
        [
          { flag: '--out', path: '-' },
          { flag: '--audit', path: join(dir, 'audit.csv') },
        ],
        inputs,
      ),
    ).resolves.toBeUndefined();
  });
});

describe('writeOutput', () => {
  it('replaces the file whole and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-write-'));
    const path = join(dir, 'result.json');
    writeFileSync(path, 'old');
    await writeOutput({ flag: '--out', path }, '{"new":true}\n', io);
    expect(readFileSync(path, 'utf8')).toBe('{"new":true}\n');
    expect(readdirSync(dir)).toEqual(['result.json']);
  });

  it('fails with the path and the reason, leaving nothing, when the target is a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-write-'));
    mkdirSync(join(dir, 'taken'));
    await expect(writeOutput({ flag: '--out', path: join(dir, 'taken') }, 'x', io)).rejects.toThrow(
      OutputError,
    );
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});

describe('outputFromArgs', () => {
  it('takes the format from --format in any case, else from the ending of --out, else the first', () => {
    const formats = ['json', 'csv', 'table'] as const;
    expect(outputFromArgs({ format: 'CSV' }, [...formats] as ['json', 'csv', 'table'])).toEqual({
      format: 'csv',
      out: { flag: '--out', path: '-' },
    });
    expect(outputFromArgs({ out: 'result.CSV' }, ['json', 'csv', 'table']).format).toBe('csv');
    expect(outputFromArgs({ out: 'result.txt' }, ['json', 'csv', 'table']).format).toBe('table');
    expect(outputFromArgs({ out: 'result.dat' }, ['json', 'csv', 'table']).format).toBe('json');
  });

  it('refuses a --format that contradicts the ending of --out', () => {
    expect(() => outputFromArgs({ format: 'json', out: 'result.csv' }, ['json', 'csv', 'table'])).toThrow(
      new UsageError('--format json contradicts --out result.csv, whose ending says csv: change one of them'),
    );
  });
});

describe('openOutputWriter', () => {
  it('puts the file in place only when closed, and leaves nothing when the work is dropped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-writer-'));
    const kept = await openOutputWriter({ flag: '--audit', path: join(dir, 'kept.csv') }, io);
    kept.write('a,b\n');
    kept.write('1,2\n');
    // Written to a temporary file beside the target until closed.
    expect(readdirSync(dir).some((name) => name === 'kept.csv')).toBe(false);
    kept.close();
    expect(readFileSync(join(dir, 'kept.csv'), 'utf8')).toBe('a,b\n1,2\n');
    const dropped = await openOutputWriter({ flag: '--audit', path: join(dir, 'dropped.csv') }, io);
    dropped.write('x\n');
    dropped.discard();
    expect(readdirSync(dir)).toEqual(['kept.csv']);
  });

  it('refuses a folder that does not exist, naming the flag, the path and the reason', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'csi-writer-')), 'missing', 'audit.csv');
    await expect(openOutputWriter({ flag: '--audit', path }, io)).rejects.toThrow(
      new OutputError(`cannot write --audit ${path}: the folder does not exist`),
    );
  });

  it('writes to standard output in pieces of about a megabyte, in order', async () => {
    const pieces: string[] = [];
    const writer = await openOutputWriter(
      { flag: '--audit', path: '-' },
      { ...io, out: (text) => pieces.push(text) },
    );
    // 3 × 2^19 characters: one piece when the first megabyte (2^20) is reached, the rest on close.
    const half = 'x'.repeat(1 << 19);
    for (let i = 0; i < 3; i++) writer.write(half);
    expect(pieces.map((piece) => piece.length)).toEqual([1 << 20]);
    writer.close();
    expect(pieces.map((piece) => piece.length)).toEqual([1 << 20, 1 << 19]);
  });
});
