import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import { type CsvRecord, parseCsv } from './csv-parse.js';
import type { ConversionEvent } from './roi-inputs.js';
import { daysFromCivil, zoneCalendar } from './time-buckets.js';

/** The columns {@link parseConversionsCsv} reads. */
export type ConversionColumn =
  | 'source'
  | 'medium'
  | 'campaign'
  | 'content'
  | 'term'
  | 'value'
  | 'count'
  | 'at';

/** Options of {@link parseConversionsCsv}. */
export interface ConversionsCsvOptions {
  /**
   * The field separator: `,`, `;`, TAB, or `auto` (default): whichever of the three occurs most
   * in the header line outside quotes.
   */
  readonly delimiter?: ',' | ';' | '\t' | 'auto' | undefined;
  /**
   * Header names of the columns, when the export names them otherwise than the defaults (see
   * {@link DEFAULT_CONVERSION_HEADERS}). Compared ignoring case, spaces, `_` and `-`.
   */
  readonly columns?: Readonly<Partial<Record<ConversionColumn, string>>> | undefined;
  /** The decimal separator of numbers: `.` (default; `,` then groups thousands) or `,` (`.` groups). */
  readonly decimal?: '.' | ',' | undefined;
  /** IANA zone of date-only cells (`20260504`, `2026-05-04`): they mean that day's start there (default UTC). */
  readonly timeZone?: string | undefined;
}

/**
 * The header names read by default, per column (compared ignoring case, spaces, `_` and `-`):
 * the UTM names, plain names, and Google Analytics 4's dimension and metric names.
 */
export const DEFAULT_CONVERSION_HEADERS: Readonly<Record<ConversionColumn, readonly string[]>> =
  Object.freeze({
    source: ['utm_source', 'source', 'session source', 'first user source'],
    medium: ['utm_medium', 'medium', 'session medium', 'first user medium'],
    campaign: ['utm_campaign', 'campaign', 'session campaign', 'first user campaign'],
    content: [
      'utm_content',
      'content',
      'ad content',
      'session manual ad content',
      'first user manual ad content',
    ],
    term: ['utm_term', 'term', 'keyword', 'session manual term', 'first user manual term'],
    value: ['value', 'revenue', 'conversion value', 'total revenue', 'purchase revenue', 'event value'],
    count: ['count', 'conversions', 'key events', 'transactions'],
    at: ['at', 'date', 'timestamp', 'time', 'event time'],
  });

const COLUMNS = Object.keys(DEFAULT_CONVERSION_HEADERS) as ConversionColumn[];
const MAX_PROBLEMS = 100;

/** A header as compared: lower case, without spaces, `_` and `-`. */
function normalise(header: string): string {
  return header.toLowerCase().replace(/[\s_-]+/g, '');
}

/** The delimiter of `auto`: the most frequent of `,` `;` TAB outside quotes on the first line. */
function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [char, count] of counts) if (count > (counts.get(best) ?? 0)) best = char;
  return best;
}

/** Lines before the header that start with `#` (Google Analytics puts a description there). */
function withoutCommentLines(text: string): string {
  let rest = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  while (rest.startsWith('#') || /^[ \t]*\r?\n/.test(rest)) {
    const end = rest.search(/\r\n|\n|\r/);
    if (end < 0) return '';
    rest = rest.slice(end + (rest.startsWith('\r\n', end) ? 2 : 1));
  }
  return rest;
}

/** A cell that means "no value": empty, or Google Analytics' `(not set)`, `(none)`, `(direct)`, … */
function textOf(cell: string | undefined): string | undefined {
  const text = cell?.trim();
  return text === undefined || text === '' || /^\(.*\)$/.test(text) ? undefined : text;
}

const CURRENCY = /[$€£¥\s\u00a0\u202f\u2009]/g;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A number cell, with the separators of `decimal`; `undefined` when blank, `NaN` when it is no number. */
function numberOf(cell: string | undefined, decimal: '.' | ','): number | undefined {
  const text = textOf(cell);
  if (text === undefined) return undefined;
  const bare = text.replace(CURRENCY, '');
  const plain = decimal === '.' ? bare.replaceAll(',', '') : bare.replaceAll('.', '').replace(',', '.');
  return NUMBER.test(plain) ? Number(plain) : Number.NaN;
}

/** A date cell: ISO 8601 date-time with offset, or a date (`20260504`, `2026-05-04`) at its day's start in `timeZone`. */
function dateOf(cell: string | undefined, timeZone: string): Date | undefined | null {
  const text = textOf(cell);
  if (text === undefined) return undefined;
  const day = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
  if (day !== null) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (month < 1 || month > 12 || date < 1 || date > 31) return null;
    return new Date(zoneCalendar(timeZone).instantOf(daysFromCivil(year, month, date) * 86_400_000));
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** Finds each column's index in the header row. */
function locateColumns(
  header: readonly string[],
  options: ConversionsCsvOptions,
  problems: ValidationProblem[],
): Partial<Record<ConversionColumn, number>> {
  const names = header.map(normalise);
  const found: Partial<Record<ConversionColumn, number>> = {};
  for (const column of COLUMNS) {
    const configured = options.columns?.[column];
    const candidates = configured === undefined ? DEFAULT_CONVERSION_HEADERS[column] : [configured];
    const wanted = new Set(candidates.map(normalise));
    const index = names.findIndex((name) => wanted.has(name));
    if (index >= 0) found[column] = index;
    else if (configured !== undefined) {
      problems.push({
        path: ['columns', column],
        rule: 'csv.column',
        message: `no column "${configured}" in the header (it has: ${header.join(', ').slice(0, 200)})`,
      });
    }
  }
  if (found.source === undefined && options.columns?.source === undefined) {
    problems.push({
      path: ['columns', 'source'],
      rule: 'csv.column',
      message: `no utm_source column: name it with columns.source (the header has: ${header.join(', ').slice(0, 200)})`,
    });
  }
  return found;
}

/**
 * Reads conversions from a CSV export of your web analytics (a row per conversion, or a row per
 * UTM combination with a count and a value), for `Analytics.roi`.
 *
 * The first line (after lines starting with `#`, which Google Analytics 4 writes above the
 * table) is the header. Columns are found by name: see {@link DEFAULT_CONVERSION_HEADERS}, or
 * name them in `columns`; only the source column is required. Per row: the UTM cells (empty or
 * `(not set)`-style cells are missing values), `value` (default 0), `count` (default 1 without
 * a count column, 0 for an empty cell), `at` (ISO 8601 date-time with offset, or a date).
 * Numbers may carry currency signs and thousands separators (`$1,234.50`, or `1.234,50 €` with
 * `decimal: ','`). Quoted fields are read as RFC 4180 says (see `parseCsv`).
 *
 * @param text - the CSV text
 * @param options - see {@link ConversionsCsvOptions}
 * @returns one conversion event per data row
 * @throws ValidationError naming each bad cell by line and column (at most 100), a missing
 *   column, or an unterminated quote
 *
 * @example
 * ```ts
 * const conversions = parseConversionsCsv(await readFile('ga4-export.csv', 'utf8'), { timeZone: 'Europe/Berlin' });
 * const roi = analytics.roi({ conversions, spend });
 * ```
 */
export function parseConversionsCsv(text: string, options: ConversionsCsvOptions = {}): ConversionEvent[] {
  const timeZone = options.timeZone ?? 'UTC';
  zoneCalendar(timeZone); // throws a ValidationError naming the zone when it is unknown
  const body = withoutCommentLines(text);
  const firstLine = body.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const delimiter =
    options.delimiter === undefined || options.delimiter === 'auto'
      ? detectDelimiter(firstLine)
      : options.delimiter;
  const records = parseCsv(body, delimiter);
  const [header, ...rows] = records;
  if (header === undefined) return [];
  const problems: ValidationProblem[] = [];
  const columns = locateColumns(header.fields, options, problems);
  if (problems.length > 0) throw new ValidationError(problems, 'conversions CSV');
  const decimal = options.decimal ?? '.';
  const events = rows.map((row) => rowToEvent(row, columns, decimal, timeZone, problems));
  if (problems.length > 0) throw new ValidationError(problems.slice(0, MAX_PROBLEMS), 'conversions CSV');
  return events;
}

function rowToEvent(
  row: CsvRecord,
  columns: Partial<Record<ConversionColumn, number>>,
  decimal: '.' | ',',
  timeZone: string,
  problems: ValidationProblem[],
): ConversionEvent {
  const cell = (column: ConversionColumn): string | undefined => {
    const index = columns[column];
    return index === undefined ? undefined : (row.fields[index] ?? '');
  };
  const problem = (column: ConversionColumn, message: string): void => {
    if (problems.length < MAX_PROBLEMS) {
      problems.push({
        path: ['line', row.line, column],
        rule: 'csv.cell',
        message,
        actual: (cell(column) ?? '').slice(0, 50),
      });
    }
  };
  const value = numberOf(cell('value'), decimal);
  if (value !== undefined && Number.isNaN(value)) problem('value', 'is not a number');
  const count = columns.count === undefined ? 1 : (numberOf(cell('count'), decimal) ?? 0);
  if (Number.isNaN(count) || count < 0) problem('count', 'is not a count (a number ≥ 0)');
  const at = dateOf(cell('at'), timeZone);
  if (at === null) problem('at', 'is not a date (YYYY-MM-DD, YYYYMMDD or an ISO 8601 date-time with offset)');
  const utm = {
    source: textOf(cell('source')),
    medium: textOf(cell('medium')),
    campaign: textOf(cell('campaign')),
    content: textOf(cell('content')),
    term: textOf(cell('term')),
  };
  return {
    utm: Object.fromEntries(Object.entries(utm).filter(([, v]) => v !== undefined)),
    value: value ?? 0,
    count,
    ...(at === undefined || at === null ? {} : { at }),
  };
}
