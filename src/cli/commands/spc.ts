import type { IndicatorResult, IndicatorUnit } from '../../indicators/index.js';
import { splitIntoMonths } from '../../periods/index.js';
import type { ResultWarning } from '../../records/issues.js';
import { chartNumber } from '../../report/spc-words.js';
import {
  improvementOf,
  monthlySeries,
  type SpcChart,
  type SpcImprovement,
  spc,
  spcImprovements,
} from '../../spc/index.js';
import { formatFromArgs } from '../calendar-args.js';
import { type CliCommand, UsageError } from '../context.js';
import { parseCommandArgs } from '../parse-args.js';
import { computeArgOptions, prepareComputation } from './compute.js';

const usage = `Usage: cs-indicators spc <INDICATOR> --input FILE --period P [--target N] [--format table|json]

Statistical process control: computes the indicator for each month of the period and reads the months as an XmR
chart, the NHS "Making Data Count" way: the mean, the process limits (mean ± 2.66 mean moving ranges), each month's
special cause (beyond a limit, a trend of 7, 2 of 3 near a limit, a shift of 7 on one side of the mean) and whether
it is an improvement or a concern, and, with a target, whether the process will meet it (assurance).

Options:
  --period P          whole months, e.g. 2009-04..2011-01 or FY2010 (default: the months of the records)
  --target N          the target, in the indicator's unit (80 for 80%), for the assurance
  --improvement D     increase, decrease or neutral (default: the indicator's polarity)
  --rebase M[,M…]     months at which a new phase starts, e.g. 2010-10 (a change to the process)
  --fix-after N       fix each phase's mean and limits on its first N months (default: all)
  --format F          table (default) or json
  Every input, calendar and rule option of \`cs-indicators compute\` applies (--rules, --start-event, --workers…).

Months before the first with a record in the population, and months without a value, are no point. Fewer than 12
months in a phase: the chart is drawn and a too_few_points warning printed on stderr.

Exit codes: 0 done, 1 input refused, 2 usage error.
`;

const options = {
  ...computeArgOptions,
  target: { type: 'string' },
  improvement: { type: 'string' },
  rebase: { type: 'string' },
  'fix-after': { type: 'string' },
} as const;

/** A number from a flag, or undefined. */
function numberOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) {
    throw new UsageError(`${flag}: expected a number, got ${JSON.stringify(value)}`);
  }
  return number;
}

/** `68.1%`, `22.5`: a chart figure, or empty. */
function shown(value: number | null, unit: IndicatorUnit): string {
  return value === null ? '' : chartNumber(value, unit);
}

/** `special-cause-improvement` → `special cause improvement`. */
function words(code: string | null): string {
  return code === null ? '' : code.replaceAll('-', ' ');
}

/** The chart's warnings: too few points. */
function warningsOf(indicator: string, chart: SpcChart): ResultWarning[] {
  if (!chart.tooFewPoints) return [];
  const short = chart.phases.filter((phase) => phase.baselinePoints < 12);
  return [
    {
      code: 'too_few_points',
      message: `${indicator}: the limits of ${short.map((phase) => `${phase.start} to ${phase.end} (${phase.baselinePoints} points)`).join(', ')} rest on fewer than 12 points: read them as provisional`,
    },
  ];
}

function table(results: readonly IndicatorResult[], chart: SpcChart): string {
  const first = results[0];
  if (!first) return '';
  const { unit } = first;
  const phases = chart.phases.map(
    (phase, index) =>
      `Phase ${index + 1}  ${phase.start} to ${phase.end}: mean ${shown(phase.mean, unit) || 'n/a'}, limits ${shown(phase.lowerLimit, unit) || 'n/a'} to ${shown(phase.upperLimit, unit) || 'n/a'}, from ${phase.baselinePoints} of ${phase.points} points`,
  );
  const header = [
    'Month',
    'Numerator',
    'Denominator',
    'Value',
    'Mean',
    'Lower',
    'Upper',
    'Variation',
    'Special cause',
  ];
  const rows = results.map((result, index) => {
    const point = chart.points[index];
    return [
      point?.label ?? '',
      String(result.numerator),
      String(result.denominator),
      point?.value === null ? 'no data' : result.display,
      shown(point?.mean ?? null, unit),
      shown(point?.lowerLimit ?? null, unit),
      shown(point?.upperLimit ?? null, unit),
      words(point?.type ?? null),
      words(point?.specialCause ?? null),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i >= 1 && i <= 6 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const { options } = chart;
  const last = results.at(-1);
  return [
    `${first.indicator}: ${first.title}, ${first.period.label} to ${last?.period.label ?? ''}, by month`,
    `Rule         ${Object.entries(first.rule)
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(', ')}`,
    `Calendar     ${first.calendar.id} (${first.calendar.fingerprint})`,
    `Improvement  ${options.improvement}${options.target === null ? '' : `, target ${options.target}`}${options.fixAfter === null ? '' : `, limits fixed on ${options.fixAfter} months`}${options.rebase.length > 0 ? `, rebased at ${options.rebase.join(', ')}` : ''}`,
    ...phases,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `Variation    ${words(chart.variation) || 'n/a'} (the latest month with a value)`,
    `Assurance    ${chart.assurance === null ? (options.target === null ? 'n/a (no --target)' : 'n/a') : words(chart.assurance)}`,
    '',
  ].join('\n');
}

/** `cs-indicators spc INDICATOR`. */
export const spcCommand: CliCommand = {
  name: 'spc',
  summary: 'an indicator by month as an XmR chart: signal or noise',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options);
    const format = formatFromArgs(values.format, ['table', 'json'] as const, 'table');
    for (const flag of ['by', 'audit'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} does not apply to spc`);
    }
    const target = numberOption(values.target, '--target');
    const fixAfter = numberOption(values['fix-after'], '--fix-after');
    if (values.improvement !== undefined && !spcImprovements.includes(values.improvement as SpcImprovement)) {
      throw new UsageError(
        `--improvement: expected one of ${spcImprovements.join(', ')}, got ${JSON.stringify(values.improvement)}`,
      );
    }
    const rebase = values.rebase === undefined ? [] : values.rebase.split(',').map((label) => label.trim());
    const { definition, period, input, computeOptions } = await prepareComputation(
      'spc',
      values,
      positionals,
      io,
    );
    const months = splitIntoMonths(period);
    if (months.some((month) => month.kind !== 'month')) {
      throw new UsageError(
        `--period: a chart by month needs whole months, got ${period.start} to ${period.end} (e.g. 2009-04..2011-01)`,
      );
    }
    const results = months.map((month) =>
      definition.compute(input.records as never, month, computeOptions as never),
    );
    const chart = spc(monthlySeries(results), {
      improvement: (values.improvement as SpcImprovement | undefined) ?? improvementOf(definition.polarity),
      ...(target === undefined ? {} : { target }),
      ...(fixAfter === undefined ? {} : { fixAfter }),
      rebase,
    });
    const warnings = warningsOf(definition.id, chart);
    for (const warning of warnings) io.err(`cs-indicators spc: ${warning.message} [${warning.code}]\n`);
    if (format === 'json') {
      const first = results[0];
      const body = {
        indicator: definition.id,
        title: definition.title,
        unit: definition.unit,
        polarity: definition.polarity,
        period: { start: period.start, end: period.end, label: period.label },
        rule: first?.rule ?? {},
        calendar: first?.calendar,
        months: results.map((result) => ({
          period: result.period,
          numerator: result.numerator,
          denominator: result.denominator,
          value: result.value === null ? null : result.value.toString(),
          display: result.display,
        })),
        spc: chart,
        warnings,
      };
      io.out(`${JSON.stringify(body, null, 2)}\n`);
    } else {
      io.out(table(results, chart));
    }
    return 0;
  },
};
