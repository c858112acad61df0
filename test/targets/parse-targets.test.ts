import { describe, expect, it } from 'vitest';
import { parseTargets, type TargetIssue } from '../../src/targets/index.js';

const header = {
  id: 'local-2011',
  title: 'Local performance framework 2011/12',
  sourceFile: 'board-2011-04.txt',
};

/** A valid NI59 target entry, to be spoilt one field at a time. */
const ni59 = {
  indicator: 'NI59',
  period: 'FY2011',
  value: 85,
  unit: 'percent',
  ref: '3.1',
  quote: 'NI 59 at 85%',
};

/** The set of one target entry. */
const setOf = (...targets: unknown[]) => ({ ...header, targets });

/** The error parseTargets throws for `json`, or a failure when it does not throw. */
function errorOf(json: unknown): Error {
  try {
    parseTargets(json);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected parseTargets to throw');
}

describe('parseTargets', () => {
  it('reads a custom set, giving each target its indicator polarity and its source', () => {
    const set = parseTargets(
      setOf(ni59, {
        indicator: 'CASELOAD',
        period: 'FY2011',
        value: 18,
        unit: 'cases-per-fte',
        quote: 'caseloads of 18',
        note: 'read as the March 2012 snapshot',
      }),
    );
    expect(set.id).toBe('local-2011');
    expect(set.targets).toEqual([
      {
        indicator: 'NI59',
        period: 'FY2011',
        value: 85,
        unit: 'percent',
        // NI59: higher is better.
        polarity: 'higher-is-better',
        source: { document: header.title, sourceFile: header.sourceFile, ref: '3.1', quote: 'NI 59 at 85%' },
      },
      {
        indicator: 'CASELOAD',
        period: 'FY2011',
        value: 18,
        unit: 'cases-per-fte',
        // CASELOAD: lower is better. No ref given, so none is set (not even as undefined).
        polarity: 'lower-is-better',
        source: {
          document: header.title,
          sourceFile: header.sourceFile,
          quote: 'caseloads of 18',
          note: 'read as the March 2012 snapshot',
        },
      },
    ]);
    expect('ref' in (set.targets[1]?.source ?? {})).toBe(false);
  });

  it('accepts an indicator id in any case and keeps the canonical one', () => {
    // `ni59` names NI59, `repeat_referrals` REPEAT_REFERRALS (lower is better).
    const set = parseTargets(
      setOf(
        { ...ni59, indicator: 'ni59' },
        { indicator: 'repeat_referrals', period: '2011/12', value: 18, unit: 'percent', quote: 'q' },
      ),
    );
    expect(set.targets.map((target) => [target.indicator, target.polarity])).toEqual([
      ['NI59', 'higher-is-better'],
      ['REPEAT_REFERRALS', 'lower-is-better'],
    ]);
    // The period is kept as written: 2011/12 (which parsePeriod reads as FY2011).
    expect(set.targets[1]?.period).toBe('2011/12');
  });

  it('reads a percent-change target with its baseline', () => {
    const set = parseTargets(
      setOf({
        indicator: 'REF_NO_CAF',
        period: 'FY2011',
        value: -10,
        unit: 'percent-change',
        baseline: 'FY2010',
        quote: 'a further 10% reduction',
      }),
    );
    expect(set.targets[0]).toMatchObject({ unit: 'percent-change', value: -10, baseline: 'FY2010' });
  });

  it('keeps the indicator options a target assumes, and refuses an option the indicator does not take', () => {
    const cpc15 = {
      indicator: 'CPC15',
      period: 'FY2011',
      value: 85,
      unit: 'percent',
      quote: 'within 15 days of referral',
    };
    const set = parseTargets(setOf({ ...cpc15, options: { startEvent: 'referral' } }));
    expect(set.targets[0]?.options).toEqual({ startEvent: 'referral' });
    // CPC15 takes startEvent, timescale and convention; `rules` is NI59's.
    const error = errorOf(setOf({ ...cpc15, options: { rules: 'wt2010' } }));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toContain(
      '- targets[0].options.rules: Expected an option of CPC15 (startEvent, timescale, convention) (got "rules")',
    );
  });

  it('refuses a period that cannot be read with a RangeError naming the path and the value', () => {
    const error = errorOf(setOf({ ...ni59, period: '2011-13' }));
    expect(error).toBeInstanceOf(RangeError);
    // The message: the path, parsePeriod's reason, and the value.
    expect(error.message).toMatch(/^Cannot use the target set: 1 problem\.\n- targets\[0\]\.period: /);
    expect(error.message).toContain('Cannot read the period "2011-13": there is no month 13');
    expect(error.message).toContain('(got "2011-13")');
  });

  it('refuses a missing field, an unknown key and a value of the wrong kind with a TypeError', () => {
    const { quote: _quote, ...noQuote } = ni59;
    const error = errorOf(setOf({ ...noQuote, qoute: 'misspelt', value: '85' }));
    expect(error).toBeInstanceOf(TypeError);
    // All three problems of the entry, each with its path.
    expect(error.message).toContain('3 problems');
    expect(error.message).toContain('- targets[0].value: Expected a finite number (got "85")');
    expect(error.message).toContain('- targets[0].quote: Missing: expected a string');
    expect(error.message).toContain('- targets[0]: Unexpected key "qoute"');
  });

  it('collects every problem of the set into one error, with the issues as its cause', () => {
    const error = errorOf(
      setOf(
        { ...ni59, indicator: 'NI99' },
        { ...ni59, period: 'FY2012', value: 120 },
        { ...ni59, period: 'FY2013', unit: 'cases-per-fte' },
      ),
    );
    // Every value is of the right kind, so a RangeError.
    expect(error).toBeInstanceOf(RangeError);
    expect(error.cause).toEqual([
      {
        path: 'targets[0].indicator',
        message:
          'Expected a known indicator (NI59, NI60, CPC15, CAF2W, CAF_CLOSED, REF_NO_CAF, CASELOAD, NI117, NEET_NOT_KNOWN, REPEAT_REFERRALS, ASSESS45, CPP_2YEARS, CPP_REPEAT, WF_TURNOVER, WF_AGENCY, WF_VACANCY, WF_ABSENCE)',
        value: 'NI99',
      },
      // 120% is no percentage.
      {
        path: 'targets[1].value',
        message: 'Expected a percentage from 0 to 100 for a percent target',
        value: 120,
      },
      // NI59 is a percentage; only its own unit or percent-change will do.
      {
        path: 'targets[2].unit',
        message: "Expected NI59's unit (percent) or percent-change",
        value: 'cases-per-fte',
      },
    ] satisfies TargetIssue[]);
  });

  it('requires a baseline for a percent-change target, and refuses one elsewhere', () => {
    const change = {
      indicator: 'CAF_CLOSED',
      period: 'FY2010',
      value: 10,
      unit: 'percent-change',
      quote: 'q',
    };
    const error = errorOf(setOf(change, { ...ni59, baseline: 'FY2010' }));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.cause).toEqual([
      {
        path: 'targets[0].baseline',
        message: 'Missing: expected a baseline period (e.g. FY2009) for a percent-change target',
      },
      {
        path: 'targets[1].baseline',
        message: 'Expected no baseline: only a percent-change target has one (this one is percent)',
        value: 'FY2010',
      },
    ]);
  });

  it('refuses a baseline that does not end before the period starts', () => {
    // FY2010 (2010-04-01..2011-03-31) against a baseline of 2010-03..2010-04: April 2010 overlaps.
    const error = errorOf(
      setOf({
        indicator: 'CAF_CLOSED',
        period: 'FY2010',
        value: 10,
        unit: 'percent-change',
        baseline: '2010-03..2010-04',
        quote: 'q',
      }),
    );
    expect(error.message).toContain(
      '- targets[0].baseline: Expected a baseline period ending before the target\'s period starts (2010-04-01) (got "2010-03..2010-04")',
    );
  });

  it('refuses a percent-change below -100 and a negative caseload', () => {
    const error = errorOf(
      setOf(
        {
          indicator: 'REF_NO_CAF',
          period: 'FY2010',
          value: -110,
          unit: 'percent-change',
          baseline: 'FY2009',
          quote: 'q',
        },
        { indicator: 'CASELOAD', period: 'FY2010', value: -1, unit: 'cases-per-fte', quote: 'q' },
      ),
    );
    // A count cannot fall by more than all of it; a caseload cannot be below 0.
    expect((error.cause as TargetIssue[]).map((issue) => [issue.path, issue.value])).toEqual([
      ['targets[0].value', -110],
      ['targets[1].value', -1],
    ]);
  });

  it('refuses two targets for the same indicator, period and unit, however the period is written', () => {
    // FY2011 and 2011-04..2012-03 are the same dates.
    const error = errorOf(setOf(ni59, { ...ni59, period: '2011-04..2012-03', value: 90 }));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toContain(
      '- targets[1]: Expected one target per indicator, period and unit: targets[0] has the same',
    );
  });

  it('refuses a value that is not a set, and a set without targets', () => {
    // The whole targets.json file ({ about, sets }) is not one set.
    const whole = errorOf({ about: 'x', sets: [] });
    expect(whole).toBeInstanceOf(TypeError);
    expect(whole.message).toContain('- (root): Unexpected keys "about", "sets"');
    expect(whole.message).toContain('- id: Missing: expected a string');
    const text = errorOf('{"id": "x"}');
    expect(text).toBeInstanceOf(TypeError);
    expect(text.message).toContain('- (root): Expected an object (got "{\\"id\\": \\"x\\"}")');
    const empty = errorOf(setOf());
    expect(empty).toBeInstanceOf(RangeError);
    expect(empty.message).toContain('- targets: Expected at least one target (got [])');
  });
});
