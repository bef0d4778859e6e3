import { countHashtags, countMentions } from '@smmkit/core/adapter-kit';
import {
  boolParam,
  fieldNames,
  type GraphParams,
  type GraphRequest,
  graphError,
  invalidParameter,
  listParam,
  unsupportedRequest,
} from '@smmkit/graph-api/mocks';
import type { SimulatedMedia } from '@smmkit/testkit';
import {
  type Container,
  type ContainerMediaType,
  containerStatus,
  type InstagramContext,
} from '../context.js';
import { storeMedia } from '../entities.js';
import * as limits from '../limits.js';
import { CONTENT_PUBLISHING, MEDIA_PUBLISH, requireLoginPermissions } from '../permissions.js';
import {
  PUBLISHING_ERRORS,
  type PublishingError,
  publishingError,
  publishingErrorBySubcode,
} from '../publishing-errors.js';
import { quotaOf } from '../quota.js';
import { thumbOffsetFailure, thumbOffsetOf } from '../thumb-offset.js';

const MEDIA_TYPES: ReadonlySet<string> = new Set(['IMAGE', 'VIDEO', 'REELS', 'STORIES', 'CAROUSEL']);

/** The path of a URL without query or fragment, lower-cased, for extension checks. */
/**
 * The simulator fetches nothing, so it judges a media URL's format by its file extension: only a
 * known extension of another format is refused, and a URL without one (signed CDN links, image
 * services) is taken as the right format, as Instagram would after fetching a right file.
 * https://developers.facebook.com/docs/instagram-platform/content-publishing: images JPEG only;
 * reels MOV/MP4.
 */
const OTHER_IMAGE_EXTENSION = /\.(png|gif|webp|heic|heif|bmp|tiff?|avif|svg)$/;
const OTHER_VIDEO_EXTENSION = /\.(webm|mkv|avi|wmv|flv|m4v|mpe?g|3gp|ogv|gif)$/;

/** The container's media type as asked (default IMAGE); throws Instagram's 2207023 refusal. */
function resolveMediaType(params: GraphParams): ContainerMediaType {
  const raw = params.get('media_type')?.toUpperCase();
  if (raw !== undefined) {
    if (!MEDIA_TYPES.has(raw)) throw invalidParameter(`The media type ${raw} is not supported.`, 2207023);
    return raw as ContainerMediaType;
  }
  if (params.get('video_url') !== undefined) {
    // Since July 2023 every single video is a reel (content-publishing page); VIDEO only in carousels.
    if (boolParam(params, 'is_carousel_item') === true) return 'VIDEO';
    throw invalidParameter('The media type VIDEO is no longer supported. Use REELS.', 2207023);
  }
  return 'IMAGE';
}

function createContainer(context: InstagramContext, input: GraphRequest): Response {
  const { params, accountId, now, path } = input;
  const { sim } = context;
  if (path.igUserId !== accountId) return unsupportedRequest('POST', path.igUserId ?? '');
  requireLoginPermissions(context, input, CONTENT_PUBLISHING);
  const recent = [...context.containers.values()].filter(
    (container) => container.accountId === accountId && container.createdAt > now - limits.DAY_MS,
  );
  // Content-publishing page, Limitations: 400 containers per rolling 24 h; the error wording is ASSUMED.
  if (recent.length >= limits.CONTAINERS_PER_DAY)
    return graphError({ message: '(#4) Application request limit reached', code: 4, isTransient: true });
  const mediaType = resolveMediaType(params);
  const caption = params.get('caption') ?? '';
  // Content-publishing page: "Caption ≤ 2,200 characters" — characters, so an emoji (two UTF-16
  // units) counts once, as the adapter counts it (code points).
  if ([...caption].length > limits.MAX_CAPTION_LENGTH)
    return publishingError(PUBLISHING_ERRORS.captionTooLong);
  // ig-user/media, `caption`: "Maximum 2200 characters, 30 hashtags, and 20 @ tags"
  // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media),
  // counted as the adapter counts them (ASSUMED to be Instagram's tokenization).
  if (countHashtags(caption) > limits.MAX_CAPTION_HASHTAGS)
    return publishingError(PUBLISHING_ERRORS.tooManyHashtags);
  if (countMentions(caption) > limits.MAX_CAPTION_TAGS) return publishingError(PUBLISHING_ERRORS.tooManyTags);
  const collaborators = listParam(params, 'collaborators');
  if (collaborators.length > limits.MAX_COLLABORATORS)
    return invalidParameter(`At most ${limits.MAX_COLLABORATORS} collaborators can be invited.`);
  // A VIDEO container is a carousel item whether or not it says so: single feed videos are reels
  // since November 9, 2023 (https://developers.facebook.com/docs/graph-api/changelog/out-of-cycle-changes/june-28-2022),
  // so publishing one alone is refused (`videoNotStandalone`).
  const isCarouselItem = boolParam(params, 'is_carousel_item') === true || mediaType === 'VIDEO';
  const resumable = params.get('upload_type') === 'resumable';
  const imageUrl = params.get('image_url');
  const videoUrl = params.get('video_url');
  const isVideo =
    mediaType === 'VIDEO' || mediaType === 'REELS' || (mediaType === 'STORIES' && imageUrl === undefined);
  let failure: PublishingError | undefined;
  let readyAt: number | undefined = now;
  let children: string[] = [];

  if (mediaType === 'CAROUSEL') {
    children = listParam(params, 'children');
    const usable = (child: Container | undefined) =>
      child?.accountId === accountId && child.isCarouselItem && containerStatus(child, now) === 'FINISHED';
    const valid =
      children.length >= limits.MIN_CAROUSEL_CHILDREN &&
      children.length <= limits.MAX_CAROUSEL_CHILDREN &&
      children.every((id) => usable(context.containers.get(id)));
    if (!valid) return publishingError(PUBLISHING_ERRORS.carousel);
  } else if (resumable) {
    // "available only for apps that have implemented Facebook Login for Business"
    // (https://developers.facebook.com/documentation/instagram-platform/content-publishing/resumable-uploads;
    // the refusal's wording is ASSUMED).
    if (context.instagramLogin)
      return invalidParameter('upload_type=resumable is only supported with Facebook Login for Business.');
    if (!isVideo) return invalidParameter('upload_type=resumable is only supported for videos.');
    readyAt = undefined;
  } else {
    const url = isVideo ? videoUrl : imageUrl;
    if (url === undefined)
      return invalidParameter(`The parameter ${isVideo ? 'video' : 'image'}_url is required.`);
    // The simulator fetches nothing: `unreachable` in a URL fails the download (2207052).
    const unreachable = url.includes('unreachable');
    const otherFormat = (isVideo ? OTHER_VIDEO_EXTENSION : OTHER_IMAGE_EXTENSION).test(
      (URL.parse(url)?.pathname ?? url).toLowerCase(),
    );
    // Content-publishing page: JPEG only. Images are fetched when the container is created, so a
    // wrong format is refused right away (36001/2207005) rather than as an ERROR container.
    if (!isVideo && otherFormat && !unreachable) return publishingError(PUBLISHING_ERRORS.imageFormat);
    if (unreachable) failure = PUBLISHING_ERRORS.fetchFailed;
    else if (otherFormat) failure = PUBLISHING_ERRORS.videoFormat;
    // A reel's cover frame must fall within its video (1/2207057). Instagram can only tell once
    // it has fetched the video, so the container ends in ERROR with that subcode (the IG
    // Container reference: `status` holds the subcode) rather than being refused at creation:
    // ASSUMED, the error-codes page does not say which request answers it.
    else if (mediaType === 'REELS')
      failure = thumbOffsetFailure(
        thumbOffsetOf(params.get('thumb_offset'), params.get('cover_url')),
        context.videoDurations.get(url),
      );
    readyAt = now + (isVideo ? context.containerProcessingMs : context.imageProcessingMs);
  }
  const scripted = context.containerFailures.shift();
  if (scripted !== undefined) failure = publishingErrorBySubcode(scripted);

  const container: Container = {
    id: sim.nextId(),
    accountId,
    mediaType,
    isCarouselItem,
    imageUrl,
    videoUrl,
    caption,
    altText: params.get('alt_text'),
    children,
    collaborators,
    userTags: params.get('user_tags'),
    shareToFeed: boolParam(params, 'share_to_feed'),
    createdAt: now,
    readyAt,
    failure,
    publishedId: undefined,
    upload: resumable ? { received: 0, fileSize: undefined } : undefined,
  };
  context.containers.set(container.id, container);
  if (resumable)
    return Response.json({
      id: container.id,
      uri: `${context.ruploadUrl}/ig-api-upload/${path.version ?? 'v25.0'}/${container.id}`,
    });
  return Response.json({ id: container.id });
}

function publish(context: InstagramContext, input: GraphRequest): Response {
  const { params, accountId, now, path } = input;
  const { sim } = context;
  if (path.igUserId !== accountId) return unsupportedRequest('POST', path.igUserId ?? '');
  requireLoginPermissions(context, input, MEDIA_PUBLISH);
  const creationId = params.get('creation_id');
  if (creationId === undefined) return invalidParameter('The parameter creation_id is required.');
  const container = context.containers.get(creationId);
  if (container === undefined || container.accountId !== accountId)
    return publishingError(PUBLISHING_ERRORS.unknownContainer);
  const status = containerStatus(container, now);
  if (status === 'PUBLISHED') return invalidParameter('The media has already been published.');
  if (status !== 'FINISHED') {
    const { expired, notReady } = PUBLISHING_ERRORS;
    return publishingError(
      status === 'EXPIRED' ? expired : status === 'ERROR' ? (container.failure ?? notReady) : notReady,
    );
  }
  if (container.isCarouselItem)
    return container.mediaType === 'VIDEO'
      ? publishingError(PUBLISHING_ERRORS.videoNotStandalone)
      : invalidParameter('A carousel item cannot be published on its own; publish the carousel.');
  const quota = quotaOf(context, accountId, now);
  if (quota.used >= quota.total) return publishingError(PUBLISHING_ERRORS.quotaReached);

  const parts =
    container.mediaType === 'CAROUSEL'
      ? container.children.map((id) => context.containers.get(id)).filter((child) => child !== undefined)
      : [container];
  const id = sim.nextId();
  const productType =
    container.mediaType === 'REELS' ? 'REELS' : container.mediaType === 'STORIES' ? 'STORY' : 'FEED';
  const single = container.imageUrl === undefined ? 'VIDEO' : 'IMAGE';
  const mediaType = container.mediaType === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : single;
  storeMedia(context, {
    id,
    accountId,
    text: container.caption,
    mediaType,
    productType,
    media: parts.map((part): SimulatedMedia => {
      const isImage = part.imageUrl !== undefined;
      return {
        id: sim.nextId(),
        accountId: part.accountId,
        kind: isImage ? 'image' : 'video',
        mimeType: isImage ? 'image/jpeg' : 'video/mp4',
        sizeBytes: part.upload?.received ?? 0,
        altText: part.altText,
        state: 'ready',
        readyAt: now,
        failure: undefined,
      };
    }),
    containerId: container.id,
    createdAt: now,
  });
  container.publishedId = id;
  for (const part of parts) if (part !== container) part.publishedId = id;
  tagAccounts(context, { mediaId: id, authorId: accountId, parts, caption: container.caption ?? '', now });
  return Response.json({ id });
}

/**
 * The accounts the published media tags (`user_tags` of the container or of its carousel items,
 * by username), each given a `mention` engagement on the media: what their
 * `GET /{ig-user-id}/tags` lists ("the media objects in which a Business or Creator Account has
 * been tagged", https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login/mentions).
 * A username the simulator does not know, and the author, are left alone.
 */
function tagAccounts(
  context: InstagramContext,
  published: {
    readonly mediaId: string;
    readonly authorId: string;
    readonly parts: readonly { readonly userTags: string | undefined }[];
    readonly caption: string;
    readonly now: number;
  },
): void {
  const { sim } = context;
  const author = sim.accounts.get(published.authorId);
  const usernames = new Set(published.parts.flatMap((part) => taggedUsernames(part.userTags)));
  for (const username of usernames) {
    const tagged = sim.accountByHandle(username);
    if (tagged === undefined || tagged.id === published.authorId) continue;
    sim.engagements.put({
      id: sim.nextId(),
      kind: 'mention',
      accountId: tagged.id,
      postId: published.mediaId,
      authorId: published.authorId,
      authorHandle: author?.handle ?? '',
      text: published.caption,
      createdAt: published.now,
      hidden: false,
    });
  }
}

/** The usernames of a `user_tags` value (`[{"username":"bob","x":0.5,"y":0.5}]`); none when unreadable. */
function taggedUsernames(userTags: string | undefined): string[] {
  if (userTags === undefined) return [];
  try {
    const tags: unknown = JSON.parse(userTags);
    if (!Array.isArray(tags)) return [];
    return tags.flatMap((tag: unknown) =>
      typeof tag === 'object' && tag !== null && typeof (tag as { username?: unknown }).username === 'string'
        ? [(tag as { username: string }).username]
        : [],
    );
  } catch {
    return [];
  }
}

/**
 * The publishing routes (https://developers.facebook.com/docs/instagram-platform/content-publishing;
 * the IG User edges `media`, `media_publish` and `content_publishing_limit`):
 * - `POST /{v}/{ig-user-id}/media` → `{id}` (or `{id, uri}` with `upload_type=resumable`);
 * - `POST /{v}/{ig-user-id}/media_publish?creation_id=` → `{id}`;
 * - `GET /{v}/{ig-user-id}/content_publishing_limit?fields=quota_usage,config`;
 *
 * each for a token with the permissions of `CONTENT_PUBLISHING` (`MEDIA_PUBLISH` to publish).
 *
 * @example
 * ```ts
 * registerContainerRoutes(context);
 * ```
 */
export function registerContainerRoutes(context: InstagramContext): void {
  context.route('POST', '/:version/:igUserId/media', {}, (input) => createContainer(context, input));
  context.route('POST', '/:version/:igUserId/media_publish', {}, (input) => publish(context, input));
  context.route('GET', '/:version/:igUserId/content_publishing_limit', {}, (request) => {
    const { path, accountId, now, params } = request;
    if (path.igUserId !== accountId) return unsupportedRequest('GET', path.igUserId ?? '');
    requireLoginPermissions(context, request, CONTENT_PUBLISHING);
    const quota = quotaOf(context, accountId, now);
    const fields = fieldNames(params.get('fields'));
    const entry: Record<string, unknown> = { quota_usage: quota.used };
    if (fields.includes('config'))
      entry.config = { quota_total: quota.total, quota_duration: limits.QUOTA_DURATION_S };
    return Response.json({ data: [entry] });
  });
}
