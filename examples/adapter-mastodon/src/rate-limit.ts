import type { RateLimitInfo } from '@smmkit/core';
import type { RateLimitParser } from '@smmkit/core/adapter-kit';

/**
 * Reads Mastodon's rate-limit headers (docs.joinmastodon.org: api/rate-limits):
 * `X-RateLimit-Limit`, `X-RateLimit-Remaining`, and `X-RateLimit-Reset`, which is an ISO 8601
 * timestamp (`2026-11-22T20:15:00.000Z`), not epoch seconds as on X.
 *
 * No `scope` or `bucket` is set: the headers describe whichever of the overlapping limits
 * (account, IP, media, deletion) the request is closest to exhausting, and do not say which.
 *
 * @returns the state the headers report, or `undefined` when there are no rate-limit headers
 *
 * @example
 * ```ts
 * parseMastodonRateLimit(new Headers({ 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '299',
 *   'X-RateLimit-Reset': '2026-11-22T20:15:00.000Z' }), Date.now());
 * // { limit: 300, remaining: 299, resetAt: 2026-11-22T20:15:00.000Z }
 * ```
 */
export const parseMastodonRateLimit: RateLimitParser = (headers: Headers): RateLimitInfo | undefined => {
  const limit = wholeNumber(headers.get('x-ratelimit-limit'));
  const remaining = wholeNumber(headers.get('x-ratelimit-remaining'));
  const resetAt = timestamp(headers.get('x-ratelimit-reset'));
  if (limit === undefined && remaining === undefined && resetAt === undefined) return undefined;
  return {
    ...(limit === undefined ? {} : { limit }),
    ...(remaining === undefined ? {} : { remaining }),
    ...(resetAt === undefined ? {} : { resetAt }),
  };
};

function wholeNumber(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

function timestamp(value: string | null): Date | undefined {
  if (value === null) return undefined;
  const at = Date.parse(value.trim());
  return Number.isNaN(at) ? undefined : new Date(at);
}
