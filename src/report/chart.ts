import type { SpcPoint, SpcPointType } from '../spc/index.js';
import { countOf } from '../util/plural.js';
import { escapeHtml } from './escape-html.js';
import type { ReportFigure, ReportIndicator, ReportTarget } from './model.js';
import { assuranceWords, chartNumber, specialCauseWords, variationWords } from './spc-words.js';

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
 * The chart's colours. Points take the "Making Data Count" hues for what they show (blue improvement, orange concern,
 * purple neutral, grey common cause), darkened where needed for a contrast of at least 3:1 on white; the mean is
 * black and the process limits grey, as NHSRplotthedots draws them; targets are GOV.UK red, dashed.
 */
const COLOUR = {
  value: '#505a5f',
  improvement: '#1d70b8',
  concern: '#e46c0a',
  neutral: '#490092',
  mean: '#0b0c0c',
  limit: '#6f777b',
  target: '#d4351c',
  text: '#0b0c0c',
  secondaryText: '#484949',
  grid: '#e5e6e7',
  notYet: '#f3f3f3',
  history: '#f8f8f8',
} as const;

/**
 * The colour of a point by what it shows: blue improvement, orange concern, purple neutral, grey common cause (the
 * page's variation icons use the same).
 * @example POINT_COLOURS['special-cause-concern'] //=> '#e46c0a'
 */
export const POINT_COLOURS: Readonly<Record<SpcPointType, string>> = {
  'common-cause': COLOUR.value,
  'special-cause-improvement': COLOUR.improvement,
  'special-cause-concern': COLOUR.concern,
  'special-cause-neutral-high': COLOUR.neutral,
  'special-cause-neutral-low': COLOUR.neutral,
};

/** Text over the plot gets a white halo, so that it stays legible where a line crosses it. */
const HALO = 'stroke="#fff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"';

const MARGIN = { top: 72, right: 112, bottom: 56, left: 64 } as const;
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

/** The shape of a point: what it shows, by colour and by shape (never colour alone). */
function pointShape(type: SpcPointType, x: number, y: number, attributes: string, title: string): string {
  const fill = POINT_COLOURS[type];
  const inner = `<title>${escapeHtml(title)}</title>`;
  if (type === 'special-cause-concern') {
    const r = 7;
    return `<path ${attributes} d="M${px(x)} ${px(y - r)}L${px(x + r)} ${px(y)}L${px(x)} ${px(y + r)}L${px(x - r)} ${px(y)}Z" fill="${fill}" stroke="#fff" stroke-width="1.5">${inner}</path>`;
  }
  if (type === 'special-cause-neutral-high' || type === 'special-cause-neutral-low') {
    const r = 5.5;
    return `<rect ${attributes} x="${px(x - r)}" y="${px(y - r)}" width="${px(2 * r)}" height="${px(2 * r)}" fill="${fill}" stroke="#fff" stroke-width="1.5">${inner}</rect>`;
  }
  const r = type === 'common-cause' ? 4 : 6;
  return `<circle ${attributes} cx="${px(x)}" cy="${px(y)}" r="${r}" fill="${fill}" stroke="#fff" stroke-width="1.5">${inner}</circle>`;
}

/**
 * Draws an indicator of the report as a static, accessible SVG XmR chart (SPEC 14), read the "Making Data Count"
 * way: the months of history before the year (shaded, with the year's start marked) and the year's months; the
 * monthly values as a line with a point per month (months not yet reported, or without a value, left out), each
 * point coloured and shaped by what it shows (grey circle common cause, blue circle improvement, orange diamond
 * concern, purple square neutral); for each phase of the chart its mean (solid) and process limits (dashed); each
 * target in the indicator's unit over its months (a dashed red line across a target of several months, a short bar
 * at a one-month target); a shaded band over the months not yet reported; the mean, limits and targets labelled in
 * the right margin; month labels and value ticks. The SVG has `role="img"`, a `<title>` and a `<desc>` (every value,
 * the limits, each special cause, the variation, the assurance and each target in words) named by
 * `aria-labelledby`; ids come from the indicator's id, so the output is the same for the same model. Targets in
 * another unit (a % change on a baseline) are not drawn and are named in the description.
 *
 * @param indicator - one indicator of the {@link ReportModel}.
 * @param options - width, height, the value axis's range, and whether the SVG stands alone.
 * @returns the SVG element as a string, every text from the model escaped.
 * @example
 * const svg = renderChart(model.indicators[0]);
 * svg.startsWith('<svg viewBox="0 0 720 400" width="720" height="400" role="img"'); //=> true
 * svg.includes('<title id="chart-NI59-title">'); //=> true
 */
export function renderChart(indicator: ReportIndicator, options: RenderChartOptions = {}): string {
  const width = options.width ?? 720;
  const height = options.height ?? 400;
  const id = `chart-${idPart(indicator.id)}`;
  const plot = {
    left: MARGIN.left,
    right: width - MARGIN.right,
    top: MARGIN.top,
    bottom: height - MARGIN.bottom,
  };
  const months: readonly ReportFigure[] = [...indicator.history, ...indicator.months];
  const historyCount = indicator.history.length;
  const band = (plot.right - plot.left) / Math.max(months.length, 1);
  const monthX = (index: number) => plot.left + band * (index + 0.5);
  const indexOf = new Map(months.map((month, index) => [month.period.spec, index]));
  const { spc: chart } = indicator;

  const points = chart.points.flatMap((point) => {
    const index = indexOf.get(point.label);
    const month = index === undefined ? undefined : months[index];
    if (index === undefined || !month || !month.reported || point.value === null || point.type === null)
      return [];
    return [{ point, month, index, value: point.value, type: point.type }];
  });

  // The phases: each over its months, with its mean and limits.
  const phases: { first: number; last: number; point: SpcPoint }[] = [];
  for (const entry of points) {
    const phase = phases.at(-1);
    if (phase && phase.point.phase === entry.point.phase) phase.last = entry.index;
    else phases.push({ first: entry.index, last: entry.index, point: entry.point });
  }

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

  const limitValues = phases.flatMap(({ point }) =>
    [point.mean, point.lowerLimit, point.upperLimit].filter((value): value is number => value !== null),
  );
  const axis = valueAxis(
    [...points.map((entry) => entry.value), ...drawn.map((target) => target.value), ...limitValues],
    indicator.unit,
    options.valueRange,
  );
  const clamp = (value: number) => Math.min(axis.max, Math.max(axis.min, value));
  const valueY = (value: number) =>
    plot.bottom - ((clamp(value) - axis.min) / (axis.max - axis.min)) * (plot.bottom - plot.top);
  const tickLabel = (tick: number) =>
    `${tick.toFixed(axis.decimals)}${indicator.unit === 'percent' ? '%' : ''}`;

  const out: string[] = [];
  const namespace = options.standalone ? ' xmlns="http://www.w3.org/2000/svg"' : '';
  out.push(
    `<svg${namespace} viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" class="csi-chart" font-family="arial, sans-serif" font-size="13">`,
    `<title id="${id}-title">${escapeHtml(`${indicator.id}: ${indicator.title}, by month, with its process limits`)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(describe(indicator, months, points, phases, drawn, notDrawn))}</desc>`,
    `<rect data-part="plot" x="${px(plot.left)}" y="${px(plot.top)}" width="${px(plot.right - plot.left)}" height="${px(plot.bottom - plot.top)}" fill="#fff"/>`,
  );

  // The history before the year: a light band and a line where the year starts, with words.
  if (historyCount > 0) {
    const x = plot.left + band * historyCount;
    out.push(
      `<g data-part="history"><rect x="${px(plot.left)}" y="${px(plot.top)}" width="${px(x - plot.left)}" height="${px(plot.bottom - plot.top)}" fill="${COLOUR.history}"/>`,
      `<line x1="${px(x)}" x2="${px(x)}" y1="${px(plot.top)}" y2="${px(plot.bottom)}" stroke="${COLOUR.secondaryText}" stroke-width="1" stroke-dasharray="2 3"/>`,
      `<text x="${px(plot.left + 4)}" y="${px(plot.top + 14)}" font-size="11" fill="${COLOUR.secondaryText}">History</text>`,
      `<text x="${px(x + 4)}" y="${px(plot.top + 14)}" font-size="11" fill="${COLOUR.secondaryText}">${escapeHtml(indicator.months[0] ? yearLabel(indicator) : '')}</text></g>`,
    );
  }

  // Months not yet reported: a shaded band with words, not colour alone.
  const firstNotYet = months.findIndex((month) => !month.reported);
  if (firstNotYet !== -1) {
    const x = plot.left + band * firstNotYet;
    const middle = (x + plot.right) / 2;
    out.push(
      `<g data-part="not-yet"><rect x="${px(x)}" y="${px(plot.top)}" width="${px(plot.right - x)}" height="${px(plot.bottom - plot.top)}" fill="${COLOUR.notYet}"/>`,
      `<text x="${px(middle)}" y="${px(plot.top + 16)}" text-anchor="middle" font-size="11" fill="${COLOUR.secondaryText}">Not yet</text>`,
      `<text x="${px(middle)}" y="${px(plot.top + 30)}" text-anchor="middle" font-size="11" fill="${COLOUR.secondaryText}">reported</text></g>`,
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
    `<text x="4" y="${px(plot.top - 12)}" font-size="12" fill="${COLOUR.secondaryText}">${escapeHtml(UNIT_LABELS[indicator.unit])}</text>`,
    '</g>',
  );

  // The month axis: a baseline, a label per month (initials when there are many) and the year under April and
  // January.
  const initials = months.length > 15;
  out.push(
    '<g data-part="month-axis">',
    `<line x1="${px(plot.left)}" x2="${px(plot.right)}" y1="${px(plot.bottom)}" y2="${px(plot.bottom)}" stroke="${COLOUR.text}" stroke-width="1"/>`,
  );
  months.forEach((month, index) => {
    const [year = '', monthNumber = '01'] = month.period.start.split('-');
    const name = MONTH_NAMES[Number(monthNumber) - 1] ?? monthNumber;
    const x = monthX(index);
    out.push(
      `<text x="${px(x)}" y="${px(plot.bottom + 20)}" text-anchor="middle" fill="${COLOUR.text}">${escapeHtml(initials ? name.charAt(0) : name)}</text>`,
    );
    if (index === 0 || monthNumber === '01') {
      out.push(
        `<text x="${px(x)}" y="${px(plot.bottom + 38)}" text-anchor="middle" font-size="12" fill="${COLOUR.secondaryText}">${escapeHtml(year)}</text>`,
      );
    }
  });
  out.push('</g>');

  // Each phase's mean and process limits, over its months.
  // Each label: a bold line and a detail line (a target's months: two, then how many more, to fit the margin).
  const labels: { y: number; text: string; detail: string; colour: string; periods: string[] }[] = [];
  out.push('<g data-part="limits">');
  phases.forEach(({ first, last, point }, index) => {
    const x1 = plot.left + band * first;
    const x2 = plot.left + band * (last + 1);
    const lines: [string, number | null, string][] = [
      ['mean', point.mean, ''],
      ['upper-limit', point.upperLimit, ' stroke-dasharray="6 4"'],
      ['lower-limit', point.lowerLimit, ' stroke-dasharray="6 4"'],
    ];
    for (const [part, value, dash] of lines) {
      if (value === null) continue;
      const y = valueY(value);
      const colour = part === 'mean' ? COLOUR.mean : COLOUR.limit;
      out.push(
        `<line data-part="${part}" data-phase="${point.phase}" x1="${px(x1)}" x2="${px(x2)}" y1="${px(y)}" y2="${px(y)}" stroke="${colour}" stroke-width="${part === 'mean' ? 1.5 : 1.25}"${dash}/>`,
      );
      if (index === phases.length - 1) {
        labels.push({
          y,
          text: `${part === 'mean' ? 'Mean' : part === 'upper-limit' ? 'Upper limit' : 'Lower limit'}`,
          detail: chartNumber(value, indicator.unit),
          colour: part === 'mean' ? COLOUR.mean : COLOUR.secondaryText,
          periods: [],
        });
      }
    }
    if (index > 0) {
      out.push(
        `<line data-part="rebase" x1="${px(x1)}" x2="${px(x1)}" y1="${px(plot.top)}" y2="${px(plot.bottom)}" stroke="${COLOUR.mean}" stroke-width="1"/>`,
      );
    }
  });
  out.push('</g>');

  // Targets: dashed lines across periods of several months, bars at one-month targets.
  out.push('<g data-part="targets">');
  for (const { target, first, last, value } of drawn) {
    const y = valueY(value);
    const attributes = `data-part="target" data-period="${escapeHtml(target.period.spec)}" stroke="${COLOUR.target}"`;
    if (first === last) {
      const x = monthX(first);
      out.push(
        `<line ${attributes} x1="${px(x - band * 0.45)}" x2="${px(x + band * 0.45)}" y1="${px(y)}" y2="${px(y)}" stroke-width="4"/>`,
      );
    } else {
      out.push(
        `<line ${attributes} x1="${px(plot.left + band * first)}" x2="${px(plot.left + band * (last + 1))}" y1="${px(y)}" y2="${px(y)}" stroke-width="2" stroke-dasharray="10 4"/>`,
      );
    }
    const period = shortPeriod(target);
    const label = labels.find((candidate) => candidate.y === y && candidate.colour === COLOUR.target);
    if (!label) {
      labels.push({
        y,
        text: `Target ${shortValue(target)}`,
        detail: '',
        colour: COLOUR.target,
        periods: [period],
      });
    } else if (!label.periods.includes(period)) label.periods.push(period);
  }
  out.push('</g>');

  // The monthly values: a line through each run of consecutive months with a value, a point per month.
  out.push('<g data-part="values">');
  const runs: (typeof points)[] = [];
  for (const entry of points) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (run && previous && previous.index === entry.index - 1) run.push(entry);
    else runs.push([entry]);
  }
  for (const run of runs) {
    if (run.length < 2) continue;
    const path = run.map((entry) => `${px(monthX(entry.index))},${px(valueY(entry.value))}`).join(' ');
    out.push(
      `<polyline points="${path}" fill="none" stroke="${COLOUR.value}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>`,
    );
  }
  for (const entry of points) {
    const cause = entry.point.specialCause;
    const title = `${entry.month.period.label}: ${entry.month.display}, ${variationWords(entry.type).toLowerCase()}${cause ? ` (${specialCauseWords(cause)})` : ''}`;
    out.push(
      pointShape(
        entry.type,
        monthX(entry.index),
        valueY(entry.value),
        `data-part="point" data-month="${escapeHtml(entry.month.period.spec)}" data-type="${entry.type}"`,
        title,
      ),
    );
  }
  const latest = points.at(-1);
  if (latest) {
    out.push(
      `<text x="${px(monthX(latest.index))}" y="${px(valueY(latest.value) - 12)}" text-anchor="middle" font-size="13" font-weight="bold" fill="${COLOUR.text}" ${HALO}>${escapeHtml(latest.month.display)}</text>`,
    );
  }
  out.push('</g>');

  // Labels in the right margin, at least 28px apart: the mean and limits of the last phase, the targets.
  labels.sort((a, b) => a.y - b.y);
  let lastY = Number.NEGATIVE_INFINITY;
  out.push('<g data-part="labels">');
  for (const label of labels) {
    if (label.periods.length > 0) {
      const more = label.periods.length - 2;
      label.detail = `${label.periods.slice(0, 2).join(', ')}${more > 0 ? ` +${more}` : ''}`;
    }
    const y = Math.max(label.y + 4, lastY + 28);
    lastY = y;
    out.push(
      `<text x="${px(plot.right + 8)}" y="${px(y)}" font-size="12" font-weight="bold" fill="${label.colour}">${escapeHtml(label.text)}</text>`,
      `<text x="${px(plot.right + 8)}" y="${px(y + 13)}" font-size="11" fill="${COLOUR.secondaryText}">${escapeHtml(label.detail)}</text>`,
    );
  }
  out.push('</g>');

  out.push(legend(points, phases.length > 0, drawn, plot.left, width));
  out.push('</svg>');
  return out.join('');
}

/** The year's label for the chart: `2010/11`, from the first month of the year. */
function yearLabel(indicator: ReportIndicator): string {
  const first = indicator.months[0];
  if (!first) return '';
  const year = Number(first.period.start.slice(0, 4));
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The legend rows above the plot: the values, the kinds of point shown, the mean and limits, the targets. */
function legend(
  points: readonly { readonly type: SpcPointType }[],
  limits: boolean,
  drawn: readonly unknown[],
  left: number,
  width: number,
): string {
  const types = new Set(points.map((entry) => entry.type));
  const entries: { swatch: string; text: string }[] = [
    {
      swatch: `<line x1="0" x2="24" y1="0" y2="0" stroke="${COLOUR.value}" stroke-width="2"/>${pointShape('common-cause', 12, 0, 'aria-hidden="true"', 'Common cause')}`,
      text: 'Monthly value',
    },
  ];
  if (types.has('special-cause-improvement')) {
    entries.push({
      swatch: pointShape('special-cause-improvement', 12, 0, '', 'Improvement'),
      text: 'Improvement',
    });
  }
  if (types.has('special-cause-concern')) {
    entries.push({ swatch: pointShape('special-cause-concern', 12, 0, '', 'Concern'), text: 'Concern' });
  }
  if (types.has('special-cause-neutral-high') || types.has('special-cause-neutral-low')) {
    entries.push({
      swatch: pointShape('special-cause-neutral-high', 12, 0, '', 'Neutral'),
      text: 'Special cause',
    });
  }
  if (limits) {
    entries.push(
      {
        swatch: `<line x1="0" x2="24" y1="0" y2="0" stroke="${COLOUR.mean}" stroke-width="1.5"/>`,
        text: 'Mean',
      },
      {
        swatch: `<line x1="0" x2="24" y1="0" y2="0" stroke="${COLOUR.limit}" stroke-width="1.25" stroke-dasharray="6 4"/>`,
        text: 'Process limits',
      },
    );
  }
  if (drawn.length > 0) {
    entries.push({
      swatch: `<line x1="0" x2="24" y1="0" y2="0" stroke="${COLOUR.target}" stroke-width="2" stroke-dasharray="10 4"/>`,
      text: 'Target',
    });
  }
  let x = left;
  let y = 16;
  const out = ['<g data-part="legend">'];
  for (const entry of entries) {
    // Arial at 13px averages under 7px a character.
    const entryWidth = 32 + entry.text.length * 7 + 20;
    if (x > left && x + entryWidth > width) {
      x = left;
      y += 20;
    }
    out.push(
      `<g transform="translate(${px(x)} ${y})">${entry.swatch}<text x="32" y="4.5" fill="${COLOUR.text}">${escapeHtml(entry.text)}</text></g>`,
    );
    x += entryWidth;
  }
  out.push('</g>');
  return out.join('');
}

/** The chart in words, for its `<desc>`: every value, the limits, the special causes, variation, assurance, targets. */
function describe(
  indicator: ReportIndicator,
  months: readonly ReportFigure[],
  points: readonly { readonly point: SpcPoint; readonly month: ReportFigure }[],
  phases: readonly { readonly point: SpcPoint; readonly first: number; readonly last: number }[],
  drawn: readonly { readonly target: ReportTarget }[],
  notDrawn: readonly { readonly target: ReportTarget }[],
): string {
  const first = months[0];
  const last = months.at(-1);
  const unit = indicator.unit;
  const sentences = [
    `XmR chart of ${indicator.id} by month${first && last ? `, ${first.period.label} to ${last.period.label}` : ''}${indicator.history.length > 0 ? `, the first ${countOf(indicator.history.length, 'month')} as history before the year` : ''}.`,
    points.length > 0
      ? `${points.map(({ month }) => `${month.period.label} ${month.display}`).join('; ')}.`
      : 'No month has a value yet.',
  ];
  for (const { point, first: from, last: to } of phases) {
    if (point.mean === null) continue;
    const span = `${months[from]?.period.label ?? ''} to ${months[to]?.period.label ?? ''}`;
    sentences.push(
      point.lowerLimit === null || point.upperLimit === null
        ? `${span}: mean ${chartNumber(point.mean, unit)}, no limits yet.`
        : `${span}: mean ${chartNumber(point.mean, unit)}, process limits ${chartNumber(point.lowerLimit, unit)} to ${chartNumber(point.upperLimit, unit)}.`,
    );
  }
  const special = points.filter(({ point }) => point.specialCause !== null);
  if (special.length > 0) {
    sentences.push(
      `Special causes: ${special
        .map(
          ({ point, month }) =>
            `${month.period.label} ${variationWords(point.type).toLowerCase()}, ${specialCauseWords(point.specialCause)}`,
        )
        .join('; ')}.`,
    );
  } else if (points.length > 0) {
    sentences.push('No special cause: every month is common cause variation.');
  }
  const { spc: chart } = indicator;
  if (points.length > 0) {
    sentences.push(`Latest month: ${variationWords(chart.variation).toLowerCase()}.`);
  }
  if (chart.options.target !== null) {
    sentences.push(
      `Assurance against ${chartNumber(chart.options.target, unit)}: ${assuranceWords(chart.assurance).toLowerCase()}.`,
    );
  }
  if (chart.tooFewPoints) sentences.push('Too few points: the limits rest on fewer than 12 months.');
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
