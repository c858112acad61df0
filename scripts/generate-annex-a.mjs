#!/usr/bin/env node
// Writes the Annex A example: examples/annex-a/annex-a-2012-13.xlsx, a synthetic Ofsted Annex A workbook for the
// financial year 2012/13 with lists 3 (referrals), 4 (assessments), 5 (section 47 enquiries and initial child
// protection conferences) and 7 (child protection plans), for `cs-indicators report --config
// examples/annex-a/report.config.json`. Run with `npm run examples:annex-a`.
//
// Synthetic: no real child or worker. Seeded and deterministic: no Math.random, no clock; the zip entries' times
// are fixed after writing, so running it twice writes byte-identical files. Written with exceljs, as a council's
// workbook would be: most dates are Excel date cells, and about one in ten a bare serial number (a column pasted
// from another system), which the reader takes as a date because it is in a date column.
//
// The lists hang together as the real ones do: an assessment (List 4) follows its child's referral (List 3) by a
// few working days; a section 47 enquiry (List 5) starts from a referral, and most lead to an initial conference
// (some are deemed unnecessary, some are still waiting at the year end); a conference that results in a plan
// starts a child protection plan that day (List 7), beside the plans already open on 1 April 2012.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { fixZipTimes, stream as seeded } from './lib/seeded.mjs';

const SEED = 20120401;
const OUT = fileURLToPath(new URL('../examples/annex-a/annex-a-2012-13.xlsx', import.meta.url));
const YEAR_START = '2012-04-01';
const YEAR_END = '2013-03-31';
const FIXED_TIME = new Date(Date.UTC(2013, 3, 2, 9, 0, 0));

// England and Wales bank holidays 2009-2013 (2012-06-04 and 06-05: the spring bank holiday moved for the Diamond
// Jubilee), hard-coded so that the script needs nothing but exceljs.
const BANK_HOLIDAYS = new Set([
  '2009-12-25',
  '2009-12-28',
  '2010-01-01',
  '2010-04-02',
  '2010-04-05',
  '2010-05-03',
  '2010-05-31',
  '2010-08-30',
  '2010-12-27',
  '2010-12-28',
  '2011-01-03',
  '2011-04-22',
  '2011-04-25',
  '2011-04-29',
  '2011-05-02',
  '2011-05-30',
  '2011-08-29',
  '2011-12-26',
  '2011-12-27',
  '2012-01-02',
  '2012-04-06',
  '2012-04-09',
  '2012-05-07',
  '2012-06-04',
  '2012-06-05',
  '2012-08-27',
  '2012-12-25',
  '2012-12-26',
  '2013-01-01',
  '2013-03-29',
  '2013-04-01',
  '2013-05-06',
  '2013-05-27',
  '2013-08-26',
  '2013-12-25',
  '2013-12-26',
]);

// Seeded random numbers (scripts/lib/seeded.mjs), each list drawing from its own stream.
const stream = (name) => seeded(name, SEED);

// ---------------------------------------------------------------------------------------------------------------
// Dates as YYYY-MM-DD strings; working days skip weekends and the bank holidays above.

const DAY = 86_400_000;
const toTime = (iso) => Date.parse(`${iso}T00:00:00Z`);
const fromTime = (time) => new Date(time).toISOString().slice(0, 10);
const addDays = (iso, n) => fromTime(toTime(iso) + n * DAY);
const isWorkingDay = (iso) => {
  const weekday = new Date(toTime(iso)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !BANK_HOLIDAYS.has(iso);
};
/** The working day `n` working days after `iso` (n >= 0; 0 gives the next working day on or after it). */
function addWorkingDays(iso, n) {
  let date = iso;
  while (!isWorkingDay(date)) date = addDays(date, 1);
  for (let left = n; left > 0; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left--;
  }
  return date;
}
const yearsBetween = (from, to) => {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
};

// ---------------------------------------------------------------------------------------------------------------
// Children, teams and workers.

const TEAMS = ['Assessment North', 'Assessment South', 'Assessment East', 'Safeguarding West'];
const WORKERS = Object.fromEntries(
  TEAMS.map((team, t) => [
    team,
    Array.from({ length: 9 }, (_, w) => `SW${String(t * 10 + w + 1).padStart(3, '0')}`),
  ]),
);
const ETHNICITIES = [
  'WBRI',
  'WBRI',
  'WBRI',
  'WBRI',
  'WBRI',
  'WOTH',
  'MWBC',
  'MOTH',
  'AIND',
  'APKN',
  'BAFR',
  'BCRB',
  'CHNE',
  'NOBT',
];
const SOURCES = [
  '6: Police',
  '6: Police',
  '6: Police',
  '2A: Schools',
  '2A: Schools',
  '3A: Health services - GP',
  '3B: Health services - health visitor',
  '5A: LA services - social care',
  '1A: Individual - family member, relative or carer',
  '8: Other',
  '9: Anonymous',
];
const CATEGORIES = [
  'a) Neglect',
  'a) Neglect',
  'a) Neglect',
  'd) Emotional abuse',
  'd) Emotional abuse',
  'b) Physical abuse',
  'c) Sexual abuse',
  'e) Multiple/not recommended',
];

const people = stream('children');
let childCounter = 0;
function newChild(aroundDate) {
  childCounter++;
  const age = people.int(0, 17);
  const dateOfBirth = addDays(aroundDate, -(age * 365 + people.int(0, 364)));
  const team = people.pick(TEAMS);
  return {
    id: `CH${String(40000 + childCounter * 7).padStart(6, '0')}`,
    sex: people.chance(0.51) ? 'a) Male' : 'b) Female',
    ethnicity: people.pick(ETHNICITIES),
    dateOfBirth,
    disability: people.chance(0.08) ? 'a) Yes' : 'b) No',
    team,
    worker: people.pick(WORKERS[team]),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The year's events.

const events = stream('events');
const referrals = [];
const assessments = [];
const enquiries = [];
const plans = [];
const children = [];

// Annex A has no record ids: a record is its child and its date, so no child has two events of a list on one day.
const taken = new Set();
const once = (list, child, date) => {
  const key = `${list} ${child.id} ${date}`;
  if (taken.has(key)) return false;
  taken.add(key);
  return true;
};

// Referrals: about 15 a week, on working days, a fifth of them children referred before in the year.
for (let date = YEAR_START; date <= YEAR_END; date = addDays(date, 1)) {
  if (!isWorkingDay(date)) continue;
  const count = events.int(1, 5);
  for (let i = 0; i < count; i++) {
    const again = children.length > 20 && events.chance(0.2);
    const child = again ? events.pick(children) : newChild(date);
    if (!once('referral', child, date)) continue;
    if (!again) children.push(child);
    const earlier = referrals.filter((r) => r.child === child && r.date > addDays(date, -366)).length;
    referrals.push({ child, date, source: events.pick(SOURCES), nfa: events.chance(0.12), earlier });
  }
}

// Assessments: most referrals that are not NFA lead to one, started 0-3 working days after the referral. About
// four in five are authorised within 45 working days of the referral; those started late in the year are open.
for (const referral of referrals) {
  if (referral.nfa || !events.chance(0.88)) continue;
  const start = addWorkingDays(referral.date, events.int(0, 3));
  if (start > YEAR_END || !once('assessment', referral.child, start)) continue;
  const fromReferral = events.chance(0.8) ? events.int(8, 45) : events.int(46, 75);
  const authorised = addWorkingDays(referral.date, fromReferral);
  assessments.push({
    child: referral.child,
    start,
    authorised: authorised <= YEAR_END ? authorised : null,
    seen: events.chance(0.95) ? 'a) Yes' : 'b) No',
    needsSupport: authorised <= YEAR_END ? (events.chance(0.55) ? 'a) Yes' : 'b) No') : null,
  });
}

// Section 47 enquiries: about three referrals in ten, from a strategy discussion 0-2 working days after it. A third
// need no initial conference; of the rest, about three in four are held within 15 working days of the strategy
// discussion, and an enquiry near the year end may still be waiting.
for (const referral of referrals) {
  if (referral.nfa || !events.chance(0.3)) continue;
  const strategy = addWorkingDays(referral.date, events.int(0, 2));
  if (strategy > YEAR_END || !once('enquiry', referral.child, strategy)) continue;
  const unnecessary = events.chance(0.33);
  const conference = unnecessary
    ? null
    : addWorkingDays(strategy, events.chance(0.76) ? events.int(6, 15) : events.int(16, 30));
  const held =
    conference !== null && conference <= YEAR_END && once('conference', referral.child, conference)
      ? conference
      : null;
  const resultsInPlan = held !== null && events.chance(0.82);
  const earlier = enquiries.filter(
    (e) => e.child === referral.child && e.strategy > addDays(strategy, -366),
  ).length;
  enquiries.push({ child: referral.child, strategy, unnecessary, conference: held, resultsInPlan, earlier });
}

// Child protection plans: one from each conference that resulted in one; a few children have had a plan before
// (Annex A's count of previous plans), and one in ten of the year's plans ends within the year.
for (const enquiry of enquiries) {
  if (!enquiry.resultsInPlan) continue;
  const previous = events.chance(0.2) ? (events.chance(0.2) ? 2 : 1) : 0;
  const ends = events.chance(0.1) ? addWorkingDays(enquiry.conference, events.int(60, 160)) : null;
  plans.push({
    child: enquiry.child,
    start: enquiry.conference,
    end: ends !== null && ends <= YEAR_END ? ends : null,
    previous,
  });
}
// The plans open on 1 April 2012: most started in the 18 months before, about one in ten more than two years
// before; about half end in the year.
const older = stream('older-plans');
for (let i = 0; i < 140; i++) {
  const daysBefore = older.chance(0.1) ? older.int(730, 1000) : older.int(10, 540);
  const start = addWorkingDays(addDays(YEAR_START, -daysBefore), 0);
  const child = newChild(start);
  const ends = older.chance(0.5) ? addWorkingDays(addDays(YEAR_START, older.int(0, 340)), 0) : null;
  plans.push({
    child,
    start,
    end: ends !== null && ends <= YEAR_END && ends > start ? ends : null,
    previous: older.chance(0.15) ? 1 : 0,
  });
}
plans.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));

// ---------------------------------------------------------------------------------------------------------------
// The workbook.

const cells = stream('cells');
/** A date as an Excel date cell, or (about one in ten) as its bare serial number, as a pasted column gives it. */
const dateCell = (iso) => {
  if (iso === null) return null;
  if (cells.chance(0.1)) return (toTime(iso) - Date.UTC(1899, 11, 30)) / DAY;
  return new Date(toTime(iso));
};
const childCells = (child, on) => [
  child.id,
  child.sex,
  child.ethnicity,
  dateCell(child.dateOfBirth),
  yearsBetween(child.dateOfBirth, on),
];

const wb = new ExcelJS.Workbook();
wb.creator = 'childrens-services-indicators example generator';
wb.created = FIXED_TIME;
wb.modified = FIXED_TIME;

function addList(name, title, headers, rows) {
  const sheet = wb.addWorksheet(name);
  sheet.addRow([title]).font = { bold: true, size: 13 };
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
  }
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
}

const standard = ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)'];

wb.addWorksheet('Notes').addRows([
  ['Annex A: synthetic example for 2012/13'],
  ['Generated by scripts/generate-annex-a.mjs (seeded). No real child or worker.'],
  ['Lists 3, 4, 5 and 7 follow the Ofsted Annex A template; the other lists are not included.'],
]);

addList(
  'List 3',
  'List 3: Referrals in the last 12 months',
  [
    ...standard,
    'Date of referral',
    'Referral Source',
    'Referral NFA?',
    'Number of Referrals in Last 12 Months',
    'Allocated Team',
    'Allocated Worker',
  ],
  referrals.map((r) => [
    ...childCells(r.child, r.date),
    dateCell(r.date),
    r.source,
    r.nfa ? 'a) Yes' : 'b) No',
    r.earlier,
    r.child.team,
    r.child.worker,
  ]),
);

addList(
  'List 4',
  'List 4: Assessments in the last 12 months',
  [
    ...standard,
    'Does the Child have a Disability',
    'Continuous Assessment Start Date',
    'Child Seen During Continuous Assessment',
    'Continuous Assessment Date of Authorisation',
    "Was the child assessed as requiring LA children's social care support?",
    'Allocated Team',
    'Allocated Worker',
  ],
  assessments.map((a) => [
    ...childCells(a.child, a.start),
    a.child.disability,
    dateCell(a.start),
    a.seen,
    dateCell(a.authorised),
    a.needsSupport,
    a.child.team,
    a.child.worker,
  ]),
);

addList(
  'List 5',
  'List 5: Section 47 enquiries and initial child protection conferences in the last 12 months',
  [
    ...standard,
    'Does the Child have a Disability',
    'Strategy discussion initiating Section 47 Enquiry Start Date',
    'Was an Initial Child Protection Conference deemed unnecessary?',
    'Date of Initial Child Protection Conference',
    'Did the Initial Child Protection Conference Result in a Child Protection Plan',
    'Number of Section 47 Enquiries in the last 12 months',
    'Allocated Team',
    'Allocated Worker',
  ],
  enquiries.map((e) => [
    ...childCells(e.child, e.strategy),
    e.child.disability,
    dateCell(e.strategy),
    e.unnecessary ? 'a) Yes' : 'b) No',
    dateCell(e.conference),
    e.conference === null ? null : e.resultsInPlan ? 'a) Yes' : 'b) No',
    e.earlier,
    e.child.team,
    e.child.worker,
  ]),
);

addList(
  'List 7',
  'List 7: Children who have been the subject of a child protection plan in the last 12 months',
  [
    ...standard,
    'Does the Child have a Disability',
    'Child Protection Plan Start Date',
    'Initial Category of Abuse',
    'Latest Category of Abuse',
    'Date of the Last Statutory Visit',
    'Date of latest review conference',
    'Child Protection Plan End Date',
    'Number of Previous Child Protection Plans',
    'Allocated Team',
    'Allocated Worker',
  ],
  plans.map((p) => {
    const category = cells.pick(CATEGORIES);
    const lastVisit = p.end ?? addWorkingDays(addDays(YEAR_END, -cells.int(3, 20)), 0);
    return [
      ...childCells(p.child, p.start),
      p.child.disability,
      dateCell(p.start),
      category,
      cells.chance(0.85) ? category : cells.pick(CATEGORIES),
      dateCell(lastVisit < p.start ? p.start : lastVisit),
      dateCell(addWorkingDays(p.start, 60) <= YEAR_END ? addWorkingDays(p.start, 60) : null),
      dateCell(p.end),
      p.previous,
      p.child.team,
      p.child.worker,
    ];
  }),
);

// ---------------------------------------------------------------------------------------------------------------
// Write, then fix the zip entries' times (JSZip stamps them with the clock) so that the file is byte-identical.

mkdirSync(fileURLToPath(new URL('../examples/annex-a/', import.meta.url)), { recursive: true });
await wb.xlsx.writeFile(OUT);
const zip = readFileSync(OUT);
fixZipTimes(zip, FIXED_TIME);
writeFileSync(OUT, zip);
console.log(
  `Wrote ${OUT}: List 3 ${referrals.length} referrals, List 4 ${assessments.length} assessments, List 5 ${enquiries.length} enquiries, List 7 ${plans.length} plans`,
);
