import {
  AmbiguousOutcomeError,
  AuthError,
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
  type SmmkitErrorOptions,
} from '@smmkit/core/adapter-kit';
import { type GraphError, graphErrorDetails, readGraphError } from './graph-error.js';
import { graphTokenErrorAdvice } from './token-error-advice.js';

/** A Graph error response, read, with what every smmkit error made from it carries. */
export interface GraphFailure {
  /** The `error` object of the body. */
  readonly graph: GraphError;
  /** The response as core's HTTP client hands it to a classifier (body already redacted). */
  readonly response: PlatformResponse;
  /** `read account failed (GET /v26.0/1784 → 400): Meta's message (code 9/2207042)`. */
  readonly message: string;
  /** Platform, status, rate-limit state and Meta's details (code, sub-code, message, type, trace id). */
  readonly options: SmmkitErrorOptions & {
    /** Meta's code, subcode, message and `fbtrace_id`. */
    readonly platformError: PlatformErrorDetails;
  };
}

/**
 * A platform's own reading of some Graph errors (Instagram's publishing errors, say), asked
 * before the Graph-wide table of {@link classifyGraphError}; `undefined` leaves the error to it.
 */
export type GraphErrorOverride = (failure: GraphFailure) => SmmkitError | undefined;

/**
 * Throttling codes: app 4, user 17, Page 32, 613, 341
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 */
const THROTTLE_CODES: ReadonlySet<number> = new Set([4, 17, 32, 341, 613]);
/**
 * Business Use Case throttling, 80000–80014 (80001 Pages, 80002 Instagram, …;
 * https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
 */
const isBusinessThrottle = (code: number): boolean => code >= 80_000 && code <= 80_014;
/**
 * Platform rate limits are counted over a rolling hour ("200 × users per hour";
 * https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
 */
const ROLLING_HOUR_MS = 3_600_000;

/**
 * Makes the error classifier of a Graph platform: `override` (the platform's own codes) is asked
 * first, then the Graph-wide table
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling):
 *
 * | Graph error | smmkit error |
 * |---|---|
 * | 190 or 102 / 463 (expired), or without a sub-code | `AuthError('auth_expired')`: core refreshes once, then reports it |
 * | 190 / 458, 459, 460, 464, 467, 492 | `AuthError('auth_revoked')`: a person has to act (log in again, clear a checkpoint, get a Page role back) |
 * | 3, 10, 200–299 | `AuthError('auth_missing_scope')`: 3 is "API Method: Capability or permissions issue", 10 and 200–299 a permission not granted or removed |
 * | 4, 17, 32, 341, 613, 80000–80014 | `RateLimitError('rate_limited')`, `resetAt` from the usage headers or `Retry-After`, else an hour after the refusal (the rolling window's end at the latest) |
 * | 1 or 2 on a request that creates something (`createsResource`) | `AmbiguousOutcomeError`: Meta failed on its side while handling the create and may have made it, so it is reconciled, never sent again blindly |
 * | 1, 2, `is_transient: true`, or HTTP 5xx | `TransientError('transient')` (core makes a 5xx ambiguous on a create) |
 * | 506 | `PlatformError('duplicate_content')` |
 * | 368 (temporarily blocked) | `PlatformError('platform_refused')`, saying to wait |
 * | 100 `does not exist` / `cannot be loaded`, or HTTP 404 | `PlatformError('not_found')` |
 * | anything else | `PlatformError('platform_refused')`; a body that is not a Graph error is left to core's status-based fallback |
 *
 * Meta's message, codes, type and `fbtrace_id` are kept in `platformError`, and the message
 * quotes the code and sub-code; a token error's message and `hint` then say what the user must
 * do for its sub-code (see `graphTokenErrorAdvice`). Core has already redacted tokens and secrets
 * from the body. The platform id comes from the HTTP client the classifier is given to.
 *
 * @param override - the platform's reading of its own codes, asked first
 * @returns the classifier, for `createGraphHttpClient` or core's `createHttpClient`
 *
 * @example
 * ```ts
 * const classifyPagesError = classifyGraphError(({ graph, message, options }) =>
 *   graph.code === 368 ? new PlatformError('platform_refused', `${message}; the Page is temporarily blocked`, options) : undefined,
 * );
 * const http = createGraphHttpClient({ platform: 'facebook', baseUrl, classifyError: classifyPagesError });
 * ```
 */
export function classifyGraphError(override?: GraphErrorOverride): ErrorClassifier {
  return (response) => {
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
    return override?.({ graph, response, message, options }) ?? graphWide(graph, response, message, options);
  };
}

/** The Graph-wide table of {@link classifyGraphError}. */
function graphWide(
  graph: GraphError,
  response: PlatformResponse,
  message: string,
  options: SmmkitErrorOptions,
): SmmkitError {
  const code = graph.code ?? Number.NaN;
  const subcode = graph.subcode;
  if (code === 190 || code === 102) {
    // 463 expired, or no or another sub-code: an invalid token, which one refresh may cure; the
    // other documented sub-codes need a person. Either way the message says what to do.
    const { revoked, advice } = graphTokenErrorAdvice(subcode);
    const withAdvice = { ...options, hint: advice };
    return new AuthError(revoked ? 'auth_revoked' : 'auth_expired', `${message}. ${advice}`, withAdvice);
  }
  // 3 "API Method: Capability or permissions issue. Make sure your app has the necessary
  // capability or permissions to make this call"; 10 and 200–299 "Permission is either not
  // granted or has been removed" (https://developers.facebook.com/docs/graph-api/guides/error-handling).
  // None is cured by waiting: the app or the user has to grant what is missing.
  if (code === 3) {
    // An app-level capability as often as a user's grant: re-authorizing alone may not cure it.
    const hint =
      'Meta says the app lacks the capability or permission for this call: check that the app has the permission or feature approved (App Review, Advanced Access) and that the token was granted it.';
    return new AuthError('auth_missing_scope', message, { ...options, hint });
  }
  if (code === 10 || (code >= 200 && code <= 299))
    return new AuthError('auth_missing_scope', message, options);
  if (THROTTLE_CODES.has(code) || isBusinessThrottle(code)) {
    // Business-use-case headers say when access returns; app-level throttling (code 4) says
    // nothing, but its window is a rolling hour, so an hour from now is the latest it can take.
    return new RateLimitError('rate_limited', message, {
      ...options,
      resetAt:
        response.rateLimit?.resetAt ?? response.retryAt ?? new Date(response.receivedAt + ROLLING_HOUR_MS),
    });
  }
  if ((code === 1 || code === 2) && response.createsResource) {
    // 1 "API Unknown: Possibly a temporary issue due to downtime. Wait and retry the operation."
    // and 2 "API Service: Temporary issue due to downtime. Wait and retry the operation."
    // (https://developers.facebook.com/docs/graph-api/guides/error-handling): a failure on Meta's
    // side, often with HTTP 400 or 200 rather than a 5xx. Meta does not say whether the create
    // was made before it failed (ASSUMED it may have been, as with a 5xx), so a create is
    // reconciled rather than resent, which could post it twice.
    return new AmbiguousOutcomeError(`${message}; Meta may have made it all the same.`, {
      ...options,
      operation: response.operation,
      hint: 'Meta failed on its side while handling this create, and may have made it: a publish through the publisher is reconciled for you; a reply or comment sent otherwise (the inbox) is not, so look at the thread before sending it again.',
    });
  }
  if (code === 1 || code === 2 || graph.isTransient || response.status >= 500) {
    return new TransientError('transient', message, { ...options, retryAt: response.retryAt });
  }
  if (code === 506) return new PlatformError('duplicate_content', message, options);
  if (code === 368) {
    // "Temporarily blocked for policies violations: wait and retry the operation"
    // (https://developers.facebook.com/docs/graph-api/guides/error-handling); how long is not said,
    // so it is not retried automatically.
    const hint = 'Meta has temporarily blocked this action for a policy violation: wait before trying again.';
    return new PlatformError('platform_refused', `${message}. ${hint}`, { ...options, hint });
  }
  if (
    response.status === 404 ||
    (code === 100 && /does not exist|cannot be loaded/i.test(graph.message ?? ''))
  ) {
    return new PlatformError('not_found', message, options);
  }
  return new PlatformError('platform_refused', message, options);
}
