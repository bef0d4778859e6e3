/**
 * How far a delivery's signed time may be from now by default: 5 minutes. TikTok signs a
 * timestamp so that old deliveries can be refused and leaves the tolerance to the app
 * (https://developers.tiktok.com/doc/webhooks-verification); 5 minutes covers clock skew and a
 * slow hop while keeping a captured delivery's useful life short. A retry refused for its age
 * is lost, so if a platform's retries were to carry the first attempt's timestamp, raise it.
 */
export const DEFAULT_WEBHOOK_MAX_AGE_MS = 5 * 60_000;

/**
 * Whether a delivery signed at `signedAt` is fresh at `now`: at most `maxAgeMs` away in either
 * direction (a time far ahead is as suspect as one far behind). An invalid date is never fresh.
 *
 * @param signedAt - when the platform signed the delivery
 * @param now - the current time, epoch ms
 * @param maxAgeMs - the tolerance; default {@link DEFAULT_WEBHOOK_MAX_AGE_MS}
 * @returns whether to accept it
 *
 * @example
 * ```ts
 * isWithinReplayWindow(new Date(Number(t) * 1000), clock.now()); // false for a delivery from yesterday
 * ```
 */
export function isWithinReplayWindow(
  signedAt: Date,
  now: number,
  maxAgeMs: number = DEFAULT_WEBHOOK_MAX_AGE_MS,
): boolean {
  const time = signedAt.getTime();
  return Number.isFinite(time) && Math.abs(now - time) <= maxAgeMs;
}
