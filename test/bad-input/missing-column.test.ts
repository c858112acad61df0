// SPEC 13 "Columns an indicator needs": a file with no column for an indicator's event date, or for the start date
// its options choose, is refused (missing_column, exit 1), naming the file, the field and the headers found, in
// compute, spc and report. Before: a mis-mapped completion date gave NI59 "n/a (0 of 0)" with exit 0.
import { describe, expect, it } from 'vitest';
import { badInputs, expectRefused } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';

const files = badInputs('missing-column');

// The export calls the completion date "Completion Date"; the map says "Date Completed", so no column gives
// completedDate. Two assessments, both completed in October 2010: the truth is 1 of 2 (IA1 in 2 working days,
// IA2 in 13).
const ia = files.write(
  'ia.csv',
  'Ref,Child,Referral Date,Completion Date\nIA1,C1,01/10/2010,05/10/2010\nIA2,C2,01/10/2010,20/10/2010\n',
);
const map = files.write(
  'map.json',
  JSON.stringify({
    Ref: 'id',
    Child: 'childId',
    'Referral Date': 'referralDate',
    'Date Completed': 'completedDate',
  }),
);
const headers = '"Ref", "Child", "Referral Date", "Completion Date"';
const missingCompletion = `${ia}: completedDate: no column gives completedDate, which NI59 needs as its event date: NI59 cannot be computed from this file. Headers found: ${headers}. Rename the column, or map it with a column map [missing_column]`;
const unmatchedKey = `${ia}: the column map key "Date Completed" (for completedDate) matches no header of the file, so completedDate is not read from it: headers found: ${headers} [unmatched_map_key]`;

describe('compute: an indicator whose column the file lacks', () => {
  it('refuses NI59 from a mis-mapped completion date (exit 1), naming the file, the field and the headers', () => {
    const run = runBuiltCli(['compute', 'NI59', '--input', ia, '--map', map, '--period', '2010-10']);
    // No figure is printed: not "n/a (0 of 0)" with exit 0. The map key that matched nothing is listed with it.
    expectRefused(run, 1);
    expect(run.stderr).toBe(
      `cs-indicators compute: ${ia}: input refused (1 issue and 1 warning, NI59 cannot be computed)\n  ${missingCompletion}\n  ${unmatchedKey}\n`,
    );
  });

  it('computes the same file once the map names the column: 1 of 2', () => {
    const fixed = files.write(
      'fixed-map.json',
      JSON.stringify({
        Ref: 'id',
        Child: 'childId',
        'Referral Date': 'referralDate',
        'Completion Date': 'completedDate',
      }),
    );
    const run = runBuiltCli(['compute', 'NI59', '--input', ia, '--map', fixed, '--period', '2010-10']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    // IA1: Fri 1 to Tue 5 October, 2 working days; IA2: to Wed 20 October, 13: over 7.
    expect([result.numerator, result.denominator, result.display]).toEqual([1, 2, '50.0%']);
  });

  it('refuses CPC15 when the column of the chosen start event is missing, and computes from another start', () => {
    // No strategyDiscussionDate column: the default start (strategy-discussion) cannot be counted.
    const conferences = files.write(
      'conferences.csv',
      'id,childId,type,s47StartDate,conferenceDate\nCP-1,C1,initial,2010-12-13,2011-01-05\nCP-2,C2,initial,2010-12-20,2011-01-06\n',
    );
    const run = runBuiltCli(['compute', 'CPC15', '--input', conferences, '--period', '2011-01']);
    expectRefused(run, 1);
    expect(run.stderr).toContain(
      `${conferences}: strategyDiscussionDate: no column gives strategyDiscussionDate, which CPC15 needs as its start date (startEvent strategy-discussion): CPC15 cannot be computed from this file. Headers found: "id", "childId", "type", "s47StartDate", "conferenceDate". Rename the column, or map it with a column map [missing_column]`,
    );
    // From the section 47 start, which the file has: CP-1 Mon 13 Dec to Wed 5 Jan is 14 working days (27, 28
    // December and 3 January are bank holidays), CP-2 Mon 20 Dec to Thu 6 Jan 10: both within 15.
    const s47 = runBuiltCli([
      'compute',
      'CPC15',
      '--input',
      conferences,
      '--period',
      '2011-01',
      '--start-event',
      's47-start',
    ]);
    expect(s47.code).toBe(0);
    expect(JSON.parse(s47.stdout)).toMatchObject({ numerator: 2, denominator: 2 });
  });

  it('names the fields found for a JSON file, which has no headers', () => {
    // CAF_CLOSED counts successful closures: without closureReason every CAF would count as unsuccessful (0).
    const cafs = files.write(
      'caf.json',
      JSON.stringify([{ id: 'CAF1', designatedDate: '2010-09-01', closedDate: '2010-10-04' }]),
    );
    const run = runBuiltCli(['compute', 'CAF_CLOSED', '--input', cafs, '--period', '2010-10']);
    expectRefused(run, 1);
    expect(run.stderr).toContain(
      `${cafs}: closureReason: no column gives closureReason, which CAF_CLOSED needs as its closure reason: CAF_CLOSED cannot be computed from this file. Fields found: "id", "designatedDate", "closedDate".`,
    );
  });
});

describe('spc: the same check, before any month is computed', () => {
  it('refuses NI59 by month from the mis-mapped file (exit 1)', () => {
    const run = runBuiltCli(['spc', 'NI59', '--input', ia, '--map', map, '--period', '2010-04..2011-03']);
    expectRefused(run, 1);
    expect(run.stderr).toContain(missingCompletion);
  });
});

describe('report: the same check, per input and indicator', () => {
  it('refuses the report (exit 1), naming the input, the field, the indicator and the headers', () => {
    files.write(
      'report-map.json',
      JSON.stringify({
        Ref: 'id',
        Child: 'childId',
        'Referral Date': 'referralDate',
        'Date Completed': 'completedDate',
      }),
    );
    const config = files.write(
      'return.json',
      JSON.stringify({
        financialYear: 'FY2010',
        inputs: { 'initial-assessment': 'ia.csv' },
        columnMaps: { 'initial-assessment': 'report-map.json' },
        indicators: ['NI59'],
      }),
    );
    const run = runBuiltCli(['report', '--config', config, '--format', 'json']);
    expectRefused(run, 1);
    expect(run.stderr).toBe(
      `cs-indicators report: input refused (1 issue and 1 warning)\n  ${missingCompletion}\n  ${unmatchedKey}\n`,
    );
  });
});
