import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/report/chart.js';
import { spc } from '../../src/spc/index.js';
import { figure, month, months, PERIODS, reportIndicator, reportTarget } from './fixtures.js';

/** The attributes of every `<name …>` start tag of the SVG (optionally only those with `data-part="part"`). */
function tags(svg: string, name: string, part?: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<${name}\\s([^>]*?)/?>`, 'g'))]
    .map((match) =>
      Object.fromEntries([...(match[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
    )
    .filter((attributes) => part === undefined || attributes['data-part'] === part);
}

function plotArea(svg: string) {
  const [plot] = tags(svg, 'rect', 'plot');
  if (!plot) throw new Error('no plot area');
  const top = Number(plot.y);
  const left = Number(plot.x);
  return { top, left, bottom: top + Number(plot.height), right: left + Number(plot.width) };
}

/** A point of the chart: its month, type, fill, centre and shape. */
interface Point {
  readonly month: string | undefined;
  readonly type: string | undefined;
  readonly fill: string | undefined;
  readonly x: number;
  readonly y: number;
  readonly shape: string;
}

/** Every point of the chart, whatever its shape. */
function points(svg: string): Point[] {
  const point = (attributes: Record<string, string>, x: number, y: number, shape: string): Point => ({
    month: attributes['data-month'],
    type: attributes['data-type'],
    fill: attributes.fill,
    x,
    y,
    shape,
  });
  return [
    ...tags(svg, 'circle', 'point').map((p) => point(p, Number(p.cx), Number(p.cy), 'circle')),
    ...tags(svg, 'path', 'point').map((p) => {
      // A diamond: M x (y − 7) L (x + 7) y …
      const [, x = '0', top = '0'] = /^M([\d.]+) ([\d.]+)/.exec(p.d ?? '') ?? [];
      return point(p, Number(x), Number(top) + 7, 'diamond');
    }),
  ].sort((a, b) => a.x - b.x);
}

// Width 720, height 400: margins 72 top (the legend), 112 right (labels), 56 bottom (months), 64 left (ticks). The
// plot runs from x 64 to 608 (544px) and from y 72 to 344 (272px). Twelve months: bands of 544 / 12 = 45.33px.

describe('renderChart', () => {
  it('puts 50% at the middle of a 0–100 axis, 0% at its foot and 100% at its top', () => {
    // Mean 43.75; moving ranges 50, 100, 75 (mean 75): limits far outside 0–100, so every point is common cause.
    const indicator = reportIndicator({
      months: months([50, 0, 100, 25, null, null, null, null, null, null, 'not yet', 'not yet']),
    });
    const svg = renderChart(indicator, { valueRange: [0, 100] });
    // 50% lands at 344 − 0.5 × 272 = 208, the middle; 0% at 344; 100% at 72; 25% at 344 − 0.25 × 272 = 276.
    const plot = plotArea(svg);
    expect(plot).toMatchObject({ top: 72, bottom: 344 });
    const y = Object.fromEntries(points(svg).map((p) => [p.month, p.y]));
    expect(y).toEqual({ '2010-04': 208, '2010-05': 344, '2010-06': 72, '2010-07': 276 });
  });

  it('places the months left to right, one band each, April first', () => {
    const svg = renderChart(reportIndicator());
    // April's point is at the middle of the first band, 64 + 22.67 = 86.7; each month 45.33px further right; January
    // (the 10th) at 64 + 9.5 × 45.33 = 494.7.
    const xs = points(svg).map((point) => point.x);
    expect(xs[0]).toBe(86.7);
    expect(xs.at(-1)).toBe(494.7);
    expect(xs).toHaveLength(10);
    // The month labels, Apr to Mar (12 months: names, not initials), with the years under April and January.
    const labels = [...svg.matchAll(/<text[^>]*>(\w{3})<\/text>/g)].map((match) => match[1]);
    expect(labels).toEqual([
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
      'Jan',
      'Feb',
      'Mar',
    ]);
    expect(svg).toContain('>2010</text>');
    expect(svg).toContain('>2011</text>');
  });

  it('shades the history before the year, marks where the year starts and labels months by initials', () => {
    const history = [
      '2009-04',
      '2009-05',
      '2009-06',
      '2009-07',
      '2009-08',
      '2009-09',
      '2009-10',
      '2009-11',
      '2009-12',
      '2010-01',
      '2010-02',
      '2010-03',
    ];
    const indicator = reportIndicator({ history: history.map((spec) => figure(month(spec), 60)) });
    const svg = renderChart(indicator);
    // 24 months: bands of 544 / 24 = 22.67px; the history is the first 12, 272px, up to x 336, where the year starts.
    expect(svg).toContain(
      '<g data-part="history"><rect x="64" y="72" width="272" height="272" fill="#f8f8f8"/><line x1="336" x2="336"',
    );
    expect(svg).toContain('>History</text>');
    expect(svg).toContain('>2010/11</text>');
    // A point per month with a value: 12 of history and 10 of the year.
    expect(points(svg)).toHaveLength(22);
    // More than 15 months: initials, A M J J A S O N D J F M twice.
    const labels = [...svg.matchAll(/<text[^>]*fill="#0b0c0c">([A-Z])<\/text>/g)].map((match) => match[1]);
    expect(labels.join('')).toBe('AMJJASONDJFMAMJJASONDJFM');
    expect(svg).toContain('the first 12 months as history before the year');
  });

  it('leaves out the months not yet reported and those without a value, breaking the line at a gap', () => {
    // June has no data (n/a); February and March are after asAt.
    const indicator = reportIndicator({
      months: months([70, 71, null, 73, 74, 75, 76, 77, 78, 79, 'not yet', 'not yet']),
    });
    const svg = renderChart(indicator);
    expect(points(svg).map((point) => point.month)).toEqual([
      '2010-04',
      '2010-05',
      '2010-07',
      '2010-08',
      '2010-09',
      '2010-10',
      '2010-11',
      '2010-12',
      '2011-01',
    ]);
    // Two runs: April–May (2 points) and July–January (7 points).
    const lines = tags(svg, 'polyline').map((line) => (line.points ?? '').split(' ').length);
    expect(lines).toEqual([2, 7]);
    // The months not yet reported are shaded and say so in words.
    expect(svg).toContain('data-part="not-yet"');
    expect(svg).toContain('>Not yet</text>');
    expect(svg).toMatch(/Not yet reported: February 2011, March 2011\./);
  });

  it('colours and shapes each point by what it shows: improvement, concern or common cause', () => {
    // 70, 72 … then 60 and 80. Mean (4 × 70 + 4 × 72 + 60 + 80) / 10 = 70.8. Moving ranges seven of 2, then 12 and
    // 20: 46 / 9 = 5.11; 20 is at or above 3.267 × 5.11 = 16.7, screened: (14 + 12) / 8 = 3.25. Limits
    // 70.8 ± 2.66 × 3.25 = 62.16 to 79.45: December's 60 is below (a concern, higher being better), January's 80
    // above (an improvement); the rest common cause (no run, trend or two of three).
    const indicator = reportIndicator({
      months: months([70, 72, 70, 72, 70, 72, 70, 72, 60, 80, 'not yet', 'not yet']),
    });
    const svg = renderChart(indicator);
    const byMonth: Record<string, (string | undefined)[]> = Object.fromEntries(
      points(svg).map((p) => [p.month, [p.type, p.shape, p.fill]]),
    );
    expect(byMonth['2010-12']).toEqual(['special-cause-concern', 'diamond', '#e46c0a']);
    expect(byMonth['2011-01']).toEqual(['special-cause-improvement', 'circle', '#1d70b8']);
    expect(byMonth['2010-04']).toEqual(['common-cause', 'circle', '#505a5f']);
    expect(Object.values(byMonth).filter(([type]) => type === 'common-cause')).toHaveLength(8);
    // In words too: each point's title, and the description.
    expect(svg).toContain('<title>December 2010: 60.0%, concern (below the lower limit)</title>');
    expect(svg).toContain(
      'Special causes: December 2010 concern, below the lower limit; January 2011 improvement, above the upper limit.',
    );
    expect(svg).toContain('Latest month: improvement.');
    // The legend names only what is shown.
    expect(svg).toContain('>Improvement</text>');
    expect(svg).toContain('>Concern</text>');
    expect(svg).not.toContain('>Special cause</text>');
  });

  it('draws each phase’s mean and process limits over its months, and a line where a new phase starts', () => {
    // 70, 72 alternating to September, then 80, 82 from October: rebased at 2010-10. Phase 1 (6 months): mean 71,
    // limits 71 ± 5.32; phase 2 (4 months): mean 81.
    const values = [70, 72, 70, 72, 70, 72, 80, 82, 80, 82];
    const base = reportIndicator({ months: months([...values, 'not yet', 'not yet']) });
    const chart = spc(
      values.map((value, i) => ({ label: base.months[i]?.period.spec ?? '', value })),
      { rebase: ['2010-10'] },
    );
    const { phases: _phases, ...rest } = chart;
    const svg = renderChart({ ...base, spc: rest }, { valueRange: [60, 90] });
    const means = tags(svg, 'line', 'mean');
    // Phase 1 from April (x 64) to the end of September (64 + 6 × 45.33 = 336); phase 2 from 336 to the end of January
    // (64 + 10 × 45.33 = 517.3). 71 on a 60–90 axis: 344 − (11 / 30) × 272 = 244.3; 81: 344 − (21 / 30) × 272 = 153.6.
    expect(means.map((line) => [line.x1, line.x2, line.y1])).toEqual([
      ['64', '336', '244.3'],
      ['336', '517.3', '153.6'],
    ]);
    expect(tags(svg, 'line', 'upper-limit')).toHaveLength(2);
    expect(tags(svg, 'line', 'rebase').map((line) => line.x1)).toEqual(['336']);
    expect(svg).toContain('April 2010 to September 2010: mean 71.0%, process limits 65.7% to 76.3%.');
    // The last phase's mean and limits are labelled in the margin.
    expect(svg).toContain('>Mean</text>');
    expect(svg).toContain('>81.0%</text>');
  });

  it('draws a cumulative target as a line across its months and a one-month target as a bar at its month', () => {
    const indicator = reportIndicator({
      targets: [
        reportTarget({ period: month('2010-06'), target: { value: 72 } }),
        reportTarget({ period: PERIODS['2010-10..2011-03'], target: { value: 80 }, running: true }),
      ],
    });
    const svg = renderChart(indicator, { valueRange: [60, 90] });
    const plot = plotArea(svg);
    // 80 on a 60–90 axis is two thirds up: 344 − (20 / 30) × 272 = 162.7.
    const [line] = tags(svg, 'line', 'target').filter((t) => t['data-period'] === '2010-10..2011-03');
    expect(line).toMatchObject({ y1: '162.7', y2: '162.7', 'stroke-dasharray': '10 4' });
    // October is the 7th band: from 64 + 6 × 45.33 = 336 to the plot's right edge, the end of March.
    expect(Number(line?.x1)).toBe(336);
    expect(Number(line?.x2)).toBe(plot.right);
    // June's 72%: 344 − (12 / 30) × 272 = 235.2, a bar centred on June (64 + 2.5 × 45.33 = 177.3), ±0.45 of a band.
    const [bar] = tags(svg, 'line', 'target').filter((t) => t['data-period'] === '2010-06');
    expect(bar).toMatchObject({ y1: '235.2', x1: '156.9', x2: '197.7' });
    // Labelled in the margin with their values and months.
    expect(svg).toContain('>Target 80%</text>');
    expect(svg).toContain('>Oct–Mar</text>');
    expect(svg).toContain('>Target 72%</text>');
    expect(svg).toMatch(
      /Targets drawn: 80% for October 2010 to March 2011, met so far; 72% for June 2010, met\./,
    );
  });

  it('draws the same target from two documents once', () => {
    const october = reportTarget({ period: month('2010-10') });
    const indicator = reportIndicator({ targets: [october, { ...october, target: { ...october.target } }] });
    expect(tags(renderChart(indicator), 'line', 'target')).toHaveLength(1);
  });

  it('does not draw a % change target on the value axis, and names it in the description', () => {
    const indicator = reportIndicator({
      id: 'CAF_CLOSED',
      unit: 'count',
      months: months([50, 38, 59, 50, 56, 46, 59, 46, 47, 63, 'not yet', 'not yet'], 'count'),
      targets: [
        reportTarget({
          period: PERIODS.FY2010,
          target: { indicator: 'CAF_CLOSED', unit: 'percent-change', value: 10, baseline: 'FY2009' },
          targetDisplay: '+10% on 2009/10',
          running: true,
        }),
      ],
    });
    const svg = renderChart(indicator);
    expect(tags(svg, 'line', 'target')).toHaveLength(0);
    expect(svg).toContain('Not drawn on the value axis: +10% on 2009/10 for 2010/11, met so far.');
    // The axis fits the values and the limits: mean 51.4; moving ranges 12, 21, 9, 6, 10, 13, 13, 1, 16 = 101 / 9 =
    // 11.22 (none screened at 36.7); limits 51.4 ± 29.85 = 21.55 to 81.25. Span 59.7, widened by 8% each way (16.8 to
    // 86.0), a rough step of 14.9 rounds up to 20: the axis runs 0 to 100, ticks every 20.
    const ticks = tags(svg, 'line').flatMap((line) => (line['data-tick'] ? [Number(line['data-tick'])] : []));
    expect(ticks).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('fits a percentage axis to the values, the limits and the targets in steps of 1, 2 or 5', () => {
    // NI59 of the example year: 64.9% to 82.5%, target 80%. Mean 75.52, mean moving range 19.6 / 9 = 2.18: limits
    // 69.73 to 81.31, inside the values. Span 17.6, widened by 1.4 each way (63.5–83.9), a rough step of
    // 17.6 / 4 = 4.4 rounds up to 5: the axis runs 60% to 85%.
    const indicator = reportIndicator({
      months: months([64.9, 67.4, 72.4, 73.6, 74.5, 77, 80.5, 81.5, 80.5, 82.5, 'not yet', 'not yet']),
      targets: [reportTarget({ period: PERIODS.FY2010 })],
    });
    const svg = renderChart(indicator);
    const ticks = tags(svg, 'line').flatMap((line) => (line['data-tick'] ? [Number(line['data-tick'])] : []));
    expect(ticks).toEqual([60, 65, 70, 75, 80, 85]);
    expect(svg).toContain('>85%</text>');
  });

  it('is accessible: role img, labelled by its title and description, ids from the indicator id', () => {
    const svg = renderChart(reportIndicator());
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="chart-NI59-title chart-NI59-desc"/);
    expect(svg).toContain(
      '<title id="chart-NI59-title">NI59: Initial assessments completed within timescale, by month, with its process limits',
    );
    expect(svg).toMatch(/<desc id="chart-NI59-desc">XmR chart of NI59 by month, April 2010 to March 2011\. /);
    expect(svg).toContain('April 2010 70.0%; May 2010 71.0%');
    expect(renderChart(reportIndicator({ id: 'NEET NOT/KNOWN' }))).toContain(
      'id="chart-NEET-NOT-KNOWN-title"',
    );
  });

  it('gives the same SVG for the same indicator, with no random id', () => {
    const indicator = reportIndicator({ targets: [reportTarget({ period: PERIODS.FY2010 })] });
    expect(renderChart(indicator)).toBe(renderChart(structuredClone(indicator)));
    const ids = [...renderChart(indicator).matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(['chart-NI59-title', 'chart-NI59-desc']);
  });

  it('escapes every text from the model', () => {
    const svg = renderChart(
      reportIndicator({
        id: 'X<script>',
        title: '<script>alert("title")</script>',
        targets: [reportTarget({ period: PERIODS.FY2010, targetDisplay: '<b>80%</b>' })],
      }),
    );
    expect(svg).not.toMatch(/<script|<b>/);
    expect(svg).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(svg).toContain('id="chart-X-script--title"');
  });

  it('adds the SVG namespace only for a standalone file', () => {
    expect(renderChart(reportIndicator())).not.toContain('xmlns');
    expect(renderChart(reportIndicator(), { standalone: true })).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /,
    );
  });

  it('refuses a value range whose maximum is not above its minimum', () => {
    expect(() => renderChart(reportIndicator(), { valueRange: [50, 50] })).toThrow(RangeError);
  });

  it('draws an indicator with no value yet as an empty, labelled chart', () => {
    const svg = renderChart(reportIndicator({ months: months(Array(12).fill(null)) }));
    expect(points(svg)).toHaveLength(0);
    expect(svg).toContain('No month has a value yet.');
    expect(tags(svg, 'line', 'mean')).toHaveLength(0);
  });
});
