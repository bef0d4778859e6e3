import { MediaProcessingError, PlatformError, type PublishContext, TransientError } from '@smmkit/core';
import { type HttpClient, pollUntil } from '@smmkit/core/adapter-kit';
import { RETRY_SUBCODES, THUMB_OFFSET_HINT, THUMB_OFFSET_SUBCODE } from './classify-error.js';
import { ContainerStatusSchema } from './schemas.js';

/** Which container to wait for and how. */
export interface ContainerWait {
  /** The container id. */
  readonly containerId: string;
  /** Index of the item in `post.media`, when the container is one item (not a carousel parent). */
  readonly mediaIndex?: number | undefined;
  /** Milliseconds between checks. */
  readonly intervalMs: number;
  /** Milliseconds to wait before giving up. */
  readonly timeoutMs: number;
}

/**
 * Waits until Instagram has fetched and processed a container (https://developers.facebook.com/docs/instagram-platform/content-publishing):
 * `GET /{container-id}?fields=status_code,status`, at once and then every `intervalMs` on the
 * context's clock, until `timeoutMs` has passed.
 *
 * - `FINISHED` (or `PUBLISHED`) → ready;
 * - `IN_PROGRESS` (or no status yet) → wait and ask again;
 * - `ERROR` → `MediaProcessingError('media_processing_failed')` with the sub-code found in
 *   `status` ("status holds the subcode") as `platformError.subcode`, or `TransientError` for a
 *   sub-code Meta says to try again for (2207001, 2207032, 2207003, 2207053: see `RETRY_SUBCODES`),
 *   or `PlatformError('platform_refused')` for 2207057, a reel's `thumb_offset` not within its
 *   video, with the same hint as when Instagram answers that error to a request (classify-error.ts);
 * - `EXPIRED` (not published within 24 h) → `TransientError('transient')`, subcode 2207020: a
 *   retry makes a new container, as Meta advises;
 * - still in progress after `timeoutMs` → `MediaProcessingError('media_processing_timeout')`;
 * - an abort while waiting → `AbortedError` (nothing was published yet).
 *
 * @param http - the adapter's HTTP client
 * @param wait - the container, its media index, the interval and the timeout
 * @param context - the publish context (tokens, signal, clock, progress)
 *
 * @example
 * ```ts
 * await waitForInstagramContainer(http, { containerId, intervalMs: 60_000, timeoutMs: 300_000 }, ctx);
 * ```
 */
export async function waitForInstagramContainer(
  http: HttpClient,
  wait: ContainerWait,
  context: PublishContext,
): Promise<void> {
  const item = wait.mediaIndex === undefined ? {} : { mediaIndex: wait.mediaIndex };
  await pollUntil(context, {
    timeoutMs: wait.timeoutMs,
    intervalMs: wait.intervalMs,
    during: 'Instagram was processing media',
    check: async () => {
      const { data } = await http.request({
        method: 'GET',
        path: `/${encodeURIComponent(wait.containerId)}`,
        operation: 'check media container status',
        searchParams: { fields: 'status_code,status' },
        schema: ContainerStatusSchema,
        context,
      });
      const code = data.status_code?.toUpperCase();
      if (code === 'FINISHED' || code === 'PUBLISHED') return true;
      if (code === 'ERROR') throw containerError(wait, data.status, item);
      if (code === 'EXPIRED') {
        // -2/2207020 "The media you are trying to access has expired" is what publishing it answers;
        // Meta's advice, "Generate a new container ID and use it to try again", is what a retry does
        // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes).
        throw new TransientError(
          'transient',
          `Instagram media container ${wait.containerId} expired (containers must be published within 24 h).`,
          {
            platform: 'instagram',
            platformError: { code: 'EXPIRED', subcode: 2_207_020 },
            hint: 'Instagram published nothing; publishing again makes a new media container.',
          },
        );
      }
      context.onProgress?.({ stage: 'processing', ...item });
      return false;
    },
    timedOut: () =>
      new MediaProcessingError(
        'media_processing_timeout',
        `Instagram was still processing media container ${wait.containerId} after ${wait.timeoutMs} ms.`,
        { platform: 'instagram', ...item },
      ),
  });
}

function containerError(
  wait: ContainerWait,
  status: string | undefined,
  item: { mediaIndex?: number },
): MediaProcessingError | TransientError | PlatformError {
  // `status` reads like "Error: Media upload has failed with error code 2207026".
  const digits = status?.match(/\b(\d{4,})\b/)?.[1];
  const subcode = digits === undefined ? undefined : Number(digits);
  const message = `Instagram could not process media container ${wait.containerId}${status === undefined ? '' : `: ${status}`}`;
  const platformError = {
    code: 'ERROR',
    ...(subcode === undefined ? {} : { subcode }),
    ...(status === undefined ? {} : { message: status }),
  };
  // 1/2207057 "Thumbnail offset must be greater than or equal to 0 and less than video duration"
  // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes):
  // the video is fine and a retry cannot cure it; the option must change.
  if (subcode === THUMB_OFFSET_SUBCODE) {
    return new PlatformError('platform_refused', `${message}. ${THUMB_OFFSET_HINT}`, {
      platform: 'instagram',
      platformError,
      hint: THUMB_OFFSET_HINT,
    });
  }
  // Meta says to try again for these (a server error, a download timeout, a video upload to redo).
  if (subcode !== undefined && RETRY_SUBCODES.has(subcode)) {
    return new TransientError('transient', message, {
      platform: 'instagram',
      platformError,
      hint: 'Instagram published nothing; publishing again makes a new media container.',
    });
  }
  return new MediaProcessingError('media_processing_failed', message, {
    platform: 'instagram',
    ...item,
    platformError,
  });
}
