/**
 * Reads a `Retry-After` header (delay in seconds, or an HTTP date, RFC 9110 §10.2.3) into the
 * instant it names, or `undefined` when absent or unreadable.
 *
 * @example
 * ```ts
 * parseRetryAfter('120', Date.parse('2026-11-22T20:00:00Z')); // 2026-11-22T20:02:00Z
 * ```
 */
export function parseRetryAfter(value: string | null | undefined, now: number): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  // Every HTTP-date form names a month; without this, V8's lenient Date.parse reads "1.5" or "-1" as dates in 2001.
  const at = /^\d+$/.test(trimmed)
    ? now + Number(trimmed) * 1000
    : /[a-z]{3}/i.test(trimmed)
      ? Date.parse(trimmed)
      : Number.NaN;
  const date = new Date(at);
  // A delay too large for a Date (or an unreadable date) gives an Invalid Date: report it as unreadable.
  return Number.isNaN(date.getTime()) ? undefined : date;
}
