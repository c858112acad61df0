#!/usr/bin/env node
// Writes the bundled example data: a synthetic financial year 2010/11 of Leeds-scale children's services records
// (initial and core assessments, child protection conferences, CAF, referrals, NEET counts, workers and their
// allocations) into examples/data/fy2010/, for the demo report and the docs. Run with `npm run examples`.
//
// Synthetic: no real child, worker or young person. Seeded and deterministic: no Math.random, no clock, no
// dependency beyond Node itself; running it twice writes byte-identical files. Each file draws from its own
// random stream (sfc32 seeded from SEED and the file's name), so the files are made in a fixed order and a change
// to one part's draws does not reshuffle the others' (child ids come from one shared counter, in that order).
//
// Timeliness comes from the dates themselves: for each month the generator fixes how many records are on time
// (the month's intended rate times its volume, rounded), draws the working days elapsed inside or outside the
// timescale, and places the start date that many working days before the completion, counting as the library's
// default convention does (`after-start`: working days d with start < d <= end) over weekends and the England and
// Wales bank holidays below. So NI59, NI60, CPC15 and CAF2W computed from the files give the rates in the tables
// below, to within the rounding of each month's count.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sfc32 } from './lib/seeded.mjs';

const SEED = 20100401;
const OUT_DIR = fileURLToPath(new URL('../examples/data/fy2010/', import.meta.url));

// England and Wales bank holidays, hard-coded so that the script needs nothing but Node. 2009-2011 cover every
// figure; 2008 and 2009-01-01 only keep the lead-in dates (CAFs met in 2008/09, allocations made before the year)
// off holidays. Checked against test/fixtures/reference/bank-holidays-england-and-wales-2000-2030.json.
const BANK_HOLIDAYS = [
  // 2008 (lead-in dates only)
  '2008-01-01',
  '2008-03-21',
  '2008-03-24',
  '2008-05-05',
  '2008-05-26',
  '2008-08-25',
  '2008-12-25',
  '2008-12-26',
  // 2009
  '2009-01-01',
  '2009-04-10',
  '2009-04-13',
  '2009-05-04',
  '2009-05-25',
  '2009-08-31',
  '2009-12-25',
  '2009-12-28',
  // 2010
  '2010-01-01',
  '2010-04-02',
  '2010-04-05',
  '2010-05-03',
  '2010-05-31',
  '2010-08-30',
  '2010-12-27',
  '2010-12-28',
  // 2011 (2011-04-29: the Royal Wedding)
  '2011-01-03',
  '2011-04-22',
  '2011-04-25',
  '2011-04-29',
  '2011-05-02',
  '2011-05-30',
  '2011-08-29',
  '2011-12-26',
  '2011-12-27',
];

// ---------------------------------------------------------------------------------------------------------------
// The story: intended monthly rates (percent on time) and volumes.

const FY2009_MONTHS = months('2009-04', '2010-03');
const FY2010_MONTHS = months('2010-04', '2011-03');

/** Monthly volume factors, April to March: a quiet August and December, a busy autumn. */
const SEASON = [0.97, 1.0, 1.02, 1.04, 0.86, 1.0, 1.08, 1.1, 0.88, 1.02, 1.0, 1.05];

/** NI59: initial assessments completed within 7 working days (ni2008). March 2010 is the tail before the year. */
const NI59_RATES = {
  '2010-03': 63,
  '2010-04': 65,
  '2010-05': 67.5,
  '2010-06': 72.5,
  '2010-07': 73.5,
  '2010-08': 74.5,
  '2010-09': 77,
  '2010-10': 80.5,
  '2010-11': 81.5,
  '2010-12': 80.5,
  '2011-01': 82.5,
  '2011-02': 84,
  '2011-03': 85.5,
};
const NI59_VOLUME = 500;
/**
 * NI59 in 2009/10, the year before the notice: a steady process around 62%, month to month noise only (March 2010 is
 * the tail above). The history of the return's XmR charts.
 */
const NI59_HISTORY_RATES = {
  '2009-04': 61.5,
  '2009-05': 63.5,
  '2009-06': 60,
  '2009-07': 62.5,
  '2009-08': 64,
  '2009-09': 61,
  '2009-10': 63,
  '2009-11': 60.5,
  '2009-12': 62,
  '2010-01': 59.5,
  '2010-02': 62.5,
};

/** NI60: core assessments completed within 35 working days of their start. */
const NI60_RATES = {
  '2010-04': 70,
  '2010-05': 73,
  '2010-06': 80.5,
  '2010-07': 80.5,
  '2010-08': 81.5,
  '2010-09': 82.5,
  '2010-10': 84.5,
  '2010-11': 85.5,
  '2010-12': 85,
  '2011-01': 86.5,
  '2011-02': 87.5,
  '2011-03': 88,
};
const NI60_VOLUME = 205;
/** NI60 in 2009/10: steady around 70%. */
const NI60_HISTORY_RATES = {
  '2009-04': 69,
  '2009-05': 71.5,
  '2009-06': 68,
  '2009-07': 70.5,
  '2009-08': 72,
  '2009-09': 69.5,
  '2009-10': 71,
  '2009-11': 68.5,
  '2009-12': 70,
  '2010-01': 67.5,
  '2010-02': 70.5,
  '2010-03': 69,
};

/** CPC15: initial conferences within 15 working days of the strategy discussion. */
const CPC15_RATES = {
  '2010-04': 75,
  '2010-05': 76.5,
  '2010-06': 78,
  '2010-07': 79.5,
  '2010-08': 80,
  '2010-09': 82,
  '2010-10': 83.5,
  '2010-11': 85,
  '2010-12': 84.5,
  '2011-01': 87,
  '2011-02': 88.5,
  '2011-03': 90,
};
/** CPC15 in 2009/10: steady around 75%. */
const CPC15_HISTORY_RATES = {
  '2009-04': 74,
  '2009-05': 76.5,
  '2009-06': 72.5,
  '2009-07': 75,
  '2009-08': 77,
  '2009-09': 73.5,
  '2009-10': 75.5,
  '2009-11': 72,
  '2009-12': 74.5,
  '2010-01': 76,
  '2010-02': 73,
  '2010-03': 75,
};
const CPC_INITIAL_VOLUME = 64;
const CPC_REVIEW_VOLUME = 11;

/** CAF2W: CAF meetings within 14 calendar days of the designated date. April 2008 to March 2009 is a lead-in. */
const CAF2W_RATES = {
  ...ramp(months('2008-04', '2009-03'), 76, 80),
  ...ramp(FY2009_MONTHS, 80, 85),
  '2010-04': 85,
  '2010-05': 86,
  '2010-06': 87,
  '2010-07': 87.5,
  '2010-08': 88,
  '2010-09': 89,
  '2010-10': 89.5,
  '2010-11': 90,
  '2010-12': 90,
  '2011-01': 91,
  '2011-02': 91.5,
  '2011-03': 92,
  '2011-09': 93.5,
};
const CAF_VOLUME = { lead: 95, fy2009: 94, fy2010: 101, sep2011: 130 };
/** The CAF extract's date: CAFs closed after it are still open. */
const CAF_EXTRACT = '2011-09-30';
/** Share of CAF closures that are `needs-met`, by year of closure (the plan wants 10% more of these in 2010/11). */
const CAF_NEEDS_MET = { before: 0.5, fy2009: 0.52, fy2010: 0.56 };

/** Referrals: volumes, the share made without a CAF (falling through 2010/11) and the repeat-referral share. */
const REFERRAL_VOLUME = { fy2009: 412, fy2010: 421 };
const NO_CAF_SHARE = { ...ramp(FY2009_MONTHS, 0.64, 0.61), ...ramp(FY2010_MONTHS, 0.58, 0.5) };
const REPEAT_SHARE = 0.235;

/** CASELOAD: the intended open cases per FTE of the counted roles, by date (linear between the anchors). */
const CASELOAD_ANCHORS = [
  ['2008-10-01', 24.6],
  ['2009-04-01', 24.5],
  ['2009-10-01', 24.4],
  ['2010-04-01', 24.2],
  ['2010-07-01', 23.7],
  ['2010-10-01', 23.1],
  ['2011-01-01', 22.6],
  ['2011-03-31', 21.5],
];
const ALLOCATION_START = '2008-10-01';
const EXTRACT = '2011-03-31';

const TEAMS = [
  'City',
  'Duty and Assessment',
  'East North East',
  'East South East',
  'West North West',
  'West South',
];
const AREA_TEAMS = TEAMS.filter((team) => team !== 'Duty and Assessment');
const COUNTED_ROLES = ['social-worker', 'newly-qualified', 'advanced-practitioner'];

// ---------------------------------------------------------------------------------------------------------------
// Seeded random numbers: sfc32 (scripts/lib/seeded.mjs), seeded per stream through FNV-1a and splitmix32.

class Random {
  /** @param {string} name - the stream's name; the same name always gives the same numbers. */
  constructor(name) {
    let h = 0x811c9dc5;
    for (const ch of `${SEED}:${name}`) {
      h ^= ch.charCodeAt(0);
      h = Math.imul(h, 0x01000193);
    }
    const word = () => {
      h = (h + 0x9e3779b9) | 0;
      let z = h;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.next = sfc32(word(), word(), word(), word());
    for (let i = 0; i < 16; i++) this.next();
  }
  /** An integer from lo to hi, both included. */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  /** One value of `[value, weight]` pairs. */
  weighted(pairs) {
    let total = 0;
    for (const [, weight] of pairs) total += weight;
    let x = this.next() * total;
    for (const [value, weight] of pairs) {
      x -= weight;
      if (x < 0) return value;
    }
    return pairs[pairs.length - 1][0];
  }
  /** An integer from `[lo, hi, weight]` ranges: a range by weight, then uniform within it. */
  range(ranges) {
    const [lo, hi] = this.weighted(ranges.map((r) => [r, r[2]]));
    return this.int(lo, hi);
  }
  shuffle(list) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  }
  /** `n` flags, exactly round(n * percent / 100) of them true, in random order. */
  share(n, percent) {
    const yes = Math.round((n * percent) / 100);
    return this.shuffle(Array.from({ length: n }, (_, i) => i < yes));
  }
  /** A volume around `base`, within 3% either way. */
  volume(base) {
    return Math.round(base * (0.97 + 0.06 * this.next()));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar dates as day numbers (days since 1970-01-01), by arithmetic alone (H. Hinnant's civil-date algorithms).

function day(iso) {
  let y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function iso(n) {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 Sunday .. 6 Saturday. */
const weekday = (n) => (((n + 4) % 7) + 7) % 7;
const HOLIDAY_DAYS = new Set(BANK_HOLIDAYS.map(day));
const isWorkingDay = (n) => weekday(n) !== 0 && weekday(n) !== 6 && !HOLIDAY_DAYS.has(n);

/** The n-th working day after `start` (`start` itself for n = 0). */
function addWorkingDays(start, n) {
  let d = start;
  for (let left = n; left > 0; ) {
    d += 1;
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

/** The latest working day S with exactly n working days in (S, end]. */
function workingDaysBefore(end, n) {
  let s = end;
  for (let left = n; left > 0; s -= 1) if (isWorkingDay(s)) left -= 1;
  while (!isWorkingDay(s)) s -= 1;
  return s;
}

const nextWorkingDay = (n) => addWorkingDays(n, 1);
/** `n` itself when it is a working day, otherwise the working day before it. */
function workingDayOnOrBefore(n) {
  let d = n;
  while (!isWorkingDay(d)) d -= 1;
  return d;
}

/** The non-working days right after a working day: a start moved onto one of them keeps the same count. */
function nonWorkingRunAfter(n) {
  const run = [];
  for (let d = n + 1; !isWorkingDay(d); d += 1) run.push(d);
  return run;
}

/** 'YYYY-MM' keys from `from` to `to`, both included. */
function months(from, to) {
  const keys = [];
  let [y, m] = from.split('-').map(Number);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    keys.push(key);
    if (key === to) return keys;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

/** `{ month: value }` going linearly from `first` to `last` across the months. */
function ramp(keys, first, last) {
  const out = {};
  keys.forEach((key, i) => {
    out[key] = Math.round((first + ((last - first) * i) / (keys.length - 1)) * 1000) / 1000;
  });
  return out;
}

const monthDays = new Map();
/** The working days of a 'YYYY-MM' month, as day numbers. */
function workingDaysIn(key) {
  let list = monthDays.get(key);
  if (!list) {
    list = [];
    for (let d = day(`${key}-01`); iso(d).startsWith(key); d += 1) if (isWorkingDay(d)) list.push(d);
    monthDays.set(key, list);
  }
  return list;
}

/** The season factor of a 'YYYY-MM' month. */
const season = (key) => SEASON[(Number(key.slice(5, 7)) + 8) % 12];

// ---------------------------------------------------------------------------------------------------------------
// Shared ids and output.

let nextChild = 100001;
const newChildId = () => `C-${nextChild++}`;

function csv(header, rows) {
  const cell = (value) => {
    if (value === undefined || value === null) return '';
    const text = String(value);
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${[header, ...rows].map((row) => row.map(cell).join(',')).join('\n')}\n`;
}

const opt = (n) => (n === undefined ? undefined : iso(n));

/** Sort by keys (day numbers or strings) and then by creation order, and number from `first`. */
function numbered(records, key, prefix, first) {
  records.forEach((record, i) => {
    record.seq = i;
  });
  records.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return a.seq - b.seq;
  });
  records.forEach((record, i) => {
    record.id = `${prefix}${first + i}`;
  });
  return records;
}

// ---------------------------------------------------------------------------------------------------------------
// Workers.

const ROSTER = {
  'Duty and Assessment': { 'team-manager': 3, 'advanced-practitioner': 5, other: 3, 'newly-qualified': 8 },
  default: { 'team-manager': 3, 'advanced-practitioner': 4, other: 3, 'newly-qualified': 6 },
};
const TEAM_SIZE = { 'Duty and Assessment': 58, default: 45 };
const FTE = [
  [1, 82],
  [0.8, 7],
  [0.6, 5],
  [0.5, 6],
];

function generateWorkers() {
  const rng = new Random('workers');
  const workers = [];
  /** A start date before the simulation: the first Monday of a month that never opens on a bank holiday. */
  const oldStart = (fromYear, toYear) => {
    const month = rng.pick([2, 3, 7, 9, 10, 11]);
    let d = day(`${rng.int(fromYear, toYear)}-${String(month).padStart(2, '0')}-01`);
    while (weekday(d) !== 1) d += 1;
    return d;
  };
  const add = (team, role, start, fields = {}) => {
    const fte = role === 'team-manager' ? (rng.chance(0.9) ? 1 : 0.8) : rng.weighted(FTE);
    const [lo, hi] = { 'newly-qualified': [0.85, 1.05], 'advanced-practitioner': [0.8, 1.1] }[role] ?? [
      0.82, 1.22,
    ];
    workers.push({ team, role, fte, start, factor: lo + (hi - lo) * rng.next(), ...fields });
  };
  for (const team of TEAMS) {
    const roster = ROSTER[team] ?? ROSTER.default;
    const size = TEAM_SIZE[team] ?? TEAM_SIZE.default;
    let others = 0;
    for (const [role, count] of Object.entries(roster)) {
      others += count;
      for (let i = 0; i < count; i++) {
        const start =
          role === 'newly-qualified'
            ? rng.pick(months('2009-09', '2010-03').flatMap((key) => workingDaysIn(key).slice(0, 5)))
            : role === 'advanced-practitioner' || role === 'team-manager'
              ? oldStart(1996, 2007)
              : oldStart(2001, 2008);
        add(team, role, start);
      }
    }
    for (let i = others; i < size; i++) {
      add(
        team,
        'social-worker',
        rng.chance(0.85)
          ? oldStart(2001, 2008)
          : rng.pick(workingDaysIn(rng.pick(months('2009-01', '2010-02')))),
      );
    }
  }
  // Leavers during the year: a Friday (or the working day before a Friday holiday).
  const fridays = [];
  for (let d = day('2010-04-30'); d <= day('2011-03-25'); d += 7) fridays.push(workingDayOnOrBefore(d));
  const candidates = rng.shuffle(workers.filter((w) => w.role !== 'team-manager'));
  for (const worker of candidates.slice(0, 18)) worker.end = rng.pick(fridays);
  // Starters during the year: a cohort of newly qualified social workers in September and October 2010, and
  // experienced social workers through the year.
  for (let i = 0; i < 12; i++) {
    const start = rng.pick(
      [...workingDaysIn('2010-09'), ...workingDaysIn('2010-10')].filter((d) => weekday(d) === 1),
    );
    add(rng.pick(AREA_TEAMS), 'newly-qualified', start);
  }
  for (let i = 0; i < 10; i++) {
    const start = rng.pick(
      FY2010_MONTHS.flatMap((key) => workingDaysIn(key).filter((d) => weekday(d) === 1)),
    );
    add(rng.weighted(TEAMS.map((t) => [t, t === 'Duty and Assessment' ? 2 : 1])), 'social-worker', start);
  }
  numbered(workers, (w) => [w.start], 'W-', 1);
  for (const worker of workers) worker.id = `W-${worker.id.slice(2).padStart(3, '0')}`;
  return workers;
}

const inPost = (worker, d) => worker.start <= d && (worker.end === undefined || d <= worker.end);

/** A worker of `team` in post on every given day, of one of `roles`; any team's when the team has none. */
function pickWorker(rng, workers, team, days, roles = COUNTED_ROLES) {
  const fits = (w) => roles.includes(w.role) && days.every((d) => inPost(w, d));
  const own = workers.filter((w) => w.team === team && fits(w));
  return rng.pick(own.length > 0 ? own : workers.filter(fits));
}

// ---------------------------------------------------------------------------------------------------------------
// Allocations: a day-by-day simulation from October 2008. Each working day some cases close (the allocation ends
// that day) and each worker is topped up to a target caseload from the next working day; the targets are scaled so
// that the counted roles hold the intended cases per FTE. Team managers hold a few cases awaiting allocation; a
// leaver's cases pass to colleagues in the team.

function caseloadTarget(d) {
  const anchors = CASELOAD_ANCHORS.map(([date, value]) => [day(date), value]);
  if (d <= anchors[0][0]) return anchors[0][1];
  for (let i = 1; i < anchors.length; i++) {
    const [d1, v1] = anchors[i];
    const [d0, v0] = anchors[i - 1];
    if (d <= d1) return v0 + ((v1 - v0) * (d - d0)) / (d1 - d0);
  }
  return anchors[anchors.length - 1][1];
}

function generateAllocations(workers) {
  const rng = new Random('allocations');
  const first = day(ALLOCATION_START);
  const last = day(EXTRACT);
  const all = [];
  const open = new Map(workers.map((w) => [w, []]));
  const multiplier = { 'social-worker': 1, 'newly-qualified': 0.72, 'advanced-practitioner': 0.88 };
  const closeRate = { 'team-manager': 1 / 30, other: 1 / 120 };
  const rampUp = (w, d) => Math.min(1, (d - w.start + 1) / (w.role === 'newly-qualified' ? 45 : 20));
  const allocate = (w, caseId, from) => {
    const allocation = { caseId, worker: w, from };
    all.push(allocation);
    open.get(w).push(allocation);
  };

  // Cases already open when the simulation starts, allocated some time in the 11 months before.
  const weights = (d) => {
    const counted = workers.filter((w) => COUNTED_ROLES.includes(w.role) && inPost(w, d));
    let weight = 0;
    let fte = 0;
    for (const w of counted) {
      weight += w.fte * multiplier[w.role] * w.factor * rampUp(w, d);
      fte += w.fte;
    }
    return weight / fte;
  };
  const target = (w, d, norm) => {
    if (w.role === 'team-manager') return 2 + (w.factor > 1 ? 1 : 0);
    if (w.role === 'other') return Math.round(3 + 3 * (w.factor - 0.82));
    return Math.round((w.fte * multiplier[w.role] * w.factor * rampUp(w, d) * caseloadTarget(d)) / norm);
  };
  const norm0 = weights(first);
  for (const w of workers) {
    if (!inPost(w, first)) continue;
    for (let i = target(w, first, norm0); i > 0; i--) {
      const from = Math.max(w.start, first - rng.int(1, 330));
      allocate(w, newChildId(), isWorkingDay(from) ? from : nextWorkingDay(from));
    }
  }

  for (let d = first; d <= last; d = nextWorkingDay(d)) {
    const next = nextWorkingDay(d);
    const leavers = [];
    for (const w of workers) {
      const cases = open.get(w);
      if (cases.length === 0) continue;
      const rate = closeRate[w.role] ?? 1 / 175;
      const keep = [];
      for (const allocation of cases) {
        if (allocation.from <= d && rng.chance(rate)) allocation.to = d;
        else keep.push(allocation);
      }
      open.set(w, keep);
      if (w.end === d) leavers.push(w);
    }
    for (const w of leavers) {
      const colleagues = workers.filter(
        (c) => c !== w && c.team === w.team && COUNTED_ROLES.includes(c.role) && inPost(c, next),
      );
      for (const allocation of open.get(w)) {
        allocation.to = d;
        allocate(rng.pick(colleagues), allocation.caseId, next);
      }
      open.set(w, []);
    }
    const norm = weights(d);
    for (const w of workers) {
      if (!inPost(w, d) || (w.end !== undefined && w.end <= d)) continue;
      const cases = open.get(w);
      for (let i = target(w, d, norm) - cases.length; i > 0; i--) allocate(w, newChildId(), next);
    }
  }
  const kept = all.filter((a) => a.from <= last && (a.to === undefined || a.to >= day('2009-04-01')));
  return kept
    .map((a, seq) => ({ ...a, seq }))
    .sort(
      (a, b) => a.from - b.from || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0) || a.seq - b.seq,
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Referrals, April 2009 to March 2011, with repeat referrals of the same child within 12 months.

const SOURCES = [
  ['Police', 27],
  ['School', 17],
  ['Health', 15],
  ['Family or self', 11],
  ['Local authority', 10],
  ['Anonymous', 5],
  ['Housing', 4],
  ['Other', 11],
];
const AREA_WEIGHTS = [
  ['City', 1.2],
  ['East North East', 1.1],
  ['East South East', 1],
  ['West North West', 0.9],
  ['West South', 0.9],
];

function oneYearBefore(d) {
  const text = iso(d);
  const year = Number(text.slice(0, 4)) - 1;
  const md = text.slice(5);
  return day(md === '02-29' ? `${year}-02-28` : `${year}-${md}`);
}

function generateReferrals(childTeams) {
  const rng = new Random('referrals');
  const referrals = [];
  const lastReferral = new Map();
  for (const [keys, base] of [
    [FY2009_MONTHS, REFERRAL_VOLUME.fy2009],
    [FY2010_MONTHS, REFERRAL_VOLUME.fy2010],
  ]) {
    for (const key of keys) {
      const n = rng.volume(base * season(key));
      const dates = [];
      for (let d = day(`${key}-01`); iso(d).startsWith(key); d += 1)
        dates.push([d, isWorkingDay(d) ? 1 : 0.22]);
      const days = Array.from({ length: n }, () => rng.weighted(dates)).sort((a, b) => a - b);
      const noCaf = rng.share(n, NO_CAF_SHARE[key] * 100);
      let firstToday = 0;
      for (const [i, d] of days.entries()) {
        if (referrals.length === 0 || referrals[referrals.length - 1].date !== d)
          firstToday = referrals.length;
        const from = oneYearBefore(d);
        let child;
        // The records begin in April 2009: in their first weeks there are few earlier referrals to repeat.
        if (rng.chance(REPEAT_SHARE * Math.min(1, firstToday / 400))) {
          // A child referred before, on or after the same date a year ago: half of them in the last 3 months.
          const floor = rng.chance(0.5) ? Math.max(from, d - 91) : from;
          let lo = 0;
          let hi = firstToday;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (referrals[mid].date < floor) lo = mid + 1;
            else hi = mid;
          }
          if (lo < firstToday) child = referrals[rng.int(lo, firstToday - 1)].childId;
        } else if (rng.chance(0.04)) {
          // A child last referred more than a year ago: referred again, but not a repeat referral.
          for (let tries = 0; tries < 5 && child === undefined; tries++) {
            const earlier = rng.pick(referrals.slice(0, firstToday));
            if (earlier && lastReferral.get(earlier.childId) < from) child = earlier.childId;
          }
        }
        if (child === undefined) {
          child = newChildId();
          childTeams.set(child, rng.weighted(AREA_WEIGHTS));
        }
        lastReferral.set(child, d);
        referrals.push({
          date: d,
          childId: child,
          cafCompleted: noCaf[i] ? 'no' : 'yes',
          source: rng.weighted(SOURCES),
          team: childTeams.get(child),
        });
      }
    }
  }
  return numbered(referrals, (r) => [r.date], 'REF-', 100001);
}

// ---------------------------------------------------------------------------------------------------------------
// Initial assessments: by completion month, March 2010 to March 2011, and a few hundred still open at the extract;
// and, from streams of their own, April 2009 to February 2010 (the history of the charts).

/** Working days elapsed, on time (0-7) and late, weighted to the deadline as a service under pressure works. */
const NI59_ON_TIME = [
  [0, 1, 4],
  [2, 4, 22],
  [5, 6, 32],
  [7, 7, 42],
];
const NI59_LATE = [
  [8, 10, 45],
  [11, 15, 30],
  [16, 25, 18],
  [26, 45, 7],
];

/** The referrals of each day: initial assessments take their children from it, each referral once. */
function referralsByDayOf(referrals) {
  const byDay = new Map();
  for (const r of referrals) {
    if (!byDay.has(r.date)) byDay.set(r.date, []);
    byDay.get(r.date).push(r);
  }
  return byDay;
}

/**
 * The initial assessments completed in the months of `rates` (a stream of their own), numbered from `first`; with
 * `stillOpen`, also those referred in March 2011 and open at the extract.
 */
function generateInitialAssessments(
  workers,
  referralsByDay,
  childTeams,
  { stream, rates, stillOpen, first },
) {
  const rng = new Random(stream);
  /** The child: one referred that day (most), or a case already open with new information. */
  const childFor = (referral) => {
    const same = referralsByDay.get(referral);
    if (same && same.length > 0 && rng.chance(0.75))
      return same.splice(rng.int(0, same.length - 1), 1)[0].childId;
    const child = newChildId();
    childTeams.set(child, rng.weighted(AREA_WEIGHTS));
    return child;
  };
  const teamFor = (child) => (rng.chance(0.45) ? 'Duty and Assessment' : childTeams.get(child));
  const roles = () => (rng.chance(0.03) ? ['team-manager'] : COUNTED_ROLES);
  const records = [];
  for (const key of Object.keys(rates)) {
    const n = rng.volume(NI59_VOLUME * season(key));
    for (const onTime of rng.share(n, rates[key])) {
      let completed = rng.pick(workingDaysIn(key));
      const elapsed = rng.range(onTime ? NI59_ON_TIME : NI59_LATE);
      let referral = workingDaysBefore(completed, elapsed);
      // Some referrals arrive at a weekend or on a holiday (out of hours): the count is unchanged.
      const run = nonWorkingRunAfter(referral);
      if (elapsed > 0 && run.length > 0 && rng.chance(0.15)) referral = rng.pick(run);
      // Rarely, an assessment is signed off on a Saturday after a Friday: the count is unchanged.
      if (weekday(completed) === 5 && iso(completed + 1).startsWith(key) && rng.chance(0.01)) completed += 1;
      const childId = childFor(referral);
      const team = teamFor(childId);
      const worker = pickWorker(rng, workers, team, [completed], roles());
      records.push({ childId, referral, completed, team, workerId: worker.id });
    }
  }
  // Still open on 31 March 2011: referred in March, most in its second half.
  const march = workingDaysIn('2011-03');
  for (let i = stillOpen ? rng.int(240, 280) : 0; i > 0; i--) {
    const referral = rng.chance(0.8)
      ? rng.pick(march.filter((d) => d >= day('2011-03-17')))
      : rng.pick(march);
    const childId = childFor(referral);
    const team = teamFor(childId);
    const workerId = rng.chance(0.7) ? pickWorker(rng, workers, team, [referral]).id : undefined;
    records.push({ childId, referral, team, workerId });
  }
  return numbered(records, (r) => [r.referral, r.completed ?? Infinity], 'IA-', first);
}

// ---------------------------------------------------------------------------------------------------------------
// Core assessments: by completion month across 2010/11 (and 2009/10 from a stream of its own), started mostly when
// an initial assessment was completed.

const NI60_ON_TIME = [
  [8, 20, 15],
  [21, 30, 40],
  [31, 35, 45],
];
const NI60_LATE = [
  [36, 40, 40],
  [41, 50, 30],
  [51, 70, 20],
  [71, 110, 10],
];

/**
 * The core assessments completed in the months of `rates` (a stream of their own), numbered from `first`; with
 * `stillOpen`, also those open at the extract.
 */
function generateCoreAssessments(
  workers,
  initialAssessments,
  childTeams,
  { stream, rates, stillOpen, first },
) {
  const rng = new Random(stream);
  const byCompletion = new Map();
  for (const ia of initialAssessments) {
    if (ia.completed === undefined) continue;
    if (!byCompletion.has(ia.completed)) byCompletion.set(ia.completed, []);
    byCompletion.get(ia.completed).push(ia);
  }
  const place = (start, days) => {
    const same = byCompletion.get(start);
    if (same && same.length > 0 && rng.chance(0.85)) {
      const ia = same.splice(rng.int(0, same.length - 1), 1)[0];
      const team =
        ia.team === 'Duty and Assessment' && rng.chance(0.6) ? childTeams.get(ia.childId) : ia.team;
      return { childId: ia.childId, team, workerId: pickWorker(rng, workers, team, days).id };
    }
    const childId = newChildId();
    childTeams.set(childId, rng.weighted(AREA_WEIGHTS));
    const team = rng.chance(0.2) ? 'Duty and Assessment' : childTeams.get(childId);
    return { childId, team, workerId: pickWorker(rng, workers, team, days).id };
  };
  const records = [];
  for (const key of Object.keys(rates)) {
    const n = rng.volume(NI60_VOLUME * season(key));
    for (const onTime of rng.share(n, rates[key])) {
      const completed = rng.pick(workingDaysIn(key));
      const start = workingDaysBefore(completed, rng.range(onTime ? NI60_ON_TIME : NI60_LATE));
      records.push({ start, completed, ...place(start, [start, completed]) });
    }
  }
  // Still open on 31 March 2011: started in February and March, and a few overdue from January.
  const recent = [...workingDaysIn('2011-02'), ...workingDaysIn('2011-03')];
  for (let i = stillOpen ? rng.int(85, 100) : 0; i > 0; i--) {
    const start = rng.chance(0.9) ? rng.pick(recent) : rng.pick(workingDaysIn('2011-01'));
    records.push({ start, ...place(start, [start]) });
  }
  return numbered(records, (r) => [r.start, r.completed ?? Infinity], 'CA-', first);
}

// ---------------------------------------------------------------------------------------------------------------
// Child protection conferences: initial ones by month with their strategy discussion, section 47 start and
// referral dates, and reviews of children already on a plan; 2009/10's initial conferences from a stream of their own.

const CPC_ON_TIME = [
  [3, 8, 20],
  [9, 12, 45],
  [13, 15, 35],
];
const CPC_LATE = [
  [16, 18, 40],
  [19, 25, 40],
  [26, 45, 20],
];

/**
 * The initial conferences of the months of `rates` (a stream of their own), numbered from `first`; with `reviews`,
 * also review conferences of children already on a plan.
 */
function generateConferences(initialAssessments, childTeams, { stream, rates, reviews, first }) {
  const rng = new Random(stream);
  const iaByReferral = new Map();
  for (const ia of initialAssessments) {
    if (!iaByReferral.has(ia.referral)) iaByReferral.set(ia.referral, []);
    iaByReferral.get(ia.referral).push(ia);
  }
  const records = [];
  for (const key of Object.keys(rates)) {
    const n = rng.volume(CPC_INITIAL_VOLUME * season(key));
    for (const onTime of rng.share(n, rates[key])) {
      const conference = rng.pick(workingDaysIn(key));
      const strategy = workingDaysBefore(conference, rng.range(onTime ? CPC_ON_TIME : CPC_LATE));
      const s47 = rng.chance(0.6) ? strategy : nextWorkingDay(strategy);
      let referral = workingDaysBefore(
        strategy,
        rng.range([
          [0, 0, 55],
          [1, 1, 30],
          [2, 4, 15],
        ]),
      );
      const run = nonWorkingRunAfter(referral);
      if (referral < strategy && run.length > 0 && rng.chance(0.2)) referral = rng.pick(run);
      const same = iaByReferral.get(referral);
      let childId;
      let team;
      if (same && same.length > 0 && rng.chance(0.8)) {
        const ia = same.splice(rng.int(0, same.length - 1), 1)[0];
        childId = ia.childId;
        team = ia.team;
      } else {
        childId = newChildId();
        childTeams.set(childId, rng.weighted(AREA_WEIGHTS));
        team = rng.chance(0.4) ? 'Duty and Assessment' : childTeams.get(childId);
      }
      // A few initial conferences have no strategy discussion recorded.
      const recorded = !rng.chance(0.025);
      records.push({
        conference,
        type: 'initial',
        strategy: recorded ? strategy : undefined,
        s47,
        referral,
        childId,
        team,
      });
    }
  }
  const initials = records.slice();
  for (const key of reviews ? FY2010_MONTHS : []) {
    for (let i = rng.volume(CPC_REVIEW_VOLUME * season(key)); i > 0; i--) {
      const conference = rng.pick(workingDaysIn(key));
      const earlier = initials.filter((c) => !c.reviewed && c.conference <= conference - 84);
      let childId;
      let team;
      if (earlier.length > 0 && rng.chance(0.6)) {
        const initial = rng.pick(earlier);
        initial.reviewed = true;
        childId = initial.childId;
        team = childTeams.get(childId);
      } else {
        childId = newChildId();
        team = rng.weighted(AREA_WEIGHTS);
        childTeams.set(childId, team);
      }
      records.push({ conference, type: 'review', childId, team });
    }
  }
  return numbered(records, (r) => [r.conference], 'CP-', first);
}

// ---------------------------------------------------------------------------------------------------------------
// CAF: by meeting month over a lead-in year (kept only when still open on 1 April 2009), 2009/10, 2010/11 and
// September 2011; a few designated but never met; closures with their reasons, up to the extract.

const CAF_ON_TIME = [
  [0, 5, 25],
  [6, 10, 40],
  [11, 14, 35],
];
const CAF_LATE = [
  [15, 21, 50],
  [22, 35, 35],
  [36, 70, 15],
];
const CAF_CLOSURE_LAG = [
  [20, 60, 20],
  [61, 120, 40],
  [121, 200, 30],
  [201, 300, 10],
];
const AGENCIES = [
  ['School', 35],
  ['Health visitor', 15],
  ["Children's centre", 14],
  ['Youth service', 8],
  ['Early years setting', 7],
  ['GP', 6],
  ['Voluntary sector', 6],
  ['School nurse', 5],
  ['Housing', 4],
];

function closureReason(rng, closed) {
  const share =
    closed >= day('2010-04-01')
      ? CAF_NEEDS_MET.fy2010
      : closed >= day('2009-04-01')
        ? CAF_NEEDS_MET.fy2009
        : CAF_NEEDS_MET.before;
  if (rng.chance(share)) return 'needs-met';
  return rng.weighted([
    ['escalated', 35],
    ['disengaged', 30],
    ['moved-away', 17],
    ['other', 18],
  ]);
}

function generateCaf() {
  const rng = new Random('caf');
  const extract = day(CAF_EXTRACT);
  const fy2009Start = day('2009-04-01');
  const records = [];
  const designatedBefore = (meeting, lag) => {
    for (;;) {
      const d = meeting - rng.range(lag);
      if (isWorkingDay(d)) return d;
    }
  };
  for (const key of Object.keys(CAF2W_RATES)) {
    const lead = key < '2009-04';
    const base = lead
      ? CAF_VOLUME.lead
      : key < '2010-04'
        ? CAF_VOLUME.fy2009
        : key < '2011-04'
          ? CAF_VOLUME.fy2010
          : CAF_VOLUME.sep2011;
    for (const onTime of rng.share(rng.volume(base * season(key)), CAF2W_RATES[key])) {
      const meeting = rng.pick(workingDaysIn(key));
      const designated = designatedBefore(meeting, onTime ? CAF_ON_TIME : CAF_LATE);
      let closed;
      if (lead || !rng.chance(0.07)) {
        const d = addWorkingDays(meeting, rng.range(CAF_CLOSURE_LAG));
        if (d <= extract) closed = d;
      }
      const agency = rng.weighted(AGENCIES);
      const reason = closed === undefined ? undefined : closureReason(rng, closed);
      if (lead && (closed === undefined || closed < fy2009Start)) continue;
      records.push({ designated, meeting, closed, reason, agency });
    }
  }
  // Designated but no meeting ever held: some closed as the family disengaged or moved, some still open.
  for (const key of [...FY2009_MONTHS, ...FY2010_MONTHS]) {
    for (let i = rng.int(1, 3); i > 0; i--) {
      const designated = rng.pick(workingDaysIn(key));
      const closed = rng.chance(0.6) ? addWorkingDays(designated, rng.int(20, 60)) : undefined;
      const reason =
        closed === undefined
          ? undefined
          : rng.weighted([
              ['disengaged', 6],
              ['moved-away', 3],
              ['other', 1],
            ]);
      records.push({ designated, closed, reason, agency: rng.weighted(AGENCIES) });
    }
  }
  // Designated in the last fortnight of September 2011, meeting not yet held at the extract.
  for (let i = rng.int(12, 18); i > 0; i--) {
    const designated = rng.pick(workingDaysIn('2011-09').filter((d) => d >= day('2011-09-19')));
    records.push({ designated, agency: rng.weighted(AGENCIES) });
  }
  for (const record of records) record.childId = rng.chance(0.97) ? newChildId() : undefined;
  return numbered(records, (r) => [r.designated, r.meeting ?? Infinity], 'CAF-', 10001);
}

// ---------------------------------------------------------------------------------------------------------------
// NEET: the November, December and January counts of 2010/11 (and 2009/10) for one cohort of academic age 16-18 (and a few
// out of range), with statuses that move between counts as not-known young people are traced.

const NEET_COUNTS = ['2010-11-30', '2010-12-31', '2011-01-31'];
/** The counts of 2009/10, the history of the charts. */
/** The chances as they are (2010/11). */
const NO_CHANGE = { neet: 1, unknown: 1 };
const NEET_HISTORY_COUNTS = ['2009-11-30', '2009-12-31', '2010-01-31'];

/**
 * The NEET counts of the academic year starting in September of `year` (a stream of their own), for a cohort of
 * academic age 16-18 and a few out of range; `risk` scales the chances of being NEET or not known.
 */
function generateNeet({ stream, year, counts, firstId, risk }) {
  const rng = new Random(stream);
  const people = [];
  // No birth before 1990: the 19-year-olds of 2009/10 are born from January 1990, so that every date of the
  // files lies in the calendar's range (1990 to 2100) as well.
  const born = (from, to) => iso(rng.int(day(from < '1990-01-01' ? '1990-01-01' : from), day(to)));
  const cohortSize = rng.int(6950, 7050);
  for (let i = 0; i < cohortSize; i++) people.push({ dob: born(`${year - 19}-09-01`, `${year - 16}-08-31`) });
  for (let i = rng.int(25, 40); i > 0; i--)
    people.push({ dob: born(`${year - 16}-09-01`, `${year - 15}-08-31`) }); // 15
  for (let i = rng.int(20, 30); i > 0; i--)
    people.push({ dob: born(`${year - 20}-09-01`, `${year - 19}-08-31`) }); // 19
  rng.shuffle(people);
  people.forEach((p, i) => {
    p.id = `YP-${firstId + i}`;
  });
  const rows = [];
  for (const p of people) {
    // Academic age: in 2010/11, 18 for September 1991 to August 1992 births, and so on.
    const age = year - Number(p.dob.slice(0, 4)) - (Number(p.dob.slice(5, 7)) >= 9 ? 1 : 0);
    const neetRisk = { 15: 0.02, 16: 0.047, 17: 0.075, 18: 0.108, 19: 0.12 }[age] * risk.neet;
    const unknownRisk = { 15: 0.02, 16: 0.035, 17: 0.068, 18: 0.115, 19: 0.12 }[age] * risk.unknown;
    let status = rng.chance(0.005)
      ? 'EXCLUDED'
      : rng.chance(unknownRisk)
        ? 'NOT_KNOWN'
        : rng.chance(neetRisk)
          ? 'NEET'
          : 'EET';
    counts.forEach((count, i) => {
      if (i > 0) {
        if (status === 'NOT_KNOWN' && rng.chance(0.09)) status = rng.chance(neetRisk * 2) ? 'NEET' : 'EET';
        else if (status === 'NEET' && rng.chance(0.09)) status = 'EET';
        else if (status === 'EET' && rng.chance(0.007)) status = 'NEET';
        else if (status === 'EET' && rng.chance(0.004)) status = 'NOT_KNOWN';
      }
      rows.push([p.id, count, p.dob, status]);
    });
  }
  return rows;
}

/** Rows by count date, then person. */
function byCountDate(rows) {
  return rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------------------------

function main() {
  const childTeams = new Map();
  const workers = generateWorkers();
  const allocations = generateAllocations(workers);
  const referrals = generateReferrals(childTeams);
  const referralsByDay = referralsByDayOf(referrals);
  const initialAssessments = generateInitialAssessments(workers, referralsByDay, childTeams, {
    stream: 'initial-assessments',
    rates: NI59_RATES,
    stillOpen: true,
    first: 100001,
  });
  const coreAssessments = generateCoreAssessments(workers, initialAssessments, childTeams, {
    stream: 'core-assessments',
    rates: NI60_RATES,
    stillOpen: true,
    first: 100001,
  });
  const conferences = generateConferences(initialAssessments, childTeams, {
    stream: 'cp-conferences',
    rates: CPC15_RATES,
    reviews: true,
    first: 10001,
  });
  const cafs = generateCaf();
  const neet = generateNeet({
    stream: 'neet',
    year: 2010,
    counts: NEET_COUNTS,
    firstId: 10001,
    risk: NO_CHANGE,
  });

  // 2009/10, the history of the return's charts: from streams of their own and after everything above, so that the
  // records of 2010/11 and their ids are the same as without it. The history's ids are numbered below 2010/11's.
  const initialHistory = generateInitialAssessments(workers, referralsByDay, childTeams, {
    stream: 'initial-assessments-2009',
    rates: NI59_HISTORY_RATES,
    stillOpen: false,
    first: 90001,
  });
  const coreHistory = generateCoreAssessments(workers, initialHistory, childTeams, {
    stream: 'core-assessments-2009',
    rates: NI60_HISTORY_RATES,
    stillOpen: false,
    first: 90001,
  });
  const conferenceHistory = generateConferences(initialHistory, childTeams, {
    stream: 'cp-conferences-2009',
    rates: CPC15_HISTORY_RATES,
    reviews: false,
    first: 9001,
  });
  const neetHistory = generateNeet({
    stream: 'neet-2009',
    year: 2009,
    counts: NEET_HISTORY_COUNTS,
    firstId: 20001,
    risk: { neet: 1.08, unknown: 1.1 },
  });

  const files = {
    'initial-assessments.csv': csv(
      ['id', 'childId', 'referralDate', 'completedDate', 'team', 'workerId'],
      [...initialHistory, ...initialAssessments].map((r) => [
        r.id,
        r.childId,
        iso(r.referral),
        opt(r.completed),
        r.team,
        r.workerId,
      ]),
    ),
    'core-assessments.csv': csv(
      ['id', 'childId', 'startDate', 'completedDate', 'team', 'workerId'],
      [...coreHistory, ...coreAssessments].map((r) => [
        r.id,
        r.childId,
        iso(r.start),
        opt(r.completed),
        r.team,
        r.workerId,
      ]),
    ),
    'cp-conferences.csv': csv(
      [
        'id',
        'childId',
        'conferenceDate',
        'type',
        'strategyDiscussionDate',
        's47StartDate',
        'referralDate',
        'team',
      ],
      [...conferenceHistory, ...conferences].map((r) => [
        r.id,
        r.childId,
        iso(r.conference),
        r.type,
        opt(r.strategy),
        opt(r.s47),
        opt(r.referral),
        r.team,
      ]),
    ),
    'caf.csv': csv(
      ['id', 'childId', 'designatedDate', 'meetingDate', 'closedDate', 'closureReason', 'agency'],
      cafs.map((r) => [
        r.id,
        r.childId,
        iso(r.designated),
        opt(r.meeting),
        opt(r.closed),
        r.reason,
        r.agency,
      ]),
    ),
    'referrals.csv': csv(
      ['id', 'childId', 'referralDate', 'cafCompleted', 'source', 'team'],
      referrals.map((r) => [r.id, r.childId, iso(r.date), r.cafCompleted, r.source, r.team]),
    ),
    'neet.csv': csv(
      ['personId', 'snapshotDate', 'dateOfBirth', 'status'],
      byCountDate([...neetHistory, ...neet]),
    ),
    'workers.csv': csv(
      ['workerId', 'fte', 'role', 'team', 'startDate', 'endDate'],
      workers.map((w) => [w.id, w.fte, w.role, w.team, iso(w.start), opt(w.end)]),
    ),
    'allocations.csv': csv(
      ['caseId', 'workerId', 'allocatedFrom', 'allocatedTo'],
      allocations.map((a) => [a.caseId, a.worker.id, iso(a.from), opt(a.to)]),
    ),
  };

  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(OUT_DIR, name), text);
    const rows = text.split('\n').length - 2;
    console.log(
      `${name.padEnd(24)} ${String(rows).padStart(6)} rows ${String(text.length).padStart(9)} bytes`,
    );
  }
}

main();
