import { AuthError } from '../errors/auth-error.js';
import { SmmkitError } from '../errors/smmkit-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { withUnprintedCause } from '../security/callback-error.js';

/**
 * Turns whatever a refresh callback threw into the error every waiting caller sees.
 *
 * - An {@link AuthError} (the platform refused the refresh token) passes through unchanged.
 * - A retryable smmkit error (a `TransientError` or `RateLimitError`) passes through unchanged, so
 *   the caller's retry logic can try again later with the same refresh token.
 * - A {@link ValidationError} passes through unchanged: the app's own setup is wrong (no refresh
 *   call for the platform, say), nothing was sent, and the refresh token was not refused.
 * - Anything else becomes `AuthError('auth_expired')` with the original as `cause`: the access
 *   token cannot be renewed, and nothing says trying again would help. This includes non-retryable
 *   smmkit errors such as a `PlatformError` from a token endpoint, because what the caller needs
 *   to know is that the account must be re-authorized.
 *
 * The message never includes a token, nor the callback's own message: an app's refresh code may
 * throw an error that quotes the request, tokens and all. The original stays readable as
 * `error.cause`, which printing the error leaves out (see `withUnprintedCause`).
 *
 * @param error - what the refresh callback threw
 * @param platform - platform id for the error, when known
 * @returns the error to hand to callers
 */
export function toRefreshFailure(error: unknown, platform: string | undefined): SmmkitError {
  if (AuthError.isInstance(error)) return error;
  if (SmmkitError.isInstance(error) && error.retryable) return error;
  if (ValidationError.isInstance(error)) return error;
  return withUnprintedCause(
    new AuthError('auth_expired', 'Refreshing the access token failed.', { platform, cause: error }),
  );
}
