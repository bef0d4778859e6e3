import { AmbiguousOutcomeError, TransientError } from '@smmkit/core';
import type { GraphFailure } from '@smmkit/graph-api';

/**
 * Meta's server-side failure codes, each of which Meta says to retry:
 * - 1 "API Unknown": "Possibly a temporary issue due to downtime. Wait and retry the operation.";
 *   2 "API Service": "Temporary issue due to downtime. Wait and retry the operation."
 *   (https://developers.facebook.com/docs/graph-api/guides/error-handling);
 * - -1 and -2, Instagram's own: every row of them on the error-codes page says to try again
 *   (-1/2207001 "Instagram server error. Try again.", -1/2207032, -1/2207053, -2/2207003,
 *   -2/2207020; https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes).
 *   The page lists no -1 or -2 without a sub-code; that one means the same is ASSUMED from them.
 */
const SERVER_ERROR_CODES: ReadonlySet<number> = new Set([-2, -1, 1, 2]);

/**
 * Sub-codes whose wording says the request failed before anything was made, so a retry cannot
 * duplicate a post: -1/2207032 "Failed to create a media container", -1/2207053 "An unknown error
 * occured during upload", -2/2207003 "A timeout occured while downloading the media", -2/2207020
 * "The media you are trying to access has expired"
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes).
 * -1/2207001 "Instagram server error" says nothing of the kind and is not here.
 */
const NOTHING_MADE_SUBCODES: ReadonlySet<number> = new Set([2_207_032, 2_207_053, 2_207_003, 2_207_020]);

/**
 * Whether a Graph error is a server-side failure Meta says to retry ({@link SERVER_ERROR_CODES}).
 *
 * @param failure - the Graph error
 * @returns `true` for codes -2, -1, 1 and 2
 *
 * @example
 * ```ts
 * isInstagramServerError(failure); // true for {"error":{"code":-1,…}}
 * ```
 */
export function isInstagramServerError(failure: Pick<GraphFailure, 'graph'>): boolean {
  return failure.graph.code !== undefined && SERVER_ERROR_CODES.has(failure.graph.code);
}

/**
 * A server-side failure ({@link isInstagramServerError}) of a request that creates something
 * (`media_publish`, a comment), unless its sub-code says nothing was made
 * ({@link NOTHING_MADE_SUBCODES}), as an `AmbiguousOutcomeError`: the server failed while
 * handling the create and may have made it all the same, so it is reconciled (the publisher looks
 * for the post with `findRecentPosts`), never sent again blindly — as core treats a 5xx on a create.
 *
 * @param failure - the Graph error, the response and the options every smmkit error carries
 * @returns the ambiguous error, or `undefined` when the failure cannot have made anything
 *
 * @example
 * ```ts
 * const ambiguous = ambiguousServerFailure(failure);
 * if (ambiguous !== undefined) return ambiguous;
 * ```
 */
export function ambiguousServerFailure(failure: GraphFailure): AmbiguousOutcomeError | undefined {
  const { graph, response, message, options } = failure;
  if (!isInstagramServerError(failure) || !response.createsResource) return undefined;
  if (graph.subcode !== undefined && NOTHING_MADE_SUBCODES.has(graph.subcode)) return undefined;
  return new AmbiguousOutcomeError(`${message}; Instagram may have made it all the same.`, {
    ...options,
    operation: response.operation,
    hint: 'Instagram failed on its side while handling this create, and may have made it: a publish through the publisher is reconciled for you; a reply or comment sent otherwise (the inbox) is not, so look at the thread before sending it again.',
  });
}

/**
 * A server-side failure ({@link isInstagramServerError}) that made nothing, as the
 * `TransientError` Meta's "wait and retry" means. A container that failed made nothing visible,
 * so a retried publish makes a new one.
 *
 * @param failure - the Graph error, the response and the options every smmkit error carries
 * @returns the retryable error
 *
 * @example
 * ```ts
 * if (isInstagramServerError(failure)) return retryableServerFailure(failure);
 * ```
 */
export function retryableServerFailure({ response, message, options }: GraphFailure): TransientError {
  return new TransientError('transient', message, {
    ...options,
    retryAt: response.retryAt,
    hint: 'Instagram failed on its side; Meta says to wait and try again.',
  });
}
