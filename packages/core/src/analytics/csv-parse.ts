import { ValidationError } from '../errors/validation-error.js';

/** One record of a CSV text: its fields and the line it starts on (1-based). */
export interface CsvRecord {
  /** The fields, unquoted. */
  readonly fields: string[];
  /** The line the record starts on, counting from 1. */
  readonly line: number;
}

/**
 * Reads CSV text as RFC 4180 describes it (the reading side of `toCsv`), and as spreadsheets
 * and web-analytics tools write it in practice:
 *
 * - a field in double quotes may hold the delimiter, CR, LF and doubled quotes (`""` → `"`);
 * - records end with CRLF, LF or a lone CR; the last may have no line end;
 * - a leading UTF-8 byte-order mark is dropped;
 * - a quote inside an unquoted field, or text after a closing quote, is kept as it is (Excel's
 *   reading), so a stray quote does not swallow the rest of the file;
 * - a blank line is no record.
 *
 * @param text - the CSV text
 * @param delimiter - the field separator, one character (`,`, `;` or TAB)
 * @returns the records in order
 * @throws ValidationError (rule `csv.unterminated_quote`) when a quoted field is never closed
 */
export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  const records: CsvRecord[] = [];
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  const endField = (): void => {
    fields.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = (): void => {
    // A blank line is no record; a line holding only "" is a record of one empty field.
    const blank = fields.length === 0 && field === '' && !quoted;
    endField();
    if (!blank) records.push({ fields, line: recordLine });
    fields = [];
  };
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (inQuotes) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (char === '\n' || (char === '\r' && input[i + 1] !== '\n')) line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === '' && !quoted) {
      inQuotes = true;
      quoted = true;
    } else if (char === delimiter) {
      endField();
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (inQuotes) {
    throw new ValidationError(
      [
        {
          path: ['line', recordLine],
          rule: 'csv.unterminated_quote',
          message: 'a quoted field is never closed',
        },
      ],
      'CSV',
    );
  }
  if (field !== '' || fields.length > 0 || quoted) endRecord();
  return records;
}
