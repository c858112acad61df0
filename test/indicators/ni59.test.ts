import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import { computeBreakdown, computeIndicator, ni59 } from '../../src/indicators/index.js';
import { parsePeriod } from '../../src/periods/index.js';
import type { InitialAssessmentRecord } from '../../src/records/schemas.js';

// Hand-worked initial assessments. Christmas 2010: Sat 25 and Sun 26 Dec move to Mon 27 and Tue 28; New Year's Day
// (Sat 1 Jan 2011) moves to Mon 3 Jan. Easter 2010: Good Friday 2 Apr, Easter Monday 5 Apr. Easter 2011: 22 and
// 25 Apr; Royal Wedding Fri 29 Apr 2011; Early May bank holiday Mon 2 May 2011.
const records: InitialAssessmentRecord[] = [
  // After Thu 23 Dec: 24 (1), 29 (2), 30 (3), 31 (4), 4 Jan (5). 5 days, on time. Inclusive 6; end-exclusive 5.
  {
    id: 'IA-01',
    childId: 'C01',
    referralDate: '2010-12-23',
    completedDate: '2011-01-04',
    team: 'East',
    workerId: 'W1',
  },
  // After Fri 17 Dec: 20-24 (5), 29 (6), 30 (7), 31 (8), 4 Jan (9). Late under ni2008 (7); on time under wt2010 (10).
  {
    id: 'IA-02',
    childId: 'C02',
    referralDate: '2010-12-17',
    completedDate: '2011-01-04',
    team: 'West',
    workerId: 'W2',
  },
  // After Thu 21 Apr 2011: 26, 27, 28 (3), 3, 4, 5, 6 May (7). Exactly 7: on time.
  { id: 'IA-03', childId: 'C03', referralDate: '2011-04-21', completedDate: '2011-05-06', team: 'East' },
  // The same referral completed Mon 9 May: 8 days, late under ni2008, on time under wt2010.
  { id: 'IA-04', childId: 'C04', referralDate: '2011-04-21', completedDate: '2011-05-09', team: 'West' },
  // Saturday referral: Mon 4 Oct is day 1; 4-8 (5), 11 (6), 12 Oct (7). On time; end-exclusive 6; inclusive 7.
  { id: 'IA-05', childId: 'C05', referralDate: '2010-10-02', completedDate: '2010-10-12', team: 'East' },
  // Mon 4 Oct to Wed 13 Oct: 5-8 (4), 11-13 (7). After-start 7, on time; inclusive 8, late; end-exclusive 7.
  { id: 'IA-06', childId: 'C06', referralDate: '2010-10-04', completedDate: '2010-10-13', team: 'West' },
  // Referred Thu 25 Mar 2010, before wt2010: 26 (1), 29-31 (4), 1 Apr (5), 2 and 5 Apr Easter, 6-9 Apr (9). Late
  // under both rule sets, since wt2010 allows 10 days only from referrals on or after 2010-04-01.
  { id: 'IA-07', childId: 'C07', referralDate: '2010-03-25', completedDate: '2010-04-09' },
  // Still open: not in any population.
  { id: 'IA-08', childId: 'C08', referralDate: '2011-03-30' },
  // Mon 28 Mar to Fri 1 Apr 2011: 29, 30, 31, 1 (4). On time.
  { id: 'IA-09', childId: 'C09', referralDate: '2011-03-28', completedDate: '2011-04-01' },
  // Thu 28 Apr to Tue 3 May 2011: Royal Wedding, weekend, Early May bank holiday: 1 day.
  { id: 'IA-10', childId: 'C10', referralDate: '2011-04-28', completedDate: '2011-05-03' },
];

const octToMar = parsePeriod('2010-10..2011-03');

describe('ni59', () => {
  it('gives 3 of 4 for October 2010 to March 2011 under ni2008 (IA-02 took 9 working days)', () => {
    // In the period by completion date: IA-01, IA-02 (4 Jan), IA-05 (12 Oct), IA-06 (13 Oct).
    const result = ni59(records, octToMar);
    expect(result.numerator).toBe(3);
    expect(result.denominator).toBe(4);
    expect(result.value?.toString()).toBe('75');
    expect(result.display).toBe('75.0%');
    expect(result.period).toEqual({
      start: '2010-10-01',
      end: '2011-03-31',
      label: 'October 2010 to March 2011',
    });
  });

  it('accounts for every record: 4 in the population, 5 completed outside the period, 1 not completed', () => {
    // Not in period: IA-03, IA-04, IA-10 (May 2011), IA-07 (April 2010), IA-09 (1 April 2011).
    expect(ni59(records, octToMar).counts).toEqual({
      recordsRead: 10,
      inPopulation: 4,
      counted: 3,
      notCounted: 1,
      notInPeriod: 5,
      excluded: { 'not-completed': 1 },
    });
  });

  it('allows 10 days for referrals from 2010-04-01 under wt2010 (4 of 4), but not for IA-07 referred before', () => {
    expect(ni59(records, octToMar, { rules: 'wt2010' }).display).toBe('100.0%');
    // April 2010: IA-07 alone, referred 25 Mar 2010 and so held to 7 days: 9 is late.
    const april = ni59(records, parsePeriod('2010-04'), { rules: 'wt2010', outcomes: true });
    expect([april.numerator, april.denominator]).toEqual([0, 1]);
    expect(april.rule.timescale).toBe('10 working days for referrals from 2010-04-01, 7 before');
  });

  it('reproduces a spreadsheet: NETWORKDAYS (inclusive) gives 2 of 4, numpy busday_count gives 3 of 4', () => {
    // Inclusive: IA-01 6 on time, IA-02 10 late, IA-05 7 on time (Saturday start), IA-06 8 late.
    expect(ni59(records, octToMar, { convention: 'inclusive' }).display).toBe('50.0%');
    // End-exclusive: IA-01 5, IA-02 9 late, IA-05 6, IA-06 7: 3 on time.
    expect(ni59(records, octToMar, { convention: 'end-exclusive' }).numerator).toBe(3);
  });

  it('takes any timescale', () => {
    // With 4 days: IA-01 (5), IA-02 (9), IA-05 (7), IA-06 (7) are all late.
    const strict = ni59(records, octToMar, { timescale: 4 });
    expect(strict.numerator).toBe(0);
    expect(strict.rule).toMatchObject({ rules: 'custom', timescale: '4 working days' });
    expect(() => ni59(records, octToMar, { timescale: -1 })).toThrow(RangeError);
  });

  it('gives 2/3 exactly over April to May 2011, displayed 66.7% half-up', () => {
    // IA-09 (4 days), IA-03 (7), IA-10 (1) on time; IA-04 (8) late: 3 of 4. Drop IA-10 to get 2 of 3.
    const result = ni59(
      records.filter((r) => r.id !== 'IA-10'),
      parsePeriod('2011-04..2011-05'),
    );
    expect([result.numerator, result.denominator]).toEqual([2, 3]);
    expect(result.value?.toString()).toBe('66.666666666666666667');
    expect(result.display).toBe('66.7%');
    expect(result.rounding).toEqual({ decimalPlaces: 1, mode: 'half-up', precision: 20 });
    expect(
      ni59(
        records.filter((r) => r.id !== 'IA-10'),
        parsePeriod('2011-04..2011-05'),
        {
          rounding: { decimalPlaces: 0, mode: 'down' },
        },
      ).display,
    ).toBe('66%');
  });

  it('explains each record with outcomes: days elapsed, deadline and whether on time', () => {
    const result = ni59(records, octToMar, { outcomes: true, rows: records.map((_, i) => i + 2) });
    const byId = new Map(result.outcomes?.map((o) => [o.id, o]));
    // IA-02: 7 working days after Fri 17 Dec are 20-24 (5), 29 (6), 30 Dec (7): the deadline was 2010-12-30.
    expect(byId.get('IA-02')).toEqual({
      id: 'IA-02',
      row: 3,
      team: 'West',
      workerId: 'W2',
      bucket: 'not-counted',
      reason: 'over 7 working days',
      eventDate: '2011-01-04',
      startDate: '2010-12-17',
      days: 9,
      deadline: '2010-12-30',
      onTime: false,
    });
    expect(byId.get('IA-08')).toMatchObject({ bucket: 'excluded', reason: 'not-completed', row: 9 });
    expect(byId.get('IA-07')).toMatchObject({ bucket: 'not-in-period', eventDate: '2010-04-09' });
    expect(result.outcomes).toHaveLength(records.length);
  });

  it('counts on the calendar given, and names it', () => {
    // Closing 29-31 Dec 2010: IA-02 takes 20-24 (5) and 4 Jan (6): on time. IA-01 takes 24 Dec and 4 Jan: 2.
    const calendar = createCalendar({
      closures: ['2010-12-29', '2010-12-30', '2010-12-31'],
      id: 'leeds-2010',
    });
    const result = ni59(records, octToMar, { calendar });
    expect(result.display).toBe('100.0%');
    expect(result.calendar).toEqual({ id: 'leeds-2010', fingerprint: calendar.fingerprint });
  });

  it('has no value for an empty population', () => {
    const result = ni59(records, parsePeriod('2010-06'));
    expect([result.numerator, result.denominator, result.value, result.display]).toEqual([0, 0, null, 'n/a']);
  });
});

describe('computeIndicator', () => {
  it('finds NI59 in the registry and reads a period string', () => {
    const result = computeIndicator('NI59', records, '2010-10..2011-03', { rules: 'wt2010' });
    expect(result.indicator).toBe('NI59');
    expect(result.display).toBe('100.0%');
  });

  it('refuses an unknown indicator and a bad period', () => {
    expect(() => computeIndicator('NI999' as 'NI59', records, '2010-10')).toThrow(
      /Unknown indicator "NI999": expected one of NI59, NI60/,
    );
    expect(() => computeIndicator('NI59', records, '2010-13')).toThrow(RangeError);
  });
});

describe('computeBreakdown', () => {
  it('gives each month of the period, and the months add up to the whole', () => {
    const { total, groups } = computeBreakdown('NI59', records, octToMar, 'month');
    expect(groups.map((g) => g.key)).toEqual([
      '2010-10',
      '2010-11',
      '2010-12',
      '2011-01',
      '2011-02',
      '2011-03',
    ]);
    // October: IA-05 and IA-06, both on time. January: IA-01 on time, IA-02 late.
    expect(groups.map((g) => [g.result.numerator, g.result.denominator])).toEqual([
      [2, 2],
      [0, 0],
      [0, 0],
      [1, 2],
      [0, 0],
      [0, 0],
    ]);
    expect(groups.reduce((sum, g) => sum + g.result.numerator, 0)).toBe(total.numerator);
  });

  it('gives each team, records without a team last as (none)', () => {
    const { groups } = computeBreakdown('NI59', records, octToMar, 'team');
    // East: IA-01, IA-05 on time (IA-03 in May). West: IA-06 on time, IA-02 late (IA-04 in May).
    expect(groups.map((g) => [g.key, g.result.numerator, g.result.denominator])).toEqual([
      ['East', 2, 2],
      ['West', 1, 2],
      ['(none)', 0, 0],
    ]);
    expect(groups.reduce((sum, g) => sum + g.result.counts.recordsRead, 0)).toBe(records.length);
  });

  it('gives each worker', () => {
    const { groups } = computeBreakdown('NI59', records, octToMar, 'workerId');
    expect(groups.map((g) => [g.key, g.result.display])).toEqual([
      ['W1', '100.0%'],
      ['W2', '0.0%'],
      ['(none)', '100.0%'],
    ]);
  });
});
