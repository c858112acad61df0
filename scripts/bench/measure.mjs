// Runs one measured job in this process and reports its peak memory and CPU time on the last line of stderr, as JSON:
//   node scripts/bench/measure.mjs parse FILE     the bare parse of a CSV file (csv-parse, no validation)
//   node scripts/bench/measure.mjs papaparse FILE the bare streaming parse of papaparse (no validation)
//   node scripts/bench/measure.mjs udsv FILE      the bare streaming parse of udsv (no validation)
//   node scripts/bench/measure.mjs file FILE      readRecordsFile over the CSV file (the node reader), timed
//   node scripts/bench/measure.mjs tokenize FILE  the library's CSV tokenizer alone over the file, streamed (parseMs:
//     the read, decoding and tokenizing, the modules loaded before)
//   node scripts/bench/measure.mjs text FILE      parseCsvText over the whole text of a CSV file (the core, no files)
//   node scripts/bench/measure.mjs cli ARGS…      cs-indicators with those arguments, its stdout discarded
//   node scripts/bench/measure.mjs floor FILE     the least a reader of the file does: read, hashed, each byte seen
//   node scripts/bench/measure.mjs floor-xlsx FILE the same for a workbook: read, hashed, its parts inflated and seen
//     (either floor with `unseen` after FILE: the bytes read, hashed and inflated but not looked at by a loop)
//   node scripts/bench/measure.mjs columns FILE HOLIDAYS [two-threads [SHARE]]  a sketch of records held as columns
//     counting NI59, on one thread or two (not the library's reader: scripts/bench/columns-sketch.mjs says what it
//     leaves out)
//   node scripts/bench/measure.mjs census-bytes FILE [two-threads [SHARE] | numbered]  a sketch of a census's
//     referrals read from its bytes, on one thread or two (not the library's reader:
//     scripts/bench/census-bytes-sketch.mjs says what it leaves out)
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { parse } from 'csv-parse';
import { peakRssMb } from './peak-rss.mjs';

const [mode, ...args] = process.argv.slice(2);
const unseen = args[1] === 'unseen';
if (mode === 'parse') {
  let rows = 0;
  const parser = createReadStream(args[0]).pipe(parse({ bom: true }));
  for await (const _record of parser) rows++;
  process.stdout.write(`${rows}\n`);
} else if (mode === 'papaparse') {
  const { default: Papa } = await import('papaparse');
  let rows = 0;
  await new Promise((resolve, reject) => {
    Papa.parse(createReadStream(args[0]), { step: () => rows++, complete: resolve, error: reject });
  });
  process.stdout.write(`${rows}\n`);
} else if (mode === 'udsv') {
  const { initParser, inferSchema } = await import('udsv');
  let rows = 0;
  let parser;
  for await (const chunk of createReadStream(args[0], { encoding: 'utf8' })) {
    parser ??= initParser(inferSchema(chunk));
    parser.chunk(chunk, parser.stringArrs, () => rows++);
  }
  parser?.end();
  process.stdout.write(`${rows}\n`);
} else if (mode === 'file') {
  const { readRecordsFile } = await import('../../dist/node/index.js');
  const t = performance.now();
  const result = await readRecordsFile('initial-assessment', args[0]);
  const ms = performance.now() - t;
  process.stdout.write(`${result.accounting.rowsAccepted}\n`);
  process.stderr.write(`${JSON.stringify({ parseMs: ms })}\n`);
} else if (mode === 'tokenize') {
  const { createCsvTokenizer } = await import('../../dist/index.js');
  let rows = 0;
  const sink = { row: () => rows++, item() {}, problem() {}, refuse() {}, fileValue() {}, end() {} };
  const tokenizer = createCsvTokenizer(sink);
  const decoder = new TextDecoder();
  // The time of the read, decoding and tokenizing alone (the modules loaded before it), as parseMs.
  const t = performance.now();
  for await (const chunk of createReadStream(args[0]))
    tokenizer.write(decoder.decode(chunk, { stream: true }));
  tokenizer.end();
  process.stderr.write(`${JSON.stringify({ parseMs: performance.now() - t })}\n`);
  process.stdout.write(`${rows}\n`);
} else if (mode === 'text') {
  const { parseCsvText } = await import('../../dist/index.js');
  const text = readFileSync(args[0], 'utf8');
  const t = performance.now();
  const result = parseCsvText('initial-assessment', text);
  const ms = performance.now() - t;
  process.stdout.write(`${result.accounting.rowsAccepted}\n`);
  process.stderr.write(`${JSON.stringify({ parseMs: ms })}\n`);
} else if (mode === 'cli') {
  const { runCli } = await import('../../dist/cli/main.js');
  const code = await runCli(args, {
    out: () => {},
    err: (text) => process.stdout.write(text),
    errIsTty: false,
  });
  if (code !== 0) process.exitCode = code;
} else if (mode === 'floor') {
  // The least any reader of the file does before it reads a single cell: its pieces read (as the CLI reads them,
  // 64 KiB at a time by readSync), hashed (every result names its input's SHA-256), and each byte looked at once by
  // a loop.
  const hash = createHash('sha256');
  const piece = Buffer.allocUnsafeSlow(1 << 16);
  const fd = openSync(args[0], 'r');
  let lines = 0;
  for (let length = readSync(fd, piece); length > 0; length = readSync(fd, piece)) {
    hash.update(piece.subarray(0, length));
    if (!unseen) for (let i = 0; i < length; i++) if (piece[i] === 10) lines++;
  }
  closeSync(fd);
  hash.digest('hex');
  process.stdout.write(`${lines}\n`);
} else if (mode === 'columns') {
  const { columnsNi59 } = await import('./columns-sketch.mjs');
  const threads = args[2] === 'two-threads' ? 2 : 1;
  const counts = await columnsNi59(args[0], args[1], threads, args[3] === undefined ? 0.5 : Number(args[3]));
  process.stdout.write(`${counts.numerator} ${counts.denominator}\n`);
} else if (mode === 'census-bytes') {
  const { censusBytesReferrals } = await import('./census-bytes-sketch.mjs');
  const threads = args[1] === 'two-threads' ? 2 : 1;
  const share = threads === 2 && args[2] !== undefined ? Number(args[2]) : 0.5;
  process.stdout.write(`${await censusBytesReferrals(args[0], threads, share, args[1] === 'numbered')}\n`);
} else if (mode === 'floor-xlsx') {
  // The same for a workbook: the file read and hashed, each part found by the zip's central directory and inflated
  // on zlib's threads in pieces of 1 MiB (as the CLI's zip reader inflates them), and each inflated byte looked at
  // once by a loop (counting the tags' '<').
  const bytes = readFileSync(args[0]);
  createHash('sha256').update(bytes).digest('hex');
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let entry = bytes.readUInt32LE(end + 16);
  let tags = 0;
  for (let k = bytes.readUInt16LE(end + 10); k > 0; k--) {
    const method = bytes.readUInt16LE(entry + 10);
    const size = bytes.readUInt32LE(entry + 20);
    const local = bytes.readUInt32LE(entry + 42);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    const inflate = createInflateRaw({ chunkSize: 1 << 20 });
    inflate.end(data);
    for await (const piece of method === 8 ? inflate : [data]) {
      if (!unseen) for (let i = 0; i < piece.length; i++) if (piece[i] === 60) tags++;
    }
    entry +=
      46 + bytes.readUInt16LE(entry + 28) + bytes.readUInt16LE(entry + 30) + bytes.readUInt16LE(entry + 32);
  }
  process.stdout.write(`${tags}\n`);
} else {
  throw new Error(`unknown mode ${mode}`);
}
// The process's CPU time, its threads' and zlib's with the main thread's (user and system), start-up included.
const cpu = process.cpuUsage();
process.stderr.write(`${JSON.stringify({ maxRssMb: peakRssMb(), cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
