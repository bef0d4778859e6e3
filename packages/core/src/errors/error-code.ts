/**
 * Every stable error code smmkit raises. Codes never change meaning between versions: match on
 * them, not on messages.
 *
 * | code | class | meaning |
 * |---|---|---|
 * | `validation_failed` | {@link ValidationError} | the input breaks a rule; nothing was sent |
 * | `auth_expired` | {@link AuthError} | the access token expired and could not be refreshed |
 * | `auth_revoked` | {@link AuthError} | the user or platform revoked the grant; re-authorize |
 * | `auth_missing_scope` | {@link AuthError} | the token lacks a permission the call needs |
 * | `auth_invalid` | {@link AuthError} | the credentials are malformed or belong elsewhere |
 * | `rate_limited` | {@link RateLimitError} | a rate-limit window is exhausted until `resetAt` |
 * | `quota_exceeded` | {@link RateLimitError} | a daily or publishing quota is used up until `resetAt` |
 * | `transient` | {@link TransientError} | a temporary failure (5xx, network) before anything happened |
 * | `timeout` | {@link TransientError} | a read timed out; safe to retry |
 * | `invalid_response` | {@link TransientError} | the platform answered with a body we could not understand |
 * | `platform_refused` | {@link PlatformError} | the platform refused the request for good |
 * | `duplicate_content` | {@link PlatformError} | the platform refused a post as a duplicate of a recent one |
 * | `not_found` | {@link PlatformError} | the post, comment or account does not exist (any more) |
 * | `media_processing_failed` | {@link MediaProcessingError} | the platform could not process uploaded media |
 * | `media_processing_timeout` | {@link MediaProcessingError} | media did not finish processing in time |
 * | `unsupported_capability` | {@link UnsupportedCapabilityError} | the adapter does not offer this operation |
 * | `ambiguous_outcome` | {@link AmbiguousOutcomeError} | the platform may or may not have done it; reconcile |
 * | `aborted` | {@link AbortedError} | the caller's AbortSignal stopped the work before anything was sent |
 */
export type ErrorCode =
  | 'validation_failed'
  | AuthErrorCode
  | RateLimitErrorCode
  | TransientErrorCode
  | PlatformErrorCode
  | MediaProcessingErrorCode
  | 'unsupported_capability'
  | 'ambiguous_outcome'
  | 'aborted';

/** Codes of `AuthError`. */
export type AuthErrorCode = 'auth_expired' | 'auth_revoked' | 'auth_missing_scope' | 'auth_invalid';
/** Codes of `RateLimitError`. */
export type RateLimitErrorCode = 'rate_limited' | 'quota_exceeded';
/** Codes of `TransientError`. */
export type TransientErrorCode = 'transient' | 'timeout' | 'invalid_response';
/** Codes of `PlatformError`. */
export type PlatformErrorCode = 'platform_refused' | 'duplicate_content' | 'not_found';
/** Codes of `MediaProcessingError`. */
export type MediaProcessingErrorCode = 'media_processing_failed' | 'media_processing_timeout';
