import { AuthError } from '../errors/auth-error.js';
import { PlatformError } from '../errors/platform-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import type { PlatformErrorDetails, SmmkitError } from '../errors/smmkit-error.js';
import { TransientError } from '../errors/transient-error.js';
import { platformErrorDetails, platformFailure } from './platform-error-details.js';
import type { PlatformResponse } from './platform-response.js';

/**
 * The fallback classification when an adapter's classifier has no opinion: by HTTP status,
 * with the platform's message picked from the usual places (`message`, `detail`,
 * `error.message`, `error_description`, a text body).
 *
 * | status | error |
 * |---|---|
 * | 401 | {@link AuthError} `auth_expired` (smmkit refreshes once, then surfaces it) |
 * | 404 | {@link PlatformError} `not_found` |
 * | 429 | {@link RateLimitError} `rate_limited`, `resetAt` from rate-limit headers or `Retry-After` |
 * | 5xx | {@link TransientError} (the HTTP client turns it into an `AmbiguousOutcomeError` on creates) |
 * | other | {@link PlatformError} `platform_refused` |
 *
 * An adapter's classifier ends with it, passing the details it read from the body, once its own
 * rules (auth, scopes, duplicates, quotas) have had their say.
 *
 * @param response - the failed response
 * @param platformError - the platform's words; default: picked from the usual places
 * @returns the error the status means
 *
 * @example
 * ```ts
 * if (response.status === 403) return new AuthError('auth_missing_scope', message, options);
 * return classifyByStatus(response, platformError);
 * ```
 */
export function classifyByStatus(
  response: PlatformResponse,
  platformError: PlatformErrorDetails | undefined = genericPlatformError(response.body),
): SmmkitError {
  const { message, options } = platformFailure(response, platformError);
  const { status } = response;
  if (status === 401) return new AuthError('auth_expired', message, options);
  if (status === 404) return new PlatformError('not_found', message, options);
  if (status === 429) {
    const resetAt = response.rateLimit?.resetAt ?? response.retryAt;
    return new RateLimitError('rate_limited', message, { ...options, resetAt });
  }
  if (status >= 500)
    return new TransientError('transient', message, { ...options, retryAt: response.retryAt });
  return new PlatformError('platform_refused', message, options);
}

function genericPlatformError(body: unknown): PlatformErrorDetails | undefined {
  return platformErrorDetails(body, (record) => {
    const nested =
      typeof record.error === 'object' && record.error !== null
        ? (record.error as Record<string, unknown>)
        : {};
    return {
      message: firstString(
        record.message,
        record.detail,
        nested.message,
        record.error_description,
        record.error,
      ),
      code: firstString(nested.code, record.code, record.serviceErrorCode, record.type),
    };
  });
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) {
    if (typeof value === 'string' && value) return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}
