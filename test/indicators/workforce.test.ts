import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import {
  caseload,
  computeBreakdown,
  wfAbsence,
  wfAgency,
  wfTurnover,
  wfVacancy,
  workerStanding,
  workforceWindow,
} from '../../src/indicators/index.js';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { parsePeriod } from '../../src/periods/index.js';
import { allocationsFromCases30 } from '../../src/presets/workforce-census.js';
import type { WorkerRecord } from '../../src/records/schemas.js';

const census = fileURLToPath(new URL('../fixtures/census/workforce-census.xml', import.meta.url));
const september2023 = parsePeriod('2023-09');

describe('workerStanding', () => {
  it('places a worker at R by SPEC 17: in post (end after R), leaver (end within the 12 months), or outside', () => {
    const window = workforceWindow('2023-09-30');
    expect(window).toEqual({ reference: '2023-09-30', after: '2022-09-30' });
    const standing = (w: Partial<WorkerRecord>) => workerStanding({ workerId: 'W', fte: 1, ...w }, window);
    expect(standing({})).toBe('in-post');
    expect(standing({ startDate: '2023-09-30' })).toBe('in-post'); // started on R
    expect(standing({ startDate: '2023-10-01' })).toBe('outside'); // starts after R
    expect(standing({ endDate: '2023-10-01' })).toBe('in-post'); // ends after R
    expect(standing({ endDate: '2023-09-30' })).toBe('leaver'); // left on R: a leaver, not in post
    expect(standing({ endDate: '2022-10-01' })).toBe('leaver'); // the window's first day
    expect(standing({ endDate: '2022-09-30' })).toBe('outside'); // R − 12 months: before the window
  });
});

describe('the workforce stability indicators on a census XML', () => {
  // The census (test/fixtures/census/workforce-census.xml), at R = 2023-09-30:
  //   in post, employed: SW101 1 FTE (10 days lost), SW102 0.5 (2.5), SW105 1 (0)  → 2.5 FTE, 12.5 days
  //   in post, agency:   SW104 1 FTE (days not given)
  //   leavers, employed: SW103 0.6 FTE, left 2023-03-31 (20 days); SW106 1 FTE, left on R itself (5 days) → 1.6 FTE
  //   SW107 was rejected on reading (OrgRole 9). Vacancies in the header: 3.5 FTE.
  const read = async () => readRecordsFile('worker', census, { preset: 'workforce-census' });

  it('WF_TURNOVER: non-agency leaver FTE over non-agency FTE in post', async () => {
    const result = wfTurnover((await read()).records, september2023);
    // 1.6 / 2.5 = 64%.
    expect([result.numerator, result.denominator, result.value?.toString(), result.display]).toEqual([
      1.6,
      2.5,
      '64',
      '64.0%',
    ]);
    expect(result.counts).toMatchObject({
      recordsRead: 6,
      counted: 2,
      notCounted: 3,
      notInPeriod: 0,
      excluded: { 'agency-worker': 1 },
    });
  });

  it('WF_AGENCY: agency FTE over all FTE in post', async () => {
    const result = wfAgency((await read()).records, september2023);
    // 1 / (1 + 2.5) = 28.571…%; the two leavers are not in post.
    expect([result.numerator, result.denominator, result.display]).toEqual([1, 3.5, '28.6%']);
    expect(result.counts).toMatchObject({ counted: 1, notCounted: 3, notInPeriod: 2 });
  });

  it('WF_VACANCY: the vacancies of the census header over vacancies plus non-agency FTE in post', async () => {
    const { records, fileValues } = await read();
    const vacancies = { [String(fileValues?.referenceDate)]: Number(fileValues?.vacancies) };
    const result = wfVacancy(records, september2023, { vacancies });
    // 3.5 / (3.5 + 2.5) = 58.333…%.
    expect([result.numerator, result.denominator, result.display]).toEqual([3.5, 6, '58.3%']);
    // Without a figure for R there is no value, and the workers say why.
    const none = wfVacancy(records, parsePeriod('2023-08'), { vacancies });
    expect(none.display).toBe('n/a');
    expect(none.counts.excluded).toMatchObject({ 'no-vacancy-figure': 4 });
  });

  it('WF_VACANCY refuses a figure by team, loudly', async () => {
    const { records } = await read();
    expect(() => wfVacancy(records, september2023, { team: 'North' })).toThrow(/no figure by team/);
    expect(() => wfVacancy(records, september2023, { workerId: 'W1' })).toThrow(/no figure by worker/);
    expect(() => computeBreakdown('WF_VACANCY', records, september2023, 'team')).toThrow(RangeError);
  });

  it("WF_ABSENCE: days lost over FTE in post × the calendar's working days", async () => {
    // Working days from 1 October 2022 to 30 September 2023 in England and Wales: 260 weekdays less 9 bank holidays
    // on weekdays (26 and 27 December, 2 January, 7 and 10 April, 1, 8 and 29 May, 28 August) = 251.
    expect(createCalendar().workingDaysBetween('2022-09-30', '2023-09-30')).toBe(251);
    const result = wfAbsence((await read()).records, september2023);
    // Days lost by the employed: 10 + 2.5 + 0 in post, 20 + 5 by the leavers = 37.5; over 2.5 × 251 = 627.5:
    // 5.976…%.
    expect([result.numerator, result.denominator, result.display]).toEqual([37.5, 627.5, '6.0%']);
    expect(result.rule.workingDaysPerFte).toBe(251);
    // SW104 is an agency worker; SW105 lost no day (not counted, but in the denominator).
    expect(result.counts).toMatchObject({ counted: 4, notCounted: 1, excluded: { 'agency-worker': 1 } });
  });

  it('leaves out, naming why, workers whose records do not say whether they are agency workers, or their days lost', () => {
    const workers: WorkerRecord[] = [
      { workerId: 'W1', fte: 1, agency: false, workingDaysLost: 3 },
      { workerId: 'W2', fte: 1 }, // an HR export without the column: never guessed to be employed
      { workerId: 'W3', fte: 1, agency: false }, // days lost blank: not 0
    ];
    expect(wfTurnover(workers, september2023).counts.excluded).toEqual({ 'agency-unknown': 1 });
    const absence = wfAbsence(workers, september2023, { workingDaysPerFte: 250 });
    expect(absence.counts.excluded).toEqual({ 'agency-unknown': 1, 'days-lost-unknown': 1 });
    // W1 alone: 3 / (1 × 250) = 1.2%.
    expect(absence.display).toBe('1.2%');
  });

  it('breaks turnover down by team, each team recomputed over its own FTE', () => {
    const workers: WorkerRecord[] = [
      { workerId: 'N1', fte: 1, agency: false, team: 'North' },
      { workerId: 'N2', fte: 1, agency: false, team: 'North', endDate: '2023-06-30' },
      { workerId: 'S1', fte: 0.5, agency: false, team: 'South' },
      { workerId: 'S2', fte: 0.5, agency: false, team: 'South' },
    ];
    const { total, groups } = computeBreakdown('WF_TURNOVER', workers, september2023, 'team');
    // Council: 1 / 2 = 50%; North 1 / 1 = 100%; South 0 / 1 = 0%.
    expect(total.display).toBe('50.0%');
    expect(groups.map((g) => [g.key, g.result.numerator, g.result.denominator, g.result.display])).toEqual([
      ['North', 1, 1, '100.0%'],
      ['South', 0, 1, '0.0%'],
    ]);
  });

  it('takes each month of a year at its own month end (the rolling figure)', () => {
    const workers: WorkerRecord[] = [
      { workerId: 'W1', fte: 1, agency: false },
      { workerId: 'W2', fte: 1, agency: false, endDate: '2023-05-15' },
    ];
    const { groups } = computeBreakdown('WF_TURNOVER', workers, parsePeriod('2023-04..2023-06'), 'month');
    // April: W2 still in post: 0 / 2; May and June: W2 left in the 12 months: 1 / 1.
    expect(groups.map((g) => [g.key, g.result.display])).toEqual([
      ['2023-04', '0.0%'],
      ['2023-05', '100.0%'],
      ['2023-06', '100.0%'],
    ]);
  });
});

describe('the workforce stability indicators against England 2023 (DfE, year to 30 September 2023)', () => {
  // The published national totals (DfE, Children's social work workforce, reporting year 2023, England): 33,119.1
  // FTE in post, 5,254.6 FTE leavers, 7,173.5 agency FTE, 7,722.7 vacancy FTE, 270,751 working days lost, 337,055
  // cases held by 21,111.4 case-holder FTE. Records carrying those totals (each total split over two workers):
  const england: WorkerRecord[] = [
    { workerId: 'IN1', fte: 30000, agency: false, workingDaysLost: 250000 },
    { workerId: 'IN2', fte: 3119.1, agency: false, workingDaysLost: 20751 },
    { workerId: 'OUT1', fte: 5000, agency: false, endDate: '2023-03-31', workingDaysLost: 0 },
    { workerId: 'OUT2', fte: 254.6, agency: false, endDate: '2022-12-31', workingDaysLost: 0 },
    { workerId: 'AG1', fte: 7000, agency: true },
    { workerId: 'AG2', fte: 173.5, agency: true },
  ];

  it('gives the published turnover 15.9%: 5,254.6 / 33,119.1', () => {
    // 5254.6 / 33119.1 = 15.8657…%
    expect(wfTurnover(england, september2023).display).toBe('15.9%');
  });

  it('gives the published agency rate 17.8%: 7,173.5 / (7,173.5 + 33,119.1)', () => {
    // 7173.5 / 40292.6 = 17.8035…%
    expect(wfAgency(england, september2023).display).toBe('17.8%');
  });

  it('gives the published vacancy rate 18.9%: 7,722.7 / (7,722.7 + 33,119.1)', () => {
    // 7722.7 / 40841.8 = 18.9087…%
    const result = wfVacancy(england, september2023, { vacancies: { '2023-09-30': 7722.7 } });
    expect(result.display).toBe('18.9%');
  });

  it('gives the published absence rate 3.2% with 253 working days per FTE, and 3.3% with the calendar’s 251', () => {
    // 270751 / (33119.1 × 253) = 3.2313…%: the published 3.2%. Any figure from 252 (3.244%) to 259 (3.156%) gives
    // 3.2%; 253 is the 261 weekdays of a year less England's 8 usual bank holidays.
    expect(wfAbsence(england, september2023, { workingDaysPerFte: 253 }).display).toBe('3.2%');
    // The calendar's 251 working days from October 2022 to September 2023 (the Coronation's extra bank holiday
    // among them): 270751 / (33119.1 × 251) = 3.2570…%, which rounds to 3.3%.
    expect(wfAbsence(england, september2023).display).toBe('3.3%');
  });

  it('gives the published caseload 16.0: 337,055 cases over 21,111.4 case-holder FTE (scaled by a fifth)', () => {
    // A fifth of each: 67,411 cases over 4,222.28 FTE, the same ratio: 15.9654…
    const holders: WorkerRecord[] = [
      { workerId: 'CH1', fte: 4000, role: 'social-worker', agency: false },
      { workerId: 'CH2', fte: 222.28, role: 'social-worker', agency: false },
    ];
    const allocations = allocationsFromCases30(
      [
        { workerId: 'CH1', cases30: 60000 },
        { workerId: 'CH2', cases30: 7411 },
      ],
      { censusDate: '2023-09-30' },
    );
    const result = caseload(allocations, september2023, { workers: holders });
    expect([result.numerator, result.denominator, result.display]).toEqual([67411, 4222.28, '16.0']);
  });
});

describe('referenceDateOf', () => {
  it("takes a census's figure on its date, in any period holding it, and none in others", async () => {
    const { records, fileValues } = await readRecordsFile('worker', census, { preset: 'workforce-census' });
    const censusDate = String(fileValues?.referenceDate);
    // The year April 2023 to March 2024 holds the census date: R is 30 September 2023, not 31 March 2024.
    const year = wfTurnover(records, parsePeriod('FY2023'), { censusDate });
    expect([year.rule.referenceDate, year.display]).toEqual(['2023-09-30', '64.0%']);
    // April 2023 does not: the census says nothing of it, so there is no value, and every worker says why.
    const april = wfTurnover(records, parsePeriod('2023-04'), { censusDate });
    expect(april.display).toBe('n/a');
    expect(april.counts.excluded).toEqual({ 'census-date-outside-period': 6 });
  });
});

describe('the workforce options (bad values)', () => {
  const workers: WorkerRecord[] = [{ workerId: 'W1', fte: 1, agency: false, workingDaysLost: 1 }];
  it('refuses vacancies that are not FTE by date, and working days per FTE that are not above 0', () => {
    expect(() => wfVacancy(workers, september2023, { vacancies: 7722.7 as never })).toThrow(
      /^vacancies: expected an FTE \(a number of 0 or more\) by date, like \{ "2023-09-30": 12\.5 \}, got 7722\.7$/,
    );
    expect(() => wfVacancy(workers, september2023, { vacancies: { '30/09/2023': 1 } })).toThrow(RangeError);
    expect(() => wfVacancy(workers, september2023, { vacancies: { '2023-09-30': -1 } })).toThrow(RangeError);
    expect(() => wfAbsence(workers, september2023, { workingDaysPerFte: 0 })).toThrow(
      /^workingDaysPerFte: expected a number of working days above 0/,
    );
    expect(() => wfTurnover(workers, september2023, { censusDate: '30/09/2023' })).toThrow(
      /^censusDate: expected a date written YYYY-MM-DD/,
    );
  });
});
