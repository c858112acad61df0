import { describe, expect, it } from 'vitest';
import { recordSpecs } from '../../src/records/fields.js';
import { createFieldResolver, matchHeaders, otherKindOfHeader } from '../../src/records/headers.js';
import { recordKinds, recordSchemas } from '../../src/records/schemas.js';

describe('recordSpecs', () => {
  it('lists exactly the fields of each schema', () => {
    // The field table drives reading; the zod schema is the final check: they must name the same fields.
    for (const kind of recordKinds) {
      expect(recordSpecs[kind].fields.map((f) => f.name).sort(), kind).toEqual(
        Object.keys(recordSchemas[kind].shape).sort(),
      );
    }
  });
});

describe('createFieldResolver', () => {
  it('matches canonical names ignoring case, spaces, underscores and hyphens', () => {
    const resolve = createFieldResolver('initial-assessment');
    // Each of these names referralDate once case and punctuation are dropped.
    for (const header of [
      'referralDate',
      'Referral Date',
      'referral_date',
      'REFERRAL-DATE',
      ' referral date ',
    ]) {
      expect(resolve(header), header).toBe('referralDate');
    }
    expect(resolve('Gender')).toBeNull();
  });

  it('renames other headers with a column map, matched the same loose way', () => {
    const resolve = createFieldResolver('initial-assessment', { 'Date of referral': 'referralDate' });
    expect(resolve('Date of referral')).toBe('referralDate');
    expect(resolve('DATE OF REFERRAL')).toBe('referralDate');
  });

  it('ignores a header mapped to a field of another kind, so one map serves every export', () => {
    // fte is a worker field: in an initial-assessment file the FTE column is not read.
    const resolve = createFieldResolver('initial-assessment', { FTE: 'fte', Child: 'childId' });
    expect(resolve('FTE')).toBeNull();
    expect(resolve('Child')).toBe('childId');
  });

  it('throws a TypeError for a map naming no field of any kind (a typing error in the map)', () => {
    expect(() => createFieldResolver('referral', { 'Date of referral': 'refferalDate' })).toThrow(
      new TypeError(
        'columnMap: "Date of referral" maps to "refferalDate", which is not a field of any record kind; the fields of referral are id, childId, referralDate, cafCompleted, source, team, referralsInLast12Months',
      ),
    );
    expect(() => createFieldResolver('referral', { x: 3 } as never)).toThrow(TypeError);
    expect(() => createFieldResolver('referral', ['id'] as never)).toThrow(TypeError);
  });
});

describe('matchHeaders', () => {
  it('gives the field of each column and lists the ignored ones', () => {
    const match = matchHeaders('referral', ['ID', 'Child ID', 'Referral Date', 'Gender', '']);
    expect(match.fields).toEqual(['id', 'childId', 'referralDate', null, null]);
    // The blank header is neither used nor listed as ignored.
    expect(match.columns.ignored).toEqual(['Gender']);
    expect(match.issues).toEqual([]);
  });

  it('reports each missing required column with the headers found and the fields expected', () => {
    const match = matchHeaders('referral', ['ID', 'Child', 'Date'], { headerRow: 3 });
    // childId and referralDate are required; "Child" and "Date" are not their names.
    expect(match.issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['missing_column', 3, 'childId'],
      ['missing_column', 3, 'referralDate'],
    ]);
    expect(match.issues[1]?.message).toBe(
      'no column gives referralDate, a required field of referral records. Headers found: "ID", "Child", "Date". Fields expected: id, childId, referralDate, cafCompleted (optional), source (optional), team (optional), referralsInLast12Months (optional). Rename the column, or map it with a column map',
    );
  });

  it('does not require a column for a field with a default (cp-conference type)', () => {
    const match = matchHeaders('cp-conference', ['id', 'childId', 'conferenceDate']);
    expect(match.issues).toEqual([]);
  });

  it('reports two columns giving one field', () => {
    const match = matchHeaders('referral', ['id', 'childId', 'Referral Date', 'referral_date']);
    expect(match.issues).toEqual([
      {
        code: 'duplicate_column',
        severity: 'error',
        row: 1,
        field: 'referralDate',
        value: 'referral_date',
        message:
          'columns "Referral Date" (column 3) and "referral_date" (column 4) both give referralDate: remove one, or rename it in a column map',
      },
    ]);
  });
});

describe('otherKindOfHeader', () => {
  it('finds the kind a header fits better, through the column map too', () => {
    // "Date Completed" and "Worker" mapped to initial-assessment fields by one map for every export: read as
    // referrals they are ignored; the header gives 6 initial-assessment fields and 4 referral ones.
    const headers = ['ID', 'Child', 'Referral Date', 'Date Completed', 'Team', 'Worker'];
    const map = { Child: 'childId', 'Date Completed': 'completedDate', Worker: 'workerId' };
    expect(otherKindOfHeader('referral', headers, map)).toEqual({
      kind: 'initial-assessment',
      ignored: ['Date Completed', 'Worker'],
      fits: 6,
      fitsRead: 4,
      ownOptional: ['cafCompleted', 'source', 'referralsInLast12Months'],
    });
    // Read as what it is: nothing fits it better.
    expect(otherKindOfHeader('initial-assessment', headers, map)).toBeUndefined();
    // A column only referrals have: a referrals file, whatever else it carries.
    expect(otherKindOfHeader('referral', [...headers, 'Source'], map)).toBeUndefined();
  });
});
