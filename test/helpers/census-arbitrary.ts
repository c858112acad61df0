/**
 * Generated censuses for the census byte lane's tests (test/records/xml-bytes.test.ts) and its scan on the reading
 * thread (test/node/read-thread-census.test.ts).
 * @module
 */
import fc from 'fast-check';

// Generated censuses written the plain way the byte lane reads (ASCII, no entity, comment, attribute or prefix),
// in every shape the tokenizer's rules tell apart: names the shape reads and names it does not (`Extra`, names of
// the prototype, `A.b-1`), elements with text and children mixed, empty elements, values with white space around
// them and inside them, indentation by spaces, tabs, LF and CR LF, a declaration or none, the container at the top
// or in `Message` (with a header), records with no child element. Then, in some, one change the lane does not read
// (each must be handed back) or that breaks the file (the general path's refusal, or a file it reads differently).
/** The element names some CIN census kind's shape reads. */
export const read = [
  'ChildIdentifiers',
  'LAchildID',
  'CINdetails',
  'CINreferralDate',
  'ReferralSource',
  'Assessments',
  'AssessmentActualStartDate',
  'AssessmentAuthorisationDate',
  'Section47',
  'S47ActualStartDate',
  'DateOfInitialCPC',
  'ICPCnotRequired',
  'ChildProtectionPlans',
  'CPPstartDate',
  'CPPendDate',
  'NumberOfPreviousCPP',
];
// Names that start with another's (`Extra`, `ExtraX`; `LAchildID`, `LAchildIDs`) for the guess of the next name.
const names = [
  ...read,
  'PersonBirthDate',
  'Extra',
  'ExtraX',
  'LAchildIDs',
  'constructor',
  '__proto__',
  'A.b-1',
  'Child',
  'Children',
];
const texts = [
  '2010-10-08',
  '2011-02-01',
  '01/07/2012',
  '',
  ' ',
  'C1',
  'C2',
  ' C3 ',
  'true',
  'x y',
  '\t2\r\n',
  'a>b',
];
export const space = fc.constantFrom('', '\n', '\r\n', '\n    ', '\n\t\t', ' ', '\n        ');
const leaf = fc
  .tuple(fc.constantFrom(...names), fc.constantFrom(...texts))
  .map(([name, text]) => `<${name}>${text}</${name}>`);
const element = (depth: number): fc.Arbitrary<string> =>
  depth === 0
    ? leaf
    : fc.oneof(
        { weight: 3, arbitrary: leaf },
        {
          weight: 1,
          arbitrary: fc
            .tuple(
              fc.constantFrom(...names),
              // Children, and now and then a text among them (kept with the white space before it).
              fc.array(
                fc.tuple(
                  space,
                  fc.oneof(
                    { weight: 4, arbitrary: element(depth - 1) },
                    { weight: 1, arbitrary: fc.constantFrom('and', ' y ') },
                  ),
                ),
                { maxLength: 3 },
              ),
              fc.constantFrom('', 'text ', ' '),
              space,
            )
            .map(
              ([name, inner, text, after]) =>
                `<${name}>${text}${inner.map(([before, e]) => before + e).join('')}${after}</${name}>`,
            ),
        },
      );
const day = fc.constantFrom('2010-10-08', '2010-05-01', '2011-02-01', '2009-12-31', '01/07/2012', '');
const episode = fc
  .tuple(day, fc.array(fc.tuple(space, element(1)), { maxLength: 2 }), space)
  .map(
    ([date, other, s]) =>
      `<CINdetails>${s}<CINreferralDate>${date}</CINreferralDate>${s}<ReferralSource>1A</ReferralSource>${other.map(([b, e]) => b + e).join('')}${s}</CINdetails>`,
  );
export const child = fc
  .tuple(
    fc.constantFrom('C1', 'C2', 'C3', '', 'K'),
    fc.array(fc.tuple(space, episode), { maxLength: 3 }),
    fc.array(fc.tuple(space, element(2)), { maxLength: 2 }),
    space,
    fc.boolean(),
  )
  .map(([id, episodes, other, s, empty]) =>
    empty
      ? `<Child>${s}</Child>`
      : `<Child>${s}<ChildIdentifiers>${s}<LAchildID>${id}</LAchildID>${s}</ChildIdentifiers>${episodes.map(([b, e]) => b + e).join('')}${other.map(([b, e]) => b + e).join('')}${s}</Child>`,
  );
const declarations = [
  '',
  '<?xml version="1.0" encoding="utf-8"?>\n',
  '<?xml version="1.0"?>\r\n',
  "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>",
  '<?xml version="1.0" encoding="ISO-8859-1"?>\n',
];
const plainCensus = fc
  .tuple(
    fc.constantFrom(...declarations),
    fc.array(fc.tuple(space, child), { minLength: 0, maxLength: 5 }),
    fc.boolean(),
    fc.boolean(),
    space,
  )
  .map(([declaration, children, inMessage, own, s]) => {
    const body = children
      // Some censuses give each child an id of its own, so that many are read with no repeat.
      .map(([b, c], k) => b + (own ? c.replace(/<LAchildID>[^<]*</, `<LAchildID>K${k}<`) : c))
      .join('');
    const records = `<Children>${body}${s}</Children>`;
    return inMessage
      ? `${declaration}<Message>${s}<Header><Collection>CIN</Collection></Header>${s}${records}${s}</Message>\n`
      : `${declaration}${records}`;
  });
/** Changes the lane hands back at (or that break the file), each put at a place in the text. */
export const changes = [
  '&amp;',
  '& ',
  '<!-- note -->',
  '<![CDATA[a]]>',
  '<?pi x?>',
  '<Extra/>',
  '<ns:Extra>1</ns:Extra>',
  '<Extra a="1">1</Extra>',
  '<Extra a="1"\nb=\'>\'>1</Extra>',
  '<Extra a>1</Extra>',
  '<Extra >1</Extra >',
  'é',
  '\u0001',
  '\u007f',
  '</Extra>',
  '<Extra>',
  '<',
  '>',
  'text',
  '<Children></Children>',
  '<Message></Message>',
];
export const census = fc.oneof(
  { weight: 3, arbitrary: plainCensus },
  {
    weight: 2,
    arbitrary: fc
      .tuple(plainCensus, fc.constantFrom(...changes, '\uFEFF', 'cut'), fc.nat())
      .map(([text, change, at]) => {
        const place = at % (text.length + 1);
        if (change === 'cut') return text.slice(0, place);
        // A byte-order mark only at the start.
        if (change === '\uFEFF') return `\uFEFF${text}`;
        return text.slice(0, place) + change + text.slice(place);
      }),
  },
);
