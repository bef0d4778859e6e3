import type { RateLimitInfo } from '@smmkit/core';
import type { AnsweredRequest, RateLimitParser } from '@smmkit/core/adapter-kit';

/**
 * The endpoint bucket of a request, as X counts its limits: method and path with every numeric
 * id replaced by `:id` (`DELETE /2/tweets/:id`, `POST /2/media/upload/:id/append`) and the
 * username of a lookup by username by `:username` (`GET /2/users/by/username/:username`, as
 * https://docs.x.com/x-api/fundamentals/rate-limits names it). The budgets in
 * `capabilities.rateLimits` use the same names.
 *
 * @param request - the method and path the response answered
 * @returns the bucket name
 *
 * @example
 * ```ts
 * xRateLimitBucket({ method: 'PUT', path: '/2/tweets/1850000000000000000/hidden', operation: 'hide reply' });
 * // 'PUT /2/tweets/:id/hidden'
 * ```
 */
export function xRateLimitBucket(request: AnsweredRequest): string {
  // `/2/…`: the first segment is the API version, not an id.
  const segments = request.path.split('/');
  const path = segments
    .map((segment, index) => {
      if (index > 2 && segments[index - 2] === 'by' && segments[index - 1] === 'username') return ':username';
      return index > 1 && /^\d+$/.test(segment) ? ':id' : segment;
    })
    .join('/');
  return `${request.method.toUpperCase()} ${path}`;
}

/**
 * Reads X's rate-limit headers (https://docs.x.com/x-api/fundamentals/rate-limits): the window of the
 * endpoint from `x-rate-limit-limit`, `x-rate-limit-remaining` and `x-rate-limit-reset` (Unix seconds), and
 * the 24-hour caps from `x-user-limit-24hour-{limit,remaining,reset}` (per user) and `x-app-limit-24hour-*`
 * (per app; both observed, not in the docs) as `daily`. When both caps are reported, `daily` is the one with
 * fewer requests left, the one that runs out first.
 *
 * The window's scope is `user`: the adapter always calls X with a user's token, and X counts
 * user-context limits per user. The bucket is named from the request ({@link xRateLimitBucket}).
 *
 * @returns the state the headers report, or `undefined` when there are no rate-limit headers
 *
 * @example
 * ```ts
 * parseXRateLimit(new Headers({ 'x-rate-limit-limit': '100', 'x-rate-limit-remaining': '99',
 *   'x-rate-limit-reset': '1795000000' }), Date.now(), { method: 'POST', path: '/2/tweets', operation: 'create post' });
 * // { limit: 100, remaining: 99, resetAt: 2026-11-18T…, scope: 'user', bucket: 'POST /2/tweets' }
 * ```
 */
export const parseXRateLimit: RateLimitParser = (
  headers: Headers,
  _now: number,
  request?: AnsweredRequest,
): RateLimitInfo | undefined => {
  const bucket = request === undefined ? undefined : xRateLimitBucket(request);
  const window = readWindow(headers, 'x-rate-limit', 'user', bucket);
  const userDaily = readWindow(headers, 'x-user-limit-24hour', 'user', bucket);
  const appDaily = readWindow(headers, 'x-app-limit-24hour', 'app', bucket);
  const daily = tighter(userDaily, appDaily);
  if (window === undefined && daily === undefined) return undefined;
  return {
    ...(window ?? { scope: 'user' as const, ...(bucket === undefined ? {} : { bucket }) }),
    ...(daily === undefined ? {} : { daily }),
  };
};

function readWindow(
  headers: Headers,
  prefix: string,
  scope: 'user' | 'app',
  bucket: string | undefined,
): RateLimitInfo | undefined {
  const limit = wholeNumber(headers.get(`${prefix}-limit`));
  const remaining = wholeNumber(headers.get(`${prefix}-remaining`));
  const reset = wholeNumber(headers.get(`${prefix}-reset`));
  if (limit === undefined && remaining === undefined && reset === undefined) return undefined;
  return {
    ...(limit === undefined ? {} : { limit }),
    ...(remaining === undefined ? {} : { remaining }),
    // Unix seconds (https://docs.x.com/x-api/fundamentals/rate-limits).
    ...(reset === undefined ? {} : { resetAt: new Date(reset * 1000) }),
    scope,
    ...(bucket === undefined ? {} : { bucket }),
  };
}

/** The window with fewer requests left; the first when neither says. */
function tighter(a: RateLimitInfo | undefined, b: RateLimitInfo | undefined): RateLimitInfo | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return (b.remaining ?? Number.POSITIVE_INFINITY) < (a.remaining ?? Number.POSITIVE_INFINITY) ? b : a;
}

function wholeNumber(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
