/**
 * One CSV column: a key of the row (header = key), or a header with a key or a function that
 * reads the cell from the row.
 */
export type CsvColumn<Row> =
  | (keyof Row & string)
  | {
      /** The header cell. */
      readonly header: string;
      /** The row's key, or a function returning the cell value. */
      readonly value: (keyof Row & string) | ((row: Row) => unknown);
    };

/** Options for {@link toCsv}. */
export interface CsvOptions {
  /**
   * Neutralise spreadsheet formulas (default `true`): a text cell (or header) starting with `=`,
   * `+`, `-`, `@`, TAB, CR or LF gets a leading `'`, as the OWASP "CSV Injection" guidance advises,
   * so Excel, LibreOffice and Sheets show it as text instead of running it. Numbers, dates and
   * booleans are written by smmkit itself and are never prefixed (so `-5` stays a number).
   */
  readonly formulaGuard?: boolean | undefined;
}

const CRLF = '\r\n';
// https://owasp.org/www-community/attacks/CSV_Injection lists = + - @ TAB CR LF.
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\n']);
/**
 * RFC 4180 quotes fields with `,` `"` CR LF; `;` is quoted too because Excel in many locales
 * splits CSV on `;`, and an unquoted `a;=HYPERLINK(…)` would start a formula cell (the OWASP page
 * above: "take care of the field separator (e.g., ',', or ';')").
 */
const NEEDS_QUOTES = /[",;\r\n]/;

/**
 * Writes rows as RFC 4180 CSV: a header row, then one record per row, each ended by CRLF.
 *
 * Cells: `null`/`undefined` → empty; `Date` → ISO 8601 (`toISOString`, UTC); finite numbers →
 * `String(n)` (`.` decimal point, no grouping, whatever the locale), `NaN`/`±Infinity` and
 * invalid dates → empty; booleans → `true`/`false`; bigint → its digits; other objects → JSON.
 * A field containing a comma, a semicolon, a double quote, CR or LF is wrapped in double quotes,
 * with each embedded double quote doubled (RFC 4180 §2.6–2.7; the semicolon because spreadsheets
 * in many locales split on it); a record whose only field is empty is
 * written as `""` so it is not read as a blank line. See {@link CsvOptions.formulaGuard}.
 *
 * @param rows - the records
 * @param columns - which columns, in order (default: every key met in the rows, in first-seen order)
 * @param options - see {@link CsvOptions}
 * @returns the CSV text (`''` when there are no columns)
 *
 * @example
 * ```ts
 * toCsv([{ post: '1850…', impressions: 1234, publishedAt: new Date('2026-05-01T09:00:00Z') }]);
 * // 'post,impressions,publishedAt\r\n1850…,1234,2026-05-01T09:00:00.000Z\r\n'
 * toCsv(rows, ['post', { header: 'ER %', value: (r) => r.rate * 100 }]);
 * ```
 */
export function toCsv<Row extends object>(
  rows: readonly Row[],
  columns?: readonly CsvColumn<Row>[],
  options: CsvOptions = {},
): string {
  const guard = options.formulaGuard ?? true;
  const resolved = (columns ?? keysOf(rows)).map(resolveColumn);
  if (resolved.length === 0) return '';
  const lines = [
    record(
      resolved.map((column) => textField(column.header, guard)),
      resolved.length,
    ),
  ];
  for (const row of rows) {
    lines.push(
      record(
        resolved.map((column) => field(column.read(row), guard)),
        resolved.length,
      ),
    );
  }
  return lines.map((line) => line + CRLF).join('');
}

function record(fields: readonly string[], width: number): string {
  return width === 1 && fields[0] === '' ? '""' : fields.join(',');
}

function keysOf<Row extends object>(rows: readonly Row[]): (keyof Row & string)[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  return [...keys] as (keyof Row & string)[];
}

function resolveColumn<Row extends object>(
  column: CsvColumn<Row>,
): { header: string; read: (row: Row) => unknown } {
  if (typeof column === 'string') return { header: column, read: (row) => row[column] };
  const { header, value } = column;
  return { header, read: typeof value === 'function' ? value : (row) => row[value] };
}

function field(value: unknown, guard: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return textField(value, guard);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'object') return textField(JSON.stringify(value), guard);
  return textField(String(value), guard);
}

function textField(text: string, guard: boolean): string {
  const safe = guard && FORMULA_START.has(text.charAt(0)) ? `'${text}` : text;
  return quoteIfNeeded(safe);
}

function quoteIfNeeded(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
