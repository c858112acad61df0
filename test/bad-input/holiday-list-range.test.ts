import { describe, expect, it } from 'vitest';
import {
  type Calendar,
  calendarRef,
  createCalendar,
  type GovUkBankHolidays,
  OutsideHolidayListError,
  takeDaysAsked,
  unusedClosures,
} from '../../src/calendar/index.js';
import { computeIndicator } from '../../src/indicators/index.js';
import { parsePeriod } from '../../src/periods/index.js';
import { badInputs } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';
import { fixturePath, readReferenceJson } from '../helpers/fixtures.js';

// SPEC 2: a date outside the calendar's range is an input issue, never a guess. A whole holiday list (--calendar,
// a report's calendar.holidays) covers the years from its first holiday to its last; a count that needs a day
// outside them is refused (or, for a record at the edge of a period, excluded with a warning), never counted as if
// those years had no holidays. Closure days that touch no count are said.

const files = badInputs('holiday-range');
// A small holiday list for 2012 alone: Christmas Day and Boxing Day.
const list2012 = files.write('holidays-2012.json', '["2012-12-25", "2012-12-26"]');
const emptyList = files.write('empty.json', '[]');
const emptyFeed = files.write(
  'empty-feed.json',
  '{"england-and-wales": {"division": "england-and-wales", "events": []}}',
);
// The GOV.UK feed (2012-2028), copied to test/fixtures/reference from shared/data.
const govuk = fixturePath('reference', 'govuk-bank-holidays-2012-2028.json');
// Closures for Christmas 2011, used on counts of December 2012: the wrong year.
const closures2011 = files.write('closures-2011.txt', '2011-12-27\n2011-12-28\n');
const closures2012 = files.write('closures-2012.txt', '2012-12-13\n');
const noClosures = files.write('no-closures.txt', '');
// One initial assessment referred Fri 24 Dec 2010 and completed Wed 5 Jan 2011 (the review's ia-xmas.csv).
const xmas = files.write(
  'ia-xmas.csv',
  'id,childId,referralDate,completedDate\nX1,C1,2010-12-24,2011-01-05\n',
);
// January 2012: X1 referred Fri 23 Dec 2011 (before the 2012 list), X2 Mon 9 to Wed 11 Jan 2012.
const jan2012 = files.write(
  'ia-jan-2012.csv',
  'id,childId,referralDate,completedDate\nX1,C1,2011-12-23,2012-01-05\nX2,C2,2012-01-09,2012-01-11\n',
);
// December 2012: D1 Mon 10 to Thu 20 Dec 2012; D2 completed in January, not in the period.
const dec2012 = files.write(
  'ia-dec-2012.csv',
  'id,childId,referralDate,completedDate\nD1,C1,2012-12-10,2012-12-20\nD2,C2,2012-12-20,2013-01-03\n',
);

const REFUSE_2010 =
  'start 2010-12-24 is outside the days the holiday list %s covers (2012-01-01 to %s, the years of its first and last holidays): its holidays there are not known, so a working day cannot be told from a holiday; give a list that covers the days counted';

describe('a calendar on a whole holiday list covers the years of its holidays', () => {
  it('counts inside them, and refuses a day outside, naming the list, its range and the day', () => {
    const calendar = createCalendar({ holidays: ['2012-12-25', '2012-12-26'], holidaysSource: 'h.json' });
    expect(calendar.covers).toEqual({ start: '2012-01-01', end: '2012-12-31' });
    // Mon 24 to Mon 31 Dec 2012, after the start: 25 and 26 holidays, 27, 28, 29-30 weekend, 31 = 3.
    expect(calendar.workingDaysBetween('2012-12-24', '2012-12-31')).toBe(3);
    expect(() => calendar.workingDaysBetween('2010-12-24', '2011-01-05')).toThrow(
      REFUSE_2010.replace('%s', 'h.json').replace('%s', '2012-12-31'),
    );
    expect(() => calendar.workingDaysBetween('2010-12-24', '2011-01-05')).toThrow(OutsideHolidayListError);
    // Fri 28 Dec 2012 plus 2 working days: Mon 31 (1), then 1 January 2013, past the list.
    expect(calendar.addWorkingDays('2012-12-28', 1)).toBe('2012-12-31');
    expect(() => calendar.addWorkingDays('2012-12-28', 2)).toThrow(
      '2012-12-28 plus 2 working days is outside the days the holiday list h.json covers (2012-01-01 to 2012-12-31, the years of its first and last holidays)',
    );
    expect(() => calendar.isWorkingDay('2013-01-02')).toThrow('date 2013-01-02 is outside the days');
    expect(() => calendar.nonWorkingDays('2011-12-31', '2012-01-02')).toThrow('start 2011-12-31 is outside');
    // In the hot-loop form too: 2011-12-23 as a day number.
    const day = Date.UTC(2011, 11, 23) / 86_400_000;
    expect(() => calendar.workingDaysBetweenDays(day, day + 13)).toThrow(OutsideHolidayListError);
  });

  it('takes the years of the division of the GOV.UK feed: 2012 to 2028', () => {
    const feed = readReferenceJson<GovUkBankHolidays>('govuk-bank-holidays-2012-2028.json');
    const calendar = createCalendar({ holidays: feed, holidaysSource: 'gov.json' });
    expect(calendar.covers).toEqual({ start: '2012-01-01', end: '2028-12-31' });
    // The review's count: 8 on a feed without 2010, where England and Wales gives 5. Now refused.
    expect(() => calendar.workingDaysBetween('2010-12-24', '2011-01-05')).toThrow(
      REFUSE_2010.replace('%s', 'gov.json').replace('%s', '2028-12-31'),
    );
    expect(createCalendar().workingDaysBetween('2010-12-24', '2011-01-05')).toBe(5);
    expect(calendarRef(calendar)).toEqual({
      id: 'custom',
      fingerprint: calendar.fingerprint,
      covers: { start: '2012-01-01', end: '2028-12-31' },
      holidayList: 'gov.json',
    });
  });

  it('refuses an empty list, or a feed whose division has no events: it covers no day', () => {
    expect(() => createCalendar({ holidays: [], holidaysSource: 'empty.json' })).toThrow(
      'empty.json: the holiday list has no dates, so it covers no day: a calendar on it would count every weekday of every year as a working day; give the holidays of the years counted',
    );
    expect(() => createCalendar({ holidays: { 'england-and-wales': { events: [] } } })).toThrow(
      'holidays: the bank-holidays feed\'s division "england-and-wales" has no events, so it covers no day',
    );
  });

  it('takes the days covered from holidaysCover: a calendar of weekends alone, for 2010', () => {
    const weekends = createCalendar({
      holidays: [],
      holidaysCover: { start: '2010-01-01', end: '2010-12-31' },
    });
    // Fri 24 to Fri 31 Dec 2010, after the start, no holidays: 27, 28, 29, 30, 31 = 5.
    expect(weekends.workingDaysBetween('2010-12-24', '2010-12-31')).toBe(5);
    expect(() => weekends.workingDaysBetween('2010-12-24', '2011-01-05')).toThrow(
      // The end, 5 Jan 2011, is the day outside.
      'end 2011-01-05 is outside the days the holiday list covers (2010-01-01 to 2010-12-31): its holidays',
    );
    expect(() => createCalendar({ holidaysCover: { start: '2010-01-01', end: '2010-12-31' } })).toThrow(
      'holidaysCover: says which days a whole holiday list covers, and no holidays list was given',
    );
  });

  it('leaves the bundled bank holidays as they were: no range of their own, the same result block', () => {
    const calendar = createCalendar();
    expect(calendar.covers).toBeUndefined();
    expect(calendarRef(calendar)).toEqual({
      id: 'england-and-wales',
      fingerprint: 'fnv1a64:145a5957c18318d5',
    });
    expect(() => calendar.workingDaysBetween('1989-12-24', '2011-01-05')).toThrow(
      "start 1989-12-24 is outside the calendar's range: working days are indexed from 1990-01-01 to 2100-12-31",
    );
  });

  it('excludes a record of a covered period whose start the list does not cover, with a warning', () => {
    const calendar = createCalendar({ holidays: ['2012-12-25', '2012-12-26'], holidaysSource: 'h.json' });
    const result = computeIndicator(
      'NI59',
      [
        { id: 'X1', childId: 'C1', referralDate: '2011-12-23', completedDate: '2012-01-05' },
        { id: 'X2', childId: 'C2', referralDate: '2012-01-09', completedDate: '2012-01-11' },
      ] as never,
      parsePeriod('2012-01'),
      { calendar },
    );
    // X1 needs 23 Dec 2011: excluded. X2: Tue 10, Wed 11 = 2 working days, within 7: 1 of 1.
    expect([result.numerator, result.denominator, result.display]).toEqual([1, 1, '100.0%']);
    expect(result.counts.excluded).toEqual({ 'outside-calendar-range': 1 });
    expect(result.warnings).toEqual([
      {
        code: 'outside_holiday_list',
        message:
          "NI59 January 2012: 1 record was excluded as outside-calendar-range: the holiday list h.json covers 2012-01-01 to 2012-12-31, and counting the record's working days needs a day outside it (a start date before 2012-01-01, or a deadline after 2012-12-31: the audit names each record); give a holiday list that covers the years counted, or none for the bundled bank holidays",
      },
    ]);
  });
});

describe('closure days that touch no count', () => {
  it('are found against the days the counts reached', () => {
    const calendar: Calendar = createCalendar({
      closures: ['2011-12-27', '2011-12-28'],
      closuresSource: 'c.txt',
    });
    expect(takeDaysAsked(calendar)).toBeUndefined();
    // Fri 24 Dec 2010 plus 7 working days: Fri 7 Jan 2011 (the 2011 closures are a year later).
    expect(calendar.addWorkingDays('2010-12-24', 7)).toBe('2011-01-07');
    const asked = takeDaysAsked(calendar);
    expect(asked).toEqual({ start: '2010-12-24', end: '2011-01-07' });
    expect(takeDaysAsked(calendar)).toBeUndefined();
    expect(unusedClosures(calendar, asked)).toBe(
      'c.txt: all 2 closure days (2011-12-27 to 2011-12-28) fall outside the days counted (2010-12-24 to 2011-01-07): they change no figure; check the closures are for the years counted',
    );
    // A count over Christmas 2011 touches them: no warning.
    calendar.workingDaysBetween('2011-12-23', '2012-01-04');
    expect(unusedClosures(calendar, takeDaysAsked(calendar))).toBeUndefined();
    // Nothing counted in working days: nothing to say.
    expect(unusedClosures(calendar, undefined)).toBeUndefined();
    expect(unusedClosures(createCalendar({ closures: [] }), asked)).toBe(
      'closures: no closure date is given: it changes no figure',
    );
  });
});

describe('cs-indicators working-days and deadline on a list for other years', () => {
  it('exit 1 naming the file, the days it covers and the day needed (was 8, exit 0)', () => {
    const run = runBuiltCli(['working-days', '2010-12-24', '2011-01-05', '--calendar', govuk]);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `cs-indicators working-days: ${REFUSE_2010.replace('%s', govuk).replace('%s', '2028-12-31')}\n`,
    });
    // The bundled calendar still counts it: 27, 28 Dec and 3 Jan are bank holidays; 29, 30, 31 Dec, 4, 5 Jan = 5.
    expect(runBuiltCli(['working-days', '2010-12-24', '2011-01-05']).stdout).toBe('5\n');
    const deadline = runBuiltCli(['deadline', '2012-12-28', '2', '--calendar', list2012]);
    expect(deadline.code).toBe(1);
    expect(deadline.stderr).toBe(
      `cs-indicators deadline: 2012-12-28 plus 2 working days is outside the days the holiday list ${list2012} covers (2012-01-01 to 2012-12-31, the years of its first and last holidays): its holidays there are not known, so a working day cannot be told from a holiday; give a list that covers the days counted\n`,
    );
  });

  it('exit 1 for an empty list or a feed with no events (was 8, exit 0)', () => {
    const empty = runBuiltCli(['working-days', '2010-12-24', '2011-01-05', '--calendar', emptyList]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe(
      `cs-indicators working-days: ${emptyList}: the holiday list has no dates, so it covers no day: a calendar on it would count every weekday of every year as a working day; give the holidays of the years counted\n`,
    );
    const feed = runBuiltCli(['working-days', '2010-12-24', '2011-01-05', '--calendar', emptyFeed]);
    expect(feed.code).toBe(1);
    expect(feed.stderr).toContain(
      `${emptyFeed}: the bank-holidays feed's division "england-and-wales" has no events`,
    );
  });

  it('names the days covered in the JSON calendar block, and counts inside them', () => {
    // Mon 24 to Mon 31 Dec 2012 on the 2012 list: 27, 28 and 31 = 3.
    const run = runBuiltCli([
      'working-days',
      '2012-12-24',
      '2012-12-31',
      '--calendar',
      list2012,
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.workingDays).toBe(3);
    expect(result.calendar).toEqual({
      id: 'custom',
      fingerprint: result.calendar.fingerprint,
      covers: { start: '2012-01-01', end: '2012-12-31' },
      holidayList: list2012,
    });
  });
});

describe('cs-indicators compute on a list for other years', () => {
  const refusal = (period: string) =>
    `cs-indicators compute: the holiday list ${list2012} covers 2012-01-01 to 2012-12-31, but ${period} needs 2011-01-01, before it: its holidays there are not known, so a working day cannot be told from a holiday; give a holiday list that covers the days counted, or none for the bundled bank holidays\n`;

  it('refuses a period the list does not cover, given or spanning the records (was 0.0% for 100.0%, exit 0)', () => {
    const given = runBuiltCli([
      'compute',
      'NI59',
      '--input',
      xmas,
      '--period',
      '2011-01',
      '--calendar',
      list2012,
    ]);
    expect(given).toEqual({
      code: 1,
      stdout: '',
      stderr: refusal('January 2011 (2011-01-01 to 2011-01-31)'),
    });
    const spanned = runBuiltCli(['compute', 'NI59', '--input', xmas, '--calendar', list2012]);
    expect(spanned.code).toBe(1);
    expect(spanned.stderr).toBe(refusal('January 2011 (2011-01-01 to 2011-01-31)'));
    // On the bundled calendar X1 took 5 working days (27, 28 Dec and 3 Jan holidays): 1 of 1 on time.
    const bundled = JSON.parse(
      runBuiltCli(['compute', 'NI59', '--input', xmas, '--period', '2011-01']).stdout,
    );
    expect(bundled.display).toBe('100.0%');
  });

  it('excludes a record at the edge of a covered period, with the warning on stderr and in the JSON', () => {
    const run = runBuiltCli([
      'compute',
      'NI59',
      '--input',
      jan2012,
      '--period',
      '2012-01',
      '--calendar',
      list2012,
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    // X1 (from 23 Dec 2011) excluded; X2 2 working days: 1 of 1.
    expect([result.numerator, result.denominator, result.counts.excluded]).toEqual([
      1,
      1,
      { 'outside-calendar-range': 1 },
    ]);
    expect(result.calendar.covers).toEqual({ start: '2012-01-01', end: '2012-12-31' });
    expect(result.warnings.map((w: { code: string }) => w.code)).toEqual(['outside_holiday_list']);
    expect(run.stderr).toContain(
      `cs-indicators compute: warning: NI59 January 2012: 1 record was excluded as outside-calendar-range: the holiday list ${list2012} covers 2012-01-01 to 2012-12-31`,
    );
    // Refused under --strict.
    const strict = runBuiltCli([
      'compute',
      'NI59',
      '--input',
      jan2012,
      '--period',
      '2012-01',
      '--calendar',
      list2012,
      '--strict',
    ]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('');
  });

  it('refuses a count found while computing that needs a day before the list (WF_ABSENCE)', () => {
    const workers = files.write(
      'workers.csv',
      'workerId,fte,role,team,startDate,endDate,workingDaysLost,agency\nW1,1,social-worker,N,2010-01-01,,5,No\n',
    );
    // June 2012: the working days per FTE are counted over the 12 months to 30 June 2012, from 30 June 2011.
    const run = runBuiltCli([
      'compute',
      'WF_ABSENCE',
      '--input',
      workers,
      '--period',
      '2012-06',
      '--calendar',
      govuk,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `cs-indicators compute: ${REFUSE_2010.replace('2010-12-24', '2011-06-30').replace('%s', govuk).replace('%s', '2028-12-31')}\n`,
    );
  });
});

describe('cs-indicators compute with closures that touch no count', () => {
  /** `compute NI59` over December 2012's one assessment (D1), with the closures file given. */
  const computeDec2012 = (closures: string, ...more: string[]) =>
    runBuiltCli([
      'compute',
      'NI59',
      '--input',
      dec2012,
      '--period',
      '2012-12',
      '--closures',
      closures,
      ...more,
    ]);
  const warning = (file: string) =>
    `cs-indicators compute: warning: ${file}: all 2 closure days (2011-12-27 to 2011-12-28) fall outside the days counted (2012-12-10 to 2012-12-20): they change no figure; check the closures are for the years counted [closures_unused]\n`;

  it('warns for a closures file for another year, and leaves the figure as it is', () => {
    const run = computeDec2012(closures2011);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    // D1: Mon 10 to Thu 20 Dec 2012, after the start: 11-14, 17-20 = 8 working days, over 7: 0 of 1. The days
    // counted run from 10 Dec to 20 Dec (the deadline, Wed 19 Dec, is inside).
    expect([result.numerator, result.denominator]).toEqual([0, 1]);
    expect(result.warnings).toEqual([
      {
        code: 'closures_unused',
        message: `${closures2011}: all 2 closure days (2011-12-27 to 2011-12-28) fall outside the days counted (2012-12-10 to 2012-12-20): they change no figure; check the closures are for the years counted`,
      },
    ]);
    expect(run.stderr).toBe(warning(closures2011));
    const strict = computeDec2012(closures2011, '--strict');
    expect(strict.code).toBe(1);
  });

  it('says nothing when a closure day falls in the days counted, and changes the figure', () => {
    // Thu 13 Dec 2012 closed: D1 takes 7 working days, on time: 1 of 1.
    const run = computeDec2012(closures2012);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect([result.numerator, result.denominator, result.warnings]).toEqual([1, 1, []]);
    expect(run.stderr).toBe('');
  });

  it('warns for an empty closures file', () => {
    const run = computeDec2012(noClosures);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `cs-indicators compute: warning: ${noClosures}: no closure date is given: it changes no figure [closures_unused]\n`,
    );
  });
});

describe('cs-indicators report with a calendar that does not fit its year', () => {
  const config = (calendar: Record<string, unknown>, name: string) =>
    files.write(
      name,
      JSON.stringify({
        financialYear: 'FY2012',
        asAt: '2013-03-31',
        inputs: { 'initial-assessment': dec2012 },
        indicators: ['NI59'],
        spcHistoryMonths: 0,
        calendar,
      }),
    );

  it('refuses calendar.holidays that does not cover the year to date (was a figure, exit 0)', () => {
    const path = config({ holidays: list2012 }, 'holidays-2012.config.json');
    const run = runBuiltCli(['report', '--config', path, '--format', 'md']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `cs-indicators report: ${path}: calendar.holidays: the holiday list ${list2012} covers 2012-01-01 to 2012-12-31, but the year to date of 2012/13 (2012-04-01 to 2013-03-31) needs 2013-01-01, after it: its holidays there are not known, so a working day cannot be told from a holiday; give a holiday list that covers the days counted, or none for the bundled bank holidays\n`,
    );
    const empty = runBuiltCli(['report', '--config', config({ holidays: emptyList }, 'empty.config.json')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain(`${emptyList}: the holiday list has no dates, so it covers no day`);
  });

  it('warns for closures for another year', () => {
    const path = config({ closures: ['2011-12-27', '2011-12-28'] }, 'closures.config.json');
    const run = runBuiltCli(['report', '--config', path, '--format', 'json']);
    expect(run.code).toBe(0);
    const model = JSON.parse(run.stdout);
    // The days counted: D1 (10 to 20 Dec 2012) and D2 (20 Dec 2012 to 3 Jan 2013, deadline Mon 31 Dec 2012).
    expect(model.indicators[0].warnings).toContainEqual({
      code: 'closures_unused',
      message:
        'NI59: calendar.closures: all 2 closure days (2011-12-27 to 2011-12-28) fall outside the days counted (2012-12-10 to 2013-01-03): they change no figure; check the closures are for the years counted',
    });
    expect(run.stderr).toContain('[closures_unused]');
  });

  it('names the value and the form expected of a closure day written DD/MM/YYYY', () => {
    const path = config({ closures: ['27/12/2011'] }, 'dmy.config.json');
    const run = runBuiltCli(['report', '--config', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `cs-indicators report: ${path}: the report config is not usable (1 problem):\n  calendar.closures[0]: expected a real date written YYYY-MM-DD (27/12/2011 is written 2011-12-27), got "27/12/2011"\n`,
    );
  });
});
