import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { computeIndicator } from '../../src/indicators/compute.js';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { inputLayout } from '../../src/presets/input-layout.js';
import { type FieldSpec, recordSpecs } from '../../src/records/fields.js';
import type { InputIssue } from '../../src/records/issues.js';
import { readTextBy, readWorkbookBy } from '../../src/records/read-source.js';
import type { ParseRecordsResult } from '../../src/records/record-reader.js';
import type { RecordKind } from '../../src/records/schemas.js';
import { kindLayout } from '../../src/records/shape-kind.js';
import { isoDateToSerial } from '../../src/workbook/serials.js';
import { type WorkbookValue, writeWorkbook } from '../../src/workbook/write-workbook.js';

const dir = mkdtempSync(join(tmpdir(), 'csi-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file of the run's directory, and gives its path. */
function write(name: string, contents: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, contents);
  return path;
}

/** Each kind with an indicator that counts its records over FY2010 (2010-04-01 to 2011-03-31). */
const INDICATORS = {
  'initial-assessment': 'NI59',
  referral: 'REPEAT_REFERRALS',
  'cp-conference': 'CPC15',
} as const;
type Kind = keyof typeof INDICATORS;

const ISO_DATE = /^\d{4}-\d\d-\d\d$/;

/** A day from 2009-01-01 to 2011-03-11: in the period, before it, and looked back over. */
const day = fc
  .integer({ min: 0, max: 800 })
  .map((n) => new Date(Date.UTC(2009, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

/**
 * A value of a field, as text every format writes alike: mostly plain; now and then blank, padded, not ASCII (the
 * CSV lane hands such a file back), or not a value of the field (an impossible date, one out of range, a count that
 * is no count). Ids are made by the case itself.
 */
function writtenValue(field: FieldSpec): fc.Arbitrary<string> {
  const plain = ((): fc.Arbitrary<string> => {
    switch (field.type) {
      case 'date':
        return day;
      case 'boolean':
        return fc.constantFrom('true', 'false');
      case 'count':
        return fc.constantFrom('0', '3');
      case 'enum':
        return fc.constantFrom(...(field.values ?? []));
      default:
        return fc.constantFrom('C1', 'C2', 'C3', 'North', 'East', 'W1');
    }
  })();
  const odd = ((): fc.Arbitrary<string> => {
    switch (field.type) {
      case 'date':
        return fc.constantFrom('', '2010-02-30', '2012-02-29', '1989-12-31');
      case 'boolean':
        return fc.constantFrom('', 'maybe');
      case 'count':
        return fc.constantFrom('', '2.5');
      case 'enum':
        return fc.constantFrom('', 'other');
      default:
        return fc.constantFrom('', ' C1', 'C2 ', 'Zoë');
    }
  })();
  return fc.oneof({ weight: 30, arbitrary: plain }, { weight: 1, arbitrary: odd });
}

/** A table of records of a kind: its rows' values by field, ids `K1`, `K2`… with now and then one given again. */
function tableOf(kind: Kind): fc.Arbitrary<string[][]> {
  const fields = recordSpecs[kind].fields;
  const key = fields.findIndex((field) => field.name === 'id');
  return fc
    .record({
      rows: fc.array(fc.tuple(...fields.map(writtenValue)), { maxLength: 40 }),
      again: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
    })
    .map(({ rows, again }) => {
      const table = rows.map((row, i) => row.map((value, j) => (j === key ? `K${i + 1}` : value)));
      for (const [to, from] of again) {
        const row = table[to % Math.max(1, table.length)];
        const given = table[from % Math.max(1, table.length)]?.[key];
        if (row !== undefined && given !== undefined) row[key] = given;
      }
      return table;
    });
}

/** `2010-10-01` as `01/10/2010`; any other value as it is. */
function dayFirst(value: string): string {
  return ISO_DATE.test(value) ? `${value.slice(8)}/${value.slice(5, 7)}/${value.slice(0, 4)}` : value;
}

/** A real date Excel can hold (from 1900-03-01), which a workbook may write as a date cell or a serial. */
function isWorkbookDate(value: string): boolean {
  return ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) && value.slice(8) <= '28';
}

/** The cell a workbook holds for a value: a date as a date cell or a bare serial, a yes/no as a boolean cell. */
function cellOf(field: FieldSpec, value: string, row: number): WorkbookValue {
  if (value === '') return null;
  if (field.type === 'date' && isWorkbookDate(value)) {
    return row % 2 === 0 ? { date: value } : isoDateToSerial(value);
  }
  if (field.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  if (field.type === 'count' && /^\d+$/.test(value)) return Number(value);
  return value;
}

/** What must agree between formats: records, rows, accounting, and each issue's code, row, field and severity. */
function agreed(result: ParseRecordsResult<RecordKind>, rowShift = 0) {
  return {
    records: result.records,
    rows: result.rows.map((row) => row + rowShift),
    accounting: result.accounting,
    issues: result.issues.map(
      (issue: InputIssue) => `${issue.code} row ${issue.row + rowShift} ${issue.field} ${issue.severity}`,
    ),
  };
}

/** The figure and counts of the kind's indicator over FY2010. */
function figureOf(kind: Kind, result: ParseRecordsResult<RecordKind>) {
  const { numerator, denominator, counts } = computeIndicator(
    INDICATORS[kind],
    result.records as never,
    'FY2010',
  );
  return { numerator, denominator, counts };
}

describe('readRecordsFile (formats, property)', () => {
  it.each(Object.keys(INDICATORS) as Kind[])(
    'reads the same %s records from CSV (by the fast lane and the general path), NDJSON, JSON and a workbook, to the same figure',
    async (kind) => {
      // The same table written as CSV with ISO dates and LF (read by the fast lane), with dates day first, CRLF and
      // a byte-order mark (the fast lane too), with every cell quoted (the general path: the lane hands back at a
      // quote), as NDJSON and as a JSON array (items: blank values left out), and as a workbook (dates as date cells
      // or bare serials, yes/no as boolean cells, counts as numbers: the sheet lane), each read from a file. Every
      // format must give the same records, rows (NDJSON lines and JSON items have no header row before them, so are
      // one less), accounting, issues (their messages may differ: a blank cell against an item without the value,
      // and the value as written) and indicator figure as the quoted CSV read by the general path. The lanes must
      // read a good share of the files, or the property would prove nothing of them.
      const fields = recordSpecs[kind].fields;
      const header = fields.map((field) => field.name);
      let csvLane = 0;
      let sheetLane = 0;
      let counted = 0;
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(tableOf(kind), async (table) => {
          runs++;
          const lines = (rows: readonly (readonly string[])[], end: string) =>
            rows.map((row) => `${row.join(',')}${end}`).join('');
          const iso = lines([header, ...table], '\n');
          const uk = `\uFEFF${lines(
            [
              header,
              ...table.map((row) =>
                row.map((value, j) => (fields[j]?.type === 'date' ? dayFirst(value) : value)),
              ),
            ],
            '\r\n',
          )}`;
          const quoted = lines(
            [header, ...table].map((row) => row.map((value) => `"${value}"`)),
            '\n',
          );
          const items = table.map((row) =>
            JSON.stringify(
              Object.fromEntries(row.flatMap((value, j) => (value === '' ? [] : [[header[j], value]]))),
            ),
          );
          const workbook = await writeWorkbook([
            {
              name: 'Records',
              rows: [
                header,
                ...table.map((row, i) => row.map((value, j) => cellOf(fields[j] as FieldSpec, value, i))),
              ],
            },
          ]);

          const expected = await readRecordsFile(kind, write('quoted.csv', quoted));
          const figure = figureOf(kind, expected);
          if (figure.denominator > 0) counted++;
          const reads: [ParseRecordsResult<RecordKind>, number][] = [
            [await readRecordsFile(kind, write('iso.csv', iso)), 0],
            [await readRecordsFile(kind, write('uk.csv', uk)), 0],
            [await readRecordsFile(kind, write('items.ndjson', items.join('\n'))), 1],
            [await readRecordsFile(kind, write('items.json', `[\n${items.join(',\n')}\n]`)), 1],
            [await readRecordsFile(kind, write('sheet.xlsx', workbook)), 0],
          ];
          for (const [read, rowShift] of reads) {
            expect(agreed(read, rowShift)).toStrictEqual(agreed(expected));
            expect(figureOf(kind, read)).toStrictEqual(figure);
          }

          readTextBy(
            kind,
            iso,
            'csv',
            kindLayout(kind),
            {},
            { onLane: (lane) => lane === 'fast' && csvLane++ },
          );
          await readWorkbookBy(
            kind,
            workbook,
            inputLayout(kind, 'xlsx'),
            {},
            { onLane: (lane) => lane === 'fast' && sheetLane++ },
          );
        }),
        { numRuns: 60 },
      );
      expect(csvLane).toBeGreaterThan(runs / 2);
      expect(sheetLane).toBeGreaterThan(runs / 2);
      // And enough tables with records in the indicator's population, or the figures compared would all be 0/0.
      expect(counted).toBeGreaterThan(runs / 8);
    },
    60_000,
  );
});

/** One `CINdetails` episode of a child in a census: its referral date and source, each present or not. */
const episode = fc.record({
  date: fc.oneof({ weight: 20, arbitrary: day }, { weight: 1, arbitrary: fc.constantFrom('', '2010-02-30') }),
  source: fc.constantFrom('', '1A', '6'),
});

/** A census's children: each an id (now and then blank, or a child given twice) and up to three episodes. */
const children = fc.array(
  fc.record({
    childId: fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom('C1', 'C2', 'C3', 'C4') },
      { weight: 1, arbitrary: fc.constant('') },
    ),
    episodes: fc.array(episode, { maxLength: 3 }),
  }),
  { maxLength: 12 },
);

describe('readRecordsFile (a CIN census against its referrals as CSV, property)', () => {
  it('reads the same referrals from a census by its direct shape as from a CSV of them by the fast lane, to the same figure', async () => {
    // A census of children with their episodes, and the same referrals written as a CSV of referral records, ids
    // made as the census makes them (the child, then the referral date; `?` for either missing). Read by the
    // census preset (its tokenizer reading only the elements referrals need, its records given to the check
    // stage directly) and by the CSV lane, the records, accounting, issues in order (code, field, severity: rows
    // differ, XML lines against CSV lines) and REPEAT_REFERRALS must be the same.
    let counted = 0;
    await fc.assert(
      fc.asyncProperty(children, async (given) => {
        const xml = [
          '<?xml version="1.0" encoding="utf-8"?>',
          '<Message>',
          '  <Header><CollectionDetails><Collection>CIN</Collection><ReferenceDate>2011-03-31</ReferenceDate></CollectionDetails></Header>',
          '  <Children>',
          ...given.map(({ childId, episodes }) =>
            [
              '    <Child>',
              `      <ChildIdentifiers><LAchildID>${childId}</LAchildID></ChildIdentifiers>`,
              ...episodes.map(
                ({ date, source }) =>
                  `      <CINdetails>\n        <CINreferralDate>${date}</CINreferralDate>${source === '' ? '' : `<ReferralSource>${source}</ReferralSource>`}\n      </CINdetails>`,
              ),
              '    </Child>',
            ].join('\n'),
          ),
          '  </Children>',
          '</Message>',
          '',
        ].join('\n');
        const csv = [
          'id,childId,referralDate,source',
          ...given.flatMap(({ childId, episodes }) =>
            episodes.map(
              ({ date, source }) => `${childId || '?'}@${date || '?'},${childId},${date},${source}`,
            ),
          ),
          '',
        ].join('\n');
        const census = await readRecordsFile('referral', write('census.xml', xml));
        const table = await readRecordsFile('referral', write('referrals.csv', csv));
        const inOrder = (result: ParseRecordsResult<'referral'>) => ({
          records: result.records,
          accounting: result.accounting,
          issues: result.issues.map((issue) => `${issue.code} ${issue.field} ${issue.severity}`),
        });
        expect(inOrder(census)).toStrictEqual(inOrder(table));
        const figure = figureOf('referral', table);
        expect(figureOf('referral', census)).toStrictEqual(figure);
        if (figure.denominator > 0) counted++;
      }),
      { numRuns: 150 },
    );
    // Enough censuses with referrals in FY2010, or the figures compared would all be 0/0.
    expect(counted).toBeGreaterThan(50);
  }, 60_000);
});
