import * as z from 'zod/mini';

/**
 * TikTok's privacy levels (`post_info.privacy_level`,
 * https://developers.tiktok.com/doc/content-posting-api-reference-direct-post). A creator may
 * offer only some of them: creator info lists which.
 */
export const TIKTOK_PRIVACY_LEVELS = [
  'PUBLIC_TO_EVERYONE',
  'MUTUAL_FOLLOW_FRIENDS',
  'FOLLOWER_OF_CREATOR',
  'SELF_ONLY',
] as const;

/** One of {@link TIKTOK_PRIVACY_LEVELS}. */
export type TikTokPrivacyLevel = (typeof TIKTOK_PRIVACY_LEVELS)[number];

/**
 * TikTok's own options for a post, given as `post.options.tiktok`. Strict: a misspelt option is
 * a validation problem, not silently ignored.
 *
 * TikTok's content sharing guidelines (https://developers.tiktok.com/doc/content-sharing-guidelines)
 * ask that the creator choose the privacy level themselves, with no default, and that comments,
 * duets and stitches stay off unless the creator turns them on. So `privacyLevel` has no default
 * (a direct post without one is refused by `validate`) and the `allow*` options default to `false`.
 *
 * @example
 * ```ts
 * const post = {
 *   text: 'Behind the scenes #bts',
 *   media: [{ kind: 'video', mimeType: 'video/mp4', source: { type: 'file', path: './bts.mp4' }, durationSec: 42 }],
 *   options: { tiktok: { privacyLevel: 'PUBLIC_TO_EVERYONE', allowComment: true } },
 * };
 * ```
 */
export const TikTokPostOptionsSchema = z.strictObject({
  /**
   * `direct` (default) publishes the post on the creator's profile (scope `video.publish`);
   * `inbox` sends it to the creator's TikTok inbox as a draft they finish in the app (scope
   * `video.upload`; a photo post is sent with `post_mode: MEDIA_UPLOAD`).
   */
  mode: z._default(z.enum(['direct', 'inbox']), 'direct'),
  /** Who may see the post; required for a direct post, one of the creator's options. */
  privacyLevel: z.optional(z.enum(TIKTOK_PRIVACY_LEVELS)),
  /** Let viewers comment (`disable_comment: false`). Default `false`. */
  allowComment: z._default(z.boolean(), false),
  /** Let viewers duet the video (`disable_duet: false`); videos only. Default `false`. */
  allowDuet: z._default(z.boolean(), false),
  /** Let viewers stitch the video (`disable_stitch: false`); videos only. Default `false`. */
  allowStitch: z._default(z.boolean(), false),
  /** The post promotes a third party: paid partnership (`brand_content_toggle`). Default `false`. */
  brandContent: z._default(z.boolean(), false),
  /** The post promotes the creator's own business (`brand_organic_toggle`). Default `false`. */
  brandOrganic: z._default(z.boolean(), false),
  /** The content is AI-generated (`is_aigc`). Default `false`. */
  aiGenerated: z._default(z.boolean(), false),
  /** The video frame to use as cover, in milliseconds from the start (`video_cover_timestamp_ms`). */
  coverTimestampMs: z.optional(z.int().check(z.nonnegative())),
  /** Which photo is the cover, from 0 (`photo_cover_index`). Default 0. */
  photoCoverIndex: z._default(z.int().check(z.nonnegative()), 0),
  /** Let TikTok add music to a photo post (`auto_add_music`). */
  autoAddMusic: z.optional(z.boolean()),
});

/** TikTok's options for a post; see {@link TikTokPostOptionsSchema}. */
export type TikTokPostOptions = z.output<typeof TikTokPostOptionsSchema>;
