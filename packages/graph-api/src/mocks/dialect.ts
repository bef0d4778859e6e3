import type { SimClock } from '@smmkit/testkit';
import type { PlatformDialect, UnauthorizedReason } from '@smmkit/testkit/simulator-kit';
import { graphError } from './errors.js';
import { appUsageHeader } from './usage-headers.js';
import { throttled } from './use-cases.js';

/**
 * The token of a request: `Authorization: Bearer|OAuth <token>` or `access_token` in the query
 * (https://developers.facebook.com/docs/graph-api/overview). Tokens in a form or JSON body are
 * read by the routes of {@link createGraphSimulator}, since a dialect cannot read a body.
 *
 * @example
 * ```ts
 * const check = sim.tokens.check(headerOrQueryToken(request, url));
 * ```
 */
export function headerOrQueryToken(request: Request, url: URL): string | undefined {
  const header = request.headers.get('authorization');
  const match = header?.match(/^(?:Bearer|OAuth)\s+(\S+)$/i);
  return match?.[1] ?? url.searchParams.get('access_token') ?? undefined;
}

function graphDate(ms: number): string {
  // "Saturday, 22-Nov-26 04:00:00 PST" — Meta writes Pacific time; the simulator writes UTC (ASSUMED).
  const date = new Date(ms);
  const day = date.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
  const month = date.toLocaleDateString('en-US', { month: 'short', timeZone: 'UTC' });
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day}, ${pad(date.getUTCDate())}-${month}-${pad(date.getUTCFullYear() % 100)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC`;
}

/**
 * Graph's answer to a token it does not accept: code 190 with subcode 463 (expired) or 460
 * (invalidated), 190 alone for one it cannot parse, 2500 without a token
 * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/debugging-and-error-handling).
 *
 * @example
 * ```ts
 * const check = sim.tokens.check(token);
 * if (check.status !== 'valid') return tokenError(check.status, now);
 * ```
 */
export function tokenError(reason: UnauthorizedReason, now: number): Response {
  switch (reason) {
    case 'missing':
      // Graph's answer to a call without a token (code 2500, widely quoted).
      return graphError({
        message: 'An active access token must be used to query information about the current user.',
        code: 2500,
      });
    case 'unknown':
      return graphError({ message: 'Invalid OAuth access token - Cannot parse access token', code: 190 });
    case 'expired':
      // The simulator does not know the expiry instant here; it reports now for both (ASSUMED).
      return graphError({
        message: `Error validating access token: Session has expired on ${graphDate(now)}. The current time is ${graphDate(now)}.`,
        code: 190,
        subcode: 463,
      });
    case 'revoked':
      return graphError({
        message:
          'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
        code: 190,
        subcode: 460,
      });
  }
}

/**
 * How the Graph API says things, for testkit's `PlatformSimulator`: the token in an
 * `Authorization: Bearer` (or `OAuth`) header or the `access_token` query parameter; 190 errors
 * with HTTP 400; throttling as HTTP 400 with code 4 (ASSUMED status); `X-App-Usage` on limited
 * answers; and the transient 500
 * `{"error":{"message":"An unexpected error has occurred. Please retry your request later.","code":2,"is_transient":true}}`
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling). {@link createGraphSimulator}
 * uses it; a second host of the same platform (an upload host) can too.
 *
 * @example
 * ```ts
 * const upload = new PlatformSimulator({ platform: 'instagram-rupload', baseUrl, dialect: graphDialect(clock), clock });
 * ```
 */
export function graphDialect(clock: SimClock): PlatformDialect {
  return {
    extractToken: headerOrQueryToken,
    unauthorized: (reason) => tokenError(reason, clock.now()),
    rateLimited: () => throttled(),
    rateLimitHeaders: appUsageHeader,
    serverError: () =>
      graphError(
        {
          message: 'An unexpected error has occurred. Please retry your request later.',
          code: 2,
          isTransient: true,
        },
        500,
      ),
  };
}
