const DAY_MS = 86_400_000;

/**
 * The next midnight UTC after `now`, when LinkedIn's daily limits reset
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits: limits are
 * daily, per application and per member of an application, and reset at midnight UTC).
 *
 * @param now - milliseconds since the epoch
 * @returns the instant of the next 00:00 UTC (a full day later when `now` is exactly midnight)
 *
 * @example
 * ```ts
 * nextUtcMidnight(Date.parse('2026-12-04T15:00:00Z')).toISOString(); // '2026-12-05T00:00:00.000Z'
 * ```
 */
export function nextUtcMidnight(now: number): Date {
  return new Date((Math.floor(now / DAY_MS) + 1) * DAY_MS);
}

/**
 * When calls may resume after a 429: `throttleResetMs` after `now` when that setting is given,
 * else the next midnight UTC. LinkedIn sends no rate-limit headers to say more.
 *
 * @param now - milliseconds since the epoch, on the request's clock
 * @param throttleResetMs - the adapter's `throttleResetMs` setting, when set
 * @returns the instant calls may resume
 */
export function throttleResetAt(now: number, throttleResetMs: number | undefined): Date {
  return throttleResetMs === undefined ? nextUtcMidnight(now) : new Date(now + throttleResetMs);
}
