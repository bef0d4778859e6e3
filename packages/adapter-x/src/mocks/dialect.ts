import { bearerToken, type PlatformDialect, type RateWindow } from '@smmkit/testkit/simulator-kit';
import { blankProblem, problemResponse } from './problems.js';

/**
 * Which 429 body the simulator sends: the problem JSON seen on live answers, or the legacy body of
 * https://docs.x.com/x-api/fundamentals/rate-limits.
 */
export type RateLimitBodyShape = 'problem' | 'legacy';

/**
 * X's rate-limit headers for a window (https://docs.x.com/x-api/fundamentals/rate-limits): limit, remaining,
 * and the reset as Unix seconds, rounded up so a client that waits until then is never early.
 */
export function xRateLimitHeaders(window: RateWindow): Record<string, string> {
  return limitHeaders('x-rate-limit', window);
}

/**
 * The daily per-user cap headers of POST /2/tweets (`x-user-limit-24hour-{limit,remaining,reset}`, seen on
 * live answers; not in the docs).
 */
export function xUserDailyHeaders(window: RateWindow): Record<string, string> {
  return limitHeaders('x-user-limit-24hour', window);
}

function limitHeaders(prefix: string, window: RateWindow): Record<string, string> {
  return {
    [`${prefix}-limit`]: String(window.limit),
    [`${prefix}-remaining`]: String(Math.max(0, window.remaining)),
    [`${prefix}-reset`]: String(Math.ceil(window.resetAt / 1000)),
  };
}

/**
 * How X says things: a Bearer token (OAuth 2.0 user context,
 * https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token); the same 401 problem for a
 * missing, unknown, expired or revoked token (`{"title":"Unauthorized","type":"about:blank",
 * "status":401,"detail":"Unauthorized"}`); the 429 in the chosen `RateLimitBodyShape` (for a 15-minute
 * window and a daily cap alike); `x-rate-limit-*` on every limited answer and `x-user-limit-24hour-*`
 * on those of a route with a daily cap; and a 503 problem (X's wording for 503 is ASSUMED to follow its other `about:blank`
 * problems).
 *
 * @example
 * ```ts
 * const sim = new PlatformSimulator({ platform: 'x', baseUrl, dialect: xDialect({ rateLimitBody: 'legacy' }) });
 * ```
 */
export function xDialect(
  options: { readonly rateLimitBody?: RateLimitBodyShape | undefined } = {},
): PlatformDialect {
  return {
    extractToken: (request) => bearerToken(request),
    unauthorized: () => blankProblem('Unauthorized', 401),
    // The observed problem body, or the legacy v1.1-style body of
    // https://docs.x.com/x-api/fundamentals/rate-limits.
    rateLimited: () =>
      options.rateLimitBody === 'legacy'
        ? Response.json({ errors: [{ code: 88, message: 'Rate limit exceeded' }] }, { status: 429 })
        : problemResponse(
            { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
            429,
          ),
    // A route's 24-hour cap (`tweets-create-24h`, …) reports in `x-user-limit-24hour-*`, its
    // 15-minute window in `x-rate-limit-*`.
    rateLimitHeaders: (window) =>
      window.bucket.endsWith('-24h') ? xUserDailyHeaders(window) : xRateLimitHeaders(window),
    serverError: () =>
      problemResponse(
        { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: 503 },
        503,
      ),
  };
}
