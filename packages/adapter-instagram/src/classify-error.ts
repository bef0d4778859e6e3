import {
  AuthError,
  MediaProcessingError,
  PlatformError,
  RateLimitError,
  type SmmkitError,
  TransientError,
} from '@smmkit/core';
import {
  describeFailure,
  type ErrorClassifier,
  errorOptionsFrom,
  type PlatformErrorDetails,
  type PlatformResponse,
} from '@smmkit/core/adapter-kit';
import { INSTAGRAM_PUBLISH_BUCKET } from './capabilities.js';

/** A Graph error body's `error` object (meta-common.md, Error body), read tolerantly. */
export interface GraphError {
  /** Numeric error code (`190`, `4`, `100`, …). */
  readonly code?: number | undefined;
  /** Numeric sub-code (`463`, `2207042`, …). */
  readonly subcode?: number | undefined;
  /** Meta's message. */
  readonly message?: string | undefined;
  /** `OAuthException`, `GraphMethodException`, … */
  readonly type?: string | undefined;
  /** Meta's trace id, for support requests. */
  readonly traceId?: string | undefined;
  /** Meta says a retry may succeed. */
  readonly isTransient: boolean;
  /** The message meant for the user, when Meta gives one. */
  readonly userMessage?: string | undefined;
}

/**
 * 190 sub-codes that need a new grant (meta-common.md, Error body): 458 app removed, 459
 * checkpoint, 460 password changed, 464 unconfirmed user, 467 invalid / logged out. 463 (expired)
 * and any other 190 is `auth_expired`, which core answers with one refresh.
 */
const TOKEN_REVOKED_SUBCODES: ReadonlySet<number> = new Set([458, 459, 460, 464, 467]);
/** Throttling codes (meta-common.md, Error body): app 4, user 17, Page 32, 613, 341. */
const THROTTLE_CODES: ReadonlySet<number> = new Set([4, 17, 32, 341, 613]);
/** Business Use Case throttling: 80000–80014 (meta-common.md, Error body). */
const isBusinessThrottle = (code: number): boolean => code >= 80_000 && code <= 80_014;
/** instagram.md, Publishing errors: 9/2207042 quota reached. */
const QUOTA_SUBCODE = 2_207_042;
/** Meta's platform rate limits are counted over a rolling hour (meta-common.md, Rate limits). */
const ROLLING_HOUR_MS = 3_600_000;
/** The publishing quota is counted over a rolling 24 h (instagram.md, Publish, Quotas). */
const ROLLING_DAY_MS = 86_400_000;
/** instagram.md, Publishing errors: 9007/2207027 container not ready. */
const NOT_READY_CODE = 9007;
const NOT_READY_SUBCODE = 2_207_027;
/**
 * instagram.md, Publishing errors: the media could not be used — 9004/2207052 media URL could not
 * be fetched; -2/2207003 download timeout; 24/2207008 container expired; 352/2207026 video format;
 * 36000/2207004 image > 8 MB; 36001/2207005 image format; 36003/2207009 aspect ratio. The fix is
 * another file (or a fresh container), not a retry.
 */
const MEDIA_FAILED_SUBCODES: ReadonlySet<number> = new Set([
  2_207_052, 2_207_003, 2_207_008, 2_207_026, 2_207_004, 2_207_005, 2_207_009,
]);
const MEDIA_FAILED_CODES: ReadonlySet<number> = new Set([9004, 352, 36_000, 36_001, 36_003]);
/** instagram.md, Publishing errors: 4/2207051 restricted as spam (code 4 is otherwise throttling). */
const SPAM_SUBCODE = 2_207_051;

/**
 * Reads the `error` object of a Graph error body `{"error":{"message","type","code",
 * "error_subcode","error_user_msg","fbtrace_id","is_transient"}}` (meta-common.md, Error body).
 *
 * @param body - the response body, parsed JSON or text
 * @returns the error's fields, or `undefined` when the body is not a Graph error
 *
 * @example
 * ```ts
 * readGraphError({ error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'A1' } });
 * // { code: 190, message: 'Invalid OAuth access token.', type: 'OAuthException', traceId: 'A1', isTransient: false }
 * ```
 */
export function readGraphError(body: unknown): GraphError | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as Record<string, unknown>).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const fields = error as Record<string, unknown>;
  const code = integer(fields.code);
  const subcode = integer(fields.error_subcode);
  const message = text(fields.message);
  const type = text(fields.type);
  const traceId = text(fields.fbtrace_id);
  const userMessage = text(fields.error_user_msg);
  return {
    ...(code === undefined ? {} : { code }),
    ...(subcode === undefined ? {} : { subcode }),
    ...(message === undefined ? {} : { message }),
    ...(type === undefined ? {} : { type }),
    ...(traceId === undefined ? {} : { traceId }),
    ...(userMessage === undefined ? {} : { userMessage }),
    isTransient: fields.is_transient === true,
  };
}

/**
 * The `platformError` of a Graph error: code, sub-code, message, type and `fbtrace_id` as `traceId`.
 *
 * @param error - the Graph error
 * @returns the details smmkit errors carry
 *
 * @example
 * ```ts
 * graphErrorDetails({ code: 9, subcode: 2207042, message: 'limit', isTransient: false }); // { code: 9, subcode: 2207042, message: 'limit' }
 * ```
 */
export function graphErrorDetails(error: GraphError): PlatformErrorDetails {
  const message =
    error.userMessage === undefined ? error.message : `${error.message ?? ''} ${error.userMessage}`.trim();
  return {
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(error.subcode === undefined ? {} : { subcode: error.subcode }),
    ...(message === undefined ? {} : { message }),
    ...(error.type === undefined ? {} : { type: error.type }),
    ...(error.traceId === undefined ? {} : { traceId: error.traceId }),
  };
}

/**
 * Turns a Graph error response into the smmkit error it means (meta-common.md, Error body;
 * instagram.md, Publishing errors):
 *
 * | Graph error | smmkit error |
 * |---|---|
 * | 190 / 463 (expired), or 190 without a sub-code | `AuthError('auth_expired')`: core refreshes once, then reports it |
 * | 190 / 458, 459, 460, 464, 467 | `AuthError('auth_revoked')`: a person has to re-authorize |
 * | 10, 200–299 | `AuthError('auth_missing_scope')` (on an insights read, 10 can also mean "not enough viewers"; instagram.md, Metrics) |
 * | 9 / 2207042 | `RateLimitError('quota_exceeded')`: the 24 h publishing quota; without a reset header, `resetAt` is a day after the refusal (the latest a slot frees) |
 * | 4 / 2207051 | `PlatformError('platform_refused')`: restricted as spam |
 * | 4, 17, 32, 341, 613, 80000–80014 | `RateLimitError('rate_limited')`, `resetAt` from the usage headers |
 * | 1, 2, or `is_transient: true` | `TransientError('transient')` (core makes it ambiguous on a create) |
 * | 9007 / 2207027 | `TransientError('transient')`: the container is not ready yet |
 * | 9004 / 2207052, -2 / 2207003, 24 / 2207008, 352 / 2207026, 36000 / 2207004, 36001 / 2207005, 36003 / 2207009 | `MediaProcessingError('media_processing_failed')` |
 * | 506 | `PlatformError('duplicate_content')` |
 * | 100 `does not exist`, or HTTP 404 | `PlatformError('not_found')` |
 * | anything else | `PlatformError('platform_refused')`, or core's status-based fallback for non-Graph bodies |
 *
 * Meta's message, codes, type and `fbtrace_id` are kept in `platformError`; core has already
 * redacted tokens and secrets from the body.
 *
 * @example
 * ```ts
 * const http = createHttpClient({ platform: 'instagram', baseUrl, classifyError: classifyInstagramError });
 * ```
 */
export const classifyInstagramError: ErrorClassifier = (
  response: PlatformResponse,
): SmmkitError | undefined => {
  const graph = readGraphError(response.body);
  if (graph === undefined) return undefined;
  const platformError = graphErrorDetails(graph);
  const options = { ...errorOptionsFrom(response), platformError };
  const detail = platformError.message === undefined ? '' : `: ${platformError.message}`;
  const codes =
    graph.code === undefined
      ? ''
      : ` (code ${graph.code}${graph.subcode === undefined ? '' : `/${graph.subcode}`})`;
  const message = `${describeFailure(response)}${detail}${codes}`;
  const code = graph.code ?? Number.NaN;
  const subcode = graph.subcode;

  if (code === 190) {
    if (subcode !== undefined && TOKEN_REVOKED_SUBCODES.has(subcode)) {
      return new AuthError('auth_revoked', message, options);
    }
    // 463 expired; no or another sub-code: an invalid token, which one refresh may cure.
    return new AuthError('auth_expired', message, options);
  }
  if (code === 10 || (code >= 200 && code <= 299))
    return new AuthError('auth_missing_scope', message, options);
  if (subcode === QUOTA_SUBCODE || code === 9) {
    const resetAt = response.rateLimit?.resetAt ?? response.retryAt;
    if (resetAt !== undefined) return new RateLimitError('quota_exceeded', message, { ...options, resetAt });
    // Meta sends no reset time with a quota refusal, and the publishing window is a rolling 24 h
    // (instagram.md, Publish, Quotas: quota_duration 86400), so a slot is free a day after the
    // refusal at the latest: the same estimate as the quota check before a publish (quota.ts).
    // This happens when another app used the last slot between that check and media_publish.
    const estimate = new Date(response.receivedAt + ROLLING_DAY_MS);
    return new RateLimitError(
      'quota_exceeded',
      `${message}; a slot frees by ${estimate.toISOString()} at the latest.`,
      {
        ...options,
        rateLimit: { scope: 'user', bucket: INSTAGRAM_PUBLISH_BUCKET, remaining: 0, resetAt: estimate },
        resetAt: estimate,
      },
    );
  }
  if (subcode === SPAM_SUBCODE) return new PlatformError('platform_refused', message, options);
  if (THROTTLE_CODES.has(code) || isBusinessThrottle(code)) {
    // Business-use-case headers say when access returns; app-level throttling (code 4) says
    // nothing, but its window is a rolling hour (meta-common.md, Rate limits: "200 × users per
    // hour"), so an hour from now is the latest it can take.
    return new RateLimitError('rate_limited', message, {
      ...options,
      resetAt:
        response.rateLimit?.resetAt ?? response.retryAt ?? new Date(response.receivedAt + ROLLING_HOUR_MS),
    });
  }
  if (code === NOT_READY_CODE || subcode === NOT_READY_SUBCODE) {
    return new TransientError('transient', message, { ...options, retryAt: response.retryAt });
  }
  if ((subcode !== undefined && MEDIA_FAILED_SUBCODES.has(subcode)) || MEDIA_FAILED_CODES.has(code)) {
    return new MediaProcessingError('media_processing_failed', message, options);
  }
  if (code === 1 || code === 2 || graph.isTransient || response.status >= 500) {
    return new TransientError('transient', message, { ...options, retryAt: response.retryAt });
  }
  if (code === 506) return new PlatformError('duplicate_content', message, options);
  if (
    response.status === 404 ||
    (code === 100 && /does not exist|cannot be loaded/i.test(graph.message ?? ''))
  ) {
    return new PlatformError('not_found', message, options);
  }
  return new PlatformError('platform_refused', message, options);
};

function integer(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
