/**
 * The built-in target sets, transcribed from the source documents through `test/fixtures/reference/targets.json` (the test
 * `test/targets/builtin.test.ts` checks every target against that file). The two Leeds documents disagree on the
 * month of the first NI 59 and NI 60 targets: the notice says June 2010, the plan March 2010. Both are kept, each with
 * its source.
 * @module
 */
import type { TargetSet } from '../types.js';

/** The title of the Improvement Notice. */
const NOTICE_TITLE =
  'Improvement Notice to Leeds City Council, Department for Children, Schools and Families, 2 March 2010';

/** The file the Improvement Notice's targets were transcribed from. */
const NOTICE_FILE = 'sources/leeds-2010-improvement-notice.txt';

/** The title of the improvement plan. */
const PLAN_TITLE =
  "Leeds Children's Services Improvement Plan 2010, Section E (detailed implementation plan)";

/** The file the improvement plan's targets were transcribed from. */
const PLAN_FILE = 'sources/leeds-2010-improvement-plan-actions.txt';

/**
 * The built-in target sets by id: `leeds-2010-notice` (the Improvement Notice of 2 March 2010) and
 * `leeds-2010-plan` (the Leeds Children's Services Improvement Plan 2010, Section E).
 * @example targetSets['leeds-2010-notice']?.targets[0]?.value //=> 72
 * @example targetSets['leeds-2010-plan']?.targets[0]?.period //=> '2010-03'
 */
export const targetSets: Readonly<Record<string, TargetSet>> = {
  'leeds-2010-notice': {
    id: 'leeds-2010-notice',
    title: NOTICE_TITLE,
    sourceFile: NOTICE_FILE,
    targets: [
      {
        indicator: 'NI59',
        period: '2010-06',
        value: 72,
        unit: 'percent',
        polarity: 'higher-is-better',
        source: {
          document: NOTICE_TITLE,
          sourceFile: NOTICE_FILE,
          quote:
            "increase the percentage of initial assessments for children's social care carried out within timescale to 72% for the month of June 2010",
        },
      },
      {
        indicator: 'NI59',
        period: '2010-10',
        value: 80,
        unit: 'percent',
        polarity: 'higher-is-better',
        source: {
          document: NOTICE_TITLE,
          sourceFile: NOTICE_FILE,
          quote: 'to 80% for the month of October 2010',
        },
      },
      {
        indicator: 'NI59',
        period: '2010-10..2011-03',
        value: 80,
        unit: 'percent',
        polarity: 'higher-is-better',
        source: {
          document: NOTICE_TITLE,
          sourceFile: NOTICE_FILE,
          quote: 'and to 80% for the cumulative period October 2010 to March 2011',
        },
      },
      {
        indicator: 'NI60',
        period: '2010-06',
        value: 80,
        unit: 'percent',
        polarity: 'higher-is-better',
        source: {
          document: NOTICE_TITLE,
          sourceFile: NOTICE_FILE,
          quote:
            "increase the percentage of core assessments for children's social care that were carried out within 35 working days of their commencement to 80% for the month of June 2010",
        },
      },
      {
        indicator: 'NI60',
        period: '2010-10',
        value: 84,
        unit: 'percent',
        polarity: 'higher-is-better',
        source: {
          document: NOTICE_TITLE,
          sourceFile: NOTICE_FILE,
          quote: 'to 84% for the month of October 2010',
        },
      },
      {
        indicator: 'NI60',
        period: '2010-10..2011-03',
        value: 85,
        unit: 'percent',
        polarity: 'higher-is-better',
        source: {
          document: NOTICE_TITLE,
          sourceFile: NOTICE_FILE,
          quote: 'and to 85% for the cumulative period October 2010 to March 2011',
        },
      },
      {
        indicator: 'NI117',
        period: 'AY2010',
        value: 6.8,
        unit: 'percent',
        polarity: 'lower-is-better',
        source: {
          document: NOTICE_TITLE,
          sourceFile: NOTICE_FILE,
          quote:
            'NI 117 reduce the number of 16-18 year olds who are not in education, employment or training (NEET) to 6.8% in 2010/11',
          note: 'NI 117 is the November-December-January average, so 2010/11 is read as the counts of November 2010 to January 2011',
        },
      },
    ],
  },
  'leeds-2010-plan': {
    id: 'leeds-2010-plan',
    title: PLAN_TITLE,
    sourceFile: PLAN_FILE,
    targets: [
      {
        indicator: 'NI59',
        period: '2010-03',
        value: 72,
        unit: 'percent',
        polarity: 'higher-is-better',
        source: {
          document: PLAN_TITLE,
          sourceFile: PLAN_FILE,
          ref: '1.5.3',
          quote:
            "NI 59 - whilst maintaining high quality, increase the percentage of initial assessments for children's social care carried out within timescale to 72% for the month of March 2010",
        },
      },
      {
        indicator: 'NI59',
        period: '2010-10',
        value: 80,
        unit: 'percent',
        polarity: 'higher-is-better',
        source: {
          document: PLAN_TITLE,
          sourceFile: PLAN_FILE,
          ref: '1.5.3',
          quote: 'to 80% for the month of October 2010',
        },
      },
      {
        indicator: 'NI59',
        period: 'FY2010',
        value: 80,
        unit: 'percent',
        polarity: 'higher-is-better',
        source: {
          document: PLAN_TITLE,
          sourceFile: PLAN_FILE,
          ref: '1.5.3',
          quote: 'and to 80% by end of March 2011 (i.e. the annual cumulative figure)',
        },
      },
      {
        indicator: 'NI60',
        period: '2010-03',
        value: 80,
        unit: 'percent',
        polarity: 'higher-is-better',
        source: {
          document: PLAN_TITLE,
          sourceFile: PLAN_FILE,
          ref: '1.5.3',
          quote:
            "increase the percentage of core assessments for children's social care that were carried out within 35 working days of their commencement to 80% for the month of March 2010",
        },
      },
      {
        indicator: 'NI60',
        period: '2010-10',
        value: 84,
        unit: 'percent',
        polarity: 'higher-is-better',
        source: {
          document: PLAN_TITLE,
          sourceFile: PLAN_FILE,
          ref: '1.5.3',
          quote: 'to 84% for the month of October 2010',
        },
      },
      {
        indicator: 'NI60',
        period: 'FY2010',
        value: 85,
        unit: 'percent',
        polarity: 'higher-is-better',
        source: {
          document: PLAN_TITLE,
          sourceFile: PLAN_FILE,
          ref: '1.5.3',
          quote: 'and to 85% by the end of March 2011 (i.e. the annual cumulative figure)',
        },
      },
      {
        indicator: 'CPC15',
        period: '2011-03',
        value: 85,
        unit: 'percent',
        polarity: 'higher-is-better',
        options: { startEvent: 'referral' },
        source: {
          document: PLAN_TITLE,
          sourceFile: PLAN_FILE,
          ref: '1.6.3',
          quote:
            'The percentage of initial child protection conferences held within 15 days of referral is at 85% by March 2011',
          note: "'by March 2011' read as the month of March 2011; 'of referral' is the plan's wording, so this target's start event is referral",
        },
      },
      {
        indicator: 'CAF2W',
        period: '2010-09',
        value: 90,
        unit: 'percent',
        polarity: 'higher-is-better',
        source: {
          document: PLAN_TITLE,
          sourceFile: PLAN_FILE,
          ref: '2.3.3',
          quote: 'ensuring 90% of CAF meetings are held within 2 weeks of the designated date - 30/09/10',
          note: "'by 30/09/10' read as the month ending on that date",
        },
      },
      {
        indicator: 'CAF2W',
        period: '2011-09',
        value: 96,
        unit: 'percent',
        polarity: 'higher-is-better',
        source: {
          document: PLAN_TITLE,
          sourceFile: PLAN_FILE,
          ref: '2.3.3',
          quote: 'ensuring 96% of CAF meetings are held within 2 weeks of the designated date - 30/09/11',
        },
      },
      {
        indicator: 'CAF_CLOSED',
        period: 'FY2010',
        value: 10,
        unit: 'percent-change',
        polarity: 'higher-is-better',
        baseline: 'FY2009',
        source: {
          document: PLAN_TITLE,
          sourceFile: PLAN_FILE,
          ref: '2.3.3',
          quote: 'A 10% Increase in the number of CAFs successfully closed',
          note: 'baseline period not stated in the plan; previous financial year assumed',
        },
      },
      {
        indicator: 'REF_NO_CAF',
        period: 'FY2010',
        value: -10,
        unit: 'percent-change',
        polarity: 'lower-is-better',
        baseline: 'FY2009',
        source: {
          document: PLAN_TITLE,
          sourceFile: PLAN_FILE,
          ref: '2.3.3',
          quote: 'A 10 % reduction in referrals to specialist agencies where no CAF is completed',
          note: 'baseline period not stated in the plan; previous financial year assumed',
        },
      },
      {
        indicator: 'CASELOAD',
        period: 'FY2010',
        value: 22,
        unit: 'cases-per-fte',
        polarity: 'lower-is-better',
        source: {
          document: PLAN_TITLE,
          sourceFile: PLAN_FILE,
          ref: '1.6.2',
          quote: 'achieve a reduction in caseload levels from 24 to 22 by 2010/11 and to 20 by 2011/12',
        },
      },
      {
        indicator: 'CASELOAD',
        period: 'FY2011',
        value: 20,
        unit: 'cases-per-fte',
        polarity: 'lower-is-better',
        source: {
          document: PLAN_TITLE,
          sourceFile: PLAN_FILE,
          ref: '1.6.2',
          quote: 'and to 20 by 2011/12',
        },
      },
      {
        indicator: 'NI117',
        period: 'AY2010',
        value: 6.8,
        unit: 'percent',
        polarity: 'lower-is-better',
        source: {
          document: PLAN_TITLE,
          sourceFile: PLAN_FILE,
          ref: '4.1.1',
          quote:
            'NI 117 reduce the number of 16- 18 year olds who are not in education, training or employment (NEET) 6.8% in 2010 / 11',
        },
      },
      {
        indicator: 'NEET_NOT_KNOWN',
        period: 'AY2010',
        value: 6.3,
        unit: 'percent',
        polarity: 'lower-is-better',
        source: {
          document: PLAN_TITLE,
          sourceFile: PLAN_FILE,
          ref: '4.1.1',
          quote:
            'Reduction in the number of young people whose status is not known to target of 6.3% by Nov/Jan 2011',
        },
      },
      {
        indicator: 'REPEAT_REFERRALS',
        period: 'FY2009',
        value: 20,
        unit: 'percent',
        polarity: 'lower-is-better',
        source: {
          document: PLAN_TITLE,
          sourceFile: PLAN_FILE,
          quote: 'Reduction of the number of repeat referrals to 20% for 2009/10',
          note: 'repeat referral: a referral within 12 months of a previous referral of the same child',
        },
      },
    ],
  },
};
