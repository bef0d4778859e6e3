import { MediaProcessingError, type PublishContext } from '@smmkit/core';
import { type HttpClient, type MediaPolling, waitForMediaProcessing } from '@smmkit/core/adapter-kit';
import { type VideoStatus, VideoStatusSchema } from './publish-schemas.js';

/** Which video to wait for, and until what. */
export interface FacebookVideoWait extends MediaPolling {
  /** The video's id. */
  readonly videoId: string;
  /**
   * Wait for the publishing phase too (`publishing_phase.status: complete`): a reel published now
   * is live only then. A feed video published now is live once processed, and a scheduled video
   * or reel goes live later, so for those processing is enough.
   */
  readonly untilPublished: boolean;
}

/** What the wait found. */
export interface FacebookVideoOutcome {
  /** `true` when Facebook was still processing the video when the wait ran out. */
  readonly pending: boolean;
  /** The video's `permalink_url` as Facebook gave it (often a path, `/reel/123/`), when it did. */
  readonly permalink: string | undefined;
}

/**
 * Waits while Facebook processes a video or reel that was just finished: reads
 * `GET /{video-id}?fields=status,permalink_url` at once and then every `intervalMs` on the
 * context's clock, with kit's `waitForMediaProcessing` (progress `processing` with Facebook's
 * `processing_progress` percentage) — the status check the Reels Publishing API describes after
 * publishing (https://developers.facebook.com/docs/video-api/guides/reels-publishing) and the
 * Video node's `status` (https://developers.facebook.com/docs/graph-api/reference/video/).
 *
 * - `video_status: error` (or `expired`), or a phase in `error` → `MediaProcessingError('media_processing_failed')`
 *   with Facebook's message: the video will not go live;
 * - processed (and published, when `untilPublished`) → done;
 * - still processing after `timeoutMs` → `{pending: true}`, not an error: the finish call was
 *   accepted, so Facebook publishes the video when it is done, and a retry would post it twice.
 *
 * @param http - the adapter's HTTP client
 * @param wait - the video, what to wait for, the interval and the timeout
 * @param context - the publish context (token, clock, signal, progress)
 * @returns whether it is still pending, and its permalink
 * @throws MediaProcessingError when Facebook could not process the video
 *
 * @example
 * ```ts
 * const outcome = await waitForFacebookVideo(http, { videoId, untilPublished: true, intervalMs: 10_000, timeoutMs: 600_000 }, ctx);
 * ```
 */
export async function waitForFacebookVideo(
  http: HttpClient,
  wait: FacebookVideoWait,
  context: PublishContext,
): Promise<FacebookVideoOutcome> {
  let last: VideoStatus | undefined;
  try {
    await waitForMediaProcessing(context, {
      platform: 'facebook',
      platformName: 'Facebook',
      mediaIndex: 0,
      media: `video ${wait.videoId}`,
      intervalMs: wait.intervalMs,
      timeoutMs: wait.timeoutMs,
      percent: () => last?.status?.processing_progress,
      check: async () => {
        const { data } = await http.request({
          method: 'GET',
          path: `/${encodeURIComponent(wait.videoId)}`,
          operation: 'check video status',
          searchParams: { fields: 'status,permalink_url' },
          schema: VideoStatusSchema,
          context,
        });
        last = data;
        return isDone(data, wait);
      },
    });
  } catch (error) {
    if (MediaProcessingError.isInstance(error) && error.code === 'media_processing_timeout')
      return { pending: true, permalink: last?.permalink_url };
    throw error;
  }
  return { pending: false, permalink: last?.permalink_url };
}

/** One status read: done, not yet, or a failure thrown. */
function isDone(data: VideoStatus, wait: FacebookVideoWait): boolean {
  const status = data.status;
  const video = status?.video_status?.toLowerCase();
  const phases = [status?.uploading_phase, status?.processing_phase, status?.publishing_phase];
  if (video === 'error' || video === 'expired' || phases.some((phase) => phase?.status === 'error')) {
    const detail =
      status?.processing_phase?.error?.message ??
      status?.uploading_phase?.error?.message ??
      (video === 'expired' ? 'the video expired' : undefined);
    throw new MediaProcessingError(
      'media_processing_failed',
      `Facebook could not process video ${wait.videoId}${detail === undefined ? '' : `: ${detail}`}`,
      {
        platform: 'facebook',
        mediaIndex: 0,
        platformError: { code: video ?? 'error', ...(detail === undefined ? {} : { message: detail }) },
      },
    );
  }
  const processed = status?.processing_phase?.status === 'complete' || video === 'ready';
  if (!processed || !wait.untilPublished) return processed;
  const publishing = status?.publishing_phase;
  return (
    publishing === undefined || publishing.status === 'complete' || publishing.publish_status === 'published'
  );
}
