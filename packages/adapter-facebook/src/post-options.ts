import * as z from 'zod/mini';

/**
 * Facebook's own options for a post, given as `post.options.facebook`. The shared link is the
 * post's `link` (Facebook's `link` parameter of `POST /{page-id}/feed`;
 * https://developers.facebook.com/docs/graph-api/reference/page/feed), and native scheduling is
 * the publish context's `scheduledFor`, so the only option is:
 *
 * - `format`: `feed` (default: a text, link, photo or video post on the Page) or `reel` (one
 *   vertical video published with the Reels Publishing API, `POST /{page-id}/video_reels`;
 *   https://developers.facebook.com/docs/video-api/guides/reels-publishing).
 *
 * The schema is strict, so any other option is a validation problem rather than silently ignored.
 *
 * @example
 * ```ts
 * const post = { text: 'Behind the scenes', media: [video], options: { facebook: { format: 'reel' } } };
 * ```
 */
export const FacebookPostOptionsSchema = z.strictObject({
  /** `feed` (default) or `reel`. */
  format: z.optional(z.enum(['feed', 'reel'])),
});

/** Facebook's options for a post; see {@link FacebookPostOptionsSchema}. */
export type FacebookPostOptions = z.output<typeof FacebookPostOptionsSchema>;
