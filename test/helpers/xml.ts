import type { XmlTokenizerOptions } from '../../src/records/tokenize-xml.js';

/** A CIN census's layout as the XML tokenizer's tests read it: children, their episodes a list, the census date. */
export const censusXmlOptions: XmlTokenizerOptions = {
  container: 'Children',
  records: 'Child',
  repeating: ['CINdetails'],
  fileValues: { referenceDate: 'Header/CollectionDetails/ReferenceDate' },
  expected: 'a census',
};
