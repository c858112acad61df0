import { z } from 'zod';
import { conventions } from '../calendar/index.js';
import { getIndicator, type IndicatorId, indicatorIds } from '../indicators/index.js';
import { type Period, parsePeriod } from '../periods/index.js';
import { type Target, type TargetSet, type TargetUnit, targetUnits } from './types.js';

/** One problem found in a target set: where (`targets[2].period`), what, and the value found. */
export interface TargetIssue {
  /** The path of the value in the JSON, e.g. `targets[2].period`; `(root)` for the whole value. */
  readonly path: string;
  /** What is wrong and what is expected. */
  readonly message: string;
  /** The value found (absent for a missing field). */
  readonly value?: unknown;
}

/** Reads a period or returns the parse error's message. */
function tryPeriod(text: string): Period | string {
  try {
    return parsePeriod(text);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The registered indicator an id names (case-insensitive), or undefined. */
function knownIndicator(id: string): IndicatorId | undefined {
  return indicatorIds.find((known) => known.toLowerCase() === id.toLowerCase());
}

const text = z.string().min(1, { error: 'Expected a non-empty string' });

const periodText = z.string().superRefine((value, context) => {
  const period = tryPeriod(value);
  if (typeof period === 'string') context.addIssue({ code: 'custom', message: period, input: value });
});

/** The value ranges by unit: a percentage from 0 to 100, a change of at least -100%, a caseload or count >= 0. */
const VALUE_RANGES: Readonly<
  Record<TargetUnit, { readonly min: number; readonly max: number; readonly what: string }>
> = {
  percent: { min: 0, max: 100, what: 'a percentage from 0 to 100' },
  'percent-change': { min: -100, max: Number.POSITIVE_INFINITY, what: 'a % change of -100 or more' },
  'cases-per-fte': { min: 0, max: Number.POSITIVE_INFINITY, what: 'a number of cases per FTE of 0 or more' },
  count: { min: 0, max: Number.POSITIVE_INFINITY, what: 'a count of 0 or more' },
};

const targetSchema = z
  .strictObject({
    indicator: text.refine((id) => knownIndicator(id) !== undefined, {
      error: `Expected a known indicator (${indicatorIds.join(', ')})`,
    }),
    period: periodText,
    value: z.number(),
    unit: z.enum(targetUnits as [TargetUnit, ...TargetUnit[]], {
      error: `Expected one of ${targetUnits.join(', ')}`,
    }),
    baseline: periodText.optional(),
    options: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    ref: text.optional(),
    quote: text,
    note: text.optional(),
  })
  .superRefine((target, context) => {
    const id = knownIndicator(target.indicator);
    const definition = id === undefined ? undefined : getIndicator(id);
    // The options a target's words may assume: those the indicator declares for a config, and the convention.
    const assumable = (definition?.options ?? []).filter((option) => option.inConfig === 'options');
    const names = [...assumable.map((option) => option.name), 'convention'];
    for (const [key, value] of Object.entries(target.options ?? {})) {
      if (definition === undefined) continue;
      if (!names.includes(key)) {
        context.addIssue({
          code: 'custom',
          path: ['options', key],
          input: key,
          message: `Expected an option of ${definition.id} (${names.join(', ')})`,
        });
        continue;
      }
      const option = assumable.find((candidate) => candidate.name === key);
      const reading = option === undefined ? undefined : option.read(value);
      const wrongConvention = key === 'convention' && !(conventions as readonly unknown[]).includes(value);
      if ((reading !== undefined && !reading.ok) || wrongConvention) {
        context.addIssue({
          code: 'custom',
          path: ['options', key],
          input: value,
          message: `Expected ${reading !== undefined && !reading.ok ? reading.expected : `one of ${conventions.join(', ')}`}`,
        });
      }
    }
    if (definition && target.unit !== 'percent-change' && target.unit !== definition.unit) {
      context.addIssue({
        code: 'custom',
        path: ['unit'],
        input: target.unit,
        message: `Expected ${definition.id}'s unit (${definition.unit}) or percent-change`,
      });
    }
    const range = VALUE_RANGES[target.unit];
    if (target.value < range.min || target.value > range.max) {
      context.addIssue({
        code: 'custom',
        path: ['value'],
        input: target.value,
        message: `Expected ${range.what} for a ${target.unit} target`,
      });
    }
    if (target.unit === 'percent-change' && target.baseline === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['baseline'],
        params: { missing: true },
        message: 'Missing: expected a baseline period (e.g. FY2009) for a percent-change target',
      });
    }
    if (target.unit !== 'percent-change' && target.baseline !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['baseline'],
        input: target.baseline,
        message: `Expected no baseline: only a percent-change target has one (this one is ${target.unit})`,
      });
    }
    if (target.unit === 'percent-change' && target.baseline !== undefined) {
      const period = tryPeriod(target.period);
      const baseline = tryPeriod(target.baseline);
      if (typeof period !== 'string' && typeof baseline !== 'string' && baseline.end >= period.start) {
        context.addIssue({
          code: 'custom',
          path: ['baseline'],
          input: target.baseline,
          message: `Expected a baseline period ending before the target's period starts (${period.start})`,
        });
      }
    }
  });

const targetSetSchema = z
  .strictObject({
    id: text,
    title: text,
    sourceFile: text,
    targets: z.array(targetSchema).min(1, { error: 'Expected at least one target' }),
  })
  .superRefine((set, context) => {
    // Two targets for the same indicator, period and unit would make the set say two things at once.
    const seen = new Map<string, number>();
    set.targets.forEach((target, index) => {
      const period = tryPeriod(target.period);
      if (typeof period === 'string') return;
      const key = `${knownIndicator(target.indicator)}|${period.start}|${period.end}|${target.unit}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, index);
        return;
      }
      context.addIssue({
        code: 'custom',
        path: ['targets', index],
        input: `${target.indicator} ${target.period}`,
        message: `Expected one target per indicator, period and unit: targets[${first}] has the same`,
      });
    });
  });

/** `targets[2].period` from `['targets', 2, 'period']`. */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint' || value === undefined) return String(value);
  try {
    const json = JSON.stringify(value);
    if (json === undefined) return String(value);
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    return String(value);
  }
}

function toIssue(issue: z.core.$ZodIssue): TargetIssue {
  const path = pathText(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return {
      path,
      message: `Unexpected key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`,
    };
  }
  if (issue.code === 'invalid_type') {
    const expected =
      issue.expected === 'number'
        ? 'a finite number'
        : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    return issue.input === undefined
      ? { path, message: `Missing: expected ${expected}` }
      : { path, message: `Expected ${expected}`, value: issue.input };
  }
  const missing = issue.code === 'custom' && issue.params?.missing === true;
  return issue.input === undefined || missing
    ? { path, message: issue.message }
    : { path, message: issue.message, value: issue.input };
}

/** Issues about the kind of a value (a string expected, a key unknown) make a TypeError; the rest a RangeError. */
const TYPE_CODES: ReadonlySet<string> = new Set(['invalid_type', 'unrecognized_keys']);

/**
 * Reads a custom target set from JSON, in the shape of one `sets[]` entry of `test/fixtures/reference/targets.json`:
 * `{ id, title, sourceFile, targets: [{ indicator, period, value, unit, quote, ref?, note?, baseline?, options? }] }`.
 *
 * Checks (every problem is collected, then all are thrown in one error; the checks across an entry's fields, such as
 * its unit against its indicator, run once each of its fields has the right kind):
 * - the keys: all required ones present, no unknown one (a misspelt `qoute` is refused, not ignored);
 * - `indicator`: a registered indicator (case-insensitive; the set holds the canonical id, `NI59`);
 * - `period` and `baseline`: periods {@link parsePeriod} reads;
 * - `unit`: the indicator's own unit, or `percent-change`; a `percent-change` target has a `baseline` ending before
 *   its period starts, and no other target has one;
 * - `value`: a finite number; a percentage from 0 to 100, a % change of -100 or more, a caseload or count >= 0;
 * - `options` (the indicator options the target's words assume, e.g. `{ "startEvent": "referral" }`): each an option
 *   the indicator takes (a key of its `defaultOptions`);
 * - at most one target per indicator, period and unit.
 *
 * Each target's `polarity` is its indicator's, and its `source` is `{ document: title, sourceFile, ref, quote,
 * note }`.
 *
 * @param json - the parsed JSON (an object; read and `JSON.parse` the file first).
 * @returns the {@link TargetSet}.
 * @throws {TypeError} when a value is of the wrong kind or a key is missing or unknown; {@link RangeError} when every
 *   value is of the right kind but one is not usable (an unknown indicator, a period that cannot be read, a value out
 *   of range). The message lists every problem with its path and value; `error.cause` holds them as
 *   {@link TargetIssue}s.
 * @example
 * const set = parseTargets({
 *   id: 'local-2011',
 *   title: 'Local performance framework 2011/12',
 *   sourceFile: 'board-paper-2011-04.pdf',
 *   targets: [{ indicator: 'ni59', period: 'FY2011', value: 85, unit: 'percent', ref: '3.1', quote: 'NI 59 at 85%' }],
 * });
 * set.targets[0]; //=> { indicator: 'NI59', period: 'FY2011', value: 85, unit: 'percent', polarity: 'higher-is-better', source: { document: 'Local performance framework 2011/12', sourceFile: 'board-paper-2011-04.pdf', ref: '3.1', quote: 'NI 59 at 85%' } }
 * parseTargets({ id: 'x', title: 'X', sourceFile: 'x.txt', targets: [{ indicator: 'NI59', period: '2011-13', value: 85, unit: 'percent', quote: 'q' }] });
 * //=> throws RangeError: Cannot use the target set: 1 problem.
 * //   - targets[0].period: Cannot read the period "2011-13": there is no month 13. Expected … (got "2011-13")
 */
export function parseTargets(json: unknown): TargetSet {
  const parsed = targetSetSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const issues = parsed.error.issues.map(toIssue);
    const lines = issues.map(
      (issue) =>
        `- ${issue.path}: ${issue.message}${'value' in issue ? ` (got ${describeValue(issue.value)})` : ''}`,
    );
    const message = `Cannot use the target set: ${issues.length} problem${issues.length === 1 ? '' : 's'}.\n${lines.join('\n')}`;
    const typeProblem = parsed.error.issues.some((issue) => TYPE_CODES.has(issue.code));
    throw typeProblem
      ? new TypeError(message, { cause: issues })
      : new RangeError(message, { cause: issues });
  }
  const set = parsed.data;
  const targets = set.targets.map((entry): Target => {
    const definition = getIndicator(entry.indicator);
    return {
      indicator: definition.id as IndicatorId,
      period: entry.period,
      value: entry.value,
      unit: entry.unit,
      polarity: definition.polarity,
      ...(entry.baseline === undefined ? {} : { baseline: entry.baseline }),
      ...(entry.options === undefined ? {} : { options: entry.options }),
      source: {
        document: set.title,
        sourceFile: set.sourceFile,
        ...(entry.ref === undefined ? {} : { ref: entry.ref }),
        quote: entry.quote,
        ...(entry.note === undefined ? {} : { note: entry.note }),
      },
    };
  });
  return { id: set.id, title: set.title, sourceFile: set.sourceFile, targets };
}
