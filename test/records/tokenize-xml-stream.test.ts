import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cinCensusXml } from '../../src/presets/cin-census.js';
import { kindLayout } from '../../src/records/index.js';
import { readRecordsSource, readRecordsText } from '../../src/records/read-source.js';
import type { Layout } from '../../src/records/shape.js';
import {
  createXmlTokenizer,
  tokenizeXml,
  XML_LINE,
  type XmlTokenizerOptions,
} from '../../src/records/tokenize-xml.js';
import { cutAt } from '../helpers/pieces.js';
import { recordingSink, type SinkEvent } from '../helpers/sinks.js';
import { censusXmlOptions as census } from '../helpers/xml.js';

// Two children on lines 5 and 9, an entity and a CDATA section in their ids, a comment between them.
const xml = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<Message>',
  '  <Header><CollectionDetails><ReferenceDate>2013-03-31</ReferenceDate></CollectionDetails></Header>',
  '  <Children>',
  '    <Child>',
  '      <LAchildID>C&amp;1</LAchildID>',
  '      <CINdetails><CINreferralDate>2012-05-01</CINreferralDate></CINdetails>',
  '    </Child><!-- the next child -->',
  '    <ns:Child xmlns:ns="urn:x">',
  '      <LAchildID><![CDATA[C<2>]]></LAchildID>',
  '      <CINdetails><CINreferralDate>2012-06-01</CINreferralDate></CINdetails>',
  '      <CINdetails><CINreferralDate>2012-07-01</CINreferralDate></CINdetails>',
  '    </ns:Child>',
  '  </Children>',
  '</Message>',
  '',
].join('\n');

/** The events of the tokenizer fed `pieces` one by one. */
function eventsOf(pieces: readonly string[], options: XmlTokenizerOptions = census): SinkEvent[] {
  const { sink, seen } = recordingSink();
  const tokenizer = createXmlTokenizer(options, sink);
  for (const piece of pieces) tokenizer.write(piece);
  tokenizer.end();
  return seen;
}

/** The message of the refusal of `text`, which must be the last event before the end. */
function refusalOf(text: string, options: XmlTokenizerOptions = census): string {
  const seen = eventsOf([text], options);
  expect(seen.at(-2)?.[0]).toBe('refuse');
  expect(seen.at(-1)).toEqual(['end']);
  return String(seen.at(-2)?.[1]);
}

describe('createXmlTokenizer', () => {
  it('gives each record as its end tag is read, with the lines of its elements, entities and CDATA read', () => {
    const seen = eventsOf([xml]);
    expect(seen.map((event) => (event[0] === 'item' ? ['item', event[2]] : event))).toEqual([
      ['fileValue', 'referenceDate', '2013-03-31'],
      ['item', 5],
      ['item', 9],
      ['end'],
    ]);
    const first = seen[1]?.[1] as Record<string | symbol, unknown>;
    const second = seen[2]?.[1] as Record<string | symbol, unknown>;
    // `C&amp;1` is C&1; the CDATA section is read as written; CINdetails is a list (repeating), once or twice.
    expect(first).toEqual({
      LAchildID: 'C&1',
      CINdetails: [{ CINreferralDate: '2012-05-01', [XML_LINE]: 7 }],
      [XML_LINE]: 5,
    });
    expect(second.LAchildID).toBe('C<2>');
    const episodes = second.CINdetails as Record<string | symbol, unknown>[];
    expect(episodes.map((episode) => episode[XML_LINE])).toEqual([11, 12]);
  });

  it('gives the same items, lines and file values wherever the text is cut into chunks', () => {
    const whole = eventsOf([xml]);
    // Every cut into two pieces, and a cut into pieces of 1 to 7 characters.
    for (let cut = 0; cut <= xml.length; cut++) {
      expect(eventsOf([xml.slice(0, cut), xml.slice(cut)])).toEqual(whole);
    }
    for (let size = 1; size <= 7; size++) {
      const pieces: string[] = [];
      for (let at = 0; at < xml.length; at += size) pieces.push(xml.slice(at, at + size));
      expect(eventsOf(pieces)).toEqual(whole);
    }
  });

  it('gives the same events for any census cut into any chunks (inside names, entities, CDATA ends, CRLFs), all elements built or some', () => {
    // Names that share their first two characters (`CINdetails`, `CINreferralDate`, `CI`), one a prefix of another,
    // a one-character name, a prefixed name; text with entities, a CDATA section, a bare "&" (a refusal), line ends
    // LF and CRLF; now and then an end tag that does not match (a refusal naming its line). The tokenizer fed the
    // text in pieces cut at any places must give exactly the events it gives for the text whole.
    const names = ['CINdetails', 'CINreferralDate', 'CI', 'C', 'LAchildID', 'LAchildIDs', 'ns:Section47'];
    const texts = ['2012-05-01', ' C&amp;1 ', '&#233;&#x41;', 'AT&T', '<![CDATA[a]]>&lt;b', ''];
    const breaks = ['', '\n', '\r\n', '\r\n    '];
    const leaf = fc.oneof(
      fc
        .tuple(fc.constantFrom(...names), fc.constantFrom(...texts), fc.constantFrom(...breaks))
        .map(([name, text, br]) => `${br}<${name}>${text}</${name}>`),
      fc.tuple(fc.constantFrom(...names), fc.constantFrom(...breaks)).map(([name, br]) => `${br}<${name}/>`),
      fc.constantFrom('<!-- a > b -->', '<CI>x</C>', '\r\n'),
    );
    /** Elements nested up to `depth` deep. */
    const element = (depth: number): fc.Arbitrary<string> =>
      depth === 0
        ? leaf
        : fc.oneof(
            leaf,
            fc
              .tuple(
                fc.constantFrom(...names),
                fc.array(element(depth - 1), { maxLength: 3 }),
                fc.constantFrom(...breaks),
              )
              .map(([name, inner, br]) => `${br}<${name}>${inner.join('')}${br}</${name}>`),
          );
    const child = fc
      .array(element(3), { maxLength: 5 })
      .map((inner) => `<Child>${inner.join('')}</Child>\r\n`);
    const document = fc
      .array(child, { minLength: 1, maxLength: 4 })
      .map(
        (children) =>
          `<?xml version="1.0"?>\r\n<Message>\r\n<Header><CollectionDetails><ReferenceDate>2013-03-31</ReferenceDate></CollectionDetails></Header>\r\n<Children>\r\n${children.join('')}</Children>\r\n</Message>\r\n`,
      );
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        const pieces = cutAt(text, cuts);
        expect(eventsOf(pieces)).toEqual(eventsOf([text]));
        // The same when only some elements are built (`reads`): the others are still matched and checked.
        const some: XmlTokenizerOptions = { ...census, reads: ['CINdetails', 'CI', 'Section47'] };
        expect(eventsOf(pieces, some)).toEqual(eventsOf([text], some));
      }),
      { numRuns: 500 },
    );
  });

  it('builds only the elements read (`reads`), the others still matched and checked, their parent an object', () => {
    // Reading LAchildID only: PersonBirthDate is not built; CINdetails is not built, nor what is in it; a parent
    // whose only child is not read is still an object (so a text-only reader sees it is not text), with its text.
    const only: XmlTokenizerOptions = { ...census, reads: ['LAchildID', 'Ids'] };
    const text = (inside: string) =>
      `<Message><Children>\n<Child>\n<Ids>C<PersonBirthDate>2001-01-01</PersonBirthDate></Ids>\n<LAchildID>C1</LAchildID>\n<CINdetails>${inside}</CINdetails>\n</Child>\n</Children></Message>`;
    const seen = eventsOf([text('<CINreferralDate>2012-05-01</CINreferralDate>')], only);
    expect(seen).toEqual([
      ['item', { Ids: { '#text': 'C', [XML_LINE]: 3 }, LAchildID: 'C1', [XML_LINE]: 2 }, 2],
      ['end'],
    ]);
    // An element not read is still XML: a bare "&" in it, or an end tag that does not match, refuses the file.
    expect(refusalOf(text('<Source>AT&T</Source>'), only)).toMatch(
      /^the file is not complete, well-formed XML \(line 5: "&" that starts no entity in "&T"/,
    );
    expect(refusalOf(text('<A>x</B>'), only)).toMatch(
      /\(line 5: the end tag <\/B> where <\/A> \(opened on line 5\) was expected\)/,
    );
  });

  it('reads a CDATA section as written, entities in it not decoded, in a record and in a file value', () => {
    // XML 1.0 section 2.7: inside CDATA `&amp;` is the five characters & a m p ;, not "&". Text around the section
    // is decoded as usual (`&lt;` is <), and the element's whole text is trimmed: " <&amp;> " + "x" is "<&amp;>x".
    const text = [
      '<Message><Header><CollectionDetails>',
      '<ReferenceDate><![CDATA[2013&#45;03-31]]></ReferenceDate>',
      '</CollectionDetails></Header><Children>',
      '<Child><LAchildID> &lt;<![CDATA[&amp;>]]> x&#233;</LAchildID></Child>',
      '</Children></Message>',
    ].join('\n');
    const whole = eventsOf([text]);
    expect(whole.slice(0, 1)).toEqual([['fileValue', 'referenceDate', '2013&#45;03-31']]);
    expect((whole[1]?.[1] as Record<string, unknown> | undefined)?.LAchildID).toBe('<&amp;> x\u00e9');
    // The same cut into pieces of 1 to 5 characters.
    for (let size = 1; size <= 5; size++) {
      const pieces: string[] = [];
      for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
      expect(eventsOf(pieces)).toEqual(whole);
    }
  });

  it('refuses an "&" that starts no entity, naming its line, as fast-xml-parser did; reads an unknown entity as written', () => {
    // `AT&T` unescaped is not well-formed XML (XML 1.0 section 2.4): the export is broken, so the file is refused
    // rather than read with a guess. `&bogus;` is a well-formed reference to an entity never declared: kept as written.
    const text = (value: string) =>
      `<Message><Children>\n<Child><LAchildID>C1</LAchildID></Child>\n<Child><LAchildID>${value}</LAchildID></Child>\n</Children></Message>`;
    expect(refusalOf(text('AT&T'))).toMatch(
      /^the file is not complete, well-formed XML \(line 3: "&" that starts no entity in "&T"/,
    );
    expect(refusalOf(text('a&#xZZ;'))).toMatch(/line 3: "&" that starts no entity/);
    const seen = eventsOf([text('&bogus; &#233;')]);
    expect((seen.at(-2)?.[1] as Record<string, unknown> | undefined)?.LAchildID).toBe('&bogus; \u00e9');
  });

  it('holds the records met before a header that comes after them, and gives the header first', () => {
    // NCCIS's PeriodEnd written after the records: each record needs it, so they wait for it.
    const nccis: XmlTokenizerOptions = {
      container: 'NCCIS',
      records: 'YoungPersonsRecord',
      fileValues: { periodEnd: 'NCCIS/FileHeader/PeriodEnd' },
      expected: 'an NCCIS file',
    };
    const late = [
      '<NCCIS>',
      '<YoungPersonsRecord><YPID>Y1</YPID></YoungPersonsRecord>',
      '<YoungPersonsRecord><YPID>Y2</YPID></YoungPersonsRecord>',
      '<FileHeader><PeriodEnd>2024-01-31</PeriodEnd></FileHeader>',
      '<YoungPersonsRecord><YPID>Y3</YPID></YoungPersonsRecord>',
      '</NCCIS>',
    ].join('\n');
    expect(eventsOf([late], nccis).map((event) => event.slice(0, 2))).toEqual([
      ['fileValue', 'periodEnd'],
      ['item', { YPID: 'Y1', [XML_LINE]: 2 }],
      ['item', { YPID: 'Y2', [XML_LINE]: 3 }],
      ['item', { YPID: 'Y3', [XML_LINE]: 5 }],
      ['end'],
    ]);
    // Without a header at all, the records are given at the end, with no file value.
    expect(eventsOf([late.replace(/<FileHeader>.*<\/FileHeader>\n/, '')], nccis).map((e) => e[0])).toEqual([
      'item',
      'item',
      'item',
      'end',
    ]);
  });

  it('refuses a file value given twice with different values, naming both and their lines; the same twice is read', () => {
    // Two headers that disagree on the census date: which date the file counts at cannot be known, and taking the
    // first without a word would count every record at a date the file may not mean.
    const twice = xml.replace(
      '  <Children>',
      '  <Header><CollectionDetails><ReferenceDate>2014-03-31</ReferenceDate></CollectionDetails></Header>\n  <Children>',
    );
    const message = refusalOf(twice);
    expect(message).toContain('<ReferenceDate> twice, "2013-03-31" on line 3 and "2014-03-31" on line 4');
    // Read in pieces of 7 characters, the same refusal.
    const pieces = twice.match(/[\s\S]{1,7}/g) ?? [];
    expect(eventsOf(pieces).at(-2)).toEqual(['refuse', message]);
    // A blank second value contradicts a given first one too.
    expect(refusalOf(twice.replace('2014-03-31', ''))).toContain('"2013-03-31" on line 3 and none on line 4');
    // A first header without the date, then a second with it: which one the file means cannot be known either.
    const late = xml.replace('<ReferenceDate>2013-03-31</ReferenceDate>', '<ReferenceDate></ReferenceDate>');
    expect(refusalOf(late.replace('  <Children>', `${twice.split('\n')[3]}\n  <Children>`))).toContain(
      'twice, none on line 3 and "2014-03-31" on line 4',
    );
    const without = xml.replace('<ReferenceDate>2013-03-31</ReferenceDate>', '');
    expect(refusalOf(without.replace('  <Children>', `${twice.split('\n')[3]}\n  <Children>`))).toContain(
      'twice, none (its first place closed without it) and "2014-03-31" on line 4',
    );
    // The same value twice says nothing new: read as once.
    const same = twice.replace('2014-03-31', '2013-03-31');
    expect(eventsOf([same]).map((event) => event[0])).toEqual(['fileValue', 'item', 'item', 'end']);
  });

  it('refuses an end tag that does not match, naming the line and the element opened', () => {
    const wrong = xml.replace('    </Child><!--', '    </Chlid><!--');
    expect(refusalOf(wrong)).toBe(
      'the file is not complete, well-formed XML (line 8: the end tag </Chlid> where </Child> (opened on line 5) was expected): is it cut short? Expected a census',
    );
  });

  it('refuses a file cut short, naming the line it stops on and the element left open', () => {
    // Cut after the first child: <Children> (line 4) and <Message> (line 2) are left open.
    const cut = xml.slice(0, xml.indexOf('<!--'));
    const { sink, seen } = recordingSink();
    tokenizeXml(cut, census, sink);
    // The first child was given before the end was seen: the check rejects it with the refusal.
    expect(seen.map((event) => event[0])).toEqual(['fileValue', 'item', 'refuse', 'end']);
    expect(seen[2]?.[1]).toBe(
      'the file is not complete, well-formed XML (line 8: the file ends inside <Children> (opened on line 4)): is it cut short? Expected a census',
    );
    expect(refusalOf(xml.slice(0, xml.indexOf('<Children>') + 5))).toMatch(
      /\(line 4: the file ends inside a tag\)/,
    );
  });

  it('refuses text or a second element outside the root element, and "<" without a name', () => {
    expect(refusalOf(`${xml}trailing words`)).toMatch(/\(line 16: text after the root element\)/);
    expect(refusalOf(`${xml}<Message/>`)).toMatch(/\(line 16: a second root element\)/);
    expect(refusalOf(xml.replace('C&amp;1', 'C < 1'))).toMatch(/\(line 6: "<" is not followed by a name\)/);
    expect(refusalOf(xml.replace('<Children>', '<Children id=1>'))).toMatch(
      /\(line 4: the attributes of <Children> are not written name="value"\)/,
    );
  });

  it('refuses entities declared in a DOCTYPE cut across chunks, and reads one whose subset declares none', () => {
    const bomb = xml.replace('<Message>', '<!DOCTYPE Message [\n<!ENTITY a "aaaa">\n]>\n<Message>');
    for (let cut = 0; cut < 60; cut++) {
      const seen = eventsOf([bomb.slice(0, cut), bomb.slice(cut)]);
      expect(seen).toEqual([
        [
          'refuse',
          'the XML declares entities (<!ENTITY …> in its DOCTYPE), which can expand without bound or read other files: they are refused. Export the file again without a DTD',
        ],
        ['end'],
      ]);
    }
    const elements = xml.replace('<Message>', '<!DOCTYPE Message [\n<!ELEMENT Message ANY>\n]>\n<Message>');
    // The DOCTYPE adds three lines: the children start on lines 8 and 12.
    expect(
      eventsOf([elements])
        .filter((e) => e[0] === 'item')
        .map((e) => e[2]),
    ).toEqual([8, 12]);
  });

  it('refuses elements nested more than 1,000 deep as unreadable', () => {
    const deep = `<Message><Children><Child>${'<x>'.repeat(1000)}${'</x>'.repeat(1000)}</Child></Children></Message>`;
    expect(refusalOf(deep)).toBe(
      'the XML cannot be read (elements nested more than 1,000 deep): expected a census',
    );
  });

  it('reads an element named __proto__ as a field, never as the object prototype', () => {
    const seen = eventsOf([
      '<Message><Children><Child><__proto__>x</__proto__><LAchildID>C1</LAchildID></Child></Children></Message>',
    ]);
    const child = seen.find((event) => event[0] === 'item')?.[1] as Record<string, unknown>;
    expect(Object.getPrototypeOf(child)).toBe(Object.prototype);
    expect(Object.entries(child)).toEqual([
      ['__proto__', 'x'],
      ['LAchildID', 'C1'],
    ]);
  });
});

describe('readRecordsSource', () => {
  const layout: Layout = { ...kindLayout('referral'), xml: cinCensusXml };

  it('reads a census streamed in small byte chunks as it reads the text whole', async () => {
    const text = [
      '<?xml version="1.0" encoding="windows-1252"?>',
      '<Message><Children>',
      '<Child><LAchildID>C1</LAchildID><CINdetails><CINreferralDate>2012-05-01</CINreferralDate></CINdetails></Child>',
      '<Child><LAchildID>C2</LAchildID><CINdetails><CINreferralDate>2012-13-01</CINreferralDate></CINdetails></Child>',
      '</Children></Message>',
    ].join('\n');
    const bytes = new TextEncoder().encode(text);
    const source = {
      name: 'census.xml',
      async *chunks() {
        for (let at = 0; at < bytes.length; at += 5) yield bytes.slice(at, at + 5);
      },
    };
    const shape = (await import('../../src/presets/cin-census.js')).createCinCensusShape;
    const censusLayout: Layout = { ...layout, shape: (next) => shape('referral', next), skips: true };
    const streamed = await readRecordsSource('referral', source, 'xml', censusLayout);
    const whole = readRecordsText('referral', text, 'xml', censusLayout, { file: 'census.xml' });
    // C1 accepted (line 3), C2's 13th month rejected on line 4: the same both ways.
    expect(streamed.records).toEqual(whole.records);
    expect(streamed.records).toEqual([{ id: 'C1@2012-05-01', childId: 'C1', referralDate: '2012-05-01' }]);
    expect(streamed.issues.map((issue) => issue.row)).toEqual([4]);
    expect(streamed.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
    expect(streamed.input.encoding).toBe('windows-1252');
  });

  it('rejects the records given before a malformed end, with every row accounted for', async () => {
    const text =
      '<Message><Children>\n<Child><LAchildID>C1</LAchildID><CINdetails><CINreferralDate>2012-05-01</CINreferralDate></CINdetails></Child>\n<Child>';
    const shape = (await import('../../src/presets/cin-census.js')).createCinCensusShape;
    const censusLayout: Layout = { ...layout, shape: (next) => shape('referral', next), skips: true };
    const read = readRecordsText('referral', text, 'xml', censusLayout);
    expect(read.readable).toBe(false);
    expect(read.records).toEqual([]);
    // The first child's referral was read, then rejected with the refusal: 1 read, 0 accepted, 1 rejected.
    expect(read.accounting).toMatchObject({ rowsRead: 1, rowsAccepted: 0, rowsRejected: 1 });
    expect(read.issues.at(-1)?.message).toBe(
      'the file is not complete, well-formed XML (line 3: the file ends inside <Child> (opened on line 3)): is it cut short? Expected a CIN census file, <Message> … <Children><Child>…</Child></Children></Message> (a workforce census or NCCIS file is read with --preset workforce-census or --preset nccis)',
    );
  });
});
