import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import { caf2w, cpc15, deadlineDay, ni60 } from '../../src/indicators/index.js';
import { parsePeriod } from '../../src/periods/index.js';
import type { CafRecord, CoreAssessmentRecord, CpConferenceRecord } from '../../src/records/schemas.js';
import { fromDayNumber, toDayNumber } from '../../src/util/dates.js';

const calendar = createCalendar();

describe('ni60', () => {
  const records: CoreAssessmentRecord[] = [
    // From Wed 1 Dec 2010: 2-3 (2), 6-10 (7), 13-17 (12), 20-24 (17), 29-31 (20), 4-7 Jan (24), 10-14 (29),
    // 17-21 (34), Mon 24 Jan (35). Exactly 35: on time.
    { id: 'CA-01', childId: 'C1', startDate: '2010-12-01', completedDate: '2011-01-24' },
    // One day more: Tue 25 Jan is day 36, late.
    { id: 'CA-02', childId: 'C2', startDate: '2010-12-01', completedDate: '2011-01-25' },
    // From Fri 25 Mar 2011: 28-31 Mar (4), 1 Apr (5), 4-8 (10), 11-15 (15), 18-21 (19), Good Friday and Easter
    // Monday, 26-28 (22), Royal Wedding, Early May, 3-6 May (26), 9-13 May (31). On time.
    { id: 'CA-03', childId: 'C3', startDate: '2011-03-25', completedDate: '2011-05-13' },
    // Completed before it started: an input issue, in no figure.
    { id: 'CA-04', childId: 'C4', startDate: '2011-02-10', completedDate: '2011-02-01' },
    { id: 'CA-05', childId: 'C5', startDate: '2011-02-10' },
  ];

  it('gives 2 of 3 within 35 working days for January to May 2011', () => {
    const result = ni60(records, parsePeriod('2011-01..2011-05'), { outcomes: true });
    expect([result.numerator, result.denominator, result.display]).toEqual([2, 3, '66.7%']);
    expect(result.counts.excluded).toEqual({ 'end-before-start': 1, 'not-completed': 1 });
    expect(result.outcomes?.find((o) => o.id === 'CA-02')).toMatchObject({
      days: 36,
      deadline: '2011-01-24',
    });
    expect(result.outcomes?.find((o) => o.id === 'CA-03')).toMatchObject({ days: 31, onTime: true });
  });

  it('takes another timescale', () => {
    // 31 days for CA-03 is over 30; CA-01 (35) and CA-02 (36) too.
    expect(ni60(records, parsePeriod('2011-01..2011-05'), { timescale: 30 }).numerator).toBe(0);
  });
});

describe('cpc15', () => {
  const records: CpConferenceRecord[] = [
    // Strategy discussion Thu 21 Apr 2011, conference Wed 11 May: 26-28 (3), 3-6 May (7), 9-11 (10). On time.
    {
      id: 'CP-01',
      childId: 'C1',
      type: 'initial',
      strategyDiscussionDate: '2011-04-21',
      conferenceDate: '2011-05-11',
    },
    // Fri 10 Dec 2010 to Wed 5 Jan 2011: 13-17 (5), 20-24 (10), 29-31 (13), 4 (14), 5 Jan (15). On time.
    // From the s47 start Mon 13 Dec: 14-17 (4), 20-24 (9), 29-31 (12), 4-5 Jan (14). On time.
    {
      id: 'CP-02',
      childId: 'C2',
      type: 'initial',
      strategyDiscussionDate: '2010-12-10',
      s47StartDate: '2010-12-13',
      conferenceDate: '2011-01-05',
    },
    // Same discussion, conference Thu 6 Jan: 16, late. From s47 Tue 14 Dec: 15-17 (3), 20-24 (8), 29-31 (11),
    // 4-6 Jan (14), on time. From referral Mon 6 Dec: 7-10 (4), 13-17 (9), 20-24 (14), 29-31 (17), 4-6 (20), late.
    {
      id: 'CP-03',
      childId: 'C3',
      type: 'initial',
      strategyDiscussionDate: '2010-12-10',
      s47StartDate: '2010-12-14',
      referralDate: '2010-12-06',
      conferenceDate: '2011-01-06',
    },
    // No strategy discussion date. From s47 Mon 20 Dec: 21-24 (4), 29-31 (7), 4-6 Jan (10), on time. From referral
    // Wed 1 Dec: 2-3 (2), 6-10 (7), 13-17 (12), 20-24 (17), late.
    {
      id: 'CP-04',
      childId: 'C4',
      type: 'initial',
      s47StartDate: '2010-12-20',
      referralDate: '2010-12-01',
      conferenceDate: '2011-01-06',
    },
    // A review conference is not in the population.
    {
      id: 'CP-05',
      childId: 'C5',
      type: 'review',
      strategyDiscussionDate: '2010-12-01',
      conferenceDate: '2011-01-10',
    },
  ];
  const period = parsePeriod('2010-12..2011-01');

  it('counts from the strategy discussion by default: 1 of 2, CP-04 excluded for its missing date', () => {
    const result = cpc15(records, period);
    expect([result.numerator, result.denominator, result.display]).toEqual([1, 2, '50.0%']);
    expect(result.counts).toMatchObject({
      recordsRead: 5,
      notInPeriod: 1,
      excluded: { 'missing-strategyDiscussionDate': 1, 'review-conference': 1 },
    });
    expect(result.rule).toMatchObject({ startEvent: 'strategy-discussion', from: 'strategyDiscussionDate' });
  });

  it('counts from the start of the section 47 enquiry: 3 of 3', () => {
    expect(cpc15(records, period, { startEvent: 's47-start' }).display).toBe('100.0%');
  });

  it('counts from the referral, as the Leeds plan words it: 0 of 2, CP-02 has no referral date', () => {
    const result = cpc15(records, period, { startEvent: 'referral' });
    expect([result.numerator, result.denominator]).toEqual([0, 2]);
    expect(result.counts.excluded).toMatchObject({ 'missing-referralDate': 1 });
  });

  it('refuses an unknown start event', () => {
    expect(() => cpc15(records, period, { startEvent: 'contact' as 'referral' })).toThrow(
      'startEvent: expected one of strategy-discussion, s47-start, referral, got "contact"',
    );
  });
});

describe('caf2w', () => {
  const records: CafRecord[] = [
    // Designated Fri 17 Sep 2010, meeting Fri 1 Oct: 14 calendar days, on time. Working: 20-24 (5), 27-1 (10).
    { id: 'CAF-1', designatedDate: '2010-09-17', meetingDate: '2010-10-01' },
    // Meeting Sat 2 Oct: 15 calendar days, late. Working: still 10, on time.
    { id: 'CAF-2', designatedDate: '2010-09-17', meetingDate: '2010-10-02' },
    // Designated Mon 20 Dec, meeting Tue 4 Jan: 15 calendar days, late. Working: 21-24 (4), 29-31 (7), 4 Jan (8).
    { id: 'CAF-3', designatedDate: '2010-12-20', meetingDate: '2011-01-04' },
    // A meeting before its designated date is on time (5 days early).
    { id: 'CAF-4', designatedDate: '2010-10-20', meetingDate: '2010-10-15' },
    { id: 'CAF-5', designatedDate: '2010-10-20' },
  ];
  const period = parsePeriod('2010-10..2011-01');

  it('counts calendar days by default: 2 of 4 within 14 days', () => {
    const result = caf2w(records, period, { outcomes: true });
    expect([result.numerator, result.denominator, result.display]).toEqual([2, 4, '50.0%']);
    expect(result.counts.excluded).toEqual({ 'no-meeting': 1 });
    expect(result.outcomes?.find((o) => o.id === 'CAF-4')).toMatchObject({ days: -5, onTime: true });
    expect(result.outcomes?.find((o) => o.id === 'CAF-3')).toMatchObject({
      days: 15,
      deadline: '2011-01-03',
    });
  });

  it('counts working days when asked: 4 of 4 within 10', () => {
    const result = caf2w(records, period, { days: 'working' });
    expect(result.display).toBe('100.0%');
    expect(result.rule.timescale).toBe('10 working days');
  });
});

describe('deadlineDay', () => {
  it('is the last on-time end date under each convention, for a working and a weekend start', () => {
    const day = (iso: string) => toDayNumber(iso);
    // Mon 4 Oct 2010, 7 days. After-start: 5-8 (4), 11-13 (7): Wed 13. Inclusive counts Mon 4 as day 1: Tue 12.
    // End-exclusive counts Mon 4 but not the end day: ending Wed 13 counts 4-8, 11-12 = 7 (Thu 14 would be 8).
    expect(fromDayNumber(deadlineDay(calendar, day('2010-10-04'), 7, 'after-start'))).toBe('2010-10-13');
    expect(fromDayNumber(deadlineDay(calendar, day('2010-10-04'), 7, 'inclusive'))).toBe('2010-10-12');
    expect(fromDayNumber(deadlineDay(calendar, day('2010-10-04'), 7, 'end-exclusive'))).toBe('2010-10-13');
    // Sat 2 Oct: no start day to count. After-start and inclusive: 4-8 (5), 11-12 (7): Tue 12. End-exclusive leaves
    // out the end day, so ending Wed 13 counts 4-8, 11-12 = 7.
    expect(fromDayNumber(deadlineDay(calendar, day('2010-10-02'), 7, 'after-start'))).toBe('2010-10-12');
    expect(fromDayNumber(deadlineDay(calendar, day('2010-10-02'), 7, 'inclusive'))).toBe('2010-10-12');
    expect(fromDayNumber(deadlineDay(calendar, day('2010-10-02'), 7, 'end-exclusive'))).toBe('2010-10-13');
  });
});
