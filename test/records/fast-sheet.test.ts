import { describe, expect, it } from 'vitest';
import { SheetLane } from '../../src/records/fast-sheet.js';
import { readWorkbookBy, type WorkbookTokenizer } from '../../src/records/read-source.js';
import { kindLayout } from '../../src/records/shape-kind.js';
import { tokenizeSheet } from '../../src/records/tokenize-sheet.js';
import { workbookOf } from '../workbook/helpers.js';

const HEADER =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>childId</t></is></c>' +
  '<c r="C1" t="inlineStr"><is><t>referralDate</t></is></c><c r="D1" t="inlineStr"><is><t>completedDate</t></is></c>' +
  '<c r="E1" t="inlineStr"><is><t>team</t></is></c></row>';

/** A row as the bench's writer makes one: inline text, dates as serials in a date style (style 1). */
function row(r: number, id: string, child: string, referral: number, completed: number | null, team: string) {
  const done = completed === null ? '' : `<c r="D${r}" s="1"><v>${completed}</v></c>`;
  return (
    `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${id}</t></is></c><c r="B${r}" t="inlineStr"><is><t>${child}</t></is></c>` +
    `<c r="C${r}" s="1"><v>${referral}</v></c>${done}<c r="E${r}" t="inlineStr"><is><t>${team}</t></is></c></row>`
  );
}

/** Reads a sheet of initial assessments both ways: the sheet lane's result, the general path's, and what the lane did. */
async function bothWays(sheetData: string, merged: readonly string[] = []) {
  const sheet = await workbookOf(sheetData, undefined, { dateStyle: true, merged });
  const lanes: string[] = [];
  let inPlace = 0;
  const tokenize: WorkbookTokenizer = async (input, options, sink) => {
    const read = await tokenizeSheet(input, options, sink);
    if (sink instanceof SheetLane) inPlace += sink.rowsInPlace;
    return read;
  };
  const layout = kindLayout('initial-assessment');
  const options = { file: 'ia.xlsx', tokenize };
  const fast = await readWorkbookBy('initial-assessment', sheet, layout, options, {
    onLane: (lane, why) => lanes.push(why === '' ? lane : `${lane}: ${why}`),
  });
  const general = await readWorkbookBy('initial-assessment', sheet, layout, options, { lane: 'general' });
  return { fast, general, lanes, inPlace };
}

describe('the sheet lane', () => {
  it('reads rows in the usual shape in place, and gives each other row to the general stages', async () => {
    // 40452 is 2010-10-01 in the 1900 system (40298 is 2010-04-30, 154 days before), 40455 is 2010-10-04. Row 3
    // has no childId (missing_field), row 4 ends before it starts (end_before_start), row 5 repeats IA1's id
    // (duplicate_id): the lane reads rows 2, 5 and 6 in place, then finds the repeat at the end, among the rows it
    // kept only, and leaves row 5 out as the general path does, its issue between rows 4's and 6's (none).
    const { fast, general, lanes, inPlace } = await bothWays(
      HEADER +
        row(2, 'IA1', 'C1', 40452, 40455, 'North') +
        row(3, 'IA2', '', 40452, null, 'East') +
        row(4, 'IA3', 'C3', 40455, 40452, 'West') +
        row(5, 'IA1', 'C5', 40452, null, 'North') +
        row(6, 'IA6', 'C6', 40455, null, 'South'),
    );
    expect(fast).toStrictEqual(general);
    expect(lanes).toEqual(['fast']);
    expect(fast.records).toEqual([
      { id: 'IA1', childId: 'C1', referralDate: '2010-10-01', completedDate: '2010-10-04', team: 'North' },
      { id: 'IA6', childId: 'C6', referralDate: '2010-10-04', team: 'South' },
    ]);
    expect(fast.rows).toEqual([2, 6]);
    expect(fast.issues.map((issue) => [issue.code, issue.row])).toEqual([
      ['missing_field', 3],
      ['end_before_start', 4],
      ['duplicate_id', 5],
    ]);
    expect(fast.issues[2]?.message).toContain('is already used by row 2');
    // Rows 2, 5 and 6, in one read (row 5's id is checked at its end, the sheet not read again).
    expect(inPlace).toBe(3);
  });

  it('leaves out each row repeating the id of a row it kept, with its issue where its row falls, in one read', async () => {
    // IA1 is on rows 2, 4 and 6, each read in place; row 3 has no childId, row 5 ends before it starts (40452 is
    // 2010-10-01, 40455 2010-10-04), both read by the general stages. As the general path reads them: rows 4 and 6
    // are left out, each naming row 2, their issues in row order among rows 3's and 5's.
    const { fast, general, lanes, inPlace } = await bothWays(
      HEADER +
        row(2, 'IA1', 'C1', 40452, 40455, 'North') +
        row(3, 'IA2', '', 40452, null, 'East') +
        row(4, 'IA1', 'C4', 40452, null, 'North') +
        row(5, 'IA5', 'C5', 40455, 40452, 'West') +
        row(6, 'IA1', 'C6', 40455, null, 'South') +
        row(7, 'IA7', 'C7', 40455, null, 'South'),
    );
    expect(fast).toStrictEqual(general);
    expect(lanes).toEqual(['fast']);
    expect(fast.rows).toEqual([2, 7]);
    expect(fast.issues.map((issue) => [issue.code, issue.row])).toEqual([
      ['missing_field', 3],
      ['duplicate_id', 4],
      ['end_before_start', 5],
      ['duplicate_id', 6],
    ]);
    expect(fast.issues[3]?.message).toBe(
      'id "IA1" is already used by row 2: each initial-assessment record needs its own id, so this later row is left out',
    );
    expect(fast.accounting).toMatchObject({ rowsRead: 6, rowsAccepted: 2, rowsRejected: 4 });
    // Rows 2, 4, 6 and 7, once.
    expect(inPlace).toBe(4);
  });

  it('reads the sheet again when an id it kept is repeated by a row the general stages read', async () => {
    // Row 3 repeats row 2's IA1 and has no childId: the general stages read it (missing_field) before the ids are
    // checked, so the lane cannot tell its issues apart from the general path's; it hands the sheet back and reads
    // it again with each key looked up as it is read, which names row 2 in row 3's duplicate_id.
    const { fast, general, lanes, inPlace } = await bothWays(
      HEADER + row(2, 'IA1', 'C1', 40452, null, 'North') + row(3, 'IA1', '', 40452, null, 'East'),
    );
    expect(fast).toStrictEqual(general);
    expect(lanes).toEqual(['fast']);
    expect(fast.issues.map((issue) => [issue.code, issue.row])).toEqual([
      ['missing_field', 3],
      ['duplicate_id', 3],
    ]);
    // Row 2 in each of the two reads.
    expect(inPlace).toBe(2);
  });

  it('reads a serial without a date style in a date column as its date, in place', async () => {
    // 40455 without a style is a number; in the referralDate column the shape stage reads it as 2010-10-04, and so
    // does the lane.
    const { fast, general, inPlace } = await bothWays(
      `${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>IA1</t></is></c><c r="B2"><v>17</v></c><c r="C2"><v>40455</v></c></row>`,
    );
    expect(fast).toStrictEqual(general);
    expect(fast.records).toEqual([{ id: 'IA1', childId: '17', referralDate: '2010-10-04' }]);
    expect(inPlace).toBe(1);
  });

  it('gives the general path’s refusal of a sheet merged down over rows it read in place', async () => {
    // E2:E3 merges the team down over row 3: the sheet is refused once its rows are read, and the two rows the lane
    // kept are rejected with the rest, as the general path rejects them.
    const { fast, general, lanes } = await bothWays(
      HEADER + row(2, 'IA1', 'C1', 40452, null, 'North') + row(3, 'IA2', 'C2', 40452, null, ''),
      ['E2:E3'],
    );
    expect(fast).toStrictEqual(general);
    expect(lanes).toEqual(['fast']);
    expect(fast.readable).toBe(false);
    expect(fast.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 0, rowsRejected: 2 });
    expect(fast.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('has cells merged down over rows that hold records (E2:E3)'),
    ]);
  });

  it('reads an id and a team holding a carriage return as the general path does, kept as day columns', async () => {
    // Row 2's id is IA CR 1 and row 3's IA LF 1: the check stage writes a carriage return as a line feed, so both are
    // IA LF 1 and row 3 repeats row 2's id (duplicate_id). Row 2's team North CR East is North LF East. Read from the
    // sheet's bytes, a text holding a carriage return is made as text and read as any text is, never hashed or
    // numbered from its bytes as written (they would make two ids, and a team no other read gives).
    const sheet = await workbookOf(
      HEADER + row(2, 'IA\r1', 'C1', 40452, null, 'North\rEast') + row(3, 'IA\n1', 'C2', 40452, null, 'West'),
      undefined,
      { dateStyle: true },
    );
    const layout = kindLayout('initial-assessment');
    const keep = { dayColumns: ['referralDate'], dayGroup: 'team' };
    const days = await readWorkbookBy('initial-assessment', sheet, layout, { file: 'ia.xlsx' }, { keep });
    const general = await readWorkbookBy(
      'initial-assessment',
      sheet,
      layout,
      { file: 'ia.xlsx' },
      { lane: 'general' },
    );
    expect(general.records.map((record) => [record.id, record.team])).toEqual([['IA\n1', 'North\nEast']]);
    expect(days.issues.map((issue) => [issue.code, issue.row])).toEqual([['duplicate_id', 3]]);
    expect(days.issues).toEqual(general.issues);
    const group = days.dayColumns?.group;
    expect(days.dayColumns?.count).toBe(1);
    expect(group?.values[group.numbers[0] as number]).toBe('North\nEast');
  });
});
