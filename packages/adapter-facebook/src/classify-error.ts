import { MediaProcessingError, TransientError } from '@smmkit/core';
import type { ErrorClassifier } from '@smmkit/core/adapter-kit';
import { classifyGraphError, type GraphErrorOverride } from '@smmkit/graph-api';

/**
 * The codes the Page photo and video endpoints document for a file Facebook could not use
 * (https://developers.facebook.com/docs/graph-api/reference/page/photos/ and
 * https://developers.facebook.com/docs/graph-api/reference/page/videos/, Error Codes): 324
 * "Missing or invalid image file", 351 "There was a problem with your video file. Please try
 * again with another file", 352 "The video file you selected is in a format that we don't
 * support", 382 "The video file you tried to upload is too small", 389 "Unable to fetch video
 * file from URL", 6000 "There was a problem uploading your video file. Please try again with
 * another file". Another file (or a URL Facebook can download) is the fix, not a retry.
 */
const MEDIA_FAILED_CODES: ReadonlySet<number> = new Set([324, 351, 352, 382, 389, 6000]);

/**
 * 100/1366046, "Can't Read Files: Your photos couldn't be uploaded. Photos should be less than
 * 4 MB and saved as JPG, PNG, GIF, TIFF, HEIF or WebP files" (ASSUMED: the Page photos reference
 * lists only code 100 "Invalid parameter"; this sub-code and wording are what Graph answers for
 * a photo it cannot read, as quoted in Meta's own PHP SDK tracker, facebookarchive/php-graph-sdk#711).
 */
const PHOTO_UNREADABLE_SUBCODE = 1_366_046;

/**
 * 6001, "There was a problem uploading your video. Please try again."
 * (https://developers.facebook.com/docs/graph-api/reference/page/videos/, Error Codes).
 */
const VIDEO_UPLOAD_RETRY_CODE = 6001;

/** What to do about a file Facebook could not use. */
const MEDIA_HINT =
  'Facebook could not use this media file: check its format, size and length against the Page photo and video rules, and that a media URL is public and downloadable, then publish again with another file.';

/** Facebook's media errors, read before the Graph-wide table. */
const facebookCodes: GraphErrorOverride = ({ graph, response, message, options }) => {
  const code = graph.code ?? Number.NaN;
  if (MEDIA_FAILED_CODES.has(code) || (code === 100 && graph.subcode === PHOTO_UNREADABLE_SUBCODE)) {
    return new MediaProcessingError('media_processing_failed', message, { ...options, hint: MEDIA_HINT });
  }
  if (code === VIDEO_UPLOAD_RETRY_CODE) {
    return new TransientError('transient', message, { ...options, retryAt: response.retryAt });
  }
  return undefined;
};

/**
 * Turns a Facebook Graph error response into the smmkit error it means: `@smmkit/graph-api`'s
 * `classifyGraphError` (tokens, permissions, throttling, transient errors, duplicates, unknown
 * ids) with the Page media errors read first:
 *
 * | Graph error | smmkit error |
 * |---|---|
 * | 324, 351, 352, 382, 389, 6000, 100 / 1366046 | `MediaProcessingError('media_processing_failed')`: Facebook could not use the photo or video; use another file |
 * | 6001 | `TransientError('transient')`: "Please try again" |
 * | anything else | the Graph-wide table |
 *
 * @example
 * ```ts
 * const http = createGraphHttpClient({ platform: 'facebook', baseUrl, classifyError: classifyFacebookError });
 * ```
 */
export const classifyFacebookError: ErrorClassifier = classifyGraphError(facebookCodes);
