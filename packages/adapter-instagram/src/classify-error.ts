import { MediaProcessingError, PlatformError, RateLimitError, TransientError } from '@smmkit/core';
import type { ErrorClassifier } from '@smmkit/core/adapter-kit';
import { classifyGraphError, type GraphErrorOverride } from '@smmkit/graph-api';
import { INSTAGRAM_PUBLISH_BUCKET } from './capabilities.js';
import { ambiguousServerFailure, isInstagramServerError, retryableServerFailure } from './server-errors.js';

// Codes and sub-codes from https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes.

/** 9/2207042: the publishing quota is reached. */
const QUOTA_SUBCODE = 2_207_042;
/**
 * The publishing quota is counted over a rolling 24 h (`quota_duration` 86400;
 * https://developers.facebook.com/docs/instagram-platform/content-publishing).
 */
const ROLLING_DAY_MS = 86_400_000;
/** 24/2207008: a temporary error publishing a container, to try again in 30 s to 2 min. */
const TEMPORARY_PUBLISH_SUBCODE = 2_207_008;
const TEMPORARY_PUBLISH_WAIT_MS = 30_000;
/** 9007/2207027: the container is not ready. */
const NOT_READY_CODE = 9007;
const NOT_READY_SUBCODE = 2_207_027;
/**
 * The media could not be used — 9004/2207052 media URL could not be fetched; 352/2207026 video
 * format; 36000/2207004 image > 8 MB; 36001/2207005 image format; 36003/2207009 aspect ratio.
 * The fix is another file, not a retry.
 */
const MEDIA_FAILED_SUBCODES: ReadonlySet<number> = new Set([
  2_207_052, 2_207_026, 2_207_004, 2_207_005, 2_207_009,
]);
/**
 * What the error-codes page says to try again, nothing having been published: -1/2207001
 * "Instagram server error. Try again."; -1/2207032 "Create media fail, please try to re-create
 * media" ("Failed to create a media container. Try again."); -2/2207003 "A timeout occured while
 * downloading the media. Try again."; -2/2207020 "The media you are trying to access has expired. Please try to
 * upload again." ("Generate a new container ID and use it to try again."); 24/2207008 "Temporary
 * error publishing a container. Try again 1–2 times in the next 30 seconds to 2 minutes.";
 * 2207053 ("Generate a new container and use it to try again", for video uploads). A retry of the
 * publish makes a new container. The same subcodes in a container's `ERROR` status mean the same.
 */
export const RETRY_SUBCODES: ReadonlySet<number> = new Set([
  2_207_001,
  2_207_032,
  2_207_003,
  2_207_020,
  TEMPORARY_PUBLISH_SUBCODE,
  2_207_053,
]);
const MEDIA_FAILED_CODES: ReadonlySet<number> = new Set([9004, 352, 36_000, 36_001, 36_003]);
/**
 * 1/2207057: "Thumbnail offset must be greater than or equal to 0 and less than video duration" —
 * "The thumbnail offset you entered is out of bounds for the video duration". Code 1 is otherwise
 * "API Unknown", a server error to retry; this one a retry cannot cure.
 */
export const THUMB_OFFSET_SUBCODE = 2_207_057;
/** What to do about 1/2207057, wherever Instagram reports it (an error answer or a container's ERROR status). */
export const THUMB_OFFSET_HINT =
  "Set options.instagram.thumb_offset (milliseconds) to at least 0 and less than the video's duration, then publish again.";
/** 4/2207051: restricted as spam (code 4 is otherwise throttling). */
const SPAM_SUBCODE = 2_207_051;
/**
 * 110/2207013: business discovery found no professional account under the username — Meta's
 * answer for a personal account, an age-gated one and an unknown username alike ("Invalid user
 * id"; observed, the error-codes page does not list it).
 */
export const NOT_PROFESSIONAL_SUBCODE = 2_207_013;

/** Instagram's publishing errors, read before the Graph-wide table. */
const instagramCodes: GraphErrorOverride = (failure) => {
  const { graph, response, message, options } = failure;
  const code = graph.code ?? Number.NaN;
  const subcode = graph.subcode;
  if (subcode === QUOTA_SUBCODE || code === 9) {
    const resetAt = response.rateLimit?.resetAt ?? response.retryAt;
    if (resetAt !== undefined) return new RateLimitError('quota_exceeded', message, { ...options, resetAt });
    // Meta sends no reset time with a quota refusal, and the publishing window is a rolling 24 h,
    // so a slot is free a day after the refusal at the latest: the same estimate as the quota
    // check before a publish (quota.ts). This happens when another app used the last slot
    // between that check and media_publish.
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
  if (subcode === NOT_PROFESSIONAL_SUBCODE) return new PlatformError('not_found', message, options);
  if (code === NOT_READY_CODE || subcode === NOT_READY_SUBCODE) {
    return new TransientError('transient', message, { ...options, retryAt: response.retryAt });
  }
  if (subcode === THUMB_OFFSET_SUBCODE) {
    return new PlatformError('platform_refused', `${message}. ${THUMB_OFFSET_HINT}`, {
      ...options,
      hint: THUMB_OFFSET_HINT,
    });
  }
  // A server error on a create (media_publish, a comment) may have made it: reconciled, not resent.
  const ambiguous = ambiguousServerFailure(failure);
  if (ambiguous !== undefined) return ambiguous;
  if (subcode !== undefined && RETRY_SUBCODES.has(subcode)) {
    const retryAt =
      response.retryAt ??
      (subcode === TEMPORARY_PUBLISH_SUBCODE
        ? new Date(response.receivedAt + TEMPORARY_PUBLISH_WAIT_MS)
        : undefined);
    return new TransientError('transient', message, {
      ...options,
      retryAt,
      hint: 'Instagram published nothing; publishing again makes a new media container (Meta: "try again").',
    });
  }
  if ((subcode !== undefined && MEDIA_FAILED_SUBCODES.has(subcode)) || MEDIA_FAILED_CODES.has(code)) {
    return new MediaProcessingError('media_processing_failed', message, options);
  }
  if (isInstagramServerError(failure)) return retryableServerFailure(failure);
  return undefined;
};

/**
 * Turns an Instagram Graph error response into the smmkit error it means: `@smmkit/graph-api`'s
 * `classifyGraphError` (tokens, permissions, throttling, transient errors, duplicates, unknown
 * ids) with Instagram's publishing errors read first
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes):
 *
 * | Graph error | smmkit error |
 * |---|---|
 * | 9 / 2207042 | `RateLimitError('quota_exceeded')`: the 24 h publishing quota; without a reset header, `resetAt` is a day after the refusal (the latest a slot frees) |
 * | 4 / 2207051 | `PlatformError('platform_refused')`: restricted as spam |
 * | 110 / 2207013 | `PlatformError('not_found')`: business discovery found no Business or Creator account under the username (observed) |
 * | 9007 / 2207027 | `TransientError('transient')`: the container is not ready yet |
 * | -1 / 2207001 (on a create: ambiguous, next rows), -1 / 2207032, -2 / 2207003, -2 / 2207020, 24 / 2207008, 2207053 | `TransientError('transient')`: Meta says to try again (2207008: in 30 s to 2 min, so `retryAt` is 30 s on); nothing was published, and a retry makes a new container |
 * | 1 / 2207057 | `PlatformError('platform_refused')`: `thumb_offset` is out of the video's bounds, with a hint to fix it |
 * | -1, -2, 1 or 2 on a create (`media_publish`, a comment), unless the sub-code says nothing was made | `AmbiguousOutcomeError`: Instagram failed on its side and may have made it; reconciled, never resent blindly (server-errors.ts) |
 * | 9004 / 2207052, 352 / 2207026, 36000 / 2207004, 36001 / 2207005, 36003 / 2207009 | `MediaProcessingError('media_processing_failed')` |
 * | any other -1, -2, 1 or 2 (with or without a sub-code) | `TransientError('transient')`: "Wait and retry the operation" (https://developers.facebook.com/docs/graph-api/guides/error-handling, codes 1 and 2; -1 and -2 are Instagram's server errors) |
 * | anything else | the Graph-wide table (on an insights read, 10 can also mean "not enough viewers": https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights) |
 *
 * @example
 * ```ts
 * const http = createGraphHttpClient({ platform: 'instagram', baseUrl, classifyError: classifyInstagramError });
 * ```
 */
export const classifyInstagramError: ErrorClassifier = classifyGraphError(instagramCodes);
