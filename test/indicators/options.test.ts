import { describe, expect, it } from 'vitest';
import {
  computeIndicator,
  cpc15Definition,
  getIndicator,
  indicatorIds,
  indicators,
} from '../../src/indicators/index.js';
import {
  choiceOption,
  dateOption,
  defaultsOf,
  optionValue,
  periodOption,
  readConfigOptions,
  wholeNumberOption,
} from '../../src/indicators/options.js';

describe('choiceOption', () => {
  const rules = choiceOption({ name: 'rules', values: ['ni2008', 'wt2010'], default: 'ni2008', doc: 'x' });

  it('reads a choice in any case, giving its canonical spelling', () => {
    expect(rules.readFlag('WT2010')).toEqual({ ok: true, value: 'wt2010' });
    expect(rules.read(' Ni2008 ')).toEqual({ ok: true, value: 'ni2008' });
  });

  it('says which values it takes when given another', () => {
    expect(rules.readFlag('wt2099')).toEqual({ ok: false, expected: 'one of ni2008, wt2010' });
    expect(rules.read(2010)).toEqual({ ok: false, expected: 'one of ni2008, wt2010' });
  });
});

describe('wholeNumberOption', () => {
  const timescale = wholeNumberOption({ name: 'timescale', unit: 'working days', default: 35, doc: 'x' });

  it('reads digits from a flag and whole numbers from code or a config, refusing the rest', () => {
    expect(timescale.readFlag('10')).toEqual({ ok: true, value: 10 });
    expect(timescale.readFlag('0')).toEqual({ ok: true, value: 0 });
    for (const text of ['-1', '7.5', 'ten', '', '1e3']) expect(timescale.readFlag(text).ok).toBe(false);
    expect(timescale.read(10)).toEqual({ ok: true, value: 10 });
    // A JSON string is not a number: a config that writes "10" is told so rather than read loosely.
    for (const value of ['10', 7.5, -1, Number.NaN, null]) expect(timescale.read(value).ok).toBe(false);
  });
});

describe('dateOption', () => {
  const countDate = dateOption({ name: 'countDate', doc: 'x' });

  it('reads YYYY-MM-DD everywhere, and a config date in its dateFormat', () => {
    expect(countDate.readFlag('2010-11-30')).toEqual({ ok: true, value: '2010-11-30' });
    expect(countDate.readFlag('30/11/2010').ok).toBe(false);
    expect(countDate.read('30/11/2010', { dateFormat: 'dmy' })).toEqual({ ok: true, value: '2010-11-30' });
    // 31 November does not exist, whichever way it is written.
    expect(countDate.read('2010-11-31').ok).toBe(false);
    expect(countDate.read('31/11/2010', { dateFormat: 'dmy' }).ok).toBe(false);
  });
});

describe('periodOption', () => {
  it('reads a period string in any case as its canonical spec, and refuses one that is not a period', () => {
    const baseline = periodOption({ name: 'baseline', doc: 'x' });
    expect(baseline.readFlag('fy2009')).toEqual({ ok: true, value: 'FY2009' });
    expect(baseline.readFlag('last year').ok).toBe(false);
  });
});

describe('optionValue', () => {
  const timescale = wholeNumberOption({ name: 'timescale', unit: 'working days', default: 35, doc: 'x' });

  it('gives the declared default for an option not given, and refuses a bad value naming the option', () => {
    expect(optionValue(timescale, undefined)).toBe(35);
    expect(optionValue(timescale, 10)).toBe(10);
    expect(() => optionValue(timescale, -1)).toThrow(
      new RangeError('timescale: expected a whole number of working days (0 or more), got -1'),
    );
  });
});

describe('defaultsOf', () => {
  it('lists the defaults that are one value, as a definition’s defaultOptions', () => {
    // NI59's timescale depends on the rule set (7, or 10 from 2010-04-01 under wt2010): it has no one default.
    expect(getIndicator('NI59').defaultOptions).toEqual({ rules: 'ni2008' });
    expect(getIndicator('CASELOAD').defaultOptions).toEqual({
      mode: 'snapshot',
      roles: ['social-worker', 'newly-qualified', 'advanced-practitioner'],
      threshold: 22,
    });
    expect(defaultsOf([])).toEqual({});
  });

  it('gives the defaults the indicator computes with', () => {
    // CPC15 run with its declared defaults spelt out, and with none: the same rule and figure.
    const records = [
      {
        id: 'CP1',
        childId: 'C1',
        type: 'initial' as const,
        strategyDiscussionDate: '2011-04-21',
        conferenceDate: '2011-05-11',
      },
    ];
    const plain = computeIndicator('CPC15', records, '2011-05');
    const spelt = computeIndicator('CPC15', records, '2011-05', cpc15Definition.defaultOptions as never);
    expect(spelt.rule).toEqual(plain.rule);
    expect(plain.rule.startEvent).toBe('strategy-discussion');
  });
});

describe('readConfigOptions', () => {
  it('refuses an unknown key with the nearest known one and the options the indicator takes', () => {
    const { problems } = readConfigOptions('CPC15', cpc15Definition.options, { startevent: 'referral' });
    expect(problems).toEqual([
      {
        key: 'startevent',
        message:
          'unknown option "startevent" (did you mean "startEvent"?): CPC15 takes startEvent, timescale',
      },
    ]);
  });

  it('collects every problem: values, records given as options, report-wide keys', () => {
    const { problems } = readConfigOptions('ASSESS45', getIndicator('ASSESS45').options, {
      timescale: '45',
      referrals: 'referrals.csv',
      convention: 'inclusive',
      from: 'Referral',
    });
    expect(problems.map((p) => [p.key, p.message])).toEqual([
      ['timescale', 'expected a whole number of working days (0 or more), got "45"'],
      [
        'referrals',
        "the referral records are read from the config's inputs (inputs.referral), not given in options",
      ],
      [
        'convention',
        'convention is set for the whole report, by the config\'s top-level key "convention", not per indicator',
      ],
    ]);
  });

  it('gives the values canonical: choices in their own case, dates as YYYY-MM-DD', () => {
    const { options, problems } = readConfigOptions(
      'NI117',
      getIndicator('NI117').options,
      { countDate: '30/11/2010' },
      { dateFormat: 'dmy' },
    );
    expect(problems).toEqual([]);
    expect(options).toEqual({ countDate: '2010-11-30' });
    expect(readConfigOptions('CPC15', cpc15Definition.options, { startEvent: 'S47-Start' }).options).toEqual({
      startEvent: 's47-start',
    });
  });

  it('says an indicator with no options of its own takes none', () => {
    expect(readConfigOptions('REPEAT_REFERRALS', [], { rules: 'wt2010' }).problems[0]?.message).toBe(
      'unknown option "rules": REPEAT_REFERRALS takes no options',
    );
  });
});

describe('indicator option declarations', () => {
  it('give each option of an indicator one name and one flag, and a flag the same kind of value everywhere', () => {
    const flagTypes = new Map<string, string>();
    for (const id of indicatorIds) {
      const { options } = indicators[id];
      const names = options.map((o) => o.name);
      expect(new Set(names).size, id).toBe(names.length);
      for (const option of options) {
        for (const flag of [option.flag, option.switchFlag?.flag]) {
          if (flag === undefined) continue;
          const type = `${option.type}/${option.placeholder ?? ''}`;
          expect(flagTypes.get(flag) ?? type, `${id} --${flag}`).toBe(type);
          flagTypes.set(flag, type);
        }
      }
    }
  });
});
