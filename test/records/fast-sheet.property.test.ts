import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type DateFormat, dateFormats } from '../../src/records/dates.js';
import { SheetLane } from '../../src/records/fast-sheet.js';
import { type FieldSpec, recordSpecs } from '../../src/records/fields.js';
import { InputError } from '../../src/records/issues.js';
import { createKeyNumbering } from '../../src/records/keys.js';
import { type Lanes, readWorkbookBy, type WorkbookTokenizer } from '../../src/records/read-source.js';
import type { RecordKind } from '../../src/records/schemas.js';
import { kindLayout } from '../../src/records/shape-kind.js';
import { tokenizeSheet } from '../../src/records/tokenize-sheet.js';
import { openWorkbook } from '../../src/workbook/read-workbook.js';
import { columnName } from '../../src/workbook/references.js';
import { dateFieldsOf, groupFieldOf, throughDays } from '../helpers/day-columns.js';
import { cutAt } from '../helpers/pieces.js';
import { fixtureBytes, workbookOf } from '../workbook/helpers.js';

// Kinds that between them have every field type: text, dates (both ranges), enums, booleans, numbers, counts, a
// default, a composite key, date pairs of both severities (as the CSV lane's property test).
const KINDS: readonly RecordKind[] = [
  'initial-assessment',
  'cp-conference',
  'referral',
  'neet',
  'worker',
  'allocation',
];

/** One cell of a generated sheet, before it is written: what it holds and how it is stored. */
type CellSpec =
  | { readonly kind: 'inline' | 'shared' | 'str'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly dateStyle: boolean }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error' | 'formula' | 'empty' };

const text = (value: string, kinds: readonly ('inline' | 'shared' | 'str')[] = ['inline', 'shared']) =>
  fc.constantFrom(...kinds).map((kind): CellSpec => ({ kind, text: value }));
const texts = (values: readonly string[]) => fc.constantFrom(...values).chain((value) => text(value));
const numbers = (values: readonly number[], dateStyle: fc.Arbitrary<boolean> = fc.constant(false)) =>
  fc.tuple(fc.constantFrom(...values), dateStyle).map(
    ([value, date]): CellSpec => ({
      kind: 'number',
      value,
      dateStyle: date,
    }),
  );

/**
 * A cell for a field: mostly plain, now and then near it (a value the field refuses or the schema must judge), or
 * anything at all. A date is mostly a serial in a date style (40452 is 2010-10-01 in the 1900 system, 33000 is
 * 1990-05-05; 1 is 1900-01-01, before the calendar's range; 60 is Excel's 1900-02-29, no day; 2958466 is past 9999),
 * sometimes a serial without one (read as a date in a date column all the same), or text.
 */
function cellOf(field: FieldSpec): fc.Arbitrary<CellSpec> {
  const odd = fc.oneof(
    texts(['', ' ', '  x ', 'n/a', '0', 'yes', '2010-13-01', 'Zoë', '\u00a0C1', 'x\r\ny']),
    fc.constantFrom<CellSpec>(
      { kind: 'empty' },
      { kind: 'formula' },
      { kind: 'error' },
      { kind: 'boolean', value: true },
    ),
    numbers([0, 1, -1, 12.5, 40452]),
  );
  let plain: fc.Arbitrary<CellSpec>;
  let near: fc.Arbitrary<CellSpec>;
  switch (field.type) {
    case 'date':
      plain = fc.oneof(
        { weight: 6, arbitrary: numbers([40452, 40455, 40300, 40452.5, 33000], fc.constant(true)) },
        { weight: 1, arbitrary: numbers([40452, 40460], fc.boolean()) },
        { weight: 2, arbitrary: texts(['01/10/2010', '2010-10-01', '2010-10-05', '12/11/2010']) },
      );
      near = fc.oneof(
        numbers([1, 60, 2958466, 3000000], fc.boolean()),
        texts(['1/10/2010', '31/02/2010', '2010-10-01T00:00:00', '1 Oct 2010', '1899-12-31']),
      );
      break;
    case 'enum':
      plain = fc.constantFrom(...(field.values ?? ['x'])).chain((value) => text(value));
      near = fc
        .constantFrom(...(field.values ?? ['x']))
        .chain((value) => texts([value.toUpperCase(), ` ${value}`, value.replace(/-/g, ' '), `${value}!`]));
      break;
    case 'boolean':
      plain = fc.boolean().map((value): CellSpec => ({ kind: 'boolean', value }));
      near = fc.oneof(texts(['yes', 'no', 'Y', 'maybe', 'TRUE']), numbers([1, 0, 2]));
      break;
    case 'number':
      plain = numbers([1, 0.5, 2, 0]);
      near = fc.oneof(numbers([-2, 1e300]), texts(['1', 'one', ' 2 ']));
      break;
    case 'count':
      plain = numbers([0, 3, 12]);
      near = fc.oneof(numbers([2.5, -1]), texts(['3', 'x']));
      break;
    default:
      // Mostly new values (ids), and a few that repeat (teams; an id given twice); numbers, as numeric ids are.
      plain = fc.oneof(
        { weight: 4, arbitrary: fc.nat({ max: 99_999 }).chain((n) => text(`R${n}`)) },
        { weight: 2, arbitrary: texts(['A1', 'North', 'East', 'W1']) },
        { weight: 1, arbitrary: text('S1', ['str']) },
        { weight: 1, arbitrary: numbers([1, 2, 12.5, 40452]) },
      );
      near = texts([' B1', 'B2 ', 'B\t3', 'C1\r\n']);
  }
  return fc.oneof(
    { weight: 40, arbitrary: plain },
    { weight: 3, arbitrary: near },
    { weight: 2, arbitrary: odd },
  );
}

/** A generated sheet of a kind's records (its <sheetData> and shared strings), and how to read it. */
interface Case {
  readonly kind: RecordKind;
  readonly sheetData: string;
  readonly strings: readonly string[];
  readonly date1904: boolean;
  readonly columnMap?: Record<string, string>;
  readonly dateFormat: DateFormat;
  readonly strict: boolean;
  readonly numbered: boolean;
}

const escaped = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes rows of cells as <sheetData>, the text of shared cells put in `strings`; a row of no cells is left out. */
function sheetDataOf(rows: readonly (CellSpec | null)[][], strings: string[]): string {
  return rows
    .map((cells, index) => {
      const row = index + 1;
      const written = cells.map((cell, column) => {
        if (cell === null) return '';
        const r = `${columnName(column)}${row}`;
        switch (cell.kind) {
          case 'inline':
            return `<c r="${r}" t="inlineStr"><is><t>${escaped(cell.text)}</t></is></c>`;
          case 'shared':
            strings.push(`<si><t xml:space="preserve">${escaped(cell.text)}</t></si>`);
            return `<c r="${r}" t="s"><v>${strings.length - 1}</v></c>`;
          case 'str':
            return `<c r="${r}" t="str"><f>"${escaped(cell.text)}"</f><v>${escaped(cell.text)}</v></c>`;
          case 'number':
            return `<c r="${r}"${cell.dateStyle ? ' s="1"' : ''}><v>${cell.value}</v></c>`;
          case 'boolean':
            return `<c r="${r}" t="b"><v>${cell.value ? 1 : 0}</v></c>`;
          case 'error':
            return `<c r="${r}" t="e"><v>#N/A</v></c>`;
          case 'formula':
            return `<c r="${r}"><f>A1+1</f></c>`;
          default:
            return `<c r="${r}"/>`;
        }
      });
      return `<row r="${row}">${written.join('')}</row>\n`;
    })
    .join('');
}

const sheetCase: fc.Arbitrary<Case> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    dateFormat: fc.constantFrom<DateFormat>(...dateFormats),
    strict: fc.boolean().map((b) => b && Math.random() < 0.3),
    numbered: fc.boolean(),
    date1904: fc.boolean().map((b) => b && Math.random() < 0.3),
  })
  .chain(({ kind, dateFormat, strict, numbered, date1904 }) => {
    const fields = recordSpecs[kind].fields;
    return fc
      .record({
        // Which fields have a column (a required one sometimes missing), in what order, with extra columns.
        order: fc.shuffledSubarray([...fields.keys()], { minLength: Math.max(1, fields.length - 2) }),
        extras: fc.array(fc.constantFrom('notes', 'Source system'), { maxLength: 2 }),
        mapped: fc.boolean(),
        titles: fc.integer({ min: 0, max: 2 }),
        rowCount: fc.integer({ min: 0, max: 25 }),
      })
      .chain(({ order, extras, mapped, titles, rowCount }) => {
        const headers = order.map((index, at) =>
          mapped && at === 0 ? 'Their Name' : (fields[index] as FieldSpec).name,
        );
        const columns = [...order.map((index) => fields[index] as FieldSpec), ...extras.map(() => null)];
        const extra = fc.oneof(texts(['', 'x']), fc.constant<CellSpec>({ kind: 'empty' }));
        const row = fc.tuple(...columns.map((field) => (field === null ? extra : cellOf(field))));
        const line = fc.oneof(
          { weight: 12, arbitrary: row },
          // A short row (its last cells absent), or one wider than the header (a blank cell past it, or a value).
          { weight: 1, arbitrary: row.map((cells) => cells.slice(0, Math.max(1, cells.length - 2))) },
          {
            weight: 1,
            arbitrary: fc
              .tuple(row, texts(['', ' ', 'z']))
              .map(([cells, past]) => [...cells, { kind: 'empty' } as CellSpec, past]),
          },
          // A row of blank cells, which is not handed over.
          {
            weight: 1,
            arbitrary: fc.constant<CellSpec[]>([{ kind: 'inline', text: ' ' }, { kind: 'empty' }]),
          },
        );
        return fc.array(line, { minLength: rowCount, maxLength: rowCount }).map((lines) => {
          const title: CellSpec[] = [{ kind: 'inline', text: 'Referrals, 2010-11' }];
          const header = [...headers, ...extras].map((name): CellSpec => ({ kind: 'inline', text: name }));
          const rows = [...Array.from({ length: titles }, () => title), header, ...lines];
          const strings: string[] = [];
          const sheetData = sheetDataOf(rows, strings);
          const columnMap =
            mapped && order.length > 0
              ? { 'Their Name': (fields[order[0] as number] as FieldSpec).name }
              : undefined;
          return {
            kind,
            sheetData,
            strings,
            date1904,
            dateFormat,
            strict,
            numbered,
            ...(columnMap === undefined ? {} : { columnMap }),
          };
        });
      });
  });

/**
 * Runs `read` with every part of a workbook unzipped in the pieces that `cuts` make: Node's zlib, which the workbook
 * module asks `process.getBuiltinModule` for, is stood in for by one that inflates a part whole and hands it on cut.
 */
async function inPieces<T>(cuts: readonly number[], read: () => Promise<T>): Promise<T> {
  const builtin = process.getBuiltinModule;
  const spy = vi.spyOn(process, 'getBuiltinModule').mockImplementation(((name: string) =>
    name === 'node:zlib'
      ? {
          createInflateRaw: () => {
            tally.unzipped++;
            let compressed: Uint8Array = new Uint8Array(0);
            return {
              end(data: Uint8Array) {
                compressed = data;
              },
              async *[Symbol.asyncIterator]() {
                yield* cutAt(new Uint8Array(zlib.inflateRawSync(compressed)), cuts);
              },
            };
          },
        }
      : builtin(name)) as typeof process.getBuiltinModule);
  try {
    return await read();
  } finally {
    spy.mockRestore();
  }
}

/** Everything a read gives (or the error it throws), and the child numbering's size, as plain data with key order. */
async function outcome(
  read: () => Promise<unknown>,
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

/**
 * How many rows the sheet lanes of the reads so far read in place, how many rows those reads accepted, and how many
 * parts they unzipped in cut pieces.
 */
const tally = { inPlace: 0, accepted: 0, unzipped: 0 };

/** How many rows the last sheet lane fed by {@link tokenize} read in place. */
let lastInPlace = 0;

/** The core's workbook tokenizer, noting how many rows a sheet lane it fed read in place. */
const tokenize: WorkbookTokenizer = async (bytes, options, sink) => {
  lastInPlace = 0;
  const read = await tokenizeSheet(bytes, options, sink);
  if (sink instanceof SheetLane) lastInPlace = sink.rowsInPlace;
  return read;
};

/** A workbook's sheet read by the general path and by the sheet lane (in the pieces `cuts` make): both outcomes. */
async function bothWays(
  kind: RecordKind,
  bytes: Uint8Array,
  options: { dateFormat?: DateFormat; strict?: boolean; sheet?: number; columnMap?: Record<string, string> },
  numbered: boolean,
  cuts: readonly number[],
) {
  const layout = kindLayout(kind, options.columnMap === undefined ? {} : { columnMap: options.columnMap });
  const read = async (lanes: Lanes) => {
    const childNumbering = numbered ? createKeyNumbering() : undefined;
    const { columnMap: _map, ...given } = options;
    return outcome(
      () =>
        readWorkbookBy(
          kind,
          bytes,
          layout,
          {
            ...given,
            file: 'gen.xlsx',
            tokenize,
            ...(childNumbering === undefined ? {} : { childNumbering }),
          },
          lanes,
        ),
      childNumbering,
    );
  };
  const general = await read({ lane: 'general' });
  let lane = '';
  const fast = await inPieces(cuts, () => read({ onLane: (way) => (lane = way) }));
  const got = fast as { result?: { accounting: { rowsAccepted: number } } };
  if (lane === 'fast') {
    tally.inPlace += lastInPlace;
    tally.accepted += got.result?.accounting.rowsAccepted ?? 0;
  }
  // Read again keeping the records as day columns of every date field: everything else the same as the general
  // path's, and the days those of its records' dates.
  const dayColumns = dateFieldsOf(kind);
  const dayGroup = groupFieldOf(kind);
  const { columnMap: _map, ...given } = options;
  const days = await inPieces(cuts, () =>
    outcome(() =>
      readWorkbookBy(
        kind,
        bytes,
        layout,
        { ...given, file: 'gen.xlsx', tokenize },
        { keep: { dayColumns, ...(dayGroup === undefined ? {} : { dayGroup }) } },
      ),
    ),
  );
  expect(throughDays(days, dayColumns, dayGroup)).toStrictEqual(throughDays(general, dayColumns, dayGroup));
  return { general, fast, lane };
}

describe('readWorkbookBy', () => {
  it('gives by the sheet lane exactly what the general path gives, for any sheet, unzipped in any pieces', async () => {
    // Each generated sheet (cells of every type, stored inline or shared; dates as serials in a date style, as
    // serials without one, and as text; blank, padded and bad cells; formulas without a value; rows shorter or wider
    // than the header; title rows above it; ids that repeat) is read by the general path, and by the sheet lane with
    // the sheet unzipped in random pieces. The whole result (records with their keys' order, rows, issues,
    // accounting, columns, fieldsPresent, warnings, file values; or strict mode's error) and the numbering of child
    // ids must be the same. The lane must read a good share of the rows itself, or the property would prove nothing.
    tally.inPlace = 0;
    tally.accepted = 0;
    tally.unzipped = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(sheetCase, fc.array(fc.nat(), { maxLength: 6 }), async (c, cuts) => {
        const bytes = await workbookOf(c.sheetData, c.strings.length > 0 ? c.strings : undefined, {
          dateStyle: true,
          date1904: c.date1904,
        });
        const options = {
          dateFormat: c.dateFormat,
          strict: c.strict,
          ...(c.columnMap === undefined ? {} : { columnMap: c.columnMap }),
        };
        runs++;
        const { general, fast } = await bothWays(c.kind, bytes, options, c.numbered, cuts);
        expect(fast).toStrictEqual(general);
      }),
      { numRuns: 300 },
    );
    expect(tally.inPlace).toBeGreaterThan(tally.accepted * 0.6);
    // The stand-in for zlib unzipped the parts (at least the workbook, its relationships and the sheet each read).
    expect(tally.unzipped).toBeGreaterThanOrEqual(runs * 3);
  }, 120_000);

  it('gives by the sheet lane what the general path gives for every sheet of every test workbook', async () => {
    // Each sheet of the test workbooks (those the presets read, those of the workbook module's tests; the bad ones
    // too) read as several kinds, as they are and with column maps that match the Annex A lists' headers, both ways.
    const maps: [RecordKind, Record<string, string> | undefined][] = [
      ['referral', undefined],
      ['initial-assessment', undefined],
      [
        'referral',
        {
          'Child Unique ID': 'id',
          Ethnicity: 'childId',
          Flag: 'childId',
          'Date of referral': 'referralDate',
          'Allocated Team': 'team',
          'Referral Source': 'source',
          'Number of Referrals in Last 12 Months': 'referralsInLast12Months',
        },
      ],
      [
        'core-assessment',
        {
          'child unique id': 'id',
          ethnicity: 'childId',
          'continuous assessment start date': 'startDate',
          'continuous assessment date of authorisation': 'completedDate',
          'allocated team': 'team',
          'allocated worker': 'workerId',
        },
      ],
      [
        'worker',
        { 'Child Unique ID': 'workerId', 'Age of Child (Years)': 'fte', 'Days since previous': 'cases' },
      ],
    ];
    tally.inPlace = 0;
    let sheets = 0;
    for (const folder of ['workbook', 'presets']) {
      const names = readdirSync(fileURLToPath(new URL(`../fixtures/${folder}`, import.meta.url)));
      for (const name of names.filter((n) => n.endsWith('.xlsx'))) {
        const bytes = fixtureBytes(`${folder}/${name}`);
        let count = 1;
        try {
          count = (await openWorkbook(bytes)).sheets.length;
        } catch {
          // Not a workbook that opens: read once, and refused both ways.
        }
        for (let sheet = 1; sheet <= count; sheet++) {
          sheets++;
          for (const [kind, columnMap] of maps) {
            for (const dateFormat of ['auto', 'dmy'] as const) {
              const options = { sheet, dateFormat, ...(columnMap === undefined ? {} : { columnMap }) };
              const { general, fast } = await bothWays(kind, bytes, options, false, [4096, 100_000]);
              expect(fast, `${folder}/${name} sheet ${sheet} as ${kind}`).toStrictEqual(general);
            }
          }
        }
      }
    }
    expect(sheets).toBeGreaterThanOrEqual(15);
    expect(tally.inPlace).toBeGreaterThan(0);
  }, 120_000);
});
