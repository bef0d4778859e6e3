import { AuthError, PlatformError, RateLimitError, type SmmkitError } from '@smmkit/core';
import {
  classifyByStatus,
  type PlatformErrorDetails,
  type PlatformFailure,
  type PlatformResponse,
  platformErrorDetails,
  platformFailure,
} from '@smmkit/core/adapter-kit';
import { requiredTikTokScope } from './scopes.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The token endpoint, whose errors are OAuth's flat ones. */
const TOKEN_PATH = /\/v2\/oauth\/token\/?$/;

/**
 * Reads a TikTok error body into TikTok's own words, keeping `log_id` (TikTok asks for it in
 * support requests) as `traceId`:
 *
 * - API answers: `{"data":{},"error":{"code","message","log_id"}}`
 *   (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling);
 * - OAuth answers, flat: `{"error","error_description","log_id"}`
 *   (https://developers.tiktok.com/doc/oauth-error-handling).
 *
 * @param body - the error body, parsed JSON or text
 * @returns `code`, `message` and `traceId`, or `undefined` when the body names none
 *
 * @example
 * ```ts
 * tiktokErrorDetails({ error: { code: 'rate_limit_exceeded', message: 'The API rate limit was exceeded.', log_id: '2026…' } });
 * // { code: 'rate_limit_exceeded', message: 'The API rate limit was exceeded.', traceId: '2026…' }
 * ```
 */
export function tiktokErrorDetails(body: unknown): PlatformErrorDetails | undefined {
  return platformErrorDetails(body, (record) => {
    const nested = record.error;
    if (typeof nested === 'object' && nested !== null) {
      const error = nested as Record<string, unknown>;
      return { code: text(error.code), message: text(error.message), traceId: text(error.log_id) };
    }
    return {
      code: text(nested),
      message: text(record.error_description),
      traceId: text(record.log_id),
    };
  });
}

/** When the response came and when it asked to wait, for the reset of a limit. */
interface Times {
  readonly receivedAt: number;
  readonly retryAt: Date | undefined;
}

/** Makes the error an error code means, with a hint saying what to do. */
type Meaning = (message: string, options: PlatformFailure['options'], times: Times) => SmmkitError;

const refused =
  (hint: string): Meaning =>
  (message, options) =>
    new PlatformError('platform_refused', message, { ...options, hint });

/**
 * TikTok's documented error codes
 * (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling;
 * https://developers.tiktok.com/doc/content-posting-api-reference-direct-post, "Error codes").
 */
const MEANINGS: Readonly<Record<string, Meaning>> = {
  access_token_invalid: (message, options) =>
    new AuthError('auth_expired', message, {
      ...options,
      hint: 'Refresh the access token (refreshTikTokToken) or have the creator authorize the app again.',
    }),
  // TikTok's sliding one-minute windows, with no header saying when they reopen.
  rate_limit_exceeded: (message, options, times) =>
    new RateLimitError('rate_limited', message, {
      ...options,
      resetAt: times.retryAt ?? new Date(times.receivedAt + MINUTE_MS),
    }),
  spam_risk_too_many_posts: (message, options, times) =>
    new RateLimitError('quota_exceeded', message, {
      ...options,
      resetAt: new Date(times.receivedAt + DAY_MS),
      hint: "The creator reached TikTok's daily post limit (about 15 a day across all apps): post again tomorrow.",
    }),
  reached_active_user_cap: (message, options, times) =>
    new RateLimitError('quota_exceeded', message, {
      ...options,
      resetAt: new Date(times.receivedAt + DAY_MS),
      hint: "The app reached its daily cap of posting creators (5 a day for an app TikTok has not audited): try again tomorrow, or apply for TikTok's audit (https://developers.tiktok.com/doc/content-sharing-guidelines).",
    }),
  spam_risk_user_banned_from_posting: refused(
    'TikTok has banned this creator from posting for now; nothing the app can do will post for them.',
  ),
  // "There may be at most 5 pending shares within any 24-hour period"
  // (https://developers.tiktok.com/doc/content-posting-api-reference-upload-video, "Error codes"):
  // a rolling daily cap, not a refusal for good, so a scheduler may send the draft again later.
  spam_risk_too_many_pending_share: (message, options, times) =>
    new RateLimitError('quota_exceeded', message, {
      ...options,
      resetAt: new Date(times.receivedAt + DAY_MS),
      hint: "The creator already has 5 drafts from the API waiting in their TikTok inbox in the last 24 hours (TikTok's cap): send the draft again once that window has room (at the latest a day later), or have the creator finish the pending drafts in the TikTok app.",
    }),
  unaudited_client_can_only_post_to_private_accounts: refused(
    "The app has not passed TikTok's audit, so it can only post SELF_ONLY to private accounts: have the creator make their account private and post with privacyLevel 'SELF_ONLY' (the adapter's `unaudited: true` setting checks this), or apply for the audit (https://developers.tiktok.com/doc/content-sharing-guidelines).",
  ),
  url_ownership_unverified: refused(
    'TikTok pulls media only from a domain or URL prefix verified for the app: verify it in the developer portal (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide), or upload the bytes instead of a URL.',
  ),
  privacy_level_option_mismatch: refused(
    "The privacy level is not one the creator offers: choose one of creator info's privacy_level_options (the adapter checks this before posting; the creator's settings may have changed since).",
  ),
  // Status fetch and cancel (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status,
  // https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide, "Cancel ongoing pull from URL tasks").
  invalid_publish_id: (message, options) =>
    new PlatformError('not_found', message, {
      ...options,
      hint: 'TikTok has no publish with this id: pass the publish_id a publish of this creator returned (the ref of a result that had no public id yet).',
    }),
  token_not_authorized_for_specified_publish_id: refused(
    "The publish belongs to another creator (or app): ask about it with the token of the creator who published it (the context's account must be that creator).",
  ),
  publish_not_cancellable: refused(
    'The publish is already in a final state (or too far along to stop): it can no longer be cancelled. adapter.getPublishStatus tells how it ended.',
  ),
  invalid_params: refused('TikTok refused a field of the request; its message says which.'),
  invalid_param: refused('TikTok refused a field of the request; its message says which.'),
  invalid_file_upload: refused(
    "TikTok refused the uploaded file or its chunks; check the file against TikTok's media requirements.",
  ),
};

/**
 * The classifier that turns a TikTok error response into the smmkit error it means:
 *
 * | answer | error |
 * |---|---|
 * | 401 `access_token_invalid` | `AuthError('auth_expired')`: core refreshes once, then reports it |
 * | 401 `scope_not_authorized` / `scope_permission_missed` | `AuthError('auth_missing_scope')`, naming the scope the endpoint needs |
 * | 429 `rate_limit_exceeded` | `RateLimitError('rate_limited')`, reset a minute later (TikTok's windows slide over a minute and it sends no headers) |
 * | 403 `spam_risk_too_many_posts`, `reached_active_user_cap`, `spam_risk_too_many_pending_share` | `RateLimitError('quota_exceeded')`, reset a day later |
 * | 403 `spam_risk_user_banned_from_posting`, `unaudited_client_can_only_post_to_private_accounts`, `url_ownership_unverified`, `privacy_level_option_mismatch`; 400 `invalid_params`, `invalid_file_upload` | `PlatformError('platform_refused')` with a hint saying what to do |
 * | 400 `invalid_publish_id` (status, cancel) | `PlatformError('not_found')`: TikTok has no such publish |
 * | 400 `token_not_authorized_for_specified_publish_id`, `publish_not_cancellable` (status, cancel) | `PlatformError('platform_refused')` with a hint |
 * | token endpoint `invalid_grant` | `AuthError('auth_revoked')`: the code or refresh token is dead, authorize again |
 * | token endpoint, other OAuth errors | `AuthError('auth_invalid')` (a wrong client key or secret, a malformed request) |
 * | 5xx and the rest | core's `classifyByStatus` (5xx `TransientError`, 404 `not_found`, …) |
 *
 * TikTok's `code`, `message` and `log_id` are kept in `platformError` (`traceId` = `log_id`),
 * for support requests; core has already redacted tokens from the body.
 *
 * @param response - the failed response
 * @returns the error it means
 *
 * @example
 * ```ts
 * const http = createHttpClient({ platform: 'tiktok', baseUrl, classifyError: classifyTikTokError });
 * ```
 */
export function classifyTikTokError(response: PlatformResponse): SmmkitError {
  const platformError = tiktokErrorDetails(response.body);
  const { message, options } = platformFailure(response, platformError);
  const code = String(platformError?.code ?? '');
  const times: Times = { receivedAt: response.receivedAt, retryAt: response.retryAt };

  if (TOKEN_PATH.test(response.path) && response.status < 500 && code !== '') {
    return code === 'invalid_grant'
      ? new AuthError('auth_revoked', message, {
          ...options,
          hint: 'The authorization code or refresh token is used, expired or revoked: have the creator authorize the app again.',
        })
      : new AuthError('auth_invalid', message, {
          ...options,
          hint: 'Check the client key and secret, the redirect URI and the code verifier sent to the token endpoint.',
        });
  }
  if (code === 'scope_not_authorized' || code === 'scope_permission_missed') {
    const scope = requiredTikTokScope(response.path);
    return new AuthError(
      'auth_missing_scope',
      scope === undefined ? message : `${message} (needs ${scope})`,
      {
        ...options,
        hint:
          scope === undefined
            ? 'Have the creator authorize the app again with the scopes this call needs.'
            : `Have the creator authorize the app again with the ${scope} scope (approved for the app in the developer portal).`,
      },
    );
  }
  // A 401 or 429 without a code TikTok documents still means an expired token or a full window.
  const meaning =
    MEANINGS[code] ??
    (response.status === 401 ? MEANINGS.access_token_invalid : undefined) ??
    (response.status === 429 ? MEANINGS.rate_limit_exceeded : undefined);
  return meaning === undefined ? classifyByStatus(response, platformError) : meaning(message, options, times);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
