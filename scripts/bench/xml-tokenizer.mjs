// The XML tokenizer alone, two builds side by side in one process, alternating round by round (so that both meet
// the same load), on a census held in memory (Latin-1 pieces of 64 KB: its bytes are ASCII), the referral kind's
// elements built (as `--preset cin-census` builds them for REPEAT_REFERRALS):
//   node scripts/bench/xml-tokenizer.mjs CENSUS.xml BEFORE_DIST AFTER_DIST [ROUNDS] [MEGABYTES]
// e.g. `node scripts/bench/xml-tokenizer.mjs .tmp/bench/cin-census-200mb.xml .tmp/dist-main dist 10`, after
// copying the build before aside. Prints each build's processor time (user + system) per round, its least and its
// median, and the records read (the same for both, or the run says so).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [census, before, after, roundsText = '5', megabytesText = '0'] = process.argv.slice(2);
if (census === undefined || before === undefined || after === undefined) {
  process.stderr.write(
    'usage: node scripts/bench/xml-tokenizer.mjs CENSUS.xml BEFORE_DIST AFTER_DIST [ROUNDS] [MB]\n',
  );
  process.exit(2);
}
const rounds = Number(roundsText);
const megabytes = Number(megabytesText);
const bytes = readFileSync(census);
const data = megabytes > 0 ? bytes.subarray(0, megabytes * 2 ** 20) : bytes;
const pieces = [];
for (let at = 0; at < data.length; at += 65536)
  pieces.push(data.latin1Slice(at, Math.min(at + 65536, data.length)));

// The elements the CIN census preset builds for referrals (src/presets/cin-census.ts, `cinCensusReads`).
const referralReads = ['ChildIdentifiers', 'LAchildID', 'CINdetails', 'CINreferralDate', 'ReferralSource'];
const builds = [];
for (const [name, dist] of [
  ['before', before],
  ['after', after],
]) {
  const core = await import(pathToFileURL(resolve(dist, 'index.js')).href);
  builds.push({ name, core, times: [], items: 0 });
}

for (let round = 0; round < rounds; round++) {
  for (const build of builds) {
    let items = 0;
    const sink = {
      row() {},
      item() {
        items++;
      },
      problem() {},
      refuse() {},
      fileValue() {},
      end() {},
    };
    const start = process.cpuUsage();
    const tokenizer = build.core.createXmlTokenizer(
      { ...build.core.cinCensusXml, reads: referralReads },
      sink,
    );
    for (const piece of pieces) tokenizer.write(piece);
    tokenizer.end();
    const used = process.cpuUsage(start);
    build.times.push((used.user + used.system) / 1000);
    build.items = items;
  }
}
for (const { name, times, items } of builds) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  process.stdout.write(
    `${name}: ${times.map((ms) => ms.toFixed(0)).join(', ')} ms; least ${(sorted[0] ?? 0).toFixed(0)}, median ${median.toFixed(0)}; ${items} records\n`,
  );
}
if (builds[0]?.items !== builds[1]?.items)
  process.stdout.write('the two builds read different numbers of records\n');
