/**
 * Reads a Graph API time as a `Date`. Graph writes times as ISO 8601 with the offset's colon left
 * out (`2026-12-04T17:15:38+0000`) in `created_time`, `timestamp` and `end_time`
 * (https://developers.facebook.com/docs/graph-api/reference/post/,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media),
 * which `Date.parse` does not read on its own.
 *
 * @param value - the time as Graph writes it
 * @returns the instant, or `undefined` when absent or unreadable
 *
 * @example
 * ```ts
 * parseGraphTime('2026-12-04T17:15:38+0000')?.toISOString(); // '2026-12-04T17:15:38.000Z'
 * ```
 */
export function parseGraphTime(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(time) ? undefined : new Date(time);
}
