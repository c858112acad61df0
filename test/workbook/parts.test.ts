import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { updateCrc32 } from '../../src/workbook/crc32.js';
import { WorkbookError } from '../../src/workbook/errors.js';
import { columnName } from '../../src/workbook/references.js';
import { isDateFormat, isoDateToSerial, serialToIsoDate } from '../../src/workbook/serials.js';
import {
  attributeOf,
  byName,
  decodeXmlEntities,
  type NamedXmlHandler,
  XmlTokenizer,
} from '../../src/workbook/xml.js';

/** Every event of a tokenizer that wants all text, as one list. */
function events(chunks: readonly string[]): string[] {
  const seen: string[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') seen.push(`text ${text}`);
    text = '';
  };
  const handler: NamedXmlHandler = {
    wantsText: true,
    open(name, attributes) {
      flush();
      seen.push(`open ${name} ${attributeOf(attributes, 'r') ?? ''}`);
    },
    close(name) {
      flush();
      seen.push(`close ${name}`);
    },
    text(piece) {
      text += piece;
    },
  };
  const tokenizer = new XmlTokenizer(byName(handler), 'test.xml');
  for (const chunk of chunks) tokenizer.write(chunk);
  tokenizer.end();
  return seen;
}

const SHEET =
  '<?xml version="1.0"?>\n<!-- a comment --><x:worksheet xmlns:x="urn:x"><sheetData>' +
  '<row r="1"><c r=\'A1\' t="inlineStr"><is><t>a &amp; b &#233; &#x1F600;</t></is></c>' +
  '<c r="B1" label="x > y"><v>1.5</v></c><c r="C1"><f>A1&amp;"&gt;"</f></c></row>' +
  '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"/><c r="C2"><is><t><![CDATA[<raw> & ]]]></t></is></c></row>' +
  '</sheetData></x:worksheet>';

describe('XmlTokenizer', () => {
  it('finds tags, attributes and text, quotes holding ">" and entities decoded', () => {
    expect(events([SHEET])).toEqual([
      // The line break after the declaration is text (this handler wants all text).
      'text \n',
      'open worksheet ',
      'open sheetData ',
      'open row 1',
      'open c A1',
      'open is ',
      'open t ',
      'text a & b é 😀',
      'close t',
      'close is',
      'close c',
      'open c B1',
      'open v ',
      'text 1.5',
      'close v',
      'close c',
      'open c C1',
      'open f ',
      'text A1&">"',
      'close f',
      'close c',
      'close row',
      'open row 2',
      'open c A2',
      'open v ',
      'text 0',
      'close v',
      'close c',
      'open c B2',
      'close c',
      'open c C2',
      'open is ',
      'open t ',
      'text <raw> & ]',
      'close t',
      'close is',
      'close c',
      'close row',
      'close sheetData',
      'close worksheet',
    ]);
  });

  it('gives the same events however the text is cut into chunks', () => {
    const whole = events([SHEET]);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: SHEET.length - 1 }), { maxLength: 40 }),
        (cuts) => {
          const at = [0, ...cuts.sort((a, b) => a - b), SHEET.length];
          const chunks = at.slice(1).map((end, i) => SHEET.slice(at[i], end));
          expect(events(chunks)).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses XML that stops inside an element, or declares entities', () => {
    expect(() => events(['<worksheet><sheetData>'])).toThrow(
      new WorkbookError('its part test.xml is not complete XML: it stops inside an element'),
    );
    expect(() => events(['<worksheet><c r="A1'])).toThrow(WorkbookError);
    expect(() => events(['<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'])).toThrow(
      'its part test.xml declares XML entities, which are refused: no spreadsheet program writes them',
    );
    // A plain document type is passed over, and an unknown entity stays as written.
    expect(events(['<!DOCTYPE x><x>&a;</x>'])).toEqual(['open x ', 'text &a;', 'close x']);
  });
});

describe('attributeOf', () => {
  it('finds an attribute by its local name, in either quotes, with spaces around "="', () => {
    expect(attributeOf(' r="B7" s="3" t="s"', 't')).toBe('s');
    expect(attributeOf(' name="List 3" r:id="rId2"', 'id')).toBe('rId2');
    expect(attributeOf(" name = 'Smith &amp; Jones' ", 'name')).toBe('Smith & Jones');
    // sheetId is not id, and a value that looks like an attribute is a value.
    expect(attributeOf(' sheetId="4" name=\'a id="x"\'', 'id')).toBeUndefined();
    expect(attributeOf(' r="A1"', 's')).toBeUndefined();
  });
});

describe('decodeXmlEntities', () => {
  it('decodes the five entities and character references, and leaves anything else', () => {
    expect(decodeXmlEntities('&lt;&gt;&amp;&quot;&apos; &#65;&#x42; &nbsp; &#xFFFFFF;')).toBe(
      '<>&"\' AB &nbsp; &#xFFFFFF;',
    );
  });
});

describe('updateCrc32', () => {
  it('gives the standard check values, whatever the chunks', () => {
    const bytes = new TextEncoder().encode('123456789');
    // The check value of CRC-32 (ISO 3309) for "123456789" is CBF43926.
    expect(updateCrc32(0, bytes)).toBe(0xcbf43926);
    expect(updateCrc32(updateCrc32(0, bytes.subarray(0, 5)), bytes.subarray(5))).toBe(0xcbf43926);
    expect(updateCrc32(0, new Uint8Array(0))).toBe(0);
    // "The quick brown fox jumps over the lazy dog": 414FA339.
    expect(updateCrc32(0, new TextEncoder().encode('The quick brown fox jumps over the lazy dog'))).toBe(
      0x414fa339,
    );
  });
});

describe('serialToIsoDate', () => {
  it('counts the 1900 system from 1899-12-30, past the phantom 1900-02-29, and the 1904 system from 1904-01-01', () => {
    // 2010-01-01 is serial 40179; 2010-04-30 is 119 days later.
    expect(serialToIsoDate(40298, false)).toBe('2010-04-30');
    expect(serialToIsoDate(40298.75, false)).toBe('2010-04-30');
    expect(serialToIsoDate(59, false)).toBe('1900-02-28');
    expect(serialToIsoDate(60, false)).toBeNull();
    expect(serialToIsoDate(61, false)).toBe('1900-03-01');
    expect(serialToIsoDate(0, false)).toBeNull();
    expect(serialToIsoDate(2_958_466, false)).toBeNull();
    // 1462 days separate the systems.
    expect(serialToIsoDate(38836, true)).toBe('2010-04-30');
    expect(serialToIsoDate(0, true)).toBe('1904-01-01');
    expect(serialToIsoDate(-1, true)).toBeNull();
  });

  it('is the inverse of isoDateToSerial over every day Excel shows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_958_465 }).filter((serial) => serial !== 60),
        (serial) => {
          const date = serialToIsoDate(serial, false);
          expect(date).not.toBeNull();
          expect(isoDateToSerial(date as string)).toBe(serial);
        },
      ),
    );
  });
});

describe('isDateFormat', () => {
  it('knows the built-in date formats, and not the built-in times', () => {
    expect([14, 15, 16, 17, 22].every((id) => isDateFormat(id, undefined))).toBe(true);
    expect([0, 1, 9, 10, 18, 20, 21, 45, 46, 47, 49].some((id) => isDateFormat(id, undefined))).toBe(false);
  });

  it('reads a custom format for a day, a month or a year outside quotes, escapes and brackets', () => {
    for (const code of [
      'dd/mm/yyyy',
      'mmm yyyy',
      'd-mmm-yy',
      '[$-809]dd mmmm yyyy;@',
      'yyyy-mm-dd hh:mm',
      'mmmm',
    ]) {
      expect(isDateFormat(164, code), code).toBe(true);
    }
    for (const code of [
      '0.0%',
      '0.0" days"',
      '#,##0;[Red]-#,##0',
      'hh:mm',
      '[h]:mm:ss',
      'mm:ss',
      '0.00E+00',
      '@',
      'General',
      '0\\d',
    ]) {
      expect(isDateFormat(164, code), code).toBe(false);
    }
  });
});

describe('columnName', () => {
  it('names columns as Excel does, from A to XFD', () => {
    // 26 single letters, then AA (26) … AZ (51), BA (52); XFD is the 16,384th column.
    expect([0, 25, 26, 51, 52, 701, 702, 16_383].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
});
