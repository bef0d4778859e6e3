import { REDACTED } from './redact.js';

/** Deeper than any error body a classifier reads; bounds the walk over a hostile body. */
const MAX_DEPTH = 32;

/**
 * A copy of a parsed JSON value with `redact` applied to every string in it, keys included.
 * Run after `JSON.parse`: a body may escape a secret (`"tok\u002den"`) so that redacting the raw
 * text cannot find it, while the parsed string holds it in clear. Values nested deeper than 32
 * levels are replaced by `[REDACTED]` rather than walked.
 *
 * @param value - what `JSON.parse` returned, or a text body
 * @param redact - redacts one string (see `secretRedactor`)
 * @returns the value with every string redacted
 */
export function redactValue(value: unknown, redact: (text: string) => string): unknown {
  return walk(value, redact, 0);
}

function walk(value: unknown, redact: (text: string) => string, depth: number): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => walk(item, redact, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[redact(key)] = walk(item, redact, depth + 1);
  return copy;
}
