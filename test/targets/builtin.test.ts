import { describe, expect, it } from 'vitest';
import { getIndicator } from '../../src/indicators/index.js';
import { parsePeriod } from '../../src/periods/index.js';
import { getTargetSet, parseTargets, targetSetIds, targetSets } from '../../src/targets/index.js';
import { readReferenceJson } from '../helpers/fixtures.js';

/** One target as `test/fixtures/reference/targets.json` writes it. */
interface SharedTarget {
  readonly indicator: string;
  readonly period: string;
  readonly value: number;
  readonly unit: string;
  readonly quote: string;
  readonly ref?: string;
  readonly note?: string;
  readonly baseline?: string;
}

/** One set of `test/fixtures/reference/targets.json`. */
interface SharedSet {
  readonly id: string;
  readonly title: string;
  readonly sourceFile: string;
  readonly targets: readonly SharedTarget[];
}

// The reference the package's sets were transcribed from; the package itself never reads it.
const shared = readReferenceJson<{ readonly sets: readonly SharedSet[] }>('targets.json');

describe('targetSets', () => {
  it('holds exactly the sets of test/fixtures/reference/targets.json, in its order', () => {
    // Two sets: the notice and the plan.
    expect(Object.keys(targetSets)).toEqual(shared.sets.map((set) => set.id));
    expect(targetSetIds).toEqual(['leeds-2010-notice', 'leeds-2010-plan']);
  });

  for (const sharedSet of shared.sets) {
    describe(sharedSet.id, () => {
      const set = getTargetSet(sharedSet.id);

      it('has the shared title and source file', () => {
        expect(set.id).toBe(sharedSet.id);
        expect(set.title).toBe(sharedSet.title);
        expect(set.sourceFile).toBe(sharedSet.sourceFile);
        // The notice has 7 targets, the plan 16.
        expect(set.targets).toHaveLength(sharedSet.targets.length);
      });

      sharedSet.targets.forEach((expected, index) => {
        it(`targets[${index}]: ${expected.indicator} ${expected.period} ${expected.value} ${expected.unit}`, () => {
          const target = set.targets[index];
          // Field by field, so that a difference names the field; then the whole, so that nothing is added.
          expect(target?.indicator).toBe(expected.indicator);
          expect(target?.period).toBe(expected.period);
          expect(target?.value).toBe(expected.value);
          expect(target?.unit).toBe(expected.unit);
          expect(target?.baseline).toBe(expected.baseline);
          expect(target?.source.quote).toBe(expected.quote);
          expect(target?.source.ref).toBe(expected.ref);
          expect(target?.source.note).toBe(expected.note);
          expect(target?.source.document).toBe(sharedSet.title);
          expect(target?.source.sourceFile).toBe(sharedSet.sourceFile);
          // The polarity is the indicator definition's, not the document's.
          expect(target?.polarity).toBe(getIndicator(expected.indicator).polarity);
          // The options a target's words assume are our reading, not the document's: checked below.
          const {
            polarity: _polarity,
            source,
            options: _options,
            ...rest
          } = target ?? { polarity: undefined, source: undefined, options: undefined };
          const { document: _document, sourceFile: _sourceFile, ...quoted } = source ?? {};
          expect({ ...rest, ...quoted }).toEqual(expected);
        });
      });

      it('reads back through parseTargets to the same set', () => {
        // The shared entry, validated as a custom set would be, gives the built-in set exactly, but for the options
        // read from the words (the shared file has none).
        const withoutOptions = set.targets.map(({ options: _options, ...target }) => target);
        expect(parseTargets(sharedSet)).toEqual({ ...set, targets: withoutOptions });
      });

      it('has periods that all parse', () => {
        for (const target of set.targets) {
          expect(() => parsePeriod(target.period)).not.toThrow();
          if (target.baseline !== undefined)
            expect(() => parsePeriod(target.baseline as string)).not.toThrow();
        }
      });
    });
  }

  it('keeps both documents on the first NI59 target: the notice June 2010, the plan March 2010', () => {
    const notice = getTargetSet('leeds-2010-notice').targets[0];
    const plan = getTargetSet('leeds-2010-plan').targets[0];
    // The same 72%, a different month, each with its own source.
    expect([notice?.indicator, notice?.period, notice?.value]).toEqual(['NI59', '2010-06', 72]);
    expect([plan?.indicator, plan?.period, plan?.value]).toEqual(['NI59', '2010-03', 72]);
    expect(notice?.source.quote).toContain('72% for the month of June 2010');
    expect(plan?.source.quote).toContain('72% for the month of March 2010');
    expect(notice?.source.document).toMatch(/^Improvement Notice/);
    expect(plan?.source.document).toMatch(/^Leeds Children's Services Improvement Plan/);
    expect(plan?.source.ref).toBe('1.5.3');
    expect(notice?.source.ref).toBeUndefined();
  });

  it('reads the plan’s CPC15 target as counted from the referral, as its words say, and no other with options', () => {
    // "held within 15 days of referral": the start event is the referral, not the strategy discussion.
    const withOptions = [
      ...getTargetSet('leeds-2010-notice').targets,
      ...getTargetSet('leeds-2010-plan').targets,
    ]
      .filter((target) => target.options !== undefined)
      .map((target) => [target.indicator, target.period, target.options]);
    expect(withOptions).toEqual([['CPC15', '2011-03', { startEvent: 'referral' }]]);
    expect(
      getTargetSet('leeds-2010-plan').targets.find((t) => t.indicator === 'CPC15')?.source.quote,
    ).toContain('within 15 days of referral');
  });

  it('gives the lower-is-better indicators their polarity', () => {
    // CASELOAD, NI117, NEET_NOT_KNOWN, REPEAT_REFERRALS and REF_NO_CAF are lower-is-better; the rest higher.
    const lower = new Set(
      getTargetSet('leeds-2010-plan')
        .targets.filter((target) => target.polarity === 'lower-is-better')
        .map((target) => target.indicator),
    );
    expect([...lower].sort()).toEqual([
      'CASELOAD',
      'NEET_NOT_KNOWN',
      'NI117',
      'REF_NO_CAF',
      'REPEAT_REFERRALS',
    ]);
  });
});

describe('getTargetSet', () => {
  it('refuses an unknown id, naming the known ones', () => {
    expect(() => getTargetSet('leeds-2011')).toThrow(TypeError);
    expect(() => getTargetSet('leeds-2011')).toThrow(
      'Unknown target set "leeds-2011": expected one of leeds-2010-notice, leeds-2010-plan',
    );
    // An inherited property is not a set.
    expect(() => getTargetSet('toString')).toThrow(TypeError);
  });
});
