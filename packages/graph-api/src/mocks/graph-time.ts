/**
 * Graph's time format, ISO 8601 in UTC with a `+0000` offset and no milliseconds, as Graph writes
 * `created_time`, `timestamp` and `end_time` (https://developers.facebook.com/docs/graph-api/reference/post/,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media).
 *
 * @example
 * ```ts
 * graphTime(Date.parse('2026-11-22T12:00:00.250Z')); // '2026-11-22T12:00:00+0000'
 * ```
 */
export const graphTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
