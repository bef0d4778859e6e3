import { type Post, type PublishContext, TransientError } from '@smmkit/core';
import { type HttpClient, mediaSize, readMediaBlob, textWithLink } from '@smmkit/core/adapter-kit';
import { type TikTokChunkPlan, tiktokChunkPlan } from './chunk-plan.js';
import type { TikTokPostOptions } from './post-options.js';
import { InitSchema } from './schemas.js';

/** A started publish. */
export interface StartedPublish {
  /** TikTok's `publish_id`. */
  readonly publishId: string;
  /** Where to PUT the bytes, and how they are cut, for a `FILE_UPLOAD`. */
  readonly upload?: { readonly url: string; readonly plan: TikTokChunkPlan } | undefined;
}

const JSON_UTF8 = { 'Content-Type': 'application/json; charset=UTF-8' };

/**
 * Starts a video post: `POST /v2/post/publish/video/init/` for a direct post (caption, privacy,
 * interactions, cover frame, commercial and AI-generated flags in `post_info`;
 * https://developers.tiktok.com/doc/content-posting-api-reference-direct-post), or
 * `POST /v2/post/publish/inbox/video/init/` for an inbox draft (`source_info` only;
 * https://developers.tiktok.com/doc/content-posting-api-reference-upload-video). The video is
 * `PULL_FROM_URL` for a url source, else a `FILE_UPLOAD` declared by its chunk plan.
 *
 * A pulled video is on its way to the profile once the init is answered, so that init counts as a
 * create (a lost answer is ambiguous); a `FILE_UPLOAD` init creates nothing until the last chunk.
 *
 * @param http - the adapter's HTTP client
 * @param post - the post, with one video
 * @param options - its TikTok options
 * @param chunkSizeBytes - the adapter's chunk size
 * @param context - the publish context
 * @returns the publish id, and the upload URL and plan for a file upload
 */
export async function initVideoPost(
  http: HttpClient,
  post: Post,
  options: TikTokPostOptions,
  chunkSizeBytes: number,
  context: PublishContext,
): Promise<StartedPublish> {
  const video = post.media?.[0];
  if (video === undefined) throw new TypeError('initVideoPost: the post has no video');
  let plan: TikTokChunkPlan | undefined;
  let sourceInfo: Record<string, unknown>;
  if (video.source.type === 'url') {
    sourceInfo = { source: 'PULL_FROM_URL', video_url: video.source.url };
  } else {
    // A stream always declares sizeBytes (core's media model); a file is only stat'ed here.
    const size = mediaSize(video) ?? (await readMediaBlob(video)).size;
    plan = tiktokChunkPlan(size, chunkSizeBytes);
    sourceInfo = {
      source: 'FILE_UPLOAD',
      video_size: plan.videoSize,
      chunk_size: plan.chunkSize,
      total_chunk_count: plan.totalChunkCount,
    };
  }
  const direct = options.mode === 'direct';
  const { data } = await http.request({
    method: 'POST',
    path: direct ? '/v2/post/publish/video/init/' : '/v2/post/publish/inbox/video/init/',
    operation: direct ? 'initialize video post' : 'initialize inbox video',
    headers: JSON_UTF8,
    json: direct
      ? { post_info: videoPostInfo(post, options), source_info: sourceInfo }
      : { source_info: sourceInfo },
    schema: InitSchema,
    context,
    createsResource: plan === undefined,
  });
  const { publish_id: publishId, upload_url: uploadUrl } = data.data;
  if (plan === undefined) return { publishId };
  if (uploadUrl === undefined) {
    // Nothing is published without the bytes, so this is safe to retry.
    throw new TransientError(
      'invalid_response',
      'TikTok answered a FILE_UPLOAD init without an upload_url.',
      {
        platform: 'tiktok',
      },
    );
  }
  return { publishId, upload: { url: uploadUrl, plan } };
}

/**
 * Starts a photo post: `POST /v2/post/publish/content/init/` with `media_type: PHOTO`,
 * `post_mode` `DIRECT_POST` (or `MEDIA_UPLOAD` for an inbox draft), the title, description,
 * privacy and interactions, and the photos' URLs to pull with the cover index
 * (https://developers.tiktok.com/doc/content-posting-api-reference-photo-post). TikTok has the
 * post once this is answered, so it counts as a create.
 *
 * @param http - the adapter's HTTP client
 * @param post - the post, with 1–35 photos by URL
 * @param options - its TikTok options
 * @param context - the publish context
 * @returns the publish id
 */
export async function initPhotoPost(
  http: HttpClient,
  post: Post,
  options: TikTokPostOptions,
  context: PublishContext,
): Promise<StartedPublish> {
  const urls = (post.media ?? []).map((item) => (item.source.type === 'url' ? item.source.url : ''));
  const direct = options.mode === 'direct';
  const { data } = await http.request({
    method: 'POST',
    path: '/v2/post/publish/content/init/',
    operation: direct ? 'initialize photo post' : 'initialize inbox photo post',
    headers: JSON_UTF8,
    json: {
      media_type: 'PHOTO',
      post_mode: direct ? 'DIRECT_POST' : 'MEDIA_UPLOAD',
      post_info: {
        title: post.title ?? '',
        // A link has no field of its own on TikTok: it is shown (not clickable) in the text.
        description: textWithLink(post.text, post.link),
        ...(direct ? { privacy_level: options.privacyLevel } : {}),
        disable_comment: !options.allowComment,
        ...(options.autoAddMusic === undefined ? {} : { auto_add_music: options.autoAddMusic }),
        brand_content_toggle: options.brandContent,
        brand_organic_toggle: options.brandOrganic,
      },
      source_info: {
        source: 'PULL_FROM_URL',
        photo_images: urls,
        photo_cover_index: options.photoCoverIndex,
      },
    },
    schema: InitSchema,
    context,
    createsResource: true,
  });
  return { publishId: data.data.publish_id };
}

/** The `post_info` of a direct video post. */
function videoPostInfo(post: Post, options: TikTokPostOptions): Record<string, unknown> {
  return {
    title: textWithLink(post.text, post.link),
    privacy_level: options.privacyLevel,
    disable_duet: !options.allowDuet,
    disable_stitch: !options.allowStitch,
    disable_comment: !options.allowComment,
    ...(options.coverTimestampMs === undefined ? {} : { video_cover_timestamp_ms: options.coverTimestampMs }),
    brand_content_toggle: options.brandContent,
    brand_organic_toggle: options.brandOrganic,
    is_aigc: options.aiGenerated,
  };
}
