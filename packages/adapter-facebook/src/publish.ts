import type { CheckedPost, PostRef, PublishContext, PublishResult, PublishWarning } from '@smmkit/core';
import {
  type HttpClient,
  publishFollowUps,
  systemClock,
  unfinishedWaitReason,
} from '@smmkit/core/adapter-kit';
import { createFacebookFirstComment } from './first-comment.js';
import type { FacebookPostOptions } from './post-options.js';
import { facebookPostRef } from './post-ref.js';
import { publishFacebookFeedPost } from './publish-feed.js';
import { publishFacebookPhoto } from './publish-photos.js';
import { publishFacebookReel } from './publish-reel.js';
import { facebookSchedule } from './publish-schedule.js';
import { publishFacebookVideo } from './publish-video.js';
import type { ResolvedFacebookSettings } from './settings.js';
import { facebookVideoRef } from './video-ref.js';
import { facebookVideoBaseUrl } from './video-upload.js';

/** What a publish needs beyond the post and the context. */
export interface FacebookPublishOptions {
  /** The video host's base URL, with the version (`https://graph-video.facebook.com/v26.0`). */
  readonly videoBaseUrl: string;
  /** The Graph version (`v26.0`), for the reel upload URL when Facebook gives none. */
  readonly graphVersion: string;
  /** The adapter's configured Graph origin, trusted with the token for reel upload URLs on it. */
  readonly origin: string;
  /** The resumable-upload host's origin, for reel upload URLs (`https://rupload.facebook.com`). */
  readonly ruploadOrigin: string;
  /** Milliseconds between two video status checks. */
  readonly pollIntervalMs: number;
  /** Milliseconds to wait for a video or reel to be processed. */
  readonly pollTimeoutMs: number;
}

/**
 * The publish options for resolved settings: the video host next to the Graph base URL (see
 * `facebookVideoBaseUrl`), the version, and the video polling of the settings
 * (`videoPollIntervalMs`, `videoPollTimeoutMs`).
 *
 * @param settings - the resolved adapter settings
 * @returns the options `publishToFacebook` takes
 *
 * @example
 * ```ts
 * facebookPublishOptions(resolveFacebookSettings({})).videoBaseUrl; // 'https://graph-video.facebook.com/v26.0'
 * ```
 */
export function facebookPublishOptions(settings: ResolvedFacebookSettings): FacebookPublishOptions {
  return {
    videoBaseUrl: facebookVideoBaseUrl(settings.baseUrl),
    graphVersion: settings.graphVersion,
    origin: settings.origin,
    ruploadOrigin: settings.ruploadOrigin,
    pollIntervalMs: settings.videoPollIntervalMs,
    pollTimeoutMs: settings.videoPollTimeoutMs,
  };
}

/** The post's message, or nothing when the text is blank. */
const messageOf = (text: string | undefined): string | undefined =>
  text === undefined || text.trim() === '' ? undefined : text;

/**
 * Publishes a checked post to the Page `context.account.accountId` with the Page token:
 *
 * - `scheduledFor` in the context is checked first (10 minutes to 30 days ahead, no first
 *   comment; `facebookSchedule`), so a refused schedule sends nothing;
 * - a reel (`options.facebook.format: 'reel'`): `publishFacebookReel` (start → upload → finish → status);
 * - a video: `publishFacebookVideo` (`file_url`, or resumable upload on the video host; then status);
 * - one photo: `publishFacebookPhoto` (`POST /{page-id}/photos` with `url` or multipart `source`);
 * - text, a link or several photos: `publishFacebookFeedPost` (unpublished photos, then `POST /{page-id}/feed`);
 * - every creating call scheduled with `published=false` + `scheduled_publish_time`
 *   (https://developers.facebook.com/docs/pages-api/posts), and the result says `scheduledFor`;
 * - then the first comment through core's `publishFollowUps` (`POST /{post-id}/comments`): a
 *   failure is a `first_comment_failed` (or `first_comment_unknown`) warning, never a failed publish.
 *
 * A video still processing when the wait runs out, or when the publish is aborted, or whose status
 * Facebook would not give, is published all the same (Facebook finishes it; sending it again would
 * post it twice): the result carries a `video_processing_pending` warning saying which, and its
 * first comment is not posted (`first_comment_failed`), since comments go on live posts.
 *
 * @param http - the adapter's HTTP client
 * @param options - the video host, version and polling
 * @param checked - the checked post and its `options.facebook`
 * @param context - the Page, its token, signal, clock, progress listener and `scheduledFor`
 * @returns the post's reference and URL, when it goes live, the first comment's id and warnings
 * @throws ValidationError when `scheduledFor` is outside Facebook's window, before any request
 *
 * @example
 * ```ts
 * const result = await publishToFacebook(http, options, { platform: 'facebook', post: { text: 'Hello' }, options: {} }, ctx);
 * ```
 */
export async function publishToFacebook(
  http: HttpClient,
  options: FacebookPublishOptions,
  { post, options: facebook }: CheckedPost<FacebookPostOptions>,
  context: PublishContext,
): Promise<PublishResult> {
  const schedule = facebookSchedule(post, context);
  const clock = context.clock ?? systemClock;
  const pageId = context.account.accountId;
  const message = messageOf(post.text);
  const media = post.media ?? [];
  const first = media[0];
  const polling = { intervalMs: options.pollIntervalMs, timeoutMs: options.pollTimeoutMs };
  const warnings: PublishWarning[] = [];

  let ref: PostRef;
  let pending = false;
  if (first !== undefined && (facebook.format === 'reel' || first.kind === 'video')) {
    const reel = facebook.format === 'reel';
    const video = reel
      ? await publishFacebookReel(
          http,
          {
            graphVersion: options.graphVersion,
            origin: options.origin,
            ruploadOrigin: options.ruploadOrigin,
            polling,
          },
          first,
          message,
          schedule,
          context,
        )
      : await publishFacebookVideo(http, options.videoBaseUrl, polling, first, message, schedule, context);
    ref = facebookVideoRef(video, pageId, reel);
    pending = video.pending !== undefined;
    if (video.pending !== undefined) {
      const why = unfinishedWaitReason(
        { reason: video.pending, detail: video.detail },
        {
          platformName: 'Facebook',
          subject: `${reel ? 'reel' : 'video'} ${video.videoId}`,
          timeoutMs: options.pollTimeoutMs,
        },
      );
      warnings.push({
        code: 'video_processing_pending',
        message: `${why}; it goes live when processing ends, so do not send it again.`,
      });
    }
  } else if (first !== undefined && media.length === 1) {
    ref = facebookPostRef(await publishFacebookPhoto(http, first, message, schedule, context), pageId);
  } else {
    const postId = await publishFacebookFeedPost(
      http,
      { message, link: post.link, photos: media },
      schedule,
      context,
    );
    ref = facebookPostRef(postId, pageId);
  }

  let firstCommentId: string | undefined;
  if (post.firstComment !== undefined && pending) {
    warnings.push({
      code: 'first_comment_failed',
      message:
        'The first comment was not published: the video was still processing, and comments go on live posts.',
    });
  } else if (post.firstComment !== undefined) {
    const followUps = await publishFollowUps({
      firstId: ref.platformPostId,
      firstComment: post.firstComment,
      createThreadPart: () => Promise.reject(new TypeError('Facebook has no threads')),
      createFirstComment: (text, postId) => createFacebookFirstComment(http, postId, text, context),
    });
    warnings.push(...followUps.warnings);
    firstCommentId = followUps.firstCommentId;
  }

  return {
    ref,
    ...(ref.url === undefined ? {} : { url: ref.url }),
    ...(schedule !== undefined
      ? { scheduledFor: schedule.at }
      : pending
        ? {}
        : { publishedAt: new Date(clock.now()) }),
    ...(firstCommentId === undefined ? {} : { firstCommentId }),
    warnings,
  };
}
