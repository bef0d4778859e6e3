import type { Media, PublishContext } from '@smmkit/core';
import type { HttpClient, MediaPolling } from '@smmkit/core/adapter-kit';
import { assertGraphSuccess, GraphSuccessSchema, uploadToRupload } from '@smmkit/graph-api';
import type { FacebookSchedule } from './publish-schedule.js';
import { ReelStartSchema } from './publish-schemas.js';
import type { PublishedFacebookVideo } from './publish-video.js';
import { waitForFacebookVideo } from './publish-video-status.js';

/** Where reels are uploaded and how long to wait for them. */
export interface FacebookReelTarget {
  /** The Graph version, for the upload URL when Facebook gives none (`v26.0`). */
  readonly graphVersion: string;
  /** The adapter's configured Graph origin: an upload URL on it gets the token too (simulators, proxies). */
  readonly origin: string;
  /** The resumable-upload host's origin (`https://rupload.facebook.com`, or the `ruploadUrl` setting). */
  readonly ruploadOrigin: string;
  /** How often and how long to wait for processing and publishing. */
  readonly polling: MediaPolling;
}

/**
 * Publishes a reel on the Page with the Reels Publishing API
 * (https://developers.facebook.com/docs/video-api/guides/reels-publishing):
 *
 * 1. `POST /{page-id}/video_reels` with `upload_phase=start` → `{video_id, upload_url}`;
 * 2. upload to `upload_url` (else `https://rupload.facebook.com/video-upload/{version}/{video-id}`)
 *    with `Authorization: OAuth <Page token>`: a public URL as the `file_url` header, or the
 *    bytes as the body with `offset: 0` and `file_size` headers → `{success: true}`
 *    (`uploadToRupload` of `@smmkit/graph-api`);
 * 3. `POST /{page-id}/video_reels` with `upload_phase=finish`, `video_id`, `description` and
 *    `video_state=PUBLISHED`, or `SCHEDULED` with `scheduled_publish_time` → `{success: true}`:
 *    the call that publishes, marked `createsResource`;
 * 4. the status, until processed and — published now — the publishing phase is complete
 *    (`waitForFacebookVideo`).
 *
 * Facebook allows 30 API-published reels per Page in a rolling 24 hours, enforced on step 3; its
 * refusal surfaces as Graph's error.
 *
 * @param http - the adapter's HTTP client
 * @param target - the Graph version, the origins uploads may go to (Graph's, rupload's) and the polling
 * @param media - the reel's video
 * @param message - the reel's description, if any
 * @param schedule - when it goes live, or `undefined` for now
 * @param context - the Page, its token, signal, clock and progress listener
 * @returns the reel's video id, whether processing was pending (and why), its permalink and Page post id
 * @throws MediaProcessingError when Facebook could not process the reel
 *
 * @example
 * ```ts
 * const { videoId } = await publishFacebookReel(http, { graphVersion: 'v26.0', origin: 'https://graph.facebook.com', ruploadOrigin: 'https://rupload.facebook.com', polling }, video, 'New!', undefined, ctx);
 * ```
 */
export async function publishFacebookReel(
  http: HttpClient,
  target: FacebookReelTarget,
  media: Media,
  message: string | undefined,
  schedule: FacebookSchedule | undefined,
  context: PublishContext,
): Promise<PublishedFacebookVideo> {
  const path = `/${encodeURIComponent(context.account.accountId)}/video_reels`;
  const started = await http.request({
    method: 'POST',
    path,
    operation: 'start reel upload',
    json: { upload_phase: 'start' },
    schema: ReelStartSchema,
    context,
  });
  const videoId = started.data.video_id;
  const uploadUrl =
    started.data.upload_url ??
    `${target.ruploadOrigin}/video-upload/${target.graphVersion}/${encodeURIComponent(videoId)}`;
  await uploadToRupload(
    http,
    {
      url: uploadUrl,
      operation: 'upload reel',
      media,
      mediaIndex: 0,
      trustedOrigins: [target.origin, target.ruploadOrigin],
    },
    context,
  );

  context.onProgress?.({ stage: 'publish' });
  const finished = await http.request({
    method: 'POST',
    path,
    operation: 'publish reel',
    json: {
      upload_phase: 'finish',
      video_id: videoId,
      description: message,
      ...(schedule === undefined
        ? { video_state: 'PUBLISHED' }
        : { video_state: 'SCHEDULED', scheduled_publish_time: schedule.unixSeconds }),
    },
    schema: GraphSuccessSchema,
    createsResource: true,
    context,
  });
  assertGraphSuccess(finished.data, 'facebook', `publish reel ${videoId}`);
  const outcome = await waitForFacebookVideo(
    http,
    { ...target.polling, videoId, untilPublished: schedule === undefined },
    context,
  );
  return { videoId, ...outcome };
}
