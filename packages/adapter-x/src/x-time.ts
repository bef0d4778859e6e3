/**
 * An instant as X's `start_time` / `end_time` parameters take it: ISO 8601 to the second,
 * `YYYY-MM-DDTHH:mm:ssZ` (docs.x.com: GET /2/users/:id/mentions). Rounded down, so nothing at
 * or after `date` is left out; callers drop the few earlier items themselves.
 *
 * @param date - the instant
 * @returns the timestamp X accepts
 *
 * @example
 * ```ts
 * xTimestamp(new Date('2026-05-01T09:00:00.750Z')); // '2026-05-01T09:00:00Z'
 * ```
 */
export function xTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The instant X's Snowflake ids count from: 2010-11-04T01:42:54.657Z, in epoch milliseconds. The
 * bits of an id above the lowest 22 are the milliseconds since then
 * (https://docs.x.com/fundamentals/x-ids).
 */
export const X_SNOWFLAKE_EPOCH_MS = 1_288_834_974_657;

/**
 * When an X object was created: its `created_at` when X sent one, else the time encoded in its
 * id (X ids are Snowflakes: milliseconds since 2010-11-04T01:42:54.657Z in the bits above the
 * lowest 22; docs.x.com: fundamentals/x-ids), else `fallback`.
 *
 * @param createdAt - the object's `created_at`, when present
 * @param id - the object's id
 * @param fallback - the time to use when neither says (the clock's now)
 * @returns the creation time
 *
 * @example
 * ```ts
 * createdTime(undefined, '1850000000000000000', new Date()); // 2024-10-26T…
 * ```
 */
export function createdTime(createdAt: string | undefined, id: string, fallback: Date): Date {
  if (createdAt !== undefined) {
    const parsed = Date.parse(createdAt);
    if (!Number.isNaN(parsed)) return new Date(parsed);
  }
  if (/^\d{1,19}$/.test(id)) {
    const ms = Number(BigInt(id) >> 22n) + X_SNOWFLAKE_EPOCH_MS;
    // Ids of objects from before Snowflakes (or a simulator's small ids) decode to 2010: not a time.
    if (ms > Date.UTC(2010, 10, 5)) return new Date(ms);
  }
  return fallback;
}
