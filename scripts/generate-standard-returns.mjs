#!/usr/bin/env node
// Writes the standard-returns example: a synthetic recent year (2023/24) of one council in the four shapes councils
// submit, for `cs-indicators report --config examples/standard-returns/report.config.json`:
// - annex-a-2023-24.xlsx: an Ofsted Annex A workbook, lists 3 (referrals, with "Number of Referrals in Last 12
//   Months"), 4 (assessments), 5 (section 47 enquiries and initial conferences) and 7 (plans, with "Number of
//   Previous Child Protection Plans");
// - cin-census-2024.xml: the CIN census for the year to 31 March 2024, the same children's episodes, their initial
//   conferences recorded under Section47, on the episode (CINdetails) or both, as returns do;
// - workforce-census-2023.xml: the children's social work workforce census on 30 September 2023;
// - nccis-2024-01.xml: the NCCIS return of January 2024.
// Run with `npm run examples:standard-returns` (it builds first: working days come from the library's calendar).
//
// Synthetic: no real child, worker or young person. Seeded and deterministic (no Math.random, no clock; the
// workbook's zip times are fixed), so running it twice writes byte-identical files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { createCalendar } from '../dist/index.js';
import { fixZipTimes, stream } from './lib/seeded.mjs';

const OUT = fileURLToPath(new URL('../examples/standard-returns/', import.meta.url));
const YEAR_START = '2023-04-01';
const YEAR_END = '2024-03-31';
const HISTORY_START = '2022-04-01';
const FIXED_TIME = new Date(Date.UTC(2024, 3, 5, 9, 0, 0));
const calendar = createCalendar();

const DAY = 86_400_000;
const toTime = (iso) => Date.parse(`${iso}T00:00:00Z`);
const fromTime = (time) => new Date(time).toISOString().slice(0, 10);
const addDays = (iso, n) => fromTime(toTime(iso) + n * DAY);
const daysBetween = (from, to) => Math.round((toTime(to) - toTime(from)) / DAY);
const nextWorkingDay = (iso) => (calendar.isWorkingDay(iso) ? iso : calendar.nextWorkingDay(iso));

const TEAMS = ['Front Door', 'Locality North', 'Locality South', 'Children in Care'];

// ---------------------------------------------------------------------------------------------------------------
// Children, referrals, assessments, enquiries, conferences and plans: April 2022 to March 2024 (the year before
// gives REPEAT_REFERRALS its look-back).

const draw = stream('children', 20230401);
const children = [];
const referrals = [];
let childNumber = 0;
const newChild = () => {
  childNumber += 1;
  const child = {
    id: `SR${String(childNumber).padStart(4, '0')}`,
    birth: addDays('2007-04-01', draw.int(0, 16 * 365)),
    sex: draw.pick(['1', '2']),
    ethnicity: draw.pick(['WBRI', 'WBRI', 'WBRI', 'WOTH', 'MWBC', 'APKN', 'BAFR', 'OOTH']),
    // Referrals before April 2022, which no list here holds: the return's count of the last 12 months does.
    earlier: draw.chance(0.12) ? [addDays(HISTORY_START, -draw.int(20, 300))] : [],
    team: draw.pick(TEAMS),
  };
  children.push(child);
  return child;
};
for (let day = HISTORY_START; day <= YEAR_END; day = addDays(day, 1)) {
  if (!calendar.isWorkingDay(day)) continue;
  const count = draw.int(0, 3);
  for (let k = 0; k < count; k++) {
    const child = children.length > 30 && draw.chance(0.2) ? draw.pick(children) : newChild();
    const last = referrals.filter((r) => r.child === child).at(-1);
    if (last !== undefined && daysBetween(last.date, day) < 28) continue;
    referrals.push({ child, date: day, source: draw.pick(['1A', '1B', '2A', '3A', '5A', '6', '8', '10']) });
  }
}
for (const referral of referrals) {
  const earlier = [
    ...referral.child.earlier,
    ...referrals.filter((r) => r.child === referral.child).map((r) => r.date),
  ];
  referral.inLast12Months = earlier.filter(
    (d) => d < referral.date && d >= addDays(referral.date, -365),
  ).length;
  referral.assessmentStart = nextWorkingDay(addDays(referral.date, draw.int(0, 3)));
  const late = draw.chance(0.18);
  referral.assessmentEnd = calendar.addWorkingDays(referral.date, late ? draw.int(46, 70) : draw.int(8, 45));
  if (referral.assessmentEnd > YEAR_END) delete referral.assessmentEnd;
  if (draw.chance(0.24)) {
    const start = calendar.addWorkingDays(referral.date, draw.int(0, 4));
    const notRequired = draw.chance(0.2);
    const conference = notRequired
      ? undefined
      : calendar.addWorkingDays(start, draw.chance(0.25) ? draw.int(16, 24) : draw.int(7, 15));
    referral.enquiry = {
      start,
      notRequired,
      ...(conference !== undefined && conference <= YEAR_END ? { conference } : {}),
      // Where the census records the conference: the enquiry (most), the episode only, or both.
      level: draw.pick(['s47', 's47', 's47', 's47', 'episode', 'both']),
    };
    if (referral.enquiry.conference !== undefined && draw.chance(0.7)) {
      const end = draw.chance(0.6) ? addDays(referral.enquiry.conference, draw.int(90, 500)) : undefined;
      referral.plan = {
        start: referral.enquiry.conference,
        ...(end !== undefined && end <= YEAR_END ? { end } : {}),
        previous: referral.child.earlier.length > 0 && draw.chance(0.5) ? 1 : 0,
      };
    }
  }
}
// Two conferences whose episode records a later referral (a re-referral keyed over the first): kept with a warning.
const rereferred = referrals
  .filter((r) => r.enquiry?.conference !== undefined && r.date >= YEAR_START)
  .slice(5, 7);
for (const referral of rereferred) referral.episodeDate = addDays(referral.enquiry.conference, 3);
// Plans open on 1 April 2022, for CPP_2YEARS: some ending in the year after two years or more.
const olderPlans = [];
for (let k = 0; k < 40; k++) {
  const child = newChild();
  const start = addDays(HISTORY_START, -draw.int(30, 900));
  const end = draw.chance(0.7) ? addDays(YEAR_START, draw.int(0, 360)) : undefined;
  olderPlans.push({ child, start, ...(end !== undefined ? { end } : {}), previous: draw.int(0, 1) });
}

// ---------------------------------------------------------------------------------------------------------------
// The Annex A workbook of 2023/24.

const inYear = (date) => date >= YEAR_START && date <= YEAR_END;
const age = (birth, on) => Math.floor(daysBetween(birth, on) / 365.25);
const childCells = (child, on) => [
  child.id,
  child.sex === '1' ? 'a) Male' : 'b) Female',
  child.ethnicity,
  new Date(toTime(child.birth)),
  age(child.birth, on),
];
const standard = ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)'];
const date = (iso) => (iso === undefined ? null : new Date(toTime(iso)));
const yearReferrals = referrals.filter((r) => inYear(r.date));

const wb = new ExcelJS.Workbook();
wb.creator = 'childrens-services-indicators example';
wb.created = FIXED_TIME;
wb.modified = FIXED_TIME;
const addList = (name, headers, rows) => {
  const sheet = wb.addWorksheet(name);
  sheet.addRow([`Annex A ${name}: synthetic example, 2023/24`]);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  for (const column of sheet.columns) column.width = 18;
};
addList(
  'List 3',
  [
    ...standard,
    'Date of referral',
    'Referral Source',
    'Referral NFA?',
    'Number of Referrals in Last 12 Months',
    'Allocated Team',
  ],
  yearReferrals.map((r) => [
    ...childCells(r.child, r.date),
    date(r.date),
    r.source,
    'b) No',
    r.inLast12Months,
    r.child.team,
  ]),
);
addList(
  'List 4',
  [
    ...standard,
    'Continuous Assessment Start Date',
    'Continuous Assessment Date of Authorisation',
    'Allocated Team',
  ],
  yearReferrals.map((r) => [
    ...childCells(r.child, r.date),
    date(r.assessmentStart),
    date(r.assessmentEnd),
    r.child.team,
  ]),
);
addList(
  'List 5',
  [
    ...standard,
    'Strategy discussion initiating Section 47 Enquiry Start Date',
    'Was an Initial Child Protection Conference deemed unnecessary?',
    'Date of Initial Child Protection Conference',
    'Allocated Team',
  ],
  yearReferrals
    .filter((r) => r.enquiry !== undefined)
    .map((r) => [
      ...childCells(r.child, r.enquiry.start),
      date(r.enquiry.start),
      r.enquiry.notRequired ? 'a) Yes' : 'b) No',
      date(r.enquiry.conference),
      r.child.team,
    ]),
);
const plans = [
  ...olderPlans,
  ...referrals.filter((r) => r.plan !== undefined).map((r) => ({ child: r.child, ...r.plan })),
].filter((p) => p.start <= YEAR_END && (p.end === undefined || p.end >= YEAR_START));
addList(
  'List 7',
  [
    ...standard,
    'Child Protection Plan Start Date',
    'Child Protection Plan End Date',
    'Number of Previous Child Protection Plans',
    'Allocated Team',
  ],
  plans.map((p) => [...childCells(p.child, p.start), date(p.start), date(p.end), p.previous, p.child.team]),
);
mkdirSync(OUT, { recursive: true });
const buffer = Buffer.from(await wb.xlsx.writeBuffer());
writeFileSync(`${OUT}annex-a-2023-24.xlsx`, fixZipTimes(buffer, FIXED_TIME));

// ---------------------------------------------------------------------------------------------------------------
// The CIN census of the year to 31 March 2024: the year's episodes, with their conferences at either level.

/** The `Header` of a DfE census `Message`: the collection, its year and reference date, a synthetic source. */
const censusHeader = (collection, referenceDate) => `  <Header>
    <CollectionDetails>
      <Collection>${collection}</Collection>
      <Year>${referenceDate.slice(0, 4)}</Year>
      <ReferenceDate>${referenceDate}</ReferenceDate>
    </CollectionDetails>
    <Source>
      <SourceLevel>L</SourceLevel>
      <LEA>999</LEA>
      <SoftwareCode>Synthetic example</SoftwareCode>
    </Source>
  </Header>`;
const element = (name, value, indent) =>
  value === undefined ? '' : `${indent}<${name}>${value}</${name}>\n`;
const episode = (r) => {
  const e = r.enquiry;
  const atEpisode = e?.conference !== undefined && (e.level === 'episode' || e.level === 'both');
  const atEnquiry = e?.conference !== undefined && (e.level === 's47' || e.level === 'both');
  const enquiry =
    e === undefined
      ? ''
      : `        <Section47>\n${element('S47ActualStartDate', e.start, '          ')}${element('DateOfInitialCPC', atEnquiry ? e.conference : undefined, '          ')}${element('ICPCnotRequired', e.notRequired ? 'true' : 'false', '          ')}        </Section47>\n`;
  return `      <CINdetails>\n${element('CINreferralDate', r.episodeDate ?? r.date, '        ')}${element('ReferralSource', r.source, '        ')}${element('DateOfInitialCPC', atEpisode ? e.conference : undefined, '        ')}        <Assessments>\n${element('AssessmentActualStartDate', r.assessmentStart, '          ')}${element('AssessmentAuthorisationDate', r.assessmentEnd, '          ')}        </Assessments>\n${enquiry}      </CINdetails>\n`;
};
const byChild = new Map();
for (const r of yearReferrals) byChild.set(r.child, [...(byChild.get(r.child) ?? []), r]);
writeFileSync(
  `${OUT}cin-census-2024.xml`,
  `<?xml version="1.0" encoding="utf-8"?>
<Message>
${censusHeader('CIN', '2024-03-31')}
  <Children>
${[...byChild]
  .map(
    ([child, episodes]) => `    <Child>
      <ChildIdentifiers>
        <LAchildID>${child.id}</LAchildID>
        <PersonBirthDate>${child.birth}</PersonBirthDate>
      </ChildIdentifiers>
${episodes.map(episode).join('')}    </Child>`,
  )
  .join('\n')}
  </Children>
</Message>
`,
);

// ---------------------------------------------------------------------------------------------------------------
// The workforce census on 30 September 2023.

const staff = stream('workforce', 20230930);
const workers = [];
for (let k = 1; k <= 150; k++) {
  const agency = k > 120;
  const leaver = !agency && staff.chance(0.15);
  const role = staff.chance(0.03) ? '' : staff.pick(['5', '5', '5', '5', '5', '4', '4', '3', '2', '6']);
  const start = addDays('2023-09-30', -staff.int(agency ? 20 : 200, agency ? 700 : 9000));
  const end = leaver ? addDays('2022-09-30', staff.int(1, 365)) : undefined;
  const fte = staff.pick(['1', '1', '1', '1', '0.8', '0.6', '0.5']);
  const holdsCases = role === '5' || role === '4' || (role === '' && staff.chance(0.5));
  workers.push({
    id: `SW${String(10000 + k)}`,
    agency: agency ? '1' : '0',
    role,
    start: start < (end ?? '9999') ? start : addDays(end, -400),
    end,
    fte30: leaver ? undefined : fte,
    fte,
    cases: leaver ? undefined : holdsCases ? String(staff.int(9, 24)) : '0',
    daysLost: agency
      ? undefined
      : String(staff.chance(0.5) ? 0 : staff.int(1, 25) + (staff.chance(0.3) ? 0.5 : 0)),
  });
}
writeFileSync(
  `${OUT}workforce-census-2023.xml`,
  `<?xml version="1.0" encoding="utf-8"?>
<Message>
${censusHeader('CSWW', '2023-09-30')}
  <LALevelVacancies>
    <NumberOfVacancies>21.5</NumberOfVacancies>
    <NumberOfAgencyWorkers>30</NumberOfAgencyWorkers>
  </LALevelVacancies>
${workers
  .map(
    (w) =>
      `  <CSWWWorker>\n${element('AgencyWorker', w.agency, '    ')}${element('SWENo', w.id, '    ')}${element('OrgRole', w.role, '    ')}${element('RoleStartDate', w.start, '    ')}${element('RoleEndDate', w.end, '    ')}${element('Cases30', w.cases, '    ')}${element('WorkingDaysLost', w.daysLost, '    ')}${element('FTE30', w.fte30, '    ')}${element('FTE', w.fte, '    ')}  </CSWWWorker>`,
  )
  .join('\n')}
</Message>
`,
);

// ---------------------------------------------------------------------------------------------------------------
// The NCCIS return of January 2024: young people of academic age 15 to 18, each with a current activity.

const youth = stream('nccis', 20240131);
const CODES = [
  ...Array(30).fill('230'),
  ...Array(12).fill('220'),
  ...Array(8).fill('310'),
  ...Array(4).fill('330'),
  ...Array(3).fill('430'),
  ...Array(2).fill('540'),
  '610',
  '619',
  '630',
  '810',
  '810',
  '820',
  '710',
];
const people = [];
for (let k = 1; k <= 400; k++) {
  const birth = addDays('2004-09-01', youth.int(0, 4 * 365));
  // Academic age 15 (born from September 2007): still in compulsory education, codes 110-150.
  const code = birth >= '2007-09-01' ? youth.pick(['110', '110', '110', '120']) : youth.pick(CODES);
  people.push({ id: `999${String(k).padStart(10, '0')}`, birth, code });
}
writeFileSync(
  `${OUT}nccis-2024-01.xml`,
  `<?xml version="1.0" encoding="utf-8"?>
<NCCIS>
  <FileHeader>
    <DatabaseID>999</DatabaseID>
    <LEACode>999</LEACode>
    <DateOfSend>2024-02-05</DateOfSend>
    <PeriodEnd>2024-01-31</PeriodEnd>
    <SupplierName>Synthetic example</SupplierName>
  </FileHeader>
${people
  .map(
    (p) => `  <YoungPersonsRecord>
    <YoungPersonsID>${p.id}</YoungPersonsID>
    <DOB>${p.birth}</DOB>
    <CohortStatus>A</CohortStatus>
    <Activities>
      <Activity>
        <ActivityCode>${p.code}</ActivityCode>
      </Activity>
    </Activities>
  </YoungPersonsRecord>`,
  )
  .join('\n')}
</NCCIS>
`,
);
console.log(
  `wrote examples/standard-returns/: ${yearReferrals.length} referrals, ${plans.length} plans, ${workers.length} workers, ${people.length} young people`,
);
