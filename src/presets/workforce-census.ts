/**
 * The DfE children's social work workforce census (SPEC 12), as councils submit it (XML: `<Message><Header>…`,
 * `<LALevelVacancies>`, `<CSWWWorker>`…) or as its flattened CSV or workbook: `CSWWWorker` rows as worker records
 * (FTE, role, dates, agency, sickness, cases), and their `Cases30` counts (the cases each worker held on 30
 * September) as a ready-made caseload snapshot.
 * @module
 */
import type { AllocationRecord, WorkerRole } from '../records/schemas.js';
import type { XmlTokenizerOptions } from '../records/tokenize-xml.js';
import { type IsoDate, isIsoDate } from '../util/dates.js';
import type { PresetColumn, RowContext, RowValues, TablePreset } from './preset-reader.js';

/** The record kinds the workforce census gives. */
export type WorkforceCensusKind = 'worker' | 'allocation';

/**
 * The census's `OrgRole` codes and the role each is read as. Case holders are social workers and senior
 * practitioners advanced practitioners, the roles whose caseloads CASELOAD counts; first line managers are team
 * managers; senior and middle managers, and qualified social workers without cases, are `other`.
 *
 * @example workforceOrgRoles['5'] //=> { label: 'case holder', role: 'social-worker' }
 */
export const workforceOrgRoles: Readonly<
  Record<string, { readonly label: string; readonly role: WorkerRole }>
> = {
  '1': { label: 'senior manager', role: 'other' },
  '2': { label: 'middle manager', role: 'other' },
  '3': { label: 'first line manager', role: 'team-manager' },
  '4': { label: 'senior practitioner', role: 'advanced-practitioner' },
  '5': { label: 'case holder', role: 'social-worker' },
  '6': { label: 'qualified without cases', role: 'other' },
};

/**
 * The role of a workforce census `OrgRole` code.
 *
 * @param orgRole - the cell: `1` to `6` (also `5.0`, or `5 - case holder`).
 * @returns the role, or null for any other code.
 * @example workforceRoleOf('4') //=> 'advanced-practitioner'
 */
export function workforceRoleOf(orgRole: string): WorkerRole | null {
  const code = /^\s*(\d+)(?:\.0+)?(?:\D.*)?$/.exec(orgRole)?.[1];
  return code === undefined ? null : (workforceOrgRoles[String(Number(code))]?.role ?? null);
}

/** Options of {@link allocationsFromCases30}. */
export interface Cases30Options {
  /** The 30 September the counts were taken on: each case is an allocation open that day (from and to it). */
  readonly censusDate: IsoDate;
}

/** One worker's `Cases30` count. */
export interface Cases30Count {
  readonly workerId: string;
  /** The cases the worker held on the census date. */
  readonly cases30: number;
}

/**
 * Checks a workforce census date: a real 30 September.
 *
 * @param censusDate - the date given.
 * @returns nothing: it returns when the value is good, and throws otherwise.
 * @throws {RangeError} when it is not a date written `YYYY-09-30`.
 * @example
 * checkCensusDate('2023-09-30') //=> undefined
 * checkCensusDate('2023-09-29') //=> throws RangeError 'censusDate: the workforce census counts the cases held on 30 September, …'
 */
export function checkCensusDate(censusDate: unknown): asserts censusDate is IsoDate {
  if (!isIsoDate(censusDate) || !censusDate.endsWith('-09-30')) {
    throw new RangeError(
      `censusDate: the workforce census counts the cases held on 30 September, so expected a date written YYYY-09-30, got ${JSON.stringify(censusDate)}`,
    );
  }
}

/** The caseId of a worker's k-th census case. */
function censusCaseId(workerId: string, k: number): string {
  return `${workerId}#${k}`;
}

/**
 * Turns workforce census `Cases30` counts into allocations open on the census date, one per case, so that
 * CASELOAD with `snapshot` on that date counts them: it needs no change to read a census. The allocations stand
 * for counts, not real cases: their `caseId` is the worker's id and the case's number (`SW123#1`, `SW123#2`…), they
 * are open from and to the census date only, and a worker with `Cases30` 0 has none.
 *
 * @param counts - each worker's id and count.
 * @param options - `censusDate`, a 30 September.
 * @returns the allocations, worker by worker.
 * @throws {RangeError} when `censusDate` is not a 30 September, or a count is not a whole number of 0 or more.
 * @example
 * allocationsFromCases30([{ workerId: 'SW1', cases30: 2 }], { censusDate: '2023-09-30' })
 * //=> [{ caseId: 'SW1#1', workerId: 'SW1', allocatedFrom: '2023-09-30', allocatedTo: '2023-09-30' },
 * //    { caseId: 'SW1#2', workerId: 'SW1', allocatedFrom: '2023-09-30', allocatedTo: '2023-09-30' }]
 */
export function allocationsFromCases30(
  counts: readonly Cases30Count[],
  options: Cases30Options,
): AllocationRecord[] {
  checkCensusDate(options.censusDate);
  const allocations: AllocationRecord[] = [];
  for (const { workerId, cases30 } of counts) {
    if (!Number.isInteger(cases30) || cases30 < 0) {
      throw new RangeError(
        `cases30 of ${JSON.stringify(workerId)}: expected a whole number of 0 or more, got ${JSON.stringify(cases30)}`,
      );
    }
    for (let k = 1; k <= cases30; k++) {
      allocations.push({
        caseId: censusCaseId(workerId, k),
        workerId,
        allocatedFrom: options.censusDate,
        allocatedTo: options.censusDate,
      });
    }
  }
  return allocations;
}

/**
 * Where the workforce census's records are in the XML councils submit: each `CSWWWorker` element of the `Message`,
 * with the header's `ReferenceDate` (the census date, a 30 September) and `LALevelVacancies/NumberOfVacancies` (the
 * vacancies, in FTE, on that date) as file values `referenceDate` and `vacancies`.
 * @example workforceCensusXml.records //=> 'CSWWWorker'
 */
export const workforceCensusXml: XmlTokenizerOptions = {
  container: 'Message',
  records: 'CSWWWorker',
  fileValues: {
    referenceDate: 'Message/Header/CollectionDetails/ReferenceDate',
    vacancies: 'Message/LALevelVacancies/NumberOfVacancies',
  },
  expected:
    'a workforce census file, <Message><Header>…<ReferenceDate>…</Header><LALevelVacancies>…</LALevelVacancies><CSWWWorker>…</CSWWWorker></Message>',
};

/** Census items no indicator reads: known, so that the header row is found, but read into no record. */
const knownOnlyColumns = (headers: readonly string[]): PresetColumn[] =>
  headers.map((header) => ({ field: header, headers: [header], knownOnly: true }));

const knownColumns: readonly PresetColumn[] = knownOnlyColumns([
  'PersonBirthDate',
  'GenderCurrent',
  'Ethnicity',
  'QualInst',
  'StepUpGrad',
  'StartOrigin',
  'ContractWeeks',
  'FrontlineGrad',
  'Absat30Sept',
  'ReasonAbsence',
  'CFKSSstatus',
  'LeaverDestination',
  'ReasonLeave',
]);

const workerIdColumn: PresetColumn = {
  field: 'workerId',
  headers: ['SWENo', 'SWE Number', 'Social Work England Number', 'SWE Registration Number', 'Worker ID'],
  required: true,
};

const orgRoleColumn: PresetColumn = {
  field: 'orgRole',
  headers: ['OrgRole', 'Organisational Role', 'Org Role'],
};

const fte30Column: PresetColumn = {
  field: 'fte30',
  headers: ['FTE30', 'FTE at 30 September', 'FTE as at 30 September'],
  required: true,
  orColumn: 'fteOther',
  gives: ['fte'],
};

const fteColumn: PresetColumn = {
  field: 'fteOther',
  headers: ['FTE', 'Full Time Equivalent'],
  gives: ['fte'],
};

const agencyColumn: PresetColumn = { field: 'agency', headers: ['AgencyWorker', 'Agency Worker', 'Agency'] };

const daysLostColumn: PresetColumn = {
  field: 'workingDaysLost',
  headers: ['WorkingDaysLost', 'Working Days Lost', 'Days Lost'],
};

const casesColumn: PresetColumn = {
  field: 'cases',
  headers: ['Cases30', 'Cases on 30 September', 'Cases at 30 September'],
};

const COUNT = /^\s*(\d+)(?:\.0+)?\s*$/;

/**
 * A worker's FTE (SPEC 12): for a worker in post, `FTE30` (the census's "FTE at 30 September"), else `FTE`; for a
 * leaver (a `RoleEndDate` given), `FTE` (their FTE while in post: they have none on 30 September), else `FTE30`.
 */
function fteOf(v: RowValues): string | undefined {
  return v.endDate === undefined ? (v.fte30 ?? v.fteOther) : (v.fteOther ?? v.fte30);
}

const workerTable: TablePreset = {
  label: 'the workforce census (CSWWWorker)',
  sheetNames: ['CSWWWorker', 'Worker', 'Workers'],
  otherSheets: 'first',
  xml: workforceCensusXml,
  columns: [
    workerIdColumn,
    fte30Column,
    fteColumn,
    orgRoleColumn,
    { field: 'startDate', headers: ['RoleStartDate', 'Role Start Date'], date: true },
    { field: 'endDate', headers: ['RoleEndDate', 'Role End Date'], date: true },
    { field: 'team', headers: ['Team', 'Team Name'] },
    agencyColumn,
    daysLostColumn,
    casesColumn,
    ...knownColumns,
  ],
  toRecords: (v) => {
    const record: Record<string, string> = {};
    for (const field of [
      'workerId',
      'team',
      'startDate',
      'endDate',
      'agency',
      'workingDaysLost',
      'cases',
    ] as const) {
      const value = v[field];
      if (value !== undefined) record[field] = value;
    }
    const fte = fteOf(v);
    if (fte !== undefined) record.fte = fte;
    // A blank OrgRole (optional in the census) is an unknown role: no `role`, not an error.
    const role = v.orgRole === undefined ? undefined : (workforceRoleOf(v.orgRole) ?? v.orgRole);
    if (role !== undefined) record.role = role;
    return {
      records: [record],
      messages: {
        ...(v.orgRole === undefined
          ? {}
          : {
              role: `OrgRole ${JSON.stringify(v.orgRole.trim())} is not a workforce census role code: expected 1 (senior manager), 2 (middle manager), 3 (first line manager), 4 (senior practitioner), 5 (case holder) or 6 (qualified without cases), or a blank cell (role not known)`,
            }),
        ...(v.agency === undefined
          ? {}
          : {
              agency: `AgencyWorker ${JSON.stringify(v.agency.trim())} is not a yes/no value: the census writes 1 (an agency worker) or 0 (employed by the council)`,
            }),
      },
    };
  },
};

/**
 * The census date of a row's allocations: the option, else the file's `ReferenceDate`; or why there is none (also an
 * option that contradicts the header).
 */
function censusDateOf(context: RowContext): { readonly date: IsoDate } | { readonly problem: string } {
  const reference = context.fileValues?.referenceDate;
  if (context.censusDate !== undefined) {
    // A census XML says its own day: a date given that is not it would date one year's cases as another's.
    if (reference !== undefined && String(reference) !== context.censusDate) {
      return {
        problem: `the census date given, ${context.censusDate}, is not this census's: its header's ReferenceDate is ${JSON.stringify(String(reference))}, the day its Cases30 counts`,
      };
    }
    return { date: context.censusDate };
  }
  if (reference === undefined) {
    return {
      problem:
        'no census date: Cases30 counts the cases held on 30 September of the census year, and this file does not say which (a CSV or workbook has no header): give the census date (censusDate; on the command line, the 30 September ending --period or given as --snapshot), or read the census XML, whose header has ReferenceDate',
    };
  }
  const written = String(reference);
  if (!isIsoDate(written) || !written.endsWith('-09-30')) {
    return {
      problem: `the census header's ReferenceDate ${JSON.stringify(written)} is not a 30 September written YYYY-09-30, so the day Cases30 counts is not known: give the census date (censusDate, or --snapshot)`,
    };
  }
  return { date: written };
}

const allocationTable: TablePreset = {
  label: 'the workforce census (CSWWWorker, Cases30)',
  sheetNames: workerTable.sheetNames,
  otherSheets: 'first',
  xml: workforceCensusXml,
  columns: [
    workerIdColumn,
    { ...casesColumn, field: 'cases30', required: true },
    { ...fte30Column, required: false, knownOnly: true },
    { ...fteColumn, knownOnly: true },
    { ...orgRoleColumn, knownOnly: true },
    { field: 'startDate', headers: ['RoleStartDate', 'Role Start Date'], date: true, knownOnly: true },
    { field: 'endDate', headers: ['RoleEndDate', 'Role End Date'], date: true, knownOnly: true },
    { ...agencyColumn, knownOnly: true },
    { ...daysLostColumn, knownOnly: true },
    ...knownColumns,
  ],
  toRecords: (v: RowValues, context) => {
    if (v.cases30 === undefined) {
      return {
        records: [],
        skip: { reason: 'no-cases30', message: 'Cases30 is blank: no caseload is recorded for 30 September' },
      };
    }
    const count = COUNT.exec(v.cases30)?.[1];
    if (count === undefined) {
      return {
        records: [],
        issues: [
          {
            code: 'invalid_value',
            field: 'cases30',
            value: v.cases30,
            message: `Cases30 ${JSON.stringify(v.cases30.trim())} is not a number of cases: expected a whole number, 0 or more`,
          },
        ],
      };
    }
    const workerId = v.workerId?.trim() ?? '';
    if (Number(count) === 0) {
      return {
        records: [],
        skip: { reason: 'no-cases30', message: 'Cases30 is 0: the worker held no cases on 30 September' },
      };
    }
    if (workerId === '') {
      return {
        records: [],
        issues: [
          {
            code: 'missing_field',
            field: 'workerId',
            value: null,
            message: `workerId (SWENo) is required to hold the row's ${count} cases, but the cell is blank`,
          },
        ],
      };
    }
    const census = censusDateOf(context);
    if ('problem' in census) {
      return {
        records: [],
        issues: [{ code: 'missing_field', field: 'allocatedFrom', value: null, message: census.problem }],
      };
    }
    const records: Record<string, string>[] = [];
    for (let k = 1; k <= Number(count); k++) {
      records.push({
        caseId: censusCaseId(workerId, k),
        workerId,
        allocatedFrom: census.date,
        allocatedTo: census.date,
      });
    }
    return { records };
  },
};

/**
 * The workforce census tables, by the record kind each gives: `worker` (one per `CSWWWorker` row) and
 * `allocation` (one per case of each row's `Cases30`, open on the census date).
 *
 * @example workforceCensusTables.worker.columns[0].headers[0] //=> 'SWENo'
 */
export const workforceCensusTables: { readonly [K in WorkforceCensusKind]: TablePreset } = {
  worker: workerTable,
  allocation: allocationTable,
};
