import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

describe('cs-indicators working-days', () => {
  it('prints the count alone: 1 from Thu 2011-04-28 to Tue 2011-05-03 (Royal Wedding, Early May bank holiday)', () => {
    const run = runBuiltCli(['working-days', '2011-04-28', '2011-05-03']);
    expect(run).toEqual({ code: 0, stdout: '1\n', stderr: '' });
  });

  it('counts the start day with --convention inclusive (2) and drops the end with end-exclusive (1)', () => {
    expect(
      runBuiltCli(['working-days', '2011-04-28', '2011-05-03', '--convention', 'inclusive']).stdout,
    ).toBe('2\n');
    expect(
      runBuiltCli(['working-days', '2011-04-28', '2011-05-03', '--convention', 'end-exclusive']).stdout,
    ).toBe('1\n');
  });

  it('lists the non-working days skipped, by name, with --format json', () => {
    const run = runBuiltCli(['working-days', '2011-04-28', '2011-05-03', '--format', 'json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      start: '2011-04-28',
      end: '2011-05-03',
      convention: 'after-start',
      workingDays: 1,
      calendar: { id: 'england-and-wales' },
    });
    expect(result.calendar.fingerprint).toMatch(/^fnv1a64:/);
    expect(result.nonWorkingDaysSkipped).toEqual([
      { date: '2011-04-29', reason: 'holiday', name: 'Royal Wedding bank holiday' },
      { date: '2011-04-30', reason: 'weekend', name: 'Saturday' },
      { date: '2011-05-01', reason: 'weekend', name: 'Sunday' },
      { date: '2011-05-02', reason: 'holiday', name: 'Early May bank holiday' },
    ]);
  });

  it('does not list the start day a convention leaves out', () => {
    // Saturday 2010-10-02 to Monday 2010-10-04, after-start: the Saturday is day 0, only Sunday is skipped.
    const result = JSON.parse(
      runBuiltCli(['working-days', '2010-10-02', '2010-10-04', '--format', 'json']).stdout,
    );
    expect(result.workingDays).toBe(1);
    expect(result.nonWorkingDaysSkipped.map((d: { date: string }) => d.date)).toEqual(['2010-10-03']);
  });

  it('adds closure days from --closures FILE', () => {
    // Fri 24 Dec 2010 to Fri 7 Jan 2011 is 7; closing 29-31 Dec leaves 4 (4-7 Jan).
    const run = runBuiltCli([
      'working-days',
      '2010-12-24',
      '2011-01-07',
      '--closures',
      fixturePath('calendar', 'leeds-closures.csv'),
    ]);
    expect(run).toMatchObject({ code: 0, stdout: '4\n' });
  });

  it('replaces the holidays with --calendar FILE', () => {
    // Only 29 Apr and 2 May are holidays in the file: Thu 28 Apr to Tue 3 May is again 1.
    const file = fixturePath('calendar', 'two-holidays.json');
    expect(runBuiltCli(['working-days', '2011-04-28', '2011-05-03', '--calendar', file]).stdout).toBe('1\n');
    // Christmas is a working week in that calendar: Fri 23 to Fri 30 Dec 2011 is 5 (26 to 30).
    expect(runBuiltCli(['working-days', '2011-12-23', '2011-12-30', '--calendar', file]).stdout).toBe('5\n');
    // The file covers 2011 alone: Christmas 2010 is refused, not counted as a week without holidays.
    const outside = runBuiltCli(['working-days', '2010-12-24', '2010-12-31', '--calendar', file]);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain(
      `start 2010-12-24 is outside the days the holiday list ${file} covers (2011-01-01 to 2011-12-31`,
    );
  });

  it('uses another region with --region', () => {
    // Scotland: Fri 30 Dec 2011 to Wed 4 Jan 2012 skips Mon 2 and Tue 3 January.
    expect(runBuiltCli(['working-days', '2011-12-30', '2012-01-04', '--region', 'scotland']).stdout).toBe(
      '1\n',
    );
  });

  it('exits 2 with the usage on stderr for an end before the start, a bad date or a bad convention', () => {
    const backwards = runBuiltCli(['working-days', '2011-05-03', '2011-04-28']);
    expect(backwards.code).toBe(2);
    expect(backwards.stdout).toBe('');
    expect(backwards.stderr).toContain('END 2011-04-28 is before START 2011-05-03');
    const badDate = runBuiltCli(['working-days', '31/02/2011', '2011-04-28']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('START: expected a real date written YYYY-MM-DD, got "31/02/2011"');
    const badConvention = runBuiltCli(['working-days', '2011-04-28', '2011-05-03', '--convention', 'excel']);
    expect(badConvention.code).toBe(2);
    expect(badConvention.stderr).toContain(
      '--convention: expected one of after-start, inclusive, end-exclusive',
    );
    expect(runBuiltCli(['working-days', '2011-04-28']).code).toBe(2);
    expect(runBuiltCli(['working-days', '2011-04-28', '2011-05-03', '--nope']).code).toBe(2);
  });

  it('exits 2 for a date outside the calendar, naming the range', () => {
    const run = runBuiltCli(['working-days', '1980-01-01', '2011-04-28']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('1980-01-01 is outside the calendar');
    expect(run.stderr).toContain('1990-01-01 to 2100-12-31');
  });

  it('exits 1 naming the file and line when a closures file cannot be used', () => {
    const bad = runBuiltCli([
      'working-days',
      '2010-12-24',
      '2011-01-07',
      '--closures',
      fixturePath('calendar', 'bad-closures.csv'),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /bad-closures\.csv: line 3: expected a date written YYYY-MM-DD, got "not-a-date"/,
    );
    const missing = runBuiltCli([
      'working-days',
      '2010-12-24',
      '2011-01-07',
      '--closures',
      'no-such-file.csv',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no-such-file.csv: cannot read the file (ENOENT)');
  });
});

describe('cs-indicators deadline', () => {
  it('prints 2011-01-07 for 7 working days after Christmas Eve 2010', () => {
    expect(runBuiltCli(['deadline', '2010-12-24', '7'])).toEqual({
      code: 0,
      stdout: '2011-01-07\n',
      stderr: '',
    });
  });

  it('moves the deadline for council closures', () => {
    // 29-31 Dec closed: 4 (1), 5, 6, 7 (4), 10 (5), 11 (6), 12 Jan (7).
    const run = runBuiltCli([
      'deadline',
      '2010-12-24',
      '7',
      '--closures',
      fixturePath('calendar', 'leeds-closures.csv'),
    ]);
    expect(run.stdout).toBe('2011-01-12\n');
  });

  it('explains the deadline with --format json', () => {
    const result = JSON.parse(runBuiltCli(['deadline', '2010-12-24', '7', '--format', 'json']).stdout);
    expect(result).toMatchObject({ start: '2010-12-24', workingDays: 7, deadline: '2011-01-07' });
    expect(
      result.nonWorkingDaysSkipped.map((d: { date: string; name: string }) => `${d.date} ${d.name}`),
    ).toEqual([
      '2010-12-25 Saturday',
      '2010-12-26 Sunday',
      '2010-12-27 Christmas Day (substitute day)',
      '2010-12-28 Boxing Day (substitute day)',
      '2011-01-01 Saturday',
      '2011-01-02 Sunday',
      "2011-01-03 New Year's Day (substitute day)",
    ]);
  });

  it('exits 2 for a count that is not a whole number', () => {
    const run = runBuiltCli(['deadline', '2010-12-24', 'seven']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('N: expected a whole number of working days (0 or more), got "seven"');
    expect(runBuiltCli(['deadline', '2010-12-24', '-1']).code).toBe(2);
  });

  it('refuses a negative count as a count, not as an unknown option -1 (a deadline is after START)', () => {
    const run = runBuiltCli(['deadline', '2010-12-24', '-1']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'N: expected a whole number of working days (0 or more), got "-1": a deadline is the N-th working day after START, never before it',
    );
    expect(run.stderr).not.toContain('unknown option');
    // The same after the flags, and after `--`.
    expect(runBuiltCli(['deadline', '--format', 'json', '2010-12-24', '-7']).stderr).toContain('got "-7"');
    expect(runBuiltCli(['deadline', '2010-12-24', '--', '-1']).stderr).toContain('never before it');
  });
});

describe('cs-indicators', () => {
  it('prints the commands with --help and exits 2 with no command or an unknown one', () => {
    const help = runBuiltCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('working-days');
    expect(help.stdout).toContain('deadline');
    expect(runBuiltCli([]).code).toBe(2);
    const unknown = runBuiltCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it('prints the package version', () => {
    expect(runBuiltCli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
