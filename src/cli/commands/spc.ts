import { coverWords } from '../../calendar/index.js';
import type { IndicatorResult, IndicatorUnit } from '../../indicators/index.js';
import type { IndicatorDefinition } from '../../indicators/types.js';
import { type Period, splitIntoMonths } from '../../periods/index.js';
import { formatResultWarning, type InputSummary, type ResultWarning } from '../../records/issues.js';
import { chartNumber } from '../../report/spc-words.js';
import {
  improvementOf,
  monthlySeries,
  type SpcChart,
  type SpcImprovement,
  type SpcOptions,
  spc,
  spcImprovements,
} from '../../spc/index.js';
import { isPercentBelowOne, percentMeant } from '../../targets/percent-below-one.js';
import { escapeControlCharacters } from '../../util/control-characters.js';
import { countOf } from '../../util/plural.js';
import { alignedTable } from '../../util/text-table.js';
import { choiceArg, parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../context.js';
import { indicatorNamedIn, indicatorOptionUsage } from '../indicator-args.js';
import { outputFromArgs, writeOutput } from '../output.js';
import { refuseWarningsWhenStrict } from '../reading.js';
import { computeArgOptions, inputRows, periodArg, prepareComputation } from './compute.js';
import { summaryOf } from './list.js';

const COLUMN = 22;

function usageOf(named: IndicatorDefinition | undefined): string {
  const own = named === undefined ? [] : indicatorOptionUsage([named], COLUMN);
  return `Usage: cs-indicators spc <INDICATOR> --input FILE --period P [--target N] [--format table|json]

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
  --format F          table (default) or json; without it, the ending of --out FILE chooses (.json, .txt)
  --out FILE          write the chart to FILE (default -, standard output); never one of the inputs
  Every input, calendar, rounding and indicator option of \`cs-indicators compute\` applies (--map, --encoding,
  --strict, --rules, --start-event, --workers…), except --by and --audit. Under --strict a chart with a warning
  (too_few_points) is refused. A file without a column the indicator needs is refused (missing_column, exit 1).
${own.length === 0 ? "  (see `cs-indicators spc <INDICATOR> --help` for one indicator's own options)" : `\n${named?.id}'s options:\n${own.join('\n')}`}

Months before the first with a record in the population, and months without a value, are no point. Fewer than 12
months in a phase: the chart is drawn and a too_few_points warning printed on stderr.

Exit codes: 0 done, 1 input refused or an output that cannot be written, 2 usage error (also an output that
would overwrite an input), 70 internal error (set CSI_DEBUG=1 to see where).
`;
}

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

/**
 * The months of a chart's period.
 * @throws {UsageError} when the period is not whole months.
 */
function chartMonths(period: Period): Period[] {
  const months = splitIntoMonths(period);
  if (months.some((month) => month.kind !== 'month')) {
    throw new UsageError(
      `--period: a chart by month needs whole months, got ${period.start} to ${period.end} (e.g. 2009-04..2011-01)`,
    );
  }
  return months;
}

/** The flag of an option spc() refuses, by the option its message names. */
function flagOfChartOption(message: string): string {
  if (message.includes('rebase')) return '--rebase';
  if (message.includes('fixAfter')) return '--fix-after';
  if (message.includes('target')) return '--target';
  return '--improvement';
}

/**
 * The chart's options tried on the months' labels, with no values: a rebase month outside them, a fixAfter below 2…
 * @throws {UsageError} naming the flag.
 */
function checkChartOptions(months: readonly Period[], options: SpcOptions): void {
  try {
    spc(
      months.map((month) => ({ label: month.start.slice(0, 7), value: null })),
      options,
    );
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) {
      throw new UsageError(`${flagOfChartOption(error.message)}: ${error.message.replace(/^spc: /, '')}`);
    }
    throw error;
  }
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
      message: `${indicator}: the limits of ${short.map((phase) => `${phase.start} to ${phase.end} (${countOf(phase.baselinePoints, 'point')})`).join(', ')} rest on fewer than 12 points: read them as provisional`,
    },
  ];
}

/**
 * The target's warning: `--target 0.8` on a percent indicator reads as 0.8% (`percent_below_one`), where 80% was
 * likely meant; its assurance would be judged against 0.8%.
 */
function targetWarnings(definition: IndicatorDefinition, target: number | undefined): ResultWarning[] {
  if (target === undefined || definition.unit !== 'percent' || !isPercentBelowOne(target)) return [];
  const meant = percentMeant(target);
  return [
    {
      code: 'percent_below_one',
      message: `${definition.id}: --target ${target} reads as ${target}%, under 1% (a percentage is given in points: 80 for 80%): if ${meant}% was meant, give --target ${meant}`,
    },
  ];
}

function table(
  results: readonly IndicatorResult[],
  chart: SpcChart,
  inputs: readonly InputSummary[],
): string {
  const first = results[0];
  if (!first) return '';
  const { unit } = first;
  const phases = chart.phases.map(
    (phase, index) =>
      `Phase ${index + 1}  ${phase.start} to ${phase.end}: mean ${shown(phase.mean, unit) || 'n/a'}, limits ${shown(phase.lowerLimit, unit) || 'n/a'} to ${shown(phase.upperLimit, unit) || 'n/a'}, from ${phase.baselinePoints} of ${countOf(phase.points, 'point')}`,
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
  const { options } = chart;
  const last = results.at(-1);
  return [
    escapeControlCharacters(
      `${first.indicator}: ${first.title}, ${first.period.label} to ${last?.period.label ?? ''}, by month`,
    ),
    `Rule         ${Object.entries(first.rule)
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(', ')}`,
    `Calendar     ${first.calendar.id} (${first.calendar.fingerprint})${coverWords(first.calendar)}`,
    ...inputRows(inputs).map(([label, text]) => escapeControlCharacters(`${label.padEnd(12)} ${text}`)),
    `Improvement  ${options.improvement}${options.target === null ? '' : `, target ${options.target}`}${options.fixAfter === null ? '' : `, limits fixed on ${options.fixAfter} months`}${options.rebase.length > 0 ? `, rebased at ${options.rebase.join(', ')}` : ''}`,
    ...phases,
    '',
    ...alignedTable([header, ...rows], {
      align: (i) => (i >= 1 && i <= 6 ? 'right' : 'left'),
      headerRule: true,
    }),
    '',
    `Variation    ${words(chart.variation) || 'n/a'} (the latest month with a value)`,
    `Assurance    ${chart.assurance === null ? (options.target === null ? 'n/a (no --target)' : 'n/a') : words(chart.assurance)}`,
    '',
  ].join('\n');
}

/** `cs-indicators spc INDICATOR`. */
export const spcCommand: CliCommand = {
  name: 'spc',
  summary: summaryOf('spc'),
  usage: (args) => usageOf(indicatorNamedIn(args)),
  async run(args, io) {
    // Every argument is checked before any file is read.
    const { values, positionals } = parseCommandArgs(args, options);
    const { format, out } = outputFromArgs(values, ['table', 'json']);
    const target = numberOption(values.target, '--target');
    const fixAfter = numberOption(values['fix-after'], '--fix-after');
    const improvement = choiceArg<SpcImprovement>(values.improvement, spcImprovements, '--improvement');
    const rebase = values.rebase === undefined ? [] : values.rebase.split(',').map((label) => label.trim());
    const chartOptions: SpcOptions = {
      ...(improvement === undefined ? {} : { improvement }),
      ...(target === undefined ? {} : { target }),
      ...(fixAfter === undefined ? {} : { fixAfter }),
      rebase,
    };
    // With --period, the chart's months are known before any file is read; else they are the records' months.
    if (values.period !== undefined) {
      checkChartOptions(chartMonths(periodArg(values.period, '--period')), chartOptions);
    }
    const { definition, period, main, inputs, strict, computeOptions, ...read } = await prepareComputation(
      'spc',
      values,
      positionals,
      io,
      { targets: [out] },
    );
    const months = chartMonths(period);
    checkChartOptions(months, chartOptions);
    const results = months.map((month) =>
      definition.compute(main.records as never, month, computeOptions as never),
    );
    const chart = spc(monthlySeries(results), {
      ...chartOptions,
      improvement: improvement ?? improvementOf(definition.polarity),
    });
    const warnings = [
      ...read.warnings,
      ...targetWarnings(definition, target),
      ...warningsOf(definition.id, chart),
    ];
    // Under --strict a chart with a warning (too few points, a map key matching no header) is not written.
    refuseWarningsWhenStrict(strict, warnings);
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
        inputs,
      };
      await writeOutput(out, `${JSON.stringify(body, null, 2)}\n`, io);
    } else {
      await writeOutput(out, table(results, chart, inputs), io);
    }
    for (const warning of warnings) io.err(`cs-indicators spc: warning: ${formatResultWarning(warning)}\n`);
    return 0;
  },
};
