import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/report/escape-html.js';
import { renderHtml } from '../../src/report/html.js';
import type { ReportModel } from '../../src/report/model.js';
import { figure, month, months, PERIODS, reportIndicator, reportModel, reportTarget } from './fixtures.js';

/** A model with a target of every standing, a caseload and a count with a % change target. */
const model: ReportModel = reportModel({
  indicators: [
    reportIndicator({
      targets: [
        // June 2010: 72.4% against 72%, met.
        reportTarget({ period: month('2010-06'), target: { value: 72 }, actualDisplay: '72.4%' }),
        // October 2010: 76% against 80%, 4 points short: within the default tolerance, 5% of 80 = 4 points.
        reportTarget({
          period: month('2010-10'),
          actualDisplay: '76.0%',
          status: 'not-met',
          rag: 'amber',
          gap: '-4',
          gapDisplay: '-4.0 pts',
        }),
        // The year so far: 74.5%, 5.5 points short, with two months to go: the headline.
        reportTarget({
          period: PERIODS.FY2010,
          headline: true,
          actualDisplay: '74.5%',
          status: 'not-met',
          rag: 'red',
          gap: '-5.5',
          gapDisplay: '-5.5 pts',
          running: true,
          rateNeeded: {
            needed: '102.1',
            neededDisplay: '102.1%',
            bound: 'at-least',
            achievable: false,
            alreadySecured: false,
            monthsRemaining: 2,
          },
        }),
        // March 2011 starts after the data.
        reportTarget({
          period: month('2011-03'),
          actualDisplay: 'not yet',
          status: 'not-started',
          rag: 'grey',
          gap: null,
          gapDisplay: 'n/a',
          running: true,
        }),
      ],
    }),
    reportIndicator({
      id: 'CASELOAD',
      title: 'Open cases per FTE social worker',
      unit: 'cases-per-fte',
      polarity: 'lower-is-better',
      months: months(
        [24.1, 23.9, 23.9, 23.5, 23.4, 23.3, 22.9, 23, 22.7, 22.5, 'not yet', 'not yet'],
        'cases-per-fte',
      ),
      yearToDate: figure(PERIODS['FY2010..2011-01'], 22.5, {
        unit: 'cases-per-fte',
        numerator: 5282,
        denominator: 234.5,
      }),
      targets: [
        reportTarget({
          period: PERIODS.FY2010,
          headline: true,
          target: { indicator: 'CASELOAD', unit: 'cases-per-fte', value: 22, polarity: 'lower-is-better' },
          targetDisplay: '22 cases per FTE',
          actualDisplay: '22.5',
          status: 'not-met',
          rag: 'amber',
          gap: '-0.5',
          gapDisplay: '-0.5 cases per FTE',
          running: true,
        }),
      ],
    }),
    reportIndicator({
      id: 'CAF_CLOSED',
      title: 'CAFs closed successfully',
      unit: 'count',
      months: months([50, 38, 59, 50, 56, 46, 59, 46, 47, 63, 'not yet', 'not yet'], 'count'),
      yearToDate: figure(PERIODS['FY2010..2011-01'], 514, { unit: 'count' }),
      targets: [
        reportTarget({
          period: PERIODS.FY2010,
          headline: true,
          target: { indicator: 'CAF_CLOSED', unit: 'percent-change', value: 10, baseline: 'FY2009' },
          targetDisplay: '+10% on 2009/10',
          actualDisplay: '+11.0%',
          gapDisplay: '+1.0 pts',
          running: true,
        }),
      ],
    }),
    reportIndicator({ id: 'NI117', title: 'NEET', months: months(Array(12).fill(null)), targets: [] }),
  ],
});

/** The part of the page from `<section id="ID"` to its `</section>`. */
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  if (start === -1) throw new Error(`no section ${id}`);
  return html.slice(start, html.indexOf('</section>', start) + '</section>'.length);
}

describe('renderHtml', () => {
  const html = renderHtml(model);

  it('is one standalone page with govuk-frontend styles and the template classes', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB" class="govuk-template">/);
    expect(html).toContain('<body class="govuk-template__body">');
    expect(html).toContain('.govuk-table__caption');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('gives every indicator a section with a heading, a captioned table of months and a chart', () => {
    for (const indicator of model.indicators) {
      const section = sectionOf(html, indicator.id);
      expect(section).toContain(`<h2 class="govuk-heading-l" id="${indicator.id}-heading">`);
      expect(section).toContain(
        `<caption class="govuk-table__caption govuk-table__caption--m">${indicator.id} by month</caption>`,
      );
      expect(section).toContain('<th scope="col" class="govuk-table__header">Month</th>');
      // Months as rows: 12 months (no history in these fixtures) and the year to date.
      const table = section.slice(section.indexOf('by month</caption>'));
      const monthsTable = table.slice(0, table.indexOf('</table>'));
      expect(
        monthsTable.match(
          /<th scope="row" class="govuk-table__header">(April|May|June|July|August|September|October|November|December|January|February|March) 20\d\d<\/th>/g,
        ),
      ).toHaveLength(12);
      expect(monthsTable).toMatch(/<th scope="row" class="govuk-table__header">Year to date/);
      expect(section).toMatch(
        new RegExp(
          `<svg [^>]*role="img" aria-labelledby="chart-${indicator.id}-title chart-${indicator.id}-desc"`,
        ),
      );
      expect(section).toContain('<details class="govuk-details">');
    }
  });

  it('has a header band with the title, the year, the data date, the calendar and the convention', () => {
    const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
    expect(header).toContain('<h1 class="csi-masthead__title">Monthly return 2010/11</h1>');
    expect(header).toContain('financial year 2010/11');
    expect(header).toContain('data to <time datetime="2011-01-31">31 January 2011</time>');
    expect(header).toContain('england-and-wales <code>fnv1a64:145a5957c18318d5</code>');
    expect(header).toContain('after-start');
  });

  it('has a summary table with a row per indicator, linked to its section', () => {
    const summary = html.slice(
      html.indexOf('<table class="govuk-table csi-summary'),
      html.indexOf('</table>'),
    );
    expect(summary).toContain('<caption');
    expect(summary.match(/<tr class="govuk-table__row" data-indicator="/g)).toHaveLength(
      model.indicators.length,
    );
    for (const indicator of model.indicators) expect(summary).toContain(`href="#${indicator.id}"`);
    // NI59's headline target is the year's, named by its set and period; the other three are linked below.
    expect(summary).toContain('80%<span class="csi-muted">a-notice, 2010/11</span>');
    expect(summary).toContain('href="#other-targets-NI59">3 other targets</a>');
    expect(summary).toContain('not achievable (needs 102.1% over 2 months)');
    expect(summary).toContain('<span class="csi-muted">No target</span>');
    // The others, each with its standing.
    expect(html).toContain(
      '<li id="other-targets-NI59"><strong>NI59</strong>: 72% for June 2010 (a-notice): On target; 80% for October 2010 (a-notice): Within 4 points; 80% for March 2011 (a-notice): Not started.</li>',
    );
  });

  it('gives every summary row the SPEC 15 contract: data-indicator, and cells with data-field and data-value', () => {
    const row = (id: string) => {
      const start = html.indexOf(`<tr class="govuk-table__row" data-indicator="${id}">`);
      return html.slice(start, html.indexOf('</tr>', start));
    };
    const fields = (id: string) =>
      Object.fromEntries(
        [...row(id).matchAll(/data-field="([^"]+)" data-value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
      );
    // NI59: January 79 (the last month reported), the year to date 74.5, the year's target 80 (the fixture's compared
    // figure is 82.4), the gap -5.5, not met, red. Its months 70, 71 … 79: mean 74.5, every moving range 1, so the
    // limits are 74.5 ± 2.66 = 71.84 to 77.16. January's 79 is above the upper limit: higher is better, an
    // improvement. The target 80 lies above the upper limit: consistently failing.
    expect(fields('NI59')).toEqual({
      'latest-month': '79',
      'year-to-date': '74.5',
      target: '80',
      actual: '82.4',
      gap: '-5.5',
      status: 'not-met',
      standing: 'red',
      variation: 'special-cause-improvement',
      assurance: 'consistent-fail',
    });
    // A percent-change target compares the change: the fixture's figure has no baseline, so no value.
    expect(fields('CAF_CLOSED')).toMatchObject({ target: '10', status: 'met', standing: 'green' });
    // No target: no data, grey; a month with no value has no data-value.
    expect(fields('NI117')).toMatchObject({
      'latest-month': '',
      target: '',
      actual: '',
      gap: '',
      status: 'no-data',
      standing: 'grey',
      variation: '',
      assurance: '',
    });
  });

  it('shows variation and assurance with an icon and words, never colour alone', () => {
    const row = html.slice(html.indexOf('data-indicator="NI59"'), html.indexOf('data-indicator="CASELOAD"'));
    // The icon is hidden from screen readers; the words say it.
    expect(row).toMatch(
      /<svg class="csi-icon"[^>]*aria-hidden="true"[^>]*>.*?>H<\/text><\/svg><span>Improvement<\/span>/,
    );
    expect(row).toMatch(/>F<\/text><\/svg><span>Consistently fails<\/span>/);
  });

  it('says the RAG in words on a coloured govuk-tag, with the status in text', () => {
    const ni59 = sectionOf(html, 'NI59');
    expect(ni59).toContain(
      '<strong class="govuk-tag govuk-tag--green">On target</strong><span class="csi-muted">Met</span>',
    );
    expect(ni59).toContain(
      '<strong class="govuk-tag govuk-tag--yellow">Within 4 points</strong><span class="csi-muted">Not met</span>',
    );
    expect(ni59).toContain(
      '<strong class="govuk-tag govuk-tag--red">Off target</strong><span class="csi-muted">Not met so far</span>',
    );
    expect(ni59).toContain(
      '<strong class="govuk-tag govuk-tag--grey">Not started</strong><span class="csi-muted">Not started</span>',
    );
    // A caseload's tolerance is in cases per FTE: 5% of 22 is 1.1.
    expect(sectionOf(html, 'CASELOAD')).toContain('govuk-tag--yellow">Within 1.1 cases per FTE</strong>');
    // No data: a target without a figure.
    const noData = renderHtml(
      reportModel({
        indicators: [
          reportIndicator({
            targets: [
              reportTarget({
                period: month('2010-05'),
                status: 'no-data',
                rag: 'grey',
                gap: null,
                gapDisplay: 'n/a',
              }),
            ],
          }),
        ],
      }),
    );
    expect(noData).toContain('<strong class="govuk-tag govuk-tag--grey">No data</strong>');
  });

  it('names each target’s own tolerance and how it was set', () => {
    const points = renderHtml(
      reportModel({
        indicators: [
          reportIndicator({
            targets: [
              reportTarget({
                period: month('2010-10'),
                headline: true,
                status: 'not-met',
                rag: 'amber',
                tolerance: { value: 2, basis: 'points', percentOfTarget: null, isDefault: false },
              }),
            ],
          }),
        ],
      }),
    );
    expect(points).toContain('govuk-tag--yellow">Within 2 points</strong>');
    expect(points).toContain('Amber within 2 points</span>');
    expect(sectionOf(html, 'NI59')).toContain('4 points (5% of the target, the default)');
  });

  it('lists the indicators slow to progress first, and every warning, in words', () => {
    const page = renderHtml(
      reportModel({
        slowToProgress: [{ indicator: 'NI59', reasons: ['consistently fails 80%', 'out of reach'] }],
        indicators: [
          reportIndicator({
            warnings: [{ code: 'too_few_points', message: 'NI59: too few <points>' }],
          }),
        ],
      }),
    );
    const slow = page.indexOf('<section class="csi-slow"');
    expect(slow).toBeGreaterThan(-1);
    expect(slow).toBeLessThan(page.indexOf('<table class="govuk-table csi-summary'));
    expect(page).toContain('<strong>NI59</strong></a>: consistently fails 80%; and out of reach.</li>');
    expect(page).toContain('<li>NI59: too few &lt;points&gt; <code>too_few_points</code></li>');
  });

  it('shows each target with its gap, rate needed and source quote', () => {
    const ni59 = sectionOf(html, 'NI59');
    expect(ni59).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--m">NI59 targets</caption>',
    );
    expect(ni59).toContain('-5.5 pts');
    expect(ni59).toContain(
      '<blockquote class="csi-quote"><p class="govuk-body">to 80% for 2010/11</p></blockquote>',
    );
    expect(ni59).toContain('Improvement Notice to a Council, the Department, 2 March 2010, paragraph 1.5.3');
    // The % change target is not drawn, and the page says so.
    expect(sectionOf(html, 'CAF_CLOSED')).toContain('Not drawn: +10% on 2009/10 for 2010/11');
    expect(sectionOf(html, 'NI117')).toContain('No target is set for this indicator in this year.');
  });

  it('shows a count as one column, and a caseload as cases and FTE', () => {
    expect(sectionOf(html, 'CAF_CLOSED')).not.toContain('>Numerator</th>');
    expect(sectionOf(html, 'CASELOAD')).toContain('>Open cases</th>');
    // 5282 cases over 234.5 FTE, with a thousands separator.
    expect(sectionOf(html, 'CASELOAD')).toContain('5,282 cases, 234.5 FTE');
  });

  it('renders <script> in a title, a rule, a quote or an id inert', () => {
    const hostile = reportModel({
      title: '<script>alert("title")</script>',
      calendar: { id: '<img src=x onerror=alert(1)>', fingerprint: '"><script>' },
      indicators: [
        reportIndicator({
          id: 'NI59" onmouseover="alert(1)',
          title: '<script>alert("indicator")</script>',
          source: '</details><script>alert(2)</script>',
          rule: { '<script>': '<script>alert("rule")</script>', startEvent: null },
          counts: { ...reportIndicator().counts, excluded: { '<script>x</script>': 3 } },
          targets: [
            reportTarget({
              period: PERIODS.FY2010,
              target: {
                source: {
                  document: '<script>doc</script>',
                  sourceFile: '<script>',
                  ref: '<script>',
                  quote: '</blockquote><script>alert(3)</script>',
                  note: '<script>note</script>',
                },
              },
              targetDisplay: '<script>80%</script>',
            }),
          ],
        }),
      ],
    });
    const page = renderHtml(hostile);
    expect(page).not.toMatch(/<script|<img|<\/blockquote><script/i);
    expect(page).not.toContain('" onmouseover="');
    expect(page).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(page).toContain('&lt;script&gt;alert(&quot;rule&quot;)&lt;/script&gt;');
    expect(page).toContain('&lt;/blockquote&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
    expect(page).toContain('<section id="NI59&quot; onmouseover=&quot;alert(1)"');
  });

  it('makes no request: no URL to fetch, no url() but data:, no script, link, image or frame', () => {
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '').join('');
    const withoutStyles = html.replace(/<style>[\s\S]*?<\/style>/g, '');
    // Outside the styles there is no http(s) address at all, not even as text.
    expect(withoutStyles).not.toMatch(/https?:\/\//i);
    expect(withoutStyles).not.toMatch(/<(script|link|img|iframe|object|embed|audio|video|source)\b/i);
    expect(withoutStyles).not.toMatch(/\s(src|srcset|poster|background)=/i);
    // Every href is a fragment of this page.
    for (const match of withoutStyles.matchAll(/href="([^"]*)"/g)) expect(match[1]).toMatch(/^#/);
    // In the styles: no @import, no url() but data:, and an address only in govuk-frontend's print selectors
    // ([href^="http://"] prints a link's address after it).
    expect(styles).not.toMatch(/@import/i);
    for (const match of styles.matchAll(/url\(\s*['"]?([^'")]*)/gi)) expect(match[1]).toMatch(/^data:/);
    expect(styles.replace(/\[href\^="https?:\/\/"\]/g, '')).not.toMatch(/https?:/i);
    expect(styles).not.toMatch(/GDS Transport|@font-face/i);
  });

  it('gives the same page for the same model', () => {
    expect(renderHtml(model)).toBe(renderHtml(structuredClone(model)));
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that can open a tag or close an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(escapeHtml('82.4% — fine')).toBe('82.4% — fine');
  });
});
