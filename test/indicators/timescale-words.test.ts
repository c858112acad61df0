import { describe, expect, it } from 'vitest';
import { assess45, caf2w, cpc15, ni59, ni60 } from '../../src/indicators/index.js';
import { parsePeriod } from '../../src/periods/index.js';

// A result's rule and a late record's reason say the timescale in words. A custom timescale of 1 gave
// "1 working days" (and "over 1 working days"); one day is now written in the singular, every other count as
// before ("0 working days", "2 working days").

// December 2010. From Wed 1 Dec (after-start, the default): Thu 2 is working day 1, Fri 3 working day 2.
const period = parsePeriod('2010-12..2010-12');

describe('a timescale of one day', () => {
  it('NI60: "1 working day", and the late record is "over 1 working day"', () => {
    const result = ni60(
      [
        { id: 'CA-1', childId: 'C1', startDate: '2010-12-01', completedDate: '2010-12-02' },
        { id: 'CA-2', childId: 'C2', startDate: '2010-12-01', completedDate: '2010-12-03' },
      ],
      period,
      { timescale: 1, outcomes: true },
    );
    expect(result.rule.timescale).toBe('1 working day');
    // CA-1 took 1 working day (on time), CA-2 took 2 (late).
    expect([result.numerator, result.denominator]).toEqual([1, 2]);
    expect(result.outcomes?.find((o) => o.id === 'CA-2')).toMatchObject({
      days: 2,
      onTime: false,
      reason: 'over 1 working day',
    });
    // Other counts keep their plural.
    expect(ni60([], period, { timescale: 2 }).rule.timescale).toBe('2 working days');
    expect(ni60([], period, { timescale: 0 }).rule.timescale).toBe('0 working days');
  });

  it('NI59, CPC15 and ASSESS45: "1 working day"', () => {
    const ni59Result = ni59(
      [{ id: 'IA-1', childId: 'C1', referralDate: '2010-12-01', completedDate: '2010-12-03' }],
      period,
      { timescale: 1, outcomes: true },
    );
    expect(ni59Result.rule.timescale).toBe('1 working day');
    // Referral Wed 1 Dec, completed Fri 3 Dec: 2 working days, over the 1.
    expect(ni59Result.outcomes?.[0]).toMatchObject({ days: 2, reason: 'over 1 working day' });
    const conference = cpc15(
      [
        {
          id: 'CP-1',
          childId: 'C1',
          type: 'initial',
          strategyDiscussionDate: '2010-12-01',
          conferenceDate: '2010-12-02',
        },
      ],
      period,
      { timescale: 1 },
    );
    expect(conference.rule.timescale).toBe('1 working day');
    // Strategy discussion Wed 1 Dec, conference Thu 2 Dec: 1 working day, on time.
    expect([conference.numerator, conference.denominator]).toEqual([1, 1]);
    const assessment = assess45(
      [{ id: 'AS-1', childId: 'C1', startDate: '2010-12-01', completedDate: '2010-12-02' }],
      period,
      { from: 'assessment-start', timescale: 1 },
    );
    expect(assessment.rule.timescale).toBe('1 working day');
  });

  it('CAF2W: "1 calendar day", or "1 working day" when counting working days', () => {
    const records = [{ id: 'CAF-1', designatedDate: '2010-12-03', meetingDate: '2010-12-06' }];
    const calendarDays = caf2w(records, period, { timescale: 1, outcomes: true });
    expect(calendarDays.rule.timescale).toBe('1 calendar day');
    // Designated Fri 3 Dec, meeting Mon 6 Dec: 3 calendar days, late.
    expect(calendarDays.outcomes?.[0]).toMatchObject({ days: 3, reason: 'over 1 calendar day' });
    const workingDays = caf2w(records, period, { timescale: 1, days: 'working', outcomes: true });
    expect(workingDays.rule.timescale).toBe('1 working day');
    // Fri 3 Dec to Mon 6 Dec: 1 working day (the weekend is not counted), on time.
    expect(workingDays.outcomes?.[0]).toMatchObject({ days: 1, onTime: true });
  });
});
