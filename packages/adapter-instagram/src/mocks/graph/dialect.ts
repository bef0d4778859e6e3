import type { PlatformDialect, RateWindow, SimClock, UnauthorizedReason } from '@smmkit/testkit';
import { graphError } from './errors.js';

/**
 * A window's use as a whole percentage of its budget: usage headers are percentages
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
 */
export function usagePercent(window: RateWindow): number {
  if (window.limit <= 0) return 100;
  return Math.min(100, Math.floor(((window.limit - Math.max(0, window.remaining)) * 100) / window.limit));
}

/** The three figures of a usage header. `total_cputime` and `total_time` are ASSUMED to follow call_count (halved). */
function usageFigures(window: RateWindow) {
  const calls = usagePercent(window);
  return { call_count: calls, total_cputime: Math.floor(calls / 2), total_time: Math.floor(calls / 2) };
}

/** `X-App-Usage: {"call_count","total_cputime","total_time"}` (https://developers.facebook.com/docs/graph-api/overview/rate-limiting). */
export function appUsageHeader(window: RateWindow): Record<string, string> {
  return { 'x-app-usage': JSON.stringify(usageFigures(window)) };
}

/**
 * `X-Business-Use-Case-Usage: {"<ig-user-id>":[{type:"instagram", call_count, total_cputime,
 * total_time, estimated_time_to_regain_access}]}` (https://developers.facebook.com/docs/graph-api/overview/rate-limiting;
 * the last in minutes, 0 while the budget is not used up).
 */
export function businessUseCaseHeader(
  igUserId: string,
  window: RateWindow,
  now: number,
): Record<string, string> {
  const figures = usageFigures(window);
  const regain = figures.call_count >= 100 ? Math.max(1, Math.ceil((window.resetAt - now) / 60_000)) : 0;
  return {
    'x-business-use-case-usage': JSON.stringify({
      [igUserId]: [{ type: 'instagram', ...figures, estimated_time_to_regain_access: regain }],
    }),
  };
}

/**
 * Graph's throttling answers, by budget: code 4 for the app, 80002 for an Instagram account
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling: throttling codes 4, 17,
 * 32, 613, 80000–80014).
 */
export const THROTTLE_ERRORS = {
  /** App-level throttling (code 4). */
  app: {
    /** Graph `code`. */
    code: 4,
    /** `message`. */
    message: '(#4) Application request limit reached',
  },
  /** Instagram account-level throttling (code 80002). */
  instagram: {
    /** Graph `code`. */
    code: 80002,
    /** `message`. */
    message: '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.',
  },
} as const;

/**
 * A throttled request: Graph answers throttling with HTTP 400 (not 429) and a throttle code, and
 * `is_transient: true` (ASSUMED: the error-handling page lists the codes, not the HTTP status;
 * Graph sends most errors with 400).
 */
export function throttled(which: keyof typeof THROTTLE_ERRORS): Response {
  const { code, message } = THROTTLE_ERRORS[which];
  return graphError({ message, code, isTransient: true });
}

/** The token of a request: `Authorization: Bearer|OAuth <token>` or `access_token` in the query. */
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
 * (invalidated), 2500 without a token
 * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/debugging-and-error-handling).
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
 * How the Graph API says things: the token in an `Authorization: Bearer` (or `OAuth`) header or
 * the `access_token` query parameter (tokens in a form or JSON body are read by the routes of
 * `graphRoutes`, since `extractToken` cannot read a body); 190 errors with HTTP 400; throttling as HTTP
 * 400 with code 4 (ASSUMED status); `X-App-Usage` on limited answers; and the transient 500
 * `{"error":{"message":"An unexpected error has occurred. Please retry your request later.","code":2,"is_transient":true}}`
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 *
 * @example
 * ```ts
 * const sim = new PlatformSimulator({ platform: 'instagram', baseUrl, dialect: graphDialect(clock) });
 * ```
 */
export function graphDialect(clock: SimClock): PlatformDialect {
  return {
    extractToken: headerOrQueryToken,
    unauthorized: (reason) => tokenError(reason, clock.now()),
    rateLimited: () => throttled('app'),
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
