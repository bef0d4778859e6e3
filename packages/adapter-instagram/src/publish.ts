import {
  type CheckedPost,
  type Media,
  type PublishContext,
  type PublishResult,
  type PublishWarning,
  type RateLimitInfo,
  ValidationError,
} from '@smmkit/core';
import {
  type HttpClient,
  isHttpUrl,
  publishFollowUps,
  publishWarningFromError,
  systemClock,
  textWithLink,
} from '@smmkit/core/adapter-kit';
import { parseGraphTime } from '@smmkit/graph-api';
import { waitForInstagramContainer } from './container-status.js';
import { type ContainerParams, createInstagramContainer } from './containers.js';
import type { InstagramPostOptions } from './post-options.js';
import { instagramPostRef } from './post-ref.js';
import { instagramPublishKind } from './publish-format.js';
import { checkInstagramPublishingQuota } from './quota.js';
import { IdResponseSchema, MediaDetailsSchema } from './schemas.js';

/** What a publish needs beyond the post and the context. */
export interface InstagramPublishOptions {
  /** The Graph API version, for resumable upload URLs. */
  readonly graphVersion: string;
  /** The adapter's configured Graph origin, trusted with the token for upload URLs on it. */
  readonly origin: string;
  /** The resumable-upload host's origin, for upload URLs (`https://rupload.facebook.com`). */
  readonly ruploadOrigin: string;
  /** Milliseconds between container status checks. */
  readonly pollIntervalMs: number;
  /** Milliseconds to wait for each container. */
  readonly pollTimeoutMs: number;
}

/**
 * Publishes a post on Instagram (https://developers.facebook.com/docs/instagram-platform/content-publishing):
 *
 * 1. reads the live publishing quota (`content_publishing_limit`) and stops with
 *    `RateLimitError('quota_exceeded')` when it is used up (quota.ts);
 * 2. creates the container(s) — `POST /{ig-user-id}/media`:
 *    - image: `image_url`, `caption`, `alt_text`, `user_tags`, `location_id`, `collaborators`;
 *    - reel (format `reel`, or one video in the feed): `media_type=REELS`, `video_url`, `caption`,
 *      `share_to_feed`, `cover_url`, `thumb_offset`, `collaborators`, `user_tags`, `location_id`;
 *    - story: `media_type=STORIES` + `image_url` or `video_url`, `user_tags`;
 *    - carousel: each child with `is_carousel_item=true` and no caption (videos `media_type=VIDEO`),
 *      all created first and then each waited for (Instagram processes them side by side), then
 *      the parent `media_type=CAROUSEL`, `children=<comma ids>`, `caption`;
 *    videos from bytes are uploaded with `upload_type=resumable` (containers.ts);
 * 3. waits for `status_code=FINISHED` (container-status.ts);
 * 4. publishes: `POST /{ig-user-id}/media_publish?creation_id=…` → `{id}` — the one request that
 *    makes something visible, so a lost answer is an `AmbiguousOutcomeError`; a quota refusal
 *    here (another app took the last slot) gets a reset estimate (classify-error.ts);
 * 5. reads `GET /{ig-media-id}?fields=permalink,shortcode,timestamp` for the URL and time (a
 *    failure here is a `permalink_unavailable` warning: the post exists);
 * 6. posts the first comment, `POST /{ig-media-id}/comments {message}`, through core's
 *    `publishFollowUps` (a failure is a warning, never a failed publish).
 *
 * @param http - the adapter's HTTP client
 * @param options - version and polling settings
 * @param checked - a post that passed the adapter's checks, with its `options.instagram` parsed
 * @param context - tokens, signal, clock and progress listener
 * @returns where the post is, the first comment's id, warnings and rate-limit state
 *
 * @example
 * ```ts
 * const result = await publishToInstagram(http, { graphVersion: 'v26.0', origin: 'https://graph.facebook.com', ruploadOrigin: 'https://rupload.facebook.com', pollIntervalMs: 60_000, pollTimeoutMs: 300_000 }, checked, ctx);
 * ```
 */
export async function publishToInstagram(
  http: HttpClient,
  options: InstagramPublishOptions,
  { post, options: igOptions }: CheckedPost<InstagramPostOptions>,
  context: PublishContext,
): Promise<PublishResult> {
  const media = post.media ?? [];
  // validate.ts refuses a post without media; this keeps that true before any request is made.
  const first = media[0];
  if (first === undefined) {
    throw new ValidationError(
      [{ path: ['media'], rule: 'media.required', message: 'Instagram needs at least one image or video' }],
      'post for instagram',
      { platform: 'instagram' },
    );
  }
  const kind = instagramPublishKind(igOptions.format ?? 'feed', media);
  const clock = context.clock ?? systemClock;
  const { accountId } = context.account;
  const target = {
    graphVersion: options.graphVersion,
    origin: options.origin,
    ruploadOrigin: options.ruploadOrigin,
  };
  const wait = (containerId: string, mediaIndex: number | undefined) =>
    waitForInstagramContainer(
      http,
      { containerId, mediaIndex, intervalMs: options.pollIntervalMs, timeoutMs: options.pollTimeoutMs },
      context,
    );

  await checkInstagramPublishingQuota(http, context);

  // A link has no field of its own on Instagram: it is shown (not clickable) at the caption's end.
  const shown = textWithLink(post.text, post.link);
  const caption = shown.trim() === '' ? undefined : shown;
  let containerId: string;
  if (kind === 'carousel') {
    // Every child is created (and uploaded) first, then each is waited for: Instagram processes
    // them side by side, so a carousel of videos takes as long as its slowest video, not the sum.
    const children: string[] = [];
    for (const [index, item] of media.entries()) {
      context.onProgress?.({ stage: 'upload', mediaIndex: index });
      children.push(
        await createInstagramContainer(http, target, childParams(item, igOptions), item, index, context),
      );
    }
    for (const [index, childId] of children.entries()) await wait(childId, index);
    containerId = await createInstagramContainer(
      http,
      target,
      {
        media_type: 'CAROUSEL',
        children: children.join(','),
        caption,
        location_id: igOptions.location_id,
        collaborators: igOptions.collaborators,
      },
      undefined,
      undefined,
      context,
    );
    await wait(containerId, undefined);
  } else {
    const item = first;
    context.onProgress?.({ stage: 'upload', mediaIndex: 0 });
    containerId = await createInstagramContainer(
      http,
      target,
      singleParams(kind, item, caption, igOptions),
      item,
      0,
      context,
    );
    await wait(containerId, 0);
  }

  context.onProgress?.({ stage: 'publish' });
  const published = await http.request({
    method: 'POST',
    path: `/${encodeURIComponent(accountId)}/media_publish`,
    operation: 'publish media container',
    searchParams: { creation_id: containerId },
    schema: IdResponseSchema,
    context,
    createsResource: true,
  });
  const mediaId = published.data.id;
  let rateLimit: RateLimitInfo | undefined = published.rateLimit;
  const warnings: PublishWarning[] = [];

  let url: string | undefined;
  let publishedAt = new Date(clock.now());
  try {
    const details = await http.request({
      method: 'GET',
      path: `/${encodeURIComponent(mediaId)}`,
      operation: 'read permalink',
      searchParams: { fields: 'permalink,shortcode,timestamp' },
      schema: MediaDetailsSchema,
      context,
    });
    rateLimit = details.rateLimit ?? rateLimit;
    url = isHttpUrl(details.data.permalink)
      ? details.data.permalink
      : details.data.shortcode === undefined
        ? undefined
        : `https://www.instagram.com/${kind === 'reel' ? 'reel' : 'p'}/${encodeURIComponent(details.data.shortcode)}/`;
    publishedAt = parseGraphTime(details.data.timestamp) ?? publishedAt;
  } catch (error) {
    warnings.push(
      publishWarningFromError(
        'permalink_unavailable',
        'The post is published but its permalink could not be read: ',
        error,
      ),
    );
  }

  const followUps = await publishFollowUps({
    firstId: mediaId,
    firstComment: post.firstComment,
    createThreadPart: () => Promise.reject(new TypeError('Instagram has no threads')),
    createFirstComment: async (message, firstId) =>
      (
        await http.request({
          method: 'POST',
          path: `/${encodeURIComponent(firstId)}/comments`,
          operation: 'create first comment',
          json: { message },
          schema: IdResponseSchema,
          context,
          createsResource: true,
        })
      ).data.id,
  });
  warnings.push(...followUps.warnings);
  const { firstCommentId } = followUps;

  return {
    ref: instagramPostRef(mediaId, accountId, url),
    ...(url === undefined ? {} : { url }),
    publishedAt,
    ...(firstCommentId === undefined ? {} : { firstCommentId }),
    warnings,
    ...(rateLimit === undefined ? {} : { rateLimit }),
  };
}

/** Parameters of an image, reel or story container (https://developers.facebook.com/docs/instagram-platform/content-publishing). */
function singleParams(
  kind: 'image' | 'reel' | 'story',
  item: Media,
  caption: string | undefined,
  options: InstagramPostOptions,
): ContainerParams {
  // Stories take `user_tags` since July 9, 2025, with or without x/y ("You can mention users in a
  // story and optionally specify x, y coordinates";
  // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media).
  if (kind === 'story') return { media_type: 'STORIES', user_tags: options.user_tags };
  const shared = {
    caption,
    location_id: options.location_id,
    collaborators: options.collaborators,
    user_tags: options.user_tags,
  };
  if (kind === 'reel') {
    return {
      ...shared,
      media_type: 'REELS',
      share_to_feed: options.share_to_feed,
      cover_url: options.cover_url,
      thumb_offset: options.thumb_offset,
    };
  }
  return { ...shared, alt_text: item.altText };
}

/** Parameters of a carousel child: `is_carousel_item=true`, no caption (https://developers.facebook.com/docs/instagram-platform/content-publishing). */
function childParams(item: Media, options: InstagramPostOptions): ContainerParams {
  return item.kind === 'video'
    ? { is_carousel_item: true, media_type: 'VIDEO' }
    : { is_carousel_item: true, alt_text: item.altText, user_tags: options.user_tags };
}
