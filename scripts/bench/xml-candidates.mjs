// The XML tokenizers measured for the census reader (docs/performance.md, "XML censuses"): each reads the same
// census file streamed in 64 KB chunks, in a fresh process, and counts its start tags; the time and peak RSS are
// printed, medians of the rounds, candidates alternating. The SAX parsers are not dependencies: install them aside
// and name the folder, e.g.
//   npm install --prefix .tmp/xml-candidates saxes sax htmlparser2
//   node scripts/bench/xml-candidates.mjs .tmp/bench/cin-census-200mb.xml .tmp/xml-candidates [rounds]
import { spawnSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const [file, folder, roundsText, candidate] = process.argv.slice(2);
// The workbook module's tokenizer is not exported: it is bundled from its source for the measurement.
const WORKBOOK_XML = new URL('../../.tmp/bench/workbook-xml.mjs', import.meta.url).href;

/** Each candidate: a function of the chunks that gives the number of start tags. */
const candidates = {
  // The workbook module's tokenizer, as it reads a sheet: names and positions, no line numbers, no checks of end tags.
  'workbook XmlTokenizer': async (chunks) => {
    const { XmlTokenizer } = await import(WORKBOOK_XML);
    let opened = 0;
    const tokenizer = new XmlTokenizer(
      {
        wantsText: true,
        open: () => {
          opened++;
          return -1;
        },
        close() {},
        text() {},
      },
      'census',
    );
    for await (const chunk of chunks) tokenizer.write(chunk);
    tokenizer.end();
    return opened;
  },
  // The census tokenizer as the library reads with it: lines, checks, and each Child built as an object.
  'census tokenizer (objects built)': async (chunks) => {
    const { createXmlTokenizer, cinCensusXml } = await import('../../dist/index.js');
    let items = 0;
    const sink = {
      row() {},
      item: () => {
        items++;
      },
      problem() {},
      refuse: (message) => {
        throw new Error(message);
      },
      fileValue() {},
      end() {},
    };
    const tokenizer = createXmlTokenizer(cinCensusXml, sink);
    for await (const chunk of chunks) tokenizer.write(chunk);
    tokenizer.end();
    return items;
  },
  saxes: async (chunks) => {
    const { SaxesParser } = load('saxes');
    const parser = new SaxesParser();
    let opened = 0;
    parser.on('opentag', () => opened++);
    parser.on('text', () => {});
    parser.on('error', (error) => {
      throw error;
    });
    for await (const chunk of chunks) parser.write(chunk);
    parser.close();
    return opened;
  },
  sax: async (chunks) => {
    const sax = load('sax');
    const parser = sax.parser(true, { trim: false, position: true });
    let opened = 0;
    parser.onopentag = () => opened++;
    parser.ontext = () => {};
    parser.onerror = (error) => {
      throw error;
    };
    for await (const chunk of chunks) parser.write(chunk);
    parser.close();
    return opened;
  },
  htmlparser2: async (chunks) => {
    const { Parser } = load('htmlparser2');
    let opened = 0;
    const parser = new Parser(
      { onopentag: () => opened++, ontext() {} },
      { xmlMode: true, decodeEntities: true },
    );
    for await (const chunk of chunks) parser.write(chunk);
    parser.end();
    return opened;
  },
};

function load(name) {
  return createRequire(resolve(folder, 'node_modules', 'x.js'))(name);
}

if (candidate !== undefined) {
  // One run, in this fresh process.
  const chunks = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 });
  const start = performance.now();
  const count = await candidates[candidate](chunks);
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS / 1024, count }));
} else {
  const { buildSync } = await import('esbuild');
  buildSync({
    entryPoints: [new URL('../../src/workbook/xml.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    outfile: new URL(WORKBOOK_XML).pathname,
    logLevel: 'error',
  });
  const rounds = Number(roundsText ?? 3);
  const runs = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of Object.keys(candidates)) {
      const run = spawnSync(process.execPath, [import.meta.filename, file, folder, '1', name], {
        encoding: 'utf8',
      });
      if (run.status !== 0) {
        console.log(`${name}: failed: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
        continue;
      }
      runs[name].push(JSON.parse(run.stdout));
    }
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`${file}: ${(statSync(file).size / 2 ** 20).toFixed(0)} MB, medians of ${rounds} rounds`);
  for (const [name, list] of Object.entries(runs)) {
    if (list.length === 0) continue;
    const ms = median(list.map((r) => r.ms));
    const mbPerS = statSync(file).size / 2 ** 20 / (ms / 1000);
    console.log(
      `  ${name.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${mbPerS.toFixed(0).padStart(4)} MB/s  peak RSS ${median(
        list.map((r) => r.rss),
      )
        .toFixed(0)
        .padStart(5)} MB  (${list[0].count} counted)`,
    );
  }
}
