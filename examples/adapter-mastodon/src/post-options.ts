import * as z from 'zod/mini';

/**
 * Mastodon's own options for a post, given as `post.options.mastodon`. The names are the
 * parameters of `POST /api/v1/statuses` (docs.joinmastodon.org: methods/statuses#create).
 * They apply to every status the publish creates: the post, its thread parts and the first
 * comment, so that a thread keeps one audience, language and content warning.
 *
 * Strict: a misspelt option is a validation problem, not silently ignored.
 *
 * @example
 * ```ts
 * const post = { text: 'Spoilers ahead', options: { mastodon: { visibility: 'unlisted', spoiler_text: 'Finale' } } };
 * ```
 */
export const MastodonPostOptionsSchema = z.strictObject({
  /** Who sees the status: `public`, `unlisted`, `private` (followers) or `direct` (mentioned people). */
  visibility: z.optional(z.enum(['public', 'unlisted', 'private', 'direct'])),
  /** A content warning shown before the text; it counts toward the length limit. */
  spoiler_text: z.optional(z.string()),
  /** Marks the status and its media as sensitive. */
  sensitive: z.optional(z.boolean()),
  /** The ISO 639-1 language code of the text (`en`, `de`). */
  language: z.optional(
    z.string().check(z.regex(/^[a-z]{2}$/, { error: 'must be an ISO 639-1 code such as "en"' })),
  ),
});

/** Mastodon's options for a post; see {@link MastodonPostOptionsSchema}. */
export type MastodonPostOptions = z.output<typeof MastodonPostOptionsSchema>;
