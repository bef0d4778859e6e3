import { AuthError, PlatformError, type SmmkitError } from '@smmkit/core';
import {
  classifyByStatus,
  type ErrorClassifier,
  type PlatformErrorDetails,
  type PlatformResponse,
  platformErrorDetails,
  platformFailure,
} from '@smmkit/core/adapter-kit';

/**
 * Reads Mastodon's error body into the platform's own words. The REST API answers
 * `{"error": "Record not found"}` (docs.joinmastodon.org: methods/statuses, entities/Error);
 * the OAuth endpoints answer `{"error": "invalid_grant", "error_description": "…"}`
 * (methods/oauth), where `error` is a code and `error_description` the message.
 *
 * @param body - the error response body, parsed JSON or text
 * @returns the platform's code and message, when the body has any
 *
 * @example
 * ```ts
 * mastodonErrorDetails({ error: 'Validation failed: Text can\'t be blank' });
 * // { message: "Validation failed: Text can't be blank" }
 * ```
 */
export function mastodonErrorDetails(body: unknown): PlatformErrorDetails | undefined {
  return platformErrorDetails(body, ({ error, error_description: description }) =>
    typeof description === 'string' && description !== ''
      ? { code: typeof error === 'string' ? error : undefined, message: description }
      : { message: typeof error === 'string' && error !== '' ? error : undefined },
  );
}

/**
 * Turns a Mastodon error response into the smmkit error it means:
 *
 * | status | error |
 * |---|---|
 * | 401 | `AuthError('auth_revoked')`: Mastodon tokens never expire, so a refused token was revoked (methods/oauth#revoke) and refreshing cannot help; `invalid_client` from /oauth/token is `auth_invalid` |
 * | 403 | `AuthError('auth_missing_scope')` when the message speaks of scopes ("This action is outside the authorized scopes"), else `PlatformError('platform_refused')` |
 * | 404 | `PlatformError('not_found')` ("Record not found") |
 * | 422 | `PlatformError('platform_refused')` with Mastodon's validation message |
 * | 429 | `RateLimitError('rate_limited')` with `resetAt` from `X-RateLimit-Reset` (api/rate-limits) |
 * | 5xx | `TransientError` (503 when the server is unavailable) |
 * | other | `PlatformError('platform_refused')` |
 *
 * The platform's message is kept verbatim in `platformError.message` and quoted in the error's
 * message; core has already redacted tokens and secrets from the body.
 *
 * @example
 * ```ts
 * const http = createHttpClient({ platform: 'mastodon', baseUrl, classifyError: classifyMastodonError });
 * ```
 */
export const classifyMastodonError: ErrorClassifier = (response: PlatformResponse): SmmkitError => {
  const platformError = mastodonErrorDetails(response.body);
  const { message, options } = platformFailure(response, platformError);
  const { status } = response;

  if (status === 401) {
    return platformError?.code === 'invalid_client'
      ? new AuthError('auth_invalid', message, options)
      : new AuthError('auth_revoked', message, options);
  }
  if (status === 403) {
    return /\bscopes?\b/i.test(platformError?.message ?? '')
      ? new AuthError('auth_missing_scope', message, options)
      : new PlatformError('platform_refused', message, options);
  }
  // 404, 429 (resetAt from X-RateLimit-Reset), 5xx and the rest mean what core's fallback says.
  return classifyByStatus(response, platformError);
};
