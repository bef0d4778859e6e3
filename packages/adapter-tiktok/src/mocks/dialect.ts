import { bearerToken, type PlatformDialect } from '@smmkit/testkit/simulator-kit';
import { tiktokError } from './answers.js';

/** TikTok's 401 message, the same for every reason a token is refused. */
const UNAUTHORIZED = 'The access token is invalid or not found in the request.';

/**
 * How TikTok says things (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling): a
 * Bearer token, 401 `access_token_invalid` for any token it does not take, 429
 * `rate_limit_exceeded`, 500 `internal_error`. TikTok sends no rate-limit headers, so the
 * dialect has none.
 *
 * @example
 * ```ts
 * const sim = new PlatformSimulator({ platform: 'tiktok', baseUrl: 'https://open.tiktokapis.com', dialect: tiktokDialect });
 * ```
 */
export const tiktokDialect: PlatformDialect = {
  extractToken: (request) => bearerToken(request),
  unauthorized: () => tiktokError(401, 'access_token_invalid', UNAUTHORIZED, Date.now()),
  rateLimited: () =>
    tiktokError(
      429,
      'rate_limit_exceeded',
      'The API rate limit was exceeded. Please try again later.',
      Date.now(),
    ),
  serverError: () =>
    tiktokError(500, 'internal_error', 'Something went wrong. Please try again later.', Date.now()),
};
