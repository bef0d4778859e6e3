import { ValidationError } from '../errors/validation-error.js';

/**
 * The version of the JSON report envelope written by {@link toJsonReport}. It changes when the
 * envelope or the encoding rules change in a way readers must know about.
 */
export const JSON_REPORT_SCHEMA_VERSION = 1;

/** A JSON value as written to a report. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Options for {@link toJsonReport}. */
export interface JsonReportOptions {
  /** Spaces per indentation level (default 2). */
  readonly indent?: number | undefined;
  /** Sort object keys by UTF-16 code units so equal data always gives equal text (default `true`). */
  readonly sortKeys?: boolean | undefined;
}

/**
 * Serialises report data as pretty, stable JSON inside an envelope
 * `{ "schemaVersion": 1, "data": … }`.
 *
 * Encoding: `Date` → ISO 8601 string (UTC); `null` stays `null` ("no data" is never turned into
 * 0); `NaN`, `±Infinity` and invalid dates → `null`, as `JSON.stringify` does; bigint → string of
 * digits; `Map` → object (keys as strings); `Set` → array; objects with `toJSON` (URL, smmkit
 * errors) → what it returns; `undefined`, functions and symbols are left out of objects and
 * become `null` in arrays. With `sortKeys` (the default) object keys are sorted, so the same data
 * always gives the same text.
 *
 * @param data - the report data
 * @param options - see {@link JsonReportOptions}
 * @returns the JSON text
 * @throws ValidationError when the data contains a cycle
 *
 * @example
 * ```ts
 * toJsonReport({ generatedAt: new Date('2026-05-01T00:00:00Z'), reach: null });
 * // {
 * //   "schemaVersion": 1,
 * //   "data": {
 * //     "generatedAt": "2026-05-01T00:00:00.000Z",
 * //     "reach": null
 * //   }
 * // }
 * ```
 */
export function toJsonReport(data: unknown, options: JsonReportOptions = {}): string {
  const sortKeys = options.sortKeys ?? true;
  const envelope = {
    schemaVersion: JSON_REPORT_SCHEMA_VERSION,
    data: toJsonValue(data, sortKeys, [], new Set()) ?? null,
  };
  return JSON.stringify(envelope, null, options.indent ?? 2);
}

/** Converts one value; `undefined` means "leave out" (or `null` inside an array). */
function toJsonValue(
  value: unknown,
  sortKeys: boolean,
  path: (string | number)[],
  ancestors: Set<object>,
): JsonValue | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (typeof value !== 'object' || value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (ancestors.has(value)) {
    throw new ValidationError(
      [{ path, rule: 'json.cycle', message: 'refers back to an object that contains it' }],
      'JSON report data',
    );
  }
  ancestors.add(value);
  try {
    return toJsonContainer(value, sortKeys, path, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function toJsonContainer(
  value: object,
  sortKeys: boolean,
  path: (string | number)[],
  ancestors: Set<object>,
): JsonValue | undefined {
  const convert = (item: unknown, key: string | number) =>
    toJsonValue(item, sortKeys, [...path, key], ancestors);
  if (Array.isArray(value) || value instanceof Set) {
    return [...value].map((item: unknown, i) => convert(item, i) ?? null);
  }
  if ('toJSON' in value && typeof value.toJSON === 'function') {
    return toJsonValue(value.toJSON(), sortKeys, path, ancestors);
  }
  const entries: [string, unknown][] =
    value instanceof Map
      ? [...value].map(([key, item]: [unknown, unknown]) => [String(key), item])
      : Object.entries(value);
  if (sortKeys) entries.sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
  const result: { [key: string]: JsonValue } = {};
  for (const [key, item] of entries) {
    const converted = convert(item, key);
    // defineProperty, so a key named `__proto__` stays an ordinary key.
    if (converted !== undefined) {
      Object.defineProperty(result, key, {
        value: converted,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return result;
}
