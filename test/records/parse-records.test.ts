import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/records/issues.js';
import {
  parseCsvText,
  parseJsonText,
  parseNdjsonText,
  parseRecords,
} from '../../src/records/parse-records.js';
import { fixturePath } from '../helpers/fixtures.js';

describe('parseRecords', () => {
  it('reads objects with canonical or loosely written keys, in any accepted date format', () => {
    const { records, rows, issues, accounting } = parseRecords('initial-assessment', [
      { id: 'IA1', childId: 'C1', 'Referral Date': '01/10/2010', completedDate: '2010-10-08', Gender: 'F' },
      { id: 'IA2', child_id: 'C2', referralDate: '2010-10-04T00:00:00' },
    ]);
    // 01/10/2010 is 1 October (day first); the time part is dropped; Gender is not a field and is ignored.
    expect(records).toEqual([
      { id: 'IA1', childId: 'C1', referralDate: '2010-10-01', completedDate: '2010-10-08' },
      { id: 'IA2', childId: 'C2', referralDate: '2010-10-04' },
    ]);
    expect(rows).toEqual([1, 2]); // 1-based positions
    expect(issues).toEqual([]);
    expect(accounting).toEqual({
      rowsRead: 2,
      rowsAccepted: 2,
      rowsRejected: 0,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });

  it('collects every issue of a row, not the first', () => {
    const { issues, accounting } = parseRecords('initial-assessment', [
      { id: 'IA1', referralDate: '31/02/2011', completedDate: '01/10/10' },
    ]);
    // childId missing, referralDate impossible, completedDate with a two-digit year: three issues, one row.
    expect(issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['missing_field', 1, 'childId'],
      ['invalid_date', 1, 'referralDate'],
      ['ambiguous_date', 1, 'completedDate'],
    ]);
    expect(issues[0]?.message).toBe(
      'childId is required in an initial-assessment record, but the item has no value for it',
    );
    expect(accounting).toEqual({
      rowsRead: 1,
      rowsAccepted: 0,
      rowsRejected: 1,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });

  it('reads yes/no words in any case, JSON booleans and 1/0', () => {
    const cells = ['true', 'FALSE', 'Yes', 'no', 'Y', 'n', '1', '0', true, false, 1, 0];
    const { records, issues } = parseRecords(
      'referral',
      cells.map((cafCompleted, i) => ({
        id: `R${i}`,
        childId: 'C',
        referralDate: '2010-10-01',
        cafCompleted,
      })),
    );
    expect(issues).toEqual([]);
    // Alternately true and false, as listed.
    expect(records.map((r) => r.cafCompleted)).toEqual(cells.map((_, i) => i % 2 === 0));
  });

  it('leaves blank optional cells out: absent, not empty strings or false', () => {
    const { records } = parseRecords('referral', [
      { id: 'R1', childId: 'C1', referralDate: '2010-10-01', cafCompleted: '', source: '  ', team: null },
    ]);
    expect(records).toEqual([{ id: 'R1', childId: 'C1', referralDate: '2010-10-01' }]);
    expect(Object.keys(records[0] ?? {})).toEqual(['id', 'childId', 'referralDate']);
  });

  it('reads enum values ignoring case, spaces, hyphens and underscores', () => {
    const workers = parseRecords('worker', [
      { workerId: 'W1', fte: '1', role: 'Social Worker' },
      { workerId: 'W2', fte: '0.5', role: 'NEWLY_QUALIFIED' },
      { workerId: 'W3', fte: 0.8, role: 'advanced practitioner', team: 'North' },
      { workerId: 'W4', fte: '.5', role: 'Director' },
    ]);
    expect(workers.records).toEqual([
      { workerId: 'W1', fte: 1, role: 'social-worker' },
      { workerId: 'W2', fte: 0.5, role: 'newly-qualified' },
      { workerId: 'W3', fte: 0.8, role: 'advanced-practitioner', team: 'North' },
    ]);
    // "Director" is no role: the message lists the roles.
    expect(workers.issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        row: 4,
        field: 'role',
        value: 'Director',
        message:
          '"Director" is not one of the allowed values: expected social-worker, newly-qualified, advanced-practitioner, team-manager, other',
      },
    ]);
    const neet = parseRecords('neet', [
      { personId: 'P1', snapshotDate: '2010-11-30', dateOfBirth: '1993-09-01', status: 'Not Known' },
    ]);
    expect(neet.records[0]?.status).toBe('NOT_KNOWN');
    const caf = parseRecords('caf', [{ id: 'F1', designatedDate: '2010-10-01', closureReason: 'Needs met' }]);
    expect(caf.records[0]?.closureReason).toBe('needs-met');
  });

  it('defaults a conference type to initial, and reads Review', () => {
    const { records } = parseRecords('cp-conference', [
      { id: 'K1', childId: 'C1', conferenceDate: '2010-10-20' },
      { id: 'K2', childId: 'C2', conferenceDate: '2010-10-21', type: 'Review' },
    ]);
    expect(records.map((r) => r.type)).toEqual(['initial', 'review']);
  });

  it('reads numbers only when they are numbers: 1,5 is not 1.5', () => {
    const { issues } = parseRecords('worker', [{ workerId: 'W1', fte: '1,5', role: 'other' }]);
    expect(issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        row: 1,
        field: 'fte',
        value: '1,5',
        message: '"1,5" is not a number: expected a number written like 1 or 0.5',
      },
    ]);
  });

  it('checks the start/end pairs of each kind, and accepts an end on its start day', () => {
    const { issues, records } = parseRecords('cp-conference', [
      // Conference the same day as the strategy discussion: allowed (0 working days).
      { id: 'K1', childId: 'C1', conferenceDate: '2010-10-20', strategyDiscussionDate: '2010-10-20' },
      // Conference before its s47 start: the s47/conference pair is checked.
      { id: 'K2', childId: 'C2', conferenceDate: '2010-10-20', s47StartDate: '2010-10-21' },
    ]);
    expect(records.map((r) => r.id)).toEqual(['K1']);
    expect(issues.map((i) => [i.code, i.row, i.field])).toEqual([['end_before_start', 2, 'conferenceDate']]);
    // A CAF meeting before its designated date is early, not an error; closing before the meeting is.
    const caf = parseRecords('caf', [
      { id: 'F1', designatedDate: '2010-10-10', meetingDate: '2010-10-05' },
      { id: 'F2', designatedDate: '2010-10-10', meetingDate: '2010-10-12', closedDate: '2010-10-11' },
    ]);
    expect(caf.records.map((r) => r.id)).toEqual(['F1']);
    expect(caf.issues.map((i) => [i.code, i.row, i.field])).toEqual([['end_before_start', 2, 'closedDate']]);
  });

  it('catches duplicate ids even when the earlier row was rejected, and duplicate allocation triples', () => {
    const { issues } = parseRecords('referral', [
      { id: 'R1', childId: 'C1', referralDate: 'soon' }, // rejected: not a date
      { id: 'R1', childId: 'C2', referralDate: '2010-10-02' }, // still a second R1
    ]);
    expect(issues.map((i) => [i.code, i.row])).toEqual([
      ['invalid_date', 1],
      ['duplicate_id', 2],
    ]);
    const allocations = parseRecords('allocation', [
      { caseId: 'C1', workerId: 'W1', allocatedFrom: '2010-10-01' },
      { caseId: 'C1', workerId: 'W2', allocatedFrom: '2010-10-01' }, // another worker: a different allocation
      { caseId: 'C1', workerId: 'W1', allocatedFrom: '01/10/2010' }, // the first again, written UK style
    ]);
    expect(allocations.rows).toEqual([1, 2]);
    expect(allocations.issues.map((i) => [i.code, i.row, i.field, i.value])).toEqual([
      ['duplicate_id', 3, 'caseId+workerId+allocatedFrom', 'C1, W1, 2010-10-01'],
    ]);
  });

  it('reports an item that is not an object as unreadable', () => {
    const { issues, accounting } = parseRecords('referral', [null, 'R1', [1, 2]]);
    expect(issues.map((i) => [i.code, i.row, i.value])).toEqual([
      ['unreadable', 1, 'null'],
      ['unreadable', 2, 'R1'],
      ['unreadable', 3, '[1,2]'],
    ]);
    expect(issues[0]?.message).toBe(
      'the item is null, not an object: expected an object of fields, like {"id": "…", …}',
    );
    expect(accounting).toEqual({
      rowsRead: 3,
      rowsAccepted: 0,
      rowsRejected: 3,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });

  it('reads ids written as JSON numbers as text', () => {
    const { records } = parseRecords('referral', [{ id: 17, childId: 4, referralDate: '2010-10-01' }]);
    expect(records).toEqual([{ id: '17', childId: '4', referralDate: '2010-10-01' }]);
  });

  it('puts the file on every issue when told', () => {
    const { issues } = parseRecords('referral', [{ id: 'R1' }], { file: 'referrals.json' });
    expect(issues.every((i) => i.file === 'referrals.json')).toBe(true);
  });

  it('throws one InputError with every issue in strict mode', () => {
    const rows = [
      { id: 'R1', childId: 'C1', referralDate: '31/02/2011' },
      { id: 'R2', childId: 'C2', referralDate: '2010-10-02' },
      { id: 'R3', referralDate: '2010-10-03' },
    ];
    let caught: unknown;
    try {
      parseRecords('referral', rows, { strict: true, file: 'r.json' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const error = caught as InputError;
    expect(error.issues.map((i) => [i.code, i.row])).toEqual([
      ['invalid_date', 1],
      ['missing_field', 3],
    ]);
    expect(error.accounting).toEqual({
      rowsRead: 3,
      rowsAccepted: 1,
      rowsRejected: 2,
      rowsSkipped: 0,
      warningsByCode: {},
    });
    expect(error.message).toBe(
      [
        'input refused: 2 issues',
        '  r.json:1: referralDate "31/02/2011": "31/02/2011" is not a real date: February 2011 has 28 days [invalid_date]',
        '  r.json:3: childId: childId is required in a referral record, but the item has no value for it [missing_field]',
      ].join('\n'),
    );
    // Without issues, strict mode returns as usual.
    expect(parseRecords('referral', [rows[1]], { strict: true }).records).toHaveLength(1);
  });

  it('renames keys with a column map', () => {
    const { records } = parseRecords(
      'initial-assessment',
      [{ Ref: 'IA1', Child: 'C1', 'Date of referral': '01/10/2010' }],
      { columnMap: { Ref: 'id', Child: 'childId', 'Date of referral': 'referralDate' } },
    );
    expect(records).toEqual([{ id: 'IA1', childId: 'C1', referralDate: '2010-10-01' }]);
  });

  it('reads dates month first with dateFormat mdy', () => {
    const { records } = parseRecords('referral', [{ id: 'R1', childId: 'C1', referralDate: '10/13/2010' }], {
      dateFormat: 'mdy',
    });
    expect(records[0]?.referralDate).toBe('2010-10-13');
  });

  it('throws a TypeError for an unknown kind or date format (programmer errors)', () => {
    expect(() => parseRecords('assessments' as never, [])).toThrow(
      new TypeError(
        'Unknown record kind "assessments": expected one of initial-assessment, core-assessment, cp-conference, caf, referral, neet, worker, allocation, assessment, cp-plan',
      ),
    );
    expect(() => parseRecords('referral', [], { dateFormat: 'uk' as never })).toThrow(
      new TypeError('Unknown date format "uk": expected one of auto, dmy, ymd, mdy'),
    );
  });
});

describe('parseCsvText', () => {
  it('reads LF, CRLF and CR line ends to the same records', () => {
    const lines = [
      'id,childId,referralDate,team',
      'R1,C1,01/10/2010,"North,\nEast"',
      'R2,C2,2010-10-02,South',
    ];
    const lf = parseCsvText('referral', `${lines.join('\n')}\n`);
    const crlf = parseCsvText('referral', `${lines.join('\r\n').replace('North,\n', 'North,\r\n')}\r\n`);
    const cr = parseCsvText('referral', `${lines.join('\r').replace('North,\n', 'North,\r')}\r`);
    expect(lf.records).toEqual([
      { id: 'R1', childId: 'C1', referralDate: '2010-10-01', team: 'North,\nEast' },
      { id: 'R2', childId: 'C2', referralDate: '2010-10-02', team: 'South' },
    ]);
    expect(crlf.records).toEqual(lf.records);
    expect(cr.records).toEqual(lf.records);
    // R1 starts on line 2 and spans two lines, so R2 is on line 4, whichever the line end.
    for (const result of [lf, crlf, cr]) expect(result.rows).toEqual([2, 4]);
  });

  it('numbers rows by file line, counting blank lines before the header and between rows', () => {
    const text = '\n\nid,childId,referralDate\n\nR1,C1,2010-10-01\n\n\nR2,,2010-10-02\n';
    const { rows, issues } = parseCsvText('referral', text);
    // Header on line 3; R1 on line 5; R2 on line 8.
    expect(rows).toEqual([5]);
    expect(issues.map((i) => [i.code, i.row])).toEqual([['missing_field', 8]]);
  });

  it('reads a short ragged row as blank cells, and refuses a long one that may be shifted', () => {
    const text =
      'id,childId,referralDate,team\nR1,C1,2010-10-01\nR2,C2,2010-10-02,North,,\nR3,C3,2010-10-03,North,Leeds\n';
    const { records, issues } = parseCsvText('referral', text);
    // R1 lacks the team cell (absent); R2's extra cells are empty (Excel's trailing commas): both kept.
    expect(records.map((r) => r.id)).toEqual(['R1', 'R2']);
    expect(issues).toEqual([
      {
        code: 'unreadable',
        severity: 'error',
        row: 4,
        field: null,
        value: 'Leeds',
        message:
          'the row has 5 cells but the header has 4 columns, so its values may be shifted (a value with a comma that is not in quotes?)',
      },
    ]);
  });

  it('reports a quote never closed as one unreadable row, keeping the rows before it', () => {
    const text = 'id,childId,referralDate\nR1,C1,2010-10-01\nR2,"C2,2010-10-02\nR3,C3,2010-10-03\n';
    const { records, issues, accounting } = parseCsvText('referral', text);
    expect(records.map((r) => r.id)).toEqual(['R1']);
    expect(issues).toEqual([
      {
        code: 'unreadable',
        severity: 'error',
        row: 3,
        field: null,
        value: null,
        message:
          'a quoted value that starts on this row is never closed, so the rest of the file cannot be read as rows: close the quote (a quote inside a quoted value is written twice: "")',
      },
    ]);
    // The rest of the file is the one unreadable row.
    expect(accounting).toEqual({
      rowsRead: 2,
      rowsAccepted: 1,
      rowsRejected: 1,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });

  it('reads quotes inside an unquoted value literally', () => {
    const { records } = parseCsvText(
      'referral',
      'id,childId,referralDate,source\nR1,C1,2010-10-01,School "A"\n',
    );
    expect(records[0]?.source).toBe('School "A"');
  });

  it('refuses an empty text: no header, every required column missing', () => {
    const { issues, readable, accounting } = parseCsvText('allocation', '');
    expect(readable).toBe(false);
    expect(issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['missing_column', 1, 'caseId'],
      ['missing_column', 1, 'workerId'],
      ['missing_column', 1, 'allocatedFrom'],
    ]);
    expect(issues[0]?.message).toContain('Headers found: none (the file is empty).');
    expect(accounting).toEqual({
      rowsRead: 0,
      rowsAccepted: 0,
      rowsRejected: 0,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });

  it('renames headers with a column map (the fixture mapped.csv and column-map.json)', () => {
    const map = JSON.parse(readFileSync(fixturePath('records', 'column-map.json'), 'utf8'));
    const text = readFileSync(fixturePath('records', 'mapped.csv'), 'utf8');
    const result = parseCsvText('referral', text, { columnMap: map });
    // Ref → id, Child → childId, Date of referral → referralDate; Gender is not read.
    expect(result.records).toEqual([{ id: 'R-1', childId: 'C-1', referralDate: '2010-10-01' }]);
    expect(result.columns?.ignored).toEqual(['Gender']);
    // Without the map, the same file lacks its required columns.
    expect(parseCsvText('referral', text).readable).toBe(false);
  });
});

describe('parseJsonText', () => {
  it('reads an array of objects, numbering rows by item', () => {
    const text =
      '\uFEFF[{"workerId": "W1", "fte": 0.5, "role": "Social Worker"}, {"workerId": "W2", "fte": -1, "role": "other"}]';
    const { records, issues } = parseJsonText('worker', text);
    expect(records).toEqual([{ workerId: 'W1', fte: 0.5, role: 'social-worker' }]);
    // Item 2: an FTE of -1.
    expect(issues.map((i) => [i.code, i.row, i.field, i.value])).toEqual([['out_of_range', 2, 'fte', '-1']]);
  });

  it('refuses text that is not JSON or not an array, at row 0', () => {
    const notJson = parseJsonText('referral', '[{"id": ');
    expect(notJson.readable).toBe(false);
    expect(notJson.issues).toHaveLength(1);
    expect(notJson.issues[0]).toMatchObject({ code: 'unreadable', row: 0, field: null, value: null });
    expect(notJson.issues[0]?.message).toMatch(
      /^the text is not valid JSON \(.+\): expected an array of objects$/,
    );
    expect(parseJsonText('referral', '{"records": []}').issues[0]?.message).toBe(
      'the text is a JSON object, not an array: expected an array of objects, one per record',
    );
  });
});

describe('parseNdjsonText', () => {
  it('reads one object a line, numbering rows by line and skipping blank lines', () => {
    const text =
      '\uFEFF{"id":"R1","childId":"C1","referralDate":"2010-10-01","cafCompleted":"Y"}\r\n\r\n{"id":"R2","childId":"C2","referralDate":"02/10/2010"}\r\n';
    const { records, rows } = parseNdjsonText('referral', text);
    expect(records).toEqual([
      { id: 'R1', childId: 'C1', referralDate: '2010-10-01', cafCompleted: true },
      { id: 'R2', childId: 'C2', referralDate: '2010-10-02' },
    ]);
    expect(rows).toEqual([1, 3]); // line 2 is blank
  });
});

describe('JSON items that give one key twice', () => {
  // An item that writes the same key twice (`"referralDate"` and `"referralDate"`) is read by JSON.parse, which keeps
  // the last value without a word. The tokenizer counts each item's own keys as written and names any written more
  // than once, so the row is rejected (`duplicate_column`) as for two keys written differently that give one field
  // (`"referralDate"` and `"Referral Date"`), and as a CSV header naming a column twice refuses the file.
  it('rejects the item (duplicate_column), as it does for two keys written differently', () => {
    const twice = '{"id":"R1","childId":"C1","referralDate":"2010-10-01","referralDate":"2011-01-05"}';
    for (const result of [
      parseNdjsonText('referral', `${twice}\n`),
      parseJsonText('referral', `[${twice}]`),
    ]) {
      expect(result.records).toEqual([]);
      expect(result.issues.map((issue) => [issue.code, issue.row, issue.field])).toEqual([
        ['duplicate_column', 1, 'referralDate'],
      ]);
    }
  });

  // Six items, the same as NDJSON lines 1 to 6 and as a JSON array's items 1 to 6:
  // 1. referralDate twice with the same value: still two writings of one key, rejected (a file that writes a key
  //    twice is not to be trusted for which it meant, even when they agree, as a CSV header naming a column twice);
  // 2. "Referral Date" (a loose spelling of referralDate) three times: one issue, naming the key as written;
  // 3. referralDate and referral\u0044ate: one key once JSON.parse undoes the escape;
  // 4. "referralDate" written twice inside a string value, and twice in a nested object under a key no field reads:
  //    not the item's own keys, so kept (note and extra are ignored, as any unknown key);
  // 5. Note, a key no field reads, twice: ignored, as when written once; kept;
  // 6. referralDate, "Referral Date", referralDate: two issues, the second spelling first (as before), then the key
  //    written twice.
  const items = [
    '{"id":"R1","childId":"C1","referralDate":"2010-10-01","referralDate":"2010-10-01"}',
    '{"id":"R2","childId":"C2","Referral Date":"2010-10-02","Referral Date":"2010-10-03","Referral Date":"2010-10-04"}',
    '{"id":"R3","childId":"C3","referralDate":"2010-10-05","referral\\u0044ate":"2010-10-06"}',
    '{"id":"R4","childId":"C4","referralDate":"2010-10-07","note":"\\"referralDate\\":1,\\"referralDate\\":2","extra":{"referralDate":"x","referralDate":"y"}}',
    '{"id":"R5","childId":"C5","referralDate":"2010-10-08","Note":"a","Note":"b"}',
    '{"id":"R6","childId":"C6","referralDate":"2010-10-09","Referral Date":"2010-10-09","referralDate":"2010-10-10"}',
  ];
  const twice = (row: number, value: string, times: string) => ({
    code: 'duplicate_column',
    severity: 'error',
    row,
    field: 'referralDate',
    value,
    message: `the item gives ${JSON.stringify(value)} ${times} (JSON keeps only the last value): keep one`,
  });
  const expectedIssues = [
    twice(1, 'referralDate', 'twice'),
    twice(2, 'Referral Date', '3 times'),
    twice(3, 'referralDate', 'twice'),
    {
      code: 'duplicate_column',
      severity: 'error',
      row: 6,
      field: 'referralDate',
      value: 'Referral Date',
      message: 'two keys of the item give referralDate (the second is "Referral Date"): keep one',
    },
    twice(6, 'referralDate', 'twice'),
  ];

  it('names the key as written, its field and how many times, on its row, in NDJSON and in a JSON array', () => {
    for (const result of [
      parseNdjsonText('referral', `${items.join('\n')}\n`),
      parseJsonText('referral', `[${items.join(',\n')}]`),
    ]) {
      expect(result.records).toEqual([
        { id: 'R4', childId: 'C4', referralDate: '2010-10-07' },
        { id: 'R5', childId: 'C5', referralDate: '2010-10-08' },
      ]);
      expect(result.rows).toEqual([4, 5]);
      expect(result.issues).toEqual(expectedIssues);
      expect(result.accounting).toEqual({
        rowsRead: 6,
        rowsAccepted: 2,
        rowsRejected: 4,
        rowsSkipped: 0,
        warningsByCode: {},
      });
    }
  });

  it('refuses the whole input in strict mode', () => {
    for (const read of [
      () => parseNdjsonText('referral', `${items.join('\n')}\n`, { strict: true }),
      () => parseJsonText('referral', `[${items.join(',')}]`, { strict: true }),
    ]) {
      let caught: unknown;
      try {
        read();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InputError);
      expect((caught as InputError).issues).toEqual(expectedIssues);
    }
  });
});
