import type { Media, PublishContext } from '@smmkit/core';
import type { HttpClient, MediaPolling } from '@smmkit/core/adapter-kit';
import { type FacebookSchedule, scheduleParams } from './publish-schedule.js';
import { type FacebookVideoOutcome, waitForFacebookVideo } from './publish-video-status.js';
import { createFacebookVideoFromUrl, uploadFacebookVideo } from './video-upload.js';

/** A published (or scheduled) video and what the processing wait found. */
export interface PublishedFacebookVideo extends FacebookVideoOutcome {
  /** The video's id (its post's ref until the Video node names its Page post: see `postId`). */
  readonly videoId: string;
}

/**
 * Publishes a video to the Page (https://developers.facebook.com/docs/graph-api/video-uploads):
 * from a public URL with `file_url`, else its bytes with the resumable upload on the video host
 * (start → transfer → finish); with `description` (the post's text) and, scheduled,
 * `published=false` + `scheduled_publish_time` (https://developers.facebook.com/docs/graph-api/reference/page/videos/).
 * Then waits while Facebook processes it (see `waitForFacebookVideo`): a feed video is live once
 * processed; a scheduled one only needs to be processed.
 *
 * @param http - the adapter's HTTP client
 * @param videoBaseUrl - the video host (`https://graph-video.facebook.com/v26.0`)
 * @param polling - how often and how long to wait for processing
 * @param media - the video
 * @param message - the post's text, if any
 * @param schedule - when the post goes live, or `undefined` for now
 * @param context - the Page, its token, signal, clock and progress listener
 * @returns the video's id, whether processing was still pending (and why), its permalink and Page post id
 * @throws MediaProcessingError when Facebook could not process the video
 *
 * @example
 * ```ts
 * const { videoId } = await publishFacebookVideo(http, videoBase, { intervalMs: 10_000, timeoutMs: 600_000 }, video, 'Hi', undefined, ctx);
 * ```
 */
export async function publishFacebookVideo(
  http: HttpClient,
  videoBaseUrl: string,
  polling: MediaPolling,
  media: Media,
  message: string | undefined,
  schedule: FacebookSchedule | undefined,
  context: PublishContext,
): Promise<PublishedFacebookVideo> {
  const params = { description: message, ...scheduleParams(schedule) };
  const videoId =
    media.source.type === 'url'
      ? await createFacebookVideoFromUrl(http, videoBaseUrl, media.source.url, params, context)
      : await uploadFacebookVideo(http, videoBaseUrl, media, params, context);
  const outcome = await waitForFacebookVideo(http, { ...polling, videoId, untilPublished: false }, context);
  return { videoId, ...outcome };
}
