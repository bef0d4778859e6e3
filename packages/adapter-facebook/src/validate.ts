import type { Capabilities, Media, Post, ValidationProblem } from '@smmkit/core';
import { checkPostRules, mediaSize } from '@smmkit/core/adapter-kit';
import type { FacebookPostOptions } from './post-options.js';

const GIBIBYTE = 1024 * 1024 * 1024;

/**
 * A video Facebook fetches from `file_url` is a non-resumable upload: "up to 1GB and 20 minutes
 * long" (https://developers.facebook.com/docs/graph-api/video-uploads, Non-Resumable Upload).
 */
const URL_VIDEO = { maxBytes: GIBIBYTE, maxDurationSec: 20 * 60 } as const;

/**
 * A reel: 3 to 90 seconds, 9:16, at least 540 × 960 pixels, 24 to 60 frames per second
 * (https://developers.facebook.com/docs/video-api/guides/reels-publishing, Video Specifications).
 */
const REEL = {
  minDurationSec: 3,
  maxDurationSec: 90,
  aspectRatio: 9 / 16,
  minWidth: 540,
  minHeight: 960,
  minFps: 24,
  maxFps: 60,
} as const;

/** How far from 9:16 a reel's width ÷ height may be: rounding of odd pixel sizes, no more. */
const REEL_ASPECT_TOLERANCE = 0.01;

/**
 * Every problem that stops `post` from being published to a Facebook Page, with no I/O: core's
 * checks against the capabilities for the post's format (message ≤ 63,206 code points; photos
 * JPEG/PNG/GIF/BMP/TIFF ≤ 4 MB; 1–10 photos or one video; videos in a supported container,
 * ≤ 10 GB, ≤ 4 hours, 9x16 to 16x9; first comments), then Facebook's own rules:
 *
 * - a post with only a `link` is a valid feed post (`message` or `link` is required;
 *   https://developers.facebook.com/docs/graph-api/reference/page/feed), so core's `post.empty`
 *   is dropped when the post has a `link`;
 * - photo and video posts take no `link` (`/{page-id}/photos` and `/{page-id}/videos` have no
 *   such parameter; https://developers.facebook.com/docs/graph-api/reference/page/photos/),
 *   rule `link.with_media`;
 * - a video fetched from a URL is at most 1 GB and 20 minutes (non-resumable upload;
 *   https://developers.facebook.com/docs/graph-api/video-uploads), rules `media.max_bytes` and
 *   `media.duration`;
 * - a reel is one video of 3–90 s, 9:16, at least 540 × 960, 24–60 fps
 *   (https://developers.facebook.com/docs/video-api/guides/reels-publishing), rules
 *   `media.required`, `media.duration`, `media.aspect_ratio`, `media.width`, `media.height`,
 *   `media.fps`. A bound is checked only when the item declares the value it bounds.
 *
 * Native scheduling's window (10 minutes to 30 days) depends on the publish context's
 * `scheduledFor`, so `publish` checks it before sending anything.
 *
 * @param post - the post to check
 * @param options - its `options.facebook`, parsed with `FacebookPostOptionsSchema`
 * @param capabilities - the adapter's capabilities
 * @returns every problem found; empty when the post can be published
 *
 * @example
 * ```ts
 * validateFacebookPost({ text: '' }, {}, caps); // [{ path: [], rule: 'post.empty', … }]
 * ```
 */
export function validateFacebookPost(
  post: Post,
  options: FacebookPostOptions,
  capabilities: Capabilities,
): ValidationProblem[] {
  const format = options.format ?? 'feed';
  const media = post.media ?? [];
  const problems = checkPostRules(post, capabilities, { platformName: 'Facebook', format }).filter(
    (problem) => !(post.link !== undefined && problem.rule === 'post.empty'),
  );
  if (post.link !== undefined && media.length > 0) {
    problems.push({
      path: ['link'],
      rule: 'link.with_media',
      message: 'a Facebook photo or video post takes no link; put the URL in the text instead',
    });
  }
  if (format === 'reel') {
    if (media.length === 0) {
      problems.push({ path: ['media'], rule: 'media.required', message: 'a Facebook reel needs one video' });
    }
    media.forEach((item, index) => {
      if (item.kind === 'video') problems.push(...reelProblems(item, ['media', index]));
    });
  } else {
    media.forEach((item, index) => {
      if (item.kind === 'video' && item.source.type === 'url')
        problems.push(...urlVideoProblems(item, ['media', index]));
    });
  }
  return problems;
}

/** The non-resumable limits of a video Facebook fetches from its URL. */
function urlVideoProblems(item: Media, path: readonly (string | number)[]): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const size = mediaSize(item);
  if (size !== undefined && size > URL_VIDEO.maxBytes) {
    problems.push({
      path: [...path, 'sizeBytes'],
      rule: 'media.max_bytes',
      message: `is ${size} bytes; Facebook fetches videos of at most ${URL_VIDEO.maxBytes} bytes from a URL (upload the bytes instead)`,
      limit: URL_VIDEO.maxBytes,
      actual: size,
    });
  }
  if (item.durationSec !== undefined && item.durationSec > URL_VIDEO.maxDurationSec) {
    problems.push({
      path: [...path, 'durationSec'],
      rule: 'media.duration',
      message: `is ${item.durationSec} s; Facebook fetches videos of at most ${URL_VIDEO.maxDurationSec} s from a URL (upload the bytes instead)`,
      limit: URL_VIDEO.maxDurationSec,
      actual: item.durationSec,
    });
  }
  return problems;
}

/** A reel's duration, shape, size and frame rate, each when the item declares it. */
function reelProblems(item: Media, path: readonly (string | number)[]): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const { durationSec, width, height, fps } = item;
  if (durationSec !== undefined && (durationSec < REEL.minDurationSec || durationSec > REEL.maxDurationSec)) {
    problems.push({
      path: [...path, 'durationSec'],
      rule: 'media.duration',
      message: `is ${durationSec} s; a Facebook reel is ${REEL.minDurationSec} to ${REEL.maxDurationSec} s long`,
      limit: `${REEL.minDurationSec}-${REEL.maxDurationSec}`,
      actual: durationSec,
    });
  }
  if (width !== undefined && height !== undefined) {
    const ratio = width / height;
    if (Math.abs(ratio - REEL.aspectRatio) > REEL_ASPECT_TOLERANCE) {
      problems.push({
        path: [...path, 'width'],
        rule: 'media.aspect_ratio',
        message: `is ${width} × ${height}; a Facebook reel is vertical 9:16`,
        limit: '9:16',
        actual: Math.round(ratio * 1000) / 1000,
      });
    }
  }
  if (width !== undefined && width < REEL.minWidth) {
    problems.push({
      path: [...path, 'width'],
      rule: 'media.width',
      message: `is ${width} px; a Facebook reel is at least ${REEL.minWidth} px wide`,
      limit: REEL.minWidth,
      actual: width,
    });
  }
  if (height !== undefined && height < REEL.minHeight) {
    problems.push({
      path: [...path, 'height'],
      rule: 'media.height',
      message: `is ${height} px; a Facebook reel is at least ${REEL.minHeight} px high`,
      limit: REEL.minHeight,
      actual: height,
    });
  }
  if (fps !== undefined && (fps < REEL.minFps || fps > REEL.maxFps)) {
    problems.push({
      path: [...path, 'fps'],
      rule: 'media.fps',
      message: `is ${fps} fps; a Facebook reel has ${REEL.minFps} to ${REEL.maxFps} frames per second`,
      limit: `${REEL.minFps}-${REEL.maxFps}`,
      actual: fps,
    });
  }
  return problems;
}
