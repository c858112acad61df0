import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DateFormat, dateFormats } from '../../src/records/dates.js';
import { type FieldSpec, recordSpecs } from '../../src/records/fields.js';
import { InputError, type InputIssue } from '../../src/records/issues.js';
import { createKeyNumbering } from '../../src/records/keys.js';
import { type Lanes, readSourceBy, readTextBy } from '../../src/records/read-source.js';
import type { ParseRecordsResult } from '../../src/records/record-reader.js';
import type { RecordKind } from '../../src/records/schemas.js';
import { kindLayout } from '../../src/records/shape-kind.js';
import type { ByteSource } from '../../src/records/stages.js';
import { dateFieldsOf, groupFieldOf, throughDays } from '../helpers/day-columns.js';

// Kinds that between them have every field type: text, dates (both ranges), enums, booleans, numbers, counts, a
// default, a composite key, date pairs of both severities.
const KINDS: readonly RecordKind[] = [
  'initial-assessment',
  'cp-conference',
  'referral',
  'neet',
  'worker',
  'allocation',
];

/** A cell for a field: mostly plain, sometimes anything the general path must judge. */
function cellOf(field: FieldSpec): fc.Arbitrary<string> {
  // Cells the fast lane hands to the general check (blank, padded, not a value of the field)…
  const odd = fc.constantFrom('', ' ', '  x ', '\t', 'n/a', '0', '-1', 'yes', '2010-13-01');
  // …and those for which it hands the whole file back (quotes, text that is not ASCII).
  const handBack = fc.constantFrom('é', '"q"', '"a,b"', 'a"b', '"x\r\ny"');
  let plain: fc.Arbitrary<string>;
  switch (field.type) {
    case 'date':
      plain = fc.oneof(
        fc
          .tuple(
            fc.integer({ min: 1, max: 31 }),
            fc.integer({ min: 1, max: 12 }),
            fc.constantFrom(1899, 1995, 2010, 2011, 2101),
          )
          .chain(([d, m, y]) =>
            fc.constantFrom(
              `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`,
              `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
              `${d}/${m}/${y}`,
              `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`,
              `${d} Oct ${y}`,
              `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T00:00:00`,
            ),
          ),
        fc.constantFrom('31/02/2010', '2010-02-30', '12/11/2010', '01/10/2010', '2010-10-01', '1O/10/2010'),
      );
      break;
    case 'enum':
      plain = fc
        .constantFrom(...(field.values ?? ['x']))
        .chain((value) => fc.constantFrom(value, value.toUpperCase(), ` ${value}`, value.replace(/-/g, ' ')));
      break;
    case 'boolean':
      plain = fc.constantFrom('true', 'false', 'yes', 'no', 'Y', 'N', '1', '0', 'maybe');
      break;
    case 'number':
      plain = fc.constantFrom('1', '0.5', '2', '1e400', '-2', 'one', '0');
      break;
    case 'count':
      plain = fc.constantFrom('0', '3', '12', '2.5', '-1', 'x');
      break;
    default:
      // Few distinct values, so that ids repeat (duplicate_id) and teams are shared.
      plain = fc.constantFrom('A1', 'A2', 'A3', 'C1', 'C2', 'North', 'East', 'W1', ' B1', 'B2 ');
  }
  return fc.oneof(
    { weight: 60, arbitrary: plain },
    { weight: 8, arbitrary: odd },
    { weight: 1, arbitrary: handBack },
  );
}

const LINE_ENDS = ['\n', '\r\n', '\r'] as const;

/** A generated CSV file of a kind, and how to read it. */
interface Case {
  readonly kind: RecordKind;
  readonly text: string;
  readonly columnMap?: Record<string, string>;
  readonly dateFormat: DateFormat;
  readonly strict: boolean;
  readonly numbered: boolean;
}

const csvCase: fc.Arbitrary<Case> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    dateFormat: fc.constantFrom<DateFormat>(...dateFormats),
    strict: fc.boolean().map((b) => b && Math.random() < 0.3),
    numbered: fc.boolean(),
    seed: fc.integer(),
  })
  .chain(({ kind, dateFormat, strict, numbered }) => {
    const fields = recordSpecs[kind].fields;
    return fc
      .record({
        // Which fields have a column (a required one sometimes missing), in what order, with extra columns.
        order: fc.shuffledSubarray([...fields.keys()], { minLength: Math.max(1, fields.length - 2) }),
        extras: fc.array(fc.constantFrom('notes', 'Source system', ''), { maxLength: 2 }),
        mapped: fc.boolean(),
        upper: fc.boolean(),
        ending: fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom<string>('\n', '\r\n') },
          // A lone CR ends a line too (the fast lane hands the file back at it).
          { weight: 1, arbitrary: fc.constant('\r') },
          { weight: 1, arbitrary: fc.constant('mixed') },
        ),
        bom: fc.boolean(),
        finalNewline: fc.boolean(),
        rowCount: fc.integer({ min: 0, max: 25 }),
      })
      .chain(({ order, extras, mapped, upper, ending, bom, finalNewline, rowCount }) => {
        const headers = order.map((index, at) => {
          const name = (fields[index] as FieldSpec).name;
          if (mapped && at === 0) return 'Their Name';
          return upper ? name.toUpperCase() : name;
        });
        const columns = [...order.map((index) => fields[index] as FieldSpec), ...extras.map(() => null)];
        const row = fc.tuple(
          ...columns.map((field) => (field === null ? fc.constantFrom('', 'x') : cellOf(field))),
        );
        const line = fc.oneof(
          { weight: 12, arbitrary: row.map((cells) => cells.join(',')) },
          // A ragged row: cells missing, or more than the header (blank or not).
          {
            weight: 1,
            arbitrary: row.map((cells) => cells.slice(0, Math.max(1, cells.length - 2)).join(',')),
          },
          {
            weight: 1,
            arbitrary: row.map((cells) => `${cells.join(',')},${Math.random() < 0.5 ? '' : 'z'}`),
          },
          // A blank line, or one of blank cells.
          { weight: 1, arbitrary: fc.constantFrom('', ' ', ',,', ' , ') },
        );
        return fc.array(line, { minLength: rowCount, maxLength: rowCount }).chain((lines) =>
          fc
            .array(fc.constantFrom<string>(...LINE_ENDS), {
              minLength: lines.length + 1,
              maxLength: lines.length + 1,
            })
            .map((ends) => {
              const all = [[...headers, ...extras].join(','), ...lines];
              let text = bom ? '\uFEFF' : '';
              all.forEach((l, i) => {
                const end = ending === 'mixed' ? (ends[i] as string) : ending;
                text += i < all.length - 1 || finalNewline ? l + end : l;
              });
              const columnMap =
                mapped && order.length > 0
                  ? { 'Their Name': (fields[order[0] as number] as FieldSpec).name }
                  : undefined;
              return {
                kind,
                text,
                dateFormat,
                strict,
                numbered,
                ...(columnMap === undefined ? {} : { columnMap }),
              };
            }),
        );
      });
  });

/** A source of bytes in pieces of `size`, readable again (as a file is). */
function pieces(bytes: Uint8Array, size: number): ByteSource {
  return {
    name: 'gen.csv',
    rereadable: true,
    async *chunks() {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    },
  };
}

/** Everything a read gives (or the error it throws), and the child numbering's size, as plain data with key order. */
async function outcome(
  read: () => Promise<unknown> | unknown,
  numbering?: { readonly size: number },
): Promise<unknown> {
  try {
    const result = await read();
    return { result, order: JSON.stringify(result), numbered: numbering?.size };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { thrown: { issues: error.issues, accounting: error.accounting, warnings: error.warnings } };
  }
}

describe('readSourceBy', () => {
  it('gives by the fast lane exactly what the general path gives, for any CSV file, in any pieces, and for text', async () => {
    // Each generated file is read by the general path and by the fast lane (handing back or not), as bytes in
    // pieces of 3, 17 and 4096 bytes and as text. The whole result (records with their keys' order, rows, issues,
    // accounting, input, columns, fieldsPresent, warnings, notice; or the strict mode's error) and the numbering of
    // child ids must be the same. The fast lane must actually read a good share of the files (those without
    // quotes, non-ASCII characters or lone CRs), or the property would prove nothing.
    let fast = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(csvCase, async (c) => {
        runs++;
        const layout = kindLayout(c.kind, c.columnMap === undefined ? {} : { columnMap: c.columnMap });
        const bytes = new TextEncoder().encode(c.text);
        const optionsOf = () => {
          const childNumbering = c.numbered ? createKeyNumbering() : undefined;
          return {
            childNumbering,
            options: {
              dateFormat: c.dateFormat,
              strict: c.strict,
              ...(childNumbering === undefined ? {} : { childNumbering }),
            },
          };
        };
        const general: Lanes = { lane: 'general' };
        const g = optionsOf();
        const expected = await outcome(
          () => readSourceBy(c.kind, pieces(bytes, 4096), 'csv', layout, g.options, general),
          g.childNumbering,
        );
        let lanes = '';
        const auto: Lanes = {
          onLane: (lane) => {
            lanes += lane;
          },
        };
        // Read again keeping the records as day columns of every date field: everything else the same, and the
        // days those of the records' dates.
        const dayColumns = dateFieldsOf(c.kind);
        // With the team (or worker) kept too, numbered, where the kind has one.
        const dayGroup = groupFieldOf(c.kind);
        const options = { dateFormat: c.dateFormat, strict: c.strict };
        const asDays = { keep: { dayColumns, ...(dayGroup === undefined ? {} : { dayGroup }) } };
        for (const size of [3, 17, 4096]) {
          const f = optionsOf();
          const got = await outcome(
            () => readSourceBy(c.kind, pieces(bytes, size), 'csv', layout, f.options, auto),
            f.childNumbering,
          );
          expect(got).toStrictEqual(expected);
          const days = await outcome(() =>
            readSourceBy(c.kind, pieces(bytes, size), 'csv', layout, options, asDays),
          );
          expect(throughDays(days, dayColumns, dayGroup)).toStrictEqual(
            throughDays(expected, dayColumns, dayGroup),
          );
        }
        const tg = optionsOf();
        const textExpected = await outcome(
          () => readTextBy(c.kind, c.text, 'csv', layout, tg.options, general),
          tg.childNumbering,
        );
        const tf = optionsOf();
        const textGot = await outcome(
          () => readTextBy(c.kind, c.text, 'csv', layout, tf.options, auto),
          tf.childNumbering,
        );
        expect(textGot).toStrictEqual(textExpected);
        const textDays = await outcome(() => readTextBy(c.kind, c.text, 'csv', layout, options, asDays));
        expect(throughDays(textDays, dayColumns, dayGroup)).toStrictEqual(
          throughDays(textExpected, dayColumns, dayGroup),
        );
        if (lanes === 'fastfastfastfast') fast++;
      }),
      { numRuns: 300 },
    );
    expect(fast).toBeGreaterThan(runs / 5);
  }, 120_000);
});

/**
 * A file of initial assessments whose ids are mostly new (A1, A2, … A10, A11: ids of different lengths sharing a
 * prefix), with now and then an id given again, one of two ids that share a hash (W1022789 and W1239192, see
 * keys.test.ts), and rows the general stages read (a blank childId, an end before its start), whose keys the lane's
 * check at the end must count too.
 */
const idsCase = fc
  .record({
    rows: fc.array(
      fc.record({
        id: fc.oneof(
          { weight: 30, arbitrary: fc.constant('new') },
          { weight: 1, arbitrary: fc.constantFrom('again', 'W1022789', 'W1239192') },
        ),
        childId: fc.oneof({ weight: 20, arbitrary: fc.constantFrom('C1', 'C2', 'C3') }, fc.constant('')),
        ends: fc.oneof({ weight: 20, arbitrary: fc.constant('after') }, fc.constant('before')),
      }),
      { maxLength: 120, size: 'max' },
    ),
    piece: fc.integer({ min: 1, max: 300 }),
    seed: fc.nat({ max: 1000 }),
  })
  .map(({ rows, piece, seed }) => {
    let text = 'id,childId,referralDate,completedDate,team\r\n';
    rows.forEach((row, i) => {
      const id =
        row.id === 'new'
          ? `A${i + 1}`
          : row.id === 'again'
            ? `A${((seed + i) % Math.max(1, i)) + 1}`
            : row.id;
      const completed = row.ends === 'after' ? '05/10/2010' : '01/09/2010';
      text += `${id},${row.childId},01/10/2010,${completed},North\r\n`;
    });
    return { text, piece };
  });

describe('readSourceBy', () => {
  it('gives by the fast lane what the general path gives for files of new, repeated and colliding ids', async () => {
    // The lane checks the ids of the rows it keeps all at once at the end: a repeat among them is settled there,
    // and the file is read again, keys looked up row by row, when a row the general stages read repeats one. Every
    // result (records, rows, duplicate_id issues with the row first seen on, accounting) must be the general
    // path's, in pieces of any size, and files whose ids do not repeat must be read by the lane once.
    let once = 0;
    await fc.assert(
      fc.asyncProperty(idsCase, async ({ text, piece }) => {
        const layout = kindLayout('initial-assessment');
        const bytes = new TextEncoder().encode(text);
        const expected = await outcome(() =>
          readSourceBy('initial-assessment', pieces(bytes, 4096), 'csv', layout, {}, { lane: 'general' }),
        );
        let lanes = '';
        const got = await outcome(() =>
          readSourceBy(
            'initial-assessment',
            pieces(bytes, piece),
            'csv',
            layout,
            {},
            { onLane: (l) => (lanes += l) },
          ),
        );
        expect(got).toStrictEqual(expected);
        expect(lanes).toBe('fast');
        // Kept as day columns, the ids checked by their two hashes (any repeat: read again, keys row by row).
        const fields = ['referralDate', 'completedDate'];
        const days = await outcome(() =>
          readSourceBy(
            'initial-assessment',
            pieces(bytes, piece),
            'csv',
            layout,
            {},
            {
              keep: { dayColumns: fields },
            },
          ),
        );
        expect(throughDays(days, fields)).toStrictEqual(throughDays(expected, fields));
        const textGot = await outcome(() =>
          readTextBy('initial-assessment', text, 'csv', layout, { file: 'gen.csv' }, {}),
        );
        expect(textGot).toStrictEqual(expected);
        const duplicates = (expected as { result: { issues: { code: string }[] } }).result.issues.filter(
          (issue) => issue.code === 'duplicate_id',
        );
        if (duplicates.length === 0) once++;
      }),
      { numRuns: 300 },
    );
    // Enough files of each sort: without repeats (read once) and with them.
    expect(once).toBeGreaterThan(30);
    expect(once).toBeLessThan(270);
  }, 120_000);
});

/**
 * A file of 2,100 to 3,000 initial assessments, enough that the lane's ids are checked in groups of their hashes
 * (`KeyRepeats`: one group up to 2,048 ids), each id new (A1, A2…) but for some given 2 to 5 times at places drawn
 * anywhere (P0… P29), and rows the general stages read (a blank childId: missing_field; an end before its start:
 * end_before_start) at places drawn anywhere too, so before, between and after a repeated id's rows, and now and then
 * on one of them. Also the pairs of rows (the later, the first of its id) that the general path names in its
 * duplicate_id issues, worked out from the ids written: every row whose id an earlier row gave, whatever else it or
 * that row holds (a row rejected for another issue still holds its id).
 */
const manyIdsCase = fc
  .record({
    count: fc.integer({ min: 2100, max: 3000 }),
    given: fc.array(fc.array(fc.nat(), { minLength: 2, maxLength: 5 }), { maxLength: 30 }),
    general: fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 12 }),
    piece: fc.integer({ min: 1, max: 20_000 }),
    strict: fc.boolean(),
  })
  .map(({ count, given, general: generalRows, piece, strict }) => {
    const ids = Array.from({ length: count }, (_, i) => `A${i + 1}`);
    given.forEach((places, p) => {
      for (const place of places) ids[place % count] = `P${p}`;
    });
    const blankChild = new Set<number>();
    const endsBefore = new Set<number>();
    for (const [place, blank] of generalRows) (blank ? blankChild : endsBefore).add(place % count);
    let text = 'id,childId,referralDate,completedDate,team\n';
    const firstRowOf = new Map<string, number>();
    const repeats: [number, number][] = [];
    // The ids given by a row the lane keeps, and by a row the general stages read.
    const kept = new Set<string>();
    const general = new Set<string>();
    ids.forEach((id, i) => {
      const row = i + 2;
      const completed = endsBefore.has(i) ? '01/09/2010' : '05/10/2010';
      text += `${id},${blankChild.has(i) ? '' : `C${i % 7}`},01/10/2010,${completed},North\n`;
      (blankChild.has(i) || endsBefore.has(i) ? general : kept).add(id);
      const first = firstRowOf.get(id);
      if (first === undefined) firstRowOf.set(id, row);
      else repeats.push([row, first]);
    });
    // The file is read again only when an id of a row the lane kept is given by a row the general stages read too.
    const reads = [...kept].some((id) => general.has(id)) ? 2 : 1;
    return { text, piece, strict, repeats, reads };
  });

describe('readSourceBy (ids checked in groups)', () => {
  it('gives by the fast lane what the general path gives for large files of ids given many times, in any pieces', async () => {
    // The lane's ids, past one group's worth, are checked at the end; a repeat only among the rows it kept is
    // settled there, in one read (each later row left out, its duplicate_id naming the first row, placed among the
    // other issues where its row falls), one with a row the general stages read has the file read again. Either way the whole
    // result (or the strict mode's error) must be the general path's, and the general path's duplicate_id issues
    // must be exactly the pairs worked out from the ids written (its message naming the first row).
    let settled = 0;
    await fc.assert(
      fc.asyncProperty(manyIdsCase, async ({ text, piece, strict, repeats, reads }) => {
        const layout = kindLayout('initial-assessment');
        const bytes = new TextEncoder().encode(text);
        const expected = await outcome(() =>
          readSourceBy(
            'initial-assessment',
            pieces(bytes, 4096),
            'csv',
            layout,
            { strict },
            { lane: 'general' },
          ),
        );
        let lanes = '';
        let read = 0;
        const source = pieces(bytes, piece);
        const got = await outcome(() =>
          readSourceBy(
            'initial-assessment',
            {
              ...source,
              chunks: () => {
                read++;
                return source.chunks();
              },
            },
            'csv',
            layout,
            { strict },
            { onLane: (l) => (lanes += l) },
          ),
        );
        expect(got).toStrictEqual(expected);
        const { issues } =
          'result' in (expected as object)
            ? (expected as { result: ParseRecordsResult<'initial-assessment'> }).result
            : (expected as { thrown: { issues: InputIssue[] } }).thrown;
        const named = issues
          .filter((issue) => issue.code === 'duplicate_id')
          .map((issue) => [issue.row, Number(/already used by row (\d+)/.exec(issue.message)?.[1])]);
        expect(named).toEqual(repeats);
        if (!strict) expect(lanes).toBe('fast');
        expect(read).toBe(reads);
        // Kept as day columns: the same, the file read again whenever an id repeats (no id strings are kept).
        const fields = ['referralDate', 'completedDate'];
        let dayReads = 0;
        const days = await outcome(() =>
          readSourceBy(
            'initial-assessment',
            {
              ...source,
              chunks: () => {
                dayReads++;
                return source.chunks();
              },
            },
            'csv',
            layout,
            { strict },
            { keep: { dayColumns: fields } },
          ),
        );
        expect(throughDays(days, fields)).toStrictEqual(throughDays(expected, fields));
        // Once without a repeat; twice with one (strict: a refusal on the first read may end it there).
        if (repeats.length === 0) expect(dayReads).toBe(1);
        else if (!strict) expect(dayReads).toBe(2);
        if (repeats.length > 0) settled++;
      }),
      { numRuns: 40 },
    );
    // Most files repeat an id: the settling is what is tried.
    expect(settled).toBeGreaterThan(20);
  }, 120_000);
});
