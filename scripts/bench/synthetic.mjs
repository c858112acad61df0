// Synthetic records for the benchmark: seeded, so every run measures the same data. Not example data: the dates are
// spread over 2009-2011 at random, which is all the benchmark needs.
import { fromDayNumber, toDayNumber } from '../../dist/index.js';

/** A small seeded generator (mulberry32). */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = toDayNumber('2009-04-01');
const SPAN = 730;
const TEAMS = ['East', 'West', 'North', 'South', 'City', 'Duty'];
const STATUSES = ['EET', 'EET', 'EET', 'EET', 'EET', 'EET', 'EET', 'EET', 'NEET', 'NOT_KNOWN', 'EXCLUDED'];
const REASONS = ['needs-met', 'needs-met', 'escalated', 'disengaged', 'moved-away', 'other'];
const COUNT_DATES = ['2010-11-30', '2010-12-31', '2011-01-31'];

/** `n` records of a kind, as parseRecords would return them. */
export function recordsOf(kind, n, seed = 1) {
  const rnd = random(seed);
  const day = () => FIRST + Math.floor(rnd() * SPAN);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const start = day();
    const end = fromDayNumber(start + Math.floor(rnd() * 60));
    switch (kind) {
      case 'initial-assessment':
        out[i] = {
          id: `IA${i}`,
          childId: `C${i % (n / 2 + 1)}`,
          referralDate: fromDayNumber(start),
          completedDate: fromDayNumber(start + Math.floor(rnd() * 14)),
          team: pick(TEAMS),
          workerId: `W${i % 300}`,
        };
        break;
      case 'core-assessment':
        out[i] = {
          id: `CA${i}`,
          childId: `C${i}`,
          startDate: fromDayNumber(start),
          completedDate: end,
          team: pick(TEAMS),
        };
        break;
      case 'cp-conference':
        out[i] = {
          id: `CP${i}`,
          childId: `C${i}`,
          type: rnd() < 0.85 ? 'initial' : 'review',
          strategyDiscussionDate: fromDayNumber(start),
          s47StartDate: fromDayNumber(start + 1),
          conferenceDate: fromDayNumber(start + Math.floor(rnd() * 30)),
        };
        break;
      case 'caf':
        out[i] = {
          id: `CAF${i}`,
          designatedDate: fromDayNumber(start),
          meetingDate: fromDayNumber(start + Math.floor(rnd() * 21)),
          closedDate: rnd() < 0.7 ? end : undefined,
          closureReason: pick(REASONS),
        };
        break;
      case 'referral':
        out[i] = {
          id: `R${i}`,
          childId: `C${Math.floor(rnd() * n * 0.7)}`,
          referralDate: fromDayNumber(start),
          cafCompleted: rnd() < 0.6,
          team: pick(TEAMS),
        };
        break;
      case 'neet': {
        const age = 16 + Math.floor(rnd() * 4);
        out[i] = {
          personId: `P${Math.floor(i / 3)}`,
          snapshotDate: COUNT_DATES[i % 3],
          dateOfBirth: fromDayNumber(toDayNumber('2010-08-31') - age * 365 - Math.floor(rnd() * 360)),
          status: pick(STATUSES),
        };
        break;
      }
      case 'assessment':
        out[i] = {
          id: `AS${i}`,
          // The children of recordsOf('referral', n): ASSESS45 finds each one's referral.
          childId: `C${Math.floor(rnd() * n * 0.7)}`,
          startDate: fromDayNumber(start),
          completedDate: rnd() < 0.9 ? end : undefined,
          team: pick(TEAMS),
        };
        break;
      case 'cp-plan': {
        const previousPlans = rnd() < 0.8 ? 0 : 1 + Math.floor(rnd() * 3);
        out[i] = {
          id: `PL${i}`,
          childId: `C${i}`,
          startDate: fromDayNumber(start - Math.floor(rnd() * 900)),
          endDate: rnd() < 0.6 ? fromDayNumber(start) : undefined,
          previousPlans,
          team: pick(TEAMS),
        };
        break;
      }
      case 'allocation':
        out[i] = {
          caseId: `C${i}`,
          workerId: `W${Math.floor(rnd() * Math.max(1, n / 22))}`,
          allocatedFrom: fromDayNumber(start),
          allocatedTo: rnd() < 0.5 ? end : undefined,
        };
        break;
      case 'worker': {
        // A workforce: about one in six has left (an end within 2009-2011), one in five an agency worker.
        const left = rnd() < 0.17;
        out[i] = {
          workerId: `W${i}`,
          fte: rnd() < 0.8 ? 1 : 0.5,
          team: pick(TEAMS),
          startDate: fromDayNumber(start - 2000),
          ...(left ? { endDate: fromDayNumber(start) } : {}),
          agency: rnd() < 0.2,
          workingDaysLost: Math.floor(rnd() * 20),
          cases: Math.floor(rnd() * 25),
        };
        break;
      }
      default:
        throw new TypeError(`no synthetic records for ${kind}`);
    }
  }
  return out;
}

/** Workers for `allocationCount` allocations: about 22 cases each. */
export function workersFor(allocationCount, seed = 2) {
  const rnd = random(seed);
  const n = Math.max(1, Math.floor(allocationCount / 22));
  const roles = [
    'social-worker',
    'social-worker',
    'social-worker',
    'newly-qualified',
    'advanced-practitioner',
    'team-manager',
  ];
  return Array.from({ length: n }, (_, i) => ({
    workerId: `W${i}`,
    fte: rnd() < 0.8 ? 1 : 0.5,
    role: roles[Math.floor(rnd() * roles.length)],
    team: TEAMS[i % TEAMS.length],
  }));
}
