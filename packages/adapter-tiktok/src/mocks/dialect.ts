import type { SimClock } from '@smmkit/testkit';
import { bearerToken, type PlatformDialect } from '@smmkit/testkit/simulator-kit';
import { LogIds, tiktokError } from './answers.js';

/** TikTok's 401 message, the same for every reason a token is refused. */
const UNAUTHORIZED = 'The access token is invalid or not found in the request.';

/**
 * How TikTok says things (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling): a
 * Bearer token, 401 `access_token_invalid` for any token it does not take, 429
 * `rate_limit_exceeded`, 500 `internal_error`, each with a `log_id` stamped with the simulator's
 * `clock`. TikTok sends no rate-limit headers, so the dialect has none.
 *
 * @param clock - the simulator's time
 * @param logIds - where the log ids come from: the simulator's own counter, so that the dialect's
 *   answers and the routes' are numbered together (register it with `sim.resettable`); by default
 *   a counter of the dialect's own
 * @returns the dialect
 *
 * @example
 * ```ts
 * const sim = new PlatformSimulator({ platform: 'tiktok', baseUrl: 'https://open.tiktokapis.com', dialect: tiktokDialect(clock), clock });
 * ```
 */
export function tiktokDialect(
  clock: SimClock,
  logIds: { next(): string } = new LogIds(clock),
): PlatformDialect {
  const refusal = (status: number, code: string, message: string) =>
    tiktokError(status, code, message, logIds.next());
  return {
    extractToken: (request) => bearerToken(request),
    unauthorized: () => refusal(401, 'access_token_invalid', UNAUTHORIZED),
    rateLimited: () =>
      refusal(429, 'rate_limit_exceeded', 'The API rate limit was exceeded. Please try again later.'),
    serverError: () => refusal(500, 'internal_error', 'Something went wrong. Please try again later.'),
  };
}
