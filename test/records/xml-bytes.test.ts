import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CinCensusKind,
  cinCensusKinds,
  cinCensusXml,
  cinCensusXmlOf,
} from '../../src/presets/cin-census.js';
import type { RowSink } from '../../src/records/stages.js';
import { createXmlTokenizerBy, XML_LINE } from '../../src/records/tokenize-xml.js';
import { XmlByteLane } from '../../src/records/xml-bytes.js';
import { census } from '../helpers/census-arbitrary.js';
import { censusOutcome } from '../helpers/census-read.js';
import { cutAt } from '../helpers/pieces.js';

/**
 * Everything a read gives (the result, or the strict mode's error), the child numbering's size, and whether the byte
 * lane read it (`''`), why it handed it back, or `not tried`.
 */
async function readAs(
  kind: CinCensusKind,
  pieces: readonly Uint8Array[],
  lane: 'auto' | 'general',
  strict: boolean,
) {
  const bytes: string[] = [];
  const outcome = await censusOutcome(kind, pieces, lane, strict, { onBytes: (why) => bytes.push(why) });
  return { bytes, outcome };
}

describe('the census byte lane (xml-bytes.ts)', () => {
  it('gives exactly what the general path gives, for any census, cut anywhere, or hands it back', async () => {
    // The general path (decoded, tokenized, every record by the check's `values`) against the lanes (read from the
    // bytes when the byte lane reads the file, else handed back to the decoder and tokenizer, with the census lane
    // taking the items): the whole result (records and their keys' order, rows and lines, issues and their order,
    // accounting, skipped rows, fields present, warnings, the input's hash and encoding; or the strict mode's
    // error) and the child numbering the same, for every kind, the bytes cut anywhere. Both must be seen often: a
    // file read from its bytes, and a file handed back.
    let readFromBytes = 0;
    let handedBack = 0;
    await fc.assert(
      fc.asyncProperty(
        census,
        fc.constantFrom(...cinCensusKinds),
        fc.array(fc.nat(), { maxLength: 16 }),
        fc.boolean(),
        async (text, kind, cuts, strict) => {
          const pieces = cutAt(new TextEncoder().encode(text), cuts);
          const general = await readAs(kind, pieces, 'general', strict);
          const lanes = await readAs(kind, pieces, 'auto', strict);
          expect(general.bytes).toEqual([]);
          expect(lanes.outcome).toStrictEqual(general.outcome);
          if (lanes.bytes.includes('')) readFromBytes++;
          else if (lanes.bytes.length > 0) handedBack++;
        },
      ),
      { numRuns: 700 },
    );
    expect(readFromBytes).toBeGreaterThan(200);
    expect(handedBack).toBeGreaterThan(100);
  });

  it('gives the tokenizer’s items themselves: every element’s value, its text beside children, and its line', () => {
    // Below the result: the items the byte lane gives the shape stage against the tokenizer's (its general path),
    // compared whole with their lines (XML_LINE, a symbol, which toStrictEqual compares too) and the text an element
    // with children keeps (`#text`, which no census shape reads), for every file the lane reads.
    let compared = 0;
    fc.assert(
      fc.property(
        census,
        fc.constantFrom(...cinCensusKinds),
        fc.array(fc.nat(), { maxLength: 16 }),
        (text, kind, cuts) => {
          const options = cinCensusXmlOf(kind);
          const events = () => {
            const seen: unknown[] = [];
            const sink: RowSink = {
              row: () => seen.push('row'),
              item: (item, line) => seen.push({ item, line }),
              problem: (problem) => seen.push({ problem }),
              refuse: (message) => seen.push({ refuse: message }),
              fileValue: (name, value) => seen.push({ name, value }),
              end: () => seen.push('end'),
            };
            return { seen, sink };
          };
          const byLane = events();
          const lane = new XmlByteLane(options, byLane.sink);
          for (const piece of cutAt(new TextEncoder().encode(text), cuts)) lane.write(piece);
          lane.end();
          if (lane.handedBack) return;
          const byTokenizer = events();
          const tokenizer = createXmlTokenizerBy(options, byTokenizer.sink, 'general');
          tokenizer.write(text);
          tokenizer.end();
          expect(byLane.seen).toStrictEqual(byTokenizer.seen);
          compared++;
        },
      ),
      { numRuns: 1500 },
    );
    expect(compared).toBeGreaterThan(500);
  });

  it('reads a census cut at any byte the same as whole, where a name is another’s start', () => {
    // The lane guesses each start tag's name from the one that followed the same tag last time (here `Extra` after
    // `</Extra>`), and compares it with its `>` four bytes at a time, or byte by byte at the end of a piece: a cut
    // just after `<ExtraX` must not read it as `<Extra>`. Every place of one cut, and of two cuts three bytes apart,
    // against the tokenizer's items for the whole text.
    const text =
      '<Children><Child><LAchildID>C1</LAchildID><Extra>1</Extra><Extra>2</Extra><ExtraX>3</ExtraX><Extra>4</Extra><LAchildIDs>5</LAchildIDs></Child></Children>';
    // Every element built (no `reads`), so that `Extra` and `ExtraX` are items' values.
    const items = (write: (sink: RowSink) => boolean) => {
      const seen: unknown[] = [];
      const sink: RowSink = {
        row: () => {},
        item: (item, line) => seen.push({ item, line }),
        problem: () => {},
        refuse: (message) => seen.push({ refuse: message }),
        fileValue: () => {},
        end: () => seen.push('end'),
      };
      return write(sink) ? seen : 'handed back';
    };
    const whole = items((sink) => {
      const tokenizer = createXmlTokenizerBy(cinCensusXml, sink, 'general');
      tokenizer.write(text);
      tokenizer.end();
      return true;
    });
    const bytes = new TextEncoder().encode(text);
    for (let at = 0; at <= bytes.length; at++) {
      for (const cuts of [[at], [at, at + 3]]) {
        const byLane = items((sink) => {
          const lane = new XmlByteLane(cinCensusXml, sink);
          for (const piece of cutAt(bytes, cuts)) lane.write(piece);
          lane.end();
          return !lane.handedBack;
        });
        expect(byLane).toStrictEqual(whole);
      }
    }
  });

  /** The reason the byte lane gives for a census text, or '' when it reads it. */
  async function laneWay(text: string): Promise<string> {
    const lanes = await readAs('referral', [new TextEncoder().encode(text)], 'auto', false);
    const general = await readAs('referral', [new TextEncoder().encode(text)], 'general', false);
    expect(lanes.outcome).toStrictEqual(general.outcome);
    return lanes.bytes[0] ?? 'not tried';
  }
  const wrap = (inner: string) =>
    `<Message><Children><Child><ChildIdentifiers><LAchildID>C1</LAchildID></ChildIdentifiers>${inner}<CINdetails><CINreferralDate>2010-10-08</CINreferralDate></CINdetails></Child></Children></Message>`;

  it('reads a plain census, and hands back each thing it does not read, naming it', async () => {
    expect(await laneWay(wrap(''))).toBe('');
    expect(await laneWay(`<?xml version="1.0" encoding="UTF-8"?>\n${wrap('')}`)).toBe('');
    expect(await laneWay(wrap('<Extra>AT&amp;T</Extra>'))).toBe('the census byte lane: an "&"');
    expect(await laneWay(wrap('<Extra>Zoë</Extra>'))).toBe('the census byte lane: a byte outside ASCII');
    expect(await laneWay(wrap('<Extra>\u0007</Extra>'))).toBe('the census byte lane: a control character');
    expect(await laneWay(wrap('<!-- a note -->'))).toMatch(/^the census byte lane: markup it does not read/);
    // Attributes are checked as the tokenizer checks them, and not read; one not written name="value" is handed back.
    expect(
      await laneWay(
        `<Message xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n  a='1'>${wrap('').slice(9)}`,
      ),
    ).toBe('');
    expect(await laneWay(wrap('<Extra kind="a">1</Extra>'))).toBe('');
    expect(await laneWay(wrap('<Extra kind>1</Extra>'))).toMatch(
      /^the census byte lane: a tag it does not read/,
    );
    expect(await laneWay(wrap('<Extra/>'))).toMatch(/^the census byte lane: a tag it does not read/);
    expect(await laneWay(wrap('<cin:Extra>1</cin:Extra>'))).toMatch(
      /^the census byte lane: a tag it does not read/,
    );
    expect(await laneWay(wrap('<Extra>1</Other>'))).toBe('the census byte lane: an end tag it does not read');
    expect(await laneWay(`\uFEFF${wrap('')}`)).toBe('the census byte lane: a byte-order mark');
    expect(await laneWay(`<?xml version="1.0" encoding="windows-1252"?>${wrap('')}`)).toBe(
      'the census byte lane: an XML declaration it does not read',
    );
    expect(await laneWay(`${wrap('')}\ntext`)).toBe('the census byte lane: text outside the root element');
    expect(await laneWay(`${wrap('')}<Message/>`)).toMatch(/^the census byte lane: a tag it does not read/);
    expect(await laneWay(wrap('').slice(0, -'</Message>'.length))).toBe(
      'the census byte lane: the file ends inside an element',
    );
    expect(await laneWay(wrap('').slice(0, -3))).toBe('the census byte lane: the file ends inside a tag');
    expect(await laneWay('<Message></Message>')).toBe('the census byte lane: no <Children> element');
  });

  it('reads values, texts, attributes and names of any length as the general path does, or hands them back', async () => {
    // Found by a review: a text made with one call of String.fromCharCode is refused by the engine past about 123,000
    // bytes (the lane then threw, exit 70), and a name of 40,000 characters made the tokenizer's regular expression
    // too large (the general path threw). Each file is read the same both ways, none throws; a text still waiting
    // for its end after 1 MiB (16 MB of spaces in a real case took 5 s, joined again to each piece) is handed back.
    const long = (c: string, n: number) => c.repeat(n);
    const id = long('A', 130_000);
    const child = `<Child><ChildIdentifiers><LAchildID>${id}</LAchildID></ChildIdentifiers><CINdetails><CINreferralDate>2010-10-08</CINreferralDate></CINdetails></Child>`;
    const name = long('N', 40_000);
    expect(await laneWay(`<Children>${child}</Children>`)).toBe('');
    expect(
      await laneWay(`<Message note="${long('x', 150_000)}"><Children>${child}</Children></Message>`),
    ).toBe('');
    expect(await laneWay(wrap(`<${name}>1</${name}>`))).toBe('');
    const spaces = `<Children>${child}${long(' ', 2_200_000)}</Children>`;
    const pieces = cutAt(new TextEncoder().encode(spaces), [65_536, 131_072, 1_500_000]);
    const lanes = await readAs('referral', pieces, 'auto', false);
    expect(lanes.bytes).toEqual(['the census byte lane: a text or tag longer than it waits for']);
    expect(lanes.outcome).toStrictEqual((await readAs('referral', pieces, 'general', false)).outcome);
    // The record's id is read whole.
    const read = lanes.outcome as { result: { records: { childId: string }[] } };
    expect(read.result.records[0]?.childId).toBe(id);
  });

  it('is tried once for a census it hands back and the check then reads again', async () => {
    // Text after the root: the lane hands the file back at its end; the tokenizer refuses it after the census lane
    // kept rows, so the file is read again with its keys looked up row by row, and the byte lane is not tried again
    // (it would hand the file back at the same place: four reads where two do).
    const text = `${wrap('')}\nx`;
    const lanes = await readAs('referral', [new TextEncoder().encode(text)], 'auto', false);
    expect(lanes.bytes).toEqual(['the census byte lane: text outside the root element']);
    expect(lanes.outcome).toStrictEqual(
      (await readAs('referral', [new TextEncoder().encode(text)], 'general', false)).outcome,
    );
  });

  it('gives each element its start tag’s line, counted over LF and CR LF alike', () => {
    // Lines: 1 <Children>, 2 <Child>, 3 <ChildIdentifiers> (its LAchildID on the same line), 4 <CINdetails>, whose
    // date is on line 5; the CR of each CR LF is white space in the text around the elements.
    const text =
      '<Children>\r\n<Child>\r\n  <ChildIdentifiers><LAchildID> C1 </LAchildID></ChildIdentifiers>\n  <CINdetails>\r\n    <CINreferralDate>2010-10-08</CINreferralDate></CINdetails>\n</Child></Children>';
    const items: { item: Record<string | symbol, unknown>; line: number }[] = [];
    const sink: RowSink = {
      row: () => {},
      item: (item, line) => items.push({ item: item as Record<string | symbol, unknown>, line }),
      problem: () => {},
      refuse: () => {},
      fileValue: () => {},
      end: () => {},
    };
    const lane = new XmlByteLane(cinCensusXmlOf('referral'), sink);
    lane.write(new TextEncoder().encode(text));
    lane.end();
    expect(lane.handedBack).toBe(false);
    expect(items).toHaveLength(1);
    const [{ item, line }] = items as [{ item: Record<string | symbol, unknown>; line: number }];
    expect(line).toBe(2);
    expect(item[XML_LINE]).toBe(2);
    const identifiers = item.ChildIdentifiers as Record<string | symbol, unknown>;
    expect(identifiers[XML_LINE]).toBe(3);
    // The value trimmed, as the tokenizer trims it.
    expect(identifiers.LAchildID).toBe('C1');
    const [details] = item.CINdetails as Record<string | symbol, unknown>[];
    expect(details?.[XML_LINE]).toBe(4);
    expect(details?.CINreferralDate).toBe('2010-10-08');
  });
});
