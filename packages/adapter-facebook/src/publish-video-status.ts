import { MediaProcessingError, type PublishContext } from '@smmkit/core';
import { type HttpClient, type MediaPolling, waitAfterCreate } from '@smmkit/core/adapter-kit';
import { type VideoStatus, VideoStatusSchema } from './publish-schemas.js';
import { videoPagePostId } from './video-post-id.js';

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
  /**
   * Why Facebook was not done when the wait stopped (still processing at the timeout, the publish
   * aborted, or a status it would not give); `undefined` when it was done.
   */
  readonly pending: 'timeout' | 'aborted' | 'unreadable' | undefined;
  /** Why the last status read failed, when it did. */
  readonly detail?: string | undefined;
  /** The video's `permalink_url` as Facebook gave it (often a path, `/reel/123/`), when it did. */
  readonly permalink: string | undefined;
  /**
   * The video's Page post id (`post_id`, made `{page-id}_{post-id}` by `videoPagePostId`) as the last status read gave it:
   * there once the video is live with a Page post; `undefined` before (processing, scheduled, a
   * draft) and for a reel without one.
   */
  readonly postId: string | undefined;
}

/**
 * Waits while Facebook processes a video or reel that was just finished: reads
 * `GET /{video-id}?fields=status,permalink_url,post_id` at once and then every `intervalMs` on the
 * context's clock, with kit's `waitAfterCreate` (progress `processing` with Facebook's
 * `processing_progress` percentage) — the status check the Reels Publishing API describes after
 * publishing (https://developers.facebook.com/docs/video-api/guides/reels-publishing) and the
 * Video node's `status` (https://developers.facebook.com/docs/graph-api/reference/video/).
 *
 * - `video_status: error` (or `expired`), or a phase in `error` → `MediaProcessingError('media_processing_failed')`
 *   with Facebook's message: the video will not go live;
 * - processed (and published, when `untilPublished`) → done;
 * - still processing after `timeoutMs`, an abort, or a status Facebook would not give (a read
 *   failing with a retryable error is tried again at the next interval) → `pending`, not an error:
 *   the finish call was accepted, so Facebook publishes the video when it is done, and a retry
 *   would post it twice.
 *
 * @param http - the adapter's HTTP client
 * @param wait - the video, what to wait for, the interval and the timeout
 * @param context - the publish context (token, clock, signal, progress)
 * @returns whether it is still pending and why, its permalink and its Page post id
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
  const outcome = await waitAfterCreate(context, {
    platform: 'facebook',
    platformName: 'Facebook',
    subject: `video ${wait.videoId}`,
    intervalMs: wait.intervalMs,
    timeoutMs: wait.timeoutMs,
    percent: (last) => last.status?.processing_progress,
    read: async () => {
      const { data } = await http.request({
        method: 'GET',
        path: `/${encodeURIComponent(wait.videoId)}`,
        operation: 'check video status',
        searchParams: { fields: 'status,permalink_url,post_id' },
        schema: VideoStatusSchema,
        context,
      });
      return data;
    },
    isDone: (data) => isDone(data, wait),
  });
  const permalink = outcome.last?.permalink_url;
  const given = outcome.last?.post_id;
  const postId = given === undefined ? undefined : videoPagePostId(given, context.account.accountId);
  if (outcome.state === 'done') return { pending: undefined, permalink, postId };
  return { pending: outcome.reason, detail: outcome.detail, permalink, postId };
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
