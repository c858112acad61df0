import { describe, expect, it } from 'vitest';
import { missingColumnIssues, neededColumns } from '../../src/indicators/needed-columns.js';
import { indicatorIds, indicators } from '../../src/indicators/registry.js';
import type { IndicatorDefinition } from '../../src/indicators/types.js';
import { recordSpecs } from '../../src/records/fields.js';
import type { RecordKind } from '../../src/records/schemas.js';

const definitions = indicatorIds.map((id) => indicators[id] as IndicatorDefinition);

describe('IndicatorDefinition.needs', () => {
  it('names, for every indicator, its event date among the columns of its own records', () => {
    // The event date places a record in a period: without its column no record is ever in one. The workforce
    // figures are not placed so: each is taken at a reference date R, a worker without a start date having been in
    // post since before it (SPEC 17); what they need is checked in the next test.
    for (const definition of definitions) {
      if (definition.recordKind === 'worker') continue;
      const own = neededColumns(definition).filter((column) => column.records === undefined);
      expect(
        own.map((column) => column.field),
        definition.id,
      ).toContain(definition.eventDate);
    }
  });

  it('names the fields without which a workforce figure is silently wrong', () => {
    // No endDate column: no leaver, turnover 0%. No agency column: every worker agency-unknown. No workingDaysLost
    // column: every worker days-lost-unknown.
    const fields = (id: string) =>
      neededColumns(indicators[id as 'WF_TURNOVER']).map((column) => column.field);
    expect(fields('WF_TURNOVER')).toEqual(['endDate']);
    expect(fields('WF_AGENCY')).toEqual(['agency']);
    expect(fields('WF_VACANCY')).toEqual(['agency']);
    expect(fields('WF_ABSENCE')).toEqual(['workingDaysLost', 'agency']);
  });

  it('names only fields of the record kind each column is read from', () => {
    for (const definition of definitions) {
      for (const column of definition.needs) {
        const kind =
          column.records === undefined
            ? (definition.recordKind as RecordKind)
            : definition.options.find((option) => option.name === column.records)?.kind;
        expect(kind, `${definition.id} ${column.field}`).toBeDefined();
        const fields = recordSpecs[kind as RecordKind].fields.map((field) => field.name);
        expect(fields, `${definition.id} ${column.field}`).toContain(column.field);
      }
    }
  });
});

describe('neededColumns', () => {
  it("takes CPC15's start column from its start event, the default being the strategy discussion", () => {
    const cpc15 = indicators.CPC15 as IndicatorDefinition;
    const fields = (options: Record<string, unknown>) => neededColumns(cpc15, options).map((c) => c.field);
    expect(fields({})).toEqual(['conferenceDate', 'strategyDiscussionDate']);
    expect(fields({ startEvent: 's47-start' })).toEqual(['conferenceDate', 's47StartDate']);
    expect(fields({ startEvent: 'referral' })).toEqual(['conferenceDate', 'referralDate']);
  });

  it("needs ASSESS45's referrals' dates only when it counts from the referral", () => {
    const assess45 = indicators.ASSESS45 as IndicatorDefinition;
    expect(neededColumns(assess45).map((c) => [c.kind, c.field])).toEqual([
      ['assessment', 'completedDate'],
      ['assessment', 'startDate'],
      ['referral', 'referralDate'],
    ]);
    expect(neededColumns(assess45, { from: 'assessment-start' }).map((c) => [c.kind, c.field])).toEqual([
      ['assessment', 'completedDate'],
      ['assessment', 'startDate'],
    ]);
  });
});

describe('missingColumnIssues', () => {
  it('gives one missing_column issue per column the file lacks, naming the file, field and headers found', () => {
    const ni59 = indicators.NI59 as IndicatorDefinition;
    const issues = missingColumnIssues(
      ni59,
      {},
      {
        own: {
          file: 'ia.csv',
          fieldsPresent: ['id', 'childId'],
          headers: ['Ref', 'Child', 'Referred', 'Completed'],
        },
      },
    );
    // Neither the completion (the event date) nor the referral (the start) has a column.
    expect(issues.map((issue) => [issue.code, issue.severity, issue.row, issue.field, issue.file])).toEqual([
      ['missing_column', 'error', 0, 'completedDate', 'ia.csv'],
      ['missing_column', 'error', 0, 'referralDate', 'ia.csv'],
    ]);
    expect(issues[1]?.message).toBe(
      'no column gives referralDate, which NI59 needs as its start date: NI59 cannot be computed from this file. Headers found: "Ref", "Child", "Referred", "Completed". Rename the column, or map it with a column map',
    );
  });

  it('checks the file of a records option by its option name (CASELOAD workers)', () => {
    const caseload = indicators.CASELOAD as IndicatorDefinition;
    const issues = missingColumnIssues(
      caseload,
      {},
      {
        own: { file: 'allocations.csv', fieldsPresent: ['caseId', 'workerId', 'allocatedFrom'] },
        records: { workers: { file: 'workers.json', fieldsPresent: ['workerId', 'role'] } },
      },
    );
    expect(issues.map((issue) => [issue.file, issue.field])).toEqual([['workers.json', 'fte']]);
    expect(issues[0]?.message).toContain('Fields found: "workerId", "role".');
  });

  it('gives none when every needed column is there', () => {
    const ni60 = indicators.NI60 as IndicatorDefinition;
    const own = { file: 'ca.csv', fieldsPresent: ['id', 'childId', 'startDate', 'completedDate'] };
    expect(missingColumnIssues(ni60, {}, { own })).toEqual([]);
  });
});
