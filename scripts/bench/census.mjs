// A synthetic CIN census for the benchmark (goal 3: XML streamed), seeded so every run measures the same file, and
// the same referrals as CSV, to read beside it. Not example data: children, episodes and dates at random, laid out
// as the DfE's CIN census XML is (a Header, then Children of Child elements, two-space indents, LF).
import { createWriteStream, existsSync } from 'node:fs';
import { fromDayNumber, toDayNumber } from '../../dist/index.js';
import { random } from './synthetic.mjs';

const FIRST = toDayNumber('2009-04-01');
const SPAN = 730;
const SOURCES = ['1A', '1B', '2A', '3A', '3E', '5A', '6', '9'];

/** Writes text to a stream, waiting when it is full. */
async function put(out, text) {
  if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
}

/**
 * Writes a CIN census of about `megabytes` MB to `xmlPath` and its referrals (`id,childId,referralDate,source`, the
 * records `--preset cin-census` reads from it) to `csvPath`; files already there are kept.
 * @returns the number of referrals.
 */
export async function writeCinCensus(xmlPath, csvPath, megabytes, seed = 31) {
  const rnd = random(seed);
  const day = () => FIRST + Math.floor(rnd() * SPAN);
  const xml = existsSync(xmlPath) ? undefined : createWriteStream(xmlPath);
  const csv = existsSync(csvPath) ? undefined : createWriteStream(csvPath);
  const e = (name, value, indent) => `${indent}<${name}>${value}</${name}>\n`;
  await put(
    xml ?? { write: () => true },
    `<?xml version="1.0" encoding="utf-8"?>\n<Message>\n  <Header>\n    <CollectionDetails>\n${e('Collection', 'CIN', '      ')}${e('Year', '2011', '      ')}${e('ReferenceDate', '2011-03-31', '      ')}    </CollectionDetails>\n  </Header>\n  <Children>\n`,
  );
  await put(csv ?? { write: () => true }, 'id,childId,referralDate,source\n');
  let bytes = 0;
  let referrals = 0;
  let xmlText = '';
  let csvText = '';
  for (let child = 0; bytes < megabytes * 2 ** 20; child++) {
    const id = `C${100000 + child}`;
    let text = `    <Child>\n      <ChildIdentifiers>\n${e('LAchildID', id, '        ')}${e('PersonBirthDate', fromDayNumber(FIRST - 365 - Math.floor(rnd() * 5000)), '        ')}      </ChildIdentifiers>\n`;
    // One to three episodes, at different dates.
    const episodes = 1 + Math.floor(rnd() * rnd() * 3);
    let start = day();
    for (let k = 0; k < episodes; k++, start += 40 + Math.floor(rnd() * 200)) {
      const referral = fromDayNumber(start);
      const source = SOURCES[Math.floor(rnd() * SOURCES.length)];
      text += `      <CINdetails>\n${e('CINreferralDate', referral, '        ')}${e('ReferralSource', source, '        ')}`;
      const assessment = start + Math.floor(rnd() * 10);
      text += `        <Assessments>\n${e('AssessmentActualStartDate', fromDayNumber(assessment), '          ')}${e('AssessmentAuthorisationDate', fromDayNumber(assessment + Math.floor(rnd() * 60)), '          ')}        </Assessments>\n`;
      if (rnd() < 0.3) {
        const s47 = start + Math.floor(rnd() * 20);
        text += `        <Section47>\n${e('S47ActualStartDate', fromDayNumber(s47), '          ')}${e('DateOfInitialCPC', fromDayNumber(s47 + Math.floor(rnd() * 25)), '          ')}${e('ICPCnotRequired', 'false', '          ')}        </Section47>\n`;
      }
      text += '      </CINdetails>\n';
      csvText += `${id}@${referral},${id},${referral},${source}\n`;
      referrals++;
    }
    text += '    </Child>\n';
    xmlText += text;
    bytes += text.length;
    if (xmlText.length > 1 << 20) {
      if (xml !== undefined) await put(xml, xmlText);
      if (csv !== undefined) await put(csv, csvText);
      xmlText = '';
      csvText = '';
    }
  }
  if (xml !== undefined) {
    await put(xml, `${xmlText}  </Children>\n</Message>\n`);
    await new Promise((resolve) => xml.end(resolve));
  }
  if (csv !== undefined) {
    await put(csv, csvText);
    await new Promise((resolve) => csv.end(resolve));
  }
  return referrals;
}
