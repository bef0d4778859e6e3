import type { Capabilities, Post, ValidationProblem } from '@smmkit/core';
import { checkPostRules, mediaSize, textWithLink } from '@smmkit/core/adapter-kit';
import { instagramAspectRatioProblems } from './aspect-ratio.js';
import type { InstagramPostOptions } from './post-options.js';
import { instagramPublishKind } from './publish-format.js';

const MEBIBYTE = 1024 * 1024;
/** Story video 3–60 s, ≤ 100 MB (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media). */
const STORY_VIDEO_MAX_SEC = 60;
const STORY_VIDEO_MAX_BYTES = 100 * MEBIBYTE;
/**
 * What a story container does not take: a story is `media_type=STORIES` with `image_url` or
 * `video_url` (https://developers.facebook.com/docs/instagram-platform/content-publishing) and,
 * since July 9, 2025, `user_tags` ("we added support for the existing `user_tags` field for image
 * and video stories": https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media),
 * so collaborators and a location are refused.
 */
const STORY_UNSUPPORTED_OPTIONS = ['collaborators', 'location_id'] as const;

/**
 * Every problem that stops `post` from being published on Instagram, with no I/O: core's checks
 * against the capabilities for the post's format (caption ≤ 2,200 code points, ≤ 30 hashtags,
 * ≤ 20 mentions, JPEG images ≤ 8 MB of any width (Instagram scales them to 320–1440 px), videos
 * ≤ 1920 px wide, reels 3 s–15 min ≤ 300 MB, carousels of 2–10;
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media),
 * then Instagram's own rules:
 *
 * - media is required in every format, so text-only posts and reels without a video are refused
 *   even when the capabilities passed in say otherwise (https://developers.facebook.com/docs/instagram-platform/content-publishing), rule `media.required`;
 * - aspect ratios, compared exactly (aspect-ratio.ts): feed and carousel images 4:5–1.91:1,
 *   reels and carousel videos 0.01:1–10:1, story videos 0.1:1–10:1, story images any
 *   (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media), rule `media.aspect_ratio`;
 * - story videos: 3–60 s, ≤ 100 MB (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media), rules `media.duration`, `media.max_bytes`;
 * - images need a `url` source: only videos can be uploaded as bytes (`upload_type=resumable`
 *   takes `media_type` REELS, STORIES or VIDEO; developers.facebook.com, Resumable uploads), rule `media.source`;
 * - stories take no caption, no comments, no collaborators or location
 *   (https://developers.facebook.com/docs/instagram-platform/content-publishing: `media_type=STORIES` with `image_url` or `video_url`;
 *   user tags are taken since July 9, 2025: https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media),
 *   rules `text.unsupported`, `first_comment.unsupported`, `options.unsupported_in_story`;
 * - `share_to_feed`, `cover_url` and `thumb_offset` are reel parameters (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media),
 *   rule `options.reels_only`;
 * - a reel's `thumb_offset` (milliseconds) must fall before the video ends, when its
 *   `durationSec` is known (1/2207057 on https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes),
 *   rule `options.thumb_offset`.
 *
 * @param post - the post to check
 * @param options - its `options.instagram`, parsed with `InstagramPostOptionsSchema`
 * @param capabilities - the adapter's capabilities
 * @returns every problem found; empty when the post can be published
 *
 * @example
 * ```ts
 * validateInstagramPost({ text: 'Hello' }, {}, caps); // [{ path: ['media'], rule: 'media.required', … }]
 * ```
 */
export function validateInstagramPost(
  post: Post,
  options: InstagramPostOptions,
  capabilities: Capabilities,
): ValidationProblem[] {
  const format = options.format ?? 'feed';
  const media = post.media ?? [];
  const problems = [
    // Core compares aspect ratios rounded to 3 decimals, which takes 1079 × 1349 (0.79985:1) as
    // 4:5, and holds every format to the same bounds: Instagram's own check replaces it.
    ...checkPostRules(post, capabilities, { platformName: 'Instagram', format }).filter(
      (problem) => problem.rule !== 'media.aspect_ratio',
    ),
    ...instagramAspectRatioProblems(media, format),
  ];
  // Every container needs an `image_url`, a `video_url`, an upload or children
  // (https://developers.facebook.com/docs/instagram-platform/content-publishing): Instagram
  // publishes nothing without media, whatever `capabilities.media.required` says.
  if (media.length === 0 && !problems.some((problem) => problem.rule === 'media.required')) {
    problems.push({
      path: ['media'],
      rule: 'media.required',
      message:
        format === 'reel'
          ? 'Instagram needs a video to publish a reel'
          : `Instagram needs an image or video to publish a ${format === 'story' ? 'story' : 'post'}`,
    });
  }

  media.forEach((item, index) => {
    const path = ['media', index];
    if (item.kind === 'image' && item.source.type !== 'url') {
      problems.push({
        path: [...path, 'source'],
        rule: 'media.source',
        message: `Instagram fetches images from a public URL; a ${item.source.type} source can only be uploaded for videos`,
        actual: item.source.type,
      });
    }
    if (format === 'story' && item.kind === 'video') {
      if (item.durationSec !== undefined && item.durationSec > STORY_VIDEO_MAX_SEC) {
        problems.push({
          path: [...path, 'durationSec'],
          rule: 'media.duration',
          message: `is ${item.durationSec} s; Instagram allows at most ${STORY_VIDEO_MAX_SEC} s in a story`,
          limit: STORY_VIDEO_MAX_SEC,
          actual: item.durationSec,
        });
      }
      const size = mediaSize(item);
      if (size !== undefined && size > STORY_VIDEO_MAX_BYTES) {
        problems.push({
          path: [...path, 'sizeBytes'],
          rule: 'media.max_bytes',
          message: `is ${size} bytes; Instagram allows at most ${STORY_VIDEO_MAX_BYTES} bytes in a story`,
          limit: STORY_VIDEO_MAX_BYTES,
          actual: size,
        });
      }
    }
  });

  if (format === 'story') {
    if (textWithLink(post.text, post.link).trim() !== '') {
      problems.push({
        path: [post.link === undefined ? 'text' : 'link'],
        rule: 'text.unsupported',
        message: 'Instagram stories take no caption, and so no link in one',
      });
    }
    if (post.firstComment !== undefined) {
      problems.push({
        path: ['firstComment'],
        rule: 'first_comment.unsupported',
        message: 'Instagram stories take no comments',
      });
    }
    // A story is `media_type=STORIES` + `image_url` or `video_url`, and `user_tags` (STORY_UNSUPPORTED_OPTIONS):
    // collaborators and a location would be dropped without a word, so they are refused.
    for (const name of STORY_UNSUPPORTED_OPTIONS) {
      if (options[name] !== undefined) {
        problems.push({
          path: ['options', 'instagram', name],
          rule: 'options.unsupported_in_story',
          message: `${name} cannot be set on an Instagram story`,
        });
      }
    }
  }
  const isReel = media.length > 0 && instagramPublishKind(format, media) === 'reel';
  for (const name of ['share_to_feed', 'cover_url', 'thumb_offset'] as const) {
    if (options[name] !== undefined && !isReel) {
      problems.push({
        path: ['options', 'instagram', name],
        rule: 'options.reels_only',
        message: `${name} applies to reels only (one video, format "feed" or "reel")`,
      });
    }
  }
  const video = media[0];
  const offset = options.thumb_offset;
  if (isReel && offset !== undefined && video?.durationSec !== undefined) {
    // 1/2207057 "Thumbnail offset must be greater than or equal to 0 and less than video duration"
    // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes);
    // `thumb_offset` is in milliseconds (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media).
    const durationMs = video.durationSec * 1000;
    if (offset >= durationMs) {
      problems.push({
        path: ['options', 'instagram', 'thumb_offset'],
        rule: 'options.thumb_offset',
        message: `is ${offset} ms; Instagram needs a cover frame before the video ends, at ${durationMs} ms`,
        limit: durationMs,
        actual: offset,
      });
    }
  }
  return problems;
}
