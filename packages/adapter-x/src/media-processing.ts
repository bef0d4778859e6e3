import { MediaProcessingError, type PublishContext } from '@smmkit/core';
import { type HttpClient, waitForMediaProcessing } from '@smmkit/core/adapter-kit';
import { UploadStatusResponseSchema, type XProcessingInfo } from './schemas.js';

/** Wait before the next check when X gives no `check_after_secs`. */
const DEFAULT_CHECK_AFTER_SECS = 1;

/** Which media item is being processed and how long to wait for it. */
export interface ProcessingWait {
  /** X's media id. */
  readonly mediaId: string;
  /** Index of the item in the post's (or thread part's) media, for progress and errors. */
  readonly mediaIndex: number;
  /** Milliseconds to wait before giving up. */
  readonly timeoutMs: number;
}

/**
 * Waits until X has processed uploaded media
 * (https://docs.x.com/x-api/media/quickstart/media-upload-chunked): starting from the finalize answer's
 * `processing_info`, it sleeps `check_after_secs` on the context's clock, then asks
 * `GET /2/media/upload?command=STATUS&media_id=…`, until the state is `succeeded` (or `processing_info` is
 * gone, which means ready) or `failed`.
 *
 * - `failed` → `MediaProcessingError('media_processing_failed')` with X's `error.message`;
 * - still processing after `timeoutMs` → `MediaProcessingError('media_processing_timeout')`;
 * - an abort while waiting → `AbortedError` (nothing was posted yet).
 *
 * Progress goes to `onProgress` as `stage: 'processing'` with X's `progress_percent`.
 *
 * @param http - the adapter's HTTP client
 * @param info - `processing_info` from the finalize answer, `undefined` when there was none
 * @param wait - the media id, its index and the timeout
 * @param context - the publish context (tokens, signal, clock, progress)
 *
 * @example
 * ```ts
 * await waitForXMediaProcessing(http, finalized.processing_info, { mediaId, mediaIndex: 0, timeoutMs: 300_000 }, ctx);
 * ```
 */
export async function waitForXMediaProcessing(
  http: HttpClient,
  info: XProcessingInfo | undefined,
  wait: ProcessingWait,
  context: PublishContext,
): Promise<void> {
  let current = info;
  await waitForMediaProcessing(context, {
    platform: 'x',
    platformName: 'X',
    mediaIndex: wait.mediaIndex,
    media: `media id ${wait.mediaId}`,
    timeoutMs: wait.timeoutMs,
    intervalMs: () => Math.max((current?.check_after_secs ?? DEFAULT_CHECK_AFTER_SECS) * 1000, 0),
    check: async (attempt) => {
      // The finalize answer is the first state; later ones come from STATUS.
      if (attempt > 0) {
        const { data } = await http.request({
          method: 'GET',
          path: '/2/media/upload',
          operation: 'check media processing',
          searchParams: { command: 'STATUS', media_id: wait.mediaId },
          schema: UploadStatusResponseSchema,
          context,
        });
        current = data.data.processing_info;
      }
      if (current === undefined || current.state === 'succeeded') return true;
      if (current.state === 'failed') throw processingFailed(current, wait);
      return false;
    },
    percent: () => current?.progress_percent,
  });
}

function processingFailed(info: XProcessingInfo, wait: ProcessingWait): MediaProcessingError {
  const reason = info.error?.message ?? info.error?.name ?? 'processing failed';
  const code = info.error?.code ?? info.error?.name;
  return new MediaProcessingError(
    'media_processing_failed',
    `X could not process media ${wait.mediaIndex} (media id ${wait.mediaId}): ${reason}`,
    {
      platform: 'x',
      mediaIndex: wait.mediaIndex,
      platformError: {
        message: reason,
        ...(code === undefined ? {} : { code }),
        ...(info.error?.name === undefined ? {} : { type: info.error.name }),
      },
    },
  );
}
