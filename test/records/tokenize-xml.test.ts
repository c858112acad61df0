import { describe, expect, it } from 'vitest';
import { tokenizeXml, XML_LINE } from '../../src/records/tokenize-xml.js';
import { recordingSink } from '../helpers/sinks.js';
import { censusXmlOptions as census } from '../helpers/xml.js';

const xml = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<Message>',
  '  <Header><CollectionDetails><ReferenceDate>2013-03-31</ReferenceDate></CollectionDetails></Header>',
  '  <Children>',
  '    <Child>',
  '      <LAchildID>C1</LAchildID>',
  '      <CINdetails><CINreferralDate>2012-05-01</CINreferralDate></CINdetails>',
  '    </Child>',
  '  </Children>',
  '</Message>',
].join('\n');

describe('tokenizeXml', () => {
  it('gives the file values first, then each record element at its line, every element with its line', () => {
    const { sink, seen } = recordingSink();
    tokenizeXml(xml, census, sink);
    expect(seen.map((event) => (event[0] === 'item' ? ['item', event[2]] : event))).toEqual([
      ['fileValue', 'referenceDate', '2013-03-31'],
      // <Child> opens on line 5.
      ['item', 5],
      ['end'],
    ]);
    const child = seen[1]?.[1] as Record<string | symbol, unknown>;
    const episode = (child.CINdetails as Record<string | symbol, unknown>[])[0];
    expect(child.LAchildID).toBe('C1');
    expect(episode?.[XML_LINE]).toBe(7);
  });

  it('refuses a document that declares entities, before parsing it', () => {
    const { sink, seen } = recordingSink();
    const bomb = xml.replace(
      '<Message>',
      '<!DOCTYPE Message [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n<Message>',
    );
    tokenizeXml(bomb, census, sink);
    expect(seen).toEqual([
      [
        'refuse',
        'the XML declares entities (<!ENTITY …> in its DOCTYPE), which can expand without bound or read other files: they are refused. Export the file again without a DTD',
      ],
      ['end'],
    ]);
  });

  it('reads a document with a plain DOCTYPE', () => {
    const { sink, seen } = recordingSink();
    tokenizeXml(xml.replace('<Message>', '<!DOCTYPE Message>\n<Message>'), census, sink);
    expect(seen.map((event) => event[0])).toEqual(['fileValue', 'item', 'end']);
  });

  it('refuses XML that is cut short, naming the line, and XML nested too deeply to read', () => {
    const cut = recordingSink();
    tokenizeXml(xml.slice(0, xml.indexOf('</Child>')), census, cut.sink);
    expect(cut.seen[0]?.[0]).toBe('refuse');
    expect(String(cut.seen[0]?.[1])).toMatch(
      /^the file is not complete, well-formed XML \(line \d+: .+\): is it cut short\? Expected a census$/,
    );
    const deep = recordingSink();
    tokenizeXml(`<a>${'<b>'.repeat(100_000)}${'</b>'.repeat(100_000)}</a>`, census, deep.sink);
    expect(deep.seen[0]?.[0]).toBe('refuse');
    expect(String(deep.seen[0]?.[1])).toMatch(/^the XML cannot be read \(.+\): expected a census$/);
  });

  it('refuses XML without the container', () => {
    const { sink, seen } = recordingSink();
    tokenizeXml('<Workforce><Worker/></Workforce>', census, sink);
    expect(seen).toEqual([['refuse', 'no <Children> element: expected a census'], ['end']]);
  });
});
