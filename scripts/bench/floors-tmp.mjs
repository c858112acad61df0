import { createReadStream } from 'node:fs';

const [mode, file] = process.argv.slice(2);
const t = performance.now();
let rows = 0;
if (mode === 'papa') {
  const Papa = (await import('papaparse')).default;
  await new Promise((resolve, reject) => {
    Papa.parse(createReadStream(file), {
      step: () => {
        rows++;
      },
      complete: resolve,
      error: reject,
    });
  });
} else if (mode === 'udsv') {
  const { inferSchema, initParser } = await import('udsv');
  let parser;
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
    if (parser === undefined) {
      parser = initParser(inferSchema(chunk));
    }
    parser.chunk(chunk, parser.stringArrs, (rs) => {
      rows += rs.length;
    });
  }
  parser.end();
} else if (mode === 'csvparse') {
  const { parse } = await import('csv-parse');
  for await (const _ of createReadStream(file).pipe(parse({ bom: true }))) rows++;
}
process.stderr.write(
  JSON.stringify({ mode, rows, ms: performance.now() - t, rss: process.resourceUsage().maxRSS / 1024 }) +
    '\n',
);
