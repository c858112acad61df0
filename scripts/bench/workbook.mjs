#!/usr/bin/env node
// The workbook module against the floor of reading the same records as CSV. Figures printed, never asserted.
//   node scripts/bench/workbook.mjs [--quick] [--rows N]
// Writes a sheet of N rows × 10 columns (three of them dates; default 10^6, 10^5 with --quick) with the module's
// writer, and the same records as CSV, under .tmp/bench/; then times, each in a fresh process, alternating, three
// rounds: the module reading the sheet (every row handed over, as the reading pipeline will take them), and
// csv-parse's bare streaming parse of the CSV (the CSV floor of `npm run bench`). Prints the median wall time and
// CPU time (user and system, every thread: the platform unzips on a thread of its own), the largest peak RSS and the
// ratios. The module is bundled from src/ with esbuild, since it is not exported yet.
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { fileURLToPath } from 'node:url';
import { peakRssMb } from './peak-rss.mjs';
import { loadWorkbookModule, workbookModuleFile } from './workbook-module.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = `${root}.tmp/bench/`;
const moduleFile = workbookModuleFile;
const [mode, file] = process.argv.slice(2);

if (mode === '--child-xlsx') {
  const { openWorkbook } = await import(moduleFile);
  const start = performance.now();
  const workbook = await openWorkbook(readFileSync(file));
  let cells = 0;
  const { rows } = await workbook.readSheet(1, (row) => {
    cells += row.length;
  });
  report(start, rows, cells);
} else if (mode === '--child-csv') {
  const { parse } = await import('csv-parse');
  const start = performance.now();
  let rows = 0;
  let cells = 0;
  for await (const record of createReadStream(file).pipe(parse({ bom: true }))) {
    rows++;
    cells += record.length;
  }
  report(start, rows, cells);
} else {
  await main();
}

function report(start, rows, cells) {
  const seconds = (performance.now() - start) / 1000;
  const { user, system } = process.cpuUsage();
  const cpuSeconds = (user + system) / 1e6;
  const maxRssMb = peakRssMb();
  process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds, rows, cells, maxRssMb })}\n`);
}

async function main() {
  const quick = process.argv.includes('--quick');
  const rowsAt = process.argv.indexOf('--rows');
  const count = rowsAt > 0 ? Number(process.argv[rowsAt + 1]) : quick ? 100_000 : 1_000_000;
  mkdirSync(work, { recursive: true });
  const { writeWorkbook } = await loadWorkbookModule();
  const xlsx = `${work}sheet-${count}.xlsx`;
  const csv = `${work}sheet-${count}.csv`;
  const line = (text = '') => process.stdout.write(`${text}\n`);
  line(`workbooks: a sheet of ${count.toLocaleString('en-GB')} rows × 10 columns, node ${process.version}`);
  if (!existsSync(xlsx) || !existsSync(csv)) {
    const start = performance.now();
    const bytes = await writeWorkbook([{ name: 'List 3', rows: rowsOf(count, true) }]);
    writeFileSync(xlsx, bytes);
    line(
      `  written by the module in ${((performance.now() - start) / 1000).toFixed(1)} s, ` +
        `peak RSS ${(peakRssMb()).toFixed(0)} MB (this process)`,
    );
    const out = createWriteStream(csv);
    let buffer = '';
    for (const row of rowsOf(count, false)) {
      buffer += `${row.join(',')}\n`;
      if (buffer.length > 1 << 16) {
        if (!out.write(buffer)) await new Promise((resolve) => out.once('drain', resolve));
        buffer = '';
      }
    }
    out.end(buffer);
    await new Promise((resolve) => out.on('finish', resolve));
  }
  line(
    `  .xlsx ${(statSync(xlsx).size / 1e6).toFixed(1)} MB; the same records as CSV ${(statSync(csv).size / 1e6).toFixed(1)} MB`,
  );
  const runs = { xlsx: [], csv: [] };
  for (let round = 0; round < 3; round++) {
    for (const [kind, path] of [
      ['xlsx', xlsx],
      ['csv', csv],
    ]) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `--child-${kind}`, path], {
        cwd: root,
        encoding: 'utf8',
      });
      if (child.status !== 0) throw new Error(`${kind} run failed: ${child.stderr}`);
      runs[kind].push(JSON.parse(child.stdout.trim().split('\n').pop()));
    }
  }
  const median = (list) => [...list].sort((a, b) => a.seconds - b.seconds)[1];
  const peak = (list) => Math.max(...list.map((run) => run.maxRssMb));
  const xlsxRun = median(runs.xlsx);
  const csvRun = median(runs.csv);
  if (xlsxRun.cells !== csvRun.cells)
    throw new Error(`cells differ: ${xlsxRun.cells} against ${csvRun.cells}`);
  const cpu = (list) => list.map((run) => run.cpuSeconds).sort((a, b) => a - b)[1];
  const show = (label, run, list) =>
    line(
      `  ${label.padEnd(27)}${run.seconds.toFixed(2).padStart(6)} s wall, ${cpu(list).toFixed(2).padStart(6)} s CPU, ` +
        `peak RSS ${peak(list).toFixed(0)} MB`,
    );
  show('module reading the sheet', xlsxRun, runs.xlsx);
  show('csv-parse, the same CSV', csvRun, runs.csv);
  line(
    `  ratio sheet / CSV: ${(xlsxRun.seconds / csvRun.seconds).toFixed(2)}× wall, ` +
      `${(cpu(runs.xlsx) / cpu(runs.csv)).toFixed(2)}× CPU  (goal ≤ 2×; memory goal < 1024 MB)` +
      `  [medians of 3, ${xlsxRun.rows.toLocaleString('en-GB')} rows each]`,
  );
}

/** The rows of the test sheet: a header, then `count` referrals (seeded, so every run writes the same). */
function* rowsOf(count, typed) {
  yield [
    'Child Unique ID',
    'Gender',
    'Date of Birth',
    'Date of referral',
    'Referral Source',
    'Referral NFA?',
    'Number of Referrals in Last 12 Months',
    'Assessment Date',
    'Allocated Team',
    'Allocated Worker',
  ];
  const sources = ['Police', 'Schools', 'Health', 'Individual', 'LA services'];
  const iso = (day) => new Date(day * 86_400_000).toISOString().slice(0, 10);
  const date = (day) => (typed ? { date: iso(day) } : iso(day));
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 1; i <= count; i++) {
    const referral = 14_700 + Math.floor(random() * 730); // April 2010 to April 2012
    yield [
      `C${String(i).padStart(7, '0')}`,
      random() < 0.5 ? 'a) Male' : 'b) Female',
      date(referral - 365 * (1 + Math.floor(random() * 16))),
      date(referral),
      sources[i % 5],
      random() < 0.2 ? 'a) Yes' : 'b) No',
      Math.floor(random() * 4),
      date(referral + Math.floor(random() * 60)),
      `Team ${i % 23}`,
      `W${String(i % 997).padStart(4, '0')}`,
    ];
  }
}
