import { graphError } from './errors.js';
import type { GraphParams } from './params.js';

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

/**
 * A time parameter as Graph reads it (`since`, `until`, `scheduled_publish_time`): Unix seconds,
 * or a date string ("A Unix timestamp or strtotime data value",
 * https://developers.facebook.com/docs/graph-api/results, time-based pagination), in ms; `NaN`
 * when unreadable.
 *
 * @example
 * ```ts
 * graphInstant('1763812800') === graphInstant('2025-11-22T12:00:00Z');
 * ```
 */
export const graphInstant = (raw: string): number =>
  /^\d+$/.test(raw) ? Number(raw) * 1000 : Date.parse(raw);

/**
 * Graph's refusal of a `since` or `until` it cannot read: code 100, "(#100) Must be a unixtime or
 * a date/time representation parseable by strtotime()". Meta's docs say what the parameters take
 * (https://developers.facebook.com/docs/graph-api/results, time-based pagination) but not what
 * Graph answers for anything else; this is the refusal developers report from Graph for a feed's
 * unreadable `until` (ASSUMED verbatim, e.g. https://github.com/Thuzi/facebook-node-sdk/issues/83).
 *
 * @example
 * ```ts
 * if (Number.isNaN(graphInstant(raw))) throw unreadableTime();
 * ```
 */
export function unreadableTime(): Response {
  return graphError({
    message: '(#100) Must be a unixtime or a date/time representation parseable by strtotime()',
    code: 100,
  });
}

/** The range a time-paginated edge's `since` and `until` ask for, in ms, both ends in. */
export interface TimeBounds {
  /** `since`, or `-Infinity` without it. */
  readonly since: number;
  /** `until`, or `Infinity` without it. */
  readonly until: number;
}

/**
 * The `since` and `until` of a time-paginated edge ("A Unix timestamp or strtotime data value
 * that points to the start / end of the range of time-based data",
 * https://developers.facebook.com/docs/graph-api/results, time-based pagination), read with
 * {@link graphInstant}. Every edge of the simulator that takes them reads them here, so they all
 * treat a value alike:
 *
 * - absent or empty: no bound. Graph's own paging links carry the other bound empty
 *   (`…&until=1619389766&since&__paging_token=…`,
 *   https://developers.facebook.com/docs/graph-api/guides/field-expansion), so an empty value
 *   must read as none;
 * - unreadable: thrown {@link unreadableTime} (the docs do not say what Graph answers; the
 *   refusal is what developers report, and it matches the simulator's insights, which refuse an
 *   unreadable time too — our choice over ignoring the bound, which would answer more than was
 *   asked without a word).
 *
 * @throws Response {@link unreadableTime} when either cannot be read
 *
 * @example
 * ```ts
 * const { since, until } = timeBounds(params);
 * const inRange = posts.filter((post) => post.createdAt >= since && post.createdAt <= until);
 * ```
 */
export function timeBounds(params: GraphParams): TimeBounds {
  const read = (name: 'since' | 'until', none: number): number => {
    const raw = params.get(name)?.trim() ?? '';
    if (raw === '') return none;
    const at = graphInstant(raw);
    if (Number.isNaN(at)) throw unreadableTime();
    return at;
  };
  return { since: read('since', Number.NEGATIVE_INFINITY), until: read('until', Number.POSITIVE_INFINITY) };
}
