#!/usr/bin/env node
// The cost of the decode stage (encoding detection) against a bare TextDecoder on the same bytes, in memory so
// that only decoding is timed. Figures printed, never asserted. Runs on the built package: `npm run build` first.
//   node scripts/bench/decode.mjs [--quick]     a 60 MB CSV (6 MB with --quick), as ASCII, UTF-8 and Windows-1252
import { createByteDecoder, decodeBytes } from '../../dist/index.js';

const quick = process.argv.includes('--quick');
const megabytes = quick ? 6 : 60;
const CHUNK = 64 * 1024; // a Node file stream's chunk
const RUNS = quick ? 5 : 7;
const line = (text = '') => process.stdout.write(`${text}\n`);

/** A CSV of `size` bytes: the same referral line over and over, with `name` in its name column. */
function csvOf(size, name) {
  const lines = [];
  for (let i = 0; i < 1000; i++) {
    lines.push(`REF-${100000 + i},C-${7000 + (i % 300)},01/10/2010,2010-10-08,North,W-${i % 40},${name}\r\n`);
  }
  const block = lines.join('');
  const bytes = new Uint8Array(size);
  const encoded = Uint8Array.from(block, (c) => c.charCodeAt(0)); // every character here is one byte
  for (let at = 0; at < size; at += encoded.length) bytes.set(encoded.subarray(0, size - at), at);
  return bytes;
}

const files = {
  ascii: csvOf(megabytes * 2 ** 20, 'Zoe Smith'),
  // "Zoë" in UTF-8: ë is 0xC3 0xAB. Written as two Latin-1 characters so csvOf keeps one byte a character.
  'utf-8': csvOf(megabytes * 2 ** 20, 'Zo\u00c3\u00ab Smith'),
  // "Zoë" as Excel's "CSV (Comma delimited)" writes it on a UK machine: ë is 0xEB.
  'windows-1252': csvOf(megabytes * 2 ** 20, 'Zo\u00eb Smith'),
};

/** The median time of `RUNS` runs of `run`, in milliseconds. */
function median(run) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)];
}

function chunksOf(bytes) {
  const chunks = [];
  for (let at = 0; at < bytes.length; at += CHUNK) chunks.push(bytes.subarray(at, at + CHUNK));
  return chunks;
}

let sink = 0;
line(
  `decode stage: ${megabytes} MB CSV in memory, ${CHUNK / 1024} KiB chunks, median of ${RUNS} runs, node ${process.version}`,
);
line();
line(
  'The floors are a bare TextDecoder told the encoding: on the whole bytes; in chunks with `stream` (right when a',
);
line(
  'character is cut between chunks); and in chunks without it (wrong then, but the fastest way Node decodes ASCII).',
);
line('The ratio is the stage against the fastest floor of its way.');
line();
const ms = (time) => `${time.toFixed(0)} ms`.padStart(8);
line(
  `${'file'.padEnd(14)} ${'way'.padEnd(14)} ${'floor'.padStart(8)} ${'no stream'.padStart(10)} ${'stage'.padStart(8)}  ratio`,
);
for (const [name, bytes] of Object.entries(files)) {
  const chunks = chunksOf(bytes);
  const label = name === 'windows-1252' ? 'windows-1252' : 'utf-8';
  const wholeFloor = median(() => {
    sink += new TextDecoder(label).decode(bytes).length;
  });
  const whole = median(() => {
    sink += decodeBytes(bytes).text.length;
  });
  const streamFloor = median(() => {
    const decoder = new TextDecoder(label);
    for (const chunk of chunks) sink += decoder.decode(chunk, { stream: true }).length;
    sink += decoder.decode().length;
  });
  const chunkFloor = median(() => {
    const decoder = new TextDecoder(label);
    for (const chunk of chunks) sink += decoder.decode(chunk).length;
  });
  const stream = median(() => {
    const decoder = createByteDecoder();
    for (const chunk of chunks) sink += decoder.write(chunk).length;
    sink += decoder.end().length;
  });
  line(
    `${name.padEnd(14)} ${'whole bytes'.padEnd(14)} ${ms(wholeFloor)} ${''.padStart(10)} ${ms(whole)}  ${(whole / wholeFloor).toFixed(2).padStart(5)}`,
  );
  const fastest = Math.min(streamFloor, chunkFloor);
  line(
    `${name.padEnd(14)} ${'64 KiB chunks'.padEnd(14)} ${ms(streamFloor)} ${ms(chunkFloor).padStart(10)} ${ms(stream)}  ${(stream / fastest).toFixed(2).padStart(5)}`,
  );
}
line();
line(`(checksum ${sink})`);
