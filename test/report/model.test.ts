import { describe, expect, it } from 'vitest';
import type { InitialAssessmentRecord } from '../../src/records/schemas.js';
import { REPORT_CSV_COLUMNS, renderCsv } from '../../src/report/csv.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { buildReport } from '../../src/report/model.js';
import { renderSummaryTable } from '../../src/report/text.js';
import { type Target, targetSets } from '../../src/targets/index.js';

const onTime = (id: string, referral: string, completed: string): InitialAssessmentRecord => ({
  id,
  childId: `C-${id}`,
  referralDate: referral,
  completedDate: completed,
});

// October 2010 and November 2010 have no bank holiday. Mon 4 Oct to Tue 5 Oct is 1 working day (on time); Mon 4 Oct
// to Mon 18 Oct is 10 (late under 7). April: Thu 1 Apr to Wed 7 Apr 2010 skips Good Friday 2 Apr and Easter
// Monday 5 Apr: 6, 7 Apr = 2 working days, on time.
const records: InitialAssessmentRecord[] = [
  onTime('A1', '2010-04-01', '2010-04-07'),
  onTime('O1', '2010-10-04', '2010-10-05'),
  onTime('O2', '2010-10-04', '2010-10-05'),
  onTime('O3', '2010-10-04', '2010-10-05'),
  onTime('O4', '2010-10-04', '2010-10-18'),
  ...['N1', 'N2', 'N3', 'N4', 'N5'].map((id) => onTime(id, '2010-11-01', '2010-11-02')),
  // After asAt: completed in December, so in no reported figure.
  onTime('D1', '2010-12-01', '2010-12-02'),
];

const target = (period: string, value: number): Target => ({
  indicator: 'NI59',
  period,
  value,
  unit: 'percent',
  polarity: 'higher-is-better',
  source: { document: 'Test notice', sourceFile: 'test.txt', quote: `${value}% for ${period}` },
});

const model = buildReport([{ id: 'NI59', records, rowsRejected: 2 }], {
  financialYear: 'FY2010',
  asAt: '2010-11-30',
  targets: [
    target('2010-03', 72), // March 2010 is before the year: left out
    target('2010-10', 80),
    target('2010-10..2011-03', 80),
    target('FY2010', 80),
    target('2011-03', 85),
  ],
});
const [ni59] = model.indicators;

describe('buildReport', () => {
  it.each(['31/10/2010', '2010-10', '2011-02-30', 'yesterday'])(
    'refuses asAt %s, which compared as text would report the wrong months',
    (asAt) => {
      // '31/10/2010' > '2010-…' as text: every month of 2010/11 would have been "reported", the year to date wrong.
      expect(() => buildReport([], { financialYear: 'FY2010', asAt })).toThrow(
        new RangeError(`asAt: expected a real date written YYYY-MM-DD, got ${JSON.stringify(asAt)}`),
      );
    },
  );

  it('gives each month of the year, leaving out the months after asAt', () => {
    expect(model.months.map((m) => `${m.spec}${m.reported ? '' : ' not yet'}`)).toEqual([
      '2010-04',
      '2010-05',
      '2010-06',
      '2010-07',
      '2010-08',
      '2010-09',
      '2010-10',
      '2010-11',
      '2010-12 not yet',
      '2011-01 not yet',
      '2011-02 not yet',
      '2011-03 not yet',
    ]);
    // April 1 of 1; October 3 of 4 (O4 took 10 days); November 5 of 5; December not yet although D1 is there.
    expect(ni59?.months.map((m) => m.display)).toEqual([
      '100.0%',
      'n/a',
      'n/a',
      'n/a',
      'n/a',
      'n/a',
      '75.0%',
      '100.0%',
      'not yet',
      'not yet',
      'not yet',
      'not yet',
    ]);
  });

  it('pools the year to date: 9 of 10 from April to November, not the mean of the months', () => {
    expect(ni59?.yearToDate).toMatchObject({
      numerator: 9,
      denominator: 10,
      value: '90',
      display: '90.0%',
      period: { start: '2010-04-01', end: '2010-11-30' },
    });
    expect(ni59?.counts.rowsRejected).toBe(2);
  });

  it('compares each target in the year, with status, gap and RAG', () => {
    const byPeriod = new Map(ni59?.targets.map((t) => [t.period.spec, t]));
    expect([...byPeriod.keys()]).toEqual(['2010-10', '2010-10..2011-03', 'FY2010', '2011-03']);
    // October: 75.0% against 80%: 5 points short, which is red at the default tolerance, 5% of 80 = 4 points.
    expect(byPeriod.get('2010-10')).toMatchObject({
      status: 'not-met',
      rag: 'red',
      gapDisplay: '-5.0 pts',
      running: false,
      tolerance: { value: 4, basis: 'percent-of-target', percentOfTarget: 5, isDefault: true },
    });
    // March 2011 has not started at the end of November.
    expect(byPeriod.get('2011-03')).toMatchObject({ status: 'not-started', rag: 'grey', running: true });
  });

  it('gives the rate the remaining months need for a cumulative target still running', () => {
    const cumulative = ni59?.targets.find((t) => t.period.spec === '2010-10..2011-03');
    // So far October and November: 8 of 9 (88.9%), met so far. Expected remaining: mean of 4 and 5 = 4.5 a month
    // for December to March, 18. Needed: (80% × (9 + 18) − 8) / 18 = (21.6 − 8) / 18 = 75.555…%.
    expect(cumulative).toMatchObject({ status: 'met', rag: 'green', running: true, actualDisplay: '88.9%' });
    expect(cumulative?.rateNeeded).toMatchObject({
      neededDisplay: '75.6%',
      achievable: true,
      monthsRemaining: 4,
    });
    const year = ni59?.targets.find((t) => t.period.spec === 'FY2010');
    // So far April to November: 9 of 10. The eight months' denominators are 1, 0, 0, 0, 0, 0, 4, 5: a mean of 1.25,
    // so 5 expected in the last four months. Needed: (80% × 15 − 9) / 5 = (12 − 9) / 5 = 60%.
    expect(year?.rateNeeded?.needed).toBe('60');
  });

  it('names the calendar and convention, and the same input gives the same model', () => {
    expect(model.calendar.id).toBe('england-and-wales');
    expect(model.convention).toBe('after-start');
    const again = buildReport([{ id: 'NI59', records, rowsRejected: 2 }], {
      financialYear: 'FY2010',
      asAt: '2010-11-30',
      targets: [target('2010-10', 80)],
    });
    expect(JSON.stringify(again.indicators[0]?.months)).toBe(JSON.stringify(ni59?.months));
  });

  it('compares a percent-change target like for like while the year is running', () => {
    // CAF_CLOSED FY2010 vs FY2009 (+10%): at the end of May 2010, April-May 2010 against April-May 2009.
    const cafs = [
      {
        id: 'B1',
        designatedDate: '2009-04-01',
        closedDate: '2009-04-20',
        closureReason: 'needs-met' as const,
      },
      {
        id: 'B2',
        designatedDate: '2009-05-01',
        closedDate: '2009-05-20',
        closureReason: 'needs-met' as const,
      },
      {
        id: 'B3',
        designatedDate: '2009-09-01',
        closedDate: '2009-09-20',
        closureReason: 'needs-met' as const,
      },
      {
        id: 'C1',
        designatedDate: '2010-04-01',
        closedDate: '2010-04-20',
        closureReason: 'needs-met' as const,
      },
      {
        id: 'C2',
        designatedDate: '2010-04-01',
        closedDate: '2010-04-21',
        closureReason: 'needs-met' as const,
      },
      {
        id: 'C3',
        designatedDate: '2010-05-01',
        closedDate: '2010-05-20',
        closureReason: 'needs-met' as const,
      },
    ];
    const cafTarget = targetSets['leeds-2010-plan']?.targets.find((t) => t.indicator === 'CAF_CLOSED');
    expect(cafTarget).toBeDefined();
    const report = buildReport([{ id: 'CAF_CLOSED', records: cafs }], {
      financialYear: 'FY2010',
      asAt: '2010-05-31',
      targets: cafTarget ? [cafTarget] : [],
    });
    // 3 closed in April-May 2010 against 2 in April-May 2009 (B3 in September is outside the like-for-like months):
    // +50%, met.
    expect(report.indicators[0]?.targets[0]).toMatchObject({
      actualDisplay: '+50.0%',
      status: 'met',
      running: true,
    });
  });
});

describe('report renderers', () => {
  it('writes a Markdown report with the summary, each month and each target quote', () => {
    const md = renderMarkdown(model);
    expect(md.split('\n')[0]).toBe('# Monthly return 2010/11');
    expect(md).toContain(
      '| NI59: Initial assessments completed within timescale | 100.0% (November 2010) | 90.0% |',
    );
    expect(md).toContain('| October 2010 | 3 | 4 | 75.0% |');
    expect(md).toContain('> 80% for 2010-10..2011-03');
  });

  it('escapes Markdown in text from records and config', () => {
    const hostile = buildReport([{ id: 'NI59', records }], {
      financialYear: 'FY2010',
      title: 'A | <script>x</script>',
    });
    expect(renderMarkdown(hostile).split('\n')[0]).toBe('# A \\| &lt;script&gt;x&lt;/script&gt;');
  });

  it('writes a rectangular CSV: a line per month, the year to date, each target and each warning', () => {
    const lines = renderCsv(model).trimEnd().split('\n');
    // A header, 12 months (no history: the records start in April 2010), the year to date, 4 targets and 1 warning
    // (the chart has 3 points: too few).
    expect(lines).toHaveLength(1 + 12 + 1 + 4 + 1);
    // Every line has every column (no text cell here holds a comma).
    for (const line of lines) expect(line.split(',')).toHaveLength(REPORT_CSV_COLUMNS.length);
    const rows = lines
      .slice(1)
      .map((line) => Object.fromEntries(REPORT_CSV_COLUMNS.map((c, i) => [c, line.split(',')[i]])));
    // October: 3 of 4, 75; the chart's mean of April 100, October 75 and November 100 is 91.666…
    expect(rows[6]).toMatchObject({
      indicator: 'NI59',
      row_type: 'month',
      period: '2010-10',
      numerator: '3',
      denominator: '4',
      value: '75',
      display: '75.0%',
      spc_mean: String(275 / 3),
      spc_type: 'common-cause',
      rule: 'rules=ni2008; timescale=7 working days; convention=after-start; from=referralDate; to=completedDate',
      calendar: 'england-and-wales fnv1a64:145a5957c18318d5',
      rows_rejected: '2',
    });
    expect(rows[12]).toMatchObject({
      row_type: 'year-to-date',
      period: '2010-04-01..2010-11-30',
      value: '90',
    });
    // The October target: numbers a spreadsheet can use, the target 80 and the gap -5 (not '-5.0 pts' text).
    expect(rows[13]).toMatchObject({
      row_type: 'target',
      period: '2010-10',
      target_value: '80',
      target_unit: 'percent',
      gap: '-5',
      gap_unit: 'percentage-points',
      tolerance: '4',
      rag: 'red',
      standing: 'Off target',
      headline: 'false',
    });
    expect(rows[17]).toMatchObject({ row_type: 'warning', status: 'too_few_points' });
  });

  it('makes spreadsheet formulas inert in CSV text', () => {
    const formula = buildReport([{ id: 'NI59', records }], {
      financialYear: 'FY2010',
      targets: [
        { ...target('2010-10', 80), source: { document: '=HYPERLINK("x")', sourceFile: 'x', quote: 'q' } },
      ],
    });
    expect(renderCsv(formula)).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('prints a summary table for the terminal', () => {
    const table = renderSummaryTable(model);
    expect(table).toContain('Monthly return 2010/11, data to 2010-11-30');
    // The headline target: in the one set (the test notice), of the two whose periods contain 30 November, October to
    // March and 2010/11, both ending on 31 March, the shorter: October to March, 8 of 9 so far, 75.6% needed. Its
    // chart (April 100, October 75, November 100: mean 91.67, limits 91.67 ± 2.66 × 25) holds 80%: hit and miss.
    expect(table).toMatch(
      /NI59\s+100\.0% \(November 2010\)\s+90\.0%\s+80% \(Test notice, October 2010 to March 2011\)\s+88\.9%\s+\+8\.9 pts\s+On target\s+Common cause\s+Hit and miss\s+75\.6% or more over 4 months/,
    );
    expect(table).toContain("NI59: the chart's limits rest on fewer than 12 points (3 months with a value)");
  });
});
