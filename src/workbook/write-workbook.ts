/**
 * The workbook writer: sheets of typed cells in, an .xlsx file's bytes out. Numbers stay numbers (with a number
 * format when asked), dates are date cells, text is text; column widths and frozen header rows are kept. Rows may
 * come from a generator: they are turned into XML and deflated as they come, so a large sheet is never held as
 * text.
 * @module
 */
import type { IsoDate } from '../util/dates.js';
import { columnName } from './references.js';
import { isoDateToSerial } from './serials.js';
import { ZipWriter } from './zip-write.js';

/** A number cell with a number format, e.g. `{ number: 0.649, format: '0.0%' }` (shown 64.9%). */
export interface WorkbookNumberValue {
  readonly number: number;
  /** An Excel number format code. Default `General`. */
  readonly format?: string;
  /** Whether the cell is bold. Default false. */
  readonly bold?: boolean;
}

/** A date cell, e.g. `{ date: '2010-04-30' }`. */
export interface WorkbookDateValue {
  readonly date: IsoDate;
  /** An Excel date format code. Default `dd/mm/yyyy`. */
  readonly format?: string;
  /** Whether the cell is bold. Default false. */
  readonly bold?: boolean;
}

/** A text cell with a style, e.g. `{ text: 'Indicator', bold: true }`. */
export interface WorkbookTextValue {
  readonly text: string;
  /** Whether the cell is bold. Default false. */
  readonly bold?: boolean;
}

/** A boolean cell with a style, e.g. `{ boolean: true }`. */
export interface WorkbookBooleanValue {
  readonly boolean: boolean;
  /** Whether the cell is bold. Default false. */
  readonly bold?: boolean;
}

/**
 * One cell to write: text, a number (format `General`), a boolean, one of the object forms, or null (or undefined)
 * for an empty cell.
 */
export type WorkbookValue =
  | string
  | number
  | boolean
  | WorkbookNumberValue
  | WorkbookDateValue
  | WorkbookTextValue
  | WorkbookBooleanValue
  | null
  | undefined;

/** One sheet to write. */
export interface WorkbookSheetToWrite {
  /** The tab's name: 1 to 31 characters, none of `: \ / ? * [ ]`, unique ignoring case. */
  readonly name: string;
  /** The rows from row 1, each from column A; a row with no value is left empty. */
  readonly rows: Iterable<readonly WorkbookValue[]>;
  /** Column widths from column A, in characters (Excel's unit); a missing or 0 width keeps the default. Default none. */
  readonly columnWidths?: readonly (number | undefined)[];
  /** How many rows at the top stay in view when scrolling (a header). Default 0. */
  readonly frozenRows?: number;
}

/** Options of {@link writeWorkbook}. */
export interface WriteWorkbookOptions {
  /** The date format of a {@link WorkbookDateValue} without one. Default `dd/mm/yyyy`. */
  readonly dateFormat?: string;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's longest text in a cell. */
const MAX_TEXT = 32_767;
/** How much XML is gathered before it is deflated. */
const BATCH = 1 << 16;

/** Number formats Excel knows by id, so that no custom format is declared for them. */
const BUILT_IN_FORMATS: ReadonlyMap<string, number> = new Map([
  ['General', 0],
  ['0', 1],
  ['0.00', 2],
  ['#,##0', 3],
  ['#,##0.00', 4],
  ['0%', 9],
  ['0.00%', 10],
]);

/** The escape Excel writes for a character XML cannot hold: `_x000D_` for a carriage return. */
function excelEscape(code: number): string {
  return `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
}

const ESCAPE_PATTERN = /^x[0-9A-Fa-f]{4}_/;

/**
 * Text as XML: `& < > "` as entities, and the characters XML 1.0 cannot hold (controls other than tab and line feed,
 * lone surrogates, U+FFFE, U+FFFF) and the carriage return (which XML reads as a line feed) as Excel writes them,
 * `_x000D_`; an underscore that starts such a pattern is escaped too (`_x005F_`), so that it reads back as written.
 */
function escapeXml(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let replacement: string | undefined;
    if (code < 0x20) {
      if (code !== 9 && code !== 10) replacement = excelEscape(code);
    } else if (code === 38) replacement = '&amp;';
    else if (code === 60) replacement = '&lt;';
    else if (code === 62) replacement = '&gt;';
    else if (code === 34) replacement = '&quot;';
    else if (code === 95) {
      if (ESCAPE_PATTERN.test(text.slice(i + 1, i + 7))) replacement = excelEscape(code);
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else replacement = excelEscape(code);
    } else if ((code >= 0xdc00 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) {
      replacement = excelEscape(code);
    }
    if (replacement !== undefined) {
      out += text.slice(last, i) + replacement;
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

function checkSheetNames(sheets: readonly WorkbookSheetToWrite[]): void {
  if (sheets.length === 0) throw new TypeError('Expected at least one sheet to write, got none');
  const seen = new Map<string, string>();
  for (const { name } of sheets) {
    if (typeof name !== 'string' || name.length === 0 || name.length > 31) {
      throw new TypeError(`Expected a sheet name of 1 to 31 characters, got ${JSON.stringify(name)}`);
    }
    if (/[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new TypeError(
        `Expected a sheet name without : \\ / ? * [ ] and not starting or ending with ', got ${JSON.stringify(name)}`,
      );
    }
    const key = name.toLowerCase();
    if (key === 'history')
      throw new TypeError('Expected a sheet name other than "History", which Excel keeps for itself');
    const first = seen.get(key);
    if (first !== undefined) {
      throw new TypeError(
        `Expected sheet names unique ignoring case, got ${JSON.stringify(name)} after ${JSON.stringify(first)}`,
      );
    }
    seen.set(key, name);
  }
}

/** The cell formats used, numbered in order of first use after the default (0). */
class Styles {
  private readonly formats = new Map<string, number>();
  private readonly cellFormats = new Map<string, number>();
  private readonly list: { numFmtId: number; bold: boolean }[] = [{ numFmtId: 0, bold: false }];

  index(format: string | undefined, bold: boolean | undefined): number {
    const key = `${bold === true ? 'b' : ''}|${format ?? 'General'}`;
    let index = this.cellFormats.get(key);
    if (index === undefined) {
      const code = format ?? 'General';
      let numFmtId = BUILT_IN_FORMATS.get(code) ?? this.formats.get(code);
      if (numFmtId === undefined) {
        numFmtId = 164 + this.formats.size;
        this.formats.set(code, numFmtId);
      }
      index = key === '|General' ? 0 : this.list.length;
      if (index !== 0) this.list.push({ numFmtId, bold: bold === true });
      this.cellFormats.set(key, index);
    }
    return index;
  }

  xml(): string {
    const formats = [...this.formats].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`,
    );
    const cellFormats = this.list.map(
      ({ numFmtId, bold }) =>
        `<xf numFmtId="${numFmtId}" fontId="${bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"` +
        `${numFmtId === 0 ? '' : ' applyNumberFormat="1"'}${bold ? ' applyFont="1"' : ''}/>`,
    );
    return (
      `${DECLARATION}<styleSheet xmlns="${MAIN}">` +
      (formats.length > 0 ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '') +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
      '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${cellFormats.length}">${cellFormats.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The serial of a date cell, a bad date named with its cell. */
function serialOf(date: IsoDate, reference: string): number {
  try {
    return isoDateToSerial(date);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new RangeError(error.message.replace(/, got /, ` in cell ${reference}, got `));
  }
}

/** One cell's XML, or '' for an empty cell. */
function cellXml(value: WorkbookValue, reference: string, styles: Styles, dateFormat: string): string {
  if (value === null || value === undefined) return '';
  const style = (format: string | undefined, bold: boolean | undefined) => {
    const index = styles.index(format, bold);
    return index === 0 ? '' : ` s="${index}"`;
  };
  const text = (content: string, s: string) => {
    if (content.length > MAX_TEXT) {
      throw new RangeError(
        `Expected at most ${MAX_TEXT} characters in cell ${reference}, got ${content.length}`,
      );
    }
    if (content === '') return '';
    const space = /^\s|\s$/.test(content) ? ' xml:space="preserve"' : '';
    return `<c r="${reference}"${s} t="inlineStr"><is><t${space}>${escapeXml(content)}</t></is></c>`;
  };
  const number = (n: number, s: string) => {
    if (!Number.isFinite(n)) throw new TypeError(`Expected a finite number in cell ${reference}, got ${n}`);
    return `<c r="${reference}"${s}><v>${n}</v></c>`;
  };
  switch (typeof value) {
    case 'string':
      return text(value, '');
    case 'number':
      return number(value, '');
    case 'boolean':
      return `<c r="${reference}" t="b"><v>${value ? 1 : 0}</v></c>`;
    case 'object':
      if ('number' in value && typeof value.number === 'number')
        return number(value.number, style(value.format, value.bold));
      if ('date' in value && typeof value.date === 'string') {
        return `<c r="${reference}"${style(value.format ?? dateFormat, value.bold)}><v>${serialOf(value.date, reference)}</v></c>`;
      }
      if ('text' in value && typeof value.text === 'string')
        return text(value.text, style(undefined, value.bold));
      if ('boolean' in value && typeof value.boolean === 'boolean') {
        return `<c r="${reference}"${style(undefined, value.bold)} t="b"><v>${value.boolean ? 1 : 0}</v></c>`;
      }
      break;
    default:
  }
  throw new TypeError(
    `Expected text, a number, a boolean, a date or null in cell ${reference}, got ${describe(value)}`,
  );
}

/** A sheet's XML, in pieces of about {@link BATCH} characters. */
function* sheetXml(
  sheet: WorkbookSheetToWrite,
  first: boolean,
  styles: Styles,
  dateFormat: string,
): Generator<string> {
  const frozen = sheet.frozenRows ?? 0;
  if (!Number.isInteger(frozen) || frozen < 0) {
    throw new TypeError(`Expected frozenRows to be a whole number from 0, got ${describe(sheet.frozenRows)}`);
  }
  const pane =
    frozen > 0
      ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>`
      : '';
  const widths = (sheet.columnWidths ?? [])
    .map((width, column) => {
      if (width === undefined || width === 0) return '';
      if (!Number.isFinite(width) || width < 0 || width > 255) {
        throw new TypeError(`Expected a column width from 0 to 255 characters, got ${describe(width)}`);
      }
      return `<col min="${column + 1}" max="${column + 1}" width="${width}" customWidth="1"/>`;
    })
    .join('');
  let xml =
    `${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    `<sheetViews><sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (widths === '' ? '' : `<cols>${widths}</cols>`) +
    '\n<sheetData>\n';
  let rowNumber = 0;
  for (const row of sheet.rows) {
    rowNumber++;
    let cells = '';
    for (let column = 0; column < row.length; column++) {
      cells += cellXml(row[column], columnName(column) + rowNumber, styles, dateFormat);
    }
    if (cells !== '') xml += `<row r="${rowNumber}">${cells}</row>\n`;
    if (xml.length >= BATCH) {
      yield xml;
      xml = '';
    }
  }
  yield `${xml}</sheetData></worksheet>`;
}

/**
 * Writes an Excel workbook (.xlsx): one tab per sheet, in order, the first selected. Numbers are numeric cells
 * (a `format` shows them as asked, e.g. `0.0%`), dates are date cells (serials in the 1900 system with a date
 * format), text is text (kept exactly: leading spaces, line breaks and control characters read back as written).
 * The same sheets always give the same bytes. Core function: it runs in a browser as in Node (it uses the
 * platform's `CompressionStream`).
 *
 * @param sheets - the sheets, in tab order.
 * @param options - `dateFormat` (default `dd/mm/yyyy`).
 * @returns the .xlsx file's bytes.
 * @throws {TypeError} for a bad sheet name (empty, longer than 31 characters, with `: \ / ? * [ ]`, or twice), a
 *   cell that is not one of {@link WorkbookValue}, or a number that is not finite.
 * @throws {RangeError} for a text longer than Excel's 32,767 characters or a date before 1900 or after 9999.
 * @example
 * const bytes = await writeWorkbook([
 *   { name: 'Summary', columnWidths: [12, 10], frozenRows: 1, rows: [
 *     [{ text: 'Indicator', bold: true }, { text: 'Value', bold: true }],
 *     ['NI59', { number: 0.649, format: '0.0%' }],
 *   ] },
 *   { name: 'About', rows: [['As at', { date: '2011-03-31' }]] },
 * ]);
 * bytes.subarray(0, 2) //=> Uint8Array [0x50, 0x4b] ('PK': a zip archive)
 */
export async function writeWorkbook(
  sheets: readonly WorkbookSheetToWrite[],
  options: WriteWorkbookOptions = {},
): Promise<Uint8Array> {
  checkSheetNames(sheets);
  const dateFormat = options.dateFormat ?? 'dd/mm/yyyy';
  const styles = new Styles();
  const zip = new ZipWriter();
  const sheetPart = (index: number) => `worksheets/sheet${index + 1}.xml`;
  await zip.add('[Content_Types].xml', [
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map(
          (_, index) =>
            `<Override PartName="/xl/${sheetPart(index)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  ]);
  await zip.add('_rels/.rels', [
    `${DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
      `<Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ]);
  await zip.add('xl/workbook.xml', [
    `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
      '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
      sheets
        .map(
          (sheet, index) =>
            `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
        )
        .join('') +
      '</sheets></workbook>',
  ]);
  await zip.add('xl/_rels/workbook.xml.rels', [
    `${DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
      sheets
        .map(
          (_, index) =>
            `<Relationship Id="rId${index + 1}" Type="${RELATIONSHIPS}/worksheet" Target="${sheetPart(index)}"/>`,
        )
        .join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>` +
      '</Relationships>',
  ]);
  for (const [index, sheet] of sheets.entries()) {
    await zip.add(`xl/${sheetPart(index)}`, sheetXml(sheet, index === 0, styles, dateFormat));
  }
  // Written last: the sheets decide which formats are used.
  await zip.add('xl/styles.xml', [styles.xml()]);
  return zip.finish();
}
