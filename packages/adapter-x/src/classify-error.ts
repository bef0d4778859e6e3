import { AuthError, PlatformError, RateLimitError, type SmmkitError } from '@smmkit/core';
import {
  classifyByStatus,
  type ErrorClassifier,
  type PlatformErrorDetails,
  type PlatformFailure,
  type PlatformResponse,
  platformErrorDetails,
  platformFailure,
} from '@smmkit/core/adapter-kit';
import { xBillingRefusal } from './billing-refusal.js';

/**
 * X's refusal of a repeated post (a 403 "duplicate content", observed), and the legacy "Status is a
 * duplicate." (code 187, https://developer.x.com/en/support/x-api/error-troubleshooting).
 */
const DUPLICATE = /duplicate content|status is a duplicate/i;
/** A token without the permission the endpoint needs. */
const MISSING_SCOPE = /\bscopes?\b/i;
/**
 * Legacy codes (`{"errors":[{"code":88,"message":"Rate limit exceeded"}]}`,
 * https://docs.x.com/x-api/fundamentals/rate-limits).
 */
const RATE_LIMIT_CODE = 88;
const INVALID_TOKEN_CODE = 89;
const DUPLICATE_CODE = 187;
/**
 * Reads an X error body into the platform's own words. X answers with RFC 7807 problem JSON
 * `{title, detail, type, status}` (sometimes with `errors[]`), legacy `{errors:[{code, message}]}`,
 * or, from the OAuth endpoints, `{error, error_description}`
 * (https://docs.x.com/x-api/fundamentals/response-codes-and-errors;
 * https://docs.x.com/x-api/fundamentals/rate-limits).
 *
 * @param body - the error response body, parsed JSON or text
 * @returns the platform's code (problem `type`, legacy `code`, OAuth `error`), message and title
 *
 * @example
 * ```ts
 * xErrorDetails({ title: 'Forbidden', detail: 'You are not allowed to create a Tweet with duplicate content.', type: 'about:blank', status: 403 });
 * // { code: 'about:blank', message: 'You are not allowed to create a Tweet with duplicate content.', type: 'Forbidden' }
 * ```
 */
export function xErrorDetails(body: unknown): PlatformErrorDetails | undefined {
  return platformErrorDetails(body, (record) => {
    if (typeof record.error === 'string')
      return { code: record.error, message: text(record.error_description) };
    const first = firstError(record);
    // An invalid-request problem's `detail` is generic ("One or more parameters to your request was
    // invalid."); the reason is in `errors[0].message`, so both are kept.
    const detail = text(record.detail);
    const reason = text(first?.message) ?? text(first?.detail);
    return {
      code: text(record.type) ?? codeOf(first?.code) ?? text(first?.type),
      message:
        (detail !== undefined && reason !== undefined && reason !== detail
          ? `${detail} ${reason}`
          : undefined) ??
        detail ??
        reason ??
        text(record.title) ??
        text(first?.title),
      type: text(record.title) ?? text(first?.title),
    };
  });
}

/**
 * Turns an X error response into the smmkit error it means:
 *
 * | answer | error |
 * |---|---|
 * | 402, or a `…/problems/credits-depleted` problem | `PlatformError('platform_refused')` with a hint to add credits: the app's pay-per-use credits are used up; not retryable, as only a top-up ends it |
 * | 403 `…/problems/spend-cap-reached` | `PlatformError('platform_refused')` with a hint to raise the spending limit in the Developer Console or wait for the next billing cycle; not retryable (https://docs.x.com/x-api/getting-started/pricing) |
 * | 429, or legacy code 88 | `RateLimitError('rate_limited')`, `resetAt` from `x-rate-limit-reset`; `quota_exceeded` when the 24-hour cap is used up (`resetAt` from its reset) or the problem is a usage cap |
 * | 401 (legacy 89) | `AuthError('auth_expired')`: the token expired or was revoked; core refreshes once, then reports it (https://docs.x.com/x-api/fundamentals/response-codes-and-errors) |
 * | 403 "duplicate content" (legacy 187) | `PlatformError('duplicate_content')`: the publisher reconciles with it (observed 403) |
 * | 403 naming a scope, or X's bare `about:blank` "Forbidden" | `AuthError('auth_missing_scope')`: X's answer to a token without a scope the endpoint needs is a problem that says nothing but "Forbidden" |
 * | 403 unsupported authentication | `AuthError('auth_invalid')` (an app-only token on a user-context endpoint) |
 * | other 403 | `PlatformError('platform_refused')` (X refused: a self-serve reply or quote restriction, a suspended account; https://docs.x.com/x-api/posts/manage-tweets/introduction) |
 * | 404 | `PlatformError('not_found')` |
 * | 5xx | `TransientError` (core makes a 5xx on a create an `AmbiguousOutcomeError`) |
 * | token endpoint 400/401 | `AuthError('auth_invalid')` for a refused client, `auth_revoked` for a dead code or refresh token |
 * | other | `PlatformError('platform_refused')` |
 *
 * X's own code and message are kept in `platformError` and quoted in the message; core has
 * already redacted tokens and secrets from the body.
 *
 * @example
 * ```ts
 * const http = createHttpClient({ platform: 'x', baseUrl: 'https://api.x.com', classifyError: classifyXError });
 * ```
 */
export const classifyXError: ErrorClassifier = (response: PlatformResponse): SmmkitError => {
  const platformError = xErrorDetails(response.body);
  const failure = platformFailure(response, platformError);
  const { message, options } = failure;
  const { status } = response;
  const codes = legacyCodes(response.body);
  const words = allMessages(response.body);

  if (/\/2\/oauth2\/(token|revoke)$/.test(response.path) && (status === 400 || status === 401)) {
    return classifyOAuthError(response, message, options, platformError);
  }
  const billing = xBillingRefusal({ status, platformError, words }, failure);
  if (billing !== undefined) return billing;
  if (status === 429 || codes.includes(RATE_LIMIT_CODE)) {
    const daily = response.rateLimit?.daily;
    const usageCapped = /usage-?cap/i.test(`${platformError?.code ?? ''} ${platformError?.type ?? ''}`);
    if (usageCapped || daily?.remaining === 0) {
      return new RateLimitError('quota_exceeded', message, { ...options, resetAt: daily?.resetAt });
    }
    return new RateLimitError('rate_limited', message, {
      ...options,
      resetAt: response.rateLimit?.resetAt ?? response.retryAt,
    });
  }
  if (status === 401 || codes.includes(INVALID_TOKEN_CODE))
    return new AuthError('auth_expired', message, options);
  if (DUPLICATE.test(words) || codes.includes(DUPLICATE_CODE)) {
    return new PlatformError('duplicate_content', message, options);
  }
  if (status === 403) {
    if (/unsupported-authentication/i.test(String(platformError?.code ?? ''))) {
      return new AuthError('auth_invalid', message, options);
    }
    if (MISSING_SCOPE.test(words)) return new AuthError('auth_missing_scope', message, options);
    if (isBareForbidden(response.body)) {
      return new AuthError(
        'auth_missing_scope',
        `${message} (X answers this bare 403 when the access token lacks a scope the endpoint needs)`,
        { ...options, hint: MISSING_SCOPE_HINT },
      );
    }
    return new PlatformError('platform_refused', message, options);
  }
  return classifyByStatus(response, platformError);
};

/** `POST /2/oauth2/token` and `/revoke` answer `{error, error_description}` (RFC 6749 §5.2). */
function classifyOAuthError(
  response: PlatformResponse,
  message: string,
  options: PlatformFailure['options'],
  platformError: PlatformErrorDetails | undefined,
): SmmkitError {
  const code = String(platformError?.code ?? '');
  if (response.status === 401 || code === 'invalid_client' || code === 'unauthorized_client') {
    return new AuthError('auth_invalid', message, options);
  }
  // A used or expired code (it lives 30 s:
  // https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code) or a rotated-away refresh
  // token: X says `invalid_request` "Value passed for the token was invalid." or `invalid_grant`.
  if (code === 'invalid_grant' || /\b(token|code)\b/i.test(platformError?.message ?? '')) {
    return new AuthError('auth_revoked', message, options);
  }
  return new PlatformError('platform_refused', message, options);
}

/** What to do about X's bare 403. */
const MISSING_SCOPE_HINT =
  "Re-authorize the account with every scope the adapter's capabilities.auth.scopes lists for this operation (media uploads need media.write, posting tweet.read tweet.write users.read).";

/**
 * Whether a 403 is X's bare `{"title":"Forbidden","type":"about:blank","status":403,"detail":"Forbidden"}`:
 * an `about:blank` problem (or one without a type) that says nothing but "Forbidden". X answers a user
 * token that lacks a scope the endpoint needs with exactly this body and no word of scopes (a token
 * without `tweet.read` on GET /2/users/me, plhery/node-twitter-api-v2#265; without `media.write` on
 * a media upload, makerprism/ocaml-social-sdk#25; without `like.read` on liking users,
 * xdevplatform/twitter-api-java-sdk#42); the scope each endpoint needs is its `OAuth2UserToken`
 * security in https://api.x.com/2/openapi.json. ASSUMED, as the docs say only that a 403 means "Valid
 * auth but no permission for this resource or action"
 * (https://docs.x.com/x-api/fundamentals/response-codes-and-errors): the other 403s X answers carry
 * their reason (duplicate content, a self-serve restriction, unsupported authentication), so this
 * bare one is read as the missing scope.
 */
function isBareForbidden(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const record = body as Record<string, unknown>;
  if (record.type !== undefined && record.type !== 'about:blank') return false;
  if (Array.isArray(record.errors) && record.errors.length > 0) return false;
  const words = [record.title, record.detail, record.message].filter((value) => value !== undefined);
  return (
    words.length > 0 &&
    words.every((value) => typeof value === 'string' && /^forbidden\.?$/i.test(value.trim()))
  );
}

function firstError(record: Record<string, unknown>): Record<string, unknown> | undefined {
  const errors = record.errors;
  if (!Array.isArray(errors)) return undefined;
  const first: unknown = errors[0];
  return typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : undefined;
}

/** Every legacy numeric code in `errors[]`. */
function legacyCodes(body: unknown): number[] {
  if (typeof body !== 'object' || body === null) return [];
  const errors = (body as Record<string, unknown>).errors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((item: unknown) => {
    const code =
      typeof item === 'object' && item !== null ? (item as Record<string, unknown>).code : undefined;
    return typeof code === 'number' ? [code] : [];
  });
}

/** Every title, detail and message in the body, for matching X's wording. */
function allMessages(body: unknown): string {
  if (typeof body === 'string') return body;
  if (typeof body !== 'object' || body === null) return '';
  const record = body as Record<string, unknown>;
  const items: unknown[] = [record, ...(Array.isArray(record.errors) ? record.errors : [])];
  return items
    .flatMap((item) => {
      if (typeof item !== 'object' || item === null) return [];
      const fields = item as Record<string, unknown>;
      return [fields.title, fields.detail, fields.message].filter((value) => typeof value === 'string');
    })
    .join(' | ');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function codeOf(value: unknown): string | number | undefined {
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? value : undefined;
}
