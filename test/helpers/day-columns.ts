/**
 * What a read keeping its records as day columns (`keepDayColumns`, the read option `dayColumns`) must have in
 * common with the same read keeping objects: everything but `records`, `rows` and `dayColumns`, and the days of
 * the records' date fields, in order. The property tests of the lanes read each generated input both ways.
 */
import { expect } from 'vitest';
import { type DayColumns, NO_DAY } from '../../src/records/day-columns.js';
import { recordSpecs } from '../../src/records/fields.js';
import type { RecordKind } from '../../src/records/schemas.js';
import { parseIsoDay } from '../../src/util/dates.js';

/** The date fields of a kind, in field order. */
export function dateFieldsOf(kind: RecordKind): string[] {
  return recordSpecs[kind].fields.filter((field) => field.type === 'date').map((field) => field.name);
}

/** The field a kind's records can be grouped by in a breakdown (`team`, else `workerId`), if it has one. */
export function groupFieldOf(kind: RecordKind): string | undefined {
  const names = recordSpecs[kind].fields.filter((field) => field.type === 'text').map((field) => field.name);
  return ['team', 'workerId'].find((name) => names.includes(name));
}

/** The day of each record's field, as a day column holds it: NO_DAY when absent. */
function daysOfRecords(records: readonly Record<string, unknown>[], fields: readonly string[]) {
  return Object.fromEntries(
    fields.map((field) => [
      field,
      records.map((record) => {
        const value = record[field];
        return value === undefined ? NO_DAY : parseIsoDay(value as string);
      }),
    ]),
  );
}

function daysOfColumns(columns: DayColumns, fields: readonly string[]) {
  return Object.fromEntries(
    fields.map((field) => [field, Array.from(columns.days(field).subarray(0, columns.count))]),
  );
}

/**
 * An outcome of a read (`{ result, … }` or `{ thrown }`) seen through its days: the result without its records,
 * rows and columns, with the days of `fields`, each record's row and its `groupField` value (from the records, or
 * from the day columns). A read keeping day columns must have no records and no rows of its own.
 */
export function throughDays(outcome: unknown, fields: readonly string[], groupField?: string): unknown {
  const o = outcome as { result?: Record<string, unknown>; thrown?: unknown };
  if (o.result === undefined) return { thrown: o.thrown };
  const { records, rows, dayColumns, ...rest } = o.result as {
    records: Record<string, unknown>[];
    rows: number[];
    dayColumns?: DayColumns;
  };
  if (dayColumns !== undefined) {
    expect(records).toEqual([]);
    expect(rows).toEqual([]);
  }
  // The group value of each record: from its field, or from the group column's numbers.
  let groups: (string | undefined)[] | undefined;
  if (groupField !== undefined) {
    const group = dayColumns?.group;
    groups =
      dayColumns === undefined
        ? records.map((record) => record[groupField] as string | undefined)
        : Array.from((group?.numbers ?? new Int32Array(0)).subarray(0, dayColumns.count), (n) =>
            n < 0 ? undefined : group?.values[n],
          );
  }
  return {
    result: rest,
    order: Object.keys(rest).join(),
    days: dayColumns === undefined ? daysOfRecords(records, fields) : daysOfColumns(dayColumns, fields),
    rows: dayColumns === undefined ? rows : Array.from(dayColumns.rows.subarray(0, dayColumns.count)),
    groups,
  };
}
