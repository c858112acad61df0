/**
 * What the CSV readers share, whichever csv-parse build drives them (the browser-safe sync build for text in the
 * core, the node stream for files): the parser options, and the handler that tracks line numbers and turns
 * records into header and rows for a record reader.
 * @module
 */
import type { RecordReader } from './record-reader.js';
import type { RecordKind } from './schemas.js';

/** The longest record the parser holds (characters): a quote never closed cannot swallow a whole large file. */
export const MAX_CSV_RECORD_CHARS = 1_000_000;

/** The part of a csv-parse error the handler reads. */
export interface CsvSkipError {
  readonly code?: string;
  readonly message: string;
}

/** Receives csv-parse's records and skipped records, in file order. */
export interface CsvRowHandler {
  /** One parsed record (the header, a blank line as `['']`, or a data row). */
  record(cells: readonly string[]): void;
  /** A record csv-parse could not read. */
  skipped(error: CsvSkipError | undefined): void;
  /** The end of the input: an input with no header at all is read as an empty header. */
  end(): void;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/** The line breaks inside a cell: `\r\n`, `\n` or `\r`, as the record delimiters. */
function lineBreaksIn(cell: string): number {
  if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) return 0;
  return cell.match(LINE_BREAK)?.length ?? 0;
}

/**
 * Creates the handler between csv-parse and a record reader. Line numbers are counted here, not taken from the
 * parser: a record starts on the line after the previous one ends, and spans one line more for each line break
 * inside its quoted values (`\r\n`, `\n` or `\r`, as the record delimiters). Blank lines and rows whose cells are
 * all blank are not rows; the first other record is the header.
 *
 * @param reader - the record reader to feed.
 * @returns the handler, for {@link csvParseOptions}.
 * @example
 * const handler = createCsvRowHandler(reader);
 * parse('id,childId,referralDate\r\nR1,"C\r\n1",2010-10-01\r\nR2,C2,2010-10-02\r\n', csvParseOptions(handler));
 * handler.end();
 * reader.result().rows //=> [2, 4] (R1 spans lines 2 and 3)
 */
export function createCsvRowHandler(reader: RecordReader<RecordKind>): CsvRowHandler {
  let line = 1;
  let headerSeen = false;
  return {
    record(cells) {
      const start = line;
      // One pass over the cells: the line breaks inside them, and whether any holds more than spaces.
      let breaks = 0;
      let blank = true;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i] as string;
        if (blank && cell.length > 0 && cell.trim() !== '') blank = false;
        breaks += lineBreaksIn(cell);
      }
      line += 1 + breaks;
      if (blank) return;
      if (headerSeen) reader.cells(cells, start);
      else {
        headerSeen = true;
        reader.header(cells, start);
      }
    },
    skipped(error) {
      const code = error?.code;
      let message: string;
      if (code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_MAX_RECORD_SIZE') {
        message = `a quoted value that starts on this row is never closed${code === 'CSV_MAX_RECORD_SIZE' ? ` (the row runs past ${MAX_CSV_RECORD_CHARS} characters)` : ''}, so the rest of the file cannot be read as rows: close the quote (a quote inside a quoted value is written twice: "")`;
      } else {
        message = `the row cannot be read as CSV (${code ?? 'error'}: ${error?.message ?? 'unknown'})`;
      }
      if (headerSeen) reader.unreadableRow(line, message, null);
      else reader.refuse(line, `the header line cannot be read: ${message}`, null);
      // After a skipped record the parser resumes on the next record; its lines are not known, so count one.
      line += 1;
    },
    end() {
      if (!headerSeen) reader.header([], 1);
    },
  };
}

/**
 * The csv-parse options of every CSV reader, without callbacks: a byte-order mark dropped, `\r\n`, `\n` and `\r` all
 * ending records, quotes inside unquoted values taken literally, ragged rows allowed (checked by the reader), blank
 * lines passed through (so that lines can be counted), and a record that cannot be read skipped (and reported).
 *
 * @returns a new options object for `parse` (sync or stream).
 * @example
 * parse(text, { ...csvReadingOptions(), on_skip }); //=> every record, as arrays of cells
 */
export function csvReadingOptions() {
  return {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: MAX_CSV_RECORD_CHARS,
    skip_records_with_error: true,
  };
}

/**
 * The csv-parse options of a CSV reader that hands each record to the handler as it is parsed, instead of keeping
 * it: {@link csvReadingOptions} with `on_record` and `on_skip`. (csv-parse builds an `info` object for every record
 * it passes to `on_record`; the node file reader takes the records from the stream instead.)
 *
 * @param handler - the handler from {@link createCsvRowHandler}.
 * @returns the options object for `parse` (sync or stream).
 * @example
 * parse(text, csvParseOptions(handler)); //=> [] (every record went to the handler)
 */
export function csvParseOptions(handler: CsvRowHandler) {
  return {
    ...csvReadingOptions(),
    on_skip: (error: CsvSkipError | undefined): undefined => {
      handler.skipped(error);
      return undefined;
    },
    on_record: (record: string[]): null => {
      handler.record(record);
      return null;
    },
  };
}
