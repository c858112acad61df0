import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import { runBuiltCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

// test/fixtures/compute/initial-assessments.csv holds the hand-worked NI59 records of test/indicators/ni59.test.ts
// (IA-01 … IA-10, IA-02 in UK dates) and IA-11, whose referral date 31/02/2011 is impossible.
const ia = fixturePath('compute', 'initial-assessments.csv');
const octToMar = ['--period', '2010-10..2011-03'];

function computeJson(...args: string[]) {
  const run = runBuiltCli(['compute', ...args]);
  expect(run.code).toBe(0);
  return { result: JSON.parse(run.stdout), stderr: run.stderr };
}

describe('cs-indicators compute NI59', () => {
  it('prints one JSON object, field by field, and reports the rejected row on stderr', () => {
    const { result, stderr } = computeJson('NI59', '--input', ia, ...octToMar);
    // In the period: IA-01, IA-02 (Dec to 4 Jan), IA-05, IA-06 (October); IA-02 took 9 working days.
    expect(result.indicator).toBe('NI59');
    expect(result.period).toEqual({
      start: '2010-10-01',
      end: '2011-03-31',
      label: 'October 2010 to March 2011',
    });
    expect(result.numerator).toBe(3);
    expect(result.denominator).toBe(4);
    expect(result.value).toBe('75');
    expect(result.display).toBe('75.0%');
    expect(result.rule).toEqual({
      rules: 'ni2008',
      timescale: '7 working days',
      convention: 'after-start',
      from: 'referralDate',
      to: 'completedDate',
    });
    expect(result.calendar).toEqual({ id: 'england-and-wales', fingerprint: createCalendar().fingerprint });
    // 10 records accepted: 4 in the population, 5 completed outside it, IA-08 open; IA-11 rejected on reading.
    expect(result.counts).toEqual({
      recordsRead: 10,
      inPopulation: 4,
      counted: 3,
      notCounted: 1,
      notInPeriod: 5,
      excluded: { 'not-completed': 1 },
      rowsRejected: 1,
    });
    expect(result.outcomes).toBeUndefined();
    expect(stderr).toContain('initial-assessments.csv:12: referralDate "31/02/2011"');
    expect(stderr).toContain('[invalid_date]');
    expect(stderr).toContain('11 rows read = 10 accepted + 1 rejected');
  });

  it('applies --rules wt2010 (IA-02 within 10 days), --timescale and --convention', () => {
    expect(computeJson('NI59', '--input', ia, ...octToMar, '--rules', 'wt2010').result.display).toBe(
      '100.0%',
    );
    // 4 days: IA-01 (5), IA-02 (9), IA-05 (7), IA-06 (7) are all late.
    expect(computeJson('NI59', '--input', ia, ...octToMar, '--timescale', '4').result.numerator).toBe(0);
    // NETWORKDAYS: IA-01 6, IA-02 10, IA-05 7, IA-06 8: 2 of 4.
    const inclusive = computeJson('NI59', '--input', ia, ...octToMar, '--convention', 'inclusive').result;
    expect([inclusive.numerator, inclusive.display, inclusive.rule.convention]).toEqual([
      2,
      '50.0%',
      'inclusive',
    ]);
  });

  it('counts on --closures and --calendar files, and names the calendar', () => {
    // Closing 29-31 Dec 2010: IA-02 takes 20-24 Dec (5) and 4 Jan (6), on time.
    const closures = fixturePath('compute', 'closures.json');
    const closed = computeJson('NI59', '--input', ia, ...octToMar, '--closures', closures).result;
    expect([closed.display, closed.calendar.id]).toEqual(['100.0%', 'england-and-wales+local']);
    // The same file as the whole list covers 2010 alone (the year of its dates): October 2010 to March 2011 would
    // count 3 January 2011 as a working day on a list that says nothing of 2011. Refused, naming the first day needed.
    const custom = runBuiltCli(['compute', 'NI59', '--input', ia, ...octToMar, '--calendar', closures]);
    expect(custom.code).toBe(1);
    expect(custom.stderr).toBe(
      `cs-indicators compute: the holiday list ${closures} covers 2010-01-01 to 2010-12-31, but October 2010 to March 2011 (2010-10-01 to 2011-03-31) needs 2011-01-01, after it: its holidays there are not known, so a working day cannot be told from a holiday; give a holiday list that covers the days counted, or none for the bundled bank holidays\n`,
    );
  });

  it('breaks down --by team, worker and month, each group a result', () => {
    const team = computeJson('NI59', '--input', ia, ...octToMar, '--by', 'team').result;
    expect(team.by).toBe('team');
    expect(team.total.display).toBe('75.0%');
    // East: IA-01, IA-05 on time. West: IA-06 on time, IA-02 late. (none): nothing in the period.
    expect(
      team.groups.map((g: { group: string; numerator: number; denominator: number }) => [
        g.group,
        g.numerator,
        g.denominator,
      ]),
    ).toEqual([
      ['East', 2, 2],
      ['West', 1, 2],
      ['(none)', 0, 0],
    ]);
    expect(team.groups[0].calendar.id).toBe('england-and-wales');
    const worker = computeJson('NI59', '--input', ia, ...octToMar, '--by', 'worker').result;
    expect(worker.groups.map((g: { group: string; display: string }) => [g.group, g.display])).toEqual([
      ['W1', '100.0%'],
      ['W2', '0.0%'],
      ['(none)', '100.0%'],
    ]);
    const month = computeJson('NI59', '--input', ia, ...octToMar, '--by', 'month').result;
    expect(
      month.groups.map(
        (g: { group: string; numerator: number; denominator: number }) =>
          `${g.group} ${g.numerator}/${g.denominator}`,
      ),
    ).toEqual(['2010-10 2/2', '2010-11 0/0', '2010-12 0/0', '2011-01 1/2', '2011-02 0/0', '2011-03 0/0']);
  });

  it('writes one audit line per row with --audit, each naming the period, rule, convention and calendar', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-audit-'));
    const audit = join(dir, 'audit.csv');
    computeJson('NI59', '--input', ia, ...octToMar, '--audit', audit);
    const lines = readFileSync(audit, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(
      'indicator,id,row,bucket,in_population,counted,reason,start_date,event_date,days,deadline,on_time,team,worker_id,period_start,period_end,rule,convention,calendar_id,calendar_fingerprint,input_file,input_sha256,input_encoding',
    );
    // The header, the 10 accepted records and the rejected row 12: one line for each of the file's 11 rows.
    expect(lines).toHaveLength(12);
    // Every line ends with the input: the file as named, the SHA-256 of its bytes (as sha256sum gives it), UTF-8.
    const sha256 = createHash('sha256').update(readFileSync(ia)).digest('hex');
    const context = `,2010-10-01,2011-03-31,rules=ni2008; timescale=7 working days; convention=after-start; from=referralDate; to=completedDate,after-start,england-and-wales,fnv1a64:145a5957c18318d5,${ia},${sha256},utf-8`;
    // IA-02 is on line 3 of the file; 7 working days after Fri 17 Dec end on Thu 30 Dec.
    expect(lines).toContain(
      `NI59,IA-02,3,not-counted,true,false,over 7 working days,2010-12-17,2011-01-04,9,2010-12-30,false,West,W2${context}`,
    );
    expect(lines).toContain(`NI59,IA-08,9,excluded,false,false,not-completed,,,,,,,${context}`);
    // Row 12 (IA-11, referred on 31/02/2011) was rejected on reading: it is in the audit, in row order, last.
    expect(lines[11]).toBe(`NI59,IA-11,12,rejected,false,false,invalid_date referralDate,,,,,,,${context}`);
  });

  it('prints CSV and a table', () => {
    const csv = runBuiltCli(['compute', 'NI59', '--input', ia, ...octToMar, '--format', 'csv'])
      .stdout.trimEnd()
      .split('\n');
    expect(csv[0]?.split(',').slice(0, 9)).toEqual([
      'indicator',
      'group',
      'period_start',
      'period_end',
      'period_label',
      'numerator',
      'denominator',
      'value',
      'display',
    ]);
    expect(csv[1]).toMatch(/^NI59,,2010-10-01,2011-03-31,October 2010 to March 2011,3,4,75,75\.0%,/);
    const table = runBuiltCli(['compute', 'NI59', '--input', ia, ...octToMar, '--format', 'table']).stdout;
    expect(table).toContain('Value       75.0% (3 of 4)');
    expect(table).toContain('Calendar    england-and-wales (fnv1a64:');
  });

  it('refuses the input with --strict, listing every issue (exit 1)', () => {
    const run = runBuiltCli(['compute', 'NI59', '--input', ia, ...octToMar, '--strict']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('input refused');
    expect(run.stderr).toContain(':12: referralDate "31/02/2011"');
  });

  it('reads renamed headers with --map and US dates with --date-format mdy', () => {
    const us = fixturePath('compute', 'initial-assessments-us.csv');
    const map = fixturePath('compute', 'us-map.json');
    // 12/23/2010 to 01/04/2011 is IA-01 again: the same 3 of 4 as the UK file.
    const { result } = computeJson('NI59', '--input', us, '--map', map, '--date-format', 'mdy', ...octToMar);
    expect([result.numerator, result.denominator, result.counts.rowsRejected]).toEqual([3, 4, 0]);
    // Read as UK dates, 12/23/2010 has no 23rd month: those rows are rejected, the rest still computed.
    const uk = runBuiltCli(['compute', 'NI59', '--input', us, '--map', map, ...octToMar]);
    expect(uk.code).toBe(0);
    expect(JSON.parse(uk.stdout).counts.rowsRejected).toBeGreaterThan(0);
  });

  it('takes the period from the records when --period is left out', () => {
    // Completion dates run from 2010-04-09 (IA-07) to 2011-05-09 (IA-04).
    const { result } = computeJson('NI59', '--input', ia);
    expect(result.period).toMatchObject({ start: '2010-04-01', end: '2011-05-31' });
    expect(result.counts.notInPeriod).toBe(0);
  });
});

describe('cs-indicators compute CPC15', () => {
  const cp = fixturePath('compute', 'conferences.csv');
  const period = ['--period', '2010-12..2011-01'];

  it('counts from the strategy discussion by default and from --start-event when asked', () => {
    // See test/indicators/timeliness.test.ts: 1 of 2 (CP-04 has no strategy discussion), 3 of 3 from the s47 start.
    const strategy = computeJson('CPC15', '--input', cp, ...period).result;
    expect([strategy.numerator, strategy.denominator]).toEqual([1, 2]);
    expect(strategy.counts.excluded).toEqual({ 'missing-strategyDiscussionDate': 1, 'review-conference': 1 });
    const s47 = computeJson('CPC15', '--input', cp, ...period, '--start-event', 's47-start').result;
    expect([s47.display, s47.rule.startEvent]).toEqual(['100.0%', 's47-start']);
  });
});

describe('cs-indicators compute flags', () => {
  it('says on stderr when a flag does not apply to the indicator, and still computes', () => {
    const run = runBuiltCli(['compute', 'NI59', '--input', ia, ...octToMar, '--start-event', 'referral']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('--start-event does not apply to NI59 and is ignored');
    expect(JSON.parse(run.stdout).display).toBe('75.0%');
  });
});

describe('cs-indicators compute errors', () => {
  it('exits 2 on usage errors and 1 on an unreadable file', () => {
    const unknown = runBuiltCli(['compute', 'NI999', '--input', ia]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown indicator "NI999"');
    expect(runBuiltCli(['compute', 'NI59']).code).toBe(2);
    const badPeriod = runBuiltCli(['compute', 'NI59', '--input', ia, '--period', '2010-13']);
    expect(badPeriod.code).toBe(2);
    expect(badPeriod.stderr).toContain('--period');
    expect(runBuiltCli(['compute', 'NI59', '--input', ia, '--rules', 'wt2099']).code).toBe(2);
    expect(runBuiltCli(['compute', 'NI59', '--input', ia, '--by', 'region']).code).toBe(2);
    const missing = runBuiltCli(['compute', 'NI59', '--input', 'no-such-file.csv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no-such-file.csv');
  });
});
