import type { SmmkitError, SmmkitErrorOptions } from '../errors/smmkit-error.js';
import type { RateLimitInfo } from '../models/rate-limit-info.js';

/**
 * A platform's error response as an adapter's error classifier sees it. The body has already
 * had the request's token and secrets replaced by `[REDACTED]`, so a classifier may copy the
 * platform's message into an error safely.
 */
export interface PlatformResponse {
  /** The adapter's platform id. */
  readonly platform: string;
  /** What the request was for, in words (`create post`). */
  readonly operation: string;
  /** HTTP method. */
  readonly method: string;
  /** URL path, without host or query (queries can carry tokens). */
  readonly path: string;
  /** HTTP status. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** The body: parsed JSON when it is JSON, else its text; `undefined` when empty. */
  readonly body: unknown;
  /** Rate-limit state parsed from the headers, when the adapter parses any. */
  readonly rateLimit: RateLimitInfo | undefined;
  /** When the server asked to wait (`Retry-After`), as an instant. */
  readonly retryAt: Date | undefined;
  /** When the response arrived, in milliseconds on the request context's clock (for relative limits). */
  readonly receivedAt: number;
  /** Whether the request would create something (a post, a comment) if it succeeded. */
  readonly createsResource: boolean;
}

/**
 * Turns a platform's error response into the smmkit error it means, or `undefined` to fall
 * back to classification by HTTP status ({@link classifyByStatus}).
 */
export type ErrorClassifier = (response: PlatformResponse) => SmmkitError | undefined;

/** The request a response answered, for rate-limit parsers that name the endpoint bucket. */
export interface AnsweredRequest {
  /** HTTP method. */
  readonly method: string;
  /** URL path, without host or query. */
  readonly path: string;
  /** What the request was for (`upload media`). */
  readonly operation: string;
}

/**
 * Reads a platform's rate-limit headers into a {@link RateLimitInfo}, or `undefined` when there
 * are none. `request` lets the parser name the endpoint bucket the window belongs to.
 */
export type RateLimitParser = (
  headers: Headers,
  now: number,
  request?: AnsweredRequest,
) => RateLimitInfo | undefined;

/**
 * The error options every classified error should carry: platform, status and rate-limit state.
 *
 * @example
 * ```ts
 * const classify: ErrorClassifier = (response) =>
 *   response.status === 403 ? new PlatformError('platform_refused', 'Forbidden', errorOptionsFrom(response)) : undefined;
 * ```
 */
export function errorOptionsFrom(response: PlatformResponse): SmmkitErrorOptions {
  return { platform: response.platform, status: response.status, rateLimit: response.rateLimit };
}

/** `create post failed (POST /2/tweets → 403)`: the start of an error message for a response. */
export function describeFailure(response: PlatformResponse): string {
  return `${response.operation} failed (${response.method} ${response.path} → ${response.status})`;
}
