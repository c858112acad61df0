import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CinCensusKind,
  type CinCensusWay,
  cinCensusKinds,
  cinCensusXml,
  cinCensusXmlOf,
  createCinCensusShape,
  createCinCensusShapeBy,
} from '../../src/presets/cin-census.js';
import { readRecordsSource, readRecordsText } from '../../src/records/read-source.js';
import type { Layout } from '../../src/records/shape.js';
import { read } from '../helpers/census-arbitrary.js';
import { censusOutcome } from '../helpers/census-read.js';
import { cutAt } from '../helpers/pieces.js';

/** A census kind read with the given tokenizer options: records, issues, accounting and skipped rows. */
function readWith(kind: CinCensusKind, text: string, xml: Layout['xml']) {
  const layout: Layout = {
    label: `CIN census ${kind} records`,
    shape: (next) => createCinCensusShape(kind, next),
    skips: true,
    ...(xml === undefined ? {} : { xml }),
  };
  const { records, rows, issues, accounting, skipped, readable, warnings } = readRecordsText(
    kind,
    text,
    'xml',
    layout,
    {
      file: 'census.xml',
    },
  );
  return { records, rows, issues, accounting, skipped, readable, warnings };
}

// Generated censuses: each kind's shape reads a few names; the rest are matched but not built. Read names with text
// and children mixed, names read by one kind nested where another kind reads them, names no kind reads
// (PersonBirthDate, Extra), comments, CDATA, entities and a bare "&" (a refusal) in text that is not built, a
// mismatched end tag inside an element not read (a refusal naming its line).
const names = [...read, 'PersonBirthDate', 'Extra', 'ns:Extra', 'Child'];
const texts = ['2012-05-01', '2012-06-15', '01/07/2012', 'false', 'true', 'maybe', '2', 'C1', ' C&amp;2 '];
const leaf = fc.oneof(
  {
    weight: 20,
    arbitrary: fc
      .tuple(fc.constantFrom(...names), fc.constantFrom(...texts))
      .map(([name, text]) => `<${name}>${text}</${name}>`),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom('<Extra/>', '<!-- note -->', '<Extra><![CDATA[a & b]]></Extra>', '\n'),
  },
);
const element = (depth: number): fc.Arbitrary<string> =>
  depth === 0
    ? leaf
    : fc.oneof(
        { weight: 2, arbitrary: leaf },
        {
          weight: 1,
          arbitrary: fc
            .tuple(
              fc.constantFrom(...names),
              fc.array(element(depth - 1), { maxLength: 4 }),
              fc.constantFrom('', 'text '),
            )
            .map(([name, inner, text]) => `<${name}>${text}${inner.join('\n')}</${name}>`),
        },
      );
const elements = fc.array(element(2), { maxLength: 4 }).map((inner) => inner.join('\n'));
// A child as a census writes it (identifiers, then episodes with their events), other elements among them.
const day = fc.constantFrom('2012-05-01', '2012-06-15', '01/07/2012', '2012-13-01', '');
const yesNo = fc.constantFrom('false', 'true', 'maybe', '0');
/** An event element of an episode: its fields (each there or not), other elements among them. */
const event = (name: string, fields: readonly [string, fc.Arbitrary<string>][]) =>
  fc
    .tuple(fc.array(fc.tuple(...fields.map(([, value]) => fc.option(value, { nil: undefined })))), elements)
    .map(([sets, extra]) =>
      sets
        .map(
          (values) =>
            `<${name}>${values.map((value, k) => (value === undefined ? '' : `<${fields[k]?.[0]}>${value}</${fields[k]?.[0]}>`)).join('\n')}${extra}</${name}>`,
        )
        .join('\n'),
    );
const episode = fc
  .tuple(
    day,
    elements,
    event('Assessments', [
      ['AssessmentActualStartDate', day],
      ['AssessmentAuthorisationDate', day],
    ]),
    event('Section47', [
      ['S47ActualStartDate', day],
      ['DateOfInitialCPC', day],
      ['ICPCnotRequired', yesNo],
    ]),
    event('ChildProtectionPlans', [
      ['CPPstartDate', day],
      ['CPPendDate', day],
      ['NumberOfPreviousCPP', fc.constantFrom('0', '2', 'x')],
    ]),
    fc.option(day, { nil: undefined }),
  )
  .map(
    ([date, other, assessments, enquiries, plans, conference]) =>
      `<CINdetails><CINreferralDate>${date}</CINreferralDate><ReferralSource>1A</ReferralSource>${other}\n${assessments}\n${enquiries}\n${plans}${conference === undefined ? '' : `<DateOfInitialCPC>${conference}</DateOfInitialCPC>`}</CINdetails>`,
  );
// Now and then, a refusal inside an element not read: a bare "&", an end tag that does not match.
const refusal = fc.oneof(
  { weight: 15, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('<Extra>AT&T</Extra>', '<Extra><X>y</Z></Extra>') },
);
/** A child whose LAchildID is drawn from `ids`. */
const childOf = (ids: fc.Arbitrary<string>) =>
  fc
    .tuple(ids, elements, fc.array(episode, { maxLength: 3 }), elements, refusal)
    .map(
      ([id, extra, episodes, more, bad]) =>
        `<Child>\n<ChildIdentifiers><LAchildID>${id}</LAchildID>${extra}</ChildIdentifiers>\n${episodes.join('\n')}\n${more}${bad}</Child>`,
    );
const child = childOf(fc.constantFrom('C1', 'C2', ''));
const census = fc
  .array(child, { minLength: 1, maxLength: 5 })
  .map((children) => `<Message>\n<Children>\n${children.join('\n')}\n</Children>\n</Message>\n`);

describe('cinCensusXmlOf', () => {
  it('reads every kind of any census exactly as when every element is built', () => {
    // Sameness must hold for any layout of the generated censuses above.
    let recordsSeen = 0;
    fc.assert(
      fc.property(census, fc.constantFrom(...cinCensusKinds), (text, kind) => {
        const pruned = readWith(kind, text, cinCensusXmlOf(kind));
        expect(pruned).toEqual(readWith(kind, text, cinCensusXml));
        recordsSeen += pruned.records.length;
      }),
      { numRuns: 600 },
    );
    // The documents made records to compare, not only refusals.
    expect(recordsSeen).toBeGreaterThan(100);
  });

  it('names the elements each kind reads, and builds every element for a kind the census does not give', () => {
    expect(cinCensusXmlOf('referral').reads).toEqual([
      'ChildIdentifiers',
      'LAchildID',
      'CINdetails',
      'CINreferralDate',
      'ReferralSource',
    ]);
    expect(cinCensusXmlOf('worker').reads).toBeUndefined();
  });
});

describe('createCinCensusShapeBy', () => {
  /** The whole result of a census read from its bytes in the pieces given, its records reaching the check `way`. */
  async function readBy(kind: CinCensusKind, pieces: readonly Uint8Array[], way: CinCensusWay) {
    const layout: Layout = {
      label: `CIN census ${kind} records`,
      shape: (next) => createCinCensusShapeBy(kind, next, {}, way),
      skips: true,
      xml: cinCensusXmlOf(kind),
    };
    const source = {
      name: 'census.xml',
      chunks: async function* () {
        yield* pieces;
      },
    };
    return readRecordsSource(kind, source, 'xml', layout);
  }

  it('gives the check stage each record as the kind’s shape gives the same values as an item', async () => {
    // `direct` (the values in field order, no object per record) against `item` (an object of the values present,
    // through createKindShape, the way before): the whole result the same (records, rows, issues, accounting,
    // skipped rows, fields present, warnings), for every kind of the generated censuses above, cut anywhere. The
    // censuses hold records with every field, with blank or missing fields (a blank LAchildID or date: an id with
    // "?", a missing_field), dates to reject, enquiries skipped, and refusals.
    let recordsSeen = 0;
    await fc.assert(
      fc.asyncProperty(
        census,
        fc.constantFrom(...cinCensusKinds),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (text, kind, cuts) => {
          const pieces = cutAt(new TextEncoder().encode(text), cuts);
          const direct = await readBy(kind, pieces, 'direct');
          expect(direct).toEqual(await readBy(kind, pieces, 'item'));
          recordsSeen += direct.records.length;
        },
      ),
      { numRuns: 400 },
    );
    expect(recordsSeen).toBeGreaterThan(100);
  });
});

describe('the census lane (Shape.plainItems)', () => {
  // Censuses whose children's ids are mostly their own (so that many are read by the lane with every id checked at
  // the end, and kept), and some repeated (C1 twice, a blank id: "?@date"), and ids and texts with a CR LF inside; the
  // same censuses with every line ended CR LF. A child's two episodes on one day repeat an id too.
  const laneCensus = fc
    .tuple(
      fc.array(childOf(fc.constantFrom('C1', 'C2', 'C3', 'C4', 'C5', '', 'C\r\n6')), {
        minLength: 1,
        maxLength: 5,
      }),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([children, own, crlf]) => {
      // Half the censuses give each child an id of its own (K0, K1…), so that a census without repeats is common.
      const text = `<Message>\n<Children>\n${children.map((c, k) => (own ? c.replace(/<LAchildID>[^<]*</, `<LAchildID>K${k}<`) : c)).join('\n')}\n</Children>\n</Message>\n`;
      return crlf ? text.replaceAll('\n', '\r\n') : text;
    });

  /** Everything a read gives (or the strict mode's error), the child numbering's size, and the way it was read. */
  async function readAs(
    kind: CinCensusKind,
    pieces: readonly Uint8Array[],
    lane: 'auto' | 'general',
    strict: boolean,
  ) {
    let way = '';
    const outcome = await censusOutcome(kind, pieces, lane, strict, {
      onLane: (taken) => {
        way = taken;
      },
    });
    return { way, outcome };
  }

  it('gives by the lane exactly what the general path gives, for any census, cut anywhere', async () => {
    // The general path (`lane: 'general'`: every record by the check stage's `values`) against the lane (records
    // by `PlainRows.cells`, their ids checked at the end; read again with ids looked up row by row when one repeats,
    // or when the file is refused after the lane kept records): the whole result (records and their keys' order,
    // rows, issues and their order, accounting, skipped rows, fields present, warnings; or the strict mode's
    // error) and the child numbering the same, for every kind, the bytes cut anywhere. Both outcomes must be seen
    // often: a census read by the lane with no repeat (kept at the first read), and one with a repeated id.
    let kept = 0;
    let repeated = 0;
    await fc.assert(
      fc.asyncProperty(
        laneCensus,
        fc.constantFrom(...cinCensusKinds),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        async (text, kind, cuts, strict) => {
          const pieces = cutAt(new TextEncoder().encode(text), cuts);
          const general = await readAs(kind, pieces, 'general', strict);
          const byLane = await readAs(kind, pieces, 'auto', strict);
          expect(general.way).toBe('general');
          // (A strict read that throws tells no way.)
          if ('result' in byLane.outcome) expect(byLane.way).toBe('fast');
          expect(byLane.outcome).toStrictEqual(general.outcome);
          const { issues, accounting } =
            'result' in general.outcome ? general.outcome.result : general.outcome.thrown;
          if (issues.some((issue) => issue.code === 'duplicate_id')) repeated++;
          else if ((accounting?.rowsAccepted ?? 0) > 0) kept++;
        },
      ),
      { numRuns: 600 },
    );
    expect(kept).toBeGreaterThan(25);
    expect(repeated).toBeGreaterThan(100);
  });
});
