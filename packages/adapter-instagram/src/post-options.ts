import * as z from 'zod/mini';

/** A position on the image, 0–1 from the top-left (user tag `x`/`y`; Meta's media reference). */
const Coordinate = z.number().check(z.gte(0), z.lte(1));

/** One tagged user: a public username, and where on an image (IGUser.json `user_tags: list<map>`). */
const UserTagSchema = z.strictObject({
  /** The tagged account's username, without `@`. */
  username: z.string().check(z.minLength(1)),
  /** Horizontal position, 0–1 (images only). */
  x: z.optional(Coordinate),
  /** Vertical position, 0–1 (images only). */
  y: z.optional(Coordinate),
});

/**
 * Instagram's own options for a post, given as `post.options.instagram`. The names are the
 * parameters of `POST /{ig-user-id}/media` (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media; IGUser.json `POST media`).
 *
 * - `format`: `feed` (default: one image, one video published as a reel — every single video is
 *   a reel since July 2023 — or a carousel of 2–10), `reel` (one video) or `story` (one image or video);
 * - `share_to_feed`: a reel also appears in the feed (reels only);
 * - `user_tags`: users tagged in an image, reel or story (on a carousel, in each image child);
 * - `collaborators`: up to 3 usernames invited as collaborators (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media);
 * - `location_id`: a Page id of a place;
 * - `cover_url`, `thumb_offset` (milliseconds): a reel's cover image or frame.
 *
 * Strict: a misspelt option is a validation problem, not silently ignored.
 *
 * @example
 * ```ts
 * const post = { text: 'New drop', media: [video], options: { instagram: { format: 'reel', share_to_feed: true } } };
 * ```
 */
export const InstagramPostOptionsSchema = z.strictObject({
  /** What to publish the media as. */
  format: z.optional(z.enum(['feed', 'story', 'reel'])),
  /** Reels: also show in the feed. */
  share_to_feed: z.optional(z.boolean()),
  /** Users tagged in the media. */
  user_tags: z.optional(z.array(UserTagSchema)),
  /** Collaborators' usernames, at most 3 (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media). */
  collaborators: z.optional(z.array(z.string().check(z.minLength(1))).check(z.maxLength(3))),
  /** Location: the id of a Page of a place. */
  location_id: z.optional(z.string().check(z.regex(/^\d+$/, { error: 'must be a Page id (digits)' }))),
  /** Reels: a public URL of a cover image. */
  cover_url: z.optional(z.url({ protocol: /^https?$/ })),
  /** Reels: the frame used as cover, in milliseconds from the start. */
  thumb_offset: z.optional(z.int().check(z.nonnegative())),
});

/** Instagram's options for a post; see {@link InstagramPostOptionsSchema}. */
export type InstagramPostOptions = z.output<typeof InstagramPostOptionsSchema>;
