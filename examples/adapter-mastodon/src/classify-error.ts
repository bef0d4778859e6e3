import { AuthError, PlatformError, RateLimitError, type SmmkitError, TransientError } from '@smmkit/core';
import {
  describeFailure,
  type ErrorClassifier,
  errorOptionsFrom,
  type PlatformErrorDetails,
  type PlatformResponse,
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
  if (typeof body === 'string')
    return body.trim() === '' ? undefined : { message: body.trim().slice(0, 500) };
  if (typeof body !== 'object' || body === null) return undefined;
  const { error, error_description: description } = body as Record<string, unknown>;
  if (typeof description === 'string' && description !== '') {
    return typeof error === 'string' ? { code: error, message: description } : { message: description };
  }
  return typeof error === 'string' && error !== '' ? { message: error } : undefined;
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
  const options = { ...errorOptionsFrom(response), platformError };
  const detail = platformError?.message === undefined ? '' : `: ${platformError.message}`;
  const message = `${describeFailure(response)}${detail}`;
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
  if (status === 404) return new PlatformError('not_found', message, options);
  if (status === 429) {
    return new RateLimitError('rate_limited', message, {
      ...options,
      resetAt: response.rateLimit?.resetAt ?? response.retryAt,
    });
  }
  if (status >= 500)
    return new TransientError('transient', message, { ...options, retryAt: response.retryAt });
  return new PlatformError('platform_refused', message, options);
};
