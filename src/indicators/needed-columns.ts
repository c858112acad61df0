/**
 * The columns an indicator cannot be computed without (SPEC 13, `missing_column`), declared beside its options: a
 * file with no column for the event date, or for the start date the options choose, gives a figure of n/a (0 of 0)
 * that is not a result, and is refused instead.
 * @module
 */
import { type InputIssue, inputIssue } from '../records/issues.js';
import type { RecordKind } from '../records/schemas.js';
import type { IndicatorDefinition } from './types.js';

/** A field an indicator needs its records' file to have a column for. */
export interface NeededColumn {
  /** The canonical field, e.g. `completedDate`. */
  readonly field: string;
  /** What the field is to the indicator, in words: `event date`, `start date`, `closure reason`. */
  readonly role: string;
  /**
   * The `records` option whose records the field is of (ASSESS45's `referrals`). Default: the indicator's own
   * records.
   */
  readonly records?: string;
  /**
   * Needed only when an option has this value (CPC15's `strategyDiscussionDate` with `startEvent`
   * `strategy-discussion`); an option not given counts with its declared default. Default: always needed.
   */
  readonly when?: { readonly option: string; readonly value: string };
}

/** A needed column with the record kind whose file must have it. */
export interface NeededColumnOf extends NeededColumn {
  /** The record kind whose file must have the column. */
  readonly kind: RecordKind;
}

/** What a file was found to hold: its name, the canonical fields it gives, and its header cells when it has some. */
export interface ColumnsFound {
  /** The file, as messages name it. */
  readonly file: string;
  /** The canonical fields it has (a read result's `fieldsPresent`). */
  readonly fieldsPresent: readonly string[];
  /** Its header cells as found, for a table (CSV, a sheet); none for JSON or XML. Default: none. */
  readonly headers?: readonly string[];
}

/** The value an option has: the one given, else its declared default. */
function optionValueOf(
  definition: IndicatorDefinition,
  options: Readonly<Record<string, unknown>>,
  name: string,
): unknown {
  return options[name] ?? definition.options.find((option) => option.name === name)?.default;
}

/**
 * The columns an indicator needs with these options: those it always needs, and those its options choose (CPC15's
 * start event), each with the record kind whose file must have it. Records options that these options leave unread
 * (ASSESS45's referrals with `from: 'assessment-start'`) need nothing.
 *
 * @param definition - the indicator.
 * @param options - its options as given (a choice not given counts as its default). Default none.
 * @returns the columns needed, in the order declared.
 * @example
 * neededColumns(cpc15Definition, { startEvent: 's47-start' }).map((c) => c.field) //=> ['conferenceDate', 's47StartDate']
 */
export function neededColumns(
  definition: IndicatorDefinition,
  options: Readonly<Record<string, unknown>> = {},
): NeededColumnOf[] {
  const needed: NeededColumnOf[] = [];
  for (const column of definition.needs) {
    if (
      column.when !== undefined &&
      optionValueOf(definition, options, column.when.option) !== column.when.value
    ) {
      continue;
    }
    let kind: RecordKind = definition.recordKind as RecordKind;
    if (column.records !== undefined) {
      const option = definition.options.find((candidate) => candidate.name === column.records);
      if (option?.kind === undefined) continue;
      const unless = option.unless;
      if (unless !== undefined && optionValueOf(definition, options, unless.option) === unless.value)
        continue;
      kind = option.kind;
    }
    needed.push({ ...column, kind });
  }
  return needed;
}

/** `"Ref", "Child"`, or `none`. */
function listed(names: readonly string[]): string {
  const shown = names.filter((name) => name.trim() !== '').map((name) => JSON.stringify(name.trim()));
  return shown.length === 0 ? 'none' : shown.join(', ');
}

/**
 * The `missing_column` issues of an indicator's files: one for each column it needs (with these options) that its
 * file does not have, naming the file, the field, what the indicator needs it for and the headers (or, for JSON, the
 * fields) found. Computing from such a file would give a figure of n/a, or a wrong one, without a word.
 *
 * @param definition - the indicator.
 * @param options - its options as given. Default none.
 * @param found - what each file holds: `own` for the indicator's own records, `records` by records option name.
 * @returns the issues (file level: row 0, severity error), empty when every needed column is there.
 * @example
 * missingColumnIssues(ni59Definition, {}, { own: { file: 'ia.csv', fieldsPresent: ['id', 'childId', 'referralDate'], headers: ['Ref', 'Child', 'Referral Date', 'Completion Date'] } })[0].message
 * //=> 'no column gives completedDate, which NI59 needs as its event date: NI59 cannot be computed from this file. Headers found: "Ref", "Child", "Referral Date", "Completion Date". Rename the column, or map it with a column map'
 */
export function missingColumnIssues(
  definition: IndicatorDefinition,
  options: Readonly<Record<string, unknown>>,
  found: {
    readonly own: ColumnsFound;
    readonly records?: Readonly<Record<string, ColumnsFound>>;
  },
): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const column of neededColumns(definition, options)) {
    const file = column.records === undefined ? found.own : found.records?.[column.records];
    if (file === undefined || file.fieldsPresent.includes(column.field)) continue;
    const of = column.records === undefined ? '' : ` (its ${column.records})`;
    const chosen = column.when === undefined ? '' : ` (${column.when.option} ${column.when.value})`;
    const what =
      file.headers === undefined
        ? `Fields found: ${listed(file.fieldsPresent)}`
        : `Headers found: ${listed(file.headers)}`;
    issues.push(
      inputIssue({
        code: 'missing_column',
        row: 0,
        field: column.field,
        value: null,
        file: file.file,
        message: `no column gives ${column.field}, which ${definition.id} needs as its ${column.role}${of}${chosen}: ${definition.id} cannot be computed from this file. ${what}. Rename the column, or map it with a column map`,
      }),
    );
  }
  return issues;
}
