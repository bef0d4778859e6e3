import * as z from 'zod/mini';

/**
 * An X id: 1–19 digits (`^[0-9]{1,19}$` on `quote_tweet_id`, `tagged_user_ids` in
 * https://api.x.com/2/openapi.json).
 */
const XIdSchema = z.string().check(z.regex(/^[0-9]{1,19}$/, { error: 'must be an X id (1–19 digits)' }));

/**
 * X's own options for a post, given as `post.options.x`. The names are the fields of
 * `POST /2/tweets` (https://docs.x.com/x-api/posts/create-post; `CreatePostsRequest` in
 * https://api.x.com/2/openapi.json).
 *
 * - `reply_settings`, `made_with_ai` and `paid_partnership` apply to the post and every thread
 *   part (one conversation, one audience, one disclosure); the first comment gets `reply_settings`.
 * - `quote_tweet_id` and `tagged_user_ids` apply to the first post only.
 *
 * Strict: a misspelt option is a validation problem, not silently ignored.
 *
 * @example
 * ```ts
 * const post = { text: 'Ask me anything', options: { x: { reply_settings: 'following' } } };
 * ```
 */
export const XPostOptionsSchema = z.strictObject({
  /** Who can reply: `following`, `mentionedUsers`, `subscribers` or `verified`; everyone when absent. */
  reply_settings: z.optional(z.enum(['following', 'mentionedUsers', 'subscribers', 'verified'])),
  /**
   * Quote this post. Excludes media and polls
   * (https://developer.x.com/en/docs/twitter-api/tweets/manage-tweets/api-reference/post-tweets); removed
   * from self-serve tiers in Apr 2026 (https://docs.x.com/x-api/posts/create-post).
   */
  quote_tweet_id: z.optional(XIdSchema),
  /** Discloses AI-generated media. */
  made_with_ai: z.optional(z.boolean()),
  /** Discloses a paid partnership. */
  paid_partnership: z.optional(z.boolean()),
  /**
   * Users tagged in the media, at most 10 (`CreatePostsMedia.tagged_user_ids` in
   * https://api.x.com/2/openapi.json).
   */
  tagged_user_ids: z.optional(z.array(XIdSchema).check(z.maxLength(10))),
});

/** X's options for a post; see {@link XPostOptionsSchema}. */
export type XPostOptions = z.output<typeof XPostOptionsSchema>;
