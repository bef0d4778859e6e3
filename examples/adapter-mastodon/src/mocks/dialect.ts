import {
  bearerToken,
  type PlatformDialect,
  type RateWindow,
  withHeaders,
} from '@smmkit/testkit/simulator-kit';
import { mastodonError } from './errors.js';

/**
 * `Time#iso8601(6)`: Mastodon writes `X-RateLimit-Reset` as an ISO 8601 timestamp with
 * microseconds (docs.joinmastodon.org/api/rate-limits; config/initializers/rack_attack.rb).
 */
export function isoWithMicroseconds(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z');
}

/**
 * How Mastodon says things: a Bearer token, Doorkeeper's 401s, Rack::Attack's 429
 * `{"error":"Too many requests"}`, `X-RateLimit-*` headers on every API answer, and the JSON 503
 * its API answers on a temporary failure.
 *
 * @example
 * ```ts
 * const sim = new PlatformSimulator({ platform: 'mastodon', baseUrl, dialect: mastodonDialect });
 * ```
 */
export const mastodonDialect: PlatformDialect = {
  // docs.joinmastodon.org/methods/statuses/#create: "Authorization: Bearer <user_token>".
  extractToken: (request) => bearerToken(request),

  // Doorkeeper's `invalid_token` descriptions, which Mastodon returns as `{"error": …}`:
  // - unknown or missing token: "The access token is invalid" (docs.joinmastodon.org/methods/statuses/#create, 401);
  // - revoked token: "The access token was revoked" (Mastodon's own request spec,
  //   spec/requests/api/v1/apps/credentials_spec.rb, "with a revoked oauth token");
  // - expired: Mastodon never issues expiring tokens (methods/oauth: tokens last until revoked), so an
  //   `expired_token` fault answers like a token the server does not know.
  unauthorized(reason) {
    const message = reason === 'revoked' ? 'The access token was revoked' : 'The access token is invalid';
    return withHeaders(mastodonError(401, message), {
      // Doorkeeper's challenge, sent with every invalid_token answer (RFC 6750 §3).
      'www-authenticate': `Bearer realm="Doorkeeper", error="invalid_token", error_description="${message}"`,
    });
  },

  // docs.joinmastodon.org/api/rate-limits; Rack::Attack throttled_responder in
  // config/initializers/rack_attack.rb answers 429 with `errors.429` = "Too many requests".
  rateLimited: () => mastodonError(429, 'Too many requests'),

  // docs.joinmastodon.org/api/rate-limits: limit, remaining, and the reset as an ISO 8601 timestamp.
  rateLimitHeaders: (window: RateWindow) => ({
    'x-ratelimit-limit': String(window.limit),
    'x-ratelimit-remaining': String(Math.max(0, window.remaining)),
    'x-ratelimit-reset': isoWithMicroseconds(window.resetAt),
  }),

  // Api::BaseController's answer to Mastodon::RaceConditionError / Stoplight::Error::RedLight
  // (api.errors.temporary_problem).
  serverError: () =>
    mastodonError(503, 'There was a temporary problem serving your request, please try again'),
};
