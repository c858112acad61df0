import { escapeHtml } from './escape-html.js';
import type { ReportIndicator, ReportTarget } from './model.js';

/** Options of {@link renderChart}. */
export interface RenderChartOptions {
  /** The chart's width in pixels (its `viewBox`; the page may scale it). Default 720. */
  readonly width?: number;
  /** The chart's height in pixels. Default 380. */
  readonly height?: number;
  /**
   * The value axis, `[min, max]`. Default: fitted to the monthly values and the targets drawn, widened a little and
   * rounded out to whole ticks (1, 2 or 5 times a power of ten), never below 0 and, for a percentage, never
   * above 100.
   */
  readonly valueRange?: readonly [min: number, max: number];
  /** Add the SVG namespace, for an `.svg` file on its own (inline in HTML it is implied). Default false. */
  readonly standalone?: boolean;
}

/**
 * The GOV.UK palette colours the charts use (govuk-frontend 6): brand blue for the values, text black for targets
 * (one colour whatever their standing: two targets of the same value but different standings overlap, and the
 * standing is in words beside the chart), secondary text and border grey.
 */
const COLOUR = {
  line: '#1d70b8',
  target: '#0b0c0c',
  text: '#0b0c0c',
  secondaryText: '#484949',
  grid: '#cecece',
  notYet: '#f3f3f3',
} as const;

/** Text over the plot gets a white halo, so that it stays legible where a line crosses it. */
const HALO = 'stroke="#fff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"';

const MARGIN = { top: 60, right: 104, bottom: 56, left: 64 } as const;
const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
const UNIT_LABELS: Readonly<Record<ReportIndicator['unit'], string>> = {
  percent: 'Per cent',
  'cases-per-fte': 'Cases per FTE',
  count: 'Count',
};

/** A coordinate, rounded to a tenth of a pixel so that the output is compact and the same on every machine. */
function px(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A step of 1, 2 or 5 times a power of ten, at least `rough`. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return Number((nice * power).toPrecision(12));
}

/** Decimal places of a tick step (`0.25` → 2). */
function decimalsOf(step: number): number {
  const text = String(step);
  const point = text.indexOf('.');
  return point === -1 ? 0 : text.length - point - 1;
}

interface ValueAxis {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
  readonly decimals: number;
}

function valueAxis(
  values: readonly number[],
  unit: ReportIndicator['unit'],
  range: RenderChartOptions['valueRange'],
): ValueAxis {
  const ceiling = unit === 'percent' ? 100 : Number.POSITIVE_INFINITY;
  let min: number;
  let max: number;
  if (range) {
    [min, max] = range;
    if (!(Number.isFinite(min) && Number.isFinite(max) && max > min)) {
      throw new RangeError(`valueRange: expected [min, max] with max > min, got [${min}, ${max}]`);
    }
  } else if (values.length === 0) {
    [min, max] = unit === 'percent' ? [0, 100] : [0, 10];
  } else {
    const low = Math.min(...values);
    const high = Math.max(...values);
    const span = high - low || Math.max(Math.abs(high) * 0.1, 1);
    const step = niceStep(span / 4);
    min = Math.max(0, Math.floor((low - span * 0.08) / step) * step);
    max = Math.min(ceiling, Math.ceil((high + span * 0.08) / step) * step);
    if (max <= min) max = min + step;
  }
  const step = niceStep((max - min) / 5);
  const decimals = decimalsOf(step);
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step - 1e-9) * step; tick <= max + 1e-9; tick += step) {
    ticks.push(Number(tick.toFixed(decimals)));
  }
  return { min: Number(min.toFixed(10)), max: Number(max.toFixed(10)), ticks, decimals };
}

/** Whether a target's value is in the indicator's own unit, so that it can be drawn on the value axis. */
function drawable(target: ReportTarget, indicator: ReportIndicator): boolean {
  return target.target.unit === indicator.unit;
}

const STATUS_WORDS: Readonly<Record<ReportTarget['status'], string>> = {
  met: 'met',
  'not-met': 'not met',
  'no-data': 'no data',
  'not-started': 'not started',
};

/** A target's standing in words for the chart's description: `met`, `met so far`, `not met`… */
function standing(target: ReportTarget): string {
  const words = STATUS_WORDS[target.status];
  return target.running && (target.status === 'met' || target.status === 'not-met')
    ? `${words} so far`
    : words;
}

/** A target's value, short, for a label on the chart: `80%`, `22`. */
function shortValue(target: ReportTarget): string {
  return target.target.unit === 'percent' ? `${target.target.value}%` : String(target.target.value);
}

/** A target's months, short: `Apr–Mar`, `Oct–Mar`, `Sep–Aug` (an academic year). */
function shortPeriod(target: ReportTarget): string {
  const name = (date: string) => MONTH_NAMES[Number(date.slice(5, 7)) - 1] ?? date;
  const first = name(target.period.start);
  const last = name(target.period.end);
  return first === last ? first : `${first}–${last}`;
}

/** An id made only of letters, digits, `-` and `_`, from the indicator's id. */
function idPart(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-');
}

/**
 * Draws an indicator of the report as a static, accessible SVG line chart: the monthly values as a line with a point
 * per month (months not yet reported, or without a value, left out), each target in the indicator's unit drawn over
 * its months (a dashed line across a target of several months, labelled in the margin with its value and months; a
 * short bar with its value at a one-month target), a shaded band over the months not yet reported, month
 * labels (Apr…Mar) and value ticks. The SVG has `role="img"`, a `<title>` and a `<desc>` (every value and target in
 * words) named by `aria-labelledby`; ids come from the indicator's id, so the output is the same for the same model.
 * Targets in another unit (a % change on a baseline) are not drawn and are named in the description.
 *
 * @param indicator - one indicator of the {@link ReportModel}.
 * @param options - width, height, the value axis's range, and whether the SVG stands alone.
 * @returns the SVG element as a string, every text from the model escaped.
 * @example
 * const svg = renderChart(model.indicators[0]);
 * svg.startsWith('<svg viewBox="0 0 720 380" width="720" height="380" role="img"'); //=> true
 * svg.includes('<title id="chart-NI59-title">'); //=> true
 */
export function renderChart(indicator: ReportIndicator, options: RenderChartOptions = {}): string {
  const width = options.width ?? 720;
  const height = options.height ?? 380;
  const id = `chart-${idPart(indicator.id)}`;
  const plot = {
    left: MARGIN.left,
    right: width - MARGIN.right,
    top: MARGIN.top,
    bottom: height - MARGIN.bottom,
  };
  const months = indicator.months;
  const band = (plot.right - plot.left) / Math.max(months.length, 1);
  const monthX = (index: number) => plot.left + band * (index + 0.5);

  const points = months.flatMap((month, index) => {
    if (!month.reported || month.value === null) return [];
    const value = Number(month.value);
    return Number.isFinite(value) ? [{ month, index, value }] : [];
  });

  const targets = indicator.targets.map((target) => {
    const indexes = months.flatMap((month, index) =>
      month.period.start >= target.period.start && month.period.end <= target.period.end ? [index] : [],
    );
    return { target, first: indexes[0], last: indexes.at(-1) };
  });
  const seen = new Set<string>();
  const drawn = targets
    .flatMap(({ target, first, last }) =>
      drawable(target, indicator) && first !== undefined && last !== undefined
        ? [{ target, first, last, value: target.target.value }]
        : [],
    )
    .filter(({ target, first, last }) => {
      // The same target from two documents is drawn once.
      const key = `${target.target.value}|${first}|${last}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    // Longer periods first, so that a month's target sits on top of the year's.
    .sort((a, b) => b.last - b.first - (a.last - a.first));
  const notDrawn = targets.filter(({ target, first }) => !drawable(target, indicator) || first === undefined);

  const axis = valueAxis(
    [...points.map((point) => point.value), ...drawn.map((target) => target.value)],
    indicator.unit,
    options.valueRange,
  );
  const valueY = (value: number) =>
    plot.bottom - ((value - axis.min) / (axis.max - axis.min)) * (plot.bottom - plot.top);
  const tickLabel = (tick: number) =>
    `${tick.toFixed(axis.decimals)}${indicator.unit === 'percent' ? '%' : ''}`;

  const out: string[] = [];
  const namespace = options.standalone ? ' xmlns="http://www.w3.org/2000/svg"' : '';
  out.push(
    `<svg${namespace} viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" class="csi-chart" font-family="arial, sans-serif" font-size="13">`,
    `<title id="${id}-title">${escapeHtml(`${indicator.id}: ${indicator.title}, by month`)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(describe(indicator, points, drawn, notDrawn))}</desc>`,
    `<rect data-part="plot" x="${px(plot.left)}" y="${px(plot.top)}" width="${px(plot.right - plot.left)}" height="${px(plot.bottom - plot.top)}" fill="#fff"/>`,
  );

  // Months not yet reported: a shaded band with words, not colour alone.
  const firstNotYet = months.findIndex((month) => !month.reported);
  if (firstNotYet !== -1) {
    const x = plot.left + band * firstNotYet;
    const middle = (x + plot.right) / 2;
    out.push(
      `<g data-part="not-yet"><rect x="${px(x)}" y="${px(plot.top)}" width="${px(plot.right - x)}" height="${px(plot.bottom - plot.top)}" fill="${COLOUR.notYet}"/>`,
      `<text x="${px(middle)}" y="${px(plot.top + 16)}" text-anchor="middle" font-size="12" fill="${COLOUR.secondaryText}">Not yet</text>`,
      `<text x="${px(middle)}" y="${px(plot.top + 30)}" text-anchor="middle" font-size="12" fill="${COLOUR.secondaryText}">reported</text></g>`,
    );
  }

  // The value axis: gridlines and ticks, the unit above.
  out.push('<g data-part="value-axis">');
  for (const tick of axis.ticks) {
    const y = valueY(tick);
    out.push(
      `<line x1="${px(plot.left)}" x2="${px(plot.right)}" y1="${px(y)}" y2="${px(y)}" stroke="${COLOUR.grid}" stroke-width="1" data-tick="${tick}"/>`,
      `<text x="${px(plot.left - 8)}" y="${px(y + 4)}" text-anchor="end" fill="${COLOUR.secondaryText}">${escapeHtml(tickLabel(tick))}</text>`,
    );
  }
  out.push(
    `<text x="4" y="${px(plot.top - 16)}" font-size="12" fill="${COLOUR.secondaryText}">${escapeHtml(UNIT_LABELS[indicator.unit])}</text>`,
    '</g>',
  );

  // The month axis: a baseline, a label per month and the year under April and January.
  out.push(
    '<g data-part="month-axis">',
    `<line x1="${px(plot.left)}" x2="${px(plot.right)}" y1="${px(plot.bottom)}" y2="${px(plot.bottom)}" stroke="${COLOUR.text}" stroke-width="1"/>`,
  );
  months.forEach((month, index) => {
    const [year = '', monthNumber = '01'] = month.period.start.split('-');
    const name = MONTH_NAMES[Number(monthNumber) - 1] ?? monthNumber;
    const x = monthX(index);
    out.push(
      `<text x="${px(x)}" y="${px(plot.bottom + 20)}" text-anchor="middle" fill="${COLOUR.text}">${escapeHtml(name)}</text>`,
    );
    if (index === 0 || monthNumber === '01') {
      out.push(
        `<text x="${px(x)}" y="${px(plot.bottom + 38)}" text-anchor="middle" font-size="12" fill="${COLOUR.secondaryText}">${escapeHtml(year)}</text>`,
      );
    }
  });
  out.push('</g>');

  // Targets: dashed lines across periods of several months, bars at one-month targets.
  const labels: { y: number; value: string; periods: string[] }[] = [];
  out.push('<g data-part="targets">');
  for (const { target, first, last, value } of drawn) {
    const y = valueY(value);
    const attributes = `data-part="target" data-period="${escapeHtml(target.period.spec)}" stroke="${COLOUR.target}"`;
    if (first === last) {
      const x = monthX(first);
      out.push(
        `<line ${attributes} x1="${px(x - band * 0.38)}" x2="${px(x + band * 0.38)}" y1="${px(y)}" y2="${px(y)}" stroke-width="4"/>`,
      );
      // The value beside the bar, on the side away from the month's point.
      const point = points.find((candidate) => candidate.index === first);
      const below = point !== undefined && valueY(point.value) < y;
      out.push(
        `<text x="${px(x)}" y="${px(below ? y + 18 : y - 9)}" text-anchor="middle" font-size="12" font-weight="bold" fill="${COLOUR.target}" ${HALO}>${escapeHtml(shortValue(target))}</text>`,
      );
    } else {
      out.push(
        `<line ${attributes} x1="${px(plot.left + band * first)}" x2="${px(plot.left + band * (last + 1))}" y1="${px(y)}" y2="${px(y)}" stroke-width="2" stroke-dasharray="8 5"/>`,
      );
      const label = labels.find((candidate) => candidate.y === y);
      const period = shortPeriod(target);
      if (!label) labels.push({ y, value: shortValue(target), periods: [period] });
      else if (!label.periods.includes(period)) label.periods.push(period);
    }
  }
  // Labels of the lines in the right margin, the value and the months, at least 30px apart.
  labels.sort((a, b) => a.y - b.y);
  let lastY = Number.NEGATIVE_INFINITY;
  for (const label of labels) {
    const y = Math.max(label.y + 4, lastY + 30);
    lastY = y;
    out.push(
      `<text x="${px(plot.right + 8)}" y="${px(y)}" font-size="13" font-weight="bold" fill="${COLOUR.target}">${escapeHtml(`Target ${label.value}`)}</text>`,
      `<text x="${px(plot.right + 8)}" y="${px(y + 14)}" font-size="11" fill="${COLOUR.secondaryText}">${escapeHtml(label.periods.join(', '))}</text>`,
    );
  }
  out.push('</g>');

  // The monthly values: a line through each run of consecutive months with a value, a point per month.
  out.push('<g data-part="values">');
  const runs: (typeof points)[] = [];
  for (const point of points) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (run && previous && previous.index === point.index - 1) run.push(point);
    else runs.push([point]);
  }
  for (const run of runs) {
    if (run.length < 2) continue;
    const path = run.map((point) => `${px(monthX(point.index))},${px(valueY(point.value))}`).join(' ');
    out.push(
      `<polyline points="${path}" fill="none" stroke="${COLOUR.line}" stroke-width="3" stroke-linejoin="round" stroke-linecap="round"/>`,
    );
  }
  for (const point of points) {
    out.push(
      `<circle data-part="point" data-month="${escapeHtml(point.month.period.spec)}" cx="${px(monthX(point.index))}" cy="${px(valueY(point.value))}" r="5" fill="${COLOUR.line}" stroke="#fff" stroke-width="2"><title>${escapeHtml(`${point.month.period.label}: ${point.month.display}`)}</title></circle>`,
    );
  }
  const latest = points.at(-1);
  if (latest) {
    out.push(
      `<text x="${px(monthX(latest.index))}" y="${px(valueY(latest.value) - 12)}" text-anchor="middle" font-size="14" font-weight="bold" fill="${COLOUR.line}" ${HALO}>${escapeHtml(latest.month.display)}</text>`,
    );
  }
  out.push('</g>');

  out.push(legend(drawn, plot.left));
  out.push('</svg>');
  return out.join('');
}

/** The legend row above the plot: the line, and the kinds of target drawn. */
function legend(drawn: readonly { readonly first: number; readonly last: number }[], left: number): string {
  const entries: { swatch: string; text: string }[] = [
    {
      swatch: `<line x1="0" x2="24" y1="0" y2="0" stroke="${COLOUR.line}" stroke-width="3"/><circle cx="12" cy="0" r="4" fill="${COLOUR.line}"/>`,
      text: 'Monthly value',
    },
  ];
  if (drawn.some(({ first, last }) => first !== last)) {
    entries.push({
      swatch: `<line x1="0" x2="24" y1="0" y2="0" stroke="${COLOUR.target}" stroke-width="2" stroke-dasharray="8 4"/>`,
      text: 'Target over several months',
    });
  }
  if (drawn.some(({ first, last }) => first === last)) {
    entries.push({
      swatch: `<line x1="4" x2="20" y1="0" y2="0" stroke="${COLOUR.target}" stroke-width="4"/>`,
      text: 'Target for one month',
    });
  }
  let x = left;
  const out = ['<g data-part="legend">'];
  for (const entry of entries) {
    out.push(
      `<g transform="translate(${px(x)} 18)">${entry.swatch}<text x="32" y="4.5" fill="${COLOUR.text}">${escapeHtml(entry.text)}</text></g>`,
    );
    // Arial at 13px averages under 7px a character.
    x += 32 + entry.text.length * 7 + 24;
  }
  out.push('</g>');
  return out.join('');
}

/** The chart in words, for its `<desc>`: every value, the months not yet reported, each target and its standing. */
function describe(
  indicator: ReportIndicator,
  points: readonly { readonly month: ReportIndicator['months'][number] }[],
  drawn: readonly { readonly target: ReportTarget }[],
  notDrawn: readonly { readonly target: ReportTarget }[],
): string {
  const first = indicator.months[0];
  const last = indicator.months.at(-1);
  const sentences = [
    `Line chart of ${indicator.id} by month${first && last ? `, ${first.period.label} to ${last.period.label}` : ''}.`,
    points.length > 0
      ? `${points.map((point) => `${point.month.period.label} ${point.month.display}`).join('; ')}.`
      : 'No month has a value yet.',
  ];
  const notYet = indicator.months.filter((month) => !month.reported);
  if (notYet.length > 0) {
    sentences.push(`Not yet reported: ${notYet.map((month) => month.period.label).join(', ')}.`);
  }
  if (drawn.length > 0) {
    sentences.push(
      `Targets drawn: ${drawn
        .map(({ target }) => `${target.targetDisplay} for ${target.period.label}, ${standing(target)}`)
        .join('; ')}.`,
    );
  }
  if (notDrawn.length > 0) {
    sentences.push(
      `Not drawn on the value axis: ${notDrawn
        .map(({ target }) => `${target.targetDisplay} for ${target.period.label}, ${standing(target)}`)
        .join('; ')}.`,
    );
  }
  return sentences.join(' ');
}
