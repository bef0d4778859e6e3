import { MediaProcessingError } from '../errors/media-processing-error.js';
import { PlatformError } from '../errors/platform-error.js';

/**
 * Runs one media request and turns the platform's refusal of the file itself (a
 * `PlatformError` with the status the platform uses for that, such as X's 400 or Mastodon's 422)
 * into a `MediaProcessingError` for the media item at `mediaIndex`, keeping the platform's
 * message, status, details and rate-limit state. Any other failure passes through unchanged.
 *
 * @param mediaIndex - the item's index in the post's media (or the thread part's)
 * @param refusedStatus - the HTTP status with which the platform refuses a file
 * @param request - the upload, append or finalize call
 * @returns what `request` returns
 *
 * @example
 * ```ts
 * const { data } = await mediaRefusalAsProcessingError(index, 422, () =>
 *   http.request({ method: 'POST', path: '/api/v2/media', operation: 'upload media', body, context }),
 * );
 * ```
 */
export async function mediaRefusalAsProcessingError<T>(
  mediaIndex: number,
  refusedStatus: number,
  request: () => Promise<T>,
): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (PlatformError.isInstance(error) && error.status === refusedStatus) {
      throw new MediaProcessingError('media_processing_failed', error.message, {
        platform: error.platform,
        status: error.status,
        rateLimit: error.rateLimit,
        platformError: error.platformError,
        mediaIndex,
        cause: error,
      });
    }
    throw error;
  }
}
