import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/report/chart.js';
import { month, months, PERIODS, reportIndicator, reportTarget } from './fixtures.js';

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

describe('renderChart', () => {
  it('puts 50% at the middle of a 0–100 axis, 0% at its foot and 100% at its top', () => {
    const indicator = reportIndicator({
      months: months([50, 0, 100, 25, null, null, null, null, null, null, 'not yet', 'not yet']),
    });
    const H = 400;
    const svg = renderChart(indicator, { height: H, valueRange: [0, 100] });
    // The plot runs from y = 60 (the top margin, room for the legend) to y = 400 − 56 = 344 (the month labels
    // below): 284px high. 50% lands at 344 − 0.5 × 284 = 202, its middle; 0% at 344; 100% at 60; 25% at 273.
    const plot = plotArea(svg);
    expect(plot).toMatchObject({ top: 60, bottom: 344 });
    const y = Object.fromEntries(tags(svg, 'circle', 'point').map((p) => [p['data-month'], Number(p.cy)]));
    expect(y['2010-04']).toBe((plot.top + plot.bottom) / 2);
    expect(y['2010-04']).toBe(202);
    expect(y['2010-05']).toBe(344);
    expect(y['2010-06']).toBe(60);
    expect(y['2010-07']).toBe(273);
  });

  it('places the months left to right, one band each, April first', () => {
    const svg = renderChart(reportIndicator());
    // Width 720, margins 64 left and 104 right: a plot of 552px, 12 bands of 46px. April's point is at the middle
    // of the first band, 64 + 23 = 87; each month 46px further right; January (the 10th) at 64 + 9.5 × 46 = 501.
    const xs = tags(svg, 'circle', 'point').map((point) => Number(point.cx));
    expect(xs).toEqual([87, 133, 179, 225, 271, 317, 363, 409, 455, 501]);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1] ?? Number.POSITIVE_INFINITY);
    // The month labels, Apr to Mar, under the bands, with the years under April and January.
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

  it('leaves out the months not yet reported and those without a value, breaking the line at a gap', () => {
    // June has no data (n/a); February and March are after asAt.
    const indicator = reportIndicator({
      months: months([70, 71, null, 73, 74, 75, 76, 77, 78, 79, 'not yet', 'not yet']),
    });
    const svg = renderChart(indicator);
    const drawn = tags(svg, 'circle', 'point').map((point) => point['data-month']);
    expect(drawn).toEqual([
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

  it('draws a cumulative target as a line across its months and a one-month target as a bar at its month', () => {
    const indicator = reportIndicator({
      targets: [
        reportTarget({ period: month('2010-06'), target: { value: 72 } }),
        reportTarget({ period: PERIODS['2010-10..2011-03'], target: { value: 80 }, running: true }),
      ],
    });
    const svg = renderChart(indicator, { valueRange: [60, 90] });
    const plot = plotArea(svg);
    // 80 on a 60–90 axis is two thirds up: 324 − (20 / 30) × 264 = 148.
    const [line] = tags(svg, 'line', 'target').filter((t) => t['data-period'] === '2010-10..2011-03');
    expect(line).toMatchObject({ y1: '148', y2: '148', 'stroke-dasharray': '8 5' });
    // October is the 7th band: from 64 + 6 × 46 = 340 to the plot's right edge, the end of March.
    expect(Number(line?.x1)).toBe(340);
    expect(Number(line?.x2)).toBe(plot.right);
    // June's 72%: 324 − (12 / 30) × 264 = 218.4, a bar centred on June's point (x 179), ±0.38 of a band (17.5px).
    const [bar] = tags(svg, 'line', 'target').filter((t) => t['data-period'] === '2010-06');
    expect(bar).toMatchObject({ y1: '218.4', x1: '161.5', x2: '196.5' });
    // Labelled: the line in the margin with its months, the bar with its value.
    expect(svg).toContain('>Target 80%</text>');
    expect(svg).toContain('>Oct–Mar</text>');
    expect(svg).toContain('>72%</text>');
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
    // A count axis fitted to 38–63: the span 25 widened by 8% each way (36–65), in steps of 10: 30 to 70.
    const ticks = tags(svg, 'line').flatMap((line) => (line['data-tick'] ? [Number(line['data-tick'])] : []));
    expect(ticks).toEqual([30, 40, 50, 60, 70]);
  });

  it('fits a percentage axis to the values and targets in steps of 1, 2 or 5', () => {
    // NI59 of the example year: 64.9% to 82.5%, target 80%. Span 17.6, widened by 1.4 each way (63.5–83.9), a
    // rough step of 17.6 / 4 = 4.4 rounds up to 5: the axis runs 60% to 85%.
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
      '<title id="chart-NI59-title">NI59: Initial assessments completed within timescale',
    );
    expect(svg).toMatch(
      /<desc id="chart-NI59-desc">Line chart of NI59 by month, April 2010 to March 2011\. /,
    );
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
    expect(tags(svg, 'circle', 'point')).toHaveLength(0);
    expect(svg).toContain('No month has a value yet.');
  });
});
