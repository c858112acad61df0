import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createXmlTokenizerBy,
  ElementName,
  type XmlPaths,
  type XmlTokenizerOptions,
} from '../../src/records/tokenize-xml.js';
import { cutAt } from '../helpers/pieces.js';
import { recordingSink, type SinkEvent } from '../helpers/sinks.js';
import { censusXmlOptions as census } from '../helpers/xml.js';

/** The events of the tokenizer, read the given way, fed `pieces` one by one. */
function eventsOf(way: XmlPaths, pieces: readonly string[], options: XmlTokenizerOptions): SinkEvent[] {
  const { sink, seen } = recordingSink();
  const tokenizer = createXmlTokenizerBy(options, sink, way);
  for (const piece of pieces) tokenizer.write(piece);
  tokenizer.end();
  return seen;
}

// Names the fast paths read (ASCII, with `.`, `-`, `_`, one a prefix of another, two sharing their first two
// characters, one character long) and names they must leave to the general path (a prefix, a letter past ASCII).
const names = [
  'CINdetails',
  'CINreferralDate',
  'CI',
  'C',
  'LAchildID',
  'LAchildIDs',
  'a.b-c_d',
  'ns:Extra',
  'Née',
];
// Texts the fast paths read (a date, nothing, white space, `>`) and texts with what they must leave to the general
// path or read by its rules: entities, a bare "&" (a refusal naming its line), CDATA, a comment, a control character
// (white space to `isBlank`, not to `trim`), a no-break space (white space to `trim`, not to `isBlank`), CRLF.
const texts = [
  '2012-05-01',
  '',
  '  \r\n ',
  'a > b',
  ' C&amp;1 ',
  '&#233;&#x41;',
  'AT&T',
  '<![CDATA[a]]>&lt;b',
  'x<!-- c -->y',
  '\u0001',
  '\u00a0',
  ' é ',
  'line\r\nbreak',
];
const breaks = ['', '\n', '\r\n', '\r\n    ', '\t'];

/** An element: a leaf written as the fast paths read it, or not quite (an end tag with a space, a mismatch…). */
const leaf = fc.oneof(
  fc
    .tuple(fc.constantFrom(...names), fc.constantFrom(...texts), fc.constantFrom(...breaks))
    .map(([name, text, br]) => `${br}<${name}>${text}</${name}>`),
  fc.tuple(fc.constantFrom(...names), fc.constantFrom(...breaks)).map(([name, br]) => `${br}<${name}/>`),
  fc
    .tuple(fc.constantFrom(...names), fc.constantFrom(...texts))
    .map(([name, text]) => `<${name}>${text}</${name} >`),
  fc.constantFrom('<CI a="1">x</CI>', '<CI>x</C>', '<C>x</CI>', '<!-- a > b -->', '<?pi x?>', '\r\n', 'text'),
);
/** Elements nested up to `depth` deep. */
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
              fc.constantFrom(...breaks),
            )
            .map(([name, inner, br]) => `${br}<${name}>${inner.join('')}${br}</${name}>`),
        },
      );
const child = fc.array(element(3), { maxLength: 5 }).map((inner) => `\r\n  <Child>${inner.join('')}</Child>`);
const document = fc
  .array(child, { minLength: 1, maxLength: 4 })
  .map(
    (children) =>
      `<?xml version="1.0"?>\n<Message>\n<Header><CollectionDetails><ReferenceDate>2013-03-31</ReferenceDate></CollectionDetails></Header>\n<Children>${children.join('')}\n</Children>\n</Message>\n`,
  );
// Layouts: every element built; some built (the others not, so their leaves go by the first fast path); the
// repeating names changed.
const layouts: readonly XmlTokenizerOptions[] = [
  census,
  { ...census, reads: ['CINdetails', 'CI', 'Extra'] },
  { ...census, reads: ['LAchildID', 'C', 'a.b-c_d', 'Née'] },
  { ...census, reads: [], repeating: ['CI', 'LAchildID'] },
];

/**
 * The last event of a census whose leaf `<b>x</b>` sits k elements `<name>` deep inside `<Skip>` (not built), for
 * k = 994 to 997, read by the general path, after checking the fast paths give the same events.
 */
function nestedOutcomes(name: string): unknown[] {
  const nested = (k: number) =>
    `<Message><Children><Child><Skip>${`<${name}>`.repeat(k)}<b>x</b>${`</${name}>`.repeat(k)}</Skip><C>1</C></Child></Children></Message>`;
  const layout: XmlTokenizerOptions = { ...census, reads: ['C'] };
  return [994, 995, 996, 997].map((k) => {
    const general = eventsOf('general', [nested(k)], layout);
    expect(eventsOf('fast', [nested(k)], layout)).toEqual(general);
    return general.at(-2)?.[0];
  });
}

describe('createXmlTokenizerBy', () => {
  it('gives the same events by the fast paths as by the general path, for any document cut into any chunks', () => {
    // The fast paths must never give a different item, line, file value or refusal (with its line) from the
    // general path: for every layout, the text whole and cut at any places (inside a name, an entity, a CDATA end,
    // a CRLF, between a start tag and its end tag), both ways.
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        const pieces = cutAt(text, cuts);
        for (const layout of layouts) {
          const general = eventsOf('general', [text], layout);
          expect(eventsOf('fast', [text], layout)).toEqual(general);
          expect(eventsOf('fast', pieces, layout)).toEqual(general);
          expect(eventsOf('general', pieces, layout)).toEqual(general);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a leaf nested past the depth limit by the fast paths as by the general path', () => {
    // Message, Children, Child and Skip make 4 open elements; k more nested <e> make 4 + k, so the leaf <b> is the
    // (5 + k)th: with k = 995 it is the 1,000th (read), with k = 996 the 1,001st (refused: at most 1,000 deep).
    // Skip is not built, so <b> goes by the first fast path, which must stop at the limit as the general path does.
    expect(nestedOutcomes('e')).toEqual(['item', 'item', 'refuse', 'refuse']);
  });

  it('refuses an element of leaves nested past the depth limit by the fast paths as by the general path', () => {
    // As above, with the innermost <ee> an element not built that holds only a leaf (<ee><b>x</b></ee>), which the
    // fast path for such elements reads in one match: Message, Children, Child and Skip make 4 open elements, and
    // with k nested <ee> the leaf <b> is the (5 + k)th. With k = 995 it is the 1,000th (read), with k = 996 the
    // 1,001st (refused), though <ee> itself, the 1,000th, is within the limit: the fast path must leave it to the
    // general path. (A name of one character is never found among the names met, so <ee>, not <e>.)
    expect(nestedOutcomes('ee')).toEqual(['item', 'item', 'refuse', 'refuse']);
  });

  it('names the line of a bare "&" in a leaf read by a fast path, as the general path does', () => {
    // The census's indented leaves, one per line; the bare "&" is in the leaf on line 6, inside Skip (not built:
    // the first fast path stops at it, the general path refuses naming line 6), and in LAchildID on line 4 (read:
    // the second fast path decodes it and refuses naming line 4).
    const text = (id: string, skipped: string) =>
      [
        '<Message>',
        '<Children>',
        '  <Child>',
        `    <LAchildID>${id}</LAchildID>`,
        '    <Skip><A>1</A>',
        `      <B>${skipped}</B>`,
        '    </Skip>',
        '  </Child>',
        '</Children>',
        '</Message>',
      ].join('\n');
    const layout: XmlTokenizerOptions = { ...census, reads: ['LAchildID'] };
    for (const [id, skipped, line] of [
      ['C1', 'AT&T', 6],
      ['AT&T', '2', 4],
    ] as const) {
      const fast = eventsOf('fast', [text(id, skipped)], layout);
      expect(fast).toEqual(eventsOf('general', [text(id, skipped)], layout));
      expect(String(fast.at(-2)?.[1])).toMatch(new RegExp(`\\(line ${line}: "&" that starts no entity`));
    }
  });

  it('names the line of a bare "&" in an element of leaves not built, read by a fast path, as the general path does', () => {
    // Skip is not built and holds only leaves: met a second time (its name known), it is read in one match by the
    // fast path for such elements, which must leave it to the general path when a bare "&" is in a leaf's text
    // (line 10) or in text beside its leaves (line 11); read whole otherwise (two items).
    const text = (leaf: string, beside: string) =>
      [
        '<Message>',
        '<Children>',
        '  <Child>',
        '    <Skip><A>1</A></Skip><C>1</C>',
        '  </Child>',
        '  <Child>',
        '    <C>2</C>',
        '    <Skip>',
        '      <A>1</A>',
        `      <B>${leaf}</B>`,
        `      ${beside}`,
        '    </Skip>',
        '  </Child>',
        '</Children>',
        '</Message>',
      ].join('\n');
    const layout: XmlTokenizerOptions = { ...census, reads: ['C'] };
    for (const [leaf, beside, outcome] of [
      ['2', '', 'item'],
      ['AT&T', '', 'line 10'],
      ['2', 'AT&T', 'line 11'],
    ] as const) {
      const fast = eventsOf('fast', [text(leaf, beside)], layout);
      expect(fast).toEqual(eventsOf('general', [text(leaf, beside)], layout));
      const last = fast.at(-2);
      if (outcome === 'item') expect(last).toEqual(['item', expect.objectContaining({ C: '2' }), 6]);
      else expect(String(last?.[1])).toMatch(new RegExp(`\\(${outcome}: "&" that starts no entity`));
    }
    // A child whose only element is one not built is an item all the same (an object with its line), whether that
    // element is read by the general path (the first, its name not met yet) or by the fast path (the second).
    const only =
      '<Message><Children>\n<Child><Skip><A>1</A></Skip></Child>\n<Child><Skip><A>1</A></Skip></Child>\n</Children></Message>';
    const fast = eventsOf('fast', [only], layout);
    expect(fast).toEqual(eventsOf('general', [only], layout));
    expect(fast.filter(([event]) => event === 'item').map((event) => event[2])).toEqual([2, 3]);
  });
});

describe('ElementName', () => {
  it('finds a name written at any place by its regular expression exactly where the loop over its codes does', () => {
    // Names of characters a regular expression reads specially (`.`, `-`, `*`, `(`, `[`, `\\`, `$`, `^`, `|`, `?`,
    // `+`, `{`, `/`), letters past ASCII, half of a surrogate pair and a whole pair, `>`; texts that hold the name
    // (with `>` after it or not), a prefix of it, other names, cut anywhere. At every place in the text and past
    // its end, `at` and `endsAt` of the compiled name (a sticky regular expression) are those of the name compared
    // by its codes (the way before, and still the way for names past the ones remembered).
    const alphabet = [...'aZ09_.-:*([\\$^|?+{/>é·', '\ud83d', '\ud83d\ude00', '\u2028', 'ab', 'A.b'];
    const nameOf = fc
      .array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        nameOf,
        fc.array(fc.oneof(fc.constantFrom(...alphabet, '<', '</', ' '), nameOf), { maxLength: 8 }),
        fc.array(fc.constantFrom(0, 1, 2, 3), { maxLength: 8 }),
        (name, others, ways) => {
          const parts = others.map(
            (other, k) => [other, `${name}>`, name, name.slice(0, -1)][ways[k] ?? 0] ?? other,
          );
          const text = parts.join('');
          const compiled = new ElementName(name, true);
          const byCodes = new ElementName(name, false);
          expect(compiled.length).toBe(name.length);
          for (let at = 0; at <= text.length + 1; at++) {
            expect(compiled.at(text, at)).toBe(byCodes.at(text, at));
            expect(compiled.endsAt(text, at)).toBe(byCodes.endsAt(text, at));
          }
          // The text holds the name where it was put: a test that finds nothing proves nothing.
          const where = text.indexOf(name);
          if (where >= 0) expect(compiled.at(text, where)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
