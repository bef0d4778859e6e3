import type * as z from 'zod/mini';

/** Longest input string quoted back in a message; longer ones are cut, so no huge value is echoed. */
const MAX_QUOTED = 40;

/** Readable names for zod's `expected` types. */
const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  bigint: 'a bigint',
  date: 'a Date',
  array: 'an array',
  object: 'an object',
  record: 'an object',
  function: 'a function',
};

/**
 * Builds the human message for one zod issue. zod/mini ships no locale (its default message is
 * just "Invalid input"), so smmkit words its own from the issue's fields. Used as the parse-time
 * error map, so schemas that set their own `error` keep it (zod gives those precedence).
 */
export function describeIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        // `nonoptional` is zod's word for "any value, but present" (e.g. a required z.unknown() key).
        return issue.expected === 'nonoptional'
          ? 'is required'
          : `is required (expected ${expectedName(issue.expected)})`;
      }
      return `expected ${expectedName(issue.expected)}, got ${describeFound(issue.expected, issue.input)}`;
    case 'too_small':
      return describeBound('min', issue, issue.minimum);
    case 'too_big':
      return describeBound('max', issue, issue.maximum);
    case 'invalid_format':
      return describeFormat(issue);
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${String(issue.values[0])}`
        : `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_union':
      return describeUnion(issue.options);
    case 'invalid_key':
      return `invalid key: ${issue.issues[0]?.message ?? 'not allowed'}`;
    case 'invalid_element':
      return `invalid element: ${issue.issues[0]?.message ?? 'not allowed'}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'}: ${issue.keys.join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return 'is invalid';
  }
}

/** A bad discriminator lists the allowed values; otherwise no single branch is to blame. */
function describeUnion(options: unknown): string {
  return Array.isArray(options) && options.length > 0
    ? `must be one of: ${options.map(String).join(', ')}`
    : 'does not match any of the allowed shapes';
}

function expectedName(expected: string): string {
  return EXPECTED[expected] ?? expected;
}

/**
 * Names what was found by its type, so no large or private value is echoed; a number where an
 * integer was expected is shown itself ("expected an integer, got 1.5"), since its type alone
 * would not explain the problem.
 */
function describeFound(expected: string, value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'Date';
  if (typeof value === 'number' && (expected === 'int' || !Number.isFinite(value))) return String(value);
  return typeof value;
}

/** Words a minimum or maximum, e.g. "must have at least 2 items", "must be at most 280 characters". */
function describeBound(
  side: 'min' | 'max',
  issue: { readonly origin: string; readonly inclusive?: boolean; readonly exact?: boolean },
  bound: number | bigint,
): string {
  const exclusive = issue.inclusive === false;
  const word = boundWord(side, exclusive, issue.exact === true);
  switch (issue.origin) {
    case 'string':
      if (side === 'min' && bound === 1 && !issue.exact && !exclusive) return 'must not be empty';
      return `must be ${word} ${bound} ${bound === 1 ? 'character' : 'characters'}`;
    case 'array':
    case 'set':
      return `must have ${word} ${bound} ${bound === 1 ? 'item' : 'items'}`;
    case 'file':
      return `must be ${word} ${bound} bytes`;
    case 'date': {
      const when = new Date(Number(bound)).toISOString();
      const relation = side === 'min' ? 'after' : 'before';
      return `must be ${exclusive ? relation : `at or ${relation}`} ${when}`;
    }
    default:
      if (exclusive) return `must be ${side === 'min' ? 'greater' : 'less'} than ${bound}`;
      return `must be ${word} ${bound}`;
  }
}

function boundWord(side: 'min' | 'max', exclusive: boolean, exact: boolean): string {
  if (exact) return 'exactly';
  if (side === 'min') return exclusive ? 'more than' : 'at least';
  return exclusive ? 'less than' : 'at most';
}

function describeFormat(issue: z.core.$ZodRawIssue<z.core.$ZodIssueInvalidStringFormat>): string {
  switch (issue.format) {
    case 'url':
      return 'not a valid URL';
    case 'datetime':
      return 'must be an ISO-8601 date-time with offset, e.g. 2026-05-01T09:00:00Z';
    case 'regex':
      return issue.pattern === undefined ? 'has an invalid format' : `does not match ${issue.pattern}`;
    default:
      return `not a valid ${issue.format}`;
  }
}

/** Shortens a string for showing in a message: cut to {@link MAX_QUOTED} characters, with `…`. */
export function cutShort(value: string): string {
  return value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
}

/** Shortens a string for quoting in a message (as a JSON string). */
export function quoteShort(value: string): string {
  return JSON.stringify(cutShort(value));
}
