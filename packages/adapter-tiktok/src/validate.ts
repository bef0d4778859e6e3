import type { Capabilities, Post, ValidationProblem } from '@smmkit/core';
import { checkPostRules, countText, textWithLink } from '@smmkit/core/adapter-kit';
import type { TikTokPostOptions } from './post-options.js';

/**
 * Longest video caption (the video's `title`), in UTF-16 units
 * (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post). A photo post's
 * description may have 4 000, the capabilities' `text.maxLength`.
 */
export const VIDEO_CAPTION_MAX_LENGTH = 2200;

/** Photos are at most 1080p (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide). */
const PHOTO_LONG_SIDE = 1920;
const PHOTO_SHORT_SIDE = 1080;

/** What validation needs besides the post, its options and the capabilities. */
export interface TikTokValidationSettings {
  /** The app has not passed TikTok's audit: only `SELF_ONLY` posts. */
  readonly unaudited: boolean;
}

/**
 * Whether a post is a photo post: its media are images (a post with a video is a video post).
 *
 * @param post - the post
 * @returns true when it has media and none is a video
 */
export function isPhotoPost(post: Post): boolean {
  const media = post.media ?? [];
  return media.length > 0 && media.every((item) => item.kind === 'image');
}

/**
 * The settings an inbox video draft cannot carry: its init sends `source_info` only
 * (https://developers.tiktok.com/doc/content-posting-api-reference-upload-video).
 */
const INBOX_VIDEO_DROPS = [
  'allowComment',
  'allowDuet',
  'allowStitch',
  'brandContent',
  'brandOrganic',
  'aiGenerated',
  'coverTimestampMs',
] as const;

/**
 * Every problem that stops `post` from being published on TikTok, with no I/O, all at once:
 * core's checks against the capabilities (media required, one video or 1–35 photos, MIME types,
 * sizes, durations, frame rates and dimensions, text length in UTF-16 units, a photo title of at
 * most 90), then TikTok's own rules:
 *
 * - a video's text is its caption, up to 2 200 UTF-16 units, not the 4 000 of a photo
 *   description (direct post reference), rule `text.max_length`;
 * - a video has no title apart from its caption (direct post reference), rule `title.unsupported`;
 * - photos are pulled from URLs only (`source: PULL_FROM_URL`), rule `media.source`, and every URL
 *   TikTok pulls must be HTTPS (media transfer guide), rule `media.https`;
 * - photos are at most 1080p, rule `media.resolution`;
 * - a direct post needs a `privacyLevel` the creator chose (content sharing guidelines), rule
 *   `options.privacy_required`; an inbox draft takes none (the creator picks it in the app), rule
 *   `options.privacy_inbox`; an unaudited app posts `SELF_ONLY` only, rule `options.privacy_unaudited`;
 * - branded content cannot be private (content sharing guidelines), rule `options.branded_private`;
 * - an inbox video draft takes no post settings (interactions, cover frame, commercial and
 *   AI-generated flags: its init sends the video only), rule `options.not_for_inbox`, and a photo
 *   post no AI-generated label (the photo reference has no `is_aigc`), rule `options.not_for_photos`;
 * - duets, stitches and a cover frame are for videos, a cover photo index for photos and within
 *   them, rule `options.not_for_photos` / `options.not_for_videos` / `options.photo_cover_index`,
 *   and a cover frame lies within the video, rule `options.cover_timestamp`.
 *
 * The creator's own limits (privacy options, longest video, interactions turned off) are known
 * only from creator info: `publish` checks them before anything is uploaded.
 *
 * @param post - the post to check
 * @param options - its `options.tiktok`, parsed with `TikTokPostOptionsSchema`
 * @param capabilities - the adapter's capabilities
 * @param settings - whether the app is unaudited
 * @returns every problem found; empty when the post can be published
 *
 * @example
 * ```ts
 * validateTikTokPost({ text: 'Hi', media: [video] }, { mode: 'direct', … }, caps, { unaudited: false });
 * // [{ path: ['options', 'tiktok', 'privacyLevel'], rule: 'options.privacy_required', … }]
 * ```
 */
export function validateTikTokPost(
  post: Post,
  options: TikTokPostOptions,
  capabilities: Capabilities,
  settings: TikTokValidationSettings,
): ValidationProblem[] {
  const photo = isPhotoPost(post);
  const at = (name: string) => ['options', 'tiktok', name];
  const problems = checkPostRules(post, capabilities, { platformName: 'TikTok' }).filter(
    // A video's caption has its own limit, and its title is refused below whatever its length.
    (problem) => photo || !(problem.rule === 'text.max_length' || problem.rule.startsWith('title.')),
  );
  const length = countText(textWithLink(post.text, post.link), 'utf16_units');
  if (!photo && length > VIDEO_CAPTION_MAX_LENGTH) {
    problems.push({
      path: ['text'],
      rule: 'text.max_length',
      message: `is ${length} characters long; a TikTok video caption allows ${VIDEO_CAPTION_MAX_LENGTH}`,
      limit: VIDEO_CAPTION_MAX_LENGTH,
      actual: length,
    });
  }
  if (!photo && post.title !== undefined && post.title.trim() !== '') {
    problems.push({
      path: ['title'],
      rule: 'title.unsupported',
      message: 'a TikTok video has no title apart from its caption: put it in the text',
    });
  }
  (post.media ?? []).forEach((item, index) => {
    const path = ['media', index];
    if (item.kind === 'image' && item.source.type !== 'url') {
      problems.push({
        path: [...path, 'source'],
        rule: 'media.source',
        message: `TikTok pulls photos from URLs only; give a url source, not ${item.source.type}`,
        actual: item.source.type,
      });
    }
    if (item.source.type === 'url' && !item.source.url.toLowerCase().startsWith('https://')) {
      problems.push({
        path: [...path, 'source', 'url'],
        rule: 'media.https',
        message: 'TikTok pulls media only from HTTPS URLs (of a domain verified for the app)',
      });
    }
    if (item.kind === 'image' && item.width !== undefined && item.height !== undefined) {
      const long = Math.max(item.width, item.height);
      const short = Math.min(item.width, item.height);
      if (long > PHOTO_LONG_SIDE || short > PHOTO_SHORT_SIDE) {
        problems.push({
          path: [...path, 'width'],
          rule: 'media.resolution',
          message: `is ${item.width}×${item.height}; TikTok takes photos of at most 1080p (${PHOTO_LONG_SIDE}×${PHOTO_SHORT_SIDE} either way)`,
          limit: `${PHOTO_LONG_SIDE}x${PHOTO_SHORT_SIDE}`,
          actual: `${item.width}x${item.height}`,
        });
      }
    }
  });

  const privacy = options.privacyLevel;
  if (options.mode === 'direct' && privacy === undefined) {
    problems.push({
      path: at('privacyLevel'),
      rule: 'options.privacy_required',
      message:
        "a TikTok direct post needs the privacy level the creator chose (TikTok allows no default): one of the creator's privacy_level_options",
    });
  }
  if (options.mode === 'inbox' && privacy !== undefined) {
    problems.push({
      path: at('privacyLevel'),
      rule: 'options.privacy_inbox',
      message:
        'an inbox draft takes no privacy level: the creator chooses it in TikTok when finishing the post',
      actual: privacy,
    });
  }
  if (settings.unaudited && privacy !== undefined && privacy !== 'SELF_ONLY') {
    problems.push({
      path: at('privacyLevel'),
      rule: 'options.privacy_unaudited',
      message:
        'an app TikTok has not audited can only post SELF_ONLY (to private accounts): use SELF_ONLY, or pass the audit (https://developers.tiktok.com/doc/content-sharing-guidelines)',
      actual: privacy,
    });
  }
  if (options.brandContent && privacy === 'SELF_ONLY') {
    problems.push({
      path: at('brandContent'),
      rule: 'options.branded_private',
      message: 'branded content cannot be private on TikTok: choose another privacy level',
    });
  }
  if (photo && options.aiGenerated) {
    problems.push({
      path: at('aiGenerated'),
      rule: 'options.not_for_photos',
      message:
        "TikTok's photo post API takes no AI-generated label (is_aigc is for videos): leave aiGenerated out, post it as a draft (mode: 'inbox') and label it in the TikTok app when finishing it",
    });
  }
  if (!photo && options.mode === 'inbox') {
    const settings = INBOX_VIDEO_DROPS.filter(
      (name) => options[name] === true || typeof options[name] === 'number',
    );
    for (const name of settings) {
      problems.push({
        path: at(name),
        rule: 'options.not_for_inbox',
        message:
          'an inbox video draft takes no post settings (the upload sends the video only): the creator sets them in the app when finishing it',
      });
    }
  }
  if (photo) {
    for (const name of ['allowDuet', 'allowStitch'] as const) {
      if (options[name]) {
        problems.push({
          path: at(name),
          rule: 'options.not_for_photos',
          message: 'TikTok photo posts have no duets or stitches',
        });
      }
    }
    if (options.coverTimestampMs !== undefined) {
      problems.push({
        path: at('coverTimestampMs'),
        rule: 'options.not_for_photos',
        message: 'a cover frame is for videos; a photo post takes photoCoverIndex',
      });
    }
    const count = post.media?.length ?? 0;
    if (options.photoCoverIndex >= count) {
      problems.push({
        path: at('photoCoverIndex'),
        rule: 'options.photo_cover_index',
        message: `is ${options.photoCoverIndex}; the post has ${count} photos (the index counts from 0)`,
        limit: count - 1,
        actual: options.photoCoverIndex,
      });
    }
  } else {
    if (options.photoCoverIndex !== 0 || options.autoAddMusic !== undefined) {
      problems.push({
        path: at(options.autoAddMusic !== undefined ? 'autoAddMusic' : 'photoCoverIndex'),
        rule: 'options.not_for_videos',
        message: 'photoCoverIndex and autoAddMusic are for photo posts',
      });
    }
    const duration = post.media?.[0]?.durationSec;
    const cover = options.coverTimestampMs;
    if (cover !== undefined && duration !== undefined && cover > duration * 1000) {
      problems.push({
        path: at('coverTimestampMs'),
        rule: 'options.cover_timestamp',
        message: `is ${cover} ms; the video lasts ${duration * 1000} ms`,
        limit: duration * 1000,
        actual: cover,
      });
    }
  }
  return problems;
}
