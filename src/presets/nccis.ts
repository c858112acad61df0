/**
 * NCCIS (SPEC 12), as local authorities submit it (XML: `<NCCIS><FileHeader><PeriodEnd>…`, `<YoungPersonsRecord>`…)
 * or as a CSV or workbook export: each young person's activity code read as a `neet` status, by a code map that is
 * data the caller can replace, the code kept on the record as `activityCode`.
 * @module
 */

import { neetStatuses } from '../records/kinds.js';
import type { NeetStatus } from '../records/schemas.js';
import type { XmlTokenizerOptions } from '../records/tokenize-xml.js';
import { looseKey } from '../records/values.js';
import type { PresetColumn, TablePreset } from './preset-reader.js';

/** A range of NCCIS activity codes (inclusive) and the status they are read as. */
export interface NccisCodeRange {
  /** The first code of the range. */
  readonly from: number;
  /** The last code of the range (the same as `from` for one code). */
  readonly to: number;
  /** The status its codes are read as. */
  readonly status: NeetStatus;
  /** What the codes are, for documentation and messages. */
  readonly group: string;
}

/** A code map: ranges of codes and their statuses; the first range holding a code decides it. */
export type NccisCodeMap = readonly NccisCodeRange[];

/**
 * The default code map (SPEC 12): 210–290 education, 310–381 employment, 410–460 and 530 training: `EET`; 550
 * `EET` (sources disagree; this is the default); 540 and 610–680 (not ready, seeking, young carer, teenage parent,
 * illness, pregnancy, other): `NEET`; 710 custody and 720 asylum: `EXCLUDED`; 810, 820 and 830: `NOT_KNOWN`. A code
 * of the NCCIS management information requirement outside these groups (110–150, young people still in compulsory
 * education) is `EXCLUDED` from the measure ({@link NCCIS_CODES_OUTSIDE_MAP}). To read a code otherwise, put a
 * range for it first: `[{ from: 550, to: 550, status: 'NEET', group: '550 read as NEET' }, ...nccisCodeMap]`.
 *
 * @example nccisCodeMap.find((r) => r.from <= 540 && 540 <= r.to)?.status //=> 'NEET'
 */
export const nccisCodeMap: NccisCodeMap = [
  { from: 210, to: 290, status: 'EET', group: 'education' },
  { from: 310, to: 381, status: 'EET', group: 'employment' },
  { from: 410, to: 460, status: 'EET', group: 'training' },
  { from: 530, to: 530, status: 'EET', group: 'training' },
  { from: 550, to: 550, status: 'EET', group: 'EET by default (sources disagree)' },
  { from: 540, to: 540, status: 'NEET', group: 'NEET' },
  {
    from: 610,
    to: 680,
    status: 'NEET',
    group: 'NEET (not ready, seeking, young carer, teenage parent, illness, pregnancy, other)',
  },
  { from: 710, to: 710, status: 'EXCLUDED', group: 'custody' },
  { from: 720, to: 720, status: 'EXCLUDED', group: 'asylum' },
  { from: 810, to: 810, status: 'NOT_KNOWN', group: 'not known' },
  { from: 820, to: 820, status: 'NOT_KNOWN', group: 'not known' },
  { from: 830, to: 830, status: 'NOT_KNOWN', group: 'not known' },
];

/**
 * Checks a code map given by a caller.
 *
 * @param codeMap - the map.
 * @returns nothing: it returns when the value is good, and throws otherwise.
 * @throws {TypeError} when it is not an array of `{ from, to, status, group }` with whole-number codes, `from` <=
 *   `to`, and a status of `EET`, `NEET`, `NOT_KNOWN` or `EXCLUDED`.
 * @example
 * checkNccisCodeMap([{ from: 550, to: 550, status: 'NEET', group: 'local' }]) //=> undefined
 * checkNccisCodeMap([{ from: 1, to: 2, status: 'MAYBE' }]) //=> throws TypeError 'codeMap[0]: expected …'
 */
export function checkNccisCodeMap(codeMap: unknown): asserts codeMap is NccisCodeMap {
  if (!Array.isArray(codeMap)) {
    throw new TypeError(
      `codeMap: expected an array of { from, to, status, group }, like nccisCodeMap, got ${JSON.stringify(codeMap)}`,
    );
  }
  codeMap.forEach((range: unknown, index) => {
    const r = range as Partial<NccisCodeRange> | null;
    const ok =
      typeof r === 'object' &&
      r !== null &&
      Number.isInteger(r.from) &&
      Number.isInteger(r.to) &&
      (r.from as number) <= (r.to as number) &&
      neetStatuses.includes(r.status as NeetStatus);
    if (!ok) {
      throw new TypeError(
        `codeMap[${index}]: expected { from, to, status, group } with whole-number codes, from <= to, and status one of ${neetStatuses.join(', ')}, got ${JSON.stringify(range)}`,
      );
    }
  });
}

const CODE = /^\s*(\d{3})(?:\.0+)?(?:\s*(?:[-:–].*)?)?$/;

/**
 * The activity codes of the NCCIS management information requirement span 110 to 830: a three-digit code in that
 * span that no range of the code map holds (110–150, young people still in compulsory education; any code a later
 * requirement adds) is `EXCLUDED` from the NEET measure, and kept on the record as `activityCode`. A cell outside
 * the span, or that is not a three-digit code at all, is an `invalid_value`.
 *
 * @example NCCIS_CODES_OUTSIDE_MAP //=> { from: 110, to: 899, status: 'EXCLUDED' }
 */
export const NCCIS_CODES_OUTSIDE_MAP = { from: 110, to: 899, status: 'EXCLUDED' } as const;

/**
 * The three-digit activity code a cell holds.
 *
 * @param cell - the cell: `540`, also `540.0` or `540 - NEET seeking employment`.
 * @returns the code (`'540'`), or null when the cell is not a three-digit code.
 * @example nccisActivityCode('540 - NEET seeking employment') //=> '540'
 */
export function nccisActivityCode(cell: string): string | null {
  return CODE.exec(cell)?.[1] ?? null;
}

/**
 * The status an NCCIS activity code is read as: the first range of the code map that holds it, else `EXCLUDED`
 * for any other code of the requirement's span ({@link NCCIS_CODES_OUTSIDE_MAP}).
 *
 * @param code - the cell: `540`, also `540.0` or `540 - NEET seeking employment`.
 * @param codeMap - the code map. Default {@link nccisCodeMap}.
 * @returns the status, or null when the cell is not a code of the requirement's span.
 * @example
 * nccisStatusOf('230') //=> 'EET'
 * nccisStatusOf('720') //=> 'EXCLUDED'
 * nccisStatusOf('110') //=> 'EXCLUDED' (compulsory education: outside the measure)
 * nccisStatusOf('999') //=> null
 */
export function nccisStatusOf(code: string, codeMap: NccisCodeMap = nccisCodeMap): NeetStatus | null {
  const digits = nccisActivityCode(code);
  if (digits === null) return null;
  const number = Number(digits);
  const mapped = codeMap.find((range) => range.from <= number && number <= range.to)?.status;
  if (mapped !== undefined) return mapped;
  const { from, to, status } = NCCIS_CODES_OUTSIDE_MAP;
  return from <= number && number <= to ? status : null;
}

/**
 * Where NCCIS's records are in the XML a local authority submits: each `YoungPersonsRecord` of the `NCCIS` root
 * element, its nested elements (`Activities`, …) read by their names; the `FileHeader`'s `PeriodEnd` is the count
 * date of every record (file value `periodEnd`).
 * @example nccisXml.records //=> 'YoungPersonsRecord'
 */
export const nccisXml: XmlTokenizerOptions = {
  container: 'NCCIS',
  records: 'YoungPersonsRecord',
  fileValues: { periodEnd: 'NCCIS/FileHeader/PeriodEnd' },
  expected:
    'an NCCIS file, <NCCIS><FileHeader><PeriodEnd>…</PeriodEnd></FileHeader><YoungPersonsRecord>…</YoungPersonsRecord></NCCIS>',
};

const STATUS_WORDS = new Set(neetStatuses.map((status) => looseKey(status)));

const knownColumns: readonly PresetColumn[] = [
  { field: 'dateAscertained', headers: ['Date Ascertained'], date: true, knownOnly: true },
  { field: 'gender', headers: ['Gender', 'Sex'], knownOnly: true },
  { field: 'academicAge', headers: ['Academic Age'], knownOnly: true },
  { field: 'cohortStatus', headers: ['Cohort Status'], knownOnly: true },
];

/**
 * The NCCIS table: a young person's id, date of birth and activity code, and the count date (a column, else the
 * `snapshotDate` option, else the file's `periodEnd` value), as `neet` records.
 *
 * @example nccisTable.columns.find((c) => c.field === 'status')?.headers[0] //=> 'Activity Code'
 */
export const nccisTable: TablePreset = {
  label: 'NCCIS activity codes',
  sheetNames: ['NCCIS', 'Activity', 'Activities'],
  otherSheets: 'first',
  xml: nccisXml,
  columns: [
    {
      field: 'personId',
      headers: [
        'Young Person ID',
        'YoungPersonsID',
        'YPID',
        'Young Persons ID',
        'Person ID',
        'NCCIS ID',
        'CCIS ID',
      ],
      required: true,
    },
    {
      field: 'dateOfBirth',
      headers: ['Date of Birth', 'DOB', 'DateOfBirth', 'Birth Date', 'PersonBirthDate'],
      date: true,
      required: true,
    },
    {
      field: 'status',
      headers: [
        'Activity Code',
        'ActivityCode',
        'Current Activity Code',
        'NCCIS Activity Code',
        'Activity',
        'Current Activity',
        'Status',
      ],
      required: true,
    },
    {
      field: 'snapshotDate',
      headers: [
        'Snapshot Date',
        'Count Date',
        'Month End Date',
        'Reporting Date',
        'Extract Date',
        'Period End',
        'PeriodEnd',
      ],
      date: true,
      required: true,
      optionalWith: 'snapshotDate',
      fromFile: 'periodEnd',
    },
    ...knownColumns,
  ],
  toRecords: (v, context) => {
    const codeMap = context.codeMap ?? nccisCodeMap;
    const record: Record<string, string> = {};
    if (v.personId !== undefined) record.personId = v.personId;
    if (v.dateOfBirth !== undefined) record.dateOfBirth = v.dateOfBirth;
    // The count date: the row's own, else the one the caller gives, else the file's period end (an NCCIS XML
    // header's PeriodEnd).
    const periodEnd = context.fileValues?.periodEnd;
    if (
      v.snapshotDate === undefined &&
      context.snapshotDate !== undefined &&
      typeof periodEnd === 'string' &&
      periodEnd !== context.snapshotDate
    ) {
      // The return says its own count date: another given would date its young people on a day it is not of.
      return {
        records: [],
        issues: [
          {
            code: 'invalid_value',
            field: 'snapshotDate',
            value: context.snapshotDate,
            message: `the count date given, ${context.snapshotDate}, is not this return's: its header's PeriodEnd is ${JSON.stringify(periodEnd)}`,
          },
        ],
      };
    }
    const snapshotDate =
      v.snapshotDate ?? context.snapshotDate ?? (typeof periodEnd === 'string' ? periodEnd : undefined);
    if (snapshotDate !== undefined) record.snapshotDate = snapshotDate;
    const code = v.status;
    if (code === undefined) return { records: [record] };
    // A status already written as a word (`NEET`) is read as it is; a code is placed by the map, and kept.
    if (STATUS_WORDS.has(looseKey(code))) record.status = code;
    else {
      const activityCode = nccisActivityCode(code);
      if (activityCode !== null) record.activityCode = activityCode;
      record.status = nccisStatusOf(code, codeMap) ?? code;
    }
    return {
      records: [record],
      messages: {
        status: `${JSON.stringify(code.trim())} is not an NCCIS activity code: expected a three-digit code of the NCCIS management information requirement (110 to 830), such as 230 (education), 540 (NEET), 710 (custody) or 810 (not known), or a status (EET, NEET, NOT_KNOWN, EXCLUDED)`,
      },
    };
  },
};
